"""Every error of the job API: status, the seeds' code, and its text."""

from __future__ import annotations

import pytest

from api.auth import create_account, key_hash
from api.db import db
from crawler.jobstore import accounts

GOOD = [{"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr"}]


@pytest.mark.parametrize(
    ("path", "payload", "code", "detail"),
    [
        ("emails", {}, "validation_error", "items: Missing data for required field"),
        (
            "emails",
            {"items": []},
            "validation_error",
            "items: Length must be between 1 and 10000",
        ),
        (
            "emails",
            {"items": [{"site_web": "a.fr"}] * 10_001},
            "validation_error",
            "items: Length must be between 1 and 10000",
        ),
        (
            "emails",
            {"items": "boulangerie-martin.fr"},
            "validation_error",
            "items: Not a valid list",
        ),
        (
            "emails",
            {"items": GOOD, "mode": "rapide"},
            "validation_error",
            "Mode email invalide : rapide (attendu: normal | deep)",
        ),
        (
            "emails",
            {"items": [{"nom": "Sans site"}, {"site_web": "mailto:a@b.fr"}]},
            "no_eligible_items",
            "Aucun établissement avec site web",
        ),
        (
            "socials",
            {
                "items": [
                    {"nom": "Page Facebook", "site_web": "https://www.facebook.com/x"}
                ]
            },
            "no_eligible_items",
            "Aucun établissement avec site web",
        ),
        (
            "emails",
            {"items": GOOD, "mode": "deep"},
            "deep_requires_normal",
            "Le mode Deep Extract n'est dispo qu'après une extraction normale",
        ),
        (
            "emails",
            {"items": GOOD, "mode": "deep", "source_job_id": "no-such-job"},
            "deep_requires_normal",
            "Le mode Deep Extract n'est dispo qu'après une extraction normale",
        ),
        (
            "socials",
            {"source_job_id": "no-such-job"},
            "validation_error",
            "items: Missing data for required field",
        ),
        (
            "emails",
            {"items": GOOD, "webhook_url": "ftp://example.org/hook"},
            "validation_error",
            "webhook_url: Not a valid URL",
        ),
        *(  # webhooks never reach our machine or network (SSRF)
            (
                "emails",
                {"items": GOOD, "webhook_url": url},
                "validation_error",
                f"webhook_url: refused: {reason}",
            )
            for url, reason in (
                ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is not"),
                ("http://localhost:9000/hook", "localhost is a local name"),
                ("https://10.0.0.7/hook", "10.0.0.7 is not a public address"),
                ("http://[::1]:9000/hook", "::1 is not a public address"),
                ("http://hooks.crm.example.com:6800/", "port 6800 is a leadcrawl"),
                ("http://hooks.crm.example.com:8000/", "port 8000 is a leadcrawl"),
            )
        ),
    ],
)
def test_bad_requests(client, account, path, payload, code, detail):
    answer = client.post(f"/api/jobs/{path}", json=payload, headers=account)
    assert answer.status_code == 400
    body = answer.get_json()
    assert body["code"] == code
    assert detail in body["detail"]


def test_malformed_json(client, account):
    answer = client.post(
        "/api/jobs/emails",
        data="{items: [",
        headers={**account, "Content-Type": "application/json"},
    )
    assert answer.status_code == 400
    assert answer.get_json()["code"] == "validation_error"


def test_quota_exceeded_gives_the_estimate_and_the_ceiling(app, client, account):
    with app.app_context():
        from api.auth import create_account

        key = create_account("small", ceiling=0.0015)
    items = [{"site_web": f"site-{n}.fr"} for n in range(2)]
    answer = client.post(
        "/api/jobs/emails",
        json={"items": items},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert answer.status_code == 400
    body = answer.get_json()
    assert body["code"] == "quota_exceeded"
    assert body["detail"].startswith("Quota dépassé : ")
    assert (body["estimate"], body["ceiling"]) == (0.002, 0.0015)


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic dXNlcjpwYXNz"}],
)
def test_unauthenticated(client, headers):
    answer = client.post("/api/jobs/emails", json={"items": GOOD}, headers=headers)
    assert answer.status_code == 401
    assert answer.get_json()["code"] == "unauthenticated"


def test_inactive_account(app, client, account):
    with app.app_context():
        from api.auth import key_hash

        key = account["Authorization"].removeprefix("Bearer ")
        db.session.execute(
            accounts.update()
            .where(accounts.c.key_hash == key_hash(key))
            .values(active=False)
        )
        db.session.commit()
    answer = client.get("/api/jobs", headers=account)
    assert answer.status_code == 403
    assert answer.get_json()["code"] == "inactive_account"


def test_unknown_job(client, account):
    answer = client.get(
        "/api/jobs/00000000-0000-0000-0000-000000000000", headers=account
    )
    assert answer.status_code == 404
    assert answer.get_json()["code"] == "not_found"


def test_rate_limited(app, client, account):
    app.config["RATE_LIMIT"] = 2  # job creations a minute
    try:
        codes = [
            client.post("/api/jobs/socials", json={"items": GOOD}, headers=account)
            for _ in range(3)
        ]
    finally:
        app.config["RATE_LIMIT"] = 30
    assert [answer.status_code for answer in codes] == [201, 201, 429]
    assert codes[-1].get_json()["code"] == "rate_limited"


def test_the_migrations_build_the_schema_the_code_uses(app):
    """Alembic's comparison of the migrated database with the tables: no difference."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from crawler.jobstore import metadata

    with app.app_context(), db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_keys_are_stored_hashed_only(app, account):
    key = account["Authorization"].removeprefix("Bearer ")
    with app.app_context():
        rows = db.session.execute(accounts.select()).mappings().all()
        db.session.remove()
    stored = " ".join(str(value) for row in rows for value in row.values())
    assert key not in stored
    assert any(row["key_hash"] == key_hash(key) for row in rows)


def test_another_accounts_job_is_not_found_whatever_the_operation(app, client, account):
    mine = client.post("/api/jobs/emails", json={"items": GOOD}, headers=account)
    job_id = mine.get_json()["id"]
    with app.app_context():
        other = {"Authorization": f"Bearer {create_account('intruder', None)}"}
    for method, path in (
        ("get", f"/api/jobs/{job_id}"),
        ("get", f"/api/jobs/{job_id}/results?format=csv"),
        ("get", f"/api/jobs/{job_id}/events"),
        ("post", f"/api/jobs/{job_id}/cancel"),
    ):
        answer = getattr(client, method)(path, headers=other)
        assert answer.status_code == 404, (method, path)
        assert answer.get_json()["code"] == "not_found"
    socials = client.post(
        "/api/jobs/socials", json={"source_job_id": job_id}, headers=other
    )
    assert socials.status_code == 400  # its rows are not the intruder's input
    assert client.get(f"/api/jobs/{job_id}", headers=account).status_code == 200
