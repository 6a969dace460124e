"""Markdown made into PDF by pandoc with its default engine, pdflatex, which sets as text only
what a Latin font has: every symbol of the prose (π, θ, ≤, ≠, ᵀ, ×) stands inside math.

Chinese needs a CJK font, so xelatex: ``pandoc --pdf-engine=xelatex -V CJKmainfont=…``.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

import pytest

from linsteps.learn.compare import compare
from linsteps.learn.comparison_view import render_comparison
from linsteps.learn.guide import guide_for
from linsteps.learn.guide_view import render_guide
from linsteps.practice.documents.formats import render_sheet
from linsteps.practice.problems.topics import TOPICS
from linsteps.practice.worksheet import make_sheet
from linsteps.render.prose import SYMBOLS
from tests.consumers import TIMEOUT, derivation, markdown_math, require
from tests.derivations import EXAMPLES

CJK_FONT = "Noto Serif CJK SC"
# Characters outside Latin-1 that pdflatex sets as text (inputenc's utf8 knows them).
TEXT_PUNCTUATION = frozenset("—–“”‘’…")


@cache
def worksheet(lang: str) -> str:
    """A sheet of every topic, twice, with its answers and worked solutions."""
    sheet = make_sheet(11, 2 * len(TOPICS), TOPICS, "medium", title="Week 3: π ≠ 3")
    return render_sheet(sheet, "markdown", lang, "full")


@cache
def explanations(lang: str) -> str:
    """Every example derivation, some comparisons and the guide, one Markdown document."""
    parts = [derivation(name).render("markdown", lang) for name in sorted(EXAMPLES)]
    for a, b in (("[1, 2]", "[1, 2, 3]"), ("[0, 0]", "[1/2, sqrt(2)]"), ("1 2; 3 4", "[5, 6]")):
        parts.append(render_comparison(compare(a, b), "markdown", lang))
    parts.append(render_guide(guide_for(), "markdown", lang))
    parts.append(render_guide(guide_for(every=True), "markdown", lang))
    return "\n\n---\n\n".join(parts)


def prose_of(markdown: str) -> str:
    """Return a Markdown document without its formulas."""
    text = markdown
    for tex, display in markdown_math(markdown):
        text = text.replace(f"$$\n{tex}\n$$" if display else f"${tex}$", " ", 1)
    return text


@pytest.mark.parametrize("document", ["worksheet", "explanations"])
def test_prose_keeps_its_symbols_inside_math(document: str) -> None:
    text = worksheet("en") if document == "worksheet" else explanations("en")
    prose = prose_of(text)
    outside = {c for c in prose if c in SYMBOLS or (ord(c) > 255 and c not in TEXT_PUNCTUATION)}
    assert outside == set()
    assert "$\\pi \\neq 3$" in worksheet("en")  # a title typed by a teacher, too


def pandoc_pdf(markdown: str, folder: Path, *options: str) -> Path:
    """Make a PDF with pandoc (its default engine unless ``options`` say otherwise)."""
    pandoc = require("pandoc")
    require("xelatex" if "--pdf-engine=xelatex" in options else "pdflatex")
    source, pdf = folder / "doc.md", folder / "doc.pdf"
    source.write_text(markdown, encoding="utf-8")
    done = subprocess.run(
        [pandoc, str(source), "-o", str(pdf), *options],
        cwd=folder,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, f"pandoc failed: {done.stderr[-3000:]}"
    assert pdf.stat().st_size > 10_000
    return pdf


def pages(pdf: Path) -> int:
    done = subprocess.run(
        [require("pdfinfo"), str(pdf)], capture_output=True, text=True, timeout=TIMEOUT
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def test_pandoc_makes_a_pdf_of_a_worksheet(tmp_path: Path) -> None:
    assert pages(pandoc_pdf(worksheet("en"), tmp_path)) >= 3


def test_pandoc_makes_a_pdf_of_the_explanations(tmp_path: Path) -> None:
    assert pages(pandoc_pdf(explanations("en"), tmp_path)) >= 20


@pytest.mark.parametrize("document", ["worksheet", "explanations"])
def test_pandoc_makes_a_chinese_pdf_with_xelatex(document: str, tmp_path: Path) -> None:
    text = worksheet("zh") if document == "worksheet" else explanations("zh")
    pdf = pandoc_pdf(text, tmp_path, "--pdf-engine=xelatex", "-V", f"CJKmainfont={CJK_FONT}")
    assert pages(pdf) >= 3
