"""Crawl items: the visit of one site, and the result row of one POI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crawler.extract import EmailSighting, SocialLink, canonical_profile
from crawler.frontier import Frontier
from crawler.sites import Site, SiteRejection
from crawler.status import Status


@dataclass(slots=True)
class PageSnapshot:
    url: str
    html: str


@dataclass(slots=True)
class SiteVisit:
    """One site's crawl (pending requests, pages, failures) and its results, once.

    Every POI naming the site shares the visit; the first to reach a pipeline fills the
    result, the others reuse it. Pages, then sightings or links, are dropped once used:
    a finished visit keeps only its output columns.
    """

    start_url: str
    pending: int = 0  # requests sent and not settled yet
    frontier: Frontier | None = None  # pages still to fetch, once the home page is in
    host: str = ""  # where the home page ended up: the site's links stay on it
    deadline: float = 0.0  # monotonic time after which no request is sent
    renders: int = 0  # pages sent to the browser (deep mode)
    waiting: list[tuple[int | None, dict[str, Any]]] = field(default_factory=list)
    pages: list[PageSnapshot] = field(default_factory=list)
    pages_read: int = 0
    final_urls: list[str] = field(default_factory=list)
    failures: list[tuple[Status, str]] = field(default_factory=list)
    sightings: list[EmailSighting] | None = None  # between extraction and ranking
    social_links: list[SocialLink] | None = None  # between extraction and ranking
    result: dict[str, Any] | None = None  # the site's output columns, for all its POIs

    @property
    def site(self) -> Site:
        return Site.from_url(self.start_url, *self.final_urls)

    def status(self, found: bool) -> tuple[Status, str]:
        """Return why nothing was read, else whether something was found."""
        answer = Status.OK if found else Status.NO_CANDIDATE
        if not self.pages_read:
            profiles = (canonical_profile(url) for url in self.final_urls)
            moved = next((p for p in profiles if p is not None), None)
            if moved:  # not down: the business lives on a social network
                return answer, f"the website redirects to {moved.url}"
            return self.failures[0] if self.failures else (Status.UNREACHABLE, "")
        return answer, ""


@dataclass(slots=True)
class PoiResult:
    """One POI and the visit of its site; pipelines fill ``columns``."""

    poi: dict[str, Any]
    visit: SiteVisit
    rejection: SiteRejection | None = None  # why the POI has no site to crawl
    columns: dict[str, Any] = field(default_factory=dict)
    position: int | None = None  # the POI's place in its job (API runs only)
    found: bool = False  # got a result: an address, or a profile (billed on found)
