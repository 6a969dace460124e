"""The Typer commands of ``linsteps``, grouped by what they are for."""
