"""Item pipelines: thin adapters from crawl items to the pure extraction and ranking.

Each site is extracted and ranked once (memoised on its ``SiteVisit``); every POI of
the site copies the result into its own columns.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler.extract import (
    EmailSighting,
    PageRegion,
    SocialLink,
    SocialSource,
    canonical_profile,
    extract_emails,
    extract_socials,
)
from crawler.items import PageSnapshot, PoiResult, SiteVisit
from crawler.jobstore import JobStore
from crawler.rank import choose_profiles, rank_emails
from crawler.sites import SiteRejection

EMAIL_COLUMNS = ("email", "email_personal", "email_source", "email_candidates")
SOCIAL_COLUMNS = tuple(
    f"social_{n}"
    for n in ("facebook", "instagram", "linkedin", "twitter", "tiktok", "youtube")
)
NAME_KEYS = ("nom", "name", "raison_sociale", "enseigne", "business_name", "title")


class ExtractEmailsPipeline:
    """Read every address of every page of the site, once; then drop the HTML."""

    def __init__(self, stats: StatsCollector | None = None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractEmailsPipeline:
        return cls(crawler.stats)

    def process_item(self, item: PoiResult) -> PoiResult:
        visit = item.visit
        if visit.result is None and visit.sightings is None:
            visit.sightings, rendered_news = read_pages(visit.pages)
            visit.pages.clear()
            if rendered_news and self.stats is not None:  # measures docs/deep-mode.md
                self.stats.inc_value(
                    "leadcrawl/renders_with_new_sightings", rendered_news
                )
        return item


class RankEmailsPipeline:
    """Choose the site's address (rules: docs/ranking.md) and fill the email columns."""

    def process_item(self, item: PoiResult) -> PoiResult:
        visit = item.visit
        if item.rejection is not None:
            _rejected(item, item.rejection, EMAIL_COLUMNS)
            return item
        if visit.result is None:
            choice = rank_emails(visit.sightings or [], visit.site)
            visit.result = {
                "email": choice.email,
                "email_personal": choice.email_personal,
                "email_source": choice.email_source,
                "email_candidates": list(choice.email_candidates),
            }
            visit.sightings = None  # later POIs of the site need the columns only
        item.columns.update(visit.result)
        _status(item, visit, found=visit.result["email"] is not None)
        return item


class ExtractSocialsPipeline:
    """Read every profile link of every page of the site, once; then drop the HTML."""

    def process_item(self, item: PoiResult) -> PoiResult:
        visit = item.visit
        if visit.result is None and visit.social_links is None:
            visit.social_links = [
                link for p in visit.pages for link in extract_socials(p.html, p.url)
            ]
            visit.social_links += _redirected_profiles(visit)
            visit.pages.clear()
        return item


class RankSocialsPipeline:
    """Keep one own profile per network (rules: docs/ranking.md) in the six columns."""

    def process_item(self, item: PoiResult) -> PoiResult:
        visit = item.visit
        if item.rejection is not None:
            _rejected(item, item.rejection, SOCIAL_COLUMNS)
            return item
        if visit.result is None:
            name = next((str(item.poi[k]) for k in NAME_KEYS if item.poi.get(k)), "")
            profiles = choose_profiles(visit.social_links or [], name, visit.site)
            visit.result = {c: getattr(profiles, c) for c in SOCIAL_COLUMNS}
            visit.social_links = None  # later POIs of the site need the columns only
        item.columns.update(visit.result)
        _status(item, visit, found=any(item.columns[c] for c in SOCIAL_COLUMNS))
        return item


class OutputRowPipeline:
    """Build the output row: the POI's own columns untouched and in order, then ours.

    In an API run (``-a job=…``), also write it to the job's database row at once, so
    progress and partial results are live.
    """

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler
        self.sites_saved: set[int] = set()  # visits whose site was counted done

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OutputRowPipeline:
        return cls(crawler)

    def process_item(self, item: PoiResult) -> dict[str, Any]:
        row = {**item.poi, **item.columns}
        spider = self.crawler.spider if self.crawler is not None else None
        store: JobStore | None = getattr(spider, "jobstore", None)
        if store is not None and item.position is not None:
            new_site = item.rejection is None and id(item.visit) not in self.sites_saved
            self.sites_saved.add(id(item.visit))
            store.save(item.position, row, found=item.found, new_site=new_site)
            if new_site:
                store.event("progress", store.progress())
        return row


def read_pages(pages: list[PageSnapshot]) -> tuple[list[EmailSighting], int]:
    """Return the sightings of every page, and how many second readings added some.

    A page read twice (static, then rendered by the browser) adds only what its second
    reading shows: no sighting counts twice.
    """
    by_page: dict[str, list[EmailSighting]] = {}
    added = 0
    for page in pages:
        found = extract_emails(page.html, page.url)
        if page.url in by_page:
            known = set(by_page[page.url])
            found = [s for s in found if s not in known]
            added += bool(found)
        by_page.setdefault(page.url, []).extend(found)
    return [s for sightings in by_page.values() for s in sightings], added


def _rejected(
    item: PoiResult, rejection: SiteRejection, columns: tuple[str, ...]
) -> None:
    item.columns.update(dict.fromkeys(columns))
    item.columns.update(status=rejection.problem.value, status_detail=rejection.detail)


def _status(item: PoiResult, visit: SiteVisit, *, found: bool) -> None:
    item.found = found
    status, detail = visit.status(found)
    item.columns.update(status=status.value, status_detail=detail or None)


def _redirected_profiles(visit: SiteVisit) -> list[SocialLink]:
    """Return the profile a home page redirected to (a business on Facebook only)."""
    links = []
    for url in visit.final_urls:
        profile = canonical_profile(url)
        if profile is not None:
            links.append(
                SocialLink(
                    profile,
                    url,
                    visit.start_url,
                    SocialSource.REDIRECT,
                    PageRegion.MAIN,
                )
            )
    return links
