"""The parser tables cached between runs: only in a private folder, and never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CODE = "from linsteps.reading.parsing import parse_value; print(parse_value('[1, 2]').kind)"


def run_with_cache(home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home), **extra}
    env.pop("LINSTEPS_NO_CACHE", None)
    env.update(extra)
    return subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env)


def test_cache_is_written_in_a_private_folder(tmp_path: Path) -> None:
    done = run_with_cache(tmp_path)
    assert done.stdout.strip() == "vector", done.stderr
    folder = tmp_path / "linsteps"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert list(folder.glob("parser-*.pickle"))


def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    run_with_cache(tmp_path)
    for cached in (tmp_path / "linsteps").glob("parser-*.pickle"):
        cached.write_bytes(b"not a pickle")
    done = run_with_cache(tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "vector"
    assert done.stderr == ""


def test_a_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "linsteps"
    folder.mkdir()
    folder.chmod(0o777)
    done = run_with_cache(tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "vector"
    assert not list(folder.iterdir())


def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    done = run_with_cache(tmp_path, LINSTEPS_NO_CACHE="1")
    assert done.returncode == 0
    assert not (tmp_path / "linsteps").exists()
