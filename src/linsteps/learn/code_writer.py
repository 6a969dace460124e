"""Writing a program's lines: operands as NumPy arrays or PyTorch tensors, entries as literals.

Entries are written from their exact values (``1/3``, ``math.sqrt(2)``, ``0.1`` as typed,
``2j``); an entry Python's ``math`` would not compute as SymPy does (``asin(3)`` is complex,
and ``math.asin(3)`` raises) is written as its value to double precision. Symbols have no
program. :class:`Writer` collects the lines of one program and adds the imports it needs and
the final ``print``; :mod:`linsteps.learn.code` says what each operation computes.
"""

from __future__ import annotations

from typing import Any

from linsteps.derivation.decimals import exact_decimal
from linsteps.derivation.steps import Derivation, Operand
from linsteps.errors import UsageError

LIBRARIES = ("numpy", "torch")


def literal(value: Any, decimal: bool) -> str:
    """Return one exact entry as a Python literal (``1/3``, ``0.1``, ``math.sqrt(2)``, ``2j``),
    or as its value to double precision (``(1.5707963267948966-1.762747174039086j)``) when
    Python's ``math`` would not compute it as SymPy does."""
    import sympy
    from sympy.printing.codeprinter import PrintMethodNotImplementedError
    from sympy.printing.pycode import pycode

    if value.free_symbols:
        raise UsageError("code_symbolic", entry=str(value))
    if decimal and value.is_Rational and not value.is_Integer:
        form = exact_decimal(int(value.p), int(value.q))  # every digit, as typed
        if form is not None:
            return form.signed + ("" if form.power is None else f"e{form.power}")
    if _computed_as_written(value):
        try:
            text = str(pycode(sympy.nsimplify(value) if value.is_Float else value))
            return text.replace(" ", "")
        except PrintMethodNotImplementedError:  # re(…), im(…): SymPy's parts of a complex value
            pass
    real, imaginary = (float(part) for part in value.evalf(17).as_real_imag())
    return repr(complex(real, imaginary) if imaginary else real)


def _computed_as_written(value: Any) -> bool:
    """Return True when every function and power in ``value`` is real, so Python computes the
    written expression as SymPy does: ``math.acos(2)`` raises, and ``(-1)**(1/3)`` is a complex
    number in Python, which a real tensor cannot hold."""
    import sympy

    return all(
        node.is_extended_real is True
        for node in sympy.preorder_traversal(value)
        if isinstance(node, (sympy.Function, sympy.Pow))
    )


def nested(operand: Operand, column: bool = False) -> str:
    """Return an operand's entries as a (nested) list literal: a vector is a flat list, or a
    list of one-entry rows when ``column``."""
    value = operand.value
    if operand.layout == "vector" and not column:
        return "[" + ", ".join(literal(x, operand.decimal) for x in value) + "]"

    def written(item: Any) -> str:
        if isinstance(item, list):
            return "[" + ", ".join(written(x) for x in item) + "]"
        return literal(item, operand.decimal)

    if getattr(value, "shape", None) == ():  # an array of rank 0: one number
        return literal(value[()], operand.decimal)
    return written(value.tolist())


class Writer:
    """Writes one program in one library's spelling."""

    def __init__(self, derivation: Derivation, library: str) -> None:
        if library not in LIBRARIES:
            raise UsageError("code_library", value=library, choices=", ".join(LIBRARIES))
        self.derivation = derivation
        self.library = library
        self.torch = library == "torch"
        self.lines: list[str] = []
        for operand in derivation.inputs:  # before any entry is read: B of size k×k has none
            if not hasattr(operand.value, "tolist") or operand.value.free_symbols:
                raise UsageError("code_symbolic", entry=operand.name)
        self.written = {id(op): nested(op) for op in derivation.inputs}  # read once
        self.complex = any("j" in text for text in self.written.values())

    def array(self, operand: Operand, column: bool = False, comment: str = "") -> None:
        """Assign an operand."""
        written = self.written.get(id(operand)) if not column else None
        text = nested(operand, column) if written is None else written
        if self.torch:
            dtype = "torch.complex128" if self.complex else "torch.float64"
            line = f"{operand.name} = torch.tensor({text}, dtype={dtype})"
        else:
            line = f"{operand.name} = np.array({text})"
        self.lines.append(line + (f"  # {comment}" if comment else ""))

    def inputs(self) -> None:
        for operand in self.derivation.inputs:
            self.array(operand)

    def text(self, result: str = "result") -> str:
        body = [*self.lines, f"print({result}.tolist())"]
        modules = ["import torch"] if self.torch else ["import numpy as np"]
        if any("math." in line for line in body):
            modules.insert(0, "import math")
        if any("F." in line for line in body):
            modules.append("import torch.nn.functional as F")
        return "\n".join([*modules, "", *body]) + "\n"


__all__ = ["LIBRARIES", "Writer", "literal", "nested"]
