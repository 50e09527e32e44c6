"""The API against a real scrapyd (started here, on a free port) and the fixture farm.

scrapyd runs the project's spiders from a throwaway directory whose ``scrapy.cfg`` names
``crawler.settings``; crawls reach the farm through ``http_proxy``, which only scrapyd's
environment holds (../shared/notes/stack.md §3).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask_migrate import upgrade

from api import create_app
from api.auth import create_account
from api.conductor import Conductor
from api.db import db
from crawler.jobstore import job_batches, job_items, jobs, new_id, now
from tests.support import ScrapydNode, ThrowawayPostgres

# the tests' webhook receivers listen there: the only private address webhooks may reach
RECEIVERS = "127.0.0.1/32"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory) -> str:
    """Run the API suite on both databases: SQLite, and a throwaway PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'leadcrawl.db'}"
    url: str = request.getfixturevalue("postgresql_url")
    return url


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    """Yield a throwaway PostgreSQL's URL (``ThrowawayPostgres``).

    ``LEADCRAWL_TEST_DATABASE_URL`` names another one instead.
    """
    given = os.environ.get("LEADCRAWL_TEST_DATABASE_URL")
    if given:
        yield given
        return
    cluster = ThrowawayPostgres()
    cluster.start()
    try:
        yield cluster.url
    finally:
        cluster.remove()


def start_scrapyd(folder: Path, database_url: str, farm: str) -> ScrapydNode:
    """Start a scrapyd node for the API tests; return once it answers.

    Its crawls write to ``database_url``, reach the web through the ``farm`` proxy, and
    hold short leases (a killed crawl's batches come back in 4 s).
    """
    return ScrapydNode(
        folder,
        {
            "LEADCRAWL_DATABASE_URL": database_url,
            "LEADCRAWL_LEASE_SECONDS": "4",
            "LEADCRAWL_ALLOWED_NETWORKS": RECEIVERS,
            "http_proxy": farm,
            "https_proxy": farm,
            "no_proxy": "",
        },
    )


@pytest.fixture(scope="session")
def scrapyd(tmp_path_factory, farm, database_url) -> Iterator[str]:
    node = start_scrapyd(tmp_path_factory.mktemp("scrapyd"), database_url, farm)
    yield node.url
    node.stop()


@pytest.fixture(scope="session")
def app(database_url, scrapyd):
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "SCRAPYD_NODES": [scrapyd],
            "CONDUCTOR_INTERVAL": 0.5,
            "ALLOWED_NETWORKS": [RECEIVERS],
            "TESTING": True,
        }
    )
    with app.app_context():
        upgrade()  # the migrations, as leadcrawl serve runs them
    conductor = Conductor(app, app.config["CONDUCTOR_INTERVAL"])
    conductor.start()
    yield app
    conductor.stop()
    with app.app_context():  # before the database goes: no connection left open
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def account(app) -> dict[str, str]:
    """Return a fresh account's ``Authorization`` header."""
    with app.app_context():
        key = create_account(f"test-{time.monotonic_ns()}", ceiling=None)
    return {"Authorization": f"Bearer {key}"}


def wait_until_final(
    client, job_id: str, headers: dict[str, str], seconds: float = 120
) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        job = client.get(f"/api/jobs/{job_id}", headers=headers).get_json()
        if job["status"] in ("done", "error", "cancelled"):
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.3)


def insert_job(account_id: int, *, items: int, per_batch: int, status: str) -> str:
    """Insert a job of ``items`` POIs (``{"n": n}``), ``per_batch`` to a batch.

    It has no crawls: the conductor leaves it alone. Call in an app context.
    """
    job_id = new_id()
    db.session.execute(
        jobs.insert().values(
            id=job_id,
            account_id=account_id,
            job_type="emails",
            mode="normal",
            status=status,
            items_count=items,
            sites_total=items,
            sites_done=0,
            ef_cost=0.001 * items,
            price=0.001,
            created_at=now(),
        )
    )
    db.session.execute(
        job_items.insert(),
        [
            {"job_id": job_id, "position": n, "poi": {"n": n}, "batch": n // per_batch}
            for n in range(items)
        ],
    )
    db.session.execute(
        job_batches.insert(),
        [
            {"job_id": job_id, "batch": b, "state": "pending"}
            for b in range(-(-items // per_batch))
        ],
    )
    db.session.commit()
    return job_id
