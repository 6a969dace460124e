"""--plot with Markdown and HTML output: the picture goes into the document.

Markdown links the written file by its path relative to the document; HTML embeds the picture
(SVG inline, PNG as a data: URI), so the page still fetches nothing.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import linsteps
from linsteps.derivation.picture import Drawing
from linsteps.errors import UsageError
from tests.consumers import chromium, pandoc_html
from tests.test_cli import ENV, run
from tests.test_html_browser import MATHML, PageParser

# A network fetch would need one of these; url(#id) and data: point inside the page.
EXTERNAL = re.compile(r"https?:|url\((?!#)|@import|src=\"(?!data:)|href=\"(?!#)")


def plotted(console_script: str, *args: str) -> str:
    done = run(console_script, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("command", ["cos", "angle", "dot", "project"])
def test_markdown_links_the_picture_by_relative_path(
    console_script: str, tmp_path: Path, command: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "pics").mkdir()
    document, picture = tmp_path / "docs" / "notes.md", tmp_path / "pics" / "angle.svg"
    args = [command, "[3, 1]", "[1, 2]", "--format", "markdown"]
    plotted(console_script, *args, "--plot", str(picture), "--out", str(document))
    text = document.read_text(encoding="utf-8")
    alt = (
        "the projection of a on b, and θ between a and b"
        if command == "project"
        else ("θ between a and b")
    )
    assert text.endswith(f"\n\n![{alt}](../pics/angle.svg)\n")
    assert picture.read_bytes().startswith(b"<?xml")
    html = pandoc_html(text)
    assert '<img src="../pics/angle.svg"' in html


def test_markdown_on_standard_output_links_from_the_current_directory(
    console_script: str, tmp_path: Path
) -> None:
    args = ["cos", "[3, 1]", "[1, 2]", "-f", "markdown", "-l", "zh", "--plot", "my angle.png"]
    done = subprocess.run(
        [console_script, *args],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("\n\n![a 与 b 的夹角 θ](my%20angle.png)\n")
    assert (tmp_path / "my angle.png").read_bytes().startswith(b"\x89PNG")
    assert sorted(os.listdir(tmp_path)) == ["my angle.png"]


def assert_self_contained(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    assert not [t for t, _ in parser.tags if t in ("script", "link", "iframe", "object")]
    assert not EXTERNAL.search(page), EXTERNAL.search(page)
    for formula in re.findall(r"<math[ >].*?</math>", page, flags=re.S):
        ET.fromstring(formula.replace("<math", f'<math xmlns="{MATHML}"', 1))
    return parser


def test_html_embeds_an_svg_picture_inline(console_script: str, tmp_path: Path) -> None:
    page_path, picture = tmp_path / "cos.html", tmp_path / "angle.svg"
    args = ["cos", "[3, 1]", "[1, 2]", "--format", "html", "--out", str(page_path)]
    plotted(console_script, *args, "--plot", str(picture))
    page = page_path.read_text(encoding="utf-8")
    parser = assert_self_contained(page)
    tags = [t for t, _ in parser.tags]
    assert tags.count("svg") == 1 and "img" not in tags
    figure = page[page.index("<figure") : page.index("</figure>")]
    assert 'aria-label="θ between a and b"' in figure
    assert "<figcaption>θ between a and b</figcaption>" in figure
    # the same drawing as the file, minus what an inline <svg> does without
    written = picture.read_text(encoding="utf-8")
    assert written.count("<path") == figure.count("<path") > 10
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    # Chromium reads it as one SVG element beside the MathML.
    done = chromium(page_path, tmp_path / "profile", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("<svg") == 1
    assert done.stdout.count("<math") == page.count("<math") > 5


def test_html_embeds_a_png_picture_as_data(console_script: str, tmp_path: Path) -> None:
    page_path, picture = tmp_path / "p.html", tmp_path / "p.png"
    args = ["project", "[3, 1]", "[1, 2]", "-f", "html", "-l", "zh", "-o", str(page_path)]
    plotted(console_script, *args, "--plot", str(picture))
    page = page_path.read_text(encoding="utf-8")
    assert_self_contained(page)
    found = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)">', page)
    assert found is not None
    assert base64.b64decode(found.group(1)) == picture.read_bytes()
    assert found.group(2) == "a 在 b 上的投影，以及 a 与 b 的夹角 θ"


def test_other_formats_ignore_the_picture_and_bad_pictures_are_refused() -> None:
    derivation = linsteps.cos("[3, 1]", "[1, 2]")
    drawing = Drawing("svg", b"<svg></svg>", "a.svg")
    assert "![" not in derivation.render("markdown")
    assert "<figure" not in derivation.render("html")
    assert derivation.render("markdown", picture=drawing).endswith("![θ between a and b](a.svg)\n")
    with pytest.raises(UsageError):
        derivation.render("html", picture="a.svg")
    with pytest.raises(UsageError):
        derivation.render("latex", picture=drawing)
