"""Batches of a job claimed by crawl processes: leases, renewal, reclaim, abandonment.

On the migrated database, SQLite and PostgreSQL (``SKIP LOCKED`` there).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from api.db import db
from crawler.jobstore import (
    ABANDONED,
    MAX_CLAIMS,
    JobStore,
    accounts,
    job_batches,
    job_items,
    jobs,
    new_id,
    now,
)
from tests.api.conftest import insert_job


@pytest.fixture
def job(app):
    """Insert a job of 3 batches of 2 POIs; return its id and the engine.

    It has no crawls: the conductor leaves it alone.
    """
    with app.app_context():
        account = db.session.execute(
            accounts.insert()
            .values(
                name="store",
                key_hash=new_id(),
                webhook_secret="s",  # noqa: S106 (a test account's)
                active=True,
                created_at=now(),
            )
            .returning(accounts.c.id)
        ).scalar_one()
        job_id = insert_job(account, items=6, per_batch=2, status="pending")
        yield job_id, db.engine


def expire_leases(engine, job_id):
    with engine.begin() as connection:
        connection.execute(
            update(job_batches)
            .where(job_batches.c.job_id == job_id)
            .values(lease_until=now() - dt.timedelta(seconds=1))
        )


def test_two_processes_claim_different_batches(job):
    job_id, engine = job
    a, b = (JobStore(engine, job_id, w, ("email",)) for w in ("node-a:1", "node-b:2"))
    first, second, third = a.claim(), b.claim(), a.claim()
    assert [p for p, _ in first] == [0, 1]
    assert [p for p, _ in second] == [2, 3]
    assert [p for p, _ in third] == [4, 5]
    assert b.claim() is None  # all held, leases alive


def test_an_expired_lease_is_claimed_again_and_renewal_prevents_it(job):
    job_id, engine = job
    dead, alive = (
        JobStore(engine, job_id, w, ("email",)) for w in ("dead:1", "alive:2")
    )
    dead.claim()
    alive.claim()
    expire_leases(engine, job_id)
    alive.renew()  # alive renews its batch; dead cannot
    taker = JobStore(engine, job_id, "new:3", ("email",))
    assert [p for p, _ in taker.claim()] == [0, 1]  # dead's batch, once more
    assert [p for p, _ in taker.claim()] == [4, 5]  # not alive's
    assert taker.claim() is None


def test_saved_rows_are_not_claimed_again(job):
    job_id, engine = job
    store = JobStore(engine, job_id, "w:1", ("email",))
    store.claim()
    store.save(0, {"n": 0, "email": None, "status": "no_candidate"}, False, True)
    expire_leases(engine, job_id)
    assert [p for p, _ in store.claim()] == [1]  # only what is left of the batch


def test_a_batch_whose_crawls_keep_dying_ends_with_a_reason(job):
    job_id, engine = job
    for attempt in range(MAX_CLAIMS):
        store = JobStore(engine, job_id, f"doomed:{attempt}", ("email",))
        assert [p for p, _ in store.claim()] == [0, 1]
        expire_leases(engine, job_id)
        with engine.begin() as connection:  # only batch 0 is ever taken
            connection.execute(
                update(job_batches)
                .where(job_batches.c.job_id == job_id, job_batches.c.batch > 0)
                .values(state="done")
            )
    last = JobStore(engine, job_id, "last:9", ("email",))
    assert last.claim() is None
    with engine.connect() as connection:
        rows = connection.execute(
            select(job_items.c.row)
            .where(job_items.c.job_id == job_id, job_items.c.batch == 0)
            .order_by(job_items.c.position)
        ).scalars()
        assert [r["status_detail"] for r in rows] == [ABANDONED, ABANDONED]
    last.finish("finished")  # a crawl leaves a job with POIs left to others
    with engine.connect() as connection:
        status = connection.execute(select(jobs.c.status).where(jobs.c.id == job_id))
        assert status.scalar_one() == "pending"
    last.finish("conductor")  # the conductor ends what no crawl can finish
    with engine.connect() as connection:
        status = connection.execute(select(jobs.c.status).where(jobs.c.id == job_id))
        assert status.scalar_one() == "error"  # batches 1 and 2 never got rows
