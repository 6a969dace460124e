"""English messages for the limits of a grading run: answers and key problems past them."""

MESSAGES: dict[str, str] = {
    "error.key_underivable": "answer key {path}: problem {id!r}: {reason}",
    "error.worker_failed": "the grading worker process could not start (exit code {code})",
    "grade.cell_unverified": "row {row}, column {column}: {reason}; graded unverified",
    "grade.cell_time_limit": "the answer could not be read, checked and echoed within the time limit of {seconds} s",
    "grade.cell_memory_limit": "checking the answer needed more memory than the limit of {megabytes} MB",
    "grade.cell_stopped": "the process checking the answer stopped (exit code {code}), most likely past the memory limit of {megabytes} MB",
    "grade.cell_failed": "checking the answer failed ({reason})",
    "grade.key_time_limit": "its answer could not be derived within the time limit of {seconds} s (--time-limit)",
    "grade.key_memory_limit": "deriving its answer needed more memory than the limit of {megabytes} MB",
    "grade.key_stopped": "the process deriving its answer stopped (exit code {code}), most likely past the memory limit of {megabytes} MB",
    "grade.key_failed": "deriving its answer failed ({reason})",
    "grade.student_bad_bytes": "row {row}: the student id {student!r} holds bytes that are not text (shown as �); it is kept as read",
    "grade.missing_cells": "row {row} has {count} cells, fewer than the {width} of the first row: the answers to {columns} are missing and count as blank",
    "feedback.no_derivation": "The worked derivation could not be shown: {reason}.",
    "grade.ignored_columns": "columns that are not answers to a problem of the key were ignored ({count}): {names}",
    "error.csv_student_column_missing": "{path}: no column {column!r} in the first row (--student-column)",
    "error.csv_map_missing": "{path}: --map names the column {column!r}, which is not in the first row",
    "error.bad_weights": '--weights {value!r}: write problem=points, e.g. "1=2,3=0.5" (points from 0 to 1000000)',
    "error.weights_unknown": "--weights: there is no problem {id!r} in the answer key (its problems are {choices})",
    "error.bad_map": "--map {value!r}: write the column's header, '=', and the problem id, e.g. \"Question 3=3\"",
}
