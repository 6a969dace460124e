"""guide: the cards' mistakes are the checker's diagnosis codes, every sentence exists in both
languages, and the worked examples are derived live by the engine (and equal SymPy's)."""

from __future__ import annotations

import pytest
import sympy

from linsteps.assess.diagnoses import CODES
from linsteps.errors import UsageError
from linsteps.i18n import LANGUAGES, catalog
from linsteps.learn.guide import CARDS, SECTIONS, TOPICS, card_for, guide_for
from linsteps.learn.guide_view import render_guide
from linsteps.ops import OPERATIONS
from tests.test_equalities import check_derivation, same

# What SymPy itself computes for each card's example.
SYMPY = {
    "dot": lambda a, b: a.dot(b),
    "norm": lambda a: a.norm(),
    "cos": lambda a, b: a.dot(b) / (a.norm() * b.norm()),
    "hadamard": lambda a, b: a.multiply_elementwise(b),
    "matmul": lambda a, b: a * b,
    "outer": lambda a, b: a * b.T,
    "transpose": lambda a: a.T,
    "project": lambda a, b: (a.dot(b) / b.dot(b)) * b,
    "linear": lambda w, x, b: w * x + b,
}


def test_the_cards_cover_the_issue_topics() -> None:
    assert TOPICS == (
        "dot", "norm", "cos", "hadamard", "matmul", "outer", "transpose", "project", "linear",
        "attention",
    )  # fmt: skip
    assert set(TOPICS) <= set(OPERATIONS)


@pytest.mark.parametrize("card", CARDS, ids=TOPICS)
def test_mistakes_are_the_checkers_codes(card: object) -> None:
    mistakes = card.mistakes  # type: ignore[attr-defined]
    assert mistakes and set(mistakes) <= set(CODES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("card", CARDS, ids=TOPICS)
def test_every_sentence_is_in_the_catalog(card: object, lang: str) -> None:
    topic = card.topic  # type: ignore[attr-defined]
    keys = [f"guide.{topic}.{part}" for part in ("title", "summary", *SECTIONS)]
    if not card.geometry:  # type: ignore[attr-defined]
        keys.remove(f"guide.{topic}.geometry")
    keys += [f"guide.{topic}.mistake.{code}" for code in card.mistakes]  # type: ignore[attr-defined]
    missing = [key for key in keys if key not in catalog(lang)]
    assert missing == []
    # no sentence left over for a mistake the card does not list
    listed = {f"guide.{topic}.mistake.{code}" for code in card.mistakes}  # type: ignore[attr-defined]
    extra = {k for k in catalog(lang) if k.startswith(f"guide.{topic}.mistake.")} - listed
    assert extra == set()


@pytest.mark.parametrize("card", CARDS, ids=TOPICS)
def test_examples_are_rederived_and_equal_sympy(card: object) -> None:
    derivation = card.derive()  # type: ignore[attr-defined]
    assert derivation is not card.derive()  # type: ignore[attr-defined]  # derived anew each time
    assert derivation.operation == card.topic  # type: ignore[attr-defined]
    assert check_derivation(derivation) > 0
    topic = card.topic  # type: ignore[attr-defined]
    if topic in SYMPY:
        values = [sympy.Matrix(op.value) for op in derivation.inputs]
        assert same(derivation.result, SYMPY[topic](*values))


def test_attention_example_equals_sympy() -> None:
    derivation = card_for("attention").derive()
    q, k, v = (sympy.Matrix(op.value) for op in derivation.inputs)
    scores = q * k.T / sympy.sqrt(q.cols)
    rows = []
    for i in range(scores.rows):
        exps = [sympy.exp(s) for s in scores.row(i)]
        rows.append([e / sum(exps) for e in exps])
    assert same(derivation.result, sympy.Matrix(rows) * v)


def test_aliases_and_errors() -> None:
    assert card_for("Inner").topic == "dot"
    assert card_for("element-wise").topic == "hadamard"
    assert card_for("similarity").topic == "cos"
    with pytest.raises(UsageError) as error:
        card_for("cross")
    assert "dot, norm, cos" in str(error.value)
    with pytest.raises(UsageError):
        guide_for("dot", every=True)
    assert guide_for().listing and len(guide_for(every=True).cards) == len(CARDS)


def test_a_card_shows_its_mistake_codes_and_its_example() -> None:
    text = render_guide(guide_for("matmul"), "text")
    for code in card_for("matmul").mistakes:
        assert code in text
    assert "c₁₁ = (1, 2)·(5, 7) = 1·5 + 2·7 = 5 + 14 = 19" in text
    zh = render_guide(guide_for("outer"), "text", "zh")
    assert "不是叉积" in zh and "外积" in zh
