"""Worksheets: seeded problems solved by the explainer, assembled, rendered, and keyed.

A :class:`Sheet` holds numbered problems, each solved by the same operations the command line
explains (:func:`solve`), so its answers and worked solutions are those derivations.  The key
(:func:`build_key`) is versioned JSON that answer checking and grading read.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, cast

from linsteps.derivation.steps import Derivation, Operand
from linsteps.errors import LinstepsError, UsageError
from linsteps.practice.problems import TOPICS, Problem, check_count, check_difficulty, generate

KEY_VERSION = 1
SHEET_FORMATS = ("markdown", "latex", "html")
SOLUTIONS = ("none", "answers", "full")
MAX_SEED = 2**64 - 1
UNDEFINED = {"text": "undefined", "latex": "\\text{undefined}", "sympy": "undefined"}
EXTENSIONS = {"markdown": "md", "latex": "tex", "html": "html"}


@dataclass(frozen=True)
class Part:
    """One part of a shape question: ``AB`` and its derivation, or the error it raises."""

    expression: str
    node: Any
    derivation: Derivation | None
    error: LinstepsError | None


@dataclass(frozen=True)
class Solved:
    """A numbered problem, its operands as shown, and what the explainer derives from them."""

    number: int
    problem: Problem
    operands: tuple[Operand, ...]
    derivation: Derivation | None = None
    error: LinstepsError | None = None
    parts: tuple[Part, ...] = ()
    row: Any = None  # for "which product?": the row of compare's table that is asked


@dataclass(frozen=True)
class Sheet:
    """A worksheet: its options, its seed and its solved problems."""

    seed: int
    count: int
    topics: tuple[str, ...]
    difficulty: str
    problems: tuple[Solved, ...]
    title: str | None = None
    date: str | None = None
    student: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def render(self, fmt: str = "markdown", lang: str = "en", solutions: str = "none") -> str:
        """Return the sheet as Markdown, LaTeX or HTML, with no answers, answers, or full
        solutions after the problems."""
        from linsteps.practice.sheet_view import render_sheet

        return render_sheet(self, check_format(fmt), check_lang(lang), check_solutions(solutions))


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


def check_seed(seed: int | None) -> int:
    """Return the seed, or a fresh one (printed in the sheet) when None."""
    if seed is None:
        return secrets.randbelow(10**9)
    if not 0 <= seed <= MAX_SEED:
        raise UsageError("bad_seed", value=seed, most=MAX_SEED)
    return seed


def student_seed(seed: int, student: str) -> int:
    """Return a student's seed: a SHA-256 of the sheet's seed and the id (stable everywhere)."""
    digest = hashlib.sha256(f"{seed}\x1f{student}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


# --- solving ----------------------------------------------------------------------------------


def operand_names(problem: Problem) -> tuple[str, ...]:
    """Return the names the explainer gives the inputs: a, b for vectors, A, B for matrices."""
    if problem.operation == "shapes":
        return ("A", "B", "a", "b")
    if problem.operation == "linear":
        batch = len(problem.inputs) > 1 and problem.inputs[1].startswith("[[")
        return ("W", "X" if batch else "x", "b")[: len(problem.inputs)]
    if problem.operation == "attention":
        return ("Q", "K", "V")[: len(problem.inputs)]
    if problem.topic == "products":
        kinds = ["A" if text.startswith("[[") else "v" for text in problem.inputs]
        if kinds == ["A", "A"]:
            return ("A", "B")
        return ("a", "b") if kinds == ["v", "v"] else ("A", "x")
    if problem.operation in ("matmul", "hadamard"):
        vectors = all(not text.startswith("[[") for text in problem.inputs)
        if problem.operation == "hadamard" and vectors:
            return ("a", "b")
        return ("A", "B")
    return ("a", "b")[: len(problem.inputs)]


def solve(problem: Problem, number: int) -> Solved:
    """Read the inputs and derive the answer with the explainer (or the error it raises)."""
    from linsteps.derivation.operands import to_operand
    from linsteps.ops import OPERATIONS

    names = operand_names(problem)
    if problem.entries:
        operands = tuple(
            _operand(entries, text, name)
            for entries, text, name in zip(problem.entries, problem.inputs, names, strict=True)
        )
    else:
        operands = tuple(
            to_operand(text, name) for text, name in zip(problem.inputs, names, strict=True)
        )
    if problem.operation == "shapes":
        return Solved(number, problem, operands, parts=tuple(_parts(problem, operands)))
    if problem.topic == "products":
        from linsteps.learn.compare import product_row

        row = product_row(problem.options["product"], *operands)
        return Solved(number, problem, operands, row.derivation, row.reason, row=row)
    operation = cast("Callable[..., Derivation]", OPERATIONS[problem.operation])
    try:
        derivation = operation(*operands, **problem.options)
    except LinstepsError as error:
        return Solved(number, problem, operands, error=error)
    return Solved(number, problem, operands, derivation=derivation)


def _operand(entries: Any, text: str, name: str) -> Operand:
    """Return the operand the parser reads from ``text``, built from the generated entries
    (faster than parsing; a test holds the two equal)."""
    import sympy

    from linsteps.practice.problems import Surd, Symbol

    def value(x: Any) -> Any:
        if isinstance(x, Surd):
            return x.coef * sympy.sqrt(x.radicand)
        if isinstance(x, Symbol):
            return x.coef * sympy.Symbol(x.name, real=True)
        if isinstance(x, Fraction):
            return sympy.Rational(x.numerator, x.denominator)
        return sympy.Integer(x)

    if isinstance(entries[0], list):
        matrix = sympy.ImmutableMatrix([[value(x) for x in row] for row in entries])
        return Operand(name, matrix, "matrix", text)
    return Operand(name, sympy.ImmutableMatrix([value(x) for x in entries]), "vector", text)


def _parts(problem: Problem, operands: tuple[Operand, ...]) -> list[Part]:
    from linsteps.derivation.matrices import Dot, Hadamard, MatProduct
    from linsteps.ops import OPERATIONS

    nodes = {"matmul": MatProduct, "hadamard": Hadamard, "dot": Dot}
    parts = []
    for spec in problem.options["parts"]:
        args = [operands[i] for i in spec["inputs"]]
        node = nodes[spec["operation"]](args[0].node(), args[1].node())
        operation = cast("Callable[..., Derivation]", OPERATIONS[spec["operation"]])
        try:
            derivation = operation(*args)
        except LinstepsError as error:
            parts.append(Part(spec["expression"], node, None, error))
        else:
            parts.append(Part(spec["expression"], node, derivation, None))
    return parts


def result_shape(derivation: Derivation) -> tuple[int, int] | None:
    """Return (rows, columns) of a matrix result, None for a scalar."""
    result = derivation.result
    if getattr(result, "is_Matrix", False):
        return (int(result.rows), int(result.cols))
    return None


# --- sheets -----------------------------------------------------------------------------------


def make_sheet(
    seed: int | None = None,
    count: int = 10,
    topics: Sequence[str] | str | None = None,
    difficulty: str = "medium",
    *,
    title: str | None = None,
    date: str | None = None,
    student: str | None = None,
) -> Sheet:
    """Generate and solve a sheet; the same arguments always give the same sheet."""
    from linsteps.practice.problems import parse_topics

    chosen = parse_topics(topics)
    seed = check_seed(seed)
    check_count(count)
    check_difficulty(difficulty)
    problems = generate(seed, count, chosen, difficulty)
    solved = tuple(solve(p, i) for i, p in enumerate(problems, start=1))
    options = {"count": count, "topics": list(chosen), "difficulty": difficulty}
    return Sheet(seed, count, chosen, difficulty, solved, title, date, student, options)


# --- the key ----------------------------------------------------------------------------------


def answer_of(solved: Solved) -> dict[str, str]:
    """Return the answer as ``{"text", "latex", "sympy"}``, read from the derivation."""
    if solved.parts:
        return _shape_answer(solved.parts)
    if solved.derivation is None:
        return dict(UNDEFINED)
    from linsteps.derivation.values import Value
    from linsteps.render.latex_formatter import LatexFormatter
    from linsteps.render.text_formatter import TextFormatter

    settings = solved.derivation.settings
    decimal, places = bool(settings.get("decimal", False)), int(settings.get("places", 4))
    node = Value(solved.derivation.result)
    return {
        "text": TextFormatter("en", decimal, places).format(node),
        "latex": LatexFormatter("en", decimal, places).format(node),
        "sympy": str(solved.derivation.result),
    }


def _shape_answer(parts: tuple[Part, ...]) -> dict[str, str]:
    texts, latex, sympy = [], [], []
    for part in parts:
        if part.derivation is None:
            texts.append(f"{part.expression}: undefined")
            latex.append(f"{_latex_name(part.expression)}\\colon \\text{{undefined}}")
            sympy.append("undefined")
            continue
        shape = result_shape(part.derivation)
        if shape is None:
            texts.append(f"{part.expression}: scalar")
            latex.append(f"{_latex_name(part.expression)}\\colon \\text{{scalar}}")
            sympy.append("scalar")
        else:
            texts.append(f"{part.expression}: {shape[0]}×{shape[1]}")
            latex.append(f"{_latex_name(part.expression)}\\colon {shape[0]} \\times {shape[1]}")
            sympy.append(f"({shape[0]}, {shape[1]})")
    return {
        "text": "; ".join(texts),
        "latex": ",\\quad ".join(latex),
        "sympy": "[" + ", ".join(sympy) + "]",
    }


def _latex_name(expression: str) -> str:
    return expression.replace("∘", " \\circ ").replace("·", " \\cdot ")


def key_problems(sheet: Sheet) -> list[dict[str, Any]]:
    """Return the key entries of a sheet's problems."""
    return [
        {
            "id": str(s.number),
            "topic": s.problem.topic,
            "operation": s.problem.operation,
            "inputs": list(s.problem.inputs),
            "options": dict(s.problem.options),
            "answer": answer_of(s),
        }
        for s in sheet.problems
    ]


def build_key(
    seed: int,
    options: dict[str, Any],
    sheet: Sheet | None = None,
    students: dict[str, tuple[Sheet, str]] | None = None,
) -> dict[str, Any]:
    """Return the key: ``problems`` for one sheet, or ``students`` (id → seed, problems)."""
    key: dict[str, Any] = {"version": KEY_VERSION, "seed": seed, "options": options}
    if students is not None:
        key["students"] = {
            student: {"seed": s.seed, "problems": key_problems(s)}
            for student, (s, _) in students.items()
        }
    elif sheet is not None:
        key["problems"] = key_problems(sheet)
    return key


def key_json(key: dict[str, Any]) -> str:
    """Return the key as indented UTF-8 JSON."""
    return json.dumps(key, ensure_ascii=False, indent=2) + "\n"


# --- whole runs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """Everything ``linsteps worksheet`` was asked for."""

    seed: int | None = None
    count: int = 10
    topics: str | Sequence[str] | None = None
    difficulty: str = "medium"
    fmt: str = "markdown"
    lang: str = "en"
    solutions: str = "none"
    title: str | None = None
    date: str | None = None
    out: Path | None = None
    key: Path | None = None
    roster: Path | None = None
    out_dir: Path | None = None


def run_request(request: Request) -> str | None:
    """Make the sheets, write them and the key whole or not at all; return the text to print
    on standard output (the sheet when no ``out`` is given).  Every option is checked before
    anything is generated or written."""
    from linsteps.output import check_writable, write_atomic, write_directory
    from linsteps.practice.problems import parse_topics

    fmt, lang = check_format(request.fmt), check_lang(request.lang)
    solutions = check_solutions(request.solutions)
    topics = parse_topics(request.topics)
    count, difficulty = check_count(request.count), check_difficulty(request.difficulty)
    if request.roster is not None and request.out_dir is None:
        raise UsageError("roster_needs_out_dir")
    if request.out_dir is not None and request.roster is None:
        raise UsageError("out_dir_needs_roster")
    if request.roster is not None and request.out is not None:
        raise UsageError("roster_with_out")
    for path in (request.out, request.key):
        if path is not None:
            check_writable(path)
    seed = check_seed(request.seed)
    options = {"count": count, "topics": list(topics), "difficulty": difficulty}

    def sheet_for(sheet_seed: int, student: str | None = None) -> Sheet:
        return make_sheet(
            sheet_seed,
            count,
            topics,
            difficulty,
            title=request.title,
            date=request.date,
            student=student,
        )

    if request.roster is not None and request.out_dir is not None:
        from linsteps.practice.roster import file_names, read_roster

        check_writable(request.out_dir, folder=True)
        students = read_roster(request.roster)
        made: dict[str, tuple[Sheet, str]] = {}
        files: dict[str, str] = {}
        for student, file in zip(students, file_names(students, EXTENSIONS[fmt]), strict=True):
            sheet = sheet_for(student_seed(seed, student), student)
            made[student] = (sheet, file)
            files[file] = sheet.render(fmt, lang, solutions)
        write_directory(request.out_dir, files)
        if request.key is not None:
            write_atomic(request.key, key_json(build_key(seed, options, students=made)))
        return None
    sheet = sheet_for(seed)
    text = sheet.render(fmt, lang, solutions)
    if request.key is not None:
        write_atomic(request.key, key_json(build_key(seed, options, sheet=sheet)))
    if request.out is not None:
        write_atomic(request.out, text)
        return None
    return text


__all__ = [
    "KEY_VERSION",
    "SHEET_FORMATS",
    "SOLUTIONS",
    "TOPICS",
    "Request",
    "Sheet",
    "Solved",
    "answer_of",
    "build_key",
    "make_sheet",
    "run_request",
    "solve",
    "student_seed",
]
