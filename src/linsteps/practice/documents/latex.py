"""A sheet as a complete LaTeX document: pdflatex for English, xelatex (ctexart) for Chinese."""

from __future__ import annotations

from linsteps.practice.documents.layout import SheetWriter


class LatexWriter(SheetWriter):
    """A complete LaTeX document: pdflatex for English, xelatex (ctexart) for Chinese."""

    fmt = "latex"

    def escape(self, text: str) -> str:
        from linsteps.render.latex import prose

        return prose(text)

    def inline(self, math: str) -> str:
        return f"${math}$"

    def display(self, math: list[str]) -> str:
        return "\\[ " + ",\\quad ".join(math) + " \\]"

    def document(self, body: list[str]) -> str:
        if self.lang == "zh":
            head = ["\\documentclass[11pt]{ctexart}"]
        else:
            head = [
                "\\documentclass[11pt]{article}",
                "\\usepackage[utf8]{inputenc}",
                "\\usepackage[T1]{fontenc}",
                "\\usepackage{lmodern}",
            ]
        head += [
            "\\usepackage{amsmath,amssymb}",
            "\\usepackage[a4paper,margin=2cm]{geometry}",
            "\\setlength{\\parindent}{0pt}",
            "\\setlength{\\parskip}{0.6em}",
            "\\renewcommand{\\arraystretch}{1.3}",
            "\\begin{document}",
        ]
        return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n\n\\end{document}\n"

    def heading(self, text: str, level: int) -> str:
        command = {1: "section*", 2: "subsection*", 3: "subsubsection*"}[level]
        return f"\\{command}{{{text}}}"

    def paragraph(self, text: str) -> str:
        return text

    def numbered(self, items: list[str]) -> str:
        lines = "\n".join(f"  \\item {item}" for item in items)
        return f"\\begin{{enumerate}}\n{lines}\n\\end{{enumerate}}"

    def problem(self, number: int, blocks: list[str]) -> str:
        body = f"\\textbf{{{number}.}} " + "\n\n".join(blocks)
        # A minipage keeps a problem on one page.
        return f"\\noindent\\begin{{minipage}}{{\\linewidth}}\n{body}\n\\end{{minipage}}\n\\medskip"

    def work_space(self, length: str) -> str:
        return f"\\vspace*{{{length}}}"

    def new_page(self) -> str:
        return "\\newpage"

    def line_break(self) -> str:
        return "\\\\\n"

    def blank(self) -> str:
        return "\\rule{8cm}{0.4pt}"
