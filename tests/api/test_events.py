"""Server-sent events under many watchers: one hub per process polls for all of them."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from api.auth import verify
from api.db import db
from crawler.jobstore import JobStore
from tests.api.conftest import insert_job

WATCHERS = 40


def events_of(text: str) -> list[tuple[int, str]]:
    blocks = [block for block in text.split("\n\n") if block.startswith("id:")]
    return [
        (int(block.split("\n")[0][4:]), block.split("\n")[1][7:]) for block in blocks
    ]


@pytest.fixture
def live_job(app, account):
    """Return a running job with no crawl (the conductor leaves it) and its store."""
    with app.app_context():
        account_id = verify(account["Authorization"].removeprefix("Bearer ")).id
        job_id = insert_job(account_id, items=5, per_batch=5, status="running")
        store = JobStore(db.engine, job_id, "test:1")
        db.session.remove()
    return job_id, store


def test_every_watcher_gets_every_event_in_order(app, account, live_job):
    job_id, store = live_job
    store.event("progress", {"sites_done": 1})
    listening = threading.Barrier(WATCHERS + 1, timeout=60)

    def watch(_: int) -> list[tuple[int, str]]:
        answer = app.test_client().get(
            f"/api/jobs/{job_id}/events", headers=account, buffered=False
        )
        chunks = iter(answer.response)
        first = next(chunks) + next(chunks)  # the retry delay, the first event
        listening.wait()  # every watcher is now waiting for the next events
        return events_of(b"".join([first, *chunks]).decode())

    with ThreadPoolExecutor(WATCHERS) as pool:
        watched = [pool.submit(watch, n) for n in range(WATCHERS)]
        listening.wait()
        for site in range(2, 6):  # sites finish while they all watch
            store.event("progress", {"sites_done": site})
            time.sleep(0.1)
        store.event("done", {"status": "done"})
        streams = [future.result(timeout=60) for future in watched]
    kinds = [kind for _, kind in streams[0]]
    assert kinds == ["progress"] * 5 + ["done"]
    ids = [event_id for event_id, _ in streams[0]]
    assert ids == sorted(ids)
    assert all(stream == streams[0] for stream in streams)


def test_a_quiet_stream_sends_heartbeats(app, account, live_job, monkeypatch):
    monkeypatch.setattr("api.jobs.HEARTBEAT", 0.5)
    job_id, store = live_job
    answer = app.test_client().get(
        f"/api/jobs/{job_id}/events", headers=account, buffered=False
    )
    chunks = iter(answer.response)
    assert next(chunks) == b"retry: 3000\n\n"  # at once: the client knows it is open
    assert next(chunks) == b": heartbeat\n\n"
    first = time.monotonic()
    assert next(chunks) == b": heartbeat\n\n"
    assert time.monotonic() - first >= 0.4  # paced by the heartbeat, not a busy loop
    store.event("progress", {"sites_done": 1})
    assert next(chunks).startswith(b"id: ")  # an event wakes it at once
    answer.close()
