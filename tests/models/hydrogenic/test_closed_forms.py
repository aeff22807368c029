"""Tests of sumrules.models.hydrogenic.closed_forms: each check with a negative control."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from sympy.physics.hydrogen import R_nl
from sympy.physics.wigner import wigner_3j

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic.closed_form_derivation import compton_profile
from sumrules.models.hydrogenic.closed_forms import (
    CLOSED_FORMS,
    closed_form_expression,
    closed_form_states,
    continuum_density_closed,
    dipole_density_closed,
    reduced_state,
    validate_state,
)
from sumrules.models.hydrogenic.ground import continuum_density


def partial_wave_density(n: int, li: int, T: str, q: str, dps: int = 15) -> mpmath.mpf:
    """S_nl = Σ_{l_f, L} (2L+1)(2l_f+1)(l_i L l_f; 000)² |∫ R_{E l_f} j_L(qr) R_nl r² dr|² (Z = 1).

    R_El = √(2/(πk)) F_l(−1/k, kr)/r (mpmath.coulombf, downward recurrence), tanh-sinh in r.
    ``dps`` < 0 flips the sign of η (a repulsive potential: a negative control).
    """
    sign = -1 if dps > 0 else 1
    dps = abs(dps)
    with mpmath.workdps(dps + 10):
        t, qq = mpmath.mpf(T), mpmath.mpf(q)
        lam = mpmath.mpf(1) / n
        k = mpmath.sqrt(2 * t - lam**2)
        eta = sign / k
        rr = sp.Symbol("r")
        bound = sp.lambdify(rr, R_nl(n, li, rr, 1), "mpmath")
        w = (k * k + qq * qq + lam**2) / (2 * k * qq)
        lcut = int((dps + 4) * mpmath.log(10) / (-2 * mpmath.log(w - mpmath.sqrt(w * w - 1))))
        lcut += 8 + li
        memo: dict = {}

        def radial(r: mpmath.mpf) -> tuple:
            if r not in memo:
                f = [mpmath.mpf(0)] * (lcut + 2)
                j = [mpmath.mpf(0)] * (lcut + 2)
                f[lcut + 1], f[lcut] = (mpmath.coulombf(L, eta, k * r) for L in (lcut + 1, lcut))
                c = mpmath.sqrt(mpmath.pi / (2 * qq * r))
                j[lcut + 1], j[lcut] = (
                    c * mpmath.besselj(L + 0.5, qq * r) for L in (lcut + 1, lcut)
                )
                for ell in range(lcut, 0, -1):
                    f[ell - 1] = (
                        (2 * ell + 1) * (eta + ell * (ell + 1) / (k * r)) * f[ell]
                        - ell * mpmath.sqrt((ell + 1) ** 2 + eta**2) * f[ell + 1]
                    ) / ((ell + 1) * mpmath.sqrt(ell * ell + eta**2))
                    j[ell - 1] = (2 * ell + 1) / (qq * r) * j[ell] - j[ell + 1]
                memo[r] = (f, j, bound(r) * r)
            return memo[r]

        r_end = (dps + 15) * mpmath.log(10) / lam * mpmath.mpf("1.3")
        pts = [mpmath.mpf(0)]
        while pts[-1] < r_end:
            pts.append(2 * pts[-1] if pts[-1] else 1 / lam)
        total = mpmath.mpf(0)
        for lf in range(lcut - li):
            for L in range(abs(lf - li), lf + li + 1):
                w3 = sp.Rational(wigner_3j(li, L, lf, 0, 0, 0) ** 2)
                if w3 == 0:
                    continue

                def f(r: mpmath.mpf, lf: int = lf, L: int = L) -> mpmath.mpf:
                    if not r:
                        return mpmath.mpf(0)
                    fl, jl, b = radial(r)
                    return fl[lf] * jl[L] * b

                integral = mpmath.quad(f, pts) * mpmath.sqrt(2 / (mpmath.pi * k))
                total += (2 * L + 1) * (2 * lf + 1) * mpmath.mpf(w3.p) / w3.q * integral**2
        return total


def test_states_listed() -> None:
    assert closed_form_states() == (
        (1, 0),
        (2, 0),
        (2, 1),
        (3, 0),
        (3, 1),
        (3, 2),
        (4, 0),
        (4, 1),
        (4, 2),
        (4, 3),
    )
    assert all(f.order == 2 * f.n + 1 for f in CLOSED_FORMS.values())


@pytest.mark.parametrize(
    ("args", "name"),
    [((5, 0), "n = 5, l = 0"), ((0, 0), "n must"), ((2, 2), "l must"), ((2.0, 0), "n must")],
)
def test_validate_state_names_argument(args: tuple, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        validate_state(*args)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"T": "0.1", "q": 1}, "T must"),
        ({"T": 1, "q": -1}, "q must"),
        ({"T": 1, "q": "x"}, "q must"),
    ],
)
def test_density_input_errors(kwargs: dict, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        continuum_density_closed(2, 1, kwargs["T"], kwargs["q"])
    with pytest.raises(ValueError, match="Z must"):
        continuum_density_closed(2, 1, 1, 1, Z=0)


POINTS = [("0.5001", "0.01"), ("0.6", "0.3"), (1, "0.7"), (3, 2), (50, 10), (50, 40), (2000, 63)]


def test_1s_is_bethe_form() -> None:
    for T, q in POINTS:
        assert agreement_digits(continuum_density_closed(1, 0, T, q), continuum_density(T, q)) >= 29
    # negative control: the 2s table at the same (T, q) is not the 1s density
    assert (
        agreement_digits(continuum_density_closed(2, 0, 1, "0.7"), continuum_density(1, "0.7")) < 2
    )


@pytest.mark.parametrize(
    ("n", "l", "T", "q"),
    [
        (2, 1, "0.13", "0.05"),
        pytest.param(2, 0, "0.13", "0.1", marks=pytest.mark.slow),
    ],
)
def test_partial_wave_agreement(n: int, l: int, T: str, q: str) -> None:
    closed = continuum_density_closed(n, l, T, q, dps=30)
    assert agreement_digits(closed, partial_wave_density(n, l, T, q, 10)) >= 9
    # negative control: the repulsive sign of η (Sommerfeld parameter) disagrees
    assert agreement_digits(closed, partial_wave_density(n, l, T, q, -6)) < 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("n", "l", "T", "q"),
    [(2, 0, "0.3", "0.5"), (2, 0, 1, 2), (2, 1, "0.3", "0.5"), (2, 1, 1, 2), (3, 2, "0.2", "0.4")],
)
def test_partial_wave_agreement_more(n: int, l: int, T: str, q: str) -> None:
    closed = continuum_density_closed(n, l, T, q, dps=30)
    assert agreement_digits(closed, partial_wave_density(n, l, T, q, 20)) >= 19


@pytest.mark.parametrize(("n", "l"), [(2, 0), (2, 1), (3, 2), (4, 3)])
def test_z_scaling(n: int, l: int) -> None:
    z = mpmath.mpf(3)
    for T, q in [("0.2", "0.1"), (1, 2), (30, 7)]:
        with mpmath.workdps(40):
            t = mpmath.mpf(T) * z * z
            q_ = mpmath.mpf(q) * z
        lhs = continuum_density_closed(n, l, t, q_, Z=3)
        with mpmath.workdps(40):
            rhs = continuum_density_closed(n, l, T, q) / 9
            assert agreement_digits(lhs, rhs) >= 29
            # negative control: Z⁻¹ instead of Z⁻² is rejected by the same comparison
            assert agreement_digits(lhs, rhs * 3) < 1


def _grid_min(f: object) -> mpmath.mpf:
    with mpmath.workdps(30):
        grid = [mpmath.mpf(10) ** (mpmath.mpf(j) / 3) for j in range(-9, 10)]
        vals = [f(u, kap) for u in grid for kap in grid]
        return min(vals)


def test_positivity_on_grid() -> None:
    def density(n: int, l: int):
        def f(u: mpmath.mpf, kap: mpmath.mpf) -> mpmath.mpf:
            st = reduced_state(n, l, (1 + kap * kap) / (2 * n * n), 1)
            return st.density(u)[0]

        return f

    for n, l in [(2, 0), (2, 1)]:
        assert _grid_min(density(n, l)) > 0
    # negative control: a difference of two densities takes both signs on the same grid
    assert _grid_min(lambda u, k: density(2, 0)(u, k) - density(2, 1)(u, k)) < 0


def test_dipole_limit() -> None:
    with mpmath.workdps(40):
        q2 = mpmath.mpf("1e-24")
        for n, l in [(2, 0), (2, 1)]:
            d = dipole_density_closed(n, l, "0.3")
            s = continuum_density_closed(n, l, "0.3", "1e-12", dps=40)
            assert agreement_digits(s / q2, d) >= 20
        # negative control: the 2p density against the 2s dipole limit
        s = continuum_density_closed(2, 1, "0.3", "1e-12", dps=40)
        assert agreement_digits(s / q2, dipole_density_closed(2, 0, "0.3")) < 2


def test_large_k_compton_limit() -> None:
    """k S(T, k + Δ) → J(Δ) (impulse approximation), with O(1/k) corrections (λ = 1, Z = n)."""
    for n, l in [(2, 0), (2, 1)]:
        J = sp.lambdify(sp.Symbol("p", positive=True), compton_profile(n, l), "mpmath")
        for delta in ("0.3", "1.5"):
            with mpmath.workdps(30):
                vals = []
                for kap in (10**4, 2 * 10**4):
                    T = (1 + mpmath.mpf(kap) ** 2) / 2
                    s = continuum_density_closed(n, l, T, kap + mpmath.mpf(delta), Z=n)
                    vals.append(kap * s)
                extrapolated = 2 * vals[1] - vals[0]  # Richardson in 1/k
                target = J(mpmath.mpf(delta))
            assert abs(extrapolated / target - 1) < 1e-6
            # negative control: the other state's Compton profile
            other = compton_profile(2, 1 - l).subs(
                sp.Symbol("p", positive=True), sp.Rational(delta)
            )
            assert abs(extrapolated / float(other) - 1) > 1e-2


def test_ridge_far_out_keeps_digits() -> None:
    """Along the ridge at κ = 10⁴ the polynomial cancels: extra digits keep 30 correct."""
    T, q = mpmath.mpf(10) ** 8 / 8, mpmath.mpf(5000)
    low = continuum_density_closed(2, 0, T, q, dps=30)
    high = continuum_density_closed(2, 0, T, q, dps=60)
    assert agreement_digits(low, high) >= 29
    # negative control: P summed in x = u², y = κ² (as derived) at 30 digits loses most of them
    with mpmath.workdps(30):
        st = reduced_state(2, 0, T, 1)
        u, y = q / st.lam, st.kappa**2
        p_x = sum(c * (u * u) ** i * y**j for i, j, c in st.form.terms)
        p_w, _ = st.polynomial((u - st.kappa) * (u + st.kappa))
    assert agreement_digits(p_x, p_w) < 20


def test_expression_matches_numbers() -> None:
    S, (T, q, Z) = closed_form_expression(2, 1)
    point = {T: sp.Rational(3, 10), q: sp.Rational(1, 2), Z: 1}
    assert (
        agreement_digits(sp.N(S.subs(point), 40), continuum_density_closed(2, 1, "0.3", "0.5"))
        >= 29
    )
    # negative control: the principal atan instead of atan2 differs where u² < κ² − 1
    wrong = S.replace(sp.atan2, lambda y, x: sp.atan(y / x))
    point = {T: 2, q: sp.Rational(1, 2), Z: 1}
    assert (
        agreement_digits(sp.N(wrong.subs(point), 40), continuum_density_closed(2, 1, 2, "0.5")) < 1
    )
    assert agreement_digits(sp.N(S.subs(point), 40), continuum_density_closed(2, 1, 2, "0.5")) >= 29
