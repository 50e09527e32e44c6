"""``/api/jobs``: create, read, list, stream, download and cancel jobs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterator
from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import URL, Dict, Float, Integer, List, String
from apiflask.validators import Length, OneOf, Range
from flask import Response, current_app, request, stream_with_context
from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from api.auth import auth, caller
from api.conductor import node_of, start_crawls, wanted
from api.db import db
from api.errors import ApiError
from api.exports import to_csv, to_xlsx
from api.scrapyd import ScrapydError
from crawler.guard import networks, url_refusal
from crawler.jobstore import (
    batches_of_sites,
    job_batches,
    job_crawls,
    job_events,
    job_items,
    jobs,
    new_id,
    now,
    webhook_attempts,
)
from crawler.sites import Site, normalise_site, site_key, site_web

blueprint = APIBlueprint("jobs", __name__, url_prefix="/api/jobs")

MAX_ITEMS = 10_000
NO_ELIGIBLE_ITEMS = "Aucun établissement avec site web"  # the seeds' text
DEEP_NEEDS_NORMAL = (
    "Le mode Deep Extract n'est dispo qu'après une extraction normale terminée sur la "
    "même source (source_job_id)."
)
FINAL = ("done", "error", "cancelled")
# a job's public fields; a replayed creation adds its status and headers
Created = dict[str, Any] | tuple[dict[str, Any], int, dict[str, str]]
RETRY_MS = 3000  # how long a disconnected EventSource waits before reconnecting
HEARTBEAT = 15.0  # seconds between SSE comments, so proxies keep the stream open


class SocialsIn(Schema):
    items = List(Dict(), validate=Length(1, MAX_ITEMS))  # omitted: the parent's rows
    source_job_id = String(validate=Length(1, 200))
    webhook_url = URL(require_tld=False, schemes={"http", "https"})
    external_id = String(validate=Length(1, 200))


class EmailsIn(SocialsIn):
    mode = String(load_default="normal")


class CreateHeaders(Schema):
    # a client that repeats a creation (a retry after a timeout) gets the first job
    idempotency_key = String(data_key="Idempotency-Key", validate=Length(1, 255))


class JobOut(Schema):
    id = String()
    job_type = String()
    status = String()
    mode = String(allow_none=True)
    items_count = Integer()
    sites_total = Integer()
    sites_done = Integer()
    ef_cost = Float()
    source_job_id = String(allow_none=True)
    external_id = String(allow_none=True)
    error = String(allow_none=True)
    created_at = String()
    started_at = String(allow_none=True)
    finished_at = String(allow_none=True)


class JobDetail(JobOut):
    found = Integer()
    ef_cost_billed = Float()
    item_statuses = Dict(keys=String(), values=Integer())
    webhook_attempts = List(Dict())


class JobList(Schema):
    jobs = List(Dict())
    page = Integer()
    per_page = Integer()
    total = Integer()


class JobQuery(Schema):
    page = Integer(load_default=1, validate=Range(1, 1_000_000))
    per_page = Integer(load_default=20, validate=Range(1, 100))
    job_type = String(validate=OneOf(("emails", "socials")))
    status = String(validate=OneOf(("pending", "running", *FINAL)))


class ResultsQuery(Schema):
    format = String(load_default="json", validate=OneOf(("json", "csv", "xlsx")))
    sep = String(load_default=",", validate=OneOf((",", ";")))


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


def create(
    job_type: str, mode: str | None, body: dict[str, Any], idempotency_key: str | None
) -> Created:
    account = caller()
    fingerprint = hashlib.sha256(
        json.dumps([job_type, mode, body], sort_keys=True, default=str).encode()
    ).hexdigest()
    if idempotency_key and (first := replay(account.id, idempotency_key, fingerprint)):
        return first
    webhook = body.get("webhook_url")
    config = current_app.config
    allowed = networks(config["ALLOWED_NETWORKS"])
    if webhook and (reason := url_refusal(webhook, allowed, config["SERVICE_PORTS"])):
        raise ApiError(400, "validation_error", f"webhook_url: {reason}")
    check_rate(account.id)
    source = body.get("source_job_id")
    parent = None
    if mode == "deep":
        parent = normal_run(source, account.id)
        if parent is None:
            raise ApiError(400, "deep_requires_normal", DEEP_NEEDS_NORMAL)
    entries = inputs(body.get("items"), source, parent, account.id)
    keys = [
        site_key(site)
        if isinstance(site := normalise_site(site_web(poi)), Site)
        else None
        for poi, preset in entries
        if preset is None
    ]
    eligible = sum(key is not None for key in keys)
    if not eligible:
        raise ApiError(400, "no_eligible_items", NO_ELIGIBLE_ITEMS)
    price = current_app.config["PRICES"][(job_type, mode)]
    estimate = round(price * eligible, 6)
    if account.ceiling is not None and estimate > account.ceiling:
        raise ApiError(
            400,
            "quota_exceeded",
            f"Quota dépassé : estimation {estimate} EF pour un plafond de "
            f"{account.ceiling} EF par job",
            estimate=estimate,
            ceiling=account.ceiling,
        )
    job_id = new_id()
    site_batches = batches_of_sites(keys)  # for the POIs to crawl, in order
    batches = iter(site_batches)
    try:
        db.session.execute(
            jobs.insert().values(
                id=job_id,
                account_id=account.id,
                job_type=job_type,
                mode=mode,
                status="pending",
                items_count=len(entries),
                sites_total=len(set(filter(None, keys))),
                sites_done=0,
                ef_cost=estimate,
                price=price,
                source_job_id=source,
                external_id=body.get("external_id"),
                webhook_url=body.get("webhook_url"),
                created_at=now(),
                idempotency_key=idempotency_key,
                request_hash=fingerprint if idempotency_key else None,
            )
        )
    except IntegrityError:  # the same key, created by a concurrent request just now
        db.session.rollback()
        if idempotency_key and (
            first := replay(account.id, idempotency_key, fingerprint)
        ):
            return first
        raise
    db.session.execute(
        job_items.insert(),
        [
            {
                "job_id": job_id,
                "position": n,
                "poi": poi,
                "batch": next(batches) if preset is None else -1,  # -1: carried over
                "row": preset,
                "status": preset and preset.get("status"),
                "found": False if preset else None,
            }
            for n, (poi, preset) in enumerate(entries)
        ],
    )
    db.session.execute(
        job_batches.insert(),
        [
            {"job_id": job_id, "batch": b, "state": "pending"}
            for b in sorted(set(site_batches))
        ],
    )
    db.session.commit()
    job = owned(job_id)
    try:
        start_crawls(current_app, job, wanted(current_app, job_id))
    except ScrapydError as error:
        end(job_id, "error", f"the crawl could not be scheduled: {error}")
    return public(owned(job_id))


def replay(account_id: int, key: str, fingerprint: str) -> Created | None:
    """Return the job created with this Idempotency-Key, or None for a new key.

    The key names one request: the same key with another body is the client's mistake.
    """
    job = db.session.execute(
        select(jobs).where(
            jobs.c.account_id == account_id, jobs.c.idempotency_key == key
        )
    ).first()
    if job is None:
        return None
    if job.request_hash != fingerprint:
        raise ApiError(
            422,
            "idempotency_key_reused",
            f"Idempotency-Key déjà utilisée pour une autre requête (job {job.id}).",
        )
    return public(job), 201, {"Idempotent-Replayed": "true"}


def inputs(
    items: list[dict[str, Any]] | None, source: str | None, parent: Any, account_id: int
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Return the job's POIs, each with its row when it is already done.

    Given ``items``, all are crawled. Without, the source job's rows are the input
    (socials after emails, emails after socials); deep mode crawls the rows that came
    back without an email and carries the others over, so its results are the whole
    list.
    """
    if items is not None:
        return [(poi, None) for poi in items]
    source_job = parent if parent is not None else job_of(source, account_id)
    if source_job is None:
        raise ApiError(
            400,
            "validation_error",
            "items: Missing data for required field (or a source_job_id naming one "
            "of your jobs).",
        )
    rows = [
        (poi, row)
        for poi, row in db.session.execute(
            select(job_items.c.poi, job_items.c.row)
            .where(job_items.c.job_id == source_job.id)
            .order_by(job_items.c.position)
        )
    ]
    if parent is not None:  # deep: the empty ones again, the others as they are
        return [(poi, row if row and row.get("email") else None) for poi, row in rows]
    return [(row if row is not None else poi, None) for poi, row in rows]


def job_of(job_id: str | None, account_id: int) -> Any:
    if not job_id:
        return None
    return db.session.execute(
        select(jobs).where(jobs.c.id == job_id, jobs.c.account_id == account_id)
    ).first()


def normal_run(source: str | None, account_id: int) -> Any:
    """Return the done normal emails run on ``source``, or None.

    ``source`` names that run itself, or the upstream job it consumed.
    """
    if not source:
        return None
    return db.session.execute(
        select(jobs)
        .where(
            jobs.c.account_id == account_id,
            jobs.c.job_type == "emails",
            jobs.c.mode == "normal",
            jobs.c.status == "done",
            or_(jobs.c.id == source, jobs.c.source_job_id == source),
        )
        .order_by(jobs.c.finished_at.desc())
        .limit(1)
    ).first()


def check_rate(account_id: int) -> None:
    limit = current_app.config["RATE_LIMIT"]
    since = now() - dt.timedelta(minutes=1)
    recent = db.session.execute(
        select(func.count()).where(
            jobs.c.account_id == account_id, jobs.c.created_at >= since
        )
    ).scalar_one()
    if recent >= limit:
        raise ApiError(
            429, "rate_limited", f"Trop de jobs créés : {limit} par minute au plus."
        )


def owned(job_id: str) -> Any:
    """Return the caller's job; 404 for a job that does not exist or is another's."""
    job = db.session.execute(
        select(jobs).where(jobs.c.id == job_id, jobs.c.account_id == caller().id)
    ).first()
    if job is None:
        raise ApiError(404, "not_found", f"Job introuvable : {job_id}")
    return job


def end(job_id: str, status: str, error: str | None) -> bool:
    """End a job that has not ended yet, with its final event; tell whether it did."""
    ended = db.session.execute(
        update(jobs)
        .where(jobs.c.id == job_id, jobs.c.status.in_(("pending", "running")))
        .values(status=status, error=error, finished_at=now())
        .returning(jobs.c.id)
    ).first()
    if ended is None:
        db.session.rollback()
        return False
    db.session.execute(
        job_events.insert().values(
            job_id=job_id,
            kind="error" if status == "error" else status,
            data={"status": status, "error": error},
            created_at=now(),
        )
    )
    db.session.commit()
    return True


def public(job: Any) -> dict[str, Any]:
    data = {column: getattr(job, column) for column in JobOut().fields}
    for stamp in ("created_at", "started_at", "finished_at"):
        if data[stamp] is not None:  # SQLite keeps no time zone: they are UTC
            stamped = data[stamp]
            if stamped.tzinfo is None:
                stamped = stamped.replace(tzinfo=dt.UTC)
            data[stamp] = stamped.astimezone(dt.UTC).isoformat()
    return data
