"""The free electron and the oscillator through the :class:`~sumrules.models.base.Atom`
interface itself (the methods the claims call), at non-unit m and ω so that a dropped or
misplaced factor shows, each with a wrong variant the same assertion rejects."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.models.free import Q2, Free
from sumrules.models.oscillator import Oscillator, line_strength, resolvent_lines

T, M = sp.symbols("T m", positive=True)
OMEGA, MASS = sp.Rational(3, 2), 2  # y = Q²/(2mω) = Q²/6


# --------------------------------------------------------------------------------------------
# the free electron


def test_free_describes_itself() -> None:
    free = Free(3)
    assert (repr(free), free.name, free.electrons, free.threshold) == (
        "Free(m=3)",
        "free electron",
        1,
        0,
    )
    assert Free().m == 1 and Free(M).m == M


@pytest.mark.parametrize("m", [0, -1, "x", None])
def test_free_rejects_a_mass_that_is_not_positive(m: object) -> None:
    with pytest.raises(ValueError, match="m must be a positive"):
        Free(m)


def test_free_structure_function_and_resolvent_carry_the_mass() -> None:
    free = Free(3)
    assert free.structure_function(T, Q2) == sp.DiracDelta(T - Q2 / 6)
    assert free.structure_function(T, Q2) != Free(1).structure_function(T, Q2)  # control
    assert free.structure_function(T, 12) == sp.DiracDelta(T - 2)
    assert free.resolvent(T, 12) == 1 / (T - 2)
    assert free.resolvent(T, 12) != 1 / (T - 12)  # control: m dropped
    assert set(free.resolvent_routes()) == {"closed form", "symbolic"}
    assert free.resolvent_routes()["closed form"](T, 12, 30) == 1 / (T - 2)


def test_free_ratios_by_both_routes_are_one_at_any_mass() -> None:
    free = Free(M)
    routes = free.ratio_routes()
    assert set(routes) == {"closed form", "symbolic"}
    for t in (sp.Rational(3, 2), T):
        assert free.sum_rule_ratios(t) == (1, 1)
        assert routes["closed form"](t, 30) == (1, 1)
        assert tuple(sp.simplify(v) for v in routes["symbolic"](t, 30)) == (1, 1)
    # control: the same integrals with the weight of the other ratio are not 1
    assert sp.simplify(free.integrate_structure(1, T) / T) != 1


def test_free_symbolic_route_rejects_a_negative_energy() -> None:
    with pytest.raises(ValueError, match="T must be a positive"):
        Free().ratio_routes()["symbolic"](-1, 30)


def test_free_translated_resolvent_finds_the_plane_wave_energy() -> None:
    symbolic = Free(3).resolvent_routes()["symbolic"]
    assert sp.simplify(symbolic(T, 12, 30) - 1 / (T - 2)) == 0
    assert sp.simplify(Free(1).resolvent_routes()["symbolic"](T, 12, 30) - 1 / (T - 2)) != 0


# --------------------------------------------------------------------------------------------
# the oscillator


def test_oscillator_describes_itself() -> None:
    osc = Oscillator(OMEGA, MASS)
    assert (repr(osc), osc.name, osc.electrons, osc.threshold) == (
        "Oscillator(omega=3/2, m=2)",
        "harmonic oscillator",
        1,
        OMEGA,
    )


@pytest.mark.parametrize(("T_over_omega", "line"), [("0.6", 1), ("1.49", 1), ("1.51", 2), (4, 4)])
def test_oscillator_line_is_the_nearest_one(T_over_omega: str, line: int) -> None:
    assert Oscillator(OMEGA, MASS).line(sp.Rational(T_over_omega) * OMEGA) == line


@pytest.mark.parametrize(
    ("T", "match"),
    [
        (sp.Rational(3, 4), "boundary"),  # T/ω = 1/2: between the cells of lines 0 and 1
        (sp.Rational(9, 4), "boundary"),  # T/ω = 3/2
        (T, "at least omega/2"),  # symbolic: no line
    ],
)
def test_oscillator_line_rejects_cell_boundaries_and_low_energies(T: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Oscillator(OMEGA, MASS).line(T)


def test_oscillator_structure_function_is_the_line_sum() -> None:
    s = Oscillator(OMEGA, MASS).structure_function(T, Q2)
    assert isinstance(s, sp.Sum)
    n, low, high = s.limits[0]
    assert (low, high) == (0, sp.oo)
    assert n.name == "n" and n.is_integer and n.is_nonnegative
    term = s.function.subs(n, 2)
    assert term == line_strength(2, Q2 / 6) * sp.DiracDelta(T - 3)
    assert term != line_strength(2, Q2 / 3) * sp.DiracDelta(T - 3)  # control: y = Q²/mω


@pytest.mark.parametrize("T_over_omega", [1, "2.3", "3.7"])
def test_oscillator_ratios_by_both_routes_are_one(T_over_omega: object) -> None:
    osc = Oscillator(OMEGA, MASS)
    t = sp.Rational(T_over_omega) * OMEGA
    routes = osc.ratio_routes()
    assert set(routes) == {"closed form", "symbolic"}
    assert osc.sum_rule_ratios(t) == (1, 1)
    assert routes["closed form"](t, 30) == (1, 1)
    assert routes["symbolic"](t, 30) == (1, 1)


def test_oscillator_ratio_weights_are_the_papers() -> None:
    """Control for the ratio test: the cell's line n with the weight of line n + 1 (or r_ew
    without its 1/2mω) is not 1, so a unit result pins n and the normalisation."""
    from sumrules.models.oscillator import line_weighted_integral

    n = 3
    r_nmm_wrong = (n + 1) * line_weighted_integral(n, -1, m=MASS, omega=OMEGA)
    r_ew_wrong = line_weighted_integral(n, 0, m=MASS, omega=OMEGA)
    assert sp.simplify(r_nmm_wrong) != 1 and sp.simplify(r_ew_wrong) != 1


def test_oscillator_y_scales_by_two_m_omega() -> None:
    with mpmath.workdps(30):
        assert Oscillator(OMEGA, MASS).y(9) == mpmath.mpf("1.5")


# --------------------------------------------------------------------------------------------
# the oscillator at ω ≠ 1, beyond the default precision (a dropped ω or dps shows)


def test_oscillator_spectral_weight_at_its_lines() -> None:
    osc = Oscillator(OMEGA, MASS)
    assert osc.spectral_weight(3, 6) == sp.exp(-1) / 2  # T = 2ω, y = Q²/2mω = 1
    assert osc.spectral_weight(2, 6) == 0  # between the lines


def test_oscillator_resolvent_reaches_the_line_sum_at_50_digits() -> None:
    """y = P²/2mω = 1/3 and ω = 3/2 are not binary fractions: every route must carry both at
    the working precision to agree with the exact-input line sum to 50 digits."""
    osc = Oscillator(OMEGA, MASS)
    z = mpmath.mpc("2.2", "-0.3")
    with mpmath.workdps(60):
        exact = resolvent_lines(z, mpmath.mpf(1) / 3, omega=mpmath.mpf(3) / 2, dps=55)
    values = [
        osc.resolvent(z, 2, dps=50),
        osc.spectral_sum(lambda e: 1 / (z - e), 2, dps=50),
        osc.resolvent_operator(z, 2, dps=50),
        *(route(z, 2, 50) for route in osc.resolvent_routes().values()),
    ]
    assert all(abs(v - exact) < 1e-48 for v in values)
    wrong = resolvent_lines(z, 1, omega="1.5", dps=50)  # control: y = P²/2m
    assert abs(wrong - exact) > 1e-3
    assert osc.spectral_sum(lambda e: e + 7, 0) == 7  # y = 0: the ground state alone


def test_oscillator_rejects_a_frequency_or_mass_that_is_not_positive() -> None:
    with pytest.raises(ValueError, match=r"^omega must be positive, got 0$"):
        Oscillator(0)
    with pytest.raises(ValueError, match=r"^m must be positive, got -1$"):
        Oscillator(1, -1)
    with pytest.raises(ValueError, match=r"^T must be at least omega/2 = 3/4, got 1/2$"):
        Oscillator(OMEGA, MASS).line(sp.Rational(1, 2))


@pytest.mark.parametrize(("omega", "expected"), [(1, "3.5e-6"), (2, "2.25e-6")])
def test_falloff_deviation_tends_to_its_leading_term(omega: int, expected: str) -> None:
    """|ωyR + 1| ≈ (T/ω + 1)/y at large y (the next term is O(1/y²))."""
    from sumrules.models.oscillator import falloff_deviation

    value = falloff_deviation("2.5", 10**6, omega=omega, dps=20)
    assert abs(value / mpmath.mpf(expected) - 1) < 1e-5


def test_falls_off_needs_strictly_smaller_and_below_five_percent() -> None:
    from sumrules.models.oscillator import falls_off

    assert falls_off(0.2, 0.04) and not falls_off(0.04, 0.04) and not falls_off(0.2, 0.05)
