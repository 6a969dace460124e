"""Renderers: each turns a Derivation into a string in one format; none computes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linsteps.steps import Derivation

FORMATS = ("text", "json")


def render(derivation: Derivation, fmt: str = "text", lang: str = "en", **settings: Any) -> str:
    """Return ``derivation`` formatted as ``fmt`` in ``lang``."""
    if fmt == "text":
        from linsteps.render.text import render_text

        return render_text(derivation, lang, **settings)
    if fmt == "json":
        from linsteps.render.jsonout import render_json

        return render_json(derivation, lang, **settings)
    from linsteps.errors import UsageError

    raise UsageError("bad_format", value=fmt, choices=", ".join(FORMATS))
