"""``make eval``: crawl the fixture farm with both spiders and score them against truth.

Prints, per column, precision, recall and accuracy; addresses output that the site never
wrote (invented) or that a rejection rule names; statuses; missing POIs; every mismatch.
Then deep mode (``emails -a mode=deep``) over the same farm: its accuracy on every site,
the deep-only sites it finds, and any answer normal mode had right that it changed.
Figures only: the targets are printed next to them, never asserted here.

    python -m tests.farm.evaluate [--sites DIR]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.extract import reject_reason
from crawler.extract.deobfuscate import decode_cfemail
from tests.farm.faults import SiteFaults
from tests.farm.server import SITES, serve

REPO = Path(__file__).parents[2]
KEY = "_farm_site"  # added to each POI so rows find their truth; kept by the product
STATS = "_crawl_stats"  # the crawl's counters, read from its log
SOCIALS = tuple(
    f"social_{n}"
    for n in ("facebook", "instagram", "linkedin", "twitter", "tiktok", "youtube")
)
TARGETS = {"email": 0.95, "email_personal": 0.95}


@dataclass
class Score:
    """Counts for one column: output vs truth, over the POIs scored."""

    right: int = 0
    total: int = 0
    output: int = 0  # non-empty values output
    output_right: int = 0
    expected: int = 0  # non-empty values expected
    mismatches: list[str] = field(default_factory=list)

    def add(self, site: str, got: object, want: object) -> None:
        self.total += 1
        self.right += got == want
        self.output += got is not None
        self.output_right += got is not None and got == want
        self.expected += want is not None
        if got != want:
            self.mismatches.append(f"{site}: got {got!r}, expected {want!r}")

    def line(self, name: str) -> str:
        precision = self.output_right / self.output if self.output else 1.0
        recall = self.output_right / self.expected if self.expected else 1.0
        accuracy = self.right / self.total if self.total else 1.0
        target = (
            f"  (target accuracy >= {TARGETS[name]:.0%})" if name in TARGETS else ""
        )
        return (
            f"{name:18} accuracy {accuracy:6.1%}  precision {precision:6.1%}  "
            f"recall {recall:6.1%}  [{self.right}/{self.total}]{target}"
        )


def load_truth(sites: Path) -> dict[str, dict]:
    return {
        folder.name: json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        for folder in sorted(sites.iterdir())
        if (folder / "truth.json").is_file()
    }


def crawl(
    spider: str, pois: Path, proxy: str, workdir: Path, *arguments: str
) -> dict[str, dict]:
    output = workdir / f"{spider}{'-'.join(arguments)}.jsonl"
    log = workdir / f"{spider}{'-'.join(arguments)}.log"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            spider,
            "-a",
            f"input={pois}",
            "-O",
            str(output),
            "-s",
            "LOG_LEVEL=INFO",
            "--logfile",
            str(log),
            *arguments,
        ],
        cwd=REPO,
        env=dict(os.environ, http_proxy=proxy, https_proxy=proxy, no_proxy=""),
        check=True,
    )
    rows = (
        json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()
    )
    stats = dict(
        re.findall(
            r"'(leadcrawl/[\w/]+|response_received_count|elapsed_time_seconds)': ([\d.]+)",
            log.read_text(encoding="utf-8"),
        )
    )
    return {row[KEY]: row for row in rows} | {STATS: stats}


def expected_statuses(expected: dict) -> tuple[str, str]:
    """Split the site's expected status into each spider's: ok means something found."""
    status = expected["expected_status"]
    if status not in ("ok", "no_candidate"):
        return status, status  # the site's fault, the same for both spiders
    email = expected["email"] is not None and expected.get(
        "reachable_in_normal_mode", True
    )
    social = any(expected[column] for column in SOCIALS)
    return ("ok" if email else "no_candidate"), ("ok" if social else "no_candidate")


def written_on(site: Path, address: str) -> bool:
    """Tell whether ``address`` is written in the site's files (decoded, any form).

    A site that redirects is read where it redirects to; Cloudflare's hex is decoded.
    """
    local, _, domain = address.partition("@")
    target = SiteFaults.of(site).redirect_to
    folders = (
        [site, site.parent / (urlsplit(target).hostname or "")] if target else [site]
    )
    for file in (f for folder in folders for f in folder.rglob("*") if f.is_file()):
        if file.suffix not in (".html", ".htm", ".xml", ".js", ".json", ""):
            continue
        raw = file.read_text(encoding="utf-8", errors="replace")
        hexes = re.findall(r"(?:data-cfemail=\"|email-protection#)([0-9a-fA-F]+)", raw)
        decoded = " ".join(filter(None, map(decode_cfemail, hexes)))
        text = (unquote(html.unescape(raw)) + " " + decoded).lower()
        if local in text and domain.split(".")[0] in text:
            return True
    return False


def evaluate(sites: Path, deep_settings: list[str]) -> None:
    truth = load_truth(sites)
    server = serve(sites=sites)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    proxy = f"http://127.0.0.1:{server.server_port}"
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        pois = workdir / "pois.jsonl"
        pois.write_text(
            "".join(
                json.dumps({**t["poi"], KEY: host}) + "\n" for host, t in truth.items()
            ),
            encoding="utf-8",
        )
        emails = crawl("emails", pois, proxy, workdir)
        socials = crawl("socials", pois, proxy, workdir)
        settings = [a for s in deep_settings for a in ("-s", s)]
        deep = crawl("emails", pois, proxy, workdir, "-a", "mode=deep", *settings)
    server.shutdown()
    report(sites, truth, emails, socials)
    report_deep(sites, truth, emails, deep)


def report(sites: Path, truth: dict[str, dict], emails: dict, socials: dict) -> None:
    scores = {name: Score() for name in ("email", "email_personal", *SOCIALS, "status")}
    invented, rejected, deep_only = [], [], []
    for host, expected in truth.items():
        row, social_row = emails.get(host), socials.get(host)
        if row is None or social_row is None:
            continue
        if not expected.get("reachable_in_normal_mode", True):
            deep_only.append(
                f"{host}: got {row['email']!r}, deep mode's {expected['email']!r}"
            )
        else:
            for column in ("email", "email_personal"):
                scores[column].add(host, row[column], expected[column])
        for column in SOCIALS:
            scores[column].add(host, social_row[column], expected[column])
        if "expected_status" in expected:
            email_status, social_status = expected_statuses(expected)
            scores["status"].add(host, row["status"], email_status)
            scores["status"].add(host, social_row["status"], social_status)
        for address in row["email_candidates"] or []:
            if not written_on(sites / host, address):
                invented.append(f"{host}: {address}")
            if reject_reason(address) is not None:
                rejected.append(f"{host}: {address} ({reject_reason(address)})")
    social = Score()
    for column in SOCIALS:
        for field_name in ("right", "total", "output", "output_right", "expected"):
            setattr(
                social,
                field_name,
                getattr(social, field_name) + getattr(scores[column], field_name),
            )
    missing = sorted(set(truth) - set(emails)) + sorted(set(truth) - set(socials))
    print(f"\nfarm: {len(truth)} sites, {len(deep_only)} only reachable in deep mode\n")
    for name in ("email", "email_personal", "status"):
        print(scores[name].line(name))
    print(
        social.line("socials (6 cols)") + "  (targets: precision >= 99%, recall >= 95%)"
    )
    for column in SOCIALS:
        print("  " + scores[column].line(column))
    print(f"\ninvented addresses: {len(invented)}  (target 0)", *invented, sep="\n  ")
    print(
        f"rejected-kind addresses: {len(rejected)}  (target 0)", *rejected, sep="\n  "
    )
    print(f"missing POIs: {len(missing)}", *missing, sep="\n  ")
    print("\nmismatches:")
    for name, score in scores.items():
        for mismatch in score.mismatches:
            print(f"  {name:16} {mismatch}")
    print("\ndeep-mode cases (not scored in normal mode):", *deep_only, sep="\n  ")


def report_deep(sites: Path, truth: dict[str, dict], normal: dict, deep: dict) -> None:
    """Score deep mode on every site, and list what changed from normal mode.

    What it found that normal mode could not; every answer normal mode had right that
    deep mode changed (target: none).
    """
    scores = {name: Score() for name in ("email", "email_personal")}
    found, changed, invented = [], [], []
    for host, expected in truth.items():
        row, before = deep.get(host), normal.get(host)
        if row is None or before is None:
            continue
        for column in scores:
            scores[column].add(host, row[column], expected[column])
        right = all(row[c] == expected[c] for c in scores)
        if not expected.get("reachable_in_normal_mode", True):
            found.append(f"{'found ' if right else 'MISSED'} {host}: {row['email']!r}")
        elif all(before[c] == expected[c] for c in scores) and not right:
            changed.append(f"{host}: {before['email']!r} -> {row['email']!r}")
        scripted = set(expected.get("written_by_script", []))
        for address in row["email_candidates"] or []:
            if address not in scripted and not written_on(sites / host, address):
                invented.append(f"{host}: {address}")
    stats = deep.get(STATS, {})
    pages = int(stats.get("response_received_count", 0))
    rendered = int(stats.get("leadcrawl/rendered_pages", 0))
    seconds = float(stats.get("elapsed_time_seconds", 0))
    print(f"\ndeep mode ({len(truth)} sites):")
    for name, score in scores.items():
        print(score.line(name))
    print(
        f"deep-only sites found: {sum(f.startswith('found') for f in found)}"
        f"/{len(found)}",
        *found,
        sep="\n  ",
    )
    print(
        f"normal-mode answers changed: {len(changed)}  (target 0)", *changed, sep="\n  "
    )
    print(f"invented addresses: {len(invented)}  (target 0)", *invented, sep="\n  ")
    print(
        f"pages downloaded {pages}, rendered in Chromium {rendered}"
        f" ({rendered / max(pages - rendered, 1):.0%} of the pages read statically),"
        f" crawl {seconds:.1f} s"
    )
    for key, value in sorted(stats.items()):
        if key.startswith("leadcrawl/render"):
            print(f"  {key.removeprefix('leadcrawl/')}: {value}")
    print("\nmismatches:")
    for name, score in scores.items():
        for mismatch in score.mismatches:
            print(f"  {name:16} {mismatch}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sites", type=Path, default=SITES)
    parser.add_argument(
        "-s",
        "--deep-setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting for the deep crawl (e.g. LEADCRAWL_RENDER_ALL_PAGES=True)",
    )
    args = parser.parse_args()
    evaluate(args.sites, args.deep_setting)


if __name__ == "__main__":
    main()
