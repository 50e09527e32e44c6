"""``rank_emails(sightings, site)``: the one address to write to, and why.

Rules are numbered as in docs/ranking.md; each element of ``EmailCandidate.sort_key``
cites its rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from crawler.extract import EmailSighting, PageKind, PageRegion
from crawler.extract import _vocabulary as vocab
from crawler.extract.domains import registrable_domain
from crawler.extract.text import fold
from crawler.rank._webmail import WEBMAIL_DOMAINS
from crawler.sites import Site

_LOCAL_TOKENS = re.compile(r"[._+\-\d]+")
_INITIAL_DOT_NAME = re.compile(r"^[a-z]\.[a-z]{2,}(?:-[a-z]{2,})?$")
_ROLE_PREFIXES = (
    "contact",
    "info",
    "hello",
    "kontakt",
    "contacto",
    "contatti",
    "accueil",
    "reservation",
    "booking",
    "bonjour",
    "welcome",
)


class Mailbox(IntEnum):
    """Whose mailbox an address is; lower ranks first (rule 2)."""

    PERSONAL = 0  # jean.dupont@, j.dupont@, marie@, or the name written next to it
    GENERAL = 1  # contact@, info@, and the business's own name (martin.boulangerie@)
    DEPARTMENT = 2  # compta@, rh@, presse@, webmaster@: real, but not the front door


class Qualification(StrEnum):
    ON_DOMAIN = "on_domain"
    WEBMAIL = "webmail"


class Disqualification(StrEnum):
    """Why an address found on the site is not the business's own (rule 1)."""

    OTHER_ORGANISATION = "other_organisation"  # another domain: agency, host, partner
    THIRD_PARTY_CONTEXT = "third_party_context"  # a webmail only seen in credits/quotes


@dataclass(frozen=True, slots=True)
class EmailCandidate:
    """A qualified address with its evidence gathered over the site's pages."""

    address: str
    qualification: Qualification
    mailbox: Mailbox
    sightings: tuple[EmailSighting, ...]

    @property
    def manager(self) -> bool:
        return any(s.manager for s in self.sightings)

    @property
    def on_contact_page(self) -> bool:
        return any(s.page_kind is not PageKind.OTHER for s in self.sightings)

    @property
    def sitewide(self) -> bool:
        regions = (PageRegion.HEADER, PageRegion.FOOTER)
        return any(s.region in regions for s in self.sightings)

    @property
    def pages(self) -> int:
        return len({s.page_url for s in self.sightings})

    @property
    def sort_key(self) -> tuple[int, bool, bool, bool, bool, int, int, str]:
        return (
            self.mailbox,  # 2: a person's mailbox, then general, then departmental
            not self.manager,  # 3a: the owner or manager over other staff
            self.qualification is not Qualification.ON_DOMAIN,  # 3b: on-domain first
            not self.on_contact_page,  # 3c: seen on a contact or legal page
            not self.sitewide,  # 3d: in the header or footer
            -self.pages,  # 3e: on more pages
            -len(self.sightings),  # 3e: more often
            self.address,  # 4: stable tie-break
        )

    @property
    def best_sighting(self) -> EmailSighting:
        """The sighting that best shows where to find the address (``email_source``)."""
        return min(
            self.sightings,
            key=lambda s: (s.page_kind is PageKind.OTHER, s.page_url, s.source),
        )


@dataclass(frozen=True, slots=True)
class EmailChoice:
    """The ranked result for one site, in the seed's output vocabulary."""

    email: str | None
    email_personal: str | None
    email_source: str | None
    email_candidates: tuple[str, ...]
    candidates: tuple[EmailCandidate, ...]
    disqualified: tuple[tuple[str, Disqualification], ...]


def rank_emails(sightings: Iterable[EmailSighting], site: Site) -> EmailChoice:
    """Choose the address to write to among everything seen on ``site``'s pages.

    >>> from crawler.extract import extract_emails
    >>> page = '<p>contact@martin.fr</p><p>Gérante : Marie Martin, marie@martin.fr</p>'
    >>> rank_emails(extract_emails(page, "http://martin.fr/"), Site("martin.fr")).email
    'marie@martin.fr'
    """
    by_address: dict[str, list[EmailSighting]] = {}
    for sighting in sightings:
        by_address.setdefault(sighting.address, []).append(sighting)
    people = tuple(
        {s.person for group in by_address.values() for s in group if s.person}
    )
    candidates, disqualified = [], []
    for address, group in by_address.items():
        verdict = qualify(address, group, site)
        if isinstance(verdict, Disqualification):
            disqualified.append((address, verdict))
            continue
        names = [s.person for s in group if s.person] + list(people)
        mailbox = mailbox_kind(address.partition("@")[0], names)
        candidates.append(EmailCandidate(address, verdict, mailbox, tuple(group)))
    candidates.sort(key=lambda c: c.sort_key)
    best = candidates[0] if candidates else None
    return EmailChoice(
        email=best.address if best else None,
        email_personal=best.address
        if best and best.mailbox is Mailbox.PERSONAL
        else None,
        email_source=best.best_sighting.page_url if best else None,
        email_candidates=tuple(c.address for c in candidates),
        candidates=tuple(candidates),
        disqualified=tuple(sorted(disqualified)),
    )


def qualify(
    address: str, sightings: Sequence[EmailSighting], site: Site
) -> Qualification | Disqualification:
    """Rule 1: the site's own domain, or a webmail given as the business's contact."""
    domain = registrable_domain(address.partition("@")[2])
    if domain in site.domains:
        return Qualification.ON_DOMAIN
    if domain not in WEBMAIL_DOMAINS:
        return Disqualification.OTHER_ORGANISATION
    if all(s.third_party is not None for s in sightings):
        return Disqualification.THIRD_PARTY_CONTEXT
    return Qualification.WEBMAIL


def mailbox_kind(local_part: str, people: Sequence[str] = ()) -> Mailbox:
    """Rule 2: tell a person's mailbox from a role address.

    >>> mailbox_kind("jean.dupont"), mailbox_kind("j.dupont"), mailbox_kind("contact")
    (<Mailbox.PERSONAL: 0>, <Mailbox.PERSONAL: 0>, <Mailbox.GENERAL: 1>)
    >>> mailbox_kind("cabinet.lefort"), mailbox_kind("lefort", ["Maître Paul Lefort"])
    (<Mailbox.GENERAL: 1>, <Mailbox.PERSONAL: 0>)
    >>> mailbox_kind("recrutement"), mailbox_kind("evenements")
    (<Mailbox.DEPARTMENT: 2>, <Mailbox.GENERAL: 1>)
    """
    local = fold(local_part)
    tokens = [t for t in _LOCAL_TOKENS.split(local) if t]
    if any(t in vocab.DEPARTMENT_WORDS for t in tokens):
        return Mailbox.DEPARTMENT
    if any(t in vocab.ROLE_WORDS for t in tokens) or local.startswith(_ROLE_PREFIXES):
        return Mailbox.GENERAL  # a role word wins over a name inside it (contact.marie)
    if (tokens and tokens[0] in vocab.FIRST_NAMES) or _INITIAL_DOT_NAME.match(local):
        return Mailbox.PERSONAL
    if any(_matches_name(local, tokens, person) for person in people):
        return Mailbox.PERSONAL
    return Mailbox.GENERAL


def _matches_name(local: str, tokens: list[str], person: str) -> bool:
    """Tell whether a local part spells ``person``'s name: jdupont, dupont.j, dupont.

    Every word must be the person's: ``fournil.gaillard`` beside "Thomas Gaillard" is
    the business (a trade and the owner's name), not his mailbox.
    """
    names = [n for n in re.split(r"[\s'’-]+", fold(person)) if len(n) > 1]
    names = [n.rstrip(".") for n in names if n.rstrip(".") not in vocab.PERSON_TITLES]
    if len(names) < 1:
        return False
    initials = {n[0] for n in names}
    if any(t in names for t in tokens if len(t) > 2) and all(
        t in names or (len(t) == 1 and t in initials) for t in tokens
    ):
        return True
    first, last = names[0], names[-1]
    compact = local.replace(".", "").replace("-", "").replace("_", "")
    return len(names) > 1 and compact in (
        first[0] + last,
        last + first[0],
        first + last,
    )
