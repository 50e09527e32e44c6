"""Which pages deep mode renders in Chromium: those whose static HTML hints at a script.

Rendering costs a browser page for a second or more; reading static HTML costs 3 ms. So
every page is read statically first, and rendered only when its HTML shows a sign that
a script writes, assembles, fetches or reveals an address (docs/deep-mode.md measures
the choice). Pure: the crawl decides, the browser is configured in ``crawler.browser``.
"""

from __future__ import annotations

from enum import StrEnum

from lxml.html import HtmlElement

from crawler.extract import extract_emails
from crawler.extract.page import Page, visible_text
from crawler.extract.text import fold, words


class RenderReason(StrEnum):
    SCRIPT_WRITES_ADDRESS = "script_writes_address"  # mailto, char codes, '@' in JS
    REVEAL_CONTROL = "reveal_control"  # "Afficher l'e-mail", "Show email" buttons
    EMPTY_ADDRESS_SLOT = "empty_address_slot"  # <span class="email"></span> to fill
    SCRIPTED_KEY_PAGE = "scripted_key_page"  # home or contact page, scripts, no address
    SCRIPT_SHELL = "script_shell"  # scripts and almost no text: a JS-built site


# Inline JavaScript that builds or writes an address (folded, lower case).
SCRIPT_MARKERS = (
    "mailto", "fromcharcode", "atob(", ".reverse()", "document.write", "'@'", '"@"',
    "`@`", "@'", '@"', "email", "e-mail", "courriel", "correo", "indirizzo",
)  # fmt: skip
# Same-site script files named for the job (``/js/contact.js``, ``email-protect.js``).
SCRIPT_FILE_MARKERS = ("mail", "contact", "kontakt", "contatt", "obfusc", "protect")
REVEAL_VERBS = (
    "afficher", "voir", "devoiler", "show", "reveal", "display", "view", "click",
    "cliquez", "anzeigen", "zeigen", "einblenden", "klicken", "mostrar", "ver",
    "mostra", "visualizza", "clicca",
)  # fmt: skip
ADDRESS_NOUNS = (
    "mail", "courriel", "adresse", "address", "correo", "direccion", "indirizzo",
)  # fmt: skip
_REVEAL_VERBS = frozenset(REVEAL_VERBS)  # matched as words: not "voir" in "recevoir"
SLOT_NAMES = ("email", "e-mail", "courriel", "mailto", "contact-mail", "mail-address")
SHELL_TEXT_CHARS = 200  # less visible text than this, with scripts: a JS-built page

_JAVASCRIPT = (
    "//script[not(@type) or contains(@type, 'javascript') or @type='module']"
    "[not(@src) or @src='']"
)
_CONTROLS = "//button | //a | //*[@role='button'] | //*[@onclick]"
_SLOTS = (
    "//*[self::a or self::span or self::div or self::p or self::strong or self::address"
    " or self::em or self::b][@id or @class]"
)


def render_reasons(html: str, url: str, *, key_page: bool) -> list[RenderReason]:
    """Return why the page at ``url`` should be rendered; empty: static HTML is enough.

    ``key_page``: the home page or a contact-like page, where an address is expected.

    >>> render_reasons('<p>Contact : <a href="mailto:a@martin.fr">a@martin.fr</a></p>',
    ...                "http://martin.fr/", key_page=True)
    []
    >>> render_reasons('<p>Écrivez-nous</p><script>var u="info"; document.write(u)'
    ...                '</script>', "http://martin.fr/contact", key_page=True)
    [<RenderReason.SCRIPT_WRITES_ADDRESS: 'script_writes_address'>, <RenderReason.SCRIPTED_KEY_PAGE: 'scripted_key_page'>, <RenderReason.SCRIPT_SHELL: 'script_shell'>]
    """  # noqa: E501
    page = Page(html, url)
    root = page.root
    inline = fold(" ".join(s.text or "" for s in root.xpath(_JAVASCRIPT)))
    files = [fold(src) for src in root.xpath("//script/@src")]
    reasons = []
    if any(m in inline for m in SCRIPT_MARKERS) or any(
        m in src for src in files for m in SCRIPT_FILE_MARKERS
    ):
        reasons.append(RenderReason.SCRIPT_WRITES_ADDRESS)
    if any(_reveals_address(element) for element in root.xpath(_CONTROLS)):
        reasons.append(RenderReason.REVEAL_CONTROL)
    if any(_empty_slot(element) for element in root.xpath(_SLOTS)):
        reasons.append(RenderReason.EMPTY_ADDRESS_SLOT)
    scripted = bool(inline.strip() or files)
    if scripted and key_page and not extract_emails(html, url):
        reasons.append(RenderReason.SCRIPTED_KEY_PAGE)
    body = root.find("body")
    text = visible_text(body) if body is not None else ""
    if scripted and len(text.strip()) < SHELL_TEXT_CHARS:
        reasons.append(RenderReason.SCRIPT_SHELL)
    return reasons


def _reveals_address(element: HtmlElement) -> bool:
    """Tell a short control whose label says "show the e-mail", or named for it."""
    label = fold(" ".join(element.text_content().split()))
    if 0 < len(label) <= 60 and _REVEAL_VERBS.intersection(words(label)):
        return any(noun in label for noun in ADDRESS_NOUNS)
    names = fold(f"{element.get('class', '')} {element.get('id', '')}")
    return "reveal" in names and any(noun in names for noun in ADDRESS_NOUNS)


def _empty_slot(element: HtmlElement) -> bool:
    """Tell an element named for an address with nothing in it: a script fills it."""
    names = fold(f"{element.get('class', '')} {element.get('id', '')}")
    if "icon" in names or not any(name in names for name in SLOT_NAMES):
        return False
    return not element.text_content().strip() and not len(element)
