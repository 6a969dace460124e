"""The installed ``linsteps`` console script, run as a user runs it, and how it is built."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ENV = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}


def run(script: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [script, *args], input=stdin, capture_output=True, text=True, env=ENV, timeout=60
    )


def test_dot_explains(console_script: str) -> None:
    done = run(console_script, "dot", "[1, 2, 3]", "[4, 5, 6]")
    assert done.returncode == 0, done.stderr
    assert "1·4 + 2·5 + 3·6" in done.stdout
    assert "= 4 + 10 + 18" in done.stdout
    assert "a·b = 32, a scalar" in done.stdout
    assert done.stderr == ""


def test_cos_in_chinese(console_script: str) -> None:
    done = run(console_script, "cos", "1 2 3", "4 5 6", "--lang", "zh")
    assert done.returncode == 0
    assert "16√22/77 ≈ 0.9746" in done.stdout
    assert "余弦" in done.stdout


def test_matmul_json(console_script: str) -> None:
    done = run(console_script, "matmul", "1 2; 3 4", "5 6; 7 8", "--format", "json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["result"]["sympy"] == "Matrix([[19, 22], [43, 50]])"


def test_generic_dot(console_script: str) -> None:
    done = run(console_script, "dot", "a", "b", "--dim", "3")
    assert done.returncode == 0
    assert "a₁b₁ + a₂b₂ + a₃b₃" in done.stdout


def test_entry_and_full(console_script: str) -> None:
    done = run(console_script, "matmul", "1 2; 3 4", "5 6; 7 8", "--entry", "2,1")
    assert "c₂₁ = (3, 4)·(5, 7) = 3·5 + 4·7 = 15 + 28 = 43" in done.stdout
    assert "c₁₁" not in done.stdout


def test_decimals_option(console_script: str) -> None:
    done = run(console_script, "norm", "[1, 2, 3]", "--decimals", "2")
    assert "≈ 3.74" in done.stdout and "3.742" not in done.stdout


def test_stdin_and_file_operands(console_script: str, tmp_path: Path) -> None:
    operand = tmp_path / "b.txt"
    operand.write_text("[4, 5, 6]\n", encoding="utf-8")
    done = run(console_script, "dot", "-", f"@{operand}", stdin="1 2 3")
    assert done.returncode == 0, done.stderr
    assert "= 32" in done.stdout


def test_out_writes_the_file(console_script: str, tmp_path: Path) -> None:
    target = tmp_path / "dot.json"
    done = run(console_script, "dot", "1 2", "3 4", "--format", "json", "--out", str(target))
    assert done.returncode == 0 and done.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["result"]["text"] == "11"
    assert [p.name for p in tmp_path.iterdir()] == ["dot.json"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["dot", "[1, 2]", "[1, 2, 3]"], "a has 2 entries, b has 3"),
        (["matmul", "[[1, 2, 3]]", "[[1, 2, 3]]"], "A is 1×3, B is 1×3"),
        (["hadamard", "1 2; 3 4", "1 2 3; 4 5 6"], "A is 2×2, B is 2×3"),
        (["cos", "[0, 0]", "[1, 2]"], "zero vector"),
        (["dot", "[1, 2", "[1, 2]"], "a"),
        (["dot", "[1, 2]"], "Missing argument"),
        (["dot", "1 2", "3 4", "--format", "pdf"], "pdf"),
        (["dot", "1 2", "3 4", "--decimals", "99"], "--decimals"),
        (["frobnicate"], "frobnicate"),
        (["matmul", "1 2; 3 4", "5 6; 7 8", "--entry", "3,1"], "--entry"),
        (["dot", "@/nonexistent/file", "1"], "/nonexistent/file"),
        (["dot", "1 2", "3 4", "--out", "/"], "/"),
        (["dot", "a", "b", "--dim", "zero!"], "--dim"),
        (["dot", "a", "b", "--dim", "0"], "--dim"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    console_script: str, args: list[str], fragment: str
) -> None:
    done = run(console_script, *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("linsteps: ")
    assert fragment in done.stderr
    assert "Traceback" not in done.stderr


def test_errors_in_chinese(console_script: str) -> None:
    done = run(console_script, "dot", "[1, 2]", "[1, 2, 3]", "--lang", "zh")
    assert done.returncode == 2
    assert "点积要求两个向量长度相同" in done.stderr


def test_help_has_an_example_for_every_command(console_script: str) -> None:
    for command in ("dot", "norm", "cos", "angle", "hadamard", "matmul"):
        done = run(console_script, command, "--help")
        assert done.returncode == 0
        assert "Example: linsteps " + command in done.stdout


def test_version(console_script: str) -> None:
    done = run(console_script, "--version")
    assert done.returncode == 0 and done.stdout.startswith("linsteps ")


def imported_by(args: list[str]) -> set[str]:
    """Return the modules a run of the command line with ``args`` imports, in a fresh process."""
    code = (
        "import sys\n"
        "from linsteps.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    assert done.returncode == 0, done.stderr
    return set(done.stderr.split())


def test_help_does_not_import_sympy_nor_any_command() -> None:
    modules = imported_by(["--help"])
    assert not {"sympy", "lark", "pydantic", "rich"} & modules
    assert not {m for m in modules if m.startswith("linsteps.cli.") and "explan" in m}
    assert not {"linsteps.cli.concepts", "linsteps.cli.practice", "linsteps.cli.common"} & modules


def test_a_run_imports_only_its_command_and_no_pydantic() -> None:
    modules = imported_by(["dot", "1 2", "3 4"])
    assert "linsteps.cli.explanations" in modules and "sympy" in modules
    assert not {"linsteps.cli.concepts", "linsteps.cli.practice", "pydantic", "rich"} & modules


def test_the_table_of_commands_says_what_each_docstring_says() -> None:
    import importlib

    from linsteps.cli.commands import COMMANDS

    for name, entry in COMMANDS.items():
        function = getattr(importlib.import_module(f"linsteps.cli.{entry.module}"), name)
        assert entry.summary == function.__doc__.strip().splitlines()[0], name


def test_help_lists_every_command_in_the_order_of_the_table(console_script: str) -> None:
    from linsteps.cli.commands import COMMANDS

    done = run(console_script, "--help")
    listed = [line.split()[0] for line in done.stdout.split("Commands:")[1].splitlines()[1:]]
    assert listed == list(COMMANDS)


def test_every_option_and_every_choice_is_in_its_command_help() -> None:
    from enum import Enum

    import typer

    from linsteps.cli.commands import COMMANDS
    from linsteps.cli.root import build

    for name in COMMANDS:
        command = build(name)
        with command.make_context(name, [], resilient_parsing=True) as ctx:
            text = "".join(command.get_help(ctx).split())  # wrapped lines may break at "-"
        for param in command.params:
            if isinstance(param, typer.core.TyperOption):
                assert all(flag in text for flag in (*param.opts, *param.secondary_opts)), name
                assert "".join(param.help.split()) in text, (name, param.name)
            kind = param.type_descriptor.annotation
            if isinstance(kind, type) and issubclass(kind, Enum):
                assert "|".join(member.value for member in kind) in text, (name, param.name)


def test_shared_options_follow_a_command_own_in_one_order() -> None:
    from linsteps.cli.root import build

    dot = [param.name for param in build("dot").params]
    assert dot[:3] == ["a", "b", "complex_"]
    shared = [
        "fmt",
        "lang",
        "decimals",
        "full",
        "dim",
        "plot",
        "out",
        "color",
        "standalone",
        "code",
        "time_limit",  # the bounds every command takes last (linsteps.cli.bounds)
        "max_terms",
        "memory_limit",
    ]
    assert dot[3:] == shared
    grade = [param.name for param in build("grade").params]
    assert grade[:6] == ["key", "answers", "report", "feedback", "jobs", "decimal_comma"]
    assert grade[6:11] == ["student_column", "column_map", "partial", "weights", "stats"]
    assert grade[11:] == ["lang", "tolerance", "time_limit", "max_terms", "memory_limit"]


def test_a_shared_option_cannot_be_declared_twice() -> None:
    from linsteps.cli.options import sharing

    def twice(lang: str, *, shared: object) -> None:
        """Declares --lang itself."""

    with pytest.raises(ValueError, match="lang"):
        sharing("lang")(twice)
    with pytest.raises(ValueError, match="colour"):
        sharing("colour")(twice)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["dot", "1 2", "3 4", "-f", "pdf"],
            "'pdf' is not one of 'text', 'json', 'latex', 'markdown', 'html'.",
        ),
        (["dot", "1 2", "3 4", "--decimals", "2.5"], "'2.5' is not a valid integer."),
        (["dot", "1 2", "3 4", "--decimals", "３"], "'３' is not a valid integer."),
        (["check", "dot", "1", "2", "--answer", "2", "--tolerance", "x"], "'x' is not a valid"),
        (["worksheet", "--difficulty", "insane"], "'insane' is not one of 'easy', 'medium'"),
        (["dott", "1 2", "3 4"], "No such command 'dott'. Did you mean 'dot'?"),
    ],
)
def test_bad_option_values_are_named(console_script: str, args: list[str], message: str) -> None:
    done = run(console_script, *args)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr


def test_options_keep_their_values(console_script: str, tmp_path: Path) -> None:
    target = tmp_path / "m.tex"
    done = run(console_script, "matmul", "a", "b", "--shape", "2x3", "--shape", "3x1",
               "-f", "latex", "--standalone", "-d", "2", "-o", str(target))  # fmt: skip
    assert done.returncode == 0 and done.stdout == "", done.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("\\documentclass") and "a_{23}" in text


def test_python_dash_m(console_script: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linsteps", "dot", "1 2", "3 4"],
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert done.returncode == 0 and "= 11" in done.stdout


def test_no_colour_unless_a_terminal(console_script: str) -> None:
    done = run(console_script, "dot", "1 2", "3 4")
    assert "\x1b[" not in done.stdout
    forced = run(console_script, "dot", "1 2", "3 4", "--color")
    assert "\x1b[1m" in forced.stdout


def test_hostile_inputs_through_the_console_script(console_script: str) -> None:
    """Every hostile operand of the parser's table, given to the real command: exit 2, one line."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.test_hostile_inputs import HOSTILE

    texts = [text for text, _key, _column in HOSTILE]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(
            pool.map(lambda t: run(console_script, "dot", "-", "[1, 2]", stdin=t), texts)
        )
    for text, done in zip(texts, results, strict=True):
        assert done.returncode == 2, (text[:40], done.stderr)
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, text[:40]


def test_nul_byte_on_stdin(console_script: str) -> None:
    done = run(console_script, "dot", "-", "[1, 2]", stdin="1\x002")
    assert done.returncode == 2
    assert "column 2" in done.stderr and done.stderr.count("\n") == 1
