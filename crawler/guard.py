"""Never turn the crawler against the machine it runs on or its network (SSRF).

A POI's website, a link, a redirect or a sitemap entry can name ``localhost``, a private
address, a link-local one (cloud metadata at 169.254.169.254) or a name that resolves to
one. These checks refuse them unless ``LEADCRAWL_ALLOWED_NETWORKS`` lists the network:
``TargetGuard`` (a downloader middleware) on every request's target host, redirects
included, and ``GuardedResolver`` (``TWISTED_DNS_RESOLVER``) on what names resolve to;
``BrowserGuard`` on every request a rendered page makes (its scripts' too), and
``resolved_address`` on webhooks. Through a proxy the target host is checked, not the
proxy's address (the proxy resolves names itself; the fixture farm is such a proxy on
loopback). The ports of leadcrawl's own services (scrapyd, the API) are refused on any
host, an allowed network's too, unless ``LEADCRAWL_ALLOWED_PORTS`` lists them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
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


def service_ports(environ: Mapping[str, str]) -> frozenset[int]:
    """Return the ports of leadcrawl's own services, which nothing may crawl.

    scrapyd's (6800, this node's ``SCRAPYD_HTTP_PORT``, the configured nodes') and the
    API's (8000, ``LEADCRAWL_PORT``), less those ``LEADCRAWL_ALLOWED_PORTS`` lists.

    >>> sorted(service_ports({"LEADCRAWL_SCRAPYD_NODES": "http://n1:6801,http://n2"}))
    [6800, 6801, 8000]
    >>> api_on_81 = {"LEADCRAWL_PORT": "81", "LEADCRAWL_ALLOWED_PORTS": "8000"}
    >>> sorted(service_ports(api_on_81))
    [81, 6800]
    """
    ports = {6800, 8000}
    for name in ("SCRAPYD_HTTP_PORT", "LEADCRAWL_SCRAPYD_PORT", "LEADCRAWL_PORT"):
        if environ.get(name, "").isdigit():
            ports.add(int(environ[name]))
    for node in filter(None, environ.get("LEADCRAWL_SCRAPYD_NODES", "").split(",")):
        port = urlsplit(node).port  # a node behind a web server on 80/443: not those
        if port:
            ports.add(port)
    allowed = environ.get("LEADCRAWL_ALLOWED_PORTS", "").split(",")
    return frozenset(ports - {int(port) for port in allowed if port.isdigit()})


def url_refusal(
    url: str, allowed: Sequence[Network] = (), ports: Iterable[int] = ()
) -> str | None:
    """Return why ``url`` is refused by its host or port, or None (no DNS here).

    >>> url_refusal("http://boulangerie-martin.fr:6800/", ports=[6800])
    "refused: port 6800 is a leadcrawl service's (scrapyd or the API)"
    >>> url_refusal("https://boulangerie-martin.fr/contact", ports=[6800]) is None
    True
    """
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme in ("https", "wss") else 80)
    except ValueError:
        return f"{REFUSED}: {url} has no valid port"
    if port in ports:
        return f"{REFUSED}: port {port} is a leadcrawl service's (scrapyd or the API)"
    return refusal(parts.hostname or "", allowed)


def resolved_address(
    host: str, port: int, allowed: Sequence[Network] = ()
) -> tuple[str | None, str | None]:
    """Resolve ``host``; return (an address to connect to, None) or (None, why not).

    Every address the name resolves to is checked: the one connected to is one of them,
    so a name cannot pass with one address and be used with another (DNS rebinding).

    >>> resolved_address("2130706433", 80)  # 127.0.0.1, written as a number
    (None, 'refused: 2130706433 resolves to 127.0.0.1, not a public address')
    """
    reason = refusal(host, allowed)
    if reason is not None:
        return None, reason
    try:
        answers = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except OSError as error:
        return None, f"{host}: {error}"
    addresses = [str(answer[4][0]) for answer in answers]
    for address in addresses:
        if forbidden_address(ipaddress.ip_address(address), allowed):
            return (
                None,
                f"{REFUSED}: {host} resolves to {address}, not a public address",
            )
    return addresses[0], None


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
    """Refuse requests to a local or private host, or to our services' ports.

    Before any download, redirects included.
    """

    def __init__(self, allowed: list[Network], ports: Iterable[int] = ()) -> None:
        self.allowed, self.ports = allowed, frozenset(ports)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        return cls(
            networks(settings.getlist("LEADCRAWL_ALLOWED_NETWORKS")),
            map(int, settings.getlist("LEADCRAWL_SERVICE_PORTS")),
        )

    def process_request(self, request: Request) -> None:
        reason = url_refusal(request.url, self.allowed, self.ports)
        if reason is not None:
            raise IgnoreRequest(reason)


class BrowserGuard:
    """Playwright's abort predicate: what a rendered page may load.

    Chromium loads what the page and its scripts ask for, outside Scrapy's middlewares:
    each request's URL is checked like ``TargetGuard`` checks Scrapy's, and without a
    proxy its host's addresses too (through one, the proxy resolves names). Images,
    fonts and media are not loaded at all: addresses are in text.
    """

    def __init__(
        self,
        blocked_types: Iterable[str],
        allowed: Sequence[Network] = (),
        ports: Iterable[int] = (),
        resolve: bool = True,
    ) -> None:
        self.blocked_types = frozenset(blocked_types)
        self.allowed, self.ports, self.resolve = allowed, frozenset(ports), resolve
        self._verdicts: dict[str, bool] = {}  # host -> refused, per crawl

    async def __call__(self, request: Any) -> bool:
        if request.resource_type in self.blocked_types:
            return True
        url = request.url
        if not url.startswith(("http:", "https:", "ws:", "wss:")):
            return False  # data:, blob:, about: stay in the page
        if url_refusal(url, self.allowed, self.ports) is not None:
            return True
        host = urlsplit(url).hostname or ""
        if not self.resolve or is_address(host):
            return False
        if host not in self._verdicts:
            address, _ = await asyncio.to_thread(
                resolved_address, host, 80, self.allowed
            )
            self._verdicts[host] = address is None
        return self._verdicts[host]


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
