"""How a Derivation reaches the renderers, which sit above it in the layers.

derivation/ never imports render/.  The public package (``linsteps/__init__.py``), which
stands above both, installs a :class:`Presenter` here when linsteps is imported, and
:class:`~linsteps.derivation.steps.Derivation` formats itself through it.  Installing costs
nothing: this module imports neither the renderers nor the node classes nor SymPy.
"""

from __future__ import annotations

from typing import Any, Protocol


class Presenter(Protocol):
    """Formats derivations: what ``Derivation.render`` and ``Derivation.to_dict`` call."""

    def render(self, derivation: Any, fmt: str, lang: str, **settings: Any) -> str:
        """Return ``derivation`` formatted as ``fmt`` (text, json …) in ``lang``."""
        ...

    def to_dict(self, derivation: Any, lang: str, **settings: Any) -> dict[str, Any]:
        """Return the JSON contract of ``derivation`` as a dict."""
        ...


_installed: dict[str, Presenter] = {}


def install(presenter: Presenter) -> None:
    """Make ``presenter`` the one every derivation formats itself with."""
    _installed["presenter"] = presenter


def installed() -> Presenter:
    """Return the installed presenter (linsteps installs one when it is imported)."""
    presenter = _installed.get("presenter")
    if presenter is None:
        raise RuntimeError("no presenter installed: the linsteps package installs one on import")
    return presenter
