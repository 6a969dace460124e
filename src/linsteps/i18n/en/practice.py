"""English messages of practice with the general forms: worksheet questions on outer products,
projections, linear layers and attention, and checking their answers and shape questions."""

MESSAGES: dict[str, str] = {
    "worksheet.ask.outer": "Compute the outer product {expr} (a matrix, not a cross product).",
    "worksheet.ask.project": "Compute the projection {expr}.",
    "worksheet.ask.linear": "Compute the output {expr} of the linear layer.",
    "worksheet.ask.attention": "Compute the scaled dot-product attention {expr} exactly, with powers of e.",
    # checking answers to the general forms
    "check.scalar": "scalar",
    "diagnosis.missing_conjugate": "this is Σ {a}ᵢ{b}ᵢ without the conjugate; the complex inner product conjugates the second argument: ⟨{a}, {b}⟩ = Σ {a}ᵢ·conj({b}ᵢ).",
    "diagnosis.missing_conjugate.first": "this conjugates {a}, the first argument; here ⟨{a}, {b}⟩ = Σ {a}ᵢ·conj({b}ᵢ) conjugates the second, and your value is the conjugate of the result.",
    "diagnosis.forgot_to_sum.complex": "these are the products {a}ᵢ·conj({b}ᵢ); the inner product then adds them up into one scalar.",
    "diagnosis.missing_bias.batch": "this is {x}{w}ᵀ without the bias: a linear layer adds {b} to every row, {x}{w}ᵀ + {b}.",
    "diagnosis.orthogonal_component": "this is {a} − proj_{b} {a}, the part of {a} orthogonal to {b}; the projection is the part along {b}: ({a}·{b} / {b}·{b}) {b}.",
    "diagnosis.reversed_order.project": "this is proj_{a} {b}, the projection of {b} onto {a}; proj_{b} {a} projects {a} onto {b}: ({a}·{b} / {b}·{b}) {b}.",
    "diagnosis.outer_instead_of_inner.inner": "this is the inner product {a}·{b}, a scalar; the outer product {a}{b}ᵀ is the matrix of all the products {a}ᵢ{b}ⱼ.",
    "diagnosis.transposed.unchanged": "this is {a} as given; the transpose turns row i of {a} into column i of {a}ᵀ.",
    "diagnosis.transposed.batch": "this is {form} + {b}, with the weight as given; a batch {x} (one sample per row) is multiplied by the transposed weight: {x}{w}ᵀ + {b}.",
    # shape questions
    "diagnosis.wrong_shape.missing": "{expression}: no answer; give its shape, “scalar” or “undefined”.",
    "diagnosis.wrong_shape.part": "{expression} is {expected}, not {answer}.",
    "diagnosis.wrong_shape.part_scalar": "{expression} is a scalar, not {answer}.",
    "diagnosis.wrong_shape.part_not_scalar": "{expression} is {expected}, not a scalar.",
    "diagnosis.wrong_shape.part_swapped": "{expression} is {expected}, not {answer}: the rows come from the left factor and the columns from the right.",
    "diagnosis.not_defined.part_value": "{expression} is undefined: {reason}.",
    "diagnosis.not_defined.part_defined": "{expression} is defined: it is {shape}.",
    "diagnosis.not_defined.part_defined_scalar": "{expression} is defined: it is a scalar.",
    "error.shape_answer_empty": "answer: the answer is empty; write each part with its shape, as in {example}",
    "error.shape_answer_part": "answer: {text!r} at column {column} is not a part such as AB: 2x3; write NAME: SHAPE, separated by commas",
    "error.shape_answer_name": "answer: {name!r} at column {column} is not asked; the parts are {choices}",
    "error.shape_answer_value": "answer: {value!r} for {name} at column {column} is not a shape; write 2x3, scalar or undefined",
    "error.shape_answer_twice": "answer: {name} is answered twice (column {column})",
}
