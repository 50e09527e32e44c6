"""A client that repeats a job creation with its ``Idempotency-Key`` gets the first job.

The retry after a timeout is the case: the first request may have created the job.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from api.db import db
from crawler.jobstore import jobs

ITEMS = [{"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr"}]


def create(client, headers, key, items=ITEMS, kind="emails"):
    return client.post(
        f"/api/jobs/{kind}",
        json={"items": items},
        headers={**headers, "Idempotency-Key": key},
    )


def jobs_with(app, key: str) -> int:
    with app.app_context():
        count = db.session.execute(
            select(func.count()).where(jobs.c.idempotency_key == key)
        ).scalar_one()
        db.session.remove()
        return count


def test_a_repeated_key_answers_the_first_job(app, client, account):
    first = create(client, account, "retry-1")
    again = create(client, account, "retry-1")
    assert first.status_code == again.status_code == 201
    assert again.get_json()["id"] == first.get_json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert jobs_with(app, "retry-1") == 1


def test_a_new_key_or_no_key_creates_a_new_job(client, account):
    ids = {
        create(client, account, "a").get_json()["id"],
        create(client, account, "b").get_json()["id"],
        client.post(
            "/api/jobs/emails", json={"items": ITEMS}, headers=account
        ).get_json()["id"],
        client.post(
            "/api/jobs/emails", json={"items": ITEMS}, headers=account
        ).get_json()["id"],
    }
    assert len(ids) == 4


def test_the_same_key_for_another_request_is_refused(client, account):
    first = create(client, account, "reused")
    other = create(client, account, "reused", items=[*ITEMS, *ITEMS])
    assert other.status_code == 422
    assert other.get_json() == {
        "code": "idempotency_key_reused",
        "detail": "Idempotency-Key déjà utilisée pour une autre requête "
        f"(job {first.get_json()['id']}).",
    }
    socials = create(client, account, "reused", kind="socials")
    assert socials.status_code == 422  # another module is another request


def test_keys_belong_to_their_account(app, client, account):
    from api.auth import create_account

    with app.app_context():
        other = {"Authorization": f"Bearer {create_account('other', None)}"}
    mine, theirs = create(client, account, "shared"), create(client, other, "shared")
    assert mine.status_code == theirs.status_code == 201
    assert mine.get_json()["id"] != theirs.get_json()["id"]
    assert "Idempotent-Replayed" not in theirs.headers


def test_concurrent_repeats_create_one_job(app, account):
    """Eight clients racing with one key: one job, and each of them gets it."""

    def post(_: int):
        answer = create(app.test_client(), account, "race")
        return answer.status_code, answer.get_json()["id"]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(post, range(8)))
    assert {status for status, _ in answers} == {201}
    assert len({job_id for _, job_id in answers}) == 1
    assert jobs_with(app, "race") == 1


def test_a_key_must_be_1_to_255_characters(client, account):
    answer = create(client, account, "k" * 256)
    assert answer.status_code == 400
    assert answer.get_json()["code"] == "validation_error"
    assert "Idempotency-Key" in answer.get_json()["detail"]
