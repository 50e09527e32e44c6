"""Whole pages with social links, and the profiles a person would keep (issue 4).

Each case is a folder of tests/data/social_pages/: ``input.html``, ``url.txt`` and
``expected.json`` (``business_name``, the six ``social_*`` columns, ``parasitic``: every
social URL in the page that must not come out, and ``why``), written by people reading
the page against docs/socials.md and docs/ranking.md, never from the code's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extract import canonical_profile, extract_socials
from crawler.rank import choose_profiles
from crawler.sites import Site

PAGES = Path(__file__).parents[2] / "data" / "social_pages"
CASES = sorted(p for p in PAGES.iterdir() if (p / "expected.json").exists())
COLUMNS = tuple(
    f"social_{n}"
    for n in ("facebook", "instagram", "linkedin", "twitter", "tiktok", "youtube")
)


def test_the_corpus_covers_every_network():
    assert len(CASES) >= 12
    seen = set()
    for case in CASES:
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        seen.update(c for c in COLUMNS if expected[c])
    assert seen == set(COLUMNS)


@pytest.mark.golden
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_social_page(case):
    html = (case / "input.html").read_text(encoding="utf-8")
    url = (case / "url.txt").read_text(encoding="utf-8").strip()
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    profiles = choose_profiles(
        extract_socials(html, url), expected["business_name"], Site.from_url(url)
    )
    output = {column: getattr(profiles, column) for column in COLUMNS}
    assert output == {column: expected[column] for column in COLUMNS}, expected["why"]
    parasites = {canonical_profile(p) for p in expected["parasitic"]} - {None}
    leaked = {p.url for p in parasites if p is not None} & set(output.values())
    assert not leaked, f"parasitic profiles in the output: {sorted(leaked)}"
