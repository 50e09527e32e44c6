"""Whole pages of small-business sites with the address a person would pick.

Each case is a folder of tests/data/pages/: ``input.html`` (as served), ``url.txt`` and
``expected.json``: ``email``, ``email_personal``, ``candidates`` (every address that
qualifies as the business's own), ``not_candidates`` (third parties and junk present in
the page) and ``why``. The truth was written by people reading the page, never from the
code's output. The page is the whole site here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extract import extract_emails
from crawler.rank import rank_emails
from crawler.sites import Site

PAGES = Path(__file__).parents[2] / "data" / "pages"
CASES = sorted(p for p in PAGES.iterdir() if (p / "expected.json").exists())


def load(case: Path) -> tuple[str, str, dict[str, object]]:
    html = (case / "input.html").read_text(encoding="utf-8")
    url = (case / "url.txt").read_text(encoding="utf-8").strip()
    return html, url, json.loads((case / "expected.json").read_text(encoding="utf-8"))


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40, "issue 3 asks for at least 40 golden pages"


@pytest.mark.golden
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_page(case):
    html, url, expected = load(case)
    choice = rank_emails(extract_emails(html, url), Site.from_url(url))
    assert (choice.email, choice.email_personal) == (
        expected["email"],
        expected["email_personal"],
    ), expected["why"]
    wrong = set(expected.get("not_candidates", [])) & set(choice.email_candidates)
    assert not wrong, (
        f"third-party or junk addresses kept as candidates: {sorted(wrong)}"
    )
