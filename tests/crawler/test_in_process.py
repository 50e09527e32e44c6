"""Both spiders in-process against the farm: the pipelines' output rows, per POI."""

from __future__ import annotations

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

from crawler.spiders.emails import EmailsSpider
from crawler.spiders.socials import SocialsSpider

pytestmark = pytest.mark.usefixtures("farm")

CHAIN = [
    {"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr", "id": 1},
    {
        "nom": "Boulangerie Martin Seynod",
        "site_web": "www.boulangerie-martin.fr",
        "id": 2,
    },
    {"nom": "Plomberie Durand", "site_web": "plomberie-durand.fr", "id": 3},
]


@deferred_f_from_coro_f  # an asyncio task; pytest-twisted waits for its Deferred
async def test_emails_fan_out_one_result_to_each_poi_of_a_site(run_spider):
    rows = {row["id"]: row for row in await run_spider(EmailsSpider, CHAIN)}
    assert rows[1]["email"] == rows[2]["email"] == "sophie.martin@boulangerie-martin.fr"
    assert rows[2]["nom"] == "Boulangerie Martin Seynod"
    assert (rows[3]["email"], rows[3]["status"]) == (None, "no_candidate")


@deferred_f_from_coro_f
async def test_https_sites_through_the_proxy_tunnel(run_spider):
    rows = await run_spider(
        EmailsSpider,
        [{"nom": "Boulangerie Martin", "site_web": "https://boulangerie-martin.fr/"}],
    )
    assert rows[0]["email"] == "sophie.martin@boulangerie-martin.fr"
    assert rows[0]["email_source"] == "https://boulangerie-martin.fr/contact/"


@deferred_f_from_coro_f
async def test_socials_in_process(run_spider):
    rows = {row["id"]: row for row in await run_spider(SocialsSpider, CHAIN)}
    assert (
        rows[1]["social_facebook"] == "https://www.facebook.com/boulangeriemartinannecy"
    )
    assert rows[3]["social_facebook"] is None


@deferred_f_from_coro_f
async def test_a_list_without_any_website_says_so(run_spider, caplog):
    pois = [{"nom": "Sans site"}, {"nom": "Facebook", "site_web": "facebook.com/x"}]
    rows = await run_spider(EmailsSpider, pois)
    assert [row["status"] for row in rows] == ["no_website", "invalid_url"]
    assert "Aucun établissement avec site web" in caplog.text  # the seeds' message


SLOW = [{"nom": "Atelier Lent", "site_web": "atelier-lent.fr"}]  # 700 ms a response


@deferred_f_from_coro_f
async def test_a_slow_site_is_read_within_its_time_budget(run_spider):
    (row,) = await run_spider(EmailsSpider, SLOW)
    assert row["email"] == "atelier@atelier-lent.fr"


@deferred_f_from_coro_f
async def test_past_its_time_budget_a_site_gives_what_it_has(run_spider):
    (row,) = await run_spider(EmailsSpider, SLOW, LEADCRAWL_SITE_TIME_BUDGET=0.3)
    # the contact page (700 ms) does not fit in 0.3 s: the home page alone is read
    assert (row["email"], row["status"]) == (None, "no_candidate")
