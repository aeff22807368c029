"""Numbers and agreements as text for summaries and evidence (terminal; the proof book
typesets the same text).

>>> import mpmath
>>> number(mpmath.mpf(-2) / 3, 5), number(mpmath.mpc(1, -2), 3)
('−0.66667', '1.0 − 2.0i')
>>> digits_text(31.7, 30), digits_between(1, "1.0000001", 30) > 6.9
('30', True)
>>> percent(0.04274), rounds_to("0.00642", "6e-3", 1)
('4.27%', True)
"""

from __future__ import annotations

import re

import mpmath
import sympy as sp

from sumrules.core.numeric import agreement_digits, is_count, precision

__all__ = ["digits_between", "digits_text", "expression", "number", "percent", "rounds_to"]


def number(x: object, n: int = 12) -> str:
    """``x`` to ``n`` significant digits, a Unicode minus; complex values as a ± bi."""
    v = mpmath.mpmathify(x)
    if isinstance(v, mpmath.mpc):
        if v.imag == 0:
            return str(mpmath.nstr(v.real, n)).replace("-", "−")
        re_ = "" if v.real == 0 else mpmath.nstr(v.real, n) + (" + " if v.imag > 0 else " − ")
        im_ = mpmath.nstr(abs(v.imag) if re_ else v.imag, n)
        return f"{re_}{im_}i".replace("-", "−")
    return str(mpmath.nstr(v, n)).replace("-", "−")


def digits_between(a: object, b: object, dps: int) -> float:
    """Significant digits on which ``a`` and ``b`` agree, evaluated at ``dps`` + 10 digits."""
    with precision(dps + 10):
        return agreement_digits(a, b)


def digits_text(digits: float, dps: int) -> str:
    """Agreement digits for a summary, capped at the working precision ``dps``."""
    return f"{min(digits, float(dps)):.0f}"


def percent(x: object, decimals: int = 2) -> str:
    """A fraction as a percentage: 0.04274 -> '4.27%'."""
    return f"{float(mpmath.mpmathify(x)) * 100:.{decimals}f}%"


def rounds_to(value: object, printed: object, digits: int) -> bool:
    """True if ``value`` rounded to ``digits`` significant digits equals ``printed``.

    >>> rounds_to("5.07e-48", "5e-48", 1), rounds_to("1.04e-47", "5e-48", 1)
    (True, False)
    """
    if not is_count(digits, 1):
        raise ValueError(f"digits must be a positive integer, got {digits!r}")
    with precision(30):
        v, p = mpmath.mpf(value), mpmath.mpf(printed)
        if v == 0 or p == 0:
            return bool(v == p)
        exponent = int(mpmath.floor(mpmath.log10(abs(v)))) - digits + 1
        rounded = mpmath.nint(v / mpmath.mpf(10) ** exponent) * mpmath.mpf(10) ** exponent
        return bool(abs(rounded - p) <= abs(p) * mpmath.mpf(10) ** (-digits - 3))


_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "eta": "η",
    "theta": "θ", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "pi": "π", "rho": "ρ",
    "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω", "Phi": "Φ", "Gamma": "Γ",
}  # fmt: skip
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def expression(expr: object) -> str:
    """A sympy expression as one line of Unicode text: powers as superscripts where they are
    integers, products without ``*``, a Unicode minus (the proof book typesets it as math).

    >>> m, T = sp.symbols("m T", positive=True)
    >>> expression(sp.pi * sp.Symbol("mu") ** 2 / T)
    'πμ²/T'
    >>> expression(-4 * m**2), expression(2 * m / (2 * T * m - 3)), expression(m**-2)
    ('−4m²', '2m/(−3 + 2Tm)', 'm⁻²')
    """
    text = sp.sstr(sp.sympify(expr), order="none")
    text = re.sub(r"\b(" + "|".join(_GREEK) + r")\b", lambda mt: _GREEK[mt.group(1)], text)
    text = re.sub(
        r"\*\*\((-?\d+)\)|\*\*(-?\d+)",
        lambda mt: (mt.group(1) or mt.group(2)).translate(_SUPERSCRIPT),
        text,
    )
    text = re.sub(r"(?<=[\w)])\*(?=[^\W\d_]|\()", "", text)
    text = text.replace("**", "^").replace("*", "·")
    return text.replace(" - ", " − ").replace("-", "−")
