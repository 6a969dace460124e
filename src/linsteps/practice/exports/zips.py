"""Zip archives with the same bytes on every run: sorted entries, one fixed timestamp, stored.

Entries are stored (not compressed), so no compression library's version can change a byte;
each has the timestamp 1980-01-01 00:00 (the earliest a zip holds) and the mode rw-r--r--.
"""

from __future__ import annotations

import io
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_bytes(files: dict[str, str]) -> bytes:
    """Return a zip of ``files`` (name → UTF-8 text), entries sorted by name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, EPOCH)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            archive.writestr(info, files[name].encode("utf-8"))
    return buffer.getvalue()
