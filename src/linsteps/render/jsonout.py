"""The JSON renderer: the stable machine contract.

``{"operation", "lang", "inputs", "steps": [{"kind", …}], "result": {"text", "latex",
"sympy"}}``; ``result.sympy`` is ``str()`` of the result, which SymPy reads back.
"""

from __future__ import annotations

import json
from typing import Any

from linsteps.derivation.decimals import sympy_text
from linsteps.derivation.node import Node
from linsteps.derivation.steps import (
    Chain,
    Condition,
    Derivation,
    Heading,
    Note,
    Result,
    Rule,
    Step,
)
from linsteps.i18n import translate
from linsteps.render.latex_formatter import LatexFormatter
from linsteps.render.text_formatter import TextFormatter

SCHEMA_VERSION = 1


class JsonBuilder:
    """Builds the JSON-ready dict of a derivation."""

    def __init__(self, derivation: Derivation, lang: str, **settings: Any) -> None:
        decimal = bool(settings.get("decimal", False))
        places = int(settings.get("places", 4))
        self.derivation = derivation
        self.lang = lang
        self.text = TextFormatter(lang, decimal, places)
        self.latex = LatexFormatter(lang, decimal, places)

    def node(self, node: Node | None) -> dict[str, str] | None:
        """Return a node as its text and LaTeX forms."""
        if node is None:
            return None
        return {"text": self.text.format(node), "latex": self.latex.format(node)}

    def message(self, key: str, params: Any) -> str:
        """Return a catalog sentence with its parameters as text."""
        return translate(self.lang, key, **{k: self.text.param(v) for k, v in params.items()})

    def params(self, params: Any) -> dict[str, Any]:
        """Return step parameters as JSON values."""
        return {k: self.node(v) if isinstance(v, Node) else v for k, v in params.items()}

    def step(self, step: Step) -> dict[str, Any]:
        """Return one step as a dict with its ``kind``."""
        out: dict[str, Any] = {"kind": step.kind}
        if isinstance(step, Heading):
            names = {"a": self.derivation.inputs[0].name, "b": self.derivation.inputs[-1].name}
            out |= {
                "operation": step.operation,
                "expression": self.node(step.expression),
                "message": self.message(
                    "title." + step.operation, {"expr": step.expression, **names}
                ),
            }
        elif isinstance(step, Rule):
            out |= {"lhs": self.node(step.lhs), "forms": [self.node(f) for f in step.forms]}
        elif isinstance(step, Condition | Note):
            prefix = "condition." if isinstance(step, Condition) else "note."
            out |= {
                "key": step.key,
                "params": self.params(step.params),
                "message": self.message(prefix + step.key, step.params),
            }
        elif isinstance(step, Chain):
            out |= {
                "lhs": self.node(step.lhs),
                "links": [
                    {"role": link.role, **(self.node(link.node) or {})} for link in step.links
                ],
                "approx": self.node(step.approx),
                "inline": step.inline,
            }
        elif isinstance(step, Result):
            params = {"lhs": step.lhs, "value": step.value, **step.params}
            out |= {
                "key": step.key,
                "lhs": self.node(step.lhs),
                "value": self.node(step.value),
                "approx": self.node(step.approx),
                "message": self.message("result." + step.key, params),
            }
        return out

    def build(self) -> dict[str, Any]:
        """Return the whole contract."""
        from linsteps.derivation.values import Value

        derivation = self.derivation
        result = derivation.result
        final = next((s for s in reversed(derivation.steps) if isinstance(s, Result)), None)
        approx = self.node(final.approx) if final is not None else None
        return {
            "version": SCHEMA_VERSION,
            "operation": derivation.operation,
            "lang": self.lang,
            "inputs": [
                {
                    "name": op.name,
                    "layout": op.layout,
                    "shape": [int(s) if str(s).isdigit() else str(s) for s in op.value.shape],
                    "source": op.source,
                    **(self.node(Value(op.value)) or {}),
                    "sympy": sympy_text(op.value),
                }
                for op in derivation.inputs
            ],
            "steps": [self.step(s) for s in derivation.steps],
            "result": {
                **(self.node(Value(result)) or {}),
                "sympy": sympy_text(result),
                "approx": approx["text"] if approx else None,
            },
        }


def build_dict(derivation: Derivation, lang: str = "en", **settings: Any) -> dict[str, Any]:
    """Return the JSON contract of ``derivation`` as a dict."""
    return JsonBuilder(derivation, lang, **settings).build()


def render_json(derivation: Derivation, lang: str = "en", **settings: Any) -> str:
    """Return the JSON contract as an indented UTF-8 string."""
    settings.pop("color", None)
    data = build_dict(derivation, lang, **settings)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
