"""The command line takes what the README shows, at its edges: operands that begin with a minus
sign, odd numbers given to options, every listed format rendered, every accepted value in the
help, concept cards by any of their names, and a check that never outlives its time limit.

Run through the installed console script, as a user runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linsteps.cli.arguments import is_negative_operand, operands_apart
from tests.test_cli import run

HUGE = "9" * 5000
DATA = Path(__file__).parent / "data"


def one_line_error(done: object, fragment: str = "") -> None:
    """Exit status 2, nothing on stdout, one line on stderr holding ``fragment``."""
    assert done.returncode == 2, done.stdout + done.stderr  # type: ignore[attr-defined]
    assert done.stdout == ""  # type: ignore[attr-defined]
    err: str = done.stderr  # type: ignore[attr-defined]
    assert err.startswith("linsteps: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and fragment in err, err


# --- operands that begin with a minus sign --------------------------------------------------


def test_an_operand_with_a_negative_first_entry_needs_no_double_dash(console_script: str) -> None:
    done = run(console_script, "dot", "-1 2", "3 4")
    assert done.returncode == 0, done.stderr
    assert "a·b = 5, a scalar" in done.stdout


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["matmul", "-1 2; 3 4", "-(1/2) 0; 0 1"], "AB = "),
        (["dot", "-.5 2", "- 1 2"], "a·b = 4.5"),
        (["dot", "3 4", "-1 2", "--format", "json"], '"operation": "dot"'),
        (["dot", "-1 2", "-f", "json", "3 4"], '"operation": "dot"'),
        (["dot", "--format=json", "-1 2", "3 4"], '"operation": "dot"'),
        (["dot", "-1 2", "-d2", "3 4"], "a·b = 5"),
        (["dot", "--", "-1 2", "3 4"], "a·b = 5"),
        (["norm", "-3, 4"], "‖a‖ = 5: the length"),
    ],
)
def test_negative_operands_anywhere_among_options(
    console_script: str, args: list[str], shown: str
) -> None:
    done = run(console_script, *args)
    assert done.returncode == 0, done.stderr
    assert shown in done.stdout


def test_a_negative_answer_and_negative_operands_in_check(console_script: str) -> None:
    wrong = run(console_script, "check", "dot", "-1 2", "3 4", "--answer", "-5")
    assert wrong.returncode == 1 and "[sign_error]" in wrong.stdout
    right = run(console_script, "check", "dot", "-1 2", "3 4", "-a", "5", "-f", "json")
    assert right.returncode == 0 and json.loads(right.stdout)["verdict"] == "correct"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["dot", "-1", "3"], "operand a"),  # -1 alone is an operand, and not a vector
        (["dot", "1 2", "3 4", "--decimals", "-1"], "--decimals -1: give a whole number"),
        (["dot", "-1 2", "3 4", "--decimals", "-1"], "--decimals -1: give a whole number"),
        (["dot", "-x", "3"], "No such option: -x"),  # not a number: an unknown option
        (["dot", "-1 2", "--decimals"], "'--decimals' requires an argument"),
        (["dot", "-1 2", "3 4", "5"], "unexpected extra argument"),
        (["worksheet", "-1"], "unexpected extra argument"),
    ],
)
def test_what_stays_an_error(console_script: str, args: list[str], fragment: str) -> None:
    done = run(console_script, *args)
    one_line_error(done, fragment)
    assert "No such option: -1" not in done.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["outer", "--shape", "3", "1 2", "3 4"], "--shape (see linsteps outer --help)"),
        (["dot", "--decimal", "3", "1 2"], "options: --decimals, --dim) (see linsteps dot"),
        (["--bogus"], "No such option: --bogus (see linsteps --help)"),
        (["dot", "--lang", "zh", "--bogus", "1", "2"], "（见 linsteps dot --help）"),
    ],
)
def test_an_unknown_option_points_to_its_commands_help(
    console_script: str, args: list[str], line: str
) -> None:
    done = run(console_script, *args)
    one_line_error(done, line)
    assert "Possible options: --help" not in done.stderr


def test_options_move_ahead_in_order_and_operands_keep_theirs() -> None:
    options = {"--format": True, "-f": True, "--full": False, "--shape": True}
    assert operands_apart(["-1 2", "--shape", "2x2", "3", "--full", "--shape", "-1"], options) == [
        "--shape", "2x2", "--full", "--shape", "-1", "--", "-1 2", "3",
    ]  # fmt: skip
    assert operands_apart(["1 2", "-3 4"], options) == ["--", "1 2", "-3 4"]
    unchanged = ["1 2", "3 4", "-f", "json", "-x"]
    assert operands_apart(unchanged, options) == unchanged
    assert [w for w in ("-1", "-.5", "-(2)", "- 1", "-x", "--1", "-", "1") if
            is_negative_operand(w)] == ["-1", "-.5", "-(2)", "- 1"]  # fmt: skip


# --- odd numbers given to options ----------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["dot", "a", "b", "--dim", "³"], "--dim ³"),
        (["dot", "a", "b", "--dim", HUGE], "--dim"),
        (["check", "dot", "a", "b", "--dim", HUGE, "--answer", "1"], "--dim"),
        (["matmul", "A", "B", "--shape", HUGE + "x2", "--shape", "2x2"], "--shape"),
        (["matmul", "A", "B", "--shape", "²x2", "--shape", "2x2"], "--shape"),
        (["matmul", "1 2; 3 4", "5 6; 7 8", "--entry", "³,1"], "--entry ³,1"),
        (["matmul", "1 2; 3 4", "5 6; 7 8", "--entry", HUGE + ",1"], "--entry"),
        (["dot", "1 2", "3 4", "--decimals", "99999999999999999999"], "--decimals"),
        (["dot", "1 2", "3 4", "--decimals", "³"], "--decimals"),
        (["worksheet", "--count", "10**9"], "--count"),
        (["worksheet", "--count", "３"], "--count"),
        (["worksheet", "--count", "99999999999999999999"], "--count"),
        (["worksheet", "--seed", HUGE], "--seed"),
        (["check", "dot", "1 2", "3 4", "-a", "11", "--time-limit", "1e400"], "--time-limit"),
        (["check", "dot", "1 2", "3 4", "-a", "11", "--tolerance", "nan"], "--tolerance"),
        (["check", "angle", "1 0", "1 1", "-a", "45", "--unit", "gradians"], "--unit"),
    ],
)
def test_odd_numbers_are_one_line(console_script: str, args: list[str], fragment: str) -> None:
    done = run(console_script, *args)
    one_line_error(done, fragment)
    assert "ValueError" not in done.stderr


def test_a_huge_bad_value_is_not_echoed_whole(console_script: str) -> None:
    done = run(console_script, "worksheet", "--seed", HUGE)
    one_line_error(done, "--seed")
    assert len(done.stderr) < 300


def test_huge_worker_counts_are_one_line(console_script: str) -> None:
    for jobs in ("99999999999999999999", "0", "-5", "٣"):
        done = run(console_script, "grade", str(DATA / "week3-key.json"),
                   str(DATA / "answers.csv"), "--jobs", jobs)  # fmt: skip
        one_line_error(done, "--jobs")


# --- formats: every one listed is rendered -------------------------------------------------

FORMAT_RUNS = {
    "dot": ["1 2", "3 4"],
    "compare": ["1 2", "3 4"],
    "guide": ["dot"],
    "check": ["dot", "1 2", "3 4", "--answer", "11"],
}


def format_choices(name: str) -> list[str]:
    from linsteps.cli.root import build

    command = build(name)
    (option,) = [p for p in command.params if "--format" in getattr(p, "opts", ())]
    return [member.value for member in option.type_descriptor.annotation]


@pytest.mark.parametrize("name", sorted(FORMAT_RUNS))
def test_every_listed_format_renders(console_script: str, name: str) -> None:
    outputs = {}
    for fmt in format_choices(name):
        done = run(console_script, name, *FORMAT_RUNS[name], "--format", fmt)
        assert done.returncode == 0, (name, fmt, done.stderr)
        assert done.stdout.strip(), (name, fmt)
        if fmt == "json":
            json.loads(done.stdout)
        outputs[fmt] = done.stdout
    assert len(set(outputs.values())) == len(outputs), name  # each format its own output


def test_check_lists_only_the_formats_it_renders(console_script: str) -> None:
    assert format_choices("check") == ["text", "json"]
    done = run(console_script, "check", "dot", "1 2", "3 4", "-a", "11", "--format", "latex")
    one_line_error(done, "'latex' is not one of 'text', 'json'")


def test_every_worksheet_format_renders(console_script: str, tmp_path: Path) -> None:
    for fmt in format_choices("worksheet"):
        out = tmp_path / f"sheet.{'zip' if fmt in ('qti', 'canvas') else fmt}"
        done = run(console_script, "worksheet", "--seed", "3", "--count", "2", "--format", fmt,
                   "--out", str(out))  # fmt: skip
        assert done.returncode == 0, (fmt, done.stderr)
        assert out.stat().st_size > 0, fmt


# --- help: every value an option accepts ---------------------------------------------------


def help_text(console_script: str, *command: str) -> str:
    done = run(console_script, *command, "--help")
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())  # wrapped lines joined


def test_help_lists_every_topic_concept_operation_and_product(console_script: str) -> None:
    from linsteps.assess.mlquestions import ML_OPERATIONS
    from linsteps.learn.comparison_rows import PRODUCTS
    from linsteps.learn.guide import TOPICS as CONCEPTS
    from linsteps.ops import OPERATIONS
    from linsteps.practice.problems.topics import TOPICS

    worksheet = help_text(console_script, "worksheet")
    assert "any of: " + ", ".join(TOPICS) + " (default:" in worksheet
    assert "products" in worksheet and "attention" in worksheet
    assert ", ".join(CONCEPTS) in help_text(console_script, "guide")
    check = help_text(console_script, "check")
    assert ", ".join([*OPERATIONS, "shapes", *ML_OPERATIONS]) + "." in check
    compare = help_text(console_script, "compare")
    for names in PRODUCTS.values():
        assert ", ".join(names) in compare


def test_help_says_the_bounds_of_numbers(console_script: str) -> None:
    from linsteps.derivation.operands import MAX_GENERIC
    from linsteps.practice.problems.generation import MAX_COUNT

    assert f"1 to {MAX_COUNT}" in help_text(console_script, "worksheet")
    assert f"N from 1 to {MAX_GENERIC}" in help_text(console_script, "dot")
    assert "1 to 64" in help_text(console_script, "grade")
    assert "(0-50)" in help_text(console_script, "norm")


@pytest.mark.parametrize("name", ["dot", "check", "worksheet", "guide", "compare", "grade"])
def test_no_placeholder_is_left_in_any_help(console_script: str, name: str) -> None:
    from linsteps.cli.choices import LISTS

    text = help_text(console_script, name)
    assert not [key for key in LISTS if "{" + key + "}" in text]


def test_a_topic_added_later_is_in_the_help(monkeypatch: pytest.MonkeyPatch) -> None:
    from linsteps.cli.root import build
    from linsteps.practice.problems import topics

    last = topics.TOPICS[-1]
    monkeypatch.setattr(topics, "TOPICS", (*topics.TOPICS, "newtopic"))
    command = build("worksheet")
    with command.make_context("worksheet", [], resilient_parsing=True) as ctx:
        text = " ".join(command.get_help(ctx).split())
    assert f"{last}, newtopic (default:" in text


def test_help_shows_no_sympy_import() -> None:
    from tests.test_cli import imported_by

    assert "sympy" not in imported_by(["check", "--help"])
    assert "sympy" not in imported_by(["worksheet", "--help"])


# --- guide: a card by any of its names -----------------------------------------------------

NAMES = {
    "softmax": "attention",
    "matrix product": "matmul",
    "Matrix-Product": "matmul",
    "MATRIX_PRODUCT": "matmul",
    "点积": "dot",
    "矩阵乘法": "matmul",
    "hadamard": "hadamard",
    "element-wise": "hadamard",
    "Element Wise Product": "hadamard",
    "哈达玛积": "hadamard",
    "逐元素乘法": "hadamard",
    "inner product": "dot",
    "内积": "dot",
    "余弦相似度": "cos",
    "cosine similarity": "cos",
    "全连接层": "linear",
    "nn.Linear": "linear",
    "模长": "norm",
    "外积": "outer",
    "转置": "transpose",
    "投影": "project",
    "缩放点积注意力": "attention",
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(NAMES))
def test_guide_finds_a_card_by_any_name(console_script: str, name: str, lang: str) -> None:
    done = run(console_script, "guide", name, "--format", "json", "--lang", lang)
    assert done.returncode == 0, done.stderr
    (card,) = json.loads(done.stdout)["cards"]
    assert card["topic"] == NAMES[name]


def test_every_name_in_both_catalogs_finds_its_card() -> None:
    from linsteps.i18n import LANGUAGES, catalog
    from linsteps.learn.guide import CARDS, card_for, card_names, names_table

    assert len(names_table()) >= 5 * len(CARDS)  # one name of two cards would have raised
    for card in CARDS:
        names = card_names(card)
        for lang in LANGUAGES:
            assert catalog(lang)[f"guide.{card.topic}.names"].strip(), (card.topic, lang)
        for name in names:
            assert card_for(name) is card
            assert card_for(f"  {name.upper()}  ") is card


def test_an_unknown_concept_is_one_line(console_script: str) -> None:
    one_line_error(run(console_script, "guide", "cross product"), "no such concept")
    done = run(console_script, "guide", "叉积", "--lang", "zh")
    one_line_error(done, "没有这个概念")


# --- check: every step within the time limit ----------------------------------------------

# Exactly 32, but only a long expansion of surds shows it: legal input, slow to decide (over
# 30 s here), so a limit of 3 s stops it with room for a loaded machine's start-up.
SLOW = (
    "32 + (sqrt(2)+sqrt(3)+sqrt(5)+sqrt(7))^40"
    " - (17+2*sqrt(6)+2*sqrt(10)+2*sqrt(14)+2*sqrt(15)+2*sqrt(21)+2*sqrt(35))^20"
)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_an_answer_too_slow_to_echo_is_unverified(console_script: str, fmt: str) -> None:
    done = run(console_script, "check", "dot", "[1,2,3]", "[4,5,6]", "--answer", SLOW,
               "--time-limit", "3", "--format", fmt)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    if fmt == "json":
        data = json.loads(done.stdout)
        assert data["verdict"] == "unverified" and data["read_as"] is None
        assert "time limit of 3 s" in data["message"]
    else:
        assert done.stdout.startswith("? unverified")
        assert "time limit of 3 s (--time-limit)" in done.stdout


def test_an_unverified_check_in_chinese(console_script: str) -> None:
    done = run(console_script, "check", "dot", "[1,2,3]", "[4,5,6]", "--answer", SLOW,
               "--time-limit", "3", "--lang", "zh")  # fmt: skip
    assert done.returncode == 1 and "3 秒的时间限制" in done.stdout


def test_the_limit_covers_the_echo_in_the_api() -> None:
    from linsteps.assess.checking import check_rendered
    from linsteps.assess.expected import Problem

    problem = Problem("dot", ("[1,2,3]", "[4,5,6]"))
    verdict, text = check_rendered(problem, SLOW, "text", "en", time_limit=1)
    assert verdict.status == "unverified" and verdict.variant == "time_limit"
    assert "read as" not in text
    verdict, text = check_rendered(problem, "32", "json", "zh", explain=True, time_limit=30)
    data = json.loads(text)
    assert verdict.correct and data["read_as"] == "32" and data["explanation"]["steps"]


def test_check_still_explains_within_the_limit(console_script: str) -> None:
    done = run(console_script, "check", "matmul", "1 2; 3 4", "5 6; 7 8", "--answer",
               "19 22; 43 50", "--explain")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "read as" in done.stdout and "Matrix product" in done.stdout
