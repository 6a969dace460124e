"""NumPy and PyTorch expressions read for their shapes, never run.

A strict recursive-descent parser over a whitelist: tensor names, integer and decimal
numbers, string literals (einsum specs), ``+ - * / @ **``, parentheses and tuples, the
attributes ``.T`` and ``.mT``, the methods in :data:`METHODS` and the functions in
:data:`FUNCTIONS` (``np.dot``, ``torch.mm``, ``softmax`` …).  Anything else is refused with
its column.  Nothing is evaluated: the parser builds a small tree of frozen nodes whose
``span`` points back into the text, so every sub-expression can be shown as it was typed.
The nodes are in :mod:`linsteps.reading.shape_nodes`; ``NAME=SHAPE`` arguments in
:mod:`linsteps.reading.shape_spec`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from linsteps.errors import LimitError, ParseError
from linsteps.reading.shape_nodes import (
    Attribute,
    Binary,
    Call,
    Constant,
    Expr,
    Negative,
    Number,
    Tensor,
    Text,
    TupleOf,
    children,
    source,
    tensor_names,
)

MAX_LENGTH = 1_000  # characters of an expression
MAX_DEPTH = 40  # nesting of sub-expressions
MAX_NODES = 400
MAX_INT = 10**12  # an integer literal

# Spelled function -> (operation, the library whose rules it follows; "" for either).
FUNCTIONS: dict[str, tuple[str, str]] = {
    "np.dot": ("dot", "numpy"),
    "numpy.dot": ("dot", "numpy"),
    "torch.dot": ("dot", "torch"),
    "np.matmul": ("matmul", "numpy"),
    "numpy.matmul": ("matmul", "numpy"),
    "torch.matmul": ("matmul", "torch"),
    "torch.mm": ("mm", "torch"),
    "torch.bmm": ("bmm", "torch"),
    "np.outer": ("outer", "numpy"),
    "torch.outer": ("outer", "torch"),
    "np.swapaxes": ("swapaxes", "numpy"),
    "torch.swapaxes": ("swapaxes", "torch"),
    "einsum": ("einsum", ""),
    "np.einsum": ("einsum", "numpy"),
    "numpy.einsum": ("einsum", "numpy"),
    "torch.einsum": ("einsum", "torch"),
    "softmax": ("softmax", ""),
    "torch.softmax": ("softmax", "torch"),
    "F.softmax": ("softmax", "torch"),
    "torch.nn.functional.softmax": ("softmax", "torch"),
    "math.sqrt": ("sqrt", ""),
}
MODULES = frozenset(name.split(".")[0] for name in FUNCTIONS if "." in name)
ATTRIBUTES = frozenset({"T", "mT"})
METHODS = frozenset(
    {
        "transpose",
        "swapaxes",
        "permute",
        "reshape",
        "view",
        "unsqueeze",
        "sum",
        "mean",
        "softmax",
        "contiguous",
    }
)
CONSTANTS = {"True": True, "False": False, "None": None}

_TOKEN = re.compile(
    r"""(?P<space>[ \t]+)
    |(?P<number>(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?)
    |(?P<name>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<string>"[^"\\\n]*"|'[^'\\\n]*')
    |(?P<op>\*\*|[@*+\-/().,=])""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    """One lexeme: ``kind`` (number, name, string, op, end), its text and 0-based start."""

    kind: str
    text: str
    start: int


def tokenize(text: str) -> list[Token]:
    """Return the tokens of ``text``; refuse any character outside the whitelist."""
    if len(text) > MAX_LENGTH:
        raise LimitError("shape_expr_too_long", length=len(text), limit=MAX_LENGTH)
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ParseError("shape_expr_char", char=text[position], column=position + 1)
        kind = match.lastgroup or "op"
        if kind != "space":
            tokens.append(Token(kind, match.group(), position))
        position = match.end()
    if not tokens:
        raise ParseError("shape_expr_empty")
    tokens.append(Token("end", "", len(text)))
    return tokens


class Parser:
    """Recursive descent over the tokens, Python's precedence for the operators it knows."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0
        self.nodes = 0

    # tokens ----------------------------------------------------------------------------------
    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.current
        self.index += 1
        return token

    def at(self, *texts: str) -> bool:
        return self.current.kind == "op" and self.current.text in texts

    def expect(self, text: str) -> Token:
        if not self.at(text):
            self.unexpected(f"'{text}'")
        return self.advance()

    def unexpected(self, wanted: str) -> None:
        token = self.current
        if token.kind == "end":
            raise ParseError("shape_expr_end", wanted=wanted, column=token.start + 1)
        raise ParseError(
            "shape_expr_token", token=token.text, wanted=wanted, column=token.start + 1
        )

    def node(self, node: Expr) -> Expr:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise LimitError("shape_expr_too_big", limit=MAX_NODES)
        return node

    # grammar ---------------------------------------------------------------------------------
    def parse(self) -> Expr:
        tree = self.expression()
        if self.current.kind != "end":
            self.unexpected("an operator or the end")
        return tree

    def deeper(self) -> None:
        """Count one more level of nesting; refuse more than MAX_DEPTH."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise LimitError("shape_expr_too_deep", column=self.current.start + 1, limit=MAX_DEPTH)

    def expression(self) -> Expr:
        """additive := term (('+' | '-') term)*"""
        self.deeper()
        left = self.term()
        while self.at("+", "-"):
            op = self.advance().text
            right = self.term()
            left = self.node(Binary(op, left, right, span=(left.span[0], right.span[1])))
        self.depth -= 1
        return left

    def term(self) -> Expr:
        """term := unary (('@' | '*' | '/') unary)*"""
        left = self.unary()
        while self.at("@", "*", "/"):
            op = self.advance().text
            right = self.unary()
            left = self.node(Binary(op, left, right, span=(left.span[0], right.span[1])))
        return left

    def unary(self) -> Expr:
        """unary := '-' unary | power"""
        if self.at("-"):
            start = self.advance().start
            self.deeper()
            operand = self.unary()
            self.depth -= 1
            if isinstance(operand, Number):
                return self.node(Number(-operand.value, span=(start, operand.span[1])))
            return self.node(Negative(operand, span=(start, operand.span[1])))
        return self.power()

    def power(self) -> Expr:
        """power := postfix ('**' unary)?"""
        base = self.postfix()
        if self.at("**"):
            self.advance()
            self.deeper()
            exponent = self.unary()
            self.depth -= 1
            return self.node(Binary("**", base, exponent, span=(base.span[0], exponent.span[1])))
        return base

    def postfix(self) -> Expr:
        """postfix := atom ('.' NAME call?)*"""
        node = self.atom()
        while self.at("."):
            self.advance()
            token = self.current
            if token.kind != "name":
                self.unexpected("a name after '.'")
            self.advance()
            if token.text in ATTRIBUTES:
                end = token.start + len(token.text)
                node = self.node(Attribute(node, token.text, span=(node.span[0], end)))
            elif token.text in METHODS and self.at("("):
                args, keywords, end = self.arguments()
                node = self.node(
                    Call(token.text, token.text, "", node, args, keywords, span=(node.span[0], end))
                )
            else:
                raise ParseError("shape_expr_method", name=token.text, column=token.start + 1)
        return node

    def atom(self) -> Expr:
        """atom := NUMBER | STRING | NAME | function call | '(' expression [',' …] ')'"""
        token = self.current
        end = token.start + len(token.text)
        if token.kind == "number":
            self.advance()
            return self.node(Number(number(token), span=(token.start, end)))
        if token.kind == "string":
            self.advance()
            return self.node(Text(token.text[1:-1], span=(token.start, end)))
        if token.kind == "name":
            if token.text in CONSTANTS:
                self.advance()
                return self.node(Constant(CONSTANTS[token.text], span=(token.start, end)))
            if token.text in MODULES or token.text in FUNCTIONS:
                return self.function()
            self.advance()
            return self.node(Tensor(token.text, span=(token.start, end)))
        if self.at("("):
            return self.parenthesised()
        self.unexpected("a name, a number or '('")
        raise AssertionError  # pragma: no cover

    def function(self) -> Expr:
        start = self.current.start
        spelled = self.advance().text
        while self.at(".") and spelled not in FUNCTIONS:
            self.advance()
            token = self.current
            if token.kind != "name":
                self.unexpected("a name after '.'")
            spelled += "." + self.advance().text
        if spelled not in FUNCTIONS:
            raise ParseError("shape_expr_function", name=spelled, column=start + 1)
        if not self.at("("):
            self.unexpected(f"'(' after {spelled}")
        operation, library = FUNCTIONS[spelled]
        args, keywords, end = self.arguments()
        return self.node(Call(operation, spelled, library, None, args, keywords, span=(start, end)))

    def parenthesised(self) -> Expr:
        start = self.advance().start
        items = [self.expression()]
        trailing = False
        while self.at(","):
            self.advance()
            trailing = True
            if self.at(")"):
                break
            items.append(self.expression())
            trailing = False
        end = self.expect(")").start + 1
        if len(items) == 1 and not trailing:
            return replace(items[0], span=(start, end))  # parentheses only group
        return self.node(TupleOf(tuple(items), span=(start, end)))

    def arguments(self) -> tuple[tuple[Expr, ...], tuple[tuple[str, Expr], ...], int]:
        """'(' [argument (',' argument)* [',']] ')', keywords after the positional ones."""
        self.expect("(")
        args: list[Expr] = []
        keywords: list[tuple[str, Expr]] = []
        while not self.at(")"):
            token = self.current
            if token.kind == "end":
                self.unexpected("')'")
            following = self.tokens[self.index + 1]
            if token.kind == "name" and following.kind == "op" and following.text == "=":
                self.index += 2
                if any(key == token.text for key, _ in keywords):
                    raise ParseError("shape_expr_repeated", name=token.text, column=token.start + 1)
                keywords.append((token.text, self.expression()))
            elif keywords:
                raise ParseError("shape_expr_positional", column=token.start + 1)
            else:
                args.append(self.expression())
            if not self.at(")"):
                self.expect(",")
        end = self.advance().start + 1
        return tuple(args), tuple(keywords), end


def number(token: Token) -> int | float:
    """Return a number literal's value; integers are bounded."""
    text = token.text
    if re.fullmatch(r"\d+", text):
        if len(text) > 13 or int(text) > MAX_INT:
            raise LimitError("shape_expr_number", text=text, column=token.start + 1)
        return int(text)
    if len(text) > 40:
        raise LimitError("shape_expr_number", text=text[:12] + "…", column=token.start + 1)
    return float(text)


def parse_shape_expression(text: str) -> Expr:
    """Return the tree of an expression; raise ParseError or LimitError (one line, a column)."""
    return Parser(text).parse()


__all__ = [
    "ATTRIBUTES",
    "FUNCTIONS",
    "METHODS",
    "MODULES",
    "Attribute",
    "Binary",
    "Call",
    "Constant",
    "Expr",
    "Negative",
    "Number",
    "Tensor",
    "Text",
    "TupleOf",
    "children",
    "parse_shape_expression",
    "source",
    "tensor_names",
]
