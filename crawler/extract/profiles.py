"""``canonical_profile(url)``: one canonical URL per social profile, or None.

One function per network reads a parsed URL; the path rules live in ``_networks``.
Canonical forms are those of issue 4: no locale or mobile sub-domain, no query string
(except Facebook's ``profile.php?id=``), no fragment, no trailing slash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, quote, unquote, urlsplit

from crawler.extract import _networks as rules


class Network(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"
    TWITTER = "twitter"  # X: twitter.com and x.com alike
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"


@dataclass(frozen=True, slots=True)
class Profile:
    """A social profile: its network, canonical URL and handle (in canonical case).

    Two links to one profile give equal values, however they were written.
    """

    network: Network
    url: str
    handle: str


@dataclass(frozen=True, slots=True)
class _Parts:
    segments: list[str]  # decoded, non-empty path segments
    query: dict[str, list[str]]


_HOSTS = {
    "facebook.com": Network.FACEBOOK,
    "fb.com": Network.FACEBOOK,
    "instagram.com": Network.INSTAGRAM,
    "instagr.am": Network.INSTAGRAM,
    "linkedin.com": Network.LINKEDIN,
    "twitter.com": Network.TWITTER,
    "x.com": Network.TWITTER,
    "tiktok.com": Network.TIKTOK,
    "youtube.com": Network.YOUTUBE,
}
# Sub-domains that show the same profile: mobile and web variants, and the locale
# sub-domains of Facebook (fr-fr.) and LinkedIn (fr.). Any other sub-domain
# (l.facebook.com, vm.tiktok.com, music.youtube.com) is another service.
_SAME_SITE = re.compile(r"^(?:www|m|mobile|web|mbasic|touch)$")
_LOCALE = {
    Network.FACEBOOK: re.compile(r"^[a-z]{2}[-_][a-z]{2}$"),
    Network.LINKEDIN: re.compile(r"^[a-z]{2}$"),
}
_INSTAGRAM_USER = re.compile(r"^[a-z0-9._]{1,30}$")
_TWITTER_HANDLE = re.compile(r"^[a-z0-9_]{1,15}$")
_TIKTOK_USER = re.compile(r"^@[a-z0-9._]{2,24}$")
_YOUTUBE_HANDLE = re.compile(r"^@[\w.-]{3,30}$")
_YOUTUBE_CHANNEL = re.compile(r"^UC[\w-]{22}$")
_FACEBOOK_PAGE = re.compile(r"^[\w.-]{2,}$")
_LINKEDIN_KINDS = ("company", "in", "school", "showcase")
_SLUG_SAFE = "@._-~!$'()*+,;=:"


def canonical_profile(url: str) -> Profile | None:
    """Return the profile ``url`` links to, in canonical form, or None if it is not one.

    >>> canonical_profile("https://fr-fr.facebook.com/BoulangerieMartin/?ref=bookmarks")
    Profile(network=<Network.FACEBOOK: 'facebook'>, url='https://www.facebook.com/boulangeriemartin', handle='boulangeriemartin')
    >>> canonical_profile("https://twitter.com/intent/tweet?url=x") is None
    True
    """  # noqa: E501 (a doctest's expected output is one line)
    located = _locate(url)
    if located is None:
        return None
    network, parts = located
    return _READERS[network](parts)


def _locate(url: str) -> tuple[Network, _Parts] | None:
    """Find the network of ``url`` by its exact host, and split its path."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    elif "://" not in url:
        url = "https://" + url
    try:
        split = urlsplit(url)
        host = (split.hostname or "").rstrip(".")
    except ValueError:
        return None
    if split.scheme not in ("http", "https"):
        return None
    labels = host.split(".")
    network = _HOSTS.get(".".join(labels[-2:]))
    if network is None:
        return None
    for label in labels[:-2]:
        locale = _LOCALE.get(network)
        if not (_SAME_SITE.match(label) or (locale and locale.match(label))):
            return None  # another service of the network, or a look-alike
    path = split.path
    if split.fragment.startswith("!/"):  # twitter.com/#!/handle, from the 2010s
        path = split.fragment[1:]
    segments = [unquote(s) for s in path.split("/") if s]
    return network, _Parts(segments, parse_qs(split.query))


def _facebook(parts: _Parts) -> Profile | None:
    segments = parts.segments
    if not segments:
        return None
    first = segments[0].lower()
    if first == "profile.php":
        ids = parts.query.get("id", [])
        if ids and ids[0].isdigit():
            url = f"https://www.facebook.com/profile.php?id={ids[0]}"
            return Profile(Network.FACEBOOK, url, ids[0])
        return None
    if first == "people" and len(segments) >= 3 and segments[2].isdigit():
        name = quote(segments[1], safe=_SLUG_SAFE)
        url = f"https://www.facebook.com/people/{name}/{segments[2]}"
        return Profile(Network.FACEBOOK, url, segments[1])
    if first == "pages" and len(segments) >= 3 and segments[1].lower() != "category":
        if segments[-1].isdigit():  # /pages/<name>/<id>: the page's numeric id
            return _facebook_page(segments[-1], [])
        return None
    if first == "pg" and len(segments) >= 2:
        return _facebook_page(segments[1], segments[2:])
    if first in rules.FACEBOOK_RESERVED:
        return None
    return _facebook_page(segments[0], segments[1:])


def _facebook_page(name: str, rest: list[str]) -> Profile | None:
    item = rest[0].lower() if rest else ""
    if item in rules.FACEBOOK_ITEMS and (len(rest) > 1 or item.endswith(".php")):
        return None  # one post, photo or video of the page (a bare tab is the page)
    handle = name.lower()
    if not _FACEBOOK_PAGE.match(handle) or handle in rules.BUILDER_DEFAULTS:
        return None
    if handle.endswith(".php"):
        return None
    url = f"https://www.facebook.com/{quote(handle, safe=_SLUG_SAFE)}"
    return Profile(Network.FACEBOOK, url, handle)


def _instagram(parts: _Parts) -> Profile | None:
    segments = parts.segments
    if not segments:
        return None
    user = segments[0].lower()
    if user in rules.INSTAGRAM_RESERVED or user in rules.BUILDER_DEFAULTS:
        return None
    if len(segments) > 1 and segments[1].lower() in ("p", "reel", "tv", "stories"):
        return None
    if not _INSTAGRAM_USER.match(user):
        return None
    return Profile(Network.INSTAGRAM, f"https://www.instagram.com/{user}", user)


def _linkedin(parts: _Parts) -> Profile | None:
    segments = parts.segments
    if len(segments) < 2 or segments[0].lower() not in _LINKEDIN_KINDS:
        return None
    kind, slug = segments[0].lower(), segments[1].lower()
    if slug in rules.BUILDER_DEFAULTS or slug == "linkedin" or not slug.strip("-_."):
        return None
    url = f"https://www.linkedin.com/{kind}/{quote(slug, safe=_SLUG_SAFE)}"
    return Profile(Network.LINKEDIN, url, slug)


def _twitter(parts: _Parts) -> Profile | None:
    segments = parts.segments
    if not segments:
        return None
    handle = segments[0].lower().lstrip("@")
    if handle in rules.TWITTER_RESERVED or handle in rules.BUILDER_DEFAULTS:
        return None
    if len(segments) > 1 and segments[1].lower() in ("status", "statuses"):
        return None  # a single post
    if not _TWITTER_HANDLE.match(handle):
        return None
    return Profile(Network.TWITTER, f"https://x.com/{handle}", handle)


def _tiktok(parts: _Parts) -> Profile | None:
    segments = parts.segments
    if not segments or segments[0].lower() in rules.TIKTOK_RESERVED:
        return None
    user = segments[0].lower()
    if len(segments) > 1 and segments[1].lower() in ("video", "photo", "live"):
        return None
    if not _TIKTOK_USER.match(user) or user[1:] in rules.BUILDER_DEFAULTS:
        return None
    return Profile(Network.TIKTOK, f"https://www.tiktok.com/{user}", user[1:])


def _youtube(parts: _Parts) -> Profile | None:
    segments = parts.segments
    if not segments:
        return None
    first = segments[0]
    if first.startswith("@"):
        handle = first.lower()
        if not _YOUTUBE_HANDLE.match(handle) or handle[1:] in rules.BUILDER_DEFAULTS:
            return None
        return Profile(Network.YOUTUBE, f"https://www.youtube.com/{handle}", handle[1:])
    kind = first.lower()
    if kind == "channel" and len(segments) > 1 and _YOUTUBE_CHANNEL.match(segments[1]):
        url = f"https://www.youtube.com/channel/{segments[1]}"  # ids are case-sensitive
        return Profile(Network.YOUTUBE, url, segments[1])
    if kind in ("c", "user") and len(segments) > 1:
        name = segments[1]
    elif kind not in rules.YOUTUBE_RESERVED and kind not in ("channel", "c", "user"):
        kind, name = "c", first  # youtube.com/<name> is the custom URL /c/<name>
    else:
        return None
    if name.lower() in rules.BUILDER_DEFAULTS or not re.match(r"^[\w.-]+$", name):
        return None
    url = f"https://www.youtube.com/{kind}/{quote(name, safe=_SLUG_SAFE)}"
    return Profile(Network.YOUTUBE, url, name)


_READERS: dict[Network, Callable[[_Parts], Profile | None]] = {
    Network.FACEBOOK: _facebook,
    Network.INSTAGRAM: _instagram,
    Network.LINKEDIN: _linkedin,
    Network.TWITTER: _twitter,
    Network.TIKTOK: _tiktok,
    Network.YOUTUBE: _youtube,
}
