"""Operations: each builds a :class:`~linsteps.derivation.steps.Derivation`, equal to SymPy's.

:data:`OPERATIONS` names every operation and the module that defines it; a module is imported
when its operation is first looked up, so running one operation imports one family, not all
eleven.  ``linsteps.ops.dot`` and ``from linsteps.ops import dot`` work as for any attribute.
Each operation is one bounded call (:func:`linsteps.reading.budget.bounded`): it runs within
the time limit of the current budget, and reports recursion or memory exhausted as a LimitError.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from linsteps.reading.budget import bounded

if TYPE_CHECKING:
    from linsteps.ops.attention import attention
    from linsteps.ops.einsum import einsum
    from linsteps.ops.geometry import angle, cos, norm
    from linsteps.ops.heads import multi_head_attention
    from linsteps.ops.linear import linear
    from linsteps.ops.matmul import matmul
    from linsteps.ops.outer import outer
    from linsteps.ops.products import dot, hadamard
    from linsteps.ops.projection import project
    from linsteps.ops.transpose import transpose

#: Each operation and where it is defined, ``module:function`` (modules of this package).
DEFINED_IN: dict[str, str] = {
    "dot": "products:dot",
    "norm": "geometry:norm",
    "cos": "geometry:cos",
    "angle": "geometry:angle",
    "hadamard": "products:hadamard",
    "matmul": "matmul:matmul",
    "outer": "outer:outer",
    "transpose": "transpose:transpose",
    "project": "projection:project",
    "linear": "linear:linear",
    "attention": "attention:attention",
}

#: What else the package offers by name: arrays of any rank and attention heads, which checking,
#: comparing and the worksheets do not iterate over.
ALSO_DEFINED_IN: dict[str, str] = {
    "einsum": "einsum:einsum",
    "multi_head_attention": "heads:multi_head_attention",
}


_BOUNDED: dict[str, Callable[..., Any]] = {}


def _bounded(name: str, where: str) -> Callable[..., Any]:
    """The operation defined at ``where`` (``module:function``), as one bounded call."""
    if name not in _BOUNDED:
        module, _, function = where.partition(":")
        _BOUNDED[name] = bounded(getattr(import_module(f"{__name__}.{module}"), function))
    return _BOUNDED[name]


class Operations(Mapping[str, Callable[..., Any]]):
    """The operations by name, in the order of :data:`DEFINED_IN`; a lookup imports the module."""

    def __getitem__(self, name: str) -> Callable[..., Any]:
        return _bounded(name, DEFINED_IN[name])

    def __iter__(self) -> Iterator[str]:
        return iter(DEFINED_IN)

    def __len__(self) -> int:
        return len(DEFINED_IN)


OPERATIONS = Operations()


def __getattr__(name: str) -> Any:
    if name in DEFINED_IN:
        function = OPERATIONS[name]
        globals()[name] = function
        return function
    if name in ALSO_DEFINED_IN:
        found = _bounded(name, ALSO_DEFINED_IN[name])
        globals()[name] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(ModuleType):
    """This package, whose operation names stay the operations.

    Importing a submodule binds it on its package under its own name; five modules share their
    name with the operation they define (``matmul``, ``outer``, ``transpose``, ``linear``,
    ``attention``), and ``linsteps.ops.outer`` stays the function, as it always was.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if (name in DEFINED_IN or name in ALSO_DEFINED_IN) and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "ALSO_DEFINED_IN",
    "DEFINED_IN",
    "OPERATIONS",
    "Operations",
    "angle",
    "attention",
    "cos",
    "dot",
    "einsum",
    "hadamard",
    "linear",
    "matmul",
    "multi_head_attention",
    "norm",
    "outer",
    "project",
    "transpose",
]
