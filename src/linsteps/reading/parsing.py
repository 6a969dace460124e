"""Operand text to SymPy values, through a whitelisting LALR grammar (``grammar.lark``).

Nothing typed is evaluated as Python: lark tokenizes and parses the text, a layout post-lexer
vets every token, and an iterative tree walker builds SymPy objects.  The limits in ``LIMITS``
are checked on the raw text, on each token and on the tree before any arithmetic.  Errors are
``ParseError``/``LimitError`` with a one-line message giving a 1-based column (a character
position in the operand's text).

Readings to know (see docs/input-syntax.md):

* ``2e+3`` is scientific notation, 2000 (PrairieLearn reads 2·e + 3); ``2e`` alone is 2·e.
* ``e`` is a plain real symbol named e, not Euler's number (write ``exp(1)``); ``pi``/``π`` is π.
* ``i`` is a real symbol unless ``imaginary_unit=True``; decimals are exact: ``0.1`` is 1/10.
* Spaces separate entries (MATLAB's rule), so implicit products take no space: ``2x``, ``2(x+1)``.

SymPy and lark are imported on first use, so importing this module stays cheap.
"""

from __future__ import annotations

import keyword
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from linsteps.errors import LimitError, ParseError
from linsteps.reading.limits import LIMITS, estimate_bits, prescan, shorten, sum_bits

if TYPE_CHECKING:
    import sympy
    from lark import Lark, Token, Tree

__all__ = ["LIMITS", "Parsed", "parse_expression", "parse_value"]


@dataclass(frozen=True)
class Parsed:
    """One parsed operand: its kind, its entries row by row, and how it was typed."""

    kind: Literal["scalar", "vector", "matrix"]
    rows: tuple[tuple[sympy.Expr, ...], ...]  # vector: one row; scalar: ((x,),)
    decimal: bool  # the user typed a decimal point or scientific notation
    text: str  # the input as given


FUNCTION_NAMES = frozenset(
    {"sqrt", "exp", "ln", "log", "sin", "cos", "tan", "abs"}
    | {"arccos", "acos", "arcsin", "asin", "arctan", "atan"}
)
_FORBIDDEN = (
    frozenset(keyword.kwlist)
    | {"eval", "exec", "compile", "open", "input", "vars"}
    | {"getattr", "setattr", "delattr", "globals", "locals", "breakpoint"}
)
_NOT_FINITE = frozenset({"oo", "inf", "infinity", "infty", "nan", "zoo"})
_OPERAND_END = frozenset({"NUMBER", "NAME", "_RPAR", "_RBRACK"})
_OPERAND_START = frozenset({"NUMBER", "NAME", "_LPAR", "_LBRACK", "SQRT"})
_SPECIAL_CHARS = {
    "|": "abs_bars",
    "!": "factorial",
    "{": "braces",
    "}": "braces",
    **dict.fromkeys("=<>≤≥≠", "comparison"),
}
_ASCII_OK = frozenset("0123456789+-*/^()[],;.")
_OPERAND: ContextVar[str] = ContextVar("linsteps_operand", default="a")


def _fail(key: str, **params: Any) -> ParseError:
    """The ``ParseError`` ``key`` for the operand being parsed."""
    return ParseError(key, operand=_OPERAND.get(), **params)


def _over(key: str, **params: Any) -> LimitError:
    """The ``LimitError`` ``key`` for the operand being parsed."""
    return LimitError(key, operand=_OPERAND.get(), **params)


def parse_value(text: str, *, operand: str = "a", imaginary_unit: bool = False) -> Parsed:
    """Parse a scalar, vector or matrix; raise ``ParseError`` (or ``LimitError``) if invalid."""
    reset = _OPERAND.set(operand)
    try:
        prescan(text, operand)
        return _Builder(imaginary_unit).build(_parse_tree(text), text)
    finally:
        _OPERAND.reset(reset)


def parse_expression(text: str, *, operand: str = "a", imaginary_unit: bool = False) -> sympy.Expr:
    """Parse exactly one scalar entry (no brackets, no list)."""
    parsed = parse_value(text, operand=operand, imaginary_unit=imaginary_unit)
    if parsed.kind != "scalar":
        count = sum(len(row) for row in parsed.rows)
        raise ParseError("not_scalar", operand=operand, count=count)
    return parsed.rows[0][0]


# --- lexing and parsing -----------------------------------------------------------------------

_PARSER: Lark | None = None


def _parser() -> Lark:
    """The LALR parser, built on first use.  No lark cache: it would unpickle a file
    from the shared temporary directory, which another user could plant."""
    global _PARSER
    if _PARSER is None:
        from importlib.resources import files

        from lark import Lark

        grammar = files("linsteps.reading").joinpath("grammar.lark").read_text(encoding="utf-8")
        cache = _cache_file()
        options: dict[str, Any] = {"cache": cache} if cache else {}
        _PARSER = Lark(grammar, parser="lalr", lexer="basic", postlex=_Layout(), **options)
    return _PARSER


def _cache_file() -> str | None:
    """Return where to keep the parser tables between runs, or None when no safe place exists.

    The tables are a pickle, so they are kept only in a folder of the user's own that nobody
    else can write (``$XDG_CACHE_HOME/linsteps`` or ``~/.cache/linsteps``); lark checks a hash
    of the grammar, its options and versions before using them.  ``LINSTEPS_NO_CACHE`` turns
    the cache off.
    """
    import os
    from pathlib import Path

    if os.environ.get("LINSTEPS_NO_CACHE") or not hasattr(os, "getuid"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "linsteps"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError:
        return None
    if status.st_uid != os.getuid() or status.st_mode & 0o022:
        return None
    import lark

    return str(folder / f"parser-{lark.__version__}.pickle")


def _parse_tree(text: str) -> Tree[Token]:
    """Parse ``text``, turning lark's errors into one-line ``ParseError``s."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

    try:
        return _parser().parse(text)
    except UnexpectedCharacters as err:
        raise _char_error(text, err.pos_in_stream or 0) from None
    except UnexpectedToken as err:
        raise _token_error(text, err.token) from None
    except UnexpectedInput as err:  # pragma: no cover - other lark errors, e.g. UnexpectedEOF
        raise _fail("unexpected_end", column=len(text)) from err


def _char_error(text: str, pos: int) -> ParseError:
    """Explain a character no terminal accepts."""
    char, column = text[pos], pos + 1
    if 0xFF01 <= ord(char) <= 0xFF5E or char == "\u3000":
        ascii_ = " " if char == "\u3000" else chr(ord(char) - 0xFEE0)
        if ascii_ in _ASCII_OK or ascii_.isalnum() or ascii_ == " ":
            return _fail("fullwidth_char", char=char, column=column, ascii=ascii_)
    if char == "_" and (pos == 0 or not text[pos - 1].isalnum()):
        end = pos
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        return _fail("forbidden_name", name=shorten(text[pos:end], 20), column=column)
    if char == "∞":
        return _fail("not_finite", name=char, column=column)
    if char in _SPECIAL_CHARS:
        return _fail(_SPECIAL_CHARS[char], char=char, column=column)
    return _fail("unexpected_char", char=char, column=column)


def _token_error(text: str, token: Token) -> ParseError:
    """Explain a token the grammar does not allow where it stands."""
    if token.type == "$END":
        return _fail("unexpected_end", column=max(len(text.rstrip()), 1))
    pos = token.start_pos or 0
    column = pos + 1
    if token.type == "_WS":
        return _fail("unexpected_space", column=column)
    if token.type == "SEMI" and token.value != ";":
        return _fail("unexpected_line_break", column=column)
    shown = text[pos : token.end_pos] if token.type != "IMPLICIT" else text[pos]
    stripped = text[:pos].rstrip(" \t\r\n")
    before = stripped[-1:]
    if token.type in ("_RPAR", "_RBRACK") and before in ("(", "["):
        return _fail("empty_brackets", brackets=before + shown, column=len(stripped))
    adjacent = pos > 0 and text[pos - 1] == before
    if (
        adjacent
        and token.type in _OPERAND_START | {"IMPLICIT"}
        and (before.isalnum() or before in ").]")
    ):
        return _fail("missing_operator", token=shorten(shown), column=column)
    return _fail("unexpected_token", token=shorten(shown), column=column)


class _Layout:
    """lark post-lexer: which spaces separate entries, implicit products, token checks."""

    always_accept: tuple[str, ...] = ()

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return _layout(stream)


def _layout(stream: Iterable[Token]) -> Iterator[Token]:
    """Keep a space only between two entries; vet numbers and names; count entries."""
    from lark import Token

    tokens = iter(stream)
    ahead: deque[Token] = deque()

    def peek(k: int) -> Token | None:
        while len(ahead) <= k:
            nxt = next(tokens, None)
            if nxt is None:
                return None
            ahead.append(nxt)
        return ahead[k]

    brackets: list[str] = []
    prev: Token | None = None
    prefix_run = separators = 0
    while (tok := peek(0)) is not None:
        ahead.popleft()
        kind = tok.type
        if kind == "_WS":
            nxt = peek(0)
            if prev is None or nxt is None or prev.type not in _OPERAND_END:
                continue
            in_parens = bool(brackets) and brackets[-1] == "("
            if nxt.type not in _OPERAND_START:
                after = peek(1)
                if nxt.type != "ADDOP" or in_parens or after is None or after.type == "_WS":
                    continue
            if not in_parens:
                separators += 1
                if "\n" in tok.value or "\r" in tok.value:
                    tok = Token.new_borrow_pos("SEMI", tok.value, tok)
        elif kind in ("_LPAR", "_LBRACK"):
            brackets.append(tok.value)
        elif kind in ("_RPAR", "_RBRACK"):
            if brackets:
                brackets.pop()
        elif kind == "NUMBER":
            _check_number(tok)
        elif kind == "NAME":
            _check_name(tok, peek(0), prev)
        elif kind in ("_COMMA", "SEMI") and (prev is None or prev.type != "_RBRACK"):
            separators += 1
        if separators >= LIMITS.max_entries:
            raise _over("too_many_entries", limit=LIMITS.max_entries)
        if kind in ("ADDOP", "SQRT") and (prev is None or prev.type not in _OPERAND_END):
            prefix_run += 1
            if prefix_run > LIMITS.max_tree_depth:
                column = (tok.start_pos or 0) + 1
                limit = LIMITS.max_tree_depth
                raise _over("expression_too_deep", column=column, limit=limit)
        else:
            prefix_run = 0
        if _implicit_product(prev, tok):
            yield Token.new_borrow_pos("IMPLICIT", "", tok)
        yield tok
        prev = tok


def _implicit_product(prev: Token | None, tok: Token) -> bool:
    """``2x``, ``3sqrt(2)``, ``2√3``, ``2(x+1)``, ``(a)(b)``: no space, number or ``)`` first."""
    if prev is None or prev.end_pos != tok.start_pos:
        return False
    if prev.type == "NUMBER":
        return tok.type in ("NAME", "SQRT", "_LPAR")
    return prev.type == "_RPAR" and tok.type == "_LPAR"


def _check_number(tok: Token) -> None:
    """Refuse number literals with too many digits or too large an exponent."""
    mantissa, _, exponent = tok.value.lower().partition("e")
    column = (tok.start_pos or 0) + 1
    digits = len(mantissa) - ("." in mantissa)
    if digits > LIMITS.max_digits:
        limit = LIMITS.max_digits
        raise _over("too_many_digits", column=column, digits=digits, limit=limit)
    if exponent:
        significant = exponent.lstrip("+-").lstrip("0")
        if len(significant) > 4 or int(significant or "0") > LIMITS.max_sci_exponent:
            limit = LIMITS.max_sci_exponent
            shown = shorten(exponent)
            raise _over("sci_exponent_too_large", column=column, exponent=shown, limit=limit)


def _check_name(tok: Token, nxt: Token | None, prev: Token | None) -> None:
    """Refuse forbidden names, infinities, unknown functions and functions without ``(``."""
    name, column = tok.value, (tok.start_pos or 0) + 1
    if name == "x10" and _implicit_product(prev, tok):  # 3.67x10^2 would read 3.67·x10²
        raise _fail("times_ten", column=column)
    if name in _FORBIDDEN:
        raise _fail("forbidden_name", name=name, column=column)
    if name.lower() in _NOT_FINITE:
        raise _fail("not_finite", name=name, column=column)
    called = nxt is not None and nxt.type == "_LPAR" and nxt.start_pos == tok.end_pos
    if name in FUNCTION_NAMES and not called:
        raise _fail("function_needs_parens", name=name, column=column)
    if called and name not in FUNCTION_NAMES:
        raise _fail("unknown_function", name=shorten(name, 20), column=column)


# --- tree to SymPy ----------------------------------------------------------------------------


def _first_column(node: Tree[Token] | Token) -> int:
    """The 1-based column of the first token under ``node``."""
    from lark import Tree

    while isinstance(node, Tree) and node.children:
        node = node.children[0]
    return (getattr(node, "start_pos", 0) or 0) + 1


def _check_depth(entry: Tree[Token] | Token) -> None:
    """Refuse an entry nested deeper than the limit, without recursion."""
    from lark import Tree

    stack: list[tuple[Tree[Token] | Token, int]] = [(entry, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > LIMITS.max_tree_depth:
            column = _first_column(node)
            raise _over("expression_too_deep", column=column, limit=LIMITS.max_tree_depth)
        if isinstance(node, Tree):
            stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))


def _rows(top: Tree[Token]) -> tuple[Literal["scalar", "vector", "matrix"], list[list[Any]]]:
    """The kind of the operand and its entry subtrees, row by row."""
    from lark import Tree

    trees = [child for child in top.children if isinstance(child, Tree)]
    has_semi = len(trees) < len(top.children)
    if top.data == "tuple":
        return "vector", [list(top.children)]
    if top.data == "nested":
        return "matrix", [list(inner.children[0].children) for inner in trees]  # type: ignore[union-attr]
    rows = [list(row.children) for row in trees]
    if has_semi:
        return "matrix", rows
    if top.data == "bare" and len(rows[0]) == 1:
        return "scalar", rows
    return "vector", rows


def _check_shape(kind: str, rows: list[list[Any]]) -> None:
    """Refuse too many entries, rows or columns, and rows of different lengths."""
    if sum(len(row) for row in rows) > LIMITS.max_entries:
        raise _over("too_many_entries", limit=LIMITS.max_entries)
    if kind != "matrix":
        return
    if len(rows) > LIMITS.max_rows:
        raise _over("too_many_rows", rows=len(rows), limit=LIMITS.max_rows)
    for index, row in enumerate(rows, start=1):
        if len(row) > LIMITS.max_columns:
            raise _over("too_many_columns", row=index, count=len(row), limit=LIMITS.max_columns)
        if len(row) != len(rows[0]):
            raise _fail("ragged", row=index, count=len(row), first=len(rows[0]))


class _Builder:
    """Builds SymPy values from parse trees, bottom-up and without recursion."""

    def __init__(self, imaginary_unit: bool) -> None:
        import sympy

        self.sympy = sympy
        self.imaginary_unit = imaginary_unit
        self.decimal = False
        self.handlers: dict[str, Callable[..., Any]] = {
            "number": self.number,
            "name": self.name,
            "call": self.call,
            "sign": self.sign,
            "root": self.root,
            "power": self.power,
            "product": self.product,
            "sum": self.sum,
        }

    def build(self, tree: Tree[Token], text: str) -> Parsed:
        top = tree.children[0]
        kind, rows = _rows(top)  # type: ignore[arg-type]
        for row in rows:
            for entry in row:
                _check_depth(entry)
        _check_shape(kind, rows)
        values = tuple(tuple(self.entry(entry) for entry in row) for row in rows)
        return Parsed(kind, values, self.decimal, text)

    def entry(self, node: Tree[Token]) -> sympy.Expr:
        """Evaluate one entry subtree in post-order with an explicit stack."""
        from lark import Tree

        stack: list[tuple[Any, bool]] = [(node, False)]
        out: list[Any] = []
        while stack:
            current, ready = stack.pop()
            if not isinstance(current, Tree):
                out.append(current)
            elif not ready:
                stack.append((current, True))
                stack.extend((child, False) for child in reversed(current.children))
            else:
                count = len(current.children)
                args = out[len(out) - count :]
                del out[len(out) - count :]
                out.append(self.handlers[str(current.data)](*args))
        value = out[0]
        s = self.sympy.S
        if value.has(s.ComplexInfinity, s.NaN, s.Infinity, s.NegativeInfinity):
            raise _fail(
                "not_finite_value", column=_first_column(node), value=shorten(str(value), 30)
            )
        return value

    def number(self, tok: Token) -> Any:
        """An exact rational from an integer, decimal or scientific literal."""
        mantissa, _, exponent = tok.value.lower().partition("e")
        whole, point, fraction = mantissa.partition(".")
        self.decimal = self.decimal or bool(point or exponent)
        shift = int(exponent or "0") - len(fraction)
        digits = int(whole + fraction or "0")
        if shift >= 0:
            return self.sympy.Integer(digits * 10**shift)
        return self.sympy.Rational(digits, 10**-shift)

    def name(self, tok: Token) -> Any:
        name = tok.value
        if name[0] in _GREEK:
            name = _GREEK[name[0]] + name[1:]
        if name == "pi":
            return self.sympy.pi
        if name == "i" and self.imaginary_unit:
            return self.sympy.I
        return self.sympy.Symbol(name, real=True)

    def call(self, tok: Token, arg: Any) -> Any:
        sp = self.sympy
        function = {
            "sqrt": sp.sqrt, "exp": sp.exp, "ln": sp.log, "log": sp.log,
            "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "abs": sp.Abs,
            "arccos": sp.acos, "acos": sp.acos, "arcsin": sp.asin, "asin": sp.asin,
            "arctan": sp.atan, "atan": sp.atan,
        }[tok.value]  # fmt: skip
        return function(arg)

    def sign(self, tok: Token, value: Any) -> Any:
        return value if tok.value == "+" else -value

    def root(self, tok: Token, value: Any) -> Any:
        return self.sympy.sqrt(value)

    def power(self, base: Any, tok: Token, exponent: Any) -> Any:
        """``base ** exponent`` after checking the exponent and the size of the result."""
        column = (tok.start_pos or 0) + 1
        if exponent.is_Rational:
            if abs(exponent) > LIMITS.max_power_exponent:
                shown = shorten(str(exponent))
                limit = LIMITS.max_power_exponent
                raise _over("power_exponent_too_large", column=column, exponent=shown, limit=limit)
            p, q = abs(int(exponent.p)), int(exponent.q)
            bits = -(-estimate_bits(base) * p // q)
            if bits > LIMITS.max_number_bits:
                limit = LIMITS.max_number_bits
                raise _over("power_too_large", column=column, bits=bits, limit=limit)
            if base == 0 and exponent < 0:
                raise _fail("division_by_zero", column=column)
        return self.sympy.Pow(base, exponent)

    def product(self, *items: Any) -> Any:
        """A product of factors joined by ``*``, ``/`` or juxtaposition (``2x``)."""
        factors = [items[0]]
        for tok, factor in zip(items[1::2], items[2::2], strict=True):
            if tok.value in ("/", "÷"):
                if factor == 0:
                    raise _fail("division_by_zero", column=(tok.start_pos or 0) + 1)
                factor = self.sympy.Pow(factor, -1)
            factors.append(factor)
        bits = sum(estimate_bits(factor) for factor in factors)
        if bits > LIMITS.max_number_bits:
            column = (items[1].start_pos or 0) + 1
            raise _over("number_too_large", column=column, bits=bits, limit=LIMITS.max_number_bits)
        return self.sympy.Mul(*factors)

    def sum(self, *items: Any) -> Any:
        """A sum of terms joined by ``+`` and ``-``."""
        terms = [items[0]]
        for tok, term in zip(items[1::2], items[2::2], strict=True):
            terms.append(term if tok.value == "+" else -term)
        bits = sum_bits(terms)
        if bits > LIMITS.max_number_bits:
            column = (items[1].start_pos or 0) + 1
            raise _over("number_too_large", column=column, bits=bits, limit=LIMITS.max_number_bits)
        return self.sympy.Add(*terms)


def _greek() -> dict[str, str]:
    """Greek letters to their names: θ -> theta, Δ -> Delta, λ -> lambda."""
    import unicodedata

    table: dict[str, str] = {}
    for code in [*range(0x391, 0x3AA), *range(0x3B1, 0x3CA)]:
        char = chr(code)
        words = unicodedata.name(char, "").split()
        if len(words) != 4:  # GREEK SMALL LETTER ALPHA; skips FINAL SIGMA and gaps
            continue
        name = words[3].lower().replace("lamda", "lambda")
        table[char] = name if words[1] == "SMALL" else name.capitalize()
    table.update({"ς": "sigma", "ϑ": "theta", "ϕ": "phi", "ϵ": "epsilon"})
    return table


_GREEK = _greek()
