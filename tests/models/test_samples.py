"""sumrules.models.samples: atoms as quantities, and a verdict that atoms cannot outvote."""

from __future__ import annotations

from typing import Any

import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Variant
from sumrules.core.ledger import Context
from sumrules.core.runner import run_claim, run_quantity
from sumrules.models import samples as sm
from sumrules.models.free import Free


class Fixed:
    """A test atom whose ratios are a fixed number r by two routes (of two families)."""

    def __init__(self, r: Any, name: str = "fixed") -> None:
        self.r, self._name = sp.sympify(r), name

    name = property(lambda self: self._name)
    electrons = 1
    threshold = sp.Integer(1)

    def structure_function(self, T: Any, Q2: Any, *, dps: int = 30) -> Any:
        raise NotImplementedError

    def resolvent(self, T: Any, P2: Any, *, dps: int = 30) -> Any:
        raise NotImplementedError

    def sum_rule_ratios(self, T: Any, *, dps: int = 30) -> tuple[Any, Any]:
        return self.r, self.r

    def ratio_routes(self) -> dict[str, Any]:
        return {
            "closed form": lambda T, dps: (self.r, self.r),
            "symbolic": lambda T, dps: (self.r, self.r),
        }


def _claim(quantities: tuple[Any, ...]) -> Claim:
    def policy(f: Findings) -> str:
        return sm.sum_rule_verdict(sm.atom_findings(f, sm.NMM))

    return Claim(
        "eq99", title="toy", printed=Printed(text="r = 1"), quantities=quantities, policy=policy
    )


def _quantity(atom: Any, key: str, energies: tuple[Any, ...] = (2, 5)) -> Any:
    sample = sm.Sample(key, atom, energies, unit="I")
    doubled = Variant("the ratio doubled", lambda x, ctx: 2 * atom.r)
    return sm.ratio_quantity(sample, sm.NMM, printed=1, controls=(doubled,))


def test_labels_and_energies() -> None:
    assert sm.FREE.label(sp.Symbol("T")) == "T symbolic" and sm.FREE.label(2) == "T = 2"
    assert sm.HYDROGEN.label("1.5") == "T/I = 1.5" and sm.OSCILLATOR.label(3) == "T/ω = 3"
    assert sm.OSCILLATOR.energy(3, 30) == 3
    assert abs(sm.HYDROGEN.energy("2", 30) - 1) < 1e-35
    assert sm.HYDROGEN_Z.energy("2", 30) > 4  # Z² > 4


def test_a_quantity_has_the_atoms_own_routes() -> None:
    for sample in sm.SAMPLES:
        q = sm.ratio_quantity(sample, sm.EW, printed=1)
        assert [r.family for r in q.routes] == list(sample.atom.ratio_routes())
        assert q.name.startswith("r_ew, ") and q.case_list(None) == list(sample.energies)  # type: ignore[arg-type]


def test_verdict_from_per_atom_findings() -> None:
    holds, approaches, fails = (
        sm.AtomFinding("a", True, False),
        sm.AtomFinding("b", False, True),
        sm.AtomFinding("c", False, False),
    )
    assert sm.sum_rule_verdict([holds, holds]) == "verified"
    assert sm.sum_rule_verdict([holds, approaches]) == "qualified"
    assert sm.sum_rule_verdict([holds, approaches, fails]) == "refuted"
    assert sm.sum_rule_verdict([approaches]) == "refuted"


def test_atoms_that_hold_cannot_outvote_one_that_fails() -> None:
    """A failing atom keeps the claim from "verified" however many exact atoms are added."""
    exact = tuple(_quantity(Fixed(1, f"exact {i}"), f"e{i}") for i in range(3))
    assert run_claim(_claim(exact), 30).verdict == "verified"
    failing = _quantity(Fixed(sp.Rational(1, 2), "half"), "half")
    r = run_claim(_claim((*exact, failing)), 30)
    assert r.verdict == "refuted"  # fails and does not approach 1 at larger T
    more = tuple(_quantity(Fixed(1, f"more {i}"), f"m{i}") for i in range(5))
    assert run_claim(_claim((*exact, failing, *more)), 30).verdict == "refuted"


def test_findings_read_back_worst_case_and_approach() -> None:
    def findings(*quantities: Any) -> Findings:
        ctx = Context(dps=30)
        return Findings(ctx, {q.name: run_quantity(q, ctx)[0] for q in quantities})

    half = _quantity(Fixed(sp.Rational(1, 2), "half"), "half")
    free = sm.ratio_quantity(sm.FREE, sm.NMM, printed=1)
    a, b = sm.atom_findings(findings(free, half), sm.NMM)
    assert (a.atom, a.holds, a.deviation) == ("free electron", True, 0)
    assert (b.atom, b.holds, b.approaches, b.worst, b.where) == ("half", False, False, 2, "T/I = 2")
    assert b.quantity == half.name and sm.atom_findings(findings(free, half), sm.EW) == []
    assert b.deviation == sp.Rational(1, 2)
    osc = sm.ratio_quantity(sm.OSCILLATOR, sm.EW)  # no printed value: deviation from 1
    (c,) = sm.atom_findings(findings(osc), sm.EW)
    assert c.holds and c.deviation == 0


def test_model_pieces_and_wrong_variants() -> None:
    assert sm.oscillator_line_integrals(-1, 3) == [1, sp.Rational(1, 2), sp.Rational(1, 3)]
    assert sm.oscillator_line_integrals(0, 3) == [1, 1, 1]
    assert sm.oscillator_line_ratios(3) == (1, 1)
    y = sp.Symbol("y", positive=True)
    assert sm.oscillator_line_ratios(3, sp.exp(-y) * y**3) == (6, 6)
    T, m = sp.symbols("T m", positive=True)
    assert sm.free_ratio_with_weight(Free(m=m), T, -1) == 1
    assert sm.free_ratio_with_weight(Free(m=m), T, -2) == 1 / (2 * T * m)
