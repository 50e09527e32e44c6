"""The ``socials`` spider: home page plus a contact-like page or two of each site.

Profiles sit in headers and footers, so fewer pages are read than for emails.
"""

from __future__ import annotations

from crawler.pipelines import SOCIAL_COLUMNS
from crawler.spiders.base import SiteSpider


class SocialsSpider(SiteSpider):
    name = "socials"
    pages_setting = "LEADCRAWL_SOCIAL_PAGES_PER_SITE"
    output_columns = SOCIAL_COLUMNS
    custom_settings = {  # noqa: RUF012 (Scrapy's documented class attribute)
        "ITEM_PIPELINES": {
            "crawler.pipelines.ExtractSocialsPipeline": 100,  # pages -> links
            "crawler.pipelines.RankSocialsPipeline": 200,  # links -> social columns
            "crawler.pipelines.OutputRowPipeline": 900,  # POI columns first, then ours
        }
    }
