"""通用形式的练习：外积、投影、全连接层和注意力的习题，以及答案与形状题的检查。"""

MESSAGES: dict[str, str] = {
    "worksheet.ask.outer": "计算外积 {expr}（结果是矩阵，不是叉积）。",
    "worksheet.ask.project": "计算投影 {expr}。",
    "worksheet.ask.linear": "计算全连接层的输出 {expr}。",
    "worksheet.ask.attention": "精确计算缩放点积注意力 {expr}，用 e 的幂表示。",
    # 检查通用形式的答案
    "check.scalar": "标量",
    "diagnosis.missing_conjugate": "这是没有取共轭的 Σ {a}ᵢ{b}ᵢ；复内积对第二个参数取共轭：⟨{a}, {b}⟩ = Σ {a}ᵢ·conj({b}ᵢ)。",
    "diagnosis.missing_conjugate.first": "这里对第一个参数 {a} 取了共轭；此处 ⟨{a}, {b}⟩ = Σ {a}ᵢ·conj({b}ᵢ) 对第二个参数取共轭，你的值是结果的共轭。",
    "diagnosis.forgot_to_sum.complex": "这些是各乘积 {a}ᵢ·conj({b}ᵢ)；内积还要把它们相加，得到一个标量。",
    "diagnosis.missing_bias.batch": "这是没有加偏置的 {x}{w}ᵀ：全连接层要把 {b} 加到每一行上，{x}{w}ᵀ + {b}。",
    "diagnosis.orthogonal_component": "这是 {a} − proj_{b} {a}，即 {a} 与 {b} 正交的分量；投影是沿 {b} 方向的分量：({a}·{b} / {b}·{b}) {b}。",
    "diagnosis.reversed_order.project": "这是 proj_{a} {b}，即 {b} 在 {a} 上的投影；proj_{b} {a} 是把 {a} 投影到 {b} 上：({a}·{b} / {b}·{b}) {b}。",
    "diagnosis.outer_instead_of_inner.inner": "这是内积 {a}·{b}，一个标量；外积 {a}{b}ᵀ 是由所有乘积 {a}ᵢ{b}ⱼ 组成的矩阵（不是叉积）。",
    "diagnosis.transposed.unchanged": "这是原来的 {a}；转置把 {a} 的第 i 行变成 {a}ᵀ 的第 i 列。",
    "diagnosis.transposed.batch": "这是 {form} + {b}，权重没有转置；一批样本 {x}（每行一个样本）要乘以转置后的权重：{x}{w}ᵀ + {b}。",
    # 形状题
    "diagnosis.wrong_shape.missing": "{expression}：没有作答；请写出它的形状、“标量”或“未定义”。",
    "diagnosis.wrong_shape.part": "{expression} 的形状是 {expected}，不是 {answer}。",
    "diagnosis.wrong_shape.part_scalar": "{expression} 是标量，不是 {answer}。",
    "diagnosis.wrong_shape.part_not_scalar": "{expression} 的形状是 {expected}，不是标量。",
    "diagnosis.wrong_shape.part_swapped": "{expression} 的形状是 {expected}，不是 {answer}：行数来自左边的因子，列数来自右边的因子。",
    "diagnosis.not_defined.part_value": "{expression} 未定义：{reason}。",
    "diagnosis.not_defined.part_defined": "{expression} 有定义：形状是 {shape}。",
    "diagnosis.not_defined.part_defined_scalar": "{expression} 有定义：它是标量。",
    "error.shape_answer_empty": "答案：答案为空；请写出每一部分及其形状，例如 {example}",
    "error.shape_answer_part": "答案：第 {column} 列的 {text!r} 不是形如 AB: 2x3 的一项；请写成 名称: 形状，用逗号分隔",
    "error.shape_answer_name": "答案：第 {column} 列的 {name!r} 不在题目中；题目问的是 {choices}",
    "error.shape_answer_value": "答案：第 {column} 列 {name} 的 {value!r} 不是形状；请写 2x3、标量或未定义",
    "error.shape_answer_twice": "答案：{name} 回答了两次（第 {column} 列）",
}
