"""Whole documents around the comparison table and the concept cards: a LaTeX preamble and an
HTML page (self-contained: no scripts, nothing fetched)."""

from __future__ import annotations

import html


def latex_document(body: str, lang: str) -> str:
    """Return a complete document around LaTeX snippets (xelatex for Chinese)."""
    if lang == "zh":
        head = ["% Compile with xelatex.", "\\documentclass{ctexart}"]
    else:
        head = [
            "\\documentclass{article}",
            "\\usepackage[utf8]{inputenc}",
            "\\usepackage[T1]{fontenc}",
            "\\usepackage{lmodern}",
        ]
    head += [
        "\\usepackage{amsmath}",
        "\\usepackage[a4paper,margin=2cm]{geometry}",
        "\\begin{document}",
    ]
    return "\n".join(head) + "\n\n" + body + "\n\\end{document}\n"


TABLE_STYLE = """\
.linsteps table.compare { border-collapse: collapse; margin: 0.6rem 0; }
.linsteps table.compare th, .linsteps table.compare td { border-bottom: 1px solid #ddd;
  padding: 0.35rem 0.6rem; text-align: left; vertical-align: middle; }
.linsteps table.compare th { font-weight: 600; border-bottom: 2px solid #888; }
.linsteps ul { padding-left: 1.25rem; }
.linsteps li { margin: 0.35rem 0; }
"""


def html_page(title: str, articles: str, lang: str) -> str:
    """Return a whole page (no scripts, nothing fetched) around articles."""
    from linsteps.render.html import STYLE

    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{STYLE}{TABLE_STYLE}</style>\n</head>\n<body>\n{articles}</body>\n</html>\n"
    )


__all__ = ["TABLE_STYLE", "html_page", "latex_document"]
