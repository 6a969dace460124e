"""Reading input text from a file (``@path``) or standard input (``-``), bounded.

Only regular files are read: a device (``/dev/zero``), a FIFO, a directory or a missing file is
refused with one line before anything is read, and opening never waits for a writer.  At most
``limit + 1`` bytes are read, so an input past the limit is refused without reading it whole.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO

from linsteps.errors import UsageError
from linsteps.reading.limits import LIMITS

# Bytes of one input: the input-length limit in characters, each up to 4 bytes of UTF-8.
MAX_INPUT_BYTES = 4 * LIMITS.max_length

_KINDS = (
    (stat.S_ISDIR, "input_is_directory"),
    (stat.S_ISCHR, "input_is_device"),
    (stat.S_ISBLK, "input_is_device"),
    (stat.S_ISFIFO, "input_is_fifo"),
    (stat.S_ISSOCK, "input_is_socket"),
)


def not_regular(mode: int) -> str | None:
    """Return the error key for a file of ``mode`` that is not a regular file, else None."""
    if stat.S_ISREG(mode):
        return None
    return next((key for test, key in _KINDS if test(mode)), "input_not_regular")


def read_file(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> str:
    """Return the UTF-8 text of the regular file ``path``, of at most ``limit`` bytes."""
    name = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        mode = os.stat(name).st_mode
        key = not_regular(mode)
        if key is not None:  # refused before opening: opening a FIFO may wait for a writer
            raise UsageError(key, path=name)
        descriptor = os.open(name, flags)
    except FileNotFoundError:
        raise UsageError("input_missing", path=name) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UsageError("unreadable_file", path=name, reason=reason) from None
    with os.fdopen(descriptor, "rb") as stream:
        key = not_regular(os.fstat(stream.fileno()).st_mode)  # replaced since the stat?
        if key is not None:
            raise UsageError(key, path=name)
        data = _read(stream, name, limit)
    if len(data) > limit:
        raise UsageError("file_too_large", path=name, most=limit)
    return _decode(data, name)


def read_stdin(limit: int = MAX_INPUT_BYTES) -> str:
    """Return the UTF-8 text of standard input, of at most ``limit`` bytes."""
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream (tests)
        text = stream.read(limit + 1)
        if len(text.encode("utf-8")) > limit:
            raise UsageError("stdin_too_large", most=limit)
        return text.removeprefix("\ufeff")
    data = _read(buffer, "-", limit)
    if len(data) > limit:
        raise UsageError("stdin_too_large", most=limit)
    return _decode(data, "-")


def _read(stream: BinaryIO, name: str, limit: int) -> bytes:
    try:
        return stream.read(limit + 1) or b""
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UsageError("unreadable_file", path=name, reason=reason) from None


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError("unreadable_file", path=name, reason="not UTF-8") from None


def read_source(text: str, limit: int = MAX_INPUT_BYTES) -> str:
    """Return an operand's text: ``-`` reads standard input, ``@path`` a file, else ``text``."""
    if text == "-":
        return read_stdin(limit)
    if text.startswith("@") and len(text) > 1:
        return read_file(text[1:], limit)
    return text


__all__ = ["MAX_INPUT_BYTES", "not_regular", "read_file", "read_source", "read_stdin"]
