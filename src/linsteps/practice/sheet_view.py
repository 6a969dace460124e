"""Worksheet documents: Markdown, LaTeX and HTML of a :class:`~linsteps.practice.worksheet.Sheet`.

A writer lays out what the sheet holds: the questions (message keys with notation nodes), the
operands, answers read from the derivations, and the derivations themselves rendered in the
same format.  Nothing here computes.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any, ClassVar

from linsteps.derivation.arithmetic import Call, Quotient, Root
from linsteps.derivation.matrices import (
    Angle,
    Dot,
    Hadamard,
    MatProduct,
    Norm,
    Projection,
    Shape,
    Softmax,
    Transpose,
    VectorSum,
)
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Condition
from linsteps.derivation.values import Value
from linsteps.i18n import translate
from linsteps.render.formatter import NodeFormatter
from linsteps.render.latex_formatter import LatexFormatter

if TYPE_CHECKING:
    from linsteps.derivation.steps import Derivation
    from linsteps.practice.worksheet import Part, Sheet, Solved

_SHAPE_CONDITIONS = ("same_length", "same_shape", "matmul_shapes")
_LINE = "_" * 30


def statement(solved: Solved) -> tuple[str, dict[str, Node], list[tuple[Node, Node]]]:
    """Return a problem's question: its message key, its parameters and the given operands."""
    ops = solved.operands
    names = [op.node() for op in ops]
    givens: list[tuple[Node, Node]] = [(op.node(), Value(op.value)) for op in ops]
    operation = solved.problem.operation
    params: dict[str, Node]
    if solved.row is not None:
        return "worksheet.ask.products", {"expr": solved.row.notation}, givens
    if operation == "shapes":
        params = {
            key: part.node
            for key, part in zip(("ab", "ba", "hadamard", "dot"), solved.parts, strict=True)
        }
    elif operation == "norm":
        params = {"expr": Norm(names[0])}
    elif operation in ("cos", "angle"):
        theta = Angle(names[0], names[1])
        expr: Node = Call("cos", theta) if operation == "cos" else theta
        params = {"expr": expr, "a": names[0], "b": names[1]}
    elif operation in _LAYERS:
        params = {"expr": _LAYERS[operation](solved, names)}
    else:
        kinds = {"dot": Dot, "hadamard": Hadamard, "matmul": MatProduct}
        params = {"expr": kinds[operation](names[0], names[1])}
    return "worksheet.ask." + operation, params, givens


def _linear(solved: Solved, names: list[Node]) -> Node:
    """Wx + b, or XWᵀ + b for a batch (one sample per row)."""
    batch = solved.operands[1].layout == "matrix"
    product = MatProduct(names[1], Transpose(names[0])) if batch else MatProduct(*names[:2])
    return VectorSum(product, names[2], broadcast=batch) if len(names) > 2 else product


def _attention(solved: Solved, names: list[Node]) -> Node:
    """softmax(QKᵀ/√d_k)·V with d_k, the width of Q, as a number."""
    width = solved.operands[0].shape[1]
    scores = Quotient(MatProduct(names[0], Transpose(names[1])), Root(Value(width)))
    weights = Softmax(scores)
    return MatProduct(weights, names[2]) if len(names) > 2 else weights


_LAYERS = {
    "outer": lambda solved, names: MatProduct(names[0], Transpose(names[1])),
    "project": lambda solved, names: Projection(names[0], names[1]),
    "linear": _linear,
    "attention": _attention,
}


class SheetWriter:
    """Lays out a sheet; subclasses give the markup of one format."""

    fmt: ClassVar[str] = ""

    def __init__(self, sheet: Sheet, lang: str, solutions: str) -> None:
        self.sheet = sheet
        self.lang = lang
        self.solutions = solutions
        self.math = self.formatter()

    # markup, set by subclasses ---------------------------------------------------------------
    def formatter(self) -> NodeFormatter:
        """Return the formatter of notation nodes."""
        return LatexFormatter(self.lang)

    def escape(self, text: str) -> str:
        """Return plain text escaped for the format."""
        raise NotImplementedError

    def inline(self, math: str) -> str:
        """Return formatted math inline in text."""
        raise NotImplementedError

    def display(self, math: list[str]) -> str:
        """Return a display of formatted math items, side by side."""
        raise NotImplementedError

    def document(self, body: list[str]) -> str:
        """Return the whole document around the body blocks."""
        raise NotImplementedError

    def heading(self, text: str, level: int) -> str:
        """Return a heading (level 1 the title, 2 a section, 3 a problem of the solutions)."""
        raise NotImplementedError

    def paragraph(self, text: str) -> str:
        """Return a paragraph of already-marked-up text."""
        raise NotImplementedError

    def numbered(self, items: list[str]) -> str:
        """Return a numbered list of already-marked-up items."""
        raise NotImplementedError

    def problem(self, number: int, blocks: list[str]) -> str:
        """Return one numbered problem made of blocks."""
        raise NotImplementedError

    def new_page(self) -> str:
        """Return what starts a new printed page."""
        raise NotImplementedError

    def derivation(self, derivation: Derivation) -> str:
        """Return a derivation rendered in this format."""
        return derivation.render(self.fmt, self.lang)

    def equality(self, left: str, right: str) -> str:
        """Return the formatted equality ``left = right``."""
        return f"{left} = {right}"

    # text ------------------------------------------------------------------------------------
    def t(self, key: str, **params: Any) -> str:
        """Return a catalog sentence: nodes as inline math, other parameters as text."""
        marker = "\x00{}\x00"
        slots: list[str] = []
        plain: dict[str, str] = {}
        for name, value in params.items():
            if isinstance(value, Node):
                slots.append(self.inline(self.math.format(value)))
                plain[name] = marker.format(len(slots) - 1)
            elif isinstance(value, Markup):
                slots.append(value.text)
                plain[name] = marker.format(len(slots) - 1)
            else:
                plain[name] = str(value)
        text = self.escape(translate(self.lang, key, **plain))
        for i, slot in enumerate(slots):
            text = text.replace(marker.format(i), slot)
        return text

    def word(self, key: str) -> Markup:
        """Return a catalog word as markup, to be a parameter of another sentence."""
        return Markup(self.escape(translate(self.lang, key)))

    # layout ----------------------------------------------------------------------------------
    def render(self) -> str:
        """Return the whole sheet."""
        sheet = self.sheet
        title = self.escape(sheet.title) if sheet.title else self.t("worksheet.title")
        difficulty = self.word("worksheet.difficulty." + sheet.difficulty)
        meta = [self.t("worksheet.meta", seed=sheet.seed, count=sheet.count, difficulty=difficulty)]
        if sheet.date:
            meta.append(self.t("worksheet.date", date=sheet.date))
        if sheet.student:
            meta.append(self.t("worksheet.student", student=sheet.student))
        body = [
            self.heading(title, 1),
            self.paragraph(self.line_break().join(meta)),
            self.paragraph(self.t("worksheet.name") + " " + self.blank()),
            self.paragraph(self.t("worksheet.instructions")),
            self.heading(self.t("worksheet.problems"), 2),
        ]
        body.extend(self.question(s) for s in sheet.problems)
        if self.solutions != "none":
            body.append(self.new_page())
            body.append(self.heading(self.t("worksheet.answers"), 2))
            body.append(self.numbered([self.answer(s) for s in sheet.problems]))
        if self.solutions == "full":
            body.append(self.heading(self.t("worksheet.solutions"), 2))
            for solved in sheet.problems:
                body.append(self.heading(self.t("worksheet.problem", number=solved.number), 3))
                body.extend(self.solution(solved))
        return self.document([b for b in body if b])

    def line_break(self) -> str:
        """Return a line break inside a paragraph."""
        raise NotImplementedError

    def blank(self) -> str:
        """Return a line to write an answer on."""
        raise NotImplementedError

    def question(self, solved: Solved) -> str:
        """Return one problem: the question, the operands and a line for the answer."""
        key, params, givens = statement(solved)
        shown = [f"{self.math.format(name)} = {self.math.format(value)}" for name, value in givens]
        blocks = [
            self.t("worksheet.let"),
            self.display(shown),
            self.paragraph(self.t(key, **params)),
        ]
        blocks.append(self.paragraph(self.t("worksheet.answer_line") + " " + self.blank()))
        return self.problem(solved.number, blocks)

    def answer(self, solved: Solved) -> str:
        """Return the answer of one problem, read from its derivation(s)."""
        if solved.parts:
            return "; ".join(
                self.t("worksheet.part", expr=part.node, value=self.part_value(part))
                for part in solved.parts
            )
        if solved.derivation is None:
            return self.word("worksheet.undefined").text
        return self.inline(self.math.format(self.final_value(solved.derivation)))

    def final_value(self, derivation: Derivation) -> Node:
        """Return the node of a derivation's result as its Result step shows it."""
        from linsteps.derivation.steps import Result

        final = next((s for s in reversed(derivation.steps) if isinstance(s, Result)), None)
        return final.value if final is not None else Value(derivation.result)

    def part_value(self, part: Part) -> Node | Markup:
        """Return the shape of a part's result, ``a scalar`` or ``undefined``."""
        from linsteps.practice.worksheet import result_shape

        if part.derivation is None:
            return self.word("worksheet.undefined")
        shape = result_shape(part.derivation)
        return self.word("worksheet.scalar") if shape is None else Shape(*shape)

    def solution(self, solved: Solved) -> list[str]:
        """Return the worked solution: the derivation, or why the product is undefined."""
        if solved.parts:
            return [self.paragraph(self.part_solution(part)) for part in solved.parts]
        which = []
        if solved.row is not None:
            kind = self.word("compare.kind." + solved.row.kind)
            which = [self.paragraph(self.t("worksheet.which", expr=solved.row.notation, kind=kind))]
        if solved.derivation is not None:
            return [*which, self.derivation(solved.derivation)]
        assert solved.error is not None
        reason = solved.error.message(self.lang)
        return [*which, self.paragraph(self.t("worksheet.is_undefined", reason=reason))]

    def part_solution(self, part: Part) -> str:
        """Return why a part of a shape question is defined or not, and its shape."""
        if part.derivation is None:
            assert part.error is not None
            message = part.error.message(self.lang)
            return self.t("worksheet.part_undefined", reason=message, expr=part.node)
        condition = next(
            s
            for s in part.derivation.steps
            if isinstance(s, Condition) and s.key in _SHAPE_CONDITIONS
        )
        reason = Markup(self.t("condition." + condition.key, **dict(condition.params)))
        value = self.part_value(part)
        if isinstance(value, Shape):
            return self.t("worksheet.part_defined", expr=part.node, reason=reason, shape=value)
        return self.t("worksheet.part_scalar", expr=part.node, reason=reason)


class Markup:
    """Text already marked up for the format (not escaped again)."""

    def __init__(self, text: str) -> None:
        self.text = text


class MarkdownWriter(SheetWriter):
    """Markdown with ``$…$`` and ``$$…$$`` math, as the derivations' Markdown writes it."""

    fmt = "markdown"

    def escape(self, text: str) -> str:
        from linsteps.render.markdown import escape_markdown

        return escape_markdown(text)

    def inline(self, math: str) -> str:
        from linsteps.render.markdown import inline

        return inline(math)

    def display(self, math: list[str]) -> str:
        return "$$\n" + ",\\quad ".join(math) + "\n$$"

    def document(self, body: list[str]) -> str:
        return "\n\n".join(body) + "\n"

    def heading(self, text: str, level: int) -> str:
        return "#" * level + " " + text

    def paragraph(self, text: str) -> str:
        return text

    def numbered(self, items: list[str]) -> str:
        return "\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1))

    def problem(self, number: int, blocks: list[str]) -> str:
        return f"**{number}.** " + "\n\n".join(blocks)

    def new_page(self) -> str:
        return "---"

    def line_break(self) -> str:
        return "  \n"

    def blank(self) -> str:
        return _LINE

    def derivation(self, derivation: Derivation) -> str:
        # The derivation's title becomes a heading below "Problem n".
        text = derivation.render("markdown", self.lang).rstrip("\n")
        return re.sub(r"^## ", "#### ", text, flags=re.M)


class LatexWriter(SheetWriter):
    """A complete LaTeX document: pdflatex for English, xelatex (ctexart) for Chinese."""

    fmt = "latex"

    def escape(self, text: str) -> str:
        from linsteps.render.latex import prose

        return prose(text)

    def inline(self, math: str) -> str:
        return f"${math}$"

    def display(self, math: list[str]) -> str:
        return "\\[ " + ",\\quad ".join(math) + " \\]"

    def document(self, body: list[str]) -> str:
        if self.lang == "zh":
            head = ["\\documentclass[11pt]{ctexart}"]
        else:
            head = [
                "\\documentclass[11pt]{article}",
                "\\usepackage[utf8]{inputenc}",
                "\\usepackage[T1]{fontenc}",
                "\\usepackage{lmodern}",
            ]
        head += [
            "\\usepackage{amsmath,amssymb}",
            "\\usepackage[a4paper,margin=2cm]{geometry}",
            "\\setlength{\\parindent}{0pt}",
            "\\setlength{\\parskip}{0.6em}",
            "\\begin{document}",
        ]
        return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n\n\\end{document}\n"

    def heading(self, text: str, level: int) -> str:
        command = {1: "section*", 2: "subsection*", 3: "subsubsection*"}[level]
        return f"\\{command}{{{text}}}"

    def paragraph(self, text: str) -> str:
        return text

    def numbered(self, items: list[str]) -> str:
        lines = "\n".join(f"  \\item {item}" for item in items)
        return f"\\begin{{enumerate}}\n{lines}\n\\end{{enumerate}}"

    def problem(self, number: int, blocks: list[str]) -> str:
        body = f"\\textbf{{{number}.}} " + "\n\n".join(blocks)
        # A minipage keeps a problem on one page.
        return f"\\noindent\\begin{{minipage}}{{\\linewidth}}\n{body}\n\\end{{minipage}}\n\\medskip"

    def new_page(self) -> str:
        return "\\newpage"

    def line_break(self) -> str:
        return "\\\\\n"

    def blank(self) -> str:
        return "\\rule{8cm}{0.4pt}"


class HtmlWriter(SheetWriter):
    """A printable HTML page; math as MathML (no scripts, nothing fetched)."""

    fmt = "html"

    def formatter(self) -> NodeFormatter:
        from linsteps.render.mathml_formatter import MathMLFormatter

        return MathMLFormatter(self.lang)

    def escape(self, text: str) -> str:
        return html.escape(text, quote=False)

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
@media print { .sheet { max-width: none; margin: 0; padding: 0; } }
"""


WRITERS: dict[str, type[SheetWriter]] = {
    "markdown": MarkdownWriter,
    "latex": LatexWriter,
    "html": HtmlWriter,
}


def render_sheet(sheet: Sheet, fmt: str, lang: str, solutions: str) -> str:
    """Return ``sheet`` as a document in ``fmt`` and ``lang``."""
    return WRITERS[fmt](sheet, lang, solutions).render()
