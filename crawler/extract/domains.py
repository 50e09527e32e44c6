"""Registrable domains from the public suffix list bundled with tldextract (offline)."""

from __future__ import annotations

from functools import lru_cache

import idna
import tldextract

# suffix_list_urls=() keeps tldextract on its bundled snapshot: the default would
# fetch the list over HTTP on first use. Private suffixes (wixsite.com, github.io)
# are on, so two customers of one site builder never share a registrable domain.
_EXTRACT = tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
)


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str | None:
    """Return the registrable domain of ``host``, or None when it has no public suffix.

    >>> registrable_domain("www.boulangerie-martin.fr")
    'boulangerie-martin.fr'
    >>> registrable_domain("martin.wixsite.com")
    'martin.wixsite.com'
    >>> registrable_domain("logo.png") is None
    True

    Internationalised names compare in one form, ASCII (an address may be written in
    Unicode on a site whose host is punycode):

    >>> registrable_domain("www.BÄCKEREI-müller.de")
    'xn--bckerei-mller-bfb28a.de'
    """
    host = host.strip().rstrip(".")
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError:
            return None
    parts = _EXTRACT(host.lower())
    return parts.top_domain_under_public_suffix or None
