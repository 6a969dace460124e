"""The real consumers of linsteps output: TeX engines, KaTeX, pandoc and Chromium.

Each helper fails the test with a clear message when its tool is missing (``bash tests/run.sh``
installs them); none skips.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.derivations import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
PACKAGES = {
    "pdflatex": "texlive-latex-base texlive-latex-recommended lmodern",
    "xelatex": "texlive-xetex texlive-lang-chinese fonts-noto-cjk",
    "pandoc": "pandoc",
    "node": "nodejs npm",
    "chromium": "chromium",
    "pdftoppm": "poppler-utils",
    "pdfinfo": "poppler-utils",
}
TIMEOUT = 240


@cache
def derivation(name: str) -> Any:
    """Return example ``name``, built once per test session."""
    return EXAMPLES[name]()


def require(tool: str) -> str:
    """Return the path of ``tool``; fail (never skip) when it is not installed."""
    found = shutil.which(tool)
    if found is None:
        pytest.fail(
            f"{tool} is not installed; these tests need it. Run `bash tests/run.sh` (it installs "
            f"the Debian packages {PACKAGES.get(tool, tool)}) or install them yourself."
        )
    return found


def tex_errors(log: str) -> str:
    """Return the error lines of a TeX log with a little context."""
    lines = log.splitlines()
    picked = ["\n".join(lines[i : i + 4]) for i, line in enumerate(lines) if line.startswith("!")]
    return "\n".join(picked[:5]) or "\n".join(lines[-30:])


def compile_tex(engine: str, source: str, folder: Path, name: str = "doc") -> Path:
    """Compile ``source`` with ``engine`` in ``folder``; fail with the TeX errors unless exit 0."""
    program = require(engine)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.tex").write_text(source, encoding="utf-8")
    done = subprocess.run(
        [program, "-halt-on-error", "-interaction=nonstopmode", f"{name}.tex"],
        cwd=folder,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=TIMEOUT,
    )
    log = folder / f"{name}.log"
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else done.stdout
    assert done.returncode == 0, f"{engine} failed on {folder / name}.tex:\n{tex_errors(text)}"
    pdf = folder / f"{name}.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    return pdf


_DISPLAY = re.compile(r"^\$\$\n(.*?)\n\$\$$", re.S | re.M)
_INLINE = re.compile(r"(?<![\\$])\$(?!\$)((?:[^$\\]|\\.)+?)(?<!\\)\$")


def markdown_math(text: str) -> list[tuple[str, bool]]:
    """Return the formulas of a Markdown document as (tex, display), in pandoc's reading."""
    spans = [(m.group(1), True) for m in _DISPLAY.finditer(text)]
    rest = _DISPLAY.sub("", text)
    spans.extend((m.group(1), False) for m in _INLINE.finditer(rest))
    return spans


def katex_failures(spans: list[dict[str, Any]]) -> dict[str, Any]:
    """Render formulas with KaTeX (throwOnError, strict); return tests/katex_check.js's report."""
    node = require("node")
    if not (TESTS / "node_modules" / "katex").is_dir():
        pytest.fail(
            "KaTeX is not installed in tests/node_modules: run `bash tests/run.sh` or "
            "`npm ci --prefix tests`"
        )
    done = subprocess.run(
        [node, str(TESTS / "katex_check.js")],
        input=json.dumps(spans),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def pandoc_html(markdown: str) -> str:
    """Convert Markdown to HTML with pandoc, failing on any warning.

    ``--mathml`` makes pandoc parse every formula (texmath) into MathML: a formula it cannot
    read is a warning, hence a failure.  (Its default plain-text math cannot show fractions
    and warns even on valid TeX.)
    """
    pandoc = require("pandoc")
    done = subprocess.run(
        [pandoc, "--fail-if-warnings", "-f", "markdown", "-t", "html", "--mathml"],
        input=markdown,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, f"pandoc failed: {done.stderr}"
    return done.stdout


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on a local page, without network or background services."""
    program = require("chromium")
    return subprocess.run(
        [
            program,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=TIMEOUT,
    )


_MATH = re.compile(r"<math[ >].*?</math>", re.S)


def mathml_formulas(html: str, where: str) -> list[dict[str, str]]:
    """Return every ``<math>`` element of an HTML page, tagged with where it comes from."""
    return [
        {"mathml": m.group(), "where": f"{where} #{i}"} for i, m in enumerate(_MATH.finditer(html))
    ]


def mathjax_failures(formulas: list[dict[str, str]]) -> dict[str, Any]:
    """Read MathML formulas with MathJax's MathML input; return tests/mathml_check.js's report.

    MathJax reports what it cannot read as MathML: unknown elements, text where MathML allows
    none (a bare `` = `` inside ``<math>``), wrong numbers of children, unknown attributes.
    """
    node = require("node")
    if not (TESTS / "node_modules" / "mathjax-full").is_dir():
        pytest.fail(
            "MathJax is not installed in tests/node_modules: run `bash tests/run.sh` or "
            "`npm ci --prefix tests`"
        )
    done = subprocess.run(
        [node, str(TESTS / "mathml_check.js")],
        input=json.dumps(formulas),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report
