"""Property: on any sheet, the answer each exported quiz accepts is the key's answer.

The accepted answer of every problem is read back from the files themselves (Moodle XML, QTI
2.1 and Canvas QTI 1.2 with lxml, GIFT with gift-pegjs), typed as a student would type it, and
checked against the key's problem by the checker: each must be correct.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from linsteps.assess.checking import check_problem
from linsteps.practice.answer_key import key_problems
from linsteps.practice.exports.canvas import canvas_package
from linsteps.practice.exports.gift import gift_file
from linsteps.practice.exports.moodle import moodle_xml
from linsteps.practice.exports.prose import capitalized
from linsteps.practice.exports.qti import qti_package
from linsteps.practice.exports.questions import Question, build_questions
from linsteps.practice.problems.levels import DIFFICULTIES
from linsteps.practice.problems.topics import TOPICS
from linsteps.practice.worksheet import make_sheet
from tests.lms import embedded_answers, gift_parse, problem_of, typed, unzip


class Typed(NamedTuple):
    """One blank's accepted answer, as read from an export."""

    text: str


Blanks = list[list[Typed]]  # per problem, one accepted answer per blank


def moodle_answers(xml: str) -> Blanks:
    root = etree.fromstring(xml.encode())
    found = []
    for element in root.findall("question"):
        if element.get("type") == "category":
            continue
        if element.get("type") == "cloze":
            blanks = embedded_answers(element.findtext("questiontext/text"))
            texts = [next(a[1] for a in answers if a[0] == "100") for _, answers in blanks]
            # A numerical blank is "value:tolerance".
            found.append([Typed(t.split(":")[0] if box == "NUMERICAL" else t)
                          for (box, _), t in zip(blanks, texts, strict=True)])  # fmt: skip
        else:
            right = next(a for a in element.findall("answer") if a.get("fraction") == "100")
            found.append([Typed(right.findtext("text"))])
    return found


def qti_answers(package: bytes) -> Blanks:
    files = unzip(package)
    items = sorted(
        (name for name in files if name.startswith("items/")),
        key=lambda name: int(re.findall(r"\d+", name)[-1]),
    )
    found = []
    for name in items:
        root = etree.fromstring(files[name].encode())
        declarations = root.findall("{*}responseDeclaration")
        found.append([Typed(d.findtext("{*}correctResponse/{*}value")) for d in declarations])
    return found


def canvas_answers(package: bytes) -> Blanks:
    files = unzip(package)
    (quiz,) = [n for n in files if n.count("/") == 1 and not n.endswith("assessment_meta.xml")]
    root = etree.fromstring(files[quiz].encode())
    found: dict[str, list[Typed]] = {}
    for item in root.iter("{*}item"):
        number = re.match(r"\S+ (\d+)", item.get("title"))[1]  # type: ignore[index]
        full = next(c for c in item.iter("{*}respcondition") if c.findtext("{*}setvar") == "100")
        exact = full.findtext(".//{*}varequal")
        if exact is None:  # a range around the value: its middle
            low, high = (
                Decimal(full.findtext(f".//{{*}}{bound}")) for bound in ("vargte", "varlte")
            )
            exact = str((low + high) / 2)
        found.setdefault(number, []).append(Typed(exact))
    return list(found.values())


def gift_answers(text: str, folder: Path) -> Blanks:
    found: dict[str, list[Typed]] = {}
    for item in gift_parse(text, folder):
        if item["type"] == "Category":
            continue
        number = re.match(r"\S+ (\d+)", item["title"])[1]  # type: ignore[index]
        right = next(c for c in item["choices"] if c["weight"] is None)["text"]
        shown = repr(right["number"]) if item["type"] == "Numerical" else right["text"]
        found.setdefault(number, []).append(Typed(shown))
    return list(found.values())


def assert_accepted_by_the_key(
    quiz: tuple[Question, ...], keys: list[dict[str, Any]], read: Blanks, fmt: str
) -> None:
    assert len(read) == len(quiz) == len(keys), fmt
    for question, entry, values in zip(quiz, keys, read, strict=True):
        answer = typed(question, values)
        verdict = check_problem(problem_of(entry), answer)
        assert verdict.correct, (fmt, question.id, answer, entry["answer"])


sheets = st.tuples(
    st.integers(0, 10**6),
    st.lists(st.sampled_from(TOPICS), min_size=1, max_size=4, unique=True),
    st.sampled_from(DIFFICULTIES),
    st.integers(1, 3),
    st.sampled_from(["en", "zh"]),
)
EXPORTS: dict[str, Callable[[tuple[Question, ...], str, Path], Blanks]] = {
    "moodle": lambda quiz, lang, _: moodle_answers(moodle_xml({None: quiz}, 1, lang)),
    "qti": lambda quiz, lang, _: qti_answers(qti_package(quiz, 1, lang)),
    "canvas": lambda quiz, lang, _: canvas_answers(canvas_package(quiz, 1, lang)),
    "gift": lambda quiz, lang, folder: gift_answers(gift_file({None: quiz}, 1, lang), folder),
}


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=sheets)
def test_every_exported_quiz_accepts_the_keys_answer(
    drawn: tuple[int, list[str], str, int, str], tmp_path: Path
) -> None:
    seed, topics, difficulty, count, lang = drawn
    sheet = make_sheet(seed, count, topics, difficulty)
    quiz, keys = build_questions(sheet, lang), list(key_problems(sheet))
    for fmt, read in EXPORTS.items():
        assert_accepted_by_the_key(quiz, keys, read(quiz, lang, tmp_path), fmt)


def test_every_way_to_type_a_tensor_answer_is_correct_and_each_wrong_one_is_named() -> None:
    for lang in ("en", "zh"):
        sheet = make_sheet(11, 9, ["einsum", "broadcast", "codeshapes"], "hard")
        quiz, keys = build_questions(sheet, lang), list(key_problems(sheet))
        assert {q.form for q in quiz} == {"tensor"}
        assert sum(len(q.blanks[0].wrong) for q in quiz) >= 3
        for question, entry in zip(quiz, keys, strict=True):
            problem = problem_of(entry)
            (blank,) = question.blanks
            for accepted in blank.answers:
                assert check_problem(problem, accepted.text).correct, (question.id, accepted)
            for wrong in blank.wrong:
                verdict = check_problem(problem, wrong.value.text)
                assert not verdict.correct and verdict.diagnosis == wrong.code
                assert wrong.feedback == capitalized(verdict.message(lang))
            assert "worksheet.ml_answer" not in question.solution
            assert question.how and "\\[\\]" not in question.prompt
