"""Scrapy settings for leadcrawl, grouped and commented (the only env reader here)."""

from __future__ import annotations

BOT_NAME = "leadcrawl"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- politeness and identity ----------------------------------------------------------
ROBOTSTXT_OBEY = True
USER_AGENT = "Mozilla/5.0 (compatible; leadcrawl/0.1; +https://github.com/leadcrawl)"
COOKIES_ENABLED = False

# --- throughput (figures: ../shared/notes/stack.md §4) --------------------------------
CONCURRENT_REQUESTS = 64
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# One item per site: Scrapy spawns CONCURRENT_ITEMS tasks per response, so keep it low.
CONCURRENT_ITEMS = 10

# --- robustness -----------------------------------------------------------------------
DOWNLOAD_TIMEOUT = 20
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
REDIRECT_MAX_TIMES = 5
RETRY_TIMES = 1

# --- no side services a batch crawl does not use --------------------------------------
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# --- output ---------------------------------------------------------------------------
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# --- leadcrawl ------------------------------------------------------------------------
LEADCRAWL_PAGES_PER_SITE = 5  # home page plus the most contact-like pages (normal mode)
LEADCRAWL_SOCIAL_PAGES_PER_SITE = 2  # profiles sit in headers and footers
