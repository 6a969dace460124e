"""Shared test settings: hypothesis profiles and the installed console script."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI replays the same examples on every run (derandomize), so a red run is reproducible and a
# green main stays green; local runs ("dev") draw fresh examples each time and find new cases.
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def console_script() -> str:
    """Return the path of the installed ``linsteps`` console script (fail if missing)."""
    beside = Path(sys.executable).with_name("linsteps")
    found = str(beside) if beside.exists() else shutil.which("linsteps")
    if found is None:
        pytest.fail("the linsteps console script is not installed: run `pip install '.[test]'`")
    return found


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files from the current output (review the diff by eye).",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> object:
    """Compare text with a file under tests/golden/, or rewrite it with --update-golden."""
    update = bool(request.config.getoption("--update-golden"))

    def check(relative: str, text: str) -> None:
        path = ROOT / "tests" / "golden" / relative
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"missing golden file {relative}: run pytest --update-golden and review it")
        assert text == path.read_text(encoding="utf-8"), f"output differs from golden {relative}"

    return check
