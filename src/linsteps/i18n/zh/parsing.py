"""输入解析与输入限制的中文消息：每条一行，说明是什么、在哪里、为什么。"""

MESSAGES: dict[str, str] = {
    "error.empty": "操作数 {operand}：输入为空；请输入一个数、向量或矩阵",
    "error.too_long": "操作数 {operand}：输入有 {length} 个字符，超过上限 {limit}",
    "error.control_char": "操作数 {operand}：第 {column} 列有不允许的控制字符 {code}",
    "error.unmatched_close": "操作数 {operand}：第 {column} 列的 {char!r} 没有对应的左括号",
    "error.mismatched_bracket": (
        "操作数 {operand}：第 {column} 列的 {close!r} 与第 {open_column} 列的 {open!r} 不匹配"
    ),
    "error.unclosed": "操作数 {operand}：第 {column} 列的 {char!r} 没有闭合",
    "error.too_deep": "操作数 {operand}：第 {column} 列处括号嵌套过深；上限为 {limit} 层",
    "error.unexpected_char": "操作数 {operand}：第 {column} 列有意外的字符 {char!r}",
    "error.fullwidth_char": (
        "操作数 {operand}：第 {column} 列是全角字符 {char!r}；请改用半角（ASCII）的 {ascii!r}"
    ),
    "error.forbidden_name": "操作数 {operand}：第 {column} 列的名称 {name!r} 不允许使用",
    "error.not_finite": "操作数 {operand}：第 {column} 列的 {name!r} 不是有限数",
    "error.abs_bars": "操作数 {operand}：第 {column} 列的 {char!r}：不支持绝对值竖线，请写 abs(x)",
    "error.factorial": "操作数 {operand}：第 {column} 列的 {char!r}：不支持阶乘",
    "error.braces": (
        "操作数 {operand}：第 {column} 列的 {char!r}：不支持花括号和集合，向量请用 [ ]"
    ),
    "error.comparison": (
        "操作数 {operand}：第 {column} 列的 {char!r}：不支持等式和比较，请给出一个值"
    ),
    "error.unexpected_end": "操作数 {operand}：输入在第 {column} 列之后过早结束；缺少内容",
    "error.unexpected_space": ("操作数 {operand}：第 {column} 列有意外的空格；括号内相乘请写 *"),
    "error.unexpected_line_break": "操作数 {operand}：第 {column} 列有意外的换行",
    "error.empty_brackets": "操作数 {operand}：第 {column} 列的 {brackets} 为空；至少写一个元素",
    "error.missing_operator": (
        "操作数 {operand}：第 {column} 列的 {token!r} 前缺少运算符；相乘请写 *"
    ),
    "error.unexpected_token": "操作数 {operand}：第 {column} 列有意外的 {token!r}",
    "error.too_many_entries": "操作数 {operand}：元素超过 {limit} 个",
    "error.expression_too_deep": ("操作数 {operand}：第 {column} 列的表达式嵌套超过 {limit} 层"),
    "error.too_many_digits": (
        "操作数 {operand}：第 {column} 列的数有 {digits} 位数字；上限为 {limit}"
    ),
    "error.sci_exponent_too_large": (
        "操作数 {operand}：第 {column} 列的数的指数 {exponent} 超出上限 ±{limit}"
    ),
    "error.function_needs_parens": (
        "操作数 {operand}：第 {column} 列的函数 {name!r} 的参数须放在括号中，如 {name}(x)"
    ),
    "error.unknown_function": (
        "操作数 {operand}：第 {column} 列是未知函数 {name!r}；可用的有 sqrt、exp、ln、log、"
        "sin、cos、tan、arcsin、arccos、arctan、abs"
    ),
    "error.too_many_rows": "操作数 {operand}：矩阵有 {rows} 行；上限为 {limit}",
    "error.too_many_columns": ("操作数 {operand}：第 {row} 行有 {count} 个元素；上限为 {limit} 列"),
    "error.ragged": (
        "{operand} 的第 {row} 行有 {count} 个元素，第 1 行有 {first} 个；"
        "矩阵的每一行元素个数必须相同"
    ),
    "error.not_finite_value": "操作数 {operand}：第 {column} 列的元素不是有限数（{value}）",
    "error.not_evaluable": "操作数 {operand}：第 {column} 列的 {name}(…) 无法精确求值；请先化简其参数",
    "error.power_exponent_too_large": (
        "操作数 {operand}：第 {column} 列的指数 {exponent} 超出上限 ±{limit}"
    ),
    "error.power_too_large": (
        "操作数 {operand}：第 {column} 列的乘方结果约有 {bits} 位（二进制）；上限为 {limit}"
    ),
    "error.number_too_large": (
        "操作数 {operand}：第 {column} 列处的数会增长到约 {bits} 位（二进制）；上限为 {limit}"
    ),
    "error.division_by_zero": "操作数 {operand}：第 {column} 列除以零",
    "error.times_ten": (
        "操作数 {operand}：第 {column} 列的 'x10' 会被读作名为 x10 的符号；科学记数法请写 3.67e2 "
        "或 3.67*10^2"
    ),
    "error.not_scalar": "操作数 {operand}：应为一个值，实际有 {count} 个元素",
    # 任意维数组与 einsum 下标
    "error.ragged_tensor": "操作数 {operand}：第 {column} 列的列表是 {shape}，而同一层的第一个是 {first}；同一层的列表必须形状相同",
    "error.ragged_count": "操作数 {operand}：第 {column} 列的列表含 {count} 个子列表，而同一层的第一个含 {first} 个；同一层的列表必须形状相同",
    "error.ragged_depth": "操作数 {operand}：第 {column} 列的列表嵌套 {depth} 层，而同一层的第一个嵌套 {first} 层；每个元素的嵌套深度必须相同",
    "error.tensor_mixed": "操作数 {operand}：第 {column} 列：一个列表里既有列表又有元素；每个元素的嵌套深度必须相同",
    "error.too_many_axes": "操作数 {operand}：有 {rank} 个轴，超过上限 {limit}",
    "error.spec_too_long": "einsum 下标有 {length} 个字符，超过上限 {limit}",
    "error.spec_char": "einsum 下标 {spec!r}：第 {column} 列的 {char!r} 不允许；只能用字母 a-z、A-Z、逗号、... 和 ->",
    "error.spec_arrow": "einsum 下标 {spec!r}：第 {column} 列：- 和 > 只能一起出现，写作 ->",
    "error.spec_arrow_twice": "einsum 下标 {spec!r}：第 {column} 列出现第二个 ->；输出只能给一次",
    "error.spec_dot": "einsum 下标 {spec!r}：第 {column} 列的 '.' 不属于省略号 '...'",
    "error.spec_ellipsis_twice": "einsum 下标 {spec!r}：第 {column} 列出现第二个 ...；每一项最多一个",
    "error.spec_output_comma": "einsum 下标 {spec!r}：第 {column} 列的 ','：-> 之后的输出只有一项",
    "error.spec_output_repeated": "einsum 下标 {spec!r}：输出在第 {column} 列重复了 {label!r}；输出的每个字母只能出现一次",
    "error.spec_output_unknown": "einsum 下标 {spec!r}：第 {column} 列的输出字母 {label!r} 不在任何操作数中",
}
