"""文档格式的中文消息：标签、页面文字和渲染设置。"""

MESSAGES: dict[str, str] = {
    "format.label": "{label}：",
    "error.unknown_setting": "{name}：{format} 格式没有这个设置；可用的设置：{choices}",
    "error.bad_setting": "{name}={value!r}：请从 {choices} 中选择",
    "error.standalone_format": "--standalone：只有 --format latex 生成独立文档",
}
