"""Every number the parser accepts prints, in every format and both languages.

Long decimals, huge and tiny values, many decimal places: exact values are written as typed
(positional, or a·10ⁿ past six zeros, never E-notation), approximations are rounded correctly
(half to even, however close to a tie) and always follow "≈".
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import linsteps
from linsteps.cli.main import app
from linsteps.derivation.decimals import sympy_text
from linsteps.errors import UsageError
from linsteps.ops.common import decimal_approximation, needs_approximation
from linsteps.render.latex import PREAMBLE_EN
from linsteps.render.mathml import _fast_mathml, _printed_mathml, format_mathml
from linsteps.render.printing import format_latex, format_text
from tests.consumers import (
    compile_tex,
    katex_failures,
    markdown_math,
    mathjax_failures,
    mathml_formulas,
)
from tests.mathml_core import core_problems

FORMATS = ("text", "json", "latex", "markdown", "html")
LANGS = ("en", "zh")

# command-line arguments, and the API call that derives the same thing
HOSTILE: dict[str, tuple[list[str], Any]] = {
    "long-decimal": (
        ["dot", "0.123456789012345678901234567890123 2", "1 1"],
        lambda: linsteps.dot("0.123456789012345678901234567890123 2", "1 1"),
    ),
    "ten-to-24-in-a-norm": (["norm", "[10^24, 1]"], lambda: linsteps.norm("[10^24, 1]")),
    "decimals-0": (["norm", "[1, 2]", "-d", "0"], lambda: linsteps.norm("[1, 2]", places=0)),
    "decimals-29": (["norm", "[1, 2]", "-d", "29"], lambda: linsteps.norm("[1, 2]", places=29)),
    "decimals-50": (
        ["cos", "1 2", "3 -4", "-d", "50"],
        lambda: linsteps.cos("1 2", "3 -4", places=50),
    ),
    "1e300-times-1e-300": (
        ["dot", "1e300 1", "1e-300 2"],
        lambda: linsteps.dot("1e300 1", "1e-300 2"),
    ),
    "exp-1000": (["norm", "[exp(1000), 1]"], lambda: linsteps.norm("[exp(1000), 1]")),
    "small-decimal-in-a-root": (["norm", "[3.6e-7, 2]"], lambda: linsteps.norm("[3.6e-7, 2]")),
    "1e-29": (["dot", "1e-29 1", "1 0"], lambda: linsteps.dot("1e-29 1", "1 0")),
    "tiny-norm": (["norm", "[1e-300, 1e-300]"], lambda: linsteps.norm("[1e-300, 1e-300]")),
    "0.1+0.2": (["dot", "0.1 0.2", "1 1"], lambda: linsteps.dot("0.1 0.2", "1 1")),
    "angle": (["angle", "1 0", "1 2"], lambda: linsteps.angle("1 0", "1 2")),
    "next-to-a-tie": (
        ["dot", "[0.1250000000000000000000000000164]", "[1]", "-d", "2"],
        lambda: linsteps.dot("[0.1250000000000000000000000000164]", "[1]", places=2),
    ),
    "past-python-str-limit": (  # 10^6000 has more digits than Python's str() allows
        ["dot", "[1000^1000]", "[1000^1000]"],
        lambda: linsteps.dot("[1000^1000]", "[1000^1000]"),
    ),
    "matrix-of-extremes": (
        ["matmul", "1e-20 2; 3 4", "1 1e30; 0.5 1"],
        lambda: linsteps.matmul("1e-20 2; 3 4", "1 1e30; 0.5 1"),
    ),
    "astronomical": (  # past 10^9000, within the reading limits (a tower is refused)
        ["norm", "[exp(6931)^3, 1]"],
        lambda: linsteps.norm("[exp(6931)^3, 1]"),
    ),
}
E_NOTATION = re.compile(r"\d[eE][−+-]?\d")
_OUTPUTS: dict[tuple[str, str, str], str] = {}


def cli(name: str, fmt: str, lang: str) -> str:
    """Return the output of a hostile input on the command line (run once per session)."""
    key = (name, fmt, lang)
    if key not in _OUTPUTS:
        args = [*HOSTILE[name][0], "--format", fmt, "--lang", lang]
        done = CliRunner().invoke(app, args)
        assert done.exception is None, f"{args}: {done.exception!r}\n{done.stderr}"
        assert done.exit_code == 0 and done.stderr == "", done.stderr
        _OUTPUTS[key] = done.stdout
    return _OUTPUTS[key]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_numbers_print_on_the_command_line(name: str, fmt: str, lang: str) -> None:
    out = cli(name, fmt, lang)
    assert out.strip() and "Traceback" not in out
    if fmt == "json":  # the inputs' sources are the text the user typed
        data = json.loads(out)
        for operand in data["inputs"]:
            operand.pop("source")
        out = json.dumps(data, ensure_ascii=False)
    if fmt != "html":  # style sheets may hold 1e3-like lengths; the numbers are checked below
        assert not E_NOTATION.search(out), E_NOTATION.search(out)
    if fmt == "html":
        for formula in re.findall(r"<math\b.*?</math>", out, re.S):
            ElementTree.fromstring(formula)  # well-formed


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_numbers_print_through_the_api(name: str, lang: str) -> None:
    derivation = HOSTILE[name][1]()
    for fmt in FORMATS:
        assert derivation.render(fmt, lang).strip()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_json_parses_and_its_sympy_reads_back(name: str) -> None:
    data = json.loads(cli(name, "json", "en"))
    result = HOSTILE[name][1]().result
    assert sympy.sympify(data["result"]["sympy"]) == result  # trusted: our own output
    for operand in data["inputs"]:
        assert sympy.sympify(operand["sympy"]) is not None


def test_huge_integers_are_written_in_full_and_read_back() -> None:
    data = json.loads(cli("past-python-str-limit", "json", "en"))
    assert data["result"]["text"] == "1" + "0" * 6000
    assert sympy.sympify(data["result"]["sympy"]) == sympy.Integer(10) ** 6000
    assert sympy.sympify(sympy_text(sympy.Integer(-(7**8000)))) == -(7**8000)


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("long-decimal", "text", "= 2.123456789012345678901234567890123 ≈ 2.1235"),
        ("small-decimal-in-a-root", "text", "√(0.00000036² + 2²)"),
        ("small-decimal-in-a-root", "text", "√(1.296·10⁻¹³ + 4)"),
        ("small-decimal-in-a-root", "latex", "1.296 \\cdot 10^{-13} + 4"),
        ("1e-29", "text", "a·b = 1·10⁻²⁹ ≈ 1.0000·10⁻²⁹"),
        ("1e-29", "latex", "1 \\cdot 10^{-29}"),
        ("1e-29", "markdown", "1 \\cdot 10^{-29}"),
        (
            "1e-29",
            "html",
            "<mn>1</mn><mo>&#183;</mo><msup><mn>10</mn><mrow><mo>&#8722;</mo><mn>29</mn></mrow>"
            "</msup>",
        ),
        ("1e300-times-1e-300", "text", "= (1·10³⁰⁰)·(1·10⁻³⁰⁰) + 1·2"),
        ("ten-to-24-in-a-norm", "text", "≈ 1.0000·10²⁴"),
        ("ten-to-24-in-a-norm", "latex", "\\approx 1.0000 \\cdot 10^{24}"),
        ("exp-1000", "text", "≈ 1.9701·10⁴³⁴"),
        ("astronomical", "text", "≈ 1.9282·10⁹⁰³⁰"),
        ("tiny-norm", "text", "= √2/(1·10³⁰⁰) ≈ 1.4142·10⁻³⁰⁰"),
        ("decimals-0", "text", "√5 ≈ 2:"),
        ("decimals-29", "text", "√5 ≈ 2.23606797749978969640917366873"),
        ("0.1+0.2", "text", "a·b = 0.3,"),
        ("next-to-a-tie", "text", "≈ 0.13"),
        ("angle", "text", "θ ≈ 63.4349°."),
        ("angle", "latex", "\\theta \\approx 63.4349^{\\circ}"),
    ],
)
def test_numbers_read_as_they_should(name: str, fmt: str, expected: str) -> None:
    assert expected in cli(name, fmt, "en")


def test_an_approximation_is_never_followed_by_equals() -> None:
    for name in HOSTILE:
        for lang in LANGS:
            for line in cli(name, "text", lang).splitlines():
                for clause in re.split("[;；,，:：]", line):
                    _, approx, after = clause.partition("≈")
                    assert not approx or "=" not in after, line
    assert "radians = 63.4349°" not in cli("angle", "text", "en")


@pytest.mark.parametrize("places", [-1, 51, 10**6, True, 2.0])
def test_the_api_refuses_places_outside_0_to_50(places: Any) -> None:
    with pytest.raises(UsageError):
        linsteps.norm("[1, 2]", places=places)
    with pytest.raises(UsageError):
        linsteps.dot("[1, 2]", "[3, 4]", places=places)


def test_places_beyond_50_is_one_line_on_the_command_line() -> None:
    done = CliRunner().invoke(app, ["norm", "[1, 2]", "--decimals", "51"])
    assert done.exit_code == 2 and done.stderr.count("\n") == 1


# next to a tie, and on the edge between positional and a·10ⁿ ------------------------------
S = sympy.S
ROOT2 = sympy.sqrt(2)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (S("12500000000000000000000000164/10**29"), 2, "0.13"),
        (S(1) / 8, 2, "0.12"),  # an exact tie: half to even
        (S(3) / 8, 2, "0.38"),
        (S(1) / 8 + ROOT2 / 10**40, 2, "0.13"),
        (S(1) / 8 - ROOT2 / 10**40, 2, "0.12"),
        (S(1) / 8 + ROOT2 / 10**3000, 2, "0.13"),  # far past any fixed precision
        (S(1) / 8 - ROOT2 / 10**3000, 2, "0.12"),
        (-S(1) / 8 - ROOT2 / 10**40, 2, "−0.13"),
        (S(1) / 20000 - ROOT2 / 10**30, 4, "5.0000·10⁻⁵"),  # reads 0 at 4 places, is not 0
        (S(1) / 20000 + ROOT2 / 10**30, 4, "0.0001"),
        (10**15 - S(1) / 20000 - ROOT2 / 10**30, 4, "999999999999999.9999"),
        (10**15 - S(1) / 20000 + ROOT2 / 10**30, 4, "1.0000·10¹⁵"),
        (S(999995) / 10**11 + ROOT2 / 10**40, 4, "1.0000·10⁻⁵"),  # the mantissa carries
        ((ROOT2 + sympy.sqrt(3)) ** 2 - 5 - 2 * sympy.sqrt(6), 4, "0.0000"),  # 0, unsimplified
        (sympy.exp(-1000), 3, "5.076·10⁻⁴³⁵"),
        (sympy.exp(1000) / 10**300, 4, "1.9701·10¹³⁴"),
        (sympy.exp(sympy.exp(sympy.exp(3))), 4, "2.0510·10²²⁹⁵²⁰⁸⁶⁰"),
        (-sympy.exp(-(10**6)), 2, "−3.30·10⁻⁴³⁴²⁹⁵"),
        (sympy.pi * 10**20, 0, "3·10²⁰"),
        (S(1) / 3, 50, "0." + "3" * 50),
        (3 + sympy.I * ROOT2, 3, "3.000 + 1.414i"),
    ],
)
def test_approximations_are_rounded_correctly(value: Any, places: int, expected: str) -> None:
    approximation = decimal_approximation(value, places)
    assert format_text(approximation, places=places) == expected
    if not approximation.has(sympy.I):
        assert latex_as_text(format_latex(approximation, places=places)) == expected
    ElementTree.fromstring(f"<math>{format_mathml(approximation, places=places)}</math>")


# properties ------------------------------------------------------------------------------
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def read_decimal(text: str) -> tuple[Fraction, Fraction]:
    """Return a printed decimal (``−1.2346·10⁻²⁹``) and the unit in its last place."""
    mantissa, _, power = text.replace("−", "-").partition("·10")
    exponent = int(power.translate(SUPERSCRIPTS)) if power else 0
    negative = mantissa.startswith("-")
    whole, _, fraction = mantissa.lstrip("-").partition(".")
    unit = Fraction(10) ** (exponent - len(fraction))
    value = int(whole + fraction) * unit
    return (-value if negative else value), unit


def latex_as_text(latex: str) -> str:
    """Return a LaTeX decimal (``-1.2346 \\cdot 10^{-29}``) in Unicode (``−1.2346·10⁻²⁹``)."""
    match = re.fullmatch(r"(-?[0-9.]+)(?: \\cdot 10\^\{(-?\d+)\})?", latex)
    assert match, latex
    mantissa, power = match.groups()
    text = mantissa + (f"·10{power.translate(_TO_SUPERSCRIPTS)}" if power else "")
    return text.replace("-", "−")


_TO_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


@st.composite
def decimals(draw: st.DrawFn) -> sympy.Rational:
    """A decimal of 1–60 significant digits times 10^−400 … 10^400, either sign."""
    digits = draw(st.integers(1, 60))
    mantissa = draw(st.integers(10 ** (digits - 1), 10**digits - 1))
    exponent = draw(st.integers(-400, 400))
    sign = draw(st.sampled_from((1, -1)))
    return sympy.Rational(sign * mantissa) * sympy.Rational(10) ** exponent


def final_approximation(derivation: Any, lang: str) -> tuple[str, str] | None:
    """Return the approximation of the result, as text and as LaTeX, from the JSON."""
    data = json.loads(derivation.render("json", lang))
    final = [step for step in data["steps"] if step["kind"] == "result"][-1]
    approx = final["approx"]
    return None if approx is None else (approx["text"], approx["latex"])


@given(decimals(), st.sampled_from(LANGS), st.integers(0, 12))
def test_decimals_of_any_size_print_and_round_correctly(
    value: sympy.Rational, lang: str, places: int
) -> None:
    exact = Fraction(int(value.p), int(value.q))
    # exact: a decimal the user typed reads back as itself
    assert read_decimal(format_text(value, decimal=True))[0] == exact
    assert latex_as_text(format_latex(value, decimal=True)) == format_text(value, decimal=True)
    # rational approximation: value/3, within half a unit in its last place
    third = linsteps.dot([value], [sympy.Rational(1, 3)], places=places)
    for fmt in FORMATS:
        assert third.render(fmt, lang, decimal=True).strip()
    approximation = final_approximation(third, lang)
    if approximation is None:  # a third of 3·10ⁿ: exact, and short
        assert not needs_approximation(third.result)
    else:
        text, latex = approximation
        shown, unit = read_decimal(text)
        assert abs(shown - exact / 3) <= unit / 2
        assert latex_as_text(latex) == text
    # irrational approximation: ‖(value, value)‖ = |value|·√2, compared through squares
    norm = linsteps.norm([value, value], places=places)
    for fmt in FORMATS:
        assert norm.render(fmt, lang, decimal=True).strip()
    approximation = final_approximation(norm, lang)
    assert approximation is not None
    shown, unit = read_decimal(approximation[0])
    low, high = max(shown - unit / 2, Fraction(0)), shown + unit / 2
    assert low * low <= 2 * exact * exact <= high * high


@given(decimals())
def test_mathml_of_decimals_is_the_printers_and_well_formed(value: sympy.Rational) -> None:
    fast = _fast_mathml(value, True)
    assert fast == _printed_mathml(value, True)
    ElementTree.fromstring(f"<math>{fast}</math>")


# real consumers -------------------------------------------------------------------------
def test_hostile_numbers_compile_with_pdflatex(tmp_path: Path) -> None:
    parts = [PREAMBLE_EN]
    for name in sorted(HOSTILE):
        if name != "past-python-str-limit":  # a 6001-digit line: TeX cannot break it
            parts.extend([f"\\section*{{{name}}}\n", cli(name, "latex", "en")])
    compile_tex("pdflatex", "\n".join([*parts, "\\end{document}\n"]), tmp_path)


def test_hostile_numbers_render_with_katex() -> None:
    spans = [
        {"where": f"{name}.{lang}", "tex": tex, "display": display}
        for name in sorted(HOSTILE)
        for lang in LANGS
        for tex, display in markdown_math(cli(name, "markdown", lang))
    ]
    report = katex_failures(spans)
    assert report["checked"] == len(spans) > 100
    assert report["failures"] == [], report["failures"][:5]


def test_hostile_numbers_are_valid_mathml() -> None:
    formulas = [
        formula
        for name in sorted(HOSTILE)
        for lang in LANGS
        for formula in mathml_formulas(cli(name, "html", lang), f"{name}.{lang}")
    ]
    assert len(formulas) > 100
    problems = [(f["where"], p) for f in formulas for p in core_problems(f["mathml"])]
    assert problems == [], problems[:5]
    report = mathjax_failures(formulas)
    assert report["failures"] == [], report["failures"][:5]
