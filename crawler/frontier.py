"""Which pages of a site to fetch, best first, within its budgets (pure).

Normal mode is a frontier one level deep that keeps contact-like links only; deep mode
goes three levels down, also keeps ordinary pages (after the contact-like ones), and
takes contact-like pages from the site's sitemaps.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
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


@dataclass(frozen=True, slots=True)
class CrawlPlan:
    """How far one site is crawled: pages, levels below the home page, what is kept."""

    pages: int  # the home page included
    depth: int  # 1: pages linked from the home page
    min_score: int  # 1: contact-like links only; 0: any page of the site
    profiles: bool = False  # team member pages (``/avocats/marie-leclerc/``) score too


def link_score(url: str, anchor_text: str, plan: CrawlPlan) -> int:
    """Score a link for ``plan``: contact-likeness, plus one for a team member's page.

    >>> deep = CrawlPlan(pages=30, depth=3, min_score=0, profiles=True)
    >>> link_score("http://cabinet-leclerc.fr/avocats/marie-leclerc/", "", deep)
    1
    >>> normal = CrawlPlan(pages=5, depth=1, min_score=1)
    >>> link_score("http://cabinet-leclerc.fr/avocats/marie-leclerc/", "", normal)
    0
    """
    score = contact_likeness(url, anchor_text)
    if plan.profiles and is_profile_page(url):
        score += 1
    return score


def is_profile_page(url: str) -> bool:
    """Tell whether ``url`` is a team listing or a member's page (``/equipe/jean``).

    >>> is_profile_page("http://praxis-vogel.de/praxis/team/dr-anna-vogel/")
    True
    >>> is_profile_page("http://martin.fr/nos-pains/baguette/")
    False
    """
    segments = [fold(s) for s in urlsplit(url).path.lower().split("/") if s]
    return any(
        segment.removesuffix(".html") in vocab.TEAM_PATH_SEGMENTS
        for segment in segments
    )


@dataclass(slots=True)
class Frontier:
    """One site's pages to fetch: a priority queue that never offers a page twice."""

    plan: CrawlPlan
    taken: int = 0  # pages handed out so far
    _queue: list[tuple[int, int, int, str]] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)

    def visited(self, url: str) -> None:
        """Count ``url`` as handed out already (the home page, where it redirected)."""
        self._seen.add(page_key(url))

    def offer(self, links: Iterable[tuple[str, str]], depth: int) -> None:
        """Queue the ``(url, anchor text)`` links found ``depth`` levels down."""
        if depth > self.plan.depth:
            return
        best: dict[
            str, tuple[int, str]
        ] = {}  # a page linked twice keeps its best anchor
        for url, anchor in links:
            key = page_key(url)
            if key not in self._seen:
                score = link_score(url, anchor, self.plan)
                if score > best.get(key, (-1, ""))[0]:
                    best[key] = score, url
        for key, (score, url) in best.items():
            if score >= self.plan.min_score:
                self._seen.add(key)
                heapq.heappush(self._queue, (-score, depth, len(url), url))

    def take(self) -> tuple[str, int] | None:
        """Return the best page left and its depth, or None when the budget is spent."""
        if not self._queue or self.taken >= self.plan.pages:
            return None
        self.taken += 1
        _, depth, _, url = heapq.heappop(self._queue)
        return url, depth


def page_key(url: str) -> str:
    """One key per page: ``/contact``, ``/contact/`` and ``/contact#form`` are one."""
    return url.partition("#")[0].rstrip("/")
