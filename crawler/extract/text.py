"""Text helpers shared by extraction and ranking: accent folding and word lookup."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents, for word lookups.

    >>> fold("Gérant·e : Hélène MÜLLER")
    'gerant·e : helene muller'
    """
    if text.isascii():  # nothing to decompose: the common case of markup and URLs
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Return the folded words of ``text`` (hyphenated words stay whole).

    >>> words("Site réalisé par l'agence Pixel-Art")
    ['site', 'realise', 'par', 'l', 'agence', 'pixel-art']
    """
    return _WORD.findall(fold(text))


def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Compile one pattern finding any of ``phrases`` (folded) on word boundaries.

    >>> bool(phrase_pattern(("realise par",)).search("site realise par pixel"))
    True
    >>> bool(phrase_pattern(("gestaltung",)).search("gartengestaltung huber"))
    False
    """
    alternatives = "|".join(
        re.escape(p) for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
