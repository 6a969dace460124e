"""Writing outputs whole or not at all, and only over regular files.

A file is written to a temporary file in the same folder, then renamed over the target; a
target that exists and is not a regular file (a device such as ``/dev/full``, a FIFO, a
directory) is refused, so a device node is never replaced.  Standard output is written in
pieces and flushed: an output that cannot take it (a full disk, a closed pipe) is one UsageError.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, TextIO

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


def write_atomic(path: str | Path, text: str | bytes | BinaryIO) -> None:
    """Write ``text`` (UTF-8, bytes as they are, or what a binary stream holds from its
    current position) to ``path`` atomically.

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
        with os.fdopen(handle, "wb") as binary:
            if isinstance(text, str):
                binary.write(text.encode("utf-8"))
            elif isinstance(text, bytes):
                binary.write(text)
            else:
                shutil.copyfileobj(text, binary)
            binary.flush()
            os.fsync(binary.fileno())
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

    Everything is written to a temporary sibling folder, which then takes the place of
    ``path`` (see :class:`StagedFolder`).
    """
    with StagedFolder(path) as folder:
        for name, text in files.items():
            folder.write(name, text)


class StagedFolder:
    """A folder of files written one by one and put in place as a set, or not at all.

    The files go into a fresh hidden sibling folder; :meth:`commit` swaps it with ``path`` by
    rename (one atomic exchange where the system offers it), so a reader or a kill sees the
    earlier set or the new one, never a mix.  An existing folder is replaced only when it is
    empty or holds nothing but files an earlier run wrote (listed in its ``.linsteps-files``);
    any other folder is left alone with an error, raised when the folder is staged, before any
    work.  Used as a context manager, the set is committed when the body succeeds and discarded
    when it raises.
    """

    def __init__(self, path: str | Path) -> None:
        self.target = Path(path)
        self.parent = self.target.parent if str(self.target.parent) else Path(".")
        check_writable(self.target, folder=True)
        if self.target.exists():
            _check_replaceable(self.target)
        try:
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.", dir=self.parent))
        except OSError as error:
            raise self._unwritable(error) from None
        self.names: list[str] = []

    def _unwritable(self, error: OSError) -> UsageError:
        return UsageError("unwritable", path=str(self.target), reason=error.strerror or "error")

    def write(self, name: str, text: str | bytes) -> None:
        """Write the file ``name`` of the set (not yet visible at ``path``)."""
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        try:
            with open(self.staging / name, "wb") as stream:
                stream.write(data)
        except OSError as error:
            self.discard()
            raise self._unwritable(error) from None
        self.names.append(name)

    def commit(self) -> None:
        """Put the set in place of ``path``: the earlier set is gone, the new one complete."""
        try:
            with open(self.staging / MARKER, "w", encoding="utf-8", newline="\n") as stream:
                stream.write("".join(f"{n}\n" for n in self.names))
            self.staging.chmod(0o755)
            _sync(self.staging)
            if self.target.exists():
                _check_replaceable(self.target)
                _swap(self.staging, self.target)
            else:
                os.replace(self.staging, self.target)
        except OSError as error:
            self.discard()
            raise self._unwritable(error) from None
        except BaseException:
            self.discard()
            raise
        self.discard()

    def discard(self) -> None:
        """Remove the staged files (or, after a swap, the earlier set)."""
        shutil.rmtree(self.staging, ignore_errors=True)

    def __enter__(self) -> StagedFolder:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` at ``target`` and the old ``target`` at ``staging``."""
    if _exchange(staging, target):
        return
    # No atomic exchange here: two renames, the old set kept aside until the new one is in place.
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
    os.replace(target, aside / "previous")
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(aside / "previous", target)
        aside.rmdir()
        raise
    os.replace(aside / "previous", staging)
    aside.rmdir()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    system or the file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    text, number = ctypes.c_char_p, ctypes.c_int
    function.argtypes = [number, text, number, text, ctypes.c_uint]
    function.restype = ctypes.c_int
    here = -100  # AT_FDCWD
    return int(function(here, os.fsencode(a), here, os.fsencode(b), 2)) == 0  # RENAME_EXCHANGE


def _sync(folder: Path) -> None:
    """Flush the files of ``folder`` to disk with one call (syncfs), before they are shown."""
    if sys.platform.startswith("linux"):
        try:
            function = ctypes.CDLL(None, use_errno=True).syncfs
        except (OSError, AttributeError):
            function = None
        if function is not None:
            descriptor = os.open(folder, os.O_RDONLY)
            try:
                if function(descriptor) == 0:
                    return
            finally:
                os.close(descriptor)
    if hasattr(os, "sync"):
        os.sync()


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
