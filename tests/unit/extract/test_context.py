"""Evidence around each address: region, page kind, person, manager title, third party."""

from __future__ import annotations

import pytest

from crawler.extract import PageKind, PageRegion, ThirdParty, extract_emails

HOME = "http://martin.fr/"


def only(html: str, url: str = HOME):
    (sighting,) = extract_emails(f"<html><body>{html}</body></html>", url)
    return sighting


# (body, expected region) — the markup each builder uses for its header and footer
REGIONS = [
    pytest.param(
        "<header><p>a@martin.fr</p></header>", PageRegion.HEADER, id="html5-header"
    ),
    pytest.param(
        "<footer><p>a@martin.fr</p></footer>", PageRegion.FOOTER, id="html5-footer"
    ),
    pytest.param(
        '<div id="SITE_FOOTER"><p>a@martin.fr</p></div>',
        PageRegion.FOOTER,
        id="wix-footer",
    ),
    pytest.param(
        '<div id="SITE_HEADER"><p>a@martin.fr</p></div>',
        PageRegion.HEADER,
        id="wix-header",
    ),
    pytest.param(
        '<div class="elementor-location-footer"><p>a@martin.fr</p></div>',
        PageRegion.FOOTER,
        id="elementor-footer",
    ),
    pytest.param(
        '<div id="main-footer" class="et-l"><p>a@martin.fr</p></div>',
        PageRegion.FOOTER,
        id="divi-footer",
    ),
    pytest.param(
        '<div id="top-header"><span>a@martin.fr</span></div>',
        PageRegion.HEADER,
        id="divi-top-header",
    ),
    pytest.param(
        '<div class="jtpl-footer"><p>a@martin.fr</p></div>',
        PageRegion.FOOTER,
        id="jimdo-footer",
    ),
    pytest.param(
        '<div role="contentinfo"><p>a@martin.fr</p></div>',
        PageRegion.FOOTER,
        id="aria-contentinfo",
    ),
    pytest.param("<main><p>a@martin.fr</p></main>", PageRegion.MAIN, id="main"),
    pytest.param(
        '<article><header class="entry-header"><p>a@martin.fr</p></header></article>',
        PageRegion.MAIN,
        id="article-header-is-not-site-header",
    ),
    pytest.param(
        '<div class="card-header"><p>a@martin.fr</p></div>',
        PageRegion.MAIN,
        id="bootstrap-card-header",
    ),
]

# (url, h1, expected page kind)
PAGE_KINDS = [
    pytest.param(
        "http://martin.fr/contact/", "", PageKind.CONTACT, id="fr-contact-path"
    ),
    pytest.param(
        "http://huber.de/kontakt.html", "", PageKind.CONTACT, id="de-kontakt-path"
    ),
    pytest.param("http://sol.es/contacto", "", PageKind.CONTACT, id="es-contacto-path"),
    pytest.param(
        "http://mario.it/contatti/", "", PageKind.CONTACT, id="it-contatti-path"
    ),
    pytest.param(
        "http://martin.fr/mentions-legales/",
        "",
        PageKind.LEGAL,
        id="fr-mentions-legales",
    ),
    pytest.param("http://huber.de/impressum/", "", PageKind.LEGAL, id="de-impressum"),
    pytest.param("http://sol.es/aviso-legal/", "", PageKind.LEGAL, id="es-aviso-legal"),
    pytest.param(
        "http://mario.it/note-legali/", "", PageKind.LEGAL, id="it-note-legali"
    ),
    pytest.param(
        "http://smith.co.uk/legal-notice", "", PageKind.LEGAL, id="en-legal-notice"
    ),
    pytest.param(
        "http://martin.fr/?page_id=12",
        "Contactez-nous",
        PageKind.CONTACT,
        id="fr-h1-contact",
    ),
    pytest.param(
        "http://huber.de/index.php?id=7",
        "Impressum",
        PageKind.LEGAL,
        id="de-h1-impressum",
    ),
    pytest.param(
        "http://martin.fr/nos-pains/", "Nos pains", PageKind.OTHER, id="other"
    ),
]

# (body, expected person, expected manager)
PEOPLE = [
    pytest.param(
        "<p>Gérant : Jean DUPONT – jean@martin.fr</p>",
        "Jean DUPONT",
        True,
        id="fr-gerant",
    ),
    pytest.param(
        "<p>Maître Claire Lefort, avocate — lefort@martin.fr</p>",
        "Claire Lefort",
        False,
        id="fr-maitre",
    ),
    pytest.param(
        "<p>Dr Paul Roux, médecin généraliste<br>p.roux@martin.fr</p>",
        "Paul Roux",
        False,
        id="fr-docteur",
    ),
    pytest.param(
        "<p>Inhaber: Stefan Huber<br>E-Mail: s.huber@martin.fr</p>",
        "Stefan Huber",
        True,
        id="de-inhaber",
    ),
    pytest.param(
        "<p>Geschäftsführerin Anja Weber, weber@martin.fr</p>",
        "Anja Weber",
        True,
        id="de-geschaeftsfuehrerin",
    ),
    pytest.param(
        "<p>Titular: María López · maria@martin.fr</p>",
        "María López",
        True,
        id="es-titular",
    ),
    pytest.param(
        "<p>Dott.ssa Giulia Bianchi – giulia@martin.fr</p>",
        "Giulia Bianchi",
        False,
        id="it-dottoressa",
    ),
    pytest.param(
        "<p>Titolare: Marco Rossi, marco@martin.fr</p>",
        "Marco Rossi",
        True,
        id="it-titolare",
    ),
    pytest.param(
        "<p>Owner: Sarah Jones — sarah@martin.fr</p>",
        "Sarah Jones",
        True,
        id="en-owner",
    ),
    pytest.param(
        "<p>Boulangerie Martin – contact@martin.fr</p>",
        None,
        False,
        id="business-name-is-no-person",
    ),
    # golden page webflow-es-peluqueria-mara-luna-equipo: "Mara" is in no first-name list
    pytest.param(
        '<div><h3>Mara Luna</h3><p>Fundadora</p><a href="mailto:mara@martin.fr">x</a></div>',
        "Mara Luna",
        True,
        id="es-name-spelled-by-the-local-part",
    ),
    # farm site www.weingut-brenner-hauck.de: a business name is no person
    pytest.param(
        "<p>Weingut Brenner-Hauck · weingut@martin.fr</p>",
        None,
        False,
        id="de-business-name-spelled-by-a-role-local-part",
    ),
    # farm site www.fournil-gaillard-chambery.fr: two words, still the business
    pytest.param(
        "<p>Le Fournil Gaillard · fournil.gaillard@orange.fr</p>",
        None,
        False,
        id="fr-business-name-spelled-by-the-local-part",
    ),
]

# (body, expected third party)
THIRD_PARTIES = [
    pytest.param(
        "<p>Site réalisé par Pixel Alpes – hello@pixel-alpes.fr</p>",
        ThirdParty.WEB_AGENCY,
        id="fr-realise-par",
    ),
    pytest.param(
        "<p>Création du site : WebCréa (jeanweb@gmail.com)</p>",
        None,
        id="fr-creation-du-site-is-not-a-cue",
    ),
    pytest.param(
        "<p>Webdesign &amp; Umsetzung: Pixelwerk, info@pixelwerk.de</p>",
        ThirdParty.WEB_AGENCY,
        id="de-webdesign",
    ),
    pytest.param(
        "<p>Diseño web: Estudio Sur — hola@estudiosur.es</p>",
        ThirdParty.WEB_AGENCY,
        id="es-diseno-web",
    ),
    pytest.param(
        "<p>Realizzato da Web Italia · info@webitalia.it</p>",
        ThirdParty.WEB_AGENCY,
        id="it-realizzato-da",
    ),
    pytest.param(
        "<p>Website by Pixel Co, hi@pixelco.co.uk</p>",
        ThirdParty.WEB_AGENCY,
        id="en-website-by",
    ),
    pytest.param(
        "<p>Hébergeur : OVH SAS, support@ovh.com</p>",
        ThirdParty.HOST,
        id="fr-hebergeur",
    ),
    pytest.param(
        "<p>Hosting: IONOS SE, info@ionos.de</p>", ThirdParty.HOST, id="de-hosting"
    ),
    pytest.param(
        "<blockquote>Parfait ! — paul.d@gmail.com</blockquote>",
        ThirdParty.TESTIMONIAL,
        id="blockquote",
    ),
    pytest.param(
        '<div class="testimonials-slider"><p>Top! anna@gmx.de</p></div>',
        ThirdParty.TESTIMONIAL,
        id="testimonial-class",
    ),
    pytest.param(
        '<section id="avis-clients"><p>Super, luc@free.fr</p></section>',
        ThirdParty.TESTIMONIAL,
        id="fr-avis-id",
    ),
    pytest.param(
        '<div class="aviso-legal"><p>info@martin.fr</p></div>',
        None,
        id="es-aviso-is-not-avis",
    ),
    pytest.param(
        "<p>Conception et pose de cuisines : cuisines.dupont@gmail.com</p>",
        None,
        id="fr-conception-is-a-trade",
    ),
    pytest.param(
        "<p>Gartengestaltung Huber, huber.garten@web.de</p>",
        None,
        id="de-gartengestaltung-is-a-trade",
    ),
    # golden page squarespace-fr-salon-coiffure-meche-rebelle: the line after a quote
    pytest.param(
        "<blockquote><p>« Ravie ! »</p></blockquote><p>— Léa, message reçu de lea.f@hotmail.fr</p>",
        ThirdParty.TESTIMONIAL,
        id="fr-attribution-after-blockquote",
    ),
    # golden pages html-it-idraulico-brambilla and wix-en-bnb-thistledown: no markup says
    # "testimonial"; a quoted sentence, then a dash and a name, does
    pytest.param(
        '<td><i>"Lavoro eccellente!"</i><br><font size="1">- Giovanna Pozzi (g.pozzi@tiscali.it)</font></td>',
        ThirdParty.TESTIMONIAL,
        id="it-2000s-quote-then-dash-attribution",
    ),
    pytest.param(
        '<div class="rich"><p><span>“A perfect stay.”</span></p><p><span>— Sarah &amp; Tom, Leeds (s.w@outlook.com)</span></p></div>',
        ThirdParty.TESTIMONIAL,
        id="en-wix-quote-then-dash-attribution",
    ),
    pytest.param(
        "<p>Horaires : 9h-18h<br>- Email : bar.tabac@orange.fr</p>",
        None,
        id="fr-dash-bullet-is-no-attribution",
    ),
    # a one-line footer: the business's own webmail, then the agency's credit
    pytest.param(
        "<p>© Plomberie Vidal – plomberie.vidal@orange.fr – Site réalisé par WebSud</p>",
        None,
        id="fr-credit-after-the-address-is-not-its-context",
    ),
    pytest.param(
        "<p>Site réalisé par WebSud<br>websud.creations@gmail.com</p>",
        ThirdParty.WEB_AGENCY,
        id="fr-credit-on-the-line-above",
    ),
]


@pytest.mark.parametrize(("body", "region"), REGIONS)
def test_region(body, region):
    assert only(body).region is region


def test_main_content_of_a_legal_page_is_the_legal_notice():
    assert only(
        "<main><p>a@martin.fr</p></main>", "http://martin.fr/impressum/"
    ).region is (PageRegion.LEGAL_NOTICE)


@pytest.mark.parametrize(("url", "h1", "kind"), PAGE_KINDS)
def test_page_kind(url, h1, kind):
    assert only(f"<h1>{h1}</h1><p>x@{url.split('/')[2]}</p>", url).page_kind is kind


@pytest.mark.parametrize(("body", "person", "manager"), PEOPLE)
def test_person_and_manager_next_to_the_address(body, person, manager):
    sighting = only(body)
    assert (sighting.person, sighting.manager) == (person, manager)


def test_team_cards_keep_their_own_context():
    html = (
        '<div class="team"><div><h3>Jean Martin</h3><p>Fondateur</p>'
        '<a href="mailto:jean@martin.fr">✉</a></div>'
        '<div><h3>Marie Curie</h3><p>Vendeuse</p><a href="mailto:marie@martin.fr">✉</a>'
        "</div></div>"
    )
    found = {s.address: (s.person, s.manager) for s in extract_emails(html, HOME)}
    assert found == {
        "jean@martin.fr": ("Jean Martin", True),
        "marie@martin.fr": ("Marie Curie", False),
    }


def test_each_entry_of_a_team_list_keeps_its_own_context():
    html = (
        "<ul><li><strong>Pierre Morel</strong> – architecte, gérant</li>"
        "<li><strong>Julien Servais</strong> – architecte, chef de projet logements – "
        '<a href="mailto:j.servais@martin.fr">j.servais@martin.fr</a></li>'
        "<li>Kevin Jacquet – dessinateur-projeteur</li></ul>"
    )
    found = {(s.person, s.manager) for s in extract_emails(html, HOME)}
    assert found == {("Julien Servais", False)}


def test_a_list_of_contact_fields_reads_as_one_block():
    html = (
        "<ul><li>Gérant : Jean Roux</li><li>Tél. 04 50 00 00 00</li>"
        "<li>E-mail : jean@martin.fr</li></ul>"
    )
    found = {(s.person, s.manager) for s in extract_emails(html, HOME)}
    assert found == {("Jean Roux", True)}


def test_shared_block_context_is_the_address_line():
    html = (
        "<p>Gérant : Jean Roux – jean@martin.fr<br>Secrétariat : accueil@martin.fr</p>"
    )
    found = {s.address: (s.person, s.manager) for s in extract_emails(html, HOME)}
    assert found == {
        "jean@martin.fr": ("Jean Roux", True),
        "accueil@martin.fr": (None, False),  # its own line names no one
    }


def test_jsonld_person_and_founder():
    html = (
        '<script type="application/ld+json">{"@type":"Bakery","email":"contact@martin.fr",'
        '"founder":{"@type":"Person","name":"Jean Martin","email":"jean@martin.fr"}}</script>'
    )
    found = {s.address: (s.person, s.manager) for s in extract_emails(html, HOME)}
    assert found == {
        "contact@martin.fr": (None, False),
        "jean@martin.fr": ("Jean Martin", True),
    }


@pytest.mark.parametrize(("body", "third_party"), THIRD_PARTIES)
def test_third_party_context(body, third_party):
    assert only(body).third_party is third_party
