"""Fixtures shared by every tier: the fixture web farm, ``make run``'s stack."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
LEADCRAWL = str(Path(sys.executable).with_name("leadcrawl"))
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def farm() -> Iterator[str]:
    """Start the fixture web farm on a free loopback port and yield its proxy URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.farm.server"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("farm listening on "), f"farm did not start: {line!r}"
    try:
        yield line.removeprefix("farm listening on ").strip()
    finally:
        process.terminate()
        process.communicate(timeout=10)


@pytest.fixture(scope="module")
def service(tmp_path_factory, farm):
    """Run ``leadcrawl serve`` (``make run``), the farm as its crawls' proxy.

    Yield its URL, its API key and the lines it printed.
    """
    var = tmp_path_factory.mktemp("var")
    port, scrapyd_port = free_port(), free_port()
    env = dict(
        os.environ,
        LEADCRAWL_DATABASE_URL=f"sqlite:///{var}/leadcrawl.db",
        LEADCRAWL_HTTP_PROXY=farm,  # crawls reach the farm; the API's calls go direct
        LEADCRAWL_PORT=str(port),
        LEADCRAWL_SCRAPYD_PORT=str(scrapyd_port),
    )
    process = subprocess.Popen(
        [LEADCRAWL, "serve", "--var", str(var)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    lines = []
    deadline = time.monotonic() + 60
    while not lines or not lines[-1].startswith("lc_"):
        assert process.poll() is None, lines
        assert time.monotonic() < deadline, lines
        lines.append(process.stdout.readline().strip())
    yield f"http://127.0.0.1:{port}", lines[-1], lines
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(20)
    process.stdout.close()
