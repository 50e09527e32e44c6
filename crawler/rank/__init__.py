"""Pure ranking: which address, which profile, by rules written in docs/ranking.md."""

from crawler.rank.emails import (
    Disqualification,
    EmailCandidate,
    EmailChoice,
    Mailbox,
    Qualification,
    mailbox_kind,
    qualify,
    rank_emails,
)
from crawler.rank.socials import Exclusion, SocialProfiles, choose_profiles

__all__ = [
    "Disqualification",
    "EmailCandidate",
    "EmailChoice",
    "Exclusion",
    "Mailbox",
    "Qualification",
    "SocialProfiles",
    "choose_profiles",
    "mailbox_kind",
    "qualify",
    "rank_emails",
]
