"""``linsteps worksheet --format moodle|gift|qti|canvas``: make the quiz, write it whole.

One sheet gives one file (``--out``; Moodle XML and GIFT may go to standard output).  With a
roster, Moodle XML and GIFT hold every student's variant in one file (a category per problem,
a question per student named by the id); QTI and Canvas packages have no variants, so each
student gets a package of their own in ``--out-dir``.  ``--key`` writes the same answer key
as for a printed sheet.  Every option is checked before anything is generated or written.
"""

from __future__ import annotations

from linsteps.errors import UsageError
from linsteps.practice.exports.questions import Question, build_questions
from linsteps.practice.sheet import Sheet
from linsteps.practice.worksheet import Request

LMS_FORMATS = ("moodle", "gift", "qti", "canvas")
EXTENSIONS = {"moodle": "xml", "gift": "gift", "qti": "zip", "canvas": "zip"}
VARIANTS = frozenset({"moodle", "gift"})  # formats holding one variant per student in one file


def is_quiz(fmt: str) -> bool:
    """True for a learning-platform format."""
    return fmt in LMS_FORMATS


def quiz_text(
    fmt: str, variants: dict[str | None, tuple[Question, ...]], seed: int, lang: str
) -> str:
    """A Moodle XML or GIFT file: one sheet (key None) or every student's variant (keys the ids)."""
    if fmt == "moodle":
        from linsteps.practice.exports.moodle import moodle_xml

        return moodle_xml(variants, seed, lang)
    from linsteps.practice.exports.gift import gift_file

    return gift_file(variants, seed, lang)


def quiz_package(
    fmt: str, questions: tuple[Question, ...], seed: int, lang: str, student: str | None = None
) -> bytes:
    """A QTI 2.1 or Canvas QTI 1.2 package of one sheet (``student``'s, if given)."""
    if fmt == "qti":
        from linsteps.practice.exports.qti import qti_package

        return qti_package(questions, seed, lang)
    from linsteps.practice.exports.canvas import canvas_package

    return canvas_package(questions, seed, lang, student)


def _check(request: Request, fmt: str) -> None:
    from linsteps.output import check_writable

    if request.roster is not None:
        if fmt in VARIANTS and request.out_dir is not None:
            raise UsageError("quiz_roster_one_file", fmt=fmt)
        if fmt in VARIANTS and request.out is None:
            raise UsageError("quiz_roster_needs_out", fmt=fmt)
        if fmt not in VARIANTS and request.out_dir is None:
            raise UsageError("roster_needs_out_dir")
        if fmt not in VARIANTS and request.out is not None:
            raise UsageError("roster_with_out")
    elif request.out_dir is not None:
        raise UsageError("out_dir_needs_roster")
    if fmt not in VARIANTS and request.roster is None and request.out is None:
        raise UsageError("quiz_needs_out", fmt=fmt)
    for path in (request.out, request.key):
        if path is not None:
            check_writable(path)
    if request.out_dir is not None:
        check_writable(request.out_dir, folder=True)


def run_quiz(request: Request) -> str | None:
    """Make and write the quiz (and the key); return the text to print when no file is given."""
    from linsteps.output import write_atomic, write_directory
    from linsteps.practice.answer_key import build_key, key_json
    from linsteps.practice.documents.formats import check_lang
    from linsteps.practice.problems.generation import check_count
    from linsteps.practice.problems.levels import check_difficulty
    from linsteps.practice.problems.topics import parse_topics
    from linsteps.practice.worksheet import check_seed, make_sheet, student_seed

    fmt = request.fmt
    if fmt not in LMS_FORMATS:
        raise UsageError("bad_format", value=fmt, choices=", ".join(LMS_FORMATS))
    lang = check_lang(request.lang)
    topics = parse_topics(request.topics)
    count, difficulty = check_count(request.count), check_difficulty(request.difficulty)
    _check(request, fmt)
    seed = check_seed(request.seed)
    options = {"count": count, "topics": list(topics), "difficulty": difficulty}

    def sheet_for(sheet_seed: int, student: str | None = None) -> Sheet:
        return make_sheet(sheet_seed, count, topics, difficulty, student=student)

    key: str | None = None
    made: str | bytes
    if request.roster is not None:
        from linsteps.practice.roster import file_names, read_roster

        students = read_roster(request.roster)
        names = file_names(students, EXTENSIONS[fmt])
        sheets = {s: sheet_for(student_seed(seed, s), s) for s in students}
        if request.key is not None:
            pairs = {s: (sheets[s], n) for s, n in zip(students, names, strict=True)}
            key = key_json(build_key(seed, options, students=pairs))
        if fmt in VARIANTS:
            variants: dict[str | None, tuple[Question, ...]] = {
                s: build_questions(sheet, lang) for s, sheet in sheets.items()
            }
            made = quiz_text(fmt, variants, seed, lang)
        else:
            files = {
                name: quiz_package(fmt, build_questions(sheets[s], lang), seed, lang, s)
                for s, name in zip(students, names, strict=True)
            }
    else:
        sheet = sheet_for(seed)
        questions = build_questions(sheet, lang)
        if fmt in VARIANTS:
            made = quiz_text(fmt, {None: questions}, seed, lang)
        else:
            made = quiz_package(fmt, questions, seed, lang)
        if request.key is not None:
            key = key_json(build_key(seed, options, sheet=sheet))
    if key is not None and request.key is not None:
        write_atomic(request.key, key)
    if request.out_dir is not None:
        write_directory(request.out_dir, files)
    elif request.out is not None:
        write_atomic(request.out, made)
    else:
        return made if isinstance(made, str) else None
    return None
