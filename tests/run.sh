#!/usr/bin/env bash
# Install linsteps with its test tools in a fresh virtual environment, then lint, type-check
# and run the whole test suite.  Usage: bash tests/run.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
python -m pip install --quiet --upgrade pip
python -m pip install --quiet '.[test]'

ruff check src tests benchmarks
ruff format --check src tests benchmarks
mypy
python -m pytest "$@"
