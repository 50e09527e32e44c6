"""The crawler never reaches its own machine or network (SSRF), redirects included."""

from __future__ import annotations

import ipaddress

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f, maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.error import DNSLookupError

from crawler.browser import BLOCKED_RESOURCES
from crawler.guard import (
    BrowserGuard,
    GuardedResolver,
    networks,
    refusal,
    resolved_address,
    url_refusal,
)
from crawler.spiders.emails import EmailsSpider


@pytest.mark.parametrize(
    ("host", "refused"),
    [
        ("boulangerie-martin.fr", False),
        ("93.184.215.14", False),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", False),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("api.localhost", True),
        ("nas.local", True),
        ("metadata.google.internal", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("10.0.0.5", True),
        ("172.16.3.4", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),  # cloud metadata
        ("100.64.0.1", True),  # carrier-grade NAT
        ("0.0.0.0", True),  # noqa: S104 (a host to refuse, not a bind)
        ("[::1]", True),
        ("[fd00:ec2::254]", True),  # AWS metadata over IPv6
        ("[::ffff:10.0.0.1]", True),  # IPv4-mapped
        ("224.0.0.1", True),
    ],
)
def test_refused_hosts(host, refused):
    assert (refusal(host) is not None) is refused


def test_an_allow_list_opens_a_network():
    assert refusal("10.1.2.3", networks(["10.0.0.0/8"])) is None
    assert refusal("10.1.2.3", networks(["192.168.0.0/16"])) is not None
    assert (
        refusal("localhost", networks(["127.0.0.0/8"])) is not None
    )  # names stay shut


@deferred_f_from_coro_f
async def test_a_name_resolving_to_a_private_address_is_refused():
    resolver = GuardedResolver(reactor, cache_size=0, timeout=5)
    with pytest.raises(
        DNSLookupError, match=r"refused: localhost resolves to 127\.0\.0\.1"
    ):
        await maybe_deferred_to_future(resolver.getHostByName("localhost"))
    resolver.allowed = networks(["127.0.0.0/8"])
    assert ipaddress.ip_address(
        await maybe_deferred_to_future(resolver.getHostByName("localhost"))
    ).is_loopback


@deferred_f_from_coro_f
async def test_a_redirect_to_cloud_metadata_is_refused_through_the_proxy(run_spider):
    rows = await run_spider(
        EmailsSpider,
        [
            {"nom": "Atelier Redirigé", "site_web": "atelier-redirige-ailleurs.fr"},
            {"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr"},
        ],
    )
    by_name = {row["nom"]: row for row in rows}
    assert by_name["Atelier Redirigé"]["status"] == "unreachable"
    assert by_name["Atelier Redirigé"]["status_detail"] == (
        "refused: 169.254.169.254 is not a public address"
    )
    # the farm is a proxy on loopback: the proxy's own address is not what is checked
    assert by_name["Boulangerie Martin"]["status"] == "ok"


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("http://boulangerie-martin.fr/contact", None),
        ("https://boulangerie-martin.fr:8443/", None),
        ("http://boulangerie-martin.fr:6800/listjobs.json", "port 6800"),
        ("http://boulangerie-martin.fr:8000/api/jobs", "port 8000"),
        ("http://93.184.215.14:6800/", "port 6800"),
        ("http://127.0.0.1:8080/", "127.0.0.1 is not a public address"),
        ("http://[::1]/", "::1 is not a public address"),
        ("http://boulangerie-martin.fr:99999/", "has no valid port"),
    ],
)
def test_urls_to_our_services_ports_are_refused(url, refused):
    reason = url_refusal(url, ports=[6800, 8000])
    assert reason == refused or (refused and refused in (reason or "")), reason


def test_an_allowed_network_still_keeps_our_services_ports():
    intranet = networks(["10.0.0.0/8"])
    assert url_refusal("http://10.1.2.3/annuaire", intranet, [6800]) is None
    assert "port 6800" in (url_refusal("http://10.1.2.3:6800/", intranet, [6800]) or "")


@pytest.mark.parametrize(
    ("host", "allowed", "expected"),
    [
        ("2130706433", [], "refused: 2130706433 resolves to 127.0.0.1"),  # a number
        ("127.1", [], "refused: 127.1 resolves to 127.0.0.1"),  # inet_aton's short form
        ("0x7f000001", [], "refused: 0x7f000001 resolves to 127.0.0.1"),
        ("localhost", [], "refused: localhost is a local name"),
        ("169.254.169.254", [], "refused: 169.254.169.254 is not a public address"),
        ("2130706433", ["127.0.0.0/8"], None),
    ],
)
def test_names_are_judged_by_what_they_resolve_to(host, allowed, expected):
    address, reason = resolved_address(host, 80, networks(allowed))
    if expected is None:
        assert (address, reason) == ("127.0.0.1", None)
    else:
        assert address is None
        assert reason is not None
        assert reason.startswith(expected), reason


class PageRequest:
    """What Playwright hands the abort predicate: a URL and a resource type."""

    def __init__(self, url: str, resource_type: str = "fetch") -> None:
        self.url, self.resource_type = url, resource_type


BROWSER_CASES = [
    # (url, resource type, aborted): a rendered page's requests, its scripts' too
    ("http://boulangerie-martin.fr/", "document", False),
    ("http://boulangerie-martin.fr/app.js", "script", False),
    ("http://boulangerie-martin.fr/api/contact.json", "xhr", False),
    ("http://boulangerie-martin.fr/logo.png", "image", True),
    ("http://boulangerie-martin.fr/font.woff2", "font", True),
    ("http://boulangerie-martin.fr/video.mp4", "media", True),
    ("http://169.254.169.254/latest/meta-data/", "fetch", True),
    ("http://127.0.0.1:6800/listjobs.json", "xhr", True),
    ("http://localhost:8000/api/jobs", "fetch", True),
    ("http://router.lan/", "fetch", True),
    ("http://boulangerie-martin.fr:6800/", "fetch", True),
    ("ws://10.0.0.8:9000/", "websocket", True),
    ("data:text/html,<p>hi</p>", "document", False),
    ("blob:http://boulangerie-martin.fr/1234", "fetch", False),
]


@pytest.mark.parametrize(("url", "kind", "aborted"), BROWSER_CASES)
@deferred_f_from_coro_f
async def test_what_a_rendered_page_may_load(url, kind, aborted):
    guard = BrowserGuard(BLOCKED_RESOURCES, ports=[6800, 8000], resolve=False)
    assert await guard(PageRequest(url, kind)) is aborted


@deferred_f_from_coro_f
async def test_without_a_proxy_the_browser_guard_resolves_names():
    direct = BrowserGuard(BLOCKED_RESOURCES, resolve=True)
    assert await direct(PageRequest("http://2130706433/latest/meta-data/")) is True
    allowed = BrowserGuard(BLOCKED_RESOURCES, networks(["127.0.0.0/8"]), resolve=True)
    assert await allowed(PageRequest("http://2130706433/")) is False
