"""Operands that begin with a minus sign, such as ``"-1 2"``, read as operands, not options.

The command-line parser takes every word that begins with ``-`` for an option, so
``linsteps dot "-1 2" "3 4"`` would be refused as the unknown option ``-1``.  Before a command
parses its words, :func:`operands_apart` finds such words, moves the command's options (with
their values) ahead and puts every operand after ``--``, in the order they were given.  A word
is an operand when it is not one of the command's options and a number follows its minus sign
(a digit, ``.``, ``(`` or a space: ``-1``, ``-.5``, ``-(1/2) 3``, ``- 1 2``).  A word taken as
the value of an option (``--decimals -1``) stays that option's value, and the option checks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

_NUMBER_STARTS = ".( \t"


def is_negative_operand(word: str) -> bool:
    """True for a word that is a number-led operand with a minus sign: ``-1 2``, ``-.5``."""
    if len(word) < 2 or word[0] != "-":
        return False
    second = word[1]
    return second.isdigit() or second in _NUMBER_STARTS


def option_words(params: Iterable[Any]) -> dict[str, bool]:
    """Every flag of the options in ``params``, and True for those that take a value."""
    words: dict[str, bool] = {}
    for param in params:
        if getattr(param, "param_type_name", "") != "option":
            continue
        takes_value = not (getattr(param, "is_flag", False) or getattr(param, "count", False))
        for word in (*param.opts, *param.secondary_opts):
            words[word] = takes_value
    return words


def _is_option(word: str, options: dict[str, bool]) -> bool:
    name = word.split("=", 1)[0] if word.startswith("--") else word
    return name in options or word[:2] in options


def operands_apart(args: Sequence[str], options: dict[str, bool]) -> list[str]:
    """``args`` with the options first and the operands after ``--`` when an operand begins
    with a minus sign; otherwise ``args`` unchanged.

    ``options`` maps each flag of the command to True when it takes a value.  Words the parser
    would refuse anyway (an unknown option that is not a number) keep their place among the
    options, so the parser names them.
    """
    ahead: list[str] = []
    operands: list[str] = []
    protected = False
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            operands.extend(args[i + 1 :])
            break
        if word.startswith("-") and len(word) > 1 and not _is_option(word, options):
            if is_negative_operand(word):
                operands.append(word)
                protected = True
            else:
                ahead.append(word)
            i += 1
            continue
        if word.startswith("-") and len(word) > 1:
            if options.get(word, False):  # not --name=value nor -d4: the value follows
                if i + 1 >= len(args):
                    return [*ahead, word]  # the parser says this option's value is missing
                ahead += [word, args[i + 1]]
                i += 2
                continue
            ahead.append(word)
        else:
            operands.append(word)
        i += 1
    if not protected:
        return list(args)
    return [*ahead, "--", *operands]


__all__ = ["is_negative_operand", "operands_apart", "option_words"]
