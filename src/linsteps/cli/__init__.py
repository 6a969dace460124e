"""The ``linsteps`` command line: a thin Typer layer over the library."""

from linsteps.cli.main import main

__all__ = ["main"]
