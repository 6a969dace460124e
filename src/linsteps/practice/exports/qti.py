"""IMS QTI 2.1: a content package of one assessmentItem per problem and a test of them all.

Each item has one ``textEntryInteraction`` per entry of the result (per part of a shape
question), a float response for a number and a string response for a text.  Its response
processing gives SCORE 1 when every entry matches (``equal`` with ``toleranceMode="absolute"``
and the tolerance of :mod:`.decimals`, ``exact`` for an exact value; ``stringMatch`` without
case for a text), else 0; a whole answer equal to a wrong answer the checker names sets the
FEEDBACK outcome to that misconception, whose ``modalFeedback`` is the checker's sentence.  A
shape question also names each wrong part (FEEDBACK_k).  The worked solution is a modal
feedback shown after every attempt.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from linsteps.i18n import translate
from linsteps.practice.exports.decimals import Value
from linsteps.practice.exports.prose import grid, inline, paragraph
from linsteps.practice.exports.questions import Blank, Question
from linsteps.practice.exports.zips import zip_bytes

NAMESPACE = "http://www.imsglobal.org/xsd/imsqti_v2p1"
SCHEMA = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NAMESPACE = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_SCHEMA = "http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def item_name(question: Question) -> str:
    """The identifier (and file stem) of a problem's item."""
    return f"problem-{question.number}"


def response_id(index: int) -> str:
    """The identifier of the response to blank ``index``."""
    return f"RESPONSE_{index + 1}"


def _set(outcome: str, base_type: str, value: str) -> str:
    return (
        f'<setOutcomeValue identifier="{outcome}">'
        f'<baseValue baseType="{base_type}">{escape(value)}</baseValue></setOutcomeValue>'
    )


def matches(index: int, value: Value) -> str:
    """The expression: the response to blank ``index`` is ``value`` (within its tolerance)."""
    variable = f'<variable identifier="{response_id(index)}"/>'
    if not value.numeric:
        literal = f'<baseValue baseType="string">{escape(value.text)}</baseValue>'
        return f'<stringMatch caseSensitive="false">{variable}{literal}</stringMatch>'
    literal = f'<baseValue baseType="float">{value.text}</baseValue>'
    if value.tolerance == "0":
        return f'<equal toleranceMode="exact">{variable}{literal}</equal>'
    tolerance = f"{value.tolerance} {value.tolerance}"
    return f'<equal toleranceMode="absolute" tolerance="{tolerance}">{variable}{literal}</equal>'


def any_of(index: int, values: tuple[Value, ...]) -> str:
    """The response to blank ``index`` is one of ``values``."""
    tests = [matches(index, v) for v in values]
    return tests[0] if len(tests) == 1 else "<or>" + "".join(tests) + "</or>"


def all_of(tests: list[str]) -> str:
    """Every test holds."""
    return tests[0] if len(tests) == 1 else "<and>" + "".join(tests) + "</and>"


def _branch(tag: str, test: str, actions: list[str]) -> str:
    return f"<{tag}>{test}{''.join(actions)}</{tag}>"


def processing(question: Question) -> str:
    """The response processing: score, misconception and (shape questions) each part."""
    blanks = question.blanks
    right = all_of([any_of(i, b.answers) for i, b in enumerate(blanks)])
    scored = [_set("SCORE", "float", "1"), _set("FEEDBACK", "identifier", "CORRECT")]
    branches = [_branch("responseIf", right, scored)]
    for n, misconception in enumerate(question.misconceptions, start=1):
        test = all_of([matches(i, v) for i, v in enumerate(misconception.values)])
        branches.append(
            _branch("responseElseIf", test, [_set("FEEDBACK", "identifier", f"MISCONCEPTION_{n}")])
        )
    if len(blanks) == 1 and blanks[0].otherwise:
        given = f'<not><isNull><variable identifier="{response_id(0)}"/></isNull></not>'
        branches.append(_branch("responseElseIf", given, [_set("FEEDBACK", "identifier", "OTHER")]))
    branches.append(
        "<responseElse>" + _set("FEEDBACK", "identifier", "INCORRECT") + "</responseElse>"
    )
    rules = ["<responseCondition>" + "".join(branches) + "</responseCondition>"]
    if question.form == "shapes":
        rules.extend(_part_rules(i, b) for i, b in enumerate(blanks))
    rules.append(_set("SOLUTION", "identifier", "SOLUTION"))
    return "<responseProcessing>\n" + "\n".join(rules) + "\n</responseProcessing>"


def _part_rules(index: int, blank: Blank) -> str:
    """The feedback on one part of a shape question: a wrong shape, or any other answer."""
    outcome = f"FEEDBACK_{index + 1}"
    branches: list[str] = []
    for n, wrong in enumerate(blank.wrong, start=1):
        tag = "responseElseIf" if branches else "responseIf"
        branches.append(
            _branch(tag, matches(index, wrong.value), [_set(outcome, "identifier", f"WRONG_{n}")])
        )
    if blank.otherwise:
        variable = f'<variable identifier="{response_id(index)}"/>'
        test = all_of([f"<not><isNull>{variable}</isNull></not>",
                       f"<not>{any_of(index, blank.answers)}</not>"])  # fmt: skip
        tag = "responseElseIf" if branches else "responseIf"
        branches.append(_branch(tag, test, [_set(outcome, "identifier", "OTHER")]))
    return "<responseCondition>" + "".join(branches) + "</responseCondition>" if branches else ""


def _feedback(outcome: str, identifier: str, html: str) -> str:
    return (
        f'<modalFeedback outcomeIdentifier="{outcome}" identifier="{identifier}" showHide="show">'
        f"\n{html}\n</modalFeedback>"
    )


def feedbacks(question: Question, lang: str) -> list[str]:
    """Every modal feedback: right, each misconception, wrong, each wrong part, the solution."""
    out = [_feedback("FEEDBACK", "CORRECT", paragraph(escape(translate(lang, "lms.correct"))))]
    for n, misconception in enumerate(question.misconceptions, start=1):
        out.append(
            _feedback("FEEDBACK", f"MISCONCEPTION_{n}", paragraph(escape(misconception.feedback)))
        )
    if len(question.blanks) == 1 and question.blanks[0].otherwise:
        out.append(_feedback("FEEDBACK", "OTHER", paragraph(escape(question.blanks[0].otherwise))))
    wrong = translate(lang, "lms.incorrect", answer=question.answer_text)
    out.append(_feedback("FEEDBACK", "INCORRECT", paragraph(escape(wrong))))
    if question.form == "shapes":
        for index, blank in enumerate(question.blanks):
            outcome = f"FEEDBACK_{index + 1}"
            for n, item in enumerate(blank.wrong, start=1):
                out.append(_feedback(outcome, f"WRONG_{n}", paragraph(escape(item.feedback))))
            if blank.otherwise:
                out.append(_feedback(outcome, "OTHER", paragraph(escape(blank.otherwise))))
    out.append(_feedback("SOLUTION", "SOLUTION", question.solution))
    return out


def _declaration(index: int, blank: Blank) -> str:
    base = "float" if blank.numeric else "string"
    value = escape(blank.answers[0].text)
    return (
        f'<responseDeclaration identifier="{response_id(index)}" cardinality="single" '
        f'baseType="{base}"><correctResponse><value>{value}</value></correctResponse>'
        "</responseDeclaration>"
    )


def _outcome(identifier: str, base: str, default: str | None = None) -> str:
    value = f"<defaultValue><value>{default}</value></defaultValue>" if default else ""
    return (
        f'<outcomeDeclaration identifier="{identifier}" cardinality="single" '
        f'baseType="{base}">{value}</outcomeDeclaration>'
    )


def interaction(index: int, blank: Blank) -> str:
    """The text box of blank ``index``."""
    length = max(8, max(len(a.text) for a in blank.answers) + 2)
    return (
        f'<textEntryInteraction responseIdentifier="{response_id(index)}" '
        f'expectedLength="{length}"/>'
    )


def item_body(question: Question, lang: str) -> str:
    """The question, how to answer, and its boxes laid out as the result (or by part)."""
    boxes = [interaction(i, b) for i, b in enumerate(question.blanks)]
    if question.form == "shapes":
        body = "\n".join(
            paragraph(f"{inline(b.label_tex)}: {box}")
            for b, box in zip(question.blanks, boxes, strict=True)
        )
    elif len(boxes) == 1:
        body = paragraph(boxes[0])
    else:
        body = grid(question.shape, boxes)
    how = paragraph(escape(question.how))
    return f"<itemBody>\n<div>\n{question.prompt}\n</div>\n{how}\n{body}\n</itemBody>"


def item_xml(question: Question, lang: str, title: str | None = None) -> str:
    """One assessmentItem."""
    outcomes = [_outcome("SCORE", "float", "0"), _outcome("MAXSCORE", "float", "1"),
                _outcome("FEEDBACK", "identifier"), _outcome("SOLUTION", "identifier")]  # fmt: skip
    if question.form == "shapes":
        outcomes += [
            _outcome(f"FEEDBACK_{i + 1}", "identifier") for i in range(len(question.blanks))
        ]
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<assessmentItem xmlns="{NAMESPACE}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{NAMESPACE} {SCHEMA}" identifier="{item_name(question)}" '
        f'title={quoteattr(title or question.title)} adaptive="false" timeDependent="false" '
        f'xml:lang="{"zh-CN" if lang == "zh" else "en"}">',
        *(_declaration(i, b) for i, b in enumerate(question.blanks)),
        *outcomes,
        item_body(question, lang),
        processing(question),
        *feedbacks(question, lang),
        "</assessmentItem>",
    ]
    return "\n".join(parts) + "\n"


def test_xml(questions: tuple[Question, ...], title: str) -> str:
    """The assessmentTest: every item in order, SCORE the sum of the items' scores."""
    refs = "\n".join(
        f'<assessmentItemRef identifier="{item_name(q)}" href="items/{item_name(q)}.xml"/>'
        for q in questions
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<assessmentTest xmlns="{NAMESPACE}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{NAMESPACE} {SCHEMA}" identifier="linsteps-test" '
        f"title={quoteattr(title)}>\n"
        + _outcome("SCORE", "float", "0")
        + '\n<testPart identifier="part-1" navigationMode="nonlinear" '
        'submissionMode="individual">\n'
        f'<assessmentSection identifier="section-1" title={quoteattr(title)} visible="true">\n'
        f"{refs}\n</assessmentSection>\n</testPart>\n"
        '<outcomeProcessing><setOutcomeValue identifier="SCORE"><sum>'
        '<testVariables variableIdentifier="SCORE"/></sum></setOutcomeValue></outcomeProcessing>\n'
        "</assessmentTest>\n"
    )


def manifest_xml(questions: tuple[Question, ...], title: str) -> str:
    """The package's imsmanifest.xml: the test and each item as resources."""
    items = []
    for q in questions:
        href = f"items/{item_name(q)}.xml"
        items.append(
            f'<resource identifier="{item_name(q)}" type="imsqti_item_xmlv2p1" href="{href}">'
            f'<file href="{href}"/></resource>'
        )
    dependencies = "".join(f'<dependency identifierref="{item_name(q)}"/>' for q in questions)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest xmlns="{CP_NAMESPACE}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{CP_NAMESPACE} {CP_SCHEMA}" identifier="linsteps-manifest">\n'
        "<metadata><schema>QTIv2.1 Package</schema>"
        "<schemaversion>1.0.0</schemaversion></metadata>\n"
        "<organizations/>\n<resources>\n"
        '<resource identifier="linsteps-test" type="imsqti_test_xmlv2p1" href="test.xml">'
        f'<file href="test.xml"/>{dependencies}</resource>\n'
        + "\n".join(items)
        + "\n</resources>\n</manifest>\n"
    )


def qti_package(questions: tuple[Question, ...], seed: int, lang: str) -> bytes:
    """The zipped content package (fixed timestamps, sorted entries: the same bytes each time)."""
    title = translate(lang, "lms.quiz_title", seed=seed)
    files = {
        "imsmanifest.xml": manifest_xml(questions, title),
        "test.xml": test_xml(questions, title),
    }
    for question in questions:
        files[f"items/{item_name(question)}.xml"] = item_xml(question, lang)
    return zip_bytes(files)
