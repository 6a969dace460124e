"""The subscripts of ``einsum``, read by a strict hand parser with NumPy's rules.

``"ij,jk->ik"`` names the axes of each operand with one letter each (a-z, A-Z), ``...``
stands for broadcast axes, ``->`` gives the output (implicit mode without it: the letters
that appear once, in alphabetical order, after any ``...``).  Spaces are ignored, as NumPy
ignores them.  Nothing is evaluated: every character is one of ``a-zA-Z , - > .`` and space,
and each is placed by the rules below or refused with its column.
"""

from __future__ import annotations

from dataclasses import dataclass

from linsteps.errors import LimitError, ParseError

ELLIPSIS = "..."
MAX_SPEC = 200  # characters
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True)
class EinsumSpec:
    """Subscripts as read: the labels of each operand and of the output.

    A label is a letter or :data:`ELLIPSIS`; ``output`` is the explicit output after ``->``
    or, in implicit mode, the one NumPy infers (``explicit`` says which).
    """

    text: str
    inputs: tuple[tuple[str, ...], ...]
    output: tuple[str, ...]
    explicit: bool

    @property
    def letters(self) -> tuple[str, ...]:
        """Return the letters of the inputs in order of first appearance."""
        seen: dict[str, None] = {}
        for term in self.inputs:
            seen.update((label, None) for label in term if label != ELLIPSIS)
        return tuple(seen)


def _fail(key: str, column: int, **params: object) -> ParseError:
    return ParseError(key, column=column, **params)


def _with_spec(error: ParseError, text: str) -> ParseError:
    """Return ``error`` naming the subscripts it is about."""
    error.params["spec"] = text
    return error


def _term(text: str, start: int, end: int, output: bool) -> tuple[str, ...]:
    """Read the labels of one term ``text[start:end]`` (columns count from the whole spec)."""
    labels: list[str] = []
    pos = start
    while pos < end:
        char = text[pos]
        if char == " ":
            pos += 1
        elif char in _LETTERS:
            if output and char in labels:
                raise _fail("spec_output_repeated", pos + 1, label=char)
            labels.append(char)
            pos += 1
        elif char == ".":
            if text[pos : pos + 3] != ELLIPSIS or pos + 3 > end:
                raise _fail("spec_dot", pos + 1)
            if ELLIPSIS in labels:
                raise _fail("spec_ellipsis_twice", pos + 1)
            labels.append(ELLIPSIS)
            pos += 3
        elif char == "," and output:
            raise _fail("spec_output_comma", pos + 1)
        else:
            raise _fail("spec_char", pos + 1, char=char)
    return tuple(labels)


def parse_spec(text: str) -> EinsumSpec:
    """Read einsum subscripts; raise ``ParseError`` with the column of the first problem."""
    if len(text) > MAX_SPEC:
        raise LimitError("spec_too_long", length=len(text), limit=MAX_SPEC)
    try:
        return _parse(text)
    except ParseError as error:
        raise _with_spec(error, text) from None


def _parse(text: str) -> EinsumSpec:
    for pos, char in enumerate(text):
        if not (char in _LETTERS or char in " ,.->"):
            raise _fail("spec_char", pos + 1, char=char)
        if char == "-" and text[pos + 1 : pos + 2] != ">":
            raise _fail("spec_arrow", pos + 1)
        if char == ">" and text[pos - 1 : pos] != "-":
            raise _fail("spec_arrow", pos + 1)
    arrow = text.find("->")
    if arrow >= 0 and text.find("->", arrow + 2) >= 0:
        raise _fail("spec_arrow_twice", text.find("->", arrow + 2) + 1)
    left_end = arrow if arrow >= 0 else len(text)
    inputs: list[tuple[str, ...]] = []
    start = 0
    for pos in [*(i for i in range(left_end) if text[i] == ","), left_end]:
        inputs.append(_term(text, start, pos, output=False))
        start = pos + 1
    if arrow >= 0:
        output = _term(text, arrow + 2, len(text), output=True)
        known = {label for term in inputs for label in term}
        for label in output:
            if label != ELLIPSIS and label not in known:
                column = text.index(label, arrow + 2) + 1
                raise _fail("spec_output_unknown", column, label=label)
        return EinsumSpec(text, tuple(inputs), output, True)
    counts: dict[str, int] = {}
    for term in inputs:
        for label in term:
            counts[label] = counts.get(label, 0) + 1
    once = sorted(label for label, n in counts.items() if n == 1 and label != ELLIPSIS)
    ellipsis = (ELLIPSIS,) if ELLIPSIS in counts else ()
    return EinsumSpec(text, tuple(inputs), (*ellipsis, *once), False)
