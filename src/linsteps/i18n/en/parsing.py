"""English messages for input parsing and input limits: one line each, what, where and why."""

MESSAGES: dict[str, str] = {
    "error.empty": "operand {operand}: the input is empty; type a number, vector or matrix",
    "error.too_long": (
        "operand {operand}: the input has {length:character|characters}, more than the limit of {limit}"
    ),
    "error.control_char": (
        "operand {operand}: control character {code} at column {column} is not allowed"
    ),
    "error.unmatched_close": (
        "operand {operand}: {char!r} at column {column} closes a bracket that was never opened"
    ),
    "error.mismatched_bracket": (
        "operand {operand}: {close!r} at column {column} does not match "
        "{open!r} at column {open_column}"
    ),
    "error.unclosed": "operand {operand}: {char!r} at column {column} is never closed",
    "error.too_deep": (
        "operand {operand}: brackets nested too deep at column {column}; "
        "the limit is {limit} levels"
    ),
    "error.unexpected_char": "operand {operand}: unexpected character {char!r} at column {column}",
    "error.fullwidth_char": (
        "operand {operand}: full-width character {char!r} at column {column}; "
        "type the ASCII {ascii!r} instead"
    ),
    "error.forbidden_name": (
        "operand {operand}: the name {name!r} at column {column} is not allowed"
    ),
    "error.not_finite": "operand {operand}: {name!r} at column {column} is not a finite number",
    "error.abs_bars": (
        "operand {operand}: {char!r} at column {column}: absolute value bars are not supported, "
        "write abs(x)"
    ),
    "error.factorial": (
        "operand {operand}: {char!r} at column {column}: factorials are not supported"
    ),
    "error.braces": (
        "operand {operand}: {char!r} at column {column}: braces and sets are not supported, "
        "use [ ] for vectors"
    ),
    "error.comparison": (
        "operand {operand}: {char!r} at column {column}: equations and comparisons are not "
        "supported, give a value"
    ),
    "error.unexpected_end": (
        "operand {operand}: the input ends too early after column {column}; something is missing"
    ),
    "error.unexpected_space": (
        "operand {operand}: unexpected space at column {column}; inside parentheses write * to "
        "multiply"
    ),
    "error.unexpected_line_break": "operand {operand}: unexpected line break at column {column}",
    "error.empty_brackets": (
        "operand {operand}: empty {brackets} at column {column}; write at least one entry"
    ),
    "error.missing_operator": (
        "operand {operand}: missing operator before {token!r} at column {column}; write * to "
        "multiply"
    ),
    "error.unexpected_token": "operand {operand}: unexpected {token!r} at column {column}",
    "error.too_many_entries": "operand {operand}: more than {limit:entry|entries}",
    "error.expression_too_deep": (
        "operand {operand}: the expression at column {column} is nested more than {limit} levels "
        "deep"
    ),
    "error.too_many_digits": (
        "operand {operand}: the number at column {column} has {digits:digit|digits}; the limit is {limit}"
    ),
    "error.sci_exponent_too_large": (
        "operand {operand}: the exponent {exponent} of the number at column {column} is beyond "
        "the limit of ±{limit}"
    ),
    "error.function_needs_parens": (
        "operand {operand}: function {name!r} at column {column} needs its argument in "
        "parentheses, as in {name}(x)"
    ),
    "error.unknown_function": (
        "operand {operand}: unknown function {name!r} at column {column}; known are sqrt, exp, "
        "ln, log, sin, cos, tan, arcsin, arccos, arctan, abs"
    ),
    "error.too_many_rows": (
        "operand {operand}: the matrix has {rows:row|rows}; the limit is {limit}"
    ),
    "error.too_many_columns": (
        "operand {operand}: row {row} has {count:entry|entries}; the limit is {limit:column|columns}"
    ),
    "error.ragged": (
        "row {row} of {operand} has {count:entry|entries}, row 1 has {first}; every row of a matrix "
        "needs the same number"
    ),
    "error.not_finite_value": (
        "operand {operand}: the entry at column {column} is not a finite number ({value})"
    ),
    "error.not_evaluable": (
        "operand {operand}: {name}(…) at column {column} cannot be evaluated exactly; "
        "simplify its argument"
    ),
    "error.power_exponent_too_large": (
        "operand {operand}: the exponent {exponent} at column {column} is beyond the limit of "
        "±{limit}"
    ),
    "error.power_too_large": (
        "operand {operand}: the power at column {column} would have about {bits} bits; the limit "
        "is {limit}"
    ),
    "error.number_too_large": (
        "operand {operand}: the numbers at column {column} would grow to about {bits} bits; the "
        "limit is {limit}"
    ),
    "error.division_by_zero": "operand {operand}: division by zero at column {column}",
    "error.times_ten": (
        "operand {operand}: 'x10' at column {column} would be a symbol named x10; for "
        "scientific notation write 3.67e2 or 3.67*10^2"
    ),
    "error.not_scalar": "operand {operand}: expected one value, got {count:entry|entries}",
    # arrays of any rank and einsum subscripts
    "error.ragged_tensor": "operand {operand}: the list at column {column} is {shape} but the first at its level is {first}; the lists of one level need one shape",
    "error.ragged_count": "operand {operand}: the list at column {column} holds {count} lists but the first at its level holds {first}; the lists of one level need one shape",
    "error.ragged_depth": "operand {operand}: the list at column {column} is nested {depth} deep but the first at its level {first} deep; nest every entry equally deep",
    "error.tensor_mixed": "operand {operand}: column {column}: a list holds both lists and entries; nest every entry equally deep",
    "error.too_many_axes": "operand {operand}: {rank:axis|axes}, more than the limit of {limit}",
    "error.spec_too_long": "einsum subscripts of {length:character|characters}, more than the limit of {limit}",
    "error.spec_char": "einsum subscripts {spec!r}: {char!r} at column {column} is not allowed; use letters a-z, A-Z, commas, ... and ->",
    "error.spec_arrow": "einsum subscripts {spec!r}: column {column}: - and > only appear together, as ->",
    "error.spec_arrow_twice": "einsum subscripts {spec!r}: a second -> at column {column}; give the output once",
    "error.spec_dot": "einsum subscripts {spec!r}: '.' at column {column} is not part of an ellipsis '...'",
    "error.spec_ellipsis_twice": "einsum subscripts {spec!r}: a second ... at column {column}; a term has at most one",
    "error.spec_output_comma": "einsum subscripts {spec!r}: ',' at column {column}: the output after -> is a single term",
    "error.spec_output_repeated": "einsum subscripts {spec!r}: the output repeats {label!r} at column {column}; each output letter appears once",
    "error.spec_output_unknown": "einsum subscripts {spec!r}: the output letter {label!r} at column {column} is in no operand",
}
