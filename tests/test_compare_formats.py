"""compare and guide in every format, read by the real consumers: TeX engines, KaTeX, pandoc and
Chromium; golden files in both languages.

TeX is compiled once per language: the handout ``guide --all --format latex --standalone`` made
by the installed command, with every comparison table added before its end.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from linsteps.learn.compare import Comparison, compare
from linsteps.learn.comparison_view import render_comparison
from linsteps.learn.guide import TOPICS, card_for, guide_for
from linsteps.learn.guide_view import render_guide
from tests.consumers import (
    chromium,
    compile_tex,
    derivation,
    katex_failures,
    markdown_math,
    pandoc_html,
)
from tests.derivations import EXAMPLES
from tests.test_cli import ENV

LANGS = ("en", "zh")
EXTENSIONS = {"text": "txt", "markdown": "md", "latex": "tex", "html": "html", "json": "json"}
COMPARISONS = {
    "vectors": ("[1, 2, 3]", "[4, 5, 6]"),
    "vectors-lengths": ("[1, 2]", "[1, 2, 3]"),
    "matrices": ("1 2; 3 4", "5 6; 7 8"),
    "matrices-undefined": ("1 2 3; 4 5 6", "1 2; 3 4"),
    "matrix-vector": ("1 2; 3 4", "[5, 6]"),
    "fractions-zero": ("[0, 0]", "[1/2, sqrt(2)]"),
}
MATHML = "http://www.w3.org/1998/Math/MathML"
# the derivations of --explain for the products only compare builds (transposed operands)
EXPLAINED = sorted(name for name in EXAMPLES if name.startswith("compare-"))


@cache
def comparison(name: str) -> Comparison:
    return compare(*COMPARISONS[name])


@cache
def documents(fmt: str) -> dict[str, str]:
    """Every comparison and guide page (list, each card) in ``fmt``, in both languages."""
    docs = {}
    for lang in LANGS:
        for name in COMPARISONS:
            docs[f"compare-{name}.{lang}"] = render_comparison(comparison(name), fmt, lang)
        docs[f"guide-list.{lang}"] = render_guide(guide_for(), fmt, lang)
        for topic in TOPICS:
            docs[f"guide-{topic}.{lang}"] = render_guide(guide_for(topic), fmt, lang)
        for name in EXPLAINED:
            docs[f"explain-{name}.{lang}"] = derivation(name).render(fmt, lang)
    return docs


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(COMPARISONS))
def test_comparison_matches_golden(name: str, lang: str, fmt: str, golden: Any) -> None:
    golden(
        f"compare/{name}.{lang}.{EXTENSIONS[fmt]}", render_comparison(comparison(name), fmt, lang)
    )


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("topic", ["list", "dot", "linear"])
def test_guide_matches_golden(topic: str, lang: str, fmt: str, golden: Any) -> None:
    guide = guide_for() if topic == "list" else guide_for(topic)
    golden(f"guide/{topic}.{lang}.{EXTENSIONS[fmt]}", render_guide(guide, fmt, lang))


def run(script: str, *args: str) -> str:
    done = subprocess.run([script, *args], capture_output=True, text=True, env=ENV, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(("lang", "engine"), [("en", "pdflatex"), ("zh", "xelatex")])
def test_handout_and_tables_compile(
    console_script: str, tmp_path: Path, lang: str, engine: str
) -> None:
    handout = run(console_script, "guide", "--all", "--format", "latex", "--standalone", "-l", lang)
    assert handout.rstrip().endswith("\\end{document}")
    assert handout.count("\\section*{") == len(TOPICS)
    standalone = run(
        console_script, "compare", "1 2 3; 4 5 6", "1 2; 3 4", "-f", "latex", "--standalone",
        "-l", lang,
    )  # fmt: skip
    assert standalone.rstrip().endswith("\\end{document}") and "\\begin{tabular}" in standalone
    tables = [documents("latex")[f"compare-{name}.{lang}"] for name in COMPARISONS]
    tables += [documents("latex")[f"explain-{name}.{lang}"] for name in EXPLAINED]
    listing = documents("latex")[f"guide-list.{lang}"]
    extra = "\n\\clearpage\n".join([listing, *tables])
    source = handout.replace("\\end{document}", extra + "\n\\end{document}")
    pdf = compile_tex(engine, source, tmp_path)
    assert pdf.stat().st_size > 50_000


def test_every_formula_renders_with_katex() -> None:
    spans = [
        {"tex": tex, "display": display, "where": where}
        for where, text in documents("markdown").items()
        for tex, display in markdown_math(text)
    ]
    report = katex_failures(spans)
    assert report["checked"] == len(spans) > 300
    assert report["failures"] == [], report["failures"][:5]


@pytest.mark.parametrize("where", sorted(documents("markdown")))
def test_pandoc_reads_the_markdown(where: str) -> None:
    text = documents("markdown")[where]
    html = pandoc_html(text)
    formulas = markdown_math(text)
    assert html.count("<math ") == len(formulas)
    assert "$" not in re.sub(r"<math .*?</math>", "", html, flags=re.S)
    if where.startswith("compare"):
        # the pipe table is a table: a header and one row per product
        rows = len(comparison(where.split(".")[0][len("compare-") :]).rows)
        assert html.count("<tr") == rows + 1


@pytest.mark.parametrize("where", sorted(documents("html")))
def test_html_is_self_contained_mathml(where: str) -> None:
    text = documents("html")[where]
    lang = where.rsplit(".", 1)[1]
    assert text.startswith("<!DOCTYPE html>\n") and f'<html lang="{lang}">' in text
    assert not re.search(r"<script|<link|<img|https?:|url\(|@import|src=", text)
    formulas = re.findall(r"<math[ >].*?</math>", text, flags=re.S)
    assert formulas or where.startswith("guide-list")
    for formula in formulas:
        element = ET.fromstring(formula.replace("<math", f'<math xmlns="{MATHML}"', 1))
        assert element.tag == f"{{{MATHML}}}math"
    assert "\\" not in text and "$" not in text


def test_chromium_loads_every_page(tmp_path: Path) -> None:
    pages = documents("html")
    articles = []
    for text in pages.values():
        articles.extend(re.findall(r"<article.*?</article>\n(?=</body>|<article|$)", text, re.S))
    head = next(iter(pages.values())).split("<body>")[0]
    combined = head + "<body>\n" + "\n".join(articles) + "\n</body>\n</html>\n"
    target = tmp_path / "all.html"
    target.write_text(combined, encoding="utf-8")
    done = chromium(target, tmp_path / "profile", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert dom.count("<math") == combined.count("<math") > 500
    assert dom.count('<table class="compare">') == 2 * len(COMPARISONS)
    assert dom.count("<mtable") == combined.count("<mtable")


def test_json_guide_cards() -> None:
    for lang in LANGS:
        data = json.loads(render_guide(guide_for("cos"), "json", lang))
        (card,) = data["cards"]
        assert card["topic"] == "cos" and card["rule"]["latex"].startswith("\\cos \\theta")
        assert [m["code"] for m in card["mistakes"]] == list(card_for("cos").mistakes)
        assert card["example"]["operation"] == "cos"
