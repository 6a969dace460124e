"""The formats of a sheet, their options checked, and rendering a sheet in one."""

from __future__ import annotations

import re

from linsteps.errors import UsageError
from linsteps.practice.documents.html import HtmlWriter
from linsteps.practice.documents.latex import LatexWriter
from linsteps.practice.documents.layout import SheetWriter
from linsteps.practice.documents.markdown import MarkdownWriter
from linsteps.practice.sheet import Sheet
from linsteps.reading.budget import bounded

SHEET_FORMATS = ("markdown", "latex", "html")
DEFAULT_SPACE = "4cm"
_SPACE = re.compile(r"0|\d{1,2}(\.\d{1,2})?(cm|mm|in|pt|em)")
SOLUTIONS = ("none", "answers", "full")
EXTENSIONS = {"markdown": "md", "latex": "tex", "html": "html"}
WRITERS: dict[str, type[SheetWriter]] = {
    "markdown": MarkdownWriter,
    "latex": LatexWriter,
    "html": HtmlWriter,
}


def check_format(fmt: str) -> str:
    """Return ``fmt`` when it is a sheet format."""
    if fmt not in SHEET_FORMATS:
        raise UsageError("bad_format", value=fmt, choices=", ".join(SHEET_FORMATS))
    return fmt


def check_lang(lang: str) -> str:
    """Return ``lang`` when it is en or zh."""
    if lang not in ("en", "zh"):
        raise UsageError("bad_lang", value=lang, choices="en, zh")
    return lang


def check_solutions(solutions: str) -> str:
    """Return ``solutions`` when it is none, answers or full."""
    if solutions not in SOLUTIONS:
        raise UsageError("bad_solutions", value=solutions, choices=", ".join(SOLUTIONS))
    return solutions


def check_space(space: str | None, fmt: str) -> str:
    """The working space after each problem: ``space`` (``4cm``, ``30mm``, ``2in``, ``0``)
    checked, else DEFAULT_SPACE on a printed sheet (LaTeX, HTML) and none in Markdown."""
    if space is None:
        return DEFAULT_SPACE if fmt in ("latex", "html") else ""
    if not space.strip():
        return ""
    if not _SPACE.fullmatch(space.strip()):
        raise UsageError("bad_space", value=space)
    return "" if float(re.sub("[a-z]+", "", space.strip()) or 0) == 0 else space.strip()


@bounded
def render_sheet(
    sheet: Sheet,
    fmt: str = "markdown",
    lang: str = "en",
    solutions: str = "none",
    space: str | None = "",
) -> str:
    """Return the sheet as Markdown, LaTeX or HTML in ``lang``, with no answers, answers, or
    full solutions after the problems, and ``space`` to work in after each problem (None:
    the default of the format)."""
    fmt, lang, solutions = check_format(fmt), check_lang(lang), check_solutions(solutions)
    writer = WRITERS[fmt](sheet, lang, solutions)
    writer.space = check_space(space, fmt)
    return writer.render()
