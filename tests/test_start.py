"""What a run imports and how it ends: one operation loads one family, and the registry, the
public names and the command line behave as they did when everything was imported up front."""

from __future__ import annotations

import importlib
import subprocess
import sys

import linsteps
from linsteps import ops
from linsteps.ops import DEFINED_IN, OPERATIONS
from tests.test_cli import ENV

FAMILIES = {"geometry", "similarity", "matmul", "outer", "transpose", "projection", "linear"}


def fresh(code: str) -> str:
    """Run ``code`` in a new interpreter and return what it printed."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_one_operation_imports_its_family_alone() -> None:
    out = fresh(
        "import sys\n"
        "from linsteps import ops\n"
        "assert ops.dot('[1, 2]', '[3, 4]').result == 11\n"
        "print(' '.join(m for m in sys.modules if m.startswith('linsteps.ops.')))\n"
    )
    loaded = {name.rsplit(".", 1)[1] for name in out.split()}
    assert "products" in loaded
    assert not (FAMILIES | {"attention"}) & loaded


def test_the_registry_names_every_operation_in_order_and_each_is_its_function() -> None:
    assert list(OPERATIONS) == list(DEFINED_IN) and len(OPERATIONS) == 11
    for name, where in DEFINED_IN.items():
        module, _, function = where.partition(":")
        defined = getattr(importlib.import_module(f"linsteps.ops.{module}"), function)
        expected = OPERATIONS[name]  # the function as one bounded call
        assert expected.__wrapped__ is defined and expected.__name__ == function  # type: ignore[attr-defined]
        assert getattr(ops, name) is expected and getattr(linsteps, name) is expected
    assert "einsum" not in OPERATIONS
    # einsum is offered by name too, as one bounded call
    from linsteps.ops.einsum import einsum

    assert linsteps.einsum is ops.einsum and ops.einsum.__wrapped__ is einsum


def test_a_module_named_as_its_operation_does_not_hide_the_operation() -> None:
    for name in ("matmul", "outer", "transpose", "linear", "attention"):
        module = importlib.import_module(f"linsteps.ops.{name}")
        assert ops.__dict__.get(name) in (None, OPERATIONS[name])
        assert getattr(ops, name).__wrapped__ is getattr(module, name)
    from linsteps.ops import general, outer

    assert outer is OPERATIONS["outer"]
    assert general.__name__ == "linsteps.ops.general"


def test_unknown_names_are_attribute_errors() -> None:
    for module in (ops, linsteps):
        try:
            module.no_such_operation  # noqa: B018
        except AttributeError as error:
            assert "no_such_operation" in str(error)
        else:  # pragma: no cover
            raise AssertionError("an unknown name should not resolve")


def test_the_command_line_called_from_python_leaves_the_collector_alone() -> None:
    out = fresh(
        "import contextlib, gc, io\n"
        "from linsteps.cli import main\n"
        "shown = io.StringIO()\n"
        "with contextlib.redirect_stdout(shown):\n"
        "    try:\n"
        "        main(['dot', '[1, 2]', '[3, 4]'])\n"
        "    except SystemExit as done:\n"
        "        code = done.code\n"
        "print(code, '= 11' in shown.getvalue(), gc.get_freeze_count(), gc.isenabled())\n"
    )
    assert out.split() == ["0", "True", "0", "True"]


def test_the_program_prints_all_it_explains_before_it_exits(console_script: str) -> None:
    done = subprocess.run(
        [console_script, "matmul", "1 2; 3 4", "5 6; 7 8", "--format", "json"],
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.rstrip().endswith("}") and '"Matrix([[19, 22], [43, 50]])"' in done.stdout
