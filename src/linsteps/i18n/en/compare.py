"""English messages of ``compare``: every product of two operands, side by side."""

MESSAGES: dict[str, str] = {
    "compare.title.vectors": "Every product of the vectors {a} and {b}",
    "compare.title.matrices": "Every product of the matrices {a} and {b}",
    "compare.title.matrix_vector": "Every product of the matrix {a} and the vector {b}",
    "compare.head.product": "product",
    "compare.head.rule": "rule",
    "compare.head.sizes": "sizes",
    "compare.head.result": "result",
    "compare.head.value": "value",
    "compare.kind.dot": "dot (inner) product",
    "compare.kind.hadamard": "Hadamard (element-wise)",
    "compare.kind.outer": "outer product",
    "compare.kind.matmul": "matrix product",
    "compare.kind.cos": "cosine similarity",
    "compare.how.sums": "multiply matching entries, then sum",
    "compare.how.no_sum": "multiply matching entries, no sum",
    "compare.how.every_pair": "every pair of entries, no sum",
    "compare.how.row_column": "row times column, summed",
    "compare.how.normalized": "the dot product over both norms",
    "compare.sizes.lengths_equal": "{n} = {m}",
    "compare.sizes.lengths_differ": "{n} ≠ {m}",
    "compare.sizes.shapes_equal": "{left} = {right}",
    "compare.sizes.shapes_differ": "{left} ≠ {right}",
    "compare.sizes.inner_equal": "{left} · {right} → {shape}",
    "compare.sizes.inner_differ": "{left} · {right}: {n} ≠ {k}",
    "compare.sizes.outer": "any lengths → {shape}",
    "compare.result.scalar": "scalar",
    "compare.result.vector": "vector of {n}",
    "compare.result.matrix": "{shape} matrix",
    "compare.result.undefined": "undefined",
    "compare.why": "{expr} is undefined:",
    "compare.why_separator": " ",
    "compare.differences": "What differs",
    "compare.reasons": "Why some products are undefined",
    "compare.explain_hint": "Expand a row with --explain NAME ({names}).",
    # what differs, on these numbers
    "compare.note.sum.vectors": (
        "{dot} multiplies matching entries and sums them into one number, {dot_value}; "
        "{hadamard} multiplies them and stops, with no sum: {hadamard_value}; "
        "{outer} multiplies every entry of the first vector by every entry of the second "
        "and sums nothing."
    ),
    "compare.note.sum.vectors_lengths": (
        "The lengths differ ({n} and {m}), so every product that pairs matching entries is "
        "undefined; only {outer}, which pairs every entry with every entry and sums nothing, "
        "is defined: a {shape} matrix."
    ),
    "compare.note.shape.vectors": (
        "{hadamard} keeps the shape ({n:entry|entries} in, {n} out); {dot} collapses it to a scalar "
        "and {atb} to a 1×1 matrix; {outer} grows it to a {shape} matrix."
    ),
    "compare.note.order.vectors": (
        "{ba_dot} = {dot} and {ba_hadamard} = {hadamard}: there the order does not matter; "
        "but {ba_outer} is {outer} transposed: for the outer product it does."
    ),
    "compare.note.order.vectors_outer": (
        "{ba_outer} is {outer} transposed: for the outer product the order matters."
    ),
    "compare.note.dot_is_matmul": (
        "{dot} = {dot_value} and {atb} = {atb_value}: the dot product is the matrix product "
        "of a row (1×n) and a column (n×1), a 1×1 matrix holding the same number."
    ),
    "compare.note.sum.matrices_numbers": (
        "{ab} sums: {ab_entry} = {ab_terms} = {ab_value}, a row of the left matrix times a "
        "column of the right one. {hadamard} sums nothing: {hadamard_entry} = {hadamard_terms} "
        "= {hadamard_value}, the two entries in the same position multiplied."
    ),
    "compare.note.sum.matrices": (
        "{ab} sums: each entry is a row of the left matrix times a column of the right one, "
        "added up; {hadamard} sums nothing: it multiplies the entries in the same position."
    ),
    "compare.note.shape.matrices": (
        "{hadamard} needs identical shapes and keeps that shape; {ab} needs the columns of "
        "{a} to match the rows of {b} and has the rows of {a} and the columns of {b}. "
        "Here {a} is {shape_a} and {b} is {shape_b}."
    ),
    "compare.note.order.differ": (
        "{ab} ≠ {ba} here: {ab_entry} = {ab_value} but {ba_entry} = {ba_value}. "
        "The matrix product depends on the order."
    ),
    "compare.note.order.commute": (
        "{ab} = {ba} here: these two matrices commute, which is the exception; in general "
        "the matrix product depends on the order."
    ),
    "compare.note.order.shapes": (
        "{ab} is {shape_ab} but {ba} is {shape_ba}: reversing the order changes even the shape."
    ),
    "compare.note.order.one_defined": (
        "{defined} is defined but {undefined} is not: the order decides whether the product "
        "exists at all."
    ),
    "compare.note.order.neither": (
        "Neither {ab} nor {ba} is defined: the inner sizes match in neither order."
    ),
    "compare.note.order.hadamard": (
        "{hadamard} = {ba} whenever it is defined: the Hadamard product does not depend on "
        "the order."
    ),
    "compare.note.sum.matrix_vector": (
        "{ax} sums: entry i is row i of {a} times {x}, added up; {hadamard} would multiply "
        "the entries in the same position and sum nothing."
    ),
    "compare.note.shape.matrix_vector": (
        "{hadamard} needs {x} to have the shape of {a}, {shape_a}, but {x} is a column of "
        "{n:entry|entries}; {ax} has one entry per row of {a}."
    ),
    "compare.note.shape.matrix_vector_same": (
        "{hadamard} is defined only because {a} is a single column of {n:entry|entries}, the shape "
        "of {x}; {ax} has one entry per row of {a}."
    ),
    "compare.note.order.matrix_vector": (
        "{ax} takes {x} as a column on the right, {xta} as a row on the left: two different "
        "products, each defined only when its inner sizes match."
    ),
    "error.compare_no_row": "--explain {name}: no such product here; choose one of {choices}",
}
