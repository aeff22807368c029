"""Tests written to kill mutants of the free-electron and oscillator models (see docs/mutation.md).

They pin down behaviour the model tests left open: the lazy ``sumrules.models`` attribute
hook, documented defaults, the argument named in each error message, the boundaries of the
validated ranges, the Lorentzian route against its closed form, the two non-perturbative
routes to the oscillator resolvent (Poisson lines and Jacobi continued fraction) against
exact identities, Φ_{u,w} summed over words, and negative controls that show the checks of
the oscillator derivations cover exactly the range they print.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import mpmath
import pytest
import sympy as sp
from proofbook import book_text

import sumrules.models
from sumrules.core.numeric import agreement_digits
from sumrules.models import free
from sumrules.models import oscillator as osc
from sumrules.models.oscillator import OMEGA, Y
from sumrules.theory.expansion import M

# --- sumrules.models: lazy submodules ---------------------------------------------------


@pytest.mark.parametrize("name", ["free", "oscillator", "hydrogen"])
def test_lazy_getattr_returns_the_submodule(name: str) -> None:
    module = sumrules.models.__getattr__(name)
    home = {"hydrogen": "sumrules.models.hydrogenic.ground"}.get(name, f"sumrules.models.{name}")
    assert module is sys.modules[home] and module.__name__ == home


def test_lazy_getattr_rejects_an_unknown_name() -> None:
    with pytest.raises(AttributeError, match=r"'sumrules\.models' has no attribute 'nope'"):
        sumrules.models.__getattr__("nope")
    # negative control: a submodule that exists but is not exported is not served either
    with pytest.raises(AttributeError, match="coulomb_moments"):
        sumrules.models.__getattr__("coulomb_moments")


# --- free electron ----------------------------------------------------------------------


def test_structure_factor_defaults_and_root() -> None:
    q2 = free.Q2
    assert free.structure_factor() == sp.DiracDelta(1 - q2 / 2)  # T = 1, m = 1
    arg = free.structure_factor(3, q2, m=5).args[0]
    assert arg.subs(q2, 30) == 0  # root Q^2 = 2 m T
    assert sp.diff(arg, q2) == sp.Rational(-1, 10)  # slope -1/(2m)
    assert sp.diff(free.structure_factor(1, q2, m=sp.Rational(1, 2)).args[0], q2) == -1


def test_integrate_delta_defaults_and_callable_weight() -> None:
    q2 = free.Q2
    assert free.integrate_delta(1) == 2  # 2m with m = 1
    assert free.integrate_delta(q2) == 4  # 2m * 2mT with T = m = 1
    # a callable weight: 2m w(2mT) = 6 * 12^2
    assert free.integrate_delta(lambda x: x**2, T=2, m=3) == 864
    assert free.integrate_delta(lambda x: 1, T=2, m=3) == 6


def test_integrate_delta_leaves_other_symbols_of_the_weight_alone() -> None:
    """A weight may contain any other symbol, also one named like the internal variable u."""
    for u in (sp.Symbol("u", real=True), sp.Symbol("u"), sp.Symbol("v", real=True)):
        assert free.integrate_delta(u * free.Q2, T=2, m=3) == 6 * 12 * u


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: free.integrate_delta(1, T=0), r"^T must be a positive number or symbol, got 0$"),
        (lambda: free.integrate_delta(1, m=-2), r"^m must be a positive number or symbol, got -2$"),
        (lambda: free.resolvent(1, 0, m=0), r"^m must be a positive number or symbol, got 0$"),
        (lambda: free.sum_rule_ratios(T=sp.Symbol("t")), r"^T must be a positive number"),
        (lambda: free.sum_rule_ratios(T=(1, 2)), r"^T must be a positive number"),
        (lambda: free.dispersion_integral(1, 1), r"^P2 must be a non-positive number"),
    ],
)
def test_free_errors_name_the_argument(call: Callable[[], object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


def test_resolvent_and_dispersion_defaults_and_p2_zero() -> None:
    assert free.resolvent(1, -2) == sp.Rational(1, 2)  # 1/(T - P^2/2m), m = 1
    assert free.resolvent(1, -2, m=2) == sp.Rational(2, 3)
    assert free.dispersion_integral(1, -2) == sp.Rational(1, 2)  # 2m/(2mT - P^2)
    assert free.dispersion_integral(3, 0, m=5) == sp.Rational(1, 3)  # P^2 = 0 allowed: 1/T


def _lorentzian_closed_form(T: object, m: object, eps: object) -> mpmath.mpf:
    """(1/π)∫_0^∞ ε dQ²/((T - Q²/2m)² + ε²) = 2m (1/2 + atan(T/ε)/π), by hand."""
    with mpmath.workdps(60):
        t, mm, e = mpmath.mpf(T), mpmath.mpf(m), mpmath.mpf(eps)
        return 2 * mm * (mpmath.mpf(1) / 2 + mpmath.atan(t / e) / mpmath.pi)


@pytest.mark.parametrize(
    ("T", "m", "eps", "dps"),
    [(3, 5, "1e-8", 30), ("0.25", 1, "1e-8", 30), ("0.25", "0.5", "1e-3", 20)],
)
def test_lorentzian_integral_against_closed_form(T: object, m: object, eps: str, dps: int) -> None:
    value = free.lorentzian_integral(lambda x: 1, T=T, m=m, eps=eps, dps=dps)
    assert agreement_digits(value, _lorentzian_closed_form(T, m, eps)) > dps - 1
    # negative control: the ε → 0 value 2m is off at order ε
    assert agreement_digits(value, 2 * mpmath.mpf(m)) < 12


def test_lorentzian_integral_defaults() -> None:
    """T = 1, m = 1, eps = 1e-8, dps = 30: the result is rounded to 30 digits."""
    value = free.lorentzian_integral(lambda x: 1)
    assert agreement_digits(value, _lorentzian_closed_form(1, 1, "1e-8")) > 29
    with mpmath.workdps(30):
        assert +value == value
    with mpmath.workdps(31):  # negative control: not a 31-digit number
        assert +free.lorentzian_integral(lambda x: 1, dps=31) != value


@pytest.mark.parametrize(
    "kwargs",
    [
        {"T": 0},
        {"T": -1},
        {"m": 0},
        {"m": -1},
        {"eps": 0},
        {"eps": "-1e-8"},
        {"T": math.inf},
        {"m": math.nan},
        {"eps": math.inf},
        {"eps": "abc"},
        {"T": True},
        {"m": None},
        {"eps": 1j},
    ],
)
def test_lorentzian_integral_rejects_bad_values(kwargs: dict[str, object]) -> None:
    ((name, _bad),) = kwargs.items()
    with pytest.raises(ValueError, match=rf"^{name} must be a finite positive number, got "):
        free.lorentzian_integral(lambda x: 1, **kwargs)  # type: ignore[arg-type]
    free.lorentzian_integral(lambda x: 1, dps=10, **{name: 2})  # control: a good value passes


def test_lorentzian_integral_refuses_a_width_beyond_max_dps() -> None:
    """ε/T = 1e-1090 would need 1 100 + dps digits: refused, naming eps and T."""
    with pytest.raises(ValueError, match=r"^eps = '1e-1090' is too small against T = 1: it needs"):
        free.lorentzian_integral(lambda x: 1, eps="1e-1090", dps=10)
    with pytest.raises(ValueError, match=r"it needs 1101 working digits, at most 1100$"):
        free.lorentzian_integral(lambda x: 1, eps="1e-1081", dps=10)  # 10 + 10 + 1081
    # control: 1e-100 needs 120 digits and is computed (the closed form is 2 − 2ε/π)
    v = free.lorentzian_integral(lambda x: 1, eps="1e-100", dps=10)
    assert abs(v - 2) < 1e-9


# --- oscillator: validation and defaults ------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: osc.expansion_coefficient_ladder(-1), r"^k must be >= 0, got -1$"),
        (lambda: osc.expansion_coefficient_ladder(2.0), r"^k must be an integer"),  # type: ignore[arg-type]
        (lambda: osc.resolvent_expansion_steps(-1), r"^order must be >= 0, got -1$"),
        (lambda: osc.weight_minus_two_steps(1), r"^order must be >= 2, got 1$"),
        (lambda: osc.phi_from_words(-1, 3), r"^u must be >= 0, got -1$"),
        (lambda: osc.phi_from_words(1, 0), r"^w must be >= 1, got 0$"),
        (lambda: osc.line_strength_ladder_series(-1, 2), r"^n must be >= 0, got -1$"),
        (lambda: osc.line_strength_ladder_series(1, -1), r"^order must be >= 0, got -1$"),
        (lambda: osc.poisson_central_moment_touchard(-1), r"^k must be >= 0, got -1$"),
        (lambda: osc.word_expectation(5), r"^word must be a str"),  # type: ignore[arg-type]
        (lambda: osc.word_expectation_3d("PzP", (0, 0, 1)), r"^word must be a string over"),
        (lambda: osc.word_expectation_3d(5, (0, 0, 1)), r"^word must be a str"),  # type: ignore[arg-type]
        (lambda: osc.word_expectation_3d("PP", (0, 1)), r"^q and omegas must have three comp"),
        (lambda: osc.word_expectation_3d("PP", (0, 0, 1), omegas=(1, 1)), r"^q and omegas must"),
    ],
)
def test_oscillator_errors_name_the_argument(call: Callable[[], object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


def test_lowest_orders_are_accepted() -> None:
    assert osc.expansion_coefficient_ladder(0) == 1
    assert osc.resolvent_expansion_steps(0).ok
    assert osc.weight_minus_two_steps(2).ok


def test_resolvent_expansion_steps_default_order_is_6() -> None:
    default = [st.to_latex() for st in osc.resolvent_expansion_steps().steps]
    assert default == [st.to_latex() for st in osc.resolvent_expansion_steps(6).steps]
    assert default != [st.to_latex() for st in osc.resolvent_expansion_steps(7).steps]


def test_clear_caches_returns_to_a_cold_start() -> None:
    osc.expansion_coefficient(6)
    osc.poisson_central_moment(6)
    osc._clear_caches()
    assert osc._STATES == [[[1]]]  # only X^0 e_0
    assert osc._coefficients.cache_info().currsize == 0
    assert osc._central_moment_coeffs.cache_info().currsize == 0
    # recomputed from scratch (the ladder states by _advance), still the Poisson central
    # moments, here from the Stirling-number route that uses no cache: mu_4 = 3y^2 + y
    assert osc.expansion_coefficient(4, y=2, omega=1) == 3 * 4 + 2
    for k in range(13):
        assert sp.expand(osc.expansion_coefficient(k) - OMEGA**k * _touchard(k)) == 0
        assert sp.expand(osc.poisson_central_moment(k) - _touchard(k)) == 0


def _touchard(k: int) -> sp.Expr:
    return osc.poisson_central_moment_touchard(k)


# --- oscillator: words in three dimensions ----------------------------------------------


def test_plain_int_parameters_stay_exact() -> None:
    """m, omega given as Python ints must not turn m*omega/2 into a float."""
    pz2 = osc.word_expectation("PP", m=1, omega=1)
    assert pz2 == sp.Rational(1, 2) and pz2.is_Rational  # <p_z^2> = m omega/2
    assert osc.word_expectation("PhP", m=3, omega=2) == 6  # m omega^2/2
    value = osc.expansion_coefficient_ladder(4, y=2, m=1, omega=1)
    assert value == 14 and value.is_Integer  # mu_4 = 3y^2 + y
    assert osc.expansion_coefficient_ladder(3, y=5, m=7, omega=3) == 27 * 5  # omega^3 y
    pp = osc.word_expectation_3d("PP", (0, 0, 1), m=1, omegas=(2, 2, 2))
    assert pp == 1 and pp.is_Integer  # omega q^2/(2m)


def test_word_expectation_3d_numeric_values() -> None:
    # <p_z^2>/m^2 q_z^2 = (m omega/2) q^2/m^2 = omega q^2/(2m) = 1 for m = 1, omega = 2, q = 1
    one, two = sp.Integer(1), sp.Integer(2)
    assert osc.word_expectation_3d("PP", (0, 0, 1), m=one, omegas=(two, two, two)) == 1
    # <p_z h p_z> = m omega^2/2: 1/2 for m = omega = 1
    assert osc.word_expectation_3d("PhP", (0, 0, 1), m=one, omegas=(one,) * 3) == one / 2
    assert (
        osc.word_expectation_3d("PhP", (1, 0, 0), m=one, omegas=(one, 3 * one, 5 * one)) == one / 2
    )
    # odd words and words without P vanish: parity, and h|0> = 0
    q = sp.symbols("q_x q_y q_z", real=True)
    for word in ("P", "h", "hh", "PPP", "Ph", "hPP"):
        assert osc.word_expectation_3d(word, q) == 0, word
    # negative control: the even word does not vanish
    assert osc.word_expectation_3d("PP", q) != 0


# --- oscillator: the resolvent at complex T ---------------------------------------------


def _poisson_sum(z: complex | str, y: str, omega: object, dps: int) -> mpmath.mpc:
    """Σ_n e^{-y} yⁿ/n!/(z - nω) by mpmath.nsum (an independent summation)."""
    with mpmath.workdps(dps + 15):
        zz, yy, ww = mpmath.mpmathify(z), mpmath.mpf(y), mpmath.mpf(omega)
        return mpmath.nsum(
            lambda n: mpmath.exp(-yy) * yy**n / mpmath.factorial(n) / (zz - n * ww), [0, mpmath.inf]
        )


@pytest.mark.parametrize(
    ("z", "y", "omega"),
    [("0.7+0.4j", "1.3", 1), ("2.5-0.2j", "0.75", "0.5"), ("9.5+1j", "12", 1), ("1j", "3", 2)],
)
def test_resolvent_lines_against_nsum(z: str, y: str, omega: object) -> None:
    value = osc.resolvent_lines(z, y, omega=omega, dps=25)
    reference = _poisson_sum(z, y, omega, 25)
    assert agreement_digits(value, reference) > 24
    # negative control: the line at n = 1 moved to 2 omega is seen
    assert agreement_digits(value, reference + _line_shift(z, y, omega)) < 10


def _line_shift(z: str, y: str, omega: object) -> mpmath.mpc:
    with mpmath.workdps(40):
        zz, yy, ww = mpmath.mpmathify(z), mpmath.mpf(y), mpmath.mpf(omega)
        p1 = yy * mpmath.exp(-yy)
        return p1 / (zz - 2 * ww) - p1 / (zz - ww)


def test_resolvent_lines_exact_limits_and_defaults() -> None:
    with mpmath.workdps(30):
        assert osc.resolvent_lines(1j, 0) == mpmath.mpc(0, -1)  # y = 0: only n = 0, R = 1/z
        assert osc.resolvent_lines("0.5+2j", 0) == 1 / mpmath.mpc("0.5", 2)
        r = osc.resolvent_lines("0.7+0.4j", "1.3")
        assert r == osc.resolvent_lines("0.7+0.4j", "1.3", omega=1, dps=30)
        assert +r == r  # rounded to the default 30 digits
        # R(conj z) = conj R(z): the line strengths are real
        assert osc.resolvent_lines("0.7-0.4j", "1.3") == mpmath.conj(r)
        with mpmath.workdps(31):  # negative control: a 31-digit result is not the same number
            assert +osc.resolvent_lines("0.7+0.4j", "1.3", dps=31) != r


def test_resolvent_lines_precision_follows_dps() -> None:
    for dps in (15, 50):
        value = osc.resolvent_lines("3.5+0.01j", "4", omega="0.75", dps=dps)
        assert agreement_digits(value, _poisson_sum("3.5+0.01j", "4", "0.75", dps)) > dps - 1


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (("1", "1"), r"^z must have a nonzero imaginary part, got '1'$"),
        ((2.5, "1"), r"^z must have a nonzero imaginary part, got 2.5$"),
        (("1j", "-0.5"), r"^y must be >= 0, got '-0.5'$"),
        (("1j", "x"), r"^z, y, omega must be numbers, got '1j', 'x', 1$"),
        (("1j", None), r"^z, y, omega must be numbers"),
    ],
)
def test_resolvent_routes_reject_bad_input(args: tuple[object, object], match: str) -> None:
    for route in (osc.resolvent_lines, osc.resolvent_continued_fraction):
        with pytest.raises(ValueError, match=match):
            route(*args)


@pytest.mark.parametrize("omega", [0, -1, "-0.5"])
def test_resolvent_routes_reject_non_positive_omega(omega: object) -> None:
    for route in (osc.resolvent_lines, osc.resolvent_continued_fraction):
        with pytest.raises(ValueError, match=rf"^omega must be positive, got {omega!r}$"):
            route("1j", "1", omega=omega)


@pytest.mark.parametrize(
    ("z", "y", "omega"),
    [("0.7+0.4j", "1.3", 1), ("2.5-0.2j", "0.75", "0.5"), ("9.5+1j", "12", 1), ("1j", "3", 2)],
)
def test_continued_fraction_equals_the_lines(z: str, y: str, omega: object) -> None:
    """Eq. (16): the third line (tridiagonal resolvent) equals the first (Poisson lines)."""
    for dps in (20, 40):
        cf = osc.resolvent_continued_fraction(z, y, omega=omega, dps=dps)
        lines = osc.resolvent_lines(z, y, omega=omega, dps=dps)
        assert agreement_digits(cf, lines) > dps - 1


def test_continued_fraction_exact_special_cases() -> None:
    z, y, omega = mpmath.mpc("0.7", "0.4"), mpmath.mpf("1.3"), mpmath.mpf("0.5")
    with mpmath.workdps(30):
        # y = 0: only |0> contributes, 1/z
        assert agreement_digits(osc.resolvent_continued_fraction(z, 0), 1 / z) > 29
        # b = 0 (no p.q term): h never leaves |0>, 1/(z - 2a y omega) = 1/(z - y omega)
        cf0 = osc.resolvent_continued_fraction(z, y, omega=omega, pq_coeff=0)
        assert agreement_digits(cf0, 1 / (z - y * omega)) > 29
        cf0a = osc.resolvent_continued_fraction(z, y, omega=omega, q2_coeff=1, pq_coeff=0)
        assert agreement_digits(cf0a, 1 / (z - 2 * y * omega)) > 29
        # a = 0: <0|(z - P - h)^-1|0> = R_lines(z + y omega), the shift A = T - y omega
        shifted = osc.resolvent_continued_fraction(z, y, omega=omega, q2_coeff=0)
        assert agreement_digits(shifted, osc.resolvent_lines(z + y * omega, y, omega=omega)) > 29
        # b^2 enters: b = -1 gives the same as b = 1, b = 2 does not
        base = osc.resolvent_continued_fraction(z, y, omega=omega)
        assert (
            agreement_digits(osc.resolvent_continued_fraction(z, y, omega=omega, pq_coeff=-1), base)
            > 29
        )
        assert (
            agreement_digits(osc.resolvent_continued_fraction(z, y, omega=omega, pq_coeff=2), base)
            < 5
        )


def test_continued_fraction_defaults() -> None:
    """a = 1/2, b = 1 (Eq. 16), omega = 1, dps = 30; rounded to 30 digits."""
    z, y = "0.7+0.4j", "1.3"
    with mpmath.workdps(30):
        r = osc.resolvent_continued_fraction(z, y)
        assert r == osc.resolvent_continued_fraction(
            z, y, omega=1, q2_coeff="0.5", pq_coeff=1, dps=30
        )
        assert +r == r
        assert agreement_digits(r, osc.resolvent_lines(z, y)) > 29
        with mpmath.workdps(31):
            assert +osc.resolvent_continued_fraction(z, y, dps=31) != r


def test_continued_fraction_large_y_needs_depth() -> None:
    """y = 60: the tridiagonal couplings grow like y n; the depth must adapt to y."""
    z, y = "55.5+0.5j", "60"
    cf = osc.resolvent_continued_fraction(z, y, dps=25)
    assert agreement_digits(cf, _poisson_sum(z, y, 1, 25)) > 24


# --- oscillator: Φ_{u,w} from the words of a class --------------------------------------


def test_phi_from_words_hand_values() -> None:
    assert osc.phi_from_words(0, 1) == 1  # the empty word: <0|0> = 1
    assert osc.phi_from_words(0, 3) == 0  # h^2 |0> = 0
    assert osc.phi_from_words(1, 3) == OMEGA / (2 * M)  # <p_z^2>/m^2 = (m omega/2)/m^2
    assert osc.phi_from_words(1, 4) == OMEGA**2 / (2 * M)  # <p_z h p_z>/m^2
    assert osc.phi_from_words(1, 3, m=3, omega=5) == sp.Rational(5, 6)
    # <p_z^4>/m^4 = 3 (m omega/2)^2/m^4
    assert osc.phi_from_words(2, 5) == 3 * OMEGA**2 / (4 * M**2)
    assert osc.phi_from_words(2, 5, m=2, omega=sp.Rational(1, 3)) == sp.Rational(1, 48)


@pytest.mark.parametrize("w", range(1, 10))
def test_phi_from_words_equals_phi_from_coefficient(w: int) -> None:
    m, omega = sp.Rational(3, 7), sp.Rational(5, 2)
    for u in range(0, (w - 1) // 2 + 1):
        words = osc.phi_from_words(u, w)
        assert sp.simplify(words - osc.phi_from_coefficient(u, w)) == 0
        assert osc.phi_from_words(u, w, m=m, omega=omega) == osc.phi_from_coefficient(
            u, w, m=m, omega=omega
        )
        by_words = sum(osc.word_expectation(wd, m=m, omega=omega) for wd in _class_words(u, w))
        assert osc.phi_from_words(u, w, m=m, omega=omega) == by_words / m ** (2 * u)


def _class_words(u: int, w: int) -> list[str]:
    from sumrules.theory.expansion import class_words

    return list(class_words(u, w))


# --- oscillator derivations: each check covers exactly the printed range -----------------


def test_resolvent_expansion_steps_checks_through_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """'k <= order' is printed: a wrong moment at k = order fails, one at order + 1 does not."""
    true = osc.resolvent_series_coefficient

    def wrong_at(bad: int) -> Callable[..., sp.Expr]:
        return lambda k, **kw: true(k, **kw) + (OMEGA**k if k == bad else 0)

    monkeypatch.setattr(osc, "resolvent_series_coefficient", wrong_at(4))
    assert osc.resolvent_expansion_steps(4).failed
    monkeypatch.setattr(osc, "resolvent_series_coefficient", wrong_at(5))
    assert osc.resolvent_expansion_steps(4).ok


def test_weight_minus_two_dipole_line_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Step 1 compares sympy's integral of the n = 1 line with E_1: 10 % too strong fails."""
    true = osc.line_strength
    factor = sp.Rational(11, 10)  # off by 0.18 at eps = 1/10: caught by a 1e-25 tolerance
    monkeypatch.setattr(osc, "line_strength", lambda n, y=Y: (factor if n == 1 else 1) * true(n, y))
    steps = osc.weight_minus_two_steps(4).steps
    assert steps[0].passed is False
    assert steps[1].passed is True  # negative control: the lines n >= 2 are untouched


def test_weight_minus_two_finite_lines_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Step 2 compares sympy's integral of each line n = 2..5 with the Gamma formula."""
    true = osc.line_strength
    monkeypatch.setattr(osc, "line_strength", lambda n, y=Y: (2 if n == 2 else 1) * true(n, y))
    steps = osc.weight_minus_two_steps(4).steps
    assert steps[0].passed is True and steps[1].passed is False


@pytest.mark.parametrize(("bad", "fails"), [(2, True), (6, False)])
def test_weight_minus_two_lines_checked_for_n_2_to_5(
    monkeypatch: pytest.MonkeyPatch, bad: int, fails: bool
) -> None:
    """The method prints 'n = 2..5': a wrong Gamma formula is caught at 2, not at 6."""
    true = osc.line_weighted_integral

    def wrong(n: int, j: int, **kw: sp.Expr) -> sp.Expr:
        return true(n, j, **kw) * (2 if n == bad else 1)

    monkeypatch.setattr(osc, "line_weighted_integral", wrong)
    steps = osc.weight_minus_two_steps(4).steps
    assert (steps[1].passed is False) is fails
    assert (steps[2].passed is False) is fails


@pytest.mark.parametrize(("power", "fails"), [(3, True), (4, False)])
def test_weight_minus_two_series_checked_through_order_minus_1(
    monkeypatch: pytest.MonkeyPatch, power: int, fails: bool
) -> None:
    """'through omega^(order - 1)': an error at omega^(order-1) is caught, at omega^order not."""
    true = osc.expansion_weighted_prediction
    monkeypatch.setattr(
        osc,
        "expansion_weighted_prediction",
        lambda j, order, **kw: true(j, order, **kw) + OMEGA**power / M,
    )
    assert (osc.weight_minus_two_steps(4).steps[3].passed is False) is fails


@pytest.mark.parametrize(("n_h", "fails"), [(8, True), (9, False)])
def test_weight_minus_two_words_checked_for_n_le_8(
    monkeypatch: pytest.MonkeyPatch, n_h: int, fails: bool
) -> None:
    """The method prints 'P h^n P, n <= 8': a wrong word at n = 8 is caught, at n = 9 not."""
    true = osc.word_expectation
    bad = "P" + "h" * n_h + "P"
    monkeypatch.setattr(
        osc, "word_expectation", lambda w, **kw: true(w, **kw) * (2 if w == bad else 1)
    )
    assert (osc.weight_minus_two_steps(4).steps[4].passed is False) is fails


def test_weight_minus_two_resummation_needs_the_geometric_series(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(osc, "_geometric_ok", lambda: False)
    assert osc.weight_minus_two_steps(4).steps[4].passed is False


def test_weight_minus_two_default_order_is_10_and_its_title_is_printed() -> None:
    derivation = osc.weight_minus_two_steps()
    assert derivation.steps[3].justification.endswith("through omega^9")  # omega^(order - 1)
    # the title is printed as the heading of the claim in the committed proof book
    book = book_text()
    heading = derivation.to_latex().splitlines()[0]
    assert heading.startswith("\\subsubsection*{Oscillator, weight Q") and heading in book


def test_line_strength_ladder_series_hand_values() -> None:
    """p_n(y) = e^{-y} y^n/n! expanded by hand: y e^{-y} = y - y^2 + y^3/2 - ..."""
    assert osc.line_strength_ladder_series(0, 0) == 1  # order 0 is allowed
    assert osc.line_strength_ladder_series(3, 0) == 0  # p_3 = O(y^3)
    assert osc.line_strength_ladder_series(1, 3) == Y - Y**2 + Y**3 / 2
    assert osc.line_strength_ladder_series(2, 3) == Y**2 / 2 - Y**3 / 2
    for n in range(5):
        exact = sp.series(osc.line_strength(n), Y, 0, 6).removeO()
        assert sp.expand(osc.line_strength_ladder_series(n, 5) - exact) == 0


def test_touchard_hand_values() -> None:
    assert [osc.poisson_central_moment_touchard(k) for k in range(4)] == [1, 0, Y, Y]
    assert osc.poisson_central_moment_touchard(4, y=sp.Integer(2)) == 14


def test_resolvent_series_coefficient_uses_y_and_omega() -> None:
    assert osc.resolvent_series_coefficient(4, y=2, omega=3) == 3**4 * 14  # omega^4 (3y^2 + y)
    assert osc.resolvent_series_coefficient(2, y=sp.Rational(1, 2)) == OMEGA**2 / 2


@pytest.mark.parametrize(("bad", "fails"), [(4, True), (5, False)])
def test_model_input_checks_ladder_series_for_n_le_4(bad: int, fails: bool) -> None:
    """The step prints 'n <= 4': a strength wrong at n = 4 is caught, one wrong at n = 5 not."""

    def strength(n: sp.Symbol | int, y: sp.Expr) -> sp.Expr:
        return osc.line_strength(n, y) * (2 if n == bad else 1)

    steps = osc.model_input_checks(strength).steps
    assert (steps[3].passed is False) is fails
    assert steps[1].passed is True  # the symbolic sums do not see one integer n


@pytest.mark.parametrize(
    ("z", "y", "omega"),
    [
        ("1j", mpmath.inf, 1),
        ("1j", mpmath.nan, 1),
        (mpmath.mpc(mpmath.nan, 1), "1", 1),
        (mpmath.mpc(1, mpmath.inf), "1", 1),
        ("1j", "1", mpmath.inf),
    ],
)
def test_resolvent_routes_reject_non_finite_input(z: object, y: object, omega: object) -> None:
    """inf or nan used to make both routes loop forever; they are refused up front."""
    for route in (osc.resolvent_lines, osc.resolvent_continued_fraction):
        with pytest.raises(ValueError, match=r"^z, y, omega must be finite, got "):
            route(z, y, omega=omega, dps=10)
