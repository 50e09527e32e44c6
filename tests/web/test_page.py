"""The page in a real headless Chromium (Playwright) against ``make run``'s stack.

``leadcrawl serve`` crawls the fixture farm; the page is driven as a person would:
paste the key, drop or pick a file, start, watch, download, chain, cancel. With
``LEADCRAWL_SCREENSHOTS=<folder>`` (``make screenshots``) each state is saved as a PNG.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from crawler.browser import CHROMIUM_ENV, chromium_path
from tests.support import DIRECT, REPO

SITES = REPO / "tests" / "farm" / "sites"
# four sites a normal run reads, one whose address only deep mode finds (its sitemap)
NORMAL_SITES = [
    "boulangerie-martin.fr",
    "cave-du-thiou-annecy.fr",
    "chocolaterie-moreau-tours.fr",
    "fromagerie-vercors-grenoble.fr",
]
DEEP_SITE = "comptoir-des-ducs-dijon.fr"
HANGING_SITE = "site-qui-pend.fr"  # never answers: its job runs until cancelled
SCREENSHOTS = os.environ.get("LEADCRAWL_SCREENSHOTS")
SLOW = 120_000  # ms: a crawl, deep mode's Chromium included, on a busy machine


def truth(site: str) -> dict:
    return json.loads((SITES / site / "truth.json").read_text(encoding="utf-8"))


def csv_of(rows: list[dict[str, str]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, delimiter=";", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def farm_list(sites: list[str]) -> str:
    """Return a CSV of the farm's POIs for ``sites``, and one business with no site."""
    pois = [truth(site)["poi"] for site in sites]
    pois.append({"nom": "Boulangerie sans site", "ville": "Annecy", "site_web": ""})
    return csv_of(pois, ["nom", "ville", "site_web"])


def api_get(url: str, key: str, path: str) -> bytes:
    request = urllib.request.Request(
        url + path, headers={"Authorization": f"Bearer {key}"}
    )
    with DIRECT.open(request, timeout=30) as answer:
        body: bytes = answer.read()
        return body


def shot(page: Page, name: str, section: str = "") -> None:
    """Save the page's ``section`` (a CSS selector), else what the window shows."""
    if SCREENSHOTS:
        path = Path(SCREENSHOTS) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if section:
            page.locator(section).screenshot(path=path)
        else:
            page.screenshot(path=path)


class BrowserThread:
    """One headless Chromium for the module, driven from a thread of its own.

    pytest-twisted runs every test inside the asyncio reactor's running loop, where
    Playwright's sync API refuses to work; a thread has no running loop, and
    Playwright's objects stay in the thread that made them.
    """

    def __init__(self) -> None:
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="playwright")
        self.browser = self.thread.submit(self._launch).result()

    def _launch(self) -> Browser:
        self.playwright = sync_playwright().start()
        executable = chromium_path(os.environ.get(CHROMIUM_ENV, ""))
        try:
            return self.playwright.chromium.launch(executable_path=executable)
        except PlaywrightError as error:
            self.playwright.stop()
            raise AssertionError(
                f"Chromium is missing ({error}): `make browser` installs it"
            ) from None

    def run(self, flow: Callable[..., None], *args: object) -> None:
        """Run ``flow(browser, *args)`` in the browser's thread; raise what it raises."""
        self.thread.submit(flow, self.browser, *args).result()

    def close(self) -> None:
        self.thread.submit(self.browser.close).result()
        self.thread.submit(self.playwright.stop).result()
        self.thread.shutdown()


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserThread]:
    browser = BrowserThread()
    yield browser
    browser.close()


def open_page(browser: Browser, url: str, locale: str = "en-US") -> Page:
    context = browser.new_context(
        locale=locale, viewport={"width": 1200, "height": 800}, accept_downloads=True
    )
    page = context.new_page()
    page.goto(url)
    return page


def sign_in(page: Page, key: str, label: str = "API key", button: str = "Use") -> None:
    page.get_by_label(label, exact=True).fill(key)
    page.get_by_role("button", name=button).click()
    expect(page.locator("#upload-section")).to_be_visible()


def pick_file(page: Page, path: Path) -> None:
    page.locator("#file").set_input_files(path)


def drop_file(page: Page, name: str, text: str) -> None:
    """Drop a file on the drop zone, as a file dragged from the desktop is."""
    transfer = page.evaluate_handle(
        """([name, text]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], name, {type: "text/csv"}));
            return transfer;
        }""",
        [name, text],
    )
    page.locator("#drop").dispatch_event("drop", {"dataTransfer": transfer})


def job_id(page: Page) -> str:
    return page.locator("#job-section").get_attribute("data-job") or ""


def test_upload_watch_download_then_chain_deep_mode_and_socials(
    service, chromium, tmp_path
):
    url, key, _ = service
    chromium.run(upload_watch_download_then_chain, url, key, tmp_path)


def upload_watch_download_then_chain(
    browser: Browser, url: str, key: str, tmp_path: Path
) -> None:
    page = open_page(browser, url)
    expect(page.get_by_role("heading", name="Your API key")).to_be_visible()
    shot(page, "1-key")
    sign_in(page, key)

    upload = tmp_path / "pois.csv"
    upload.write_text(farm_list([*NORMAL_SITES, DEEP_SITE]), encoding="utf-8")
    pick_file(page, upload)
    expect(page.locator("#list-summary")).to_have_text(
        "pois.csv: 6 rows, 5 with a usable website."
    )
    expect(page.locator("#preview tbody tr")).to_have_count(6)
    expect(page.locator("#preview thead")).to_have_text(
        re.compile("nom.*ville.*site_web")
    )
    expect(page.locator("#estimate")).to_have_text(
        "Estimated cost: 0.005 EF for 5 businesses with a website."
    )
    expect(page.locator("#cost-socials")).to_have_text("(0.0025 EF)")
    shot(page, "2-preview", "#preview-section")

    page.get_by_role("button", name="Start").click()
    progress = page.get_by_role("progressbar")
    expect(progress).to_have_attribute("aria-valuemax", "5")
    expect(page.locator("#job-title")).to_contain_text("Email addresses — job")
    expect(progress).to_have_attribute("aria-valuenow", "5", timeout=SLOW)
    expect(page.locator("#job-status")).to_have_text("Done", timeout=SLOW)
    expect(page.locator("#progress-text")).to_have_text("5 of 5 sites done")
    expect(page.locator("#count-emails")).to_have_text(str(len(NORMAL_SITES)))
    expect(page.locator("#rows tbody tr")).to_have_count(6)
    for site in NORMAL_SITES:  # each row with the farm's truth
        row = page.locator("#rows tbody tr", has_text=site)
        expect(row).to_contain_text(truth(site)["email"])
    expect(page.locator("#item-statuses")).to_contain_text("found: 4")
    expect(page.locator("#item-statuses")).to_contain_text("no website: 1")
    expect(page.locator("#cancel")).to_be_hidden()
    shot(page, "4-done", "#job-section")

    normal = job_id(page)
    with page.expect_download() as started:
        page.get_by_role("button", name="Download CSV").click()
    download = started.value
    assert download.suggested_filename == f"leadcrawl-{normal}.csv"
    from_api = api_get(url, key, f"/api/jobs/{normal}/results?format=csv")
    assert Path(download.path()).read_bytes() == from_api
    with page.expect_download() as started:
        page.get_by_role("button", name="CSV for French Excel (;)").click()
    excel = Path(started.value.path()).read_bytes()
    assert excel == api_get(url, key, f"/api/jobs/{normal}/results?format=csv&sep=;")
    assert excel.startswith("\ufeffnom;ville;site_web;email".encode())

    page.get_by_role("button", name="Deep search the sites with no email").click()
    expect(page.locator("#job-title")).to_contain_text("Email addresses, deep search")
    assert job_id(page) != normal
    expect(page.locator("#job-status")).to_have_text("Done", timeout=SLOW)
    expect(page.locator("#count-emails")).to_have_text(str(len(NORMAL_SITES) + 1))
    row = page.locator("#rows tbody tr", has_text=DEEP_SITE)
    expect(row).to_contain_text(truth(DEEP_SITE)["email"])
    deep = job_id(page)
    expect(page.get_by_role("button", name="Deep search")).to_be_hidden()

    page.get_by_role("button", name="Find social profiles on this list").click()
    expect(page.locator("#job-title")).to_contain_text("Social profiles — job")
    expect(page.locator("#job-status")).to_have_text("Done", timeout=SLOW)
    profiles = sum(
        1
        for site in [*NORMAL_SITES, DEEP_SITE]
        for column, value in truth(site).items()
        if column.startswith("social_") and value
    )
    expect(page.locator("#count-profiles")).to_have_text(str(profiles))
    expect(page.locator("#count-emails")).to_have_text(str(len(NORMAL_SITES) + 1))

    jobs = page.locator("#jobs tbody tr")
    for job, module in ((normal, "Email addresses"), (deep, "deep search")):
        expect(jobs.and_(page.locator(f'[data-job="{job}"]'))).to_contain_text(module)
    socials = jobs.first
    expect(socials).to_contain_text("Social profiles")
    expect(socials).to_contain_text("Done")
    shot(page, "6-recent-jobs", "#jobs-section")

    socials.get_by_role("button").click()  # a recent job opens
    expect(page.locator("#job-title")).to_contain_text("Social profiles — job")
    page.locator(f'#jobs tr[data-job="{normal}"]').get_by_role("button").click()
    expect(page.locator("#job-title")).to_contain_text("Email addresses — job")
    expect(page.locator("#rows tbody tr")).to_have_count(6)


def test_a_running_job_is_cancelled_and_keeps_its_rows(service, chromium):
    url, key, _ = service
    chromium.run(cancel_a_running_job, url, key)


def cancel_a_running_job(browser: Browser, url: str, key: str) -> None:
    page = open_page(browser, url)
    sign_in(page, key)
    drop_file(page, "slow.csv", farm_list([*NORMAL_SITES, HANGING_SITE]))
    expect(page.locator("#list-summary")).to_have_text(
        "slow.csv: 6 rows, 5 with a usable website."
    )
    page.get_by_label("Social profiles").check()
    expect(page.locator("#estimate")).to_have_text(
        "Estimated cost: 0.0025 EF for 5 businesses with a website."
    )
    page.get_by_role("button", name="Start").click()
    progress = page.get_by_role("progressbar")
    # every site but the one that hangs: the job runs on, rows arrive as sites end
    expect(progress).to_have_attribute("aria-valuenow", "4", timeout=SLOW)
    expect(page.locator("#rows tbody tr")).to_have_count(5)
    expect(page.locator("#job-status")).to_have_text("Running")
    shot(page, "3-running", "#job-section")

    page.get_by_role("button", name="Cancel the job").click()
    expect(page.locator("#job-status")).to_have_text("Cancelled")
    expect(page.get_by_role("button", name="Cancel the job")).to_be_hidden()
    expect(page.locator("#rows tbody tr")).to_have_count(5)  # kept
    row = page.locator(f'#jobs tr[data-job="{job_id(page)}"]')
    expect(row).to_contain_text("Cancelled")


# (browser locale, (the key's field, its button, the upload's heading), the errors:
# a bad key, a file with no website column, a job over the account's ceiling)
LANGUAGES = [
    pytest.param(
        "en-US",
        ("API key", "Use this key", "1. Your list"),
        (
            "This API key is not valid. Check it and paste it again.",
            "This file has no website column. Name the column that holds the "
            "websites Website (or site_web, URL, Site internet), then upload it again.",
            "This job would cost about 0.004 EF, more than the 0.001 EF a job may "
            "cost on your account. Split the list, or ask for a higher ceiling.",
        ),
        id="english",
    ),
    pytest.param(
        "fr-FR",
        ("Clé d'API", "Utiliser cette clé", "1. Votre liste"),
        (
            "Cette clé d'API n'est pas valide. Vérifiez-la et collez-la à nouveau.",
            "Ce fichier n'a pas de colonne de site web. Nommez la colonne des "
            "sites Site web (ou Website, URL, Site internet), puis chargez-le à "
            "nouveau.",
            "Ce job coûterait environ 0,004 EF, plus que les 0,001 EF permis par "
            "job sur votre compte. Découpez la liste, ou demandez un plafond plus "
            "élevé.",
        ),
        id="french",
    ),
]


@pytest.mark.parametrize(("locale", "labels", "errors"), LANGUAGES)
def test_errors_in_plain_language_in_the_browser_language(
    service, chromium, tmp_path, locale, labels, errors
):
    url, key, _ = service
    chromium.run(show_errors, url, key, tmp_path, locale, labels, errors)


def show_errors(
    browser: Browser,
    url: str,
    key: str,
    tmp_path: Path,
    locale: str,
    labels: tuple[str, str, str],
    errors: tuple[str, str, str],
) -> None:
    field, button, upload_title = labels
    bad_key, no_website_column, quota = errors
    page = open_page(browser, url, locale)
    sign_in_refused = page.get_by_role("alert")

    page.get_by_label(field, exact=True).fill("lc_not-a-key")
    page.get_by_role("button", name=button).click()
    expect(sign_in_refused).to_have_text(bad_key)
    expect(page.locator("#upload-section")).to_be_hidden()

    sign_in(page, key, field, button)
    expect(page.get_by_role("alert")).to_be_hidden()
    expect(page.get_by_role("heading", name=upload_title)).to_be_visible()
    upload = tmp_path / "contacts.csv"
    upload.write_text("nom;ville;adresse\nBoulangerie Martin;Annecy;12 rue\n")
    pick_file(page, upload)
    expect(page.get_by_role("alert")).to_have_text(no_website_column)
    expect(page.locator("#preview-section")).to_be_hidden()
    shot(page, "5-error" if locale == "en-US" else "5-error-fr")

    # the API's refusal as it words it (tests/api check when it refuses): the page's
    # sentence carries the estimate and the ceiling in the reader's number format
    refusal = {
        "code": "quota_exceeded",
        "detail": "Quota dépassé : estimation 0.004 EF pour un plafond de 0.001 EF",
        "estimate": 0.004,
        "ceiling": 0.001,
    }
    page.route(
        "**/api/jobs/emails",
        lambda route: route.fulfill(status=400, json=refusal),
    )
    upload.write_text(farm_list(NORMAL_SITES), encoding="utf-8")
    pick_file(page, upload)
    expect(page.get_by_role("alert")).to_be_hidden()
    expect(page.locator("#preview-section")).to_be_visible()
    page.locator("#start").click()
    expect(page.get_by_role("alert")).to_have_text(quota)
    expect(page.locator("#job-section")).to_be_hidden()
