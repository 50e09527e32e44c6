"""One error envelope: ``{"code": …, "detail": …}`` with the seeds' codes and texts."""

from __future__ import annotations

from typing import Any

from apiflask import HTTPError
from flask import current_app

CODES = {
    400: "validation_error",
    401: "unauthenticated",
    403: "inactive_account",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    429: "rate_limited",
}


# The envelope in the OpenAPI document (some errors add fields: quota_exceeded's
# estimate and ceiling).
ENVELOPE = {
    "type": "object",
    "properties": {"code": {"type": "string"}, "detail": {"type": "string"}},
    "required": ["code", "detail"],
}


class ApiError(HTTPError):
    """An error with the seeds' code and text."""

    def __init__(self, status: int, code: str, detail: Any, **extra: Any) -> None:
        super().__init__(status, detail, extra_data={"code": code, **extra})


def envelope(error: HTTPError) -> tuple[dict[str, Any], int, Any]:
    body: dict[str, Any] = {
        "code": CODES.get(error.status_code, "error"),
        "detail": error.message,
    }
    if error.status_code == 400 and error.detail:  # a schema's field errors
        body["detail"] = error.detail
    if error.status_code == 413:
        limit = current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
        body["detail"] = f"Requête trop volumineuse : {limit} Mo au plus."
    body.update(error.extra_data)
    if isinstance(body["detail"], dict):  # {"json": {"items": ["Missing…"]}}
        body["detail"] = _flatten(body["detail"])
    return body, error.status_code, error.headers


def _flatten(errors: dict[str, Any], prefix: str = "") -> str:
    parts = []
    for key, value in errors.items():
        name = key if prefix in ("", "json") else f"{prefix}.{key}"
        if isinstance(value, dict):
            parts.append(_flatten(value, name))
        else:
            parts.append(f"{name}: {' '.join(map(str, value))}")
    return "; ".join(parts)
