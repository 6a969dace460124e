"""A structural check of MathML Core, the MathML that browsers render without scripts.

MathJax (tests/mathml_check.js) reads formulas leniently; this check holds each ``<math>`` to
the rules of MathML Core (https://www.w3.org/TR/mathml-core/): well-formed XML, only Core
elements and attributes, text only inside token elements, the fixed number of children of
scripts and fractions, tables made of rows made of cells.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

MATHML = "http://www.w3.org/1998/Math/MathML"
TOKENS = frozenset({"mi", "mn", "mo", "mtext", "ms"})
ELEMENTS = TOKENS | frozenset(
    {
        "math", "mrow", "mspace", "msqrt", "mroot", "mfrac", "msub", "msup", "msubsup",
        "munder", "mover", "munderover", "mmultiscripts", "mprescripts", "mtable", "mtr",
        "mtd", "mstyle", "mpadded", "mphantom", "merror", "semantics", "annotation",
        "annotation-xml",
    }
)  # fmt: skip
ARITY = {"mfrac": 2, "mroot": 2, "msub": 2, "msup": 2, "munder": 2, "mover": 2}
ARITY |= {"msubsup": 3, "munderover": 3}
GLOBAL = frozenset({"class", "id", "style", "dir", "displaystyle", "scriptlevel", "mathvariant"})
ATTRIBUTES = {
    "math": {"display", "alttext"},
    "mspace": {"width", "height", "depth"},
    "mo": {"form", "fence", "separator", "lspace", "rspace", "stretchy", "symmetric"}
    | {"maxsize", "minsize", "largeop", "movablelimits"},
    "mover": {"accent"},
    "munder": {"accentunder"},
    "munderover": {"accent", "accentunder"},
    "mfrac": {"linethickness"},
    "mtd": {"columnspan", "rowspan"},
    "mpadded": {"width", "height", "depth", "lspace", "voffset"},
}


def core_problems(formula: str) -> list[str]:
    """Return what keeps one ``<math>…</math>`` from being MathML Core (empty when it is)."""
    try:
        root = ET.fromstring(formula.replace("<math", f'<math xmlns="{MATHML}"', 1))
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    problems: list[str] = []
    _check(root, None, problems)
    return problems


def _check(element: ET.Element, parent: str | None, problems: list[str]) -> None:
    name = element.tag.removeprefix(f"{{{MATHML}}}")
    if name not in ELEMENTS:
        problems.append(f"<{name}> is not a MathML Core element")
    unknown = set(element.attrib) - GLOBAL - ATTRIBUTES.get(name, set())
    if unknown:
        problems.append(f"<{name}> has attributes outside MathML Core: {sorted(unknown)}")
    children = list(element)
    if name in TOKENS:
        if children:
            problems.append(f"<{name}> holds elements; a token element holds text only")
    else:
        texts = [element.text or ""] + [child.tail or "" for child in children]
        stray = [t for t in texts if t.strip()]
        if stray:
            problems.append(f"text {stray[0].strip()!r} directly inside <{name}>")
    if name in ARITY and len(children) != ARITY[name]:
        problems.append(f"<{name}> has {len(children)} children, not {ARITY[name]}")
    for child in children:
        child_name = child.tag.removeprefix(f"{{{MATHML}}}")
        if name == "mtable" and child_name != "mtr":
            problems.append(f"<{child_name}> inside <mtable>: a table holds rows (<mtr>)")
        if name == "mtr" and child_name != "mtd":
            problems.append(f"<{child_name}> inside <mtr>: a row holds cells (<mtd>)")
        if child_name == "mtd" and name != "mtr":
            problems.append(f"<mtd> inside <{name}>: a cell belongs in a row (<mtr>)")
        _check(child, name, problems)
