"""Why a site gave what it gave: the ``status`` column, read from how requests ended."""

from __future__ import annotations

from enum import StrEnum

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectError,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawler.guard import REFUSED

# Scrapy 2.13+ raises its own download errors; Twisted's stay for other handlers.
_TIMEOUTS = (DownloadTimeoutError, TimeoutError, TCPTimedOutError)
_NO_HOST = (CannotResolveHostError, DNSLookupError)
_CONNECTION = (
    DownloadFailedError,
    DownloadConnectionRefusedError,
    ResponseDataLossError,
    ConnectError,
    ConnectionLost,
    ResponseFailed,
    ResponseNeverReceived,
)


class Status(StrEnum):
    """The seed's per-item status: tells "no email on this site" from "site down"."""

    OK = "ok"
    NO_CANDIDATE = "no_candidate"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    HTTP_ERROR = "http_error"
    ROBOTS_DISALLOWED = "robots_disallowed"
    INVALID_URL = "invalid_url"
    NO_WEBSITE = "no_website"


def failure_status(failure: Failure) -> tuple[Status, str]:
    """Classify a failed request: the status and a sentence for ``status_detail``."""
    error = failure.value
    if isinstance(error, HttpError):
        return Status.HTTP_ERROR, f"HTTP {error.response.status}"
    if isinstance(error, _TIMEOUTS):
        return Status.TIMEOUT, "no answer before the download timeout"
    if isinstance(error, IgnoreRequest):
        if "robots.txt" in str(error):
            return Status.ROBOTS_DISALLOWED, "robots.txt forbids crawling this page"
        return Status.UNREACHABLE, str(error) or "request dropped"
    if isinstance(error, DownloadCancelledError) and "max size" in str(error):
        return Status.UNREACHABLE, "the page is larger than the download size limit"
    if isinstance(error, _NO_HOST):
        message = str(error)
        if REFUSED in message:  # it resolves, to our own network (crawler.guard)
            return Status.UNREACHABLE, message[message.index(REFUSED) :]
        return Status.UNREACHABLE, "the host name does not resolve"
    if isinstance(error, _CONNECTION):
        return Status.UNREACHABLE, "the connection failed or was reset"
    return Status.UNREACHABLE, str(error) or repr(error)
