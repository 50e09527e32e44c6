"""The crawler never reaches its own machine or network (SSRF), redirects included."""

from __future__ import annotations

import ipaddress

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f, maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.error import DNSLookupError

from crawler.guard import GuardedResolver, networks, refusal
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
