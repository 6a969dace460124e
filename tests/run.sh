#!/usr/bin/env bash
# Install linsteps with its test tools in a fresh virtual environment, then lint, type-check
# and run the whole test suite.  Usage: bash tests/run.sh [pytest arguments]
#
# The format tests hand the output to the real consumers: pdflatex and xelatex, KaTeX (node)
# and pandoc, headless Chromium.  Missing Debian packages are installed when we are root;
# otherwise the tests that need them fail and say which package to install.
set -euo pipefail
cd "$(dirname "$0")/.."

# command -> Debian packages that provide it
declare -A PACKAGES=(
  [pdflatex]="texlive-latex-base texlive-latex-recommended lmodern"
  [xelatex]="texlive-xetex texlive-lang-chinese fonts-noto-cjk texlive-fonts-recommended"
  [pandoc]="pandoc"
  [chromium]="chromium"
  [node]="nodejs"
  [npm]="npm"
  [pdftoppm]="poppler-utils"
)
missing=()
for tool in "${!PACKAGES[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=(${PACKAGES[$tool]})
done
# ctex (the Chinese document class) and lmodern can be absent while the engines are present.
if command -v kpsewhich >/dev/null 2>&1; then
  kpsewhich ctexart.cls >/dev/null || missing+=(texlive-lang-chinese)
  kpsewhich lmodern.sty >/dev/null || missing+=(lmodern)
  # pandoc's PDF template loads hyperref, which needs Zapf Dingbats under xelatex.
  kpsewhich pzdr.tfm >/dev/null || missing+=(texlive-fonts-recommended)
fi
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "missing tools (the tests that need them will fail): ${missing[*]}" >&2
  fi
fi
# KaTeX, MathJax and gift-pegjs, pinned in tests/package.json and tests/package-lock.json.
if command -v npm >/dev/null 2>&1 &&
  { [ ! -d tests/node_modules/katex ] || [ ! -d tests/node_modules/gift-pegjs ] ||
    [ ! -d tests/node_modules/mathjax-full ]; }; then
  npm ci --prefix tests --no-audit --no-fund --silent
fi

python3 -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
python -m pip install --quiet --upgrade pip
# LINSTEPS_EXTRAS=torch also installs PyTorch for the tests marked torch (.ci/run sets it).
python -m pip install --quiet ".[test${LINSTEPS_EXTRAS:+,$LINSTEPS_EXTRAS}]"

ruff check src tests benchmarks
ruff format --check src tests benchmarks
mypy
# The tests marked torch need PyTorch; without LINSTEPS_EXTRAS=torch they are deselected, and
# this says so (they never skip silently).
marker=()
if [[ ",${LINSTEPS_EXTRAS:-}," != *",torch,"* ]]; then
  echo "tests marked torch deselected (PyTorch not requested): LINSTEPS_EXTRAS=torch runs them"
  marker=(-m "not torch")
fi
if (($#)); then
  python -m pytest "${marker[@]}" "$@"
  exit
fi
# The whole suite: the pipeline fuzz test (10,000 commands in CI) runs in a second process
# beside the rest, so that two cores share the work; its report follows the suite's.
fuzz_log=$(mktemp)
python -m pytest "${marker[@]}" -p no:cacheprovider tests/test_fuzz_pipeline.py >"$fuzz_log" 2>&1 &
fuzz=$!
suite_status=0
python -m pytest "${marker[@]}" --ignore=tests/test_fuzz_pipeline.py || suite_status=$?
fuzz_status=0
wait "$fuzz" || fuzz_status=$?
echo "--- tests/test_fuzz_pipeline.py ---"
cat "$fuzz_log"
rm -f "$fuzz_log"
if ((suite_status)); then exit "$suite_status"; fi
exit "$fuzz_status"
