"""Sheets to print: room to work after each problem, no problem split across two pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from linsteps import UsageError
from linsteps.practice.documents.formats import check_space, render_sheet
from linsteps.practice.worksheet import make_sheet
from tests.consumers import chromium, compile_tex, require


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


def _word_heights(pdf: Path, first: str, last: str) -> dict[str, list[float]]:
    """Heights of the words on page 1 of ``pdf`` from the word ``first`` to ``last``, by text."""
    done = subprocess.run(
        [require("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', done.stdout)
    texts = [w[2] for w in words]
    start, end = texts.index(first), texts.index(last)
    heights: dict[str, list[float]] = {}
    for top, bottom, text in words[start : end + 1]:
        heights.setdefault(text, []).append(float(bottom) - float(top))
    return heights


def test_fractions_in_a_printed_matrix_are_as_large_as_the_text(tmp_path: Path) -> None:
    sheet = make_sheet(7, 1, None, "medium")  # a = [1/2, −8, −7], b = [−1/2, 4, −7]
    source = render_sheet(sheet, "latex", "en", "none", None)
    assert "\\begin{bmatrix} \\displaystyle \\frac{1}{2}" in source
    heights = _word_heights(compile_tex("pdflatex", source, tmp_path), "Let", "Compute")
    text = heights["Let"][0]
    # The numerator and denominator of ½ are set at the size of the text, not a script size.
    assert all(abs(h - text) < 0.5 for h in heights["1"] + heights["2"]), heights
    # A matrix of integers is written as before.
    plain = render_sheet(make_sheet(3, 4, ["matmul"], "easy"), "latex", "en", "none", None)
    assert "\\begin{bmatrix}" in plain and "\\frac" not in plain
    assert "\\displaystyle" not in plain


def test_fractions_in_a_matrix_of_the_printed_page_are_full_size(tmp_path: Path) -> None:
    sheet = make_sheet(7, 1, None, "medium")
    html = render_sheet(sheet, "html", "en", "none", None)
    probe = (
        "<script>const m = document.querySelector('mtd mfrac mn');"
        "const p = document.querySelector('.sheet p');"
        "document.body.dataset.sizes = getComputedStyle(m).fontSize + ' '"
        " + getComputedStyle(p).fontSize;</script>"
    )
    target = tmp_path / "sheet.html"
    target.write_text(html.replace("</body>", probe + "</body>"), encoding="utf-8")
    done = chromium(target, tmp_path / "profile", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    sizes = re.search(r'data-sizes="([\d.]+)px ([\d.]+)px"', done.stdout)
    assert sizes is not None, done.stdout[:2000]
    fraction, text = float(sizes[1]), float(sizes[2])
    assert fraction >= text, (fraction, text)  # not the smaller script size of a compact table
