"""Renderer settings: each renderer declares its defaults in one place; others are refused.

As SymPy's printers declare ``_default_settings``, every document renderer declares a dict of
defaults and, for settings with a fixed set of values, their choices.  Settings a derivation
carries itself (``decimal``, ``places``, ``full`` …) are always accepted; any other unknown
setting, or a value outside its choices, is a :class:`~linsteps.errors.UsageError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linsteps.errors import UsageError

# Settings every renderer understands, with the range of the numeric ones.
COMMON_DEFAULTS: dict[str, Any] = {
    "decimal": False,  # the user typed decimals: show terminating fractions as decimals
    "places": 4,  # decimal places of approximations
}
RANGES: dict[str, tuple[int, int]] = {"places": (0, 50), "terms_per_line": (1, 100)}


def resolve(
    fmt: str,
    defaults: Mapping[str, Any],
    choices: Mapping[str, tuple[str, ...]],
    given: Mapping[str, Any],
    carried: Mapping[str, Any],
) -> dict[str, Any]:
    """Return ``defaults`` updated with ``given``, checked.

    ``carried`` are the settings the derivation brought with it: accepted even when this
    renderer does not use them.  Everything else must be declared in ``defaults``.
    """
    known = {**COMMON_DEFAULTS, **defaults}
    out = dict(known)
    for name, value in given.items():
        if name not in known:
            if name in carried:
                continue
            raise UsageError(
                "unknown_setting", name=name, format=fmt, choices=", ".join(sorted(known))
            )
        out[name] = check(name, value, known[name], choices.get(name))
    return out


def check(name: str, value: Any, default: Any, allowed: tuple[str, ...] | None) -> Any:
    """Return ``value`` when it suits setting ``name``; raise UsageError otherwise."""
    if allowed is not None:
        if value not in allowed:
            raise UsageError("bad_setting", name=name, value=value, choices=", ".join(allowed))
        return value
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise UsageError("bad_setting", name=name, value=value, choices="True, False")
        return value
    if isinstance(default, int):
        low, high = RANGES.get(name, (0, 10**6))
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise UsageError("bad_setting", name=name, value=value, choices=f"{low}–{high}")
        return value
    return value
