"""``why`` reads the shape errors NumPy really raises: each message below comes from running
the failing operation, and when the message gives every shape the explanation is the one
``shapes`` gives for the rebuilt expression, whose predicted message is the very one read."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from linsteps.errors import UsageError
from linsteps.learn.shape_view import render_report
from linsteps.learn.why import why
from tests.shape_oracle import run

FAILING = [
    ("a + b", {"a": (2, 3), "b": (4,)}, "np_broadcast"),
    ("a * b", {"a": (32, 784), "b": (512, 10)}, "np_broadcast"),
    ("np.dot(a, b)", {"a": (2, 3), "b": (4, 5)}, "np_dot"),
    ("np.dot(a, b)", {"a": (5, 2, 3), "b": (5, 4, 2)}, "np_dot"),
    ("a @ b", {"a": (5, 2, 3), "b": (6, 3, 2)}, "matmul_batch"),
    ("a @ b", {"a": (32, 784), "b": (512, 10)}, "matmul_core"),
    ("a @ b", {"a": (3,), "b": (4,)}, "matmul_core"),
    ("a.reshape(4, -1)", {"a": (6,)}, "reshape"),
    ("a.sum(2)", {"a": (2, 3)}, "axis_range"),
    ("a.transpose(0, 1)", {"a": (2, 3, 4)}, "numpy_transpose_axes"),
]


@pytest.mark.parametrize(("expr", "given", "key"), FAILING)
def test_numpy_messages_are_read(expr: str, given: dict[str, tuple[int, ...]], key: str) -> None:
    outcome = run("numpy", expr, given)
    assert outcome[0] == "error"
    message = f"{outcome[1]}: {outcome[2]}"
    report = why(message)
    assert (report.library, report.error, report.key) == ("numpy", outcome[1], key)
    if report.report is not None:
        fault = report.report.fault
        assert fault is not None and fault.quote == outcome[2]
        assert dict(report.report.givens) == {
            name: shape for name, shape in zip(("a", "b"), given.values(), strict=False)
        }


def test_a_traceback_is_read_from_its_last_line() -> None:
    message = (
        'Traceback (most recent call last):\n  File "x.py", line 3, in <module>\n'
        "    y = a + b\nValueError: operands could not be broadcast together with shapes "
        "(2,3) (4,) \n"
    )
    report = why(message)
    assert report.report is not None and report.report.givens == (("a", (2, 3)), ("b", (4,)))


def test_the_linear_layer_message_names_in_features() -> None:
    report = why("RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x784 and 512x10)")
    assert report.params["in_features"] == 512 and report.params["features"] == 784
    assert report.report is not None and report.report.fault is not None
    codes = {m.code: m.shape for m in report.report.fault.mends}
    assert codes == {"mat1 @ mat2": (32, 10), "mat1 @ mat2.T": (32, 10)}
    text = render_report(report)
    assert "nn.Linear(784, 10)" in text


def test_an_unknown_message_is_refused() -> None:
    with pytest.raises(UsageError) as caught:
        why("KeyError: 'weight'")
    assert caught.value.key == "why_unknown"


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex", "html", "json"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_why_renders_in_every_format(fmt: str, lang: str) -> None:
    text = render_report(
        why("operands could not be broadcast together with shapes (4,3) (4,)"), fmt, lang
    )
    assert "(4,3) (4,)" in text
    if fmt == "json":
        data = json.loads(text)
        assert data["shapes"]["fault"]["mends"][0]["code"] == "a + b.reshape(4, 1)"


def test_the_command_exits_0_when_it_explains_and_2_when_it_cannot(console_script: str) -> None:
    ok = subprocess.run(
        [console_script, "why", "shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0 and "np.dot(a, b)" in ok.stdout
    bad = subprocess.run(
        [console_script, "why", "something else"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2 and bad.stdout == "" and bad.stderr.count("\n") == 1
    assert sys.executable
