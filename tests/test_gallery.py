"""The gallery in examples/ is exactly what `python examples/generate.py` writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.consumers import ROOT
from tests.test_html_browser import png_size

EXAMPLES = ROOT / "examples"


def texts(folder: Path) -> dict[str, str]:
    """Return the gallery's generated text files under ``folder``: relative path -> content."""
    return {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.suffix != ".png"
        and p.name != "generate.py"
        and "__pycache__" not in p.parts
    }


def test_checked_in_gallery_is_what_the_command_writes(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "generate.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    fresh, kept = texts(tmp_path), texts(EXAMPLES)
    assert sorted(fresh) == sorted(kept), "run `python examples/generate.py` and commit"
    stale = [name for name in fresh if fresh[name] != kept[name]]
    assert not stale, f"stale gallery files {stale}: run `python examples/generate.py`"
    operations = ("dot", "norm", "cos", "angle", "hadamard", "matmul")
    operations += ("outer", "transpose", "project", "linear", "attention")
    assert {name.split("/")[0] for name in fresh if "/" in name} == {*operations, "worksheets"}
    assert len(fresh) == 1 + len(operations) * 5 * 2 + 3 * 2 + 1  # operations, worksheets, key


def test_gallery_links_and_images() -> None:
    index = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", index)
    assert len(links) >= 1 + 11 * 2 * 5 + 3 * 2
    assert not [link for link in links if not (EXAMPLES / link).is_file()]
    for image in ("matmul/matmul.en.pdf.png", "matmul/matmul.en.html.png"):
        width, height = png_size(EXAMPLES / image)
        assert width >= 600 and height >= 500
        assert (EXAMPLES / image).stat().st_size > 20_000
    assert "examples/README.md" in (ROOT / "README.md").read_text(encoding="utf-8")
