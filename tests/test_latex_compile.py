"""LaTeX output compiled by real TeX engines: pdflatex for English, xelatex for Chinese.

To stay fast, every example goes into one document per language, each a section; a few
standalone documents made by the installed command are compiled on their own.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from linsteps.render.latex import PREAMBLE_EN, PREAMBLE_ZH
from tests.consumers import compile_tex, derivation
from tests.derivations import EXAMPLES
from tests.test_cli import ENV

ENGINES = {"en": "pdflatex", "zh": "xelatex"}
PREAMBLES = {"en": PREAMBLE_EN, "zh": PREAMBLE_ZH}
VARIANTS = ({"hadamard": "odot", "vector": "bold"}, {"vector": "arrow", "terms_per_line": 2})


def batch(lang: str) -> str:
    """Return one document holding every example (and the settings variants) as sections."""
    parts = [PREAMBLES[lang]]
    for name in sorted(EXAMPLES):
        parts.append(f"\\section*{{{name}}}\n")
        parts.append(derivation(name).render("latex", lang))
    for i, variant in enumerate(VARIANTS, start=1):
        for name in ("hadamard-matrices", "cos-integers", "dot-long-full", "matmul-generic"):
            parts.append(f"\\section*{{{name}, variant {i}}}\n")
            parts.append(derivation(name).render("latex", lang, **variant))
    wide = derivation("hadamard-large").render("latex", lang)
    parts.append(wide)
    parts.append("\\end{document}\n")
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_example_compiles(lang: str, tmp_path: Path) -> None:
    pdf = compile_tex(ENGINES[lang], batch(lang), tmp_path)
    assert pdf.stat().st_size > 20_000


def test_a_matrix_wider_than_bmatrix_allows_compiles(tmp_path: Path) -> None:
    import linsteps

    row = " ".join(str(i) for i in range(1, 13))
    body = linsteps.hadamard(f"{row}; {row}", f"{row}; {row}").render("latex", standalone=True)
    assert "\\begin{array}{cccccccccccc}" in body
    compile_tex("pdflatex", body, tmp_path)


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (["cos", "[1,2,3]", "[4,5,6]"], "en"),
        (["dot", "[1,2]", "[3,4]"], "zh"),
        (["matmul", "1 2 3; 4 5 6", "7 8; 9 10; 11 12"], "en"),
        (["hadamard", "1 2; 3 4", "5 6; 7 8"], "zh"),
        (["angle", "[1, 0]", "[1, sqrt(3)]"], "en"),
        (["norm", "[1/2, -3, x]"], "zh"),
        (["attention", "1 0; 0 1", "1 1; 0 1", "1 2; 3 4", "--causal"], "zh"),
        (["project", "[1, sqrt(2)]", "[2, 1]"], "en"),
    ],
)
def test_standalone_documents_from_the_command_compile(
    console_script: str, tmp_path: Path, args: list[str], lang: str
) -> None:
    target = tmp_path / "out.tex"
    command = [console_script, *args, "--format", "latex", "--standalone", "--lang", lang]
    done = subprocess.run(
        [*command, "--out", str(target)], capture_output=True, text=True, env=ENV, timeout=60
    )
    assert done.returncode == 0, done.stderr
    source = target.read_text(encoding="utf-8")
    assert source.startswith("% Compile with xelatex." if lang == "zh" else "\\documentclass")
    assert source.rstrip().endswith("\\end{document}")
    compile_tex(ENGINES[lang], source, tmp_path / "build", "out")
