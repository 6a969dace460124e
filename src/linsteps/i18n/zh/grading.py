"""批量评分的限制：超出限制的答案与答案文件题目的中文消息。"""

MESSAGES: dict[str, str] = {
    "error.key_underivable": "答案文件 {path}：第 {id!r} 题：{reason}",
    "error.worker_failed": "评分子进程无法启动（退出码 {code}）",
    "grade.cell_unverified": "第 {row} 行，列 {column}：{reason}；记为未能验证",
    "grade.cell_time_limit": "未能在 {seconds} 秒的时间限制内读取、检查并回显该答案",
    "grade.cell_memory_limit": "检查该答案所需内存超过 {megabytes} MB 的上限",
    "grade.cell_stopped": "检查该答案的进程意外终止（退出码 {code}），很可能超过了 {megabytes} MB 的内存上限",
    "grade.cell_failed": "检查该答案时出错（{reason}）",
    "grade.key_time_limit": "未能在 {seconds} 秒的时间限制内推导出它的答案（--time-limit）",
    "grade.key_memory_limit": "推导它的答案所需内存超过 {megabytes} MB 的上限",
    "grade.key_stopped": "推导它的答案的进程意外终止（退出码 {code}），很可能超过了 {megabytes} MB 的内存上限",
    "grade.key_failed": "推导它的答案时出错（{reason}）",
    "grade.student_bad_bytes": "第 {row} 行：学生编号 {student!r} 中有无法读成文字的字节（显示为 �）；按读到的内容保留",
    "grade.missing_cells": "第 {row} 行只有 {count} 个单元格，少于第一行的 {width} 个：第 {columns} 题的答案缺失，记为未作答",
    "feedback.no_derivation": "无法给出完整推导：{reason}。",
    "grade.ignored_columns": "不是答案文件中题目答案的列已忽略（{count} 列）：{names}",
    "error.csv_student_column_missing": "{path}：第一行中没有列 {column!r}（--student-column）",
    "error.csv_map_missing": "{path}：--map 指定的列 {column!r} 不在第一行中",
    "error.bad_weights": '--weights {value!r}：请写 题号=分值，例如 "1=2,3=0.5"（分值为 0 到 1000000）',
    "error.weights_unknown": "--weights：答案文件中没有题目 {id!r}（题目为 {choices}）",
    "error.bad_map": "--map {value!r}：请写列标题、'=' 和题号，例如 \"Question 3=3\"",
}
