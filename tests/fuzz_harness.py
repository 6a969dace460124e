"""Run one fuzz :class:`~tests.fuzz_strategies.Case` and judge what came out.

Two routes, the promise of each checked:

* the command line, in-process (``linsteps.cli.main`` with argv): exit 0 with output on stdout
  and nothing on stderr (``check`` may also exit 1: incorrect), or exit 2 with nothing on stdout
  and exactly one line on stderr;
* the Python API: the derivation rendered in every format and both languages, or one of the
  project's own errors (:class:`linsteps.errors.LinstepsError`).

Anything else (a traceback, RecursionError, MemoryError, decimal.InvalidOperation, …) is a
failure; so is a hang.  Each run is watched by :class:`Watchdog`, independent of the product's
own time limits: it uses the process-time interval timer (``ITIMER_PROF``, SIGPROF), so it
neither replaces nor is replaced by the product's real-time timer (SIGALRM), and it fires again
and again until the run stops, because one exception raised in a signal handler can be lost:
when the signal arrives while a garbage-collector callback runs (hypothesis installs one), the
exception is printed as "Exception ignored in gc callback" and the code goes on.  Work stuck in
C, where no signal handler runs, is left to ``faulthandler``, which dumps the stacks and exits.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import json
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from tests.fuzz_strategies import FORMATS, LANGS, Case

HANG_SECONDS = 10.0  # CPU seconds after which a run is a hang
PRODUCT_SECONDS = 5.0  # the product's own wall-time limit for each run, where it has one
# Command-line options of the bounds, fuzzed at their edges, and the API's names for them.
BOUNDS = {"bound_time": "time_limit", "max_terms": "max_terms", "memory_limit": "memory_limit"}
HARD_SECONDS = 600.0  # wall seconds after which the process is stopped (work stuck in C)


class Hang(BaseException):
    """Raised by the watchdog; a BaseException, so that no ``except Exception`` swallows it."""


@dataclass(frozen=True)
class Outcome:
    """What one run did: ``ok``, ``refused`` (exit 2 or a LinstepsError), ``incorrect``
    (check's exit 1), ``long`` (past the watchdog within a time limit the case raised),
    ``hang`` or ``failure``; ``detail`` says why for the last three."""

    route: str
    status: str
    seconds: float
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.status in ("failure", "hang")


class Watchdog:
    """Raise :class:`Hang` in the main thread once a run has used ``seconds`` of CPU time."""

    def __init__(self, seconds: float = HANG_SECONDS, hard: float = HARD_SECONDS) -> None:
        self.seconds = seconds
        self.hard = hard
        self.fired = 0

    def _fire(self, signum: int, frame: Any) -> None:
        self.fired += 1
        raise Hang

    @contextlib.contextmanager
    def watch(self) -> Iterator[None]:
        self.fired = 0
        previous = signal.signal(signal.SIGPROF, self._fire)
        # Fires again every 0.25 s of CPU time until disarmed: one Hang lost in a gc callback
        # is followed by another.
        signal.setitimer(signal.ITIMER_PROF, self.seconds, 0.25)
        faulthandler.dump_traceback_later(self.hard, exit=True)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            faulthandler.cancel_dump_traceback_later()
            signal.signal(signal.SIGPROF, previous)


WATCHDOG = Watchdog()


def _raised_limit(case: Case) -> bool:
    """True when the case sets a time limit past the watchdog's (``--time-limit 3600``)."""
    limit = case.options.get("bound_time")
    return isinstance(limit, int | float) and limit > HANG_SECONDS


def _timed(route: str, run: Callable[[], Outcome], case: Case) -> Outcome:
    began = time.perf_counter()
    try:
        with WATCHDOG.watch():
            outcome = run()
    except Hang:
        # Past the watchdog but within a time limit the case itself raised: the product keeps
        # its bound (the limit it was given), so this is "long", not a hang.
        status = "long" if _raised_limit(case) else "hang"
        return Outcome(route, status, time.perf_counter() - began, traceback.format_exc())
    return Outcome(route, outcome.status, time.perf_counter() - began, outcome.detail)


# --- the command line ----------------------------------------------------------------------

FLAGS = {
    "decimals": "--decimals",
    "dim": "--dim",
    "shape": "--shape",
    "shape_b": "--shape",
    "entry": "--entry",
    "explain": "--explain",
    "answer": "--answer",
    "tolerance": "--tolerance",
    "time_limit": "--time-limit",
    "unit": "--unit",
    "seed": "--seed",
    "count": "--count",
    "topics": "--topics",
    "difficulty": "--difficulty",
    "solutions": "--solutions",
    "title": "--title",
    "date": "--date",
    "lib": "--lib",
    "code": "--code",
    "heads": "--heads",
    "bound_time": "--time-limit",
    "max_terms": "--max-terms",
    "memory_limit": "--memory-limit",
}
SWITCHES = {
    "full": "--full",
    "complex": "--complex",
    "pairwise": "--pairwise",
    "causal": "--causal",
    "standalone": "--standalone",
    "color": "--color",
    "all": "--all",
    "decimal_comma": "--decimal-comma",
    "broadcast": "--broadcast",
}


def argv(case: Case) -> list[str]:
    """The command line of ``case``."""
    args = [case.command, *case.operands, "--format", case.fmt, "--lang", case.lang]
    for name, value in case.options.items():
        if name == "scale":
            args.append("--no-scale")
        elif name == "explain" and case.command == "check":
            args.append("--explain")
        elif name in SWITCHES:
            if value:
                args.append(SWITCHES[name])
        elif isinstance(value, list):
            for item in value:
                args += [FLAGS[name], str(item)]
        else:
            args += [FLAGS[name], str(value)]
    if case.command != "check" and "bound_time" not in case.options:
        args += ["--time-limit", str(PRODUCT_SECONDS)]
    return args


def _cli_verdict(case: Case, code: object, out: str, err: str) -> Outcome:
    if code == 2:
        if out or not err.strip() or err.count("\n") != 1 or not err.endswith("\n"):
            return Outcome("cli", "failure", 0, f"exit 2 needs one line: {out[:300]!r} {err!r}")
        return Outcome("cli", "refused", 0)
    if code == 0 or (code == 1 and case.command in ("check", "shapes")):
        if err or not out:
            return Outcome("cli", "failure", 0, f"exit {code}: stdout {out[:300]!r}, {err!r}")
        if case.fmt == "json" and case.command != "worksheet":
            try:
                json.loads(out)
            except ValueError as error:
                return Outcome("cli", "failure", 0, f"invalid JSON: {error}")
        return Outcome("cli", "ok" if code == 0 else "incorrect", 0)
    return Outcome("cli", "failure", 0, f"exit status {code!r}: {err[-2000:]}")


def run_cli(case: Case) -> Outcome:
    """Run ``case`` through ``linsteps.cli.main`` in this process."""
    from linsteps.cli import main

    def run() -> Outcome:
        out, err = io.StringIO(), io.StringIO()
        code: object = None
        stdin = sys.stdin
        sys.stdin = io.StringIO("1 2 3")
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                main(argv(case))
        except SystemExit as done:
            code = done.code
        except Exception:
            return Outcome("cli", "failure", 0, traceback.format_exc())
        finally:
            sys.stdin = stdin
        return _cli_verdict(case, code, out.getvalue(), err.getvalue())

    return _timed("cli", run, case)


# --- the Python API ------------------------------------------------------------------------

NOT_ARGUMENTS = ("standalone", "color", "code", *BOUNDS)


def _limits(case: Case) -> dict[str, Any]:
    """The product's bounds for one API run: its time limit, and the bounds the case sets."""
    given = {BOUNDS[name]: value for name, value in case.options.items() if name in BOUNDS}
    given.setdefault("time_limit", PRODUCT_SECONDS)
    given.pop("memory_limit", None)  # a bound of the command line only
    return given


def _render_all(render: Callable[[str, str], str]) -> None:
    """Render in every format and both languages; JSON must parse."""
    for fmt in FORMATS:
        for lang in LANGS:
            text = render(fmt, lang)
            if fmt == "json":
                json.loads(text)


def _settings(case: Case, fmt: str) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    if fmt == "latex" and case.options.get("standalone"):
        settings["standalone"] = True
    if fmt == "text" and case.options.get("color"):
        settings["color"] = True
    return settings


def _explaining(case: Case) -> None:
    import linsteps
    from linsteps import ops

    kwargs = {name: value for name, value in case.options.items() if name not in NOT_ARGUMENTS}
    if "decimals" in kwargs:
        kwargs["places"] = kwargs.pop("decimals")
    operands: list[Any] = list(case.operands)
    function = getattr(linsteps, case.command)
    if kwargs.get("pairwise"):
        operands.append(None)
    if case.command == "einsum":
        kwargs["shapes"] = kwargs.pop("shape", ())
    if "heads" in kwargs:
        function = ops.multi_head_attention
        operands += [None] * (3 - len(operands))
    derivation = function(*operands, **kwargs)
    library = case.options.get("code")

    def render(fmt: str, lang: str) -> str:
        text = str(derivation.render(fmt, lang, **_settings(case, fmt)))
        if library is not None:
            from linsteps.learn.code_view import with_program

            text = with_program(derivation, text, fmt, lang, library)
        return text

    _render_all(render)


def _compare(case: Case) -> None:
    from linsteps.learn.compare import compare
    from linsteps.learn.comparison_view import render_comparison

    comparison = compare(*case.operands, places=case.options.get("decimals", 4))
    row = case.options.get("explain")
    if row is None:
        _render_all(lambda f, lang: render_comparison(comparison, f, lang, **_settings(case, f)))
    else:
        derivation = comparison.explain(row)
        _render_all(lambda f, lang: derivation.render(f, lang, **_settings(case, f)))


def _guide(case: Case) -> None:
    from linsteps.learn.guide import guide_for
    from linsteps.learn.guide_view import render_guide

    guide = guide_for(case.operands[0] if case.operands else None, case.options.get("all", False))
    _render_all(lambda f, lang: render_guide(guide, f, lang, **_settings(case, f)))


CHECK_OPTIONS = ("dim", "entry", "unit", "complex")


def _check(case: Case) -> None:
    from linsteps.assess.checking import check
    from linsteps.assess.verdict_view import render_verdict

    options = {k: v for k, v in case.options.items() if k in CHECK_OPTIONS}
    verdict = check(
        case.operands[0],
        case.operands[1:],
        case.options["answer"],
        options=options,
        tolerance=case.options.get("tolerance", 1e-3),
        time_limit=case.options.get("time_limit", 2.0),
        decimal_comma=case.options.get("decimal_comma", False),
    )
    explain = bool(case.options.get("explain"))
    _render_all(lambda fmt, lang: render_verdict(verdict, fmt, lang, explain=explain))


def _worksheet(case: Case) -> None:
    from linsteps.practice.documents.formats import render_sheet
    from linsteps.practice.worksheet import make_sheet

    given = case.options
    sheet = make_sheet(
        given["seed"],
        given.get("count", 10),
        given.get("topics"),
        given.get("difficulty", "medium"),
        title=given.get("title"),
        date=given.get("date"),
    )
    for fmt in ("markdown", "latex", "html"):
        for lang in LANGS:
            render_sheet(sheet, fmt, lang, given.get("solutions", "none"))


def _shapes(case: Case) -> None:
    from linsteps.learn.shape_view import render_report
    from linsteps.learn.shapes import shapes

    report = shapes(case.operands[0], case.operands[1:], case.options.get("lib"))
    _render_all(lambda fmt, lang: render_report(report, fmt, lang, **_settings(case, fmt)))


def _why(case: Case) -> None:
    from linsteps.learn.shape_view import render_report
    from linsteps.learn.why import why

    report = why(case.operands[0])
    _render_all(lambda fmt, lang: render_report(report, fmt, lang, **_settings(case, fmt)))


API_ROUTES: dict[str, Callable[[Case], None]] = {
    "shapes": _shapes,
    "why": _why,
    "compare": _compare,
    "guide": _guide,
    "check": _check,
    "worksheet": _worksheet,
}


def run_api(case: Case) -> Outcome:
    """Run ``case`` through the Python API and render it every way."""
    import linsteps
    from linsteps.errors import LinstepsError
    from linsteps.reading.budget import within_budget

    def run() -> Outcome:
        try:
            # One budget for the whole case, as one command has: the call and its eleven
            # renderings share its deadline.  Entered here, not from a generator: an alarm in
            # a generator's exit would raise before the deadline closed.
            with linsteps.limits(**_limits(case)), within_budget():
                API_ROUTES.get(case.command, _explaining)(case)
        except LinstepsError:
            return Outcome("api", "refused", 0)
        except Exception:
            return Outcome("api", "failure", 0, traceback.format_exc())
        return Outcome("api", "ok", 0)

    return _timed("api", run, case)
