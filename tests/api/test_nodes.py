"""Several scrapyd nodes and one database: losing a node, restarting the API.

Real scrapyd processes, a real PostgreSQL (a database of its own per test, so no other
test's conductor acts on these jobs) and a farm of generated sites.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, func, select, text

from api import create_app
from api.auth import create_account
from api.conductor import Conductor
from api.db import db
from crawler.jobstore import job_batches, job_crawls, job_items
from tests.api.conftest import DIRECT, ScrapydNode, start_scrapyd, wait_until_final
from tests.farm.generate import generate

SITES = 2_000


@pytest.fixture(scope="module")
def synthetic_farm(tmp_path_factory) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """Serve ``SITES`` generated sites (all up, 10-60 ms); yield the proxy and POIs."""
    sites = tmp_path_factory.mktemp("synthetic-farm")
    pois = generate(sites, SITES, seed=8, calm=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.farm.server", "--sites", str(sites)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("farm listening on "), f"farm did not start: {line!r}"
    try:
        yield line.removeprefix("farm listening on ").strip(), pois
    finally:
        process.terminate()
        process.communicate(timeout=10)


@pytest.fixture
def database(postgresql_url) -> Iterator[str]:
    """Yield the URL of a new database in the throwaway cluster, dropped afterwards."""
    name = f"nodes_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgresql_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    yield postgresql_url.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


def wait_for(what: str, check: Callable[[], Any], seconds: float) -> Any:
    """Poll ``check`` until it returns something true; fail saying what never came."""
    deadline = time.monotonic() + seconds
    while not (value := check()):
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
        time.sleep(0.3)
    return value


def live_runs(node: ScrapydNode) -> set[str]:
    with DIRECT.open(node.url + "/listjobs.json?project=default", timeout=10) as answer:
        listed = json.load(answer)
    return {run["id"] for run in listed["pending"] + listed["running"]}


def test_a_job_survives_losing_one_of_two_nodes(
    tmp_path, synthetic_farm, database, caplog
):
    """SIGKILL one node and its crawls mid-job: the other crawls what it held."""
    proxy, pois = synthetic_farm
    a = start_scrapyd(tmp_path / "a", database, proxy)
    b = start_scrapyd(tmp_path / "b", database, proxy)
    app = create_app(
        {
            "DATABASE_URL": database,
            "SCRAPYD_NODES": [a.url, b.url],
            "CONDUCTOR_INTERVAL": 0.5,
            "TESTING": True,
        }
    )
    with app.app_context():
        upgrade()
        headers = {"Authorization": f"Bearer {create_account('nodes', None)}"}
    conductor = Conductor(app, app.config["CONDUCTOR_INTERVAL"])
    conductor.start()
    client = app.test_client()
    try:
        created = client.post("/api/jobs/emails", json={"items": pois}, headers=headers)
        assert created.status_code == 201, created.get_json()
        job_id = created.get_json()["id"]
        with app.app_context():
            nodes_of = crawl_nodes(job_id)
        on_b = {crawl for crawl, node in nodes_of.items() if node == b.url}
        assert set(nodes_of.values()) == {a.url, b.url}, nodes_of  # one crawl on each
        assert set(nodes_of) - on_b <= live_runs(a)
        assert on_b <= live_runs(b)

        # b's crawl has written rows and holds batches: kill b and its crawls then
        wait_for("rows by node b's crawl", lambda: rows_by(app, job_id, on_b) >= 50, 90)
        job = client.get(f"/api/jobs/{job_id}", headers=headers).get_json()
        assert job["status"] == "running", job
        with app.app_context():  # a crawl just scheduled counts as live: no third
            assert crawl_nodes(job_id) == nodes_of, crawl_nodes(job_id)
        b.kill()
        held_by_b = held_batches(app, job_id, on_b)  # before its leases expire (4 s)
        assert held_by_b, "node b's crawl held no batch when it was killed"

        job = wait_until_final(client, job_id, headers, seconds=150)
        assert job["status"] == "done", job
        assert job["sites_done"] == job["sites_total"] == SITES, job
        rows = client.get(f"/api/jobs/{job_id}/results", headers=headers).get_json()
        assert [row["nom"] for row in rows] == [poi["nom"] for poi in pois]
        with app.app_context():
            written = db.session.execute(
                select(func.count()).where(
                    job_items.c.job_id == job_id, job_items.c.row.is_not(None)
                )
            ).scalar_one()
            assert written == SITES  # one row per POI: (job_id, position) is the key
            takers = dict(
                db.session.execute(
                    select(job_batches.c.batch, job_batches.c.worker).where(
                        job_batches.c.job_id == job_id,
                        job_batches.c.batch.in_(held_by_b),
                    )
                ).all()
            )
            nodes_of = crawl_nodes(job_id)
        # what b held was crawled on a
        assert {nodes_of.get(crawl) for crawl in takers.values()} == {a.url}, (
            takers,
            batch_table(app, job_id),
        )
        assert conductor.is_alive()
        gone = [
            r for r in caplog.records if r.getMessage().startswith(f"scrapyd {b.url}")
        ]
        assert [r.levelname for r in gone] == ["WARNING"], (
            gone
        )  # said once, not a round
    finally:
        conductor.stop()
        a.stop()
        b.stop()
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def crawl_nodes(job_id: str) -> dict[str, str]:
    """Return each recorded crawl of the job with its node (in an app context)."""
    return dict(
        db.session.execute(
            select(job_crawls.c.crawl_id, job_crawls.c.node).where(
                job_crawls.c.job_id == job_id
            )
        ).all()
    )


def rows_by(app, job_id: str, crawls: set[str]) -> int:
    """Return how many rows were written in the batches ``crawls`` took last."""
    with app.app_context():
        return int(
            db.session.execute(
                select(func.count())
                .select_from(job_items)
                .join(
                    job_batches,
                    (job_batches.c.job_id == job_items.c.job_id)
                    & (job_batches.c.batch == job_items.c.batch),
                )
                .where(
                    job_items.c.job_id == job_id,
                    job_items.c.row.is_not(None),
                    job_batches.c.worker.in_(crawls),
                )
            ).scalar_one()
        )


def held_batches(app, job_id: str, crawls: set[str]) -> set[int]:
    """Return the batches ``crawls`` hold and have not finished."""
    with app.app_context():
        return set(
            db.session.execute(
                select(job_batches.c.batch).where(
                    job_batches.c.job_id == job_id,
                    job_batches.c.worker.in_(crawls),
                    job_batches.c.state == "claimed",
                )
            ).scalars()
        )


def batch_table(app, job_id: str) -> list[tuple[int, str, int]]:
    """Return (batch, worker, claims) of every batch: what a failure message needs."""
    with app.app_context():
        return [
            tuple(row)
            for row in db.session.execute(
                select(
                    job_batches.c.batch, job_batches.c.worker, job_batches.c.claims
                ).where(job_batches.c.job_id == job_id)
            ).all()
        ]
