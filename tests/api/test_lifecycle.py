"""Cancelling a running job, and the signed webhook when a job ends."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from sqlalchemy import select

from api.auth import key_hash
from api.db import db
from crawler.jobstore import accounts
from crawler.webhooks import SIGNATURE_HEADER, signature
from tests.api.conftest import wait_until_final

MARTIN = {"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr"}
HANGING = {"nom": "Site qui pend", "site_web": "site-qui-pend.fr"}


def test_cancel_stops_the_crawl_and_keeps_the_rows_so_far(client, account):
    created = client.post(
        "/api/jobs/emails", json={"items": [MARTIN, HANGING]}, headers=account
    ).get_json()
    deadline = time.monotonic() + 30
    while True:  # until martin's row is written (the hanging site keeps the job busy)
        job = client.get(f"/api/jobs/{created['id']}", headers=account).get_json()
        if job["sites_done"] == 1:
            break
        assert time.monotonic() < deadline, job
        time.sleep(0.2)
    answer = client.post(f"/api/jobs/{created['id']}/cancel", headers=account)
    assert answer.status_code == 200
    job = wait_until_final(client, created["id"], account, seconds=60)
    assert job["status"] == "cancelled"
    rows = client.get(f"/api/jobs/{created['id']}/results", headers=account).get_json()
    assert [row["nom"] for row in rows] == ["Boulangerie Martin"]


class Receiver(BaseHTTPRequestHandler):
    """A webhook endpoint that fails once, then accepts."""

    received: ClassVar[list[tuple[dict[str, str], bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers), body))
        self.send_response(500 if len(self.received) == 1 else 204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        """Stay quiet: the test reads what was received, not a log."""


@pytest.fixture
def receiver():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    Receiver.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hooks/leadcrawl"
    server.shutdown()
    server.server_close()


def test_a_signed_webhook_is_retried_until_accepted(app, client, account, receiver):
    body = {"items": [MARTIN], "webhook_url": receiver, "external_id": "crm-42"}
    created = client.post("/api/jobs/emails", json=body, headers=account).get_json()
    job = wait_until_final(client, created["id"], account)
    deadline = time.monotonic() + 20
    while len(job["webhook_attempts"]) < 2:  # sent after the job ends, with back-off
        assert time.monotonic() < deadline, job
        time.sleep(0.3)
        job = client.get(f"/api/jobs/{created['id']}", headers=account).get_json()
    assert [a["status_code"] for a in job["webhook_attempts"]] == [500, 204]
    with app.app_context():
        key = account["Authorization"].removeprefix("Bearer ")
        secret = db.session.execute(
            select(accounts.c.webhook_secret).where(
                accounts.c.key_hash == key_hash(key)
            )
        ).scalar_one()
    headers, raw = Receiver.received[-1]
    assert headers[SIGNATURE_HEADER] == signature(raw, secret)
    summary = json.loads(raw)
    assert (summary["id"], summary["external_id"], summary["status"]) == (
        created["id"],
        "crm-42",
        "done",
    )
    assert summary["found"] == 1


def test_a_killed_crawl_loses_nothing_its_batch_is_claimed_again(
    app, client, account, scrapyd
):
    import urllib.parse

    from crawler.jobstore import job_crawls
    from tests.support import DIRECT

    created = client.post(
        "/api/jobs/emails", json={"items": [MARTIN, HANGING]}, headers=account
    ).get_json()
    deadline = time.monotonic() + 30
    while True:  # martin's row is written; the hanging site keeps the crawl busy
        job = client.get(f"/api/jobs/{created['id']}", headers=account).get_json()
        if job["sites_done"] == 1:
            break
        assert time.monotonic() < deadline, job
        time.sleep(0.2)
    with app.app_context():
        (crawl,) = db.session.execute(
            select(job_crawls.c.crawl_id).where(job_crawls.c.job_id == created["id"])
        ).scalars()
    fields = {"project": "default", "job": crawl, "signal": "KILL"}  # no goodbye
    DIRECT.open(scrapyd + "/cancel.json", urllib.parse.urlencode(fields).encode())
    # its lease expires (4 s here), the conductor starts a crawl, which claims it again
    job = wait_until_final(client, created["id"], account, seconds=90)
    assert job["status"] == "done", job
    rows = client.get(f"/api/jobs/{created['id']}/results", headers=account).get_json()
    assert [row["nom"] for row in rows] == ["Boulangerie Martin", "Site qui pend"]
    assert rows[1]["status"] == "timeout", rows[1]
    with app.app_context():
        crawls = db.session.execute(
            select(job_crawls.c.crawl_id).where(job_crawls.c.job_id == created["id"])
        ).all()
    assert len(crawls) == 2  # the killed one, and the one that took its batch over
