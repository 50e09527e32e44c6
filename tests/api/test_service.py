"""``make run``'s stack for real: ``leadcrawl serve`` (scrapyd, gunicorn, SQLite).

Over HTTP, the way the README's curl examples use it; the OpenAPI document; the CLI.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.support import DIRECT, REPO

LEADCRAWL = str(Path(sys.executable).with_name("leadcrawl"))


def call(url: str, key: str, body: dict | None = None):
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    with DIRECT.open(request, timeout=30) as answer:
        return answer.status, answer.read()


def test_the_service_prints_its_url_and_a_usable_key(service):
    url, key, lines = service
    assert json.loads(lines[-2]) == {"url": url, "api_key": key}


def test_a_job_over_http_streams_to_done(service):
    url, key, _ = service
    items = [{"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr"}]
    status, body = call(f"{url}/api/jobs/emails", key, {"items": items})
    assert status == 201
    job = json.loads(body)
    request = urllib.request.Request(
        f"{url}/api/jobs/{job['id']}/events", headers={"Authorization": f"Bearer {key}"}
    )
    with DIRECT.open(request, timeout=60) as stream:
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        text = stream.read().decode()
    assert "event: progress" in text
    assert text.rstrip().split("\n\n")[-1].split("\n")[1] == "event: done"
    _, rows = call(f"{url}/api/jobs/{job['id']}/results", key)
    assert json.loads(rows)[0]["email"] == "sophie.martin@boulangerie-martin.fr"


def test_an_oversized_body_is_refused_before_it_is_sent(service):
    """The headers alone get the 413: the server never waits for the gigabyte."""
    url, key, _ = service
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/api/jobs/emails")
    connection.putheader("Authorization", f"Bearer {key}")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", "1000000000")
    connection.endheaders()  # and not one byte of the body
    answer = connection.getresponse()
    body = answer.read()
    connection.close()
    assert answer.status == 413
    assert json.loads(body) == {
        "code": "payload_too_large",
        "detail": "Requête trop volumineuse : 25 Mo au plus.",
    }


def test_the_openapi_document_describes_the_api(service):
    url, _, _ = service
    with DIRECT.open(f"{url}/api/openapi.json", timeout=10) as answer:
        spec = json.load(answer)
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for path in (
        "/api/jobs/emails",
        "/api/jobs/socials",
        "/api/jobs/{job_id}",
        "/api/jobs",
        "/api/jobs/{job_id}/results",
        "/api/jobs/{job_id}/events",
        "/api/jobs/{job_id}/cancel",
    ):
        assert path in paths, path
    created = paths["/api/jobs/emails"]["post"]
    schema = created["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    fields = spec["components"]["schemas"][schema.rsplit("/", 1)[1]]["properties"]
    assert {"items", "mode", "source_job_id", "webhook_url", "external_id"} <= set(
        fields
    )
    assert {"201", "400", "401"} <= set(created["responses"])
    with DIRECT.open(f"{url}/api/docs", timeout=10) as answer:
        assert b"openapi.json" in answer.read()


def test_account_create_prints_the_key_on_its_last_line(tmp_path):
    env = dict(os.environ, LEADCRAWL_DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite")
    out = subprocess.run(
        [LEADCRAWL, "account", "create", "Acme Prospection", "--ceiling", "5"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    key = out.strip().splitlines()[-1]
    assert key.startswith("lc_")
    assert len(key) > 30
