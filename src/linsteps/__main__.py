"""``python -m linsteps``."""

from linsteps.cli import main

main()
