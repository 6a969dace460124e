"""Canvas: the QTI 1.2 package Canvas Classic Quizzes import (Settings → Import → QTI .zip).

A scalar result is a ``numerical_question`` whose accepted range is the result within its
tolerance (an exact value as ``varequal`` or the degenerate range, as Canvas and text2qti
write it).  Canvas takes every numerical answer as a correct one, so the wrong answers the
checker names are listed, with the checker's sentences, in the comment shown for an
incorrect answer.  A vector or matrix result is one numerical question per entry; an
undefined result, a result with symbols and each part of a shape question a
``short_answer_question``.  The worked solution is each question's general comment.
"""

from __future__ import annotations

import hashlib
from html import escape as html_escape
from xml.sax.saxutils import escape, quoteattr

from linsteps.i18n import translate
from linsteps.practice.exports.decimals import Value
from linsteps.practice.exports.prose import inline, paragraph
from linsteps.practice.exports.questions import Blank, Question
from linsteps.practice.exports.zips import zip_bytes

QTI12 = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI12_SCHEMA = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CC = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _mattext(html: str) -> str:
    return f'<material><mattext texttype="text/html">{escape(html)}</mattext></material>'


def _field(label: str, entry: str) -> str:
    return (
        f"<qtimetadatafield><fieldlabel>{label}</fieldlabel>"
        f"<fieldentry>{escape(entry)}</fieldentry></qtimetadatafield>"
    )


def condition(value: Value) -> str:
    """The condition that the response is ``value`` (within its tolerance)."""
    if not value.numeric:
        return f'<varequal respident="response1">{escape(value.text)}</varequal>'
    if value.tolerance == "0":
        return (
            f'<or><varequal respident="response1">{value.text}</varequal><and>'
            f'<vargte respident="response1">{value.text}</vargte>'
            f'<varlte respident="response1">{value.text}</varlte></and></or>'
        )
    low, high = f"{value.low.normalize():f}", f"{value.high.normalize():f}"
    return (
        f'<vargte respident="response1">{low}</vargte><varlte respident="response1">{high}</varlte>'
    )


def incorrect_comment(blank: Blank, lang: str) -> str:
    """The comment on an incorrect answer: each recognised wrong answer and its sentence."""
    lines = []
    if blank.otherwise:
        lines.append(paragraph(html_escape(blank.otherwise, quote=False)))
    if blank.wrong:
        lines.append(paragraph(html_escape(translate(lang, "lms.mistakes"), quote=False)))
        items = "".join(
            "<li>"
            + html_escape(
                translate(lang, "lms.if_answered", value=w.value.text, feedback=w.feedback),
                quote=False,
            )
            + "</li>"
            for w in blank.wrong
        )
        lines.append(f"<ul>{items}</ul>")
    return "\n".join(lines)


def item(ident: str, title: str, text: str, blank: Blank, solution: str, lang: str) -> str:
    """One Canvas question with one blank."""
    kind = "numerical_question" if blank.numeric else "short_answer_question"
    fib = '<render_fib fibtype="Decimal">' if blank.numeric else "<render_fib>"
    accepted_values = blank.answers[:1] if blank.numeric else blank.answers
    accepted = "".join(condition(a) for a in accepted_values)
    comment = incorrect_comment(blank, lang)
    conditions = [
        '<respcondition continue="Yes"><conditionvar><other/></conditionvar>'
        '<displayfeedback feedbacktype="Response" linkrefid="general_fb"/></respcondition>',
        f'<respcondition continue="No"><conditionvar>{accepted}</conditionvar>'
        '<setvar action="Set" varname="SCORE">100</setvar></respcondition>',
    ]
    feedbacks = [("general_fb", solution)]
    if comment:
        conditions.append(
            '<respcondition continue="Yes"><conditionvar><other/></conditionvar>'
            '<displayfeedback feedbacktype="Response" linkrefid="general_incorrect_fb"/>'
            "</respcondition>"
        )
        feedbacks.append(("general_incorrect_fb", comment))
    return "\n".join(
        [
            f"<item ident={quoteattr(ident)} title={quoteattr(title)}>",
            "<itemmetadata><qtimetadata>"
            + _field("question_type", kind)
            + _field("points_possible", "1")
            + "</qtimetadata></itemmetadata>",
            f"<presentation>{_mattext(text)}",
            f'<response_str ident="response1" rcardinality="Single">{fib}'
            '<response_label ident="answer1"/></render_fib></response_str></presentation>',
            "<resprocessing><outcomes>"
            '<decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>',
            *conditions,
            "</resprocessing>",
            *(
                f'<itemfeedback ident="{name}"><flow_mat>{_mattext(html)}</flow_mat></itemfeedback>'
                for name, html in feedbacks
            ),
            "</item>",
        ]
    )


def items(question: Question, prefix: str, lang: str) -> list[str]:
    """A problem as Canvas questions: one, or one per entry or part."""
    how = paragraph(html_escape(question.how, quote=False))
    if len(question.blanks) == 1:
        text = f"{question.prompt}\n{how}"
        ident = f"{prefix}_{question.number}"
        return [item(ident, question.title, text, question.blanks[0], question.solution, lang)]
    out = []
    for index, blank in enumerate(question.blanks, start=1):
        if question.form == "shapes":
            ask = html_escape(translate(lang, "lms.part", expr="\x00"), quote=False)
            ask = ask.replace("\x00", inline(blank.label_tex))
        else:
            ask = html_escape(translate(lang, "lms.entry", label=f"({blank.label})"), quote=False)
        text = f"{question.prompt}\n{how}\n{paragraph(ask)}"
        ident = f"{prefix}_{question.number}_{index}"
        title = f"{question.title} ({blank.label})"
        out.append(item(ident, title, text, blank, question.solution, lang))
    return out


def quiz_ident(seed: int, lang: str, student: str | None) -> str:
    """A stable identifier of the quiz (Canvas matches re-imports by it)."""
    digest = hashlib.sha256(f"{seed}\x1f{lang}\x1f{student or ''}".encode()).hexdigest()
    return f"linsteps_{digest[:20]}"


def assessment_xml(questions: tuple[Question, ...], ident: str, title: str, lang: str) -> str:
    """The QTI 1.2 assessment: every question in one section."""
    body = "\n".join(x for q in questions for x in items(q, ident, lang))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<questestinterop xmlns="{QTI12}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{QTI12} {QTI12_SCHEMA}">\n'
        f"<assessment ident={quoteattr(ident)} title={quoteattr(title)}>\n"
        "<qtimetadata>" + _field("cc_maxattempts", "1") + "</qtimetadata>\n"
        '<section ident="root_section">\n'
        f"{body}\n</section>\n</assessment>\n</questestinterop>\n"
    )


def meta_xml(ident: str, title: str, points: int, note: str) -> str:
    """Canvas's quiz settings: title, description, points; unpublished until the teacher says."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<quiz identifier={quoteattr(ident)} xmlns="{CANVAS}">\n'
        f"<title>{escape(title)}</title>\n"
        f"<description>{escape(paragraph(html_escape(note, quote=False)))}</description>\n"
        "<shuffle_answers>false</shuffle_answers>\n<scoring_policy>keep_highest</scoring_policy>\n"
        "<quiz_type>assignment</quiz_type>\n"
        f"<points_possible>{points}</points_possible>\n<allowed_attempts>1</allowed_attempts>\n"
        "<available>false</available>\n</quiz>\n"
    )


def manifest_xml(ident: str) -> str:
    """The package's imsmanifest.xml: the assessment and its Canvas settings."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="{ident}_manifest" xmlns="{CC}">\n'
        "<metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion></metadata>\n"
        "<organizations/>\n<resources>\n"
        f'<resource identifier="{ident}" type="imsqti_xmlv1p2">'
        f'<file href="{ident}/{ident}.xml"/>'
        f'<dependency identifierref="{ident}_meta"/></resource>\n'
        f'<resource identifier="{ident}_meta" '
        'type="associatedcontent/imscc_xmlv1p1/learning-application-resource" '
        f'href="{ident}/assessment_meta.xml">'
        f'<file href="{ident}/assessment_meta.xml"/></resource>\n'
        "</resources>\n</manifest>\n"
    )


def canvas_package(
    questions: tuple[Question, ...], seed: int, lang: str, student: str | None = None
) -> bytes:
    """The zipped package (fixed timestamps, sorted entries: the same bytes each time)."""
    ident = quiz_ident(seed, lang, student)
    title = translate(lang, "lms.quiz_title", seed=seed)
    if student:
        title += f" · {student}"
    points = sum(len(q.blanks) for q in questions)
    files = {
        "imsmanifest.xml": manifest_xml(ident),
        f"{ident}/{ident}.xml": assessment_xml(questions, ident, title, lang),
        f"{ident}/assessment_meta.xml": meta_xml(
            ident, title, points, translate(lang, "lms.note.canvas")
        ),
    }
    return zip_bytes(files)
