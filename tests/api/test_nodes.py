"""Several scrapyd nodes and one database: losing a node, restarting the API.

Real scrapyd processes, a real PostgreSQL (a database of its own per test, so no other
test's conductor acts on these jobs) and a farm of generated sites.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, func, select, text

from api import create_app
from api.auth import create_account
from api.conductor import Conductor
from api.db import db
from crawler.jobstore import job_batches, job_crawls, job_items, jobs
from tests.api.conftest import start_scrapyd, wait_until_final
from tests.farm.generate import generate
from tests.support import DIRECT, ScrapydNode, Service, free_port, running_farm

SITES = 2_000


@pytest.fixture(scope="module")
def synthetic_farm(tmp_path_factory) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """Serve ``SITES`` generated sites (all up, 10-60 ms); yield the proxy and POIs."""
    sites = tmp_path_factory.mktemp("synthetic-farm")
    pois = generate(sites, SITES, seed=8, calm=True)
    with running_farm(sites) as proxy:
        yield proxy, pois


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


@pytest.fixture
def start_node(tmp_path, synthetic_farm, database) -> Iterator[Callable[[str], Any]]:
    """Start scrapyd nodes on the test's database and farm; stop them afterwards."""
    started: list[ScrapydNode] = []

    def start(name: str) -> ScrapydNode:
        started.append(start_scrapyd(tmp_path / name, database, synthetic_farm[0]))
        return started[-1]

    yield start
    for node in started:
        node.stop()


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


def crawl_pids(node: ScrapydNode) -> list[int]:
    with DIRECT.open(node.url + "/listjobs.json?project=default", timeout=10) as answer:
        return [int(run["pid"]) for run in json.load(answer)["running"]]


def alive(pid: int) -> bool:
    """Tell whether a process runs (a zombie no reaper collected does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_a_job_survives_losing_one_of_two_nodes(
    synthetic_farm, database, start_node, caplog
):
    """SIGKILL one node and its crawls mid-job: the other crawls what it held."""
    pois = synthetic_farm[1]
    a, b = start_node("a"), start_node("b")
    with conducted(database, [a.url, b.url]) as (app, client, headers, conductor):
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
        pids = crawl_pids(b)
        b.kill()
        held_by_b = held_batches(app, job_id, on_b)  # before its leases expire (4 s)
        assert pids, "node b listed no running crawl"
        wait_for("node b's crawls to die", lambda: not any(map(alive, pids)), 10)
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
        assert [r.levelname for r in gone] == ["WARNING"], gone  # once, not a round


def test_cancel_stops_the_crawls_on_every_node_and_keeps_the_rows(
    synthetic_farm, database, start_node
):
    pois = synthetic_farm[1]
    a, b = start_node("a"), start_node("b")
    with conducted(database, [a.url, b.url]) as (app, client, headers, _):
        created = client.post("/api/jobs/emails", json={"items": pois}, headers=headers)
        job_id = created.get_json()["id"]
        with app.app_context():
            crawls = crawl_nodes(job_id)
        assert set(crawls.values()) == {a.url, b.url}, crawls
        wait_for(
            "rows on both nodes",
            lambda: all(
                rows_by(app, job_id, {c for c, n in crawls.items() if n == node.url})
                > 0
                for node in (a, b)
            ),
            90,
        )
        answer = client.post(f"/api/jobs/{job_id}/cancel", headers=headers)
        assert answer.get_json()["status"] == "cancelled"
        wait_for(
            "every crawl of the job to stop",
            lambda: not (live_runs(a) | live_runs(b)) & set(crawls),
            30,
        )
        with app.app_context():
            written = db.session.execute(
                select(func.count()).where(
                    job_items.c.job_id == job_id, job_items.c.row.is_not(None)
                )
            ).scalar_one()
            assert crawl_nodes(job_id) == crawls  # the conductor started no other
        assert 0 < written < SITES
        rows = client.get(f"/api/jobs/{job_id}/results", headers=headers).get_json()
        assert len(rows) == written  # the rows so far stay downloadable
        job = client.get(f"/api/jobs/{job_id}", headers=headers).get_json()
        assert job["status"] == "cancelled", job


def test_a_node_down_when_a_job_is_created_is_skipped(
    synthetic_farm, database, start_node, caplog
):
    """The first node listed refuses connections: the job's crawls run on the other."""
    pois = synthetic_farm[1]
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    node = start_node("node")
    with conducted(database, [dead, node.url]) as (app, client, headers, conductor):
        created = client.post(
            "/api/jobs/emails", json={"items": pois[:100]}, headers=headers
        )
        assert created.status_code == 201, created.get_json()
        job = wait_until_final(client, created.get_json()["id"], headers, seconds=90)
        assert job["status"] == "done", job
        assert job["sites_done"] == 100, job
        with app.app_context():
            assert set(crawl_nodes(job["id"]).values()) == {node.url}
        assert conductor.is_alive()
    said = [r.getMessage() for r in caplog.records if dead in r.getMessage()]
    assert len(said) == 1, said
    assert "does not answer" in said[0], said


@contextmanager
def conducted(database: str, nodes: list[str]) -> Iterator[tuple[Any, Any, Any, Any]]:
    """Yield an app on ``nodes`` with its conductor running, a client, a key header."""
    app = create_app(
        {
            "DATABASE_URL": database,
            "SCRAPYD_NODES": nodes,
            "CONDUCTOR_INTERVAL": 0.5,
            "TESTING": True,
        }
    )
    with app.app_context():
        upgrade()
        headers = {"Authorization": f"Bearer {create_account('nodes', None)}"}
    conductor = Conductor(app, app.config["CONDUCTOR_INTERVAL"])
    conductor.start()
    try:
        yield app, app.test_client(), headers, conductor
    finally:
        conductor.stop()
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


def serve(var: Path, **env: str) -> Service:
    """``leadcrawl serve`` with short leases and a brisk conductor."""
    return Service(
        var,
        {"LEADCRAWL_LEASE_SECONDS": "4", "LEADCRAWL_CONDUCTOR_INTERVAL": "0.5", **env},
    )


def assert_done_with_one_row_each(
    service: Service, job_id: str, pois: list[dict[str, str]]
) -> None:
    job = wait_until_done(service, job_id, seconds=120)
    assert job["status"] == "done", job
    assert job["sites_done"] == job["sites_total"] == len(pois), job
    rows = service.call(f"/api/jobs/{job_id}/results")
    assert [row["nom"] for row in rows] == [poi["nom"] for poi in pois]


def interrupted_mid_job(service: Service, pois: list[dict[str, str]]) -> Any:
    """Create a job of ``pois``; once 50 rows are written, Ctrl-C the service."""
    job = service.call("/api/jobs/emails", {"items": pois})
    wait_for(
        "50 rows written",
        lambda: service.call(f"/api/jobs/{job['id']}")["sites_done"] >= 50,
        60,
    )
    service.interrupt()
    return job


def wait_until_done(service: Service, job_id: str, seconds: float) -> Any:
    final = ("done", "error", "cancelled")
    return wait_for(
        f"job {job_id} to end",
        lambda: (job := service.call(f"/api/jobs/{job_id}"))["status"] in final and job,
        seconds,
    )


def test_a_job_goes_on_after_make_run_is_interrupted_and_started_again(
    tmp_path, synthetic_farm
):
    """Ctrl-C stops scrapyd and its crawls: the job waits, and ends after a restart.

    ``make run``'s stack (SQLite, a local scrapyd); nothing of the job lives in the API.
    """
    proxy, all_pois = synthetic_farm
    pois = all_pois[:600]
    service = serve(
        tmp_path,
        LEADCRAWL_DATABASE_URL=f"sqlite:///{tmp_path}/leadcrawl.db",
        LEADCRAWL_HTTP_PROXY=proxy,
    )
    key = service.start()
    try:
        job = interrupted_mid_job(service, pois)
        engine = create_engine(f"sqlite:///{tmp_path}/leadcrawl.db")
        with engine.connect() as connection:
            status, done = connection.execute(
                select(jobs.c.status, jobs.c.sites_done).where(jobs.c.id == job["id"])
            ).one()
            before = set(
                connection.execute(
                    select(job_crawls.c.crawl_id).where(
                        job_crawls.c.job_id == job["id"]
                    )
                ).scalars()
            )
        assert status == "running", status  # stopped, not cancelled
        assert done < len(pois), "the job ended before the service was stopped"

        assert service.start() == key  # the same var/: the same key
        assert_done_with_one_row_each(service, job["id"], pois)
        with engine.connect() as connection:
            crawls = dict(
                connection.execute(
                    select(job_crawls.c.crawl_id, job_crawls.c.ended).where(
                        job_crawls.c.job_id == job["id"]
                    )
                ).all()
            )
            claims = connection.execute(
                select(func.max(job_batches.c.claims)).where(
                    job_batches.c.job_id == job["id"]
                )
            ).scalar_one()
        assert all(crawls[crawl] for crawl in before), crawls  # reconciled on start
        assert set(crawls) - before, "no crawl started after the restart"
        assert claims == 1, "a stopped crawl's batches counted as a death"
        engine.dispose()
    finally:
        service.interrupt()


def test_a_crawl_that_died_while_the_api_was_down_is_replaced_after_restart(
    tmp_path, synthetic_farm, database, start_node
):
    """The API stops, a node keeps crawling, the crawl dies: the restarted API sees it.

    One crawl per job, so nothing but the restarted conductor can take its batches.
    """
    pois = synthetic_farm[1][:800]
    node = start_node("node")
    service = serve(
        tmp_path,
        LEADCRAWL_DATABASE_URL=database,
        LEADCRAWL_SCRAPYD_NODES=node.url,
        LEADCRAWL_CRAWLS_PER_JOB="1",
    )
    engine = create_engine(database)
    try:
        service.start()
        job = interrupted_mid_job(service, pois)
        (crawl,) = live_runs(node)  # the API is down; its crawl goes on
        fields = {"project": "default", "job": crawl, "signal": "KILL"}  # no goodbye
        DIRECT.open(node.url + "/cancel.json", urlencode(fields).encode()).close()
        wait_for(
            "the killed crawl to be listed finished", lambda: not live_runs(node), 30
        )
        with engine.connect() as connection:
            held = set(
                connection.execute(
                    select(job_batches.c.batch).where(
                        job_batches.c.job_id == job["id"],
                        job_batches.c.worker == crawl,
                        job_batches.c.state == "claimed",
                    )
                ).scalars()
            )
            status = connection.execute(
                select(jobs.c.status).where(jobs.c.id == job["id"])
            ).scalar_one()
        assert held, "the killed crawl held no batch"
        assert status == "running", status

        restarted_at = dt.datetime.now(dt.UTC)
        service.start()
        assert_done_with_one_row_each(service, job["id"], pois)
        with engine.connect() as connection:
            crawls = {
                row.crawl_id: row
                for row in connection.execute(
                    select(job_crawls).where(job_crawls.c.job_id == job["id"])
                )
            }
            takers = set(
                connection.execute(
                    select(job_batches.c.worker).where(
                        job_batches.c.job_id == job["id"],
                        job_batches.c.batch.in_(held),
                    )
                ).scalars()
            )
        assert crawls[crawl].ended, "the dead crawl is still counted on"
        assert takers, held
        for taker in takers:  # the dead crawl's batches went to a crawl started since
            assert crawls[taker].created_at > restarted_at, (taker, crawls)
    finally:
        service.interrupt()
        engine.dispose()
