"""``compare`` 的中文消息：同一对操作数的所有乘积，并排比较。"""

MESSAGES: dict[str, str] = {
    "compare.title.vectors": "向量 {a} 与 {b} 的所有乘积",
    "compare.title.matrices": "矩阵 {a} 与 {b} 的所有乘积",
    "compare.title.matrix_vector": "矩阵 {a} 与向量 {b} 的所有乘积",
    "compare.head.product": "乘积",
    "compare.head.rule": "规则",
    "compare.head.sizes": "尺寸",
    "compare.head.result": "结果",
    "compare.head.value": "值",
    "compare.kind.dot": "点积（内积）",
    "compare.kind.hadamard": "哈达玛积（逐元素乘法）",
    "compare.kind.outer": "外积（不是叉积）",
    "compare.kind.matmul": "矩阵乘法",
    "compare.kind.cos": "余弦相似度",
    "compare.how.sums": "对应分量相乘，再求和",
    "compare.how.no_sum": "对应元素相乘，不求和",
    "compare.how.every_pair": "每一对分量相乘，不求和",
    "compare.how.row_column": "行乘列，求和",
    "compare.how.normalized": "点积除以两个范数",
    "compare.sizes.lengths_equal": "{n} = {m}",
    "compare.sizes.lengths_differ": "{n} ≠ {m}",
    "compare.sizes.shapes_equal": "{left} = {right}",
    "compare.sizes.shapes_differ": "{left} ≠ {right}",
    "compare.sizes.inner_equal": "{left} · {right} → {shape}",
    "compare.sizes.inner_differ": "{left} · {right}：{n} ≠ {k}",
    "compare.sizes.outer": "任意长度 → {shape}",
    "compare.result.scalar": "标量",
    "compare.result.vector": "{n} 维向量",
    "compare.result.matrix": "{shape} 矩阵",
    "compare.result.undefined": "未定义",
    "compare.why": "{expr} 未定义：",
    "compare.why_separator": "",
    "compare.differences": "区别在哪里",
    "compare.reasons": "为什么有些乘积未定义",
    "compare.explain_hint": "用 --explain 名称 展开一行（{names}）。",
    "compare.note.sum.vectors": (
        "{dot} 把对应分量相乘后再求和，得到一个数 {dot_value}；"
        "{hadamard} 只相乘、不求和：{hadamard_value}；"
        "{outer} 把第一个向量的每个分量乘以第二个向量的每个分量，什么也不加。"
    ),
    "compare.note.sum.vectors_lengths": (
        "两个向量长度不同（{n} 和 {m}），所以凡是把对应分量配对的乘积都未定义；"
        "只有 {outer} 有定义：它让每个分量与每个分量相乘、不求和，得到 {shape} 矩阵。"
    ),
    "compare.note.shape.vectors": (
        "{hadamard} 保持形状（输入 {n} 个分量，输出 {n} 个）；{dot} 把它压缩成一个标量，"
        "{atb} 压缩成 1×1 矩阵；{outer} 把它扩展成 {shape} 矩阵。"
    ),
    "compare.note.order.vectors": (
        "{ba_dot} = {dot}，{ba_hadamard} = {hadamard}：这里顺序无关；"
        "但 {ba_outer} 是 {outer} 的转置：外积与顺序有关。"
    ),
    "compare.note.order.vectors_outer": "{ba_outer} 是 {outer} 的转置：外积与顺序有关。",
    "compare.note.dot_is_matmul": (
        "{dot} = {dot_value}，{atb} = {atb_value}：点积就是一个行向量（1×n）与一个列向量（n×1）"
        "的矩阵乘积，即装着同一个数的 1×1 矩阵。"
    ),
    "compare.note.sum.matrices_numbers": (
        "{ab} 要求和：{ab_entry} = {ab_terms} = {ab_value}，左矩阵的一行乘右矩阵的一列。"
        "{hadamard} 不求和：{hadamard_entry} = {hadamard_terms} = {hadamard_value}，"
        "只是同一位置的两个元素相乘。"
    ),
    "compare.note.sum.matrices": (
        "{ab} 要求和：每个元素是左矩阵的一行乘右矩阵的一列再相加；"
        "{hadamard} 不求和：只把同一位置的元素相乘。"
    ),
    "compare.note.shape.matrices": (
        "{hadamard} 要求形状完全相同，结果保持这个形状；{ab} 要求 {a} 的列数等于 {b} 的行数，"
        "结果的行数取自 {a}、列数取自 {b}。这里 {a} 是 {shape_a}，{b} 是 {shape_b}。"
    ),
    "compare.note.order.differ": (
        "这里 {ab} ≠ {ba}：{ab_entry} = {ab_value}，而 {ba_entry} = {ba_value}。"
        "矩阵乘法与顺序有关。"
    ),
    "compare.note.order.commute": (
        "这里 {ab} = {ba}：这两个矩阵可交换，这是例外；一般来说矩阵乘法与顺序有关。"
    ),
    "compare.note.order.shapes": (
        "{ab} 是 {shape_ab}，而 {ba} 是 {shape_ba}：交换顺序连形状都变了。"
    ),
    "compare.note.order.one_defined": (
        "{defined} 有定义，而 {undefined} 没有：顺序决定了乘积是否存在。"
    ),
    "compare.note.order.neither": "{ab} 和 {ba} 都未定义：两种顺序下内侧尺寸都不相等。",
    "compare.note.order.hadamard": ("只要有定义，{hadamard} = {ba}：哈达玛积与顺序无关。"),
    "compare.note.sum.matrix_vector": (
        "{ax} 要求和：第 i 个分量是 {a} 的第 i 行乘 {x} 再相加；"
        "{hadamard} 则只把同一位置的元素相乘，不求和。"
    ),
    "compare.note.shape.matrix_vector": (
        "{hadamard} 要求 {x} 与 {a} 形状相同（{shape_a}），但 {x} 是 {n} 个分量的列向量；"
        "{ax} 的每个分量对应 {a} 的一行。"
    ),
    "compare.note.shape.matrix_vector_same": (
        "{hadamard} 之所以有定义，只是因为 {a} 恰好是 {n} 个元素的单列，与 {x} 形状相同；"
        "{ax} 的每个分量对应 {a} 的一行。"
    ),
    "compare.note.order.matrix_vector": (
        "{ax} 把 {x} 当作右边的列向量，{xta} 把它当作左边的行向量：这是两个不同的乘积，"
        "各自只在内侧尺寸相等时才有定义。"
    ),
    "error.compare_no_row": "--explain {name}：这里没有这个乘积；可选：{choices}",
}
