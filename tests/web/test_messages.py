"""The page's sentences: every language has them all, every API error code has one."""

from __future__ import annotations

import ast
from pathlib import Path

from api.errors import CODES
from api.web import MESSAGES

API = Path(__file__).parents[2] / "api"


def error_codes() -> set[str]:
    """Return the codes the API can answer with: the envelope's and each ApiError's."""
    codes = set(CODES.values())
    for module in API.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "ApiError"
            ):
                code = node.args[1]
                assert isinstance(code, ast.Constant), ast.dump(node)
                codes.add(code.value)
    return codes


def test_the_codes_are_found():
    codes = error_codes()
    assert {"quota_exceeded", "no_website_column", "unauthenticated"} <= codes


def test_every_language_has_every_sentence():
    english = set(MESSAGES["en"])
    for language, sentences in MESSAGES.items():
        assert set(sentences) == english, language
        assert all(text.strip() for text in sentences.values()), language


def test_every_error_code_has_a_plain_sentence_in_each_language():
    for language, sentences in MESSAGES.items():
        missing = {c for c in error_codes() if f"error_{c}" not in sentences}
        assert not missing, (language, missing)
