"""The ``emails`` spider: home page plus the most contact-like pages of each POI's site.

The spider only crawls; extraction and ranking run in ``crawler.pipelines``.
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
from crawler.sites import SiteRejection, normalise_site

SITE_KEYS = (
    "site_web",
    "website",
    "url",
    "site",
)  # the seed's name first, then aliases


class EmailsSpider(scrapy.Spider):
    name = "emails"
    custom_settings = {  # noqa: RUF012 (Scrapy's documented class attribute)
        "ITEM_PIPELINES": {
            "crawler.pipelines.ExtractEmailsPipeline": 100,  # pages -> sightings
            "crawler.pipelines.RankEmailsPipeline": 200,  # sightings -> email columns
            "crawler.pipelines.OutputRowPipeline": 900,  # POI columns first, then ours
        }
    }

    def __init__(self, input: str | None = None, mode: str = "normal", **kwargs: Any):
        super().__init__(**kwargs)
        if not input:
            raise ValueError("usage: scrapy crawl emails -a input=pois.jsonl")
        if mode != "normal":
            raise ValueError(f"Mode email invalide : {mode} (attendu: normal)")
        self.input = input

    async def start(self) -> AsyncIterator[scrapy.Request | PoiResult]:
        for poi in read_pois(self.input):
            site = normalise_site(site_web(poi))
            if isinstance(site, SiteRejection):
                yield PoiResult(poi, SiteVisit(start_url=""), rejection=site)
                continue
            visit = SiteVisit(start_url=site.start_url, pending=1)
            yield self._request(site.start_url, self.parse_home, poi, visit)

    def parse_home(
        self, response: Response, poi: Poi, visit: SiteVisit
    ) -> Iterator[scrapy.Request | PoiResult]:
        visit.final_urls.append(response.url)
        if not isinstance(response, TextResponse):  # a PDF or image as home page
            yield from self._settle(poi, visit)
            return
        budget = self.settings.getint("LEADCRAWL_PAGES_PER_SITE") - 1
        host = urlsplit(response.url).hostname or ""
        links = LinkExtractor(allow_domains=[host]).extract_links(response)
        for url in pick_links(((link.url, link.text) for link in links), budget):
            if url.rstrip("/") == response.url.rstrip("/"):
                continue
            visit.pending += 1
            yield self._request(url, self.parse_page, poi, visit)
        yield from self.parse_page(response, poi, visit)

    def parse_page(
        self, response: Response, poi: Poi, visit: SiteVisit
    ) -> Iterator[PoiResult]:
        if isinstance(response, TextResponse):
            visit.pages.append(PageSnapshot(response.url, response.text))
        yield from self._settle(poi, visit)

    def settle_error(self, failure: Failure) -> Iterator[PoiResult]:
        kwargs = failure.request.cb_kwargs  # type: ignore[attr-defined]
        kwargs["visit"].errors.append(failure.getErrorMessage() or repr(failure.value))
        yield from self._settle(kwargs["poi"], kwargs["visit"])

    def _request(
        self, url: str, callback: Callable[..., Any], poi: Poi, visit: SiteVisit
    ) -> scrapy.Request:
        # dont_filter: a request the dupe filter dropped would never settle its site
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.settle_error,
            cb_kwargs={"poi": poi, "visit": visit},
            dont_filter=True,
        )

    def _settle(self, poi: Poi, visit: SiteVisit) -> Iterator[PoiResult]:
        """Count one request of the site as settled; emit the POI when none is left."""
        visit.pending -= 1
        if visit.pending == 0:
            yield PoiResult(poi, visit)


def site_web(poi: Poi) -> object:
    """Return the POI's website value: ``site_web`` (the seeds' name) or an alias."""
    for key in SITE_KEYS:
        if poi.get(key):
            return poi[key]
    return None
