"""Fixtures shared by every tier: the fixture web farm, ``make run``'s stack."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support import Service, running_farm


@pytest.fixture(scope="session")
def farm() -> Iterator[str]:
    """Start the fixture web farm on a free loopback port and yield its proxy URL."""
    with running_farm() as proxy:
        yield proxy


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
