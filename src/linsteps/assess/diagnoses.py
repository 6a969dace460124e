"""Named misconceptions: the plausible wrong answers, re-derived from the same operands.

``DIAGNOSES`` maps an operation to the functions that derive its wrong answers: each yields
``Candidate(code, value, params)`` where ``value`` is what a learner with that misconception
would write (a SymPy matrix; a scalar is 1×1).  The checker compares an answer with each
candidate in turn; nothing here looks at the answer's text.  An operation added later plugs in
with ``@derives("name")``.

The registry and the codes live in :mod:`linsteps.assess.diagnosis_registry`; the derivers by
family of operations in ``vector_diagnoses``, ``matrix_diagnoses`` and ``layer_diagnoses``,
which importing this module registers.
"""

from __future__ import annotations

# The families register in the order the operations were added (vectors, matrices, layers).
from linsteps.assess import vector_diagnoses  # isort: skip
from linsteps.assess import matrix_diagnoses  # isort: skip
from linsteps.assess import layer_diagnoses  # isort: skip
from linsteps.assess.diagnosis_registry import CODES, DIAGNOSES, Candidate, Setting, derives

FAMILIES = (vector_diagnoses, matrix_diagnoses, layer_diagnoses)


def candidates(setting: Setting) -> list[Candidate]:
    """Every wrong answer derivable for ``setting``, most specific first."""
    found: list[Candidate] = []
    for function in DIAGNOSES.get(setting.operation, []):
        found.extend(function(setting))
    return found


__all__ = [
    "CODES",
    "DIAGNOSES",
    "FAMILIES",
    "Candidate",
    "Setting",
    "candidates",
    "derives",
]
