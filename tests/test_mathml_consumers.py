"""Every HTML output holds valid MathML: read by MathJax's MathML input, held to MathML Core,
and a worksheet's "Let a = …" drawn by headless Chromium with its equals signs.

The outputs: every golden HTML file; every example derivation in both languages (pages and
fragments, every vector style); worksheets of every topic and difficulty with their worked
solutions; ``compare`` tables; ``guide`` (the list, each card, the handout); the explanations
``check --explain`` shows.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import linsteps
from linsteps.assess.checking import check
from linsteps.learn.compare import compare
from linsteps.learn.comparison_view import render_comparison
from linsteps.learn.guide import TOPICS as GUIDE_TOPICS
from linsteps.learn.guide import guide_for
from linsteps.learn.guide_view import render_guide
from linsteps.practice.documents.formats import render_sheet
from linsteps.practice.problems.levels import DIFFICULTIES
from linsteps.practice.problems.topics import TOPICS
from linsteps.practice.worksheet import make_sheet
from tests.consumers import ROOT, chromium, derivation, mathjax_failures, mathml_formulas
from tests.derivations import EXAMPLES
from tests.mathml_core import core_problems

LANGS = ("en", "zh")
PAIRS = {
    "vectors": ("[1, 2, 3]", "[4, 5, 6]"),
    "lengths": ("[1, 2]", "[1, 2, 3]"),
    "matrices": ("1 2; 3 4", "5 6; 7 8"),
    "undefined": ("1 2 3; 4 5 6", "1 2; 3 4"),
    "zero": ("[0, 0]", "[1/2, sqrt(2)]"),
    "symbols": ("[x, 1]", "[1, x]"),
}
CHECKED = [
    ("dot", ["[1, 2, 3]", "[4, 5, 6]"], "[4, 10, 18]"),
    ("matmul", ["1 2; 3 4", "5 6; 7 8"], "5 12; 21 32"),
    ("cos", ["[1, 0]", "[x, 1]"], "1/2"),
    ("angle", ["[1, 0]", "[1, 1]"], "45"),
    ("project", ["[1, 2]", "[x, 0]"], "[1, 0]"),
    ("attention", ["1 0; 0 1", "1 1; 0 1", "1 2; 3 4"], "1 2; 3 4"),
]


@cache
def html_outputs() -> dict[str, str]:
    """Every kind of HTML linsteps writes, by where it comes from."""
    docs = {
        str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "tests" / "golden").rglob("*.html"))
    }
    for name in sorted(EXAMPLES):
        for lang in LANGS:
            docs[f"example {name}.{lang}"] = derivation(name).render("html", lang)
    for name in ("dot-integers", "hadamard-matrices", "project-3d", "cos-symbols"):
        for vector in ("bold", "arrow"):
            settings = {"vector": vector, "hadamard": "odot", "standalone": False}
            docs[f"example {name} {vector}"] = derivation(name).render("html", "en", **settings)
    for lang in LANGS:
        for i, difficulty in enumerate(DIFFICULTIES):
            sheet = make_sheet(70 + i, 2 * len(TOPICS), TOPICS, difficulty, title="Week 3 ≠ 4")
            docs[f"worksheet {difficulty}.{lang}"] = render_sheet(sheet, "html", lang, "full")
        for name, (a, b) in PAIRS.items():
            docs[f"compare {name}.{lang}"] = render_comparison(compare(a, b), "html", lang)
        docs[f"guide list.{lang}"] = render_guide(guide_for(), "html", lang)
        docs[f"guide all.{lang}"] = render_guide(guide_for(every=True), "html", lang)
        for topic in GUIDE_TOPICS:
            docs[f"guide {topic}.{lang}"] = render_guide(guide_for(topic), "html", lang)
        for operation, operands, answer in CHECKED:
            expected = check(operation, operands, answer).expected
            assert expected is not None and expected.derivation is not None
            docs[f"check --explain {operation}.{lang}"] = expected.derivation.render("html", lang)
    return docs


@cache
def formulas() -> list[dict[str, str]]:
    found = [f for where, text in html_outputs().items() for f in mathml_formulas(text, where)]
    assert len(found) > 10_000
    return found


def test_every_kind_of_html_output_is_covered() -> None:
    kinds = {where.split(" ")[0].split("/")[0] for where in html_outputs()}
    assert kinds >= {"tests", "example", "worksheet", "compare", "guide", "check"}
    golden = [where for where in html_outputs() if where.startswith("tests/golden")]
    assert {Path(g).parts[2] for g in golden} >= {"html", "compare", "guide", "mlcode"}


def test_mathjax_reads_every_formula() -> None:
    report = mathjax_failures(formulas())
    assert report["checked"] == len(formulas())
    assert report["failures"] == [], report["failures"][:5]


def test_every_formula_is_mathml_core() -> None:
    problems = [
        (f["where"], p, f["mathml"][:300]) for f in formulas() for p in core_problems(f["mathml"])
    ]
    assert problems == [], problems[:5]


def test_a_bare_equals_sign_inside_math_is_reported() -> None:
    # The checks see the markup the worksheets used to write: text directly inside <math>.
    bad = '<math display="block"><mi>a</mi> = <mn>1</mn></math>'
    assert core_problems(bad) == ["text '=' directly inside <math>"]
    report = mathjax_failures([{"mathml": bad, "where": "bare"}])
    assert [f["error"] for f in report["failures"]] == ['Unexpected text node " = "']


def test_not_equal_is_one_formula_in_every_format() -> None:
    projection = linsteps.project("[1, 2]", "[x, 0]")
    assert "assuming $x \\neq 0$: then" in projection.render("markdown", "en")
    assert "假设 $x \\neq 0$：则" in projection.render("latex", "zh")
    html = projection.render("html", "en")
    assert "assuming <math><mi>x</mi><mrow><mo>≠</mo><mn>0</mn></mrow></math>: then" in html


# --- Chromium ------------------------------------------------------------------------------------


def ink(path: Path) -> int:
    """Return how many pixels of a screenshot are dark (text and lines)."""
    from PIL import Image

    with Image.open(path) as image:
        histogram = image.convert("L").histogram()
    return sum(histogram[:128])


def screenshot(page: str, folder: Path, name: str) -> Path:
    target = folder / f"{name}.html"
    target.write_text(page, encoding="utf-8")
    shot = folder / f"{name}.png"
    done = chromium(
        target, folder / f"profile-{name}", "--window-size=900,700", f"--screenshot={shot}"
    )
    assert shot.exists(), f"Chromium made no screenshot: {done.stderr[-2000:]}"
    return shot


@pytest.mark.parametrize("lang", LANGS)
def test_chromium_draws_the_equals_signs_of_a_worksheet(lang: str, tmp_path: Path) -> None:
    page = render_sheet(make_sheet(3, 1, "dot", "easy"), "html", lang, "none")
    assert page.count("<mo>=</mo>") == 2  # Let a = …, b = …
    drawn = ink(screenshot(page, tmp_path, "sheet"))
    without = ink(screenshot(page.replace("<mo>=</mo>", ""), tmp_path, "without"))
    bare = ink(screenshot(page.replace("<mo>=</mo>", " = "), tmp_path, "bare"))
    assert without > 3_000, "the page is nearly blank"
    # Each "=" adds ink; the old markup, " = " as text inside <math>, drew nothing at all.
    assert drawn - without > 2 * 20
    assert bare == without
