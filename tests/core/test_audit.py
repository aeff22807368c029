"""The audit's route families: only the declared families count, two are needed."""

from __future__ import annotations

import pytest

from sumrules.core.audit import audit, family_of
from sumrules.core.claim import FAMILIES
from sumrules.core.ledger import Control, Evidence, Outcome


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_declared_family_is_its_own_family(family: str) -> None:
    assert family_of(Evidence("m", family, "s")) == family


@pytest.mark.parametrize("route", ["model:hydrogen", "numeric", "Closed form", ""])
def test_anything_else_is_no_family(route: str) -> None:
    with pytest.raises(ValueError, match="is of no known family"):
        family_of(Evidence("m", route, "s"))


def test_two_routes_of_one_family_are_one_route() -> None:
    ev = [Evidence("hydrogen", "model", "s"), Evidence("oscillator", "model", "s")]
    out = Outcome("verified", "", ev, [Control("c", True)])
    assert audit(out) == "fewer than two independent routes: families model"
    assert (
        audit(
            Outcome("verified", "", [*ev, Evidence("q", "quadrature", "s")], [Control("c", True)])
        )
        is None
    )
