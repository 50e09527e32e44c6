"""Job webhooks, as the email-finder APIs send them: the summary POSTed when a job ends.

Signed with the account's secret (``X-Leadcrawl-Signature: sha256=<HMAC-SHA256 of the
body>``), retried up to 3 times with back-off. Sent directly, never through the crawl's
proxy (``http_proxy`` is for crawling websites), and guarded as crawls are (SSRF: no
local or private receiver, see ``crawler.guard``).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import socket
import ssl
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import SplitResult, urlsplit

from crawler.guard import REFUSED, Network, resolved_address, url_refusal

SIGNATURE_HEADER = "X-Leadcrawl-Signature"
BACKOFF = (1.0, 2.0, 4.0)  # seconds before each retry


def signature(body: bytes, secret: str) -> str:
    """Return the header value a receiver recomputes to trust the body.

    >>> signature(b'{"id": "1"}', "s3cret")[:15]
    'sha256=9b6cbdf1'
    """
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def deliver(
    url: str,
    summary: dict[str, Any],
    secret: str,
    allowed: Sequence[Network] = (),
    ports: Iterable[int] = (),
    backoff: tuple[float, ...] = BACKOFF,
) -> Iterator[dict[str, Any]]:
    """POST ``summary`` to ``url`` until it answers 2xx; yield each attempt's record.

    The receiver is anyone's URL, so it is guarded as a crawl is (SSRF): no local or
    private address (``allowed`` excepted), none of our services' ``ports``, checked
    after DNS and connected to at the very address checked; redirects are not followed.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    reason = url_refusal(url, allowed, ports)
    if parts.scheme not in ("http", "https") or not host:
        reason = f"not an http(s) URL: {url}"
    if reason is not None:
        yield {"attempt": 1, "status_code": None, "error": reason}
        return
    body = json.dumps(summary, ensure_ascii=False).encode()
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: signature(body, secret),
        "User-Agent": "leadcrawl-webhook/0.1",
    }
    for attempt, pause in enumerate((0.0, *backoff), start=1):
        time.sleep(pause)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address, reason = resolved_address(host, port, allowed)
        if address is None:  # refused (no retry) or no such host (retried)
            yield {"attempt": attempt, "status_code": None, "error": reason}
            if reason and reason.startswith(REFUSED):
                return
            continue
        try:
            status = post(parts, address, body, headers)
        except OSError as error:  # refused, timed out, TLS
            yield {"attempt": attempt, "status_code": None, "error": str(error)}
            continue
        ok = 200 <= status < 300
        yield {
            "attempt": attempt,
            "status_code": status,
            "error": None if ok else f"HTTP {status}",
        }
        if ok:
            return


def post(parts: SplitResult, address: str, body: bytes, headers: dict[str, str]) -> int:
    """POST to ``parts``' URL at ``address`` (already checked); return the status.

    The connection goes to ``address``, while Host, TLS's SNI and the certificate check
    use the URL's name: what was checked is what is reached.
    """
    host = parts.hostname or ""
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        context = ssl.create_default_context()
        connection = http.client.HTTPSConnection(
            host, parts.port or 443, timeout=10, context=context
        )
    else:
        connection = http.client.HTTPConnection(host, parts.port or 80, timeout=10)
    connection._create_connection = (  # type: ignore[attr-defined]
        lambda target, *args: socket.create_connection((address, target[1]), *args)
    )
    try:
        path = parts.path or "/"
        connection.request(
            "POST", f"{path}?{parts.query}" if parts.query else path, body, headers
        )
        return connection.getresponse().status
    finally:
        connection.close()
