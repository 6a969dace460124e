"""The formats of a sheet, their options checked, and rendering a sheet in one."""

from __future__ import annotations

from linsteps.errors import UsageError
from linsteps.practice.documents.html import HtmlWriter
from linsteps.practice.documents.latex import LatexWriter
from linsteps.practice.documents.layout import SheetWriter
from linsteps.practice.documents.markdown import MarkdownWriter
from linsteps.practice.sheet import Sheet

SHEET_FORMATS = ("markdown", "latex", "html")
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


def render_sheet(
    sheet: Sheet, fmt: str = "markdown", lang: str = "en", solutions: str = "none"
) -> str:
    """Return the sheet as Markdown, LaTeX or HTML in ``lang``, with no answers, answers, or
    full solutions after the problems."""
    fmt, lang, solutions = check_format(fmt), check_lang(lang), check_solutions(solutions)
    return WRITERS[fmt](sheet, lang, solutions).render()
