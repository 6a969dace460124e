"""中文消息：一般形式与机器学习中的用法：外积、转置、投影、复内积、余弦相似度矩阵、全连接层、注意力。"""

MESSAGES: dict[str, str] = {
    "title.outer": "外积 {expr}",
    "condition.outer_shapes": (
        "{a} 是列向量（{column}），{bt} 是行向量（{row}）：{column} · {row} → {shape}；任意两个长度都可以"
    ),
    "note.outer_vs_inner": (
        "外积 {outer}（列乘行）把每个乘积 {entry} 都保留在矩阵中；内积 {inner}（行乘列）把对应分量的乘积求和，"
        "得到一个标量，并要求长度相同。注意：这里的外积不是叉积（向量积）{a}×{b}。"
    ),
    "result.outer": "{lhs} 是 {shape} 矩阵：列的每个分量乘行的每个分量，不求和。",
    "title.transpose": "转置 {expr}",
    "condition.transpose_shape": (
        "任何矩阵都可以转置：{a} 是 {shape}，所以 {at} 是 {shape_t}；{a} 的第 i 行成为 {at} 的第 i 列"
    ),
    "note.vector_is_column": "{a} 是向量，按列向量（{shape}）理解；它的转置是行向量。",
    "role.transpose": "行变列",
    "result.transpose": "{lhs} 是 {shape} 矩阵：把 {a} 的行写成列。",
    "title.project": "{a} 在 {b} 上的投影 {expr}",
    "condition.nonzero_onto": "{b} 不是零向量，所以 {bb} > 0，除法有定义",
    "condition.nonzero_dot_onto": "{bb} = {value} ≠ 0，所以除法有定义",
    "condition.assumed_nonzero_onto": "假设 {condition} ≠ 0：则 {b} 不是零向量，所以 {bb} ≠ 0，除法有定义",
    "role.subtract": "相减",
    "note.projection_orthogonal": (
        "余量 {rest} 与 {b} 的点积为 0：它与 {b} 正交，"
        "所以 {a} 分解为沿 {b} 的部分和垂直于 {b} 的部分。"
    ),
    "result.project": "{lhs} = {value}：{a} 沿 {b} 的部分；与 {b} 正交的部分是 {rest}。",
    "error.zero_projection": "不能投影到零向量上：{b}·{b} = 0，({a}·{b} / {b}·{b}) 会除以零",
    "error.zero_square_onto": "不能投影到 {b} 上：{b}·{b} = 0，({a}·{b} / {b}·{b}) 会除以零",
    "title.inner": "带共轭的内积 {expr}",
    "role.conjugate": "取共轭",
    "note.conjugate_second": (
        "复向量的内积要对一个参数取共轭；这里取共轭的是第二个参数 {b}（数学中的约定；物理学和 numpy.vdot "
        "对第一个取共轭）。这样 {aa} = {sum} 是非负实数，正如长度的平方应有的那样。"
    ),
    "note.inner_real": "{b} 的每个分量都是实数，所以 {conj} = {entry}，{inner} 就是普通点积 {dot}。",
    "note.inner_differs": "不取共轭的普通点积 {a}·{b} 得到不同的值：对复向量两者不同。",
    "note.inner_same": "这里不取共轭的普通点积 {a}·{b} 恰好得到相同的值，但对复向量两者一般不同。",
    "result.inner": "{lhs} = {value}：对应分量相乘（第二个取共轭）后再求和。",
    "title.pairwise": "{a} 各行的余弦相似度矩阵 {expr}",
    "condition.pairwise_rows": "{k} 个向量（{a} 的各行），每个有 {n} 个分量，都不是零向量",
    "condition.pairwise_rows_shape": "{k} 个向量（{a} 的各行），每个有 {n} 个分量",
    "note.pairwise_symmetric": (
        "S 是对称矩阵（{sij} = {sji}），对角线都是 1，因为每个向量与自身的 cos θ = 1："
        "比较嵌入向量正是这样做的，元素 (i, j) 表示第 i 行与第 j 行有多相似。"
    ),
    "result.pairwise": "{lhs} 是 {k}×{k} 矩阵：元素 (i, j) 是 {a} 第 i 行与第 j 行的余弦相似度。",
    "error.pairwise_needs_list": (
        "余弦相似度矩阵比较一个向量列表的各行，但 {operand} 只是一个向量；请给出列表，例如 [[1, 0], [1, 1], [0, 1]]"
    ),
    "error.zero_row": "{operand} 的第 {row} 行是零向量，余弦相似度未定义",
    "error.zero_row_norm": "{operand} 的第 {row} 行的范数 √(x·x) 为 0，余弦相似度未定义",
    "error.cos_operands": "余弦需要两个向量，或用 --pairwise 给出一个向量列表",
    "title.linear": "全连接层 y = {expr}",
    "title.linear_batch": "批量输入的全连接层 Y = {expr}",
    "condition.linear_shapes": (
        "W 是 out_features×in_features = {shape}：接受 {in_features} 个输入，给出 {out_features} 个输出，"
        "每个输出对应 W 的一行"
    ),
    "condition.linear_bias": "偏置 b 有 out_features = {out_features} 个分量，每个输出一个",
    "condition.linear_batch_shapes": (
        "X 有 {n} 个样本，每行一个，每个有 in_features = {in_features} 个分量："
        "{n}×{in_features} · {in_features}×{out_features} → {result}"
    ),
    "note.linear_transpose": (
        "为什么是 Wᵀ：与 PyTorch 的 nn.Linear 一样，权重 W 按 out_features×in_features 存储（每个输出一行），"
        "而 X 每行是一个样本；XWᵀ 让每个样本行与 W 的每一行相乘，所以结果的第 s 行就是 W 乘第 s 个样本，与 Wx 的数相同。"
    ),
    "note.bias_broadcast": "偏置 b 加到 XWᵀ 的每一行（广播）：每个样本加同一个偏置。",
    "result.linear": "{lhs} = {value}：{out_features} 个输出，每个是 W 的一行乘 x，再加上偏置。",
    "result.linear_batch": "{lhs} 是 {n}×{out_features} 矩阵：第 s 行是第 s 个样本的 {out_features} 个输出。",
    "error.linear_in_features": "W 是 {shape}，所以 in_features = {in_features}，但 x 有 {got} 个分量",
    "error.linear_batch_in_features": (
        "W 是 {shape}，所以 in_features = {in_features}，但 X 的每行有 {got} 个分量"
    ),
    "error.linear_out_features": (
        "W 是 {shape}，所以 out_features = {out_features}，但 b 有 {got} 个分量"
    ),
    "title.attention": "点积注意力 {expr}",
    "condition.attention_shapes": (
        "Q 是 {shape_q}，K 是 {shape_k}：两者每行宽度都是 {dk} = {d}，所以每个查询行都能与每个键行做点积，"
        "得到 {shape} 的分数"
    ),
    "condition.attention_values_shape": (
        "V 是 {shape_v}：每个键一行（共 {m} 个键），所以一个查询的 {m} 个权重把 V 的各行混合成一行输出；"
        "输出是 {shape}"
    ),
    "role.given": "已知",
    "role.row_row": "查询·键",
    "role.entries": "逐个元素",
    "role.divide": "相除",
    "role.mask": "掩码",
    "note.why_scale": (
        "为什么除以 {root_dk} = {root_d}：{dk} 个分量的点积随 {dk} 增大（分量方差为 1 时点积方差为 {dk}），"
        "分数过大会使 softmax 接近只有一个 1、梯度消失；除以 {root_dk} 使分数保持稳定的尺度（缩放）。"
    ),
    "note.why_scale_square": (
        "为什么除以 {root_dk} = {root_d} = {root}：{dk} 个分量的点积随 {dk} 增大（分量方差为 1 时点积方差为 {dk}），"
        "分数过大会使 softmax 接近只有一个 1、梯度消失；除以 {root_dk} 使分数保持稳定的尺度（缩放）。"
    ),
    "note.causal_mask": (
        "因果掩码：查询 i 只能看键 j ≤ i，所以对角线以上的分数都变为 {masked}，其权重 {weight} = {zero}。"
    ),
    "note.rows_sum_to_one": "softmax 使每个权重为正（被掩码的为 0），且每行之和恰好为 1：每个查询把注意力分配到各个键上。",
    "note.rows_sum_to_one_complex": "softmax 使每行之和恰好为 1；只有分数是实数时，权重才是注意力的比例。",
    "condition.assumed_softmax_row": "假设 {condition} ≠ 0：则第 {row} 行的分母 {sum} 不为 0，所以这一行的 softmax 有定义",
    "error.softmax_zero": "第 {row} 行的 softmax 未定义：它的分母，即各指数之和，等于 0",
    "result.attention": "{lhs} 是 {shape} 矩阵：第 i 行是查询 i 所关注的 V 各行的加权组合。",
    "result.attention_weights": "{lhs} 是 {shape} 矩阵：注意力权重，每行之和为 1。",
    "error.attention_widths": "Q 和 K 的宽度 d_k 必须相同：Q 是 {n}×{d}，K 是 {m}×{k}",
    "error.attention_values": "V 必须每个键一行：K 有 {m} 行，V 是 {rows}×{cols}",
    "picture.alt": "{a} 与 {b} 的夹角 θ",
    "picture.alt_project": "{a} 在 {b} 上的投影，以及 {a} 与 {b} 的夹角 θ",
    "error.plot_operation": "--plot：{operation} 没有图；请与 cos、angle、dot 或 project 一起使用",
    "error.plot_dims": "--plot：只能画二维和三维向量，这些向量有 {n} 个分量",
    "error.plot_too_large": "--plot：{operand} 的分量太大，无法画出",
    "error.plot_not_numeric": "--plot：{operand} 含有符号分量；只能画数值向量",
    "error.plot_suffix": "--plot {path}：文件名必须以 .svg 或 .png 结尾",
    "error.plot_needs_matplotlib": "--plot 需要 matplotlib：请用 pip install 'linsteps[plot]' 安装",
    "note.general_form": "这是对任意长度 {n} 都成立的一般形式：Σ 把下标从 1 到 {n} 的各项相加，⋯ 代表第二项与最后一项之间的各项。",
    "condition.assumed_nonzero_vectors": "假设 {a} 和 {b} 都不是零向量，于是除法有定义",
    "error.matmul_sizes": (
        "矩阵乘法要求 {a} 的列数 = {b} 的行数：{a} 是 {m}×{n}，{b} 是 {k}×{p}，"
        "而 {n} 与 {k} 不是同一个大小（若相等请用同一个字母）"
    ),
    "error.bad_size": "{option} {text}：大小应是 1 到 {most} 之间的整数，或名字，例如 n",
    "error.same_name": "{name} 表示两个不同的操作数（{shape_a} 和 {shape_b}）；请给它们不同的名字",
    "error.symbolic_needs_name": "操作数 {operand}：符号大小需要一个单独的名字，例如 a 或 A，而不是写出的元素",
}
