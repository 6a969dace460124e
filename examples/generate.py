"""Regenerate the gallery in examples/: every operation in every format and both languages,
and an example worksheet with its key.

    python examples/generate.py              # rewrite the text files of the gallery
    python examples/generate.py --images     # also the PDF page and browser screenshot (PNG)
    python examples/generate.py --out DIR    # write the gallery somewhere else

The images need pdflatex, pdftoppm (poppler-utils) and chromium; the text files only linsteps.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import linsteps

HERE = Path(__file__).resolve().parent

# operation -> (arguments as typed on the command line)
GALLERY: dict[str, tuple[str, ...]] = {
    "dot": ("[1, 2, 3]", "[4, 5, 6]"),
    "norm": ("[1, 2, 3]",),
    "cos": ("[1, 2, 3]", "[4, 5, 6]"),
    "angle": ("[1, 0]", "[1, 1]"),
    "hadamard": ("1 2; 3 4", "5 6; 7 8"),
    "matmul": ("1 2 3; 4 5 6", "7 8; 9 10; 11 12"),
    "outer": ("[1, 2]", "[3, 4, 5]"),
    "transpose": ("1 2 3; 4 5 6",),
    "project": ("[3, 4]", "[1, 0]"),
    "linear": ("1 2; 3 4; 5 6", "[1, -1]", "[0, 1, 2]"),
    "attention": ("1 0; 0 1", "1 1; 0 1", "1 2; 3 4"),
}
FORMATS = {"text": "txt", "json": "json", "latex": "tex", "markdown": "md", "html": "html"}
LANGS = ("en", "zh")
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}


def command(operation: str, fmt: str, lang: str) -> str:
    """Return the command line that prints the same file."""
    quoted = " ".join(f'"{a}"' for a in GALLERY[operation])
    options = "" if fmt == "text" else f" --format {fmt}"
    if fmt == "latex":
        options += " --standalone"
    if lang != "en":
        options += f" --lang {lang}"
    return f"linsteps {operation} {quoted}{options}"


def files(operation: str) -> dict[str, str]:
    """Return the gallery files of one operation: relative path -> content."""
    derivation = getattr(linsteps, operation)(*GALLERY[operation])
    out = {}
    for fmt, ext in FORMATS.items():
        settings = {"standalone": True} if fmt == "latex" else {}
        for lang in LANGS:
            out[f"{operation}/{operation}.{lang}.{ext}"] = derivation.render(fmt, lang, **settings)
    return out


def readme() -> str:
    """Return examples/README.md: the gallery's index."""
    lines = [
        "# Gallery",
        "",
        "Every operation in every format, in English and Chinese, written by",
        "`python examples/generate.py` (a test checks that these files are what it writes).",
        "The `.tex` files are standalone documents: `pdflatex` for English, `xelatex` for Chinese.",
        "",
        "The matrix product as a compiled PDF page and as the HTML page in a browser:",
        "",
        "| LaTeX (pdflatex) | HTML (Chromium) |",
        "|---|---|",
        "| ![PDF page](matmul/matmul.en.pdf.png) | ![HTML page](matmul/matmul.en.html.png) |",
        "",
        "| operation | command | " + " | ".join(FORMATS) + " |",
        "|---|---|" + "---|" * len(FORMATS),
    ]
    for operation in GALLERY:
        for lang in LANGS:
            cells = [f"[{ext}]({operation}/{operation}.{lang}.{ext})" for ext in FORMATS.values()]
            name = f"{operation} ({LANGUAGE_NAMES[lang]})"
            shown = command(operation, "text", lang)
            lines.append(f"| {name} | `{shown}` | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Add `--format FORMAT` to the command for the other columns; `--standalone` for")
    lines.append("the LaTeX documents shown here.")
    lines += [
        "",
        "## Worksheet",
        "",
        "One worksheet (8 problems, medium, full solutions) in every format and language, and",
        "its answer key [week3-key.json](worksheets/week3-key.json):",
        "",
        "| format | English | 中文 | command (English) |",
        "|---|---|---|---|",
    ]
    for fmt, ext in SHEET_FORMATS.items():
        cells = [f"[week3.{lang}.{ext}](worksheets/week3.{lang}.{ext})" for lang in LANGS]
        lines.append(f"| {fmt} | " + " | ".join(cells) + f" | `{worksheet_command(fmt, 'en')}` |")
    return "\n".join(lines) + "\n"


# The example worksheet: the options given to `linsteps worksheet`.
WORKSHEET = {"seed": 7, "count": 8, "difficulty": "medium", "date": "2025-03-14"}
SHEET_FORMATS = {"markdown": "md", "latex": "tex", "html": "html"}


def worksheet_command(fmt: str, lang: str) -> str:
    """Return the command line that writes the same worksheet file."""
    ext = SHEET_FORMATS[fmt]
    options = " ".join(f"--{k} {v}" for k, v in WORKSHEET.items())
    return (
        f"linsteps worksheet {options} --format {fmt} --lang {lang} --solutions full "
        f"--out week3.{lang}.{ext} --key week3-key.json"
    )


def worksheets() -> dict[str, str]:
    """Return the example worksheet in every format and language, and its key."""
    from linsteps.practice.answer_key import build_key, key_json
    from linsteps.practice.documents.formats import render_sheet
    from linsteps.practice.worksheet import make_sheet

    sheet = make_sheet(
        WORKSHEET["seed"],
        WORKSHEET["count"],
        None,
        WORKSHEET["difficulty"],
        date=WORKSHEET["date"],
    )
    out = {"worksheets/week3-key.json": key_json(build_key(sheet.seed, sheet.options, sheet=sheet))}
    for fmt, ext in SHEET_FORMATS.items():
        for lang in LANGS:
            out[f"worksheets/week3.{lang}.{ext}"] = render_sheet(sheet, fmt, lang, "full")
    return out


def gallery() -> dict[str, str]:
    """Return every text file of the gallery."""
    out = {"README.md": readme()}
    for operation in GALLERY:
        out.update(files(operation))
    out.update(worksheets())
    return out


def write(folder: Path) -> None:
    """Write the text files of the gallery under ``folder``."""
    for relative, text in gallery().items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def images(folder: Path) -> None:
    """Write the PDF page and the browser screenshot of the matrix product."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        source = folder / "matmul" / "matmul.en.tex"
        shutil.copy(source, work / "matmul.tex")
        subprocess.run(
            ["pdflatex", "-halt-on-error", "-interaction=nonstopmode", "matmul.tex"],
            cwd=work,
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *("pdftoppm", "-png", "-r", "110", "-singlefile", "-f", "1", "-l", "1"),
                *("-x", "120", "-y", "150", "-W", "700", "-H", "600", "matmul.pdf", "page"),
            ],
            cwd=work,
            check=True,
        )
        shutil.copy(work / "page.png", folder / "matmul" / "matmul.en.pdf.png")
        page = (folder / "matmul" / "matmul.en.html").resolve()
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={work / 'profile'}",
                "--window-size=820,620",
                f"--screenshot={folder / 'matmul' / 'matmul.en.html.png'}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


def main(argv: list[str] | None = None) -> int:
    """Regenerate the gallery."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write (default: here)")
    parser.add_argument("--images", action="store_true", help="also make the PNG images")
    args = parser.parse_args(argv)
    write(args.out)
    if args.images:
        images(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
