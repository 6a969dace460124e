"""The values an option accepts that the library keeps in its own tables, for the help.

A help text names such a list by a placeholder, ``{topics}``; :func:`listed` fills it in from the
table when the help is shown, so ``--help`` lists every value, those added later included,
and a run that shows no help imports none of the tables.
"""

from __future__ import annotations

from collections.abc import Callable


def _topics() -> str:
    from linsteps.practice.problems.topics import TOPICS

    return ", ".join(TOPICS)


def _default_topics() -> str:
    from linsteps.practice.problems.topics import DEFAULT_TOPICS

    return ",".join(DEFAULT_TOPICS)


def _most_problems() -> str:
    from linsteps.practice.problems.generation import MAX_COUNT

    return str(MAX_COUNT)


def _concepts() -> str:
    from linsteps.learn.guide import TOPICS

    return ", ".join(TOPICS)


def _most_entries() -> str:
    from linsteps.derivation.operands import MAX_GENERIC

    return str(MAX_GENERIC)


def operations() -> tuple[str, ...]:
    """What ``check`` checks: every operation, shape questions and the questions on ML code."""
    from linsteps.assess.mlquestions import ML_OPERATIONS
    from linsteps.ops import DEFINED_IN

    return (*DEFINED_IN, "shapes", *ML_OPERATIONS)


def _products() -> str:
    from linsteps.learn.comparison_rows import PRODUCTS

    kinds = {"vectors": "two vectors", "matrices": "two matrices", "matrix_vector": "A and x"}
    return "; ".join(f"{kinds.get(k, k)}: {', '.join(names)}" for k, names in PRODUCTS.items())


LISTS: dict[str, Callable[[], str]] = {
    "topics": _topics,
    "default_topics": _default_topics,
    "most_problems": _most_problems,
    "concepts": _concepts,
    "most_entries": _most_entries,
    "operations": lambda: ", ".join(operations()),
    "products": _products,
}


def listed(text: str) -> str:
    """``text`` with each ``{name}`` of :data:`LISTS` replaced by its values."""
    for name, values in LISTS.items():
        placeholder = "{" + name + "}"
        if placeholder in text:
            text = text.replace(placeholder, values())
    return text


def list_in_help(params: list[object]) -> None:
    """Fill in the placeholders of the help of ``params`` (once; the texts are then plain)."""
    for param in params:
        help_text = getattr(param, "help", None)
        if isinstance(help_text, str) and "{" in help_text:
            param.help = listed(help_text)  # type: ignore[attr-defined]


__all__ = ["LISTS", "list_in_help", "listed", "operations"]
