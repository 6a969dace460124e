"""The Unicode text renderer: labelled, aligned lines; colour only when asked."""

from __future__ import annotations

import unicodedata
from typing import Any

from linsteps.derivation.matrices import Grid
from linsteps.derivation.node import Node
from linsteps.derivation.steps import (
    Chain,
    Condition,
    Derivation,
    Heading,
    Note,
    Result,
    Rule,
    Step,
)
from linsteps.derivation.values import Value
from linsteps.i18n import translate
from linsteps.render.layout import shows_value
from linsteps.render.text_formatter import TextFormatter

BOLD, DIM, GREEN, RESET = "\x1b[1m", "\x1b[2m", "\x1b[32m", "\x1b[0m"


def width(text: str) -> int:
    """Return the display width of ``text`` (CJK characters take two columns)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, size: int) -> str:
    """Return ``text`` padded with spaces to ``size`` display columns."""
    return text + " " * max(0, size - width(text))


def grid_lines(rows: list[list[str]]) -> list[str]:
    """Return a matrix drawn with bracket pieces, columns right-aligned."""
    widths = [max(width(row[j]) for row in rows) for j in range(len(rows[0]))]
    cells = [
        "  ".join(" " * (w - width(c)) + c for c, w in zip(row, widths, strict=True))
        for row in rows
    ]
    if len(cells) == 1:
        return [f"[{cells[0]}]"]
    out = []
    for i, line in enumerate(cells):
        left, right = ("⎡", "⎤") if i == 0 else ("⎣", "⎦") if i == len(cells) - 1 else ("⎢", "⎥")
        out.append(f"{left}{line}{right}")
    return out


def beside(left: list[str], right: list[str], joiner: str) -> list[str]:
    """Return two drawn blocks side by side, ``joiner`` between their first lines."""
    size = max(width(line) for line in left)
    gap = " " * width(joiner)
    lines = []
    for i in range(max(len(left), len(right))):
        head = pad(left[i] if i < len(left) else "", size)
        tail = right[i] if i < len(right) else ""
        lines.append((head + (joiner if i == 0 else gap) + tail).rstrip())
    return lines


class TextRenderer:
    """Renders one derivation as text lines."""

    def __init__(self, derivation: Derivation, lang: str, color: bool, **settings: Any) -> None:
        self.derivation = derivation
        self.lang = lang
        self.color = color
        self.fmt = TextFormatter(
            lang, bool(settings.get("decimal", False)), int(settings.get("places", 4))
        )
        self.previous: Node | None = None

    def t(self, key: str, **params: Any) -> str:
        """Return catalog text with parameters formatted as text."""
        return translate(self.lang, key, **{k: self.fmt.param(v) for k, v in params.items()})

    def paint(self, text: str, code: str) -> str:
        """Return ``text`` in colour when colour is on."""
        return f"{code}{text}{RESET}" if self.color else text

    def render(self) -> str:
        """Return the whole derivation as text."""
        lines: list[str] = []
        labels = [self.t("label.rule"), self.t("label.defined")]
        for step in self.derivation.steps:
            if isinstance(step, Chain) and not step.inline:
                labels.extend(self.t("role." + link.role) for link in step.links)
        self.column = max(width(label) for label in labels) + 2
        for step in self.derivation.steps:
            lines.extend(self.step(step))
        return "\n".join(lines) + "\n"

    def labelled(self, label: str, text: str) -> str:
        """Return an indented line with its label in the label column."""
        return "  " + self.paint(pad(label, self.column), DIM) + text

    def step(self, step: Step) -> list[str]:
        """Return the lines of one step."""
        if isinstance(step, Heading):
            params: dict[str, Any] = {"expr": step.expression}
            inputs = self.derivation.inputs
            if inputs:
                params |= {"a": inputs[0].name, "b": inputs[-1].name}
            return [self.paint(self.t("title." + step.operation, **params), BOLD)]
        if isinstance(step, Rule):
            self.previous = step.lhs
            forms = " = ".join(self.fmt.format(f) for f in step.forms)
            return [self.labelled(self.t("label.rule"), f"{self.fmt.format(step.lhs)} = {forms}")]
        if isinstance(step, Condition):
            return [
                self.labelled(
                    self.t("label.defined"), self.t("condition." + step.key, **step.params)
                )
            ]
        if isinstance(step, Chain):
            return self.chain(step)
        self.previous = None
        if isinstance(step, Note):
            return ["  " + self.t("note." + step.key, **step.params)]
        if isinstance(step, Result):
            return self.result(step)
        raise TypeError(type(step).__name__)

    def chain(self, step: Chain) -> list[str]:
        """Return a chain inline or one labelled link per line."""
        lhs = self.fmt.format(step.lhs)
        approx = f" ≈ {self.fmt.format(step.approx)}" if step.approx is not None else ""
        if step.inline or not step.links:
            self.previous = None
            parts = [lhs, *(self.fmt.format(link.node) for link in step.links)]
            return ["  " + " = ".join(parts) + approx]
        lines = []
        same = step.lhs == self.previous
        for i, link in enumerate(step.links):
            head = "= " if same or i else f"{lhs} = "
            tail = approx if i == len(step.links) - 1 else ""
            lines.append(
                self.labelled(self.t("role." + link.role), head + self.fmt.format(link.node) + tail)
            )
        self.previous = step.lhs
        return lines

    def entries(self, node: Node) -> list[list[str]]:
        """Return the entries of a matrix node (a grid, or a value holding a matrix) as text."""
        if isinstance(node, Grid):
            return [[self.fmt.format(e) for e in row] for row in node.rows]
        if isinstance(node, Value) and hasattr(node.value, "tolist"):
            return [[self.fmt.format(Value(x)) for x in row] for row in node.value.tolist()]
        return [[self.fmt.format(node)]]

    def result(self, step: Result) -> list[str]:
        """Return the conclusion, with the matrix drawn when the result is one."""
        lines = []
        value = step.value
        if isinstance(value, Grid) and value.layout == "matrix" and len(value.rows) > 1:
            lhs = self.fmt.format(step.lhs) + " = "
            drawn = grid_lines([[self.fmt.format(e) for e in row] for row in value.rows])
            if step.approx is not None and not shows_value(self.lang, step.key):
                drawn = beside(drawn, grid_lines(self.entries(step.approx)), " ≈ ")
            lines.append("  " + lhs + drawn[0])
            lines.extend("  " + " " * width(lhs) + line for line in drawn[1:])
        shown = self.fmt.format(value)
        if step.approx is not None:
            shown += " ≈ " + self.fmt.format(step.approx)
        sentence = self.t("result." + step.key, lhs=step.lhs, value=shown, **step.params)
        lines.append("  " + self.paint(sentence, GREEN))
        return lines


def render_text(derivation: Derivation, lang: str = "en", **settings: Any) -> str:
    """Return the derivation as Unicode text (ANSI colour when ``color`` is true)."""
    color = bool(settings.pop("color", False))
    return TextRenderer(derivation, lang, color, **settings).render()
