"""The website a POI points to, as ranking and crawling see it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from crawler.extract.domains import registrable_domain


@dataclass(frozen=True, slots=True)
class Site:
    """A site's host and the hosts it redirected to (each counts as the site's own)."""

    host: str
    redirected_hosts: tuple[str, ...] = ()

    @classmethod
    def from_url(cls, url: str, *redirected_urls: str) -> Site:
        """Build a site from its start URL and the URLs it redirected to.

        >>> Site.from_url("http://www.martin.fr/contact/").domains
        frozenset({'martin.fr'})
        """
        hosts = tuple(urlsplit(u).hostname or "" for u in redirected_urls)
        return cls(urlsplit(url).hostname or "", hosts)

    @property
    def domains(self) -> frozenset[str]:
        """The registrable domains on which an address is the site's own (rule 1)."""
        hosts = (self.host, *self.redirected_hosts)
        return frozenset(d for d in map(registrable_domain, hosts) if d)
