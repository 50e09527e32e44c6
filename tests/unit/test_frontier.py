"""Which pages a crawl fetches, within its page and depth budgets.

Contact-like links in five languages; in deep mode also team pages, ordinary pages and
sitemap entries.
"""

from __future__ import annotations

import pytest

from crawler.frontier import (
    CrawlPlan,
    Frontier,
    contact_likeness,
    is_profile_page,
    page_key,
)

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


NORMAL = CrawlPlan(pages=3, depth=1, min_score=1)
DEEP = CrawlPlan(pages=30, depth=3, min_score=0, profiles=True)


def drain(frontier: Frontier) -> list[tuple[str, int]]:
    pages = []
    while (page := frontier.take()) is not None:
        pages.append((page[0].removeprefix(SITE), page[1]))
    return pages


def test_normal_mode_prefers_contact_pages_within_the_budget():
    frontier = Frontier(NORMAL, taken=1)  # the home page is the first page
    frontier.offer(
        [
            (SITE + "/galerie/", "Galerie"),
            (SITE + "/mentions-legales/", "Mentions légales"),
            (SITE + "/a-propos/", "À propos"),
            (SITE + "/contact/", "Écrivez-nous"),
            (SITE + "/contact/", "Contact"),  # the same page: its best anchor counts
        ],
        depth=1,
    )
    assert drain(frontier) == [("/contact/", 1), ("/a-propos/", 1)]


def test_normal_mode_stays_one_level_deep():
    frontier = Frontier(NORMAL, taken=1)
    frontier.offer([(SITE + "/contact/", "Contact")], depth=2)
    assert drain(frontier) == []


def test_a_page_is_offered_once_whatever_its_spelling():
    frontier = Frontier(DEEP, taken=1)
    frontier.visited(SITE + "/")
    frontier.offer(
        [(SITE, "Accueil"), (SITE + "/contact", "Contact"), (SITE + "/#top", "Haut")],
        depth=1,
    )
    frontier.offer([(SITE + "/contact/", "Contact"), (SITE + "/contact#f", "")], 2)
    assert drain(frontier) == [("/contact", 1)]


def test_deep_mode_orders_by_score_then_depth_and_keeps_ordinary_pages_last():
    frontier = Frontier(DEEP, taken=1)
    frontier.offer(
        [(SITE + "/nos-pains/", "Nos pains"), (SITE + "/a-propos/", "À propos")],
        depth=1,
    )
    frontier.offer(
        [
            (SITE + "/a-propos/contact-atelier/", "Contact atelier"),
            (SITE + "/a-propos/histoire/", "Notre histoire"),
            (SITE + "/recettes/", "Recettes"),
        ],
        depth=2,
    )
    assert drain(frontier) == [
        ("/a-propos/contact-atelier/", 2),  # contact-like path: best, though deeper
        ("/a-propos/", 1),
        ("/a-propos/histoire/", 2),  # "notre histoire" anchor
        ("/nos-pains/", 1),  # ordinary pages: shallow first
        ("/recettes/", 2),
    ]


def test_deep_mode_stops_at_its_depth_and_page_budget():
    frontier = Frontier(CrawlPlan(pages=3, depth=2, min_score=0), taken=1)
    frontier.offer([(SITE + f"/page-{n}/", "") for n in range(5)], depth=1)
    frontier.offer([(SITE + "/contact/", "Contact")], depth=3)  # too deep
    assert len(drain(frontier)) == 2  # the home page and two more


TEAM_PAGES = [
    pytest.param("/avocats/marie-leclerc/", True, id="fr-lawyer"),
    pytest.param("/equipe/jean-dupont", True, id="fr-team-member"),
    pytest.param("/praticiens/dr-anne-roux.html", True, id="fr-practitioner"),
    pytest.param("/praxis/team/dr-anna-vogel/", True, id="de-team"),
    pytest.param("/unser-team/", True, id="de-team-listing"),
    pytest.param("/abogados/lucia-ferrer/", True, id="es-lawyer"),
    pytest.param("/avvocati/", True, id="it-lawyers"),
    pytest.param("/our-people/sarah-finch/", True, id="en-people"),
    pytest.param("/nos-pains/baguette/", False, id="fr-product"),
    pytest.param("/blog/teambuilding-en-montagne/", False, id="fr-blog-word-inside"),
    pytest.param("/steam-cleaning/", False, id="en-word-inside-another"),
]


@pytest.mark.parametrize(("path", "expected"), TEAM_PAGES)
def test_team_pages(path, expected):
    assert is_profile_page(SITE + path) is expected


def test_team_pages_score_in_deep_mode_only():
    frontier = Frontier(NORMAL, taken=1)
    frontier.offer([(SITE + "/avocats/marie-leclerc/", "Marie Leclerc")], depth=1)
    assert drain(frontier) == []
    frontier = Frontier(DEEP, taken=1)
    frontier.offer(
        [(SITE + "/honoraires/", ""), (SITE + "/avocats/marie-leclerc/", "")], 1
    )
    assert drain(frontier)[0] == ("/avocats/marie-leclerc/", 1)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("http://martin.fr/contact/", "http://martin.fr/contact"),
        ("http://martin.fr/contact#form", "http://martin.fr/contact"),
        ("http://martin.fr/", "http://martin.fr"),
        ("http://martin.fr/?page_id=2", "http://martin.fr/?page_id=2"),
    ],
)
def test_page_key(url, key):
    assert page_key(url) == key
