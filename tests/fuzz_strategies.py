"""Random commands for the pipeline fuzzer: one generator, two sources of choices.

Every choice goes through a :class:`Source`: :class:`HypothesisSource` draws from a hypothesis
``draw`` (so failures shrink), :class:`RandomSource` from a seeded ``random.Random`` (so the
benchmark makes a million inputs fast).  :func:`case` makes one :class:`Case`: a command, its
operands and options (edge values on purpose: long decimals, 10^±300, huge exponents, nested
functions, symbols, complex entries, large shapes, every option at and past its bounds), which
``tests/fuzz_harness.py`` runs through the command line and the Python API.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


class Source(Protocol):
    """Where the generator's choices come from."""

    def integer(self, low: int, high: int) -> int:
        """An integer in [low, high]; low is the simplest."""

    def choice(self, options: Sequence[T]) -> T:
        """One of ``options``; the first is the simplest."""


class RandomSource:
    """Choices from a seeded ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]


class HypothesisSource:
    """Choices drawn by hypothesis, which shrinks them towards the first option and ``low``."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw

    def integer(self, low: int, high: int) -> int:
        return int(self.draw(st.integers(low, high)))

    def choice(self, options: Sequence[T]) -> T:
        return options[self.draw(st.integers(0, len(options) - 1))]  # type: ignore[no-any-return]


def chance(src: Source, percent: int) -> bool:
    """True with probability ``percent``/100 (False is the simpler value)."""
    return src.integer(0, 99) >= 100 - percent


# --- entries -------------------------------------------------------------------------------

FUNCTIONS = (
    "sqrt", "exp", "sin", "cos", "ln", "log", "tan", "arcsin", "asin", "arccos", "acos",
    "arctan", "atan", "abs",
)  # fmt: skip
SYMBOLS = ("x", "y", "a_1", "theta", "θ", "λ", "e", "i", "j", "t", "x12_b", "μ0")
CONSTANTS = ("pi", "π", "exp(1)", "sqrt(2)", "√3", "√−1", "sqrt(-1)", "2i", "(1+2i)", "i")
POWERS = (
    "10^300", "10^-300", "2^1000", "2^1001", "2^-1000", "x^1000", "x^1001", "(2^1000)^1000",
    "9**9**9", "7^7^7", "10^1000^1000", "2^(1/2)", "(-1)^(1/3)", "0**0", "0^-1", "x²", "2⁻¹",
    "(x+1)³", "x⁻¹", "exp(1000)", "exp(-1000)", "exp(710)", "e^1000", "(1/3)^300", "3^333",
)  # fmt: skip
HOSTILE = (
    "", " ", "1/0", "0/0", "log(0)", "oo", "nan", "inf", "∞", "__import__", "lambda", "f(x)",
    "|x|", "5!", "１２", "（", "\x00", "\u202e", "\ufeff", "'", '"', "#", "\\", "%", "@", "{1}",
    "x = 1", "3.67x10^2", "1e", "e+", "..", "1..2", "]", "[", ")(", "−", "--1", "+-+1", "√",
)  # fmt: skip
TOKENS = (
    *"0123456789", *"+-*/^()[],;.", " ", "**", "÷", "×", "√", "π", "θ", "sqrt(", "exp(",
    "sin(", "x", "i", "e", "E", "1e308", "9" * 30, "\n", "\t", "²", "⁻",
)  # fmt: skip


def digits(src: Source, count: int) -> str:
    """``count`` random decimal digits."""
    return "".join(src.choice("0123456789") for _ in range(count))


def long_decimal(src: Source) -> str:
    """A decimal of 15 to 60 significant digits (past 50 in one literal is refused)."""
    total = src.integer(15, 60)
    whole = src.integer(0, min(total - 1, 20))
    sign = src.choice(("", "-"))
    head = (src.choice("123456789") + digits(src, whole - 1)) if whole else "0"
    return f"{sign}{head}.{digits(src, total - whole)}"


def scientific(src: Source) -> str:
    """A number in E-notation, often at the edge of the exponent limit (±308)."""
    mantissa = src.choice(("1", "2.5", "9.999", "0.1", "1.0000000000000001", "7"))
    exponent = src.choice((300, -300, 308, -308, 309, -309, 24, -29, 28, -7, 0, 330))
    if chance(src, 30):
        exponent = src.integer(-320, 320)
    return f"{mantissa}{src.choice('eE')}{exponent}"


def nested(src: Source, depth: int) -> str:
    """``f(g(h(…)))`` up to ``depth`` functions deep: numeric towers such as sin(exp(exp(3)))."""
    leaf = src.choice(("1", "3", "x", "2", "0.5", "-1", "pi", "1e300", "1000", "i", "0"))
    text = leaf
    for _ in range(src.integer(1, depth)):
        text = f"{src.choice(FUNCTIONS)}({text})"
    return text


def small(src: Source) -> str:
    """An ordinary entry: integers, fractions, short decimals."""
    kind = src.integer(0, 3)
    if kind == 0:
        return str(src.integer(-12, 12))
    if kind == 1:
        return f"{src.integer(-9, 9)}/{src.integer(1, 9)}"
    if kind == 2:
        return f"{src.integer(0, 9)}.{src.integer(0, 99)}"
    return src.choice(("0", "1", "-1", "1/2", "0.1", "0.2", "2.5e-3", "-0"))


def entry(src: Source, depth: int = 0) -> str:
    """One entry: ordinary values mostly, edge values on purpose."""
    kind = src.integer(0, 99)
    if kind < 40 or depth > 2:
        return small(src)
    if kind < 48:
        return long_decimal(src)
    if kind < 55:
        return scientific(src)
    if kind < 61:
        return src.choice(POWERS)
    if kind < 67:
        return nested(src, src.choice((2, 4, 8)))
    if kind < 75:
        return src.choice(SYMBOLS)
    if kind < 80:
        return src.choice(CONSTANTS)
    if kind < 96:
        op = src.choice(("+", "-", "*", "/", "^", " + ", " * "))
        return f"({entry(src, depth + 1)}{op}{entry(src, depth + 1)})"
    if kind < 98:
        return src.choice(HOSTILE)
    return garbage(src)


def garbage(src: Source) -> str:
    """Token soup from the grammar, random Unicode, or nesting past the limit (50)."""
    kind = src.integer(0, 2)
    if kind == 0:
        return "".join(src.choice(TOKENS) for _ in range(src.integer(1, 12)))
    if kind == 1:
        return "".join(chr(src.integer(1, 0x2FFF)) for _ in range(src.integer(1, 12)))
    depth = src.choice((49, 50, 51, 200, 1000))
    opener = src.choice(("(", "sqrt(", "-", "√"))
    return opener * depth + "1" + (")" * depth if opener.endswith("(") else "")


# --- operands ------------------------------------------------------------------------------

LARGE = (10, 50, 100, 200, 201)
BIG_ENTRIES = ("1", "1/3", "0.5", "x", "2", "sqrt(2)", "1.000000000000001")


def shape(src: Source, large: int) -> tuple[int, int]:
    """Rows and columns: small mostly, large (up to 201) with ``large`` percent."""
    if chance(src, large):
        return src.choice(LARGE), src.choice((1, *LARGE))
    return src.integer(1, 4), src.integer(1, 4)


def grid_text(rows: list[list[str]], src: Source) -> str:
    """Rows of entries written in one of the layouts the parser reads."""
    layout = src.integer(0, 4)
    if len(rows) == 1 and layout < 3:
        row = rows[0]
        return ("[{}]", "{}", "({})")[layout].format(", ".join(row))
    if layout in (0, 3):
        return "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"
    if layout == 1:
        return "; ".join(", ".join(row) for row in rows)
    return "[" + "; ".join(", ".join(row) for row in rows) + "]"


def matrix(src: Source, rows: int, cols: int) -> str:
    """A ``rows``×``cols`` operand (one row: a vector); large ones repeat one cheap entry."""
    if rows * cols > 400:
        value = src.choice(BIG_ENTRIES)
        return grid_text([[value] * cols for _ in range(rows)], src)
    edgy = chance(src, 50)  # else ordinary entries only, to reach every renderer often
    cells = [[entry(src) if edgy else small(src) for _ in range(cols)] for _ in range(rows)]
    if chance(src, 5):  # a ragged matrix
        cells[-1] = cells[-1][:-1] or ["1", "2"]
    return grid_text(cells, src)


def operand(src: Source, kind: str = "any", large: int = 3) -> str:
    """An operand's text: a vector or a matrix (``kind``), a bare name, or garbage."""
    pick = src.integer(0, 99)
    if pick < 3:
        return src.choice(("a", "b", "A", "x", "W"))  # a bare name, for --dim and --shape
    if pick < 5:
        return src.choice(HOSTILE) or "[]"
    rows, cols = shape(src, large)
    if kind == "vector" or (kind == "any" and chance(src, 50)):
        rows = 1
    return matrix(src, rows, cols)


def size(src: Source, large: int) -> int:
    """One dimension: 1 to 4 mostly, up to 201 with ``large`` percent."""
    return src.choice(LARGE) if chance(src, large) else src.integer(1, 4)


def operands_for(src: Source, operation: str, large: int) -> list[str]:
    """Operands for ``operation``, of shapes its rule allows mostly (mismatched 1 in 10)."""
    if chance(src, 10):
        count = {"norm": 1, "transpose": 1, "linear": 3, "attention": 3}.get(operation, 2)
        return [operand(src, "any", large) for _ in range(count)]
    n, m, k = size(src, large), size(src, large), size(src, large)
    if chance(src, 3):  # bare names, for --dim and --shape
        names = [src.choice(("a", "A", "x")), src.choice(("b", "B", "y"))]
        return names[:1] if operation in ("norm", "transpose") else names
    if operation in ("dot", "cos", "angle", "project"):
        return [matrix(src, 1, n), matrix(src, 1, n)]
    if operation in ("norm", "transpose"):
        return [matrix(src, 1 if chance(src, 60) else m, n)]
    if operation == "outer":
        return [matrix(src, 1, n), matrix(src, 1, m)]
    if operation == "hadamard":
        return [matrix(src, m, n), matrix(src, m, n)]
    if operation == "matmul":
        return [matrix(src, m, n), matrix(src, n, k)]
    if operation == "linear":
        x = matrix(src, 1 if chance(src, 60) else k, n)
        return [matrix(src, m, n), x] + ([matrix(src, 1, m)] if chance(src, 60) else [])
    if operation == "attention":
        d_v = size(src, large)
        values = [matrix(src, k, d_v)] if chance(src, 60) else []
        return [matrix(src, m, n), matrix(src, k, n), *values]
    return [matrix(src, m, n), matrix(src, m if chance(src, 50) else 1, n)]  # compare


def array(src: Source, dims: Sequence[int]) -> str:
    """An array of rank ``len(dims)`` in nested brackets (rank 3 and more: NumPy's rules)."""
    if len(dims) == 1:
        return (
            "["
            + ", ".join(entry(src) if chance(src, 20) else small(src) for _ in range(dims[0]))
            + "]"
        )
    return "[" + ", ".join(array(src, dims[1:]) for _ in range(dims[0])) + "]"


def tensor(src: Source, rank: int) -> tuple[str, tuple[int, ...]]:
    """A small array of ``rank`` and its shape."""
    dims = tuple(src.integer(1, 3) for _ in range(rank))
    return array(src, dims), dims


EINSUM_SPECS = (
    ("ij,jk->ik", 2, 2), ("i,i->", 1, 1), ("i,j->ij", 1, 1), ("ij->ji", 2, 0), ("ii->i", 2, 0),
    ("ii", 2, 0), ("ij,ij->ij", 2, 2), ("bij,bjk->bik", 3, 3), ("...ij,...jk->...ik", 3, 2),
    ("ijk->", 3, 0), ("ij,jk", 2, 2), ("i,i,i->i", 1, 1), ("ij,jk->ikx", 2, 2), ("", 1, 0),
    ("ij,,jk->ik", 2, 2), ("->", 1, 0), ("Ab,bC->AC", 2, 2), ("i j,j k->i k", 2, 2),
    ("ab" * 30 + "->", 2, 0), ("ij,jk->ik" + ",kl" * 9, 2, 2),
)  # fmt: skip


def einsum_case(src: Source, large: int) -> Case:
    """``einsum SPEC OPERANDS...``: the spec's ranks mostly, sizes that agree or not."""
    spec, rank_a, rank_b = src.choice(EINSUM_SPECS)
    count = spec.split("->")[0].count(",") + 1
    n = size(src, large // 2)
    operands = []
    for index in range(count):
        rank = rank_a if index == 0 else (rank_b or rank_a)
        if chance(src, 70):  # sizes that agree: every axis n
            operands.append(array(src, (n,) * rank) if n**rank <= 400 else matrix(src, n, n))
        else:
            operands.append(tensor(src, rank)[0])
    made = Case("einsum", [spec, *operands])
    if chance(src, 5):
        made.operands = [spec, *["A", "B", "C"][:count]]
        made.options["shape"] = [src.choice(("2x3", "3x4", "2x3x4", "0x1", "201x201", "x"))] * count
    if chance(src, 15):
        made.options["entry"] = src.choice((*ENTRIES, "1,1,1", "1,2,3"))
    return made


SHAPE_EXPRESSIONS = (
    "x @ W.T + b", "a * b", "x @ y", "np.dot(a, b)", "torch.matmul(x, y)",
    "q @ k.transpose(-2, -1)",
    "a.T @ a", "x.reshape(2, -1)", "x.view(-1)", "torch.cat([a, b], dim=0)", "a + b", "x @ W",
    "F.linear(x, W, b)", "np.einsum('ij,jk->ik', a, b)", "x.sum(0)", "x.mean(dim=-1)",
    "softmax(q @ k.T / 8, dim=-1) @ v", "a[0]", "x.unsqueeze(1) * y", "x @", "__import__('os')",
    "a" * 200, "(" * 60 + "a" + ")" * 60, "x @ W.T + b @ c @ d @ e @ f", "lambda: 0", "",
)  # fmt: skip
BINDINGS = (
    "x=32x784", "W=10x784", "b=10", "a=2x3", "b=3x4", "y=4", "q=8x64", "k=8x64", "v=8x32",
    "a=0", "x=10000000x10000000", "a=2x3x4x5x6x7x8x9x10", "bad", "a=", "=2", "x=2x-3", "a=3",
    "W=784x10", "c=1", "d=2x2", "e=2x2", "f=2x2",
)  # fmt: skip
WHY_MESSAGES = (
    "mat1 and mat2 shapes cannot be multiplied (32x784 and 512x10)",
    "RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton "
    "dimension 1",
    "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
    "signature (n?,k),(k,m?)->(n?,m?) (size 3 is different from 4)",
    "operands could not be broadcast together with shapes (2,3) (4,)",
    "shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)",
    "size mismatch, m1: [2 x 3], m2: [4 x 5]", "mat1 and mat2 shapes cannot be multiplied "
    "(99999999999999999999x1 and 2x3)", "hello", "", "Traceback (most recent call last):\n  x",
    "mat1 and mat2 shapes cannot be multiplied (0x0 and 0x0)",
)  # fmt: skip


SHAPE_PROBLEMS = (
    ("x @ W.T + b", ("x=32x784", "W=10x784", "b=10")),
    ("a * b", ("a=2x3", "b=3")),
    ("x @ y", ("x=2x3", "y=3x4")),
    ("np.dot(a, b)", ("a=2x3x4", "b=5x4x6")),
    ("torch.matmul(x, y)", ("x=2x3x4", "y=4x5")),
    ("q @ k.transpose(-2, -1)", ("q=8x64", "k=8x64")),
    ("a.T @ a", ("a=3x2",)),
    ("F.linear(x, W, b)", ("x=32x784", "W=10x784", "b=10")),
    ("softmax(q @ k.T / 8, dim=-1) @ v", ("q=8x64", "k=8x64", "v=8x32")),
    ("x.unsqueeze(1) * y", ("x=4", "y=3")),
    (
        "x @ W.T + b @ c @ d @ e @ f",
        ("x=2x2", "W=2x2", "b=2x2", "c=2x2", "d=2x2", "e=2x2", "f=2x2"),
    ),
)


def shapes_case(src: Source) -> Case:
    """``shapes EXPR NAME=SHAPE...``: bindings that fit mostly, a misfit or garbage at times."""
    expression, fitting = src.choice(SHAPE_PROBLEMS)
    bindings = list(fitting)
    if chance(src, 40):
        bindings[src.integer(0, len(bindings) - 1)] = src.choice(BINDINGS)
    if chance(src, 10):
        expression = src.choice(SHAPE_EXPRESSIONS)
    made = Case("shapes", [expression, *bindings])
    if chance(src, 30):
        made.options["lib"] = src.choice(("torch", "numpy", "jax"))
    return made


# --- options -------------------------------------------------------------------------------

DECIMALS = (4, 0, 50, 2, 1, 51, -1, 28, 29, 30)
DIMS = ("3", "1", "n", "N", "0", "2", "10000", "10001", "³", "-1", "1e3", "x", "k", "")
SHAPES = (
    "2x3", "1x1", "mxn", "200x200", "201x1", "0x0", "2×3", "3x", "x", "nxn", "10000x1", "2x2",
)  # fmt: skip
ENTRIES = ("1,1", "2,1", "1,2", "0,0", "99,99", "a,b", "1", "-1,1", "1,1,1", "200,200", "")
EXPLAIN = ("dot", "hadamard", "outer", "atb", "cos", "ab", "ba", "AB", "A∘B", "ax", "nope", "")
WORKSHEET_TOPICS = (
    "dot", "norm", "cos", "angle", "hadamard", "matmul", "shapes", "outer", "project",
    "linear", "attention", "products",
)  # fmt: skip
ANSWERS = (
    "undefined", "未定义", "32", "0", "1/2", "sqrt(2)/2", "45°", "π/4", "3,74", "2x3", "(2, 3)",
    "32x10", "[[1, 2], [3, 4]]", "3x4x5",
)  # fmt: skip
FORMATS = ("text", "json", "latex", "markdown", "html")
LANGS = ("en", "zh")
SHEET_FORMATS = ("markdown", "latex", "html", "moodle", "gift", "qti", "canvas")
EXPLAINING = (
    "dot", "norm", "cos", "angle", "hadamard", "matmul", "outer", "transpose", "project",
    "linear", "attention",
)  # fmt: skip
ARRAYS = ("einsum", "shapes", "why")
COMMANDS = (*EXPLAINING, *ARRAYS, "compare", "guide", "check", "worksheet")
# The commands with operands twice as often as those whose inputs are short texts or options.
COMMAND_MIX = (
    *EXPLAINING, "compare", "check", "einsum", *EXPLAINING, "compare", "check", "einsum",
    "shapes", "why", "guide", "worksheet",
)  # fmt: skip
BOUND_OPTIONS = (
    ("bound_time", (0.001, 3600, 0.5, 0, -1, 3601)),
    ("max_terms", (1, 10, 1000, 10**9, 0, 10**9 + 1)),
    ("memory_limit", (64, 256, 63, 0)),
)
HOSTILE_TEXT = ("Week 3", "<script>alert(1)</script>", "\\end{document}", "$$x$$", "a & b", "")


@dataclass
class Case:
    """One command to run: its name, operands (in order) and options (API names)."""

    command: str
    operands: list[str]
    options: dict[str, Any] = field(default_factory=dict)
    fmt: str = "text"
    lang: str = "en"

    def describe(self) -> str:
        """A line a person can paste to reproduce the case."""
        where = f"--format {self.fmt} --lang {self.lang}"
        shown = [_shortened(text) for text in self.operands]
        return f"{self.command} {shown!r} {self.options!r} {where}"


def _shortened(text: str, width: int = 300) -> str:
    """An operand as shown in a report: a long one (a large matrix) cut, its length said."""
    return text if len(text) <= width else f"{text[:width]}… ({len(text):,} characters)"


def _common(src: Source, case: Case, full: bool = True) -> None:
    """Options every explaining command has: --decimals and --full, at and past their bounds."""
    if chance(src, 40):
        case.options["decimals"] = src.choice(DECIMALS)
    if full and chance(src, 30):
        case.options["full"] = True


def _explaining(src: Source, command: str, large: int) -> Case:
    if command == "cos" and chance(src, 15):
        rows, cols = size(src, large), size(src, large)
        case = Case(command, [matrix(src, rows, cols)], {"pairwise": True})
    else:
        case = Case(command, operands_for(src, command, large))
    _common(src, case, full=command != "transpose")
    if command in ("dot", "norm", "cos", "angle", "hadamard") and chance(src, 10):
        case.options["dim"] = src.choice(DIMS)
    if command == "dot" and chance(src, 25):
        case.options["complex"] = True
    if command == "hadamard" and chance(src, 10):
        case.options["shape"] = src.choice(SHAPES)
    if command == "matmul":
        if chance(src, 10):
            case.options["shape"] = src.choice(SHAPES)
            if chance(src, 60):
                case.options["shape_b"] = src.choice(SHAPES)
        if chance(src, 15):
            case.options["entry"] = src.choice(ENTRIES)
    if command in ("hadamard", "matmul") and chance(src, 10):  # arrays of rank 3: NumPy's rules
        first, dims = tensor(src, 3)
        second = array(src, dims if command == "hadamard" else (*dims[:1], dims[2], 2))
        case.operands = [first, second if chance(src, 80) else tensor(src, src.integer(1, 3))[0]]
    if command == "hadamard" and chance(src, 10):
        case.options["broadcast"] = True
    if chance(src, 8):
        case.options["code"] = src.choice(("numpy", "torch", "jax"))
    if command == "attention":
        if chance(src, 10):
            case.options["heads"] = src.choice((1, 2, 0, -1, 3, 64))
        if chance(src, 20):
            case.options["scale"] = False
        if chance(src, 20):
            case.options["causal"] = True
    return case


def _check(src: Source, large: int) -> Case:
    operation = src.choice((*EXPLAINING, "shapes", "einsum", "broadcast", "codeshapes", "nope"))
    if operation == "einsum":
        operands = einsum_case(src, large).operands
    elif operation == "codeshapes":
        operands = shapes_case(src).operands
    else:
        operands = operands_for(src, "hadamard" if operation == "broadcast" else operation, large)
    answer = src.choice(ANSWERS) if chance(src, 30) else operand(src, "any", 0)
    case = Case("check", [operation, *operands], {"answer": answer})
    if chance(src, 20):
        case.options["tolerance"] = src.choice((0.001, 0.0, 1.0, -1.0, 1e-30, 1e30))
    if chance(src, 20):
        case.options["time_limit"] = src.choice((2.0, 0.001, 0.5, -1.0, 1e9))
    for name, value in (("explain", True), ("decimal_comma", True), ("complex", True)):
        if chance(src, 10):
            case.options[name] = value
    if operation == "angle" and chance(src, 30):
        case.options["unit"] = src.choice(("degrees", "radians", "grads"))
    if operation == "matmul" and chance(src, 15):
        case.options["entry"] = src.choice(ENTRIES)
    return case


def _worksheet(src: Source) -> Case:
    options: dict[str, Any] = {"seed": src.choice((0, 1, 7, 2**64 - 1, 2**64, -1, 123456789))}
    options["count"] = src.choice((1, 3, 0, 10, 51, -1)) if chance(src, 50) else 2
    if chance(src, 60):
        chosen = {src.choice(WORKSHEET_TOPICS) for _ in range(src.integer(1, 3))}
        options["topics"] = ",".join(sorted(chosen)) if not chance(src, 10) else "dot,,nope"
    for name, values in (
        ("difficulty", ("medium", "easy", "hard", "impossible")),
        ("solutions", ("none", "answers", "full")),
        ("title", HOSTILE_TEXT),
        ("date", HOSTILE_TEXT),
    ):
        if chance(src, 30):
            options[name] = src.choice(values)
    return Case("worksheet", [], options, fmt=src.choice(SHEET_FORMATS))


def case(src: Source, large: int = 3) -> Case:
    """One random command, with ``large`` percent of its operands large (up to 201×201)."""
    command = src.choice(COMMAND_MIX)
    if command in EXPLAINING:
        made = _explaining(src, command, large)
    elif command == "compare":
        made = Case(command, operands_for(src, command, large))
        if chance(src, 30):
            made.options["explain"] = src.choice(EXPLAIN)
        if chance(src, 30):
            made.options["decimals"] = src.choice(DECIMALS)
    elif command == "guide":
        topic = src.choice(("", "dot", "matmul", "softmax", "点积", "nope", "attention"))
        made = Case(command, [topic] if topic else [], {"all": chance(src, 5)})
    elif command == "check":
        made = _check(src, large)
    elif command == "einsum":
        made = einsum_case(src, large)
        _common(src, made)
    elif command == "shapes":
        made = shapes_case(src)
    elif command == "why":
        message = src.choice(WHY_MESSAGES) if chance(src, 80) else operand(src)
        made = Case(command, [message])
    else:
        made = _worksheet(src)
    if command == "check" and chance(src, 80):
        made.fmt = src.choice(("text", "json"))  # the formats check renders
    elif command != "worksheet":
        made.fmt = src.choice(FORMATS)
    made.lang = src.choice(LANGS)
    if command != "check" and chance(src, 5):  # the bounds of every command, at their edges
        name, values = src.choice(BOUND_OPTIONS)
        made.options[name] = src.choice(values)
    if made.fmt == "latex" and chance(src, 20):
        made.options["standalone"] = True
    if made.fmt == "text" and chance(src, 20):
        made.options["color"] = True
    return made


@st.composite
def cases(draw: Callable[[st.SearchStrategy[Any]], Any], large: int = 3) -> Case:
    """Hypothesis strategy of :class:`Case` (shrinks through the same choices)."""
    return case(HypothesisSource(draw), large)
