"""sumrules.models.hydrogenic.ratios: the shared hydrogen table, the limits of r(T), the shares."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from sumrules.models.hydrogenic import checks
from sumrules.models.hydrogenic import ground as hyd
from sumrules.models.hydrogenic import ratios as hr


def test_hydrogen_rows_cached_and_consistent() -> None:
    rows = hr.hydrogen_rows(20)
    assert hr.hydrogen_rows(20) is rows
    assert [r.t_over_i for r in rows] == list(hr.TABLE_T_OVER_I)
    for _, _, r_nmm, r_ew, closed, delta in rows:
        assert abs(r_nmm - closed) < 1e-18 and abs(r_ew - closed) < 1e-18
        assert 0 < delta < 1 - closed or closed > 1 - 1e-5


def test_closed_form_is_the_derived_one_and_its_threshold() -> None:
    d = checks.derive_exact_ratio()
    assert sp.simplify(hr.closed_form_ratio(d.kappa) - d.r_nmm) == 0
    assert sp.simplify(hr.threshold_ratio() - 1 + sp.Rational(7, 3) * sp.exp(-4)) == 0
    assert hr.threshold_deviation() == sp.Rational(7, 3) * sp.exp(-4)
    x, worst, monotone = hr.largest_deviation_on_grid(30)
    assert monotone and x < 1 + 1e-8
    assert abs(worst - mpmath.mpf(sp.N(hr.threshold_deviation(), 40))) < 1e-8


def test_large_T_series_against_library() -> None:
    u = sp.Symbol("u", positive=True)
    series = hr.large_T_series_u(9)
    p, c, nxt = hyd.large_T_leading_law()
    assert all(series.coeff(u, k) == 0 for k in range(5))
    assert sp.simplify(series.coeff(u, 5) - c) == 0 and sp.simplify(series.coeff(u, 6) - nxt) == 0
    assert p == sp.Rational(5, 2)
    assert hr.large_T_leading_term() == (p, c, nxt)
    w, direct = checks.large_T_series(7)
    assert sp.expand(hr.large_T_series_w().subs(sp.Symbol("w", positive=True), w) - direct) == 0


def test_large_T_fit_and_leading_ratio() -> None:
    fit = hr.large_T_fit(30)
    assert abs(fit.exponent - 2.5) < 1e-4 and abs(fit.coefficient + 16 / (15 * mpmath.pi)) < 1e-4
    closed = hr.leading_law_ratio(10**8, 30)
    series = mpmath.mpf(sp.N(hr.leading_law_series(10**8), 40))
    assert abs(closed - series) < 1e-7
    assert abs(hr.no_sommerfeld_slope(30) - 2.5) > 1  # the wrong model has no (I/T)^(5/2) law


def test_deviation_crossing_brackets_the_level() -> None:
    x = hr.deviation_crossing("0.01", 20)
    below = 1 - hyd.exact_sum_rule_ratio(x * mpmath.mpf("0.999") / 2, dps=20)
    above = 1 - hyd.exact_sum_rule_ratio(x * mpmath.mpf("1.001") / 2, dps=20)
    assert below > mpmath.mpf("0.01") > above


def test_low_q_shares_and_their_power() -> None:
    assert abs(hr.low_q_share_ratio("0.75", 20) - 0.25) < 1e-4
    assert abs(hr.low_q_share_power(("0.5000001", "0.75", "1"), 20) - 1) < 1e-3
    assert abs(hr.low_q_share_power(("0.5000001", "0.75", "1"), 20, weight="nmm")) < 1e-15
    with pytest.raises(ValueError, match="weight"):
        hr.low_q_share_power(("1", "2"), 20, weight="q4")


def test_limits_of_the_papers_step() -> None:
    disp = hr.dispersion_limit("1", ("-100", "-1000", "-10000"), 20)
    r_ew = hyd.exact_sum_rule_ratio(1, dps=20)
    assert abs(disp + 2 * r_ew) < 1e-6 and abs(disp + 2) > 1e-2
    assert abs(hr.resolvent_limit("1", ("1000", "10000"), 20) + 2) < 1e-4
