"""Deep mode's browser: scrapy-playwright settings for a headless Chromium.

Only deep runs get these settings (``EmailsSpider.from_crawler``): with the Playwright
download handler configured, every crawl starts two Playwright drivers even if it
renders nothing (+0.5 s, +48 MB, ../shared/notes/stack.md §2): normal runs must not pay.
"""

from __future__ import annotations

import asyncio
import functools
import os
import shutil
import urllib.request
from typing import TYPE_CHECKING, Any

from scrapy.settings import BaseSettings
from scrapy_playwright.page import (
    PageMethod,
)  # a plain class: Playwright stays unloaded

from crawler.guard import BrowserGuard, networks
from crawler.rendering import ADDRESS_NOUNS, REVEAL_VERBS

if TYPE_CHECKING:
    from playwright.async_api import Page

HANDLER = "crawler.browser_handler.SharedBrowserHandler"  # imported by deep runs only
CHROMIUM_ENV = "LEADCRAWL_CHROMIUM"
# Debian's package, Ubuntu's and Fedora's names, then Google's build.
SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome")
BLOCKED_RESOURCES = frozenset(("image", "font", "media"))

# Evaluated in each rendered page once it has loaded: wait until the DOM is quiet
# (scripts that fetch an address insert it after "load"), click the controls that say
# they show an address, wait again, then let Playwright serialise the DOM. Links that
# would leave the page are not clicked. Words: crawler/rendering.py (REVEAL_VERBS...).
REVEAL_SCRIPT = """
async ({verbs, nouns, quietMs, maxMs}) => {
  const quiet = () => new Promise((resolve) => {
    let last = Date.now();
    const start = last;
    const observer = new MutationObserver(() => { last = Date.now(); });
    observer.observe(document, {subtree: true, childList: true, characterData: true,
                                attributes: true});
    const tick = () => {
      const now = Date.now();
      if (now - last >= quietMs || now - start >= maxMs) {
        observer.disconnect(); resolve();
      } else { setTimeout(tick, 50); }
    };
    setTimeout(tick, 50);
  });
  const fold = (s) =>
    s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
  await quiet();
  const verb = new RegExp("(^|[^a-z])(" + verbs.join("|") + ")([^a-z]|$)");
  // innermost first: its click bubbles to the wrappers, a wrapper's never reaches it
  const controls = Array.from(document.querySelectorAll(
    "button, a, [role=button], [onclick], span, div")).reverse();
  const clicked = [];
  for (const el of controls) {
    const text = el.textContent || "";
    if (text.length > 200 || el.querySelector("button, a")) continue;
    if (clicked.some((c) => c.contains(el) || el.contains(c))) continue;
    const label = fold(text.replace(/\\s+/g, " ").trim());
    if (!label || label.length > 60) continue;
    if (!verb.test(label) || !nouns.some((n) => label.includes(n))) continue;
    // never send a form (a "receive the newsletter by e-mail" button) or leave the page
    if (el.form || el.type === "submit" || el.closest("form")) continue;
    const href = el.getAttribute("href");
    if (href !== null && !href.startsWith("#") && !href.startsWith("javascript:"))
      continue;
    el.click();
    clicked.push(el);
    if (clicked.length >= 5) break;
  }
  if (clicked.length) await quiet();
  return clicked.length;
}
"""


def chromium_path(configured: str = "") -> str | None:
    """Return the Chromium to launch: configured, else the system's; None: Playwright's.

    ``configured`` is the ``LEADCRAWL_CHROMIUM`` setting or environment variable.
    """
    if configured:
        return configured
    return next(filter(None, map(shutil.which, SYSTEM_CHROMIUMS)), None)


def browser_proxy() -> dict[str, str] | None:
    """Return the crawler's proxy for the browser, read as ``HttpProxyMiddleware`` does.

    Chromium has its own network stack: without this, rendered pages would not take
    the route plain requests take (the fixture farm is such a proxy).
    """
    proxies = urllib.request.getproxies()
    server = proxies.get("http") or proxies.get("https")
    if not server:
        return None
    proxy = {"server": server}
    if proxies.get("no"):
        proxy["bypass"] = proxies["no"]
    return proxy


def deep_mode_settings(settings: BaseSettings) -> dict[str, Any]:
    """Return the settings that turn the Playwright download handler on."""
    launch: dict[str, Any] = {"headless": True}
    executable = chromium_path(
        settings.get(CHROMIUM_ENV) or os.environ.get(CHROMIUM_ENV, "")
    )
    if executable:
        launch["executable_path"] = executable
    proxy = browser_proxy()
    if proxy:
        launch["proxy"] = proxy
    return {
        "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": launch,
        # what a rendered page may load: no images, nothing local or private (SSRF)
        "PLAYWRIGHT_ABORT_REQUEST": BrowserGuard(
            BLOCKED_RESOURCES,
            networks(settings.getlist("LEADCRAWL_ALLOWED_NETWORKS")),
            map(int, settings.getlist("LEADCRAWL_SERVICE_PORTS")),
            resolve=proxy is None,
        ),
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": settings.getint("LEADCRAWL_BROWSER_PAGES"),
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 1000
        * settings.getfloat("LEADCRAWL_RENDER_TIMEOUT"),
    }


REVEAL_ARGUMENTS = {
    "verbs": list(REVEAL_VERBS),
    "nouns": list(ADDRESS_NOUNS),
    "quietMs": 500,  # a DOM this long without change is done
    "maxMs": 4000,  # ... or a page that keeps changing (a carousel) is given up
}


async def reveal_addresses(page: Page, timeout: float) -> int:
    """Run ``REVEAL_SCRIPT`` in ``page`` within ``timeout`` seconds; return the clicks.

    A page whose script never yields (an endless loop) would hold ``evaluate`` forever:
    the timeout fails the render (scrapy-playwright closes the page), the crawl tries it
    once more, and the page's static reading stays either way.
    """
    clicks = await asyncio.wait_for(
        page.evaluate(REVEAL_SCRIPT, REVEAL_ARGUMENTS), timeout
    )
    return int(clicks)


def render_meta(timeout: float) -> dict[str, Any]:
    """Return the request meta that sends a page to the browser (scrapy-playwright)."""
    return {
        "playwright": True,
        "playwright_page_methods": [
            PageMethod(functools.partial(reveal_addresses, timeout=timeout))
        ],
        # the context is created with the first render (a startup context would
        # launch Chromium in every deep run); Scrapy does not check certificates
        # either, and the farm's are self-signed
        "playwright_context_kwargs": {"ignore_https_errors": True},
        "dont_retry": True,  # the spider tries a failed render again, whatever failed
    }
