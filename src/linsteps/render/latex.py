"""The LaTeX renderer: amsmath only, a snippet to paste or a standalone document.

Equations are ``align*`` environments aligned on ``&=``, with the role of each step as a
``\\text`` label; prose is plain paragraphs between them; vectors and matrices are
``bmatrix``.  Long sums are broken over ``&\\quad + …`` rows.  ``standalone`` wraps a complete
article (pdflatex) or, in Chinese, a ctexart document (xelatex).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from linsteps.derivation.matrices import Hadamard
from linsteps.derivation.steps import Derivation
from linsteps.derivation.values import Name
from linsteps.i18n import translate
from linsteps.render.formatter import ATOM
from linsteps.render.latex_formatter import (
    PROSE_MATH,
    SUBSCRIPTS,
    LatexFormatter,
    latex_formula,
)
from linsteps.render.layout import Block, LayoutBuilder, Row, Span
from linsteps.render.prose import prose_pieces
from linsteps.render.settings import resolve

# Everything the LaTeX renderer can be told, with its default: the one place settings live.
_default_settings: dict[str, Any] = {
    "hadamard": "circ",  # the Hadamard product symbol: circ (A∘B) or odot (A⊙B)
    "vector": "plain",  # vector names: plain a, bold \mathbf{a} or arrow \vec{a}
    "standalone": False,  # a complete document instead of a snippet
    "terms_per_line": 6,  # a longer sum is broken over several rows
}
_choices: dict[str, tuple[str, ...]] = {
    "hadamard": ("circ", "odot"),
    "vector": ("plain", "bold", "arrow"),
}

TEXT_ESCAPES: dict[str, str] = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "$": "\\$",
    "&": "\\&",
    "%": "\\%",
    "#": "\\#",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
}
_PROSE = re.compile("([" + re.escape("".join(PROSE_MATH)) + "]+)")
_SPECIAL = re.compile("[" + re.escape("".join(TEXT_ESCAPES)) + "]")

PREAMBLE_EN = r"""\documentclass{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\usepackage{amsmath}
\begin{document}
"""
PREAMBLE_ZH = r"""% Compile with xelatex.
\documentclass{ctexart}
\usepackage{amsmath}
\begin{document}
"""


def math_run(piece: str) -> str:
    """Return a run of prose symbols as mathematics; adjacent subscripts form one (``_{ij}``)."""
    out: list[str] = []
    for char in piece:
        if char in SUBSCRIPTS:
            if out and out[-1].startswith("_{"):
                out[-1] = out[-1][:-1] + PROSE_MATH[char] + "}"
            else:
                out.append("_{" + PROSE_MATH[char] + "}")
        else:
            out.append(PROSE_MATH[char])
    return " ".join(out)


def escape_text(text: str) -> str:
    """Return plain text safe in LaTeX text mode (``--`` stays two hyphens)."""
    return _SPECIAL.sub(lambda m: TEXT_ESCAPES[m.group()], text).replace("--", "-{}-")


def text_math(text: str) -> str:
    """Return prose inside mathematics: ``\\text{…}`` runs, symbols such as · between them."""
    out = []
    for i, piece in enumerate(_PROSE.split(text)):
        if i % 2:
            out.append(math_run(piece))
        elif piece:
            out.append(f"\\text{{{escape_text(piece)}}}")
    return "".join(out)


def prose(text: str, math: Callable[[str], str] = lambda m: f"${m}$") -> str:
    """Return catalog prose as LaTeX: text escaped, formulas such as ``cos θ = 1`` and ``1×1``
    as mathematics (:func:`~linsteps.render.prose.prose_pieces`)."""
    return "".join(
        math(latex_formula(piece.text)) if piece.formula else escape_text(piece.text)
        for piece in prose_pieces(text)
    )


class TexFormatter(LatexFormatter):
    """The LaTeX notation with the document settings: the Hadamard symbol, vector style."""

    symbols: ClassVar[dict[str, str]] = {**LatexFormatter.symbols, "quad": "\\quad", "to": "\\to"}
    HADAMARD: ClassVar[dict[str, str]] = {"circ": "\\circ", "odot": "\\odot"}
    VECTOR: ClassVar[dict[str, str]] = {
        "plain": "{}",
        "bold": "\\mathbf{{{}}}",
        "arrow": "\\vec{{{}}}",
    }

    def __init__(
        self,
        lang: str = "en",
        decimal: bool = False,
        places: int = 4,
        hadamard: str = "circ",
        vector: str = "plain",
    ) -> None:
        super().__init__(lang, decimal, places)
        self.hadamard = self.HADAMARD[hadamard]
        self.vector = self.VECTOR[vector]

    def _format_Name(self, node: Name) -> str:
        text = super()._format_Name(node)
        return self.vector.format(text) if node.role == "vector" and not node.indices else text

    def _format_Hadamard(self, node: Hadamard) -> str:
        left, right = self.wrap(node.left, ATOM), self.wrap(node.right, ATOM)
        return f"{left} {self.hadamard} {right}"


def formatter_for(lang: str, settings: dict[str, Any]) -> TexFormatter:
    """Return the LaTeX formatter for resolved ``settings``."""
    return TexFormatter(
        lang,
        bool(settings["decimal"]),
        int(settings["places"]),
        hadamard=settings["hadamard"],
        vector=settings["vector"],
    )


def settings_for(
    derivation: Derivation, given: dict[str, Any], fmt: str = "latex"
) -> dict[str, Any]:
    """Return the checked LaTeX settings."""
    return resolve(fmt, _default_settings, _choices, given, derivation.settings)


def row_tex(row: Row, fmt: TexFormatter) -> str:
    """Return one aligned row: ``lhs &= rhs && \\text{label}``."""
    if row.continued:
        body = f"{row.lhs} &{fmt.symbols['quad']} {row.rhs}"
    else:
        relation = fmt.symbols[row.relation] if row.relation else ""
        body = f"{row.lhs} &{relation} {row.rhs}".replace("  ", " ")
    if row.label:
        body += f" && {text_math(row.label)}"
    return "  " + body.lstrip()


def rows_tex(rows: tuple[Row, ...], fmt: TexFormatter, environment: str = "align*") -> str:
    """Return equation rows as an aligned environment."""
    lines = " \\\\\n".join(row_tex(row, fmt) for row in rows)
    return f"\\begin{{{environment}}}\n{lines}\n\\end{{{environment}}}"


def spans_tex(spans: tuple[Span, ...]) -> str:
    """Return a sentence as LaTeX text with inline mathematics."""
    return "".join(f"${s.text}$" if s.math else prose(s.text) for s in spans)


class LatexRenderer:
    """Writes the layout of a derivation as LaTeX."""

    def __init__(self, derivation: Derivation, lang: str, **given: Any) -> None:
        self.settings = settings_for(derivation, given)
        self.derivation = derivation
        self.lang = lang
        self.fmt = formatter_for(lang, self.settings)
        self.layout = LayoutBuilder(derivation, lang, self.fmt, self.settings["terms_per_line"])

    def block(self, block: Block) -> str:
        """Return one block."""
        if block.kind == "title":
            return f"\\noindent\\textbf{{{spans_tex(block.spans)}}}"
        if block.kind == "equations":
            return rows_tex(block.rows, self.fmt)
        text = spans_tex(block.spans)
        if block.label:
            label = translate(self.lang, "format.label", label=block.label)
            text = f"\\textit{{{prose(label)}}} {text}"
        return "\\noindent " + text

    def body(self) -> str:
        """Return the derivation as a LaTeX snippet (amsmath)."""
        return "\n\n".join(self.block(b) for b in self.layout.build()) + "\n"

    def render(self) -> str:
        """Return a snippet, or a whole document when ``standalone``."""
        body = self.body()
        if not self.settings["standalone"]:
            return body
        preamble = PREAMBLE_ZH if self.lang == "zh" else PREAMBLE_EN
        return preamble + "\n" + body + "\n\\end{document}\n"


def render_latex(derivation: Derivation, lang: str = "en", **settings: Any) -> str:
    """Return the derivation as LaTeX (see ``_default_settings`` for the settings)."""
    return LatexRenderer(derivation, lang, **settings).render()
