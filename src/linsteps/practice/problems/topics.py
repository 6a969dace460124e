"""The topics a sheet can ask, their generators, and reading ``--topics``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from linsteps.errors import UsageError
from linsteps.practice.problems.draw import Draw
from linsteps.practice.problems.geometry import angle, cos, norm, project
from linsteps.practice.problems.layers import attention, linear
from linsteps.practice.problems.levels import Level
from linsteps.practice.problems.mlcode import broadcast, codeshapes, einsum
from linsteps.practice.problems.problem import Problem
from linsteps.practice.problems.products import dot, hadamard, matmul, outer, products
from linsteps.practice.problems.shapes import shapes

TOPICS = (
    "dot", "norm", "cos", "angle", "hadamard", "matmul", "shapes",
    "outer", "project", "linear", "attention", "products", "einsum", "broadcast", "codeshapes",
)  # fmt: skip
# The default mix: the core explainer's topics and shape questions; the general forms (outer
# products, projections, linear layers, attention) and "which product is this?" are on a sheet
# when ``--topics`` names them.
DEFAULT_TOPICS = TOPICS[:7]

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
    "einsum": einsum,
    "broadcast": broadcast,
    "codeshapes": codeshapes,
}
# The products as ML code writes them: answered with a shape (or ``error``), checked by
# ``linsteps.assess.mlquestions``.
ML_TOPICS = frozenset({"einsum", "broadcast", "codeshapes"})
CAN_BE_UNDEFINED = frozenset({"dot", "hadamard", "matmul", "linear", "attention", *ML_TOPICS})


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
