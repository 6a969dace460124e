"""Markdown output read by real renderers: every formula by KaTeX, every document by pandoc."""

from __future__ import annotations

import re

import pytest

from linsteps.render.markdown import escape_markdown
from tests.consumers import derivation, katex_failures, markdown_math, pandoc_html
from tests.derivations import EXAMPLES

LANGS = ("en", "zh")
VARIANTS = ({}, {"hadamard": "odot", "vector": "bold"}, {"vector": "arrow"})


def documents() -> dict[str, str]:
    """Return every example in both languages (and the LaTeX settings variants) as Markdown."""
    docs = {}
    for name in sorted(EXAMPLES):
        for lang in LANGS:
            docs[f"{name}.{lang}"] = derivation(name).render("markdown", lang)
    for i, variant in enumerate(VARIANTS[1:], start=1):
        for name in ("hadamard-matrices", "cos-integers", "matmul-generic"):
            docs[f"{name}.variant{i}"] = derivation(name).render("markdown", "en", **variant)
    return docs


def test_every_formula_renders_with_katex() -> None:
    spans = [
        {"tex": tex, "display": display, "where": where}
        for where, text in documents().items()
        for tex, display in markdown_math(text)
    ]
    report = katex_failures(spans)
    assert report["checked"] == len(spans) > 400
    assert report["failures"] == [], report["failures"][:5]


@pytest.mark.parametrize("where", sorted(documents()))
def test_pandoc_reads_the_document_as_intended(where: str) -> None:
    text = documents()[where]
    html = pandoc_html(text)
    # pandoc found exactly the formulas we wrote: no dollar read as math by accident.
    formulas = markdown_math(text)
    assert html.count("<math ") == len(formulas)
    displays = sum(1 for _, display in formulas if display)
    assert html.count('display="block"') == displays
    assert "$" not in re.sub(r"<math .*?</math>", "", html, flags=re.S)
    assert html.startswith("<h2")


def test_prose_escapes_reach_pandoc_as_text() -> None:
    prose = "costs $5 and $6, *not* bold, a_b, [link](x), <b>, --full, # 1"
    html = pandoc_html(escape_markdown(prose) + "\n")
    assert "<math" not in html and "<em>" not in html and "<a " not in html
    assert "$5 and $6" in html and "--full" in html and "&lt;b&gt;" in html


def test_document_shape() -> None:
    text = derivation("dot-integers").render("markdown")
    assert text.startswith("## Dot product $a \\cdot b$\n\n$$\n\\begin{aligned}\n")
    assert "\\begin{align*}" not in text
    assert "\n\n$a \\cdot b = 32$, a scalar" in text
