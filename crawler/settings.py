"""Scrapy settings for leadcrawl, grouped and commented (the only env reader here)."""

from __future__ import annotations

import os
from pathlib import Path

from crawler.guard import service_ports

BOT_NAME = "leadcrawl"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- politeness and identity ----------------------------------------------------------
ROBOTSTXT_OBEY = True
USER_AGENT = "Mozilla/5.0 (compatible; leadcrawl/0.1; +https://github.com/leadcrawl)"
COOKIES_ENABLED = False

# --- throughput (figures: ../shared/notes/stack.md §4) --------------------------------
# Broad crawl (Scrapy's "Broad Crawls"): many sites at once, few requests each.
CONCURRENT_REQUESTS = 128
CONCURRENT_REQUESTS_PER_DOMAIN = 4
REACTOR_THREADPOOL_MAXSIZE = 20  # DNS lookups run in the thread pool
# One queue for all sites: DownloaderAwarePriorityQueue keeps a queue per domain and, at
# 10,000 sites, cost 7.3 ms CPU/page and 597 MB (2.98 ms, 141 MB without it).
# docs/decisions/003-one-scheduler-queue-for-broad-crawls.md
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.ScrapyPriorityQueue"
# One item per site: Scrapy spawns CONCURRENT_ITEMS tasks per response, so keep it low.
CONCURRENT_ITEMS = 10

# --- robustness -----------------------------------------------------------------------
# Hanging sites hold a slot for up to 4 x this (robots.txt and page, one retry each):
# 10,000 sites took 243.6 s at 15 s, 205.9 s at 10 s (docs/benchmarks.md).
DOWNLOAD_TIMEOUT = 10
# A page of several MB with inline images is real and is read; 50 MB is not (issue 5).
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
REDIRECT_MAX_TIMES = 5
RETRY_TIMES = 1

# --- never against our own machine or network (SSRF; crawler/guard.py) ----------------
DOWNLOADER_MIDDLEWARES = {"crawler.guard.TargetGuard": 50}  # before robots.txt (100)
TWISTED_DNS_RESOLVER = "crawler.guard.GuardedResolver"
# Private networks crawls may reach anyway (CIDRs), e.g. an intranet's own directory.
LEADCRAWL_ALLOWED_NETWORKS = [
    cidr for cidr in os.environ.get("LEADCRAWL_ALLOWED_NETWORKS", "").split(",") if cidr
]
# Ports of our own services (scrapyd, the API), refused on any host: LEADCRAWL_PORT,
# SCRAPYD_HTTP_PORT, LEADCRAWL_SCRAPYD_NODES' ports, 6800 and 8000, less
# LEADCRAWL_ALLOWED_PORTS.
LEADCRAWL_SERVICE_PORTS = sorted(service_ports(os.environ))

# --- no side services a batch crawl does not use --------------------------------------
TELNETCONSOLE_ENABLED = False
EXTENSIONS = {"crawler.extensions.ProgressLog": 500}
LOGSTATS_INTERVAL = 0  # ProgressLog says it per site, with pages/s
REMOTE_CONTROL_ENABLED = False

# --- output ---------------------------------------------------------------------------
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# --- leadcrawl ------------------------------------------------------------------------
LEADCRAWL_PAGES_PER_SITE = 5  # home page plus the most contact-like pages (normal mode)
LEADCRAWL_SOCIAL_PAGES_PER_SITE = 4  # profiles sit in headers, footers, about pages
LEADCRAWL_PROGRESS_INTERVAL = 10.0  # seconds between progress lines; 0 turns them off
# Seconds a site's other pages get once its home page is in (they run in parallel).
LEADCRAWL_SITE_TIME_BUDGET = 10.0

# --- API runs (-a job=ID): the jobs database the API shares ---------------------------
LEADCRAWL_DATABASE_URL = os.environ.get(
    "LEADCRAWL_DATABASE_URL", f"sqlite:///{Path('var/leadcrawl.db').resolve()}"
)

# --- deep mode (-a mode=deep; docs/deep-mode.md) --------------------------------------
LEADCRAWL_DEEP_PAGES_PER_SITE = 30  # home page included
LEADCRAWL_DEEP_DEPTH = 3  # levels of links below the home page
LEADCRAWL_DEEP_SITE_TIME_BUDGET = 60.0
LEADCRAWL_RENDERS_PER_SITE = 8  # pages of a site sent to Chromium, at most
# Render every page read (up to the limit above), not only those whose HTML hints at a
# script: slower, for measuring the choice (docs/deep-mode.md).
LEADCRAWL_RENDER_ALL_PAGES = False
LEADCRAWL_RENDER_ATTEMPTS = 2  # a crashed or hung render is tried again once
# Seconds a page gets to load in the browser, then as much for its scripts to settle.
LEADCRAWL_RENDER_TIMEOUT = 15.0
LEADCRAWL_BROWSER_PAGES = 8  # browser pages open at once (memory: ~60 MB each)
# Chromium to launch (else the environment's LEADCRAWL_CHROMIUM, else chromium on the
# PATH, else Playwright's own browser).
LEADCRAWL_CHROMIUM = ""
