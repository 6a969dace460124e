"""Formulas inside prose: which runs of a sentence are mathematics.

Catalog sentences and messages carry mathematics of their own: ``cos θ = 1``, ``j ≤ i``,
``1×1``, ``QKᵀ``, ``‖a‖ = 0``, ``π``.  As plain text they break the consumers that set text and
mathematics apart (pdflatex cannot set θ or ≤ as text) and read badly in pieces
(``$x$ $\\neq$ 0``).  :func:`prose_pieces` splits prose into text and formulas, by the shape of
the words, never by meaning: a formula is a run of words holding a symbol (``θ``, ``a·b``,
``1×1``, ``45°``), joined across spaces by operators (``θ = 1``, ``j ≤ i``, ``π − θ``) and
function names (``cos θ``).  English words stay text: a letter counts as mathematics only
standing alone or beside a symbol.  Each formatter writes a formula in its notation
(``formula``); this module only finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linsteps.render.printing import GREEK

GREEK_LETTERS = frozenset(char for name, char in GREEK.items() if name != "omicron")
# Characters that are mathematics wherever they stand.
SYMBOLS = GREEK_LETTERS | frozenset("−·×→≈‖∘⊙√≤≥≠ᵢⱼᵀ²³⋯∞⟨⟩±°")
# Operators and relations: they join the words on either side into one formula.
OPERATORS = frozenset("=≠≤≥≈→·×+−∘⊙/<>±")
# Symbols written before what they apply to: Σ aᵢ, √2.
PREFIXES = frozenset("Σ√")
# Function names, mathematics beside what they apply to: cos θ, arccos(…), proj_b.
FUNCTIONS = frozenset(
    {"cos", "sin", "tan", "arccos", "arcsin", "arctan", "exp", "ln", "log"}
    | {"conj", "proj", "softmax", "mask"}
)

_CLASS = "".join(sorted(SYMBOLS))
TOKEN = re.compile(
    r"(?P<word>[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)"
    r"|(?P<number>\d+(?:\.\d+)?)"
    rf"|(?P<symbol>[{re.escape(_CLASS)}])"
    r"|(?P<op>[=+/()<>])"
    r"|(?P<space> +)"
    r"|(?P<other>.)",
    re.S,
)


@dataclass(frozen=True)
class Piece:
    """Plain text, or a formula (still in Unicode) found in prose.

    ``left_open`` / ``right_open``: the formula starts / ends with an operator, so it joins
    with the mathematics on that side (``{x}`` and ``≠ 0`` make one formula ``x ≠ 0``).
    """

    text: str
    formula: bool = False
    left_open: bool = False
    right_open: bool = False


@dataclass(frozen=True)
class Edges:
    """Whether mathematics is attached to the text on its left and on its right."""

    left: bool
    right: bool


@dataclass
class _Cluster:
    """Tokens written together, without a space: a word of the sentence."""

    tokens: list[tuple[str, str]]
    kind: str = "text"  # math, op, operand, function, mixed or text

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.tokens)


def is_short(word: str) -> bool:
    """Return True for a word that reads as mathematics: a function, or letters such as
    ``x``, ``QK``, ``d_k`` (at most two letters in each part)."""
    base = word.partition("_")[0]
    return base in FUNCTIONS or all(len(part) <= 2 for part in word.split("_"))


def _classify(cluster: _Cluster) -> str:
    kinds = [kind for kind, _ in cluster.tokens]
    text = cluster.text
    if "symbol" in kinds or "op" in kinds:
        if all(kind in ("symbol", "op") for kind in kinds) and set(text) <= OPERATORS:
            return "op"
        if "symbol" not in kinds:
            return "text"
        words = [t for kind, t in cluster.tokens if kind == "word"]
        return "math" if all(is_short(w) for w in words) else "mixed"
    if len(kinds) != 1:
        return "text"
    if kinds[0] == "number":
        return "operand"
    if kinds[0] == "word":
        if text.partition("_")[0] in FUNCTIONS:
            return "function"
        if len(text.partition("_")[0]) == 1 and is_short(text):
            return "operand"
    return "text"


def _trim(cluster: _Cluster, first: bool, last: bool) -> tuple[str, _Cluster, str]:
    """Move unbalanced outer parentheses out of a cluster, unless their partner may lie in the
    mathematics the cluster is attached to (``first``: on its left, ``last``: on its right)."""
    tokens = list(cluster.tokens)
    before = after = ""
    depth = sum(1 if t == "(" else -1 if t == ")" else 0 for _, t in tokens)
    while not last and depth > 0 and tokens and tokens[0] == ("op", "("):
        before += tokens.pop(0)[1]
        depth -= 1
    while not first and depth < 0 and tokens and tokens[-1] == ("op", ")"):
        after = tokens.pop()[1] + after
        depth += 1
    return before, _Cluster(tokens), after


def _links(left: _Cluster, right: _Cluster) -> bool:
    """Return True when a space between two clusters lies inside one formula."""
    if left.kind == "op":
        return right.kind in ("math", "operand", "function")
    if right.kind == "op":
        return left.kind in ("math", "operand")
    if left.kind == "function":
        return right.kind in ("math", "operand")
    return left.kind == "math" and left.text[-1] in PREFIXES and right.kind in ("math", "operand")


def prose_pieces(
    text: str, attached_left: bool = False, attached_right: bool = False
) -> list[Piece]:
    """Return ``text`` as plain text and formulas, in order.

    ``attached_left`` / ``attached_right``: mathematics touches the text on that side (a
    parameter of a template), so parentheses there are not unbalanced.
    """
    items: list[_Cluster | str] = []  # clusters, and the text between them
    current: list[tuple[str, str]] = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("space", "other"):
            if current:
                items.append(_Cluster(current))
                current = []
            items.append(match.group())
        else:
            current.append((kind, match.group()))
    if current:
        items.append(_Cluster(current))
    expanded: list[_Cluster | str] = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            expanded.append(item)
            continue
        first = i == 0 and attached_left
        last = i == len(items) - 1 and attached_right
        before, core, after = _trim(item, first, last)
        core.kind = _classify(core) if core.tokens else "text"
        expanded.extend([before] if before else [])
        expanded.extend([core] if core.tokens else [])
        expanded.extend([after] if after else [])
    return _group(expanded, Edges(attached_left, attached_right))


def _group(items: list[_Cluster | str], edges: Edges) -> list[Piece]:
    """Join linked clusters into formulas; the rest is text."""
    pieces: list[Piece] = []
    i = 0
    while i < len(items):
        item = items[i]
        if isinstance(item, str) or item.kind in ("text", "operand", "function"):
            if not isinstance(item, str) and _starts_group(items, i):
                i = _formula(items, i, pieces, edges)
                continue
            _text(pieces, item if isinstance(item, str) else item.text)
            i += 1
        elif item.kind == "mixed":
            # Words that are not mathematics around symbols: rows→columns, out_features×in
            for kind, token in item.tokens:
                if kind != "symbol":
                    _text(pieces, token)
                elif pieces and pieces[-1].formula:
                    pieces[-1] = Piece(pieces[-1].text + token, True)
                else:
                    pieces.append(Piece(token, True))
            i += 1
        else:
            i = _formula(items, i, pieces, edges)
    return pieces


def _starts_group(items: list[_Cluster | str], i: int) -> bool:
    """Return True when an operand or function name is linked to a formula on its right."""
    return _linked(items, i) is not None


def _linked(items: list[_Cluster | str], i: int) -> int | None:
    """Return the index of the cluster after cluster items[i] when only spaces lie between
    and the two are linked, else None."""
    j = i + 1
    while j < len(items) and isinstance(items[j], str) and not str(items[j]).strip(" "):
        j += 1
    left, right = items[i], items[j] if j < len(items) else None
    if j == i + 1 or not isinstance(left, _Cluster) or not isinstance(right, _Cluster):
        return None
    return j if _links(left, right) else None


def _edge(items: list[_Cluster | str], start: int, stop: int) -> bool:
    """Return True when only spaces lie in items[start:stop]."""
    return all(isinstance(item, str) and not item.strip(" ") for item in items[start:stop])


def _formula(items: list[_Cluster | str], i: int, pieces: list[Piece], edges: Edges) -> int:
    """Append the formula starting at cluster items[i]; return the index after it.

    An operator at an end of the formula opens it towards mathematics attached on that side
    (``{x} ≠ 0``); towards text it is left out (``columns of Aᵀ = rows of b``).  Words of
    ASCII only are text unless they continue such mathematics.
    """
    end = i
    while (following := _linked(items, end)) is not None:
        end = following
    open_left = edges.left and _edge(items, 0, i)
    open_right = edges.right and _edge(items, end + 1, len(items))
    indices = [k for k in range(i, end + 1) if isinstance(items[k], _Cluster)]
    before: list[_Cluster | str] = []
    after: list[_Cluster | str] = []
    if len(indices) > 1 and _kind(items, indices[-1]) == "op" and not open_right:
        after, end = items[indices[-2] + 1 : end + 1], indices[-2]
        indices.pop()
    if len(indices) > 1 and _kind(items, indices[0]) == "op" and not open_left:
        before, i = items[i : indices[1]], indices[1]
        indices.pop(0)
    _plain(before, pieces)
    group = items[i : end + 1]
    first, last = items[indices[0]], items[indices[-1]]
    assert isinstance(first, _Cluster) and isinstance(last, _Cluster)
    wants_left = first.kind == "op"
    wants_right = last.kind == "op" or (last.kind == "math" and last.text[-1] in PREFIXES)
    text = "".join(item if isinstance(item, str) else item.text for item in group)
    clusters = [items[k] for k in indices]
    numbers_only = all(
        isinstance(c, _Cluster) and c.kind in ("op", "operand") and not c.text.isalpha()
        for c in clusters
    )
    separator = numbers_only and len(clusters) > 1 and not (wants_left or wants_right)
    opened = (wants_left and open_left) or (wants_right and open_right)
    dangling = (wants_left and not open_left) or (wants_right and not open_right)
    if separator or (text.isascii() and (dangling or not opened)):
        # 3 · 4 between two numbers is a separator ("Seed 3 · 4 problems"), not a product;
        # ASCII is a formula only beside the mathematics it continues ("{x} > 0"): "rows of
        # B = 3" counts rows, it does not say B = 3.
        _plain(group, pieces)
    else:
        pieces.append(Piece(text, True, wants_left and open_left, wants_right and open_right))
    _plain(after, pieces)
    return end + 1 + len(after)


def _kind(items: list[_Cluster | str], index: int) -> str:
    item = items[index]
    return item.kind if isinstance(item, _Cluster) else "text"


def _plain(items: list[_Cluster | str], pieces: list[Piece]) -> None:
    """Append items that are no formula: text, and operators standing alone."""
    for item in items:
        if isinstance(item, _Cluster) and item.kind == "op":
            _operator(pieces, item.text)
        else:
            _text(pieces, item if isinstance(item, str) else item.text)


def _operator(pieces: list[Piece], text: str) -> None:
    """Append an operator standing alone: text when it is ASCII, else a formula."""
    if text.isascii():
        _text(pieces, text)
    else:
        pieces.append(Piece(text, True))


def _text(pieces: list[Piece], text: str) -> None:
    if pieces and not pieces[-1].formula:
        pieces[-1] = Piece(pieces[-1].text + text)
    else:
        pieces.append(Piece(text))


def formula_tokens(text: str) -> list[tuple[str, str]]:
    """Return the tokens of a formula found by :func:`prose_pieces` (kind, text)."""
    return [(m.lastgroup or "other", m.group()) for m in TOKEN.finditer(text)]
