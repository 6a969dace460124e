"""Assessment: reading answers, proving them equal, naming mistakes, keys, grading."""
