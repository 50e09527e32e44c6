"""Pure extraction: what a page says, with no crawling, web framework or database.

Public API: ``extract_emails``, ``extract_socials``, ``canonical_profile`` and the value
types they return.
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
from crawler.extract.profiles import Network, Profile, canonical_profile
from crawler.extract.socials import SocialLink, SocialSource, extract_socials

__all__ = [
    "EmailSighting",
    "EmailSource",
    "Network",
    "PageKind",
    "PageRegion",
    "PageScan",
    "Profile",
    "RejectReason",
    "Rejection",
    "SocialLink",
    "SocialSource",
    "ThirdParty",
    "canonical_profile",
    "extract_emails",
    "extract_socials",
    "reject_reason",
    "scan_page",
]
