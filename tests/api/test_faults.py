"""A job over hostile sites finishes within its budget, with a per-item reason for each.

Hangs, resets, 5xx, a 50 MB page, a redirect loop, bytes trickling in, and a redirect to
the cloud metadata address, next to a site that behaves.
"""

from __future__ import annotations

from tests.api.conftest import wait_until_final

EXPECTED = {  # site -> (status, words of its status_detail)
    "boulangerie-martin.fr": ("ok", None),
    "site-qui-pend.fr": ("timeout", "no answer before the download timeout"),
    "connexion-coupee.fr": ("unreachable", "connection"),
    "serveur-en-panne.fr": ("http_error", "HTTP 503"),
    "galerie-geante.fr": ("unreachable", "larger than the download size limit"),
    "boucle-de-redirections.fr": ("unreachable", "redirect"),
    "goutte-a-goutte.fr": ("timeout", "no answer before the download timeout"),
    "atelier-redirige-ailleurs.fr": ("unreachable", "refused: 169.254.169.254"),
}


def test_hostile_sites_end_with_a_reason_each(client, account):
    items = [{"nom": site, "site_web": site} for site in EXPECTED]
    created = client.post("/api/jobs/emails", json={"items": items}, headers=account)
    assert created.status_code == 201
    job = wait_until_final(client, created.get_json()["id"], account, seconds=120)
    assert job["status"] == "done", job
    rows = client.get(f"/api/jobs/{job['id']}/results", headers=account).get_json()
    got = {row["nom"]: (row["status"], row["status_detail"]) for row in rows}
    assert set(got) == set(EXPECTED)
    for site, (status, words) in EXPECTED.items():
        assert got[site][0] == status, (site, got[site])
        if words:
            assert words in (got[site][1] or ""), (site, got[site])


def test_an_endless_calendar_ends_within_the_page_budgets(client, account):
    """Normal mode, then deep mode (wider, 3 levels) on a site whose agenda never ends."""
    theatre = {"nom": "Théâtre", "site_web": "theatre-des-quatre-saisons.fr"}
    normal = client.post("/api/jobs/emails", json={"items": [theatre]}, headers=account)
    normal = wait_until_final(client, normal.get_json()["id"], account, seconds=60)
    assert normal["status"] == "done", normal
    deep = client.post(
        "/api/jobs/emails",
        json={"mode": "deep", "source_job_id": normal["id"]},
        headers=account,
    )
    assert deep.status_code == 201, deep.get_json()
    job = wait_until_final(client, deep.get_json()["id"], account, seconds=120)
    assert job["status"] == "done", job
    (row,) = client.get(f"/api/jobs/{job['id']}/results", headers=account).get_json()
    assert (row["status"], row["email"]) == ("no_candidate", None)  # the form only
