"""Undo how sites hide addresses from harvesters: Cloudflare, spelled-out "@", escapes.

Every function returns text that was written on the page, decoded; none builds an
address from parts that were not written together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.extract import _vocabulary as vocab

_AT = r"at|ät|aet|arobase|arrobase|arroba|chiocciola|klammeraffe|@"
_DOT = r"dot|point|punkt|punto|pt|\."
_OPEN, _CLOSE = r"[\[\(\{<]", r"[\]\)\}>]"
_LABEL = r"[^\W_](?:[\w-]{0,62}[^\W_])?"
# "jean [at] martin [dot] fr", "jean (at) martin.fr", "jean arobase martin point fr",
# "jean @ martin . fr": an at-word in brackets or between spaces, then labels joined
# by literal dots or by dot-words in brackets or between spaces.
_SPELLED_AT = rf"\s*{_OPEN}\s*(?:{_AT})\s*{_CLOSE}\s*|\s+(?:{_AT})\s+"
_SPELLED_DOT = (
    rf"\s*{_OPEN}\s*(?:{_DOT})\s*{_CLOSE}\s*|\s+(?:dot|point|punkt|punto|\.)\s+"
)
SPELLED_ADDRESS = re.compile(
    rf"(?<![\w.+-])(?P<local>[\w+-]+(?:\.[\w+-]+)*)"
    rf"(?P<at>{_SPELLED_AT}|@)"
    rf"(?P<domain>{_LABEL}(?:(?:{_SPELLED_DOT}|\.){_LABEL})+)",
    re.IGNORECASE,
)
_DOT_SEPARATOR = re.compile(rf"{_SPELLED_DOT}|\.", re.IGNORECASE)
_BARE_AT = re.compile(r"^\s+(?:at)\s+$", re.IGNORECASE)
# Escapes left in front of an address by JSON or URL encoding: "\u003einfo@",
# "%20info@", "\ninfo@". The address regex stops at "\" or "%", so what is left
# is the escape's tail: "u003e", "20", "n".
_ESCAPE_TAIL = {
    "\\": re.compile(r"^(?:u[0-9a-f]{4}|x[0-9a-f]{2}|[nrtfbv])", re.IGNORECASE),
    "%": re.compile(r"^[0-9a-f]{2}", re.IGNORECASE),
}
_UNICODE_ESCAPE_PREFIX = re.compile(r"^(?:u00[0-9a-f]{2})+(?=[a-z])", re.IGNORECASE)
_ESCAPED_AT = re.compile(r"\\u0040|\\x40|%40|&#0*64;|&#x0*40;", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SpelledAddress:
    """An address written with words or spaces instead of "@" and "."."""

    address: str
    start: int
    end: int
    bare_at: bool  # joined by a plain " at " between spaces: weakest evidence


def decode_cfemail(hex_string: str) -> str | None:
    """Decode Cloudflare's email protection: a key byte, then each byte XOR the key.

    >>> decode_cfemail("5a3935342e3b392e1a373b282e3334743c28")
    'contact@martin.fr'
    >>> decode_cfemail("zz") is None
    True
    """
    if len(hex_string) < 4 or len(hex_string) % 2:
        return None
    try:
        data = bytes.fromhex(hex_string)
    except ValueError:
        return None
    key = data[0]
    try:
        return bytes(b ^ key for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None


def find_spelled_addresses(text: str) -> list[SpelledAddress]:
    """Find addresses whose "@" or "." are spelled out, in the five languages.

    >>> [a.address for a in find_spelled_addresses("à jean [at] martin [dot] fr")]
    ['jean@martin.fr']
    >>> [a.address for a in find_spelled_addresses("info (arroba) clinica punto es")]
    ['info@clinica.es']
    >>> find_spelled_addresses("Write to jean@martin.fr")
    []
    """
    found = []
    for match in SPELLED_ADDRESS.finditer(text):
        at = match["at"]
        domain_text = match["domain"]
        spelled_dot = any(sep != "." for sep in _DOT_SEPARATOR.findall(domain_text))
        if at == "@" and not spelled_dot:
            continue  # a plain address: the text source reports it
        local = match["local"]
        bare_at = bool(_BARE_AT.match(at))
        if bare_at and local.lower() in vocab.AT_PROSE_LOCALS:
            continue  # "write to us at martin dot fr" is prose, not an address
        labels = _DOT_SEPARATOR.split(domain_text)
        found.append(
            SpelledAddress(
                address=f"{local}@{'.'.join(labels)}",
                start=match.start(),
                end=match.end(),
                bare_at=bare_at and not spelled_dot,
            )
        )
    return found


def unescape_at(text: str) -> str:
    r"""Turn escaped "@" signs (``\u0040``, ``%40``) back into "@".

    >>> unescape_at("info\\u0040martin.fr")
    'info@martin.fr'
    """
    return _ESCAPED_AT.sub("@", text)


def strip_escape_prefix(local_part: str, preceding: str) -> str:
    r"""Drop what a JSON or URL escape left at the start of a local part.

    ``preceding`` is the character just before the match in the source text.

    >>> strip_escape_prefix("u003einfo", "\\")
    'info'
    >>> strip_escape_prefix("20contact", "%")
    'contact'
    >>> strip_escape_prefix("u003einfo", '"')
    'info'
    >>> strip_escape_prefix("ursula", '"')
    'ursula'
    """
    pattern = _ESCAPE_TAIL.get(preceding)
    if pattern is not None:
        local_part = pattern.sub("", local_part, count=1)
    return _UNICODE_ESCAPE_PREFIX.sub("", local_part)
