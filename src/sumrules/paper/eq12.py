"""Eq. (12): the sum rule with the weight 1/Q² (magnetic moment), and how fast it is approached.

Per electron Eq. (12) says r_nmm = T (1/π)∫ Im R dQ²/Q² / Z = 1. It is judged atom by atom
(:data:`sumrules.models.samples.SAMPLES`, one quantity per atom, each by the atom's own routes):
exact for the free electron and, line by line, the oscillator; for hydrogen 1s
r(κ) = [1 − e^{−(4/κ)atan κ}(κ⁴ − 2κ² + 7/3)/(1 + κ²)²]/(1 − e^{−2π/κ}), κ = √(T/I − 1),
0.9573 at threshold and r − 1 ≈ −(16/15π)(I/T)^{5/2} at large T (claim eq12.large-t): the sum
rule fails by up to 4.3%, far more than the paper's own estimate δ of Eq. (13). The verdict is
computed from the per-atom findings (:func:`sumrules.models.samples.sum_rule_verdict`).
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import sympy as sp

from sumrules.core.claim import Claim, Extra, Findings, Printed, Quantity, Route, Tolerance, Variant
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import digits_text, number, percent
from sumrules.core.ledger import Context, Evidence
from sumrules.core.numeric import precision
from sumrules.models import rhf_claims as rhf
from sumrules.models.germanium_curve import EXPERIMENT_T_KEV
from sumrules.models.hydrogenic import checks
from sumrules.models.hydrogenic.ground import large_T_leading_law
from sumrules.models.hydrogenic.ratios import (
    KAPPA,
    certified_ratio_extra,
    closed_form_ratio,
    deviation_crossing,
    hydrogen_rows,
    large_T_fit,
    large_T_leading_term,
    large_T_series_u,
    large_T_series_w,
    leading_law_ratio,
    leading_law_series,
    no_sommerfeld_slope,
    threshold_ratio,
)
from sumrules.models.hydrogenic.state_ratios import (
    fitted_law_from_closed_form,
    large_T_exponent,
    large_T_law_exact,
)
from sumrules.models.oscillator import Y
from sumrules.models.samples import (
    FREE,
    GE_PERCENT,
    HYDROGEN,
    HYDROGEN_Z,
    NMM,
    SAMPLES,
    atom_findings,
    free_ratio_with_weight,
    germanium_atom_quantity,
    germanium_findings,
    germanium_open_quantities,
    germanium_verdict,
    oscillator_line_integrals,
    oscillator_line_ratios,
    ratio_quantity,
    sum_rule_verdict,
)
from sumrules.models.state_samples import STATES, state_values_text
from sumrules.theory.sum_rules import PRINTED_EQ12, PRINTED_SMALL_CORRECTION, per_electron_nmm

__all__ = [
    "CLAIMS",
    "COEFFICIENT",
    "COEFFICIENT_STATES",
    "CONTROLS",
    "EQ12",
    "EQ12_RHF",
    "EXPONENT",
    "EXPONENT_STATES",
    "GERMANIUM",
    "GERMANIUM_NOTES",
    "GE_ATOM_NMM",
    "GE_OPEN_NMM",
    "LARGE_T",
    "LEADING",
    "PRINTED_DEVIATION_COEFFICIENT",
    "PRINTED_LARGE_T",
    "PRINTED_RATIO",
    "R_NMM",
    "STATE_LAW_CASES",
    "germanium_summary",
]

#: Per electron, Eq. (12) as printed says r_nmm = T (Z/T)/Z = 1.
PRINTED_RATIO = per_electron_nmm(PRINTED_EQ12)

_SOMMERFELD = checks.WRONG_DENSITIES["missing [1 - exp(-2 pi Z/k)] factor"]

#: deliberately wrong variants, per atom (by sample key): each must be rejected
CONTROLS: dict[str, tuple[Variant, ...]] = {
    "free": (
        Variant(
            "free electron with the weight 1/Q⁴",
            lambda T, ctx: free_ratio_with_weight(FREE.atom, T, -2),  # type: ignore[arg-type]
        ),
    ),
    "oscillator": (
        Variant(
            "oscillator line n = 2 with strength e^(−y)y² (1/n! dropped)",
            lambda n, ctx: oscillator_line_ratios(n, sp.exp(-Y) * Y**n)[NMM],
            applies=lambda n: n == 2,
        ),
    ),
    "hydrogen 1s": (
        Variant(
            "hydrogen S without the Sommerfeld factor (T/I = 5)",
            lambda x, ctx: checks.ratios_for_density(
                _SOMMERFELD, HYDROGEN.energy(x, ctx.dps), dps=ctx.dps
            )[NMM],
            applies=lambda x: x == "5",
        ),
    ),
}

#: r_nmm of every atom (and of the hydrogen states beyond 1s), by the atom's own routes,
#: against the printed 1
R_NMM = tuple(
    ratio_quantity(s, NMM, printed=PRINTED_RATIO, controls=CONTROLS.get(s.key, ()))
    for s in (*SAMPLES, *STATES)
)
_BY_KEY = {s.key: q for s, q in zip((*SAMPLES, *STATES), R_NMM, strict=True)}


def _states_text(f: Findings) -> str:
    """r_nmm of the states beyond 1s, from threshold to T/I = 100 (if they ran)."""
    values = [
        (s.key.split()[-1], f[_BY_KEY[s.key].name].reference)
        for s in STATES
        if _BY_KEY[s.key].name in f.quantities
    ]
    return (
        f" States beyond 1s (one electron, Z = 1): {state_values_text(values, NMM)}."
        if values
        else ""
    )


def _delta_extra(ctx: Context) -> Extra:
    """The hydrogen deviation 1 − r against Eq. (13)'s δ (exact S below Q² = (αT)²)."""
    rows = hydrogen_rows(ctx.dps)
    with precision(ctx.dps):
        ratio = [(r.t_over_i, (1 - r.r_nmm) / r.delta) for r in rows]
    evidence = Evidence(
        "hydrogen: deviation against Eq. (13)'s δ (exact S below Q² = (αT)²)",
        "quadrature",
        "(1 − r)/δ: " + ", ".join(f"T/I = {x}: {number(v, 3)}" for x, v in ratio),
        agreement=None,
    )
    return Extra([evidence], facts={"(1 - r)/delta": ratio})


def _verdict(f: Findings) -> str:
    return sum_rule_verdict(atom_findings(f, NMM))


def _summary(f: Findings) -> str:
    atoms = atom_findings(f, NMM)
    exact = [a.atom for a in atoms if a.holds]
    text = f"exact for the {' and the '.join(exact)}" if exact else "exact for no atom"
    failing = [a for a in atoms if not a.holds]
    if not failing:
        return text + f" (r_nmm = {PRINTED_RATIO} at every energy)"
    worst = max(failing, key=lambda a: a.deviation)
    r = f[worst.quantity]
    families = [route.family for route in r.quantity.routes]
    big = [float(v) for x, v in f.facts["(1 - r)/delta"] if mpmath.mpf(x) <= 10]
    return (
        f"{text}; {worst.atom}: r_nmm = "
        + ", ".join(number(v, 6) for v in r.reference[:4])
        + f" at {r.quantity.label(r.cases[0])}, {', '.join(str(c) for c in r.cases[1:4])}; "
        f"worst deviation {percent(worst.deviation)} at {worst.where}, "
        f"{min(big):.0f}–{max(big):.0f}× Eq. (13)'s δ for T ≤ 10I; {families[0]} = "
        f"{families[1]} to {digits_text(r.min_agreement, f.ctx.dps)} digits.{_states_text(f)}"
    )


def _z_scaling(f: Findings) -> str:
    """The hydrogen-like atom of another charge at T/I = 2 against Z = 1 (if both ran)."""
    one, other = (_BY_KEY[k].name for k in ("hydrogen 1s", "hydrogen-like 1s"))
    if one not in f.quantities or other not in f.quantities:
        return ""
    z1, z = f[one].value("2"), f[other].value("2")
    return (
        f" Z scaling: {HYDROGEN_Z.atom.name} gives r = {number(z, 15)} at T/I = 2, the Z = 1 "
        f"value {number(z1, 15)}."
    )


def _notes(f: Findings) -> str:
    return (
        "r − 1 → −(16/15π)(I/T)^(5/2) at large T (claim eq12.large-t): the sum rule holds only "
        "asymptotically. The correction δ of Eq. (13) concerns the kinematic limit Q² > T²; the "
        "failure found here is of the full integral itself. Figure: r(T) from threshold to "
        "T = 10⁴I (closed form and quadrature), with the paper's r = 1 and 1 − δ." + _z_scaling(f)
    )


def _three_models(f: Findings) -> list[Derivation]:
    free_q = f[_BY_KEY["free"].name]
    free_r = free_q.value(FREE.energies[0])
    one_over_n = oscillator_line_integrals(-1)
    closed = closed_form_ratio(KAPPA)
    at_threshold = threshold_ratio()
    return [
        Derivation(
            "Eq. (12) per electron in three models",
            [
                Step.checked(
                    r"r_{\rm nmm}^{\rm free}",
                    free_r,
                    "δ(T − Q²/2m) substituted (u = T − Q²/2m); sympy's DiracDelta in the "
                    "interior agrees",
                    predicate=lambda: free_r == 1 and free_q.min_agreement == float("inf"),
                ),
                Step.checked(
                    r"\int_0^\infty p_n \frac{dQ^2}{Q^2}",
                    r"\frac{1}{n} = \frac{\omega}{T_n}",
                    "oscillator line n (y = Q²/2mω): (n − 1)!/n!",
                    method="sympy integrate, n = 1..5: " + ", ".join(str(d) for d in one_over_n),
                    predicate=lambda: all(
                        d == sp.Rational(1, n) for n, d in enumerate(one_over_n, 1)
                    ),
                ),
                Step.definition(
                    r"r(\kappa)",
                    closed,
                    "hydrogen 1s, closed form (hydrogen_checks.derive_exact_ratio: "
                    "Möbius substitution t = (Q² − (k − iZ)²)/(Q² − (k + iZ)²))",
                ),
                Step.checked(
                    sp.Limit(closed, KAPPA, 0, "+"),
                    1 - sp.Rational(7, 3) * sp.exp(-4),
                    "threshold value 1 − (7/3)e⁻⁴ = 0.95726",
                    predicate=lambda: (
                        sp.simplify(at_threshold - 1 + sp.Rational(7, 3) * sp.exp(-4)) == 0
                    ),
                ),
            ],
        )
    ]


EQ12 = Claim(
    "eq12",
    title="The sum rule with the weight 1/Q² (magnetic moment)",
    printed=Printed(PRINTED_EQ12, where="Eq. (12)"),
    quantities=R_NMM,
    policy=_verdict,
    summary=_summary,
    extra=_delta_extra,
    derivations=_three_models,
    notes=_notes,
    figures=("figures/ratios.pdf", "figures/state_ratios.pdf"),
    certified=certified_ratio_extra,
    cost=2.3,
    shares="atomic ratios",
)

# ---------------------------------------------------------------------------------------------
# the large-T law

PRINTED_LARGE_T = (
    r"``the derived in this way sum rules (12) and (15) determine that both for the "
    r"hypothetical NMM interaction and for the standard electroweak one the inclusive "
    r"differential in $T$ cross section per electron is essentially not affected by the atomic "
    r"effects down to quite low values of the energy transfer $T$'' (last paragraph)."
)
#: Eq. (12) as printed is exact: the coefficient of any deviation r − 1 ∝ (I/T)^p is 0.
PRINTED_DEVIATION_COEFFICIENT: sp.Expr = sp.Integer(0)
#: the fit and the series agree to a few digits only (the fit is extrapolated from three T)
FEW_DIGITS = Tolerance(lambda ctx: 3)
SERIES = "exact series of the closed form (sympy)"
LAW = "the large-T law of the hydrogen model"
FIT_C = "quadrature at T/I = 1e4, 1e5, 1e6: (r − 1)(T/I)^(5/2) extrapolated in √(I/T)"
FIT_P = "quadrature at T/I = 1e4, 1e5, 1e6: local slopes extrapolated in √(I/T)"
_Compute = Callable[[object, Context], object]


def _term(i: int) -> _Compute:
    return lambda c, ctx: large_T_leading_term()[i]


def _law(i: int) -> _Compute:
    return lambda c, ctx: large_T_leading_law()[i]


def _fitted(attribute: str) -> _Compute:
    return lambda c, ctx: getattr(large_T_fit(ctx.dps), attribute)


def _sommerfeld_dropped(c: object, ctx: Context) -> object:
    """The local slope of the closed form without the Sommerfeld factor (a wrong model)."""
    return no_sommerfeld_slope(ctx.dps)


COEFFICIENT = Quantity(
    "coefficient c of r − 1 = c (I/T)^p",
    cases=("hydrogen 1s",),
    routes=(
        Route(SERIES, "symbolic", _term(1)),
        Route(LAW, "closed form", _law(1)),
        Route(FIT_C, "quadrature", _fitted("coefficient")),
    ),
    printed=lambda c, ctx: PRINTED_DEVIATION_COEFFICIENT,
    tolerance=FEW_DIGITS,
)
EXPONENT = Quantity(
    "exponent p of r − 1 = c (I/T)^p",
    cases=("hydrogen 1s",),
    routes=(
        Route(SERIES, "symbolic", _term(0)),
        Route(LAW, "closed form", _law(0)),
        Route(FIT_P, "quadrature", _fitted("exponent")),
    ),
    controls=(
        Variant("exponent 2 instead of 5/2 against the extrapolated local slope", lambda c, ctx: 2),
        Variant("closed form without the Sommerfeld factor: same fit", _sommerfeld_dropped),
    ),
    tolerance=FEW_DIGITS,
)
LEADING = Quantity(
    "(r − 1)/(c (I/T)^(5/2)) at large T",
    cases=(10**8,),
    routes=(
        Route("closed form", "closed form", lambda x, ctx: leading_law_ratio(x, ctx.dps)),
        Route(
            "two terms of the series: 1 − π√(I/T)", "series", lambda x, ctx: leading_law_series(x)
        ),
    ),
    tolerance=Tolerance(lambda ctx: 6),
    label=lambda x: f"T/I = 1e{len(str(x)) - 1}",
)


#: the states beyond 1s in the large-T law, with the weight: "2p ew" …: the ledger's states and
#: every n = 4 state (their closed forms r(κ) make law and fit cheap: no quadrature)
STATE_LAW_CASES = tuple(
    f"{label} {w}"
    for label in (*(s.key.split()[-1] for s in STATES), "4s", "4p", "4d", "4f")
    for w in ("nmm", "ew")
)
STATE_SERIES = "series of the state's closed form r(κ) in 1/κ (sympy)"
STATE_FIT = "closed form r(κ) at T/I = 1e7, 1e8, 1e9: local slopes, then c, extrapolated in √(I/T)"


def _state_case(case: str) -> tuple[int, int, str]:
    label, which = case.split()
    return int(label[0]), "spdf".index(label[1]), which


def _state_law(attribute: str) -> _Compute:
    return lambda c, ctx: getattr(large_T_law_exact(*_state_case(str(c))), attribute)


def _state_fit(i: int) -> _Compute:
    return lambda c, ctx: fitted_law_from_closed_form(
        *_state_case(str(c)), dps=max(60, ctx.dps + 30)
    )[i]


def _s_state_exponent(c: object, ctx: Context) -> object:
    """The 1s exponent 5/2 for a state with l ≥ 1 (a wrong law)."""
    return large_T_exponent(0)


EXPONENT_STATES = Quantity(
    "exponent p of r − 1 = c (I/T)^p, hydrogen 2s, 2p, 3d, 4s–4f (r_nmm and r_ew)",
    cases=STATE_LAW_CASES,
    routes=(
        Route(STATE_SERIES, "symbolic", _state_law("exponent")),
        Route(STATE_FIT, "closed form", _state_fit(0)),
    ),
    controls=(
        Variant(
            "the 1s exponent 5/2 for the p, d and f states",
            _s_state_exponent,
            applies=lambda c: _state_case(str(c))[1] > 0,
        ),
    ),
    tolerance=Tolerance(lambda ctx: 5),
)
COEFFICIENT_STATES = Quantity(
    "coefficient c of r − 1 = c (I/T)^p, hydrogen 2s, 2p, 3d, 4s–4f (r_nmm and r_ew)",
    cases=STATE_LAW_CASES,
    routes=(
        Route(STATE_SERIES, "symbolic", _state_law("coefficient")),
        Route(STATE_FIT, "closed form", _state_fit(1)),
    ),
    printed=lambda c, ctx: PRINTED_DEVIATION_COEFFICIENT,
    tolerance=Tolerance(lambda ctx: 4),
)


def _states_law_text(f: Findings) -> str:
    if COEFFICIENT_STATES.name not in f.quantities:
        return ""
    q = f[COEFFICIENT_STATES.name]
    cs = [(str(c), mpmath.mpf(str(sp.N(v, 25)))) for c, v in zip(q.cases, q.reference, strict=True)]
    values = ", ".join(f"{c} {number(v, 4)}" for c, v in cs)
    above = [c.split()[0] for c, v in cs if c.endswith("ew") and v > 0]
    sign = f"; r_ew → 1 from above (c > 0) in {', '.join(above)}" if above else ""
    return (
        f"; beyond 1s the same law with p = 5/2 + l for both weights (series = fit to "
        f"{digits_text(f[EXPONENT_STATES.name].min_agreement, f.ctx.dps)} digits), c: {values}{sign}"
    )


def _fit(f: Findings, name: str) -> mpmath.mpf:
    q = f[name]
    return q.values[q.quantity.routes[2].method][0]


def _large_t_summary(f: Findings) -> str:
    p, c = _fit(f, EXPONENT.name), _fit(f, COEFFICIENT.name)
    x_small = deviation_crossing(PRINTED_SMALL_CORRECTION, f.ctx.dps)
    x_percent = deviation_crossing("0.01", f.ctx.dps)
    return (
        f"the sum rules hold only asymptotically: r − 1 = −(16/15π)(I/T)^(5/2) + (16/15)(I/T)³ + "
        f"… (series = fit: p = {number(p, 6)}, c = {number(c, 6)}); |1 − r| < 0.7×10⁻³ (the "
        f"paper's δ bound) needs T > {number(x_small, 4)} I, < 1% needs T > {number(x_percent, 4)} I"
        + _states_law_text(f)
    )


def _large_t_notes(f: Findings) -> str:
    x_small = deviation_crossing(PRINTED_SMALL_CORRECTION, f.ctx.dps)
    return (
        "For a hydrogen-like K shell of Ge (I ≈ 11 keV) the paper's level of accuracy "
        f"(0.07%) is reached only above T ≈ {float(x_small) * 11:.0f} keV, not in the few-keV "
        "range; below its threshold a shell does not contribute at all."
    )


def _expansion(f: Findings) -> list[Derivation]:
    u = sp.Symbol("u", positive=True)
    series, in_w = large_T_series_u(9), large_T_series_w()
    c_exact = f[COEFFICIENT.name].value("hydrogen 1s")
    return [
        Derivation(
            "Large-T expansion of the hydrogen ratio (u = 1/kappa, w = sqrt(I/T))",
            [
                Step.checked(
                    r"r - 1",
                    r"\frac{1 - e^{4u\arctan u}P(u)}{e^{2\pi u} - 1}",
                    "arctan kappa = π/2 − arctan u in the closed form",
                    method="definition",
                    predicate=lambda: True,
                ),
                Step.checked(
                    r"r - 1",
                    series,
                    "sympy series in u",
                    predicate=lambda: sp.expand(series.coeff(u, 5) + 16 / (15 * sp.pi)) == 0,
                ),
                Step.checked(
                    r"r - 1",
                    in_w,
                    "u = w/√(1 − w²)",
                    predicate=lambda: c_exact == -16 / (15 * sp.pi),
                ),
            ],
        )
    ]


LARGE_T = Claim(
    "eq12.large-t",
    title="How fast the hydrogen sum rules are approached at large T",
    printed=Printed(text=PRINTED_LARGE_T, where="last paragraph"),
    quantities=(COEFFICIENT, EXPONENT, LEADING, EXPONENT_STATES, COEFFICIENT_STATES),
    policy=lambda f: "verified" if f.all_hold else "qualified",
    summary=_large_t_summary,
    derivations=_expansion,
    notes=_large_t_notes,
    anchor=12,
    cost=1.4,
)

# ---------------------------------------------------------------------------------------------
# germanium: "per electron" in the detector the paper is about

#: r_nmm of the whole Ge atom against Eq. (12) per electron (Z = 32)
GE_ATOM_NMM = germanium_atom_quantity(NMM, EXPERIMENT_T_KEV)
#: r_nmm per open electron, both shell models
GE_OPEN_NMM = germanium_open_quantities(NMM, EXPERIMENT_T_KEV)


def germanium_summary(f: Findings, which: int, name: str) -> str:
    """The germanium summary of Eq. (12) (``which`` = NMM) or Eq. (15) (EW)."""
    g = germanium_findings(f, which)
    atom = g["atom"]
    values = ", ".join(number(v, 4) for v in atom.reference)
    cases = ", ".join(str(c) for c in atom.cases)
    parts = []
    for a in g["open"]:
        model = a.atom.split("(")[-1].rstrip(")")
        dev = [mpmath.mpf(v) - 1 for v in f[a.quantity].reference]
        parts.append(f"{model}: " + ", ".join(f"{float(d):+.2e}" for d in dev))
    worst = g["worst"]
    return (
        f"per electron of the atom (Z = 32) {name} = {values} at T = {cases} keV: Eq. ({12 if which == NMM else 15}) "
        f"with Z = 32 fails by the closed shells (K below 11.1 keV, L below 1.2–1.4 keV); per open "
        f"electron (stepping) ρ − 1 = " + "; ".join(parts) + f" — worst {percent(worst.deviation)} "
        f"at {worst.where} ({'within' if worst.deviation <= GE_PERCENT else 'beyond'} 1%)"
    )


GERMANIUM_NOTES = (
    "Shell model of Ge (sumrules.models.shells): independent hydrogenic subshells, binding "
    "energies from xraydb's edges (model 'binding': Z_eff = n√(2E_b/hartree)) or Slater's "
    "charges with their own hydrogenic thresholds (model 'slater'); no Pauli blocking of "
    "continuum final states, non-relativistic, free atom. Per-state ratios from interpolants of "
    "the Coulomb-wave quadrature (measured error in the evidence); the quadrature itself at "
    "T = 1 keV. Energies: thresholds of TEXONO and GEMMA (a few keV)."
)

GERMANIUM = Claim(
    "eq12.germanium",
    title="Eq. (12) per electron in germanium, shell by shell",
    printed=Printed(PRINTED_EQ12, where="Eq. (12), in germanium (Z = 32)"),
    quantities=(GE_ATOM_NMM, *GE_OPEN_NMM),
    policy=lambda f: germanium_verdict(f, NMM),
    summary=lambda f: germanium_summary(f, NMM, "r_nmm"),
    notes=GERMANIUM_NOTES,
    figures=("figures/germanium_shells.pdf",),
    cost=2.1,
    shares="atomic ratios",
)

EQ12_RHF = Claim(
    "eq12.argon-xenon",
    title="Eq. (12) in argon and xenon with relativistic Hartree–Fock structure",
    printed=Printed(PRINTED_EQ12, where="Eq. (12), for the whole atom: r_nmm = N(T)"),
    quantities=(rhf.R_NMM,),
    policy=rhf.policy,
    summary=rhf.summary(rhf.R_NMM.name),
    figures=("figures/argon_xenon.pdf",),
    anchor=12.5,
    cost=0.6,
    shares="atomic ratios",
)

CLAIMS = (EQ12, LARGE_T, GERMANIUM, EQ12_RHF)
