"""Which links of a site look like they lead to its contact details (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from crawler.extract import _vocabulary as vocab
from crawler.extract.text import fold

_PATH_WORDS = (
    *vocab.CONTACT_PAGE_WORDS,
    *vocab.LEGAL_PAGE_WORDS,
    *vocab.ABOUT_PATH_WORDS,
)


def contact_likeness(url: str, anchor_text: str) -> int:
    """Score how likely a link leads to contact details: 0 means not at all.

    >>> contact_likeness("http://martin.fr/mentions-legales/", "Mentions légales") > 0
    True
    >>> contact_likeness("http://martin.fr/produits/", "Nos pains")
    0
    """
    path = fold(urlsplit(url).path)
    anchor = fold(" ".join(anchor_text.split()))
    score = 0
    if any(word in path for word in vocab.CONTACT_PAGE_WORDS):
        score += 3
    elif any(word in path for word in _PATH_WORDS):
        score += 2
    if any(word in anchor for word in vocab.CONTACT_ANCHOR_WORDS):
        score += 2
    return score


def pick_links(links: Iterable[tuple[str, str]], budget: int) -> list[str]:
    """Return up to ``budget`` distinct URLs, the most contact-like first."""
    scored: dict[str, int] = {}
    for url, anchor in links:
        score = contact_likeness(url, anchor)
        if score:
            scored[url] = max(score, scored.get(url, 0))
    return sorted(scored, key=lambda u: (-scored[u], len(u), u))[:budget]
