"""Writing outputs whole or not at all, and only over regular files.

A file is written to a temporary file in the same folder, then renamed over the target; a
target that exists and is not a regular file (a device such as ``/dev/full``, a FIFO, a
directory) is refused, so a device node is never replaced.  Standard output is written and
flushed at once: an output that cannot take it (a full disk, a closed pipe) is one UsageError.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from linsteps.errors import UsageError

# What writing to a stream that cannot take the output raises (the rest are bugs).
OUTPUT_ERRNOS = frozenset(
    getattr(errno, name)
    for name in ("EPIPE", "ENOSPC", "EDQUOT", "EFBIG", "EIO", "EBADF", "EROFS", "ECONNRESET")
    if hasattr(errno, name)
)


def _existing_target(path: str | Path) -> Path:
    """Return the file ``path`` names (through symbolic links); refuse one that exists and is
    not a regular file."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as error:
        raise UsageError("unwritable", path=str(path), reason=error.strerror or "error") from None
    if stat.S_ISDIR(mode):
        raise UsageError("output_is_directory", path=str(path))
    if not stat.S_ISREG(mode):
        raise UsageError("output_not_regular", path=str(path))
    return target


def write_atomic(path: str | Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path`` atomically.

    Directories, devices and other files that are not regular, and unwritable places are
    refused with a UsageError.
    """
    target = _existing_target(path)
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
    written: its parent folder exists and is writable, and a file is a regular file if it
    exists.  Commands call it before the work begins."""
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if not folder:
        target = _existing_target(path)
        parent = target.parent if str(target.parent) else Path(".")
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


CHUNK = 1 << 15  # characters written to a stream at a time


def write_stream(text: str, stream: TextIO | None = None) -> None:
    """Write ``text`` to ``stream`` (standard output) and flush it.

    An output that cannot take it (a closed pipe, a full disk, ``/dev/full``) raises one
    UsageError; the stream is then pointed at the null device, so that nothing more is tried
    (Python flushes standard output again as it exits).
    """
    out = sys.stdout if stream is None else stream
    try:
        # In pieces no larger than a pipe holds: a reader that stopped (``| head -c1``) is then
        # noticed, where one large write could end early without an error.
        for start in range(0, len(text), CHUNK):
            out.write(text[start : start + CHUNK])
            out.flush()
        out.flush()
    except OSError as error:
        if error.errno not in OUTPUT_ERRNOS:
            raise
        silence(out)
        raise UsageError("unwritable_stdout", reason=error.strerror or "error") from None


def flush_stream(stream: TextIO | None = None) -> None:
    """Flush ``stream`` (standard output), as :func:`write_stream` writes."""
    write_stream("", stream)


def silence(stream: TextIO) -> None:
    """Point ``stream``'s file descriptor at the null device and drop what it still holds."""
    try:
        descriptor = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, AttributeError):
        return
    try:
        os.dup2(null, descriptor)
    except OSError:
        pass
    finally:
        os.close(null)
