"""The program beside the mathematics: a rendered explanation with its NumPy or PyTorch code.

:func:`with_program` takes an explanation already rendered in one format and adds the program
of :func:`linsteps.learn.code.program` after it, in that format's own way: an indented block in
text, a fenced ``python`` block in Markdown, ``verbatim`` in LaTeX (inside the document when it
is standalone), ``<pre><code>`` inside the HTML article, and a ``"code"`` object in JSON.
"""

from __future__ import annotations

import json
from typing import Any

from linsteps.learn.code import program
from linsteps.learn.report_document import (
    Part,
    sentence,
    write_html,
    write_latex,
    write_markdown,
    write_text,
)

LIBRARY_NAMES = {"numpy": "NumPy", "torch": "PyTorch"}


def code_parts(code: str, library: str, lang: str) -> list[Part]:
    """Return the program as document parts: a sentence, then the code block."""
    heading = sentence(lang, "mlcode.code.heading", {"library": LIBRARY_NAMES[library]})
    return [Part("paragraph", heading), Part("code", code=code, language="python")]


def _before(text: str, closing: str, insert: str) -> str:
    """Return ``text`` with ``insert`` put before its last ``closing`` (or at the end)."""
    at = text.rfind(closing)
    if at < 0:
        return text + insert
    return text[:at] + insert + text[at:]


def with_program(derivation: Any, text: str, fmt: str, lang: str, library: str) -> str:
    """Return the rendered ``text`` of ``derivation`` with its ``library`` program added."""
    code = program(derivation, library)
    if fmt == "json":
        data = json.loads(text)
        data["code"] = {"library": library, "program": code}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    parts = code_parts(code, library, lang)
    if fmt == "text":
        return text + "\n" + write_text(parts)
    if fmt == "markdown":
        return text + "\n" + write_markdown(parts)
    if fmt == "latex":
        return _before(text, "\\end{document}", "\n" + write_latex(parts) + "\n")
    return _before(text, "</article>", write_html(parts))


__all__ = ["code_parts", "with_program"]
