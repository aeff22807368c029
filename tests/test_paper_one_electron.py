"""Claims eq16, eq17, eq18, eq20 (and .coulomb-orders), text.weight-*: verdicts, numbers, flips.

Also the small library functions these claims added: the plane-wave shift coefficients,
the oscillator's resolvent at complex T by two routes, Φ from words, and the commutator
closed form of ⟨p_z h² p_z⟩ for hydrogen.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import mpmath
import pytest
import sympy as sp
from claimtools import assert_latex_safe
from hypothesis import example, given
from hypothesis import strategies as st

from sumrules.core.ledger import ClaimResult, Ledger, verify
from sumrules.models import oscillator as osc
from sumrules.models.hydrogenic import moments as cm
from sumrules.paper import one_electron as oe
from sumrules.theory.expansion import Q2, T_SYM, M, expansion_terms, naive_words
from sumrules.theory.operators import shift_coefficients

IDS = [
    "eq16",
    "eq17",
    "eq18",
    "eq20",
    "eq20.coulomb-orders",
    "text.weight-q2",
    "text.weight-q-4",
    "text.weight-uniqueness",
]
PAPER = Path("/work/shared/paper/voloshin-2010-prl.md")


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return verify(IDS)


def run(claim_id: str) -> ClaimResult:
    return verify([claim_id])[claim_id]


# --------------------------------------------------------------------------------------------
# the whole module


EXPECTED = {
    "eq16": ("verified", 3),
    "eq17": ("verified", 3),
    "eq18": ("verified", 3),
    "eq20": ("qualified", 3),
    "eq20.coulomb-orders": ("qualified", 3),
    "text.weight-q2": ("verified", 2),
    "text.weight-q-4": ("verified", 3),
    "text.weight-uniqueness": ("verified", 2),
}


@pytest.mark.parametrize("claim_id", IDS)
def test_verdicts_controls_routes(ledger: Ledger, claim_id: str) -> None:
    r = ledger[claim_id]
    assert r.error is None, r.error
    verdict, n_controls = EXPECTED[claim_id]
    assert r.verdict == verdict
    assert len(r.controls) == n_controls and all(c.caught for c in r.controls)
    assert len({e.route for e in r.evidence}) >= 2
    assert all(d.ok for d in r.derivations) and r.derivations
    assert_latex_safe(r)


def _normalize(text: str) -> str:
    text = text.replace("``", "").replace("''", "")
    text = re.sub(r"\\emph\{(\w+)\}", r"*\1*", text).replace("$", "")
    return re.sub(r"\s+", " ", text).replace(" ,", ",").strip()


def test_printed_text_is_the_papers() -> None:
    paper = PAPER.read_text()
    for name in ("PRINTED_EQ16", "PRINTED_EQ17", "PRINTED_EQ18", "PRINTED_EQ20"):
        assert getattr(oe, name) in paper, name
    normalized = _normalize(paper)
    for name in (
        "PRINTED_FORMAL_EXPANSION",
        "PRINTED_WEIGHT_Q2",
        "PRINTED_WEIGHT_Q_MINUS_4",
        "PRINTED_WEIGHT_UNIQUENESS",
    ):
        assert _normalize(getattr(oe, name)) in normalized, name


# --------------------------------------------------------------------------------------------
# eq16


def test_eq16_numbers(ledger: Ledger) -> None:
    r = ledger["eq16"]
    sym = next(e for e in r.evidence if e.route == "symbolic")
    assert sym.value == "(1/2, 1)"
    model = next(e for e in r.evidence if "non-perturbative" in e.route)
    assert model.agreement is not None and model.agreement >= 25
    assert "parity" in r.notes  # the sign of p.q is invisible in the average


def test_eq16_verdict_is_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oe, "PRINTED_EQ16_SHIFT", (sp.Integer(1), sp.Integer(1)))
    r = run("eq16")
    assert r.verdict == "corrected"
    assert r.corrected is not None and r"\frac{\vec{q}^2}{2m_e}" in r.corrected
    assert "(1/2, 1)" in r.summary


def test_eq16_disagreeing_routes_are_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    right_lines = osc.resolvent_lines

    def wrong_lines(z: object, y: object, *, omega: object = 1, dps: int = 30) -> mpmath.mpc:
        return 2 * right_lines(z, y, omega=omega, dps=dps)

    monkeypatch.setattr(osc, "resolvent_lines", wrong_lines)
    r = run("eq16")
    assert r.verdict == "error" and "misses the exact oscillator R" in r.summary


# --------------------------------------------------------------------------------------------
# eq17, eq18


def test_eq17_numbers(ledger: Ledger) -> None:
    r = ledger["eq17"]
    assert "1025 of 8191 words survive through k = 12" in r.summary
    detail = {c.description: c.detail for c in r.controls}
    assert "31 classes with half-integer u" in detail["expansion that drops the parity rule"]


def test_eq17_verdict_is_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    u, w, phi, a = sp.symbols("u w Phi A")
    monkeypatch.setattr(oe, "PRINTED_EQ17_FORM", Q2 ** (2 * u) / a**w * phi)
    r = run("eq17")
    assert r.verdict == "refuted"
    assert any(s.relation == "!=" for d in r.derivations for s in d.steps)


def test_eq18_numbers(ledger: Ledger) -> None:
    r = ledger["eq18"]
    assert "40001 classes through order 400" in r.summary
    stronger = r.controls[0]
    assert stronger.description == "stronger inequality w >= 2u + 2"
    assert "violated by 201 classes" in stronger.detail and "all P^(2u)" in stronger.detail


@pytest.mark.parametrize(("bound", "verdict"), [((2, 2), "refuted"), ((3, 1), "refuted"),
                                                ((1, 1), "verified"), ((2, 0), "verified")])  # fmt: skip
def test_eq18_verdict_is_computed(
    monkeypatch: pytest.MonkeyPatch, bound: tuple[int, int], verdict: str
) -> None:
    monkeypatch.setattr(oe, "PRINTED_EQ18_BOUND", bound)
    assert run("eq18").verdict == verdict


@given(st.integers(min_value=0, max_value=4), st.integers(min_value=-3, max_value=3))
@example(2, 1)
@example(3, -3)
def test_eq18_all_orders_criterion_matches_enumeration(a: int, b: int) -> None:
    """The verdict's all-orders rule (a ≤ 2 and b ≤ 1) agrees with the exhaustive check."""
    terms = expansion_terms(400)
    assert (not oe._bound_violations(terms, a, b)) == (a <= 2 and b <= 1)


# --------------------------------------------------------------------------------------------
# eq20 and the Coulomb premise


def test_eq20_numbers(ledger: Ledger) -> None:
    r = ledger["eq20"]
    assert "0.987439" in r.summary and "deficit 0.0126" in r.summary
    assert "k = 4" in r.summary
    h = next(e for e in r.evidence if e.route == "model:hydrogen")
    assert h.agreement is not None and h.agreement >= 22
    term = next(e for e in r.evidence if e.route == "symbolic: term by term")
    assert term.value == "1/T, 2*m"
    assert "outside the formal expansion" in r.notes


def test_eq20_verdict_is_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    # a hydrogen that obeyed the sum rules, with every coefficient finite: verified
    one = mpmath.mpf(1)
    monkeypatch.setattr(oe, "_hydrogen_ratios", lambda T, dps: (one, one, one))
    monkeypatch.setattr(oe, "_coulomb_first_undefined", lambda: None)
    assert run("eq20").verdict == "verified"
    # a different printed right-hand side: refuted
    monkeypatch.setattr(oe, "PRINTED_SUM_RULES", {-1: 2 / T_SYM, 0: 2 * M})
    assert run("eq20").verdict == "refuted"


def test_eq20_premise_alone_does_not_verify(monkeypatch: pytest.MonkeyPatch) -> None:
    """Needing only k ≤ 3 removes the premise failure, but hydrogen's deficit remains."""
    monkeypatch.setattr(oe, "REQUIRED_EXPANSION_ORDER", 3)
    assert run("eq20").verdict == "qualified"


def test_eq20_hydrogen_routes_disagreeing_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        oe, "_hydrogen_ratios", lambda T, dps: (mpmath.mpf("0.98"),) * 2 + (mpmath.mpf("0.97"),)
    )
    r = run("eq20")
    assert r.verdict == "error" and "quadrature vs closed form" in r.summary


def test_coulomb_orders_numbers(ledger: Ledger) -> None:
    r = ledger["eq20.coulomb-orders"]
    assert "k ≤ 3 (1, 0, Q²/3, 2Q²/3)" in r.summary and "4/(3 r_min)" in r.summary
    numeric = next(e for e in r.evidence if e.route == "numeric")
    assert numeric.agreement is not None and numeric.agreement >= 12


def test_coulomb_orders_verdict_is_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oe, "REQUIRED_EXPANSION_ORDER", 3)
    r = run("eq20.coulomb-orders")
    assert r.verdict == "verified" and "k ≤ 3" in r.summary


# --------------------------------------------------------------------------------------------
# the remarks on other weights


def test_weight_q2_numbers(ledger: Ledger) -> None:
    r = ledger["text.weight-q2"]
    assert "adds 8m⟨p_z²⟩ to the free 4Tm²" in r.summary
    assert "4m²(T + ω) exactly" in r.summary
    assert "<p_z h p_z>" in r.summary and "<p_z p_z p_z p_z>" in r.summary


def test_weight_q_minus_4_numbers(ledger: Ledger) -> None:
    r = ledger["text.weight-q-4"]
    assert "D = 0.115453" in r.summary and "1/(2mT(T − ω))" in r.summary
    h = next(e for e in r.evidence if e.route == "model:hydrogen")
    assert h.agreement is not None and h.agreement >= 15


def test_weight_uniqueness_numbers(ledger: Ledger) -> None:
    r = ledger["text.weight-uniqueness"]
    assert "only Q^(-2) and Q^(0)" in r.summary and "j ≤ -2 need infinitely many Φ" in r.summary
    assert "[-4, -3, -2, -1, 0]" in r.controls[0].detail  # the printed zero rule of Eq. (19)


@pytest.mark.parametrize(
    ("claim_id", "name", "value"),
    [
        ("text.weight-q2", "PRINTED_POSITIVE_POWERS_CONTRIBUTE", False),
        ("text.weight-q-4", "PRINTED_NEGATIVE_POWERS_DIVERGE", False),
        ("text.weight-uniqueness", "PRINTED_SPECIAL_WEIGHTS", frozenset({-1, 0, 1})),
    ],
)
def test_text_verdicts_are_computed(
    monkeypatch: pytest.MonkeyPatch, claim_id: str, name: str, value: object
) -> None:
    monkeypatch.setattr(oe, name, value)
    r = run(claim_id)
    assert r.verdict == "refuted"
    assert all(c.caught for c in r.controls)


# --------------------------------------------------------------------------------------------
# library functions added for these claims


def test_shift_coefficients() -> None:
    assert shift_coefficients(1) == (sp.Rational(1, 2), 1)
    assert shift_coefficients(-1) == (sp.Rational(1, 2), -1)
    with pytest.raises(ValueError, match="sign"):
        shift_coefficients(2)


@given(
    st.floats(min_value=-3, max_value=8),
    st.floats(min_value=0.05, max_value=3),
    st.floats(min_value=0, max_value=6),
    st.floats(min_value=0.3, max_value=2),
)
@example(1.0, 0.01, 2.0, 1.0)  # close to the line T = omega
def test_continued_fraction_equals_line_sum(re_z: float, im_z: float, y: float, w: float) -> None:
    z = mpmath.mpc(re_z, im_z)
    cf = osc.resolvent_continued_fraction(z, y, omega=w, dps=20)
    lines = osc.resolvent_lines(z, y, omega=w, dps=20)
    assert abs(cf - lines) <= mpmath.mpf(10) ** -17 * abs(lines)
    if y > 0.1:  # the control: dropping p.q is visible
        no_pq = osc.resolvent_continued_fraction(z, y, omega=w, pq_coeff=0, dps=20)
        assert abs(no_pq - lines) > mpmath.mpf(10) ** -6 * abs(lines)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: osc.resolvent_lines(1, 1), "z"),
        (lambda: osc.resolvent_lines(1j, -1), "y"),
        (lambda: osc.resolvent_lines(1j, 1, omega=0), "omega"),
        (lambda: osc.resolvent_continued_fraction("abc", 1), "z"),
        (lambda: osc.resolvent_lines(1j, 1, dps=3), "dps"),
        (lambda: osc.phi_from_words(-1, 3), "u"),
        (lambda: cm.pz_hh_pz_by_commutator(0), "r_min"),
    ],
)
def test_bad_input(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=6))
def test_phi_from_words_equals_phi_from_coefficient(w: int, u: int) -> None:
    m, omega = sp.Rational(3, 2), sp.Rational(2, 5)
    words = osc.phi_from_words(u, w, m=m, omega=omega)
    assert words == osc.phi_from_coefficient(u, w, m=m, omega=omega)
    assert (words == 0) == (not (u == 0 and w == 1) and not (1 <= u <= (w - 1) // 2))


def test_commutator_closed_form_of_phhp() -> None:
    a = sp.Symbol("a", positive=True)
    hh = cm.pz_hh_pz_by_commutator(a)
    assert sp.simplify(sp.diff(hh, a) + sp.Rational(4, 3) * sp.exp(-2 * a) / a**2) == 0
    assert 0 < sp.N(hh.subs(a, 40), 30) < 1e-35  # vanishes at a -> oo (sympy leaves the limit)
    assert sp.limit(hh * a, a, 0, "+") == cm.word_value("PhhP").leading * cm.R_MIN
    numeric = cm.cutoff_integral_numeric("PhhP", 1.0, dps=15)
    assert abs(numeric - sp.N(hh.subs(a, 1), 20)) < 1e-12


def test_naive_words_is_cached_but_returns_a_copy() -> None:
    first = naive_words(3)
    first["PPP"] = 99
    assert naive_words(3)["PPP"] == 1
    assert sum(naive_words(5).values()) == 2**5


def test_digits_helper() -> None:
    """The claims use numeric.agreement_digits, also on complex resolvent values."""
    assert oe.agreement_digits(1, 1) == math.inf
    assert 2.9 < oe.agreement_digits(1, 1.001) < 3.1
    assert oe.agreement_digits(0, 1) == 0.0
    assert 2.9 < oe.agreement_digits(1 + 1j, 1.001 + 1j) < 3.5
