"""``/api/jobs``: create, read, list, stream, download and cancel jobs.

The routes; their schemas are in ``schemas.py``, what a creation decides in
``creation.py``, a job's record (owned, public, end) in ``records.py``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

from apiflask import APIBlueprint
from flask import Response, current_app, request, stream_with_context
from sqlalchemy import func, select

from api.auth import auth, caller
from api.conductor import node_of
from api.creation import Created, create
from api.db import db
from api.errors import ApiError
from api.exports import to_csv, to_xlsx
from api.records import end, owned, public
from api.schemas import (
    FINAL,
    CreateHeaders,
    EmailsIn,
    JobDetail,
    JobList,
    JobOut,
    JobQuery,
    ResultsQuery,
    SocialsIn,
)
from api.scrapyd import ScrapydError
from crawler.jobstore import (
    job_crawls,
    job_events,
    job_items,
    jobs,
    webhook_attempts,
)

blueprint = APIBlueprint("jobs", __name__, url_prefix="/api/jobs")

RETRY_MS = 3000  # how long a disconnected EventSource waits before reconnecting
HEARTBEAT = 15.0  # seconds between SSE comments, so proxies keep the stream open


@blueprint.post("/emails")
@blueprint.doc(responses=[400, 401, 403, 422, 429])
@blueprint.auth_required(auth)
@blueprint.input(CreateHeaders, location="headers", arg_name="headers")
@blueprint.input(EmailsIn, arg_name="body")
@blueprint.output(JobOut, status_code=201)
def create_emails(body: dict[str, Any], headers: dict[str, Any]) -> Created:
    mode = body["mode"]
    if mode not in ("normal", "deep"):
        raise ApiError(
            400,
            "validation_error",
            f"Mode email invalide : {mode} (attendu: normal | deep)",
        )
    return create("emails", mode, body, headers.get("idempotency_key"))


@blueprint.post("/socials")
@blueprint.doc(responses=[400, 401, 403, 422, 429])
@blueprint.auth_required(auth)
@blueprint.input(CreateHeaders, location="headers", arg_name="headers")
@blueprint.input(SocialsIn, arg_name="body")
@blueprint.output(JobOut, status_code=201)
def create_socials(body: dict[str, Any], headers: dict[str, Any]) -> Created:
    return create("socials", None, body, headers.get("idempotency_key"))


@blueprint.get("/<job_id>")
@blueprint.doc(responses=[401, 403, 404])
@blueprint.auth_required(auth)
@blueprint.output(JobDetail)
def read(job_id: str) -> dict[str, Any]:
    job = owned(job_id)
    statuses: dict[str, int] = dict(
        db.session.execute(
            select(job_items.c.status, func.count())
            .where(job_items.c.job_id == job_id, job_items.c.status.is_not(None))
            .group_by(job_items.c.status)
        ).all()
    )
    found = job.found
    attempts = db.session.execute(
        select(
            webhook_attempts.c.attempt,
            webhook_attempts.c.status_code,
            webhook_attempts.c.error,
            webhook_attempts.c.created_at,
        )
        .where(webhook_attempts.c.job_id == job_id)
        .order_by(webhook_attempts.c.id)
    ).all()
    return {
        **public(job),
        "found": found,
        "ef_cost_billed": round(job.price * found, 6),  # billed on found
        "item_statuses": statuses,
        "webhook_attempts": [
            {**row._asdict(), "created_at": row.created_at.isoformat()}
            for row in attempts
        ],
    }


@blueprint.get("")
@blueprint.auth_required(auth)
@blueprint.input(JobQuery, location="query", arg_name="query")
@blueprint.output(JobList)
def list_jobs(query: dict[str, Any]) -> dict[str, Any]:
    where = [jobs.c.account_id == caller().id]
    if "job_type" in query:
        where.append(jobs.c.job_type == query["job_type"])
    if "status" in query:
        where.append(jobs.c.status == query["status"])
    total = db.session.execute(select(func.count()).where(*where)).scalar_one()
    rows = db.session.execute(
        select(jobs)
        .where(*where)
        .order_by(jobs.c.created_at.desc(), jobs.c.id)
        .limit(query["per_page"])
        .offset((query["page"] - 1) * query["per_page"])
    ).all()
    return {
        "jobs": [public(row) for row in rows],
        "page": query["page"],
        "per_page": query["per_page"],
        "total": total,
    }


@blueprint.post("/<job_id>/cancel")
@blueprint.auth_required(auth)
@blueprint.output(JobOut)
def cancel(job_id: str) -> dict[str, Any]:
    """Stop the crawl; the rows written so far are kept."""
    job = owned(job_id)
    if job.status in FINAL:
        return public(job)
    end(job_id, "cancelled", None)  # the conductor starts no more crawls for it
    crawls = db.session.execute(
        select(job_crawls).where(
            job_crawls.c.job_id == job_id, job_crawls.c.ended.is_(False)
        )
    ).all()
    for crawl in crawls:  # each closes gracefully; rows written meanwhile are kept
        try:
            node_of(current_app, crawl.node).cancel(crawl.crawl_id)
        except ScrapydError as error:
            current_app.logger.warning("cancel %s: %s", crawl.crawl_id, error)
    return public(owned(job_id))


@blueprint.get("/<job_id>/results")
@blueprint.auth_required(auth)
@blueprint.input(ResultsQuery, location="query", arg_name="query")
def results(job_id: str, query: dict[str, Any]) -> Response:
    """Return the enriched list so far: the POI's columns untouched, then ours."""
    owned(job_id)
    rows = [
        row
        for (row,) in db.session.execute(
            select(job_items.c.row)
            .where(job_items.c.job_id == job_id, job_items.c.row.is_not(None))
            .order_by(job_items.c.position)
        )
    ]
    name = f"leadcrawl-{job_id}"
    if query["format"] == "json":
        return Response(
            json.dumps(rows, ensure_ascii=False), mimetype="application/json"
        )
    if query["format"] == "csv":
        return Response(
            "\ufeff" + to_csv(rows, query["sep"]),  # the BOM: Excel reads UTF-8
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return Response(
        to_xlsx(rows),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
    )


@blueprint.get("/<job_id>/events")
@blueprint.auth_required(auth)
def events(job_id: str) -> Response:
    """Stream server-sent events: ``progress`` as sites complete, then the end.

    The end is ``done``, ``error`` or ``cancelled``. Event ids let a reconnecting client
    resume where it was (``Last-Event-ID``).
    """
    owned(job_id)
    after = int(request.headers.get("Last-Event-ID") or request.args.get("after") or 0)
    return Response(
        stream_with_context(stream(job_id, after)),
        mimetype="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def stream(job_id: str, after: int) -> Iterator[str]:
    """Yield the job's events after ``after``, woken by the process's event hub."""
    hub = current_app.extensions["leadcrawl.events"]
    with hub.watching(job_id):
        yield f"retry: {RETRY_MS}\n\n"  # sends the headers now, not at the first event
        quiet_since = time.monotonic()
        while True:
            rows = db.session.execute(
                select(job_events)
                .where(job_events.c.job_id == job_id, job_events.c.id > after)
                .order_by(job_events.c.id)
            ).all()
            db.session.rollback()  # a fresh snapshot next time; the connection goes
            for row in rows:
                after = row.id
                data = json.dumps(row.data)
                yield f"id: {row.id}\nevent: {row.kind}\ndata: {data}\n\n"
                if row.kind in ("done", "error", "cancelled"):
                    return
            if rows:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= HEARTBEAT:
                quiet_since = time.monotonic()
                yield ": heartbeat\n\n"
            quiet_for = time.monotonic() - quiet_since
            if not hub.wait(job_id, after, HEARTBEAT - quiet_for):
                continue  # the heartbeat is due
            if not rows:
                time.sleep(hub.interval)  # woken, found nothing: never spin
