"""Sheets to print: room to work after each problem, no problem split across two pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from linsteps import UsageError
from linsteps.practice.documents.formats import check_space, render_sheet
from linsteps.practice.worksheet import make_sheet
from tests.consumers import compile_tex, require


def pages(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``, read by pdftotext."""
    done = subprocess.run(
        [require("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout.split("\f")


def test_each_problem_stays_on_one_page_with_room_to_work(tmp_path: Path) -> None:
    sheet = make_sheet(7, 12, None, "medium")
    source = render_sheet(sheet, "latex", "en", "answers", None)
    assert source.count("\\vspace*{4cm}") == 12
    text = pages(compile_tex("pdflatex", source, tmp_path))
    assert len([p for p in text if p.strip()]) >= 4  # 12 problems with 4 cm each do not fit on one
    answers = next(i for i, page in enumerate(text) if re.search(r"^\s*Answers\s*$", page, re.M))
    for number in range(1, 13):
        start = re.compile(rf"^\s*{number}\.\s", re.M)
        holding = [i for i, page in enumerate(text[:answers]) if start.search(page)]
        assert len(holding) == 1, (number, holding)
        page = text[holding[0]]
        after = page[start.search(page).end() :]  # type: ignore[union-attr]
        assert "Answer:" in after.split(f"\n{number + 1}.")[0], number  # its answer line too
    assert not re.search(r"Answer:", text[answers])  # the answers start a new page


def test_space_option() -> None:
    sheet = make_sheet(7, 2, None, "easy")
    assert "vspace" not in render_sheet(sheet, "latex", "en", "none", "0")
    assert "\\vspace*{30mm}" in render_sheet(sheet, "latex", "en", "none", "30mm")
    assert 'style="height: 4cm"' in render_sheet(sheet, "html", "en", "none", None)
    assert check_space(None, "markdown") == "" and render_sheet(sheet) == render_sheet(sheet)
    for bad in ("4", "}\\input{x}", "4cm;x", "999cm"):
        with pytest.raises(UsageError):
            check_space(bad, "latex")
