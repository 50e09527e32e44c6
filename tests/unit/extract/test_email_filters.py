"""Every rejection reason, each a row (issue 3, "Reject, always, each with a named reason")."""

from __future__ import annotations

import pytest

from crawler.extract import RejectReason, reject_reason, scan_page

R = RejectReason

# (address as cleaned, expected reason); provenance: the issue's own examples, then
# what real builders emit (WordPress retina assets, npm CDNs, Wix/Sentry bundles).
FROM_ISSUE = [
    pytest.param("logo@2x.png", R.ASSET_NAME, id="asset-retina-png"),
    pytest.param("icon@3x.webp", R.ASSET_NAME, id="asset-retina-webp"),
    pytest.param("hero-banner@1.5x.jpg", R.ASSET_NAME, id="asset-fractional-density"),
    pytest.param("sprite@2x.svg", R.ASSET_NAME, id="asset-svg"),
    pytest.param("jquery@3.6.0", R.PACKAGE_VERSION, id="version-jquery"),
    pytest.param("bootstrap@5.3.2", R.PACKAGE_VERSION, id="version-bootstrap"),
    pytest.param("swiper@11", R.PACKAGE_VERSION, id="version-major-only"),
    pytest.param(
        "fontawesome-free@6.4.0-beta", R.PACKAGE_VERSION, id="version-prerelease"
    ),
    pytest.param(
        "5d41402abc4b2a76b9719d911017c592@o450123.ingest.sentry.io",
        R.MONITORING_DSN,
        id="dsn-sentry",
    ),
    pytest.param(
        "a1b2c3d4e5f60718@sentry.wixpress.com", R.MONITORING_DSN, id="dsn-wix-sentry"
    ),
    pytest.param(
        "bolt@sentry-next.wixpress.com", R.MONITORING_DSN, id="dsn-wix-internal"
    ),
    pytest.param("votre@email.fr", R.PLACEHOLDER, id="placeholder-fr-votre"),
    pytest.param("you@example.com", R.PLACEHOLDER, id="placeholder-en-example"),
    pytest.param("email@domain.com", R.PLACEHOLDER, id="placeholder-domain-com"),
    pytest.param("nom@exemple.fr", R.PLACEHOLDER, id="placeholder-fr-exemple"),
    pytest.param(
        "prenom.nom@boulangerie-martin.fr", R.PLACEHOLDER, id="placeholder-prenom-nom"
    ),
    pytest.param(
        "max.mustermann@firma.de", R.PLACEHOLDER, id="placeholder-de-mustermann"
    ),
    pytest.param("ihre@beispiel.de", R.PLACEHOLDER, id="placeholder-de-beispiel"),
    pytest.param("tu@email.com", R.PLACEHOLDER, id="placeholder-es-tu"),
    pytest.param("nombre@ejemplo.es", R.PLACEHOLDER, id="placeholder-es-ejemplo"),
    pytest.param("nome.cognome@esempio.it", R.PLACEHOLDER, id="placeholder-it-esempio"),
    pytest.param("noreply@boulangerie-martin.fr", R.NO_REPLY, id="noreply"),
    pytest.param("no-reply@wix.com", R.NO_REPLY, id="no-reply-hyphen"),
    pytest.param("ne-pas-repondre@mairie.fr", R.NO_REPLY, id="no-reply-fr"),
    pytest.param("noreply-shop@shopify.com", R.NO_REPLY, id="no-reply-prefix"),
    pytest.param("jean..dupont@martin.fr", R.INVALID_SYNTAX, id="syntax-double-dot"),
    pytest.param(".jean@martin.fr", R.INVALID_SYNTAX, id="syntax-leading-dot"),
    pytest.param(
        "jean@martin_bakery.fr", R.INVALID_SYNTAX, id="syntax-underscore-domain"
    ),
    pytest.param("jean@-martin.fr", R.INVALID_SYNTAX, id="syntax-hyphen-label"),
    pytest.param(
        "admin@intranet.local", R.INVALID_SYNTAX, id="syntax-special-use-local"
    ),
    pytest.param(
        "jean@martin.boulangerie", R.NO_PUBLIC_SUFFIX, id="suffix-not-in-list"
    ),
    pytest.param("jean@server.lan", R.NO_PUBLIC_SUFFIX, id="suffix-lan"),
]
KEPT = [
    pytest.param("contact@boulangerie-martin.fr", id="fr-role"),
    pytest.param("jean.dupont@kanzlei-mueller.de", id="de-personal"),
    pytest.param("info@bäckerei-müller.de", id="idn-domain"),
    pytest.param("mario@trattoria.co.uk", id="two-label-suffix"),
    pytest.param("john@smith-bakery.ie", id="first-name-john-is-real"),
    pytest.param("mail@tischlerei.de", id="de-mail-is-real"),
    pytest.param("studio@martin.wixsite.com", id="private-suffix-site"),
]


@pytest.mark.parametrize(("address", "reason"), FROM_ISSUE)
def test_rejections_are_named(address, reason):
    assert reject_reason(address) is reason


@pytest.mark.parametrize("address", KEPT)
def test_real_addresses_are_kept(address):
    assert reject_reason(address) is None


def test_url_credentials_are_monitoring_dsns():
    """``https://key@host`` is a DSN even when the key is not hexadecimal."""
    assert (
        reject_reason("publickey@errors.example-monitor.io", in_url=True)
        is R.MONITORING_DSN
    )


@pytest.mark.parametrize(
    ("text", "site"),
    [
        pytest.param(
            "Questions? Ask jane at partners.co.uk",
            "http://martin.fr/",
            id="en-other-domain",
        ),
        pytest.param(
            "Book a table at restaurant-sol.es",
            "http://martin.fr/",
            id="en-prose-booking",
        ),
    ],
)
def test_bare_at_on_another_domain_is_an_uncertain_spelling(text, site):
    scan = scan_page(f"<p>{text}</p>", site)
    assert scan.sightings == ()
    assert R.UNCERTAIN_SPELLING in {r.reason for r in scan.rejections}


def test_scan_reports_rejections_with_reason_and_source():
    html = (
        '<p>Logo: <img src="a.png" data-hires="logo@2x.png"></p>'
        "<p>contact@martin.fr, noreply@martin.fr, votre@email.fr</p>"
        '<p>Sentry: "https://5d41402abc4b2a76@o1.ingest.sentry.io/2"</p>'
    )
    scan = scan_page(html, "http://martin.fr/")
    assert [s.address for s in scan.sightings] == ["contact@martin.fr"]
    assert {(r.text, r.reason) for r in scan.rejections} == {
        ("logo@2x.png", R.ASSET_NAME),
        ("noreply@martin.fr", R.NO_REPLY),
        ("votre@email.fr", R.PLACEHOLDER),
        ("5d41402abc4b2a76@o1.ingest.sentry.io", R.MONITORING_DSN),
    }
