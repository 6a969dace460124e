"""No cell stops a class: crashing, hanging and huge cells are graded ``invalid`` or
``unverified`` and named by row and column, every other answer is graded, and the outputs are
put in place whole.

Nothing here relies on a test timeout: the product's own limits end every run (the
subprocesses have a generous safety net only so that a regression fails instead of hanging).
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from linsteps import UsageError
from linsteps.assess import grader as grader_module
from linsteps.assess.grading import grade
from linsteps.assess.isolation import Workers, start_context
from linsteps.assess.submissions import MAX_CELL, MAX_LINE

DATA = Path(__file__).parent / "data"
KEY = DATA / "week3-key.json"
ENV = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
SAFETY_NET = 600  # seconds; the run ends long before through its own limits
GOOD = ["32", "0.9746", '"[4, 10, 18]"', '"19 22; 43 50"', "undefined"]
HANG = "sin(exp(exp(exp(3))))+1"  # used to hang; now refused as it is read
# Within every input limit, but hundreds of sines of numbers near 2^9500 take seconds to evaluate.
SLOW = "+".join(f"sin(exp(6600+{k}/53))" for k in range(300))
forked = pytest.mark.skipif(
    start_context().get_start_method() != "fork", reason="patches reach forked workers only"
)


def row(student: bytes, first: bytes, *rest: bytes) -> bytes:
    cells = [first, *rest] + [g.encode() for g in GOOD[1 + len(rest) :]]
    return student + b"," + b",".join(cells) + b"\n"


def hostile_csv() -> bytes:
    """A class whose good answers sit among cells that crash, hang or are huge (rows 2-15)."""
    lines = [
        b"student,1,2,3,4,5\n",
        row(b"good", b"32"),  # 2
        row(b"decimal30", b"123456789012345678901234567890.5"),  # 3: used to crash grade
        row(b"tower", b"10^10^10"),  # 4
        row(b"nested", b"(" * 60 + b"1" + b")" * 60),  # 5
        row(b"nul", b"3\x002"),  # 6
        row(b"bytes", b"3\x812"),  # 7: not text in any encoding the file can have
        row(b"hang", HANG.encode()),  # 8: used to hang grade for good
        row(b"power", b'"2^(10^6)"', b"0.9746", b'"[4, 10, 18]"', b'"(10^1000)^1000"'),  # 9
        row(b"huge", b"1" * (MAX_CELL + 1)),  # 10
        row(b"long", "+".join(["1"] * 4900).encode()),  # 11: huge but legal
        b"line," + b"2" * (MAX_LINE + 10) + b"\n",  # 12
        b"short,32\n",  # 13
        row(b"b\x81d", b"32"),  # 14: an id with a byte that is not text
        row(b"good2", b"32"),  # 15
    ]
    return b"".join(lines)


def report(path: Path) -> dict[str, list[str]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    return {r[0]: r for r in rows[1:]}


def statuses(line: list[str]) -> list[tuple[str, str]]:
    return [(line[3 + 2 * i], line[4 + 2 * i]) for i in range(5)]


def test_a_class_with_hostile_cells_is_graded_completely(
    tmp_path: Path, console_script: str
) -> None:
    source = tmp_path / "answers.csv"
    source.write_bytes(hostile_csv())
    out = tmp_path / "report.csv"
    done = subprocess.run(
        [console_script, "grade", str(KEY), str(source), "--out", str(out), "--time-limit", "3",
         "--feedback", str(tmp_path / "feedback")],
        capture_output=True, text=True, env=ENV, timeout=SAFETY_NET,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    graded = report(out)
    correct = ("correct", "")
    good = [correct, ("correct", "approximate"), correct, correct, correct]
    assert statuses(graded["good"]) == good and statuses(graded["good2"]) == good
    bad = {
        "tower": ("invalid", "unreadable"),
        "nested": ("invalid", "unreadable"),
        "nul": ("invalid", "unreadable"),
        "bytes": ("invalid", "unreadable"),
        "hang": ("invalid", "unreadable"),  # now refused as it is read: too large to evaluate
        "power": ("invalid", "unreadable"),
        "huge": ("invalid", "unreadable"),
    }
    for student, grade_ in bad.items():
        expected = [grade_, *good[1:]]
        if student == "power":
            expected[3] = ("invalid", "unreadable")
        assert statuses(graded[student]) == expected, student
    assert graded["decimal30"][3] == "incorrect" and statuses(graded["decimal30"])[1:] == good[1:]
    assert graded["long"][3] == "incorrect"
    assert statuses(graded["short"]) == [correct] + [("blank", "")] * 4
    assert statuses(graded["b\ufffdd"]) == good
    assert "line" not in graded and len(graded) == 13
    warnings = done.stderr
    for place in ("row 4, column 1", "row 5, column 1", "row 6, column 1", "row 7, column 1",
                  "row 8, column 1", "row 9, column 1", "row 9, column 4", "row 10, column 1",
                  "row 12 is longer", "row 13 has 2 cells", "row 14: the student id"):  # fmt: skip
        assert place in warnings, place
    # The cell that used to hang is refused as it is read, before any evaluation.
    assert "row 8, column 1" in warnings and "too large to evaluate" in warnings
    hang = (tmp_path / "feedback" / "hang.md").read_text(encoding="utf-8")
    assert "too large to evaluate" in hang


def run_in_process(tmp_path: Path, content: str, **options: Any) -> tuple[Any, dict[str, Any]]:
    source = tmp_path / "answers.csv"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "report.csv"
    warnings: list[str] = []
    summary = grade(KEY, source, out=out, warn=warnings.append, **options)
    return summary, {"report": report(out), "warnings": warnings}


def misbehave(self: Any, problem: Any, text: str) -> Any:
    """Grader.grade_cell as a buggy or hostile check would behave (patched into workers)."""
    if text == "crash":
        raise ZeroDivisionError
    if text == "abort":
        os.abort()
    if text == "memory":
        return bytearray(64 * 2**30)  # far past the worker's memory limit
    if text == "stuck":  # a loop in C: the interval timer cannot interrupt it
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        while True:
            pass
    return ORIGINAL(self, problem, text)


ORIGINAL = grader_module.Grader.grade_cell


@forked
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crash_an_abort_memory_and_a_stuck_worker_cost_one_cell_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(grader_module.Grader, "grade_cell", misbehave)
    content = "student,1,2\n" + "".join(
        f"{name},{text},0.9746\n"
        for name, text in [("a", "32"), ("b", "crash"), ("c", "abort"), ("d", "memory"),
                           ("e", "stuck"), ("f", "32"), ("g", "31")]
    )  # fmt: skip
    summary, found = run_in_process(tmp_path, content, jobs=jobs, time_limit=3.0)
    graded = found["report"]
    assert [graded[s][3:5] for s in "bcde"] == [
        ["unverified", "internal_error"],
        ["unverified", "internal_error"],
        ["unverified", "memory_limit"],
        ["unverified", "time_limit"],
    ]
    assert graded["a"][3] == graded["f"][3] == "correct" and graded["g"][3] == "incorrect"
    assert all(graded[s][5] == "correct" for s in "abcdefg")
    named = "\n".join(found["warnings"])
    assert all(f"row {r}, column 1" in named for r in (3, 4, 5, 6))
    assert "ZeroDivisionError" in named and "exit code" in named and "memory" in named
    assert summary.students == 7


def test_a_fully_masked_softmax_row_is_graded_by_the_mathematics(tmp_path: Path) -> None:
    key = tmp_path / "key.json"
    problem = {"id": "1", "operation": "attention", "inputs": ["[[1]]", "[[1], [2]]"],
               "options": {"causal": True}, "answer": {"text": "[[1, 0]]"}}  # fmt: skip
    key.write_text(json.dumps({"version": 1, "problems": [problem]}), encoding="utf-8")
    source = tmp_path / "a.csv"
    source.write_text('student,1\nann,"[[1, 0]]"\nbob,"[[1/2, 1/2]]"\ncid,"[[0, 1]]"\n')
    grade(key, source, out=tmp_path / "r.csv")
    graded = report(tmp_path / "r.csv")
    assert graded["ann"][3] == "correct"
    assert graded["bob"][3] == graded["cid"][3] == "incorrect"


def hostile_key(tmp_path: Path, inputs: list[str], options: dict[str, Any] | None = None) -> Path:
    problems = [
        {"id": "1", "operation": "dot", "inputs": ["[1, 2]", "[3, 4]"], "answer": {"text": "11"}},
        {"id": "7", "operation": "dot", "inputs": inputs, "options": options or {},
         "answer": {"text": ""}},
    ]  # fmt: skip
    path = tmp_path / "key.json"
    path.write_text(json.dumps({"version": 1, "problems": problems}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("inputs", "options", "fragment"),
    [
        ([f"[{SLOW}, 1]", "[1, 2]"], None, "could not be derived within the time limit of 2 s"),
        (["[1, 2]", "[1, 2]"], {"causal": True}, "unknown problem option 'causal'"),
    ],
)
def test_a_key_that_cannot_be_derived_is_one_line_and_exit_2(
    tmp_path: Path,
    console_script: str,
    inputs: list[str],
    options: dict[str, Any] | None,
    fragment: str,
) -> None:
    key = hostile_key(tmp_path, inputs, options)
    source = tmp_path / "a.csv"
    source.write_text("student,1,7\nann,11,3\n", encoding="utf-8")
    done = subprocess.run(
        [console_script, "grade", str(key), str(source), "--out", str(tmp_path / "r.csv")],
        capture_output=True, text=True, env=ENV, timeout=SAFETY_NET,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "problem '7'" in done.stderr
    assert fragment in done.stderr
    assert not (tmp_path / "r.csv").exists()


def test_a_key_with_a_30_digit_decimal_is_derived_and_graded(tmp_path: Path) -> None:
    key = hostile_key(tmp_path, ["[123456789012345678901234567890.5, 1]", "[1, 2]"])
    source = tmp_path / "a.csv"
    source.write_text("student,1,7\nann,11,123456789012345678901234567892.5\n", encoding="utf-8")
    summary = grade(key, source)
    assert summary.score == 2


def earlier_set(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    folder = tmp_path / "feedback"
    grade(KEY, DATA / "answers.csv", feedback=folder)
    return folder, {p.name: p.read_bytes() for p in folder.iterdir()}


def leftovers(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))


def test_a_run_that_crashes_mid_write_leaves_the_earlier_feedback_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linsteps import output

    folder, before = earlier_set(tmp_path)
    source = tmp_path / "new.csv"
    source.write_text("student,1\nzoe,32\nyan,31\nxia,30\n", encoding="utf-8")
    written = output.StagedFolder.write
    calls = []

    def crash_on_the_second(self: Any, name: str, text: str) -> None:
        calls.append(name)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as if the run were stopped mid-write
        written(self, name, text)

    monkeypatch.setattr(output.StagedFolder, "write", crash_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        grade(KEY, source, out=tmp_path / "r.csv", feedback=folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert leftovers(tmp_path) == [] and not (tmp_path / "r.csv").exists()
    monkeypatch.setattr(output.StagedFolder, "write", written)

    def no_swap(a: Path, b: Path) -> bool:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(output, "_exchange", no_swap)  # the swap itself fails
    with pytest.raises(UsageError, match="cannot write"):
        grade(KEY, source, feedback=folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert leftovers(tmp_path) == []
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)  # two renames instead
    grade(KEY, source, feedback=folder)
    assert sorted(p.name for p in folder.iterdir()) == [".linsteps-files", "xia.md", "yan.md",
                                                        "zoe.md"]  # fmt: skip
    assert leftovers(tmp_path) == []


def test_out_and_feedback_are_checked_before_grading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linsteps.assess import grading

    def no_grading(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("grading started")

    monkeypatch.setattr(grading, "GradingPool", no_grading)
    with pytest.raises(UsageError, match="cannot write"):
        grade(KEY, DATA / "answers.csv", out=tmp_path / "missing" / "r.csv")
    with pytest.raises(UsageError) as folder:
        grade(KEY, DATA / "answers.csv", out=tmp_path)
    assert folder.value.key == "output_is_directory"
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        grade(KEY, DATA / "answers.csv", feedback=mine)
    assert caught.value.key == "out_dir_not_empty" and (mine / "notes.txt").exists()


def stall(job: Any) -> tuple[Any, bool]:
    if job == "stuck":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        while True:
            pass
    if job == "die":
        os._exit(3)
    return job * 2, False


def setup() -> Any:
    return stall


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks its workers")
def test_workers_lose_only_the_job_that_overran_or_died() -> None:
    context = multiprocessing.get_context("fork")
    with Workers(1, setup, (), context=context) as workers:
        for ident, job in enumerate(["a", "stuck", "b", "die", "c"]):
            workers.submit(ident, job, 3.0)
        seen = {}
        while workers.busy:
            for outcome in workers.outcomes():
                seen[outcome.ident] = (outcome.result, outcome.lost, outcome.exitcode)
    assert seen[0] == ("aa", None, None) and seen[2] == ("bb", None, None)
    assert seen[4] == ("cc", None, None)
    assert seen[1][1] == "time_limit" and seen[3][1:] == ("stopped", 3)
