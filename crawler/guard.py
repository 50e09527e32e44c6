"""Never turn the crawler against the machine it runs on or its network (SSRF).

A POI's website, a link, a redirect or a sitemap entry can name ``localhost``, a private
address, a link-local one (cloud metadata at 169.254.169.254) or a name that resolves to
one. Two checks refuse them unless ``LEADCRAWL_ALLOWED_NETWORKS`` lists the network:
``TargetGuard`` (a downloader middleware) on every request's target host, redirects
included, and ``GuardedResolver`` (``TWISTED_DNS_RESOLVER``) on what names resolve to.
Through a proxy the target host is checked, not the proxy's address (the proxy resolves
names itself; the fixture farm is such a proxy on loopback).
"""

from __future__ import annotations

import ipaddress
import urllib.request
from collections.abc import Iterable, Sequence
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
LOCAL_SUFFIXES = (
    ".localhost",
    ".local",
    ".internal",
    ".intranet",
    ".lan",
    ".home.arpa",
)
REFUSED = "refused"  # opens every refusal's text: crawler.status keeps it as the detail


def networks(allowed: Iterable[str]) -> list[Network]:
    return [ipaddress.ip_network(cidr, strict=False) for cidr in allowed]


def forbidden_address(address: Address, allowed: Sequence[Network] = ()) -> bool:
    """Tell an address the crawler must not reach: anything not globally routable.

    >>> forbidden_address(ipaddress.ip_address("169.254.169.254"))
    True
    >>> forbidden_address(ipaddress.ip_address("93.184.215.14"))
    False
    >>> forbidden_address(ipaddress.ip_address("10.1.2.3"), networks(["10.0.0.0/8"]))
    False
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if any(address in network for network in allowed):
        return False
    return not address.is_global or address.is_multicast


def refusal(host: str, allowed: Sequence[Network] = ()) -> str | None:
    """Return why ``host`` (a URL's host) is refused, or None when it may be requested.

    >>> refusal("metadata.google.internal")
    'refused: metadata.google.internal is a local name'
    >>> refusal("boulangerie-martin.fr") is None
    True
    """
    host = host.strip("[]").rstrip(".").lower()
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
            return f"{REFUSED}: {host} is a local name"
        return None
    if forbidden_address(address, allowed):
        return f"{REFUSED}: {host} is not a public address"
    return None


class TargetGuard:
    """Refuse requests whose target host is local or private (before any download)."""

    def __init__(self, allowed: list[Network]) -> None:
        self.allowed = allowed

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(networks(crawler.settings.getlist("LEADCRAWL_ALLOWED_NETWORKS")))

    def process_request(self, request: Request) -> None:
        reason = refusal(urlsplit(request.url).hostname or "", self.allowed)
        if reason is not None:
            raise IgnoreRequest(reason)


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's resolver, refusing names that resolve to a private address.

    It also resolves the proxy's own address or name, which is not checked: the operator
    configured it, and the fixture farm is a proxy on loopback.
    """

    allowed: Sequence[Network] = ()  # set by from_crawler, from the settings
    proxies: frozenset[str] = frozenset()

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> Self:
        resolver: Self = super().from_crawler(crawler, reactor)
        resolver.proxies = proxy_hosts()  # read once, as HttpProxyMiddleware does
        resolver.allowed = networks(
            crawler.settings.getlist("LEADCRAWL_ALLOWED_NETWORKS")
        )
        return resolver

    def getHostByName(self, name: str, timeout: Any = None) -> Any:
        if is_address(name) or name in self.proxies:
            # an address was checked as a URL's host (TargetGuard), or is the proxy's;
            # the proxy's name is the operator's choice, wherever it points
            return super().getHostByName(name, timeout)

        def check(address: str) -> str:
            if forbidden_address(ipaddress.ip_address(address), self.allowed):
                raise DNSLookupError(
                    f"{REFUSED}: {name} resolves to {address}, not a public address"
                )
            return address

        return super().getHostByName(name, timeout).addCallback(check)


def is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def proxy_hosts() -> frozenset[str]:
    """Return the configured proxies' hosts, read as ``HttpProxyMiddleware`` does."""
    hosts = set()
    for url in urllib.request.getproxies().values():
        host = urlsplit(url if "://" in url else f"http://{url}").hostname
        if host:
            hosts.add(host)
    return frozenset(hosts)
