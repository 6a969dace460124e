"""The new commands and options, run as the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import ENV, run

COMMANDS = ("outer", "transpose", "project", "linear", "attention")


def test_every_new_command_has_help_with_an_example(console_script: str) -> None:
    for command in COMMANDS:
        done = run(console_script, command, "--help")
        assert done.returncode == 0, done.stderr
        assert "Example: linsteps " + command in done.stdout


def test_every_explanation_command_has_the_document_options(console_script: str) -> None:
    for command in ("dot", "norm", "cos", "angle", "hadamard", "matmul", *COMMANDS):
        done = run(console_script, command, "--help")
        assert done.returncode == 0, done.stderr
        assert "--format <text|json|latex|markdown|html>" in done.stdout, command
        assert "--standalone" in done.stdout and "--out <path>" in done.stdout, command


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["outer", "[1,2]", "[3,4,5]"], "abᵀ is 2×3"),
        (["outer", "[1,2]", "[3,4,5]", "--lang", "zh"], "叉积"),
        (["transpose", "1 2 3; 4 5 6"], "Aᵀ is 3×2"),
        (["project", "[3,4]", "[1,0]"], "proj_b a = (3, 0)"),
        (["dot", "[1+i, 2]", "[3, i]", "--complex"], "⟨a, b⟩ = 3 + i"),
        (["cos", "[[1,0],[1,1],[0,1]]", "--pairwise"], "S is 3×3"),
        (["linear", "1 2; 3 4; 5 6", "[1, -1]", "[0, 1, 2]"], "Wx + b = (−1, 0, 1)"),
        (["linear", "1 2; 3 4; 5 6", "1 -1; 2 0"], "Why Wᵀ"),
        (["attention", "1 0; 0 1", "1 1; 0 1", "1 2; 3 4"], "Why divide by √dₖ = √2"),
        (["attention", "1 0; 0 1", "1 1; 0 1", "--causal", "--no-scale"], "mask(QKᵀ) = [[1, −∞]"),
    ],
)
def test_new_commands_explain(console_script: str, args: list[str], fragment: str) -> None:
    done = run(console_script, *args)
    assert done.returncode == 0, done.stderr
    assert fragment in done.stdout
    data = json.loads(run(console_script, *args, "--format", "json").stdout)
    assert data["steps"][-1]["kind"] == "result"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["linear", "1 2; 3 4; 5 6", "[1, 2, 3]"], "in_features = 2, but x has 3 entries"),
        (["linear", "1 2; 3 4", "[1, 2]", "[1]"], "out_features = 2, but b has 1 entry"),
        (["attention", "1 0", "1 2 3"], "Q is 1×2, K is 1×3"),
        (["project", "[1, 2]", "[0, 0]"], "zero vector"),
        (["cos", "[1, 2]"], "--pairwise"),
        (["outer", "[1, 2]"], "Missing argument"),
        (["cos", "[1, 2, 3, 4]", "[1, 0, 0, 0]", "--plot", "x.svg"], "2-D and 3-D"),
        (["cos", "[1, 2]", "[1, 0]", "--plot", "x.pdf"], ".svg or .png"),
        (["cos", "[x, 2]", "[1, 0]", "--plot", "x.svg"], "symbolic"),
    ],
)
def test_new_errors_are_one_line(console_script: str, args: list[str], fragment: str) -> None:
    done = run(console_script, *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and fragment in done.stderr, done.stderr


@pytest.mark.parametrize("command", ["cos", "angle", "dot", "project"])
@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_plot_writes_a_deterministic_picture(
    console_script: str, tmp_path: Path, command: str, suffix: str
) -> None:
    first, second = tmp_path / f"one.{suffix}", tmp_path / f"two.{suffix}"
    for target in (first, second):
        done = run(console_script, command, "[3, 1]", "[1, 2]", "--plot", str(target))
        assert done.returncode == 0, done.stderr
    data = first.read_bytes()
    assert data == second.read_bytes()
    if suffix == "svg":
        text = data.decode("utf-8")
        assert text.lstrip().startswith("<?xml") and "<svg" in text
        assert "<dc:date>" not in text
    else:
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, second.name])


def test_plot_in_3d(console_script: str, tmp_path: Path) -> None:
    target = tmp_path / "p.svg"
    done = run(console_script, "project", "[1, 2, 3]", "[1, 1, 0]", "--plot", str(target))
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert "<svg" in text and "<path" in text


def test_plot_without_matplotlib_is_one_clear_line(tmp_path: Path) -> None:
    target = tmp_path / "x.svg"
    code = (
        "import sys\n"
        "sys.modules['matplotlib'] = None\n"
        "from linsteps.cli import main\n"
        f"main(['cos', '[3, 1]', '[1, 2]', '--plot', {str(target)!r}])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == (
        "linsteps: --plot needs matplotlib: install it with pip install 'linsteps[plot]'"
    )
    assert not target.exists()


def test_check_knows_the_new_operations(console_script: str) -> None:
    done = run(console_script, "check", "outer", "[1,2]", "[3,4,5]", "--answer", "3 6; 4 8; 5 10")
    assert done.returncode == 1 and "[transposed]" in done.stdout, done.stdout
    done = run(console_script, "check", "outer", "[1,2]", "[3,4,5]", "--answer", "3 4 5; 6 8 10")
    assert done.returncode == 0, done.stdout
    for args, right in (
        (["project", "[3,4]", "[1,0]"], "[3, 0]"),
        (["transpose", "1 2; 3 4"], "1 3; 2 4"),
    ):
        assert run(console_script, "check", *args, "--answer", right).returncode == 0
        done = run(console_script, "check", *args, "--answer", "[[9, 9], [9, 9]]")
        assert done.returncode == 1 and "[" in done.stdout, done.stdout
