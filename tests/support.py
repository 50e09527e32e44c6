"""Servers the tests and the benchmarks both start: PostgreSQL, scrapyd nodes.

Outside any conftest, so ``tests.farm.bench_jobs`` and ``scripts/load.py`` start them
the way the test suite does (../shared/notes/stack.md §3).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).parents[1]
# the API's and scrapyd's own calls never go through http_proxy (crawls' variable)
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@contextmanager
def running_farm(sites: Path | None = None) -> Iterator[str]:
    """Run the fixture web farm (``tests/farm/server.py``) on a free loopback port.

    Yield its proxy URL; ``sites``: another folder of sites (generated ones).
    """
    farm = subprocess.Popen(
        [
            *(sys.executable, "-m", "tests.farm.server"),
            *(("--sites", str(sites)) if sites else ()),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert farm.stdout is not None
        line = farm.stdout.readline()
        assert line.startswith("farm listening on "), f"farm did not start: {line!r}"
        yield line.removeprefix("farm listening on ").strip()
    finally:
        farm.terminate()
        farm.communicate(timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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


class ScrapydNode:
    """A scrapyd on a free loopback port, run from ``work``.

    ``env`` reaches its crawls: the database URL and ``http_proxy`` (the farm) go there,
    and nowhere else. ``max_proc``: how many crawls it runs at once. ``from_source``:
    its project is this checkout (``[settings]``, no egg); without, it has none until
    an egg is deployed to it (``scrapyd-deploy``), as a remote node.
    """

    def __init__(
        self,
        work: Path,
        env: dict[str, str],
        max_proc: int = 2,
        from_source: bool = True,
    ) -> None:
        self.work, self.port = work, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        work.mkdir(parents=True, exist_ok=True)
        source = "[settings]\ndefault = crawler.settings\n\n" if from_source else ""
        (work / "scrapy.cfg").write_text(
            source + "[scrapyd]\nbind_address = 127.0.0.1\npoll_interval = 0.2\n"
            f"max_proc = {max_proc}\n"
            f"logs_dir = {work}/logs\ndbs_dir = {work}/dbs\neggs_dir = {work}/eggs\n"
            "items_dir =\njobs_to_keep = 100\n"
        )
        scrapyd = Path(sys.executable).with_name("scrapyd")
        assert scrapyd.exists(), "scrapyd is missing: run `make test` (it installs it)"
        self.process = subprocess.Popen(
            [str(scrapyd), "--pidfile=", "-l", str(work / "scrapyd.log")],
            cwd=work,
            env={
                **os.environ,
                **({"PYTHONPATH": str(REPO)} if from_source else {}),
                **env,
                "SCRAPYD_HTTP_PORT": str(self.port),
            },
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                with DIRECT.open(self.url + "/daemonstatus.json", timeout=2) as answer:
                    if json.load(answer)["status"] == "ok":
                        break
            except OSError:
                pass  # not listening yet
            assert self.process.poll() is None, (work / "scrapyd.log").read_text()
            assert time.monotonic() < deadline, "scrapyd did not start"
            time.sleep(0.05)

    def logs(self) -> list[Path]:
        """Return the log file of every crawl it ran."""
        return sorted((self.work / "logs").glob("*/*/*.log"))

    def kill(self) -> None:
        """SIGKILL scrapyd and its crawls at once, as a machine that is lost."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        """Kill its runs, then scrapyd and any crawl it orphaned (its session).

        No goodbye from the crawls: the database may be going away too.
        """
        if self.process.poll() is not None:
            return  # killed already
        with DIRECT.open(self.url + "/listjobs.json") as answer:
            running = json.load(answer)
        for run in running["pending"] + running["running"]:
            fields = {"project": run["project"], "job": run["id"], "signal": "KILL"}
            data = urllib.parse.urlencode(fields).encode()
            DIRECT.open(self.url + "/cancel.json", data).close()
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(10)


class Service:
    """``leadcrawl serve`` (``make run``) in a subprocess, as a user runs it.

    Started, stopped with Ctrl-C, started again on the same ``var``. ``env``: its
    ``LEADCRAWL_*`` variables (the API's port is chosen here); its log goes to
    ``var/serve.log``. It prints the key last (test_service.py checks that).
    """

    def __init__(self, var: Path, env: dict[str, str], workers: int = 2) -> None:
        self.var, self.port, self.workers = var, free_port(), workers
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "LEADCRAWL_SCRAPYD_PORT": str(free_port()),
            **env,
            "LEADCRAWL_PORT": str(self.port),
        }
        self.process: subprocess.Popen[str] | None = None
        self.lines: list[str] = []
        self.key = ""

    def start(self) -> str:
        """Start it; return the API key it prints (the same key on the same ``var``)."""
        self.var.mkdir(parents=True, exist_ok=True)
        with (self.var / "serve.log").open("a") as log:
            self.process = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("leadcrawl")),
                    *("serve", "--var", str(self.var), "--workers", str(self.workers)),
                ],
                cwd=REPO,
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                start_new_session=True,  # its own group, as a terminal's foreground job
            )
        assert self.process.stdout is not None
        self.lines = []
        deadline = time.monotonic() + 60
        while not self.lines or not self.lines[-1].startswith("lc_"):
            assert self.process.poll() is None, (self.var / "serve.log").read_text()
            assert time.monotonic() < deadline, self.lines
            self.lines.append(self.process.stdout.readline().strip())
        self.key = self.lines[-1]
        return self.key

    def interrupt(self) -> None:
        """Ctrl-C: SIGINT to its process group; it stops its scrapyd and gunicorn."""
        self._signal(signal.SIGINT)

    def stop(self) -> None:
        """Stop it with its scrapyd, if it started one, unless it is stopped already."""
        self._signal(signal.SIGTERM)

    def _signal(self, number: int) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, number)
        self.process.wait(30)
        assert self.process.stdout is not None
        self.process.stdout.close()

    def call(self, path: str, body: Any = None, timeout: float = 30) -> Any:
        """Call the API with its key; return the decoded JSON answer."""
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode() if body is not None else None,
            headers={
                "Authorization": f"Bearer {self.key}",
                "Content-Type": "application/json",
            },
        )
        with DIRECT.open(request, timeout=timeout) as answer:
            return json.load(answer)
