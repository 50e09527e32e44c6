"""Every source of social links and the evidence each link carries (issue 4)."""

from __future__ import annotations

import pytest

from crawler.extract import PageRegion, SocialSource, ThirdParty, extract_socials

URL = "http://www.boulangerie-martin.fr/"
FB = "https://www.facebook.com/boulangeriemartin"


def found(body: str, head: str = "") -> dict[str, SocialSource]:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return {link.profile.url: link.source for link in extract_socials(html, URL)}


# (head, body, expected {canonical url: source})
SOURCES = [
    pytest.param(
        "",
        '<a href="https://fr-fr.facebook.com/BoulangerieMartin/">f</a>',
        {FB: SocialSource.A_HREF},
        id="a-href-locale",
    ),
    pytest.param(
        "",
        '<a href="//m.facebook.com/boulangeriemartin">f</a>',
        {FB: SocialSource.A_HREF},
        id="a-href-protocol-relative",
    ),
    pytest.param(
        "",
        '<map><area href="https://instagram.com/boul.martin" alt="ig"></map>',
        {"https://www.instagram.com/boul.martin": SocialSource.A_HREF},
        id="area-href",
    ),
    pytest.param(
        '<link rel="me" href="https://x.com/BoulMartin">',
        "",
        {"https://x.com/boulmartin": SocialSource.LINK_REL_ME},
        id="link-rel-me",
    ),
    pytest.param(
        '<meta name="twitter:site" content="@BoulMartin">',
        "",
        {"https://x.com/boulmartin": SocialSource.META},
        id="twitter-site-handle",
    ),
    pytest.param(
        '<meta property="article:publisher" content="https://www.facebook.com/boulangeriemartin">',
        "",
        {FB: SocialSource.META},
        id="og-article-publisher",
    ),
    pytest.param(
        '<script type="application/ld+json">{"@type":"Bakery","sameAs":["https://www.instagram.com/boul.martin/","https://www.tiktok.com/@boul.martin"]}</script>',
        "",
        {
            "https://www.instagram.com/boul.martin": SocialSource.JSONLD_SAME_AS,
            "https://www.tiktok.com/@boul.martin": SocialSource.JSONLD_SAME_AS,
        },
        id="jsonld-same-as-list",
    ),
    pytest.param(
        '<script type="application/ld+json">{"@graph":[{"@type":"Organization","sameAs":"https://www.linkedin.com/company/boulangerie-martin"},{"@type":"Person","name":"Jean","sameAs":["https://www.linkedin.com/in/jean-martin"]}]}</script>',
        "",
        {
            "https://www.linkedin.com/company/boulangerie-martin": SocialSource.JSONLD_SAME_AS
        },
        id="jsonld-graph-organisation-not-the-author",
    ),
    pytest.param(
        "",
        '<iframe src="https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2FBoulangerieMartin&tabs=timeline&width=340"></iframe>',
        {FB: SocialSource.FACEBOOK_PLUGIN},
        id="facebook-page-plugin-iframe",
    ),
    pytest.param(
        "",
        '<div class="fb-page" data-href="https://www.facebook.com/boulangeriemartin" data-tabs="timeline"></div>',
        {FB: SocialSource.FACEBOOK_PLUGIN},
        id="facebook-page-plugin-xfbml",
    ),
    pytest.param(
        "",
        '<iframe src="https://www.instagram.com/boul.martin/embed"></iframe>',
        {"https://www.instagram.com/boul.martin": SocialSource.IFRAME},
        id="iframe-instagram-profile-embed",
    ),
    pytest.param(
        "",
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
        {},
        id="iframe-youtube-video-is-not-a-profile",
    ),
    pytest.param(
        "",
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a><a href="https://twitter.com/intent/tweet?url=x">t</a><a href="https://www.linkedin.com/shareArticle?url=x">in</a>',
        {},
        id="share-bar",
    ),
    pytest.param(
        "",
        "<!-- <a href='https://www.facebook.com/old'>f</a> --><template><a href='https://www.facebook.com/tpl'>f</a></template>",
        {},
        id="comments-and-templates",
    ),
]

# (body, expected region, expected third party) for the one link in the body
EVIDENCE = [
    pytest.param(
        f'<header><a href="{FB}">f</a></header>', PageRegion.HEADER, None, id="header"
    ),
    pytest.param(
        f'<footer><p>Suivez-nous <a href="{FB}">f</a></p></footer>',
        PageRegion.FOOTER,
        None,
        id="footer-follow-us",
    ),
    pytest.param(
        f'<main><p><a href="{FB}">f</a></p></main>', PageRegion.MAIN, None, id="main"
    ),
    pytest.param(
        '<footer><p>Site réalisé par <a href="https://pixel-alpes.fr">Pixel Alpes</a> <a href="https://www.facebook.com/pixelalpes">f</a></p></footer>',
        PageRegion.FOOTER,
        ThirdParty.WEB_AGENCY,
        id="fr-agency-credit",
    ),
    pytest.param(
        '<footer><p>Webdesign: <a href="https://www.instagram.com/pixelwerk">Pixelwerk</a></p></footer>',
        PageRegion.FOOTER,
        ThirdParty.WEB_AGENCY,
        id="de-webdesign-credit",
    ),
    pytest.param(
        f'<footer><p><a href="{FB}">f</a> · Site réalisé par Pixel Alpes</p></footer>',
        PageRegion.FOOTER,
        None,
        id="fr-own-icon-before-the-credit",
    ),
    pytest.param(
        f'<footer><p>Réalisé par Pixel · Suivez-nous <a href="{FB}">f</a></p></footer>',
        PageRegion.FOOTER,
        None,
        id="fr-follow-us-after-the-credit",
    ),
    # golden social page shopify-de-kaffeeroesterei-bohnenglueck: a platform credit
    pytest.param(
        '<footer><p>Powered by Shopify · Folgen: <a href="https://www.instagram.com/bohnenglueck">ig</a></p></footer>',
        PageRegion.FOOTER,
        None,
        id="platform-credit-is-not-an-agency",
    ),
    # farm site www.librairie-motspassants-toulouse.fr: PrestaShop writes <p class="h3">
    pytest.param(
        '<div><p class="h3 hidden-sm-down">Nos partenaires</p><ul><li><a href="https://www.facebook.com/placedeslibraires">P</a></li></ul></div>',
        PageRegion.MAIN,
        ThirdParty.PARTNER,
        id="fr-partners-heading-styled-by-class",
    ),
    pytest.param(
        '<section><h3>Nos partenaires</h3><ul><li><a href="https://www.facebook.com/moulinbio">Moulin</a></li></ul></section>',
        PageRegion.MAIN,
        ThirdParty.PARTNER,
        id="fr-partners-section",
    ),
    pytest.param(
        '<div><h2>Unsere Partner</h2><p><a href="https://www.instagram.com/brauerei.x">B</a></p></div>',
        PageRegion.MAIN,
        ThirdParty.PARTNER,
        id="de-partners-heading",
    ),
    pytest.param(
        '<blockquote>Super ! <a href="https://www.instagram.com/lea.f">@lea.f</a></blockquote>',
        PageRegion.MAIN,
        ThirdParty.TESTIMONIAL,
        id="quoted-customer",
    ),
]


@pytest.mark.parametrize(("head", "body", "expected"), SOURCES)
def test_each_source_is_read(head, body, expected):
    assert found(body, head) == expected


@pytest.mark.parametrize(("body", "region", "third_party"), EVIDENCE)
def test_link_evidence(body, region, third_party):
    (link,) = extract_socials(f"<html><body>{body}</body></html>", URL)
    assert (link.region, link.third_party) == (region, third_party)


# farm site tischlerei-krueger-hamburg.de: a footer line of items separated by "|"
def test_a_credit_ends_at_a_list_separator():
    html = (
        '<footer><div><a href="/impressum/">Impressum</a> | Webdesign: <a href="https://www.'
        'nordlicht-medien.de">Nordlicht Medien</a> (<a href="https://www.instagram.com/'
        'nordlichtmedien/">Instagram</a>) | <a href="https://www.facebook.com/Tischlerei'
        'KruegerHamburg">Facebook</a></div></footer>'
    )
    found = {link.profile.url: link.third_party for link in extract_socials(html, URL)}
    assert found == {
        "https://www.instagram.com/nordlichtmedien": ThirdParty.WEB_AGENCY,
        "https://www.facebook.com/tischlereikruegerhamburg": None,
    }
    (link, _) = extract_socials(html, URL)
    assert link.agencies == ("nordlichtmedien",)  # its domain, not "instagram"


def test_credited_agency_names_travel_with_every_link():
    html = (
        '<header><a href="https://www.facebook.com/pixelalpes">f</a></header>'
        '<footer><p>Site réalisé par <a href="https://www.pixel-alpes.fr/">Pixel Alpes</a>'
        "</p></footer>"
    )
    (link,) = extract_socials(html, URL)
    assert "pixelalpes" in link.agencies
