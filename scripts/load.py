"""``make load``: concurrent job creations, then concurrent SSE watchers (figures only).

Against ``leadcrawl serve`` (``make run``'s stack), started here on free ports with a
temporary var dir, SQLite, and the farm's generated sites as the web; or against a
running service (``--url`` and ``--key``). Phase 1: ``--jobs`` emails jobs created at
once, ``--pois`` farm POIs each. Phase 2: ``--watchers`` streams of
``/api/jobs/<id>/events`` spread over those jobs, each read to its final event, and
``--reads`` ordinary ``GET /api/jobs/<id>`` timed while the streams are open. Printed:
latency percentiles per phase and every error (zero expected). Nothing is asserted.

gunicorn runs gthread, ``--workers`` processes x ``--threads`` threads (api/service.py,
LEADCRAWL_API_THREADS), and an SSE client holds a thread while its stream lasts: the
output says how many threads there were, so a starved API shows as such.

    python -m scripts.load [--jobs 50] [--watchers 200] [--pois 3] [--workers 2]
                           [--threads 128]
    python -m scripts.load --url http://127.0.0.1:8000 --key "$(cat var/api-key)"

With ``--url`` the POIs are still the farm's names (``*.bench-farm.fr``): the service's
crawls reach them only if its ``LEADCRAWL_HTTP_PROXY`` is a farm serving them; otherwise
they try the real names, and their rows end unreachable.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.farm.generate import generate
from tests.support import DIRECT, Service, running_farm

FINAL = ("done", "error", "cancelled")


@dataclass
class Call:
    """One request's outcome: seconds taken, HTTP status (0: none), error if any."""

    seconds: float = 0.0
    status: int = 0
    error: str | None = None
    job_id: str | None = None
    response: float | None = None  # SSE: seconds to the response's headers
    first_event: float | None = None  # SSE: seconds to the first event
    end: str | None = None  # SSE: the final event's kind


def request(url: str, key: str, body: object = None) -> urllib.request.Request:
    return urllib.request.Request(  # noqa: S310 (http(s): main checks --url)
        url,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )


def timed(call: Call, action: Callable[[Call], None]) -> None:
    """Run ``action``, recording its duration, and any failure as ``call.error``."""
    start = time.monotonic()
    try:
        action(call)
    except urllib.error.HTTPError as error:
        call.status, call.error = (
            error.code,
            f"HTTP {error.code}: {error.read()[:200]!r}",
        )
    except OSError as error:  # refused, reset, timed out
        call.error = f"{type(error).__name__}: {error}"
    call.seconds = time.monotonic() - start


def create_job(
    args: argparse.Namespace, pois: list[dict[str, str]], call: Call
) -> None:
    with DIRECT.open(
        request(f"{args.url}/api/jobs/emails", args.key, {"items": pois}),
        timeout=args.timeout,
    ) as answer:
        call.status, call.job_id = answer.status, json.load(answer)["id"]


def watch(args: argparse.Namespace, job_id: str, call: Call) -> None:
    """Read the job's SSE stream until its final event."""
    start = time.monotonic()
    with DIRECT.open(
        request(f"{args.url}/api/jobs/{job_id}/events", args.key), timeout=args.timeout
    ) as stream:
        call.status, call.response = stream.status, time.monotonic() - start
        for raw in stream:
            line = raw.decode().strip()
            if not line.startswith("event: "):
                continue
            if call.first_event is None:
                call.first_event = time.monotonic() - start
            if line[7:] in FINAL:
                call.end = line[7:]
                return
    call.error = "the stream closed before a final event"


def read_job(args: argparse.Namespace, job_id: str, call: Call) -> None:
    with DIRECT.open(
        request(f"{args.url}/api/jobs/{job_id}", args.key), timeout=args.timeout
    ) as answer:
        call.status = answer.status
        answer.read()


def at_once(actions: list[Callable[[], None]], spacing: float = 0.0) -> float:
    """Run each action in its own thread, released together (or ``spacing`` apart)."""
    gate = threading.Barrier(len(actions) + 1)

    def run(n: int, action: Callable[[], None]) -> None:
        gate.wait()
        time.sleep(n * spacing)
        action()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(actions)]
    for thread in threads:
        thread.start()
    gate.wait()
    start = time.monotonic()
    for thread in threads:
        thread.join()
    return time.monotonic() - start


def percentiles(values: list[float]) -> str:
    if not values:
        return "none"
    ordered = sorted(values)

    def rank(p: float) -> float:  # nearest rank
        return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered)) - 1))]

    return (
        f"p50 {rank(0.5):6.2f} s  p90 {rank(0.9):6.2f} s  p99 {rank(0.99):6.2f} s  "
        f"max {ordered[-1]:6.2f} s  (n={len(values)})"
    )


def statuses(calls: list[Call]) -> str:
    counts = Counter(call.status or "no answer" for call in calls)
    return ", ".join(f"{status} x{n}" for status, n in sorted(counts.items(), key=str))


def phases(args: argparse.Namespace, pois: list[dict[str, str]]) -> int:
    """Run both phases; print their figures; return the number of errors."""
    created = [Call() for _ in range(args.jobs)]
    batches = [pois[n * args.pois : (n + 1) * args.pois] for n in range(args.jobs)]
    wall = at_once(
        [
            lambda c=c, b=b: timed(c, lambda c: create_job(args, b, c))
            for c, b in zip(created, batches, strict=True)
        ]
    )
    print(f"\nphase 1: {args.jobs} x POST /api/jobs/emails at once ({wall:.1f} s)")
    print(f"  status   {statuses(created)}")
    print(f"  latency  {percentiles([c.seconds for c in created])}")
    jobs = [c.job_id for c in created if c.job_id]
    errors = [c.error for c in created if c.error]
    if not jobs:
        for error, n in Counter(errors).most_common(10):
            print(f"  error x{n}: {error}")
        return len(errors)
    watchers = [Call(job_id=jobs[n % len(jobs)]) for n in range(args.watchers)]
    reads = [Call(job_id=jobs[n % len(jobs)]) for n in range(args.reads)]
    actions: list[Callable[[], None]] = [
        lambda c=c: timed(c, lambda c: watch(args, c.job_id or "", c)) for c in watchers
    ]
    actions.append(
        lambda: at_once(  # after the streams open, spread over a few seconds
            [
                lambda c=c: timed(c, lambda c: read_job(args, c.job_id or "", c))
                for c in reads
            ],
            spacing=args.read_spacing,
        )
    )
    wall = at_once(actions)
    ends = Counter(c.end for c in watchers if c.end)
    print(
        f"\nphase 2: {args.watchers} SSE watchers over {len(jobs)} jobs, "
        f"{args.reads} GET /api/jobs/<id> meanwhile ({wall:.1f} s until the last end)"
    )
    print(f"  status               {statuses(watchers)}")
    print(
        f"  final event          {sum(ends.values())}/{args.watchers} "
        f"({', '.join(f'{k} x{n}' for k, n in sorted(ends.items())) or 'none'})"
    )
    print(
        f"  time to response     "
        f"{percentiles([c.response for c in watchers if c.response is not None])}"
    )
    print(
        f"  time to first event  "
        f"{percentiles([c.first_event for c in watchers if c.first_event is not None])}"
    )
    print(f"  stream until end     {percentiles([c.seconds for c in watchers])}")
    print(f"  GET /api/jobs/<id>   {statuses(reads)}")
    print(f"  GET latency          {percentiles([c.seconds for c in reads])}")
    errors += [c.error for c in watchers + reads if c.error]
    for error, n in Counter(errors).most_common(10):
        print(f"  error x{n}: {error}")
    return len(errors)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jobs", type=int, default=50)
    parser.add_argument("--watchers", type=int, default=200)
    parser.add_argument("--pois", type=int, default=3, help="POIs per job")
    parser.add_argument("--reads", type=int, default=20, help="GETs during phase 2")
    parser.add_argument("--read-spacing", type=float, default=0.5, help="seconds")
    parser.add_argument("--timeout", type=float, default=600, help="per request")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn processes")
    parser.add_argument(
        "--threads", type=int, default=128, help="threads per gunicorn process"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--url", help="a running service (else one is started)")
    parser.add_argument("--key", help="its API key (with --url)")
    args = parser.parse_args()
    if args.url and (not args.key or not args.url.startswith(("http://", "https://"))):
        parser.error("--url takes the service's http(s) URL, and needs --key")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pois = generate(root / "sites", args.jobs * args.pois, args.seed)
        if args.url:
            print(f"service: {args.url} (given; its workers and limits are its own)")
            errors = phases(args, pois)
        else:
            errors = with_service(args, root, pois)
    print(f"\nerrors: {errors}")


def with_service(
    args: argparse.Namespace, root: Path, pois: list[dict[str, str]]
) -> int:
    """Start the farm and ``leadcrawl serve`` for the run; stop them after."""
    with running_farm(root / "sites") as proxy:
        rate = max(30, 2 * args.jobs)  # the default 30 a minute would refuse some jobs
        service = Service(
            root / "var",
            {
                "LEADCRAWL_DATABASE_URL": f"sqlite:///{root}/var/leadcrawl.db",
                "LEADCRAWL_HTTP_PROXY": proxy,
                "LEADCRAWL_RATE_LIMIT": str(rate),
                "LEADCRAWL_API_THREADS": str(args.threads),
            },
            workers=args.workers,
        )
        service.start()
        args.url, args.key = service.url, service.key
        print(
            f"service: leadcrawl serve at {service.url}, started here: gunicorn "
            f"gthread {args.workers} workers x {args.threads} threads = "
            f"{args.workers * args.threads} "
            f"requests at once; SQLite; local scrapyd (one crawl per core); "
            f"LEADCRAWL_RATE_LIMIT={rate} (default 30); account ceiling: none; "
            f"{args.jobs * args.pois} farm sites (seed {args.seed}) via {proxy}"
        )
        try:
            return phases(args, pois)
        finally:
            service.stop()


if __name__ == "__main__":
    main()
