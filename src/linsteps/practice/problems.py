"""Seeded problem generators, one per topic, with numbers chosen for hand computation.

Every draw goes through :class:`Draw`, which uses only ``random.Random.randrange``: its
algorithm (``getrandbits`` with rejection) is the same on every Python version we support,
so a seed gives the same problems everywhere.  Generators build exact entries without SymPy
and write them in the input syntax (``3/2``, ``2*sqrt(3)``, ``-x``); the explainer derives the
answers from those strings.

cos and angle problems are built to have clean answers: vectors with integer norms ((3, 4),
(2, 3, 6), …) and, for θ, known direction pairs (π/6, π/4, π/3, π/2, 2π/3, 3π/4, 5π/6) moved by
random scaling, axis permutations and sign flips, which keep the angle.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from linsteps.errors import UsageError

TOPICS = (
    "dot", "norm", "cos", "angle", "hadamard", "matmul", "shapes",
    "outer", "project", "linear", "attention", "products",
)  # fmt: skip
# The default mix: the core explainer's topics and shape questions; the general forms (outer
# products, projections, linear layers, attention) and "which product is this?" are on a sheet
# when ``--topics`` names them.
DEFAULT_TOPICS = TOPICS[:7]
DIFFICULTIES = ("easy", "medium", "hard")
SYMMETRIC = frozenset({"dot", "cos", "angle", "hadamard"})
SHAPE_PARTS = (
    ("AB", "matmul", (0, 1)),
    ("BA", "matmul", (1, 0)),
    ("A∘B", "hadamard", (0, 1)),
    ("a·b", "dot", (2, 3)),
)


@dataclass(frozen=True)
class Surd:
    """The entry ``coef·√radicand`` (radicand square-free, > 1)."""

    coef: int
    radicand: int


@dataclass(frozen=True)
class Symbol:
    """The entry ``coef·name``."""

    coef: int
    name: str


Entry = int | Fraction | Surd | Symbol
Operand = Sequence[Entry] | Sequence[Sequence[Entry]]


@dataclass(frozen=True)
class Problem:
    """One problem: the topic, the explainer's operation and its inputs in the input syntax.

    ``options`` are the keyword options of the operation (none so far), or for a shape
    question the parts asked: each an expression, an operation and the indices of its inputs.
    """

    topic: str
    operation: str
    inputs: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    entries: tuple[Operand, ...] = field(default=(), compare=False, hash=False)

    def identity(self) -> tuple[str, tuple[str, ...]]:
        """Return what makes two problems the same (operands in either order for a·b)."""
        inputs = tuple(sorted(self.inputs)) if self.operation in SYMMETRIC else self.inputs
        product = self.options.get("product")
        return (f"{self.operation}:{product}" if product else self.operation, inputs)


@dataclass(frozen=True)
class Level:
    """Sizes and ranges of one difficulty, widened by ``spread`` when problems repeat."""

    name: str
    lengths: tuple[int, ...]
    low: int
    high: int
    shapes: tuple[tuple[int, int, int], ...]  # m, n, p of an m×n · n×p product
    fractions: bool = False
    surds: bool = False
    symbols: bool = False
    signs: bool = False
    spread: int = 0
    layers: tuple[tuple[int, int], ...] = ((2, 2), (2, 3), (3, 2))  # out, in features
    heads: tuple[tuple[int, int, int], ...] = ((2, 2, 1),)  # queries, keys, d_k

    @property
    def top(self) -> int:
        """Return the largest absolute entry allowed."""
        return max(abs(self.low), self.high) + self.spread


LEVELS = {
    "easy": Level(
        "easy",
        (2, 3),
        0,
        5,
        ((2, 2, 2), (2, 2, 1), (2, 3, 2), (3, 2, 2), (2, 3, 1)),
        layers=((2, 2), (2, 3), (3, 2)),
        heads=((1, 2, 1), (2, 2, 1), (2, 3, 1)),
    ),
    "medium": Level(
        "medium",
        (3, 4),
        -9,
        9,
        ((2, 3, 2), (3, 2, 2), (2, 2, 3), (3, 3, 1), (2, 3, 1), (3, 2, 3)),
        fractions=True,
        signs=True,
        layers=((2, 3), (3, 2), (3, 3), (2, 4)),
        heads=((2, 2, 1), (2, 3, 1), (2, 2, 4), (1, 3, 4)),
    ),
    "hard": Level(
        "hard",
        (3, 4),
        -9,
        9,
        ((3, 3, 3), (2, 4, 2), (2, 4, 3), (3, 3, 1), (2, 4, 1), (4, 2, 4)),
        surds=True,
        symbols=True,
        signs=True,
        layers=((3, 3), (3, 4), (4, 3), (2, 4)),
        heads=((2, 2, 2), (2, 3, 2), (2, 2, 4), (3, 3, 1)),
    ),
}


class Draw:
    """Random choices from a ``random.Random``, through ``randrange`` only."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def below(self, n: int) -> int:
        """Return an integer in [0, n)."""
        return self.rng.randrange(n)

    def between(self, low: int, high: int) -> int:
        """Return an integer in [low, high]."""
        return low + self.rng.randrange(high - low + 1)

    def chance(self, numerator: int, denominator: int) -> bool:
        """Return True with probability numerator/denominator."""
        return self.rng.randrange(denominator) < numerator

    def pick(self, items: Sequence[Any]) -> Any:
        """Return one item."""
        return items[self.rng.randrange(len(items))]

    def permutation(self, n: int) -> list[int]:
        """Return a permutation of range(n) (Fisher–Yates)."""
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.rng.randrange(i + 1)
            order[i], order[j] = order[j], order[i]
        return order


# --- writing entries in the input syntax ------------------------------------------------------


def entry_text(x: Entry) -> str:
    """Return an entry in the input syntax: ``3``, ``-3/2``, ``2*sqrt(3)``, ``-x``."""
    if isinstance(x, Surd):
        root = f"sqrt({x.radicand})"
        return root if x.coef == 1 else f"-{root}" if x.coef == -1 else f"{x.coef}*{root}"
    if isinstance(x, Symbol):
        return x.name if x.coef == 1 else f"-{x.name}" if x.coef == -1 else f"{x.coef}*{x.name}"
    if isinstance(x, Fraction):
        return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    return str(x)


def vector_text(entries: Sequence[Entry]) -> str:
    """Return ``[1, 2, 3]``."""
    return "[" + ", ".join(entry_text(x) for x in entries) + "]"


def matrix_text(rows: Sequence[Sequence[Entry]]) -> str:
    """Return ``[[1, 2], [3, 4]]``."""
    return "[" + ", ".join(vector_text(row) for row in rows) + "]"


def problem(topic: str, *operands: Operand, options: dict[str, Any] | None = None) -> Problem:
    """Return a problem of ``topic`` (also its operation) on vectors (lists of entries) and
    matrices (lists of rows), keeping the entries beside their text."""
    texts = tuple(
        matrix_text(op) if op and isinstance(op[0], list) else vector_text(op)  # type: ignore[arg-type]
        for op in operands
    )
    return Problem(topic, topic, texts, options or {}, operands)


# --- random entries ---------------------------------------------------------------------------


def integer(draw: Draw, level: Level, nonzero: bool = False) -> int:
    """Return a random integer entry of the level's range."""
    low = level.low - level.spread if level.low < 0 else level.low
    while True:
        value = draw.between(low, level.high + level.spread)
        if value or not nonzero:
            return value


def fancy(draw: Draw, level: Level, symbols: bool = True) -> Entry:
    """Return an entry that is not a plain integer: a fraction, a surd or a symbol."""
    kinds = []
    if level.fractions:
        kinds.append("fraction")
    if level.surds:
        kinds.append("surd")
    if level.symbols and symbols:
        kinds.append("symbol")
    kind = draw.pick(kinds)
    sign = -1 if level.signs and draw.chance(1, 3) else 1
    if kind == "fraction":
        q = draw.pick((2, 3, 4))
        p = draw.between(1, 2 * q + 1)
        if p % q == 0:
            p += 1
        return Fraction(sign * p, q)
    if kind == "surd":
        return Surd(sign * draw.between(1, 3), draw.pick((2, 3, 5)))
    return Symbol(sign * draw.between(1, 2), draw.pick(("x", "y")))


def vector(draw: Draw, level: Level, n: int, extras: int = 1, symbols: bool = True) -> list[Entry]:
    """Return n entries; up to ``extras`` of them fractions, surds or symbols when the level
    has them (in about half of the problems)."""
    values: list[Entry] = [integer(draw, level) for _ in range(n)]
    has_extras = level.fractions or level.surds or (level.symbols and symbols)
    if has_extras and draw.chance(1, 2):
        for _ in range(draw.between(1, extras)):
            values[draw.below(n)] = fancy(draw, level, symbols)
    if all(v == 0 for v in values):
        values[draw.below(n)] = integer(draw, level, nonzero=True) or 1
    return values


def matrix(draw: Draw, level: Level, rows: int, cols: int) -> list[list[Entry]]:
    """Return a rows×cols matrix of entries (at most one fraction, surd or symbol)."""
    flat = vector(draw, level, rows * cols, extras=1)
    return [flat[i * cols : (i + 1) * cols] for i in range(rows)]


# --- known directions -------------------------------------------------------------------------

# Vectors with integer norms, up to order and signs.
PYTHAGOREAN: tuple[tuple[int, ...], ...] = (
    (3, 4), (5, 12), (6, 8), (8, 15), (0, 5),
    (1, 2, 2), (2, 3, 6), (1, 4, 8), (4, 4, 7), (2, 6, 9), (6, 6, 7), (0, 3, 4), (2, 4, 4),
    (1, 1, 1, 1), (1, 2, 2, 4), (2, 4, 5, 6), (1, 1, 3, 5), (2, 2, 4, 5), (0, 1, 2, 2),
)  # fmt: skip

# Vectors with a surd entry and an integer norm (hard).
PYTHAGOREAN_SURDS: tuple[tuple[Entry, ...], ...] = (
    (1, Surd(1, 3)), (2, Surd(1, 5)), (3, Surd(1, 7)), (Surd(1, 2), Surd(1, 2)),
    (1, 1, Surd(1, 2)), (2, Surd(1, 5), 2), (Surd(1, 3), Surd(1, 6)),
)  # fmt: skip

# Direction pairs with a known angle, as (angle, a, b).
ANGLE_PAIRS: tuple[tuple[str, tuple[Entry, ...], tuple[Entry, ...]], ...] = (
    ("pi/4", (1, 0), (1, 1)),
    ("pi/4", (1, 2), (3, 1)),
    ("pi/4", (3, 4), (7, 1)),
    ("pi/2", (1, 0), (0, 1)),
    ("pi/2", (1, 2, 0), (0, 0, 1)),
    ("pi/2", (1, 2), (-2, 1)),
    ("pi/2", (1, 2, 3), (3, 0, -1)),
    ("pi/2", (2, 1, 2), (1, -2, 0)),
    ("pi/3", (1, 1, 0), (0, 1, 1)),
    ("pi/3", (1, 1, 0, 0), (1, 0, 1, 0)),
    ("pi/6", (0, 1, 1), (1, 1, 2)),
    ("pi/6", (1, 1, 1, 1), (1, 1, 1, 0)),
    ("2*pi/3", (1, 1, 0), (-1, 0, 1)),
    ("2*pi/3", (1, -1, 0), (0, 1, -1)),
    ("3*pi/4", (1, 0), (-1, 1)),
    ("3*pi/4", (1, 2), (-3, -1)),
    ("5*pi/6", (0, 1, 1), (-1, -1, -2)),
    ("pi/3", (1, 0), (1, Surd(1, 3))),
    ("pi/6", (1, 0), (Surd(1, 3), 1)),
    ("2*pi/3", (1, 0), (-1, Surd(1, 3))),
    ("5*pi/6", (1, 0), (Surd(-1, 3), 1)),
)


def _negative(x: Entry) -> bool:
    if isinstance(x, Surd | Symbol):
        return x.coef < 0
    return x < 0


def _negate(x: Entry) -> Entry:
    if isinstance(x, Surd):
        return Surd(-x.coef, x.radicand)
    if isinstance(x, Symbol):
        return Symbol(-x.coef, x.name)
    return -x


def _scale(x: Entry, k: int) -> Entry:
    if isinstance(x, Surd):
        return Surd(x.coef * k, x.radicand)
    if isinstance(x, Symbol):
        return Symbol(x.coef * k, x.name)
    return x * k


def _size(x: Entry) -> int:
    if isinstance(x, Surd | Symbol):
        return abs(x.coef)
    return int(abs(x.numerator) // x.denominator) if isinstance(x, Fraction) else abs(x)


def _fits(entries: Sequence[Entry], level: Level) -> bool:
    """Return True when the entries respect the level (signs, surds, range)."""
    if not level.signs and any(_negative(x) for x in entries):
        return False
    if not level.surds and any(isinstance(x, Surd) for x in entries):
        return False
    return all(_size(x) <= level.top for x in entries)


def _largest_scale(entries: Sequence[Entry], level: Level) -> int:
    biggest = max(_size(x) for x in entries) or 1
    return max(1, level.top // biggest)


def move(draw: Draw, level: Level, vectors: Sequence[Sequence[Entry]]) -> list[list[Entry]]:
    """Pad with zeros to a length of the level, permute axes and flip signs (the same for
    every vector), and scale each vector by its own positive integer: angles do not change."""
    n = len(vectors[0])
    target = max(n, draw.pick(level.lengths))
    padded = [list(v) + [0] * (target - n) for v in vectors]
    order = draw.permutation(target)
    flips = [level.signs and draw.chance(1, 3) for _ in range(target)]
    out = []
    for v in padded:
        moved = [_negate(v[i]) if flips[k] else v[i] for k, i in enumerate(order)]
        k = draw.between(1, _largest_scale(moved, level))
        out.append([_scale(x, k) for x in moved])
    return out


def _usable(level: Level, *vectors: Sequence[Entry]) -> bool:
    return all(_fits(v, level) for v in vectors) and all(
        len(v) <= max(level.lengths) for v in vectors
    )


# --- generators -------------------------------------------------------------------------------


def dot(draw: Draw, level: Level, undefined: bool) -> Problem:
    """a·b of two vectors of the same length (different lengths when ``undefined``)."""
    n = draw.pick(level.lengths)
    m = n + draw.pick((-1, 1)) if undefined else n
    m = m if m >= 2 else n + 1
    a, b = vector(draw, level, n), vector(draw, level, m)
    return problem("dot", a, b)


def norm(draw: Draw, level: Level, undefined: bool) -> Problem:
    """‖a‖: half the time a vector with an integer norm, else a single surd."""
    if draw.chance(1, 2):
        choices: list[tuple[Entry, ...]] = [v for v in PYTHAGOREAN if len(v) <= max(level.lengths)]
        if level.surds:
            choices += [v for v in PYTHAGOREAN_SURDS if len(v) <= max(level.lengths)]
        (a,) = move(draw, level, [draw.pick(choices)])
        if _usable(level, a):
            if level.fractions and draw.chance(1, 4):
                a = [Fraction(x, 2) if isinstance(x, int) else x for x in a]
            return problem("norm", a)
    a = vector(draw, level, draw.pick(level.lengths), symbols=False)
    return problem("norm", a)


def cos(draw: Draw, level: Level, undefined: bool) -> Problem:
    """cos θ with a vector of integer norm and another of integer or surd norm."""
    choices: list[tuple[Entry, ...]] = [v for v in PYTHAGOREAN if len(v) <= max(level.lengths)]
    if level.surds:
        choices += [v for v in PYTHAGOREAN_SURDS if len(v) <= max(level.lengths)]
    for _ in range(50):
        first = draw.pick(choices)
        if draw.chance(1, 2):
            same = [v for v in choices if len(v) == len(first)]
            a, b = move(draw, level, [first, draw.pick(same)])
        else:
            (a,) = move(draw, level, [first])
            b = [integer(draw, level) for _ in a]
        if _usable(level, a, b) and any(x != 0 for x in b) and a != b:
            if level.fractions and draw.chance(1, 4):
                a = [Fraction(x, 2) if isinstance(x, int) else x for x in a]
            return problem("cos", a, b)
    return problem("cos", [3, 4], [4 + level.spread, 3])


def angle(draw: Draw, level: Level, undefined: bool) -> Problem:
    """θ between a known direction pair, moved so that its angle stays clean."""
    pairs = [p for p in ANGLE_PAIRS if _usable(level, p[1], p[2])]
    for _ in range(50):
        _, a0, b0 = draw.pick(pairs)
        a, b = move(draw, level, [a0, b0])
        if draw.chance(1, 2):
            a, b = b, a
        if _usable(level, a, b):
            return problem("angle", a, b)
    k = 1 + level.spread
    return problem("angle", [k, 0], [1, 1])


def hadamard(draw: Draw, level: Level, undefined: bool) -> Problem:
    """A∘B of two matrices (or vectors) of one shape; transposed shapes when ``undefined``."""
    m, n, _ = draw.pick(level.shapes)
    n = max(n, 2)
    if draw.chance(1, 4):
        size = draw.pick(level.lengths)
        a = vector(draw, level, size)
        b = vector(draw, level, size + 1 if undefined else size)
        return problem("hadamard", a, b)
    if undefined and m == n:
        n += 1
    rows_b, cols_b = (n, m) if undefined else (m, n)
    a_rows, b_rows = matrix(draw, level, m, n), matrix(draw, level, rows_b, cols_b)
    return problem("hadamard", a_rows, b_rows)


def matmul(draw: Draw, level: Level, undefined: bool) -> Problem:
    """AB with m×n · n×p (a vector when p is 1); inner sizes that differ when ``undefined``."""
    m, n, p = draw.pick(level.shapes)
    if undefined:
        k = n + draw.pick((-1, 1)) if n > 2 else n + 1
        a, b = matrix(draw, level, m, n), matrix(draw, level, k, max(p, 2))
        if m == k and draw.chance(1, 2):
            b = matrix(draw, level, k, n)
        return problem("matmul", a, b)
    a = matrix(draw, level, m, n)
    if p == 1:
        return problem("matmul", a, vector(draw, level, n))
    return problem("matmul", a, matrix(draw, level, n, p))


def shapes(draw: Draw, level: Level, undefined: bool) -> Problem:
    """Which of AB, BA, A∘B and a·b are defined, and their shapes (small integer entries).

    B is A's shape transposed (AB and BA defined), A's shape (A∘B defined), a shape that
    chains on one side only, or any shape; a and b have the same length half the time."""
    high = 3 if level.name == "easy" else 4
    m = draw.between(1, high)
    n = draw.pick([k for k in range(2, high + 1) if k != m])
    p = draw.pick([k for k in range(1, high + 1) if k != m])
    kind = draw.below(4)
    b_shape = ((n, m), (m, n), (n, p), (draw.between(1, high), draw.between(1, high)))[kind]
    plain = LEVELS["easy"]
    a_rows, b_rows = matrix(draw, plain, m, n), matrix(draw, plain, *b_shape)
    size = draw.between(2, high)
    other = size if draw.chance(1, 2) else draw.pick([k for k in range(2, high + 2) if k != size])
    a, b = vector(draw, plain, size), vector(draw, plain, other)
    parts = [
        {"expression": expr, "operation": op, "inputs": list(indices)}
        for expr, op, indices in SHAPE_PARTS
    ]
    return problem("shapes", a_rows, b_rows, a, b, options={"parts": parts})


# Directions b with a vector w orthogonal to it: a = t·b + s·w projects onto b as t·b.
PROJECTIONS: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = (
    ((1, 0), (0, 1)), ((1, 1), (1, -1)), ((3, 4), (4, -3)), ((1, 2), (2, -1)),
    ((1, 0, 0), (0, 1, 1)), ((1, 1, 0), (1, -1, 2)), ((1, 2, 2), (2, 1, -2)),
    ((2, 1, 2), (1, 0, -1)), ((1, 1, 1), (1, -1, 0)), ((0, 3, 4), (1, 0, 0)),
    ((2, 3, 6), (3, -2, 0)),
)  # fmt: skip


def outer(draw: Draw, level: Level, undefined: bool) -> Problem:
    """a bᵀ of two vectors, of the same or different lengths (always defined)."""
    n, m = draw.pick(level.lengths), draw.pick(level.lengths)
    return problem("outer", vector(draw, level, n), vector(draw, level, m))


def project(draw: Draw, level: Level, undefined: bool) -> Problem:
    """proj_b a with a clean answer: a = t·b + s·w with w ⊥ b, so proj_b a = t·b.

    Axis permutations, sign flips and scaling (``move``) keep the answer a whole multiple of b.
    """
    low = -2 if level.signs else 0
    for _ in range(50):
        b0, w = draw.pick(PROJECTIONS)
        t = draw.between(1, 2 + level.spread) * (-1 if level.signs and draw.chance(1, 4) else 1)
        s = draw.between(low, 2 + level.spread)
        a0 = [t * x + s * y for x, y in zip(b0, w, strict=True)]
        a, b = move(draw, level, [a0, b0])
        if _usable(level, a, b) and any(a):
            return problem("project", a, b)
    k = 1 + level.spread
    return problem("project", [k, 2], [1, 0])


def linear(draw: Draw, level: Level, undefined: bool) -> Problem:
    """y = Wx + b (a batch X of two samples one time in four, beyond easy); when
    ``undefined``, x with the wrong number of in_features or b of the wrong out_features."""
    out_features, in_features = draw.pick(level.layers)
    w = matrix(draw, level, out_features, in_features)
    width, bias_length = in_features, out_features
    if undefined:
        if draw.chance(1, 2):
            width += draw.pick((-1, 1)) if width > 2 else 1
        else:
            bias_length += draw.pick((-1, 1)) if bias_length > 2 else 1
    batch = level.name != "easy" and draw.chance(1, 4)
    x: Operand = matrix(draw, level, 2, width) if batch else vector(draw, level, width)
    if draw.chance(1, 5) and not (undefined and bias_length != out_features):
        return problem("linear", w, x)
    return problem("linear", w, x, vector(draw, level, bias_length, symbols=False))


def _small(draw: Draw, level: Level, rows: int, cols: int) -> list[list[Entry]]:
    """A rows×cols matrix of small whole numbers (0..2, or −1..2 with signs)."""
    low = -1 - level.spread if level.signs else 0
    return [[draw.between(low, 2 + level.spread) for _ in range(cols)] for _ in range(rows)]


def attention(draw: Draw, level: Level, undefined: bool) -> Problem:
    """softmax(QKᵀ/√d_k)·V with tiny whole numbers, so the exact softmax stays readable; V
    half the time.  d_k is 1 or 4 below hard (an integer √d_k), 2 for hard's surds.  When
    ``undefined``, K has one more column than Q or V one row fewer than K."""
    queries, keys, d = draw.pick(level.heads)
    q = _small(draw, level, queries, d)
    if not any(any(row) for row in q):
        q[0][0] = 1  # a zero query weighs every key alike: nothing to compute
    with_values = draw.chance(1, 2)
    wrong_values = undefined and with_values and draw.chance(1, 2)
    k = _small(draw, level, keys, d + 1 if undefined and not wrong_values else d)
    if not with_values:
        return problem("attention", q, k)
    v = _small(draw, level, keys - 1 if wrong_values else keys, draw.between(1, 2))
    return problem("attention", q, k, v)


# "Which product is this, and is it defined?": a product of compare's table, its operation.
PRODUCT_CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "vectors": (("dot", "dot"), ("hadamard", "hadamard"), ("outer", "outer"), ("atb", "matmul")),
    "matrices": (
        ("ab", "matmul"),
        ("ba", "matmul"),
        ("hadamard", "hadamard"),
        ("atb", "matmul"),
        ("abt", "matmul"),
    ),
    "matrix_vector": (("ax", "matmul"), ("xta", "matmul"), ("hadamard", "hadamard")),
}


def products(draw: Draw, level: Level, undefined: bool) -> Problem:
    """One product of compare's table (a·b, a∘b, a bᵀ, aᵀb, AB, BA, A∘B, AᵀB, ABᵀ, Ax, xᵀA, A∘x)
    of two small operands: which product it is, whether it is defined, and its value.

    Sizes are 2 or 3, so that about a third of the products asked are undefined."""
    mode = draw.pick(tuple(PRODUCT_CHOICES))
    name, operation = draw.pick(PRODUCT_CHOICES[mode])
    sizes = (2, 3)
    first: Operand
    second: Operand
    if mode == "vectors":
        n = draw.pick(sizes)
        m = n if draw.chance(2, 3) else 5 - n
        first, second = vector(draw, level, n), vector(draw, level, m)
    elif mode == "matrices":
        m, n = draw.pick(sizes), draw.pick(sizes)
        shape = draw.pick(((m, n), (n, m), (draw.pick(sizes), draw.pick(sizes))))
        first, second = matrix(draw, level, m, n), matrix(draw, level, *shape)
    else:
        m, n = draw.pick(sizes), draw.pick(sizes)
        first, second = matrix(draw, level, m, n), vector(draw, level, draw.pick((m, n)))
    made = problem("products", first, second, options={"product": name})
    return Problem("products", operation, made.inputs, made.options, made.entries)


GENERATORS: dict[str, Callable[[Draw, Level, bool], Problem]] = {
    "dot": dot,
    "norm": norm,
    "cos": cos,
    "angle": angle,
    "hadamard": hadamard,
    "matmul": matmul,
    "shapes": shapes,
    "outer": outer,
    "project": project,
    "linear": linear,
    "attention": attention,
    "products": products,
}
CAN_BE_UNDEFINED = frozenset({"dot", "hadamard", "matmul", "linear", "attention"})
MAX_COUNT = 10_000


def parse_topics(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """Return the topics named in ``dot,cos`` (the default mix for None), or raise UsageError."""
    if text is None:
        return DEFAULT_TOPICS
    names = text.split(",") if isinstance(text, str) else list(text)
    topics: list[str] = []
    for raw in names:
        name = raw.strip().lower()
        if name not in GENERATORS:
            raise UsageError("bad_topic", value=raw.strip(), choices=", ".join(TOPICS))
        if name not in topics:
            topics.append(name)
    if not topics:
        raise UsageError("bad_topic", value="", choices=", ".join(TOPICS))
    return tuple(topics)


def check_count(count: int) -> int:
    """Return ``count`` when it is from 1 to 10,000."""
    if not 1 <= count <= MAX_COUNT:
        raise UsageError("bad_count", value=count, most=MAX_COUNT)
    return count


def check_difficulty(text: str) -> str:
    """Return the difficulty when it is easy, medium or hard."""
    if text not in LEVELS:
        raise UsageError("bad_difficulty", value=text, choices=", ".join(DIFFICULTIES))
    return text


def generate(seed: int, count: int, topics: Sequence[str], difficulty: str) -> list[Problem]:
    """Return ``count`` distinct problems cycling through ``topics``, drawn from ``seed``.

    A product problem is undefined about one time in five.  When a topic keeps repeating
    problems (a long sheet of one topic), its ranges widen until a new problem turns up.
    """
    draw = Draw(random.Random(seed))
    base = LEVELS[check_difficulty(difficulty)]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    repeats = dict.fromkeys(topics, 0)
    problems: list[Problem] = []
    for index in range(check_count(count)):
        topic = topics[index % len(topics)]
        undefined = topic in CAN_BE_UNDEFINED and draw.chance(1, 5)
        while True:
            level = base if not repeats[topic] else _widened(base, repeats[topic] // 8)
            problem = GENERATORS[topic](draw, level, undefined)
            if problem.identity() not in seen:
                break
            repeats[topic] += 1
        seen.add(problem.identity())
        problems.append(problem)
    return problems


def _widened(level: Level, spread: int) -> Level:
    if spread == 0:
        return level
    return replace(level, spread=spread)
