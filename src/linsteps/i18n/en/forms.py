"""English messages for the general forms and the ML uses: outer, transpose, projection,
the complex inner product, cosine-similarity matrices, the linear layer and attention."""

MESSAGES: dict[str, str] = {
    # outer product and transpose
    "title.outer": "Outer product {expr}",
    "condition.outer_shapes": (
        "{a} is a column ({column}) and {bt} a row ({row}): {column} · {row} → {shape}; "
        "any two lengths work"
    ),
    "note.outer_vs_inner": (
        "The outer product {outer} (column times row) keeps every product {entry}, an entry of "
        "{a} times an entry of {b}, in a matrix; "
        "the inner product {inner} (row times column) sums the matching products to one scalar "
        "and needs equal lengths."
    ),
    "result.outer": "{lhs} is {shape}: every entry of the column times every entry of the row, nothing summed.",
    "title.transpose": "Transpose {expr}",
    "condition.transpose_shape": (
        "every matrix has a transpose: {a} is {shape}, so {at} is {shape_t}; "
        "row i of {a} becomes column i of {at}"
    ),
    "note.vector_is_column": "{a} is a vector, read as a column ({shape}); its transpose is a row.",
    "role.transpose": "rows→columns",
    "result.transpose": "{lhs} is {shape}: the rows of {a} written as columns.",
    # projection
    "title.project": "Projection {expr} of {a} on {b}",
    "condition.nonzero_onto": "{b} is not the zero vector, so {bb} > 0 and the division is defined",
    "condition.nonzero_dot_onto": "{bb} = {value} ≠ 0, so the division is defined",
    "condition.assumed_nonzero_onto": (
        "assuming {condition} ≠ 0: then {b} is not the zero vector, so {bb} ≠ 0 and the "
        "division is defined"
    ),
    "role.subtract": "subtract",
    "note.projection_orthogonal": (
        "The remainder {rest} has dot product 0 with {b}: it is orthogonal to {b}, "
        "so {a} splits into a part along {b} and a part perpendicular to it."
    ),
    "result.project": (
        "{lhs} = {value}: the part of {a} along {b}; the part orthogonal to {b} is {rest}."
    ),
    "error.zero_projection": (
        "cannot project on the zero vector: {b}·{b} = 0, so ({a}·{b} / {b}·{b}) would divide "
        "by zero"
    ),
    "error.zero_square_onto": (
        "cannot project on {b}: {b}·{b} = 0, so ({a}·{b} / {b}·{b}) would divide by zero"
    ),
    # the complex inner product
    "title.inner": "Inner product with conjugation {expr}",
    "role.conjugate": "conjugate",
    "note.conjugate_second": (
        "For complex vectors the inner product conjugates one argument; here it is the second, "
        "{b} (the mathematicians' convention; physics and numpy.vdot conjugate the first). "
        "Then {aa} = {sum} is real and never negative, as a squared length must be."
    ),
    "note.inner_real": (
        "Every entry of {b} is real, so {conj} = {entry} and {inner} is the plain dot product {dot}."
    ),
    "note.inner_differs": (
        "Without the conjugate, the plain dot product {a}·{b} gives a different value: "
        "for complex vectors the two differ."
    ),
    "note.inner_same": (
        "Here the plain dot product {a}·{b} happens to give the same value, but for complex "
        "vectors the two differ in general."
    ),
    "result.inner": "{lhs} = {value}: matching entries multiplied, the second conjugated, then summed.",
    # cosine-similarity matrix
    "title.pairwise": "Cosine-similarity matrix {expr} of the rows of {a}",
    "condition.pairwise_rows": (
        "{k:vector|vectors} (the rows of {a}) with {n:entry|entries} each, none of them zero"
    ),
    "condition.pairwise_rows_shape": "{k:vector|vectors} (the rows of {a}) with {n:entry|entries} each",
    "note.pairwise_symmetric": (
        "S is symmetric ({sij} = {sji}) and its diagonal is 1, since each vector has cos θ = 1 with "
        "itself: this is how embeddings are compared, entry (i, j) saying how alike rows i and j are."
    ),
    "result.pairwise": "{lhs} is {k}×{k}: entry (i, j) is the cosine similarity of rows i and j of {a}.",
    "error.pairwise_needs_list": (
        "a cosine-similarity matrix compares the rows of a list of vectors, but {operand} is "
        "one vector; give a list such as [[1, 0], [1, 1], [0, 1]]"
    ),
    "error.zero_row": (
        "row {row} of {operand} is the zero vector, so its cosine similarity is undefined"
    ),
    "error.zero_row_norm": (
        "row {row} of {operand} has a norm √(x·x) of 0, so its cosine similarity is undefined"
    ),
    "error.cos_operands": "the cosine needs two vectors, or one list of vectors with --pairwise",
    # the linear layer
    "title.linear": "Linear (fully connected) layer y = {expr}",
    "title.linear_batch": "Linear (fully connected) layer on a batch, Y = {expr}",
    "condition.linear_shapes": (
        "W is out_features×in_features = {shape}: it takes {in_features} inputs and gives "
        "{out_features} outputs, one per row of W"
    ),
    "condition.linear_bias": "b has out_features = {out_features:entry|entries}, one per output",
    "condition.linear_batch_shapes": (
        "X holds {n} samples, one per row, each with in_features = {in_features:entry|entries}: "
        "{n}×{in_features} · {in_features}×{out_features} → {result}"
    ),
    "note.linear_transpose": (
        "Why Wᵀ: like PyTorch's nn.Linear, W is stored as out_features×in_features (one row per "
        "output), while X has one sample per row; XWᵀ multiplies each sample row by each row of W, "
        "so row s of the result is W times sample s, the same numbers as Wx."
    ),
    "note.bias_broadcast": "b is added to every row of XWᵀ (broadcasting): each sample gets the same bias.",
    "result.linear": "{lhs} = {value}: {out_features} outputs, each a row of W times x, plus its bias.",
    "result.linear_batch": (
        "{lhs} is {n}×{out_features}: row s holds the {out_features} outputs of sample s."
    ),
    "error.linear_in_features": (
        "W is {shape}, so in_features = {in_features}, but x has {got:entry|entries}"
    ),
    "error.linear_batch_in_features": (
        "W is {shape}, so in_features = {in_features}, but each row of X has {got:entry|entries}"
    ),
    "error.linear_out_features": (
        "W is {shape}, so out_features = {out_features}, but b has {got:entry|entries}"
    ),
    # attention
    "title.attention": "Dot-product attention {expr}",
    "condition.attention_shapes": (
        "Q is {shape_q} and K is {shape_k}: both rows have width {dk} = {d}, so every query row "
        "can be dotted with every key row, giving {shape} scores"
    ),
    "condition.attention_values_shape": (
        "V is {shape_v}: one row per key ({m} keys), so the {m} weights of a query mix the rows of V "
        "into one output row; the output is {shape}"
    ),
    "role.given": "given",
    "role.row_row": "query·key",
    "role.entries": "entries",
    "role.divide": "divide",
    "role.mask": "mask",
    "note.why_scale": (
        "Why divide by {root_dk} = {root_d}: a dot product of {dk:entry|entries} grows with {dk} (its "
        "variance is {dk} for unit-variance entries), and large scores push softmax towards a "
        "single 1 with vanishing gradients; dividing by {root_dk} keeps the scores on a steady scale."
    ),
    "note.why_scale_square": (
        "Why divide by {root_dk} = {root_d} = {root}: a dot product of {dk:entry|entries} grows with {dk} (its "
        "variance is {dk} for unit-variance entries), and large scores push softmax towards a "
        "single 1 with vanishing gradients; dividing by {root_dk} keeps the scores on a steady scale."
    ),
    "note.causal_mask": (
        "Causal mask: query i may only look at keys j ≤ i, so every score above the diagonal "
        "becomes {masked} and its weight {weight} = {zero}."
    ),
    "note.rows_sum_to_one": (
        "Softmax makes every weight positive (a masked one 0) and every row sum to exactly 1: "
        "each query distributes its attention over the keys."
    ),
    "note.rows_sum_to_one_complex": (
        "Softmax makes every row sum to exactly 1; the weights are proportions of the "
        "attention only when the scores are real numbers."
    ),
    "condition.assumed_softmax_row": (
        "assuming {condition} ≠ 0: then the denominator {sum} of row {row} is not 0, so the "
        "softmax of that row is defined"
    ),
    "error.softmax_zero": (
        "the softmax of row {row} is undefined: the sum of its exponentials, its denominator, is 0"
    ),
    "result.attention": "{lhs} is {shape}: row i is the weighted mix of the rows of V that query i attends to.",
    "result.attention_weights": "{lhs} is {shape}: the attention weights, each row summing to 1.",
    "error.attention_widths": "Q and K need the same width d_k: Q is {n}×{d}, K is {m}×{k}",
    "error.attention_values": "V needs one row per key: K has {m:row|rows}, V is {rows}×{cols}",
    # pictures
    "picture.alt": "θ between {a} and {b}",
    "picture.alt_project": "the projection of {a} on {b}, and θ between {a} and {b}",
    "error.plot_operation": "--plot: {operation} has no picture; use it with cos, angle, dot or project",
    "error.plot_dims": "--plot: only 2-D and 3-D vectors can be drawn, these have {n:entry|entries}",
    "error.plot_too_large": "--plot: {operand} has entries too large to draw",
    "error.plot_not_numeric": "--plot: {operand} has symbolic entries; only numbers can be drawn",
    "error.plot_suffix": "--plot {path}: the file name must end in .svg or .png",
    "error.plot_needs_matplotlib": (
        "--plot needs matplotlib: install it with pip install 'linsteps[plot]'"
    ),
    # general forms
    "note.general_form": (
        "This is the general form for any length {n}: Σ adds the terms for every index from 1 "
        "to {n}, and ⋯ stands for the terms between the second and the last."
    ),
    "condition.assumed_nonzero_vectors": (
        "assuming neither {a} nor {b} is the zero vector, so the division is defined"
    ),
    "error.matmul_sizes": (
        "the matrix product needs columns of {a} = rows of {b}: {a} is {m}×{n}, "
        "{b} is {k}×{p}, and {n} and {k} are not the same size (use the same letter when they are)"
    ),
    "error.bad_size": "{option} {text}: a size is a whole number from 1 to {most} or a name such as n",
    "error.same_name": (
        "{name} stands for two different operands ({shape_a} and {shape_b}); "
        "give them different names"
    ),
    "error.symbolic_needs_name": (
        "operand {operand}: a symbolic size needs a bare name such as a or A, not written entries"
    ),
}
