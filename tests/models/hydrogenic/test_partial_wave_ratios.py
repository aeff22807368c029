"""The sum-rule ratios by partial waves with the q-integral done by Mellin–Parseval, against
the closed forms of r(κ) (an independent route: sympy-derived S_nl integrated exactly)."""

from __future__ import annotations

import mpmath
import pytest

from sumrules.core.numeric import agreement_digits
from sumrules.models import Hydrogenic
from sumrules.models.hydrogenic import closed_form_ratios, ground
from sumrules.models.hydrogenic import partial_wave_ratios as pwr
from sumrules.models.hydrogenic.partial_wave_ratios import (
    mellin_grid,
    partial_wave_groups,
    partial_wave_ratios,
    tau_grid,
    tau_poles,
)

pytest.importorskip("flint")


def test_ground_state_matches_the_closed_form_for_both_weights() -> None:
    r = partial_wave_ratios(1, 0, 1, dps=15)
    exact = ground.exact_sum_rule_ratio(1, dps=25)
    assert agreement_digits(r.r_nmm, exact) >= 15
    assert agreement_digits(r.r_ew, exact) >= 15


@pytest.mark.parametrize(("n", "l", "t_over_i"), [(2, 0, "1.5"), (2, 1, "2"), (3, 2, "10")])
def test_states_match_their_closed_forms(n: int, l: int, t_over_i: str) -> None:
    t = Hydrogenic(n, l).energy_at(t_over_i, dps=25)
    r = partial_wave_ratios(n, l, t, dps=15)
    nmm, ew = closed_form_ratios.exact_sum_rule_ratios(n, l, t, dps=25)
    assert agreement_digits(r.r_nmm, nmm) >= 15
    assert agreement_digits(r.r_ew, ew) >= 15
    # the two weights differ for l > 0 (r_nmm = r_ew is a 1s coincidence), and the route sees it
    if l:
        assert agreement_digits(r.r_nmm, r.r_ew) < 6


def test_twenty_five_digits_at_dps_30_for_2p() -> None:
    t = Hydrogenic(2, 1).energy_at("1.5", dps=40)
    r = partial_wave_ratios(2, 1, t, dps=30)
    nmm, ew = closed_form_ratios.exact_sum_rule_ratios(2, 1, t, dps=40)
    assert agreement_digits(r.r_nmm, nmm) >= 25
    assert agreement_digits(r.r_ew, ew) >= 25


def test_the_pole_correction_restores_the_last_digits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Negative control: the τ grid relies on the corrected poles at τ = ±i; without the
    correction the trapezoid sums keep their O(e^{−2π/Δτ}) error, about 10⁻²⁵ here."""
    t = Hydrogenic(2, 1).energy_at("1.5", dps=40)
    nmm, _ = closed_form_ratios.exact_sum_rule_ratios(2, 1, t, dps=40)
    assert agreement_digits(partial_wave_ratios(2, 1, t, dps=30).r_nmm, nmm) >= 29
    monkeypatch.setattr(pwr, "tau_poles", lambda weight, L: ())
    assert agreement_digits(partial_wave_ratios(2, 1, t, dps=30).r_nmm, nmm) < 27


def _weight(kind: str, L: int, tau: mpmath.mpc) -> mpmath.mpc:
    """The τ-weight of the L term as the product of its four Gamma functions."""
    a, b, pref = (L, L + 3, mpmath.pi / 16) if kind == "nmm" else (L + 1, L + 2, mpmath.pi / 4)
    g = mpmath.gamma
    return (
        pref
        * g((a + 1j * tau) / 2)
        * g((a - 1j * tau) / 2)
        / (g((b + 1j * tau) / 2) * g((b - 1j * tau) / 2))
    )


@pytest.mark.parametrize(("kind", "L"), [("nmm", 0), ("nmm", 1), ("nmm", 2), ("ew", 0), ("ew", 3)])
def test_the_pole_coefficients_are_the_residues_by_a_contour_integral(kind: str, L: int) -> None:
    """c = −2i Res at τ = ia, the residue by (1/2πi)∮ around the pole (a second route to the
    closed form of :func:`tau_poles`), for every pole below 6."""
    poles = tau_poles(kind, L, below=6)
    assert [a for a, _ in poles] == [
        a for a in range(1, 6) if a >= L + (kind == "ew") and (a - L - (kind == "ew")) % 2 == 0
    ]
    with mpmath.workdps(20):
        for a, c in poles:

            def around(phi: mpmath.mpf, a: int = a) -> mpmath.mpc:
                z = 0.25 * mpmath.expj(phi)
                return _weight(kind, L, 1j * a + z) * 1j * z

            res = mpmath.quad(around, [0, mpmath.pi, 2 * mpmath.pi]) / (2j * mpmath.pi)
            assert abs(-2j * res - c) < 1e-15 * abs(c)
    with pytest.raises(ValueError, match="weight"):
        tau_poles("dipole", 1)


def test_a_charge_scales_out() -> None:
    a = partial_wave_ratios(2, 1, "0.5", dps=12)
    b = partial_wave_ratios(2, 1, "4.5", Z=3, dps=12)
    assert agreement_digits(a.r_nmm, b.r_nmm) >= 12
    assert agreement_digits(a.r_ew, b.r_ew) >= 12


def test_the_continuum_is_orthogonal_to_the_bound_state_and_the_terms_converge() -> None:
    r = partial_wave_ratios(2, 1, "0.3", dps=15)
    assert abs(r.orthogonality) < mpmath.mpf(10) ** -15
    assert r.truncation_error < mpmath.mpf(10) ** -16
    assert r.terms_nmm[-1] < r.terms_nmm[-2] < r.terms_nmm[-3]
    assert mpmath.fsum(r.terms_nmm) == pytest.approx(float(r.r_nmm), rel=1e-15)


def test_a_repulsive_final_state_field_is_caught_twice() -> None:
    """Negative control: with η of the wrong sign the continuum is no longer orthogonal to the
    bound state, and the ratio leaves the closed form."""
    wrong = partial_wave_ratios(2, 1, "0.3", dps=12, eta_sign=1)
    nmm, _ = closed_form_ratios.exact_sum_rule_ratios(2, 1, "0.3", dps=20)
    assert abs(wrong.orthogonality) > 1e-3
    assert agreement_digits(wrong.r_nmm, nmm) < 2


def test_the_grids_cover_their_own_bounds() -> None:
    for n, l, k in ((1, 0, "1"), (4, 3, "0.01"), (4, 1, "2.5")):
        g = mellin_grid(n, l, mpmath.mpf(k), 36)
        assert 2 * mpmath.pi / g.h > 2 * g.tau_max  # every τ used lies below the u grid's Nyquist
        groups = partial_wave_groups(l, 60)
        assert [lo for lo, _, _ in groups[1:]] == [hi + 1 for _, hi, _ in groups[:-1]]
        assert groups[0][0] == 0 and groups[-1][1] == 60
        for lo, hi, strip in groups:
            assert strip >= 3 and (lo == 0 or lo - l >= strip)  # no uncorrected pole inside
            tg = tau_grid(g, lo, hi, strip, g.nodes // (lo + 1))
            assert tg.span <= tg.size and 2 * tg.kmax * tg.stride < tg.size
            assert tg.dtau * tg.size * g.h == pytest.approx(2 * float(mpmath.pi) * tg.stride)
            assert tg.kmax * tg.dtau >= g.tau_max
            # the first uncorrected singularity at |Im τ| = strip costs at most e^{−1.11 D}
            assert 2 * mpmath.pi * strip / tg.dtau >= mpmath.mpf("1.11") * g.big_d * (1 - 1e-12)


def test_the_ratios_report_the_grids_they_used() -> None:
    r = partial_wave_ratios(2, 1, "0.5", dps=15)
    assert [(t.lo, t.hi) for t in r.tau_grids] == [
        (lo, hi) for lo, hi, _ in partial_wave_groups(1, len(r.terms_nmm) - 1)
    ]
    spans = [t.span for t in r.tau_grids]
    assert spans[0] <= r.grid.nodes and spans == sorted(spans, reverse=True)


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"n": 0, "l": 0, "T": 1}, "n"),
        ({"n": 2, "l": 2, "T": 1}, "l"),
        ({"n": 2, "l": -1, "T": 1}, "l"),
        ({"n": 2, "l": 1, "T": "0.125"}, "T"),
        ({"n": 2, "l": 1, "T": 1, "Z": 0}, "Z"),
        ({"n": 2, "l": 1, "T": 1, "eta_sign": 0}, "eta_sign"),
        ({"n": 2, "l": 1, "T": 1, "lmax": 1}, "lmax"),
    ],
)
def test_bad_input_names_the_argument(kwargs: dict[str, object], word: str) -> None:
    with pytest.raises(ValueError, match=word):
        partial_wave_ratios(**kwargs, dps=10)  # type: ignore[arg-type]


def test_too_few_partial_waves_is_an_error_not_a_number() -> None:
    with pytest.raises(ValueError, match="lmax = 4 too small"):
        partial_wave_ratios(2, 1, "0.5", dps=15, lmax=4)
