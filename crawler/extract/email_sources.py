"""Where addresses hide in a page: one small function per source, each yielding finds.

A find is raw: the string as written and the element it was written in. Cleaning,
rejection and context happen once, in ``crawler.extract.emails``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, unquote, urlsplit

from lxml.html import HtmlElement

from crawler.extract.deobfuscate import (
    decode_cfemail,
    find_spelled_addresses,
    unescape_at,
)
from crawler.extract.page import Page, is_unread

# Deliberately loose: the filters decide what is an address, this only finds candidates.
ADDRESS = re.compile(r"[\w.+-]+@[^\W_][\w-]*(?:\.[\w-]+)+")
_OBFUSCATION_HINT = re.compile(
    r"[\[\(\{<]\s*(?:at|ät|aet|arobase|arroba|chiocciola)\s*[\]\)\}>]"
    r"|\s(?:at|arobase|arrobase|arroba|chiocciola)\s|\s@\s|@",
    re.IGNORECASE,
)
# Attributes whose values are never addresses written for a reader.
_IGNORED_ATTRIBUTES = frozenset({"placeholder", "style", "class", "src", "srcset"})
_CF_PATH = "/cdn-cgi/l/email-protection"


class EmailSource(StrEnum):
    """How an address was found (evidence carried by each sighting)."""

    MAILTO = "mailto"
    TEXT = "text"
    ATTRIBUTE = "attribute"
    JSONLD = "jsonld"
    MICRODATA = "microdata"
    CFEMAIL = "cfemail"
    DEOBFUSCATED = "deobfuscated"


@dataclass(frozen=True, slots=True)
class Find:
    """A string that may be an address, as written, with where it was written."""

    raw: str
    source: EmailSource
    element: HtmlElement
    preceding: str = ""  # the character written just before, to spot escapes
    in_url: bool = False  # the user part of scheme://user@host (DSN keys)
    bare_at: bool = False  # spelled with a plain " at " (see deobfuscate)
    person: str | None = None  # a name given by structured data
    manager: bool = False  # structured data says founder/owner


def mailto_finds(page: Page) -> Iterator[Find]:
    """Addresses in ``mailto:`` links: ``?subject=``, escapes, several recipients."""
    for element in page.root.xpath(
        "//a[contains(@href, 'ailto:') or contains(@href, 'AILTO:')]"
    ):
        if not element.get("href").strip().lower().startswith("mailto:"):
            continue
        if is_unread(element):
            continue
        for address in mailto_addresses(element.get("href")):
            yield Find(address, EmailSource.MAILTO, element)


def mailto_addresses(href: str) -> list[str]:
    """Split a ``mailto:`` URL into its recipients.

    >>> mailto_addresses("mailto:Jean%2Edupont%40martin.fr,info@martin.fr?subject=Hi")
    ['Jean.dupont@martin.fr', 'info@martin.fr']
    """
    target = href.strip()[len("mailto:") :]
    path, _, query = target.partition("?")
    recipients = unquote(path).split(",")
    recipients += parse_qs(query).get("to", [])
    return [r.strip() for chunk in recipients for r in chunk.split(";") if r.strip()]


def text_finds(page: Page) -> Iterator[Find]:
    """Addresses in visible text, plain or spelled out, even split across tags."""
    for block in page.text_blocks():
        text = unescape_at(block.text)
        if not _OBFUSCATION_HINT.search(text):
            continue
        for match in ADDRESS.finditer(text):
            preceding = text[match.start() - 1] if match.start() else ""
            in_url = text[max(0, match.start() - 3) : match.start()] == "://"
            yield Find(match[0], EmailSource.TEXT, block.element, preceding, in_url)
        for spelled in find_spelled_addresses(text):
            yield Find(
                spelled.address,
                EmailSource.DEOBFUSCATED,
                block.element,
                bare_at=spelled.bare_at,
            )


def attribute_finds(page: Page) -> Iterator[Find]:
    """Addresses in attribute values: ``href``, ``content``, ``data-*``, ``title``."""
    for attribute in page.root.xpath(
        "//body//@*[contains(., '@') or contains(., '%40') or contains(., 'u0040')]"
        " | //head/meta/@content[contains(., '@')]"
    ):
        name = attribute.attrname
        element = attribute.getparent()
        if name in _IGNORED_ATTRIBUTES or name.startswith("data-src"):
            continue
        if name == "href" and attribute.strip().lower().startswith("mailto:"):
            continue  # the mailto source reads these
        if is_unread(element) or element.get("itemprop") == "email":
            continue  # microdata reads itemprop="email"
        value = (
            unescape_at(unquote(attribute))
            if "%40" in attribute
            else unescape_at(attribute)
        )
        for match in ADDRESS.finditer(value):
            preceding = value[match.start() - 1] if match.start() else ""
            in_url = value[max(0, match.start() - 3) : match.start()] == "://"
            yield Find(match[0], EmailSource.ATTRIBUTE, element, preceding, in_url)


def cfemail_finds(page: Page) -> Iterator[Find]:
    """Addresses behind Cloudflare's email protection, decoded."""
    if not (page.mentions("data-cfemail") or page.mentions(_CF_PATH)):
        return
    for element in page.root.xpath(
        f"//*[@data-cfemail] | //a[contains(@href, '{_CF_PATH}#')]"
    ):
        if is_unread(element):
            continue
        encoded = element.get("data-cfemail")
        if encoded is None:
            encoded = urlsplit(element.get("href")).fragment
        decoded = decode_cfemail(encoded.strip())
        if decoded:
            yield Find(decoded, EmailSource.CFEMAIL, element)
