"""``make bench``: crawl N synthetic sites with each spider and a bare one, print figures.

For 2,000 and 10,000 generated sites (latency 50-500 ms, a few % of hangs, 5xx, resets
and dead sites), in the same run: a bare spider fetching the same pages, then ``emails``
and ``socials``. Printed per run: wall time, sites/s, pages/s, CPU seconds per page,
peak RSS, rows out, and pages/s as a ratio of the bare spider's.

Deep mode (``--deep-sites 200``): generated sites that a normal run leaves empty
(``generate --deep``), crawled in normal mode, then in deep mode with Chromium: pages/s,
pages rendered per second, and the peak memory of the crawler and its browser processes
together (summed proportional set size, sampled every 0.2 s), plus rows with an address.
Nothing is asserted.

    python -m tests.farm.bench [--sites 2000 10000] [--deep-sites 200] [--seed 7]
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.farm.generate import generate
from tests.support import running_farm

REPO = Path(__file__).parents[2]
PAGES = ("", "contact/", "mentions-legales/")  # what each generated site links


@dataclass
class Run:
    name: str
    wall: float
    cpu: float
    stats: dict[str, object]
    rows: int

    @property
    def pages(self) -> int:
        return int(self.stats.get("response_received_count", 0))  # type: ignore[call-overload]

    def line(self, sites: int, bare: Run | None, versus: str = "bare") -> str:
        """One row of figures; the ratio is of pages/s against ``bare``'s."""
        rss = int(self.stats.get("memusage/max", 0)) / 2**20  # type: ignore[call-overload]
        rate = self.pages / self.wall
        ratio = (
            f"{rate / (bare.pages / bare.wall):5.2f}x {versus}"
            if bare
            else "   baseline"
        )
        return (
            f"{self.name:8} {self.wall:7.1f} s  {sites / self.wall:6.1f} sites/s  "
            f"{rate:6.1f} pages/s  {self.cpu / max(self.pages, 1) * 1000:5.2f} ms CPU/page  "
            f"peak {rss:5.0f} MB  rows {self.rows:6d}  {ratio}"
        )


class TreeMemory(threading.Thread):
    """Sample the memory of a process and all its descendants; keep the peak sum.

    The descendants of a deep crawl: its Playwright drivers and Chromium's processes.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_pss, self.peak_rss, self.peak_processes = pid, 0, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            tree = descendants(self.pid) | {self.pid}
            pss = sum(_kb(p, "smaps_rollup", "Pss:") for p in tree)
            rss = sum(_kb(p, "status", "VmRSS:") for p in tree)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_processes = max(self.peak_processes, len(tree))


def descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # the process ended meanwhile
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _kb(pid: int, name: str, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass  # gone, or not ours to read
    return 0


def crawl(
    name: str, args: list[str], proxy: str, output: Path | None
) -> tuple[Run, TreeMemory]:
    command = [sys.executable, "-m", "scrapy", *args, "-s", "LOG_LEVEL=INFO"]
    if output is not None:
        command += ["-O", str(output)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=dict(os.environ, http_proxy=proxy, https_proxy=proxy, no_proxy=""),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    memory = TreeMemory(process.pid)
    memory.start()
    _, log = process.communicate()
    memory.done.set()
    if process.returncode:
        raise SystemExit(f"{name} failed:\n{log[-3000:]}")
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rows = sum(1 for _ in output.open()) if output is not None else 0
    return Run(name, wall, cpu, _stats(log), rows), memory


def _stats(log: str) -> dict[str, object]:
    """Read the stats Scrapy dumps at close (a Python dict literal, datetimes aside)."""
    dump = log.rpartition("Dumping Scrapy stats:\n")[2]
    dump = dump[: dump.index("}") + 1]
    dump = re.sub(r"datetime\.datetime\([^)]*\)", "None", dump)
    return ast.literal_eval(dump)  # type: ignore[no-any-return]


def bench(count: int, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pois = generate(root / "sites", count, seed)
        poi_file, url_file = root / "pois.jsonl", root / "urls.txt"
        poi_file.write_text(
            "".join(
                f'{{"nom": "{p["nom"]}", "site_web": "{p["site_web"]}"}}\n'
                for p in pois
            )
        )
        url_file.write_text(
            "".join(f"http://{p['site_web']}/{page}\n" for p in pois for page in PAGES)
        )
        with running_farm(root / "sites") as proxy:
            print(f"\n{count} sites (seed {seed}), farm {proxy}")
            bare, _ = crawl(
                "bare",
                [
                    "runspider",
                    str(Path(__file__).with_name("bare_spider.py")),
                    "-a",
                    f"urls={url_file}",
                ],
                proxy,
                None,
            )
            print(bare.line(count, None))
            for spider in ("emails", "socials"):
                run, _ = crawl(
                    spider,
                    ["crawl", spider, "-a", f"input={poi_file}"],
                    proxy,
                    root / f"{spider}.jsonl",
                )
                print(run.line(count, bare))


def bench_deep(count: int, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pois = generate(root / "sites", count, seed, deep=True)
        poi_file = root / "pois.jsonl"
        poi_file.write_text(
            "".join(
                f'{{"nom": "{p["nom"]}", "site_web": "{p["site_web"]}"}}\n'
                for p in pois
            )
        )
        with running_farm(root / "sites") as proxy:
            print(f"\n{count} sites for deep mode (seed {seed}), farm {proxy}")
            for name, extra in (("normal", []), ("deep", ["-a", "mode=deep"])):
                output = root / f"{name}.jsonl"
                run, memory = crawl(
                    name,
                    ["crawl", "emails", "-a", f"input={poi_file}", *extra],
                    proxy,
                    output,
                )
                rendered = int(run.stats.get("leadcrawl/rendered_pages", 0))  # type: ignore[call-overload]
                found = sum('"email": "' in line for line in output.open())
                print(
                    f"{name:8} {run.wall:7.1f} s  {run.pages / run.wall:6.1f} pages/s  "
                    f"{rendered / run.wall:5.1f} rendered/s ({rendered} pages)  "
                    f"crawler+browser peak {memory.peak_pss / 1024:5.0f} MB PSS "
                    f"({memory.peak_rss / 1024:5.0f} MB RSS summed, "
                    f"{memory.peak_processes} processes)  "
                    f"rows {run.rows} ({found} with an address)"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sites", type=int, nargs="*", default=[2000, 10000])
    parser.add_argument("--deep-sites", type=int, nargs="*", default=[200])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for count in args.sites:
        bench(count, args.seed)
    for count in args.deep_sites:
        bench_deep(count, args.seed)


if __name__ == "__main__":
    main()
