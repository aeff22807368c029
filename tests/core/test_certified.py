"""The certified-arithmetic helpers of :mod:`sumrules.core.certified` (python-flint balls).

Pins the behaviour without the extra (one hint, MissingExtra from every entry point, the
modules still import), and the helpers: exact enclosures, containment, certified digits,
exact rationals of the inputs.
"""

from __future__ import annotations

import math
import subprocess
import sys
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flinttools import flint as flint
from flinttools import needs_flint

from sumrules.core import certified as cert
from sumrules.core.certified import FLINT_HINT, MissingExtra

# --------------------------------------------------------------------------------------------
# without the extra


def test_missing_extra_message(monkeypatch):
    monkeypatch.setitem(sys.modules, "flint", None)  # `import flint` now raises ImportError
    assert not cert.flint_available()
    from sumrules.models.hydrogenic.certified import certified_sum_rule_ratios
    from sumrules.theory.pole_integral.certified import certified_pole_integral

    for call in (
        lambda: certified_sum_rule_ratios(1),
        lambda: certified_pole_integral(1, 2),
        lambda: cert.contains(None, 1),
        lambda: cert.enclose("1/3"),
        lambda: cert.certified_digits(None),
    ):
        with pytest.raises(MissingExtra) as info:
            call()
        assert isinstance(info.value, ImportError)
        assert str(info.value) == FLINT_HINT
    assert "pip install 'sumrules[flint]'" in FLINT_HINT
    assert FLINT_HINT.startswith("certified bounds need the flint extra")


def test_modules_import_without_flint():
    """A fresh interpreter with flint blocked imports all three modules and gets MissingExtra."""
    code = (
        "import sys; sys.modules['flint'] = None\n"
        "import sumrules, sumrules.core.certified as c, sumrules.models.hydrogenic.certified, "
        "sumrules.theory.pole_integral.certified\n"
        "try:\n"
        "    c.certified_sum_rule_ratios(1)\n"
        "except c.MissingExtra as e:\n"
        "    print('MISSING', e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == f"MISSING {FLINT_HINT}"


# --------------------------------------------------------------------------------------------
# helpers


@needs_flint
def test_enclose_exact_and_rigorous():
    x = mpmath.mpf(1) / 3  # an exact binary fraction, not 1/3
    assert cert.contains(cert.enclose(x), x)
    assert not cert.contains(cert.enclose(x), "1/3")
    assert cert.enclose(0.1).is_exact()
    assert cert.contains(cert.enclose(sp.pi), sp.pi)
    expr = sp.exp(1) * sp.sqrt(2) + sp.atan(sp.Rational(1, 3))
    assert cert.contains(cert.enclose(expr), expr) and not cert.contains(cert.enclose(expr), 4.17)
    assert cert.contains(cert.enclose(sp.pi, digits=20), +mpmath.pi) is False  # mpf(pi) ≠ pi
    assert cert.contains(cert.enclose(sp.pi, digits=20), +mpmath.pi, rel_tol="1e-15")
    for bad in (sp.I, "x", float("nan"), mpmath.mpc(1, 1), sp.Symbol("y")):
        with pytest.raises(ValueError):
            cert.enclose(bad)


@needs_flint
def test_contains_and_digits_edge_cases(flint):
    nan = flint.arb("nan")
    assert not cert.contains(nan, 0)
    assert cert.certified_digits(nan) == 0.0
    assert not cert.certify_contains(nan, 0, min_digits=0)
    assert cert.certified_digits(flint.arb(0, 1)) == 0.0
    assert cert.certified_digits(flint.arb(5)) == math.inf
    assert cert.certify_contains(flint.arb(0, "1e-40"), 0, min_digits=35)
    assert not cert.certify_contains(flint.arb(0, "1e-30"), 0, min_digits=35)
    wide = flint.arb(1, "0.1")
    assert cert.contains(wide, 1) and not cert.certify_contains(wide, 1, min_digits=10)
    with pytest.raises(ValueError, match="ball"):
        cert.contains(1.0, 1)
    with pytest.raises(ValueError, match="rel_tol"):
        cert.contains(wide, 1, rel_tol=-1)
    assert cert.certified_agreement_digits(cert.enclose("1/7"), "1/7") >= 40
    c = cert.Certified(cert.enclose("2/3"))
    assert "0.6666666" in repr(c) and c.mid.__class__ is mpmath.mpf and c.rad > 0


@pytest.mark.parametrize(
    ("value", "name"), [(True, "T"), ("abc", "T"), (float("inf"), "T"), (sp.sqrt(2), "Z")]
)
def test_exact_rational_rejects(value, name):
    with pytest.raises(ValueError, match=name):
        cert.exact_rational(value, name)


def test_exact_rational_accepts():
    assert cert.exact_rational(sp.Rational(3, 7), "x") == Fraction(3, 7)
    assert cert.exact_rational(mpmath.mpf("0.5"), "x") == Fraction(1, 2)
    assert cert.exact_rational(sp.Float("0.25"), "x") == Fraction(1, 4)
    assert cert.exact_rational("1e-3", "x") == Fraction(1, 1000)
