"""English messages for derivations, results, notes and non-parse errors."""

MESSAGES: dict[str, str] = {
    # headings
    "title.dot": "Dot product {expr}",
    "title.norm": "Norm (length) {expr}",
    "title.cos": "Cosine of the angle, {expr}",
    "title.angle": "Angle {expr} between {a} and {b}",
    "title.hadamard": "Hadamard (element-wise) product {expr}",
    "title.matmul": "Matrix product {expr}",
    # labels of step lines
    "label.rule": "rule",
    "label.defined": "defined",
    "label.note": "note",
    "role.substitute": "substitute",
    "role.multiply": "multiply",
    "role.sum": "sum",
    "role.square": "square",
    "role.simplify": "simplify",
    "role.row_column": "row·column",
    "role.arccos": "arccos",
    "role.degrees": "degrees",
    "role.approx": "decimal",
    # notation words
    "notation.row": "row {index} of {name}",
    "notation.column": "column {index} of {name}",
    # conditions: why the shapes allow the operation
    "condition.same_length": "both vectors have {n:entry|entries}",
    "condition.entries": "a vector with {n:entry|entries}",
    "condition.nonzero": "neither {a} nor {b} is the zero vector, so the division is defined",
    "condition.nonzero_vector": "{a} is not the zero vector, so {norm} ≠ 0",
    "condition.assumed_nonzero_vector": (
        "assuming {condition} ≠ 0: then {a} is not the zero vector, so {norm} ≠ 0 and the "
        "division is defined"
    ),
    "condition.same_shape": "{a} and {b} have the same shape, {shape}",
    "condition.matmul_shapes": ("columns of {a} = rows of {b} = {n}: {m}×{n} · {n}×{p} → {shape}"),
    # notes
    "note.hadamard_not_matmul": (
        "This is not the matrix product {a}{b}: each entry is multiplied by its partner in the "
        "same position, and nothing is summed."
    ),
    "note.hadamard_not_dot": (
        "This is not the dot product {a}·{b}: nothing is summed, so the result is a vector, "
        "not a scalar."
    ),
    "result.hadamard_vector": (
        "{lhs} = {value}, a vector with {n:entry|entries} like its factors: entries multiplied, "
        "not summed."
    ),
    "note.row_column_is_dot": (
        "A row times a column is the dot product: the 1×1 result holds {a}·{b}."
    ),
    "note.vector_as_row": "{a} is a vector on the left, so it is read as a row ({shape}).",
    "note.vector_as_column": "{a} is a vector on the right, so it is read as a column ({shape}).",
    "note.summarized": (
        "Showing {shown} of {total:entry|entries}; use --full for all of them or --entry i,j for one."
    ),
    "note.similarity.same_direction": (
        "cos θ = 1: {a} and {b} point in exactly the same direction (maximal cosine similarity)."
    ),
    "note.similarity.opposite": "cos θ = −1: {a} and {b} point in exactly opposite directions.",
    "note.similarity.orthogonal": (
        "cos θ = 0: {a} and {b} are orthogonal (perpendicular): as vectors they are unrelated."
    ),
    "note.similarity.similar": (
        "cos θ is close to 1: {a} and {b} point in nearly the same direction (very similar)."
    ),
    "note.similarity.somewhat_similar": (
        "cos θ is positive: {a} and {b} point roughly the same way (somewhat similar)."
    ),
    "note.similarity.nearly_orthogonal": (
        "cos θ is close to 0: {a} and {b} are nearly orthogonal (unrelated)."
    ),
    "note.similarity.somewhat_opposite": (
        "cos θ is negative: {a} and {b} point roughly opposite ways (dissimilar)."
    ),
    "note.similarity.nearly_opposite": (
        "cos θ is close to −1: {a} and {b} point in nearly opposite directions."
    ),
    # results
    "result.dot": "{lhs} = {value}, a scalar: matching entries are multiplied, then summed.",
    "result.norm": "{lhs} = {value}: the length of {a}.",
    "result.cos": "{lhs} = {value}.",
    "result.angle": "{lhs} = {value} radians; in degrees, {lhs} = {degrees}.",
    "result.angle_approx": "{lhs} = {value} radians; in degrees, {lhs} ≈ {degrees}.",
    "result.hadamard": (
        "{lhs} is {shape}, the same shape as its factors: entries multiplied, not summed."
    ),
    "result.matmul": "{lhs} is {shape}: each entry is a row of {a} times a column of {b}.",
    "result.matmul_entry": "{lhs} = {value}.",
    "result.approx": "≈ {approx}",
    # errors (the parser's own are in the parsing section)
    "error.vector_lengths": (
        "the dot product needs vectors of the same length: {a} has {n:entry|entries}, {b} has {m}"
    ),
    "error.hadamard_shapes": (
        "the element-wise product needs identical shapes: {a} is {shape_a}, {b} is {shape_b}"
    ),
    "error.matmul_shapes": (
        "the matrix product needs columns of {a} = rows of {b}: {a} is {m}×{n}, {b} is {k}×{p}"
    ),
    "error.needs_vector": "{operand} must be a vector, but it is a {rows}×{cols} matrix",
    "error.zero_vector": (
        "the angle is undefined: {operand} is the zero vector, so ‖{operand}‖ = 0 and "
        "cos θ = {a}·{b}/(‖{a}‖‖{b}‖) would divide by zero"
    ),
    "error.zero_norm": (
        "the angle is undefined: {operand}·{operand} = 0, so ‖{operand}‖ = 0 and "
        "cos θ = {a}·{b}/(‖{a}‖‖{b}‖) would divide by zero"
    ),
    "error.scalar_operand": "operand {operand}: a single number is not a vector or a matrix",
    "error.ragged_list": "operand {operand}: the rows of the list have different lengths",
    "error.bad_operand_type": "operand {operand}: cannot use a value of type {type}",
    "error.float_entry": "operand {operand}: {value} is not a finite number",
    "error.array_dimensions": "operand {operand}: an array of {ndim:dimension|dimensions} is not a vector (1) or a matrix (2)",
    "error.bad_dim": "--dim {text}: give a whole number from 1 to {most}",
    "error.bad_shape": "--shape {text}: give rows×columns such as 2x3",
    "error.bad_entry": "--entry {text}: give the row and column as i,j, such as 1,2",
    "error.entry_outside": "--entry {i},{j}: the product is {rows}×{cols}, so there is no such entry",
    "error.bad_places": "--decimals {value}: give a whole number from 0 to 50",
    "error.bad_format": "--format {value}: choose one of {choices}",
    "error.bad_lang": "--lang {value}: choose one of {choices}",
    "error.unreadable_file": "{path}: cannot read the file ({reason})",
    "error.file_too_large": "{path}: the file is larger than {most:byte|bytes}",
    "error.stdin_twice": "only one operand can be read from standard input (-)",
    "error.unwritable": "{path}: cannot write the output ({reason})",
    "error.usage": "{message} (see {command} --help)",
    "error.output_is_directory": "{path}: is a directory; give a file name",
}
