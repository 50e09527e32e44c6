"""One parsed page: the parsel tree, its visible text blocks, regions and page kind.

A page is parsed once; every email source reads this object (house style §4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from urllib.parse import urlsplit

from lxml.html import HtmlElement
from parsel import Selector

from crawler.extract import _vocabulary as vocab
from crawler.extract.text import fold

# Elements whose content is never read as text: code, styling, inert templates.
SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "head",
        "title",
        "svg",
        "math",
        "textarea",
        "select",
        "object",
        "iframe",
        "canvas",
        "video",
        "audio",
    }
)
# Elements that break the text flow; everything else is inline and joins its neighbours
# without a separator, so "jean<span>@</span>martin.fr" reads as one address.
BLOCK_TAGS = frozenset(
    {
        "html",
        "body",
        "p",
        "div",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "nav",
        "address",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "form",
        "fieldset",
        "legend",
        "figure",
        "figcaption",
        "hr",
        "br",
        "option",
        "center",
        "details",
        "summary",
        "noscript",
        "frameset",
        "frame",
        "font-block",
    }
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_REGION_TOKEN = re.compile(
    r"^(?:(?:site|main|page|global|wp|jtpl|sqs|theme|top|bottom|elementor-location"
    r"|et|fl|ast|x|w|wix)[-_])?(?P<kind>footer|header|masthead|topbar|top-bar|colophon)"
    r"(?:[-_][a-z0-9]+)*$",
    re.I,
)


class PageRegion(StrEnum):
    """Where on the page an address was seen (rule 3d prefers site-wide regions)."""

    HEADER = "header"
    FOOTER = "footer"
    MAIN = "main"
    LEGAL_NOTICE = "legal_notice"


class PageKind(StrEnum):
    """What the page is for, from its URL or its main heading (rule 3c)."""

    CONTACT = "contact"
    LEGAL = "legal"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """The text one block element holds directly (nested blocks are their own)."""

    element: HtmlElement
    text: str


def is_hidden(element: HtmlElement) -> bool:
    """Tell whether markup hides ``element`` (form builders' placeholders)."""
    if element.get("hidden") is not None:
        return True
    if element.tag == "input" and (element.get("type") or "").lower() == "hidden":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def visible_text(element: HtmlElement) -> str:
    """Return the text a reader sees in ``element``, blocks separated by newlines."""
    parts: list[str] = [element.text] if element.text else []
    _collect_flat(element, parts)
    return re.sub(r"[ \t\r\f\v\xa0]+", " ", "".join(parts)).strip()


def _collect_flat(element: HtmlElement, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in SKIPPED_TAGS and not is_hidden(child):
            block = tag in BLOCK_TAGS
            if block:
                parts.append("\n")
            if child.text:
                parts.append(child.text)
            _collect_flat(child, parts)
            if block:
                parts.append("\n")
        if child.tail:
            parts.append(child.tail)


class Page:
    """A page's URL and its tree, parsed once and read by every email source."""

    def __init__(self, html: str, url: str) -> None:
        self.url = url
        self.html = html
        self.selector = Selector(text=html or "<html></html>", base_url=url)
        self.root: HtmlElement = self.selector.root

    def mentions(self, marker: str) -> bool:
        """Tell whether the raw HTML holds ``marker``: a cheap gate before an XPath."""
        return marker in self.html

    @cached_property
    def kind(self) -> PageKind:
        """Classify the page by its URL path, else by its first ``<h1>``."""
        parts = urlsplit(self.url)
        path = fold(f"{parts.path}?{parts.query}")
        for words, kind in (
            (vocab.LEGAL_PAGE_WORDS, PageKind.LEGAL),
            (vocab.CONTACT_PAGE_WORDS, PageKind.CONTACT),
        ):
            if any(word in path for word in words):
                return kind
        heading = fold(" ".join(self.selector.xpath("(//h1)[1]//text()").getall()))
        heading = heading.replace(" ", "-").replace("'", "-")
        for words, kind in (
            (vocab.LEGAL_PAGE_WORDS, PageKind.LEGAL),
            (vocab.CONTACT_PAGE_WORDS, PageKind.CONTACT),
        ):
            if any(word in heading for word in words):
                return kind
        return PageKind.OTHER

    def text_blocks(self) -> Iterator[TextBlock]:
        """Yield each block element of ``<body>`` with the text it holds directly."""
        body = self.root.find("body")
        if body is None:
            return
        yield from _blocks(body)

    def region_of(self, element: HtmlElement) -> PageRegion:
        """Tell whether ``element`` is in the site's header, footer or main content."""
        lineage = [element, *element.iterancestors()]
        if any(node.tag in ("article", "main") for node in lineage):
            lineage = []  # headers and footers of an article are not the site's
        for node in lineage:
            tag = node.tag
            if tag == "footer":
                return PageRegion.FOOTER
            if tag == "header":
                return PageRegion.HEADER
            region = _region_from_attributes(node)
            if region is not None:
                return region
        return (
            PageRegion.LEGAL_NOTICE if self.kind is PageKind.LEGAL else PageRegion.MAIN
        )


def _region_from_attributes(node: HtmlElement) -> PageRegion | None:
    role = node.get("role")
    if role == "contentinfo":
        return PageRegion.FOOTER
    if role == "banner":
        return PageRegion.HEADER
    tokens = f"{node.get('id') or ''} {node.get('class') or ''}".split()
    for token in tokens:
        match = _REGION_TOKEN.match(token)
        if match:
            kind = match["kind"].lower()
            footer = kind in ("footer", "colophon")
            return PageRegion.FOOTER if footer else PageRegion.HEADER
    return None


def _blocks(element: HtmlElement) -> Iterator[TextBlock]:
    """Walk ``element`` depth-first, emitting one TextBlock per block element."""
    own: list[str] = [element.text] if element.text else []
    for child in element:
        tag = child.tag
        # comments, processing instructions, code and hidden parts add no text
        if isinstance(tag, str) and tag not in SKIPPED_TAGS and not is_hidden(child):
            if tag in BLOCK_TAGS:  # <br> included: a line break
                own.append("\n")
                if tag != "br":
                    yield from _blocks(child)
            else:
                _inline(child, own)
        if child.tail:
            own.append(child.tail)
    text = "".join(own)
    if text.strip():
        yield TextBlock(element, text)


def _inline(element: HtmlElement, own: list[str]) -> None:
    """Append an inline element's text to its block (nested blocks become newlines)."""
    if element.text:
        own.append(element.text)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in SKIPPED_TAGS and not is_hidden(child):
            if tag in BLOCK_TAGS:
                own.append("\n")
            _inline(child, own)
        if child.tail:
            own.append(child.tail)


def is_unread(element: HtmlElement) -> bool:
    """Tell whether ``element`` is inside code, a template or a hidden placeholder."""
    node: HtmlElement | None = element
    while node is not None:
        if (node.tag in SKIPPED_TAGS and node.tag != "head") or is_hidden(node):
            return True
        node = node.getparent()
    return False
