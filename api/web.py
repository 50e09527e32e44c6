"""The page for people: upload a list, watch its job, download it (docs/web.md).

A plain Flask blueprint, so the page stays out of the OpenAPI document. It serves one
server-rendered page in the browser's language; ``static/app.js`` does the rest with
the public API and the user's key, as any client would.
"""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, Response, render_template, request

blueprint = Blueprint("web", __name__)

# Every sentence of the page, in each language: {"en": {key: text}, "fr": {...}}.
MESSAGES: dict[str, dict[str, str]] = json.loads(
    (Path(__file__).parent / "templates" / "messages.json").read_text("utf-8")
)
# Nothing from elsewhere: the page, its script and its style come from here.
CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'"


@blueprint.get("/")
def page() -> Response:
    language = request.accept_languages.best_match(list(MESSAGES), default="en")
    response = Response(
        render_template("index.html", lang=language, t=MESSAGES[language])
    )
    response.vary.add("Accept-Language")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response
