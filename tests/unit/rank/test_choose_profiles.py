"""Social profile rules S1 to S3 of docs/ranking.md, one row per rule (issue 4)."""

from __future__ import annotations

import pytest

from crawler.extract import (
    PageRegion,
    SocialLink,
    SocialSource,
    ThirdParty,
    canonical_profile,
)
from crawler.rank import Exclusion, choose_profiles
from crawler.sites import Site

HOME = "http://www.boulangerie-martin.fr/"
SITE = Site("www.boulangerie-martin.fr")
NAME = "Boulangerie Martin"


def link(url, region=PageRegion.MAIN, page=HOME, third_party=None, agencies=()):
    profile = canonical_profile(url)
    assert profile is not None, url
    return SocialLink(
        profile, url, page, SocialSource.A_HREF, region, third_party, agencies
    )


# (links, column, expected canonical URL or None)
RULES = [
    pytest.param(
        [
            link(
                "https://www.facebook.com/pixelalpes", third_party=ThirdParty.WEB_AGENCY
            )
        ],
        "social_facebook",
        None,
        id="S1-agency-in-credit-never",
    ),
    pytest.param(
        [
            link(
                "https://www.instagram.com/pixel.alpes",
                PageRegion.FOOTER,
                agencies=("pixelalpes",),
            )
        ],
        "social_instagram",
        None,
        id="S1-agency-handle-matches-credited-domain",
    ),
    pytest.param(
        [link("https://www.facebook.com/TripAdvisor")],
        "social_facebook",
        None,
        id="S1-review-site-account",
    ),
    pytest.param(
        [link("https://www.facebook.com/pagesjaunes", PageRegion.FOOTER)],
        "social_facebook",
        None,
        id="S1-directory-account",
    ),
    pytest.param(
        [link("https://www.facebook.com/moulinbio", third_party=ThirdParty.PARTNER)],
        "social_facebook",
        None,
        id="S1-partner",
    ),
    pytest.param(
        [link("https://www.instagram.com/lea.f", third_party=ThirdParty.TESTIMONIAL)],
        "social_instagram",
        None,
        id="S1-quoted-customer",
    ),
    pytest.param(
        [
            link("https://www.facebook.com/boulangeriemartin", PageRegion.FOOTER),
            link(
                "https://www.facebook.com/boulangeriemartin",
                third_party=ThirdParty.PARTNER,
            ),
        ],
        "social_facebook",
        "https://www.facebook.com/boulangeriemartin",
        id="S1-own-page-also-seen-in-a-partner-block",
    ),
    # farm site tischlerei-krueger-hamburg.de: the business's page also read near a credit
    pytest.param(
        [
            link("https://www.facebook.com/boulangeriemartin"),
            link(
                "https://www.facebook.com/boulangeriemartin",
                PageRegion.FOOTER,
                third_party=ThirdParty.WEB_AGENCY,
            ),
        ],
        "social_facebook",
        "https://www.facebook.com/boulangeriemartin",
        id="S1-own-page-also-read-near-a-credit",
    ),
    pytest.param(
        [
            link("https://www.facebook.com/fetedupain2024"),
            link("https://www.facebook.com/lefournildemartin", PageRegion.FOOTER),
        ],
        "social_facebook",
        "https://www.facebook.com/lefournildemartin",
        id="S2a-sitewide-over-one-off",
    ),
    pytest.param(
        [
            link("https://www.facebook.com/fetedupain2024"),
            link("https://www.facebook.com/lefournildemartin", page=HOME + "contact/"),
            link("https://www.facebook.com/lefournildemartin"),
        ],
        "social_facebook",
        "https://www.facebook.com/lefournildemartin",
        id="S2a-two-pages-is-sitewide",
    ),
    pytest.param(
        [
            link("https://www.instagram.com/fetedupain"),
            link("https://www.instagram.com/boulangerie.martin"),
        ],
        "social_instagram",
        "https://www.instagram.com/boulangerie.martin",
        id="S2b-handle-matches-business-name",
    ),
    pytest.param(
        [link("https://x.com/annecy_events"), link("https://twitter.com/BoulMartin")],
        "social_twitter",
        "https://x.com/boulmartin",
        id="S2b-handle-shares-a-word-with-the-name",
    ),
    pytest.param(
        [
            link("https://www.linkedin.com/in/jean-martin", PageRegion.FOOTER),
            link("https://www.linkedin.com/company/boulangerie-martin"),
        ],
        "social_linkedin",
        "https://www.linkedin.com/company/boulangerie-martin",
        id="S3-company-over-sitewide-person",
    ),
    pytest.param(
        [link("https://www.youtube.com/@zzz"), link("https://www.youtube.com/@aaa")],
        "social_youtube",
        "https://www.youtube.com/@aaa",
        id="S2c-stable-tie-break",
    ),
    pytest.param(
        [
            link("https://www.youtube.com/@zzz"),
            link("https://www.youtube.com/@zzz", page=HOME + "videos/"),
            link("https://www.youtube.com/@aaa"),
        ],
        "social_youtube",
        "https://www.youtube.com/@zzz",
        id="S2a-more-pages-before-tie-break",
    ),
]


@pytest.mark.parametrize(("links", "column", "expected"), RULES)
def test_rules(links, column, expected):
    assert getattr(choose_profiles(links, NAME, SITE), column) == expected


@pytest.mark.parametrize(("links", "column", "expected"), RULES)
def test_choice_does_not_depend_on_order(links, column, expected):
    assert (
        getattr(choose_profiles(list(reversed(links)), NAME, SITE), column) == expected
    )


# S3: (business name, site host, the only LinkedIn link, kept?)
PEOPLE = [
    pytest.param(
        "Cabinet Claire Vasseur",
        "vasseur-avocats.fr",
        "https://www.linkedin.com/in/claire-vasseur",
        True,
        id="S3-fr-one-person-practice-by-name",
    ),
    pytest.param(
        "Maître Dubois",
        "avocat-dubois.fr",
        "https://fr.linkedin.com/in/paul-dubois-12345",
        True,
        id="S3-fr-one-person-practice-by-domain",
    ),
    pytest.param(
        "Praxis Dr. Keller",
        "zahnarzt-keller.at",
        "https://www.linkedin.com/in/anna-keller",
        True,
        id="S3-de-practice",
    ),
    pytest.param(
        "Boulangerie Martin",
        "boulangerie-martin.fr",
        "https://www.linkedin.com/in/sophie-durand",
        False,
        id="S3-employee-of-a-firm-not-kept",
    ),
    pytest.param(
        "Studio Legale Ferraris",
        "studiolegaleferraris.it",
        "https://www.linkedin.com/in/marco-bianchi",
        False,
        id="S3-it-associate-not-kept",
    ),
    # golden page bootstrap-de-physiotherapie-am-see: the trade word is not the name
    pytest.param(
        "Physiotherapie am See",
        "physio-am-see.de",
        "https://www.linkedin.com/in/lena-krueger-physio",
        False,
        id="S3-de-trade-word-in-slug-is-not-the-name",
    ),
]


@pytest.mark.parametrize(("name", "host", "url", "kept"), PEOPLE)
def test_person_linkedin_only_for_one_person_practices(name, host, url, kept):
    profiles = choose_profiles([link(url)], name, Site(host))
    assert (profiles.social_linkedin is not None) == kept
    if not kept:
        assert profiles.excluded == ((canonical_profile(url).url, Exclusion.PERSON),)


def test_two_people_and_no_company_keeps_none():
    links = [
        link("https://www.linkedin.com/in/claire-vasseur"),
        link("https://www.linkedin.com/in/paul-roux"),
    ]
    assert (
        choose_profiles(
            links, "Cabinet Claire Vasseur", Site("vasseur-avocats.fr")
        ).social_linkedin
        is None
    )


def test_all_six_columns():
    links = [
        link("https://www.facebook.com/boulangeriemartin"),
        link("https://www.instagram.com/boulangerie.martin"),
        link("https://www.linkedin.com/company/boulangerie-martin"),
        link("https://x.com/boulmartin"),
        link("https://www.tiktok.com/@boulangerie.martin"),
        link("https://www.youtube.com/@boulangeriemartin"),
    ]
    profiles = choose_profiles(links, NAME, SITE)
    assert [
        getattr(profiles, f"social_{n}")
        for n in ("facebook", "instagram", "linkedin", "twitter", "tiktok", "youtube")
    ] == [
        "https://www.facebook.com/boulangeriemartin",
        "https://www.instagram.com/boulangerie.martin",
        "https://www.linkedin.com/company/boulangerie-martin",
        "https://x.com/boulmartin",
        "https://www.tiktok.com/@boulangerie.martin",
        "https://www.youtube.com/@boulangeriemartin",
    ]
