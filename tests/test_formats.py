"""The document formats: settings, notation coverage, line breaking, Jupyter and the CLI."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
from itertools import takewhile
from pathlib import Path

import pytest

import linsteps
from linsteps import derivation as derivation_package
from linsteps.derivation.node import Node
from linsteps.errors import UsageError
from linsteps.render import FORMATS
from linsteps.render.latex import TexFormatter
from linsteps.render.latex_formatter import LatexFormatter
from linsteps.render.mathml_formatter import MathMLFormatter
from linsteps.render.text_formatter import TextFormatter
from tests.consumers import derivation
from tests.test_cli import run

DERIVATION_MODULES = [
    importlib.import_module(f"{derivation_package.__name__}.{info.name}")
    for info in pkgutil.iter_modules(derivation_package.__path__)
]
NODE_CLASSES = sorted(
    {
        klass
        for module in DERIVATION_MODULES
        for _, klass in inspect.getmembers(module, inspect.isclass)
        if issubclass(klass, Node) and klass is not Node
    },
    key=lambda klass: klass.__name__,
)


@pytest.mark.parametrize(
    "formatter", [TextFormatter, LatexFormatter, TexFormatter, MathMLFormatter]
)
def test_every_node_class_has_a_format_method(formatter: type) -> None:
    missing = [k.__name__ for k in NODE_CLASSES if not hasattr(formatter, f"_format_{k.__name__}")]
    assert len(NODE_CLASSES) >= 22
    assert not missing, f"{formatter.__name__} cannot format {missing}"


def test_formats_are_all_offered() -> None:
    assert FORMATS == ("text", "json", "latex", "markdown", "html")


@pytest.mark.parametrize("fmt", ["latex", "markdown", "html"])
def test_unknown_and_bad_settings_are_refused(fmt: str) -> None:
    d = derivation("dot-integers")
    with pytest.raises(UsageError) as unknown:
        d.render(fmt, colour=True)
    assert unknown.value.key == "unknown_setting" and "colour" in str(unknown.value)
    with pytest.raises(UsageError) as bad:
        d.render(fmt, hadamard="star")
    assert "circ, odot" in str(bad.value)
    with pytest.raises(UsageError):
        d.render(fmt, terms_per_line=0)
    with pytest.raises(UsageError):
        d.render(fmt, places="4")


def test_settings_the_derivation_carries_are_accepted() -> None:
    d = linsteps.matmul("1 2; 3 4", "5 6; 7 8", entry="1,2")
    assert "entry" in d.settings
    assert "c_{12}" in d.render("latex")


def test_hadamard_symbol_and_vector_style() -> None:
    d = derivation("hadamard-vectors")
    assert "a \\circ b" in d.render("latex")
    odot = d.render("latex", hadamard="odot", vector="bold")
    assert "\\mathbf{a} \\odot \\mathbf{b}" in odot and "\\circ" not in odot
    assert "\\vec{a}" in d.render("markdown", vector="arrow")
    html = d.render("html", hadamard="odot", vector="bold")
    assert "<mo>⊙</mo>" in html and "<mi>𝐚</mi>" in html
    assert "<mover" in d.render("html", vector="arrow")


def test_long_sums_are_broken_over_rows() -> None:
    text = derivation("dot-long-full").render("latex")
    assert "&\\quad + " in text
    broken = derivation("dot-long-full").render("latex", terms_per_line=3)
    assert broken.count("&\\quad") > text.count("&\\quad")
    # Breaking is formatting only: the same terms in the same order.
    one_line = derivation("dot-long-full").render("latex", terms_per_line=100)
    assert "&\\quad" not in one_line
    assert link(broken, "multiply") == link(one_line, "multiply")
    assert link(broken, "multiply").startswith("&= -78 - 60 - 44 - 30 - 18 - 8 + 0 + 6")


def link(latex: str, role: str) -> str:
    """Return the rows of one link of a chain joined into one line, without its label."""
    lines = latex.splitlines()
    start = next(i for i, line in enumerate(lines) if f"\\text{{{role}}}" in line)
    rows = [lines[start]]
    rows.extend(takewhile(lambda line: line.strip().startswith("&\\quad"), lines[start + 1 :]))
    text = " ".join(rows).replace(f"&& \\text{{{role}}}", "").replace("&\\quad", "")
    return " ".join(text.replace("\\\\", "").split())


def test_standalone_latex_documents() -> None:
    d = derivation("dot-integers")
    snippet = d.render("latex")
    assert "\\documentclass" not in snippet and snippet.startswith("\\noindent\\textbf{")
    english = d.render("latex", standalone=True)
    assert english.startswith("\\documentclass{article}") and "\\usepackage{amsmath}" in english
    assert "\\usepackage{lmodern}" in english and english.endswith("\\end{document}\n")
    chinese = d.render("latex", "zh", standalone=True)
    assert "\\documentclass{ctexart}" in chinese and "点积" in chinese


def test_prose_symbols_become_mathematics_in_latex() -> None:
    text = derivation("cos-integers").render("latex")
    assert "$\\cos \\theta$ is close to 1" in text  # one formula, not cos $\\theta$
    assert "θ" not in text


def test_jupyter_representations() -> None:
    d = derivation("matmul-2x2")
    assert d._repr_latex_() == d.render("latex")
    assert d._repr_markdown_() == d.render("markdown")
    fragment = d._repr_html_()
    assert fragment.startswith("<div>") and "<!DOCTYPE" not in fragment
    assert '<article class="linsteps" lang="en">' in fragment and "<math" in fragment


def test_a_derivation_renders_itself_with_renderers_loaded_on_first_use() -> None:
    # The derivation layer does not import render/; the public package links them lazily.
    code = (
        "import sys, linsteps\n"
        "assert 'linsteps.render' not in sys.modules and 'sympy' not in sys.modules\n"
        "d = linsteps.dot('1 2', '3 4')\n"
        "assert 'linsteps.render' not in sys.modules\n"
        "assert d.to_dict()['result']['text'] == '11'\n"
        "assert d.render('latex').startswith('\\\\noindent')\n"
        "assert d.to_text() == str(d) and 'sum' in str(d)\n"
    )
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("fmt", ["latex", "markdown", "html"])
@pytest.mark.parametrize(
    "args",
    [
        ["dot", "1 2", "3 4"],
        ["norm", "3 4"],
        ["cos", "1 2", "3 4"],
        ["angle", "1 0", "1 1"],
        ["hadamard", "1 2; 3 4", "5 6; 7 8"],
        ["matmul", "1 2; 3 4", "5 6; 7 8"],
    ],
)
def test_every_command_emits_every_format(console_script: str, fmt: str, args: list[str]) -> None:
    done = run(console_script, *args, "--format", fmt, "--lang", "zh")
    assert done.returncode == 0, done.stderr
    marker = {"latex": "\\begin{align*}", "markdown": "$$\n", "html": "<math"}[fmt]
    assert marker in done.stdout and done.stderr == ""


def test_standalone_needs_latex(console_script: str) -> None:
    done = run(console_script, "dot", "1 2", "3 4", "--format", "html", "--standalone")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "linsteps: --standalone: only --format latex makes standalone documents\n"


@pytest.mark.parametrize("where", ["directory", "missing-folder", "under-a-file"])
def test_out_refuses_what_cannot_be_written(
    console_script: str, tmp_path: Path, where: str
) -> None:
    (tmp_path / "file.txt").write_text("keep\n", encoding="utf-8")
    target = {
        "directory": tmp_path,
        "missing-folder": tmp_path / "no" / "such" / "out.tex",
        "under-a-file": tmp_path / "file.txt" / "out.tex",
    }[where]
    done = run(console_script, "dot", "1 2", "3 4", "--format", "latex", "--out", str(target))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"linsteps: {target}") and done.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep\n"


def test_out_writes_a_whole_html_page(console_script: str, tmp_path: Path) -> None:
    target = tmp_path / "product.html"
    done = run(console_script, "matmul", "1 2; 3 4", "5 6; 7 8", "-f", "html", "-o", str(target))
    assert done.returncode == 0 and done.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n")


def test_rendering_does_not_evaluate() -> None:
    # Renderers only format: rendering a derivation never calls a node's evaluate().
    code = (
        "import importlib, pkgutil\n"
        "import linsteps\n"
        "from linsteps import derivation\n"
        "from linsteps.derivation.node import Node\n"
        "d = linsteps.matmul('1 2; 3 4', '5 6; 7 8')\n"
        "def refuse(self):\n"
        "    raise AssertionError('a renderer evaluated ' + type(self).__name__)\n"
        "for info in pkgutil.iter_modules(derivation.__path__):\n"
        "    module = importlib.import_module('linsteps.derivation.' + info.name)\n"
        "    for k in vars(module).values():\n"
        "        if isinstance(k, type) and issubclass(k, Node):\n"
        "            k.evaluate = refuse\n"
        "for f in ('latex', 'markdown', 'html'):\n    d.render(f, 'zh')\n"
    )
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_missing_tool_fails_the_test_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.consumers import require

    monkeypatch.setenv("PATH", "")
    with pytest.raises(pytest.fail.Exception, match=r"xelatex is not installed.*tests/run\.sh"):
        require("xelatex")
