"""Files and streams: ``@path`` and ``-`` read bounded, outputs only over regular files.

Every refusal is exit status 2 with one line on stderr, through the installed console script.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from linsteps.errors import UsageError
from linsteps.output import check_writable, write_atomic
from linsteps.reading.files import MAX_INPUT_BYTES, read_file, read_source

SAFETY_NET = 120  # seconds; a read that waited or read a device whole would end here
HAS_DEVICES = Path("/dev/zero").exists() and Path("/dev/full").exists()
needs_devices = pytest.mark.skipif(not HAS_DEVICES, reason="no /dev/zero or /dev/full")


def run(script: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [script, *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=SAFETY_NET,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def refused(done: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit status 2 and one line on stderr holding every fragment; return the line."""
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


# --- reading @path and - ------------------------------------------------------------------------


@needs_devices
def test_a_device_is_not_read(console_script: str) -> None:
    refused(run(console_script, "dot", "@/dev/zero", "1 2"), "/dev/zero", "device")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_not_opened(console_script: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused(run(console_script, "dot", f"@{fifo}", "1 2"), "pipe (FIFO)")


def test_a_directory_is_not_read(console_script: str, tmp_path: Path) -> None:
    refused(run(console_script, "dot", f"@{tmp_path}", "1 2"), "is a directory")


def test_a_missing_file_is_one_line(console_script: str, tmp_path: Path) -> None:
    refused(run(console_script, "dot", f"@{tmp_path / 'nowhere.txt'}", "1 2"), "no such file")


def test_a_file_over_the_limit_is_refused(console_script: str, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("1 " * (MAX_INPUT_BYTES // 2 + 1), encoding="utf-8")
    refused(run(console_script, "norm", f"@{big}"), "big.txt", f"{MAX_INPUT_BYTES} bytes")


def test_a_huge_sparse_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:
        stream.truncate(64 * 2**30)  # 64 GiB of holes: reading it whole would never end
    with pytest.raises(UsageError) as info:
        read_file(huge)
    assert info.value.key == "file_too_large"


def test_a_file_within_the_limit_is_read(console_script: str, tmp_path: Path) -> None:
    operand = tmp_path / "a.txt"
    operand.write_bytes("\ufeff[1, 2]\n".encode())
    done = run(console_script, "dot", f"@{operand}", "3 4")
    assert done.returncode == 0, done.stderr
    assert "= 11" in done.stdout


def test_stdin_over_the_limit_is_refused(console_script: str) -> None:
    done = run(console_script, "norm", "-", stdin=b"1 " * (MAX_INPUT_BYTES // 2 + 1))
    refused(done, "standard input", "bytes")


@needs_devices
def test_stdin_from_an_endless_device_reads_only_up_to_the_limit(console_script: str) -> None:
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [console_script, "norm", "-"],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=SAFETY_NET,
            check=False,
        )
    refused(done, "standard input")


def test_read_source_passes_plain_text_through() -> None:
    assert read_source("1 2 3") == "1 2 3"
    assert read_source("@") == "@"


# --- writing outputs ----------------------------------------------------------------------------


@needs_devices
def test_out_to_a_device_is_refused_and_the_device_kept(console_script: str) -> None:
    for device in ("/dev/full", "/dev/null"):
        refused(run(console_script, "dot", "1 2", "3 4", "--out", device), "not a regular file")
        assert stat.S_ISCHR(os.stat(device).st_mode)


def test_out_to_a_directory_is_refused(console_script: str, tmp_path: Path) -> None:
    refused(run(console_script, "dot", "1 2", "3 4", "--out", str(tmp_path)), "is a directory")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_out_to_a_fifo_is_refused(console_script: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused(run(console_script, "dot", "1 2", "3 4", "--out", str(fifo)), "not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@needs_devices
def test_out_is_checked_before_the_work_begins(console_script: str) -> None:
    args = ("matmul", "A", "B", "--shape", "200x200", "--shape", "200x200")
    refused(run(console_script, *args, "--out", "/dev/full"), "not a regular file")
    args = ("dot", "1 2", "3 4", "--plot", "/dev/full.svg", "--out", "/dev/full")
    refused(run(console_script, *args), "/dev/full")


def test_out_through_a_link_writes_the_file_it_names(console_script: str, tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    done = run(console_script, "dot", "1 2", "3 4", "--out", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert "= 11" in target.read_text(encoding="utf-8")


@needs_devices
def test_standard_output_that_is_full_is_one_line(console_script: str) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [console_script, "dot", "1 2", "3 4"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=SAFETY_NET,
            check=False,
        )
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "standard output" in lines[0]


def test_a_closed_pipe_is_one_line(console_script: str, tmp_path: Path) -> None:
    wide = tmp_path / "wide.txt"  # an output far larger than a pipe's buffer
    wide.write_text(" ".join(str(i) for i in range(1, 121)), encoding="utf-8")
    script = f'"{console_script}" outer @{wide} @{wide} --full | head -c1 >/dev/null'
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {script}"],
        capture_output=True,
        text=True,
        timeout=SAFETY_NET,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "standard output" in lines[0] and "Traceback" not in done.stderr


def test_write_atomic_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        write_atomic(tmp_path, "x")
    assert info.value.key == "output_is_directory"
    if HAS_DEVICES:
        for check in (lambda: write_atomic("/dev/null", "x"), lambda: check_writable("/dev/full")):
            with pytest.raises(UsageError) as info:
                check()
            assert info.value.key == "output_not_regular"
