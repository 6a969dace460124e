"""命令的上限：时间、内存、规模、输入文件与输出（中文消息）。"""

MESSAGES: dict[str, str] = {
    "error.root_too_large": (
        "操作数 {operand}：第 {column} 列的幂含有过细的根式，无法精确计算（约需 {bits} 位的整数）；"
        "上限为 {limit}"
    ),
    "error.argument_too_large": "操作数 {operand}：第 {column} 列 {function}(…) 中的数太大，无法求值",
    "error.entry_too_large": "操作数 {operand}：有一个元素约有 {bits} 位；上限为 {limit}",
    "error.too_many_terms": (
        "讲解约需写出 {terms:,} 项（含结果的元素），超过上限 {limit:,}；可用 {option} 提高上限"
    ),
    "error.time_limit": "已到达时间上限 {seconds} 秒而停止；可用 {option} 提高上限",
    "error.memory_limit": "已到达内存上限 {megabytes} MB 而停止；可用 {option} 提高上限",
    "error.out_of_memory": "内存不足；请使用更小的操作数",
    "error.too_deep_to_compute": "表达式嵌套太深，无法计算；请减少嵌套",
    "error.too_large_to_compute": "计算中的某个数太大或太精细，无法计算；请写小一些的数，或减少函数嵌套",
    "error.bad_limit": "{name} {value}：不是有效的上限",
    "error.input_missing": "{path}：文件不存在",
    "error.input_is_directory": "{path}：是一个目录，不是文件",
    "error.input_is_device": "{path}：是一个设备，不是普通文件",
    "error.input_is_fifo": "{path}：是一个管道（FIFO），不是普通文件",
    "error.input_is_socket": "{path}：是一个套接字，不是普通文件",
    "error.input_not_regular": "{path}：不是普通文件",
    "error.stdin_too_large": "标准输入：超过 {most:,} 字节的输入上限",
    "error.output_not_regular": "{path}：不是普通文件（设备、管道等）；输出只写入普通文件",
    "error.unwritable_stdout": "无法写入标准输出（{reason}）",
}
