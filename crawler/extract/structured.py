"""Addresses published as data: JSON-LD ``email`` and microdata ``itemprop="email"``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from crawler.extract.email_sources import ADDRESS, EmailSource, Find, mailto_addresses
from crawler.extract.page import Page

_MANAGER_KEYS = frozenset({"founder", "founders", "owner", "owners", "ceo", "director"})
_JSON_COMMENTS = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[)|(?://\s*\]\]>|-->)\s*$", re.M
)


def jsonld_finds(page: Page) -> Iterator[Find]:
    """Addresses in JSON-LD blocks, with the name of the Person that holds them."""
    if not page.mentions("ld+json"):
        return
    for script in page.root.xpath(
        "//script[translate(@type, 'JSONLD+', 'jsonld+') = 'application/ld+json']"
    ):
        text = _JSON_COMMENTS.sub("", script.text or "")
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            # Broken JSON is still data: read its addresses, without structure.
            for match in ADDRESS.finditer(text):
                yield Find(match[0], EmailSource.JSONLD, script)
            continue
        yield from _walk(data, script, person=None, manager=False)


def _walk(
    node: object, script: HtmlElement, person: str | None, manager: bool
) -> Iterator[Find]:
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, script, person, manager)
        return
    if not isinstance(node, dict):
        return
    if "@type" in node:  # a new item: its own person, or none for an organisation
        name = node.get("name")
        person = (
            name.strip() or None if _is_person(node) and isinstance(name, str) else None
        )
    for key, value in node.items():
        if key == "email":
            for address in _as_strings(value):
                yield Find(
                    address, EmailSource.JSONLD, script, person=person, manager=manager
                )
        elif isinstance(value, dict | list):
            yield from _walk(value, script, person, manager or key in _MANAGER_KEYS)


def _is_person(node: dict[str, object]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "Person" in kinds


def _as_strings(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    found = []
    for item in values:
        if isinstance(item, str):
            item = item.strip()
            found += (
                mailto_addresses(item) if item.lower().startswith("mailto:") else [item]
            )
    return found


def microdata_finds(page: Page) -> Iterator[Find]:
    """Addresses in microdata ``itemprop="email"``: its content, link or text."""
    if not page.mentions("itemprop"):
        return
    for element in page.root.xpath("//*[contains(@itemprop, 'email')]"):
        if "email" not in element.get("itemprop").split():
            continue
        value = element.get("content") or element.get("href") or element.text_content()
        value = value.strip()
        addresses = (
            mailto_addresses(value) if value.lower().startswith("mailto:") else [value]
        )
        person = _microdata_person(element)
        for address in addresses:
            yield Find(address, EmailSource.MICRODATA, element, person=person)


def _microdata_person(element: HtmlElement) -> str | None:
    """Return the name of the ``schema.org/Person`` item holding ``element``, if any."""
    for scope in element.iterancestors():
        if scope.get("itemscope") is None:
            continue
        if not (scope.get("itemtype") or "").endswith("/Person"):
            return None
        names = scope.xpath(".//*[@itemprop='name']")
        if names:
            name = names[0].get("content") or names[0].text_content()
            return " ".join(name.split()) or None
        return None
    return None
