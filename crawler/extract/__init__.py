"""Pure extraction: what a page says, with no crawling, web framework or database.

Public API: ``extract_emails`` and the value types it returns.
"""

from crawler.extract.context import ThirdParty
from crawler.extract.email_filters import RejectReason, reject_reason
from crawler.extract.email_sources import EmailSource
from crawler.extract.emails import (
    EmailSighting,
    PageScan,
    Rejection,
    extract_emails,
    scan_page,
)
from crawler.extract.page import PageKind, PageRegion

__all__ = [
    "EmailSighting",
    "EmailSource",
    "PageKind",
    "PageRegion",
    "PageScan",
    "RejectReason",
    "Rejection",
    "ThirdParty",
    "extract_emails",
    "reject_reason",
    "scan_page",
]
