"""A bare Scrapy spider: fetches a list of URLs and does nothing with them (bench baseline)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = Path(urls)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        with self.urls.open(encoding="utf-8") as lines:
            for line in lines:
                yield scrapy.Request(
                    line.strip(),
                    callback=self.parse,
                    errback=self.failed,
                    dont_filter=True,
                )

    def parse(self, response: Response, **kwargs: Any) -> None:
        """Read nothing: the baseline pays only for fetching."""

    def failed(self, failure: Failure) -> None:
        """Count nothing: Scrapy's stats already do."""
