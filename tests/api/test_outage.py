"""The jobs database unreachable for a few seconds: a PostgreSQL restart.

A crawl's writes wait for it and land; the API answers again, without a 500.
"""

from __future__ import annotations

import logging
import threading

import pytest
from flask_migrate import upgrade
from sqlalchemy import select

from api import create_app
from api.auth import create_account
from api.db import db
from crawler.jobstore import (
    JobStore,
    accounts,
    connect,
)
from tests.api.conftest import insert_job
from tests.support import ThrowawayPostgres


@pytest.fixture(scope="module")
def cluster():
    cluster = ThrowawayPostgres()  # its own: this test stops it
    cluster.start()
    yield cluster
    cluster.remove()


def test_writes_wait_for_a_restarting_database_and_land(cluster, caplog):
    app = create_app({"DATABASE_URL": cluster.url, "TESTING": True})
    with app.app_context():
        upgrade()
        key = create_account("outage", ceiling=None)
        account = db.session.execute(select(accounts.c.id)).scalar_one()
        job_id = insert_job(account, items=2, per_batch=2, status="running")
    client = app.test_client()
    headers = {"Authorization": f"Bearer {key}"}
    assert client.get("/api/jobs", headers=headers).status_code == 200

    store = JobStore(connect(cluster.url), job_id, "crawl:1", ("email",))
    assert [p for p, _ in store.claim()] == [0, 1]
    store.save(0, {"n": 0, "email": None, "status": "no_candidate"}, False, True)

    cluster.stop()
    restart = threading.Timer(3.0, cluster.start)  # back in a few seconds
    restart.start()
    with caplog.at_level(logging.WARNING, logger="crawler.jobstore"):
        store.save(1, {"n": 1, "email": "a@b.fr", "status": "ok"}, True, True)
        store.finish("finished")
    restart.join()
    assert "the jobs database is unreachable" in caplog.text  # it did wait

    job = client.get(f"/api/jobs/{job_id}", headers=headers)
    assert job.status_code == 200  # the API's pooled connections recover too
    assert job.get_json()["status"] == "done"
    rows = client.get(f"/api/jobs/{job_id}/results", headers=headers).get_json()
    assert [row["n"] for row in rows] == [0, 1]
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    store.engine.dispose()
