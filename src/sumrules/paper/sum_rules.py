"""Claims on the sum rules: Eqs. (12), (14), (15), their large-T behaviour and the conclusions.

Per electron the sum rules say r_nmm = T ∫ S dQ²/Q² = 1 (Eq. 12) and r_ew = (1/2m) ∫ S dQ² = 1
(Eq. 15), with S = (1/π) Im R. Models (atomic units ħ = m = 1 for the atoms):

* free electron: both exactly 1 (δ substitution, and sympy's own DiracDelta in the interior);
* oscillator: line by line, ∫ p_n dQ²/Q² = 1/n = ω/T_n and ∫ p_n dQ² = 2mω, so both
  ratios averaged over a cell of width ω around each line are exactly 1;
* hydrogen 1s: r_nmm ≡ r_ew = [1 − e^{−(4/κ)atan κ}(κ⁴ − 2κ² + 7/3)/(1 + κ²)²]/(1 − e^{−2π/κ}),
  κ = √(T/I − 1): 0.9573 at threshold, r − 1 ≈ −(16/15π)(I/T)^{5/2} at large T. The sum
  rules fail by up to 4.3%, far more than the paper's own estimate δ of Eq. (13).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import mpmath
import sympy as sp

from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import digits_between, digits_text, number
from sumrules.core.ledger import Context, Control, Disagreement, Evidence, Outcome, timed
from sumrules.core.numeric import extrapolate_to_zero, precision
from sumrules.core.registry import claim
from sumrules.models import free
from sumrules.models import oscillator as osc
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as hyd
from sumrules.paper.eq02 import PRINTED_EQ2_COEFFICIENT
from sumrules.theory.scattering import (
    G_F,
    Q2,
    SIN2_W,
    E,
    T,
    dirac_matrices,
    electroweak_couplings,
    g_A,
    g_V,
    integrate_free_response,
    integrate_free_response_numeric,
    m,
    slash,
    static_target_phase_space,
    vogel_engel_dsigma_dT,
)

__all__ = [
    "EFFECTIVE_CANCELLATION",
    "PRINTED_DEVIATION_COEFFICIENT",
    "PRINTED_EQ12",
    "PRINTED_EQ14",
    "PRINTED_EQ14_COEFFICIENT",
    "PRINTED_EQ15",
    "PRINTED_RATIO",
    "PRINTED_SMALL_BOUND",
    "TABLE_T_OVER_I",
    "electroweak_double_differential",
    "electroweak_sum_rule",
    "hydrogen_rows",
    "inclusive_conclusion",
    "large_T_approach",
    "large_T_series_u",
    "nmm_sum_rule",
    "static_weak_coefficient",
]

PRINTED_EQ12 = r"\frac{1}{\pi} \int_0^\infty \text{Im}R(T, Q^2) \frac{dQ^2}{Q^2} = \frac{Z}{T}."
PRINTED_EQ14 = (
    r"\frac{d^2\sigma_{EW}}{dTdQ^2} = \frac{G_F^2}{4\pi} (1 + 4\sin^2\theta_W + 8\sin^4\theta_W) "
    r"\left[\frac{1}{\pi} \text{Im}R(T, Q^2) \right],"
)
PRINTED_EQ15 = r"\frac{1}{\pi} \int_0^\infty \text{Im}R(T, Q^2) dQ^2 = 2Zm_e."
PRINTED_LARGE_T = (
    r"``the derived in this way sum rules (12) and (15) determine that both for the "
    r"hypothetical NMM interaction and for the standard electroweak one the inclusive "
    r"differential in $T$ cross section per electron is essentially not affected by the atomic "
    r"effects down to quite low values of the energy transfer $T$'' (last paragraph)."
)
PRINTED_INCLUSIVE = (
    r"``it is shown that the differential over the energy transfer cross section is given, "
    r"modulo very small corrections, by the same expression as for free electrons, once all "
    r"possible final states of the electronic system are taken into account. Thus, the atomic "
    r"effects effectively cancel in the inclusive process.'' (abstract)"
)

#: Per electron, Eqs. (12) and (15) say r_nmm = r_ew = 1.
PRINTED_RATIO = 1
#: The printed coefficient of Im R/π in Eq. (14) (s = sin²θ_W).
PRINTED_EQ14_COEFFICIENT: sp.Expr = G_F**2 / (4 * sp.pi) * (1 + 4 * SIN2_W + 8 * SIN2_W**2)
#: Eq. (12) as printed is exact: the coefficient of any deviation r − 1 ∝ (I/T)^p is 0.
PRINTED_DEVIATION_COEFFICIENT: sp.Expr = sp.Integer(0)
#: The paper's size of the "very small corrections": δ_(μ) < 0.7 × 10⁻³ (after Eq. (13)).
PRINTED_SMALL_BOUND = mpmath.mpf("0.7e-3")
#: Below this relative deviation the atomic effects still "effectively cancel" (no O(1)
#: enhancement or suppression of the free-electron formula): our threshold, not the paper's.
EFFECTIVE_CANCELLATION = mpmath.mpf("0.1")

#: A row of the hydrogen table: (T/I, T, r_nmm, r_ew, closed form, δ of Eq. (13)).
Row = tuple[str, Any, Any, Any, Any, Any]

#: The T/I values of the hydrogen ratio table.
TABLE_T_OVER_I = ("1.001", "1.1", "1.5", "2", "5", "10", "100")


# --------------------------------------------------------------------------------------------
# shared hydrogen numbers


@functools.lru_cache(maxsize=8)
def hydrogen_rows(dps: int) -> tuple[Row, ...]:
    """(T/I, T, r_nmm, r_ew, closed form, δ) at :data:`TABLE_T_OVER_I` (Z = 1), cached per dps.

    r by tanh-sinh quadrature, the closed form of hydrogen.exact_sum_rule_ratio, and
    δ = T ∫_0^{(αT)²} S dQ²/Q² (Eq. (13) for hydrogen, exact S).
    """
    rows = []
    for x in TABLE_T_OVER_I:
        t_str = str(Decimal(x) / 2)
        r_nmm, r_ew = hyd.sum_rule_ratios(t_str, dps=dps)
        closed = hyd.exact_sum_rule_ratio(t_str, dps=dps)
        delta = hyd.low_q_fraction(t_str, dps=dps)
        with precision(dps):
            rows.append((x, mpmath.mpf(t_str), r_nmm, r_ew, closed, delta))
    return tuple(rows)


def _hydrogen_table_check(ctx: Context, which: int) -> tuple[float, list[str]]:
    """Agreement of quadrature (column ``which``: 2 r_nmm, 3 r_ew) with the closed form."""
    rows = hydrogen_rows(ctx.dps)
    digits = min(digits_between(r[which], r[4], ctx.dps) for r in rows)
    if digits < ctx.dps - 5:
        raise Disagreement(
            "hydrogen: quadrature and closed form disagree",
            {r[0]: f"{r[which]} vs {r[4]}" for r in rows},
        )
    lines = [f"T/I = {r[0]}: {number(r[which], 20)}" for r in rows]
    return digits, lines


def _z_scaling(ctx: Context) -> tuple[str, float, mpmath.mpf]:
    """r at T/I = 2 for a random (seeded) Z against the Z = 1 value."""
    z = f"{random.Random(105201801).uniform(2, 40):.6f}"
    t = str(Decimal(z) ** 2)  # T/I = 2: T = Z²
    r_z, _ = hyd.sum_rule_ratios(t, Z=z, dps=ctx.dps)
    ref = next(r[2] for r in hydrogen_rows(ctx.dps) if r[0] == "2")
    return z, digits_between(r_z, ref, ctx.dps), r_z


def _worst(rows: tuple[Row, ...], ratio: Callable[[Row], Any]) -> tuple[str, Any]:
    """The T/I with the largest |r − 1|, and that deviation."""
    worst = max(rows, key=lambda r: abs(ratio(r) - 1))
    return worst[0], abs(ratio(worst) - 1)


def _oscillator_lines(power: int) -> tuple[list[sp.Expr], list[sp.Expr]]:
    """∫_0^∞ p_n(y) y^power dy (sympy integrate) and the Γ formula, n = 1..5 (dQ² = 2mω dy)."""
    y = osc.Y
    direct = [sp.integrate(osc.line_strength(n, y) * y**power, (y, 0, sp.oo)) for n in range(1, 6)]
    omega = sp.Symbol("omega", positive=True)
    gamma = [
        osc.line_weighted_integral(n, power, m=sp.Rational(1, 2), omega=omega)
        / omega ** (power + 1)
        for n in range(1, 6)
    ]  # (2mω)^{j+1} Γ(n + j + 1)/n! at 2m = 1, per (ω)^{j+1}
    return direct, [sp.simplify(g) for g in gamma]


# --------------------------------------------------------------------------------------------
# Eq. (12)


#: Where the certified (python-flint) route encloses the hydrogen ratios.
CERTIFIED_T_OVER_I = ("1.001", "2", "100")


def certified_hydrogen_evidence(ctx: Context, controls: list[Control]) -> Evidence:
    """Certified balls for r_nmm, r_ew at CERTIFIED_T_OVER_I; the quadrature and the closed
    form must lie inside (to the quadrature's own rounding); controls join ``controls``."""
    from sumrules.models.hydrogenic.certified import (
        compare_with_references,
        hydrogen_negative_controls,
    )

    checks, seconds = timed(
        lambda: [
            compare_with_references(mpmath.mpf(x) / 2, digits=ctx.dps) for x in CERTIFIED_T_OVER_I
        ]
    )
    controls.extend(
        Control(f"certified: {c.description}", c.caught, c.detail)
        for c in hydrogen_negative_controls(50, digits=ctx.dps)
    )
    digits = min(c.certified.digits for c in checks)
    return Evidence(
        "certified: acb.integral on analytic pieces + proven tail bound (python-flint)",
        "certified",
        "balls at T/I = "
        + ", ".join(
            f"{x}: {mpmath.nstr(c.certified.r_nmm.mid, 25)} ± {mpmath.nstr(c.certified.r_nmm.rad, 2)}"
            for x, c in zip(CERTIFIED_T_OVER_I, checks, strict=True)
        )
        + "; closed form inside every ball, quadrature consistent",
        precision=f"certified to {digits:.1f} digits",
        agreement=min(c.closed_form_agreement for c in checks),
        agrees=all(c.passed for c in checks),
        seconds=seconds,
    )


@claim("eq12", title="The sum rule with the weight 1/Q² (magnetic moment)", printed=PRINTED_EQ12)
def nmm_sum_rule(ctx: Context) -> Outcome:
    """r_nmm = T (1/π)∫ Im R dQ²/Q² per electron: free electron, oscillator lines, hydrogen."""
    need = ctx.dps - 5
    Tm, mm = sp.symbols("T m", positive=True)
    free_r, _ = free.sum_rule_ratios(T=Tm, m=mm)
    xq = sp.Symbol("x", positive=True)
    t_num, m_num = sp.Rational(3, 2), sp.Rational(1, 2)
    via_delta = sp.integrate(sp.DiracDelta(t_num - xq / (2 * m_num)) / xq, (xq, 0, sp.oo))
    free_routes = sp.simplify(t_num * via_delta - free_r) == 0  # two routes agree
    free_ok = free_r == PRINTED_RATIO and free_routes

    (osc_direct, osc_gamma), t_osc = timed(_oscillator_lines, -1)
    osc_cell = [sp.simplify(n * d) for n, d in enumerate(osc_direct, 1)]  # T_n ∫p_n dQ²/Q² / ω
    osc_one_over_n = all(d == sp.Rational(1, n) for n, d in enumerate(osc_direct, 1))
    osc_ok = all(c == PRINTED_RATIO for c in osc_cell) and osc_direct == osc_gamma
    if osc_direct != osc_gamma:
        raise Disagreement(
            "oscillator: sympy integral and factorial formula disagree",
            {"integrate": str(osc_direct), "gamma": str(osc_gamma)},
        )

    (h_digits, h_lines), t_h = timed(_hydrogen_table_check, ctx, 2)
    (z, z_digits, r_z), t_z = timed(_z_scaling, ctx)
    if z_digits < need:
        raise Disagreement("hydrogen: Z scaling fails", {"Z": z, "r": str(r_z)})
    rows = hydrogen_rows(ctx.dps)
    where, worst = _worst(rows, lambda r: r[2])
    tol = mpmath.mpf(10) ** (-need)
    h_ok = all(abs(r[2] - PRINTED_RATIO) <= tol for r in rows)
    with precision(ctx.dps):
        ratio_to_delta = [(r[0], (1 - r[2]) / r[5]) for r in rows]
    vanishes = abs(rows[-1][2] - 1) < abs(rows[0][2] - 1)  # deviation shrinks with T

    if free_ok and osc_ok and h_ok:
        verdict = "verified"
    elif free_ok and osc_ok and vanishes:
        verdict = "qualified"
    else:
        verdict = "refuted"

    # negative controls through the same comparisons
    wrong_line = sp.integrate(osc.Y**2 * sp.exp(-osc.Y) / osc.Y, (osc.Y, 0, sp.oo))  # 1/2! lost
    wrong = hc.WRONG_DENSITIES["missing [1 - exp(-2 pi Z/k)] factor"]
    r_wrong, _ = hc.ratios_for_density(wrong, "2.5", dps=ctx.dps)
    closed_5 = next(r[4] for r in rows if r[0] == "5")
    wrong_digits = digits_between(r_wrong, closed_5, ctx.dps)
    wrong_free = sp.simplify(Tm * free.integrate_delta(1 / free.Q2**2, T=Tm, m=mm))
    controls = [
        Control(
            "oscillator line n = 2 with strength e^(−y)y² (1/n! dropped)",
            sp.simplify(2 * wrong_line - PRINTED_RATIO) != 0,
            f"cell ratio {2 * wrong_line}",
        ),
        Control(
            "hydrogen S without the Sommerfeld factor (T/I = 5): quadrature vs closed form",
            wrong_digits < need,
            f"agrees to {wrong_digits:.1f} digits",
        ),
        Control(
            "free electron with the weight 1/Q⁴",
            sp.simplify(wrong_free - 1) != 0,
            f"T ∫ δ dQ²/Q⁴ = {wrong_free}",
        ),
    ]
    kap = sp.Symbol("kappa", positive=True)
    at_threshold = sp.limit(hc._compact(kap), kap, 0, "+")
    derivation = Derivation(
        "Eq. (12) per electron in three models",
        [
            Step.checked(
                r"r_{\rm nmm}^{\rm free}",
                free_r,
                "δ(T − Q²/2m) substituted (u = T − Q²/2m); sympy's DiracDelta in the "
                "interior agrees",
                predicate=lambda: free_routes and free_r == 1,
            ),
            Step.checked(
                r"\int_0^\infty p_n \frac{dQ^2}{Q^2}",
                r"\frac{1}{n} = \frac{\omega}{T_n}",
                "oscillator line n (y = Q²/2mω): (n − 1)!/n!",
                method="sympy integrate, n = 1..5: " + ", ".join(str(d) for d in osc_direct),
                predicate=lambda: osc_one_over_n,
            ),
            Step.definition(
                r"r(\kappa)",
                hc._compact(kap),
                "hydrogen 1s, closed form (hydrogen_checks.derive_exact_ratio: "
                "Möbius substitution t = (Q² − (k − iZ)²)/(Q² − (k + iZ)²))",
            ),
            Step.checked(
                sp.Limit(hc._compact(kap), kap, 0, "+"),
                1 - sp.Rational(7, 3) * sp.exp(-4),
                "threshold value 1 − (7/3)e⁻⁴ = 0.95726",
                predicate=lambda: (
                    sp.simplify(at_threshold - 1 + sp.Rational(7, 3) * sp.exp(-4)) == 0
                ),
            ),
        ],
    )
    evidence = [
        Evidence(
            "free electron: δ substitution and sympy DiracDelta",
            "symbolic",
            f"r_nmm = {free_r} (symbolic T, m); T ∫ δ dQ²/Q² = {t_num * via_delta} at "
            "T = 3/2, m = 1/2",
        ),
        Evidence(
            "oscillator: ∫ p_n dQ²/Q² line by line (sympy integrate vs the factorial formula)",
            "model:oscillator",
            "= 1/n = ω/T_n for n = 1..5: the cell average over "
            "|T − nω| < ω/2 of T ∫ S dQ²/Q² is exactly 1",
            seconds=t_osc,
        ),
        Evidence(
            "hydrogen: tanh-sinh quadrature in q vs the closed form",
            "model:hydrogen",
            "; ".join(h_lines),
            precision=f"{ctx.dps} dps",
            agreement=h_digits,
            seconds=t_h,
        ),
        Evidence(
            f"hydrogen-like Z = {z} at T/I = 2 (Z scaling)",
            "numeric: Z scaling",
            f"r = {number(r_z, 15)}, equal to the Z = 1 value",
            precision=f"{ctx.dps} dps",
            agreement=z_digits,
            seconds=t_z,
        ),
        Evidence(
            "hydrogen: deviation against Eq. (13)'s δ (exact S below Q² = (αT)²)",
            "model:hydrogen",
            "(1 − r)/δ: " + ", ".join(f"T/I = {x}: {number(v, 3)}" for x, v in ratio_to_delta),
            agreement=None,
        ),
    ]
    big = [float(v) for x, v in ratio_to_delta if mpmath.mpf(x) <= 10]
    summary = (
        "exact for the free electron and (line by line) the oscillator; hydrogen r_nmm = "
        + ", ".join(f"{number(r[2], 6)}" for r in rows[:4])
        + f" at T/I = {', '.join(r[0] for r in rows[:4])}; worst deviation "
        f"{float(worst) * 100:.2f}% at T/I = {where}, {min(big):.0f}–{max(big):.0f}× Eq. (13)'s "
        f"δ for T ≤ 10I; quadrature = closed form to {digits_text(h_digits, ctx.dps)} digits"
    )
    notes = (
        "r − 1 → −(16/15π)(I/T)^(5/2) at large T (claim eq12.large-t): the sum rule holds only "
        "asymptotically. The correction δ of Eq. (13) concerns the kinematic limit Q² > T²; the "
        "failure found here is of the full integral itself. Figure: r(T) from threshold to "
        "T = 10⁴I (closed form and quadrature), with the paper's r = 1 and 1 − δ."
    )
    if ctx.certified:
        evidence.append(certified_hydrogen_evidence(ctx, controls))
    return Outcome(
        verdict,
        summary,
        evidence,
        controls,
        [derivation],
        notes=notes,
        figures=["figures/ratios.pdf"],
    )


# --------------------------------------------------------------------------------------------
# the large-T law


@functools.lru_cache(maxsize=1)
def large_T_series_u(order: int = 9) -> sp.Expr:
    """r − 1 as a series in u = 1/κ = √(I/(T − I)) through u^{order−1}, exact.

    With atan κ = π/2 − atan u: r − 1 = [1 − e^{4u atan u} P(u)]/(e^{2πu} − 1),
    P = (1 − 2u² + 7u⁴/3)/(1 + u²)², and 1 − e^{4u atan u}P = −(32/15)u⁶ + O(u⁸).

    >>> sp.expand(large_T_series_u(7))
    16*u**6/15 - 16*u**5/(15*pi)
    """
    u = sp.Symbol("u", positive=True)
    p = (1 - 2 * u**2 + sp.Rational(7, 3) * u**4) / (1 + u**2) ** 2
    numerator = sp.series(1 - sp.exp(4 * u * sp.atan(u)) * p, u, 0, order + 1).removeO()
    bernoulli = sp.series(u / (sp.exp(2 * sp.pi * u) - 1), u, 0, order - 4).removeO()
    return sp.expand(sp.series(numerator / u * bernoulli, u, 0, order).removeO())


@claim(
    "eq12.large-t",
    title="How fast the hydrogen sum rules are approached at large T",
    printed=PRINTED_LARGE_T,
    anchor=12,
)
def large_T_approach(ctx: Context) -> Outcome:
    """r − 1 = c (I/T)^p at T ≫ I: exact series vs a fit to quadrature, and where |r − 1| is small."""
    (series, t_s) = timed(large_T_series_u, 9)
    u, w = sp.Symbol("u", positive=True), sp.Symbol("w", positive=True)
    # u = w/√(1 − w²) = w + w³/2 + …: substitute the polynomial, keep powers below w⁷
    u_of_w = sp.series(w / sp.sqrt(1 - w**2), w, 0, 8).removeO()
    in_w = sp.expand(sp.expand(series.subs(u, u_of_w)))
    in_w = sum((in_w.coeff(w, k) * w**k for k in range(7)), sp.Integer(0))
    p_exact = sp.Rational(5, 2)
    c_exact = in_w.coeff(w, 5)
    lib_p, lib_c, lib_next = hyd.large_T_leading_law()
    lib_ok = (
        lib_p == p_exact
        and sp.simplify(lib_c - c_exact) == 0
        and sp.simplify(lib_next - in_w.coeff(w, 6)) == 0
    )
    if not lib_ok or in_w.coeff(w, 4) != 0:
        raise Disagreement(
            "series and the library's large-T law differ",
            {"series": str(in_w), "library": str((lib_p, lib_c, lib_next))},
        )

    xs = [10**4, 10**5, 10**6]
    (law, t_fit) = timed(hyd.fit_large_T_law, xs, dps=ctx.dps)
    with precision(ctx.dps + 10):
        ys = [1 / mpmath.mpf(x) for x in xs]
        cs = [d / y ** mpmath.mpf(2.5) for d, y in zip(law.deviations, ys, strict=True)]
        # c(y) = c + a √y + …: extrapolate the last two in √y
        c_fit = extrapolate_to_zero([mpmath.sqrt(ys[1]), mpmath.sqrt(ys[2])], cs[1:]).real
        c_num = mpmath.mpf(sp.N(c_exact, ctx.dps + 10))
        c_digits = digits_between(c_fit, c_num, ctx.dps)
        p_digits = digits_between(law.exponent_extrapolated, 2.5, ctx.dps)
        big = mpmath.mpf(10) ** 8
        r_big = hyd.exact_sum_rule_ratio(big / 2, dps=ctx.dps)
        closed_ratio = (r_big - 1) / (c_num * (1 / big) ** mpmath.mpf(2.5))
    if c_digits < 3 or p_digits < 3:
        raise Disagreement(
            "fit and exact series disagree", {"p": str(law.exponent_extrapolated), "c": str(c_fit)}
        )

    # where is the deviation small?  Solve 1 − r(T) = level on the closed form (r increases
    # monotonically with T: claim text.inclusive-conclusion), by bisection in log(T/I − 1).
    def crossing(level: object) -> mpmath.mpf:
        with precision(ctx.dps):
            lv = mpmath.mpf(level)
            lo, hi = mpmath.mpf(-6), mpmath.mpf(4)  # log10(T/I − 1)
            for _ in range(50):
                mid = (lo + hi) / 2
                x = 1 + mpmath.mpf(10) ** mid
                if 1 - hyd.exact_sum_rule_ratio(x / 2, dps=ctx.dps) > lv:
                    lo = mid
                else:
                    hi = mid
            return 1 + mpmath.mpf(10) ** ((lo + hi) / 2)

    x_small = crossing(PRINTED_SMALL_BOUND)
    x_percent = crossing("0.01")
    controls = []
    with precision(ctx.dps + 10):
        controls.append(
            Control(
                "exponent 2 instead of 5/2 against the extrapolated local slope",
                digits_between(law.exponent_extrapolated, 2, ctx.dps) < 3,
                f"slope {number(law.exponent_extrapolated, 8)}",
            )
        )

        def no_sommerfeld(x: mpmath.mpf) -> mpmath.mpf:
            kap = mpmath.sqrt(x - 1)
            e = mpmath.exp(-4 * mpmath.atan(kap) / kap)
            return 1 - e * (kap**4 - 2 * kap**2 + mpmath.mpf(7) / 3) / (1 + kap**2) ** 2

        d1, d2 = (no_sommerfeld(mpmath.mpf(x)) - 1 for x in xs[1:])
        slope = mpmath.log(d2 / d1) / mpmath.log(ys[2] / ys[1])
        controls.append(
            Control(
                "closed form without the Sommerfeld factor: same fit",
                digits_between(slope, 2.5, ctx.dps) < 3,
                f"slope {number(slope, 6)}",
            )
        )
    matches = sp.simplify(c_exact - PRINTED_DEVIATION_COEFFICIENT) == 0
    verdict = "verified" if matches else "qualified"
    derivation = Derivation(
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
    evidence = [
        Evidence(
            "exact series of the closed form (sympy)",
            "symbolic",
            f"r − 1 = {sp.sstr(in_w)} + O(w^7), w = √(I/T); equals hydrogen.large_T_leading_law()",
            seconds=t_s,
        ),
        Evidence(
            "quadrature at T/I = 1e4, 1e5, 1e6: local slopes extrapolated, coefficient "
            "extrapolated in √(I/T)",
            "numeric",
            f"p = {number(law.exponent_extrapolated, 8)}, c = {number(c_fit, 8)} (exact "
            f"{number(c_num, 8)})",
            precision=f"{ctx.dps} dps",
            agreement=min(c_digits, p_digits),
            seconds=t_fit,
        ),
        Evidence(
            "closed form at T/I = 1e8",
            "closed-form",
            f"(r − 1)/(c (I/T)^(5/2)) = {number(closed_ratio, 10)} (series: 1 − π·10⁻⁴)",
        ),
    ]
    summary = (
        f"the sum rules hold only asymptotically: r − 1 = −(16/15π)(I/T)^(5/2) + (16/15)(I/T)³ + "
        f"… (series = fit: p = {number(law.exponent_extrapolated, 6)}, c = {number(c_fit, 6)}); "
        f"|1 − r| < 0.7×10⁻³ (the paper's δ bound) needs T > {number(x_small, 4)} I, "
        f"< 1% needs T > {number(x_percent, 4)} I"
    )
    notes = (
        "For a hydrogen-like K shell of Ge (I ≈ 11 keV) the paper's level of accuracy "
        f"(0.07%) is reached only above T ≈ {float(x_small) * 11:.0f} keV, not in the few-keV "
        "range; below its threshold a shell does not contribute at all."
    )
    return Outcome(verdict, summary, evidence, controls, [derivation], notes=notes)


# --------------------------------------------------------------------------------------------
# Eq. (14)


def static_weak_coefficient(*, axial: bool = True) -> sp.Expr:
    """C with d²σ_EW/dTdQ² = C · S(T, Q²) on an infinitely heavy target, exact in E, T.

    Four-fermion interaction −(G_F/√2)[ν̄γ^a(1 − γ5)ν][ēγ_a(g_V − g_Aγ5)e]; the electron in
    the nonrelativistic limit couples through g_V ρ (time component) and g_A σ (spin), the
    atom unpolarised: W^{00} = g_V² S, W^{ij} = g_A² δ^{ij} S. ``axial=False`` drops the
    g_A term (a negative control).

    >>> sp.factor(sp.limit(sp.limit(static_weak_coefficient(), E, sp.oo), T, 0))
    G_F**2*(g_A**2 + g_V**2)/(2*pi)
    """
    g = dirac_matrices()
    chir = sp.eye(4) - g[4]
    kx, kz = sp.symbols("k_x k_z", real=True)
    q_abs = sp.sqrt(Q2)
    k = [E, kx, 0, kz]
    kp = [E - T, kx, 0, kz - q_abs]

    def lepton(a: int) -> sp.Expr:
        return (slash(kp) * g[a] * chir * slash(k) * g[a] * chir).trace()

    tensor = g_V**2 * lepton(0) + (g_A**2 * sum(lepton(i) for i in (1, 2, 3)) if axial else 0)
    kz_val = (E**2 + Q2 - (E - T) ** 2) / (2 * q_abs)  # from |k − q| = E − T
    expr = sp.expand(sp.expand(tensor).subs(kx**2, E**2 - kz**2))
    expr = sp.expand(expr.subs(kz, kz_val))
    return sp.factor(G_F**2 / 2 * expr * static_target_phase_space())


@claim(
    "eq14",
    title="Double-differential electroweak cross section in terms of Im R",
    printed=PRINTED_EQ14,
)
def electroweak_double_differential(ctx: Context) -> Outcome:
    """Structure (weight Q⁰) and normalization of Eq. (14): traces, Eq. (2), Eq. (15)."""
    printed = PRINTED_EQ14_COEFFICIENT
    gv, ga = electroweak_couplings(SIN2_W, flavor="e")
    (exact_c, t_c) = timed(static_weak_coefficient)
    leading = sp.limit(sp.limit(exact_c, E, sp.oo), T, 0)
    physical = sp.expand(leading.subs({g_V: gv, g_A: ga}))
    anti = sp.expand(leading.subs({g_V: gv, g_A: -ga}))
    nu_nubar_same = sp.simplify(physical - anti) == 0
    traces_ok = sp.simplify(physical - printed) == 0 and nu_nubar_same
    # free response δ(T − Q²/2m): Eq. (2) as printed, and Vogel–Engel at T/E → 0
    free_value = integrate_free_response(printed)
    eq2_ok = sp.simplify(free_value - PRINTED_EQ2_COEFFICIENT) == 0
    ve = vogel_engel_dsigma_dT(gv, ga)
    ve_low = sp.limit(ve, E, sp.oo)
    ve_ok = sp.simplify(ve_low - free_value) == 0
    derived_to_eq2 = sp.simplify(integrate_free_response(physical) - ve_low) == 0
    # numeric nascent δ at G_F = 1, sin²θ = 0.23, m = 1, T = 1
    subs = {G_F: 1, SIN2_W: sp.Rational(23, 100)}
    with precision(ctx.dps):
        coef = mpmath.mpf(sp.N(printed.subs(subs), ctx.dps + 5))
        vals = [
            integrate_free_response_numeric(lambda x: coef, 1, 1, width=w, dps=ctx.dps)
            for w in ("1e-3", "5e-4")
        ]
        target = mpmath.mpf(sp.N(PRINTED_EQ2_COEFFICIENT.subs(subs).subs(m, 1), ctx.dps + 5))
    num_digits = digits_between(vals[-1], target, ctx.dps)
    if eq2_ok != (num_digits >= ctx.dps - 5) or eq2_ok != ve_ok:
        raise Disagreement(
            "free-response routes disagree",
            {"exact": str(free_value), "numeric": str(vals[-1]), "Vogel–Engel": str(ve_low)},
        )
    # Eq. (14) integrated with Eq. (15): Z × Eq. (2)
    zz = sp.Symbol("Z", positive=True)
    via_15 = sp.simplify(printed * 2 * zz * m)
    via_15_ok = sp.simplify(via_15 - zz * PRINTED_EQ2_COEFFICIENT) == 0
    r_ew_2 = next(r[3] for r in hydrogen_rows(ctx.dps) if r[0] == "2")

    variants = {
        "weight 1/Q² (as for the magnetic moment)": printed / Q2,
        "G_F²/(2π) instead of G_F²/(4π)": 2 * printed,
        "(1 + 4s + 4s²) instead of (1 + 4s + 8s²)": G_F**2
        / (4 * sp.pi)
        * (1 + 4 * SIN2_W + 4 * SIN2_W**2),
    }
    controls = [
        Control(
            f"coefficient with {name}",
            sp.simplify(integrate_free_response(v) - PRINTED_EQ2_COEFFICIENT) != 0,
        )
        for name, v in variants.items()
    ]
    fermi_only = sp.limit(sp.limit(static_weak_coefficient(axial=False), E, sp.oo), T, 0)
    controls.append(
        Control(
            "traces without the axial (spin) coupling",
            sp.simplify(fermi_only.subs({g_V: gv}) - printed) != 0,
            f"leading {sp.sstr(fermi_only)}",
        )
    )
    derivation = Derivation(
        "Eq. (14) from the four-fermion interaction on a static target",
        [
            Step.definition(
                r"\frac{d^2\sigma_{EW}}{dT\,dQ^2}",
                sp.latex(exact_c) + r"\; S(T,Q^2)",
                "traces with W⁰⁰ = g_V² S, W^ij = g_A² δ^ij S, phase space of an "
                "infinitely heavy target, exact in E and T",
            ),
            Step.checked(
                r"\lim_{T/E\to0,\,Q^2/E^2\to0} C",
                leading,
                "leading order: constant in Q² (point-like interaction)",
                predicate=lambda: not leading.has(Q2),
            ),
            Step.checked(
                leading.subs({g_V: sp.Symbol("g_V"), g_A: sp.Symbol("g_A")}),
                physical,
                "ν_e (and anti-ν_e, the same): g_V = 1/2 + 2 sin²θ_W, g_A = ±1/2",
                predicate=lambda: nu_nubar_same,
            ),
            Step.checked(
                r"\int_0^\infty C_{\rm lead}\,\delta(T - Q^2/2m)\,dQ^2",
                integrate_free_response(physical),
                "free response; equals Vogel–Engel at T/E → 0",
                predicate=lambda: derived_to_eq2,
            ),
        ],
    )
    evidence = [
        Evidence(
            "V−A traces on an infinitely heavy target (sympy)",
            "dirac-traces",
            f"C = {sp.sstr(exact_c)}; leading {sp.sstr(leading)} = printed with the ν_e "
            f"and anti-ν_e couplings: {traces_ok}",
            seconds=t_c,
        ),
        Evidence(
            "free response δ(T − Q²/2m) substituted exactly",
            "free-response",
            f"gives {sp.sstr(free_value)} = Eq. (2): {eq2_ok}; = Vogel–Engel at T/E → 0: {ve_ok}",
        ),
        Evidence(
            "nascent δ (Gaussian width → 0) at G_F = m = T = 1, sin²θ_W = 0.23",
            "numeric",
            f"{number(vals[-1], 15)} vs {number(target, 15)}",
            precision=f"{ctx.dps} dps",
            agreement=num_digits,
        ),
        Evidence(
            "Eq. (14) integrated with Eq. (15)",
            "symbolic: sum rule",
            f"∫ dQ² gives {sp.sstr(via_15)} = Z × Eq. (2): {via_15_ok}; hydrogen (T = 2I): "
            f"per electron r_ew × Eq. (2), r_ew = {number(r_ew_2, 12)} (claim eq15)",
        ),
    ]
    verdict = "verified" if traces_ok and eq2_ok else "corrected"
    summary = (
        f"coefficient (G_F²/4π)(1 + 4s² + 8s⁴) of Im R/π = leading static-target V−A traces "
        f"(ν_e and anti-ν_e), weight Q⁰; with S = δ(T − Q²/2m) it gives Eq. (2) exactly (nascent δ "
        f"{digits_text(num_digits, ctx.dps)} digits); via Eq. (15) Z × Eq. (2), per electron × r_ew "
        f"(hydrogen T = 2I: {number(r_ew_2, 6)})"
    )
    notes = (
        "The exact static-target coefficient carries corrections of relative order T/E and "
        "(g_A² − g_V²)(Q² − T²)/(4E²(g_V² + g_A²)), negligible for Q² ≪ E². For ν_μ, ν_τ the "
        "bracket is 1 − 4s² + 8s⁴."
    )
    return Outcome(verdict, summary, evidence, controls, [derivation], notes=notes)


# --------------------------------------------------------------------------------------------
# Eq. (15)


@claim("eq15", title="The sum rule with the weight Q⁰ (electroweak)", printed=PRINTED_EQ15)
def electroweak_sum_rule(ctx: Context) -> Outcome:
    """r_ew = (1/2m)(1/π)∫ Im R dQ² per electron; and the P² → −∞ argument for it."""
    need = ctx.dps - 5
    Tm, mm = sp.symbols("T m", positive=True)
    _, free_r = free.sum_rule_ratios(T=Tm, m=mm)
    xq = sp.Symbol("x", positive=True)
    via_delta = sp.integrate(sp.DiracDelta(sp.Rational(3, 2) - xq), (xq, 0, sp.oo))  # m = 1/2
    free_ok = free_r == PRINTED_RATIO and via_delta == PRINTED_RATIO
    (osc_direct, osc_gamma), t_osc = timed(_oscillator_lines, 0)
    if osc_direct != osc_gamma:
        raise Disagreement(
            "oscillator: sympy integral and factorial formula disagree",
            {"integrate": str(osc_direct), "gamma": str(osc_gamma)},
        )
    osc_ok = all(d == PRINTED_RATIO for d in osc_direct)  # ∫ p_n dQ² / (2mω) = 1

    (h_digits, h_lines), t_h = timed(_hydrogen_table_check, ctx, 3)
    rows = hydrogen_rows(ctx.dps)
    identical = min(digits_between(r[2], r[3], ctx.dps) for r in rows)
    where, worst = _worst(rows, lambda r: r[3])
    tol = mpmath.mpf(10) ** (-need)
    h_ok = all(abs(r[3] - PRINTED_RATIO) <= tol for r in rows)
    vanishes = abs(rows[-1][3] - 1) < abs(rows[0][3] - 1)
    (bethe, t_b) = timed(hc.bethe_sum, 1, dps=ctx.dps)
    bethe_digits = digits_between(bethe.total, 1, ctx.dps)

    # the paper's route: dispersion relation (11) at P² → −∞ against Eq. (10)
    negs = ("-100", "-1000", "-10000")
    poss = ("1000", "10000")
    (disp, t_d) = timed(lambda: [hc.dispersion_integral_cached("1", p, ctx.dps) for p in negs])
    (res, t_r) = timed(
        lambda: [hc.resolvent_cached("1", p, "principal-value", ctx.dps) for p in poss]
    )
    with precision(ctx.dps + 10):
        hs = [1 / abs(mpmath.mpf(p)) for p in negs]
        hs_pos = [1 / mpmath.mpf(p) for p in poss]
        disp_lim = extrapolate_to_zero(
            hs, [mpmath.mpf(p) * d.real for p, d in zip(negs, disp, strict=True)]
        ).real
        res_lim = extrapolate_to_zero(
            hs_pos, [mpmath.mpf(p) * r.real for p, r in zip(poss, res, strict=True)]
        ).real
        r_ew_1 = next(r[3] for r in rows if r[0] == "2")
        disp_digits = digits_between(disp_lim, -2 * r_ew_1, ctx.dps)
        res_digits = digits_between(res_lim, -2, ctx.dps)
    if disp_digits < 5:
        raise Disagreement(
            "P² × dispersion integral does not tend to −∫S dQ²",
            {"limit": str(disp_lim), "−2 r_ew": str(-2 * r_ew_1)},
        )

    if free_ok and osc_ok and h_ok:
        verdict = "verified"
    elif free_ok and osc_ok and vanishes:
        verdict = "qualified"
    else:
        verdict = "refuted"
    wrong_line = sp.integrate(osc.Y**2 * sp.exp(-osc.Y), (osc.Y, 0, sp.oo))  # 1/2! dropped
    wrong = hc.WRONG_DENSITIES["denominator power 2 instead of 3"]
    _, r_wrong = hc.ratios_for_density(wrong, "2.5", dps=ctx.dps)
    closed_5 = next(r[4] for r in rows if r[0] == "5")
    wrong_digits = digits_between(r_wrong, closed_5, ctx.dps)
    controls = [
        Control(
            "oscillator line n = 2 with strength e^(−y)y² (1/n! dropped)",
            wrong_line != PRINTED_RATIO,
            f"∫ p dy = {wrong_line}",
        ),
        Control(
            "hydrogen S with denominator power 2 (T/I = 5): quadrature vs closed form",
            wrong_digits < need,
            f"agrees to {wrong_digits:.1f} digits",
        ),
        Control(
            "P² × dispersion compared with −2 (Eq. 10) instead of −2 r_ew",
            digits_between(disp_lim, -2, ctx.dps) < disp_digits - 1,
            f"agrees with −2 to {digits_between(disp_lim, -2, ctx.dps):.1f} digits",
        ),
    ]
    derivation = Derivation(
        "The paper's derivation of Eq. (15) in hydrogen (T = 1 hartree)",
        [
            Step.checked(
                r"\lim_{P^2\to+\infty} P^2 R(T,P^2)",
                sp.Float(str(res_lim), 10),
                "Eq. (9) on the physical axis: Eq. (10) holds (P² = 10³, 10⁴, "
                "extrapolated in 1/P²)",
                method=f"agrees with −2 to {res_digits:.1f} digits",
                predicate=lambda: res_digits >= 3,
            ),
            Step.checked(
                r"\lim_{P^2\to-\infty} P^2\,\frac{1}{\pi}\int_0^\infty"
                r"\frac{\text{Im}R\,dQ^2}{Q^2 - P^2}",
                sp.Float(str(disp_lim), 10),
                "the dispersion integral at P² = −10², −10³, −10⁴: −∫ S dQ² = −2 r_ew",
                method=f"agrees with −2 r_ew to {disp_digits:.1f} digits",
                predicate=lambda: disp_digits >= 5,
            ),
            Step.checked(
                r"r_{\rm ew}(T = 2I)",
                sp.Float(str(r_ew_1), 15),
                "the two limits differ: R of Eq. (9) does not exist at P² < −Z², and "
                "the dispersion relation (11) fails",
                relation="!=",
                method="numeric",
                predicate=lambda: abs(r_ew_1 - 1) > tol,
            ),
        ],
    )
    evidence = [
        Evidence(
            "free electron: δ substitution and sympy DiracDelta",
            "symbolic",
            f"(1/2m) ∫ δ dQ² = {free_r}; sympy DiracDelta at T = 3/2, m = 1/2: {via_delta}",
        ),
        Evidence(
            "oscillator: ∫ p_n dQ² = 2mω line by line (sympy vs factorials)",
            "model:oscillator",
            "n = 1..5: the cell average of (1/2m) ∫ S dQ² is exactly 1",
            seconds=t_osc,
        ),
        Evidence(
            "hydrogen: quadrature vs closed form; r_ew = r_nmm",
            "model:hydrogen",
            "; ".join(h_lines) + f"; r_ew = r_nmm to {digits_text(identical, ctx.dps)} digits",
            precision=f"{ctx.dps} dps",
            agreement=h_digits,
            seconds=t_h,
        ),
        Evidence(
            "hydrogen: the Bethe sum at fixed Q² = 1 (all T) holds",
            "closed-form",
            f"Σ (2ΔE/Q²)|F_n|² + ∫ (2T/Q²) S dT = {number(bethe.total, 20)}: the fixed-Q² "
            "sum rule is exact, the fixed-T integral over Q² is not",
            precision=f"{ctx.dps} dps",
            agreement=bethe_digits,
            seconds=t_b,
        ),
        Evidence(
            "hydrogen: P² → −∞ of P² × dispersion vs P² → +∞ of P² R",
            "numeric",
            f"{number(disp_lim, 12)} (= −2 r_ew) vs {number(res_lim, 8)} (= −2, Eq. 10)",
            precision=f"{ctx.dps} dps",
            agreement=disp_digits,
            seconds=t_d + t_r,
        ),
    ]
    summary = (
        f"exact for the free electron and (line by line) the oscillator; hydrogen r_ew ≡ r_nmm "
        f"(to {digits_text(identical, ctx.dps)} digits), worst deviation {float(worst) * 100:.2f}% at "
        f"T/I = {where}; the paper's step: P²·dispersion → {number(disp_lim, 6)} = −2r_ew at "
        f"P² → −∞, while P²R → {number(res_lim, 8)} (Eq. 10) on the physical axis"
    )
    notes = (
        "The Bethe (f-) sum rule at fixed Q² integrates over T and holds exactly; Eq. (15) "
        "integrates over Q² at fixed T, which is a different statement and fails at the 1–4% "
        "level near threshold. The asymptotic form Eq. (10) holds on the physical axis, but "
        "the dispersion relation that would connect it to ∫ Im R dQ² does not."
    )
    if ctx.certified:
        evidence.append(certified_hydrogen_evidence(ctx, controls))
    return Outcome(verdict, summary, evidence, controls, [derivation], notes=notes)


# --------------------------------------------------------------------------------------------
# the abstract's conclusion


@claim(
    "text.inclusive-conclusion",
    title="Atomic effects cancel in the inclusive cross section",
    printed=PRINTED_INCLUSIVE,
    anchor=15,
)
def inclusive_conclusion(ctx: Context) -> Outcome:
    """Worst hydrogen deviation from the free-electron value against 'very small'."""
    kap = sp.Symbol("kappa", positive=True)
    threshold = sp.limit(hc._compact(kap), kap, 0, "+")
    threshold_dev = sp.simplify(1 - threshold)
    with precision(ctx.dps + 10):
        grid = [1 + mpmath.mpf(10) ** (-j) for j in range(9, 0, -1)]
        grid += [mpmath.mpf(10) ** (j / mpmath.mpf(4)) for j in range(2, 17)]
        devs = [(x, 1 - hyd.exact_sum_rule_ratio(x / 2, dps=ctx.dps)) for x in grid]
        x_worst, worst = max(devs, key=lambda d: d[1])
        monotone = all(devs[i][1] >= devs[i + 1][1] for i in range(len(devs) - 1))
        thr_num = mpmath.mpf(sp.N(threshold_dev, ctx.dps + 10))
        thr_digits = digits_between(worst, thr_num, ctx.dps)
    rows = hydrogen_rows(ctx.dps)
    q_digits = min(digits_between(r[2], r[4], ctx.dps) for r in rows)
    if thr_digits < 8 or q_digits < ctx.dps - 5:
        raise Disagreement(
            "threshold limit, grid and quadrature disagree",
            {"grid": str(worst), "limit": str(thr_num)},
        )
    if worst <= PRINTED_SMALL_BOUND:
        verdict = "verified"
    elif worst <= EFFECTIVE_CANCELLATION:
        verdict = "qualified"
    else:
        verdict = "refuted"
    wrong = hc.WRONG_DENSITIES["missing [1 - exp(-2 pi Z/k)] factor"]
    r_wrong, _ = hc.ratios_for_density(wrong, "2.5", dps=ctx.dps)
    first = rows[0]
    closed_5 = next(r[4] for r in rows if r[0] == "5")
    controls = [
        Control(
            "hydrogen S without the Sommerfeld factor (T/I = 5): quadrature vs closed form",
            digits_between(r_wrong, closed_5, ctx.dps) < ctx.dps - 5,
            f"gives {number(r_wrong, 6)}",
        ),
        Control(
            "the bound test applied to the threshold deviation 7e⁻⁴/3 doubled",
            not 2 * thr_num <= PRINTED_SMALL_BOUND,
            f"{number(2 * thr_num, 4)}",
        ),
    ]
    evidence = [
        Evidence(
            "closed form on a grid T/I = 1 + 1e−9 … 1e4",
            "closed-form",
            f"|1 − r| is largest at threshold: {number(worst, 8)} at T/I = {number(x_worst, 10)}; "
            f"monotone decreasing: {monotone}",
            precision=f"{ctx.dps} dps",
            agreement=thr_digits,
        ),
        Evidence(
            "exact threshold limit (sympy)",
            "symbolic",
            f"1 − r(kappa → 0) = {sp.sstr(threshold_dev)} = {number(thr_num, 10)}",
        ),
        Evidence(
            "quadrature at T/I = 1.001 … 100",
            "model:hydrogen",
            f"1 − r = {number(1 - first[2], 8)} at T/I = 1.001",
            precision=f"{ctx.dps} dps",
            agreement=q_digits,
        ),
    ]
    summary = (
        f"qualitatively yes, but not 'very small': in hydrogen the inclusive cross section per "
        f"electron is r × free, 1 − r up to {float(worst) * 100:.2f}% (= 7e⁻⁴/3 at threshold), "
        f"{float(worst / PRINTED_SMALL_BOUND):.0f}× the paper's 0.7×10⁻³; no enhancement, a "
        "few-% suppression near threshold"
        if verdict != "verified"
        else f"holds: worst deviation {number(worst, 4)} ≤ {number(PRINTED_SMALL_BOUND, 4)}"
    )
    notes = (
        "The paper's T is above threshold; for T below a shell's ionization energy that shell "
        "contributes nothing (r = 0), so for a many-electron atom the per-electron formula "
        "counts only the electrons with binding below T. 'Effectively cancel' is judged here "
        "against a 10% threshold (no O(1) atomic effect)."
    )
    return Outcome(verdict, summary, evidence, controls, notes=notes)
