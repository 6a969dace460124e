"""Concept cards: what each product is, when it is defined, what it means, where ML uses it.

A :class:`Card` is data: its topic, the general rule as notation nodes, the diagnosis codes of
the mistakes learners make with it (the very codes answer checking gives, from
:data:`linsteps.assess.diagnoses.CODES`), and a
small worked example that the engine derives when the
card is shown, so the card can never disagree with the engine.  Every sentence is in the
catalogs (``guide.<topic>.…``); :func:`linsteps.learn.guide_view.render_guide` formats.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from linsteps.derivation.arithmetic import Call, Power, Product, Quotient, Root, Sum
from linsteps.derivation.general_forms import SumOver
from linsteps.derivation.matrices import (
    Angle,
    Dot,
    Hadamard,
    Indexed,
    MatProduct,
    Norm,
    Projection,
    Scale,
    Shape,
    Softmax,
    Transpose,
    VectorSum,
)
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Derivation
from linsteps.derivation.values import Name
from linsteps.errors import UsageError

SECTIONS = ("definition", "defined", "geometry", "ml")


def _vector(name: str) -> Name:
    return Name(name, None, (), "vector")


def _matrix(name: str) -> Name:
    return Name(name, None, (), "matrix")


def _at(node: Node, *indices: int | str) -> Indexed:
    return Indexed(node, tuple(indices))


A, B, X, Y = _vector("a"), _vector("b"), _vector("x"), _vector("y")
MA, MB, W, Q, K, V = (_matrix(n) for n in ("A", "B", "W", "Q", "K", "V"))
THETA = Angle(A, B)
PAIR = Product((_at(A, "i"), _at(B, "i")))


@dataclass(frozen=True)
class Card:
    """One concept: its rule (``lhs = form = …``), mistakes (diagnosis codes), and example."""

    topic: str
    aliases: tuple[str, ...]
    rule: tuple[Node, tuple[Node, ...]]
    mistakes: tuple[str, ...]
    example: Callable[[], Derivation]
    geometry: bool = False
    params: dict[str, Node] = field(default_factory=dict)

    def derive(self) -> Derivation:
        """Return the worked example, derived now by the engine."""
        return self.example()


def _example(operation: str, *args: Any, **options: Any) -> Callable[[], Derivation]:
    def derive() -> Derivation:
        from linsteps.ops import OPERATIONS

        function = cast("Callable[..., Derivation]", OPERATIONS[operation])
        return function(*args, **options)

    return derive


_COMMON = {
    "a": A,
    "b": B,
    "A": MA,
    "B": MB,
    "x": X,
    "W": W,
    "dot": Dot(A, B),
    "cos": Call("cos", THETA),
    "theta": THETA,
    "norm_a": Norm(A),
    "norm_b": Norm(B),
    "dot_aa": Dot(A, A),
    "dot_bb": Dot(B, B),
    "hadamard_ab": Hadamard(A, B),
    "outer": MatProduct(A, Transpose(B)),
}

CARDS: tuple[Card, ...] = (
    Card(
        "dot",
        ("inner", "dot-product", "scalar-product"),
        (Dot(A, B), (SumOver("i", 1, "n", PAIR),)),
        ("forgot_to_sum", "outer_instead_of_inner", "sign_error", "not_defined"),
        _example("dot", "[1, 2, 3]", "[4, 5, 6]"),
        geometry=True,
        params={"identity": Product((Norm(A), Norm(B), Call("cos", THETA)))},
    ),
    Card(
        "norm",
        ("length", "magnitude", "l2"),
        (Norm(A), (Root(Dot(A, A)), Root(SumOver("i", 1, "n", Power(_at(A, "i"), 2))))),
        ("missing_sqrt",),
        _example("norm", "[2, 3, 6]"),
        geometry=True,
        params={"distance": Norm(VectorSum(A, B, minus=True))},
    ),
    Card(
        "cos",
        ("cosine", "similarity", "cosine-similarity", "angle"),
        (Call("cos", THETA), (Quotient(Dot(A, B), Product((Norm(A), Norm(B)))),)),
        ("dot_instead_of_cos", "missing_sqrt", "cos_instead_of_angle", "degrees_for_radians"),
        _example("cos", "[3, 4]", "[4, 3]"),
        geometry=True,
        params={"angle": Call("arccos", Quotient(Dot(A, B), Product((Norm(A), Norm(B)))))},
    ),
    Card(
        "hadamard",
        ("elementwise", "element-wise", "schur"),
        (_at(Hadamard(MA, MB), "i", "j"), (Product((_at(MA, "i", "j"), _at(MB, "i", "j"))),)),
        ("matmul_instead_of_hadamard", "transposed", "wrong_shape", "not_defined"),
        _example("hadamard", "1 2; 3 4", "5 6; 7 8"),
        params={"product": Hadamard(MA, MB)},
    ),
    Card(
        "matmul",
        ("matrix", "matrix-product", "mm"),
        (
            _at(MatProduct(MA, MB), "i", "j"),
            (SumOver("k", 1, "n", Product((_at(MA, "i", "k"), _at(MB, "k", "j")))),),
        ),
        ("hadamard_instead_of_matmul", "reversed_order", "transposed", "not_defined"),
        _example("matmul", "1 2; 3 4", "5 6; 7 8"),
        geometry=True,
        params={
            "product": MatProduct(MA, MB),
            "reversed": MatProduct(MB, MA),
            "shapes": Shape("m", "n"),
            "shape_b": Shape("n", "p"),
            "shape": Shape("m", "p"),
        },
    ),
    Card(
        "outer",
        ("outer-product",),
        (_at(MatProduct(A, Transpose(B)), "i", "j"), (Product((_at(A, "i"), _at(B, "j"))),)),
        ("outer_instead_of_inner", "wrong_shape"),
        _example("outer", "[1, 2]", "[3, 4, 5]"),
        geometry=True,
        params={
            "product": MatProduct(A, Transpose(B)),
            "inner": MatProduct(Transpose(A), B),
            "shape": Shape("n", "m"),
        },
    ),
    Card(
        "transpose",
        ("t",),
        (_at(Transpose(MA), "i", "j"), (_at(MA, "j", "i"),)),
        ("transposed", "wrong_shape"),
        _example("transpose", "1 2 3; 4 5 6"),
        params={
            "transpose": Transpose(MA),
            "shape": Shape("m", "n"),
            "shape_t": Shape("n", "m"),
            "product_t": Transpose(MatProduct(MA, MB)),
            "reversed_t": MatProduct(Transpose(MB), Transpose(MA)),
        },
    ),
    Card(
        "project",
        ("projection", "proj"),
        (Projection(A, B), (Scale(Quotient(Dot(A, B), Dot(B, B)), B),)),
        ("wrong_shape", "sign_error"),
        _example("project", "[3, 4]", "[1, 0]"),
        geometry=True,
        params={
            "projection": Projection(A, B),
            "length": Product((Norm(A), Call("cos", THETA))),
            "rest": VectorSum(A, Projection(A, B), minus=True),
            "bb": Dot(B, B),
        },
    ),
    Card(
        "linear",
        ("layer", "dense", "fc", "fully-connected"),
        (
            _at(Y, "i"),
            (Sum((SumOver("j", 1, "n", Product((_at(W, "i", "j"), _at(X, "j")))), _at(B, "i"))),),
        ),
        ("missing_bias", "transposed", "wrong_shape"),
        _example("linear", "1 2; 3 4; 5 6", "[1, -1]", "[0, 1, 2]"),
        params={
            "layer": VectorSum(MatProduct(W, X), B),
            "batch": VectorSum(MatProduct(_matrix("X"), Transpose(W)), B),
            "shape": Shape("out", "in"),
        },
    ),
    Card(
        "attention",
        ("attn", "self-attention", "scaled-dot-product"),
        (
            _matrix("Z"),
            (MatProduct(Softmax(Quotient(MatProduct(Q, Transpose(K)), Root(Name("d_k")))), V),),
        ),
        ("missing_scale", "softmax_wrong_axis", "wrong_shape"),
        _example("attention", "1 0; 0 1", "1 1; 0 1", "1 2; 3 4"),
        params={
            "scores": MatProduct(Q, Transpose(K)),
            "scale": Root(Name("d_k")),
            "d": Name("d_k"),
            "Q": Q,
            "K": K,
            "V": V,
        },
    ),
)
TOPICS = tuple(card.topic for card in CARDS)


_SEPARATORS = re.compile("[,;，、；]")


def name_key(name: str) -> str:
    """A name as it is looked up: NFKC, case folded, letters and digits only, so ``Matrix
    product``, ``matrix-product`` and ``MATRIX_PRODUCT`` are one name."""
    return "".join(c for c in unicodedata.normalize("NFKC", name).casefold() if c.isalnum())


def card_names(card: Card) -> tuple[str, ...]:
    """Every name of ``card``: its topic, its aliases and its names in every catalog."""
    from linsteps.i18n import LANGUAGES, catalog

    names = [card.topic, *card.aliases]
    for lang in LANGUAGES:
        names += _SEPARATORS.split(catalog(lang).get(f"guide.{card.topic}.names", ""))
    return tuple(name.strip() for name in names if name_key(name))


@functools.cache
def names_table() -> dict[str, Card]:
    """Each card's names, looked up by :func:`name_key`; a name of two cards is an error."""
    table: dict[str, Card] = {}
    for card in CARDS:
        for name in card_names(card):
            other = table.setdefault(name_key(name), card)
            if other is not card:
                raise ValueError(f"{name!r} names both {other.topic} and {card.topic}")
    return table


def card_for(topic: str) -> Card:
    """Return the card called ``topic`` by any of its names, in any language (``inner
    product``, ``点积``, ``Element-wise``); UsageError when no card has that name."""
    card = names_table().get(name_key(topic))
    if card is None:
        raise UsageError("guide_no_topic", name=topic, choices=", ".join(TOPICS))
    return card


def card_params(card: Card) -> dict[str, Node]:
    """Return the nodes a card's sentences refer to."""
    return {**_COMMON, **card.params}


@dataclass(frozen=True)
class Guide:
    """What ``linsteps guide`` shows: the list of concepts, one card, or every card."""

    cards: tuple[Card, ...]
    listing: bool = False


def guide_for(topic: str | None = None, every: bool = False) -> Guide:
    """Return the list of concepts (no topic), one card, or every card (``every``)."""
    if every:
        if topic is not None:
            raise UsageError("guide_topic_and_all")
        return Guide(CARDS)
    if topic is None:
        return Guide(CARDS, listing=True)
    return Guide((card_for(topic),))


__all__ = [
    "CARDS",
    "TOPICS",
    "Card",
    "Guide",
    "card_for",
    "card_names",
    "card_params",
    "guide_for",
    "name_key",
    "names_table",
]
