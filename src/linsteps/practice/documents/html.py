"""A sheet as a printable HTML page; math as MathML (no scripts, nothing fetched)."""

from __future__ import annotations

from linsteps.derivation.steps import Derivation
from linsteps.practice.documents.layout import SheetWriter
from linsteps.render.formatter import NodeFormatter


class HtmlWriter(SheetWriter):
    """A printable HTML page; math as MathML (no scripts, nothing fetched)."""

    fmt = "html"

    def formatter(self) -> NodeFormatter:
        from linsteps.render.mathml_formatter import MathMLFormatter

        return MathMLFormatter(self.lang)

    def escape(self, text: str) -> str:
        from linsteps.render.html import prose_html

        return prose_html(text)

    def inline(self, math: str) -> str:
        return f"<math>{math}</math>"

    def display(self, math: list[str]) -> str:
        sep = '<mo>,</mo><mspace width="1em"></mspace>'
        return f'<math display="block" displaystyle="true">{sep.join(math)}</math>'

    def equality(self, left: str, right: str) -> str:
        return f"<mrow>{left}<mo>=</mo>{right}</mrow>"

    def document(self, body: list[str]) -> str:
        from linsteps.render.html import STYLE

        lang = "zh-CN" if self.lang == "zh" else "en"
        title = self.escape(self.sheet.title) if self.sheet.title else self.t("worksheet.title")
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>\n{STYLE}{SHEET_STYLE}</style>\n</head>\n"
            '<body>\n<main class="sheet">\n' + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
        )

    def heading(self, text: str, level: int) -> str:
        return f"<h{level}>{text}</h{level}>"

    def paragraph(self, text: str) -> str:
        return f"<p>{text}</p>"

    def numbered(self, items: list[str]) -> str:
        return "<ol>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ol>"

    def problem(self, number: int, blocks: list[str]) -> str:
        inner = "\n".join(blocks)
        return f'<section class="problem">\n<p><strong>{number}.</strong></p>\n{inner}\n</section>'

    def work_space(self, length: str) -> str:
        return f'<div class="work" style="height: {length}"></div>'

    def new_page(self) -> str:
        return '<hr class="page">'

    def line_break(self) -> str:
        return "<br>"

    def blank(self) -> str:
        return '<span class="blank"></span>'

    def derivation(self, derivation: Derivation) -> str:
        from linsteps.render.html import HtmlRenderer

        return HtmlRenderer(derivation, self.lang).article().rstrip("\n")


SHEET_STYLE = """\
.sheet { font-family: "Latin Modern Roman", "STIX Two Text", Georgia, "Noto Serif CJK SC",
  "Noto Sans CJK SC", serif; font-size: 1.0625rem; line-height: 1.55; color: #1b1b1b;
  max-width: 54rem; margin: 2rem auto; padding: 0 1.25rem; }
.sheet .problem { margin: 1.25rem 0; break-inside: avoid; }
.sheet .blank { display: inline-block; width: 18rem; border-bottom: 1px solid #000; }
.sheet hr.page { break-after: page; border: none; border-top: 1px solid #ccc; margin: 2rem 0; }
.sheet .linsteps { margin: 0.5rem 0 1.5rem; padding: 0; max-width: none; }
.sheet .problem mtd { math-style: normal; padding: 0.2em 0.4em; }
@media print { .sheet { max-width: none; margin: 0; padding: 0; } }
"""
