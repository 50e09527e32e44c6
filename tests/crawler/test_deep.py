"""Deep mode end to end: ``scrapy crawl emails -a mode=deep`` in a real Chromium.

The whole fixture farm is crawled in deep mode, next to a normal run of the same list.

Needs a Chromium: ``make test`` installs one (scripts/install-chromium.sh).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from crawler.browser import chromium_path
from tests.farm.evaluate import KEY, load_truth
from tests.farm.server import SITES

REPO = Path(__file__).parents[2]
TRUTH = load_truth(SITES)
DEEP_ONLY = sorted(h for h, t in TRUTH.items() if not t["reachable_in_normal_mode"])
COLUMNS = ("email", "email_personal")


def crawl(
    farm: str,
    workdir: Path,
    *arguments: str,
    hosts: Iterable[str] = TRUTH,
    env: Mapping[str, str] | None = None,
) -> tuple[dict[str, dict], str]:
    source = workdir / "pois.jsonl"
    source.write_text(
        "".join(json.dumps({**TRUTH[h]["poi"], KEY: h}) + "\n" for h in hosts),
        encoding="utf-8",
    )
    output = workdir / "out.jsonl"
    run = subprocess.run(
        [
            *(
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "emails",
                "-a",
                f"input={source}",
            ),
            *("-O", str(output), "-s", "LOG_LEVEL=INFO", *arguments),
        ],
        cwd=REPO,
        env={
            **os.environ,
            "http_proxy": farm,
            "https_proxy": farm,
            "no_proxy": "",
            **(env or {}),
        },
        check=False,
        timeout=600,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    rows = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    return {row[KEY]: row for row in rows}, run.stderr


@pytest.fixture(scope="module")
def deep(farm, tmp_path_factory):
    assert chromium_path() or list(
        Path.home().glob(".cache/ms-playwright/chromium-*")
    ), (
        "deep mode needs a Chromium: run `make test` (it installs one) or "
        "`scripts/install-chromium.sh`, or set LEADCRAWL_CHROMIUM"
    )
    # a shorter render timeout: the farm's hung page waits for it, twice
    return crawl(
        farm,
        tmp_path_factory.mktemp("deep"),
        *("-a", "mode=deep", "-s", "LEADCRAWL_RENDER_TIMEOUT=8"),
    )


@pytest.fixture(scope="module")
def normal(farm, tmp_path_factory):
    return crawl(farm, tmp_path_factory.mktemp("normal"))


def answer(row: dict) -> tuple:
    return tuple(row[column] for column in COLUMNS)


def truth(host: str) -> tuple:
    return tuple(TRUTH[host][column] for column in COLUMNS)


def test_the_farm_has_each_kind_of_deep_only_site_three_times():
    kinds = [TRUTH[host]["deep_kind"] for host in DEEP_ONLY]
    assert {kind: kinds.count(kind) for kind in set(kinds)} == {
        kind: max(3, kinds.count(kind))
        for kind in ("script", "click", "sitemap", "depth")
    }


@pytest.mark.parametrize("host", DEEP_ONLY)
def test_deep_mode_finds_what_normal_mode_cannot(deep, normal, host):
    assert answer(normal[0][host]) != truth(host), "normal mode should miss it"
    assert answer(deep[0][host]) == truth(host), deep[0][host]["email_candidates"]
    assert deep[0][host]["status"] == "ok"


def test_deep_mode_keeps_every_answer_normal_mode_gets_right(deep, normal):
    right_before = [h for h in TRUTH if answer(normal[0][h]) == truth(h)]
    changed = {
        host: (answer(normal[0][host]), answer(deep[0][host]))
        for host in right_before
        if answer(deep[0][host]) != truth(host)
    }
    assert len(right_before) >= len(TRUTH) - len(DEEP_ONLY)
    assert changed == {}


def test_a_page_that_hangs_the_browser_is_given_up_and_loses_nothing(deep):
    rows, log = deep
    host = "www.patisserie-bouvier-lyon.fr"  # its contact page loops forever in JS
    assert answer(rows[host]) == truth(host)
    failures = re.search(r"'leadcrawl/render_failures': (\d+)", log)
    assert failures, "the hung render should have failed"
    assert int(failures.group(1)) == 2  # tried, then tried once more


def test_one_row_per_poi_with_its_columns_first(deep):
    rows, _ = deep
    assert sorted(rows) == sorted(TRUTH)
    for host, row in rows.items():
        assert list(row)[: len(TRUTH[host]["poi"])] == list(TRUTH[host]["poi"])


def test_only_deep_runs_start_the_browser(deep, normal):
    _, deep_log = deep
    _, normal_log = normal
    rendered = re.search(r"'leadcrawl/rendered_pages': (\d+)", deep_log)
    assert rendered, deep_log[-2000:]
    assert (
        0
        < int(rendered.group(1))
        < int(re.search(r"'response_received_count': (\d+)", deep_log).group(1))
    )
    assert "scrapy-playwright" in deep_log
    assert "scrapy-playwright" not in normal_log
    assert "leadcrawl/rendered_pages" not in normal_log


TRAP = "cave-des-remparts-metz.fr"  # its page loads a script from 169.254.169.254
METADATA = "Response: <200 http://169.254.169.254/latest/meta-data/stock-widget.js>"


@pytest.mark.parametrize(
    ("env", "reached"),
    [
        ({}, False),
        # the allow-list opens it (Chromium would go around its proxy without <-loopback>)
        (
            {"LEADCRAWL_ALLOWED_NETWORKS": "169.254.0.0/16", "no_proxy": "<-loopback>"},
            True,
        ),
    ],
)
def test_a_rendered_page_cannot_reach_the_cloud_metadata_address(
    farm, tmp_path, env, reached
):
    rows, log = crawl(
        farm,
        tmp_path,
        *(
            "-a",
            "mode=deep",
            "-s",
            "LEADCRAWL_RENDER_TIMEOUT=8",
            "-s",
            "LOG_LEVEL=DEBUG",
        ),
        hosts=[TRAP],
        env=env,
    )
    assert "Request: <GET http://169.254.169.254/" in log  # the page asked for it
    assert (METADATA in log) is reached  # ... and got it only where allowed
    assert answer(rows[TRAP]) == truth(TRAP)
