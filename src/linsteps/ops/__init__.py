"""Operations: each builds a :class:`~linsteps.derivation.steps.Derivation`, equal to SymPy's.

Each is one bounded call (:func:`linsteps.reading.budget.bounded`): it runs within the time
limit of the current budget, and reports recursion or memory exhausted as a LimitError.
"""

from linsteps.ops.attention import attention as _attention
from linsteps.ops.einsum import einsum as _einsum
from linsteps.ops.geometry import angle as _angle
from linsteps.ops.geometry import cos as _cos
from linsteps.ops.geometry import norm as _norm
from linsteps.ops.heads import multi_head_attention as _multi_head_attention
from linsteps.ops.linear import linear as _linear
from linsteps.ops.matmul import matmul as _matmul
from linsteps.ops.outer import outer as _outer
from linsteps.ops.products import dot as _dot
from linsteps.ops.products import hadamard as _hadamard
from linsteps.ops.projection import project as _project
from linsteps.ops.transpose import transpose as _transpose
from linsteps.reading.budget import bounded

attention = bounded(_attention)
einsum = bounded(_einsum)
angle = bounded(_angle)
cos = bounded(_cos)
norm = bounded(_norm)
multi_head_attention = bounded(_multi_head_attention)
linear = bounded(_linear)
matmul = bounded(_matmul)
outer = bounded(_outer)
dot = bounded(_dot)
hadamard = bounded(_hadamard)
project = bounded(_project)
transpose = bounded(_transpose)

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
