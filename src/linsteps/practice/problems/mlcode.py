"""Generators of the products as ML code writes them: einsum, broadcasting and code shapes.

Each problem is text only: an einsum spec and its operands' shapes (what product is it, and
its shape), two shapes (the shape of ``a * b``, or ``error``), or a NumPy/PyTorch expression
and the shapes of its names.  When ``undefined``, one size is changed so that NumPy or
PyTorch raises.  The key's answer is derived by :mod:`linsteps.assess.mlquestions`.
"""

from __future__ import annotations

from typing import Any

from linsteps.practice.problems.draw import Draw
from linsteps.practice.problems.levels import Level
from linsteps.practice.problems.problem import Problem

# Specs by difficulty: each level adds to the one before.
EINSUM_SPECS = {
    "easy": ("ij,jk->ik", "i,i->", "i,j->ij", "ij,ij->ij", "ij->ji", "ii->"),
    "medium": ("bij,bjk->bik", "ij,j->i", "ii->i", "ij,kj->ik", "ji,jk->ik"),
    "hard": ("bhqd,bhkd->bhqk", "i,ij,j->", "...ij,...jk->...ik", "bij,bkj->bik"),
}
_ORDER = ("easy", "medium", "hard")


def _specs(level: Level) -> tuple[str, ...]:
    index = _ORDER.index(level.name) if level.name in _ORDER else 1
    return tuple(s for name in _ORDER[: index + 1] for s in EINSUM_SPECS[name])


def _size(draw: Draw, level: Level) -> int:
    return draw.between(2, 4 + level.spread + (level.name == "hard"))


def shape_text(shape: tuple[int, ...]) -> str:
    """``2x3x4``; a vector ``3`` (the way ``linsteps shapes`` reads them)."""
    return "x".join(map(str, shape))


def _other(draw: Draw, size: int) -> int:
    return size + draw.between(1, 2)


def einsum(draw: Draw, level: Level, undefined: bool) -> Problem:
    """What does ``spec`` compute, and its shape: operands sized from the letters."""
    spec = draw.pick(_specs(level))
    terms = spec.split("->")[0].split(",")
    sizes: dict[str, int] = {}
    for letter in spec.replace("...", ""):
        if letter.isalpha() and letter not in sizes:
            sizes[letter] = _size(draw, level)
    batch = tuple(_size(draw, level) for _ in range(draw.between(1, 2)))
    shapes = []
    for term in terms:
        own = batch if term.startswith("...") else ()
        shapes.append(own + tuple(sizes[x] for x in term.replace("...", "")))
    if undefined:
        shared = [i for i, term in enumerate(terms) if len(terms) > 1 and term]
        which = draw.pick(shared or [0])
        axis = draw.below(len(shapes[which]))
        changed = list(shapes[which])
        changed[axis] = _other(draw, changed[axis])
        shapes[which] = tuple(changed)
    return Problem("einsum", "einsum", (spec, *(shape_text(s) for s in shapes)))


def broadcast(draw: Draw, level: Level, undefined: bool) -> Problem:
    """The shape of ``a * b``: b is a right-aligned part of a with some sizes set to 1."""
    high = {"easy": 2, "medium": 3}.get(level.name, 4)
    rank = draw.between(1, high)
    a = [_size(draw, level) for _ in range(rank)]
    keep = draw.between(1, rank)
    b = a[rank - keep :]
    for i in range(len(b)):
        if draw.chance(1, 3):
            b[i] = 1
    for i in range(len(a)):
        if draw.chance(1, 4) and level.name != "easy":
            a[i] = 1
    if undefined:
        i = draw.below(len(b))
        b[i] = _other(draw, max(a[len(a) - len(b) + i], 1))
    first, second = (a, b) if draw.chance(1, 2) else (b, a)
    return Problem("broadcast", "broadcast", (shape_text(tuple(first)), shape_text(tuple(second))))


def _linear(draw: Draw, level: Level, undefined: bool) -> tuple[str, dict[str, tuple[int, ...]]]:
    n, i, o = _size(draw, level) * 8, _size(draw, level) * 16, _size(draw, level)
    if draw.chance(1, 2):
        return "x @ W.T + b", {"x": (n, i), "W": (o, i + undefined), "b": (o,)}
    return "x @ W + b", {"x": (n, i), "W": (i + undefined, o), "b": (o,)}


def _batched(draw: Draw, level: Level, undefined: bool) -> tuple[str, dict[str, tuple[int, ...]]]:
    b, m, k, p = (_size(draw, level) for _ in range(4))
    lib = draw.pick(("a @ b", "torch.matmul(a, b)", "torch.bmm(a, b)"))
    second = (b, k + undefined, p) if lib.startswith("torch.bmm") or draw.chance(1, 2) else (k, p)
    if lib.startswith("torch.matmul") or second == (k, p):
        lib = "a @ b" if lib == "torch.bmm(a, b)" else lib
    return lib, {"a": (b, m, k), "b": second if second != (k, p) else (k + undefined, p)}


def _heads(draw: Draw, level: Level, undefined: bool) -> tuple[str, dict[str, tuple[int, ...]]]:
    b, t, h, d = _size(draw, level), _size(draw, level) * 2, draw.pick((2, 4)), _size(draw, level)
    expression = f"q.view({b}, {t}, {h}, {d}).transpose(1, 2)"
    return expression, {"q": (b, t, h * d + undefined)}


def _scores(draw: Draw, level: Level, undefined: bool) -> tuple[str, dict[str, tuple[int, ...]]]:
    b, h, t, d = (_size(draw, level) for _ in range(4))
    expression = draw.pick(("q @ k.transpose(-2, -1)", "softmax(q @ k.mT, dim=-1)"))
    return expression, {"q": (b, h, t, d), "k": (b, h, t, d + undefined)}


def _elementwise(draw: Draw, level: Level, undefined: bool) -> tuple[str, dict[str, Any]]:
    problem = broadcast(draw, level, undefined)
    shapes = [tuple(int(x) for x in text.split("x")) for text in problem.inputs]
    return draw.pick(("a * b", "a + b")), {"a": shapes[0], "b": shapes[1]}


_TEMPLATES = (_linear, _batched, _heads, _scores, _elementwise)


def codeshapes(draw: Draw, level: Level, undefined: bool) -> Problem:
    """The shape of a NumPy/PyTorch expression (a linear layer, batched matmul, heads, …)."""
    easy = level.name == "easy"
    template = draw.pick(_TEMPLATES[:2] + _TEMPLATES[4:] if easy else _TEMPLATES)
    expression, shapes = template(draw, level, undefined)
    bindings = tuple(f"{name}={shape_text(shape)}" for name, shape in shapes.items())
    return Problem("codeshapes", "codeshapes", (expression, *bindings))
