"""What surrounds an address: a person's name, a manager's title, a third party.

The context of an address is the largest block around it that holds no other address,
so on a team page each card speaks for its own address only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from lxml.html import HtmlElement

from crawler.extract import _vocabulary as vocab
from crawler.extract.page import visible_text
from crawler.extract.text import fold, phrase_pattern, words

_MAX_CONTEXT = 400  # characters: past this a block is a page section, not a caption
# A list item with this much text beside its address is the address's own entry (a team
# list: "Julien Servais – architecte – j.servais@…"): its neighbours describe others.
_OWN_ENTRY = 25
_WEB_AGENCY = phrase_pattern(vocab.WEB_AGENCY_CUES)
_HOST = phrase_pattern(vocab.HOST_CUES)
_PUNCTUATION = ",;:–—-()[]«»\"'·|/"
_DASHES = "-–—―~"
_QUOTES = "\"“”«»„‟‘’‹›'"
_PARTICLES = frozenset(
    {"de", "du", "di", "da", "del", "della", "van", "von", "le", "la"}
)


class ThirdParty(StrEnum):
    """Signs that an address belongs to another organisation (rule 1)."""

    WEB_AGENCY = "web_agency"  # "site réalisé par …", "Webdesign: …"
    HOST = "host"  # the hosting company in a legal notice
    TESTIMONIAL = "testimonial"  # a customer quoted on the page
    PARTNER = "partner"  # a partners' or sponsors' block


@dataclass(frozen=True, slots=True)
class Context:
    person: str | None
    manager: bool
    third_party: ThirdParty | None


def read_context(
    element: HtmlElement, address: str, carriers: dict[HtmlElement, set[str]]
) -> Context:
    """Read the context of ``address`` found in ``element``.

    ``carriers`` maps every element to the addresses found inside it.
    """
    node = element
    parent = node.getparent()
    while (
        parent is not None
        and parent.tag not in ("body", "html")
        and not _own_entry(node, address)
        and carriers.get(parent, set()) <= {address}
        # text_content() runs in C; it over-counts script text, so climbing stops early
        and len(parent.text_content()) <= _MAX_CONTEXT
    ):
        node, parent = parent, parent.getparent()
    text = visible_text(node)
    if carriers.get(node, set()) - {address}:
        text = _lines_around(text, address)
    text = _window(text, address)
    folded = fold(text)
    # A credit or a host names what follows it: only the text before the address counts.
    position = folded.find(fold(address.partition("@")[0]))
    before = folded[: position if position >= 0 else None][-200:]
    manager = bool(vocab.MANAGER_WORDS.intersection(words(text)))
    return Context(
        person=find_person(text, address) or name_spelled_by(address, text, manager),
        manager=manager,
        third_party=_third_party(before, element) or _quote_attribution(text, address),
    )


def _own_entry(node: HtmlElement, address: str) -> bool:
    """Tell a list item or table row that says enough about its address by itself."""
    if node.tag not in ("li", "tr", "dd"):
        return False
    return len(visible_text(node).replace(address, "").strip()) > _OWN_ENTRY


def _window(text: str, address: str) -> str:
    """Keep at most ``_MAX_CONTEXT`` characters of ``text`` around ``address``."""
    if len(text) <= _MAX_CONTEXT:
        return text
    position = max(text.lower().find(address.partition("@")[0]), 0)
    start = max(position - _MAX_CONTEXT // 2, 0)
    return text[start : start + _MAX_CONTEXT]


def _lines_around(text: str, address: str) -> str:
    """Keep the line holding ``address`` and the line before it (a shared block)."""
    lines = text.splitlines()
    local = address.partition("@")[0]
    for index, line in enumerate(lines):
        if local in line.lower():
            before = lines[index - 1] if index and "@" not in lines[index - 1] else ""
            return f"{before}\n{line}"
    return text


def find_person(text: str, address: str) -> str | None:
    """Return the person's name written nearest to ``address`` in ``text``, if any.

    A name counts when a title (Me, Dr, Herr, Dott.ssa…) or a known first name opens it.

    >>> find_person("Gérant : Jean DUPONT, jean@martin.fr", "jean@martin.fr")
    'Jean DUPONT'
    >>> find_person("Boulangerie Martin: info@martin.fr", "info@martin.fr") is None
    True
    """
    position = max(text.lower().find(address.partition("@")[0]), 0)
    best: tuple[int, str] | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        tokens = [(offset + m.start(), m[0]) for m in re.finditer(r"\S+", line)]
        for index, (start, token) in enumerate(tokens):
            name = _name_at(tokens, index, token)
            if name and (best is None or abs(start - position) < best[0]):
                best = (abs(start - position), name)
        offset += len(line)
    return best[1] if best else None


def name_spelled_by(address: str, text: str, titled: bool = True) -> str | None:
    """Return the written name a local part spells (``alvaro.jimenez``, ``c.roux``).

    >>> name_spelled_by("alvaro.jimenez@moncayo.es", "Gerente: Álvaro Jiménez")
    'Álvaro Jiménez'
    >>> name_spelled_by("c.vasseur@vasseur.fr", "Maître Claire Vasseur, avocate")
    'Claire Vasseur'
    >>> name_spelled_by("mara@maraluna.es", "Mara Luna, fundadora")
    'Mara Luna'

    It needs a title next to it (``titled``): "Weingut Brenner" and "Fournil Gaillard"
    are businesses, "Mara Luna, fundadora" a person.

    >>> name_spelled_by("weingut@brenner.de", "Weingut Brenner", titled=False) is None
    True
    >>> name_spelled_by("contact@vasseur.fr", "Cabinet Vasseur") is None
    True
    """
    parts = [p for p in re.split(r"[._-]+", fold(address.partition("@")[0])) if p]
    if not 1 <= len(parts) <= 2 or not all(p.isalpha() for p in parts):
        return None
    if not titled:
        return None
    written = [w.strip(_PUNCTUATION) for w in text.split()]
    for first, last in pairwise(written):
        if not (first[:1].isupper() and last[:1].isupper()):
            continue
        pair = (fold(first), fold(last))
        if len(parts) == 1:
            spelled = len(parts[0]) > 2 and parts[0] in pair
        else:
            spelled = pair in (tuple(parts), tuple(parts[::-1])) or (
                len(parts[0]) == 1
                and pair[0].startswith(parts[0])
                and pair[1] == parts[1]
            )
        if spelled:
            return f"{first} {last}"
    return None


def _name_at(tokens: list[tuple[int, str]], index: int, token: str) -> str | None:
    """Read a name opened by ``token``: title then name, or first name then surname."""
    word = token.strip(_PUNCTUATION)
    if not word[:1].isupper():
        return None
    key = fold(word).replace(".", "")
    if key in vocab.PERSON_TITLES and not token.endswith(tuple(",;:")):
        names = _capitalised_run(tokens[index + 1 : index + 4])
        return " ".join(names) or None
    if key in vocab.FIRST_NAMES and word[1:2].islower():
        names = _capitalised_run(tokens[index : index + 3])
        return " ".join(names) if len(names) > 1 else None
    return None


def _capitalised_run(tokens: list[tuple[int, str]]) -> list[str]:
    """Take capitalised words (and particles) until punctuation ends the name."""
    names: list[str] = []
    for _, token in tokens:
        word = token.strip(_PUNCTUATION)
        if not word or not (word[:1].isupper() or (word in _PARTICLES and names)):
            break
        if fold(word) in vocab.MANAGER_WORDS:
            break
        names.append(word)
        if token != word and not token.startswith(word):
            break  # the token opened with punctuation: a new phrase
        if token.endswith(tuple(_PUNCTUATION)):
            break
    while names and names[-1] in _PARTICLES:
        names.pop()
    return names


def _third_party(folded_before: str, element: HtmlElement) -> ThirdParty | None:
    if _WEB_AGENCY.search(folded_before):
        return ThirdParty.WEB_AGENCY
    if _HOST.search(folded_before):
        return ThirdParty.HOST
    for node in (element, *element.iterancestors()):
        if is_testimonial(node) or is_testimonial(node.getprevious()):
            return ThirdParty.TESTIMONIAL  # a quote, or the attribution line after it
    return None


def _quote_attribution(text: str, address: str) -> ThirdParty | None:
    r"""Read "« Great stay! »" then "— Sarah, Leeds (sarah@…)" as a quoted customer.

    >>> _quote_attribution('"Perfect!"\n— Sarah, Leeds (sarah.w@outlook.com)', "sarah.w@outlook.com")
    <ThirdParty.TESTIMONIAL: 'testimonial'>
    >>> _quote_attribution("Horaires : 9h-18h\n- Email : bar@orange.fr", "bar@orange.fr") is None
    True
    """  # noqa: E501 (doctest)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    local = address.partition("@")[0]
    for index, line in enumerate(lines):
        if local in line.lower() and line[:1] in _DASHES and index:
            quoted = lines[index - 1]
            if quoted[:1] in _QUOTES or quoted[-1:] in _QUOTES:
                return ThirdParty.TESTIMONIAL
    return None


def is_testimonial(node: HtmlElement | None) -> bool:
    if node is None or not isinstance(node.tag, str):
        return False
    if node.tag in ("blockquote", "q"):
        return True
    attributes = f"{node.get('class') or ''} {node.get('id') or ''}"
    if attributes == " ":
        return False
    marks = re.split(r"[\W_]+", fold(attributes))
    return any(
        {mark, mark.removesuffix("s")} & vocab.TESTIMONIAL_MARKERS for mark in marks
    )
