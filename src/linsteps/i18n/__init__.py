"""Message catalogs: every sentence linsteps prints, in English and Chinese.

Each language is a package (``en``, ``zh``) whose modules hold plain dicts of
``key -> str.format template``; they are merged here.  Keys are identical across languages.
"""

from __future__ import annotations

import importlib
import re
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


# ``{n:entry|entries}``: the number and its noun, singular when the number is 1.
_COUNTED = re.compile(r"\{(\w+):([^{}|:]+)\|([^{}]+)\}")


def translate(lang: str, key: str, /, **params: Any) -> str:
    """Format the message ``key`` of ``lang`` with ``params``."""
    return message_template(lang, key, params).format(**params)


def message_template(lang: str, key: str, params: dict[str, Any] | None = None) -> str:
    """Return the template of message ``key`` (English when ``lang`` lacks it), its counted
    placeholders resolved: ``{n:entry|entries}`` becomes ``{n} entry`` when ``params`` gives
    n = 1, else ``{n} entries``."""
    template = catalog(lang).get(key)
    if template is None:
        template = catalog("en").get(key, key)
    if "|" in template:
        template = _COUNTED.sub(lambda m: _counted(m, params or {}), template)
    return template


def _counted(match: re.Match[str], params: dict[str, Any]) -> str:
    name, one, many = match.groups()
    single = str(params.get(name, "")).strip() in ("1", "-1")
    return "{" + name + "} " + (one if single else many)
