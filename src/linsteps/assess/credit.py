"""Credit as a teacher gives it: weights per problem and, with ``--partial``, part credit.

The rule (also in the README): a correct answer earns the problem's points.  With partial
credit, a shape question earns the share of its parts answered right, and a vector or matrix
answer of the right shape that no named misconception explains (the ``entry_error``
diagnosis) earns the share of its entries that are right.  Every other answer earns nothing:
an answer that a misconception explains (the Hadamard product for a matrix product, a sign
error, …) is not rewarded for the entries it gets right by chance.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from linsteps.assess.grades import Cell, Summary
from linsteps.errors import UsageError

if TYPE_CHECKING:
    from linsteps.assess.verdict import Verdict

MAX_POINTS = 1_000_000.0


def parts_right(verdict: Verdict) -> tuple[int, int]:
    """How many parts or entries of the answer are right, and of how many (0, 0: not counted)."""
    if verdict.parts:
        return sum(part.correct for part in verdict.parts), len(verdict.parts)
    if verdict.status == "incorrect" and verdict.diagnosis == "entry_error":
        right = int(verdict.params.get("right", 0))
        return right, right + int(verdict.params.get("count", 0))
    return 0, 0


def cell_credit(cell: Cell, partial: bool) -> float:
    """The share of a problem's points that ``cell`` earns (0 to 1)."""
    if cell.status == "correct":
        return 1.0
    if partial and cell.status == "incorrect" and cell.of:
        return cell.right / cell.of
    return 0.0


def parse_weights(text: str) -> dict[str, float]:
    """``"1=2,3=0.5"`` as ``{"1": 2.0, "3": 0.5}``: each a non-negative number of points."""
    weights: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        pid, sep, value = item.rpartition("=")
        try:
            points = float(value)
        except ValueError:
            points = -1.0
        if not sep or not pid.strip() or not 0 <= points <= MAX_POINTS:
            raise UsageError("bad_weights", value=item)
        weights[pid.strip()] = points
    return weights


def scored(
    cells: Mapping[str, Cell], points: Mapping[str, float], partial: bool
) -> tuple[dict[str, float], float]:
    """The points each cell earns and the points there were (a problem not in ``points``: 1)."""
    earned = {pid: points.get(pid, 1.0) * cell_credit(cell, partial) for pid, cell in cells.items()}
    return earned, sum(points.get(pid, 1.0) for pid in cells)


def stats_text(summary: Summary, points: Mapping[str, float]) -> str:
    """The statistics CSV: per problem the share correct, the mean score and every diagnosis
    with its count (``code (count)``, the most frequent first, ``; `` between them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["problem", "students", "correct", "share_correct", "mean_score", "points",
                     "diagnoses"])  # fmt: skip
    for pid in summary.problems:
        seen = summary.seen[pid]
        counts = summary.diagnoses.get(pid) or Counter()
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        writer.writerow([
            pid,
            seen,
            summary.correct[pid],
            f"{summary.correct[pid] / seen:.4f}" if seen else "",
            f"{summary.points.get(pid, 0.0) / seen:.4f}" if seen else "",
            points_text(points.get(pid, 1.0)),
            "; ".join(f"{code} ({count})" for code, count in ordered),
        ])  # fmt: skip
    return out.getvalue()


def points_text(value: float) -> str:
    """Points as a teacher writes them: ``3``, ``2.5``, ``1.67``."""
    return f"{round(value, 2):g}"


__all__ = ["cell_credit", "parse_weights", "parts_right", "points_text", "scored", "stats_text"]
