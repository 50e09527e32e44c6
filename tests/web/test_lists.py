"""``POST /api/lists``: an uploaded file read into POIs, a preview and the costs."""

from __future__ import annotations

import io
import json

import pytest
from flask_migrate import upgrade

from api import create_app
from api.auth import create_account
from api.db import db
from tests.unit.test_inputs import workbook

MARTIN = {"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    # no scrapyd (the discard port): reading a list schedules nothing
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('lists')}/db.sqlite",
            "SCRAPYD_NODES": ["http://127.0.0.1:9"],
        }
    )
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def key(app) -> dict[str, str]:
    with app.app_context():
        return {"Authorization": f"Bearer {create_account('lists', ceiling=None)}"}


def send(app, key, name: str, data: bytes):
    return app.test_client().post(
        "/api/lists", headers=key, data={"file": (io.BytesIO(data), name)}
    )


def csv_of(rows: list[str]) -> bytes:
    return ("\r\n".join(rows) + "\r\n").encode()


def test_a_list_comes_back_with_its_preview_eligible_count_and_costs(app, key):
    rows = ["nom;ville;site_web"]
    rows += [f"Boutique {n};Annecy;boutique-{n}.fr" for n in range(12)]
    rows += ["Sans site;Annecy;", "Une page Facebook;Annecy;facebook.com/x"]
    answer = send(app, key, "pois.csv", csv_of(rows))
    assert answer.status_code == 200, answer.json
    body = answer.json
    assert body["count"] == 14
    assert body["eligible"] == 12  # no website, and a Facebook page, are not sites
    assert body["columns"] == ["nom", "ville", "site_web"]
    assert body["items"][13] == {
        "nom": "Une page Facebook",
        "ville": "Annecy",
        "site_web": "facebook.com/x",
    }
    assert body["preview"] == body["items"][:10]
    assert body["estimate"] == {
        "emails_normal": 0.012,  # 12 sites at the prices of api/config.py
        "emails_deep": 0.048,
        "socials": 0.006,
    }


def test_the_items_it_returns_make_a_job(app, key):
    data = workbook(("nom", "website"), (MARTIN["nom"], MARTIN["site_web"]))
    items = send(app, key, "pois.xlsx", data).json["items"]
    assert items == [{"nom": MARTIN["nom"], "website": MARTIN["site_web"]}]
    job = app.test_client().post("/api/jobs/emails", headers=key, json={"items": items})
    assert job.status_code == 201, job.json
    assert job.json["items_count"] == 1


# (file name, its bytes, status, code): each way a file is refused
REFUSED = [
    pytest.param("pois.pdf", b"%PDF-1.7\n\x00", 400, "unsupported_file", id="pdf"),
    pytest.param("pois.xlsx", b"nom,site\n", 400, "unreadable_file", id="not-xlsx"),
    pytest.param("pois.json", b'[{"nom"', 400, "unreadable_file", id="broken-json"),
    pytest.param("pois.csv", b"", 400, "empty_file", id="empty"),
    pytest.param("pois.csv", b"nom;site_web\r\n", 400, "empty_file", id="header-only"),
    pytest.param(
        "pois.csv",
        csv_of(["nom;site_web"] + [f"B{n};b{n}.fr" for n in range(10_001)]),
        400,
        "too_many_items",
        id="10001-rows",
    ),
    pytest.param(
        "pois.csv",
        csv_of(["nom;ville;telephone", "Boulangerie Martin;Annecy;04 50 45 12 34"]),
        400,
        "no_website_column",
        id="no-website-column",
    ),
    pytest.param(
        "pois.json",
        json.dumps([{"nom": "Sans site", "site_web": ""}]).encode(),
        400,
        "no_eligible_items",
        id="no-usable-website",
    ),
]


@pytest.mark.parametrize(("name", "data", "status", "code"), REFUSED)
def test_refused_files_say_why_in_the_envelope(app, key, name, data, status, code):
    answer = send(app, key, name, data)
    assert answer.status_code == status
    assert answer.json["code"] == code
    assert answer.json["detail"]


def test_ten_thousand_rows_are_read(app, key):
    rows = ["nom;site_web"] + [f"B{n};b{n}.fr" for n in range(10_000)]
    answer = send(app, key, "pois.csv", csv_of(rows))
    assert answer.status_code == 200
    assert answer.json["count"] == answer.json["eligible"] == 10_000


def test_without_a_key_or_a_file(app, key):
    client = app.test_client()
    anonymous = client.post("/api/lists", data={"file": (io.BytesIO(b"x"), "a.csv")})
    assert anonymous.status_code == 401
    assert anonymous.json["code"] == "unauthenticated"
    no_file = client.post("/api/lists", headers=key, data={})
    assert no_file.status_code == 400
    assert no_file.json["code"] == "validation_error"
    assert "file" in no_file.json["detail"]


def test_a_spreadsheets_own_column_name_is_understood(app, key):
    rows = ["Nom;Ville;Site Web", "Boulangerie Martin;Annecy;boulangerie-martin.fr"]
    answer = send(app, key, "pois.csv", csv_of(rows))
    assert answer.status_code == 200, answer.json
    assert (answer.json["count"], answer.json["eligible"]) == (1, 1)
    assert answer.json["items"][0]["Site Web"] == "boulangerie-martin.fr"  # untouched
