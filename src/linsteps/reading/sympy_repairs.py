"""A repair to SymPy, applied before any bounded work.

SymPy 1.14's ``factorint`` with a ``limit`` (which ``sqrt`` of a large rational calls, to
take out square factors) may find a partial factorization by Fermat's method and hand it to its
factor cache, which checks that every factor is prime and raises ``ValueError`` when one is
not: ``sqrt(4·10⁶⁰⁰ + 1)`` fails so (sympy/sympy#28621, fixed upstream after 1.14 by not
caching such results).  The repair does what the fix does: a factorization the cache refuses
is not cached.  The cache only saves work, so results are unchanged.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any


@functools.cache
def repair_sympy() -> None:
    """Apply the repair once (importing SymPy's number theory, which any bounded call uses)."""
    from sympy.ntheory import factor_

    cache = factor_.factor_cache
    add = cache.add

    def add_or_skip(n: int, factors: Any) -> None:
        with contextlib.suppress(ValueError):
            add(n, factors)

    cache.add = add_or_skip
