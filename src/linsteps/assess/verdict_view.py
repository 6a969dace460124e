"""Rendering a checked answer: how it was read, the verdict and its diagnosis."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from linsteps.i18n import translate

if TYPE_CHECKING:
    from linsteps.assess.verdict import Verdict


def verdict_text(verdict: Verdict, lang: str = "en", *, explain: bool = False) -> str:
    """Two lines (read as, verdict with its diagnosis), then the derivation when ``explain``."""
    lines = []
    read_as = verdict.read_as(lang)
    if read_as is not None:
        lines.append(f"{translate(lang, 'check.read_as')}  {read_as}")
    head = translate(lang, f"check.verdict.{verdict.status}")
    if verdict.diagnosis is not None or verdict.status != "correct":
        head += f" — {verdict.message(lang)}"
    if verdict.diagnosis is not None:
        head += f" [{verdict.diagnosis}]"
    lines.append(head)
    text = "\n".join(lines) + "\n"
    expected = verdict.expected
    if explain and expected is not None:
        body = expected.explanation(lang)
        text += f"\n{translate(lang, 'check.explanation')}\n{body}"
    return text


def verdict_dict(verdict: Verdict, lang: str = "en", *, explain: bool = False) -> dict[str, Any]:
    """The JSON contract of ``check``; ``explanation`` is the derivation's JSON when asked."""
    data = verdict.to_dict(lang)
    if explain:
        expected = verdict.expected
        derivation = expected.derivation if expected is not None else None
        data["explanation"] = derivation.to_dict(lang) if derivation is not None else None
    return data


def render_verdict(verdict: Verdict, fmt: str, lang: str = "en", *, explain: bool = False) -> str:
    """``verdict`` as text or JSON."""
    if fmt == "json":
        data = verdict_dict(verdict, lang, explain=explain)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return verdict_text(verdict, lang, explain=explain)
