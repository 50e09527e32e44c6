"""Every source of addresses, every spelling, in the five languages (issue 3, Extraction)."""

from __future__ import annotations

import pytest

from crawler.extract import EmailSource, extract_emails

URL = "http://www.boulangerie-martin.fr/"


def cf(address: str, key: int = 0x42) -> str:
    """Encode like Cloudflare's email protection (key byte, then bytes XOR key)."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode())


# (html body, expected {address: source}) — every address the page really shows, and only those
FROM_ISSUE = [
    pytest.param(
        '<a href="mailto:contact@boulangerie-martin.fr">Écrire</a>',
        {"contact@boulangerie-martin.fr": EmailSource.MAILTO},
        id="mailto-plain",
    ),
    pytest.param(
        '<a href="mailto:devis@boulangerie-martin.fr?subject=Demande%20de%20devis&body=Bonjour">x</a>',
        {"devis@boulangerie-martin.fr": EmailSource.MAILTO},
        id="mailto-with-subject-and-body",
    ),
    pytest.param(
        '<a href="MAILTO:sophie%2Emartin%40boulangerie-martin.fr">x</a>',
        {"sophie.martin@boulangerie-martin.fr": EmailSource.MAILTO},
        id="mailto-percent-encoded-upper-scheme",
    ),
    pytest.param(
        '<a href="mailto:&#106;ean&#64;boulangerie-martin.fr">x</a>',
        {"jean@boulangerie-martin.fr": EmailSource.MAILTO},
        id="mailto-entity-encoded",
    ),
    pytest.param(
        '<a href="mailto:info@boulangerie-martin.fr,sophie@boulangerie-martin.fr;compta@boulangerie-martin.fr">x</a>',
        {
            "info@boulangerie-martin.fr": EmailSource.MAILTO,
            "sophie@boulangerie-martin.fr": EmailSource.MAILTO,
            "compta@boulangerie-martin.fr": EmailSource.MAILTO,
        },
        id="mailto-several-recipients",
    ),
    pytest.param(
        '<a href=" mailto:%20contact@boulangerie-martin.fr ">x</a>',
        {"contact@boulangerie-martin.fr": EmailSource.MAILTO},
        id="mailto-url-escaped-space-prefix",
    ),
    pytest.param(
        "<p>Écrivez-nous : contact@boulangerie-martin.fr.</p>",
        {"contact@boulangerie-martin.fr": EmailSource.TEXT},
        id="text-fr-trailing-dot",
    ),
    pytest.param(
        "<p>E-Mail:info@baeckerei-huber.de</p>",
        {"info@baeckerei-huber.de": EmailSource.TEXT},
        id="text-de-no-space-after-colon",
    ),
    pytest.param(
        "<p>Contact: contact&#64;boulangerie-martin.fr or jean&#x40;boulangerie-martin.fr</p>",
        {
            "contact@boulangerie-martin.fr": EmailSource.TEXT,
            "jean@boulangerie-martin.fr": EmailSource.TEXT,
        },
        id="text-decimal-and-hex-entities",
    ),
    pytest.param(
        "<p>&#99;&#111;&#110;&#116;&#97;&#99;&#116;&#64;&#109;&#97;&#114;&#116;&#105;&#110;&#46;&#102;&#114;</p>",
        {"contact@martin.fr": EmailSource.TEXT},
        id="text-fully-entity-encoded",
    ),
    pytest.param(
        "<p>sophie<span>@</span>boulangerie-martin<span>.</span>fr</p>",
        {"sophie@boulangerie-martin.fr": EmailSource.TEXT},
        id="text-split-across-inline-tags",
    ),
    pytest.param(
        "<p><b>jean</b><i>.dupont</i><!-- x -->@<em>martin.fr</em></p>",
        {"jean.dupont@martin.fr": EmailSource.TEXT},
        id="text-split-across-tags-and-a-comment",
    ),
    pytest.param(
        "<p>Mail: contact@martin.fr.Horaires : 7h-19h</p>",
        {"contact@martin.fr": EmailSource.TEXT},
        id="text-running-into-next-sentence",
    ),
    pytest.param(
        '<div data-props="{&quot;text&quot;:&quot;\\u003einfo@martin.fr&quot;}">x</div>',
        {"info@martin.fr": EmailSource.ATTRIBUTE},
        id="attribute-json-escaped-u003e-prefix",
    ),
    pytest.param(
        "<p>\\ncontact@martin.fr</p>",
        {"contact@martin.fr": EmailSource.TEXT},
        id="text-literal-backslash-n-prefix",
    ),
    pytest.param(
        "<p>info\\u0040martin.fr</p>",
        {"info@martin.fr": EmailSource.TEXT},
        id="text-json-escaped-at-sign",
    ),
    pytest.param(
        '<span data-email="reservation@martin.fr">Réserver</span>',
        {"reservation@martin.fr": EmailSource.ATTRIBUTE},
        id="attribute-data-email",
    ),
    pytest.param(
        '<button data-user="commande%40martin.fr">x</button>',
        {"commande@martin.fr": EmailSource.ATTRIBUTE},
        id="attribute-url-escaped-at",
    ),
    pytest.param(
        '<img src="/x.png" title="jean@martin.fr" alt="photo">',
        {"jean@martin.fr": EmailSource.ATTRIBUTE},
        id="attribute-title",
    ),
    pytest.param(
        '<head><meta name="reply-to" content="contact@martin.fr"></head><body></body>',
        {"contact@martin.fr": EmailSource.ATTRIBUTE},
        id="attribute-meta-content",
    ),
    pytest.param(
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Bakery",'
        '"name":"Boulangerie Martin","email":"contact@martin.fr"}</script>',
        {"contact@martin.fr": EmailSource.JSONLD},
        id="jsonld-localbusiness",
    ),
    pytest.param(
        '<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":'
        '"Organization","contactPoint":{"@type":"ContactPoint","email":"mailto:info@martin.fr"}}]}</script>',
        {"info@martin.fr": EmailSource.JSONLD},
        id="jsonld-graph-contactpoint-mailto",
    ),
    pytest.param(
        '<script type="application/ld+json">{"@type":"Dentist", "email": ["a.roux@martin.fr",'
        ' "accueil@martin.fr"],}</script>',
        {
            "a.roux@martin.fr": EmailSource.JSONLD,
            "accueil@martin.fr": EmailSource.JSONLD,
        },
        id="jsonld-broken-json-still-read",
    ),
    pytest.param(
        '<div itemscope itemtype="https://schema.org/LocalBusiness"><meta itemprop="email"'
        ' content="contact@martin.fr"></div>',
        {"contact@martin.fr": EmailSource.MICRODATA},
        id="microdata-meta-content",
    ),
    pytest.param(
        '<div itemscope itemtype="http://schema.org/Person"><span itemprop="name">Jean Roux'
        '</span> <a itemprop="email" href="mailto:jean.roux@martin.fr">écrire</a></div>',
        {"jean.roux@martin.fr": EmailSource.MICRODATA},
        id="microdata-link-in-person",
    ),
    pytest.param(
        f'<a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="{cf("contact@martin.fr")}">'
        "[email&#160;protected]</a>",
        {"contact@martin.fr": EmailSource.CFEMAIL},
        id="cfemail-data-attribute",
    ),
    pytest.param(
        f'<a href="/cdn-cgi/l/email-protection#{cf("sophie.martin@martin.fr", 0x9C)}">Écrire</a>',
        {"sophie.martin@martin.fr": EmailSource.CFEMAIL},
        id="cfemail-href-fragment",
    ),
    pytest.param(
        f'<span data-cfemail="{cf("café@bäckerei-müller.de")}">[email protected]</span>',
        {"café@bäckerei-müller.de": EmailSource.CFEMAIL},
        id="cfemail-utf8-idn",
    ),
]

# Spelled-out "@" and "." (DEOBFUSCATED), language by language.
SPELLINGS = [
    pytest.param("jean [at] martin [dot] fr", "jean@martin.fr", id="en-brackets"),
    pytest.param(
        "jean(at)martin(dot)fr", "jean@martin.fr", id="en-parentheses-no-spaces"
    ),
    pytest.param("jean {at} martin.fr", "jean@martin.fr", id="en-braces-literal-dot"),
    pytest.param(
        "Write to jean at martin dot fr", "jean@martin.fr", id="en-bare-words"
    ),
    pytest.param("jean @ martin . fr", "jean@martin.fr", id="spaced-symbols"),
    pytest.param("jean@martin [dot] fr", "jean@martin.fr", id="at-sign-spelled-dot"),
    pytest.param(
        "contact arobase martin point fr", "contact@martin.fr", id="fr-arobase-point"
    ),
    pytest.param(
        "contact [arobase] martin (point) fr", "contact@martin.fr", id="fr-bracketed"
    ),
    pytest.param(
        "info (at) huber-holz punkt de", "info@huber-holz.de", id="de-at-punkt"
    ),
    pytest.param(
        "kontakt [ät] huber-holz.de", "kontakt@huber-holz.de", id="de-umlaut-at"
    ),
    pytest.param(
        "info (arroba) clinica-sol punto es",
        "info@clinica-sol.es",
        id="es-arroba-punto",
    ),
    pytest.param(
        "reservas arroba casa-pepe.es", "reservas@casa-pepe.es", id="es-bare-arroba"
    ),
    pytest.param(
        "info chiocciola trattoria-mario punto it",
        "info@trattoria-mario.it",
        id="it-chiocciola",
    ),
    pytest.param(
        "mario [chiocciola] trattoria-mario [punto] it",
        "mario@trattoria-mario.it",
        id="it-bracketed",
    ),
    pytest.param(
        "john.smith at martin.fr", "john.smith@martin.fr", id="en-bare-at-own-domain"
    ),
]

# Addresses that must NOT come out: comments, code, templates, hidden placeholders, prose.
NEVER = [
    pytest.param("<!-- contact: ancien@martin.fr -->", id="html-comment"),
    pytest.param(
        '<script>var cfg = {"owner": "dev@martin.fr"};</script>', id="script-code"
    ),
    pytest.param(
        '<script type="text/template"><p>tpl@martin.fr</p></script>',
        id="script-template",
    ),
    pytest.param(
        "<template><a href='mailto:tpl@martin.fr'>x</a></template>",
        id="template-element",
    ),
    pytest.param(
        '<input type="email" placeholder="votre.nom@martin.fr">',
        id="placeholder-attribute",
    ),
    pytest.param(
        '<input type="hidden" name="to" value="forms@martin.fr">', id="hidden-input"
    ),
    pytest.param(
        '<div style="display:none">honeypot@martin.fr</div>', id="display-none"
    ),
    pytest.param(
        '<div hidden><a href="mailto:hidden@martin.fr">x</a></div>',
        id="hidden-attribute",
    ),
    pytest.param("<style>.x{background:url(a@2x.png)}</style>", id="style-element"),
    pytest.param("<p>Meet us at booking.com</p>", id="en-prose-at"),
    pytest.param("<p>Find us at martin dot fr</p>", id="en-prose-us-at"),
    pytest.param("<p>Open at 9.30 every day</p>", id="en-prose-time"),
    pytest.param(
        "<p>Nous écrire : [email&#160;protected]</p>", id="cloudflare-placeholder-text"
    ),
]


@pytest.mark.parametrize(("body", "expected"), FROM_ISSUE)
def test_each_source_is_read(body, expected):
    sightings = extract_emails(f"<html><body>{body}</body></html>", URL)
    found = {s.address: s.source for s in sightings}
    assert found == expected


@pytest.mark.parametrize(("text", "address"), SPELLINGS)
def test_spelled_out_addresses_are_decoded(text, address):
    page = f"<html><body><p>{text}</p></body></html>"
    sightings = extract_emails(page, "http://martin.fr/contact/")
    assert [(s.address, s.source) for s in sightings] == [
        (address, EmailSource.DEOBFUSCATED)
    ]


@pytest.mark.parametrize("body", NEVER)
def test_nothing_is_read_from_code_templates_or_prose(body):
    assert extract_emails(f"<html><body>{body}</body></html>", URL) == []


def test_bare_at_for_another_domain_is_not_trusted():
    """A plain " at " reads as prose unless the domain is the site's own (never invent)."""
    page = "<p>Questions? Ask jane at partners.co.uk</p>"
    assert extract_emails(page, "http://martin.fr/") == []


def test_sightings_carry_the_page_url():
    page = "<p>contact@martin.fr</p>"
    (sighting,) = extract_emails(page, "http://martin.fr/contact/")
    assert sighting.page_url == "http://martin.fr/contact/"


def test_an_empty_or_broken_page_yields_nothing():
    assert extract_emails("", URL) == []
    assert extract_emails("<html><body><p>@@@ x@ @y </p>", URL) == []
