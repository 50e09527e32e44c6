"""Job webhooks, as the email-finder APIs send them: the summary POSTed when a job ends.

Signed with the account's secret (``X-Leadcrawl-Signature: sha256=<HMAC-SHA256 of the
body>``), retried up to 3 times with back-off. Sent directly, never through the crawl's
proxy (``http_proxy`` is for crawling websites).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

SIGNATURE_HEADER = "X-Leadcrawl-Signature"
BACKOFF = (1.0, 2.0, 4.0)  # seconds before each retry
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def signature(body: bytes, secret: str) -> str:
    """Return the header value a receiver recomputes to trust the body.

    >>> signature(b'{"id": "1"}', "s3cret")[:15]
    'sha256=9b6cbdf1'
    """
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def deliver(
    url: str, summary: dict[str, Any], secret: str, backoff: tuple[float, ...] = BACKOFF
) -> Iterator[dict[str, Any]]:
    """POST ``summary`` to ``url`` until it answers 2xx; yield each attempt's record."""
    if not url.startswith(("http://", "https://")):
        yield {"attempt": 1, "status_code": None, "error": f"not an http(s) URL: {url}"}
        return
    body = json.dumps(summary, ensure_ascii=False).encode()
    request = urllib.request.Request(  # noqa: S310 (http and https only, checked above)
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(body, secret),
            "User-Agent": "leadcrawl-webhook/0.1",
        },
    )
    for attempt, pause in enumerate((0.0, *backoff), start=1):
        time.sleep(pause)
        try:
            with _DIRECT.open(request, timeout=10) as response:
                yield {
                    "attempt": attempt,
                    "status_code": response.status,
                    "error": None,
                }
                return
        except urllib.error.HTTPError as error:
            yield {"attempt": attempt, "status_code": error.code, "error": str(error)}
        except OSError as error:  # refused, timed out, no such host
            yield {"attempt": attempt, "status_code": None, "error": str(error)}
