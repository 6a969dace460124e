"""Sheets and quizzes shared by the learning-platform tests, each made once per session."""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from typing import Any

from linsteps.practice.answer_key import key_problems
from linsteps.practice.exports.questions import Question, build_questions
from linsteps.practice.sheet import Sheet
from linsteps.practice.worksheet import make_sheet

# (seed, topics, difficulty): the sheet; every other topic with undefined products,
# vectors and attention; symbols and surds; the products as ML code writes them.
SHEETS = {
    "default": (7, None, "medium"),
    "general": (3, "dot,matmul,products,outer,project,linear,attention,hadamard", "medium"),
    "hard": (5, "dot,norm,hadamard,matmul,shapes,products", "hard"),
    "ml": (9, "einsum,broadcast,codeshapes", "medium"),
}
TEX = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.DOTALL)


@cache
def sheet(name: str) -> Sheet:
    """One of :data:`SHEETS`, 12 problems."""
    seed, topics, difficulty = SHEETS[name]
    return make_sheet(seed, 12, topics, difficulty)


@cache
def questions(name: str, lang: str = "en") -> tuple[Question, ...]:
    """The questions of sheet ``name``."""
    return build_questions(sheet(name), lang)


@cache
def key_entries(name: str) -> tuple[dict[str, Any], ...]:
    """The answer-key entries of sheet ``name``."""
    return tuple(key_problems(sheet(name)))


def unzip(data: bytes) -> dict[str, str]:
    """The files of a zip archive as text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def tex_spans(html: str, where: str) -> list[dict[str, Any]]:
    """Every formula of HTML text, unescaped, as tests/katex_check.js reads them."""
    import html as html_module

    return [
        {"tex": html_module.unescape(inline or display), "display": bool(display), "where": where}
        for inline, display in TEX.findall(html)
    ]
