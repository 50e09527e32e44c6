"""What creating a job decides, for the routes of ``jobs.py``.

Its POIs (given, or a source job's rows), whether it may run (rate, ceiling, webhook),
its batches and its crawls; and what a repeated creation (Idempotency-Key) answers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from flask import current_app
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from api.auth import caller
from api.conductor import start_crawls, wanted
from api.db import db
from api.errors import ApiError
from api.records import end, owned, public
from api.scrapyd import ScrapydError
from crawler.guard import networks, url_refusal
from crawler.jobstore import (
    batches_of_sites,
    job_batches,
    job_items,
    jobs,
    new_id,
    now,
)
from crawler.sites import Site, normalise_site, site_key, site_web

NO_ELIGIBLE_ITEMS = "Aucun établissement avec site web"  # the seeds' text
DEEP_NEEDS_NORMAL = (
    "Le mode Deep Extract n'est dispo qu'après une extraction normale terminée sur la "
    "même source (source_job_id)."
)
# a job's public fields; a replayed creation adds its status and headers
Created = dict[str, Any] | tuple[dict[str, Any], int, dict[str, str]]


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
