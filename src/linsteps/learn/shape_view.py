"""Rendering a :class:`~linsteps.learn.shapes.ShapeReport` or a
:class:`~linsteps.learn.why.WhyReport` in every format.

The report is laid out once as document parts (:mod:`linsteps.learn.report_document`): a
title, a table of sub-expressions with their shapes and rules, the fault with the library's
own message as a code block, the mends and the remarks.  JSON is its own dict (``"command":
"shapes"`` or ``"why"``).  Nothing here computes.
"""

from __future__ import annotations

import json
from typing import Any

from linsteps.i18n import translate
from linsteps.learn.report_document import Part, Pieces, plain, sentence, write
from linsteps.learn.shape_rules import shown
from linsteps.learn.shapes import ShapeReport
from linsteps.learn.why import WhyReport
from linsteps.reading.budget import bounded

CODE_PARAMS = frozenset(
    {
        "code",
        "expr",
        "name",
        "left",
        "right",
        "spec",
        "method",
        "keyword",
        "label",
        "char",
        "output",
        "summed",
        "operand_name",
    }
)
LIBRARY_NAMES = {"numpy": "NumPy", "torch": "PyTorch"}


def words(lang: str, params: dict[str, Any]) -> tuple[dict[str, Any], frozenset[str]]:
    """Return parameters as the catalog shows them (shapes as tuples, libraries by name) and
    which of them are code."""
    out: dict[str, Any] = {}
    code = set(CODE_PARAMS)
    for name, value in params.items():
        if name == "dims" and isinstance(value, tuple):
            out[name] = ", ".join(map(str, value))
        elif isinstance(value, tuple):
            out[name] = shown(value)
            code.add(name)
        elif name == "library":
            out[name] = LIBRARY_NAMES.get(value, value)
        elif value is None:
            out[name] = translate(lang, "mlcode.none")
        else:
            out[name] = value
    return out, frozenset(code)


def said(lang: str, key: str, params: dict[str, Any]) -> Pieces:
    """Return a catalog sentence with its parameters in words and code."""
    shown_params, code = words(lang, params)
    return sentence(lang, key, shown_params, code)


def report_parts(report: ShapeReport, lang: str, quoted: str | None = None) -> list[Part]:
    """Return a shape report as document parts; inside ``why`` (``quoted``: the message already
    shown) without its title, nor the library's message again."""
    library = report.library
    parts: list[Part] = []
    if quoted is None:
        parts.append(
            Part(
                "heading",
                said(lang, "mlcode.title.shapes", {"expr": report.expression, "library": library}),
            )
        )
    rows = [
        (
            ((line.code, True),),
            ((shown(line.shape), True),),
            said(lang, "mlcode.fit." + line.key, line.params),
        )
        for line in report.lines
    ]
    fault = report.fault
    if fault is not None:
        rows.append(
            (
                ((fault.code, True),),
                (("—", False),),
                said(lang, "mlcode.misfit." + fault.key, fault.params),
            )
        )
    header = tuple(translate(lang, f"mlcode.head.{c}") for c in ("code", "shape", "rule"))
    parts.append(Part("table", header=header, rows=tuple(rows)))
    if fault is None:
        shape = report.shape if report.shape is not None else ()
        parts.append(
            Part(
                "paragraph", said(lang, "mlcode.fits", {"expr": report.expression, "shape": shape})
            )
        )
    else:
        params = {"code": fault.code, "library": library, "error": fault.error}
        if fault.quote is None:
            parts.append(Part("paragraph", said(lang, "mlcode.breaks_unquoted", params)))
        elif fault.quote != quoted:
            parts.append(Part("paragraph", said(lang, "mlcode.breaks", params)))
            parts.append(Part("code", code=f"{fault.error}: {fault.quote}"))
        if fault.mends:
            items = tuple(
                said(lang, "mlcode.mend." + m.key, {**m.params, "code": m.code, "shape": m.shape})
                for m in fault.mends
            )
            parts.append(Part("items", said(lang, "mlcode.mends", {}), items=items))
    if report.notes:
        items = tuple(
            said(lang, "mlcode.note." + key, {**params, "library": library})
            for key, params in report.notes
        )
        parts.append(Part("items", said(lang, "mlcode.notes", {}), items=items))
    return parts


def why_parts(why: WhyReport, lang: str) -> list[Part]:
    """Return a read error message as document parts."""
    parts = [
        Part("heading", said(lang, "mlcode.title.why", {"library": why.library})),
        Part("code", code=f"{why.error}: {why.message}"),
        Part(
            "paragraph", said(lang, "mlcode.why." + why.key, {**why.params, "library": why.library})
        ),
    ]
    if why.report is not None:
        parts.extend(report_parts(why.report, lang, quoted=why.message))
    if why.advice:
        items = tuple(
            said(lang, "mlcode.advice." + key, {"library": why.library}) for key in why.advice
        )
        parts.append(Part("items", said(lang, "mlcode.remedies", {}), items=items))
    return parts


def report_dict(report: ShapeReport, lang: str) -> dict[str, Any]:
    """Return a shape report as JSON-ready data."""
    fault = report.fault

    def message(key: str, params: dict[str, Any]) -> str:
        return plain(said(lang, key, params))

    return {
        "version": 1,
        "command": "shapes",
        "lang": lang,
        "library": report.library,
        "expression": report.expression,
        "givens": {name: list(shape) for name, shape in report.givens},
        "lines": [
            {
                "code": line.code,
                "shape": list(line.shape),
                "rule": line.key,
                "message": message("mlcode.fit." + line.key, line.params),
            }
            for line in report.lines
        ],
        "fits": report.fits,
        "shape": None if report.shape is None else list(report.shape),
        "fault": None
        if fault is None
        else {
            "code": fault.code,
            "rule": fault.key,
            "message": message("mlcode.misfit." + fault.key, fault.params),
            "error": fault.error,
            "quote": fault.quote,
            "mends": [
                {
                    "code": m.code,
                    "shape": list(m.shape),
                    "rule": m.key,
                    "message": message(
                        "mlcode.mend." + m.key, {**m.params, "code": m.code, "shape": m.shape}
                    ),
                }
                for m in fault.mends
            ],
        },
        "notes": [
            {"key": key, "message": message("mlcode.note." + key, {**p, "library": report.library})}
            for key, p in report.notes
        ],
    }


def why_dict(why: WhyReport, lang: str) -> dict[str, Any]:
    """Return a read error message as JSON-ready data."""
    return {
        "version": 1,
        "command": "why",
        "lang": lang,
        "library": why.library,
        "error": why.error,
        "message": why.message,
        "reading": {
            "key": why.key,
            "message": plain(
                said(lang, "mlcode.why." + why.key, {**why.params, "library": why.library})
            ),
        },
        "shapes": None if why.report is None else report_dict(why.report, lang),
        "advice": [
            {
                "key": key,
                "message": plain(said(lang, "mlcode.advice." + key, {"library": why.library})),
            }
            for key in why.advice
        ],
    }


@bounded
def render_report(
    report: ShapeReport | WhyReport, fmt: str = "text", lang: str = "en", **settings: Any
) -> str:
    """Return a shape report or a read message in ``fmt`` and ``lang``."""
    from linsteps.errors import UsageError

    if fmt not in ("text", "json", "markdown", "latex", "html"):
        raise UsageError("bad_format", value=fmt, choices="text, json, markdown, latex, html")
    if fmt == "json":
        data = (
            why_dict(report, lang) if isinstance(report, WhyReport) else report_dict(report, lang)
        )
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    parts = why_parts(report, lang) if isinstance(report, WhyReport) else report_parts(report, lang)
    return write(parts, fmt, lang, bool(settings.get("standalone")), bool(settings.get("color")))


__all__ = ["render_report", "report_dict", "report_parts", "why_dict", "why_parts"]
