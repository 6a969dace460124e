"""Moodle XML: the question bank format Moodle imports (Question bank → Import → Moodle XML).

- a scalar result is a ``numerical`` question: the result with tolerance 0 when it is an exact
  short decimal, else the checker's relative tolerance as an absolute one; each wrong answer
  the checker names is an answer worth 0 % with the checker's sentence as its feedback;
- a vector or matrix result is a ``cloze`` (embedded answers) question with one NUMERICAL blank
  per entry, laid out as the result, each with the wrong answers for that entry;
- an undefined result is a ``shortanswer`` question accepting "undefined" (in both languages),
  any other answer getting the sentence that says why the result does not exist;
- a shape question is a cloze question with one SHORTANSWER blank per part;
- the worked solution is every question's general feedback; mathematics is TeX between
  ``\\( … \\)`` and ``\\[ … \\]``, which Moodle's MathJax and TeX notation filters read.

A roster gives one category per problem holding one variant per student, named by the id.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from linsteps.i18n import translate
from linsteps.practice.exports.decimals import Value
from linsteps.practice.exports.prose import grid, inline, paragraph
from linsteps.practice.exports.questions import Blank, Question

PENALTY = "0.3333333"
_CLOZE_SPECIAL = str.maketrans({c: "\\" + c for c in '}#~/"\\'})


def cdata(text: str) -> str:
    """Return ``text`` as an XML CDATA section (split where it holds ``]]>``)."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def html_field(tag: str, html: str, indent: str = "    ") -> str:
    """Return ``<tag format="html"><text>…</text></tag>``."""
    return f'{indent}<{tag} format="html">\n{indent}  <text>{cdata(html)}</text>\n{indent}</{tag}>'


def text_field(tag: str, text: str, indent: str = "    ") -> str:
    """Return ``<tag><text>…</text></tag>`` with plain text."""
    return f"{indent}<{tag}>\n{indent}  <text>{escape(text)}</text>\n{indent}</{tag}>"


def category(path: str) -> str:
    """Return the pseudo-question that puts the questions after it into a category."""
    return (
        '  <question type="category">\n'
        f"{text_field('category', '$course$/top/' + path)}\n"
        "  </question>"
    )


def _answer(fraction: str, text: str, feedback: str, tolerance: str | None) -> str:
    lines = [f'    <answer fraction="{fraction}" format="moodle_auto_format">']
    lines.append(f"      <text>{escape(text)}</text>")
    lines.append(html_field("feedback", paragraph(escape(feedback)), "      "))
    if tolerance is not None:
        lines.append(f"      <tolerance>{tolerance}</tolerance>")
    lines.append("    </answer>")
    return "\n".join(lines)


def _head(kind: str, name: str, text: str, question: Question) -> list[str]:
    return [
        f'  <question type="{kind}">',
        text_field("name", name),
        html_field("questiontext", text),
        html_field("generalfeedback", question.solution),
        "    <defaultgrade>1</defaultgrade>",
        f"    <penalty>{PENALTY}</penalty>",
        "    <hidden>0</hidden>",
    ]


def numerical(question: Question, name: str, lang: str) -> str:
    """A scalar result: one numerical answer, then the wrong ones."""
    blank = question.blanks[0]
    answer = blank.answers[0]
    text = question.prompt + "\n" + paragraph(escape(question.how))
    lines = _head("numerical", name, text, question)
    lines.append(_answer("100", answer.text, translate(lang, "lms.correct"), answer.tolerance))
    lines.extend(_answer("0", w.value.text, w.feedback, w.value.tolerance) for w in blank.wrong)
    lines += [
        "    <unitgradingtype>0</unitgradingtype>",
        "    <unitpenalty>0.1000000</unitpenalty>",
        "    <showunits>3</showunits>",
        "    <unitsleft>0</unitsleft>",
        "  </question>",
    ]
    return "\n".join(lines)


def shortanswer(question: Question, name: str, lang: str) -> str:
    """A text result (undefined, or a scalar with symbols): accepted words, then the rest."""
    blank = question.blanks[0]
    text = question.prompt + "\n" + paragraph(escape(question.how))
    lines = _head("shortanswer", name, text, question)
    lines.append("    <usecase>0</usecase>")
    correct = translate(lang, "lms.correct")
    lines.extend(_answer("100", a.text, correct, None) for a in blank.answers)
    lines.extend(_answer("0", w.value.text, w.feedback, None) for w in blank.wrong)
    if blank.otherwise:
        lines.append(_answer("0", "*", blank.otherwise, None))
    lines.append("  </question>")
    return "\n".join(lines)


def cloze_text(text: str) -> str:
    """Return an answer or feedback escaped for an embedded answer (``}`` ``#`` ``~`` …)."""
    return escape(text).translate(_CLOZE_SPECIAL)


def _choice(fraction: str, value: Value, feedback: str) -> str:
    number = f":{value.tolerance}" if value.numeric else ""
    return f"%{fraction}%{cloze_text(value.text)}{number}#{cloze_text(feedback)}"


def embedded(blank: Blank, lang: str) -> str:
    """One blank of a cloze question: ``{1:NUMERICAL:=12:0#…~%0%-12:0#…}``."""
    correct = translate(lang, "lms.correct")
    kind = "NUMERICAL" if blank.numeric else "SHORTANSWER"
    choices = [_choice("100", a, correct) for a in blank.answers]
    choices += [_choice("0", w.value, w.feedback) for w in blank.wrong]
    if blank.otherwise:
        choices.append(f"%0%*#{cloze_text(blank.otherwise)}")
    return "{1:" + kind + ":" + "~".join(choices) + "}"


def cloze(question: Question, name: str, lang: str) -> str:
    """A vector, matrix or shape question: one embedded blank per entry or part."""
    boxes = [embedded(b, lang) for b in question.blanks]
    if question.form == "shapes":
        body = "\n".join(
            paragraph(f"{inline(b.label_tex)}: {box}")
            for b, box in zip(question.blanks, boxes, strict=True)
        )
    else:
        body = grid(question.shape, boxes)
    text = "\n".join([question.prompt, paragraph(escape(question.how)), body])
    lines = _head("cloze", name, text, question)
    lines.append("  </question>")
    return "\n".join(lines)


def question_xml(question: Question, lang: str, name: str | None = None) -> str:
    """One question in the Moodle XML type that fits its result."""
    name = name or question.title
    if len(question.blanks) > 1:
        return cloze(question, name, lang)
    if question.blanks[0].numeric:
        return numerical(question, name, lang)
    return shortanswer(question, name, lang)


def moodle_xml(
    variants: dict[str | None, tuple[Question, ...]], seed: int, lang: str, note: str = ""
) -> str:
    """The whole file: one category of the problems, or with a roster (keys are student ids)
    one category per problem holding each student's variant."""
    title = translate(lang, "lms.category", seed=seed)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    if note:
        lines.append(f"<!-- {escape(note).replace('--', '- -')} -->")
    if None in variants:
        lines.append(category(title))
        lines.extend(question_xml(q, lang) for q in variants[None])
    else:
        count = len(next(iter(variants.values())))
        for index in range(count):
            first = next(iter(variants.values()))[index]
            lines.append(category(f"{title}/{first.title}"))
            for student, questions in variants.items():
                lines.append(question_xml(questions[index], lang, str(student)))
    lines.append("</quiz>")
    return "\n".join(lines) + "\n"
