"""``ProgressLog``: a progress line every few seconds, as LogStats does for pages.

"sites 120/450 done, 412 POIs out (388 with a result), 37.5 pages/s"
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


class ProgressLog:
    def __init__(self, stats: StatsCollector, interval: float) -> None:
        self.stats = stats
        self.interval = interval
        self.pois = 0
        self.found = 0
        self.pages_before = 0
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressLog:
        interval = crawler.settings.getfloat("LEADCRAWL_PROGRESS_INTERVAL")
        if not interval:
            raise NotConfigured
        extension = cls(crawler.stats, interval)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        return extension

    def opened(self, spider: Spider) -> None:
        self.loop = task.LoopingCall(self.log, spider)
        self.loop.start(self.interval, now=False)

    def item_scraped(self, item: dict[str, Any]) -> None:
        self.pois += 1
        self.found += item.get("status") == "ok"
        self.stats.inc_value("leadcrawl/pois_out_count")

    def log(self, spider: Spider) -> None:
        pages = self.stats.get_value("response_received_count", 0)
        rate, self.pages_before = (pages - self.pages_before) / self.interval, pages
        done, seen = (
            # sites seen so far, not in all: the input is read lazily (SiteSpider)
            spider.site_progress() if hasattr(spider, "site_progress") else (0, 0)
        )
        logger.info(
            "sites %d/%d done, %d POIs out (%d with a result), %.1f pages/s",
            done,
            seen,
            self.pois,
            self.found,
            rate,
            extra={"spider": spider},
        )

    def closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.log(spider)
