"""API keys: ``Authorization: Bearer <key>``, stored as their SHA-256 only."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from apiflask import HTTPTokenAuth
from sqlalchemy import select

from api.db import db
from api.errors import ApiError
from crawler.jobstore import accounts, now

auth = HTTPTokenAuth(scheme="Bearer", security_scheme_name="ApiKey")


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@auth.verify_token
def verify(key: str) -> Any:
    if not key:
        return None
    account = db.session.execute(
        select(accounts).where(accounts.c.key_hash == key_hash(key))
    ).first()
    if account is not None and not account.active:
        raise ApiError(403, "inactive_account", "Ce compte n'est pas actif.")
    return account


@auth.error_processor
def unauthenticated(error: Any) -> tuple[dict[str, Any], int, Any]:
    return (
        {"code": "unauthenticated", "detail": "Clé d'API absente ou invalide."},
        401,
        {"WWW-Authenticate": 'Bearer realm="leadcrawl"'},
    )


def caller() -> Any:
    """Return the account making the request (views behind ``auth_required`` only)."""
    return auth.current_user


def create_account(name: str, ceiling: float | None) -> str:
    """Create an account; return its API key (shown once, stored hashed)."""
    key = "lc_" + secrets.token_urlsafe(24)
    db.session.execute(
        accounts.insert().values(
            name=name,
            key_hash=key_hash(key),
            webhook_secret=secrets.token_hex(32),
            active=True,
            ceiling=ceiling,
            created_at=now(),
        )
    )
    db.session.commit()
    return key
