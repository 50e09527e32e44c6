"""The API fuzzed from its own OpenAPI document (schemathesis).

Whatever a client sends: no server error, and every error in one envelope.
"""

from __future__ import annotations

import pytest
import schemathesis
from flask_migrate import upgrade
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode

from api import create_app
from api.auth import create_account
from api.db import db


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory):
    # scrapyd on the discard port: a created job ends in error at once, no crawl starts
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('fuzz')}/db.sqlite",
            "SCRAPYD_NODES": ["http://127.0.0.1:9"],
            "RATE_LIMIT": 1_000_000,
        }
    )
    with app.app_context():
        upgrade()
        app.config["FUZZ_KEY"] = create_account("fuzz", ceiling=1.0)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def operations():
    app = create_app({"DATABASE_URL": "sqlite://"})  # the document only
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("operation", operations(), ids=lambda o: o.label)
def test_no_server_error_and_one_error_envelope(operation, mode, fuzzed_app):
    """Send each operation requests drawn from its schema, valid ones and invalid ones."""
    key = fuzzed_app.config["FUZZ_KEY"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case):
        response = case.call(app=fuzzed_app, headers={"Authorization": f"Bearer {key}"})
        assert response.status_code < 500, (case.as_curl_command(), response.text[:500])
        if response.status_code >= 400:
            body = response.json()
            assert {"code", "detail"} <= set(body), body
            assert isinstance(body["code"], str)

    check()
