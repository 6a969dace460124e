"""What an answer is checked against: the problem, and its result re-derived by the engine.

:class:`Expected` re-derives the result with the operations in ``linsteps.ops.OPERATIONS`` (or
keeps why it is undefined) and the plausible wrong answers (``linsteps.assess.diagnoses``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from linsteps.errors import LinstepsError, ShapeError, UndefinedError, UsageError

ENGINE_OPTIONS = frozenset({"dim", "shape", "shape_b", "entry", "complex", "scale", "causal"})
CHECK_OPTIONS = frozenset({"unit", "orientation", "parts", "product"})  # parts: of a shape question
OPTIONS = ENGINE_OPTIONS | CHECK_OPTIONS

# The names of the operands of an undefined problem, as the operations name them.
_NAMES = {
    "dot": "ab", "norm": "a", "cos": "ab", "angle": "ab", "outer": "ab", "project": "ab",
    "transpose": "A", "linear": "Wxb", "attention": "QKV",
}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    """What is checked: an operation, its operands in the input syntax, and its options."""

    operation: str
    inputs: tuple[Any, ...]
    options: Mapping[str, Any] = field(default_factory=dict)


class Expected:
    """The result re-derived by the engine, and the wrong answers derivable from the operands."""

    def __init__(self, problem: Problem) -> None:
        import sympy

        from linsteps.assess.diagnosis_registry import Setting
        from linsteps.derivation.operands import to_operand
        from linsteps.ops import OPERATIONS

        if problem.operation not in OPERATIONS:
            raise UsageError(
                "unknown_operation", name=problem.operation, choices=", ".join(OPERATIONS)
            )
        unknown = set(problem.options) - OPTIONS
        if unknown or "parts" in problem.options:
            raise UsageError("unknown_option", name=sorted(unknown or {"parts"})[0])
        self.problem = problem
        inputs = tuple(problem.inputs)
        if problem.options.get("product"):
            # "which product?": the row of compare's table, e.g. AᵀB of the inputs A and B
            inputs = _product_operands(problem)
        operation: Any = OPERATIONS[problem.operation]
        accepted = inspect.signature(operation).parameters
        options = {
            k: v
            for k, v in problem.options.items()
            if k in ENGINE_OPTIONS and (v or (v is False and k in accepted))
        }
        for name in options:
            if name not in accepted:
                raise UsageError("unknown_option", name=name)
        self.derivation: Any = None
        self.reason: LinstepsError | None = None
        try:
            self.derivation = operation(*inputs, **options)
        except (ShapeError, UndefinedError) as error:
            self.reason = error
        except TypeError:
            raise UsageError(
                "operand_count", operation=problem.operation, count=len(problem.inputs)
            ) from None
        if self.derivation is not None:
            operands = self.derivation.inputs
        elif problem.options.get("product"):
            operands = inputs
        else:
            letters = _NAMES.get(problem.operation, "AB")
            operands = tuple(
                to_operand(
                    text,
                    letters[i],
                    dim=options.get("dim"),
                    imaginary_unit=bool(options.get("complex")),
                )
                for i, text in enumerate(problem.inputs[: len(letters)])
            )
        names = tuple(
            op.name.lower() if op.layout == "vector" and not op.name.islower() else op.name
            for op in operands
        )
        entry = self.derivation.settings.get("entry") if self.derivation else None
        self.setting = Setting(
            problem.operation,
            tuple(op.value for op in operands),
            names,
            tuple(op.layout for op in operands),
            {**problem.options, "entry": entry},
        )
        self.scalar = self.derivation is not None and not isinstance(
            self.derivation.result, sympy.MatrixBase
        )
        self.value: Any = None
        if self.derivation is not None:
            result = self.derivation.result
            if problem.operation == "angle" and problem.options.get("unit") == "degrees":
                result = result * 180 / sympy.pi
            self.value = (
                sympy.ImmutableMatrix(result)
                if isinstance(result, sympy.MatrixBase)
                else sympy.ImmutableMatrix([[result]])
            )

    @property
    def undefined(self) -> bool:
        """True when the operation is not defined for these operands."""
        return self.derivation is None

    @cached_property
    def candidates(self) -> list[Any]:
        """The plausible wrong answers (computed once per problem)."""
        from linsteps.assess.diagnoses import candidates

        return candidates(self.setting)

    @property
    def vector(self) -> bool:
        """True when the result is a vector (one row or one column) of several entries."""
        return self.value is not None and 1 in self.value.shape and len(self.value) > 1

    @property
    def free_orientation(self) -> bool:
        """True when the result may be written as a row or a column: it is a vector by
        definition (see ``VECTOR_RESULTS``) and the problem does not fix its orientation."""
        if not self.vector or self.problem.options.get("orientation", "any") != "any":
            return False
        rule = VECTOR_RESULTS.get(self.problem.operation)
        return rule is not None and rule(self.derivation)

    @cached_property
    def names(self) -> frozenset[str]:
        """The names of the symbols in the problem's operands (what an answer may use)."""
        found: set[str] = set()
        for value in (*self.setting.operands, self.value):
            if value is not None and hasattr(value, "free_symbols"):
                found.update(str(symbol) for symbol in value.free_symbols)
        return frozenset(found)

    def explanation(self, lang: str = "en") -> str:
        """How the result is derived: the derivation as text, or why there is none."""
        from linsteps.i18n import translate

        if self.derivation is not None:
            return str(self.derivation.to_text(lang, color=False))
        reason = self.reason.message(lang) if self.reason else ""
        return f"{translate(lang, 'check.expected')}  {self.text(lang)}: {reason}\n"

    def text(self, lang: str = "en") -> str:
        """The expected result in one line (``undefined`` in ``lang`` when undefined)."""
        from linsteps.i18n import translate
        from linsteps.render.printing import format_text

        if self.value is None:
            return translate(lang, "check.undefined")
        value = self.value[0, 0] if self.scalar else self.value
        unit = "°" if self.problem.options.get("unit") == "degrees" else ""
        return format_text(value, decimal=bool(self.derivation.settings.get("decimal"))) + unit


def _any_vector_operand(derivation: Any) -> bool:
    """A matrix product with a vector operand (read as a row on the left, a column on the
    right): its result is a vector, as NumPy's ``@`` gives a 1-D result."""
    keys = {"vector_as_row", "vector_as_column"}
    return any(getattr(step, "key", None) in keys for step in derivation.steps)


# Where a result is a vector by definition, so a row and a column are the same answer; every
# other result keeps its shape (outer, transpose, attention, a product of matrices even when
# it is 1×p or p×1, a batch of a linear layer).  The README's checking section has this table.
VECTOR_RESULTS: dict[str, Callable[[Any], bool]] = {
    "hadamard": lambda d: all(op.layout == "vector" for op in d.inputs),
    "matmul": _any_vector_operand,
    "project": lambda d: True,
    "linear": lambda d: not d.settings.get("batch"),
}


def _product_operands(problem: Problem) -> tuple[Any, ...]:
    """The operands of the product ``problem.options["product"]`` of the problem's inputs."""
    from linsteps.learn.compare import product_row

    if len(problem.inputs) != 2:
        raise UsageError("operand_count", operation=problem.operation, count=len(problem.inputs))
    row = product_row(str(problem.options["product"]), *problem.inputs)
    if row.operation != problem.operation:
        raise UsageError(
            "product_operation", product=problem.options["product"], operation=row.operation
        )
    return row.operands


__all__ = ["CHECK_OPTIONS", "ENGINE_OPTIONS", "OPTIONS", "VECTOR_RESULTS", "Expected", "Problem"]
