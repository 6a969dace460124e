"""GIFT: Moodle's plain-text question format, as far as it can express the questions.

A scalar result is a numerical question (``{#=16.75:0#… =%0%17.25:0#…}``): the result with
its tolerance, then each wrong answer the checker names worth 0 % with the checker's sentence.
An undefined result is a short-answer question accepting "undefined", any other answer
(``*``) getting the reason.  GIFT has no question with several boxes, so a vector or matrix
result is one numerical question per entry, and a shape question one short-answer question
per part; the comments at the top of the file say so.  The worked solution is each question's
general feedback (``####``).  A roster gives one ``$CATEGORY`` per problem holding one variant
per student, named by the id.
"""

from __future__ import annotations

from html import escape as html_escape

from linsteps.i18n import translate
from linsteps.practice.exports.decimals import Value
from linsteps.practice.exports.prose import inline, paragraph
from linsteps.practice.exports.questions import Blank, Question


def escape(text: str) -> str:
    """Return text escaped for HTML (quotes stay as they are)."""
    return html_escape(text, quote=False)


_SPECIAL = str.maketrans({c: "\\" + c for c in "\\~=#{}:"})
NOTES = ("lms.note.gift_entries", "lms.note.gift_whole", "lms.note.gift_symbols")


def gift_text(text: str) -> str:
    """Return text with GIFT's special characters escaped and no blank line inside."""
    lines = [line for line in text.translate(_SPECIAL).split("\n") if line.strip()]
    return "\n".join(lines)


def _choice(weight: str, value: Value, feedback: str) -> str:
    number = f":{value.tolerance}" if value.numeric else ""
    return f"={weight}{gift_text(value.text)}{number}#{gift_text(paragraph(escape(feedback)))}"


def answers(blank: Blank, lang: str) -> list[str]:
    """The answer lines of one blank: the accepted ones, the wrong ones, then any other."""
    correct = translate(lang, "lms.correct")
    lines = [_choice("", a, correct) for a in blank.answers]
    lines += [_choice("%0%", w.value, w.feedback) for w in blank.wrong]
    if blank.otherwise:
        lines.append("=%0%*#" + gift_text(paragraph(escape(blank.otherwise))))
    return lines


def question_gift(title: str, text: str, blank: Blank, solution: str, lang: str) -> str:
    """One GIFT question with one blank: numerical (``{#…}``) or short answer (``{…}``)."""
    opening = "{#" if blank.numeric else "{"
    body = "\n".join(answers(blank, lang))
    return (
        f"::{gift_text(title)}::[html]{gift_text(text)}{opening}\n{body}\n"
        f"####{gift_text(solution)}\n}}"
    )


def questions_gift(question: Question, lang: str, name: str | None = None) -> list[str]:
    """A problem as GIFT questions: one, or one per entry or part."""
    title = name or question.title
    how = paragraph(escape(question.how))
    if len(question.blanks) == 1:
        text = f"{question.prompt}\n{how}"
        return [question_gift(title, text, question.blanks[0], question.solution, lang)]
    out = []
    for blank in question.blanks:
        if question.form == "shapes":
            ask = translate(lang, "lms.part", expr="\x00")
            ask = escape(ask).replace("\x00", inline(blank.label_tex))
        else:
            ask = escape(translate(lang, "lms.entry", label=f"({blank.label})"))
        text = f"{question.prompt}\n{how}\n{paragraph(ask)}"
        out.append(question_gift(f"{title} ({blank.label})", text, blank, question.solution, lang))
    return out


def gift_file(variants: dict[str | None, tuple[Question, ...]], seed: int, lang: str) -> str:
    """The whole file: the notes, then one category of the problems, or with a roster one
    category per problem holding each student's variant."""
    title = translate(lang, "lms.category", seed=seed)
    lines = [f"// {translate(lang, 'lms.note.gift')}"]
    lines += [f"// - {translate(lang, key)}" for key in NOTES]
    blocks = ["\n".join(lines)]
    if None in variants:
        blocks.append(f"$CATEGORY: $course$/top/{title}")
        for question in variants[None]:
            blocks.extend(questions_gift(question, lang))
    else:
        count = len(next(iter(variants.values())))
        for index in range(count):
            first = next(iter(variants.values()))[index]
            blocks.append(f"$CATEGORY: $course$/top/{title}/{first.title}")
            for student, questions in variants.items():
                blocks.extend(questions_gift(questions[index], lang, str(student)))
    return "\n\n".join(blocks) + "\n"
