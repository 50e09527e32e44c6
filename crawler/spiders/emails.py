"""The ``emails`` spider: the home page plus the most contact-like pages of each site.

``-a mode=deep`` is the exhaustive second pass for POIs a normal run left empty: three
levels of links, sitemaps, team pages, and pages rendered in Chromium when their HTML
hints at a script (docs/deep-mode.md). The spider only crawls (``SiteSpider``);
extraction and ranking run in the pipelines, the same for both modes.
"""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler

from crawler.browser import deep_mode_settings
from crawler.frontier import CrawlPlan
from crawler.pipelines import EMAIL_COLUMNS
from crawler.spiders.base import SiteSpider

MODES = ("normal", "deep")


class EmailsSpider(SiteSpider):
    name = "emails"
    output_columns = EMAIL_COLUMNS
    custom_settings = {  # noqa: RUF012 (Scrapy's documented class attribute)
        "ITEM_PIPELINES": {
            "crawler.pipelines.ExtractEmailsPipeline": 100,  # pages -> sightings
            "crawler.pipelines.RankEmailsPipeline": 200,  # sightings -> email columns
            "crawler.pipelines.OutputRowPipeline": 900,  # POI columns first, then ours
        }
    }

    def __init__(self, mode: str = "normal", **kwargs: Any) -> None:
        check_mode(mode)
        super().__init__(**kwargs)
        self.mode = mode
        self.deep = mode == "deep"

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        # Settings are still open here (Scrapy freezes them after creating the spider):
        # only a deep run configures the browser's download handler.
        if kwargs.get("mode") == "deep":
            crawler.settings.setdict(deep_mode_settings(crawler.settings), "spider")
        spider: Self = super().from_crawler(crawler, *args, **kwargs)
        return spider

    def crawl_plan(self) -> CrawlPlan:
        if not self.deep:
            return super().crawl_plan()
        return CrawlPlan(
            pages=self.settings.getint("LEADCRAWL_DEEP_PAGES_PER_SITE"),
            depth=self.settings.getint("LEADCRAWL_DEEP_DEPTH"),
            min_score=0,  # any page of the site, after the contact-like ones
            profiles=True,
        )

    def site_time_budget(self) -> float:
        if not self.deep:
            return super().site_time_budget()
        return self.settings.getfloat("LEADCRAWL_DEEP_SITE_TIME_BUDGET")


def check_mode(mode: str) -> None:
    """Refuse an unknown mode with the seeds' message."""
    if mode not in MODES:
        raise ValueError(f"Mode email invalide : {mode} (attendu: {' | '.join(MODES)})")
