"""The shared quantities of the argon and xenon claims: the shortfall's two routes agree to
20%, its three wrong explanations are far outside, and the summary states the budget."""

from __future__ import annotations

from sumrules.models import rhf_claims as rhf
from sumrules.models.rhf_tables import analysis, bethe_point


def test_shortfall_routes_agree_and_controls_are_far() -> None:
    q = rhf.SHORTFALL
    assert [r.family for r in q.routes] == ["table", "table"]
    for case in q.cases:
        table, data = (r.compute(case, None) for r in q.routes)  # type: ignore[arg-type]
        assert abs(data / table - 1) < 0.2
        for v in q.controls[:2]:  # the multipole cut and the 10 keV tail: far below
            assert v.compute(case, None) < 0.4 * table  # type: ignore[arg-type]


def test_ratio_quantities_share_the_twenty_percent_tolerance() -> None:
    for q in (rhf.R_NMM, rhf.R_EW, rhf.BETHE, rhf.SHORTFALL):
        assert q.tolerance is rhf.TWENTY_PERCENT
    assert rhf.R_NMM.controls[1].description == "the shell model cut at L ≤ 3"


def test_multipole_cut_loss_is_zero_to_the_kept_decimals() -> None:
    # at the smallest q the closure sums to N up to float rounding, whose last bits differ
    # between machines; the control's value is that loss rounded, so the ledger text is the
    # same everywhere; a loss at the kept precision would survive the rounding.
    loss = rhf.SHORTFALL.controls[0]
    for element in ("Ar", "Xe"):
        p = bethe_point(element, float(analysis(element).table.q[0]))
        assert abs(p.electrons - p.closure) < 10.0 ** (-rhf.LOSS_DECIMALS)
        assert loss.compute(element, None) == 0.0  # type: ignore[arg-type]
    assert round(3e-12, rhf.LOSS_DECIMALS) != 0.0
