"""Grading rows in this process or in worker processes, the results kept in file order.

Rows go to the workers in chunks; at most two chunks per worker are pending at a time, so the
memory a run uses does not grow with the CSV.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from linsteps.assess.answerkey import AnswerKey, load_key
from linsteps.assess.grader import Grader
from linsteps.assess.grades import Graded, Settings

CHUNK = 64  # rows per task sent to a worker

Task = tuple[int, str, dict[str, str]]  # row number, student, {problem id: answer}

_WORKER: Grader | None = None


def _init_worker(key_path: str, settings: Settings) -> None:
    global _WORKER
    _WORKER = Grader(load_key(key_path), settings)


def _grade_chunk(chunk: list[Task]) -> list[Graded]:
    assert _WORKER is not None
    return [_WORKER.grade_row(*task) for task in chunk]


def graded_rows(
    tasks: Iterator[Task], key: AnswerKey, key_path: str, settings: Settings, jobs: int
) -> Iterator[Graded]:
    """Each task graded, in order: here when ``jobs`` is 1, else in ``jobs`` processes that
    load the key from ``key_path``."""
    chunks = _chunks(tasks, CHUNK)
    if jobs == 1:
        global _WORKER
        _WORKER = Grader(key, settings)
        for chunk in chunks:
            yield from _grade_chunk(chunk)
        return
    import multiprocessing

    with multiprocessing.get_context().Pool(
        jobs, initializer=_init_worker, initargs=(key_path, settings)
    ) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_grade_chunk, (chunk,)))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _chunks(tasks: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


__all__ = ["CHUNK", "Task", "graded_rows"]
