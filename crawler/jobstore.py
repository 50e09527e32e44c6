"""Jobs in the database, shared by the API and the crawl processes.

The API creates jobs; crawl processes claim their sites in batches and write each POI's
row as soon as its site is done.

SQLAlchemy Core only: a crawl process runs no web framework. SQLite (one machine) and
PostgreSQL (several) are both supported; on SQLite, several writer processes need WAL, a
busy timeout and ``BEGIN IMMEDIATE`` (../shared/notes/stack.md §5).

Past 400 lines on purpose: the tables and ``JobStore``, the one writer crawl processes
use, change together (a column and the statements that keep it), so they stay together.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
    update,
)
from sqlalchemy.exc import OperationalError

from crawler.guard import Network
from crawler.webhooks import deliver

metadata = MetaData()

accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),  # sha256 of the key
    Column("webhook_secret", String(64), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("ceiling", Float, nullable=True),  # per-job cost ceiling; None: no ceiling
    Column("created_at", DateTime(timezone=True), nullable=False),
)

jobs = Table(
    "jobs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("account_id", ForeignKey("accounts.id"), nullable=False, index=True),
    Column("job_type", String(16), nullable=False),  # emails | socials
    Column("mode", String(16), nullable=True),  # emails: normal | deep
    Column(
        "status", String(16), nullable=False
    ),  # pending running done error cancelled
    Column("items_count", Integer, nullable=False),
    Column("sites_total", Integer, nullable=False),
    Column("sites_done", Integer, nullable=False, default=0),
    # POIs that got a result, counted as rows are written (progress reads it per site)
    Column("found", Integer, nullable=False, default=0, server_default="0"),
    Column("ef_cost", Float, nullable=False),  # the estimate at creation
    Column("price", Float, nullable=False),  # per POI with a result: billed on found
    Column("source_job_id", String(200), nullable=True, index=True),
    Column("external_id", String(200), nullable=True),
    Column("webhook_url", Text, nullable=True),
    Column("error", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=True),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    # a client's Idempotency-Key and its request's fingerprint: a repeat gets this job
    Column("idempotency_key", String(255), nullable=True),
    Column("request_hash", String(64), nullable=True),
    UniqueConstraint("account_id", "idempotency_key", name="uq_jobs_idempotency_key"),
)

job_crawls = Table(
    "job_crawls",
    metadata,
    Column("crawl_id", String(64), primary_key=True),  # scrapyd's job id
    Column("job_id", ForeignKey("jobs.id"), nullable=False, index=True),
    Column("node", String(200), nullable=False),  # the scrapyd running it
    Column("ended", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

job_items = Table(
    "job_items",
    metadata,
    Column("job_id", ForeignKey("jobs.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("poi", JSON, nullable=False),
    Column("batch", Integer, nullable=False),
    Column("row", JSON(none_as_null=True), nullable=True),  # the output row, once done
    Column("status", String(24), nullable=True),  # the row's status column
    Column("found", Boolean, nullable=True),  # got a result (billed on found)
)

job_batches = Table(
    "job_batches",
    metadata,
    Column("job_id", ForeignKey("jobs.id"), primary_key=True),
    Column("batch", Integer, primary_key=True),
    Column("state", String(16), nullable=False, default="pending"),  # claimed, done
    Column("worker", String(64), nullable=True),
    Column("lease_until", DateTime(timezone=True), nullable=True),
    Column("claims", Integer, nullable=False, default=0),
)

webhook_attempts = Table(
    "webhook_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("job_id", ForeignKey("jobs.id"), nullable=False, index=True),
    Column("attempt", Integer, nullable=False),
    Column("status_code", Integer, nullable=True),  # None: no answer
    Column("error", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

job_events = Table(
    "job_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # the SSE event id
    Column("job_id", ForeignKey("jobs.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # progress, error, done, cancelled
    Column("data", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

logger = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")
# How long a crawl waits for its database (restarting, failing over) before giving up.
OUTAGE = float(os.environ.get("LEADCRAWL_DB_OUTAGE_SECONDS", 120))

SITES_PER_BATCH = 50
# Renewed every LEASE / 4 while its crawl lives; a dead crawl's batches wait this long.
LEASE = dt.timedelta(seconds=float(os.environ.get("LEADCRAWL_LEASE_SECONDS", 600)))
MAX_CLAIMS = 3  # a batch whose crawls died this often ends with a per-item reason
ABANDONED = (
    f"the crawl of this site was abandoned: its crawl process died {MAX_CLAIMS} times"
)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def utc_naive(moment: dt.datetime) -> dt.datetime:
    """Return ``moment`` in UTC without a zone (SQLite's kind) for comparisons."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def new_id() -> str:
    return str(uuid.uuid4())


def connect(url: str) -> Engine:
    """Return an engine; on SQLite, with WAL, a busy timeout and ``BEGIN IMMEDIATE``."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(connection: Any, _: Any) -> None:
        connection.isolation_level = None  # SQLAlchemy issues BEGIN itself, below
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # writers queue, never deadlock

    return engine


def survives_outages(method: Callable[P, R]) -> Callable[P, R]:
    """Retry a store operation while the database is unreachable, up to ``OUTAGE``.

    The crawl pauses (its rows wait in memory) rather than losing them: a database
    restarting for a few seconds costs a few seconds. Operations are written to be
    replayed (rows by key, batches by state).
    """

    @functools.wraps(method)
    def retrying(*args: P.args, **kwargs: P.kwargs) -> R:
        deadline, pause = time.monotonic() + OUTAGE, 0.5
        while True:
            try:
                return method(*args, **kwargs)
            except OperationalError as error:
                if time.monotonic() >= deadline:
                    raise
                logger.warning(
                    "the jobs database is unreachable (%s); retrying in %.1f s",
                    str(error).splitlines()[0],
                    pause,
                )
                time.sleep(pause)
                pause = min(2 * pause, 5.0)

    return retrying


def batches_of_sites(site_keys: Iterable[str | None]) -> list[int]:
    """Return each item's batch: ``SITES_PER_BATCH`` sites to a batch.

    All POIs of a site share its batch; a POI without a site rides with the batch being
    filled.

    >>> batches_of_sites(["a.fr", None, "b.fr", "a.fr"])
    [0, 0, 0, 0]
    """
    batch_of_site: dict[str, int] = {}
    result = []
    for key in site_keys:
        if key is not None and key not in batch_of_site:
            batch_of_site[key] = len(batch_of_site) // SITES_PER_BATCH
        filling = max(len(batch_of_site) - 1, 0) // SITES_PER_BATCH
        result.append(batch_of_site[key] if key is not None else filling)
    return result


class JobStore:
    """What a crawl process does with its job: claim batches, write rows, report."""

    def __init__(
        self,
        engine: Engine,
        job_id: str,
        worker: str,
        columns: tuple[str, ...] = (),
        *,
        allowed: Sequence[Network] = (),
        ports: Iterable[int] = (),
    ) -> None:
        self.engine, self.job_id, self.worker = engine, job_id, worker
        self.columns = columns  # the module's output columns, empty in abandoned rows
        # where the job's webhook may go (crawler.guard): the crawl's own allow-list
        self.allowed, self.ports = allowed, frozenset(ports)

    @survives_outages
    def start(self) -> None:
        with self.engine.begin() as db:
            db.execute(
                update(jobs)
                .where(jobs.c.id == self.job_id, jobs.c.status == "pending")
                .values(status="running", started_at=now())
            )

    def claim(self) -> list[tuple[int, dict[str, Any]]] | None:
        """Claim the next pending (or abandoned) batch; return its items or None.

        A batch whose lease expired (its crawl died) is claimed again, up to
        ``MAX_CLAIMS`` times; then its POIs end with ``ABANDONED`` as their reason.
        """
        while (claimed := self._claim_one()) is not None:
            _, claims, items = claimed
            if claims <= MAX_CLAIMS:
                return items
            self._abandon(items)
        return None

    @survives_outages
    def renew(self) -> None:
        """Extend the leases of the batches this process holds: it is alive."""
        with self.engine.begin() as db:
            db.execute(
                update(job_batches)
                .where(
                    job_batches.c.job_id == self.job_id,
                    job_batches.c.worker == self.worker,
                    job_batches.c.state == "claimed",
                )
                .values(lease_until=now() + LEASE)
            )

    def _abandon(self, items: list[tuple[int, dict[str, Any]]]) -> None:
        empty = dict.fromkeys(self.columns)
        for position, poi in items:
            row = {**poi, **empty, "status": "unreachable", "status_detail": ABANDONED}
            self.save(position, row, found=False, new_site=False)

    @survives_outages
    def _claim_one(self) -> tuple[int, int, list[tuple[int, dict[str, Any]]]] | None:
        with self.engine.begin() as db:
            free = (
                select(job_batches.c.batch)
                .where(
                    job_batches.c.job_id == self.job_id,
                    (job_batches.c.state == "pending")
                    | (
                        (job_batches.c.state == "claimed")
                        & (job_batches.c.lease_until < now())
                    ),
                )
                .order_by(job_batches.c.batch)
                .limit(1)
            )
            if db.dialect.name == "postgresql":
                free = free.with_for_update(skip_locked=True)
            batch = db.execute(free).scalar()
            if batch is None:
                return None
            claims = db.execute(
                update(job_batches)
                .where(
                    job_batches.c.job_id == self.job_id, job_batches.c.batch == batch
                )
                .values(
                    state="claimed",
                    worker=self.worker,
                    lease_until=now() + LEASE,
                    claims=job_batches.c.claims + 1,
                )
                .returning(job_batches.c.claims)
            ).scalar_one()
            rows = db.execute(
                select(job_items.c.position, job_items.c.poi)
                .where(
                    job_items.c.job_id == self.job_id,
                    job_items.c.batch == batch,
                    job_items.c.row.is_(None),
                )
                .order_by(job_items.c.position)
            )
            return batch, claims, [(position, poi) for position, poi in rows]

    def work_left(self) -> tuple[int, int]:
        """Return (batches waiting for a crawl, batches held under a live lease)."""
        with self.engine.connect() as db:
            rows = db.execute(
                select(job_batches.c.state, job_batches.c.lease_until).where(
                    job_batches.c.job_id == self.job_id, job_batches.c.state != "done"
                )
            ).all()
        moment = utc_naive(now())
        held = sum(
            state == "claimed" and lease is not None and utc_naive(lease) >= moment
            for state, lease in rows
        )
        return len(rows) - held, held

    def pois(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Yield every POI of the job, a claimed batch at a time."""
        while (batch := self.claim()) is not None:
            yield from batch

    @survives_outages
    def save(
        self, position: int, row: dict[str, Any], found: bool, new_site: bool
    ) -> None:
        """Write one POI's row; count its site done; close its batch when complete."""
        with self.engine.begin() as db:
            db.execute(
                update(job_items)
                .where(
                    job_items.c.job_id == self.job_id, job_items.c.position == position
                )
                .values(row=row, status=row.get("status"), found=found)
            )
            if new_site or found:
                db.execute(
                    update(jobs)
                    .where(jobs.c.id == self.job_id)
                    .values(
                        sites_done=jobs.c.sites_done + int(new_site),
                        found=jobs.c.found + int(found),
                    )
                )
            batch = (
                select(job_items.c.batch)
                .where(
                    job_items.c.job_id == self.job_id, job_items.c.position == position
                )
                .scalar_subquery()
            )
            left = db.execute(
                select(func.count())
                .select_from(job_items)
                .where(
                    job_items.c.job_id == self.job_id,
                    job_items.c.batch == batch,
                    job_items.c.row.is_(None),
                )
            ).scalar()
            if not left:
                db.execute(
                    update(job_batches)
                    .where(
                        job_batches.c.job_id == self.job_id,
                        job_batches.c.batch == batch,
                    )
                    .values(state="done")
                )

    @survives_outages
    def event(self, kind: str, data: dict[str, Any]) -> None:
        with self.engine.begin() as db:
            db.execute(
                job_events.insert().values(
                    job_id=self.job_id, kind=kind, data=data, created_at=now()
                )
            )

    def progress(self) -> dict[str, Any]:
        """Return the job's progress as the API and the SSE stream show it."""
        with self.engine.connect() as db:
            job = db.execute(
                select(jobs.c.sites_done, jobs.c.sites_total, jobs.c.found).where(
                    jobs.c.id == self.job_id
                )
            ).one()
        return {
            "sites_done": job.sites_done,
            "sites_total": job.sites_total,
            "found": job.found,
        }

    def finish_on_close(self, reason: str) -> None:
        """End the job when its crawl closes (Scrapy's ``spider_closed`` signal)."""
        self.finish(reason)

    @survives_outages
    def finish(self, reason: str) -> None:
        """End the job if this process was the last one working on it.

        Done when every POI has its row. Otherwise the batches this process still
        holds go back to the pool and the job goes on: other crawls hold the rest, or
        the API's conductor starts more. ``reason="conductor"``: nothing can finish it,
        error. A shutdown (SIGTERM, SIGINT) is a stopping service, not a cancelled job
        (the API's cancel ends the job before it stops the crawls): the batches go back
        without counting as a death (``MAX_CLAIMS``), for the crawls of the restarted
        service.
        """
        with self.engine.begin() as db:
            db.execute(  # what this process held and did not finish, for others
                update(job_batches)
                .where(
                    job_batches.c.job_id == self.job_id,
                    job_batches.c.worker == self.worker,
                    job_batches.c.state == "claimed",
                )
                .values(
                    state="pending",
                    lease_until=None,
                    claims=job_batches.c.claims - int(reason == "shutdown"),
                )
            )
            left = db.execute(
                select(func.count())
                .select_from(job_items)
                .where(job_items.c.job_id == self.job_id, job_items.c.row.is_(None))
            ).scalar()
            status, error = "done", None
            if left and reason != "conductor":
                return  # other crawls hold some, or the conductor starts one
            if left:
                status, error = "error", f"the crawls ended with {left} POIs left"
            ended = db.execute(
                update(jobs)
                .where(
                    jobs.c.id == self.job_id, jobs.c.status.in_(("pending", "running"))
                )
                .values(status=status, error=error, finished_at=now())
                .returning(jobs.c.id)
            ).first()
        if ended is None:
            return  # another process ended it
        self.event(status, {**self.progress(), "status": status, "error": error})
        self.notify()

    def summary(self) -> dict[str, Any]:
        """Return the job's summary: what its webhook receives."""
        with self.engine.connect() as db:
            job = db.execute(select(jobs).where(jobs.c.id == self.job_id)).one()
            statuses: dict[str, int] = dict(
                db.execute(
                    select(job_items.c.status, func.count())
                    .where(job_items.c.job_id == self.job_id)
                    .where(job_items.c.status.is_not(None))
                    .group_by(job_items.c.status)
                ).all()
            )
        found = self.progress()["found"]
        return {
            "id": job.id,
            "external_id": job.external_id,
            "job_type": job.job_type,
            "mode": job.mode,
            "status": job.status,
            "error": job.error,
            "items_count": job.items_count,
            "sites_done": job.sites_done,
            "sites_total": job.sites_total,
            "found": found,
            "ef_cost": job.ef_cost,
            "ef_cost_billed": round(job.price * found, 6),
            "item_statuses": statuses,
            "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        }

    def notify(self) -> None:
        """POST the summary to the job's webhook, signed; record every attempt."""
        with self.engine.connect() as db:
            target = db.execute(
                select(jobs.c.webhook_url, accounts.c.webhook_secret)
                .join(accounts, accounts.c.id == jobs.c.account_id)
                .where(jobs.c.id == self.job_id)
            ).one()
        if not target.webhook_url:
            return
        for attempt in deliver(
            target.webhook_url,
            self.summary(),
            target.webhook_secret,
            self.allowed,
            self.ports,
        ):
            with self.engine.begin() as db:
                db.execute(
                    webhook_attempts.insert().values(
                        job_id=self.job_id, created_at=now(), **attempt
                    )
                )
