"""Worksheets read by their real consumers: KaTeX and pandoc, pdflatex and xelatex, Chromium."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from linsteps.practice.documents.formats import render_sheet
from linsteps.practice.problems.levels import DIFFICULTIES
from linsteps.practice.worksheet import make_sheet
from tests.consumers import chromium, compile_tex, katex_failures, markdown_math, pandoc_html

MATHML = "http://www.w3.org/1998/Math/MathML"
LANGS = ("en", "zh")


@cache
def sheet_text(fmt: str, lang: str, difficulty: str, solutions: str = "full") -> str:
    """A 14-problem sheet (every topic twice) with the worked solutions."""
    sheet = make_sheet(40 + DIFFICULTIES.index(difficulty), 14, None, difficulty, date="5 May")
    return render_sheet(sheet, fmt, lang, solutions)


def test_every_formula_of_the_markdown_sheets_renders_with_katex() -> None:
    spans = [
        {"tex": tex, "display": display, "where": f"{lang}.{difficulty}"}
        for lang in LANGS
        for difficulty in DIFFICULTIES
        for tex, display in markdown_math(sheet_text("markdown", lang, difficulty))
    ]
    report = katex_failures(spans)
    assert report["checked"] == len(spans) > 500
    assert report["failures"] == [], report["failures"][:5]


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("lang", LANGS)
def test_pandoc_reads_the_markdown_sheet_without_warnings(lang: str, difficulty: str) -> None:
    text = sheet_text("markdown", lang, difficulty)
    html = pandoc_html(text)
    formulas = markdown_math(text)
    assert html.count("<math ") == len(formulas)
    assert html.count('display="block"') == sum(1 for _, display in formulas if display)
    assert "$" not in re.sub(r"<math .*?</math>", "", html, flags=re.S)
    assert html.count("<strong>") >= 14 and "<hr" in html
    assert "<em>" not in html.split("<hr")[0]  # nothing on the sheet read as emphasis


@pytest.mark.parametrize(
    ("lang", "engine", "difficulty"),
    [("en", "pdflatex", "medium"), ("en", "pdflatex", "hard"), ("zh", "xelatex", "easy")],
)
def test_latex_sheets_compile(lang: str, engine: str, difficulty: str, tmp_path: Path) -> None:
    source = sheet_text("latex", lang, difficulty)
    assert source.count("\\newpage") == 1
    compile_tex(engine, source, tmp_path)


def test_latex_sheet_with_answers_only_compiles(tmp_path: Path) -> None:
    sheet = make_sheet(3, 10, None, "hard", title="Week 3: $x$ & y_1 #5 ~ 100%", student="Zoë_O")
    compile_tex("pdflatex", render_sheet(sheet, "latex", "en", "answers"), tmp_path)


@pytest.mark.parametrize("lang", LANGS)
def test_html_sheet_is_self_contained_mathml(lang: str) -> None:
    text = sheet_text("html", lang, "medium")
    assert text.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in text
    assert not re.search(r"<script|<link|<img|https?:|url\(|@import", text)
    formulas = re.findall(r"<math[ >].*?</math>", text, flags=re.S)
    assert len(formulas) > 50
    for formula in formulas:
        element = ET.fromstring(formula.replace("<math", f'<math xmlns="{MATHML}"', 1))
        assert element.tag == f"{{{MATHML}}}math"
    assert "\\" not in text and "$" not in text  # no TeX left over
    derived = [s for s in make_sheet(41, 14, None, "medium").problems if s.derivation]
    assert text.count('<section class="problem">') == 14
    assert text.count("<article") == len(derived) >= 7


def test_chromium_loads_the_html_sheets(tmp_path: Path) -> None:
    for lang in LANGS:
        text = sheet_text("html", lang, "hard")
        target = tmp_path / f"sheet.{lang}.html"
        target.write_text(text, encoding="utf-8")
        done = chromium(target, tmp_path / f"profile-{lang}", "--dump-dom")
        assert done.returncode == 0, done.stderr[-2000:]
        dom = done.stdout
        assert dom.count("<math") == text.count("<math") > 50
        assert dom.count('class="problem"') == 14
