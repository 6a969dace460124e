"""Fuzz the whole pipeline: every command through parse → derive → every renderer, both languages.

Random commands (``tests/fuzz_strategies.py``, edge values on purpose) run through the command
line in-process and through the Python API (``tests/fuzz_harness.py``): exit 0, or exit 2 with
one line on stderr; through the API only the project's own errors; never a traceback or a hang.
CI (HYPOTHESIS_PROFILE=ci) runs 10,000 commands; the dev profile a quick sample of 40.
``benchmarks/fuzz_pipeline.py`` runs the same generator over a million inputs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import linsteps
from tests.fuzz_harness import Hang, Watchdog, run_api, run_cli
from tests.fuzz_strategies import COMMANDS, FORMATS, LANGS, Case, cases

CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci"
# LINSTEPS_FUZZ_EXAMPLES=N runs N commands (a longer local hunt).
EXAMPLES = int(os.environ.get("LINSTEPS_FUZZ_EXAMPLES", 10_000 if CI else 40))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(cases(), st.sampled_from(("cli", "api")))
def test_every_command_keeps_its_promise_on_the_command_line_and_through_the_api(
    case: Case, route: str
) -> None:
    """Each command goes one way, drawn: the command line in one format and language, or the
    API rendered in every format and both languages (10,000 commands cost half as much)."""
    outcome = run_cli(case) if route == "cli" else run_api(case)
    assert not outcome.failed, f"{route} {outcome.status}: {case.describe()}\n{outcome.detail}"


def test_the_generator_reaches_every_command_format_and_language() -> None:
    import random

    from tests.fuzz_strategies import RandomSource, case

    source = RandomSource(random.Random(0))
    made = [case(source) for _ in range(600)]
    assert {c.command for c in made} == set(COMMANDS)
    assert {c.fmt for c in made} >= set(FORMATS)
    assert {c.lang for c in made} == set(LANGS)


def test_the_benchmark_goes_on_where_a_run_of_its_seed_stopped(tmp_path: Path) -> None:
    """A run from input 10 reports the inputs it covered and the one to go on from."""
    script = Path(__file__).parents[1] / "benchmarks" / "fuzz_pipeline.py"
    report = tmp_path / "run.json"
    options = ["--seed", "3", "--start", "10", "--count", "4", "--report", str(report)]
    done = subprocess.run(
        [sys.executable, str(script), *options],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(report.read_text())
    assert (figures["start"], figures["next"], figures["inputs"]) == (10, 14, 4)
    assert figures["tracebacks"] == 0
    assert "seed 3 from 10 to 14" in done.stdout


def test_the_watchdog_stops_a_run_even_when_its_first_signal_is_lost() -> None:
    """A Hang raised while a garbage-collector callback runs is swallowed; the next one is not."""
    lost: list[int] = []

    def swallowing(signum: int, frame: object) -> None:
        lost.append(signum)  # the first signal is "lost", as in a gc callback

    dog = Watchdog(seconds=0.05)
    with pytest.raises(Hang), dog.watch():
        previous = signal.signal(signal.SIGPROF, swallowing)
        while not lost:
            sum(range(1000))
        signal.signal(signal.SIGPROF, previous)
        while True:
            sum(range(1000))
    assert lost


# --- regressions the fuzzer found --------------------------------------------------------


@pytest.mark.parametrize(
    "derive",
    [
        lambda: linsteps.hadamard("[(0**0)]", "[(√−1)]"),
        lambda: linsteps.hadamard("1 2; 3 4", "√−1 1; 1 sqrt(-2)"),
        lambda: linsteps.attention("1 i; 2 3", "1 0; 0 1", "1 2; 3 4"),
        lambda: linsteps.attention("√−1 1; 2 3", "1 0; 0 1"),
        lambda: linsteps.outer("[1, sin(acos(2))]", "[2.5]"),
        lambda: linsteps.project("[1, √−1, 3]", "[1/9, sqrt(2), 1]"),
    ],
    ids=["hadamard-i", "hadamard-matrix", "attention-i-symbol", "attention-i", "outer", "project"],
)
def test_complex_entries_are_approximated_in_every_format(derive: object) -> None:
    derivation = derive()  # type: ignore[operator]
    for fmt in FORMATS:
        for lang in LANGS:
            assert derivation.render(fmt, lang)


def test_a_function_sympy_cannot_decide_is_refused_in_one_line() -> None:
    """asin(cos(10^300)) made SymPy fail deciding a branch, with an AttributeError."""
    for text in ("[asin(cos(1e300)), 1]", "[acos(sin(1e300)), 1]"):
        with pytest.raises(linsteps.ParseError) as caught:
            linsteps.norm(text)
        assert "column 2" in caught.value.message("en")
        assert "第 2 列" in caught.value.message("zh")
    outcome = run_cli(Case("dot", ["asin(cos(1e300)) 1", "1 2"]))
    assert outcome.status == "refused", outcome.detail


def test_a_complex_cosine_has_no_similarity_reading_and_renders() -> None:
    derivation = linsteps.cos("[0.2, 1, 7.82, 0]", "[0.75, 2⁻¹, sqrt(-1), -3]")
    for fmt in FORMATS:
        for lang in LANGS:
            assert derivation.render(fmt, lang)
    assert "similar" not in derivation.render("text", "en")


def test_an_interval_is_not_a_finite_entry() -> None:
    """atan(log(0)) is SymPy's AccumBounds(-π/2, π/2): no number, and no code printer's."""
    with pytest.raises(linsteps.ParseError) as caught:
        linsteps.norm("[arctan(log(0)), 1]")
    assert "not a finite number" in caught.value.message("en")
    outcome = run_cli(
        Case("norm", ["[[0.28], [arctan(log(abs(abs(0))))], [1]]"], {"code": "numpy"})
    )
    assert outcome.status == "refused", outcome.detail


def test_a_scalar_operand_is_written_as_an_array_of_rank_0() -> None:
    """``hadamard 7/7 [0] --broadcast --code numpy``: an IndexError writing the scalar (its
    program runs with NumPy in tests/test_code_programs.py)."""
    outcome = run_cli(Case("hadamard", ["7/7", "[0]"], {"broadcast": True, "code": "numpy"}))
    assert outcome.status == "ok", outcome.detail


def test_a_power_with_an_irrational_exponent_is_held_to_the_limits() -> None:
    """``10^1000^1000^exp(710)`` reached evaluation and overflowed mpmath (OverflowError)."""
    for text in ("[10^(1000^1000^exp(710)), 1]", "[2^exp(710), 1]"):
        with pytest.raises(linsteps.LimitError):
            linsteps.outer(text, "[1]")
    assert linsteps.norm("[2^sqrt(2), 1]").render("text", "en")


@pytest.mark.parametrize("run", [run_cli, run_api])
def test_a_program_of_an_entry_with_complex_parts_is_written(run: Callable[[Case], Any]) -> None:
    """``|√(exp(asin(3)))|`` in an operand of ``--code torch``: SymPy writes the modulus with
    ``re`` and ``im``, which its Python printer cannot write (PrintMethodNotImplementedError).
    The programs run in tests/test_code_programs.py and tests/test_code_torch.py."""
    operands = ["[6.54, 3.63, 0/6, 0.30]", "[0.2, exp(cos(abs(sqrt(exp(asin(3)))))), 0.1, 2.5e-3]"]
    outcome = run(Case("angle", operands, {"code": "torch"}, fmt="json"))
    assert outcome.status == "ok", outcome.detail


def test_a_number_sympy_builds_but_cannot_evaluate_is_refused_where_it_is_written() -> None:
    """SymPy rounds ``acos(acos(sin(atan(1e300))))`` onto a pole of tan at every precision, and
    its evaluation of the dot product failed (TypeError); in an ``einsum`` operand it contradicted
    itself on the sign of ``atan(atan(arcsin(sin(atan(arccos(1e300))))))``
    (InconsistentAssumptions)."""
    with pytest.raises(linsteps.ParseError, match=r"tan.* at column 14 cannot be evaluated"):
        linsteps.dot("(1/1, tan(ln(tan(acos(acos(sin(atan(1e300))))))), 4.33)", "(4/7, 11, 2)")
    matrix = (
        "[[8.35, -8/9, -4/1, -11], [3.26, 6.1, 13152753569366787.63870970489743996431323276908128,"
        " 2.5e-3], [7/9, 0/2, -1, 0.9], [9.65, tan(abs(atan(atan(arcsin(sin(atan(arccos(1e300))))"
        ")))), -3, 0.1]]"
    )
    outcome = run_api(Case("einsum", ["ab" * 30 + "->", matrix], {"full": True}, "latex", "zh"))
    assert outcome.status == "refused", outcome.detail


def test_a_length_sympy_cannot_tell_from_zero_is_undecided_not_a_traceback() -> None:
    """``cos`` with ``arccos(asin(sqrt(acos(0))))`` beside ``e^7.74``: SymPy's ``equals(0)``
    solved for the squared length, met a comparison it cannot decide, and its cache turned the
    TypeError into an AttributeError."""
    v = "(arccos(asin(sqrt(acos(0)))), (exp(1)^7.74))"
    outcome = run_api(Case("cos", ["[[2/3, -8/4]]", v], {"dim": "³"}))
    assert outcome.status in ("ok", "refused"), outcome.detail


def test_a_program_of_an_operand_of_symbolic_size_is_refused_at_once() -> None:
    """``hadamard x B --dim k --code numpy`` read the entries of a k×k matrix until the limit."""
    outcome = run_api(Case("hadamard", ["x", "B"], {"dim": "k", "code": "numpy"}))
    assert outcome.status == "refused", outcome.detail  # it was a hang


def test_a_run_within_a_time_limit_the_case_raised_is_long_not_a_hang(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests import fuzz_harness

    monkeypatch.setattr(fuzz_harness, "WATCHDOG", Watchdog(seconds=0.05))

    def spin() -> fuzz_harness.Outcome:
        while True:
            sum(range(1000))

    raised = Case("compare", ["1 2", "3 4"], {"bound_time": 3600})
    assert fuzz_harness._timed("cli", spin, raised).status == "long"
    assert fuzz_harness._timed("cli", spin, Case("compare", ["1 2", "3 4"])).status == "hang"


def test_a_divisor_sympy_cannot_identify_is_undecided_not_an_overflow() -> None:
    """SymPy's ``equals(0)`` on a norm beside 7·10³⁰⁸ overflowed mpmath (OverflowError)."""
    from linsteps.ops.divisors import zero_status
    from linsteps.reading.parsing import parse_expression

    value = parse_expression("7e308^2 + asin(sqrt(2))^2")
    assert zero_status(value) in ("nonzero", "unknown")
    operands = ["(arcsin(sqrt(2)), 7e308, 1/2^5, 5.98)", "(11, -8, 0, 0.2)"]
    outcome = run_api(Case("angle", operands, {"full": True, "bound_time": 2}))
    assert outcome.status in ("ok", "refused"), outcome.detail


def test_a_divisor_with_a_symbolic_power_keeps_its_condition_whole() -> None:
    """b = (i^(i·arccos(asin(π)))) factored with a symbolic power: a TypeError comparing it."""
    derivation = linsteps.project("[i]", "[[(i^(i * arccos(asin(pi))))]]", places=1)
    for fmt in FORMATS:
        for lang in LANGS:
            assert derivation.render(fmt, lang)


def test_a_number_mpmath_cannot_shift_is_a_limit_in_one_line() -> None:
    """7·10³⁰⁸ beside nested functions: mpmath's OverflowError while rounding the cosine."""
    operands = ["-9/3, 1/2", "7E308, arctan(arcsin(asin(tan(sqrt(sin(arccos(abs(1e300))))))))"]
    with pytest.raises(linsteps.LimitError) as caught:
        linsteps.angle(*operands, full=True)
    assert "too large or too fine" in caught.value.message("en")
    outcome = run_cli(Case("angle", operands, {"full": True}, fmt="html"))
    assert outcome.status == "refused", outcome.detail


def test_a_wrong_angle_of_a_complex_vector_is_checked_without_a_traceback() -> None:
    """``ln(cos(10³⁰⁰))`` is complex (the cosine is negative): whether the "missing square root"
    mistake has an angle depended on a comparison SymPy cannot decide (TypeError)."""
    from linsteps.assess.checking import check

    verdict = check("angle", ("[-3/1, π, ln(cos(1e300))]", "[[5, 0.2, 0.1]]"), "sqrt(2)/2")
    assert not verdict.correct


def test_a_product_of_integers_past_4300_digits_is_compared_as_text() -> None:
    """``(10⁻³⁰⁰)⁸`` in a projection: SymPy ordered the factors of b·b's reciprocal by their
    ``str()``, which Python refuses past 4300 digits (ValueError)."""
    operands = ("[7.92, 1, 2.38]", "[-3, log(tan(atan(1))) - 10, (1E-300)^8]")
    with linsteps.limits(max_terms=10**9):
        explained = linsteps.project(*operands, places=28)
        assert "proj" in explained.render("html", "zh")


def _spin(seconds: float) -> None:
    """Keep the processor busy for ``seconds``, long past a command's time limit."""
    import time

    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        pass


def _only_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the command line on ``args``: exit status 2 and one line on stderr, returned."""
    from linsteps.cli import main

    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_time_limit_that_strikes_as_a_refusal_unwinds_writes_no_second_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command had written its one line (a character it cannot read) and was exiting when its
    time limit passed, in the flush of its output: the limit wrote a second line."""
    import linsteps.output

    monkeypatch.setattr(linsteps.output, "flush_stream", lambda stream=None: _spin(0.3))
    line = _only_line(["project", "[1, 2]", "[1, ⽒]", "--time-limit", "0.1"], capsys)
    assert "⽒" in line


def test_a_time_limit_that_strikes_while_a_refusal_is_written_writes_no_second_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``matmul`` of a 1×3 and a 4×1 with a 1 ms limit wrote its refusal, and the limit passed
    before the exit was raised: a second line named the time limit."""

    class SlowStream:
        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def write(self, text: str) -> int:
            _spin(0.3)
            return int(self.stream.write(text))

        def flush(self) -> None:
            self.stream.flush()

    monkeypatch.setattr(sys, "stderr", SlowStream(sys.stderr))
    line = _only_line(["matmul", "1 2 3", "[6; 1; 6.32; 0.2]", "--time-limit", "0.1"], capsys)
    assert "columns of A = rows of B" in line
