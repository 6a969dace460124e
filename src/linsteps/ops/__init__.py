"""Operations: each builds a :class:`~linsteps.steps.Derivation` whose result equals SymPy's."""

from linsteps.ops.geometry import angle, cos, norm
from linsteps.ops.matmul import matmul
from linsteps.ops.products import dot, hadamard

OPERATIONS = {
    "dot": dot,
    "norm": norm,
    "cos": cos,
    "angle": angle,
    "hadamard": hadamard,
    "matmul": matmul,
}

__all__ = ["OPERATIONS", "angle", "cos", "dot", "hadamard", "matmul", "norm"]
