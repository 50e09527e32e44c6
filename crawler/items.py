"""Crawl items: the visit of one site and the result row of one POI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crawler.extract import EmailSighting
from crawler.sites import Site, SiteRejection


@dataclass(slots=True)
class PageSnapshot:
    url: str
    html: str


@dataclass(slots=True)
class SiteVisit:
    """Crawl-side accounting of one site: pending requests and what they brought."""

    start_url: str
    pending: int = 0
    pages: list[PageSnapshot] = field(default_factory=list)
    final_urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def site(self) -> Site:
        return Site.from_url(self.start_url, *self.final_urls)


@dataclass(slots=True)
class PoiResult:
    """One POI and the visit of its site; pipelines fill the rest."""

    poi: dict[str, Any]
    visit: SiteVisit
    rejection: SiteRejection | None = None  # why the POI has no site to crawl
    sightings: list[EmailSighting] = field(default_factory=list)
    columns: dict[str, Any] = field(default_factory=dict)
