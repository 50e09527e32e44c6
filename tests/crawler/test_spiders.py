"""The real entry point, ``scrapy crawl``, for both spiders against the fixture farm."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
POIS = [
    {
        "nom": "Boulangerie Martin",
        "ville": "Annecy",
        "site_web": "boulangerie-martin.fr",
    },
    {
        "nom": "Boulangerie Martin (dépôt)",
        "ville": "Seynod",
        "site_web": "http://www.boulangerie-martin.fr/contact/",
    },
    {"nom": "Plomberie Durand", "site_web": "http://plomberie-durand.fr/"},
    {"nom": "Site disparu", "site_web": "site-disparu.fr"},
    {"nom": "Connexion coupée", "site_web": "connexion-coupee.fr"},
    {"nom": "Robots interdit", "site_web": "http://robots-interdit.fr/"},
    {"nom": "Serveur en panne", "site_web": "serveur-en-panne.fr"},
    {"nom": "Site qui pend", "site_web": "site-qui-pend.fr"},
    {"nom": "Studio Lumière", "site_web": "studio-lumiere-photo.fr"},
    {"nom": "Galerie géante", "site_web": "galerie-geante.fr"},
    {"nom": "Boulangerie sans site", "site_web": "boulangerie-sans-site.fr"},
    {"nom": "Sans site", "ville": "Lyon"},
    {"nom": "Page Facebook", "site_web": "https://www.facebook.com/boulangeriemartin"},
]


def crawl(spider: str, farm: str, tmp_path: Path) -> tuple[dict[str, dict], str]:
    source = tmp_path / f"{spider}-pois.jsonl"
    source.write_text("".join(json.dumps(p) + "\n" for p in POIS), encoding="utf-8")
    output = tmp_path / f"{spider}.jsonl"
    env = dict(os.environ, http_proxy=farm, no_proxy="")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            spider,
            "-a",
            f"input={source}",
            "-O",
            str(output),
            "-s",
            "LOG_LEVEL=INFO",
            "-s",
            "RETRY_TIMES=0",
            "-s",
            "DOWNLOAD_TIMEOUT=2",
        ],
        cwd=REPO,
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    rows = [
        json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()
    ]
    return {row["nom"]: row for row in rows}, run.stderr


@pytest.fixture(scope="module")
def emails(farm, tmp_path_factory):
    return crawl("emails", farm, tmp_path_factory.mktemp("emails"))


@pytest.fixture(scope="module")
def socials(farm, tmp_path_factory):
    return crawl("socials", farm, tmp_path_factory.mktemp("socials"))


def test_one_row_per_poi_with_its_columns_first(emails):
    rows, log = emails
    # 10 distinct sites (the two Martin POIs share one), 13 POIs, 3 with an email
    assert "sites 10/10 done, 13 POIs out (3 with a result)" in log
    assert sorted(rows) == sorted(p["nom"] for p in POIS)
    assert list(rows["Boulangerie Martin"])[:3] == ["nom", "ville", "site_web"]


def test_email_from_the_contact_page(emails):
    martin = emails[0]["Boulangerie Martin"]
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


def test_a_page_of_several_megabytes_is_read(emails):
    assert emails[0]["Studio Lumière"]["email"] == "bonjour@studio-lumiere-photo.fr"


def test_a_site_named_by_two_pois_is_crawled_once(emails):
    rows, log = emails
    depot = rows["Boulangerie Martin (dépôt)"]
    assert depot["email"] == "sophie.martin@boulangerie-martin.fr"
    assert depot["ville"] == "Seynod"  # its own columns, the shared site's result
    # home + contact + legal notice of boulangerie-martin.fr are fetched once, not twice
    fetched = re.findall(r"Crawled \(\d+\) <GET (http://[^>]+)>", log)
    martin_pages = [
        u for u in fetched if "boulangerie-martin.fr" in u and "robots" not in u
    ]
    assert len(martin_pages) == len(set(martin_pages))


# (POI, status, detail) — "no email on this site" told apart from "site down"
STATUSES = [
    ("Plomberie Durand", "no_candidate", None),
    ("Site disparu", "http_error", "HTTP 502"),
    ("Connexion coupée", "unreachable", "the connection failed or was reset"),
    ("Robots interdit", "robots_disallowed", "robots.txt forbids crawling this page"),
    ("Serveur en panne", "http_error", "HTTP 503"),
    ("Site qui pend", "timeout", "no answer before the download timeout"),
    (
        "Galerie géante",
        "unreachable",
        "the page is larger than the download size limit",
    ),
    ("Sans site", "no_website", "no website given"),
    (
        "Page Facebook",
        "invalid_url",
        "a facebook.com page, not the business's own website",
    ),
]


@pytest.mark.parametrize(
    ("name", "status", "detail"), STATUSES, ids=[s[0] for s in STATUSES]
)
def test_statuses(emails, socials, name, status, detail):
    for rows, _ in (emails, socials):
        assert (rows[name]["status"], rows[name]["status_detail"]) == (status, detail)
        assert rows[name].get("email") is None


def test_socials_keep_the_business_own_profiles(socials):
    martin = socials[0]["Boulangerie Martin"]
    assert (
        martin["social_facebook"] == "https://www.facebook.com/boulangeriemartinannecy"
    )
    assert (
        martin["social_instagram"]
        == "https://www.instagram.com/boulangerie.martin.annecy"
    )
    assert martin["social_twitter"] is None  # only a share link
    assert list(martin)[-8:-2] == [
        "social_facebook",
        "social_instagram",
        "social_linkedin",
        "social_twitter",
        "social_tiktok",
        "social_youtube",
    ]


def test_a_home_page_moved_to_facebook_is_the_facebook_profile(emails, socials):
    row = socials[0]["Boulangerie sans site"]
    assert row["social_facebook"] == "https://www.facebook.com/boulangeriesanssite"
    assert row["status"] == "ok"
    moved = "the website redirects to https://www.facebook.com/boulangeriesanssite"
    assert (
        emails[0]["Boulangerie sans site"]["status"],
        emails[0]["Boulangerie sans site"]["status_detail"],
    ) == (
        "no_candidate",
        moved,
    )


def test_csv_output_has_empty_strings_where_json_has_null(farm, tmp_path):
    source = tmp_path / "pois.csv"
    source.write_text(
        "nom;ville;site_web\nBoulangerie Martin;Annecy;boulangerie-martin.fr\nSans site;Lyon;\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.csv"
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
        env=dict(os.environ, http_proxy=farm, no_proxy=""),
        check=True,
        timeout=120,
    )
    with output.open(encoding="utf-8", newline="") as handle:
        rows = {row["nom"]: row for row in csv.DictReader(handle)}
    assert list(rows["Sans site"])[:3] == ["nom", "ville", "site_web"]
    assert (rows["Sans site"]["email"], rows["Sans site"]["status"]) == (
        "",
        "no_website",
    )
    assert (
        rows["Boulangerie Martin"]["email_personal"]
        == "sophie.martin@boulangerie-martin.fr"
    )
    assert rows["Boulangerie Martin"]["email_candidates"] == (
        "sophie.martin@boulangerie-martin.fr,contact@boulangerie-martin.fr"
    )
