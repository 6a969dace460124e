"""The layout of a sheet in any markup: title, problems, answers and worked solutions.

:class:`SheetWriter` lays out what the sheet holds (the questions, the operands, answers read
from the derivations and the derivations themselves rendered in the same format); each format
gives its markup in a subclass.  Nothing here computes.
"""

from __future__ import annotations

from typing import Any, ClassVar

from linsteps.derivation.matrices import Shape
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Condition, Derivation, Result
from linsteps.derivation.values import Value
from linsteps.i18n import translate
from linsteps.practice.documents.questions import statement
from linsteps.practice.sheet import Part, Sheet, Solved, result_shape
from linsteps.render.formatter import NodeFormatter
from linsteps.render.latex_formatter import PrintedLatexFormatter

_SHAPE_CONDITIONS = ("same_length", "same_shape", "matmul_shapes")


def _slot(index: int) -> str:
    """Return the placeholder of a formatted parameter in a sentence being escaped: a
    private-use character, which no escaping changes and no formula of the prose takes in."""
    return chr(0xF0000 + index)


class Markup:
    """Text already marked up for the format (not escaped again)."""

    def __init__(self, text: str) -> None:
        self.text = text


class SheetWriter:
    """Lays out a sheet; subclasses give the markup of one format."""

    fmt: ClassVar[str] = ""
    space: str = ""  # working space after each problem (a checked length), none when empty

    def __init__(self, sheet: Sheet, lang: str, solutions: str) -> None:
        self.sheet = sheet
        self.lang = lang
        self.solutions = solutions
        self.math = self.formatter()

    # markup, set by subclasses ---------------------------------------------------------------
    def formatter(self) -> NodeFormatter:
        """Return the formatter of notation nodes."""
        return PrintedLatexFormatter(self.lang)

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
        slots: list[str] = []
        plain: dict[str, str] = {}
        for name, value in params.items():
            if isinstance(value, Node):
                slots.append(self.inline(self.math.format(value)))
                plain[name] = _slot(len(slots) - 1)
            elif isinstance(value, Markup):
                slots.append(value.text)
                plain[name] = _slot(len(slots) - 1)
            else:
                plain[name] = str(value)
        text = self.escape(translate(self.lang, key, **plain))
        for i, slot in enumerate(slots):
            text = text.replace(_slot(i), slot)
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
        shown = [
            self.equality(self.math.format(name), self.math.format(value)) for name, value in givens
        ]
        blocks = [self.paragraph(self.t("worksheet.let")), self.display(shown)] if shown else []
        blocks.append(self.paragraph(self.t(key, **params)))
        blocks.append(self.paragraph(self.t("worksheet.answer_line") + " " + self.blank()))
        if self.space:
            blocks.append(self.work_space(self.space))
        return self.problem(solved.number, blocks)

    def work_space(self, length: str) -> str:
        """Return empty space of ``length`` to work in (none where the format has no pages)."""
        return ""

    def answer(self, solved: Solved) -> str:
        """Return the answer of one problem, read from its derivation(s)."""
        if solved.parts:
            return "; ".join(
                self.t("worksheet.part", expr=part.node, value=self.part_value(part))
                for part in solved.parts
            )
        if solved.truth is not None:
            return self.escape(solved.truth.text(self.lang))
        if solved.derivation is None:
            return self.word("worksheet.undefined").text
        return self.inline(self.math.format(self.final_value(solved.derivation)))

    def final_value(self, derivation: Derivation) -> Node:
        """Return the node of a derivation's result as its Result step shows it."""
        final = next((s for s in reversed(derivation.steps) if isinstance(s, Result)), None)
        return final.value if final is not None else Value(derivation.result)

    def part_value(self, part: Part) -> Node | Markup:
        """Return the shape of a part's result, ``a scalar`` or ``undefined``."""
        if part.derivation is None:
            return self.word("worksheet.undefined")
        shape = result_shape(part.derivation)
        return self.word("worksheet.scalar") if shape is None else Shape(*shape)

    def solution(self, solved: Solved) -> list[str]:
        """Return the worked solution: the derivation, or why the product is undefined."""
        if solved.parts:
            return [self.paragraph(self.part_solution(part)) for part in solved.parts]
        if solved.truth is not None:
            text = solved.truth.text(self.lang)
            return [self.paragraph(self.t("worksheet.ml_answer", answer=text))]
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
