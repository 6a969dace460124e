"""A comparison as JSON: the rows with the text and LaTeX forms of every formula, the reasons
of the undefined products with their message keys, and the remarks (``"command": "compare"``)."""

from __future__ import annotations

import json
from typing import Any

from linsteps.derivation.node import Node
from linsteps.i18n import translate
from linsteps.learn.comparison import Comparison
from linsteps.learn.comparison_code import expressions
from linsteps.learn.comparison_table import TableBuilder, number_settings, plain
from linsteps.render.latex_formatter import LatexFormatter
from linsteps.render.text_formatter import TextFormatter


def comparison_dict(comparison: Comparison, lang: str = "en") -> dict[str, Any]:
    """Return the comparison as JSON-ready data: rows with text and LaTeX forms."""
    decimal, places = number_settings(comparison)
    text, latex = TextFormatter(lang, decimal, places), LatexFormatter(lang, decimal, places)
    table = TableBuilder(comparison, lang, text).build()

    def node(value: Node | None) -> dict[str, str] | None:
        if value is None:
            return None
        return {"text": text.format(value), "latex": latex.format(value)}

    rows = []
    for row, cells in zip(comparison.rows, table.rows, strict=True):
        key = row.sizes[0]
        reason = row.reason
        rows.append(
            {
                "name": row.name,
                "kind": row.kind,
                "operation": row.operation,
                "notation": node(row.notation),
                "rule": node(row.rule),
                "how": translate(lang, "compare.how." + row.how),
                "defined": row.defined,
                "sizes": {"key": key, "message": plain(cells[2])},
                "reason": None
                if reason is None
                else {"key": reason.key, "params": reason.params, "message": reason.message(lang)},
                "result": None if row.shape is None else plain(cells[3]),
                "value": None
                if row.derivation is None
                else {**(node(row.value) or {}), "sympy": str(row.result)},
                "approx": None if row.approx is None else text.format(row.approx),
                **dict(
                    zip(("numpy", "torch"), expressions(comparison.mode, row.name), strict=True)
                ),
            }
        )
    return {
        "version": 1,
        "command": "compare",
        "mode": comparison.mode,
        "lang": lang,
        "inputs": [
            {
                "name": op.name,
                "layout": op.layout,
                "shape": list(op.shape),
                "source": op.source,
                "sympy": str(op.value),
            }
            for op in comparison.inputs
        ],
        "rows": rows,
        "differences": [
            {"key": note.key, "message": plain(cell)}
            for note, cell in zip(comparison.notes, table.notes, strict=True)
        ],
        "code": [plain(cell) for cell in table.code[len(comparison.rows) :]],
    }


def render_json(comparison: Comparison, lang: str) -> str:
    """Return the JSON of a comparison, indented, UTF-8."""
    return json.dumps(comparison_dict(comparison, lang), ensure_ascii=False, indent=2) + "\n"


__all__ = ["comparison_dict", "render_json"]
