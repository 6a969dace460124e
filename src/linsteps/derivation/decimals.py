"""Numbers in decimal digits, exact or correctly rounded, at any size and precision.

Everything here is integer arithmetic on exact rationals: no decimal context and no binary
floating point, so every number the grammar accepts is written without error.  A decimal is
positional (``0.00036``, ``12.5``) or, when that would take many zeros, scientific: a mantissa
and a power of ten (``1.2·10⁻²⁹``), which each format writes in its own notation.

An approximation to ``places`` decimals is rounded half to even from the exact value; it is
scientific when it would read 0 at that many places (though it is not 0) or when it reaches
10¹⁵, so that it always shows ``places`` digits after its first significant one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

MAX_PLACES = 50  # decimal places an approximation may ask for
MAX_ZEROS = 6  # zeros a positional decimal may carry before its first digit: 0.0000001
LARGE = 15  # approximations of 10¹⁵ and more are written a·10ⁿ
SHORT = 60  # digits a terminating decimal may always have; beyond, only if no longer than p/q
_SAFE_BITS = 13_000  # str() of an int is refused past 4300 digits (about 14,280 bits)
_CHUNK = 4000  # digits per piece when writing a larger integer
EXACT_BITS = 30_000  # binary magnitude of Floats rounded as exact fractions (about 10^±9000)
_LOG10_2 = 0.30102999566398120


@dataclass(frozen=True)
class DecimalForm:
    """A decimal: ``mantissa`` (digits with an optional point), times ``10**power`` if set."""

    negative: bool
    mantissa: str
    power: int | None = None

    @property
    def signed(self) -> str:
        """Return the mantissa with its sign: ``-0.125``, ``1.2``."""
        return ("-" if self.negative else "") + self.mantissa


def integer_text(n: int) -> str:
    """Return the decimal digits of an integer of any size."""
    if n.bit_length() < _SAFE_BITS:
        return str(n)
    if n < 0:
        return "-" + integer_text(-n)
    unit = 10**_CHUNK
    pieces: list[str] = []
    while n >= unit:
        n, low = divmod(n, unit)
        pieces.append(str(low).rjust(_CHUNK, "0"))
    pieces.append(str(n))
    return "".join(reversed(pieces))


def digit_count(n: int) -> int:
    """Return the number of decimal digits of ``|n|`` (1 for 0)."""
    n = abs(n)
    if n < 10:
        return 1
    count = max(1, int((n.bit_length() - 1) * _LOG10_2))
    while 10**count <= n:
        count += 1
    return count


def _strip_zeros(n: int) -> tuple[int, int]:
    """Return ``n`` without its trailing decimal zeros, and how many there were."""
    zeros = 0
    while n and n % 10**16 == 0:
        n //= 10**16
        zeros += 16
    while n and n % 10 == 0:
        n //= 10
        zeros += 1
    return n, zeros


def _form(negative: bool, digits: str, exponent: int, scientific: bool) -> DecimalForm:
    """Return ``±digits·10**exponent`` positional or scientific."""
    if scientific:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return DecimalForm(negative, mantissa, exponent + len(digits) - 1)
    if exponent >= 0:
        return DecimalForm(negative, digits + "0" * exponent)
    point = len(digits) + exponent
    if point > 0:
        return DecimalForm(negative, digits[:point] + "." + digits[point:])
    return DecimalForm(negative, "0." + "0" * -point + digits)


def exact_decimal(p: int, q: int) -> DecimalForm | None:
    """Return the exact decimal of ``p/q`` (``q > 0``), or None when it does not terminate.

    None too when the decimal is long (more than 60 significant digits) and longer than
    ``p/q`` itself, as ``1/2¹⁰⁰⁰`` is.  The decimal is scientific when it would need more than
    six zeros before or after its digits (``1·10⁻²⁹``, ``1·10³⁰⁰``, but ``0.00000036``).
    """
    if q == 1 and p % 10 ** (MAX_ZEROS + 1):  # most integers: no zeros to strip
        return DecimalForm(p < 0, integer_text(abs(p)))
    twos = (q & -q).bit_length() - 1
    rest, fives = q >> twos, 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return None
    scale = max(twos, fives)
    n, zeros = _strip_zeros(abs(p) * 2 ** (scale - twos) * 5 ** (scale - fives))
    digits = integer_text(n)
    if scale > SHORT and len(digits) > digit_count(p) + digit_count(q):
        return None
    exponent = zeros - scale
    zeros = exponent if exponent > 0 else -len(digits) - exponent
    return _form(p < 0, digits, exponent, zeros > MAX_ZEROS)


def _round_division(num: int, den: int) -> int:
    """Return ``num/den`` (``den > 0``) rounded half to even."""
    quotient, remainder = divmod(num, den)
    twice = 2 * remainder
    if twice > den or (twice == den and quotient % 2):
        quotient += 1
    return quotient


def _floor_log10(num: int, den: int) -> int:
    """Return ``e`` with ``10**e <= num/den < 10**(e + 1)`` for positive ``num`` and ``den``."""

    def below(e: int) -> bool:  # num/den < 10**e
        return bool(num < den * 10**e if e >= 0 else num * 10**-e < den)

    e = int((num.bit_length() - den.bit_length()) * _LOG10_2)
    while below(e):
        e -= 1
    while not below(e + 1):
        e += 1
    return e


def rounded(num: int, den: int, places: int) -> DecimalForm:
    """Return ``num/den`` (``den > 0``) rounded to ``places`` decimals, half to even.

    Scientific (``places`` digits after the mantissa's point) when the value is not 0 but
    reads 0 at ``places`` decimals, or when it reaches 10¹⁵.
    """
    fixed = _round_division(num * 10**places, den)
    if num == 0 or (fixed != 0 and abs(fixed) < 10 ** (LARGE + places)):
        digits = str(abs(fixed)).rjust(places + 1, "0")
        return _form(fixed < 0, digits, -places, False)
    size = abs(num)
    e = _floor_log10(size, den)
    shift = e - places
    if shift >= 0:
        mantissa = _round_division(size, den * 10**shift)
    else:
        mantissa = _round_division(size * 10**-shift, den)
    if mantissa == 10 ** (places + 1):
        mantissa //= 10
        shift += 1
    return _form(num < 0, str(mantissa), shift, True)


def float_fraction(value: Any) -> tuple[int, int]:
    """Return a finite SymPy Float as the exact fraction ``(num, den)`` it stores."""
    sign, man, exp, _ = value._mpf_
    num = -man if sign else man
    if exp >= 0:
        return num << exp, 1
    return num, 1 << -exp


def is_astronomical(value: Any) -> bool:
    """Return True for a Float too large or small to write out as an exact fraction."""
    _, man, exp, bits = value._mpf_
    return bool(man) and abs(exp + bits) > EXACT_BITS


def float_form(value: Any, places: int) -> DecimalForm:
    """Return a finite SymPy Float rounded to ``places`` decimals as :func:`rounded` does.

    Past 10^±9000 (far beyond the positional range) the value is scaled by a power of ten in
    binary floating point with enough precision to round its mantissa: an approximation was
    rounded correctly when it was made, and the Float it is stored in lies far from any tie.
    """
    if not is_astronomical(value):
        return rounded(*float_fraction(value), places)
    import mpmath  # type: ignore[import-untyped]

    sign, _, exp, bits = value._mpf_
    precision = bits + 4 * places + abs(exp + bits).bit_length() + 64
    low, high = 10**places, 10 ** (places + 1)
    with mpmath.workprec(precision):
        size = abs(mpmath.mpf(value._mpf_))
        power = int(mpmath.floor(mpmath.log10(size)))
        scaled = size / mpmath.power(10, power - places)
        if not low <= scaled < high:  # the logarithm rounded across a power of ten
            power += -1 if scaled < low else 1
            scaled = size / mpmath.power(10, power - places)
        mantissa = int(mpmath.nint(scaled))
    if mantissa == high:
        mantissa, power = low, power + 1
    return _form(bool(sign), str(mantissa), power - places, True)


def decimal_value(form: DecimalForm) -> tuple[int, int]:
    """Return the exact fraction ``(num, den)`` a decimal form writes."""
    whole, _, fraction = form.mantissa.partition(".")
    num = int(whole + fraction)
    shift = (form.power or 0) - len(fraction)
    num = -num if form.negative else num
    return (num * 10**shift, 1) if shift >= 0 else (num, 10**-shift)


def _readable_integer(n: int) -> str:
    """Return an integer as text SymPy reads back: digits, or a sum of pieces when huge."""
    if n.bit_length() < _SAFE_BITS:
        return str(n)
    if n < 0:
        return f"-{_readable_integer(-n)}"
    text = integer_text(n)
    terms = []
    for end in range(len(text), 0, -_CHUNK):
        piece = text[max(0, end - _CHUNK) : end].lstrip("0")
        power = len(text) - end
        if piece:
            terms.append(f"{piece}*10**{power}" if power else piece)
    return "(" + " + ".join(reversed(terms)) + ")"


@cache
def _reader(order: str | None = None) -> Any:
    """Return SymPy's str printer, writing integers of any size in a form it reads back
    (``order="none"``: the terms and factors in the order they stand)."""
    from sympy.printing.str import StrPrinter

    class ReadablePrinter(StrPrinter):  # type: ignore[misc]
        def _print_Integer(self, expr: Any) -> str:
            return _readable_integer(int(expr.p))

        def _print_Rational(self, expr: Any) -> str:
            p, q = int(expr.p), int(expr.q)
            if q == 1:
                return _readable_integer(p)
            return f"{_readable_integer(p)}/{_readable_integer(q)}"

        def _print_MatrixBase(self, expr: Any) -> str:  # on one line, as str() writes it
            if 0 in expr.shape:
                return f"Matrix({expr.rows}, {expr.cols}, [])"
            rows = ("[" + ", ".join(self._print(x) for x in row) + "]" for row in expr.tolist())
            return "Matrix([" + ", ".join(rows) + "])"

        _print_ImmutableDenseMatrix = _print_MatrixBase
        _print_MutableDenseMatrix = _print_MatrixBase

    return ReadablePrinter() if order is None else ReadablePrinter({"order": order})


def sympy_text(value: Any) -> str:
    """Return ``str(value)`` as SymPy writes it, for any size of integer (SymPy reads it back).

    Python refuses ``str()`` of an integer past 4300 digits; such an integer is written as a
    sum of smaller pieces times powers of ten.  SymPy orders the factors of a product by their
    own ``str()``, which then fails: the product is written in the order its factors stand.
    """
    try:
        return str(_reader().doprint(value))
    except ValueError:
        return str(_reader("none").doprint(value))
