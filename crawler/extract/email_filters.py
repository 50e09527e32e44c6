"""Why a string that looks like an address is not one: a named reason for each."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from crawler.extract import _vocabulary as vocab
from crawler.extract.domains import registrable_domain

_VERSION_DOMAIN = re.compile(r"^v?\d+(?:\.[\w-]+)*$")
_HEX_KEY = re.compile(r"^[0-9a-f]{16,}$")
_RETINA_SUFFIX = re.compile(r"^\d+(?:\.\d+)?x$")


class RejectReason(StrEnum):
    """Why a string found on a page is not kept as an address."""

    ASSET_NAME = "asset_name"  # logo@2x.png
    PACKAGE_VERSION = "package_version"  # jquery@3.6.0
    MONITORING_DSN = "monitoring_dsn"  # https://key@o1.ingest.sentry.io/2
    PLACEHOLDER = "placeholder"  # votre@email.fr, prenom.nom@site.fr
    NO_REPLY = "no_reply"  # noreply@site.fr
    INVALID_SYNTAX = "invalid_syntax"  # email-validator says no
    NO_PUBLIC_SUFFIX = "no_public_suffix"  # user@intranet.local
    UNCERTAIN_SPELLING = (
        "uncertain_spelling"  # "us at booking.com": prose, not an address
    )


@lru_cache(maxsize=16384)  # pure, and a site repeats its addresses on every page
def reject_reason(address: str, *, in_url: bool = False) -> RejectReason | None:
    """Return why ``address`` (lower case) is no address to write to, or None.

    ``in_url`` says the string was the user part of a URL (``scheme://key@host``),
    which is how monitoring DSNs carry their keys.

    >>> reject_reason("logo@2x.png")
    <RejectReason.ASSET_NAME: 'asset_name'>
    >>> reject_reason("contact@boulangerie-martin.fr") is None
    True
    """
    local, _, domain = address.rpartition("@")
    labels = domain.split(".")
    if labels[-1] in vocab.ASSET_EXTENSIONS or _RETINA_SUFFIX.match(labels[0]):
        return RejectReason.ASSET_NAME
    if _VERSION_DOMAIN.match(domain):
        return RejectReason.PACKAGE_VERSION
    if in_url or _is_monitoring(local, domain):
        return RejectReason.MONITORING_DSN
    if _is_placeholder(local, domain):
        return RejectReason.PLACEHOLDER
    if local in vocab.NO_REPLY_LOCALS or local.startswith(("noreply", "no-reply")):
        return RejectReason.NO_REPLY
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return RejectReason.INVALID_SYNTAX
    if registrable_domain(domain) is None:
        return RejectReason.NO_PUBLIC_SUFFIX
    return None


def _is_monitoring(local: str, domain: str) -> bool:
    if _HEX_KEY.match(local):
        return True
    return any(
        domain == d or domain.endswith("." + d) for d in vocab.MONITORING_DOMAINS
    )


def _is_placeholder(local: str, domain: str) -> bool:
    if local in vocab.PLACEHOLDER_LOCALS:
        return True
    registrable = registrable_domain(domain) or domain
    return (
        registrable in vocab.PLACEHOLDER_DOMAINS or domain in vocab.PLACEHOLDER_DOMAINS
    )
