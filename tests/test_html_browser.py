"""HTML output: a self-contained page with MathML, parsed here and opened in headless Chromium."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.consumers import chromium, derivation
from tests.derivations import EXAMPLES

MATHML = "http://www.w3.org/1998/Math/MathML"


class PageParser(HTMLParser):
    """Collects what the checks need: tags, attributes, equation rows and their formulas."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows = 0
        self.rows_with_math = 0
        self.in_row = False
        self.row_has_math = False
        self.maths = 0
        self.paragraphs_with_math = 0
        self.title = ""
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows += 1
            self.in_row, self.row_has_math = True, False
        elif tag == "math":
            self.maths += 1
            self.row_has_math = True
        elif tag == "title":
            self.in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self.rows_with_math += self.row_has_math
            self.in_row = False
        elif tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data


def page(name: str, lang: str) -> str:
    return str(derivation(name).render("html", lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_page_is_self_contained_mathml(name: str, lang: str) -> None:
    text = page(name, lang)
    parser = PageParser()
    parser.feed(text)
    tags = dict(parser.tags)
    assert text.startswith("<!DOCTYPE html>\n")
    assert tags["html"] == {"lang": lang}
    metas = [attrs for tag, attrs in parser.tags if tag == "meta"]
    assert metas[0] == {"charset": "utf-8"}
    assert parser.title.strip()
    # No scripts, no network: nothing is fetched from anywhere.
    assert not [t for t, _ in parser.tags if t in ("script", "link", "img", "iframe", "object")]
    assert not re.search(r"https?:|url\(|@import|src=", text)
    # Every equation row holds MathML, and every formula is well-formed MathML.
    assert parser.rows > 0 and parser.rows_with_math == parser.rows
    formulas = re.findall(r"<math[ >].*?</math>", text, flags=re.S)
    assert len(formulas) == parser.maths >= parser.rows
    for formula in formulas:
        element = ET.fromstring(formula.replace("<math", f'<math xmlns="{MATHML}"', 1))
        assert element.tag == f"{{{MATHML}}}math"
    # No TeX left over.
    assert "\\" not in text and "$" not in text


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chromium_renders_the_matrix_product(lang: str, tmp_path: Path) -> None:
    target = tmp_path / f"matmul.{lang}.html"
    target.write_text(page("matmul-2x3-3x2", lang), encoding="utf-8")
    shot = tmp_path / "shot.png"
    done = chromium(target, tmp_path / "profile", "--window-size=900,700", f"--screenshot={shot}")
    assert shot.exists(), f"Chromium made no screenshot: {done.stderr[-2000:]}"
    assert png_size(shot) == (900, 700)
    assert shot.stat().st_size > 15_000, "the screenshot is nearly blank"


def test_chromium_loads_every_page_as_mathml(tmp_path: Path) -> None:
    # One page holding every example's article (both languages) keeps this to one launch.
    articles = []
    for name in sorted(EXAMPLES):
        for lang in ("en", "zh"):
            text = page(name, lang)
            articles.append(text[text.index("<article") : text.index("</article>") + 10])
    head = page("dot-integers", "en").split("<body>")[0]
    combined = head + "<body>\n" + "\n".join(articles) + "\n</body>\n</html>\n"
    target = tmp_path / "all.html"
    target.write_text(combined, encoding="utf-8")
    done = chromium(target, tmp_path / "profile", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert dom.count("<article") == len(articles)
    # The browser's DOM holds the same MathML elements the page was written with.
    assert dom.count("<math") == combined.count("<math") > len(articles)
    assert dom.count("<mtable") == combined.count("<mtable")
