"""The ``emails`` spider: home page plus the most contact-like pages of each site.

The spider only crawls (``SiteSpider``); extraction and ranking run in the pipelines.
"""

from __future__ import annotations

from typing import Any

from crawler.spiders.base import SiteSpider


class EmailsSpider(SiteSpider):
    name = "emails"
    custom_settings = {  # noqa: RUF012 (Scrapy's documented class attribute)
        "ITEM_PIPELINES": {
            "crawler.pipelines.ExtractEmailsPipeline": 100,  # pages -> sightings
            "crawler.pipelines.RankEmailsPipeline": 200,  # sightings -> email columns
            "crawler.pipelines.OutputRowPipeline": 900,  # POI columns first, then ours
        }
    }

    def __init__(self, mode: str = "normal", **kwargs: Any) -> None:
        if mode != "normal":  # deep mode: issue 6
            raise ValueError(f"Mode email invalide : {mode} (attendu: normal)")
        super().__init__(**kwargs)
