"""Notation: the base of the immutable expression trees that derivations show.

A node is what a line of a derivation prints (``1·4 + 2·5``, ``‖a‖``, ``(1, 2)·(5, 7)``).
Every node also knows its value (:meth:`Node.evaluate`), so each printed equality can be
checked with SymPy, and a result can be computed from the very nodes that are shown.
Renderers format nodes; they never evaluate them.  The node classes live by family in
:mod:`~linsteps.derivation.values`, :mod:`~linsteps.derivation.arithmetic`,
:mod:`~linsteps.derivation.matrices`, :mod:`~linsteps.derivation.complex_numbers` and
:mod:`~linsteps.derivation.general_forms`.
"""

from __future__ import annotations

from typing import Any, ClassVar


def load_sympy() -> Any:
    """Return the sympy module, imported on first use (importing linsteps stays light)."""
    import sympy

    return sympy


class Node:
    """Base of all notation nodes."""

    kind: ClassVar[str] = "node"

    def evaluate(self) -> Any:
        """Return the SymPy value of this node."""
        raise NotImplementedError

    def children(self) -> tuple[Node, ...]:
        """Return the direct sub-nodes, for traversals."""
        return ()


def walk(node: Node) -> list[Node]:
    """Return ``node`` and all its descendants, depth first, without recursion."""
    found: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed(current.children()))
    return found
