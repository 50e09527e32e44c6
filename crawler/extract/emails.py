"""``extract_emails(html, url)``: every address written on a page, with its evidence.

Sources live in ``email_sources`` and ``structured``; rejection rules in
``email_filters``; context in ``context``. This module cleans each find once,
filters it and attaches its context.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.extract.context import ThirdParty, read_context
from crawler.extract.deobfuscate import strip_escape_prefix
from crawler.extract.domains import registrable_domain
from crawler.extract.email_filters import RejectReason, reject_reason
from crawler.extract.email_sources import (
    EmailSource,
    Find,
    attribute_finds,
    cfemail_finds,
    mailto_finds,
    text_finds,
)
from crawler.extract.page import Page, PageKind, PageRegion
from crawler.extract.structured import jsonld_finds, microdata_finds

_SOURCES = (
    mailto_finds,
    cfemail_finds,
    jsonld_finds,
    microdata_finds,
    attribute_finds,
    text_finds,
)
_TRIM = " \t\r\n<>()[]{}\"'.,;:!?*|/\\«»“”‘’"


@dataclass(frozen=True, slots=True)
class EmailSighting:
    """One address seen on one page, with the evidence ranking needs."""

    address: str
    page_url: str
    source: EmailSource
    region: PageRegion
    page_kind: PageKind
    person: str | None = None  # a person's name written next to the address
    manager: bool = False  # an owner's or manager's title written next to it
    third_party: ThirdParty | None = None  # a sign it belongs to another organisation


@dataclass(frozen=True, slots=True)
class Rejection:
    """A string that looked like an address and why it was not kept."""

    text: str
    reason: RejectReason
    page_url: str
    source: EmailSource


@dataclass(frozen=True, slots=True)
class PageScan:
    sightings: tuple[EmailSighting, ...]
    rejections: tuple[Rejection, ...]


def extract_emails(html: str, url: str) -> list[EmailSighting]:
    """Return every address written on the page at ``url``, each with its evidence.

    >>> [s.address for s in extract_emails(
    ...     '<p>Écrivez-nous : <a href="mailto:Contact@Martin.fr">ici</a></p>',
    ...     "http://martin.fr/contact/")]
    ['contact@martin.fr']
    """
    return list(scan_page(html, url).sightings)


def scan_page(html: str, url: str) -> PageScan:
    """Extract a page's addresses and also report what was rejected, and why."""
    page = Page(html, url)
    site_domain = registrable_domain(urlsplit(url).hostname or "")
    kept: list[tuple[str, Find]] = []
    rejections: dict[tuple[str, RejectReason], Rejection] = {}
    for find in _all_finds(page):
        address = clean_address(find.raw, find.preceding)
        reason = _rejection(address, find, site_domain)
        if address is not None and reason is None:
            kept.append((address, find))
        elif reason is not None:
            rejections.setdefault(
                (find.raw, reason), Rejection(find.raw, reason, url, find.source)
            )
    return PageScan(tuple(_sightings(page, kept)), tuple(rejections.values()))


def _rejection(
    address: str | None, find: Find, site_domain: str | None
) -> RejectReason | None:
    if address is None:
        return RejectReason.INVALID_SYNTAX
    reason = reject_reason(address, in_url=find.in_url)
    if (
        reason is None
        and find.bare_at  # "jean at martin.fr" in plain words: own domain only
        and registrable_domain(address.partition("@")[2]) != site_domain
    ):
        return RejectReason.UNCERTAIN_SPELLING
    return reason


def clean_address(raw: str, preceding: str = "") -> str | None:
    """Normalise a found string into a lower-case address, or None if it has no "@".

    Escape leftovers are dropped, and a domain running into the next sentence without a
    space (``martin.fr.Horaires``) is cut where its case changes.

    >>> clean_address("  <Jean.Dupont@Martin.FR>. ")
    'jean.dupont@martin.fr'
    >>> clean_address("u003einfo@martin.fr.Horaires")
    'info@martin.fr'
    """
    raw = raw.strip(_TRIM)
    if raw.lower().startswith("mailto:"):
        raw = raw[len("mailto:") :].strip(_TRIM)
    local, at, domain = raw.rpartition("@")
    if not at or not local or not domain:
        return None
    local = strip_escape_prefix(local, preceding).strip(_TRIM)
    labels = domain.split(".")
    for index in range(2, len(labels)):
        if labels[index][:1].isupper() and not any(
            c.isupper() for c in labels[index - 1]
        ):
            labels = labels[:index]
            break
    return f"{local}@{'.'.join(labels)}".lower()


def _all_finds(page: Page) -> Iterator[Find]:
    for source in _SOURCES:
        yield from source(page)


def _sightings(page: Page, kept: list[tuple[str, Find]]) -> Iterable[EmailSighting]:
    carriers = _carriers(kept)
    seen: set[tuple[str, EmailSource, PageRegion]] = set()
    for address, find in kept:
        structured = find.source is EmailSource.JSONLD
        region = PageRegion.MAIN if structured else page.region_of(find.element)
        if region is PageRegion.MAIN and page.kind is PageKind.LEGAL:
            region = PageRegion.LEGAL_NOTICE
        key = (address, find.source, region)
        if key in seen:
            continue
        seen.add(key)
        if structured:
            person, manager, third_party = find.person, find.manager, None
        else:
            context = read_context(find.element, address, carriers)
            person = find.person or context.person
            manager = find.manager or context.manager
            third_party = context.third_party
        yield EmailSighting(
            address=address,
            page_url=page.url,
            source=find.source,
            region=region,
            page_kind=page.kind,
            person=person,
            manager=manager,
            third_party=third_party,
        )


def _carriers(kept: list[tuple[str, Find]]) -> dict[HtmlElement, set[str]]:
    """Map each element to the addresses found inside it (context stops at others)."""
    carriers: dict[HtmlElement, set[str]] = {}
    for address, find in kept:
        if find.source is EmailSource.JSONLD:
            continue
        for node in (find.element, *find.element.iterancestors()):
            carriers.setdefault(node, set()).add(address)
    return carriers
