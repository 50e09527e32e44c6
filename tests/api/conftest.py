"""The API against a real scrapyd (started here, on a free port) and the fixture farm.

scrapyd runs the project's spiders from a throwaway directory whose ``scrapy.cfg`` names
``crawler.settings``; crawls reach the farm through ``http_proxy``, which only scrapyd's
environment holds (../shared/notes/stack.md §3).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
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
from tests.conftest import DIRECT, REPO, free_port


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory) -> str:
    """Run the API suite on both databases: SQLite, and a throwaway PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'leadcrawl.db'}"
    url: str = request.getfixturevalue("postgresql_url")
    return url


class ThrowawayPostgres:
    """A PostgreSQL cluster of our own: initdb + pg_ctl in a temporary folder."""

    def __init__(self) -> None:
        binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        initdb = str(binaries[-1]) if binaries else shutil.which("initdb")
        assert initdb, (
            "PostgreSQL is missing: `make test` installs it (apt-get install "
            "postgresql), or set LEADCRAWL_TEST_DATABASE_URL"
        )
        self.pg_ctl = str(Path(initdb).with_name("pg_ctl"))
        self.folder = Path(tempfile.mkdtemp(prefix="leadcrawl-pg-"))
        # initdb refuses to run as root: the cluster belongs to the postgres user then
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            self.folder.chmod(0o755)
            shutil.chown(self.folder, "postgres", "postgres")
        self.data, self.port = self.folder / "data", free_port()
        self._run(
            initdb, "-D", str(self.data), "-A", "trust", "-U", "leadcrawl", "--no-sync"
        )
        self.url = f"postgresql+psycopg://leadcrawl@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        subprocess.run([*self.as_owner, *command], check=True, capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            self.pg_ctl,
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


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


@pytest.fixture(scope="session")
def scrapyd(tmp_path_factory, farm, database_url) -> Iterator[str]:
    work = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    (work / "scrapy.cfg").write_text(
        "[settings]\ndefault = crawler.settings\n\n"
        "[scrapyd]\nbind_address = 127.0.0.1\npoll_interval = 0.2\nmax_proc = 2\n"
        f"logs_dir = {work}/logs\ndbs_dir = {work}/dbs\neggs_dir = {work}/eggs\n"
        "items_dir =\njobs_to_keep = 100\n"
    )
    env = dict(
        os.environ,
        SCRAPYD_HTTP_PORT=str(port),
        PYTHONPATH=str(REPO),
        LEADCRAWL_DATABASE_URL=database_url,
        LEADCRAWL_LEASE_SECONDS="4",  # a killed crawl's batches come back quickly
        http_proxy=farm,
        https_proxy=farm,
        no_proxy="",
    )
    scrapyd_bin = Path(sys.executable).with_name("scrapyd")
    assert scrapyd_bin.exists(), "scrapyd is missing: run `make test` (it installs it)"
    process = subprocess.Popen(
        [str(scrapyd_bin), "--pidfile=", "-l", str(work / "scrapyd.log")],
        cwd=work,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with DIRECT.open(url + "/daemonstatus.json", timeout=2) as answer:
                if json.load(answer)["status"] == "ok":
                    break
        except OSError:
            pass  # not listening yet
        assert process.poll() is None, (work / "scrapyd.log").read_text()
        assert time.monotonic() < deadline, "scrapyd did not start"
        time.sleep(0.05)
    yield url
    with DIRECT.open(url + "/listjobs.json") as answer:
        running = json.load(answer)
    for run in running["pending"] + running["running"]:
        fields = {"project": run["project"], "job": run["id"], "signal": "KILL"}
        DIRECT.open(url + "/cancel.json", urllib.parse.urlencode(fields).encode())
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(10)


@pytest.fixture(scope="session")
def app(database_url, scrapyd):
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "SCRAPYD_NODES": [scrapyd],
            "CONDUCTOR_INTERVAL": 0.5,
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
