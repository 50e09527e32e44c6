"""Fixtures shared by every tier: the fixture web farm as an HTTP proxy on loopback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

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
