"""What real POI lists put in ``site_web``, and the site each value means (issue 5)."""

from __future__ import annotations

import pytest

from crawler.sites import Site, SiteProblem, normalise_site, site_web, website_column

# (site_web as found in upstream lists, expected start URL and host)
USABLE = [
    pytest.param(
        "https://www.boulangerie-martin.fr/",
        "https://www.boulangerie-martin.fr/",
        "www.boulangerie-martin.fr",
        id="plain",
    ),
    pytest.param(
        "www.boulangerie-martin.fr",
        "http://www.boulangerie-martin.fr/",
        "www.boulangerie-martin.fr",
        id="no-scheme",
    ),
    pytest.param(
        "boulangerie-martin.fr",
        "http://boulangerie-martin.fr/",
        "boulangerie-martin.fr",
        id="bare-domain",
    ),
    pytest.param(
        "  WWW.Boulangerie-Martin.FR  ",
        "http://www.boulangerie-martin.fr/",
        "www.boulangerie-martin.fr",
        id="upper-case-and-spaces",
    ),
    pytest.param(
        "HTTPS://WWW.MARTIN.FR/Accueil",
        "https://www.martin.fr/Accueil",
        "www.martin.fr",
        id="upper-case-scheme-path-kept",
    ),
    pytest.param(
        "www. boulangerie-martin .fr",
        "http://www.boulangerie-martin.fr/",
        "www.boulangerie-martin.fr",
        id="spaces-inside-from-a-spreadsheet",
    ),
    pytest.param(
        "https://example-cafe.fr/fr/accueil.html",
        "https://example-cafe.fr/fr/accueil.html",
        "example-cafe.fr",
        id="deep-start-page",
    ),
    pytest.param(
        "//www.martin.fr",
        "http://www.martin.fr/",
        "www.martin.fr",
        id="protocol-relative",
    ),
    pytest.param(
        "http://www.martin.fr:8080/",
        "http://www.martin.fr:8080/",
        "www.martin.fr",
        id="port-kept",
    ),
    pytest.param(
        "www.martin.fr:8080",
        "http://www.martin.fr:8080/",
        "www.martin.fr",
        id="port-without-scheme",
    ),
    pytest.param(
        "bäckerei-müller.de",
        "http://xn--bckerei-mller-bfb28a.de/",
        "xn--bckerei-mller-bfb28a.de",
        id="idn-host",
    ),
    pytest.param(
        '"http://www.martin.fr"',
        "http://www.martin.fr/",
        "www.martin.fr",
        id="quoted-by-a-csv-export",
    ),
    pytest.param(
        "<http://www.martin.fr>",
        "http://www.martin.fr/",
        "www.martin.fr",
        id="angle-brackets",
    ),
    pytest.param(
        "http://www.martin.fr/#contact",
        "http://www.martin.fr/",
        "www.martin.fr",
        id="fragment-dropped",
    ),
    pytest.param(
        "martin.wixsite.com/boulangerie",
        "http://martin.wixsite.com/boulangerie",
        "martin.wixsite.com",
        id="builder-sub-site",
    ),
    pytest.param(
        "www.studio-atlas.co.uk",
        "http://www.studio-atlas.co.uk/",
        "www.studio-atlas.co.uk",
        id="two-label-suffix",
    ),
]

# (site_web, expected problem)
UNUSABLE = [
    pytest.param(None, SiteProblem.NO_WEBSITE, id="missing"),
    pytest.param("", SiteProblem.NO_WEBSITE, id="empty"),
    pytest.param("   ", SiteProblem.NO_WEBSITE, id="blank"),
    pytest.param(42, SiteProblem.NO_WEBSITE, id="a-number"),
    pytest.param("mailto:contact@martin.fr", SiteProblem.INVALID_URL, id="mailto"),
    pytest.param("javascript:void(0)", SiteProblem.INVALID_URL, id="javascript"),
    pytest.param("ftp://files.martin.fr/", SiteProblem.INVALID_URL, id="ftp"),
    pytest.param("tel:+33450000000", SiteProblem.INVALID_URL, id="tel"),
    pytest.param(
        "https://www.facebook.com/boulangeriemartin",
        SiteProblem.INVALID_URL,
        id="facebook-page-as-website",
    ),
    pytest.param(
        "instagram.com/boulangerie.martin",
        SiteProblem.INVALID_URL,
        id="instagram-as-website",
    ),
    pytest.param("http://192.168.1.10/", SiteProblem.INVALID_URL, id="bare-ipv4"),
    pytest.param("http://[2001:db8::1]/", SiteProblem.INVALID_URL, id="bare-ipv6"),
    pytest.param("http://localhost:8000/", SiteProblem.INVALID_URL, id="localhost"),
    pytest.param("intranet", SiteProblem.INVALID_URL, id="single-label"),
    pytest.param("martin.local", SiteProblem.INVALID_URL, id="no-public-suffix"),
    pytest.param("contact@martin.fr", SiteProblem.INVALID_URL, id="an-email-address"),
    pytest.param("http://", SiteProblem.INVALID_URL, id="scheme-only"),
    pytest.param("n/a", SiteProblem.INVALID_URL, id="n-a"),
]


@pytest.mark.parametrize(("site_web", "start_url", "host"), USABLE)
def test_usable_websites(site_web, start_url, host):
    site = normalise_site(site_web)
    assert isinstance(site, Site)
    assert (site.start_url, site.host) == (start_url, host)


@pytest.mark.parametrize(("site_web", "problem"), UNUSABLE)
def test_unusable_values_say_why(site_web, problem):
    rejection = normalise_site(site_web)
    assert not isinstance(rejection, Site)
    assert rejection.problem is problem
    assert rejection.detail  # a sentence for status_detail


def test_same_site_for_www_and_bare_domain():
    www, bare = (
        normalise_site("www.martin.fr"),
        normalise_site("https://martin.fr/contact"),
    )
    assert isinstance(www, Site)
    assert isinstance(bare, Site)
    assert www.domains == bare.domains


# (a POI as a spreadsheet or a scraper writes it, the website it names)
WEBSITE_COLUMNS = [
    ({"nom": "Martin", "site_web": "martin.fr"}, "martin.fr"),
    ({"Nom": "Martin", "Site Web": "martin.fr"}, "martin.fr"),
    ({"Name": "Martin", "Website": "https://martin.fr/"}, "https://martin.fr/"),
    ({"name": "Martin", "WEBSITE ": "martin.fr"}, "martin.fr"),
    ({"Nom": "Martin", "Site internet": "martin.fr"}, "martin.fr"),
    ({"Nom": "Martin", "Sité-web": "martin.fr"}, "martin.fr"),
    (
        {"nom": "Martin", "url": "martin.fr", "site_web": "www.martin.fr"},
        "www.martin.fr",
    ),
    ({"nom": "Martin", "site_web": "", "url": "martin.fr"}, "martin.fr"),
    ({"nom": "Martin", "site_web": None, "homepage": "martin.fr"}, "martin.fr"),
    ({"nom": "Martin", "telephone": "04 50 45 12 34"}, None),
    ({"nom": "Martin", "site_web_archive": "old.martin.fr"}, None),
    ({"nom": "Martin", "facebook": "https://facebook.com/martin"}, None),
]


@pytest.mark.parametrize(("poi", "website"), WEBSITE_COLUMNS)
def test_the_website_column_is_found_as_people_name_it(poi, website):
    assert site_web(poi) == website
    assert (website_column(poi) is None) == (website is None)
