"""Quiz questions hold the key's answers and the checker's own wrong answers and sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from linsteps.assess.checking import DEFAULT_TOLERANCE, check_problem
from linsteps.practice.exports.decimals import Value, value_of
from tests.consumers import katex_failures
from tests.lms import SHEETS, key_entries, problem_of, questions, tex_spans, typed


def cases() -> list[tuple[str, int]]:
    return [(name, i) for name in SHEETS for i in range(12)]


@pytest.mark.parametrize(("name", "index"), cases())
def test_the_accepted_answers_are_the_keys_answer_for_the_checker(name: str, index: int) -> None:
    question, entry = questions(name)[index], key_entries(name)[index]
    assert question.answer_text == entry["answer"]["text"]
    problem = problem_of(entry)
    answer = typed(question, [b.answers[0] for b in question.blanks])
    assert check_problem(problem, answer).correct, (answer, entry["answer"])
    if question.form == "undefined":
        assert question.blanks[0].answers[0].text == "undefined"
        assert question.blanks[0].otherwise.startswith("The result does not exist")


@pytest.mark.parametrize(("name", "index"), cases())
def test_every_number_a_platform_accepts_is_one_the_checker_accepts(name: str, index: int) -> None:
    question, entry = questions(name)[index], key_entries(name)[index]
    numeric = [b for b in question.blanks if b.numeric]
    for side in ("low", "high"):
        values = [
            Value(str(getattr(b.answers[0], side)), True) if b.numeric else b.answers[0]
            for b in question.blanks
        ]
        if any(b.answers[0].tolerance != "0" for b in numeric):
            assert check_problem(problem_of(entry), typed(question, values)).correct


@pytest.mark.parametrize(("name", "index"), cases())
def test_every_wrong_answer_is_named_by_the_checker_with_the_same_sentence(
    name: str, index: int
) -> None:
    question, entry = questions(name)[index], key_entries(name)[index]
    problem = problem_of(entry)
    for misconception in question.misconceptions:
        verdict = check_problem(problem, typed(question, list(misconception.values)))
        assert verdict.diagnosis == misconception.code
        assert misconception.feedback.lower() == verdict.message("en").lower()
    sentences = {(m.code, m.feedback) for m in question.misconceptions}
    for blank in question.blanks:
        if question.form != "shapes":
            assert {(w.code, w.feedback) for w in blank.wrong} <= sentences | {
                (w.code, w.feedback) for w in blank.wrong if not w.value.numeric
            }
        assert not any(blank.answers[0].accepts(w.value) for w in blank.wrong)


def test_a_dot_product_names_the_sign_of_each_product_and_the_negated_result() -> None:
    question = questions("default")[0]  # a·b = 67/4
    assert question.form == "scalar"
    assert [m.code for m in question.misconceptions] == ["sign_error"] * 4
    assert question.blanks[0].answers[0] == Value("16.75", True, "0", "67/4")
    assert [w.value.text for w in question.blanks[0].wrong] == [
        "17.25",
        "80.75",
        "-81.25",
        "-16.75",
    ]


def test_a_shape_question_names_the_swapped_shape_and_why_a_part_is_undefined() -> None:
    question = questions("default")[6]  # AB: 4×2; BA, A∘B, a·b undefined
    assert question.form == "shapes"
    ab, ba = question.blanks[0], question.blanks[1]
    assert [a.text for a in ab.answers][:2] == ["4x2", "4×2"]
    assert [(w.value.text, w.code) for w in ab.wrong] == [
        ("2x4", "wrong_shape"),
        ("undefined", "not_defined"),
    ]
    assert ba.answers[0].text == "undefined" and "columns of" in ba.otherwise


@pytest.mark.parametrize(
    ("value", "text", "tolerance"),
    [("3", "3", "0"), ("67/4", "16.75", "0"), ("-1/8", "-0.125", "0"),
     ("sqrt(2)", "1.4142135623731", "0.00141421"), ("1/3", "0.333333333333333", "0.000333333"),
     ("pi/6", "0.523598775598299", "0.000523598"), ("0", "0", "0")],
)  # fmt: skip
def test_numbers_are_exact_or_carry_the_checkers_relative_tolerance(
    value: str, text: str, tolerance: str
) -> None:
    import sympy

    found = value_of(sympy.sympify(value))
    assert (found.text, found.tolerance, found.numeric) == (text, tolerance, True)
    if tolerance != "0":
        assert Decimal(tolerance) <= Decimal(str(DEFAULT_TOLERANCE)) * abs(Decimal(text))


def test_symbols_are_matched_as_text() -> None:
    import sympy

    found = value_of(7 * sympy.Symbol("y", real=True))
    assert (found.text, found.numeric) == ("7*y", False)


def test_chinese_questions_use_the_chinese_catalog() -> None:
    zh, en = questions("default", "zh")[0], questions("default", "en")[0]
    assert "计算点积" in zh.prompt and "Compute the dot product" in en.prompt
    assert "乘积" in zh.misconceptions[0].feedback
    assert zh.title == "第 1 题" and zh.blanks[0].answers == en.blanks[0].answers


@pytest.mark.parametrize(
    ("lang", "error", "scalar"), [("en", "error", "scalar"), ("zh", "报错", "标量")]
)
def test_a_tensor_answer_is_first_written_in_the_quizs_language(
    lang: str, error: str, scalar: str
) -> None:
    from linsteps.assess.mlshapes import ERROR, ERROR_WORDS
    from linsteps.assess.shapequestions import SCALAR_WORDS
    from linsteps.practice.exports.questions import tensor_texts

    raises, nothing = tensor_texts(ERROR, lang), tensor_texts((), lang)
    assert (raises[0], nothing[:2]) == (error, ("()", scalar))
    assert set(raises) == ERROR_WORDS and set(nothing) == SCALAR_WORDS | {"()"}


def test_every_formula_of_the_questions_renders_with_katex() -> None:
    spans = []
    for lang in ("en", "zh"):
        for name in SHEETS:
            for q in questions(name, lang):
                spans += tex_spans(q.prompt + q.solution, f"{name}.{lang}.{q.id}")
                spans += tex_spans(
                    "".join(f"\\({b.label_tex}\\)" for b in q.blanks), f"{name}.{q.id}"
                )
    report = katex_failures(spans)
    assert report["checked"] == len(spans) > 300
    assert report["failures"] == [], report["failures"][:5]
