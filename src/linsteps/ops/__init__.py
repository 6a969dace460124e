"""Operations: each builds a :class:`~linsteps.derivation.steps.Derivation`, equal to SymPy's."""

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

OPERATIONS = {
    "dot": dot,
    "norm": norm,
    "cos": cos,
    "angle": angle,
    "hadamard": hadamard,
    "matmul": matmul,
    "outer": outer,
    "transpose": transpose,
    "project": project,
    "linear": linear,
    "attention": attention,
}

__all__ = [
    "OPERATIONS",
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
