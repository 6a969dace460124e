"""Every command and API call is bounded: past a limit, exit 2 and one line naming it.

Each hostile case runs through the installed console script.  The subprocess timeout is only a
safety net: the assertions are on the outcome and the message, which names the product's own
limit, so a case the product did not end itself fails instead of passing slowly.
"""

from __future__ import annotations

import gc
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import linsteps
from linsteps.errors import LimitError, MemoryLimitError, TimeLimitError, UsageError
from linsteps.reading import budget, deadlines
from linsteps.reading.parsing import parse_value

SAFETY_NET = 300  # seconds; never reached when the product's own limits work
PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47)


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [script, *args], capture_output=True, text=True, timeout=SAFETY_NET, check=False
    )


def refused(done: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit status 2, nothing on stdout, one line on stderr holding every fragment."""
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("linsteps: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.fixture
def long_vector(tmp_path: Path) -> str:
    path = tmp_path / "long.txt"
    path.write_text(" ".join(str(i % 97) for i in range(10_000)), encoding="utf-8")
    return f"@{path}"


def test_a_huge_outer_product_is_refused_before_the_work(
    console_script: str, long_vector: str
) -> None:
    done = run(console_script, "outer", long_vector, long_vector)
    refused(done, "100,000,009 terms", "--max-terms")


def test_compare_of_two_long_vectors_is_refused(console_script: str, long_vector: str) -> None:
    refused(run(console_script, "compare", long_vector, long_vector), "--max-terms")


def test_a_huge_generic_matrix_product_is_refused(console_script: str) -> None:
    done = run(console_script, "matmul", "A", "B", "--shape", "200x200", "--shape", "200x200")
    refused(done, "8,000,052 terms", "--max-terms")


def test_attention_on_a_200_by_50_matrix_is_refused(console_script: str, tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    rows = ("; ".join(" ".join(str((i * 7 + j) % 10) for j in range(50)) for i in range(200)),)
    path.write_text(rows[0], encoding="utf-8")
    refused(run(console_script, "attention", f"@{path}", f"@{path}"), "--max-terms")


def test_a_summary_of_a_large_product_of_fractions_costs_what_it_shows(
    console_script: str, tmp_path: Path
) -> None:
    path = tmp_path / "fractions.txt"
    path.write_text(
        "; ".join(
            " ".join(f"{(i + j) % 9 + 1}/{(i * j) % 7 + 2}" for j in range(100)) for i in range(100)
        ),
        encoding="utf-8",
    )
    done = run(console_script, "matmul", f"@{path}", f"@{path}", "--time-limit", "120")
    assert done.returncode == 0, done.stderr
    assert "Showing 2 of 10000 entries" in done.stdout
    assert "AB is 100×100" in done.stdout


def test_the_cosine_of_fifteen_surds_is_explained(console_script: str) -> None:
    a = " ".join(f"sqrt({p})" for p in PRIMES)
    b = " ".join(f"1+sqrt({p})" for p in PRIMES)
    done = run(console_script, "cos", a, b)
    assert done.returncode == 0, done.stderr
    assert "cos θ = " in done.stdout and "≈ 0.9978" in done.stdout


@pytest.mark.parametrize(
    ("operand", "fragment"),
    [
        ("sin(exp(exp(exp(3)))) 1", "too large to evaluate"),
        ("exp(exp(exp(exp(exp(1))))) 1", "too large to evaluate"),
        # an irrational exponent is held to a rational one's limits
        ("2^exp(710) 1", "exponent exp(710) at column 2 is beyond the limit of ±1000"),
        ("10^(1000^exp(710)) 1", "beyond the limit of ±1000"),
        ("1048576^exp(6.5) 1", "would have about 13986 bits"),
        ("(1/4000)^(98458737/250000000) 1", "root too fine"),
        ("(283/3935)^(260640057/798574708)*(3312/3395)^(713762924/185765287) 1", "root"),
    ],
)
def test_numeric_towers_and_fine_roots_are_one_line(
    console_script: str, operand: str, fragment: str
) -> None:
    for fmt in ("text", "json", "latex"):
        refused(run(console_script, "norm", operand, "--format", fmt), fragment)


def test_recursion_is_one_line(console_script: str) -> None:
    tower = "x^" * 199 + "x"
    for fmt in ("text", "json"):
        refused(run(console_script, "norm", f"{tower} 1", "--format", fmt), "nested too deeply")


def test_the_time_limit_stops_the_work_and_names_its_option(console_script: str) -> None:
    done = run(console_script, "dot", "--complex", "(x+y+z+w)^200 1", "1 1", "--time-limit", "1")
    refused(done, "time limit of 1 s", "--time-limit")


def test_the_memory_limit_stops_the_work_and_names_its_option(console_script: str) -> None:
    args = ("dot", "--complex", "(x+y+z+w)^200 1", "1 1", "--memory-limit", "100")
    refused(run(console_script, *args, "--time-limit", "600"), "memory limit of 100 MB")


def test_max_terms_can_be_raised_and_lowered(console_script: str) -> None:
    refused(run(console_script, "outer", "1 2 3", "4 5 6", "--max-terms", "5"), "--max-terms")
    done = run(console_script, "outer", "1 2 3", "4 5 6", "--max-terms", "1000")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "args",
    [["--time-limit", "0"], ["--time-limit", "4000"], ["--max-terms", "0"]],
)
def test_limits_out_of_range_are_usage_errors(console_script: str, args: list[str]) -> None:
    refused(run(console_script, "dot", "1 2", "3 4", *args), args[0])


def test_every_command_says_its_bounds(console_script: str) -> None:
    for command in ("dot", "matmul", "attention", "compare", "guide", "worksheet", "check"):
        done = run(console_script, command, "--help")
        for option in ("--time-limit", "--memory-limit", "--max-terms"):
            assert option in done.stdout, (command, option)


# --- the Python API: the same limits, the project's own errors ---------------------------------


def test_the_api_refuses_a_huge_outer_product() -> None:
    with pytest.raises(LimitError) as info:
        linsteps.outer(list(range(10_000)), list(range(10_000)))
    assert info.value.key == "too_many_terms"
    assert info.value.params["option"] == "--max-terms"


def test_the_api_refuses_numeric_towers_and_fine_roots() -> None:
    for text in ("sin(exp(exp(exp(3))))", "(1/4000)^(98458737/250000000)"):
        with pytest.raises(LimitError):
            parse_value(text)
    with pytest.raises(LimitError):
        linsteps.norm(["x^" * 199 + "x", "1"]).render("json")


def test_the_api_stops_at_its_time_limit() -> None:
    with budget.limits(time_limit=0.5), pytest.raises(TimeLimitError) as info:
        linsteps.dot(["(x+y+z+w)^200", "1"], [1, 1], complex=True)
    assert info.value.params["option"] == "--time-limit"


def test_limits_bound_a_block_and_are_checked() -> None:
    with budget.limits(max_terms=5), pytest.raises(LimitError):
        linsteps.outer([1, 2, 3], [4, 5, 6])
    assert linsteps.outer([1, 2, 3], [4, 5, 6]).result.shape == (3, 3)
    for bad in ({"time_limit": 0}, {"max_terms": -1}, {"speed": 1}, {"max_terms": True}):
        with pytest.raises(UsageError), budget.limits(**bad):
            pass


@pytest.mark.parametrize(
    ("raised", "expected", "key"),
    [
        (RecursionError, LimitError, "too_deep_to_compute"),
        (MemoryError, MemoryLimitError, "out_of_memory"),
    ],
)
def test_recursion_and_memory_errors_become_limit_errors(
    monkeypatch: pytest.MonkeyPatch, raised: type[BaseException], expected: type, key: str
) -> None:
    import linsteps.ops.products

    def exhausted(*args: Any, **kwargs: Any) -> Any:
        raise raised

    monkeypatch.setattr(linsteps.ops.products, "dot_chain", exhausted)
    with pytest.raises(expected) as info:
        linsteps.dot("1 2", "3 4")
    assert info.value.key == key


def test_deadlines_nest_and_the_outer_one_survives_an_inner_one() -> None:
    from linsteps.assess.equivalence import Unverified, time_limit

    with pytest.raises(TimeLimitError), budget.limits(time_limit=1.0), budget.within_budget():
        with pytest.raises(Unverified), time_limit(0.05):
            while True:
                pass
        while True:  # the command's own deadline still stops this
            pass


def _nested_block(spins: random.Random, command_limit: float) -> str:
    """Run a block of about 1 ms under a 1 ms answer limit inside a command's limit; say how
    it ended."""
    from linsteps.assess.equivalence import Unverified, time_limit

    ends = time.monotonic() + spins.uniform(0.0007, 0.0013)
    try:
        with budget.limits(time_limit=command_limit), budget.within_budget():
            try:
                with time_limit(0.001):
                    while time.monotonic() < ends:
                        pass
                return "finished"
            except Unverified:
                return "answer stopped"
    except TimeLimitError:
        return "command stopped"


@pytest.mark.skipif(not deadlines.can_interrupt(), reason="no interval timer here")
def test_a_deadline_that_ends_as_its_block_ends_never_escapes_its_block() -> None:
    """Blocks of about the deadline's own length: the alarm lands in the block, in the code that
    closes the deadline, or after it; each block either finishes or raises its own error."""
    handler = signal.getsignal(signal.SIGALRM)
    spins = random.Random(12)
    outcomes = [_nested_block(spins, 5.0) for _ in range(3000)]
    if "command stopped" in outcomes:  # the command's 5 s: never reached
        pytest.fail("the inner deadline's expiry reached the outer one")
    assert len(outcomes) == 3000
    assert {"finished", "answer stopped"} <= set(outcomes)
    assert not deadlines._LOCAL.open
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is handler


@pytest.mark.skipif(not deadlines.can_interrupt(), reason="no interval timer here")
def test_deadlines_that_end_together_raise_the_error_of_the_outermost_block() -> None:
    """An outer and an inner deadline of about the same length: the block stops with one of
    the two errors, the command's when its deadline is the one that fired first."""
    spins = random.Random(13)
    outcomes = {_nested_block(spins, 0.001) for _ in range(1000)}
    assert "command stopped" in outcomes
    assert not deadlines._LOCAL.open
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.skipif(not deadlines.can_interrupt(), reason="no interval timer here")
def test_a_deadline_that_fails_to_open_leaves_nothing_open(monkeypatch: pytest.MonkeyPatch) -> None:
    handler = signal.getsignal(signal.SIGALRM)
    arm, calls = deadlines._arm, []

    def exhausted_once() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise MemoryError
        arm()

    monkeypatch.setattr(deadlines, "_arm", exhausted_once)
    with pytest.raises(MemoryError), budget.limits(time_limit=1.0), budget.within_budget():
        pytest.fail("the block ran")
    monkeypatch.undo()
    assert not deadlines._LOCAL.open
    assert signal.getsignal(signal.SIGALRM) is handler
    with pytest.raises(TimeLimitError), budget.limits(time_limit=0.05), budget.within_budget():
        while True:  # the next bounded call has its deadline again
            pass


@pytest.mark.skipif(not deadlines.can_interrupt(), reason="no interval timer here")
def test_an_alarm_in_a_garbage_collector_callback_waits_for_it_to_return(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An exception raised in a garbage-collector callback is reported and dropped: the deadline
    that passes while one runs stops the work once it has returned, and nothing is dropped."""
    dropped: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", dropped.append)

    def slow_callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            ends = time.monotonic() + 0.05
            while time.monotonic() < ends:
                pass

    gc.callbacks.append(slow_callback)
    try:
        with pytest.raises(TimeLimitError), budget.limits(time_limit=0.01), budget.within_budget():
            gc.collect()
            while True:
                pass
    finally:
        gc.callbacks.remove(slow_callback)
    assert not dropped


def test_a_deadline_off_the_main_thread_stops_loops_that_check() -> None:
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            with budget.limits(time_limit=0.2), budget.within_budget():
                while True:
                    deadlines.check_time()
                    time.sleep(0.01)
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(SAFETY_NET)
    assert outcome and isinstance(outcome[0], TimeLimitError)


@pytest.mark.parametrize(
    "operand",
    [[], [[]], [2**20000], list(range(20_000)), [[1] * 300] * 2],
    ids=["empty", "empty-rows", "huge-int", "many-entries", "many-columns"],
)
def test_operands_from_python_meet_the_input_limits(operand: Any) -> None:
    for operation in (linsteps.dot, linsteps.matmul, linsteps.attention, linsteps.linear):
        with pytest.raises((LimitError, linsteps.ParseError)):
            operation(operand, operand)


def test_how_an_answer_was_read_is_shown_within_the_time_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from linsteps.assess.checking import check
    from linsteps.render import printing

    verdict = check("dot", ("[1, 2, 3]", "[4, 5, 6]"), "31")
    assert verdict.read_as() == "31"

    def endless(*args: object, **kwargs: object) -> str:
        while True:
            pass

    monkeypatch.setattr(printing, "format_text", endless)
    with linsteps.limits(time_limit=0.2), pytest.raises(linsteps.TimeLimitError):
        verdict.read_as()


SLOW_TO_READ = "exp(0.5); exp(sin(atan(asin(2)))); 1/9; 2"  # SymPy builds exp(…) for seconds


def test_the_learning_and_practice_api_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from linsteps.learn.compare import compare
    from linsteps.practice import worksheet

    def endless(*args: object) -> None:
        while True:
            pass

    monkeypatch.setattr(worksheet, "solve", endless)  # a problem that never stops solving
    with linsteps.limits(time_limit=0.3):
        with pytest.raises(TimeLimitError):
            compare("[1, 2, 3, 4]", SLOW_TO_READ)
        with pytest.raises(TimeLimitError):
            worksheet.make_sheet(1, 2, None, "easy")
