"""Values and names: the leaves of notation (``32``, ``√14``, ``a``, ``θ``, ``c₁₂``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from linsteps.derivation.node import Node, load_sympy


@dataclass(frozen=True)
class Value(Node):
    """A value shown as it is: a number, a surd, a symbolic expression or a matrix."""

    value: Any
    kind: ClassVar[str] = "value"

    def evaluate(self) -> Any:
        return self.value


@dataclass(frozen=True)
class Name(Node):
    """A named quantity such as ``a``, ``A``, ``θ``, ``a₁`` or ``c₁₂``, bound to its value.

    ``indices`` are integers or index letters (``i``, ``j``, ``n``); ``role`` says what the
    name stands for (``vector``, ``matrix``, ``entry``, ``scalar``, ``index``).
    """

    name: str
    value: Any = None
    indices: tuple[int | str, ...] = ()
    role: str = "scalar"
    kind: ClassVar[str] = "name"

    def evaluate(self) -> Any:
        if self.value is None:
            sym = load_sympy()
            label = self.name + "".join(f"_{i}" for i in self.indices)
            return sym.Symbol(label, real=True)
        return self.value
