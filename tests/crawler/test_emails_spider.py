"""The real entry point: ``scrapy crawl emails`` in a subprocess, against the farm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[2]
POIS = [
    {
        "nom": "Boulangerie Martin",
        "ville": "Annecy",
        "site_web": "boulangerie-martin.fr",
    },
    {"nom": "Plomberie Durand", "site_web": "http://plomberie-durand.fr/"},
    {"nom": "Site disparu", "site_web": "site-disparu.fr"},
    {"nom": "Sans site", "ville": "Lyon"},
    {"nom": "Page Facebook", "site_web": "https://www.facebook.com/boulangeriemartin"},
]


def crawl(farm: str, tmp_path: Path) -> list[dict[str, object]]:
    source = tmp_path / "pois.jsonl"
    source.write_text("".join(json.dumps(p) + "\n" for p in POIS), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    env = dict(os.environ, http_proxy=farm, no_proxy="")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "emails",
            "-a",
            f"input={source}",
            "-O",
            str(output),
            "-s",
            "LOG_LEVEL=WARNING",
        ],
        cwd=REPO,
        env=env,
        check=True,
        timeout=120,
    )
    return [
        json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()
    ]


def test_one_row_per_poi_with_its_columns_first(farm, tmp_path):
    rows = {row["nom"]: row for row in crawl(farm, tmp_path)}
    assert set(rows) == {p["nom"] for p in POIS}
    martin = rows["Boulangerie Martin"]
    assert list(martin)[:3] == ["nom", "ville", "site_web"]
    # The gérante's own mailbox is on the contact page, reached from the home page's menu;
    # the agency's credit in the footer and the address in an HTML comment never count.
    assert martin["email"] == "sophie.martin@boulangerie-martin.fr"
    assert martin["email_personal"] == "sophie.martin@boulangerie-martin.fr"
    assert martin["email_source"] == "http://boulangerie-martin.fr/contact/"
    assert martin["email_candidates"] == [
        "sophie.martin@boulangerie-martin.fr",
        "contact@boulangerie-martin.fr",
    ]
    assert martin["status"] == "ok"


def test_statuses_tell_empty_sites_from_dead_ones(farm, tmp_path):
    rows = {row["nom"]: row for row in crawl(farm, tmp_path)}
    assert (rows["Plomberie Durand"]["email"], rows["Plomberie Durand"]["status"]) == (
        None,
        "no_candidate",  # only the web agency's address is on the site
    )
    assert rows["Site disparu"]["status"] == "unreachable"
    assert rows["Sans site"]["status"] == "no_website"
    facebook = rows["Page Facebook"]
    assert (facebook["status"], facebook["status_detail"]) == (
        "invalid_url",
        "a facebook.com page, not the business's own website",
    )
