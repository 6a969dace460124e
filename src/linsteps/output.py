"""Writing outputs whole or not at all: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from linsteps.errors import UsageError


def write_atomic(path: str | Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path`` atomically.

    Directories and unwritable places are refused with a UsageError.
    """
    target = Path(path)
    if target.is_dir():
        raise UsageError("output_is_directory", path=str(path))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as error:
        raise UsageError("unwritable", path=str(path), reason=error.strerror or "error") from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError("unwritable", path=str(path), reason=error.strerror or "error") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


MARKER = ".linsteps-files"


def check_writable(path: str | Path, *, folder: bool = False) -> None:
    """Raise UsageError unless ``path`` (a file, or with ``folder`` a directory) can be
    written: its parent folder exists and is writable, and a file is not a directory."""
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if not folder and target.is_dir():
        raise UsageError("output_is_directory", path=str(path))
    if folder and target.exists() and not target.is_dir():
        raise UsageError("unwritable", path=str(path), reason="not a directory")
    if not parent.is_dir():
        raise UsageError("unwritable", path=str(path), reason="no such directory")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError("unwritable", path=str(path), reason="permission denied")


def write_directory(path: str | Path, files: dict[str, str] | dict[str, bytes]) -> None:
    """Write ``files`` (name → UTF-8 text, or bytes as they are) as the folder ``path``, whole
    or not at all.

    Everything is written to a temporary sibling folder, which is then renamed.  An existing
    folder is replaced only when it is empty or holds nothing but files an earlier run wrote
    (listed in its ``.linsteps-files``); any other folder is left alone with an error.
    """
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    check_writable(target, folder=True)
    if target.exists():
        _check_replaceable(target)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as error:
        raise UsageError("unwritable", path=str(path), reason=error.strerror or "error") from None
    old: Path | None = None
    try:
        for name, text in {**files, MARKER: "".join(f"{n}\n" for n in files)}.items():
            data = text if isinstance(text, bytes) else str(text).encode("utf-8")
            with open(staging / name, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        staging.chmod(0o755)
        if target.exists():
            if any(target.iterdir()):
                old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=parent))
                os.replace(target, old / "previous")
            else:
                target.rmdir()
        os.replace(staging, target)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None and not target.exists():
            os.replace(old / "previous", target)
            shutil.rmtree(old, ignore_errors=True)
        if isinstance(error, OSError):
            reason = error.strerror or "error"
            raise UsageError("unwritable", path=str(path), reason=reason) from None
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _check_replaceable(target: Path) -> None:
    entries = {entry.name for entry in target.iterdir()}
    if not entries:
        return
    marker = target / MARKER
    try:
        written = set(marker.read_text(encoding="utf-8").splitlines()) | {MARKER}
    except (OSError, UnicodeDecodeError):
        written = set()
    if MARKER not in entries or not entries <= written:
        raise UsageError("out_dir_not_empty", path=str(target))
