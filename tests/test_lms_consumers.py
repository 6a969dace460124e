"""Quizzes read by independent consumers: gift-pegjs (GIFT), pyslet (QTI 2.1 response
processing and content packages), text2qti (Canvas QTI 1.2), lxml (Moodle XML)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from linsteps.i18n import translate
from linsteps.practice.exports.canvas import canvas_package
from linsteps.practice.exports.gift import gift_file
from linsteps.practice.exports.moodle import moodle_xml
from linsteps.practice.exports.qti import qti_package
from linsteps.practice.exports.questions import Question
from tests.lms import SHEETS, embedded_answers, gift_parse, questions, sheet, unzip

LANGS = ("en", "zh")
# pyslet 0.7 calls its own deprecated names.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def first_line(html: str) -> str:
    """HTML text without tags, as one line (for comparing feedback)."""
    import html as html_module

    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", html)).split())


# --- GIFT: gift-pegjs --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", SHEETS)
def test_gift_pegjs_reads_every_question_with_its_answers_and_feedback(
    name: str, lang: str, tmp_path: Path
) -> None:
    quiz = questions(name, lang)
    parsed = gift_parse(gift_file({None: quiz}, 7, lang), tmp_path)
    category = translate(lang, "lms.category", seed=7)
    assert parsed[0] == {"type": "Category", "title": f"$course$/top/{category}"}
    found = [q for q in parsed if q["type"] != "Category"]
    expected = [(q, b) for q in quiz for b in q.blanks]
    assert len(found) == len(expected)
    for item, (question, blank) in zip(found, expected, strict=True):
        assert item["title"].startswith(question.title)
        assert item["stem"]["format"] == "html"
        assert item["stem"]["text"].startswith(question.prompt.split("\n")[0])
        assert item["globalFeedback"]["text"] == question.solution
        choices = item["choices"]
        if blank.numeric:
            assert item["type"] == "Numerical"
            right, *wrong = choices
            assert right["weight"] is None
            assert right["text"] == {
                "type": "range",
                "number": float(blank.answers[0].text),
                "range": float(blank.answers[0].tolerance),
            }
            assert [(c["text"]["number"], c["text"]["range"], c["weight"]) for c in wrong] == [
                (float(w.value.text), float(w.value.tolerance), 0) for w in blank.wrong
            ]
        else:
            assert item["type"] == "Short"
            texts = [c["text"]["text"] for c in choices if c["weight"] is None]
            assert texts == [a.text for a in blank.answers]
            wrong = [c for c in choices if c["weight"] == 0]
            assert [c["text"]["text"] for c in wrong] == [w.value.text for w in blank.wrong] + (
                ["*"] if blank.otherwise else []
            )
        feedback = [first_line(c["feedback"]["text"]) for c in wrong]
        assert feedback[: len(blank.wrong)] == [w.feedback for w in blank.wrong]


def test_the_gift_file_says_what_gift_cannot_express() -> None:
    text = gift_file({None: questions("default")}, 7, "en")
    notes = [line for line in text.splitlines() if line.startswith("//")]
    assert "GIFT cannot express" in notes[0]
    assert any("no question with several boxes" in n for n in notes)


# --- QTI 2.1: pyslet ---------------------------------------------------------------------------


def pyslet_item(xml: str, folder: Path, name: str) -> Any:
    """Read an assessmentItem with pyslet (whose ``equal`` reads ``tolerance``, a list of two
    numbers in the QTI 2.1 schema, as one string: declared here as the list it is)."""
    import pyslet.qtiv2.xml as qtixml
    from pyslet.qtiv2 import expressions

    expressions.Equal.XMLATTR_tolerance = ("tolerance", str, str, list)
    path = folder / f"{name}.xml"
    path.write_text(xml, encoding="utf-8")
    document = qtixml.QTIDocument(baseURI=str(path))
    document.read()
    return document.root


def respond(item: Any, responses: dict[str, str]) -> tuple[float, dict[str, str]]:
    """Run the item's response processing on one attempt; return SCORE and the feedback shown."""
    from pyslet.qtiv2.variables import ItemSessionState, Value

    state = ItemSessionState(item)
    state.begin_session()
    state["numAttempts"].set_value(1)
    for declaration in item.ResponseDeclaration:
        identifier = declaration.identifier
        state.map[identifier] = Value.copy_value(state.map[identifier + ".DEFAULT"])
        if identifier in responses:
            state.map[identifier].set_value(responses[identifier])
    state.end_attempt()
    shown = {
        f"{f.outcomeIdentifier}={f.identifier}": first_line(xml_text(f))
        for f in item.QTIModalFeedback
        if state[f.outcomeIdentifier].value == f.identifier
    }
    return float(state["SCORE"].value), shown


def xml_text(element: Any) -> str:
    return "".join(str(child) for child in element.get_children())


def responses_of(values: list[Any]) -> dict[str, str]:
    return {f"RESPONSE_{i + 1}": v.text for i, v in enumerate(values)}


@pytest.mark.parametrize("name", SHEETS)
def test_pyslet_scores_the_key_full_and_each_misconception_zero_with_its_feedback(
    name: str, tmp_path: Path
) -> None:
    quiz = questions(name)
    files = unzip(qti_package(quiz, 7, "en"))
    for question in quiz:
        item = pyslet_item(files[f"items/problem-{question.number}.xml"], tmp_path, question.id)
        score, shown = respond(item, responses_of([b.answers[0] for b in question.blanks]))
        assert score == 1.0, question.id
        assert set(shown) == {"FEEDBACK=CORRECT", "SOLUTION=SOLUTION"}
        for n, misconception in enumerate(question.misconceptions, start=1):
            score, shown = respond(item, responses_of(list(misconception.values)))
            assert score == 0.0
            assert shown[f"FEEDBACK=MISCONCEPTION_{n}"] == misconception.feedback
        if question.form == "undefined":
            score, shown = respond(item, {"RESPONSE_1": "[1, 2]"})
            assert score == 0.0 and shown["FEEDBACK=OTHER"] == question.blanks[0].otherwise
        if question.form == "shapes":
            wrong = {f"RESPONSE_{i + 1}": b.wrong[0].value.text
                     for i, b in enumerate(question.blanks) if b.wrong}  # fmt: skip
            score, shown = respond(item, wrong)
            assert score == 0.0
            for i, blank in enumerate(question.blanks):
                if blank.wrong:
                    assert shown[f"FEEDBACK_{i + 1}=WRONG_1"] == blank.wrong[0].feedback


def test_pyslet_reads_the_package_manifest_and_every_resource_is_there(tmp_path: Path) -> None:
    from pyslet.imscpv1p2 import ContentPackage

    data = qti_package(questions("default"), 7, "en")
    (tmp_path / "quiz.zip").write_bytes(data)
    package = ContentPackage(str(tmp_path / "quiz.zip"))
    try:
        resources = package.manifest.root.Resources.Resource
        types = sorted({r.type for r in resources})
        assert types == ["imsqti_item_xmlv2p1", "imsqti_test_xmlv2p1"]
        hrefs = sorted(f.href.get_file_name() for r in resources for f in r.File)
        assert len(hrefs) == 13
        files = unzip(data)
        assert sorted(files) == sorted(["imsmanifest.xml", "test.xml"] + [
            f"items/problem-{n}.xml" for n in range(1, 13)])  # fmt: skip
    finally:
        package.Close()


QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


@pytest.mark.parametrize("name", SHEETS)
def test_every_qti_interaction_has_its_declaration_and_the_tolerance_is_the_checkers(
    name: str,
) -> None:
    quiz = questions(name)
    files = unzip(qti_package(quiz, 7, "en"))
    for question in quiz:
        root = etree.fromstring(files[f"items/problem-{question.number}.xml"].encode())
        assert root.tag == f"{QTI}assessmentItem"
        declared = {
            d.get("identifier"): d.get("baseType") for d in root.iter(f"{QTI}responseDeclaration")
        }
        boxes = [i.get("responseIdentifier") for i in root.iter(f"{QTI}textEntryInteraction")]
        assert boxes == list(declared) == [f"RESPONSE_{i + 1}" for i in range(len(question.blanks))]
        for blank, box in zip(question.blanks, boxes, strict=True):
            assert declared[box] == ("float" if blank.numeric else "string")
        tolerances = [e.get("tolerance") for e in root.iter(f"{QTI}equal") if e.get("tolerance")]
        wanted = {f"{a.tolerance} {a.tolerance}" for b in question.blanks for a in b.answers[:1]}
        assert set(tolerances[: len(question.blanks)]) <= wanted | {None}
        feedback = {f.get("identifier") for f in root.iter(f"{QTI}modalFeedback")}
        assert {f"MISCONCEPTION_{n + 1}" for n in range(len(question.misconceptions))} <= feedback


# --- Canvas QTI 1.2: text2qti -------------------------------------------------------------------


def text2qti_item(value: Any, tmp_path: Path) -> Any:
    """The item text2qti writes for the same numerical question (its range syntax)."""
    import zipfile

    folder = tmp_path / "text2qti"
    folder.mkdir(parents=True)
    low, high = value.low.normalize(), value.high.normalize()
    answer = f"=   {value.text} +- 0" if value.tolerance == "0" else f"=   [{low:f}, {high:f}]"
    quiz = f"Quiz title: Reference\n\n1.  What is it?\n{answer}\n"
    (folder / "quiz.md").write_text(quiz, encoding="utf-8")
    program = str(Path(sys.executable).with_name("text2qti"))
    done = subprocess.run([program, "quiz.md"], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(folder / "quiz.zip") as archive:
        name = next(
            n for n in archive.namelist() if n.endswith(".xml") and "/" in n and "meta" not in n
        )
        return etree.fromstring(archive.read(name)).find(".//{*}item")


def conditions(item: Any) -> tuple[str, list[tuple[str, float]]]:
    """The question type and the comparisons of the condition that scores 100."""
    kind = next(f.findtext("{*}fieldentry") for f in item.iter("{*}qtimetadatafield")
                if f.findtext("{*}fieldlabel") == "question_type")  # fmt: skip
    scoring = next(c for c in item.iter("{*}respcondition") if c.find("{*}setvar") is not None)
    tests = [(etree.QName(e).localname, float(e.text)) for e in scoring.iter()
             if etree.QName(e).localname in ("varequal", "vargte", "varlte")]  # fmt: skip
    return kind, tests


def test_canvas_numerical_questions_match_what_text2qti_writes(tmp_path: Path) -> None:
    quiz = questions("default")
    files = unzip(canvas_package(quiz, 7, "en"))
    assessment = next(v for k, v in files.items() if k.count("/") == 1 and "meta" not in k)
    items = etree.fromstring(assessment.encode()).findall(".//{*}item")
    by_title = {i.get("title"): i for i in items}
    exact, approx = quiz[0], quiz[2]  # 67/4 and √190/30
    for question in (exact, approx):
        reference = text2qti_item(question.blanks[0].answers[0], tmp_path / question.id)
        (kind, ours_tests), (their_kind, their_tests) = (
            conditions(by_title[question.title]),
            conditions(reference),
        )
        assert kind == their_kind == "numerical_question"
        assert [n for n, _ in ours_tests] == [n for n, _ in their_tests]
        # text2qti writes 4 decimal places; linsteps writes the bounds in full
        assert [v for _, v in ours_tests] == pytest.approx([v for _, v in their_tests], abs=1e-4)
        ours = by_title[question.title].find(".//{*}response_str")
        theirs = reference.find(".//{*}response_str")
        assert ours.get("rcardinality") == theirs.get("rcardinality") == "Single"
        assert ours.find("{*}render_fib").get("fibtype") == "Decimal"
    matrix = quiz[5]
    entries = [t for t in by_title if t.startswith(matrix.title + " (")]
    assert len(entries) == 9


def test_canvas_lists_the_checkers_mistakes_in_the_incorrect_comment() -> None:
    quiz = questions("default")
    files = unzip(canvas_package(quiz, 7, "en"))
    assessment = next(v for k, v in files.items() if k.count("/") == 1 and "meta" not in k)
    root = etree.fromstring(assessment.encode())
    item = next(i for i in root.iter("{*}item") if i.get("title") == quiz[1].title)
    comment = next(
        f for f in item.iter("{*}itemfeedback") if f.get("ident") == "general_incorrect_fb"
    )
    text = first_line(comment.findtext(".//{*}mattext"))
    assert "If you answered 9: This is a·a = ‖a‖², the square of the norm" in text


# --- Moodle XML: lxml and the importer's structure ---------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", SHEETS)
def test_moodle_xml_has_the_structure_moodles_importer_reads(name: str, lang: str) -> None:
    quiz = questions(name, lang)
    root = etree.fromstring(moodle_xml({None: quiz}, 7, lang).encode())
    assert root.tag == "quiz"
    category, *found = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text").startswith("$course$/top/")
    assert len(found) == len(quiz)
    for element, question in zip(found, quiz, strict=True):
        check_moodle_question(element, question)


def check_moodle_question(element: Any, question: Question) -> None:
    kind = element.get("type")
    assert element.findtext("name/text") == question.title or element.findtext("name/text")
    assert element.find("questiontext").get("format") == "html"
    text = element.findtext("questiontext/text")
    assert text.startswith(question.prompt)
    assert element.findtext("generalfeedback/text") == question.solution
    if len(question.blanks) > 1:
        assert kind == "cloze"
        blanks = embedded_answers(text)
        assert len(blanks) == len(question.blanks)
        for (box, answers), blank in zip(blanks, question.blanks, strict=True):
            assert box == ("NUMERICAL" if blank.numeric else "SHORTANSWER")
            given = [a for a in answers if a[0] == "100"]
            wrong = [a for a in answers if a[0] == "0"]
            tolerance = f":{blank.answers[0].tolerance}" if blank.numeric else ""
            assert given[0][1] == blank.answers[0].text + tolerance
            assert [first_line(w[2]) for w in wrong[: len(blank.wrong)]] == [
                w.feedback for w in blank.wrong
            ]
        return
    blank = question.blanks[0]
    answers = element.findall("answer")
    fractions = [a.get("fraction") for a in answers]
    assert fractions.count("100") == len(blank.answers)
    wrong = [a for a in answers if a.get("fraction") == "0"]
    assert [first_line(w.findtext("feedback/text")) for w in wrong[: len(blank.wrong)]] == [
        w.feedback for w in blank.wrong
    ]
    if blank.numeric:
        assert kind == "numerical"
        right = answers[0]
        assert float(right.findtext("text")) == float(blank.answers[0].text)
        assert right.findtext("tolerance") == blank.answers[0].tolerance
        assert [float(w.findtext("text")) for w in wrong] == [
            float(w.value.text) for w in blank.wrong
        ]
    else:
        assert kind == "shortanswer"
        assert [a.findtext("text") for a in answers[: len(blank.answers)]] == [
            a.text for a in blank.answers
        ]
        if blank.otherwise:
            assert wrong[-1].findtext("text") == "*"
            assert first_line(wrong[-1].findtext("feedback/text")) == blank.otherwise


def test_a_moodle_roster_puts_one_variant_per_student_in_a_category_per_problem() -> None:
    from linsteps.practice.exports.questions import build_questions
    from linsteps.practice.worksheet import make_sheet, student_seed

    students = ("s-001", "Zhang Wei")
    variants: dict[str | None, tuple[Question, ...]] = {
        s: build_questions(make_sheet(student_seed(7, s), 3), "en") for s in students
    }
    root = etree.fromstring(moodle_xml(variants, 7, "en").encode())
    kinds = [(q.get("type"), q.findtext("name/text") or q.findtext("category/text")) for q in root]
    assert [k for k, _ in kinds] == ["category", "numerical", "numerical"] * 3
    assert kinds[0][1].endswith("seed 7/Problem 1") and kinds[3][1].endswith("seed 7/Problem 2")
    assert [n for k, n in kinds if k != "category"] == list(students) * 3
    assert sheet("default").seed == 7
