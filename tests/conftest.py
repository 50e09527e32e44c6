"""Fixtures shared by every tier: the fixture web farm, ``make run``'s stack."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import Service

REPO = Path(__file__).parents[1]


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
def service(tmp_path_factory, farm) -> Iterator[tuple[str, str, list[str]]]:
    """Run ``leadcrawl serve`` (``make run``), the farm as its crawls' proxy.

    Yield its URL, its API key and the lines it printed.
    """
    var = tmp_path_factory.mktemp("var")
    service = Service(
        var,
        {
            "LEADCRAWL_DATABASE_URL": f"sqlite:///{var}/leadcrawl.db",
            # crawls reach the farm; the API's calls go direct
            "LEADCRAWL_HTTP_PROXY": farm,
        },
    )
    service.start()
    yield service.url, service.key, service.lines
    service.stop()
