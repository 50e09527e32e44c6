"""The website a POI points to: what lists write in ``site_web``, and what it means.

Pure: ``normalise_site`` decides, for the spiders and for the job API alike, whether a
value is a website to crawl, and says why when it is not.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import safe_url_string

from crawler.extract.domains import registrable_domain

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_SOCIAL_DOMAINS = frozenset(
    {
        "facebook.com",
        "fb.com",
        "instagram.com",
        "linkedin.com",
        "twitter.com",
        "x.com",
        "tiktok.com",
        "youtube.com",
    }
)


class SiteProblem(StrEnum):
    """Why a POI has no site to crawl (its ``status`` in the output)."""

    NO_WEBSITE = "no_website"
    INVALID_URL = "invalid_url"


@dataclass(frozen=True, slots=True)
class SiteRejection:
    problem: SiteProblem
    detail: str


@dataclass(frozen=True, slots=True)
class Site:
    """A site: its host, the hosts it redirected to (its own too), its start URL."""

    host: str
    redirected_hosts: tuple[str, ...] = ()
    start_url: str = ""

    @classmethod
    def from_url(cls, url: str, *redirected_urls: str) -> Site:
        """Build a site from its start URL and the URLs it redirected to.

        >>> Site.from_url("http://www.martin.fr/contact/").domains
        frozenset({'martin.fr'})
        """
        hosts = tuple(urlsplit(u).hostname or "" for u in redirected_urls)
        return cls(urlsplit(url).hostname or "", hosts, url)

    @property
    def domains(self) -> frozenset[str]:
        """The registrable domains on which an address is the site's own (rule 1)."""
        hosts = (self.host, *self.redirected_hosts)
        return frozenset(d for d in map(registrable_domain, hosts) if d)


def normalise_site(site_web: object) -> Site | SiteRejection:
    """Read a ``site_web`` value the way a person would, or say why it is no website.

    >>> normalise_site(" WWW.Martin.fr ").start_url
    'http://www.martin.fr/'
    >>> normalise_site("mailto:contact@martin.fr").problem
    <SiteProblem.INVALID_URL: 'invalid_url'>
    """
    if not isinstance(site_web, str) or not site_web.strip():
        return SiteRejection(SiteProblem.NO_WEBSITE, "no website given")
    value = "".join(site_web.split()).strip("\"'<>")
    scheme = _SCHEME.match(value)
    if scheme and "." not in scheme[1]:  # "www.martin.fr:8080" has a port, not a scheme
        if scheme[1].lower() not in ("http", "https"):
            return _invalid(f"a {scheme[1].lower()}: link, not a website")
    elif value.startswith("//"):
        value = "http:" + value
    else:
        value = "http://" + value
    try:
        parts = urlsplit(safe_url_string(value))
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return _invalid("not a URL")
    problem = _host_problem(host, parts.username)
    if problem:
        return _invalid(problem)
    domain = registrable_domain(host)
    if domain in _SOCIAL_DOMAINS:
        return _invalid(f"a {domain} page, not the business's own website")
    start_url = urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )
    return Site(host=host, start_url=start_url)


def _host_problem(host: str, username: str | None) -> str | None:
    if username is not None:
        return "an email address or credentials, not a website"
    if not host:
        return "no host name"
    if _is_ip_address(host):
        return "an IP address, not a website"
    if host == "localhost" or host.endswith(".localhost"):
        return "a local address, not a website"
    if registrable_domain(host) is None:
        return f"{host!r} is not under a public domain suffix"
    return None


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _invalid(detail: str) -> SiteRejection:
    return SiteRejection(SiteProblem.INVALID_URL, detail)


# The seeds' name first, then aliases upstream tools and spreadsheets use (as
# ``column_key`` writes them: "Site Web", "Website", "Site internet" count).
SITE_KEYS = ("site_web", "website", "url", "site", "site_internet", "web", "homepage")


def column_key(name: str) -> str:
    """Return a column's name as ``SITE_KEYS`` write it: no case, accent or spacing.

    >>> [column_key(n) for n in ("Site Web", " WEBSITE ", "Site-Internet", "Sité web")]
    ['site_web', 'website', 'site_internet', 'site_web']
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def website_column(columns: Iterable[str]) -> str | None:
    """Return the column that holds the websites, the seeds' name first; None if none.

    >>> website_column(["Nom", "Ville", "Site Web"])
    'Site Web'
    >>> website_column(["nom", "url", "site_web"]), website_column(["nom"])
    ('site_web', None)
    """
    by_key = {column_key(column): column for column in reversed(list(columns))}
    return next((by_key[key] for key in SITE_KEYS if key in by_key), None)


def site_web(poi: dict[str, Any]) -> object:
    """Return the POI's website value: ``site_web`` (the seeds' name) or an alias.

    >>> site_web({"Nom": "Martin", "Site Web": "martin.fr"})
    'martin.fr'
    >>> site_web({"site_web": "", "url": "https://martin.fr/"})
    'https://martin.fr/'
    """
    by_key: dict[str, Any] = {}
    for name, value in poi.items():
        if value and isinstance(name, str):
            by_key.setdefault(column_key(name), value)
    return next((by_key[key] for key in SITE_KEYS if key in by_key), None)


def site_key(site: Site) -> str:
    """One crawl per site: ``www.martin.fr`` and ``martin.fr/contact`` are one site."""
    return site.host.removeprefix("www.")
