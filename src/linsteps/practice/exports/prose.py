"""The words of a quiz question: the question and the worked solution as HTML with TeX.

Learning platforms show question text as HTML and typeset mathematics written in TeX between
``\\( … \\)`` (inline) and ``\\[ … \\]`` (display), which Moodle's MathJax and TeX filters,
Canvas and most QTI players read.  The question is the worksheet's (its catalog sentence and
operands); the solution is the derivation laid out by :mod:`linsteps.render.layout`, each block
written here as a paragraph.  Nothing here computes.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from linsteps.derivation.node import Node
from linsteps.i18n import translate
from linsteps.render.formatter import NodeFormatter
from linsteps.render.latex import formatter_for, rows_tex, settings_for
from linsteps.render.latex_formatter import LatexFormatter
from linsteps.render.layout import Block, LayoutBuilder, Span

if TYPE_CHECKING:
    from linsteps.derivation.steps import Derivation
    from linsteps.practice.sheet import Solved


def inline(tex: str) -> str:
    """Return TeX as inline mathematics in HTML: ``\\( … \\)``, escaped."""
    return "\\(" + html.escape(" ".join(tex.split()), quote=False) + "\\)"


def display(tex: str) -> str:
    """Return TeX as a displayed formula in HTML: ``\\[ … \\]``, escaped."""
    return "\\[" + html.escape(tex, quote=False) + "\\]"


def paragraph(text: str) -> str:
    """Return HTML text as a paragraph."""
    return f"<p>{text}</p>"


def sentence(lang: str, key: str, fmt: NodeFormatter | None = None, **params: Any) -> str:
    """Return a catalog sentence as HTML: node parameters as inline TeX, the rest escaped."""
    fmt = fmt or LatexFormatter(lang)
    marker = "\x00{}\x00"
    slots: list[str] = []
    plain: dict[str, str] = {}
    for name, value in params.items():
        if isinstance(value, Node):
            slots.append(inline(fmt.format(value)))
            plain[name] = marker.format(len(slots) - 1)
        else:
            plain[name] = str(value)
    text = html.escape(translate(lang, key, **plain), quote=False)
    for i, slot in enumerate(slots):
        text = text.replace(marker.format(i), slot)
    return text


def capitalized(text: str) -> str:
    """Return a sentence with its first word capitalized (a feedback is a sentence); a
    sentence opening with mathematics (``a·b is undefined``) is left as it is."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() else text


def grid(shape: tuple[int, int], cells: list[str]) -> str:
    """Return the boxes of a vector or matrix answer laid out like the result: a table."""
    rows, cols = shape
    lines = ['<table class="linsteps-answer">', "<tbody>"]
    for i in range(rows):
        row = "".join(f"<td>{cells[i * cols + j]}</td>" for j in range(cols))
        lines.append(f"<tr>{row}</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


def question_html(solved: Solved, lang: str) -> str:
    """Return the worksheet's question: the operands displayed, then what to compute."""
    from linsteps.practice.documents.questions import statement

    key, params, givens = statement(solved)
    fmt = LatexFormatter(lang)
    shown = ",\\quad ".join(f"{fmt.format(name)} = {fmt.format(value)}" for name, value in givens)
    let = [paragraph(sentence(lang, "worksheet.let")), paragraph(display(shown))] if givens else []
    return "\n".join([*let, paragraph(sentence(lang, key, fmt, **params))])


def spans_html(spans: tuple[Span, ...]) -> str:
    """Return a sentence of the layout: mathematics inline, text escaped."""
    return "".join(inline(s.text) if s.math else html.escape(s.text, quote=False) for s in spans)


def derivation_html(derivation: Derivation, lang: str) -> str:
    """Return a derivation as HTML paragraphs: its title, aligned equations and sentences."""
    settings = settings_for(derivation, {})
    fmt = formatter_for(lang, settings)
    layout = LayoutBuilder(derivation, lang, fmt, settings["terms_per_line"])
    return "\n".join(_block(block, lang, fmt) for block in layout.build())


def _block(block: Block, lang: str, fmt: Any) -> str:
    if block.kind == "title":
        return paragraph(f"<strong>{spans_html(block.spans)}</strong>")
    if block.kind == "equations":
        return paragraph(display(rows_tex(block.rows, fmt, "aligned")))
    text = spans_html(block.spans)
    if block.label:
        label = translate(lang, "format.label", label=block.label)
        text = f"<em>{html.escape(label, quote=False)}</em> {text}"
    return paragraph(text)


def solution_html(solved: Solved, lang: str) -> str:
    """Return the worked solution: the derivation(s), or why the result is undefined."""
    fmt = LatexFormatter(lang)
    if solved.parts:
        blocks = []
        for part in solved.parts:
            blocks.append(paragraph(f"<strong>{inline(fmt.format(part.node))}</strong>"))
            if part.derivation is not None:
                blocks.append(derivation_html(part.derivation, lang))
            else:
                reason = part.error.message(lang) if part.error else ""
                text = sentence(
                    lang, "worksheet.part_undefined", fmt, reason=reason, expr=part.node
                )
                blocks.append(paragraph(text))
        return "\n".join(blocks)
    if solved.truth is not None:  # einsum, broadcasting, code shapes: the answer is the truth
        answer = solved.truth.text(lang)
        return paragraph(sentence(lang, "worksheet.ml_answer", answer=answer))
    blocks = []
    if solved.row is not None:
        kind = translate(lang, "compare.kind." + solved.row.kind)
        text = sentence(lang, "worksheet.which", fmt, expr=solved.row.notation, kind=kind)
        blocks.append(paragraph(text))
    if solved.derivation is not None:
        blocks.append(derivation_html(solved.derivation, lang))
    else:
        reason = solved.error.message(lang) if solved.error else ""
        blocks.append(paragraph(sentence(lang, "worksheet.is_undefined", reason=reason)))
    return "\n".join(blocks)
