"""The constants table, rebuilt inside the test (see docs/mutation.md).

``sumrules.constants`` builds its table at import time. Under mutation testing the package is
imported once, before any mutant is switched on, so tests of the imported table cannot see a
mutant of the builders ``_c`` and ``_on_shell_sin2``. Here the module's source is executed
afresh inside each test: the checks below apply to the table exactly as the builders make it.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from fractions import Fraction
from types import ModuleType

import mpmath
import pytest

from sumrules.data import constants as imported


def _fresh_constants() -> ModuleType:
    """The constants module executed anew from its source file (not the cached import).

    It runs under its own name, ``sumrules.constants`` (mutmut switches a mutant on by module
    name), and the imported module is put back in ``sys.modules`` afterwards.
    """
    name = imported.__name__
    spec = importlib.util.spec_from_file_location(name, imported.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while building
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules[name] = imported
    assert module is not imported
    return module


def test_every_rebuilt_constant_keeps_its_printed_value_unit_and_source() -> None:
    C = _fresh_constants()
    assert len(C.CONSTANTS) == len(imported.CONSTANTS) == 27
    for const in C.CONSTANTS:
        assert isinstance(const.value, Fraction), const.name
        assert const.name and const.unit and const.source, const.name
        if const.printed:
            assert Fraction(const.printed) == const.value, const.name
        if const.uncertainty is not None:
            assert isinstance(const.uncertainty, Fraction), const.name
            assert 0 < const.uncertainty < abs(const.value), const.name
    # Each field lands in its own slot (a swap of arguments would move the text).
    me = C.ELECTRON_MASS
    assert (me.name, me.printed, me.unit, me.source) == (
        "electron mass m_e c^2",
        "510.99895000",
        "keV",
        "CODATA 2018",
    )
    assert me.uncertainty == Fraction("1.5e-7") and me.note == ""
    assert C.HBAR_C.uncertainty is None
    assert C.HBAR_C.note.startswith("exact in the 2019 SI")
    assert C.GE_Z.uncertainty is None and C.GE_Z.value == 32 and C.GE_Z.note == ""


def test_rebuilt_on_shell_weak_angle_is_one_minus_mw2_over_mz2_with_propagated_error() -> None:
    C = _fresh_constants()
    on_shell = C.SIN2_THETA_W_ON_SHELL
    mw, mz = Fraction("80.3692"), Fraction("91.1880")
    assert on_shell.value == 1 - (mw / mz) ** 2
    # independent route: the error of 1 − r from the two relative errors, in floating point
    r = float(mw / mz) ** 2
    expected = 2 * r * math.hypot(0.0133 / 80.3692, 0.0020 / 91.1880)
    assert on_shell.uncertainty is not None
    assert abs(float(on_shell.uncertainty) / expected - 1) < 1e-8
    assert (on_shell.unit, on_shell.printed) == ("1", "")
    assert on_shell.source == "derived from PDG 2024 M_W and M_Z"
    assert on_shell.name == "weak mixing angle, on-shell 1 - M_W^2/M_Z^2"
    # negative control: the error without the factor 2 r is rejected by the same comparison
    assert abs(float(on_shell.uncertainty) / (expected / (2 * r)) - 1) > 0.5


def test_rebuilt_alpha_is_the_exact_inverse() -> None:
    C = _fresh_constants()
    assert C.ALPHA.value * C.ALPHA_INV.value == 1
    assert C.ALPHA.uncertainty == C.ALPHA_INV.uncertainty / C.ALPHA_INV.value**2


def test_constant_accessors() -> None:
    c = imported.Constant("x", Fraction(-3, 2), "keV", "here", Fraction(3, 10))
    assert c.fraction == Fraction(-3, 2)
    assert c.relative_uncertainty == Fraction(1, 5)  # over |value|
    assert imported.Constant("x", Fraction(2), "1", "here").relative_uncertainty is None
    assert float(c) == -1.5
    with mpmath.workdps(40):
        third = imported.Constant("x", Fraction(1, 3), "1", "here").mpf()
        assert abs(third - mpmath.mpf(1) / 3) < mpmath.mpf(10) ** -39
    with pytest.raises(AttributeError):
        c.value = Fraction(1)  # type: ignore[misc]
