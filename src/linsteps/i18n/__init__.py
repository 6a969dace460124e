"""Message catalogs: every sentence linsteps prints, in English and Chinese.

Each language is a package (``en``, ``zh``) whose modules hold plain dicts of
``key -> str.format template``; they are merged here.  Keys are identical across languages.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

LANGUAGES = ("en", "zh")
_SECTIONS = (
    "core",
    "parsing",
    "formats",
    "worksheet",
    "checking",
    "grading",
    "forms",
    "practice",
    "compare",
    "guide",
    "lms",
    "tensors",
    "mlcode",
    "bounds",
)


@cache
def catalog(lang: str) -> dict[str, str]:
    """Return the merged catalog for ``lang`` (``en`` or ``zh``)."""
    if lang not in LANGUAGES:
        raise ValueError(lang)
    merged: dict[str, str] = {}
    for section in _SECTIONS:
        module = importlib.import_module(f"linsteps.i18n.{lang}.{section}")
        merged.update(module.MESSAGES)
    return merged


def translate(lang: str, key: str, /, **params: Any) -> str:
    """Format the message ``key`` of ``lang`` with ``params``."""
    template = catalog(lang).get(key)
    if template is None:
        template = catalog("en").get(key, key)
    return template.format(**params)
