"""linsteps: linear algebra explained step by step, exactly.

>>> from linsteps import dot
>>> dot("[1, 2, 3]", "[4, 5, 6]").result
32

Operations accept strings in the input syntax, (nested) lists, NumPy arrays, PyTorch tensors or
SymPy matrices (floats read as the decimals they print as) and return a
:class:`~linsteps.derivation.steps.Derivation`.  Importing this package does not import SymPy,
NumPy or PyTorch.  Every operation and every rendering is bounded
(``linsteps.limits(time_limit=…)`` sets the bounds for a block): past a limit it raises
:class:`LimitError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linsteps.derivation.presentation import install as _install
from linsteps.errors import (
    LimitError,
    LinstepsError,
    MemoryLimitError,
    ParseError,
    ShapeError,
    TimeLimitError,
    UndefinedError,
    UsageError,
)
from linsteps.reading.budget import Budget, bounded, limits

__version__ = "0.1.0"

if TYPE_CHECKING:
    from linsteps.derivation.steps import Derivation
    from linsteps.ops import (
        angle,
        attention,
        cos,
        dot,
        einsum,
        hadamard,
        linear,
        matmul,
        norm,
        outer,
        project,
        transpose,
    )


class _Renderers:
    """Formats derivations with render/, imported on first use (importing linsteps stays light).

    The derivation layer sits below the renderers and may not import them: this package,
    above both, installs the link.
    """

    def render(self, derivation: Derivation, fmt: str, lang: str, **settings: Any) -> str:
        from linsteps.render import render

        return bounded(render)(derivation, fmt, lang, **settings)

    def to_dict(self, derivation: Derivation, lang: str, **settings: Any) -> dict[str, Any]:
        from linsteps.render.jsonout import build_dict

        return bounded(build_dict)(derivation, lang, **settings)


_install(_Renderers())


def __getattr__(name: str) -> Any:
    from linsteps.ops import DEFINED_IN, OPERATIONS

    if name in DEFINED_IN:
        return OPERATIONS[name]
    if name == "einsum":  # one bounded call, as the operations are
        from linsteps import ops

        return ops.einsum
    if name == "Derivation":
        from linsteps.derivation.steps import Derivation

        return Derivation
    raise AttributeError(f"module 'linsteps' has no attribute {name!r}")


__all__ = [
    "Budget",
    "Derivation",
    "LimitError",
    "LinstepsError",
    "MemoryLimitError",
    "ParseError",
    "ShapeError",
    "TimeLimitError",
    "UndefinedError",
    "UsageError",
    "__version__",
    "angle",
    "attention",
    "cos",
    "dot",
    "einsum",
    "hadamard",
    "limits",
    "linear",
    "matmul",
    "norm",
    "outer",
    "project",
    "transpose",
]
