"""Reading a class's answers from a spreadsheet's CSV export, streamed, never trusting it.

UTF-8 with or without a byte order mark, UTF-16 with one, else Windows-1252 (with a warning);
``,`` ``;`` or tab separators, detected from the first row.  NUL bytes, undecodable bytes and
oversized lines are marked, so the row or cell they are in is reported while every other
answer is read.  Rows are yielded one at a time: memory does not grow with the file.

A spreadsheet in a language that writes ``3,74`` exports ``;``-separated CSV; when such a file
has an answer that is one number with a decimal comma, its commas between digits are decimal
points (:class:`DecimalCommas`).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from linsteps.assess.answers import looks_like_decimal_comma
from linsteps.errors import UsageError

MAX_LINE = 1_000_000  # characters of one physical line; longer lines are skipped
MAX_CELL = 10_000  # characters of one answer
NUL = "\ufdd1"  # stands for a NUL byte in the decoded text
LONG = "\ufdd0"  # marks a line that was too long to read
BAD = "\ufffd"  # what an undecodable byte becomes
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Row:
    """One record: its row number in the file (the header is row 1) and its cells."""

    number: int
    cells: list[str]

    @property
    def too_long(self) -> bool:
        """True when a line of this row was longer than :data:`MAX_LINE` and was skipped."""
        return any(LONG in cell for cell in self.cells)


class Submissions:
    """A CSV file of answers: its encoding, separator, header and rows."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.encoding, self.fallback = _encoding(self.path)
        first = self._first_line()
        if not first.strip(" \t\r\n\ufeff"):
            raise UsageError("csv_empty", path=self.path)
        counts = {sep: _count_outside_quotes(first, sep) for sep in (",", ";", "\t")}
        self.separator = max(counts, key=lambda sep: (counts[sep], sep == ","))

    def decimal_commas(self) -> DecimalCommas:
        """What finds, row by row, whether this file writes numbers with decimal commas."""
        return DecimalCommas(self.separator == ";")

    def _open(self) -> IO[str]:
        try:
            return open(self.path, encoding=self.encoding, errors="replace", newline="")
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise UsageError("csv_unreadable", path=self.path, reason=reason) from None

    def _first_line(self) -> str:
        with self._open() as stream:
            return stream.readline(MAX_LINE)

    def records(self) -> Iterator[Row]:
        """Every record, the header first, with NULs and overlong lines marked."""
        with self._open() as stream:
            reader = csv.reader(_lines(stream), delimiter=self.separator)
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error:
                    yield Row(reader.line_num, [LONG])
                    continue
                yield Row(reader.line_num, cells)


@dataclass
class DecimalCommas:
    """Whether a CSV export writes numbers with decimal commas: only a ``;``-separated file can,
    and it does when an answer cell holds one number such as ``3,74`` (kept as ``example``)."""

    possible: bool
    example: str | None = None

    def see(self, row: Row, columns: Iterable[int]) -> None:
        """Look at the answer cells ``columns`` of ``row`` until an example is found."""
        if not self.possible or self.example is not None or row.too_long:
            return
        for index in columns:
            if index < len(row.cells) and looks_like_decimal_comma(row.cells[index]):
                self.example = row.cells[index].strip()
                return

    @property
    def found(self) -> bool:
        """True when the file writes its numbers with decimal commas."""
        return self.example is not None


def _lines(stream: IO[str]) -> Iterator[str]:
    """Physical lines with NULs replaced; a line over MAX_LINE becomes a marker line."""
    while True:
        line = stream.readline(MAX_LINE)
        if not line:
            return
        if len(line) >= MAX_LINE and not line.endswith(("\n", "\r")):
            while True:
                rest = stream.readline(MAX_LINE)
                if not rest or rest.endswith(("\n", "\r")):
                    break
            yield LONG + "\n"
            continue
        yield line.replace("\x00", NUL)


def _encoding(path: str) -> tuple[str, bool]:
    """The file's encoding, and True when it fell back to cp1252 (streamed, never all read)."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(4)
            if head.startswith(codecs.BOM_UTF8):
                return "utf-8-sig", False
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return "utf-16", False
            stream.seek(0)
            decoder = codecs.getincrementaldecoder("utf-8")()
            while chunk := stream.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252", True
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UsageError("csv_unreadable", path=path, reason=reason) from None
    return "utf-8", False


def _count_outside_quotes(line: str, separator: str) -> int:
    """How often ``separator`` occurs in ``line`` outside double quotes."""
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            count += 1
    return count


def cell_problem(text: str) -> tuple[str, dict[str, int]] | None:
    """Why a cell cannot be graded (a catalog key and its parameters), or None."""
    if NUL in text:
        return "grade.cell_nul", {}
    if len(text) > MAX_CELL:
        return "grade.cell_too_long", {"length": len(text), "most": MAX_CELL}
    if BAD in text:
        return "grade.cell_bad_byte", {}
    return None
