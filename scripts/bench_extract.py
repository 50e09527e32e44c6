"""Print how fast ``extract_emails`` reads pages (figures only; nothing is asserted).

Baselines measured in the same run: parsing alone (``lxml`` through parsel, the floor
any tree-based extractor pays) and one regex over the raw HTML (what naive tools do).

    python scripts/bench_extract.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from parsel import Selector

from crawler.extract import extract_emails, reject_reason
from crawler.extract.domains import registrable_domain
from crawler.extract.text import fold

PAGES = Path(__file__).parents[1] / "tests" / "data" / "pages"
NAIVE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def clear_caches() -> None:
    """Forget memoised results, so each run pays what a page of a new site pays."""
    for cached in (reject_reason, registrable_domain, fold):
        cached.cache_clear()


def timed(function: Callable[[], object], repeat: int) -> float:
    """Return the median time of one cold call, in milliseconds."""
    samples = []
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def hundred_kb_page(pages: list[tuple[str, str]]) -> str:
    """Build a ~100 KB page from the corpus's bodies: real markup, several addresses."""
    bodies = [html.split("<body", 1)[-1] for html, _ in pages]
    body = ""
    while len(body) < 100_000:
        body += bodies[len(body) % len(bodies)]
    return f"<html><head><title>x</title></head><body{body[:100_000]}</body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    cases = sorted(PAGES.glob("*/input.html"))
    pages = [
        (p.read_text(encoding="utf-8"), (p.parent / "url.txt").read_text().strip())
        for p in cases
    ]
    if not pages:
        raise SystemExit(f"no pages under {PAGES}")
    print(
        f"golden corpus: {len(pages)} pages, {sum(len(h) for h, _ in pages) // 1024} KB"
    )
    rows = []
    for html, url in pages:
        rows.append(
            (
                len(html),
                timed(lambda h=html, u=url: extract_emails(h, u), args.repeat),
                timed(lambda h=html: Selector(text=h), args.repeat),
                timed(lambda h=html: NAIVE.findall(h), args.repeat),
            )
        )
    total = [sum(column) for column in zip(*rows, strict=True)]
    print(
        f"  extract_emails: {total[1] / len(rows):.2f} ms/page "
        f"({len(rows) / total[1] * 1000:.0f} pages/s), "
        f"{total[1] / total[2]:.2f}x parse-only, {total[1] / total[3]:.1f}x raw regex"
    )
    largest = max(rows)
    print(f"  largest page ({largest[0] // 1024} KB): {largest[1]:.2f} ms")
    big = hundred_kb_page(pages)
    url = "http://www.example-bakery.fr/"
    extract_ms = timed(lambda: extract_emails(big, url), args.repeat)
    parse_ms = timed(lambda: Selector(text=big), args.repeat)
    regex_ms = timed(lambda: NAIVE.findall(big), args.repeat)
    print(
        f"100 KB page ({len(big) // 1024} KB, "
        f"{len(extract_emails(big, url))} sightings):"
    )
    print(f"  extract_emails: {extract_ms:.2f} ms  (target: well under 10 ms)")
    print(
        f"  parse only:     {parse_ms:.2f} ms  -> extraction is "
        f"{extract_ms / parse_ms:.2f}x parsing"
    )
    print(f"  raw regex:      {regex_ms:.2f} ms  (baseline; no evidence, no filtering)")


if __name__ == "__main__":
    main()
