"""Rendered output matches the reviewed golden files, in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consumers import derivation
from tests.derivations import EXAMPLES


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_text_matches_golden(name: str, lang: str, golden: Any) -> None:
    golden(f"text/{name}.{lang}.txt", EXAMPLES[name]().to_text(lang))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_json_matches_golden(name: str, golden: Any) -> None:
    golden(f"json/{name}.en.json", EXAMPLES[name]().render("json", "en"))


DOCUMENT_FORMATS = {"latex": "tex", "markdown": "md", "html": "html"}


@pytest.mark.parametrize("fmt", sorted(DOCUMENT_FORMATS))
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_documents_match_golden(name: str, lang: str, fmt: str, golden: Any) -> None:
    text = derivation(name).render(fmt, lang)
    golden(f"{fmt}/{name}.{lang}.{DOCUMENT_FORMATS[fmt]}", text)
