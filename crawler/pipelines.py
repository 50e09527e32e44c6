"""Item pipelines: thin adapters from crawl items to the pure extraction and ranking."""

from __future__ import annotations

from typing import Any

from crawler.extract import extract_emails
from crawler.items import PoiResult
from crawler.rank import rank_emails

EMAIL_COLUMNS = ("email", "email_personal", "email_source", "email_candidates")


class ExtractEmailsPipeline:
    """Read every address of every page of the POI's site, then drop the HTML."""

    def process_item(self, item: PoiResult) -> PoiResult:
        for page in item.visit.pages:
            item.sightings.extend(extract_emails(page.html, page.url))
        return item


class RankEmailsPipeline:
    """Choose the site's address (rules: docs/ranking.md) and fill the email columns."""

    def process_item(self, item: PoiResult) -> PoiResult:
        visit = item.visit
        if item.rejection is not None:
            item.columns["status"] = item.rejection.problem.value
            item.columns["status_detail"] = item.rejection.detail
            return item
        choice = rank_emails(item.sightings, visit.site)
        item.columns.update(
            email=choice.email,
            email_personal=choice.email_personal,
            email_source=choice.email_source,
            email_candidates=list(choice.email_candidates),
        )
        if not visit.pages:
            item.columns["status"] = "unreachable"
            item.columns["status_detail"] = "; ".join(visit.errors)
        else:
            item.columns["status"] = "ok" if choice.email else "no_candidate"
        return item


class OutputRowPipeline:
    """Build the output row: the POI's own columns untouched and in order, then ours."""

    def process_item(self, item: PoiResult) -> dict[str, Any]:
        row = dict(item.poi)
        for column in (*EMAIL_COLUMNS, "status", "status_detail"):
            row[column] = item.columns.get(column)
        return row
