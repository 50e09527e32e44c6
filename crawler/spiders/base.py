"""``SiteSpider``: read POIs, crawl each site once, emit each POI when its site settles.

Subclasses name their page budget setting and pipelines; pipelines do the rest.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from twisted.python.failure import Failure

from crawler.inputs import Poi, read_pois
from crawler.items import PageSnapshot, PoiResult, SiteVisit
from crawler.links import pick_links
from crawler.sites import Site, SiteRejection, normalise_site
from crawler.status import failure_status

# The seeds' name first, then aliases upstream tools use.
SITE_KEYS = ("site_web", "website", "url", "site")
NO_ELIGIBLE_ITEMS = "Aucun établissement avec site web"  # the seeds' message


class SiteSpider(scrapy.Spider):
    """One visit per site, shared by every POI that names it (chains, franchises)."""

    pages_setting = "LEADCRAWL_PAGES_PER_SITE"

    def __init__(self, input: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not input:
            raise ValueError(f"usage: scrapy crawl {self.name} -a input=pois.jsonl")
        self.input = input
        self.visits: dict[str, SiteVisit] = {}

    async def start(self) -> AsyncIterator[scrapy.Request | PoiResult]:
        for poi in read_pois(self.input):
            site = normalise_site(site_web(poi))
            if isinstance(site, SiteRejection):
                self.crawler.stats.inc_value(f"leadcrawl/pois_dropped/{site.problem}")
                yield PoiResult(poi, SiteVisit(start_url=""), rejection=site)
                continue
            visit = self.visits.get(site_key(site))
            if visit is not None:  # the site is crawled already, or being crawled
                if visit.pending:
                    visit.waiting.append(poi)
                else:
                    yield PoiResult(poi, visit)
                continue
            visit = SiteVisit(start_url=site.start_url, pending=1, waiting=[poi])
            self.visits[site_key(site)] = visit
            yield self._request(site.start_url, self.parse_home, visit)
        if not self.visits:  # the seeds' message; each POI's row still says why
            self.logger.error(NO_ELIGIBLE_ITEMS)

    def site_progress(self) -> tuple[int, int]:
        """Return (sites done, sites seen so far), for the progress log."""
        done = sum(1 for visit in self.visits.values() if not visit.pending)
        return done, len(self.visits)

    def parse_home(
        self, response: Response, visit: SiteVisit
    ) -> Iterator[scrapy.Request | PoiResult]:
        visit.final_urls.append(response.url)
        if isinstance(response, TextResponse):
            budget = self.settings.getint(self.pages_setting) - 1
            host = urlsplit(response.url).hostname or ""
            links = LinkExtractor(allow_domains=[host]).extract_links(response)
            # the site's other pages run in parallel: each gets the site's time budget
            seconds = self.settings.getfloat("LEADCRAWL_SITE_TIME_BUDGET")
            for url in pick_links(((link.url, link.text) for link in links), budget):
                if url.rstrip("/") != response.url.rstrip("/"):
                    visit.pending += 1
                    request = self._request(url, self.parse_page, visit)
                    request.meta["download_timeout"] = min(
                        seconds, self.settings.getfloat("DOWNLOAD_TIMEOUT")
                    )
                    yield request
        yield from self.parse_page(response, visit)

    def parse_page(self, response: Response, visit: SiteVisit) -> Iterator[PoiResult]:
        if isinstance(response, TextResponse):
            visit.pages.append(PageSnapshot(response.url, response.text))
            visit.pages_read += 1
        yield from self._settle(visit)

    def settle_error(self, failure: Failure) -> Iterator[PoiResult]:
        request = failure.request  # type: ignore[attr-defined]
        visit: SiteVisit = request.cb_kwargs["visit"]
        if request.meta.get("redirect_urls"):
            visit.final_urls.append(request.url)  # e.g. a home page moved to Facebook
        visit.failures.append(failure_status(failure))
        yield from self._settle(visit)

    def _request(
        self, url: str, callback: Callable[..., Any], visit: SiteVisit
    ) -> scrapy.Request:
        # dont_filter: a request the dupe filter dropped would never settle its site
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.settle_error,
            cb_kwargs={"visit": visit},
            dont_filter=True,
        )

    def _settle(self, visit: SiteVisit) -> Iterator[PoiResult]:
        """Count one request of the site as settled; emit its POIs when none is left."""
        visit.pending -= 1
        if visit.pending == 0:
            waiting, visit.waiting = visit.waiting, []
            for poi in waiting:
                yield PoiResult(poi, visit)


def site_web(poi: Poi) -> object:
    """Return the POI's website value: ``site_web`` (the seeds' name) or an alias."""
    for key in SITE_KEYS:
        if poi.get(key):
            return poi[key]
    return None


def site_key(site: Site) -> str:
    """One crawl per site: ``www.martin.fr`` and ``martin.fr/contact`` are one site."""
    return site.host.removeprefix("www.")
