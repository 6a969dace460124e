"""English messages of the document formats: labels, page text and renderer settings."""

MESSAGES: dict[str, str] = {
    "format.label": "{label}:",
    "error.unknown_setting": "{name}: not a setting of the {format} format; known settings: {choices}",
    "error.bad_setting": "{name}={value!r}: choose one of {choices}",
    "error.standalone_format": "--standalone: only --format latex makes standalone documents",
}
