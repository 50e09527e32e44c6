"""Deep mode's download handler: scrapy-playwright's, shared and bounded.

Loaded by Scrapy from ``DOWNLOAD_HANDLERS`` in deep runs only (``crawler.browser``), so
normal runs never import Playwright.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, ClassVar
from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

logger = logging.getLogger(__name__)


class SharedBrowserHandler(ScrapyPlaywrightDownloadHandler):  # type: ignore[misc]
    """scrapy-playwright's handler: one for both schemes, each render bounded.

    Scrapy builds a handler per scheme, and each would start its own Playwright driver
    and, once both schemes are rendered, its own Chromium: one serves both here.
    scrapy-playwright bounds navigation, not a page whose script starts looping later
    (serialising its DOM would wait forever): each render gets a total budget, after
    which its tab is closed and the render fails like any other.
    """

    _shared: ClassVar[WeakKeyDictionary[Crawler, SharedBrowserHandler]] = (
        WeakKeyDictionary()
    )

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        # a render waits for a free tab here, outside its budget
        self.tabs = asyncio.Semaphore(settings.getint("LEADCRAWL_BROWSER_PAGES"))
        # navigation, the reveal script, then serialising the DOM
        self.budget = 2.5 * settings.getfloat("LEADCRAWL_RENDER_TIMEOUT")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedBrowserHandler:
        if crawler not in cls._shared:
            cls._shared[crawler] = cls(crawler)
        return cls._shared[crawler]

    async def download_request(self, request: Request, *args: Any) -> Response:
        if not request.meta.get("playwright"):
            response: Response = await super().download_request(request, *args)
            return response
        request.meta["playwright_include_page"] = True  # so that it can be closed here
        async with self.tabs:
            try:
                return await asyncio.wait_for(
                    super().download_request(request, *args), self.budget
                )
            finally:
                await _close(request.meta.pop("playwright_page", None))

    async def close(self) -> None:
        """Close once, although Scrapy closes the handler of each scheme."""
        if not getattr(self, "_closing", False):
            self._closing = True
            await super().close()


async def _close(page: Any) -> None:
    """Close a render's tab, even one whose script never yields."""
    if page is None or page.is_closed():
        return
    with contextlib.suppress(Exception):  # a crashed tab may refuse; it is gone anyway
        await asyncio.wait_for(page.close(), 5)
