"""Chained jobs: socials after emails, deep after normal (merged into one list)."""

from __future__ import annotations

import pytest

from tests.api.conftest import wait_until_final
from tests.farm.evaluate import load_truth
from tests.farm.server import SITES

TRUTH = load_truth(SITES)
HOSTS = [
    "boulangerie-martin.fr",  # found in normal mode
    "comptoir-des-ducs-dijon.fr",  # only in its sitemap: deep mode
    "garage-pujol-perpignan.fr",  # behind a "show the e-mail" button: deep mode
]
ITEMS = [TRUTH[host]["poi"] for host in HOSTS]


@pytest.fixture(scope="module")
def chain(app, farm):
    client = app.test_client()
    with app.app_context():
        from api.auth import create_account

        headers = {"Authorization": f"Bearer {create_account('chain', None)}"}

    def run(path, body):
        created = client.post(f"/api/jobs/{path}", json=body, headers=headers)
        assert created.status_code == 201, created.get_json()
        job = wait_until_final(client, created.get_json()["id"], headers, seconds=180)
        rows = client.get(f"/api/jobs/{job['id']}/results", headers=headers).get_json()
        return job, rows

    normal = run("emails", {"items": ITEMS, "source_job_id": "scrap-2026-11-24"})
    return client, headers, run, normal


def test_socials_after_emails_takes_its_rows_as_input(chain):
    _, _, run, (normal, normal_rows) = chain
    job, rows = run("socials", {"source_job_id": normal["id"]})
    assert job["status"] == "done"
    assert job["source_job_id"] == normal["id"]
    assert len(rows) == len(ITEMS)
    for before, after in zip(normal_rows, rows, strict=True):
        assert list(after)[: len(before)] == list(before)  # emails' columns kept
        assert after["email"] == before["email"]
    martin = rows[0]
    assert (
        martin["social_facebook"] == TRUTH["boulangerie-martin.fr"]["social_facebook"]
    )


@pytest.mark.parametrize("source", ["normal-job", "upstream-source"])
def test_deep_after_normal_crawls_the_empty_rows_and_merges(chain, source):
    _, _, run, (normal, normal_rows) = chain
    assert [row["email"] for row in normal_rows] == [
        TRUTH[HOSTS[0]]["email"],
        None,
        None,
    ]
    source_id = normal["id"] if source == "normal-job" else "scrap-2026-11-24"
    job, rows = run("emails", {"mode": "deep", "source_job_id": source_id})
    assert job["status"] == "done", job
    assert job["mode"] == "deep"
    assert (job["items_count"], job["sites_total"]) == (3, 2)  # martin carried over
    assert rows[0] == normal_rows[0]
    assert [row["email"] for row in rows] == [TRUTH[host]["email"] for host in HOSTS]
    assert job["found"] == 2  # billed on what deep mode found
