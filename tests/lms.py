"""Sheets and quizzes shared by the learning-platform tests, each made once per session, and the
readers of what the exports accept."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from linsteps.assess.expected import Problem
from linsteps.practice.answer_key import key_problems
from linsteps.practice.exports.decimals import Value
from linsteps.practice.exports.questions import Question, build_questions
from linsteps.practice.sheet import Sheet
from linsteps.practice.worksheet import make_sheet
from tests.consumers import TESTS, require

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


def problem_of(entry: dict[str, object]) -> Problem:
    """The problem of one answer-key entry."""
    return Problem(str(entry["operation"]), tuple(entry["inputs"]), dict(entry["options"]))  # type: ignore[arg-type]


def typed(question: Question, values: list[Value]) -> str:
    """An answer as a student would type it into the checker, from one value per blank."""
    texts = [v.text for v in values]
    if question.form == "shapes":
        return ", ".join(f"{b.label}: {t}" for b, t in zip(question.blanks, texts, strict=True))
    if question.form in ("scalar", "undefined", "tensor"):
        return texts[0]
    if question.form == "vector" and not question.answer_text.startswith("[["):
        return "[" + ", ".join(texts) + "]"  # a vector, either way round (else: as the key)
    cols = question.shape[1]
    rows = [texts[i : i + cols] for i in range(0, len(texts), cols)]
    return "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"


def gift_parse(text: str, tmp_path: Path) -> list[dict[str, Any]]:
    """The questions of a GIFT file, as the gift-pegjs parser reads them."""
    node = require("node")
    if not (TESTS / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail(
            "gift-pegjs is not installed: run `bash tests/run.sh` or `npm ci --prefix tests`"
        )
    path = tmp_path / "quiz.gift"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [node, str(TESTS / "gift_parse.js"), str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    parsed: list[dict[str, Any]] = json.loads(done.stdout)
    return parsed


_EMBEDDED = re.compile(r"\{(\d+):(NUMERICAL|SHORTANSWER):((?:\\.|[^}\\])*)\}")


def embedded_answers(text: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Moodle's embedded answers (cloze): type and (fraction, answer, feedback) of each blank,
    read by the documented grammar: ``~`` between answers, ``#`` before a feedback, ``\\``
    escaping ``}`` ``#`` ``~`` ``/`` ``"`` ``\\``."""

    def split(text: str, mark: str) -> list[str]:
        parts, current, escaped = [], "", False
        for char in text:
            if escaped:
                current, escaped = current + char, False
            elif char == "\\":
                escaped = True
            elif char == mark:
                parts.append(current)
                current = ""
            else:
                current += char
        return [*parts, current]

    def unescape(text: str) -> str:
        return re.sub(r"\\(.)", r"\1", text)

    blanks = []
    for _, kind, body in _EMBEDDED.findall(text):
        answers = []
        for choice in split(body, "~"):
            head, *feedback = split(choice.replace("\\#", "\x00"), "#")
            match = re.fullmatch(r"%(\d+)%(.*)", head, re.DOTALL)
            assert match, choice
            answers.append((match[1], unescape(match[2].replace("\x00", "#")), "".join(feedback)))
        blanks.append((kind, answers))
    return blanks
