"""Which links normal mode follows: contact, legal and about pages, in five languages."""

from __future__ import annotations

import pytest

from crawler.links import contact_likeness, pick_links

SITE = "http://www.martin.fr"

# (path, anchor text, followed?)
LINKS = [
    pytest.param("/contact/", "Contact", True, id="fr-contact"),
    pytest.param("/nous-joindre", "Nous joindre", True, id="fr-nous-joindre-path"),
    pytest.param("/?page_id=12", "Contactez-nous", True, id="fr-anchor-only"),
    pytest.param("/mentions-legales/", "Mentions légales", True, id="fr-legal"),
    pytest.param("/le-cabinet.html", "Le cabinet", True, id="fr-about-a-practice"),
    pytest.param("/qui-sommes-nous/", "Qui sommes-nous ?", True, id="fr-about"),
    pytest.param("/kontakt.html", "Kontakt", True, id="de-kontakt"),
    pytest.param("/impressum/", "Impressum", True, id="de-impressum"),
    pytest.param("/ueber-uns/", "Über uns", True, id="de-about"),
    pytest.param("/contacto", "Contacto", True, id="es-contacto"),
    pytest.param("/aviso-legal/", "Aviso legal", True, id="es-aviso-legal"),
    pytest.param("/nosotros/", "Nosotros", True, id="es-about"),
    pytest.param("/contatti/", "Contatti", True, id="it-contatti"),
    pytest.param("/note-legali/", "Note legali", True, id="it-note-legali"),
    pytest.param("/chi-siamo/", "Chi siamo", True, id="it-about"),
    pytest.param("/contact-us", "Get in touch", True, id="en-contact"),
    pytest.param("/our-story", "Our story", True, id="en-about"),
    # farm site cercle-escrime-vieux-port-marseille.fr: an association's about page
    pytest.param("/le-club/", "Le club", True, id="fr-association-about"),
    pytest.param("/verein/", "Der Verein", True, id="de-association-about"),
    pytest.param("/produits/", "Nos pains", False, id="fr-products"),
    pytest.param("/galerie/", "Galerie", False, id="fr-gallery"),
    pytest.param("/blog/2023/05/recette", "Recette du mois", False, id="fr-blog-post"),
    pytest.param("/speisekarte/", "Speisekarte", False, id="de-menu"),
]


@pytest.mark.parametrize(("path", "anchor", "followed"), LINKS)
def test_contact_likeness(path, anchor, followed):
    assert (contact_likeness(SITE + path, anchor) > 0) is followed


def test_pick_links_prefers_contact_pages_within_the_budget():
    links = [
        (SITE + "/galerie/", "Galerie"),
        (SITE + "/mentions-legales/", "Mentions légales"),
        (SITE + "/a-propos/", "À propos"),
        (SITE + "/contact/", "Contact"),
        (SITE + "/contact/", "Écrivez-nous"),
    ]
    assert pick_links(links, 2) == [SITE + "/contact/", SITE + "/a-propos/"]
