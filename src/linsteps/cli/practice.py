"""The commands for practice: worksheets, checking one answer, grading a class."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from linsteps.cli.common import fail, load
from linsteps.cli.options import Shared, sharing
from linsteps.errors import LinstepsError, UsageError


class SheetFormat(str, Enum):
    """Worksheet formats."""

    markdown = "markdown"
    latex = "latex"
    html = "html"
    moodle = "moodle"
    gift = "gift"
    qti = "qti"
    canvas = "canvas"


class VerdictFormat(str, Enum):
    """The formats of a checked answer."""

    text = "text"
    json = "json"


class Unit(str, Enum):
    """The units of an angle."""

    radians = "radians"
    degrees = "degrees"


class Difficulty(str, Enum):
    """Worksheet difficulties."""

    easy = "easy"
    medium = "medium"
    hard = "hard"


class Solutions(str, Enum):
    """What follows the problems of a worksheet."""

    none = "none"
    answers = "answers"
    full = "full"


@sharing("lang", "out")
def worksheet(
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", help="Seed of the problems, 0 to 2^64 − 1 (default: a new one, printed)."
        ),
    ] = None,
    count: Annotated[
        int, typer.Option("--count", "-n", help="Number of problems, 1 to {most_problems}.")
    ] = 10,
    topics: Annotated[
        str | None,
        typer.Option(
            "--topics",
            help="Comma-separated, any of: {topics} (default: {default_topics}).",
        ),
    ] = None,
    difficulty: Annotated[
        Difficulty, typer.Option("--difficulty", help="Sizes and ranges of the numbers.")
    ] = Difficulty.medium,
    sheet_format: Annotated[
        SheetFormat,
        typer.Option(
            "--format",
            "-f",
            help="markdown, latex, html; quizzes: moodle (XML), gift, qti (2.1), canvas (zip).",
        ),
    ] = SheetFormat.markdown,
    key: Annotated[
        Path | None, typer.Option("--key", help="Write the answer key (JSON) to this file.")
    ] = None,
    solutions: Annotated[
        Solutions,
        typer.Option("--solutions", help="After the problems: none, answers or full."),
    ] = Solutions.none,
    roster: Annotated[
        Path | None,
        typer.Option("--roster", help="Class list (CSV): one sheet per student."),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", help="With --roster: the folder of the students' sheets."),
    ] = None,
    date: Annotated[str | None, typer.Option("--date", help="A date printed on the sheet.")] = None,
    space: Annotated[
        str | None,
        typer.Option("--space", help="Room to work after each problem (LaTeX, HTML; default 4cm)."),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The sheet's title.")] = None,
    *,
    shared: Shared,
) -> None:
    """A worksheet of seeded, hand-computable problems, with its answer key.

    The same options give the same bytes; without --seed a seed is chosen and printed on
    the sheet. With --roster and --out-dir: one version per student and one key for all.

    Example: linsteps worksheet --seed 7 --count 12 --topics dot,cos,matmul --key key.json
    """
    from linsteps.practice.exports.run import is_quiz, run_quiz
    from linsteps.practice.worksheet import Request, run_request

    request = Request(
        seed=seed,
        count=count,
        topics=topics,
        difficulty=difficulty.value,
        fmt=sheet_format.value,
        lang=shared.lang.value,
        solutions=solutions.value,
        title=title,
        date=date,
        out=shared.out,
        key=key,
        roster=roster,
        out_dir=out_dir,
        space=space,
    )
    try:
        text = run_quiz(request) if is_quiz(request.fmt) else run_request(request)
    except LinstepsError as error:
        fail(error.message(shared.lang.value), error.exit_code)
    if text is not None:
        sys.stdout.write(text)


@sharing("lang", "dim", "tolerance", "time_limit")
def check(
    operation: Annotated[
        str | None,
        typer.Argument(help="The operation, as its command: {operations}."),
    ] = None,
    operands: Annotated[
        list[str] | None, typer.Argument(help="Its operands, as for the operation's command.")
    ] = None,
    answer: Annotated[
        str | None,
        typer.Option("--answer", "-a", help='The answer to check ("undefined" if none exists).'),
    ] = None,
    key: Annotated[
        Path | None, typer.Option("--key", help="An answer key (JSON) to take the problem from.")
    ] = None,
    problem: Annotated[
        str | None, typer.Option("--problem", help="The problem id in the key.")
    ] = None,
    student: Annotated[
        str | None, typer.Option("--student", help="The student's version (roster keys).")
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Add the full derivation.")] = False,
    decimal_comma: Annotated[
        bool, typer.Option("--decimal-comma", help="A comma between digits is a decimal point.")
    ] = False,
    shape: Annotated[
        list[str] | None, typer.Option("--shape", help="With bare names: MxN (repeat for B).")
    ] = None,
    entry: Annotated[
        str | None, typer.Option("--entry", help="matmul: the answer is entry i,j only.")
    ] = None,
    unit: Annotated[
        Unit | None, typer.Option("--unit", help="angle: the answer's unit, radians or degrees.")
    ] = None,
    complex_: Annotated[
        bool, typer.Option("--complex", help="dot: the complex inner product; i is √−1.")
    ] = False,
    no_scale: Annotated[
        bool, typer.Option("--no-scale", help="attention: scores not divided by √d_k.")
    ] = False,
    causal: Annotated[bool, typer.Option("--causal", help="attention: the causal mask.")] = False,
    verdict_format: Annotated[
        VerdictFormat,
        typer.Option("--format", "-f", help="Output format: text, or json (the JSON contract)."),
    ] = VerdictFormat.text,
    *,
    shared: Shared,
) -> None:
    """Check an answer: how it was read, correct or not, and which mistake it shows.

    Exit status: 0 correct, 1 incorrect or unverified, 2 an unreadable answer or operands.

    Example: linsteps check matmul "1 2; 3 4" "5 6; 7 8" --answer "5 12; 21 32"
    """
    try:
        from linsteps.assess.checking import check_rendered, check_tolerance
        from linsteps.assess.expected import Problem

        if answer is None or (key is None) == (operation is None):
            raise UsageError("check_usage")
        if key is not None:
            from linsteps.assess.answerkey import load_key

            if problem is None or operands:
                raise UsageError("check_usage")
            item = load_key(key).lookup(problem, student)
            task = item.problem()
        else:
            assert operation is not None
            shapes = shape or []
            options = {
                "dim": shared.dim,
                "shape": shapes[0] if shapes else None,
                "shape_b": shapes[1] if len(shapes) > 1 else None,
                "entry": entry,
                "unit": None if unit is None else unit.value,
                "complex": complex_ or None,
                "scale": False if no_scale else None,
                "causal": causal or None,
            }
            task = Problem(
                operation,
                tuple(load(o) for o in operands or []),
                {k: v for k, v in options.items() if v or v is False},
            )
        verdict, text = check_rendered(
            task,
            load(answer),
            verdict_format.value,
            shared.lang.value,
            explain=explain,
            tolerance=check_tolerance(shared.tolerance),
            time_limit=shared.time_limit or None,
            decimal_comma=decimal_comma,
        )
    except LinstepsError as error:
        fail(error.message(shared.lang.value), error.exit_code)
        return
    sys.stdout.write(text)
    raise typer.Exit(0 if verdict.correct else 1)


@sharing("lang", "tolerance", "time_limit")
def grade(
    key: Annotated[Path, typer.Argument(help="The answer key (JSON) written with the worksheet.")],
    answers: Annotated[
        Path,
        typer.Argument(
            help="The answers: CSV with a student column and one per problem, or a Moodle, "
            "Canvas or Forms export."
        ),
    ],
    report: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report CSV here.")
    ] = None,
    feedback: Annotated[
        Path | None, typer.Option("--feedback", help="Write one Markdown file per student here.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes, 1 to 64.")] = 1,
    decimal_comma: Annotated[
        bool | None,
        typer.Option(
            "--decimal-comma/--no-decimal-comma",
            help="A comma between digits is a decimal point, or a separator (default: a"
            " ;-separated CSV with answers such as 3,74 has decimal commas).",
        ),
    ] = None,
    student_column: Annotated[
        str | None, typer.Option("--student-column", help="The header of the students' column.")
    ] = None,
    column_map: Annotated[
        list[str] | None,
        typer.Option("--map", help='A column to a problem: "Question 3=3" (repeat).'),
    ] = None,
    partial: Annotated[
        bool, typer.Option("--partial", help="Part credit: per part or per entry (README).")
    ] = False,
    weights: Annotated[
        str | None, typer.Option("--weights", help='Points per problem: "1=2,3=0.5".')
    ] = None,
    stats: Annotated[
        Path | None, typer.Option("--stats", help="Write per-problem statistics (CSV) here.")
    ] = None,
    *,
    shared: Shared,
) -> None:
    """Grade a class's CSV against an answer key: a report, feedback and a summary.

    Example: linsteps grade week3-key.json answers.csv --out report.csv --feedback feedback/
    Exports: linsteps grade week3-key.json moodle-responses.csv --map "Response 3=3"
    """
    lang = shared.lang.value
    try:
        from linsteps.assess.credit import parse_weights
        from linsteps.assess.exports_reading import parse_mapping
        from linsteps.assess.grades import Settings
        from linsteps.assess.grading import Grading, progress_bar

        def warn(line: str) -> None:
            sys.stderr.write(" ".join(line.split()) + "\n")

        points = tuple(parse_weights(weights or "").items())
        settings = Settings(
            shared.tolerance,
            shared.time_limit or None,
            lang,
            decimal_comma=decimal_comma,
            partial=partial,
            weights=points,
        )
        mapping = parse_mapping(column_map or [])
        grading = Grading(
            key, answers, settings, warn=warn, student_column=student_column, mapping=mapping
        )
        summary = grading.run(
            out=report,
            feedback=feedback,
            jobs=jobs,
            progress=progress_bar() if sys.stderr.isatty() else None,
            stats=stats,
        )
    except LinstepsError as error:
        fail(error.message(lang), error.exit_code)
        return
    from linsteps.i18n import translate

    text = summary.text(lang)
    if report is not None:
        text += translate(lang, "grade.summary_report", path=str(report)) + "\n"
    if feedback is not None:
        count = summary.feedback_files
        one = "_one" if count == 1 else ""
        text += translate(lang, f"grade.summary_feedback{one}", path=str(feedback), count=count)
        text += "\n"
    if stats is not None:
        text += translate(lang, "grade.summary_stats", path=str(stats)) + "\n"
    sys.stdout.write(text)
