"""English messages for the bounds of a command: time, memory, size, input files and outputs."""

MESSAGES: dict[str, str] = {
    "error.root_too_large": (
        "operand {operand}: the power at column {column} has a root too fine to work out exactly "
        "(integers of about {bits} bits); the limit is {limit}"
    ),
    "error.argument_too_large": (
        "operand {operand}: the number inside {function}(…) at column {column} is too large to "
        "evaluate"
    ),
    "error.entry_too_large": "operand {operand}: an entry has about {bits} bits; the limit is {limit}",
    "error.too_many_terms": (
        "the explanation would write about {terms:,} terms (the entries of the result "
        "included), more than the limit of {limit:,}; raise it with {option}"
    ),
    "error.time_limit": "stopped at the time limit of {seconds} s; raise it with {option}",
    "error.memory_limit": ("stopped at the memory limit of {megabytes} MB; raise it with {option}"),
    "error.out_of_memory": "ran out of memory; try smaller operands",
    "error.too_large_to_compute": (
        "a number in this work is too large or too fine to compute with: write smaller "
        "numbers, or fewer nested functions"
    ),
    "error.too_deep_to_compute": (
        "the expression is nested too deeply to compute; write it with less nesting"
    ),
    "error.bad_limit": "{name} {value}: not a valid limit",
    "error.input_missing": "{path}: no such file",
    "error.input_is_directory": "{path}: is a directory, not a file",
    "error.input_is_device": "{path}: is a device, not a regular file",
    "error.input_is_fifo": "{path}: is a pipe (FIFO), not a regular file",
    "error.input_is_socket": "{path}: is a socket, not a regular file",
    "error.input_not_regular": "{path}: is not a regular file",
    "error.stdin_too_large": "standard input: more than {most:,} bytes, the input limit",
    "error.output_not_regular": (
        "{path}: is not a regular file (a device, a pipe …); outputs are written to regular "
        "files only"
    ),
    "error.unwritable_stdout": "cannot write to standard output ({reason})",
}
