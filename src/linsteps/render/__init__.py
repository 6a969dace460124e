"""Renderers: each turns a Derivation into a string in one format; none computes."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linsteps.derivation.steps import Derivation

# format -> (module, function); modules are imported only when their format is used.
RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("linsteps.render.text", "render_text"),
    "json": ("linsteps.render.jsonout", "render_json"),
    "latex": ("linsteps.render.latex", "render_latex"),
    "markdown": ("linsteps.render.markdown", "render_markdown"),
    "html": ("linsteps.render.html", "render_html"),
}
FORMATS = tuple(RENDERERS)


def render(derivation: Derivation, fmt: str = "text", lang: str = "en", **settings: Any) -> str:
    """Return ``derivation`` formatted as ``fmt`` in ``lang``."""
    if fmt not in RENDERERS:
        from linsteps.errors import UsageError

        raise UsageError("bad_format", value=fmt, choices=", ".join(FORMATS))
    module, function = RENDERERS[fmt]
    renderer = getattr(importlib.import_module(module), function)
    return str(renderer(derivation, lang, **settings))
