"""``make bench``: one N-POI job through the API on one crawl process, two, two nodes.

The same emails job (``--pois`` generated sites: bench.py's farm and seed) is created
over HTTP on ``leadcrawl serve`` (the API and its conductor), with a throwaway PostgreSQL
and scrapyd nodes of our own, in three set-ups:

- ``1 proc``: one node, one crawl (``LEADCRAWL_CRAWLS_PER_JOB=1``, ``max_proc = 1``);
- ``2 procs``: one node, two crawls (``LEADCRAWL_CRAWLS_PER_JOB=2``, ``max_proc = 2``);
- ``2 nodes``: two scrapyd nodes on two loopback ports, one crawl each (``max_proc = 1``
  each; the conductor puts each crawl on the node with the fewest runs).

Printed per set-up: the wall time from the job's creation (its POST) to ``done`` (seen
by polling ``GET /api/jobs/<id>`` every 0.5 s), the crawls per node, then bench.py's
figures: pages/s from the crawls' logs, CPU per page (crawls and scrapyd), the crawls'
peak memory summed, rows; then each set-up's speedup over one process. The two nodes
share this machine's cores: they show the work spreading over nodes, not what a second
machine adds. Nothing is asserted.

    python -m tests.farm.bench_jobs [--pois 10000] [--seed 7] [--setups one two nodes]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, select, text

from crawler.jobstore import job_crawls, jobs
from tests.farm.bench import Run, _stats
from tests.farm.generate import generate
from tests.support import (
    DIRECT,
    ScrapydNode,
    Service,
    ThrowawayPostgres,
    running_farm,
)

FINAL = ("done", "error", "cancelled")


@dataclass(frozen=True, slots=True)
class Setup:
    name: str
    nodes: int
    crawls_per_job: int  # LEADCRAWL_CRAWLS_PER_JOB
    max_proc: int  # each node's scrapyd max_proc


SETUPS = {
    "one": Setup("1 proc", 1, 1, 1),
    "two": Setup("2 procs", 1, 2, 2),
    "nodes": Setup("2 nodes", 2, 2, 1),
}


def fresh_database(cluster: ThrowawayPostgres, name: str) -> str:
    """Create an empty database in the cluster: each set-up starts from nothing."""
    engine = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    with engine.connect() as db:
        db.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return cluster.url.rpartition("/")[0] + f"/{name}"


def crawl_starts(database: str, job_id: str) -> str:
    """Say where and when (seconds after the job's creation) its crawls were started."""
    engine = create_engine(database)
    with engine.connect() as db:
        created = db.execute(
            select(jobs.c.created_at).where(jobs.c.id == job_id)
        ).scalar_one()
        crawls = db.execute(
            select(job_crawls.c.node, job_crawls.c.created_at)
            .where(job_crawls.c.job_id == job_id)
            .order_by(job_crawls.c.created_at)
        ).all()
    engine.dispose()
    return ", ".join(
        f"+{(at - created).total_seconds():.1f} s on :{node.rpartition(':')[2]}"
        for node, at in crawls
    )


def idle(nodes: list[ScrapydNode], seconds: float = 60) -> None:
    """Wait until the nodes run nothing: the last crawl has written its stats."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        loads = []
        for node in nodes:
            with DIRECT.open(node.url + "/daemonstatus.json", timeout=10) as answer:
                status = json.load(answer)
            loads.append(status["pending"] + status["running"])
        if not any(loads):
            return
        time.sleep(0.2)


def run_setup(
    key: str,
    pois: list[dict[str, str]],
    farm: str,
    cluster: ThrowawayPostgres,
    root: Path,
) -> Run:
    setup = SETUPS[key]
    database = fresh_database(cluster, f"bench_{key}")
    crawl_env = {
        "LEADCRAWL_DATABASE_URL": database,
        "http_proxy": farm,
        "https_proxy": farm,
        "no_proxy": "",
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    nodes = [
        ScrapydNode(root / f"{key}-node{n}", crawl_env, setup.max_proc)
        for n in range(setup.nodes)
    ]
    service = Service(
        root / f"{key}-var",
        {
            "LEADCRAWL_DATABASE_URL": database,
            "LEADCRAWL_SCRAPYD_NODES": ",".join(node.url for node in nodes),
            "LEADCRAWL_CRAWLS_PER_JOB": str(setup.crawls_per_job),
            "LEADCRAWL_CONDUCTOR_INTERVAL": "0.5",
        },
    )
    service.start()
    try:
        start = time.monotonic()
        job = service.call("/api/jobs/emails", {"items": pois}, timeout=120)
        created = time.monotonic() - start
        while job["status"] not in FINAL:
            time.sleep(0.5)
            job = service.call(f"/api/jobs/{job['id']}", timeout=120)
        wall = time.monotonic() - start
        idle(nodes)
    finally:
        for node in nodes:
            node.stop()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the nodes and crawls
        service.stop()
    logs = [node.logs() for node in nodes]
    stats: dict[str, object] = {"response_received_count": 0, "memusage/max": 0}
    shares = []  # pages per crawl: how the batches spread
    for log in (log for node_logs in logs for log in node_logs):
        if "Dumping Scrapy stats" not in (logged := log.read_text()):
            print(f"  {log.name}: no stats (the crawl did not close)")
            continue
        crawl = _stats(logged)
        shares.append(int(crawl.get("response_received_count", 0)))  # type: ignore[call-overload]
        for name in stats:  # memory: the crawls ran side by side, their peaks add up
            stats[name] = int(stats[name]) + int(crawl.get(name, 0))  # type: ignore[call-overload]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rows = sum(job["item_statuses"].values())
    print(
        f"{setup.name:8} job {job['status']} in {wall:6.1f} s (POST answered in "
        f"{created:4.1f} s); crawls per node: {[len(node_logs) for node_logs in logs]}"
    )
    print(f"         crawls started {crawl_starts(database, job['id'])}")
    print(f"         pages per crawl {shares}")
    return Run(setup.name, wall, cpu, stats, rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pois", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--setups", nargs="+", choices=list(SETUPS), default=list(SETUPS)
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pois = generate(root / "sites", args.pois, args.seed)
        with running_farm(root / "sites") as proxy:
            cluster = ThrowawayPostgres()
            cluster.start()
            try:
                print(
                    f"\none emails job of {args.pois} POIs (seed {args.seed}) through "
                    f"leadcrawl serve, PostgreSQL and scrapyd; farm {proxy}"
                )
                runs = [
                    run_setup(key, pois, proxy, cluster, root) for key in args.setups
                ]
                print("figures (pages/s, CPU of the crawls and scrapyd, summed peaks):")
                for run in runs:
                    print(
                        run.line(
                            args.pois,
                            runs[0] if run is not runs[0] else None,
                            versus=runs[0].name,
                        )
                    )
                for run in runs[1:]:
                    print(
                        f"wall {run.name} / {runs[0].name}: {run.wall / runs[0].wall:4.2f} "
                        f"(speedup {runs[0].wall / run.wall:4.2f}x)"
                    )
            finally:
                cluster.remove()


if __name__ == "__main__":
    main()
