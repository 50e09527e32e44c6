"""``SiteSpider``: read POIs, crawl each site once, emit each POI when its site settles.

Subclasses name their crawl plan and pipelines; pipelines do the rest. Which pages to
fetch is ``crawler.frontier``'s call, which to render ``crawler.rendering``'s.
"""

from __future__ import annotations

import os
import socket
import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml.etree import LxmlError
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet import task
from twisted.python.failure import Failure

from crawler.browser import render_meta
from crawler.extract import canonical_profile
from crawler.frontier import CrawlPlan, Frontier, contact_likeness
from crawler.guard import networks
from crawler.inputs import Poi, read_pois
from crawler.items import PageSnapshot, PoiResult, SiteVisit
from crawler.jobstore import LEASE, JobStore, connect
from crawler.rendering import render_reasons
from crawler.sites import SiteRejection, normalise_site, site_key, site_web
from crawler.status import Status, failure_status

NO_ELIGIBLE_ITEMS = "Aucun établissement avec site web"  # the seeds' message
SITEMAP_LEVELS = 2  # a sitemap index, then its sitemaps
SITEMAPS_PER_INDEX = 10
SITEMAP_URLS = 5000
CONTACT_PATH = 3  # contact_likeness of a URL whose path names a contact page


class SiteSpider(scrapy.Spider):
    """One visit per site, shared by every POI that names it (chains, franchises).

    A site is done when every request sent for it has settled (page, error, timeout,
    refusal by robots.txt); its POIs are then emitted. Deep crawls (``self.deep``) also
    read the site's sitemaps and send pages whose HTML hints at a script to the browser.
    """

    pages_setting = "LEADCRAWL_PAGES_PER_SITE"
    output_columns: tuple[str, ...] = ()  # the module's columns, after the POI's
    deep = False

    def __init__(
        self, input: str | None = None, job: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        if not input and not job:
            raise ValueError(f"usage: scrapy crawl {self.name} -a input=pois.jsonl")
        self.input, self.job = input, job
        self.jobstore: JobStore | None = None  # an API run's database, from_crawler
        self.visits: dict[str, SiteVisit] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider: Self = super().from_crawler(crawler, *args, **kwargs)
        if spider.job:  # an API run: POIs come from the job's rows, rows go back there
            url = crawler.settings.get("LEADCRAWL_DATABASE_URL")
            # scrapyd's run id (its ``_job`` argument) names the crawl in job_crawls, so
            # a batch's worker says which node holds it; else the host and process
            worker = (
                getattr(spider, "_job", None) or f"{socket.gethostname()}:{os.getpid()}"
            )
            store = JobStore(
                connect(url),
                spider.job,
                worker,
                spider.output_columns,
                allowed=networks(
                    crawler.settings.getlist("LEADCRAWL_ALLOWED_NETWORKS")
                ),
                ports=map(int, crawler.settings.getlist("LEADCRAWL_SERVICE_PORTS")),
            )
            spider.jobstore = store
            # the leases of the batches it holds last while the process lives
            renewal = task.LoopingCall(store.renew)

            def renew_leases() -> None:  # not the loop's Deferred: the crawl would wait
                renewal.start(LEASE.total_seconds() / 4, now=False)

            crawler.signals.connect(renew_leases, signals.spider_opened, weak=False)
            crawler.signals.connect(renewal.stop, signals.spider_closed, weak=False)
            crawler.signals.connect(store.finish_on_close, signals.spider_closed)
        return spider

    def read_input(self) -> Iterator[tuple[int | None, Poi]]:
        """Yield each POI with its place in the job (None for a file's)."""
        if self.jobstore is not None:
            self.jobstore.start()
            yield from self.jobstore.pois()
        elif self.input:
            yield from ((None, poi) for poi in read_pois(self.input))

    def crawl_plan(self) -> CrawlPlan:
        """Return normal mode's plan: the home page and its most contact-like links."""
        pages = self.settings.getint(self.pages_setting)
        return CrawlPlan(pages=pages, depth=1, min_score=1)

    def site_time_budget(self) -> float:
        """Seconds a site's other pages get once its home page is in."""
        return self.settings.getfloat("LEADCRAWL_SITE_TIME_BUDGET")

    async def start(self) -> AsyncIterator[scrapy.Request | PoiResult]:
        for position, poi in self.read_input():
            site = normalise_site(site_web(poi))
            if isinstance(site, SiteRejection):
                self.crawler.stats.inc_value(f"leadcrawl/pois_dropped/{site.problem}")
                yield PoiResult(
                    poi, SiteVisit(start_url=""), rejection=site, position=position
                )
                continue
            visit = self.visits.get(site_key(site))
            if visit is not None:  # the site is crawled already, or being crawled
                if visit.pending:
                    visit.waiting.append((position, poi))
                else:
                    yield PoiResult(poi, visit, position=position)
                continue
            visit = SiteVisit(start_url=site.start_url, waiting=[(position, poi)])
            self.visits[site_key(site)] = visit
            for request in self._send(site.start_url, self.parse_home, visit):
                yield request
            if not visit.pending:  # a URL Scrapy refuses: the POI still gets its row
                visit.failures.append(
                    (Status.INVALID_URL, "the URL cannot be requested")
                )
                visit.waiting = []
                yield PoiResult(poi, visit, position=position)
        if not self.visits and self.jobstore is None:
            # the seeds' message; each POI's row still says why. (A job's crawl may
            # find every batch taken by its other crawls: nothing to say then.)
            self.logger.error(NO_ELIGIBLE_ITEMS)

    def site_progress(self) -> tuple[int, int]:
        """Return (sites done, sites seen so far), for the progress log."""
        done = sum(1 for visit in self.visits.values() if not visit.pending)
        return done, len(self.visits)

    def parse_home(
        self, response: Response, visit: SiteVisit
    ) -> Iterator[scrapy.Request | PoiResult]:
        visit.final_urls.append(response.url)
        visit.host = urlsplit(response.url).hostname or ""
        visit.frontier = Frontier(self.crawl_plan(), taken=1)
        visit.frontier.visited(visit.start_url)
        visit.frontier.visited(response.url)
        # the site's other pages share one time budget, counted from its home page
        visit.deadline = time.monotonic() + self.site_time_budget()
        moved_to_a_profile = canonical_profile(response.url) is not None
        if self.deep and isinstance(response, TextResponse) and not moved_to_a_profile:
            # the site's sitemaps (not a social network's); the robots.txt middleware
            # reads the file too, but keeps its Sitemap: lines to itself
            robots = urljoin(response.url, "/robots.txt")
            yield from self._send(robots, self.parse_robots, visit)
        yield from self.parse_page(response, visit, depth=0)

    def parse_page(
        self, response: Response, visit: SiteVisit, depth: int = 0
    ) -> Iterator[scrapy.Request | PoiResult]:
        if isinstance(response, TextResponse):
            visit.pages.append(PageSnapshot(response.url, response.text))
            visit.pages_read += 1
            self._offer_links(response, visit, depth)
            if self.deep and self._worth_rendering(response, visit, depth):
                visit.renders += 1
                yield from self._send_render(response.url, visit, depth, attempt=1)
        yield from self._settle(visit)

    def parse_rendered(
        self, response: Response, visit: SiteVisit, depth: int, attempt: int
    ) -> Iterator[scrapy.Request | PoiResult]:
        """Read the DOM the browser built; its links may exist only there (JS menus)."""
        self.crawler.stats.inc_value("leadcrawl/rendered_pages")
        if isinstance(response, TextResponse):
            # filed under the URL read statically, even if a script navigated away,
            # so that the two readings of one page are merged (pipelines.read_pages)
            asked = response.request.url if response.request else response.url
            visit.pages.append(PageSnapshot(asked, response.text))
            self._offer_links(response, visit, depth)
        yield from self._settle(visit)

    def parse_robots(
        self, response: Response, visit: SiteVisit
    ) -> Iterator[scrapy.Request | PoiResult]:
        """Find the site's sitemaps: those robots.txt names, else ``/sitemap.xml``."""
        text = response.text if isinstance(response, TextResponse) else ""
        named = [
            url
            for url in sitemap_urls_from_robots(text, base_url=response.url)
            if self._on_site(url, visit)
        ]
        for url in named or [urljoin(response.url, "/sitemap.xml")]:
            yield from self._send(url, self.parse_sitemap, visit, level=1)
        yield from self._settle(visit)

    def parse_sitemap(
        self, response: Response, visit: SiteVisit, level: int = 1
    ) -> Iterator[scrapy.Request | PoiResult]:
        """Offer the pages a sitemap lists to the frontier; follow a sitemap index.

        Its entries rank as the deepest links: a contact-like page no link leads to
        comes early, a shop's products after every linked page (and the budget is 30).
        """
        entries, is_index = read_sitemap(response)
        locations = [url for url in entries if self._on_site(url, visit)]
        del locations[SITEMAP_URLS:]
        if is_index and level < SITEMAP_LEVELS:
            for url in locations[:SITEMAPS_PER_INDEX]:
                yield from self._send(url, self.parse_sitemap, visit, level=level + 1)
        elif not is_index and visit.frontier is not None:
            depth = visit.frontier.plan.depth
            visit.frontier.offer(((url, "") for url in locations), depth)
        yield from self._settle(visit)

    def settle_error(self, failure: Failure) -> Iterator[scrapy.Request | PoiResult]:
        request = failure.request  # type: ignore[attr-defined]
        visit: SiteVisit = request.cb_kwargs["visit"]
        if request.callback == self.parse_home:
            if request.meta.get("redirect_urls"):
                visit.final_urls.append(request.url)  # e.g. a home moved to Facebook
            visit.failures.append(failure_status(failure))
        elif request.callback == self.parse_page:
            visit.failures.append(failure_status(failure))
        elif request.callback == self.parse_robots:  # no robots.txt: the default place
            sitemap = urljoin(request.url, "/sitemap.xml")
            yield from self._send(sitemap, self.parse_sitemap, visit, level=1)
        elif request.callback == self.parse_rendered:
            # the static page is read already: a crashed or hung render loses nothing
            self.crawler.stats.inc_value("leadcrawl/render_failures")
            attempt = request.cb_kwargs["attempt"]
            if attempt < self.settings.getint("LEADCRAWL_RENDER_ATTEMPTS"):
                depth = request.cb_kwargs["depth"]
                yield from self._send_render(request.url, visit, depth, attempt + 1)
        yield from self._settle(visit)

    def _offer_links(
        self, response: TextResponse, visit: SiteVisit, depth: int
    ) -> None:
        if visit.frontier is None or depth >= visit.frontier.plan.depth:
            return
        links = LinkExtractor(allow_domains=[visit.host]).extract_links(response)
        visit.frontier.offer(((link.url, link.text) for link in links), depth + 1)

    def _worth_rendering(
        self, response: TextResponse, visit: SiteVisit, depth: int
    ) -> bool:
        if visit.renders >= self.settings.getint("LEADCRAWL_RENDERS_PER_SITE"):
            return False
        if self.settings.getbool("LEADCRAWL_RENDER_ALL_PAGES"):
            return True
        # where an address is expected: the home page and contact pages (not legal,
        # about or team pages: 5 renders a site instead of 2 on make bench's sites)
        key_page = depth == 0 or contact_likeness(response.url, "") >= CONTACT_PATH
        reasons = render_reasons(response.text, response.url, key_page=key_page)
        for reason in reasons:
            self.crawler.stats.inc_value(f"leadcrawl/render_reason/{reason}")
        return bool(reasons)

    def _on_site(self, url: str, visit: SiteVisit) -> bool:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:  # "http://[bad": not a URL of the site, nor of any
            return False
        return host.removeprefix("www.") == visit.host.removeprefix("www.")

    def _send(
        self,
        url: str,
        callback: Callable[..., Any],
        visit: SiteVisit,
        meta: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Iterator[scrapy.Request]:
        """Yield the request for ``url`` and count it pending on its site.

        Yield nothing for a URL Scrapy would refuse, or drop without calling back.
        """
        if len(url) > self.settings.getint("URLLENGTH_LIMIT"):
            return  # UrlLengthMiddleware drops it silently: the site would never settle
        try:
            # dont_filter: a request the dupe filter dropped would never settle its site
            request = scrapy.Request(
                url,
                callback=callback,
                errback=self.settle_error,
                cb_kwargs={"visit": visit, **kwargs},
                meta=meta,
                dont_filter=True,
            )
        except ValueError:  # no scheme, or not a URL at all
            return
        if visit.deadline:  # not the home page: the site's time budget applies
            left = max(visit.deadline - time.monotonic(), 0.1)
            request.meta["download_timeout"] = min(
                left, self.settings.getfloat("DOWNLOAD_TIMEOUT")
            )
        visit.pending += 1
        yield request

    def _send_render(
        self, url: str, visit: SiteVisit, depth: int, attempt: int
    ) -> Iterator[scrapy.Request]:
        meta = render_meta(self.settings.getfloat("LEADCRAWL_RENDER_TIMEOUT"))
        yield from self._send(
            url, self.parse_rendered, visit, meta, depth=depth, attempt=attempt
        )

    def _settle(self, visit: SiteVisit) -> Iterator[scrapy.Request | PoiResult]:
        """Count one request of the site as settled; emit its POIs when none is left.

        Before that, send the next pages its budgets allow.
        """
        visit.pending -= 1
        yield from self._next_pages(visit)
        if visit.pending == 0:
            visit.frontier = None  # done: only its output columns are kept
            waiting, visit.waiting = visit.waiting, []
            for position, poi in waiting:
                yield PoiResult(poi, visit, position=position)

    def _next_pages(self, visit: SiteVisit) -> Iterator[scrapy.Request]:
        frontier = visit.frontier
        if frontier is None or time.monotonic() > visit.deadline:
            return
        # normal mode sends its few pages at once; deep mode keeps choosing the best
        # page as its pages come in, a few at a time
        in_flight = (
            frontier.plan.pages
            if not self.deep
            else self.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        )
        while visit.pending < in_flight and (page := frontier.take()) is not None:
            url, depth = page
            yield from self._send(url, self.parse_page, visit, depth=depth)


def read_sitemap(response: Response) -> tuple[list[str], bool]:
    """Return the URLs a sitemap lists and whether it is an index of sitemaps."""
    body = response.body
    try:
        if gzip_magic_number(response):
            body = gunzip(body, max_size=16 * 2**20)
        sitemap = Sitemap(body)
        # relative or scheme-less entries are resolved; other schemes are not pages
        urls = [
            url
            for entry in sitemap
            if entry.get("loc")
            and (url := urljoin(response.url, entry["loc"])).startswith("http")
        ]
    except (StopIteration, LxmlError, ValueError, OSError, zlib.error):  # not one
        return [], False
    return urls, sitemap.type == "sitemapindex"
