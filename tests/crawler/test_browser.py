"""Deep mode's browser set-up: which Chromium, which proxy, and only for deep runs."""

from __future__ import annotations

import pytest
from scrapy.crawler import Crawler
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from crawler.browser import (
    browser_proxy,
    chromium_path,
    deep_mode_settings,
)
from crawler.browser_handler import SharedBrowserHandler
from crawler.items import PageSnapshot
from crawler.pipelines import read_pages
from crawler.spiders.emails import EmailsSpider
from tests.crawler.conftest import PROJECT


def test_a_configured_chromium_comes_first(monkeypatch):
    monkeypatch.setenv("PATH", "/nowhere")
    assert chromium_path("/opt/chromium/chrome") == "/opt/chromium/chrome"
    assert chromium_path() is None  # none on the PATH: Playwright's own browser


def test_the_system_chromium_is_found_on_the_path(tmp_path, monkeypatch):
    browser = tmp_path / "chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert chromium_path() == str(browser)


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"http_proxy": "http://127.0.0.1:3128"}, {"server": "http://127.0.0.1:3128"}),
        (
            {"https_proxy": "http://10.0.0.1:8080", "no_proxy": "intranet.local"},
            {"server": "http://10.0.0.1:8080", "bypass": "intranet.local"},
        ),
        ({}, None),
    ],
)
def test_the_browser_takes_the_crawler_proxy(monkeypatch, environment, expected):
    for name in ("http_proxy", "https_proxy", "no_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert browser_proxy() == expected


def test_deep_mode_settings(monkeypatch):
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:3128")
    monkeypatch.setenv("LEADCRAWL_CHROMIUM", "/opt/chromium/chrome")
    crawler = get_crawler(EmailsSpider, PROJECT)
    settings = deep_mode_settings(crawler.settings)
    assert settings["DOWNLOAD_HANDLERS"] == {
        "http": "crawler.browser_handler.SharedBrowserHandler",
        "https": "crawler.browser_handler.SharedBrowserHandler",
    }
    assert settings["PLAYWRIGHT_LAUNCH_OPTIONS"] == {
        "headless": True,
        "executable_path": "/opt/chromium/chrome",
        "proxy": {"server": "http://127.0.0.1:3128"},
    }
    assert (
        settings["PLAYWRIGHT_MAX_PAGES_PER_CONTEXT"]
        == PROJECT["LEADCRAWL_BROWSER_PAGES"]
    )


@pytest.mark.parametrize(("mode", "browser"), [("normal", False), ("deep", True)])
def test_only_deep_runs_configure_the_browser(tmp_path, mode, browser):
    crawler = Crawler(EmailsSpider, Settings(PROJECT))  # settings open, as in a crawl
    spider = EmailsSpider.from_crawler(crawler, input=str(tmp_path), mode=mode)
    handlers = crawler.settings.getdict("DOWNLOAD_HANDLERS")
    assert (
        handlers.get("https") == "crawler.browser_handler.SharedBrowserHandler"
    ) is browser
    assert spider.deep is browser


@pytest.mark.parametrize("mode", ["Deep", "fast", ""])
def test_an_unknown_mode_gets_the_seeds_message(tmp_path, mode):
    with pytest.raises(
        ValueError, match=r"^Mode email invalide : .* \(attendu: normal \| deep\)$"
    ):
        EmailsSpider(input=str(tmp_path), mode=mode)


def test_one_handler_serves_http_and_https():
    crawler = get_crawler(EmailsSpider, PROJECT)
    assert SharedBrowserHandler.from_crawler(
        crawler
    ) is SharedBrowserHandler.from_crawler(crawler)
    assert SharedBrowserHandler.from_crawler(
        crawler
    ) is not SharedBrowserHandler.from_crawler(get_crawler(EmailsSpider, PROJECT))


STATIC = '<footer><a href="mailto:contact@martin.fr">contact@martin.fr</a></footer>'
RENDERED = STATIC + '<main><a href="mailto:sophie@martin.fr">Sophie</a></main>'


def read(*pages: tuple[str, str]):
    return read_pages([PageSnapshot("http://martin.fr" + p, html) for p, html in pages])


def test_a_page_read_twice_counts_its_sightings_once():
    once, _ = read(("/contact", STATIC))
    assert read(("/contact", STATIC), ("/contact", STATIC)) == (once, 0)
    assert len(read(("/contact", STATIC), ("/mentions", STATIC))[0]) == 2 * len(once)


def test_a_rendered_page_adds_only_what_rendering_shows():
    static, _ = read(("/contact", STATIC))
    sightings, renders_with_news = read(("/contact", STATIC), ("/contact", RENDERED))
    assert sightings[: len(static)] == static
    assert {s.address for s in sightings[len(static) :]} == {"sophie@martin.fr"}
    assert renders_with_news == 1
