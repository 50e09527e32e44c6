"""Ranking rules of docs/ranking.md, one table per rule (issue 3, Ranking)."""

from __future__ import annotations

import pytest

from crawler.extract import EmailSighting, EmailSource, PageKind, PageRegion, ThirdParty
from crawler.rank import Disqualification, Mailbox, mailbox_kind, rank_emails
from crawler.sites import Site

SITE = Site("www.boulangerie-martin.fr")
HOME = "http://www.boulangerie-martin.fr/"
CONTACT = "http://www.boulangerie-martin.fr/contact/"


def seen(address, url=HOME, region=PageRegion.MAIN, kind=PageKind.OTHER, **evidence):
    return EmailSighting(address, url, EmailSource.TEXT, region, kind, **evidence)


def best(*sightings, site=SITE):
    return rank_emails(list(sightings), site).email


# --- rule 2: whose mailbox --------------------------------------------------------------
# (local part, names written next to it, expected kind)
MAILBOXES = [
    pytest.param("jean.dupont", [], Mailbox.PERSONAL, id="fr-prenom-nom"),
    pytest.param("j.dupont", [], Mailbox.PERSONAL, id="fr-initial-nom"),
    pytest.param("marie", [], Mailbox.PERSONAL, id="fr-first-name"),
    pytest.param("jean-pierre.roux", [], Mailbox.PERSONAL, id="fr-compound-first-name"),
    pytest.param("Hélène", [], Mailbox.PERSONAL, id="fr-accented-first-name"),
    pytest.param("stefan.huber", [], Mailbox.PERSONAL, id="de-vorname-nachname"),
    pytest.param("s.huber", [], Mailbox.PERSONAL, id="de-initial"),
    pytest.param("maria.lopez", [], Mailbox.PERSONAL, id="es-nombre-apellido"),
    pytest.param("giulia", [], Mailbox.PERSONAL, id="it-nome"),
    pytest.param("sarah.jones", [], Mailbox.PERSONAL, id="en-first-last"),
    pytest.param(
        "lefort", ["Maître Claire Lefort"], Mailbox.PERSONAL, id="fr-surname-of-maitre"
    ),
    pytest.param(
        "cdelmas",
        ["Dr Christophe Delmas"],
        Mailbox.PERSONAL,
        id="fr-initial-surname-compact",
    ),
    pytest.param(
        "wagner.k", ["Klaus Wagner"], Mailbox.PERSONAL, id="de-surname-initial"
    ),
    # farm sites www.fournil-gaillard-chambery.fr, zimmerei-steinberger.at: the business's
    # name, made of a trade and the owner's surname, is the business's mailbox
    pytest.param(
        "fournil.gaillard",
        ["Thomas Gaillard"],
        Mailbox.GENERAL,
        id="fr-trade-and-surname",
    ),
    pytest.param(
        "zimmerei.steinberger",
        ["Josef Steinberger"],
        Mailbox.GENERAL,
        id="de-trade-and-surname",
    ),
    pytest.param("contact", [], Mailbox.GENERAL, id="fr-contact"),
    pytest.param("info", [], Mailbox.GENERAL, id="en-info"),
    pytest.param("bonjour", [], Mailbox.GENERAL, id="fr-bonjour"),
    pytest.param("accueil", [], Mailbox.GENERAL, id="fr-accueil"),
    pytest.param("secretariat", [], Mailbox.GENERAL, id="fr-secretariat"),
    pytest.param("reservation", [], Mailbox.GENERAL, id="fr-reservation"),
    pytest.param("commande", [], Mailbox.GENERAL, id="fr-commande"),
    pytest.param("devis", [], Mailbox.GENERAL, id="fr-devis"),
    pytest.param("kontakt", [], Mailbox.GENERAL, id="de-kontakt"),
    pytest.param("buero", [], Mailbox.GENERAL, id="de-buero"),
    pytest.param("anfragen", [], Mailbox.GENERAL, id="de-anfragen"),
    pytest.param("contacto", [], Mailbox.GENERAL, id="es-contacto"),
    pytest.param("reservas", [], Mailbox.GENERAL, id="es-reservas"),
    pytest.param("informazioni", [], Mailbox.GENERAL, id="it-informazioni"),
    pytest.param("prenotazioni", [], Mailbox.GENERAL, id="it-prenotazioni"),
    pytest.param("hello", [], Mailbox.GENERAL, id="en-hello"),
    pytest.param(
        "contact.marie", [], Mailbox.GENERAL, id="role-word-with-a-name-inside"
    ),
    pytest.param("contactmarie", [], Mailbox.GENERAL, id="role-prefix-glued-to-a-name"),
    pytest.param(
        "boulangerie.martin", [], Mailbox.GENERAL, id="business-name-is-not-a-person"
    ),
    pytest.param("evenements", [], Mailbox.GENERAL, id="role-word-containing-eve"),
    pytest.param("compta", [], Mailbox.DEPARTMENT, id="fr-compta"),
    pytest.param("rh", [], Mailbox.DEPARTMENT, id="fr-rh"),
    pytest.param("recrutement", [], Mailbox.DEPARTMENT, id="fr-recrutement"),
    pytest.param("presse", [], Mailbox.DEPARTMENT, id="fr-presse"),
    pytest.param("sav", [], Mailbox.DEPARTMENT, id="fr-sav"),
    pytest.param("webmaster", [], Mailbox.DEPARTMENT, id="webmaster"),
    pytest.param("buchhaltung", [], Mailbox.DEPARTMENT, id="de-buchhaltung"),
    pytest.param("rrhh", [], Mailbox.DEPARTMENT, id="es-rrhh"),
    pytest.param("amministrazione", [], Mailbox.DEPARTMENT, id="it-amministrazione"),
    pytest.param("support", [], Mailbox.DEPARTMENT, id="en-support"),
]


@pytest.mark.parametrize(("local", "people", "kind"), MAILBOXES)
def test_rule_2_mailbox_kind(local, people, kind):
    assert mailbox_kind(local, people) is kind


# --- rules 1 to 4 on whole sets of sightings ----------------------------------------------
# (sightings of one site, expected best address)
RULES = [
    # 1: qualification
    pytest.param(
        [seen("hello@pixel-alpes.fr", region=PageRegion.FOOTER)],
        None,
        id="1-agency-alone-never-qualifies",
    ),
    pytest.param(
        [
            seen(
                "support@ovh.com",
                url=HOME + "mentions-legales/",
                region=PageRegion.LEGAL_NOTICE,
                kind=PageKind.LEGAL,
                third_party=ThirdParty.HOST,
            )
        ],
        None,
        id="1-host-in-legal-notice-never-qualifies",
    ),
    pytest.param(
        [seen("boulangerie.martin@orange.fr", kind=PageKind.CONTACT)],
        "boulangerie.martin@orange.fr",
        id="1-fr-webmail-as-the-business-contact",
    ),
    pytest.param(
        [seen("schreinerei.huber@t-online.de")],
        "schreinerei.huber@t-online.de",
        id="1-de-webmail",
    ),
    pytest.param(
        [seen("trattoria.mario@libero.it")],
        "trattoria.mario@libero.it",
        id="1-it-webmail",
    ),
    pytest.param(
        [seen("webdesign.jules@gmail.com", third_party=ThirdParty.WEB_AGENCY)],
        None,
        id="1-webmail-only-in-an-agency-credit",
    ),
    pytest.param(
        [seen("paul.d@gmail.com", third_party=ThirdParty.TESTIMONIAL)],
        None,
        id="1-customer-in-a-testimonial",
    ),
    pytest.param(
        [seen("studiorossi@pec.it", kind=PageKind.LEGAL)],
        None,
        id="1-it-pec-is-another-domain",
    ),
    pytest.param(
        [seen("contact@martin-patisserie.fr")],
        "contact@martin-patisserie.fr",
        id="1-redirect-target-domain-is-own",
    ),
    pytest.param(
        [
            seen("contact@boulangerie-martin.fr"),
            seen("jean.fournisseur@moulins-bio.fr"),
        ],
        "contact@boulangerie-martin.fr",
        id="1-partner-never-wins-over-own-role",
    ),
    # 2: person over role, role over department
    pytest.param(
        [
            seen("contact@boulangerie-martin.fr", region=PageRegion.FOOTER),
            seen("sophie.martin@boulangerie-martin.fr"),
        ],
        "sophie.martin@boulangerie-martin.fr",
        id="2-person-over-sitewide-role",
    ),
    pytest.param(
        [seen("info@boulangerie-martin.fr"), seen("marie.roux@gmail.com")],
        "marie.roux@gmail.com",
        id="2-person-webmail-over-role-on-domain",
    ),
    pytest.param(
        [
            seen("recrutement@boulangerie-martin.fr", region=PageRegion.FOOTER),
            seen("bonjour@boulangerie-martin.fr"),
        ],
        "bonjour@boulangerie-martin.fr",
        id="2b-general-over-department",
    ),
    # 3a: owner or manager over other staff
    pytest.param(
        [
            seen(
                "marie@boulangerie-martin.fr",
                person="Marie Curie",
                region=PageRegion.FOOTER,
            ),
            seen("jean@boulangerie-martin.fr", person="Jean Martin", manager=True),
        ],
        "jean@boulangerie-martin.fr",
        id="3a-gerant-over-staff",
    ),
    # 3b: on-domain over webmail
    pytest.param(
        [
            seen("boulangerie.martin@wanadoo.fr", kind=PageKind.CONTACT),
            seen("contact@boulangerie-martin.fr"),
        ],
        "contact@boulangerie-martin.fr",
        id="3b-on-domain-over-webmail",
    ),
    # 3c: contact and legal pages over other pages
    pytest.param(
        [
            seen("info@boulangerie-martin.fr"),
            seen("contact@boulangerie-martin.fr", url=CONTACT, kind=PageKind.CONTACT),
        ],
        "contact@boulangerie-martin.fr",
        id="3c-contact-page-over-home",
    ),
    # 3d: site-wide over one-off
    pytest.param(
        [
            seen("commande@boulangerie-martin.fr"),
            seen("contact@boulangerie-martin.fr", region=PageRegion.HEADER),
        ],
        "contact@boulangerie-martin.fr",
        id="3d-header-over-body",
    ),
    # 3e: more pages, then more sightings
    pytest.param(
        [
            seen("info@boulangerie-martin.fr"),
            seen("contact@boulangerie-martin.fr"),
            seen("contact@boulangerie-martin.fr", url=HOME + "nos-pains/"),
        ],
        "contact@boulangerie-martin.fr",
        id="3e-more-pages",
    ),
    # 4: stable tie-break
    pytest.param(
        [seen("info@boulangerie-martin.fr"), seen("contact@boulangerie-martin.fr")],
        "contact@boulangerie-martin.fr",
        id="4-tie-break-alphabetical",
    ),
]


@pytest.mark.parametrize(("sightings", "expected"), RULES)
def test_rules(sightings, expected):
    site = Site("www.boulangerie-martin.fr", ("martin-patisserie.fr",))
    assert best(*sightings, site=site) == expected


@pytest.mark.parametrize(("sightings", "expected"), RULES)
def test_ranking_does_not_depend_on_crawl_order(sightings, expected):
    site = Site("www.boulangerie-martin.fr", ("martin-patisserie.fr",))
    assert best(*reversed(sightings), site=site) == expected


@pytest.mark.parametrize(
    ("address", "host"),
    [
        pytest.param(
            "info@bäckerei-müller.de",
            "xn--bckerei-mller-bfb28a.de",
            id="unicode-on-punycode",
        ),
        pytest.param(
            "info@xn--bckerei-mller-bfb28a.de",
            "bäckerei-müller.de",
            id="punycode-on-unicode",
        ),
        pytest.param(
            "info@BÄCKEREI-MÜLLER.DE", "www.bäckerei-müller.de", id="upper-case-unicode"
        ),
    ],
)
def test_rule_1_internationalised_domains_compare_in_one_form(address, host):
    assert rank_emails([seen(address.lower())], Site(host)).email == address.lower()


def test_choice_fields_follow_the_seed():
    choice = rank_emails(
        [
            seen("contact@boulangerie-martin.fr", region=PageRegion.FOOTER),
            seen(
                "sophie.martin@boulangerie-martin.fr",
                url=CONTACT,
                kind=PageKind.CONTACT,
            ),
            seen("hello@pixel-alpes.fr", third_party=ThirdParty.WEB_AGENCY),
        ],
        SITE,
    )
    assert choice.email == "sophie.martin@boulangerie-martin.fr"
    assert choice.email_personal == "sophie.martin@boulangerie-martin.fr"
    assert choice.email_source == CONTACT
    assert choice.email_candidates == (
        "sophie.martin@boulangerie-martin.fr",
        "contact@boulangerie-martin.fr",
    )
    assert choice.disqualified == (
        ("hello@pixel-alpes.fr", Disqualification.OTHER_ORGANISATION),
    )


def test_role_choice_has_no_personal_email():
    choice = rank_emails([seen("contact@boulangerie-martin.fr")], SITE)
    assert (choice.email, choice.email_personal) == (
        "contact@boulangerie-martin.fr",
        None,
    )


def test_nothing_found_gives_an_empty_choice():
    choice = rank_emails([], SITE)
    assert (choice.email, choice.email_personal, choice.email_source) == (
        None,
        None,
        None,
    )
    assert choice.email_candidates == ()


def test_source_prefers_the_contact_page():
    choice = rank_emails(
        [
            seen("contact@boulangerie-martin.fr", region=PageRegion.FOOTER),
            seen("contact@boulangerie-martin.fr", url=CONTACT, kind=PageKind.CONTACT),
        ],
        SITE,
    )
    assert choice.email_source == CONTACT


def test_person_named_elsewhere_on_the_site_makes_a_mailbox_personal():
    """The legal notice names the director; the footer gives jdupont@: that is his box."""
    choice = rank_emails(
        [
            seen("contact@boulangerie-martin.fr", region=PageRegion.FOOTER),
            seen("jdupont@boulangerie-martin.fr", region=PageRegion.FOOTER),
            seen(
                "contact@boulangerie-martin.fr",
                url=HOME + "mentions-legales/",
                kind=PageKind.LEGAL,
                person="Jean Dupont",
                manager=True,
            ),
        ],
        SITE,
    )
    assert choice.email_personal == "jdupont@boulangerie-martin.fr"
