"""The ranking rules on small pages written in each of the five languages.

Rows are (page URL, body, expected email, expected email_personal). The unit tables in
test_rank_emails.py pin each rule; these check that extraction finds the evidence each
rule needs in the words each language uses.
"""

from __future__ import annotations

import pytest

from crawler.extract import extract_emails
from crawler.rank import rank_emails
from crawler.sites import Site

FIVE_LANGUAGES = [
    # French: legal notice naming the gérant, host and agency in the same page
    pytest.param(
        "http://www.boulangerie-roux.fr/mentions-legales/",
        "<main><h1>Mentions légales</h1><p>Éditeur : SARL Roux, 3 place du Marché, Dole.<br>"
        "Gérant et directeur de la publication : Paul Roux – p.roux@boulangerie-roux.fr<br>"
        "Contact : bonjour@boulangerie-roux.fr</p>"
        "<p>Hébergeur : OVH SAS, 2 rue Kellermann, Roubaix – support@ovh.com</p></main>"
        "<footer>Site réalisé par Studio Doubs – hello@studio-doubs.fr</footer>",
        "p.roux@boulangerie-roux.fr",
        "p.roux@boulangerie-roux.fr",
        id="fr-gerant-over-contact-host-and-agency-never",
    ),
    pytest.param(
        "http://plomberie-vidal.fr/",
        "<header><a href='mailto:plomberie.vidal@orange.fr'>plomberie.vidal@orange.fr</a></header>"
        "<footer>Réalisation : <a href='https://web-sud.fr'>Web Sud</a> · contact@web-sud.fr</footer>",
        "plomberie.vidal@orange.fr",
        None,
        id="fr-webmail-is-the-business-contact",
    ),
    # German: Impressum with the Inhaber, Kontakt and Buchhaltung
    pytest.param(
        "https://www.schreinerei-brandt.de/impressum",
        "<main><h1>Impressum</h1><p>Schreinerei Brandt<br>Inhaber: Jonas Brandt<br>"
        "E-Mail: j.brandt (at) schreinerei-brandt (punkt) de</p>"
        "<p>Allgemeine Anfragen: info@schreinerei-brandt.de<br>"
        "Rechnungen: buchhaltung@schreinerei-brandt.de</p></main>",
        "j.brandt@schreinerei-brandt.de",
        "j.brandt@schreinerei-brandt.de",
        id="de-inhaber-spelled-out-over-info",
    ),
    pytest.param(
        "https://zahnarzt-keller.at/kontakt/",
        "<main><p>Anfragen bitte an <a href='mailto:praxis@zahnarzt-keller.at'>praxis@zahnarzt-keller.at</a></p>"
        "<p>Bewerbungen: bewerbung@zahnarzt-keller.at</p></main>"
        "<footer>Webdesign: Pixelwerk – office@pixelwerk.at</footer>",
        "praxis@zahnarzt-keller.at",
        None,
        id="de-general-over-department",
    ),
    # Spanish: aviso legal with the titular, and reservas site-wide
    pytest.param(
        "https://www.casa-lucia.es/aviso-legal/",
        "<header>reservas@casa-lucia.es</header><main><h1>Aviso legal</h1>"
        "<p>Titular: Lucía Fernández Ortega, NIF 12345678Z.<br>"
        "Correo electrónico: lucia.fernandez (arroba) casa-lucia (punto) es</p></main>"
        "<footer>reservas@casa-lucia.es · Diseño web: Estudio Sur, hola@estudiosur.es</footer>",
        "lucia.fernandez@casa-lucia.es",
        "lucia.fernandez@casa-lucia.es",
        id="es-titular-over-sitewide-reservas",
    ),
    pytest.param(
        "https://taller-garcia.es/contacto",
        "<main><p>Escríbenos: tallergarcia@hotmail.es</p>"
        "<blockquote>¡Muy buen servicio! — pedro.m@gmail.com</blockquote></main>",
        "tallergarcia@hotmail.es",
        None,
        id="es-webmail-business-not-the-customer",
    ),
    # Italian: note legali with the titolare, a PEC box and prenotazioni
    pytest.param(
        "https://www.trattoria-dal-moro.it/note-legali/",
        "<main><h1>Note legali</h1><p>Trattoria Dal Moro di Marco Moro, P.IVA 01234567890<br>"
        "Titolare: Marco Moro — marco@trattoria-dal-moro.it<br>"
        "PEC: trattoriadalmoro@pec.it</p></main>"
        "<footer>prenotazioni@trattoria-dal-moro.it</footer>",
        "marco@trattoria-dal-moro.it",
        "marco@trattoria-dal-moro.it",
        id="it-titolare-over-prenotazioni-pec-never",
    ),
    pytest.param(
        "https://agriturismo-il-poggio.it/contatti",
        "<main><p>Informazioni: info chiocciola agriturismo-il-poggio punto it</p></main>"
        "<footer>Realizzato da Web Toscana – info@webtoscana.it</footer>",
        "info@agriturismo-il-poggio.it",
        None,
        id="it-chiocciola-over-nothing-agency-never",
    ),
    # English: team page, owner over staff
    pytest.param(
        "https://www.harbour-dental.co.uk/our-team/",
        "<main><div class='member'><h3>Sarah Collins</h3><p>Practice owner</p>"
        "<a href='mailto:sarah@harbour-dental.co.uk'>Email Sarah</a></div>"
        "<div class='member'><h3>James Patel</h3><p>Associate dentist</p>"
        "<a href='mailto:james@harbour-dental.co.uk'>Email James</a></div></main>"
        "<footer>reception@harbour-dental.co.uk</footer>",
        "sarah@harbour-dental.co.uk",
        "sarah@harbour-dental.co.uk",
        id="en-owner-over-staff-over-reception",
    ),
    pytest.param(
        "https://thegreenbakery.ie/",
        "<main><p>Say hello: hello [at] thegreenbakery [dot] ie</p>"
        "<p>Website by Pixel &amp; Co, hi@pixelandco.ie</p></main>",
        "hello@thegreenbakery.ie",
        None,
        id="en-spelled-role-agency-never",
    ),
]


@pytest.mark.parametrize(("url", "body", "email", "personal"), FIVE_LANGUAGES)
def test_rules_in_each_language(url, body, email, personal):
    html = f"<html><body>{body}</body></html>"
    choice = rank_emails(extract_emails(html, url), Site.from_url(url))
    assert (choice.email, choice.email_personal) == (email, personal)
