"""Quiz questions of a worksheet, as neutral data every learning-platform format writes.

A :class:`Question` is one problem of a sheet: its text and worked solution (HTML with TeX),
and the blanks a student fills in, one per entry of the result (one for a scalar, one per
part of a shape question).  Each blank holds its accepted answers and the wrong answers the
checker names, with the checker's own sentence as feedback.

The expected result and the wrong answers come from the checker, re-derived from the answer
key's entry of the problem (:func:`linsteps.assess.checking.expect`): every plausible wrong
answer (:mod:`linsteps.assess.diagnoses`) and the negated result is judged as the checker
would judge it (:func:`linsteps.assess.checking.judge`), and kept when the checker names it
with that candidate's diagnosis; one that equals the result or an earlier wrong answer is
dropped, as the checker would never name it.  Wrong answers of another shape than the result
cannot be typed into its blanks and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from linsteps.assess.answers import UNDEFINED_WORDS, Answer
from linsteps.assess.checking import DEFAULT_TOLERANCE, expect, judge
from linsteps.assess.expected import Expected, Problem
from linsteps.assess.mlquestions import PRODUCT_WORDS, MLExpected, judge_ml
from linsteps.assess.mlshapes import ERROR, ERROR_WORDS, TensorShape
from linsteps.assess.shapechecking import ShapeExpected, judge_shapes
from linsteps.assess.shapequestions import SCALAR_WORDS
from linsteps.assess.verdict import Verdict
from linsteps.i18n import translate
from linsteps.practice.exports.decimals import Value, text_value, value_of
from linsteps.practice.exports.prose import capitalized, question_html, solution_html

if TYPE_CHECKING:
    from linsteps.practice.sheet import Sheet, Solved

Form = Literal["scalar", "vector", "matrix", "undefined", "shapes", "tensor"]
SCALAR_ANSWERS = ("scalar", "标量", "1x1", "1×1")


@dataclass(frozen=True)
class Wrong:
    """A wrong answer to one blank, the diagnosis the checker names and its sentence."""

    value: Value
    code: str
    feedback: str


@dataclass(frozen=True)
class Blank:
    """One box to fill in: an entry of the result, or a part of a shape question.

    ``answers`` are accepted (a number has one; a text may be typed several ways);
    ``otherwise`` is the feedback for any other answer, when the checker has one sentence for
    all of them (an undefined result).
    """

    label: str
    label_tex: str
    answers: tuple[Value, ...]
    wrong: tuple[Wrong, ...] = ()
    otherwise: str = ""

    @property
    def numeric(self) -> bool:
        """True when the blank takes a number."""
        return self.answers[0].numeric


@dataclass(frozen=True)
class Misconception:
    """A whole wrong answer (a value per blank), its diagnosis and the checker's sentence."""

    code: str
    values: tuple[Value, ...]
    feedback: str


@dataclass(frozen=True)
class Question:
    """One problem as a quiz question (see the module docstring)."""

    id: str
    number: int
    title: str
    prompt: str
    how: str
    form: Form
    shape: tuple[int, int]
    blanks: tuple[Blank, ...]
    misconceptions: tuple[Misconception, ...]
    solution: str
    answer_text: str

    @property
    def numeric(self) -> bool:
        """True when every blank takes a number."""
        return all(blank.numeric for blank in self.blanks)


def build_questions(sheet: Sheet, lang: str) -> tuple[Question, ...]:
    """Every problem of ``sheet`` as a question, in ``lang``."""
    from linsteps.practice.answer_key import key_problems

    entries = key_problems(sheet)
    return tuple(
        build_question(solved, entry, lang)
        for solved, entry in zip(sheet.problems, entries, strict=True)
    )


def build_question(solved: Solved, entry: dict[str, Any], lang: str) -> Question:
    """One problem as a question, from its solved form and its answer-key entry."""
    problem = Problem(entry["operation"], tuple(entry["inputs"]), dict(entry["options"]))
    expected = expect(problem)
    blanks: tuple[Blank, ...]
    misconceptions: tuple[Misconception, ...] = ()
    if isinstance(expected, ShapeExpected):
        form: Form = "shapes"
        shape = (len(expected.parts), 1)
        blanks = shape_blanks(expected, lang)
    elif isinstance(expected, MLExpected):
        form, shape = "tensor", (1, 1)
        blank = tensor_blank(expected, lang)
        blanks = (blank,)
        misconceptions = tuple(Misconception(w.code, (w.value,), w.feedback) for w in blank.wrong)
    elif expected.undefined:
        form, shape = "undefined", (1, 1)
        blanks = (undefined_blank(expected, lang),)
    else:
        value = expected.value
        shape = (int(value.rows), int(value.cols))
        form = "scalar" if shape == (1, 1) else "vector" if expected.vector else "matrix"
        found = wrong_answers(expected, form, lang)
        blanks = value_blanks(expected, form, found)
        misconceptions = typeable(found, blanks)
    return Question(
        id=str(entry["id"]),
        number=solved.number,
        title=translate(lang, "worksheet.problem", number=solved.number),
        prompt=question_html(solved, lang),
        how=how_to_answer(form, blanks, lang, problem.operation),
        form=form,
        shape=shape,
        blanks=blanks,
        misconceptions=misconceptions,
        solution=solution_html(solved, lang),
        answer_text=str(entry["answer"]["text"]),
    )


def how_to_answer(form: Form, blanks: tuple[Blank, ...], lang: str, operation: str = "") -> str:
    """The sentence saying how to type the answer."""
    from linsteps.practice.exports.decimals import percent

    if form == "shapes":
        return translate(lang, "lms.how.shapes")
    if form == "tensor":
        return translate(lang, "lms.how.einsum" if operation == "einsum" else "lms.how.tensor")
    if form == "undefined" or not all(b.numeric for b in blanks):
        return translate(lang, "lms.how.text")
    exact = all(b.answers[0].tolerance == "0" for b in blanks)
    key = "lms.how.exact" if exact else "lms.how.approx"
    if form != "scalar":
        key += "_entries"
    return translate(lang, key, percent=percent())


def undefined_words(lang: str) -> tuple[str, ...]:
    """The words the checker reads as "undefined", the language's own first."""
    first = translate(lang, "check.undefined")
    return tuple(sorted(UNDEFINED_WORDS, key=lambda w: (w != first, w != "undefined", w)))


def undefined_blank(expected: Expected, lang: str) -> Blank:
    """The blank of a problem whose result does not exist: "undefined" is the answer."""
    verdict = Verdict("incorrect", "not_defined", expected, None, {"reason": expected.reason},
                      "value")  # fmt: skip
    words = tuple(text_value(w) for w in undefined_words(lang))
    return Blank("", "", words, otherwise=capitalized(verdict.message(lang)))


def _reshaped(value: Any, shape: tuple[int, int]) -> Any | None:
    """``value`` in the result's shape (a vector either way round), or None."""
    if value.shape == shape:
        return value
    if 1 in value.shape and 1 in shape and len(value) == shape[0] * shape[1]:
        return value.reshape(*shape)
    return None


def wrong_answers(expected: Expected, form: Form, lang: str) -> tuple[Misconception, ...]:
    """The wrong answers the checker names for this problem, each judged by the checker."""
    from linsteps.assess.diagnosis_registry import Candidate

    shape = (int(expected.value.rows), int(expected.value.cols))
    found: list[tuple[Any, Misconception]] = []
    negated = Candidate("sign_error", -expected.value, {}, "negated")
    for candidate in [*expected.candidates, negated]:
        value = _reshaped(candidate.value, shape)
        if value is None or any(value == earlier for earlier, _ in found):
            continue
        verdict = judge(Answer(form, value), expected, DEFAULT_TOLERANCE)
        named = (verdict.diagnosis, verdict.variant, dict(verdict.params))
        if verdict.correct or named != (candidate.code, candidate.variant, dict(candidate.params)):
            continue  # equal to the result, or to a wrong answer the checker names first
        values = tuple(value_of(x) for x in value)
        found.append(
            (value, Misconception(candidate.code, values, capitalized(verdict.message(lang))))
        )
    return tuple(m for _, m in found)


def typeable(
    found: tuple[Misconception, ...], blanks: tuple[Blank, ...]
) -> tuple[Misconception, ...]:
    """The wrong answers a student can type into the blanks and a platform can tell from the
    result and from each other (within the tolerances)."""
    kept: list[Misconception] = []
    for misconception in found:
        pairs = list(zip(misconception.values, blanks, strict=True))
        if any(v.numeric != b.numeric for v, b in pairs):
            continue
        taken = [tuple(b.answers[0] for b in blanks), *(k.values for k in kept)]
        if any(all(t.accepts(v) for t, v in zip(other, misconception.values, strict=True))
               for other in taken):  # fmt: skip
            continue
        kept.append(misconception)
    return tuple(kept)


def entry_label(form: Form, index: int, shape: tuple[int, int]) -> tuple[str, str]:
    """The label of entry ``index`` (row-major): ``""``, ``2`` or ``1, 2``, and its TeX."""
    if form == "scalar":
        return "", ""
    if form == "vector":
        return str(index + 1), str(index + 1)
    row, col = divmod(index, shape[1])
    return f"{row + 1}, {col + 1}", f"{row + 1},{col + 1}"


def value_blanks(
    expected: Expected, form: Form, misconceptions: tuple[Misconception, ...]
) -> tuple[Blank, ...]:
    """One blank per entry of the result, with the entries of the wrong answers."""
    shape = (int(expected.value.rows), int(expected.value.cols))
    blanks = []
    for index, entry in enumerate(expected.value):
        answer = value_of(entry)
        wrong: list[Wrong] = []
        for misconception in misconceptions:
            value = misconception.values[index]
            taken = [answer, *(w.value for w in wrong)]
            if value.numeric != answer.numeric or any(v.accepts(value) for v in taken):
                continue
            wrong.append(Wrong(value, misconception.code, misconception.feedback))
        label, tex = entry_label(form, index, shape)
        blanks.append(Blank(label, tex, (answer,), tuple(wrong)))
    return tuple(blanks)


def shape_texts(shape: Any, lang: str) -> tuple[str, ...]:
    """The ways to type a part's shape: ``2x3``, ``2 × 3``, …, ``scalar``, ``undefined``."""
    if shape == "undefined":
        return undefined_words(lang)
    if shape == "scalar":
        first = translate(lang, "check.scalar")
        return tuple(sorted(SCALAR_ANSWERS, key=lambda w: (w != first, SCALAR_ANSWERS.index(w))))
    rows, cols = shape
    return (f"{rows}x{cols}", f"{rows}×{cols}", f"{rows} x {cols}", f"{rows} × {cols}",
            f"({rows}, {cols})")  # fmt: skip


def shape_blanks(expected: ShapeExpected, lang: str) -> tuple[Blank, ...]:
    """One blank per part: its shape, "scalar" or "undefined", with the checker's sentences."""
    blanks = []
    for index, part in enumerate(expected.parts):

        def sentence(given: Any, index: int = index, name: str = part.expression) -> str:
            verdict = judge_shapes(Answer("shapes", {name: given}), expected)
            return capitalized(verdict.parts[index].message(lang))

        answers = tuple(text_value(t) for t in shape_texts(part.shape, lang))
        wrong: list[Wrong] = []
        otherwise = ""
        if part.shape == "undefined":
            otherwise = sentence((1, 1))
        else:
            if isinstance(part.shape, tuple) and part.shape[0] != part.shape[1]:
                swapped = part.shape[::-1]
                wrong.append(Wrong(text_value(shape_texts(swapped, lang)[0]), "wrong_shape",
                                   sentence(swapped)))  # fmt: skip
            word = undefined_words(lang)[0]
            wrong.append(Wrong(text_value(word), "not_defined", sentence("undefined")))
        tex = part_tex(part.expression)
        blanks.append(Blank(part.expression, tex, answers, tuple(wrong), otherwise))
    return tuple(blanks)


def part_tex(expression: str) -> str:
    """A part's expression (``AB``, ``A∘B``, ``a·b``) in TeX."""
    return expression.replace("∘", " \\circ ").replace("·", " \\cdot ")


def tensor_texts(shape: TensorShape, lang: str) -> tuple[str, ...]:
    """The ways to type a tensor's shape: ``2x3x4``, ``2×3×4``, ``(2, 3, 4)``, …; ``(3,)`` and
    ``3``; ``()`` and ``scalar``; ``error`` and the other words for it."""
    if shape == ERROR:
        first = translate(lang, "check.raises")
        return (first, *sorted(ERROR_WORDS - {first}))
    if not shape:
        first = translate(lang, "check.scalar")
        return ("()", first, *sorted(SCALAR_WORDS - {first}))
    sizes = [str(n) for n in shape]
    if len(sizes) == 1:
        return (f"({sizes[0]},)", sizes[0], f"({sizes[0]})")
    return ("x".join(sizes), "×".join(sizes), " x ".join(sizes), " × ".join(sizes),
            "(" + ", ".join(sizes) + ")")  # fmt: skip


def tensor_blank(expected: MLExpected, lang: str) -> Blank:
    """The one blank of an einsum, broadcasting or code-shape question: the shape (``error``
    when the code raises), after the product's name for einsum; with the checker's wrong
    shapes and their sentences."""
    truth = expected.truth
    named = truth.product not in (None, "general")
    product = str(truth.product).replace("_", " ")
    words = [product, *sorted(PRODUCT_WORDS[str(truth.product)] - {product})] if named else []

    def typed(shape: TensorShape) -> tuple[str, ...]:
        texts = tensor_texts(shape, lang)
        return tuple(f"{w}, {t}" for w in words for t in texts) if named else texts

    wrong: list[Wrong] = []
    for candidate in expected.candidates:
        text = typed(candidate.shape)[0]
        given = {"product": truth.product if named else None, "shape": candidate.shape}
        verdict = judge_ml(Answer("tensor", given, text=text), expected)
        if verdict.diagnosis == candidate.code:
            wrong.append(
                Wrong(text_value(text), candidate.code, capitalized(verdict.message(lang)))
            )
    return Blank("", "", tuple(text_value(t) for t in typed(truth.shape)), tuple(wrong))
