"""Layout: a derivation as titles, equation rows and paragraphs, for the document renderers.

LaTeX, Markdown and HTML show the same derivation the same way: a title, aligned equation
rows (``lhs = rhs`` with the role of the step as a label), and paragraphs of catalog prose in
which the parameters are mathematics.  :class:`LayoutBuilder` turns the steps into these
blocks with any :class:`~linsteps.render.formatter.NodeFormatter`; each renderer then only
writes the blocks in its syntax.  Long sums are broken over several rows by formatting their
terms in groups, never by computing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter
from typing import Any

from linsteps.derivation.matrices import Grid
from linsteps.derivation.node import Node
from linsteps.derivation.picture import Drawing
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
from linsteps.errors import UsageError
from linsteps.i18n import message_template, translate
from linsteps.render.formatter import NodeFormatter
from linsteps.render.prose import prose_pieces

# Symbols of catalog text that join parameters into one formula, and their formatter names.
SYMBOLS = {"=": "eq", "≠": "neq", "≈": "approx", "·": "dot", "×": "times", "→": "to"}


@dataclass(frozen=True)
class Span:
    """A piece of a sentence: plain text, or mathematics already in the formatter's notation."""

    text: str
    math: bool = False


@dataclass(frozen=True)
class Token:
    """A piece of a sentence while it is laid out: ``text``, a ``number`` parameter (text
    unless a symbol joins it into a formula), ``math`` (a parameter in the formatter's
    notation) or a ``formula`` of the prose; ``left_open``/``right_open`` as in
    :class:`~linsteps.render.prose.Piece`."""

    kind: str
    text: str
    left_open: bool = False
    right_open: bool = False


@dataclass(frozen=True)
class Row:
    """One line of aligned equations: ``lhs = rhs``; ``lhs`` is empty on continuation rows.

    ``relation`` is ``eq`` or ``approx`` (or empty when the row continues a long sum, which
    ``continued`` marks); ``label`` is the role of the step in the chosen language.
    """

    lhs: str
    relation: str
    rhs: str
    label: str = ""
    continued: bool = False


@dataclass(frozen=True)
class Block:
    """A title, a run of equation rows, or a paragraph (``role``: condition, note, result)."""

    kind: str
    role: str = ""
    spans: tuple[Span, ...] = ()
    rows: tuple[Row, ...] = ()
    label: str = ""


def picture_alt(derivation: Derivation, lang: str) -> str:
    """Return the alternative text of a derivation's picture (θ between a and b)."""
    names = {"a": derivation.inputs[0].name, "b": derivation.inputs[-1].name}
    key = "picture.alt_project" if derivation.operation == "project" else "picture.alt"
    return translate(lang, key, **names)


def checked_drawing(value: Any) -> Drawing | None:
    """Return the ``picture`` setting when it is a Drawing (or None); refuse anything else."""
    if value is None or isinstance(value, Drawing):
        return value
    raise UsageError("bad_setting", name="picture", value=value, choices="a Drawing or None")


def template(lang: str, key: str, params: dict[str, Any] | None = None) -> str:
    """Return the unformatted catalog template of ``key`` (English when missing), its
    counted nouns agreeing with ``params``."""
    return message_template(lang, key, params)


def shows_value(lang: str, key: str) -> bool:
    """Return True when the sentence of result ``key`` shows the value (``{lhs} = {value}``)."""
    return any(
        field == "value" for _, field, _, _ in Formatter().parse(template(lang, "result." + key))
    )


class LayoutBuilder:
    """Turns the steps of a derivation into blocks, formatting nodes with ``fmt``."""

    def __init__(
        self, derivation: Derivation, lang: str, fmt: NodeFormatter, terms_per_line: int = 6
    ) -> None:
        self.derivation = derivation
        self.lang = lang
        self.fmt = fmt
        self.terms_per_line = max(1, terms_per_line)
        self.names = {op.name: op.node() for op in derivation.inputs}
        self.previous: Node | None = None

    # sentences ---------------------------------------------------------------------------
    def text(self, key: str, **params: Any) -> str:
        """Return a catalog message as plain text (labels)."""
        return translate(self.lang, key, **params)

    def math(self, value: Any) -> str:
        """Return a parameter as mathematics: nodes formatted, operand names as their nodes."""
        if isinstance(value, Node):
            return self.fmt.format(value)
        if isinstance(value, str) and value in self.names:
            return self.fmt.format(self.names[value])
        return self.fmt.name(str(value))

    def spans(
        self, key: str, params: Mapping[str, Any], math: Mapping[str, str]
    ) -> tuple[Span, ...]:
        """Return message ``key`` as spans: literal text, and parameters as mathematics.

        Nodes and names are mathematics; ``math`` gives parameters already formatted; numbers
        stay text unless a symbol joins them into a formula.  Parameters joined by symbols
        only (``{lhs} = {value}``, ``{m}×{n} · {n}×{p} → {shape}``, ``{a}{b}``) become one
        formula, and so do a parameter and the formula of the prose beside it (``{x} ≠ 0``);
        the other formulas of the prose (``cos θ = 1``) are mathematics of their own.
        """
        tokens: list[Token] = []
        for literal, field, spec, _ in Formatter().parse(template(self.lang, key, dict(params))):
            if literal:
                tokens.extend(self.literal(literal, bool(tokens), field is not None))
            if field is None:
                continue
            value = params.get(field)
            if field in math:
                tokens.append(Token("math", math[field]))
            elif field not in params:
                tokens.append(Token("text", "{" + field + "}"))
            elif isinstance(value, int) and not isinstance(value, bool):
                tokens.append(Token("number", format(value, spec or "")))
            else:
                tokens.append(Token("math", self.math(value)))
        return tuple(self.merge(tokens))

    def literal(self, text: str, attached_left: bool, attached_right: bool) -> list[Token]:
        """Return literal text of a template as text and the formulas in it."""
        if self.symbolic(text) is not None:
            return [Token("text", text)]  # joins the parameters on both sides (merge)
        return [
            Token("formula", self.fmt.formula(p.text), p.left_open, p.right_open)
            if p.formula
            else Token("text", p.text)
            for p in prose_pieces(text, attached_left, attached_right)
        ]

    def as_math(self, token: Token) -> str:
        """Return a token as mathematics (a number through the formatter)."""
        return self.fmt.format(Value(int(token.text))) if token.kind == "number" else token.text

    def symbolic(self, literal: str) -> str | None:
        """Return a literal made only of relation and operation symbols in the notation."""
        if not literal.strip() or not set(literal) <= set(SYMBOLS) | {" "}:
            return None
        return " ".join(self.fmt.symbols.get(SYMBOLS[c], c) for c in literal if c != " ")

    def join(self, left: Token, between: str, right: Token) -> Token:
        """Return two tokens as one formula, ``between`` them."""
        text = self.fmt.concat(self.fmt.concat(self.as_math(left), between), self.as_math(right))
        return Token("math", text, left.left_open, right.right_open)

    def merge(self, tokens: list[Token]) -> list[Span]:
        """Join parameters, the symbols between them and the formulas beside them into
        formulas; the rest is text."""
        out: list[Token] = []
        for token in tokens:
            if token.kind == "text" or not out:
                out.append(token)
                continue
            if out[-1].kind != "text":
                params = out[-1].kind != "formula" and token.kind != "formula"
                joiner = self.fmt.symbols.get("juxtapose", "") if params else ""
                out[-1] = self.join(out[-1], joiner, token)
                continue
            if len(out) >= 2 and out[-2].kind != "text":
                between = out[-1].text
                symbol = self.symbolic(between)
                if symbol is not None:
                    out[-2:] = [self.join(out[-2], f" {symbol} ", token)]
                    continue
                if not between.strip(" ") and (token.left_open or out[-2].right_open):
                    space = self.fmt.symbols.get("space", " ")
                    out[-2:] = [self.join(out[-2], space, token)]
                    continue
            out.append(token)
        return [Span(t.text, t.kind in ("math", "formula")) for t in out]

    # blocks ------------------------------------------------------------------------------
    def build(self) -> list[Block]:
        """Return the blocks of the whole derivation; consecutive equations share a block."""
        blocks: list[Block] = []
        for step in self.derivation.steps:
            for block in self.step(step):
                if block.kind == "equations" and blocks and blocks[-1].kind == "equations":
                    blocks[-1] = Block("equations", rows=blocks[-1].rows + block.rows)
                else:
                    blocks.append(block)
        return blocks

    def title(self) -> tuple[Span, ...]:
        """Return the heading of the derivation as spans."""
        heading = next(s for s in self.derivation.steps if isinstance(s, Heading))
        return self.heading(heading).spans

    def heading(self, step: Heading) -> Block:
        """Return the title block."""
        inputs = self.derivation.inputs
        params: dict[str, Any] = {"expr": step.expression}
        if inputs:
            params |= {"a": inputs[0].name, "b": inputs[-1].name}
        return Block("title", spans=self.spans("title." + step.operation, params, {}))

    def step(self, step: Step) -> list[Block]:
        """Return the blocks of one step."""
        if isinstance(step, Heading):
            self.previous = None
            return [self.heading(step)]
        if isinstance(step, Rule):
            self.previous = step.lhs
            rows = [
                *self.equation(self.fmt.format(step.lhs), step.forms[0], self.text("label.rule")),
                *(r for form in step.forms[1:] for r in self.equation("", form, "")),
            ]
            return [Block("equations", rows=tuple(rows))]
        if isinstance(step, Condition):
            self.previous = None
            spans = self.spans("condition." + step.key, step.params, {})
            return [Block("paragraph", "condition", spans, label=self.text("label.defined"))]
        if isinstance(step, Chain):
            return [Block("equations", rows=tuple(self.chain(step)))]
        self.previous = None
        if isinstance(step, Note):
            return [Block("paragraph", "note", self.spans("note." + step.key, step.params, {}))]
        if isinstance(step, Result):
            return self.result(step)
        raise TypeError(f"no layout for {type(step).__name__}")

    def equation(
        self, lhs: str, node: Node, label: str, approx: Node | None = None, relation: str = "eq"
    ) -> list[Row]:
        """Return ``lhs = node`` as rows, a long sum broken into groups of terms."""
        tail = self.approx(approx)
        parts = self.fmt.sum_parts(node)
        size = self.terms_per_line
        if parts is None or len(parts) <= size:
            return [Row(lhs, relation, self.fmt.format(node) + tail, label)]
        groups = [parts[i : i + size] for i in range(0, len(parts), size)]
        rows = [Row(lhs, relation, "".join(groups[0]), label)]
        rows.extend(Row("", "", "".join(group).strip(), "", continued=True) for group in groups[1:])
        last = rows[-1]
        rows[-1] = Row(last.lhs, last.relation, last.rhs + tail, last.label, last.continued)
        return rows

    def approx(self, node: Node | None) -> str:
        """Return `` ≈ approximation`` in the formatter's notation, or nothing."""
        if node is None:
            return ""
        return f" {self.fmt.symbols['approx']} {self.fmt.format(node)}"

    def size(self, node: Node) -> int:
        """Return how many terms a link shows (1 for anything that is not a sum)."""
        parts = self.fmt.sum_parts(node)
        return len(parts) if parts else 1

    def chain(self, step: Chain) -> list[Row]:
        """Return a chain: one row when it is short and inline, else one row per link."""
        lhs = self.fmt.format(step.lhs)
        if not step.links:
            self.previous = None
            return [Row(lhs, "", self.approx(step.approx).strip())]
        if step.inline:
            self.previous = None
            if sum(self.size(link.node) for link in step.links) <= self.terms_per_line + 2:
                eq = f" {self.fmt.symbols['eq']} "
                rhs = eq.join(self.fmt.format(link.node) for link in step.links)
                return [Row(lhs, "eq", rhs + self.approx(step.approx))]
        same = not step.inline and step.lhs == self.previous
        rows: list[Row] = []
        for i, link in enumerate(step.links):
            label = "" if step.inline else self.text("role." + link.role)
            approx = step.approx if i == len(step.links) - 1 else None
            rows.extend(self.equation("" if same or i else lhs, link.node, label, approx))
        self.previous = None if step.inline else step.lhs
        return rows

    def result(self, step: Result) -> list[Block]:
        """Return the conclusion: a displayed matrix when the result is one, then the sentence."""
        blocks: list[Block] = []
        value = step.value
        if isinstance(value, Grid) and value.layout == "matrix" and len(value.rows) > 1:
            # The sentence shows no value: the displayed matrix carries its approximation.
            approx = "" if shows_value(self.lang, step.key) else self.approx(step.approx)
            row = Row(self.fmt.format(step.lhs), "eq", self.fmt.format(value) + approx)
            blocks.append(Block("equations", rows=(row,)))
        shown = self.fmt.format(value) + self.approx(step.approx)
        params = {"lhs": step.lhs, **step.params}
        spans = self.spans("result." + step.key, params, {"value": shown})
        blocks.append(Block("paragraph", "result", spans))
        return blocks
