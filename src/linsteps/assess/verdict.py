"""The outcome of checking one answer: its status, the diagnosis, and the words for both."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from linsteps.errors import LinstepsError

if TYPE_CHECKING:
    from linsteps.assess.answers import Answer
    from linsteps.assess.expected import Expected

Status = Literal["correct", "incorrect", "unverified"]


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one answer."""

    status: Status
    diagnosis: str | None
    expected: Expected | None
    answer: Answer | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    variant: str | None = None
    parts: tuple[Verdict, ...] = ()  # of a shape question, one per part

    @property
    def correct(self) -> bool:
        """True for an accepted answer."""
        return self.status == "correct"

    def message(self, lang: str = "en") -> str:
        """One sentence: what was right or wrong, in ``lang``."""
        from linsteps.i18n import catalog, translate

        params = {
            k: v.message(lang) if isinstance(v, LinstepsError) else v
            for k, v in self.params.items()
        }
        wrong = [part.message(lang) for part in self.parts if not part.correct]
        if wrong and self.status == "incorrect":
            return " ".join(wrong)
        if self.diagnosis is None:
            key = f"check.{self.status}_message"
            if self.variant and f"{key}.{self.variant}" in catalog(lang):
                key = f"{key}.{self.variant}"
            return translate(lang, key, **params)
        key = f"diagnosis.{self.diagnosis}"
        if self.variant and f"{key}.{self.variant}" in catalog(lang):
            key = f"{key}.{self.variant}"
        return translate(lang, key, **params)

    def read_as(self, lang: str = "en") -> str | None:
        """How the answer was read, in one line, or None when none was read; one bounded call
        (:func:`linsteps.reading.budget.bounded`), as every rendering is."""
        from linsteps.reading.budget import bounded

        return bounded(self._read_as)(lang)

    def _read_as(self, lang: str) -> str | None:
        from linsteps.i18n import translate
        from linsteps.render.printing import format_text

        if self.answer is None:
            return None
        if self.answer.kind == "undefined":
            return translate(lang, "check.undefined")
        if self.answer.kind == "tensor":
            from linsteps.assess.mlshapes import answer_words

            return answer_words(self.answer.value)
        if self.answer.kind == "shapes":
            from linsteps.assess.shapequestions import shape_text

            return "; ".join(f"{k}: {shape_text(v, lang)}" for k, v in self.answer.value.items())
        value = self.answer.value
        shown = value[0, 0] if self.answer.kind == "scalar" else value
        if self.answer.kind == "vector":
            shown = (
                "(" + ", ".join(format_text(x, decimal=self.answer.decimal) for x in value) + ")"
            )
        else:
            shown = format_text(shown, decimal=self.answer.decimal)
        return shown + ("°" if self.answer.degrees else "")

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON contract of ``check``."""
        return {
            "correct": self.correct,
            "verdict": self.status,
            "diagnosis": self.diagnosis,
            "message": self.message(lang),
            "read_as": self.read_as(lang),
            "expected": self.expected.text(lang) if self.expected else None,
        } | ({"parts": [_part_dict(p, lang) for p in self.parts]} if self.parts else {})


def _part_dict(part: Verdict, lang: str) -> dict[str, Any]:
    return {
        "expression": part.params.get("expression"),
        "correct": part.correct,
        "diagnosis": part.diagnosis,
        "message": part.message(lang),
    }


__all__ = ["Status", "Verdict"]
