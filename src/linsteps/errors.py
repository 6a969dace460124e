"""The one exception hierarchy of linsteps.

Errors carry a message key and parameters, never prose: the text is looked up in the
message catalog of the chosen language (``linsteps.i18n``).  ``str(error)`` is English.
"""

from __future__ import annotations

from typing import Any


class LinstepsError(Exception):
    """Base of every error linsteps raises on purpose; the CLI exits 2 on it."""

    exit_code = 2

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def message(self, lang: str = "en") -> str:
        """Return the one-line message in ``lang``."""
        from linsteps.i18n import translate

        params = {
            name: value.message(lang) if isinstance(value, LinstepsError) else value
            for name, value in self.params.items()
        }
        return translate(lang, "error." + self.key, **params)

    def __str__(self) -> str:
        return self.message("en")


class ParseError(LinstepsError):
    """Text that is not valid input: what, where (a 1-based column) and why."""


class LimitError(ParseError):
    """Input or work beyond a limit: refused before the arithmetic, or stopped at the limit."""


class TimeLimitError(LimitError):
    """A command or API call that ran past its time limit (``--time-limit``)."""


class MemoryLimitError(LimitError):
    """A command or API call that ran out of memory (``--memory-limit`` on the command line)."""


class ShapeError(LinstepsError):
    """Operands whose shapes the operation's rule does not allow."""


class UndefinedError(LinstepsError):
    """A quantity that does not exist for these operands (the angle with a zero vector)."""


class UsageError(LinstepsError):
    """Bad options, unreadable files or unwritable outputs."""
