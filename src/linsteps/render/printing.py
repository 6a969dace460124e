"""One-line Unicode and LaTeX printing of single SymPy values.

The mathematics of a single expression is SymPy's: these printers only choose symbols
(``·`` for products, ``√`` for square roots, superscripts, Greek letters, ``−``) and, when the
user typed decimals, write terminating fractions as the decimals they are.  Numbers of any size
print: digits come from :mod:`linsteps.derivation.decimals` (integer arithmetic, no decimal
context), and a decimal that would need many zeros is written a·10ⁿ in each notation.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from linsteps.derivation.decimals import (
    DecimalForm,
    exact_decimal,
    float_form,
    integer_text,
    rounded,
)

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "omicron": "ο", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
    "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}  # fmt: skip
_SUB = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUP = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUBSCRIPTABLE = set("0123456789+-=()aehijklmnoprstuvx")


def subscript(text: str) -> str:
    """Return ``text`` in Unicode subscripts, or ``_(text)`` when a character has none."""
    if set(text) <= _SUBSCRIPTABLE:
        return text.translate(_SUB)
    return f"_({text})"


def superscript(text: str) -> str:
    """Return ``text`` in Unicode superscripts, or ``^(text)``."""
    if set(text) <= set("0123456789+-=()n"):
        return text.translate(_SUP)
    return f"^({text})"


_SUP_LETTERS = str.maketrans(
    "0123456789+-=()abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
)


def upper_bound(text: str) -> str:
    """Return the upper bound of a sum in superscripts (letters too), or ``^(text)``."""
    if set(text) <= set("0123456789+-=()abcdefghijklmnoprstuvwxyz"):
        return text.translate(_SUP_LETTERS)
    return f"^({text})"


def index_text(indices: tuple[int | str, ...]) -> str:
    """Join indices for a subscript: ``12`` for (1, 2), ``1,12`` when one has two digits."""
    parts = [str(i) for i in indices]
    sep = "," if any(len(p) > 1 for p in parts) else ""
    return sep.join(parts)


def symbol_text(name: str) -> str:
    """Return a symbol name in Unicode: Greek letters, ``a_1`` as ``a₁``."""
    base, _, sub = name.partition("_")
    head = GREEK.get(base, base)
    return head + subscript(sub.replace("_", ",")) if sub else head


def symbol_latex(name: str) -> str:
    """Return a symbol name in LaTeX: ``\\theta``, ``a_{1}``, ``\\mathrm{xy}``."""
    base, _, sub = name.partition("_")
    head = "\\" + base if base in GREEK else (base if len(base) == 1 else f"\\mathrm{{{base}}}")
    return f"{head}_{{{sub.replace('_', ',')}}}" if sub else head


def decimal_form(value: Any) -> DecimalForm | None:
    """Return the exact decimal of a rational (positional or a·10ⁿ), or None if it has none."""
    return exact_decimal(int(value.p), int(value.q))


def integer_form(n: int, decimal: bool) -> DecimalForm:
    """Return an integer's digits; with ``decimal``, a·10ⁿ past six trailing zeros (1·10³⁰⁰)."""
    form = exact_decimal(n, 1) if decimal else None
    return form if form is not None else DecimalForm(n < 0, integer_text(abs(n)))


def is_scientific(value: Any) -> bool:
    """Return True for a rational (or int) whose exact decimal is written a·10ⁿ."""
    if isinstance(value, int):
        form = exact_decimal(value, 1)
    elif getattr(value, "is_Rational", False):
        form = decimal_form(value)
    else:
        return False
    return form is not None and form.power is not None


def integer_unicode(n: int, decimal: bool = False) -> str:
    """Return an integer in Unicode: ``−12``, or with ``decimal`` perhaps ``1·10³⁰⁰``."""
    return form_text(integer_form(n, decimal)).replace("-", "−")


def integer_latex(n: int, decimal: bool = False) -> str:
    """Return an integer in LaTeX: ``-12``, or with ``decimal`` perhaps ``1 \\cdot 10^{300}``."""
    return form_latex(integer_form(n, decimal))


def decimal_of(value: Any) -> str | None:
    """Return the exact positional decimal of a rational (``0.00036``), else None.

    None too for a decimal written a·10ⁿ (``1.2·10⁻²⁹``): see :func:`decimal_form`.
    """
    form = decimal_form(value)
    return form.signed if form is not None and form.power is None else None


def approximation_form(value: Any, places: int) -> DecimalForm:
    """Return a SymPy Float (or rational) rounded half-even to ``places`` decimals."""
    if getattr(value, "is_Float", False):
        return float_form(value, places)
    return rounded(int(value.p), int(value.q), places)


def form_text(form: DecimalForm) -> str:
    """Return a decimal in Unicode: ``-0.125``, ``1.2·10⁻²⁹``."""
    if form.power is None:
        return form.signed
    return f"{form.signed}·10{superscript(str(form.power))}"


def form_latex(form: DecimalForm) -> str:
    """Return a decimal in LaTeX: ``-0.125``, ``1.2 \\cdot 10^{-29}``."""
    if form.power is None:
        return form.signed
    return f"{form.signed} \\cdot 10^{{{form.power}}}"


def fixed_decimal(value: Any, places: int) -> str:
    """Return a SymPy Float (or number) rounded half-even to ``places`` decimals, in Unicode."""
    return form_text(approximation_form(value, places))


def fraction_text(value: Any) -> str:
    """Return a rational as ``p/q`` (or ``p``) with integers of any size."""
    p, q = int(value.p), int(value.q)
    return integer_text(p) if q == 1 else f"{integer_text(p)}/{integer_text(q)}"


class TextPrinter(StrPrinter):  # type: ignore[misc]
    """SymPy's str printer with Unicode symbols, in one line."""

    _default_settings: ClassVar[dict[str, Any]] = {
        **StrPrinter._default_settings,
        "decimal": False,
        "places": 4,
    }

    def _print_Symbol(self, expr: Any) -> str:
        return symbol_text(expr.name)

    _print_Dummy = _print_Symbol

    def _print_Pi(self, expr: Any) -> str:
        return "π"

    def _print_Exp1(self, expr: Any) -> str:
        return "e"

    def _print_ImaginaryUnit(self, expr: Any) -> str:
        return "i"

    def _print_Infinity(self, expr: Any) -> str:
        return "∞"

    def _print_NegativeInfinity(self, expr: Any) -> str:
        return "-∞"

    def _print_Integer(self, expr: Any) -> str:
        return form_text(integer_form(int(expr.p), self._settings["decimal"]))

    def _print_Rational(self, expr: Any) -> str:
        if self._settings["decimal"]:
            form = decimal_form(expr)
            if form is not None:
                return form_text(form)
        return fraction_text(expr)

    def _print_Float(self, expr: Any) -> str:
        return fixed_decimal(expr, self._settings["places"])

    def _print_exp(self, expr: Any) -> str:
        return f"e^({self._print(expr.args[0])})"

    def _print(self, expr: Any, **kwargs: Any) -> str:
        if type(expr).__name__ == "Indexed":  # before the class's own _sympystr
            return self._print_Indexed(expr)
        return str(super()._print(expr, **kwargs))

    def _print_Indexed(self, expr: Any) -> str:
        indices = tuple(str(i) for i in expr.indices)
        return symbol_text(str(expr.base)) + subscript(index_text(indices))

    def _print_Sum(self, expr: Any) -> str:
        body = str(self.parenthesize(expr.function, PRECEDENCE["Add"]))
        for index, lower, upper in reversed(expr.limits):
            bounds = subscript(f"{index}={lower}") + upper_bound(str(upper))
            body = f"Σ{bounds} {body}"
        return body

    def _print_MatMul(self, expr: Any) -> str:
        return "".join(self.parenthesize(a, PRECEDENCE["Mul"]) for a in expr.args)

    def _print_HadamardProduct(self, expr: Any) -> str:
        return "∘".join(self.parenthesize(a, PRECEDENCE["Mul"]) for a in expr.args)

    def _print_acos(self, expr: Any) -> str:
        return f"arccos({self._print(expr.args[0])})"

    def _print_Abs(self, expr: Any) -> str:
        return f"|{self._print(expr.args[0])}|"

    def _print_Pow(self, expr: Any, rational: bool = False) -> str:
        base, exp = expr.as_base_exp()
        if exp.is_Rational and exp.q == 2 and exp.p == 1:
            inner = self._print(base)
            bare = base.is_Atom and not inner.startswith("-") and "·" not in inner
            return f"√{inner}" if bare else f"√({inner})"
        if exp.is_Rational and exp.q == 2 and exp.p == -1 and not rational:
            return f"1/{self._print_Pow(base ** (-exp))}"
        if exp.is_Integer and exp.is_negative and not rational:
            return f"1/{self._print_Pow(base ** (-exp))}" if exp != -1 else f"1/{self._paren(base)}"
        if exp.is_Integer:
            return f"{self._paren(base)}{superscript(str(int(exp)))}"
        return str(super()._print_Pow(expr, rational))

    def _paren(self, base: Any) -> str:
        return str(self.parenthesize(base, PRECEDENCE["Pow"]))

    def parenthesize(self, item: Any, level: int, strict: bool = False) -> str:
        text = str(super().parenthesize(item, level, strict))
        if level >= PRECEDENCE["Mul"] and "·10" in text and not text.startswith("("):
            return f"({text})"  # a·10ⁿ inside a product, quotient or power
        return text

    def _print_MatrixBase(self, expr: Any) -> str:
        rows = ", ".join(
            "[" + ", ".join(self._print(x) for x in row) + "]" for row in expr.tolist()
        )
        return f"[{rows}]"

    _print_ImmutableDenseMatrix = _print_MatrixBase
    _print_MutableDenseMatrix = _print_MatrixBase


_JUXTAPOSE = re.compile(r"(?<=[0-9)])\*(?=[√π(a-zA-Zα-ωΑ-Ω])")


def format_text(value: Any, *, decimal: bool = False, places: int = 4) -> str:
    """Return ``value`` in one line of Unicode: ``16√22/77``, ``−3/2``, ``a₁² + a₂²``."""
    text = TextPrinter({"decimal": decimal, "places": places}).doprint(value)
    text = text.replace("**", "^")
    text = _JUXTAPOSE.sub("", text)
    return text.replace("*", "·").replace("-", "−")


class TexPrinter(LatexPrinter):  # type: ignore[misc]
    """SymPy's LaTeX printer with our symbol names, decimals and ``\\cdot`` products."""

    _default_settings: ClassVar[dict[str, Any]] = {
        **LatexPrinter._default_settings,
        "decimal": False,
        "places": 4,
        "inv_trig_style": "full",
    }

    def _print_Symbol(self, expr: Any, style: str = "plain") -> str:
        return symbol_latex(expr.name)

    def _print_Integer(self, expr: Any) -> str:
        return form_latex(integer_form(int(expr.p), self._settings["decimal"]))

    def _print_Rational(self, expr: Any) -> str:
        if self._settings["decimal"]:
            form = decimal_form(expr)
            if form is not None:
                return form_latex(form)
        p, q = int(expr.p), int(expr.q)
        if q == 1:
            return integer_text(p)
        sign = "- " if p < 0 else ""
        if self._settings["fold_short_frac"]:
            return f"{sign}{integer_text(abs(p))} / {integer_text(q)}"
        return f"{sign}\\frac{{{integer_text(abs(p))}}}{{{integer_text(q)}}}"

    def _print_Float(self, expr: Any) -> str:
        return form_latex(approximation_form(expr, self._settings["places"]))


def format_latex(value: Any, *, decimal: bool = False, places: int = 4) -> str:
    """Return ``value`` as LaTeX (amsmath only)."""
    settings = {"decimal": decimal, "places": places}
    return str(TexPrinter(settings).doprint(value))
