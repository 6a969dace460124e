"""The LALR parser of operand text: grammar, parser tables, the layout post-lexer, errors.

``grammar.lark`` is the whitelist: lark tokenizes and parses the text, and the layout post-lexer
(:class:`Layout`) decides which spaces separate entries, inserts implicit products (``2x``) and
vets every number and name as it is lexed.  lark's own errors become one-line ``ParseError``s
with the 1-based column of the offending character.  lark is imported on first use.
"""

from __future__ import annotations

import keyword
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from linsteps.errors import ParseError
from linsteps.reading.limits import LIMITS, shorten
from linsteps.reading.operand_errors import limit_error, parse_error

if TYPE_CHECKING:
    from lark import Lark, Token, Tree

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
_OPERAND_END = frozenset({"NUMBER", "NAME", "_RPAR", "_RBRACK", "SUPERSCRIPT"})
_OPERAND_START = frozenset({"NUMBER", "NAME", "_LPAR", "_LBRACK", "SQRT"})
_SPECIAL_CHARS = {
    "|": "abs_bars",
    "!": "factorial",
    "{": "braces",
    "}": "braces",
    **dict.fromkeys("=<>≤≥≠", "comparison"),
}
_ASCII_OK = frozenset("0123456789+-*/^()[],;.")


_PARSER: Lark | None = None


def _parser() -> Lark:
    """The LALR parser, built on first use.  No lark cache: it would unpickle a file
    from the shared temporary directory, which another user could plant."""
    global _PARSER
    if _PARSER is None:
        from pathlib import Path

        from lark import Lark

        # Beside this module (importlib.resources would import zipfile and its readers first).
        grammar = Path(__file__).with_name("grammar.lark").read_text(encoding="utf-8")
        cache = _cache_file(grammar)
        options: dict[str, Any] = {"cache": cache} if cache else {}
        _PARSER = Lark(grammar, parser="lalr", lexer="basic", postlex=Layout(), **options)
    return _PARSER


def _cache_file(grammar: str) -> str | None:
    """Return where to keep the parser tables between runs, or None when no safe place exists.

    The tables are a pickle, so they are kept only in a folder of the user's own that nobody
    else can write (``$XDG_CACHE_HOME/linsteps`` or ``~/.cache/linsteps``); lark checks a hash
    of the grammar, its options and versions before using them.  The file is named for the
    grammar too, so that two installations with different grammars do not overwrite each
    other's tables on every run.  ``LINSTEPS_NO_CACHE`` turns the cache off.
    """
    import hashlib
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

    digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
    return str(folder / f"parser-{lark.__version__}-{digest}.pickle")


def parse_tree(text: str) -> Tree[Token]:
    """Parse ``text``, turning lark's errors into one-line ``ParseError``s."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

    try:
        return _parser().parse(text)
    except UnexpectedCharacters as err:
        raise _char_error(text, err.pos_in_stream or 0) from None
    except UnexpectedToken as err:
        raise _token_error(text, err.token) from None
    except UnexpectedInput as err:  # pragma: no cover - other lark errors, e.g. UnexpectedEOF
        raise parse_error("unexpected_end", column=len(text)) from err


def _char_error(text: str, pos: int) -> ParseError:
    """Explain a character no terminal accepts."""
    char, column = text[pos], pos + 1
    if 0xFF01 <= ord(char) <= 0xFF5E or char == "\u3000":
        ascii_ = " " if char == "\u3000" else chr(ord(char) - 0xFEE0)
        if ascii_ in _ASCII_OK or ascii_.isalnum() or ascii_ == " ":
            return parse_error("fullwidth_char", char=char, column=column, ascii=ascii_)
    if char == "_" and (pos == 0 or not text[pos - 1].isalnum()):
        end = pos
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        return parse_error("forbidden_name", name=shorten(text[pos:end], 20), column=column)
    if char == "∞":
        return parse_error("not_finite", name=char, column=column)
    if char in _SPECIAL_CHARS:
        return parse_error(_SPECIAL_CHARS[char], char=char, column=column)
    return parse_error("unexpected_char", char=char, column=column)


def _token_error(text: str, token: Token) -> ParseError:
    """Explain a token the grammar does not allow where it stands."""
    if token.type == "$END":
        return parse_error("unexpected_end", column=max(len(text.rstrip()), 1))
    pos = token.start_pos or 0
    column = pos + 1
    if token.type == "_WS":
        return parse_error("unexpected_space", column=column)
    if token.type == "SEMI" and token.value != ";":
        return parse_error("unexpected_line_break", column=column)
    shown = text[pos : token.end_pos] if token.type != "IMPLICIT" else text[pos]
    stripped = text[:pos].rstrip(" \t\r\n")
    before = stripped[-1:]
    if token.type in ("_RPAR", "_RBRACK") and before in ("(", "["):
        return parse_error("empty_brackets", brackets=before + shown, column=len(stripped))
    adjacent = pos > 0 and text[pos - 1] == before
    if (
        adjacent
        and token.type in _OPERAND_START | {"IMPLICIT"}
        and (before.isalnum() or before in ").]")
    ):
        return parse_error("missing_operator", token=shorten(shown), column=column)
    return parse_error("unexpected_token", token=shorten(shown), column=column)


class Layout:
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
            raise limit_error("too_many_entries", limit=LIMITS.max_entries)
        if kind in ("ADDOP", "SQRT") and (prev is None or prev.type not in _OPERAND_END):
            prefix_run += 1
            if prefix_run > LIMITS.max_tree_depth:
                column = (tok.start_pos or 0) + 1
                limit = LIMITS.max_tree_depth
                raise limit_error("expression_too_deep", column=column, limit=limit)
        else:
            prefix_run = 0
        if _implicit_product(prev, tok):
            yield Token.new_borrow_pos("IMPLICIT", "", tok)
        yield tok
        prev = tok


def _implicit_product(prev: Token | None, tok: Token) -> bool:
    """``2x``, ``3sqrt(2)``, ``2√3``, ``2(x+1)``, ``(a)(b)``, ``(1 + e)e²``, ``sqrt(2)i``: no
    space, a number or ``)`` first."""
    if prev is None or prev.end_pos != tok.start_pos:
        return False
    return prev.type in ("NUMBER", "_RPAR") and tok.type in ("NAME", "SQRT", "_LPAR")


def _check_number(tok: Token) -> None:
    """Refuse number literals with too many digits or too large an exponent."""
    mantissa, _, exponent = tok.value.lower().partition("e")
    column = (tok.start_pos or 0) + 1
    digits = len(mantissa) - ("." in mantissa)
    if digits > LIMITS.max_digits:
        limit = LIMITS.max_digits
        raise limit_error("too_many_digits", column=column, digits=digits, limit=limit)
    if exponent:
        significant = exponent.lstrip("+-").lstrip("0")
        if len(significant) > 4 or int(significant or "0") > LIMITS.max_sci_exponent:
            limit = LIMITS.max_sci_exponent
            shown = shorten(exponent)
            raise limit_error("sci_exponent_too_large", column=column, exponent=shown, limit=limit)


def _check_name(tok: Token, nxt: Token | None, prev: Token | None) -> None:
    """Refuse forbidden names, infinities, unknown functions and functions without ``(``."""
    name, column = tok.value, (tok.start_pos or 0) + 1
    if name == "x10" and _implicit_product(prev, tok):  # 3.67x10^2 would read 3.67·x10²
        raise parse_error("times_ten", column=column)
    if name in _FORBIDDEN:
        raise parse_error("forbidden_name", name=name, column=column)
    if name.lower() in _NOT_FINITE:
        raise parse_error("not_finite", name=name, column=column)
    called = nxt is not None and nxt.type == "_LPAR" and nxt.start_pos == tok.end_pos
    if name in FUNCTION_NAMES and not called:
        raise parse_error("function_needs_parens", name=name, column=column)
    if called and name not in FUNCTION_NAMES:
        raise parse_error("unknown_function", name=shorten(name, 20), column=column)


__all__ = ["FUNCTION_NAMES", "Layout", "parse_tree"]
