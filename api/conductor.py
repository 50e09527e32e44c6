"""The conductor: keeps each job's crawl processes running on the scrapyd nodes.

It starts a job's crawls, tops them up while work remains, and ends jobs no crawl can
finish. Work is claimed, not assigned (decision 005): each crawl claims batches of sites
under a lease. The conductor keeps ``CRAWLS_PER_JOB`` crawls alive per job, each on the
node with the fewest runs (``daemonstatus.json``); a crawl that died leaves its batches
to expire and be claimed again by one it starts. One conductor runs per deployment
(``leadcrawl serve`` runs it in a thread); its decisions are idempotent.

Its state is the database's and scrapyd's: each round asks every node once for its live
runs (``listjobs.json``) and marks ended the recorded crawls their node no longer lists,
so an API that restarts picks up where it was. A node that does not answer is skipped
(logged when it goes and when it comes back): its crawls count as gone, their leases
expire and crawls on the other nodes claim their batches (docs/reliability.md).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Any

from flask import Flask
from sqlalchemy import select, update

from api.db import db
from api.scrapyd import Scrapyd, ScrapydError
from crawler.guard import networks
from crawler.jobstore import JobStore, job_batches, job_crawls, jobs, now, utc_naive

logger = logging.getLogger(__name__)


def nodes(app: Flask) -> list[Scrapyd]:
    project = app.config["SCRAPYD_PROJECT"]
    return [Scrapyd(url, project) for url in app.config["SCRAPYD_NODES"]]


def node_of(app: Flask, url: str) -> Scrapyd:
    return Scrapyd(url, app.config["SCRAPYD_PROJECT"])


def by_load(app: Flask) -> list[Scrapyd]:
    """Return the nodes that answer, the fewest runs (pending or running) first."""
    loads = []
    for node in nodes(app):
        try:
            loads.append((node.load(), node))
        except ScrapydError as error:
            logger.debug("skipping scrapyd %s: %s", node.url, error)  # others take it
    return [node for _, node in sorted(loads, key=lambda pair: pair[0])]


def start_crawls(app: Flask, job: Any, count: int) -> int:
    """Start up to ``count`` crawls of ``job``; return how many started.

    Each goes to the node with the fewest runs; a node that refuses passes it to the
    next. Raises ``ScrapydError`` when no node takes the first one. The crawls are
    recorded together once all are scheduled: a conductor round that reads the job
    meanwhile sees none of them (a job being created) or all, never half, which it
    would top up.
    """
    arguments = {"job": job.id, **({"mode": job.mode} if job.mode else {})}
    started: list[dict[str, Any]] = []
    for _ in range(count):
        crawl_id = f"{job.id.replace('-', '')}-{now().strftime('%H%M%S%f')}"
        node = schedule(by_load(app), job.job_type, crawl_id, arguments)
        if node is None:
            break
        started.append({"crawl_id": crawl_id, "job_id": job.id, "node": node.url})
    if not started:
        raise ScrapydError("no scrapyd node answers")
    db.session.execute(
        job_crawls.insert(), [{**crawl, "created_at": now()} for crawl in started]
    )
    db.session.commit()
    return len(started)


def schedule(
    candidates: list[Scrapyd], spider: str, crawl_id: str, arguments: dict[str, str]
) -> Scrapyd | None:
    """Schedule the crawl on the first candidate that takes it; return that node."""
    for node in candidates:
        try:
            node.schedule(spider, crawl_id, **arguments)
        except ScrapydError as error:
            logger.warning("scrapyd %s did not take %s: %s", node.url, crawl_id, error)
            continue
        return node
    return None


def wanted(app: Flask, job_id: str) -> int:
    """Crawls a job should have: CRAWLS_PER_JOB, fewer for a job of fewer batches."""
    batches = db.session.execute(
        select(job_batches.c.batch).where(job_batches.c.job_id == job_id)
    ).all()
    return max(1, min(int(app.config["CRAWLS_PER_JOB"]), len(batches)))


class Survey:
    """One round's view of the nodes: each asked once for its live runs.

    ``down`` (the conductor's, across rounds) holds the nodes that did not answer last
    time, so that a node going or coming back is logged once, not every round.
    """

    def __init__(self, app: Flask, down: set[str]) -> None:
        self.app, self.down = app, down
        self.taken_at = utc_naive(now())  # crawls recorded later may not be listed yet
        self.runs: dict[str, set[str] | None] = {}
        for node in nodes(app):
            self.live_on(node.url)

    def live_on(self, url: str) -> set[str] | None:
        """Return the node's live runs; None when it does not answer."""
        url = url.rstrip("/")
        if url not in self.runs:
            try:
                self.runs[url] = node_of(self.app, url).live_runs()
            except ScrapydError as error:
                self.runs[url] = None
                if url not in self.down:
                    logger.warning(
                        "scrapyd %s does not answer (%s): its crawls count as gone, "
                        "their batches go to other nodes when their leases expire",
                        url,
                        error,
                    )
                self.down.add(url)
            else:
                if url in self.down:
                    logger.warning("scrapyd %s answers again", url)
                self.down.discard(url)
        return self.runs[url]


def conduct(app: Flask, down: set[str] | None = None) -> None:
    """One round over the unfinished jobs (in an application context)."""
    survey = Survey(app, down if down is not None else set())
    for job in db.session.execute(
        select(jobs).where(jobs.c.status.in_(("pending", "running")))
    ).all():
        try:
            conduct_job(app, job, survey)
        except ScrapydError as error:
            logger.warning("job %s: %s", job.id, error)
        finally:
            db.session.rollback()


def conduct_job(app: Flask, job: Any, survey: Survey) -> None:
    crawls = db.session.execute(
        select(job_crawls).where(job_crawls.c.job_id == job.id)
    ).all()
    if not crawls:
        return  # never started (its creation ended it, or it is being created)
    live, gone = 0, []
    for crawl in (c for c in crawls if not c.ended):
        runs = survey.live_on(crawl.node)
        if runs is None:
            continue  # its node is down: its batches expire, others take them
        if crawl.crawl_id in runs or not listed_by(crawl.created_at, survey.taken_at):
            live += 1  # listed, or scheduled after the survey (listed next round)
        else:
            gone.append(crawl.crawl_id)  # finished, or lost with a restarted scrapyd
    if gone:
        db.session.execute(
            update(job_crawls).where(job_crawls.c.crawl_id.in_(gone)).values(ended=True)
        )
        db.session.commit()
    store = JobStore(
        db.engine,
        job.id,
        "conductor",
        allowed=networks(app.config["ALLOWED_NETWORKS"]),
        ports=app.config["SERVICE_PORTS"],
    )
    waiting, held = store.work_left()
    if waiting and live < wanted(app, job.id):
        start_crawls(app, job, min(waiting, wanted(app, job.id) - live))
    elif not waiting and not held and not live:
        store.finish("conductor")  # done, or error: nothing left can finish it


def listed_by(created_at: dt.datetime, survey_time: dt.datetime) -> bool:
    """Tell whether a crawl had to be listed by a survey: it was recorded before.

    The API records a crawl once scrapyd has taken it, so a survey taken after lists it.
    """
    return utc_naive(created_at) < survey_time


class Conductor(threading.Thread):
    """Run ``conduct`` every ``interval`` seconds until stopped."""

    def __init__(self, app: Flask, interval: float) -> None:
        super().__init__(name="leadcrawl-conductor", daemon=True)
        self.app, self.interval = app, interval
        self.stopped = threading.Event()
        self.down: set[str] = set()  # nodes that did not answer last round

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            with self.app.app_context():
                try:
                    conduct(self.app, self.down)
                except Exception:  # a round that fails must not stop the next
                    logger.exception("conductor round failed")

    def stop(self) -> None:
        self.stopped.set()
        self.join(10)
