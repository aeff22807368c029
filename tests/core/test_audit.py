"""The audit's route families: version-2 names, version-1 names, unknown names."""

from __future__ import annotations

import pytest

from sumrules.core.audit import audit, family_of
from sumrules.core.ledger import Control, Evidence, Outcome


@pytest.mark.parametrize(
    ("route", "family"),
    [
        ("closed form", "closed form"),
        ("model:hydrogen", "model"),
        ("symbolic: induction", "symbolic"),
        ("numeric: Z scaling", "quadrature"),
        ("combinatorial: DP", "enumeration"),
        ("dirac-traces", "spinor algebra"),
        ("units:pdg", "units"),
        ("moseley:hartree", "closed form"),
    ],
)
def test_family_of_version_2_and_version_1_routes(route: str, family: str) -> None:
    assert family_of(Evidence("m", route, "s")) == family


def test_legacy_outcomes_count_routes_by_name() -> None:
    ev = [Evidence("a", "model:hydrogen", "s"), Evidence("b", "model:hydrogenic", "s")]
    out = Outcome("verified", "", ev, [Control("c", True)])
    assert audit(out, legacy=True) is None
    assert audit(out) == "fewer than two independent routes: families model"
