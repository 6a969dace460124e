"""``linsteps shapes``: the report in every format and language, its exit status (0 fits,
1 does not, 2 unreadable), the reading of expressions and shapes, and their limits."""

from __future__ import annotations

import json
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linsteps.errors import LimitError, LinstepsError, ParseError, UsageError
from linsteps.learn.shape_view import render_report
from linsteps.learn.shapes import shapes
from linsteps.learn.why import why
from linsteps.reading.shape_expr import parse_shape_expression, tensor_names
from linsteps.reading.shape_spec import parse_shape_spec


def test_every_sub_expression_has_its_shape() -> None:
    report = shapes("x @ W.T + b", x="32x784", W="10x784", b=10)
    assert [(line.code, line.shape) for line in report.lines] == [
        ("x", (32, 784)),
        ("W", (10, 784)),
        ("W.T", (784, 10)),
        ("x @ W.T", (32, 10)),
        ("b", (10,)),
        ("x @ W.T + b", (32, 10)),
    ]
    assert report.fits and report.shape == (32, 10)


def test_the_break_is_named_in_pytorchs_words_with_its_mends() -> None:
    report = shapes("x @ W", x="32x784", W="512x10")
    assert report.fault is not None
    assert report.fault.quote == "mat1 and mat2 shapes cannot be multiplied (32x784 and 512x10)"
    assert [m.key for m in report.fault.mends] == ["weight_rows", "linear_weight"]
    report = shapes("x @ W", x="32x784", W="10x784")
    assert report.fault is not None and report.fault.mends[0].code == "x @ W.T"


def test_the_library_follows_the_expression_unless_told() -> None:
    assert shapes("np.dot(a, b)", a=3, b=3).library == "numpy"
    assert shapes("a @ b", a=3, b=3).library == "torch"
    assert shapes("a @ b", {"a": 3, "b": 3}, "numpy").library == "numpy"
    with pytest.raises(UsageError):
        shapes("a @ b", {"a": 3, "b": 3}, "jax")


@pytest.mark.parametrize(
    "text",
    [
        "x @",
        "x.foo()",
        "os.system('ls')",
        "x[0]",
        "__import__('os')",
        "x; y",
        "lambda: 1",
        "x if y else z",
    ],
)
def test_anything_outside_the_whitelist_is_unreadable(text: str) -> None:
    with pytest.raises((ParseError, UsageError)):
        shapes(text, x=2, y=2, z=2, os=2)


def test_the_tree_keeps_the_text_of_each_part() -> None:
    tree = parse_shape_expression("softmax(q @ k.transpose(-2, -1) / math.sqrt(64), dim=-1) @ v")
    assert tensor_names(tree) == ["q", "k", "v"]


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("32x784", (32, 784)),
        ("32×784", (32, 784)),
        ("(32, 784)", (32, 784)),
        ("[2, 3, 4]", (2, 3, 4)),
        ("10", (10,)),
        ("(10,)", (10,)),
        ("()", ()),
    ],
)
def test_shapes_are_read_in_every_spelling(text: str, shape: tuple[int, ...]) -> None:
    assert parse_shape_spec("x", text) == shape


def test_limits_are_checked_before_any_work() -> None:
    with pytest.raises(LimitError):
        parse_shape_expression("(" * 30 + "x" + ")" * 30 + " + x" * 400)
    with pytest.raises(LimitError):
        parse_shape_expression("-" * 990 + "x")
    with pytest.raises(LimitError):
        parse_shape_expression("x" + " ** x" * 60)
    with pytest.raises(LimitError):
        parse_shape_spec("x", "x".join(["2"] * 17))
    with pytest.raises(LimitError):
        parse_shape_expression("x.reshape(99999999999999)")


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex", "html", "json"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_renders_in_every_format(fmt: str, lang: str) -> None:
    text = render_report(shapes("a.T @ b", a="3x2", b="2x4", library="numpy"), fmt, lang)
    assert "(2, 3)" in text or '"code": "a.T"' in text


def test_exit_status_says_whether_it_fits(console_script: str) -> None:
    def status(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [console_script, "shapes", *args], capture_output=True, text=True, check=False
        )

    assert status("x @ W.T + b", "x=32x784", "W=10x784", "b=10").returncode == 0
    broken = status("x @ W", "x=32x784", "W=512x10", "--format", "json")
    assert broken.returncode == 1 and json.loads(broken.stdout)["fits"] is False
    for args in (("x @@ W", "x=2", "W=2"), ("x @ W", "x=2"), ("x", "x=big"), ("x", "x=2", "x=3")):
        unreadable = status(*args)
        assert unreadable.returncode == 2 and unreadable.stdout == ""
        assert unreadable.stderr.startswith("linsteps: ") and unreadable.stderr.count("\n") == 1


TOKENS = st.sampled_from(
    [
        "x",
        "W",
        "b",
        "@",
        "*",
        "+",
        "-",
        "/",
        "**",
        ".T",
        ".mT",
        "(",
        ")",
        ",",
        "=",
        "1",
        "-1",
        "'ij,jk->ik'",
        ".reshape(",
        ".view(",
        ".transpose(",
        ".sum(",
        "dim",
        "softmax(",
        "np.dot(",
        "torch.mm(",
        "einsum(",
        " ",
    ]
)


@settings(max_examples=200)
@given(st.lists(TOKENS, max_size=25).map("".join) | st.text(max_size=60))
def test_any_text_is_read_or_refused_in_one_line(text: str) -> None:
    try:
        report = shapes(text, x="2x3", W="3x4", b=4)
    except LinstepsError as error:
        assert "\n" not in error.message("en") and "\n" not in error.message("zh")
    else:
        assert report.fits == (report.fault is None)


@settings(max_examples=100)
@given(st.text(max_size=200))
def test_any_message_is_read_or_refused(text: str) -> None:
    try:
        why(text)
    except LinstepsError as error:
        assert error.key in ("why_unknown", "why_too_long")
