"""``extract_socials(html, url)``: every social profile a page links, with its evidence.

Sources (issue 4): ``<a href>``, JSON-LD ``sameAs``, ``<link rel="me">``, Open Graph
and Twitter card meta, the Facebook Page plugin's ``href``, and ``<iframe>`` profiles.
Canonical forms and discards: ``profiles.canonical_profile``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml.html import HtmlElement

from crawler.extract.context import ThirdParty
from crawler.extract.domains import registrable_domain
from crawler.extract.links_context import link_third_party
from crawler.extract.page import Page, PageRegion, is_unread
from crawler.extract.profiles import Profile, canonical_profile
from crawler.extract.text import fold

_PLUGIN_PATH = "/plugins/"
_SELF_TYPES = frozenset(
    {
        "Person",
        "WebSite",
        "WebPage",
        "ImageObject",
        "Article",
        "BlogPosting",
        "BreadcrumbList",
        "SiteNavigationElement",
    }
)


class SocialSource(StrEnum):
    A_HREF = "a_href"
    JSONLD_SAME_AS = "jsonld_same_as"
    LINK_REL_ME = "link_rel_me"
    META = "meta"
    FACEBOOK_PLUGIN = "facebook_plugin"
    IFRAME = "iframe"
    REDIRECT = "redirect"  # the site's home page redirected to the profile


@dataclass(frozen=True, slots=True)
class SocialLink:
    """One profile linked from one page, with the evidence ranking needs."""

    profile: Profile
    href: str  # the link as written, made absolute
    page_url: str
    source: SocialSource
    region: PageRegion
    third_party: ThirdParty | None = None
    agencies: tuple[str, ...] = ()  # names and domains credited as the site's makers


def extract_socials(html: str, url: str) -> list[SocialLink]:
    """Return every social profile linked from the page at ``url``.

    >>> [link.profile.url for link in extract_socials(
    ...     '<footer><a href="https://fr-fr.facebook.com/BoulangerieMartin/">f</a>'
    ...     '<a href="https://www.facebook.com/sharer.php?u=x">share</a></footer>',
    ...     "http://martin.fr/")]
    ['https://www.facebook.com/boulangeriemartin']
    """
    page = Page(html, url)
    agencies = tuple(dict.fromkeys(_credited_agencies(page)))
    links: list[SocialLink] = []
    seen: set[tuple[str, SocialSource, PageRegion]] = set()
    for href, source, element in _all_hrefs(page):
        profile = canonical_profile(href)
        if profile is None:
            continue
        in_head = element.tag in ("meta", "link", "script")
        region = PageRegion.MAIN if in_head else page.region_of(element)
        key = (profile.url, source, region)
        if key in seen:
            continue
        seen.add(key)
        third_party = None if in_head else link_third_party(element)
        links.append(
            SocialLink(profile, href, url, source, region, third_party, agencies)
        )
    return links


def _all_hrefs(page: Page) -> Iterator[tuple[str, SocialSource, HtmlElement]]:
    base = page.url
    for element in page.root.xpath("//a[@href] | //area[@href]"):
        if not is_unread(element):
            href = urljoin(base, element.get("href").strip())
            yield href, SocialSource.A_HREF, element
    for element in page.root.xpath("//link[@href]"):
        if "me" in (element.get("rel") or "").lower().split():
            yield urljoin(base, element.get("href")), SocialSource.LINK_REL_ME, element
    yield from _meta_hrefs(page)
    yield from _plugin_hrefs(page)
    yield from _jsonld_same_as(page)


def _meta_hrefs(page: Page) -> Iterator[tuple[str, SocialSource, HtmlElement]]:
    """``twitter:site`` (``@handle``) and Open Graph ``article:publisher``."""
    for element in page.root.xpath("//meta[@content]"):
        name = (element.get("name") or element.get("property") or "").lower()
        content = element.get("content").strip()
        if name == "twitter:site" and content:
            handle = content.removeprefix("@")
            href = content if "/" in content else f"https://x.com/{handle}"
            yield href, SocialSource.META, element
        elif name in ("article:publisher", "og:see_also"):
            yield content, SocialSource.META, element


def _plugin_hrefs(page: Page) -> Iterator[tuple[str, SocialSource, HtmlElement]]:
    """Yield the Page plugin's page (``?href=``, XFBML ``data-href``) and iframes."""
    for element in page.root.xpath("//iframe[@src] | //*[@data-href]"):
        if element.tag != "iframe":
            classes = (element.get("class") or "").split()
            if "fb-page" in classes or "fb-like-box" in classes:
                yield element.get("data-href"), SocialSource.FACEBOOK_PLUGIN, element
            continue
        src = urljoin(page.url, element.get("src").strip())
        parts = urlsplit(src)
        if _PLUGIN_PATH in parts.path and "facebook.com" in (parts.hostname or ""):
            for target in parse_qs(parts.query).get("href", []):
                yield target, SocialSource.FACEBOOK_PLUGIN, element
        else:
            yield src, SocialSource.IFRAME, element


def _jsonld_same_as(page: Page) -> Iterator[tuple[str, SocialSource, HtmlElement]]:
    """``sameAs`` of the organisation items (not of people, pages or articles)."""
    if not page.mentions("sameAs"):
        return
    for script in page.root.xpath("//script[contains(@type, 'ld+json')]"):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        for node in _items(data):
            kinds = node.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & _SELF_TYPES:
                continue
            same_as = node.get("sameAs")
            for href in same_as if isinstance(same_as, list) else [same_as]:
                if isinstance(href, str):
                    yield href, SocialSource.JSONLD_SAME_AS, script


def _items(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
    elif isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, dict | list):
                yield from _items(value)


def _credited_agencies(page: Page) -> Iterator[str]:
    """Names and domains of the web agencies a credit names (``pixel-alpes.fr``)."""
    for element in page.root.xpath("//a[@href]"):
        if link_third_party(element) is not ThirdParty.WEB_AGENCY:
            continue
        href = urljoin(page.url, element.get("href"))
        if canonical_profile(href) is not None:
            continue  # the agency's profile: its text is "Instagram", not a name
        domain = registrable_domain(urlsplit(href).hostname or "")
        if domain:
            yield compact(domain.split(".")[0])
        name = compact(element.text_content())
        if len(name) >= 4:
            yield name


def compact(text: str) -> str:
    """Fold ``text`` to letters and digits only, to compare handles and names.

    >>> compact("Pixel-Alpes Agence Web"), compact("pixel_alpes")
    ('pixelalpesagenceweb', 'pixelalpes')
    """
    return "".join(c for c in fold(text) if c.isalnum())
