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

__all__ = [
    "Disqualification",
    "EmailCandidate",
    "EmailChoice",
    "Mailbox",
    "Qualification",
    "mailbox_kind",
    "qualify",
    "rank_emails",
]
