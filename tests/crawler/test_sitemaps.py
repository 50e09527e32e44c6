"""Deep mode's sitemap reading: URL sets, indexes, gzip, and what is not a sitemap."""

from __future__ import annotations

import gzip

import pytest
from scrapy.http import Response, TextResponse, XmlResponse

from crawler.spiders.base import read_sitemap

URLSET = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    b"<url><loc>http://martin.fr/</loc></url>"
    b"<url><loc>http://martin.fr/infos-pratiques/</loc><lastmod>2024-03-01</lastmod></url>"
    b"</urlset>"
)
INDEX = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    b"<sitemap><loc>http://martin.fr/page-sitemap.xml</loc></sitemap>"
    b"<sitemap><loc>http://martin.fr/post-sitemap.xml</loc></sitemap>"
    b"</sitemapindex>"
)
URL = "http://martin.fr/sitemap.xml"


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        pytest.param(
            XmlResponse(URL, body=URLSET),
            (["http://martin.fr/", "http://martin.fr/infos-pratiques/"], False),
            id="urlset",
        ),
        pytest.param(
            XmlResponse(URL, body=INDEX),
            (
                [
                    "http://martin.fr/page-sitemap.xml",
                    "http://martin.fr/post-sitemap.xml",
                ],
                True,
            ),
            id="yoast-index",
        ),
        pytest.param(
            Response(URL + ".gz", body=gzip.compress(URLSET)),
            (["http://martin.fr/", "http://martin.fr/infos-pratiques/"], False),
            id="gzipped",
        ),
        pytest.param(
            TextResponse(
                URL, body=b"<html><body><h1>Page introuvable</h1></body></html>"
            ),
            ([], False),
            id="soft-404-html",
        ),
        pytest.param(XmlResponse(URL, body=b""), ([], False), id="empty"),
        pytest.param(
            Response(URL + ".gz", body=b"\x1f\x8b\x08 not really gzip"),
            ([], False),
            id="corrupt-gzip",
        ),
    ],
)
def test_read_sitemap(response, expected):
    assert read_sitemap(response) == expected
