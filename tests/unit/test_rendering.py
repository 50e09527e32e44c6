"""Which pages deep mode sends to the browser: a table of static HTML and its reasons."""

from __future__ import annotations

import pytest

from crawler.rendering import RenderReason as R
from crawler.rendering import render_reasons

# Enough visible text that a page does not look like a script-built shell.
TEXT = (
    "<p>Boulangerie artisanale depuis 1987, nous pétrissons chaque nuit nos pains au "
    "levain naturel avec des farines de meuniers de la région. Viennoiseries pur beurre, "
    "pâtisseries de saison et pains spéciaux sur commande, du mardi au dimanche.</p>"
)
ANALYTICS = (
    "<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>"
)

# (page HTML, key page?, expected reasons)
PAGES = [
    pytest.param(
        TEXT + '<a href="mailto:contact@martin.fr">contact@martin.fr</a>' + ANALYTICS,
        True,
        [],
        id="static-address-analytics-only",
    ),
    pytest.param(
        TEXT + "<script>var u='contact', d='martin.fr';"
        "document.write('<a href=\"mai'+'lto:'+u+'&#64;'+d+'\">'+u+'</a>')</script>",
        False,
        [R.SCRIPT_WRITES_ADDRESS],
        id="document-write",
    ),
    pytest.param(
        TEXT + "<span id=c></span><script>document.getElementById('c').textContent="
        "String.fromCharCode(105,110,102,111)</script>",
        False,
        [R.SCRIPT_WRITES_ADDRESS],
        id="char-codes",
    ),
    pytest.param(
        TEXT + '<div class="adresse"></div>'
        '<script src="/wp-content/themes/fournil/js/contact.js"></script>',
        False,
        [R.SCRIPT_WRITES_ADDRESS],
        id="same-site-contact-script",
    ),
    pytest.param(
        TEXT + "<button class='btn'>Afficher l'adresse e-mail</button>",
        False,
        [R.REVEAL_CONTROL],
        id="fr-reveal-button",
    ),
    pytest.param(
        TEXT + '<a href="#" class="js-mail">E-Mail anzeigen</a>',
        False,
        [R.REVEAL_CONTROL],
        id="de-reveal-link",
    ),
    pytest.param(
        TEXT + '<span role="button" tabindex="0">Click to show email</span>',
        False,
        [R.REVEAL_CONTROL],
        id="en-reveal-span",
    ),
    pytest.param(
        TEXT + "<button>Recevoir la newsletter par e-mail</button>"
        '<a href="/avis/">Voir les avis de nos clients</a>',
        False,
        [],
        id="verbs-are-words-and-need-an-address-noun",
    ),
    pytest.param(
        TEXT + '<p>Écrivez-nous : <a id="email"></a></p>',
        False,
        [R.EMPTY_ADDRESS_SLOT],
        id="empty-slot",
    ),
    pytest.param(
        TEXT + '<span class="icon-mail"></span> <i class="fa fa-envelope"></i>'
        '<form><input type="email" name="email" placeholder="Votre e-mail"></form>',
        False,
        [],
        id="icons-and-form-fields-are-not-slots",
    ),
    pytest.param(
        TEXT
        + '<a href="/histoire/">En savoir plus</a> <a href="/plan/">Voir le plan</a>',
        True,
        [],
        id="ordinary-links-no-scripts",
    ),
    pytest.param(
        TEXT + '<script type="application/ld+json">{"@context": "https://schema.org",'
        '"email": "contact@martin.fr"}</script>',
        True,
        [],
        id="json-ld-is-data-not-a-script",
    ),
    pytest.param(
        TEXT + '<script src="/js/jquery.min.js"></script>',
        True,
        [R.SCRIPTED_KEY_PAGE],
        id="contact-page-with-scripts-and-no-address",
    ),
    pytest.param(
        TEXT + '<script src="/js/jquery.min.js"></script>',
        False,
        [],
        id="ordinary-page-with-scripts-and-no-address",
    ),
    pytest.param(
        '<div id="SITE_CONTAINER"></div><script src="https://static.parastorage.com/'
        'thunderbolt.js"></script><p>Atelier Lent</p>',
        False,
        [R.SCRIPT_SHELL],
        id="script-built-shell",
    ),
]


@pytest.mark.parametrize(("html", "key_page", "expected"), PAGES)
def test_render_reasons(html, key_page, expected):
    page = f"<html><body>{html}</body></html>"
    assert render_reasons(page, "http://martin.fr/page/", key_page=key_page) == expected
