"""Whose link is it: the business's own, or the web agency's, a partner's, a customer's.

Read as a person reads a page: the text just before the link in its block (a credit
that names the agency), the heading above its section ("Nos partenaires"), a quote
around it.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract import _vocabulary as vocab
from crawler.extract.context import ThirdParty, is_testimonial
from crawler.extract.page import BLOCK_TAGS, visible_text
from crawler.extract.text import fold, phrase_pattern

_AGENCY = phrase_pattern(vocab.WEB_AGENCY_CUES)
_FOLLOW = phrase_pattern(vocab.FOLLOW_CUES)
_PARTNER = phrase_pattern(vocab.PARTNER_CUES)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADING_CLASSES = frozenset(
    {*_HEADINGS, "title", "heading", "widget-title", "footer-title", "block-title"}
)
_INNER_HEADINGS = (
    ".//h1|.//h2|.//h3|.//h4|.//h5|.//h6"
    "|.//*[contains(concat(' ', @class, ' '), ' h3 ')]"
    "|.//*[contains(concat(' ', @class, ' '), ' h4 ')]"
    "|.//*[contains(concat(' ', @class, ' '), ' widget-title ')]"
)
_LEVELS = 6  # ancestors searched for a heading above the link


def link_third_party(link: HtmlElement) -> ThirdParty | None:
    """Tell whether ``link`` belongs to a third party, not to the site's owner."""
    block = _block_of(link)
    before = fold(_text_before(block, link))[-200:]
    before = re.split(r"[|·•\n]", before)[
        -1
    ]  # "Webdesign: X (ig) | Facebook": X's ig only
    credit = list(_AGENCY.finditer(before))
    if credit and not _FOLLOW.search(before, credit[-1].end()):
        return ThirdParty.WEB_AGENCY
    if any(is_testimonial(node) for node in (link, *link.iterancestors())):
        return ThirdParty.TESTIMONIAL
    heading = heading_above(link)
    if heading and _PARTNER.search(fold(heading)):
        return ThirdParty.PARTNER
    return None


def heading_above(element: HtmlElement) -> str | None:
    """Return the text of the nearest heading above ``element`` in its section."""
    node: HtmlElement | None = element
    for _ in range(_LEVELS):
        if node is None:
            return None
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            if _is_heading(sibling):
                return visible_text(sibling)
            inner = sibling.xpath(_INNER_HEADINGS)
            if inner:
                return visible_text(inner[-1])
        node = node.getparent()
        if node is not None and node.tag in ("body", "footer", "header"):
            return None  # a heading above the footer titles the page, not the link
    return None


def _is_heading(element: HtmlElement) -> bool:
    """Tell <h3> and headings styled by class (Bootstrap's <p class="h3">) apart."""
    classes = set((element.get("class") or "").split())
    return element.tag in _HEADINGS or bool(classes & _HEADING_CLASSES)


def _block_of(element: HtmlElement) -> HtmlElement:
    node = element.getparent()
    while node is not None and (node.tag not in BLOCK_TAGS or node.tag == "br"):
        node = node.getparent()
    return node if node is not None else element


def _text_before(block: HtmlElement, element: HtmlElement) -> str:
    """Return the text of ``block`` that comes before ``element``, in reading order."""
    parts: list[str] = []
    for event, node in etree.iterwalk(block, events=("start", "end")):
        if node is element:
            break
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            continue
        if event == "start" and node.text:
            parts.append(node.text)
        elif event == "end" and node is not block and node.tail:
            parts.append(node.tail)
    return " ".join(parts)
