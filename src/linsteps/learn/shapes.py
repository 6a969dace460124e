"""The shape of every sub-expression of a NumPy or PyTorch expression, and where one breaks.

:func:`shapes` reads the expression (never running it), walks it under one library's rules
and returns a :class:`ShapeReport`: one line per sub-expression with its shape and the rule
that gave it; at the first rule that breaks, a :class:`Fault` naming the rule with its sizes,
the exception and message the library would raise, and the usual mends (a transpose, the right
``in_features``), each checked by walking the mended expression; and remarks on traps
(``np.dot`` on 3-D arrays, ``.T`` of a vector).  Renderers are in
:mod:`linsteps.learn.shape_view`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linsteps.errors import UsageError
from linsteps.learn.shape_mends import Mend, mends_for, walk
from linsteps.learn.shape_rules import LIBRARIES, Shape
from linsteps.learn.shape_values import Line
from linsteps.reading.budget import bounded
from linsteps.reading.shape_expr import parse_shape_expression, source, tensor_names
from linsteps.reading.shape_spec import parse_binding


@dataclass(frozen=True)
class Fault:
    """The first rule that breaks: where (``code``), which rule with its sizes
    (``mlcode.misfit.<key>``), what the library raises (``error``: ``quote``) and the mends."""

    code: str
    key: str
    params: dict[str, Any]
    library: str
    error: str
    quote: str | None
    mends: tuple[Mend, ...] = ()


@dataclass(frozen=True)
class ShapeReport:
    """Every sub-expression's shape, the fault if one breaks, and remarks on traps."""

    expression: str
    library: str
    givens: tuple[tuple[str, Shape], ...]
    lines: tuple[Line, ...]
    fault: Fault | None
    notes: tuple[tuple[str, dict[str, Any]], ...] = ()

    @property
    def fits(self) -> bool:
        """True when every rule holds."""
        return self.fault is None

    @property
    def shape(self) -> Shape | None:
        """The shape of the whole expression, or None when it does not fit."""
        return self.lines[-1].shape if self.fault is None and self.lines else None


def library_of(expression: str, library: str | None) -> str:
    """Return the library whose rules apply: as asked, else the one the expression names
    (``np.`` alone means NumPy), else PyTorch."""
    if library is not None:
        if library not in LIBRARIES:
            raise UsageError("shape_library", value=library, choices=", ".join(LIBRARIES))
        return library
    numpy = "np." in expression or "numpy." in expression
    torch = "torch." in expression or "F." in expression
    return "numpy" if numpy and not torch else "torch"


def read_bindings(bindings: Mapping[str, Any] | list[str] | tuple[str, ...]) -> dict[str, Shape]:
    """Return ``{name: shape}`` from ``NAME=SHAPE`` texts or a mapping of names to shapes
    (``"32x784"``, ``(32, 784)``, ``10``)."""
    if isinstance(bindings, Mapping):
        out: dict[str, Shape] = {}
        for name, value in bindings.items():
            sizes = (value,) if isinstance(value, int) else value
            out[name] = parse_binding(
                f"{name}={sizes if isinstance(sizes, str) else tuple(sizes)}"
            )[1]
        return out
    pairs = [parse_binding(text) for text in bindings]
    names = [name for name, _ in pairs]
    for name in names:
        if names.count(name) > 1:
            raise UsageError("shape_binding_twice", name=name)
    return dict(pairs)


@bounded
def shapes(
    expression: str,
    bindings: Mapping[str, Any] | list[str] | tuple[str, ...] = (),
    library: str | None = None,
    **shapes_by_name: Any,
) -> ShapeReport:
    """Return the shape of every sub-expression of ``expression`` under NumPy's or PyTorch's
    rules (``library``), with the fault and its mends where a rule breaks.

    >>> shapes("x @ W.T + b", x="32x784", W="10x784", b=10).shape
    (32, 10)
    """
    given = read_bindings(bindings) | read_bindings(shapes_by_name)
    library = library_of(expression, library)
    tree = parse_shape_expression(expression)
    used = tensor_names(tree)
    missing = [name for name in used if name not in given]
    if missing:
        raise UsageError(
            "shape_unknown_name", name=missing[0], column=expression.find(missing[0]) + 1
        )
    walker, stopped = walk(expression, given, library)
    fault = None
    if stopped is not None:
        misfit = stopped.misfit
        fault = Fault(
            source(expression, stopped.node),
            misfit.key,
            misfit.params,
            library,
            misfit.error,
            misfit.quote,
            mends_for(expression, stopped.node, misfit, given, library),
        )
    givens = tuple((name, given[name]) for name in used)
    return ShapeReport(expression, library, givens, tuple(walker.lines), fault, tuple(walker.notes))


__all__ = ["Fault", "Mend", "ShapeReport", "library_of", "read_bindings", "shapes"]
