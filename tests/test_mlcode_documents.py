"""The shape reports, the read error messages and the programs beside an explanation, as
documents: golden files in both languages and every format, LaTeX compiled by pdflatex and
xelatex, HTML parsed as XML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import html

from linsteps import ops
from linsteps.learn.code_view import with_program
from linsteps.learn.shape_view import render_report
from linsteps.learn.shapes import shapes
from linsteps.learn.why import why
from tests.consumers import compile_tex

REPORTS: dict[str, Callable[[], Any]] = {
    "shapes-fits": lambda: shapes("x @ W.T + b", x="32x784", W="10x784", b=10),
    "shapes-breaks": lambda: shapes("x @ W", x="32x784", W="512x10"),
    "shapes-numpy": lambda: shapes("np.dot(a, b).T + c.sum(axis=0)", a="5x2x3", b="5x3x2", c="4x2"),
    "why-mat1-mat2": lambda: why(
        "RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x784 and 512x10)"
    ),
    "why-size-of-tensor": lambda: why(
        "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"
    ),
}
SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "latex": "tex", "html": "html"}
ENGINES = {"en": "pdflatex", "zh": "xelatex"}


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_reports_match_golden(name: str, lang: str, fmt: str, golden: Any) -> None:
    golden(f"mlcode/{name}.{lang}.{SUFFIX[fmt]}", render_report(REPORTS[name](), fmt, lang))


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_program_beside_an_explanation_matches_golden(lang: str, fmt: str, golden: Any) -> None:
    derivation = ops.matmul("1 2; 3 4", "5 6; 7 8")
    text = with_program(derivation, derivation.render(fmt, lang), fmt, lang, "torch")
    golden(f"mlcode/matmul-code.{lang}.{SUFFIX[fmt]}", text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_latex_compiles(lang: str, tmp_path: Path) -> None:
    bodies = [render_report(build(), "latex", lang) for build in REPORTS.values()]
    derivation = ops.linear("1 2; 3 4; 5 6", "1 -1; 2 0", "0 1 2")
    page = with_program(
        derivation, derivation.render("latex", lang, standalone=True), "latex", lang, "numpy"
    )
    document = page.replace("\\end{document}", "\n\n".join(bodies) + "\n\\end{document}")
    compile_tex(ENGINES[lang], document, tmp_path)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_pages_hold_their_parts(lang: str) -> None:
    for build in REPORTS.values():
        tree = html.document_fromstring(render_report(build(), "html", lang))
        assert tree.find(".//article/h1") is not None
        assert tree.find(".//article//table") is not None or tree.find(".//article/pre") is not None
    derivation = ops.dot("1 2", "3 4")
    page = with_program(derivation, derivation.render("html", lang), "html", lang, "numpy")
    code = html.document_fromstring(page).find(".//article/pre/code")
    assert code is not None and code.text_content().startswith("import numpy as np")
