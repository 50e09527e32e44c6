"""leadcrawl's job API: create jobs, schedule them on scrapyd, serve state and results.

``create_app`` is the application factory (``leadcrawl run``, gunicorn
``"api:create_app()"``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from apiflask import APIFlask
from flask_migrate import Migrate

from api.config import from_environment
from api.db import db
from api.errors import ENVELOPE, envelope
from api.hub import EventHub


def create_app(config: Mapping[str, Any] | None = None) -> APIFlask:
    app = APIFlask(
        __name__,
        title="leadcrawl",
        version="0.1.0",
        spec_path="/api/openapi.json",
        docs_path="/api/docs",
    )
    app.config.from_mapping(from_environment())
    app.config.update(config or {})
    app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"]
    # a database that restarted leaves dead pooled connections: test each before use
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True}
    app.config["VALIDATION_ERROR_STATUS_CODE"] = 400
    app.config["HTTP_ERROR_SCHEMA"] = app.config["VALIDATION_ERROR_SCHEMA"] = ENVELOPE
    app.config["SECURITY_SCHEMES"] = {"ApiKey": {"type": "http", "scheme": "bearer"}}
    app.json.sort_keys = False  # type: ignore[attr-defined]  # a POI's keys keep their order
    db.init_app(app)
    # schema changes are migrations (leadcrawl db upgrade), never create_all on start
    migrations = str(Path(__file__).with_name("migrations"))
    Migrate(app, db, directory=migrations, render_as_batch=True)  # SQLite alters
    app.error_processor(envelope)
    app.extensions["leadcrawl.events"] = EventHub(app)  # wakes the SSE streams

    from api import cli, jobs, lists, web

    app.register_blueprint(jobs.blueprint)
    app.register_blueprint(lists.blueprint)
    app.register_blueprint(web.blueprint)  # the page for people: docs/web.md
    cli.register(app)
    return app
