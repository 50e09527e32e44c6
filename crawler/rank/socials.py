"""``choose_profiles(links, business_name, site)``: one own profile per network.

Rules are numbered as in docs/ranking.md ("Social profile rules"); each element of
``_sort_key`` cites its rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from crawler.extract import Network, PageRegion, Profile, SocialLink, ThirdParty
from crawler.extract.socials import compact
from crawler.rank._platforms import PLATFORM_HANDLES
from crawler.sites import Site

_SITEWIDE = (PageRegion.HEADER, PageRegion.FOOTER)
_WORD = re.compile(r"[^\W_]{4,}")
_GENERIC_WORDS = frozenset({"www", "http", "https", "page", "official", "officiel"})


class Exclusion(StrEnum):
    """Why a linked profile is not the business's own (rule S1, S3)."""

    WEB_AGENCY = "web_agency"
    PLATFORM = "platform"
    THIRD_PARTY = "third_party"  # a partner's or a quoted customer's
    PERSON = "person"  # an employee's /in/ page of a firm (S3)


@dataclass(frozen=True, slots=True)
class SocialProfiles:
    """The six seed columns, plus the evidence behind them."""

    social_facebook: str | None = None
    social_instagram: str | None = None
    social_linkedin: str | None = None
    social_twitter: str | None = None
    social_tiktok: str | None = None
    social_youtube: str | None = None
    excluded: tuple[tuple[str, Exclusion], ...] = ()


def choose_profiles(
    links: Iterable[SocialLink], business_name: str, site: Site
) -> SocialProfiles:
    """Keep, per network, the profile the business itself operates.

    >>> from crawler.extract import extract_socials
    >>> page = ('<header><a href="https://www.facebook.com/boulangeriemartin">f</a></header>'
    ...         '<p>Site réalisé par <a href="https://www.facebook.com/pixelalpes">Pixel</a></p>')
    >>> choose_profiles(extract_socials(page, "http://martin.fr/"), "Martin", Site("martin.fr"))
    SocialProfiles(social_facebook='https://www.facebook.com/boulangeriemartin', social_instagram=None, social_linkedin=None, social_twitter=None, social_tiktok=None, social_youtube=None, excluded=(('https://www.facebook.com/pixelalpes', <Exclusion.WEB_AGENCY: 'web_agency'>),))
    """  # noqa: E501 (doctest output)
    by_profile: dict[Profile, list[SocialLink]] = {}
    for link in links:
        by_profile.setdefault(link.profile, []).append(link)
    names = _business_words(business_name, site)
    kept: dict[Network, list[tuple[Profile, list[SocialLink]]]] = {}
    excluded: dict[str, Exclusion] = {}
    for profile, group in by_profile.items():
        reason = exclusion(profile, group)
        if reason is None:
            kept.setdefault(profile.network, []).append((profile, group))
        else:
            excluded[profile.url] = reason
    chosen: dict[str, str] = {}
    for network, candidates in kept.items():
        people = [c for c in candidates if _is_person(c[0])]
        if people and not _one_person_practice(candidates, names):
            excluded.update((p.url, Exclusion.PERSON) for p, _ in people)  # S3
            candidates = [c for c in candidates if not _is_person(c[0])]
        if candidates:
            best = min(candidates, key=lambda c: _sort_key(c[0], c[1], names))
            chosen[f"social_{network.value}"] = best[0].url
    return SocialProfiles(**chosen, excluded=tuple(sorted(excluded.items())))


def exclusion(profile: Profile, links: Sequence[SocialLink]) -> Exclusion | None:
    """Rule S1: the agency's, a platform's, a partner's or a customer's profile."""
    handle = compact(profile.handle)
    agencies = {a for link in links for a in link.agencies}
    if all(link.third_party is ThirdParty.WEB_AGENCY for link in links) or any(
        a and (a in handle or handle in a) for a in agencies if len(a) >= 4
    ):
        return Exclusion.WEB_AGENCY
    if handle in PLATFORM_HANDLES:
        return Exclusion.PLATFORM
    if all(link.third_party is not None for link in links):
        return Exclusion.THIRD_PARTY
    return None


def _one_person_practice(
    candidates: Sequence[tuple[Profile, list[SocialLink]]], names: frozenset[str]
) -> bool:
    """Rule S3: the only LinkedIn link is a person's, whose name names the business.

    Slugs write the name first (``claire-vasseur-4a2b1``, ``lena-krueger-physio``): its
    first two words are compared, whole, with the business's words.
    """
    (profile, _), *others = candidates
    if others or not _is_person(profile):
        return False
    name_words = [w for w in re.split(r"[-_.\d]+", profile.handle) if w][:2]
    return any(compact(word) in names for word in name_words)


def _sort_key(
    profile: Profile, links: Sequence[SocialLink], names: frozenset[str]
) -> tuple[bool, bool, int, str]:
    sitewide = any(link.region in _SITEWIDE for link in links) or (
        len({link.page_url for link in links}) > 1
    )
    return (
        not sitewide,  # S2a: linked site-wide
        not _matches(profile.handle, names),  # S2b: handle matches the business
        -len(links),  # S2c: more sightings
        profile.url,  # S2c: stable tie-break
    )


def _business_words(business_name: str, site: Site) -> frozenset[str]:
    """Return the compacted name, domain labels and words naming the business."""
    words = {compact(business_name)}
    words.update(compact(w) for w in _WORD.findall(business_name))
    for domain in site.domains:
        label = domain.split(".")[0]
        words.add(compact(label))
        words.update(compact(w) for w in _WORD.findall(label.replace("-", " ")))
    return frozenset(w for w in words if len(w) >= 4 and w not in _GENERIC_WORDS)


def _matches(handle: str, names: frozenset[str]) -> bool:
    """Rule S2b: the handle and the business's name or domain name each other."""
    compacted = compact(handle)
    return any(name in compacted or compacted in name for name in names if compacted)


def _is_person(profile: Profile) -> bool:
    return profile.network is Network.LINKEDIN and "/in/" in profile.url
