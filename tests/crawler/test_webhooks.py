"""Webhook delivery to a real receiver on loopback: signed, retried, and guarded (SSRF).

The receiver listens on 127.0.0.1, which webhooks may reach only where the allow-list
says so; names that resolve there (``2130706433`` is 127.0.0.1 written as a number) are
judged by the address they resolve to, and a redirect is never followed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from crawler.guard import networks
from crawler.webhooks import SIGNATURE_HEADER, deliver, signature

LOOPBACK = networks(["127.0.0.0/8"])
SUMMARY = {"id": "job-1", "status": "done"}


class Receiver(BaseHTTPRequestHandler):
    """Answers each POST with the next status of ``answers``; records what it got."""

    answers: ClassVar[list[int]] = []
    received: ClassVar[list[tuple[str, dict[str, str], bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, dict(self.headers), body))
        status = self.answers.pop(0) if self.answers else 204
        self.send_response(status)
        if status in (301, 302, 307, 308):
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        """Stay quiet: the test reads what was received."""


@pytest.fixture
def receiver() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    Receiver.answers, Receiver.received = [], []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port
    server.shutdown()
    server.server_close()


def send(url: str, allowed=(), ports=()) -> list[dict]:
    return list(deliver(url, SUMMARY, "s3cret", allowed, ports, backoff=(0, 0, 0)))


@pytest.mark.parametrize("host", ["127.0.0.1", "2130706433", "127.1", "localhost"])
def test_a_receiver_on_our_own_machine_is_refused(receiver, host):
    attempts = send(f"http://{host}:{receiver}/hook")
    assert len(attempts) == 1  # a refusal is not retried
    assert attempts[0]["status_code"] is None
    assert attempts[0]["error"].startswith("refused: ")
    assert Receiver.received == []  # not one byte sent


def test_an_allowed_network_gets_it_signed_at_the_checked_address(receiver):
    attempts = send(f"http://2130706433:{receiver}/hooks/crm?token=t", LOOPBACK)
    assert attempts == [{"attempt": 1, "status_code": 204, "error": None}]
    ((path, headers, body),) = Receiver.received
    assert path == "/hooks/crm?token=t"
    assert (
        headers["Host"] == f"2130706433:{receiver}"
    )  # the URL's name, not the address
    assert headers[SIGNATURE_HEADER] == signature(body, "s3cret")


def test_failures_are_retried_three_times(receiver):
    Receiver.answers = [500, 503, 502, 500]
    attempts = send(f"http://127.0.0.1:{receiver}/hook", LOOPBACK)
    assert [a["status_code"] for a in attempts] == [500, 503, 502, 500]
    assert attempts[-1]["error"] == "HTTP 500"


def test_a_redirect_is_not_followed(receiver):
    """A receiver cannot bounce the signed summary to the metadata address."""
    Receiver.answers = [302, 302, 302, 302]
    attempts = send(f"http://127.0.0.1:{receiver}/hook", LOOPBACK)
    assert {a["status_code"] for a in attempts} == {302}
    assert len(Receiver.received) == 4  # each to the receiver, none followed


def test_our_services_ports_are_refused_even_on_an_allowed_network(receiver):
    attempts = send(f"http://127.0.0.1:{receiver}/hook", LOOPBACK, ports=[receiver])
    assert attempts[0]["error"] == (
        f"refused: port {receiver} is a leadcrawl service's (scrapyd or the API)"
    )
    assert Receiver.received == []


def test_not_an_http_url():
    assert send("ftp://files.example.org/hook")[0]["error"] == (
        "not an http(s) URL: ftp://files.example.org/hook"
    )
