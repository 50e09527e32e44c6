"""In-process crawls: a real spider on the asyncio reactor, items collected from signals.

As Scrapy's and zyte-spider-templates' own tests do: ``get_crawler`` builds the crawler
with the project's settings, ``crawl_async`` runs it, ``item_scraped`` collects items.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from scrapy import signals
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings

RunSpider = Callable[..., Awaitable[list[dict[str, Any]]]]
# The names crawler/settings.py sets (not Scrapy's defaults, some of them deprecated).
PROJECT = {k: v for k, v in vars(project_settings).items() if k.isupper()}


@pytest.fixture
def run_spider(farm: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RunSpider:
    """Crawl ``pois`` with ``spider_cls`` through the farm; return the output rows."""
    monkeypatch.setenv("http_proxy", farm)  # read by HttpProxyMiddleware at start
    monkeypatch.setenv("https_proxy", farm)  # https:// through the farm's CONNECT
    monkeypatch.delenv("no_proxy", raising=False)

    async def run(spider_cls: type, pois: list[dict[str, Any]], **settings: Any):
        source = tmp_path / "pois.jsonl"
        source.write_text("".join(json.dumps(p) + "\n" for p in pois), encoding="utf-8")
        crawler = get_crawler(spider_cls, {**PROJECT, "RETRY_TIMES": 0, **settings})
        rows: list[dict[str, Any]] = []

        def collect(item: dict[str, Any]) -> None:
            rows.append(item)

        # signals hold receivers by weak reference: ``collect`` lives as long as ``run``
        crawler.signals.connect(collect, signal=signals.item_scraped)
        await crawler.crawl_async(input=str(source))
        return rows

    return run
