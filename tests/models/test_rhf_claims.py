"""The shared quantities of the argon and xenon claims: the shortfall's two routes agree to
20%, its three wrong explanations are far outside, and the summary states the budget."""

from __future__ import annotations

from sumrules.models import rhf_claims as rhf


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
