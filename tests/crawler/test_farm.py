"""The fixture farm itself: proxy by Host header and each injectable fault."""

from __future__ import annotations

import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.farm.server import FarmServer, serve

SITES = {
    "ok.test-farm.fr/index.html": "<h1>ok</h1>",
    "ok.test-farm.fr/contact/index.html": "<h1>contact</h1>",
    "slow.test-farm.fr/index.html": "<h1>slow</h1>",
    "slow.test-farm.fr/site.toml": "latency_ms = 300\n",
    "down.test-farm.fr/index.html": "<h1>never served</h1>",
    "down.test-farm.fr/site.toml": "status = 503\n",
    "old.test-farm.fr/site.toml": 'redirect_to = "http://ok.test-farm.fr/"\n',
    "private.test-farm.fr/index.html": "<h1>private</h1>",
    "private.test-farm.fr/site.toml": 'robots_txt = "User-agent: *\\nDisallow: /"\n',
}


@pytest.fixture(scope="module")
def proxy(tmp_path_factory) -> Iterator[urllib.request.OpenerDirector]:
    sites: Path = tmp_path_factory.mktemp("sites")
    for name, content in SITES.items():
        (sites / name).parent.mkdir(parents=True, exist_ok=True)
        (sites / name).write_text(content, encoding="utf-8")
    server: FarmServer = serve(sites=sites)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    insecure = ssl.create_default_context()
    insecure.check_hostname = False
    insecure.verify_mode = ssl.CERT_NONE  # the farm's certificate is self-signed
    yield urllib.request.build_opener(
        urllib.request.ProxyHandler({"http": url, "https": url}),
        urllib.request.HTTPSHandler(context=insecure),
    )
    server.shutdown()
    server.server_close()


def fetch(opener, url):
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.geturl(), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, url, ""


def test_pages_by_host_and_path(proxy):
    assert fetch(proxy, "http://ok.test-farm.fr/")[::2] == (200, "<h1>ok</h1>")
    assert fetch(proxy, "http://ok.test-farm.fr/contact/")[::2] == (
        200,
        "<h1>contact</h1>",
    )
    assert fetch(proxy, "http://ok.test-farm.fr/nowhere/")[0] == 404


def test_https_through_a_connect_tunnel(proxy):
    assert fetch(proxy, "https://ok.test-farm.fr/contact/")[::2] == (
        200,
        "<h1>contact</h1>",
    )
    assert fetch(proxy, "https://down.test-farm.fr/")[0] == 503


def test_unknown_host_is_a_bad_gateway(proxy):
    assert fetch(proxy, "http://nowhere.test-farm.fr/")[0] == 502


def test_truth_and_config_are_not_served(proxy):
    assert fetch(proxy, "http://slow.test-farm.fr/site.toml")[0] == 404


def test_latency(proxy):
    start = time.monotonic()
    assert fetch(proxy, "http://slow.test-farm.fr/")[0] == 200
    assert time.monotonic() - start >= 0.3


def test_status(proxy):
    assert fetch(proxy, "http://down.test-farm.fr/")[0] == 503


def test_redirect_keeps_the_path(proxy):
    status, final_url, body = fetch(proxy, "http://old.test-farm.fr/contact/")
    assert (status, final_url, body) == (
        200,
        "http://ok.test-farm.fr/contact/",
        "<h1>contact</h1>",
    )


def test_robots(proxy):
    assert fetch(proxy, "http://private.test-farm.fr/robots.txt")[::2] == (
        200,
        "User-agent: *\nDisallow: /",
    )
    assert fetch(proxy, "http://ok.test-farm.fr/robots.txt")[0] == 404


def test_post_answers_with_the_file(proxy):
    request = urllib.request.Request(
        "http://ok.test-farm.fr/contact/", data=b"reveal=1", method="POST"
    )
    with proxy.open(request, timeout=5) as response:
        assert (response.status, response.read()) == (200, b"<h1>contact</h1>")
