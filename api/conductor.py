"""The conductor: keeps each job's crawl processes running on the scrapyd nodes.

It starts a job's crawls, tops them up while work remains, and ends jobs no crawl can
finish. Work is claimed, not assigned (decision 005): each crawl claims batches of sites
under a lease. The conductor keeps ``CRAWLS_PER_JOB`` crawls alive per job, each on the
node with the fewest runs (``daemonstatus.json``); a crawl that died leaves its batches
to expire and be claimed again by one it starts. One conductor runs per deployment
(``leadcrawl serve`` runs it in a thread); its decisions are idempotent.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from flask import Flask
from sqlalchemy import select, update

from api.db import db
from api.scrapyd import Scrapyd, ScrapydError
from crawler.jobstore import JobStore, job_batches, job_crawls, jobs, now

logger = logging.getLogger(__name__)


def nodes(app: Flask) -> list[Scrapyd]:
    project = app.config["SCRAPYD_PROJECT"]
    return [Scrapyd(url, project) for url in app.config["SCRAPYD_NODES"]]


def node_of(app: Flask, url: str) -> Scrapyd:
    return Scrapyd(url, app.config["SCRAPYD_PROJECT"])


def least_busy(app: Flask) -> Scrapyd:
    """Return the reachable node with the fewest runs, pending or running."""
    loads = []
    for node in nodes(app):
        try:
            loads.append((node.load(), node.url, node))
        except ScrapydError:
            continue  # down: the others take the work
    if not loads:
        raise ScrapydError("no scrapyd node answers")
    return min(loads)[2]


def start_crawls(app: Flask, job: Any, count: int) -> int:
    """Start up to ``count`` crawls of ``job``; return how many started."""
    started = 0
    for _ in range(count):
        node = least_busy(app)
        crawl_id = f"{job.id.replace('-', '')}-{now().strftime('%H%M%S%f')}"
        arguments = {"job": job.id, **({"mode": job.mode} if job.mode else {})}
        node.schedule(job.job_type, crawl_id, **arguments)
        db.session.execute(
            job_crawls.insert().values(
                crawl_id=crawl_id, job_id=job.id, node=node.url, created_at=now()
            )
        )
        db.session.commit()
        started += 1
    return started


def wanted(app: Flask, job_id: str) -> int:
    """Crawls a job should have: CRAWLS_PER_JOB, fewer for a job of fewer batches."""
    batches = db.session.execute(
        select(job_batches.c.batch).where(job_batches.c.job_id == job_id)
    ).all()
    return max(1, min(int(app.config["CRAWLS_PER_JOB"]), len(batches)))


def conduct(app: Flask) -> None:
    """One round over the unfinished jobs (in an application context)."""
    for job in db.session.execute(
        select(jobs).where(jobs.c.status.in_(("pending", "running")))
    ).all():
        try:
            conduct_job(app, job)
        except ScrapydError as error:
            logger.warning("job %s: %s", job.id, error)
        finally:
            db.session.rollback()


def conduct_job(app: Flask, job: Any) -> None:
    crawls = db.session.execute(
        select(job_crawls).where(job_crawls.c.job_id == job.id)
    ).all()
    if not crawls:
        return  # never started (its creation ended it, or it is being created)
    live = 0
    for crawl in (c for c in crawls if not c.ended):
        try:
            state = node_of(app, crawl.node).state(crawl.crawl_id)
        except ScrapydError:
            state = None  # its node is down: its batches expire, others take them
        if state in ("pending", "running"):
            live += 1
        elif state == "finished":
            db.session.execute(
                update(job_crawls)
                .where(job_crawls.c.crawl_id == crawl.crawl_id)
                .values(ended=True)
            )
            db.session.commit()
    store = JobStore(db.engine, job.id, "conductor")
    waiting, held = store.work_left()
    if waiting and live < wanted(app, job.id):
        start_crawls(app, job, min(waiting, wanted(app, job.id) - live))
    elif not waiting and not held and not live:
        store.finish("conductor")  # done, or error: nothing left can finish it


class Conductor(threading.Thread):
    """Run ``conduct`` every ``interval`` seconds until stopped."""

    def __init__(self, app: Flask, interval: float) -> None:
        super().__init__(name="leadcrawl-conductor", daemon=True)
        self.app, self.interval = app, interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            with self.app.app_context():
                try:
                    conduct(self.app)
                except Exception:  # a round that fails must not stop the next
                    logger.exception("conductor round failed")

    def stop(self) -> None:
        self.stopped.set()
        self.join(10)
