"""Claims on the dipole limit and the photon point: Eqs. (6), (7) and (13).

Hydrogen (1s, atomic units) makes the statements concrete: the bound–bound form factors
are exact rational functions of q, the continuum density S(T, q) is Bethe's closed form,
and the photoionization cross section is Stobbe's, coded independently
(:mod:`sumrules.models.hydrogen` and :mod:`sumrules.photo`). Units: in atomic units the
photon point Q² = T² (natural units) is q = αT, the electron mass is 1/α² hartree, and an
area of 1 bohr² is α² hartree⁻² in natural units.

The μ_ν normalization is the one of Eqs. (1) and (5) (claim eq1): the printed
coefficients 4πα of Eq. (6) and 1/π of Eq. (7) hold for the Gaussian μ_ν; Eq. (13) does
not involve μ_ν and holds in any convention.
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import sympy as sp

from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import rounds_to
from sumrules.core.ledger import Context, Control, Disagreement, Evidence, Outcome, timed
from sumrules.core.numeric import agreement_digits, precision
from sumrules.core.registry import claim
from sumrules.data.constants import ALPHA, BARN_CM2, GE_SIGMA_T2_PEAK, GE_Z
from sumrules.data.units import barn_kev2_to_natural, bohr2_to_cm2, kev_to_hartree
from sumrules.models.hydrogenic import ground as hydrogen
from sumrules.theory.conventions import (
    alpha,
    comparison_step,
    describe_conventions,
    verdict_from_conventions,
)
from sumrules.theory.photoabsorption import (
    bound_dipole_squared,
    delta_mu_hydrogen,
    delta_mu_hydrogen_natural,
    hydrogen_dipole_density,
    hydrogen_photo_cross_section,
    low_q_fraction,
    low_q_fraction_derivation,
    oscillator_strength,
    photoabsorption_coefficient,
    photon_point_relation,
)
from sumrules.theory.scattering import (
    Q2,
    Convention,
    D,
    E,
    T,
    bohr_magneton,
    coulomb_exchange_coefficient,
    dipole_exchange_coefficient,
    e,
    express_in_convention,
    m,
    matching_conventions,
    mu,
    mu_B,
)

__all__ = [
    "DIPOLE_TOLERANCE",
    "PRINTED_EQ6",
    "PRINTED_EQ6_COEFFICIENT",
    "PRINTED_EQ7",
    "PRINTED_EQ7_RHS",
    "PRINTED_EQ13",
    "PRINTED_EQ13_GE",
    "PRINTED_EQ13_HYDROGEN",
    "PRINTED_GE_DELTA_BOUND",
    "PRINTED_GE_NATURAL",
    "PRINTED_LOW_Q_COEFFICIENT",
    "SIGMA",
    "UNIT_ROUTE_DIGITS",
    "dipole_limit",
    "germanium_low_q_share",
    "hydrogen_low_q_share",
    "low_q_share",
    "models_form_factor_squared",
    "photon_point",
]

PRINTED_EQ6 = (
    r"\frac{d^2\sigma_{(\mu)}}{dTdQ^2} = 4\pi\alpha \mu_\nu^2 \sum_n \delta(T - E_n + E_0) "
    r"|\langle n | d_x | 0 \rangle|^2,"
)
#: Printed Eq. (6) as a coefficient times D = sum_n delta(...) |<n|d_x|0>|^2.
PRINTED_EQ6_COEFFICIENT: sp.Expr = 4 * sp.pi * alpha * mu**2 * D
#: The printed small-Q² law: |<n|rho|0>|² ~ (Q²)^p |<n|d_x|0>|² with p = 1.
PRINTED_DIPOLE_POWER = 1

PRINTED_EQ7 = (
    r"\left. \frac{d^2\sigma_{(\mu)}}{dTdQ^2} \right|_{Q^2=T^2} = \frac{\mu_\nu^2}{\pi} "
    r"\frac{\sigma_\gamma(T)}{T}."
)
#: sigma_gamma(T) as a symbol.
SIGMA = sp.Symbol("sigma_gamma", positive=True)
#: The printed right-hand side of Eq. (7), in mu, sigma_gamma, T (mu_B, alpha, m allowed).
PRINTED_EQ7_RHS: sp.Expr = mu**2 / sp.pi * SIGMA / T

PRINTED_EQ13 = (
    r"\delta_{(\mu)} \equiv \frac{T}{\pi Z} \int_0^{T^2} \text{Im}R(T, Q^2) \frac{dQ^2}{Q^2} = "
    r"\frac{\sigma_\gamma(T)T^2}{4\pi^2 \alpha Z}"
)
#: The printed c in delta = sigma T^2 / (c alpha Z).
PRINTED_LOW_Q_COEFFICIENT: sp.Expr = 4 * sp.pi**2

PRINTED_EQ13_GE = (
    r"``[$\sigma_\gamma(T)T^2$] is approximately $2.5 \times 10^6 \text{ barn} \times "
    r"\text{keV}^2 \approx 6 \times 10^{-3}$. This puts the relative contribution of the low "
    r"$Q^2$ region in the integral (12) for Ge at $\delta_{(\mu)} < 0.7 \times 10^{-3}$.''"
)
PRINTED_GE_NATURAL = "6e-3"
PRINTED_GE_DELTA_BOUND = "0.7e-3"

PRINTED_EQ13_HYDROGEN = (
    r"``Then the relative contribution of this low $Q^2$ region to the sum rule (12) can be "
    r"estimated as $\delta_{(\mu)} \equiv \frac{T}{\pi Z} \int_0^{T^2} \text{Im}R(T, Q^2) "
    r"\frac{dQ^2}{Q^2} = \frac{\sigma_\gamma(T)T^2}{4\pi^2 \alpha Z}$'' (Eq.~(13), checked in "
    r"hydrogen, where both sides are exact)"
)

#: Unit routes through different CODATA constants agree to this many digits at least.
UNIT_ROUTE_DIGITS = 9
#: Dipole corrections at the photon point are O(q²), q = αT (a.u.); accepted up to this × q².
DIPOLE_TOLERANCE = 10
#: Photon energies (hartree) for the hydrogen checks: threshold to 40 I.
_T_GRID = ("0.5000001", "0.75", "1", "2", "5", "20")
#: The Ge maximum of sigma T^2 quoted by the paper, keV.
_GE_T_PEAK_KEV = 14


# --------------------------------------------------------------------------------------------
# model inputs
# --------------------------------------------------------------------------------------------
def models_form_factor_squared(n: int, q: sp.Expr) -> sp.Expr:
    """|F_n(q)|² for 1s → shell n of hydrogen, the textbook closed form (MODELS.md), sympy.

    >>> q = sp.Symbol("q", positive=True)
    >>> sp.limit(models_form_factor_squared(2, q) / q**2, q, 0)
    32768/59049
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 2:
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    nn = sp.Integer(n)
    return (
        2**8
        * nn**7
        * q**2
        * ((nn**2 - 1) / 3 + nn**2 * q**2)
        * ((nn - 1) ** 2 + nn**2 * q**2) ** (nn - 3)
        / ((nn + 1) ** 2 + nn**2 * q**2) ** (nn + 3)
    )


def _small_q_limit(ctx: Context, t: mpmath.mpf, power: int) -> mpmath.mpf:
    """lim_{q→0} S(T, q)/q^(2 power) by Richardson extrapolation from q and q/2."""
    q = mpmath.mpf(10) ** (-((ctx.dps + 3) // 4))

    def f(x: mpmath.mpf) -> mpmath.mpf:
        return hydrogen.continuum_density(t, x, dps=ctx.dps + 10) / x ** (2 * power)

    return (4 * f(q / 2) - f(q)) / 3


# --------------------------------------------------------------------------------------------
# Eq. (6)
# --------------------------------------------------------------------------------------------
@claim(
    "eq6",
    title="Small-Q² (dipole) limit of the structure function",
    printed=PRINTED_EQ6,
)
def dipole_limit(ctx: Context) -> Outcome:
    """|<n|rho|0>|² → Q²|<n|d_x|0>|² in hydrogen (bound and continuum) and the coefficient."""
    power = PRINTED_DIPOLE_POWER
    q = sp.Symbol("q", positive=True)
    shells = range(2, 6)

    # bound states: exact, two routes (radial integrals; textbook closed form)
    def bound_limits(p: int) -> dict[int, tuple[sp.Expr, sp.Expr]]:
        out = {}
        for n in shells:
            closed = sp.limit(models_form_factor_squared(n, q) / q ** (2 * p), q, 0)
            out[n] = (closed, bound_dipole_squared(n))
        return out

    (bound, t_bound) = timed(bound_limits, power)
    bound_ok = all(a == b for a, b in bound.values())
    osc_ok = all(
        sp.Rational(n**2 - 1, n**2) * bound_dipole_squared(n) == oscillator_strength(n)
        for n in shells
    )
    with precision(ctx.dps):
        tiny = mpmath.mpf(10) ** (-((ctx.dps + 3) // 4))
        model_num = {
            n: hydrogen.discrete_form_factor_sq(n, tiny, dps=ctx.dps) / tiny ** (2 * power)
            for n in shells
        }
        bound_num_digits = min(
            agreement_digits(model_num[n], mpmath.mpf(sp.N(bound[n][1], ctx.dps + 5)))
            for n in shells
        )
    if bound_ok and bound_num_digits < ctx.dps / 2 - 2:
        raise Disagreement(
            "numeric model form factor disagrees with the exact dipole limit",
            {"digits": f"{bound_num_digits:.1f}"},
        )

    # orthogonality: the unit term of exp(iq.r) gives <ns|1s> = 0
    from sympy.physics.hydrogen import R_nl

    r = sp.Symbol("r", positive=True)
    ((overlaps), t_orth) = timed(
        lambda: {
            n: sp.integrate(R_nl(n, 0, r, 1) * R_nl(1, 0, r, 1) * r**2, (r, 0, sp.oo))
            for n in (2, 3)
        }
    )
    orth_ok = all(v == 0 for v in overlaps.values()) and all(
        models_form_factor_squared(n, q).subs(q, 0) == 0 for n in shells
    )

    # continuum: lim S/q² against Stobbe's D(T), independent code
    def continuum(p: int) -> list[tuple[str, float, mpmath.mpf]]:
        rows = []
        with precision(ctx.dps):
            for t_str in _T_GRID[1:]:
                t = mpmath.mpf(t_str)
                lim = _small_q_limit(ctx, t, p)
                ref = hydrogen_dipole_density(t, dps=ctx.dps)
                rows.append((t_str, agreement_digits(lim, ref), lim))
        return rows

    (cont, t_cont) = timed(continuum, power)
    cont_digits = min(d for _, d, _ in cont)
    cont_ok = cont_digits >= ctx.dps - 5
    limit_ok = bound_ok and cont_ok and orth_ok

    # the coefficient: Eq. (5) (leading Coulomb exchange) times Q^2 D
    leading5 = sp.limit(sp.limit(coulomb_exchange_coefficient() * Q2, E, sp.oo), T, 0)
    derived6 = leading5 * D
    matches = matching_conventions(PRINTED_EQ6_COEFFICIENT, derived6)
    verdict = verdict_from_conventions([matches]) if limit_ok else "refuted"

    a_, b_, Q = sp.symbols("a b Q", real=True)
    expansion = sp.expand((sp.I * Q * a_ - Q**2 * b_ / 2) * (-sp.I * Q * a_ - Q**2 * b_ / 2))
    n2 = (bound if power == 1 else bound_limits(1))[2]  # the derivation shows the truth
    derivation = Derivation(
        "The dipole limit: expansion, orthogonality, and hydrogen",
        [
            Step.definition(
                r"\langle n|e^{iQx}|0\rangle",
                r"\langle n|0\rangle + iQ\langle n|x|0\rangle - \tfrac{Q^2}{2}"
                r"\langle n|x^2|0\rangle + O(Q^3)",
                "Taylor series of ρ(q) for one electron, q along x",
            ),
            Step.checked(
                r"\langle 2s|1s\rangle,\ \langle 3s|1s\rangle",
                0,
                "orthogonality kills the unit term (hydrogen radial integrals)",
                method="sympy: integrate R_n0 R_10 r² dr",
                predicate=lambda: all(v == 0 for v in overlaps.values()),
            ),
            Step.checked(
                r"|iQa - \tfrac{Q^2}{2}b|^2",
                expansion,
                "real matrix elements a = ⟨n|x|0⟩, b = ⟨n|x²|0⟩: no Q³ term",
                predicate=lambda: sp.simplify(expansion - (Q**2 * a_**2 + Q**4 * b_**2 / 4)) == 0,
            ),
            Step.checked(
                r"\lim_{q\to0}|F_2(q)|^2/q^2",
                n2[1],
                "textbook closed form against the radial integral of R_21 R_10 r³ (summed over m)",
                method="sympy: exact rationals",
                predicate=lambda: n2[0] == n2[1],
            ),
            Step.checked(
                r"\left.\frac{4\pi\alpha\mu^2}{Q^2}\,Q^2 D\right|_{\rm Gaussian}",
                4 * sp.pi * alpha * mu**2 * D,
                "Eq. (5) with the dipole limit, Gaussian μ (Heaviside–Lorentz: αμ²D)",
                predicate=lambda: (
                    matching_conventions(4 * sp.pi * alpha * mu**2 * D, derived6) == ("gaussian",)
                ),
            ),
            comparison_step(
                r"\text{printed coefficient of } D",
                4 * sp.pi * alpha * mu**2,
                f"the printed coefficient holds in {describe_conventions(matches)}",
                lambda: len(matches) == 2,
            ),
        ],
    )

    # negative controls: the same comparisons with a wrong power and a wrong projection
    wrong_power = bound_limits(power + 1)
    wrong_proj = {n: 3 * bound_dipole_squared(n) for n in shells}
    with precision(ctx.dps):
        t1 = mpmath.mpf(_T_GRID[2])
        wrong_cont = agreement_digits(
            _small_q_limit(ctx, t1, power + 1), hydrogen_dipole_density(t1, dps=ctx.dps)
        )
    controls = [
        Control(
            "bound states: limit with (Q²)² instead of Q²",
            not all(a == b for a, b in wrong_power.values()),
        ),
        Control(
            "bound states: |d|² summed over three directions instead of d_x",
            not all(bound[n][0] == wrong_proj[n] for n in shells),
        ),
        Control(
            "continuum: S/Q⁴ instead of S/Q² at q → 0",
            wrong_cont < ctx.dps - 5,
            f"agrees with D to {wrong_cont:.1f} digits",
        ),
    ]
    evidence = [
        Evidence(
            "bound states n = 2..5: textbook |F_n|² vs radial integrals (sympy)",
            "symbolic: hydrogen bound states",
            f"lim |F_n|²/q² = Σ_m|⟨np m|z|1s⟩|² exactly: {bound_ok}; f_n = (1 − 1/n²)|d|² "
            f"matches the oscillator strengths: {osc_ok}; |F_n(0)|² = 0: {orth_ok}",
            value=", ".join(f"n={n}: {sp.sstr(v[1])}" for n, v in bound.items()),
            seconds=t_bound + t_orth,
        ),
        Evidence(
            "model |F_n(q)|² at q = 10^(−dps/4) (mpmath)",
            "numeric: hydrogen bound",
            "agrees with the exact dipole limit",
            precision=f"{ctx.dps} dps",
            agreement=bound_num_digits,
        ),
        Evidence(
            "continuum: Bethe S(T, q)/q², q → 0 (Richardson), against Stobbe's D(T)",
            "model:hydrogen continuum",
            f"agrees at T = {', '.join(t for t, _, _ in cont)} hartree",
            value="; ".join(f"T={t}: {mpmath.nstr(v, 12)}" for t, _, v in cont),
            precision=f"{ctx.dps} dps",
            agreement=cont_digits,
            seconds=t_cont,
        ),
    ]
    conv = describe_conventions(matches)
    summary = (
        f"hydrogen: lim |⟨n|ρ|0⟩|²/Q² = |⟨n|d_x|0⟩|² exactly for n = 2..5, continuum "
        f"S/Q² → D to {cont_digits:.0f} digits, unit term 0 by orthogonality; the printed "
        f"coefficient (Eq. (5) × Q²D) holds in {conv}"
        + (" only (Heaviside–Lorentz: αμ²)" if verdict == "qualified" else "")
    )
    if not limit_ok:
        summary = (
            f"the printed small-Q² law (Q²)^{power}|d_x|² fails in hydrogen: bound states "
            f"{bound_ok}, continuum {cont_ok} (to {cont_digits:.0f} digits), orthogonality "
            f"{orth_ok}; the true law is Q²|⟨n|d_x|0⟩|²"
        )
    notes = (
        "The printed 4πα carries the Gaussian μ_ν of Eqs. (1) and (5). Eq. (6) is derived "
        "from the Coulomb term alone; including transverse photon exchange (claim eq7) the "
        "dipole-region cross section is e²μ²D(1 − T/E)/(4π) for every Q², so Eq. (6) stays "
        "right down to Q² = T², where Coulomb exchange alone would vanish."
    )
    return Outcome(verdict, summary, evidence, controls, [derivation], notes=notes)


# --------------------------------------------------------------------------------------------
# Eq. (7)
# --------------------------------------------------------------------------------------------
def _photon_point_ratio(
    t: mpmath.mpf, dps: int, lhs_coefficient: sp.Expr, rhs: sp.Expr, sigma_scale: object = 1
) -> mpmath.mpf:
    """Hydrogen at the photon point, natural units (hartree), μ = 1 in the chosen convention.

    LHS = K S(T, Q)/Q² at Q = T (K: coefficient of S/Q² in Eq. (5), from the traces);
    RHS = the printed expression in μ, α, m, σ_γ, T with σ_γ = Stobbe's cross section.
    """
    a = ALPHA.mpf()
    q = a * t  # the photon point Q = T in atomic units
    k = mpmath.mpf(sp.N(lhs_coefficient.subs({alpha: sp.Float(a, dps + 5), mu: 1}), dps + 5))
    lhs = k * hydrogen.continuum_density(t, q, dps=dps) / (q / a) ** 2
    sigma_natural = mpmath.mpf(sigma_scale) * hydrogen_photo_cross_section(t, dps=dps) * a**2
    values = {
        alpha: sp.Float(a, dps + 5),
        mu: 1,
        m: sp.Float(1 / a**2, dps + 5),
        SIGMA: sp.Float(sigma_natural, dps + 5),
        T: sp.Float(t, dps + 5),
    }
    return lhs / mpmath.mpf(sp.N(rhs.subs(values), dps + 5))


_CONVENTIONS: tuple[Convention, ...] = ("heaviside-lorentz", "gaussian")


@claim(
    "eq7",
    title="The photon point: relation to the photoabsorption cross section",
    printed=PRINTED_EQ7,
)
def photon_point(ctx: Context) -> Outcome:
    """Judge μ²σ_γ/(πT): algebra, traces with transverse photons, hydrogen numbers."""
    printed = PRINTED_EQ7_RHS
    in_conv = {c: sp.sympify(printed).subs(mu_B, bohr_magneton(c)) for c in _CONVENTIONS}
    # Route 1: algebra, Eq. (6) with D = sigma/(golden-rule coefficient), per convention
    alg = {c: photon_point_relation(c) * mu**2 * SIGMA / T for c in _CONVENTIONS}
    alg_matches = tuple(c for c in _CONVENTIONS if sp.simplify(in_conv[c] - alg[c]) == 0)
    golden = {c: photoabsorption_coefficient(c) for c in _CONVENTIONS}
    # Route 2: traces with Coulomb + transverse exchange in the dipole limit, at Q^2 = T^2
    (full, t_full) = timed(dipole_exchange_coefficient)
    at_photon = sp.limit(full.subs(Q2, T**2), E, sp.oo)
    derived = at_photon.subs(D, SIGMA / (4 * sp.pi**2 * alpha * T))
    matches = matching_conventions(printed, derived)
    if set(alg_matches) != set(matches):
        raise Disagreement(
            "algebra and traces disagree on the conventions",
            {"algebra": str(alg_matches), "traces": str(matches)},
        )
    coulomb_only = sp.simplify(coulomb_exchange_coefficient().subs(Q2, T**2))
    q2_independent = sp.simplify(sp.diff(full, Q2)) == 0

    # Route 3: hydrogen numbers, both sides computed independently, in each convention
    lhs_k = {c: express_in_convention(e**2 * mu**2 / (4 * sp.pi), c) for c in _CONVENTIONS}

    def rows_for(conv: Convention, rhs: sp.Expr, scale: object = 1) -> list[tuple[str, mpmath.mpf]]:
        with precision(ctx.dps):
            return [
                (t, _photon_point_ratio(mpmath.mpf(t), ctx.dps, lhs_k[conv], rhs, scale) - 1)
                for t in _T_GRID
            ]

    def within(rows: list[tuple[str, mpmath.mpf]]) -> bool:
        a = ALPHA.mpf()
        return all(abs(dev) <= DIPOLE_TOLERANCE * (a * mpmath.mpf(t)) ** 2 for t, dev in rows)

    (h_rows, t_h) = timed(lambda: {c: rows_for(c, in_conv[c]) for c in _CONVENTIONS})
    h_matches = tuple(c for c in _CONVENTIONS if within(h_rows[c]))
    if set(h_matches) != set(matches):
        raise Disagreement(
            "hydrogen and the traces disagree on the conventions",
            {"hydrogen": str(h_matches), "traces": str(matches)},
        )
    verdict = verdict_from_conventions([matches])

    gauss = mu**2 * SIGMA / (sp.pi * T)
    derivation = Derivation(
        "Eq. (7) from Eq. (6) and the golden rule",
        [
            Step.checked(
                r"\sigma_\gamma(\omega)",
                golden["gaussian"] * D,
                "golden rule, one photon in volume V, H' = −eE·r: σ = 4π²αωD in both conventions",
                method="sympy: the same in Gaussian and Heaviside–Lorentz",
                predicate=lambda: (
                    sp.simplify(golden["gaussian"] - golden["heaviside-lorentz"]) == 0
                ),
            ),
            Step.checked(
                r"4\pi\alpha\mu^2 D\big|_{D=\sigma/(4\pi^2\alpha T)}",
                alg["gaussian"],
                "Eq. (6) with Gaussian μ",
                predicate=lambda: sp.simplify(alg["gaussian"] - gauss) == 0,
            ),
            Step.checked(
                r"\alpha\mu^2 D\big|_{D=\sigma/(4\pi^2\alpha T)}",
                alg["heaviside-lorentz"],
                "the same with Heaviside–Lorentz μ (the paper's A₀ = √(4πα)ρ/q²)",
                predicate=lambda: (
                    sp.simplify(alg["heaviside-lorentz"] - mu**2 * SIGMA / (4 * sp.pi**2 * T)) == 0
                ),
            ),
            Step.checked(
                r"\frac{d^2\sigma}{dT\,dQ^2}\Big|_{\text{dipole, Coulomb + transverse}}",
                full,
                "traces: independent of Q², also at Q² = T²",
                method="sympy: d/dQ² = 0",
                predicate=lambda: q2_independent,
            ),
            Step.checked(
                r"\frac{d^2\sigma}{dT\,dQ^2}\Big|_{\text{Coulomb only},\,Q^2=T^2}",
                coulomb_only,
                "Coulomb exchange alone vanishes at the photon point",
                predicate=lambda: coulomb_only == 0,
            ),
            comparison_step(
                r"\text{printed right-hand side}",
                gauss,
                f"holds in {describe_conventions(matches)}",
                lambda: len(matches) == 2,
            ),
        ],
    )

    # negative controls through the same comparisons (fixed wrong variants)
    wrong_hl = within(rows_for("gaussian", mu**2 * SIGMA / (4 * sp.pi**2 * T)))
    wrong_golden = within(rows_for("gaussian", gauss, sp.Rational(1, 2)))
    controls = [
        Control("hydrogen check: coefficient 1/(4π²) against Gaussian μ", not wrong_hl),
        Control("hydrogen check: σ_γ from 2π²αωD (half the golden rule)", not wrong_golden),
        Control(
            "Coulomb exchange only (Eq. (5) literally) at Q² = T², against μ²σ/(πT)",
            not matching_conventions(gauss, coulomb_only + 0 * SIGMA),
        ),
    ]
    a = ALPHA.mpf()
    best = h_rows["gaussian"]
    worst = max(abs(dev) / (a * mpmath.mpf(t)) ** 2 for t, dev in best)
    evidence = [
        Evidence(
            "algebra: Eq. (6) and σ = 4π²αTD (sympy, both conventions)",
            "symbolic",
            f"printed form holds in {describe_conventions(alg_matches)}",
            value=f"Gaussian {alg['gaussian']}, HL {alg['heaviside-lorentz']}",
        ),
        Evidence(
            "Dirac traces with Coulomb and transverse dipole exchange at Q² = T²",
            "dirac-traces",
            f"printed form holds in {describe_conventions(matches)}; the result is Q²-independent",
            value=sp.sstr(full),
            seconds=t_full,
        ),
        Evidence(
            "hydrogen: K S(T, αT)/Q² (Bethe) against the printed μ²σ_γ/(πT) (Stobbe)",
            "model:hydrogen",
            f"holds in {describe_conventions(h_matches)}; Gaussian ratio − 1 ≤ "
            f"{float(worst):.2f}(αT)² at T = {', '.join(_T_GRID)} hartree (dipole "
            "corrections)",
            value="; ".join(f"T={t}: {mpmath.nstr(dev, 3)}" for t, dev in best),
            precision=f"{ctx.dps} dps",
            agreement=None,
            seconds=t_h,
        ),
    ]
    summary = (
        f"holds in {describe_conventions(matches)}"
        + (" only (Heaviside–Lorentz μ: μ²σ_γ/(4π²T))" if verdict == "qualified" else "")
        + f"; hydrogen ratio − 1 ≤ {float(worst):.1f}(αT)² for T = 0.5–20 hartree; the "
        "traces give it only with transverse exchange: Coulomb exchange alone (Eq. (5)) "
        "vanishes at Q² = T²"
    )
    notes = (
        "At Q² = T² the exact Coulomb-exchange coefficient carries the factor (1 − T²/Q²) and "
        "vanishes; the transverse (current) exchange, J = iTd in the dipole limit, supplies the "
        "whole cross section, and the sum e²μ²D(1 − T/E)/(4π) is the same at every Q² in the "
        "dipole region. So Eq. (7) is right (with Gaussian μ), but not as a consequence of "
        "Eq. (5), which keeps only A₀."
    )
    return Outcome(verdict, summary, evidence, controls, [derivation], notes=notes)


# --------------------------------------------------------------------------------------------
# Eq. (13)
# --------------------------------------------------------------------------------------------
def _hydrogen_delta_rows(
    ctx: Context, grid: tuple[str, ...], formula: Callable[[mpmath.mpf], mpmath.mpf]
) -> list[tuple[str, mpmath.mpf, mpmath.mpf]]:
    """(T, exact low-Q² share from S, formula value) for hydrogen at each T (hartree)."""
    rows = []
    with precision(ctx.dps):
        for t_str in grid:
            t = mpmath.mpf(t_str)
            rows.append((t_str, hydrogen.low_q_fraction(t, dps=ctx.dps), formula(t)))
    return rows


def _within_dipole(ctx: Context, rows: list[tuple[str, mpmath.mpf, mpmath.mpf]]) -> bool:
    with precision(ctx.dps):
        a = ALPHA.mpf()
        return all(
            abs(f / x - 1) <= DIPOLE_TOLERANCE * (a * mpmath.mpf(t)) ** 2 for t, x, f in rows
        )


def _worst_coefficient(ctx: Context, rows: list[tuple[str, mpmath.mpf, mpmath.mpf]]) -> float:
    with precision(ctx.dps):
        a = ALPHA.mpf()
        return float(max(abs(f / x - 1) / (a * mpmath.mpf(t)) ** 2 for t, x, f in rows))


def _formula(coefficient: mpmath.mpf, dps: int) -> Callable[[mpmath.mpf], mpmath.mpf]:
    """delta = sigma T^2/(coefficient alpha Z), Z = 1, in atomic units (σT² → α²σ_au T²)."""

    def f(t: mpmath.mpf) -> mpmath.mpf:
        a = ALPHA.mpf()
        return a**2 * hydrogen_photo_cross_section(t, dps=dps) * t**2 / (coefficient * a)

    return f


@claim(
    "eq13",
    title="The low-Q² share of the sum rule and the photoabsorption cross section",
    printed=PRINTED_EQ13,
)
def low_q_share(ctx: Context) -> Outcome:
    """Derive δ = σT²/(4π²αZ) symbolically and check it in hydrogen (both sides exact)."""
    printed = PRINTED_LOW_Q_COEFFICIENT
    sigma, t_, z, d_ = sp.symbols("sigma T Z D", positive=True)
    q2 = sp.Symbol("Q2", positive=True)
    derived = low_q_fraction_derivation()
    target = sigma * t_**2 / (printed * sp.Symbol("alpha", positive=True) * z)
    symbolic_ok = sp.simplify(derived - target) == 0
    omega = sp.Symbol("omega", positive=True)
    golden = {c: photoabsorption_coefficient(c) for c in ("heaviside-lorentz", "gaussian")}
    inner = sp.integrate(q2 * d_ / q2, (q2, 0, t_**2))

    with precision(ctx.dps):
        c_num = mpmath.mpf(sp.N(printed, ctx.dps + 5))
    grid = ("0.5000001", "1", "5")
    (rows, t_h) = timed(_hydrogen_delta_rows, ctx, grid, _formula(c_num, ctx.dps))
    hydrogen_ok = _within_dipole(ctx, rows)
    with precision(ctx.dps):
        t1 = mpmath.mpf(1)
        units_digits = agreement_digits(
            delta_mu_hydrogen(t1, dps=ctx.dps), delta_mu_hydrogen_natural(t1, dps=ctx.dps)
        )
        # the library's δ for hydrogen against this module's formula with the true 4π²
        same_formula = agreement_digits(
            delta_mu_hydrogen(t1, dps=ctx.dps), _formula(4 * mpmath.pi**2, ctx.dps)(t1)
        )
    # CODATA's a0, E_h and alpha are consistent to about 1e-10 relative: that bounds this route
    if units_digits < UNIT_ROUTE_DIGITS or same_formula < ctx.dps - 5:
        raise Disagreement(
            "routes to δ for hydrogen disagree",
            {"units digits": f"{units_digits:.1f}", "formula digits": f"{same_formula:.1f}"},
        )
    verdict = "verified" if symbolic_ok and hydrogen_ok else "corrected"

    derivation = Derivation(
        "Eq. (13) from Eqs. (6)–(8) and the golden rule",
        [
            Step.definition(
                r"\tfrac{1}{\pi}\,\text{Im}R(T,Q^2)",
                q2 * d_ * z / z,
                "Eq. (8) in the dipole limit Eq. (6): S = Q² D (D summed over electrons)",
            ),
            Step.checked(
                r"\int_0^{T^2} Q^2 D\,\frac{dQ^2}{Q^2}",
                inner,
                "the weight 1/Q² cancels the Q² of the dipole limit",
                predicate=lambda: sp.simplify(inner - t_**2 * d_) == 0,
            ),
            Step.checked(
                r"\delta_{(\mu)}",
                t_**3 * d_ / z,
                "δ = (T/Z) × that",
                predicate=lambda: sp.simplify(t_ / z * inner - t_**3 * d_ / z) == 0,
            ),
            Step.checked(
                r"D",
                sigma / golden["gaussian"].subs(omega, t_),
                "golden rule σ_γ = 4π²αTD (Gaussian and Heaviside–Lorentz alike)",
                predicate=lambda: (
                    sp.simplify(golden["gaussian"] - golden["heaviside-lorentz"]) == 0
                ),
            ),
            Step.checked(
                r"\delta_{(\mu)}",
                derived,
                "D substituted: σT²/(4π²αZ)",
                predicate=lambda: (
                    sp.simplify(
                        derived
                        - sigma * t_**2 / (4 * sp.pi**2 * sp.Symbol("alpha", positive=True) * z)
                    )
                    == 0
                ),
            ),
            comparison_step(
                r"\text{printed right-hand side}",
                derived,
                "the printed Eq. (13)",
                lambda: symbolic_ok,
            ),
        ],
    )
    with precision(ctx.dps):
        wrong = {
            "4πα instead of 4π²α": _formula(4 * mpmath.pi, ctx.dps),
            "2π²α (half the golden rule)": _formula(2 * mpmath.pi**2, ctx.dps),
        }
    controls = [
        Control(
            f"hydrogen check with {name}",
            not _within_dipole(ctx, _hydrogen_delta_rows(ctx, grid[:1], f)),
        )
        for name, f in wrong.items()
    ]
    controls.append(
        Control(
            "symbolic check with σT³ in place of σT²",
            sp.simplify(derived - sigma * t_**3 / (printed * sp.Symbol("alpha", positive=True) * z))
            != 0,
        )
    )
    worst = _worst_coefficient(ctx, rows)
    evidence = [
        Evidence(
            "sympy: S = Q²D integrated with weight 1/Q², D from the golden rule",
            "symbolic",
            f"δ = σT²/(4π²αZ): {symbolic_ok}",
            value=sp.sstr(derived),
        ),
        Evidence(
            "hydrogen: T∫_0^{(αT)²} S dq²/q² with Bethe's exact S, against "
            "ασ_γT²/(4π²) with Stobbe's σ_γ",
            "model:hydrogen",
            f"agree up to dipole corrections ≤ {worst:.2f}(αT)²",
            value="; ".join(
                f"T={t}: {mpmath.nstr(x, 8)} vs {mpmath.nstr(f, 8)}" for t, x, f in rows
            ),
            precision=f"{ctx.dps} dps",
            agreement=None,
            seconds=t_h,
        ),
        Evidence(
            "the same δ in natural units (σ in cm², T in keV, (ħc)² from SI)",
            "units",
            "equals the atomic-unit value (to the mutual consistency of CODATA a0, E_h, α)",
            precision="CODATA",
            agreement=units_digits,
        ),
    ]
    summary = (
        f"δ = (T/Z)∫_0^(T²) Q²D dQ²/Q² = T³D/Z = σT²/(4π²αZ) exactly (convention independent); "
        f"hydrogen: exact low-Q² share and formula agree to ≤ {worst:.1f}(αT)² "
        f"(e.g. T = 1 hartree: {mpmath.nstr(rows[1][1], 4)})"
    )
    return Outcome(verdict, summary, evidence, controls, [derivation])


@claim(
    "eq13.germanium",
    title="The germanium estimate δ < 0.7 × 10⁻³",
    printed=PRINTED_EQ13_GE,
)
def germanium_low_q_share(ctx: Context) -> Outcome:
    """2.5e6 barn keV² in natural units (three unit routes) and the bound on δ for Z = 32."""
    z = int(GE_Z.value)
    with precision(ctx.dps):
        raw = GE_SIGMA_T2_PEAK.mpf()
        si = barn_kev2_to_natural(raw, route="si", dps=ctx.dps)
        pdg = barn_kev2_to_natural(raw, route="pdg", dps=ctx.dps)
        # atomic units: sigma T^2/(hbar c)^2 = alpha^2 sigma_au T_au^2 (no hbar c used)
        a = ALPHA.mpf()
        sigma_au = raw * BARN_CM2.mpf() / bohr2_to_cm2(1, dps=ctx.dps)
        atomic = a**2 * sigma_au * kev_to_hartree(1, dps=ctx.dps) ** 2
        d_pdg = agreement_digits(si, pdg)
        d_atomic = agreement_digits(si, atomic)
        if d_pdg < 8 or d_atomic < 8:
            raise Disagreement(
                "unit routes disagree", {"si": str(si), "pdg": str(pdg), "atomic": str(atomic)}
            )
        delta = low_q_fraction(si, z, dps=ctx.dps)
        delta_rounded_input = low_q_fraction(mpmath.mpf(PRINTED_GE_NATURAL), z, dps=ctx.dps)
        bound = mpmath.mpf(PRINTED_GE_DELTA_BOUND)
        # hydrogenic K shell (Z = 32, one electron per 1s state) at T = 14 keV
        t_au = kev_to_hartree(_GE_T_PEAK_KEV, dps=ctx.dps)
        (exact_k, t_k) = timed(hydrogen.low_q_fraction, t_au, Z=z, dps=ctx.dps)
        dipole_k = hydrogen.low_q_fraction_dipole(t_au, Z=z, dps=ctx.dps)
        nondipole = exact_k / dipole_k - 1
        delta_k_shell = 2 * exact_k / z
        margin = 1 - delta / bound
        delta_formula_ok = abs(delta * 4 * mpmath.pi**2 * a * z / si - 1) < mpmath.mpf(10) ** (
            5 - ctx.dps
        )
    conversion_ok = rounds_to(si, PRINTED_GE_NATURAL, 1)
    bound_ok = delta < bound
    robust = delta * (1 + nondipole) < bound
    if not conversion_ok or not bound_ok:
        verdict = "corrected"
    elif not robust:
        verdict = "qualified"
    else:
        verdict = "verified"

    with precision(ctx.dps):
        wrong_barn = barn_kev2_to_natural(raw * mpmath.mpf(10) ** -4, dps=ctx.dps)  # barn as 1e-28
        wrong_z = low_q_fraction(si, 1, dps=ctx.dps)
    controls = [
        Control(
            "barn taken as 1e-28 cm² (the m² value)",
            not rounds_to(wrong_barn, PRINTED_GE_NATURAL, 1),
            f"gives {mpmath.nstr(wrong_barn, 3)}",
        ),
        Control(
            "δ per atom without dividing by Z = 32",
            not (wrong_z < bound),
            f"gives {mpmath.nstr(wrong_z, 3)}",
        ),
    ]
    derivation = Derivation(
        "The Ge numbers",
        [
            Step.checked(
                r"2.5\times10^6\ \text{barn keV}^2",
                rf"{mpmath.nstr(si, 6)}",
                "× 10⁻²⁴ cm²/barn, divided by (ħc)² in keV² cm² (SI route)",
                method="mpmath: equals the PDG and atomic-unit routes",
                predicate=lambda: d_pdg >= 8 and d_atomic >= 8,
            ),
            Step.checked(
                r"\delta_{(\mu)}^{\rm Ge}",
                rf"\frac{{{mpmath.nstr(si, 6)}}}{{4\pi^2\alpha\cdot 32}} = "
                rf"{mpmath.nstr(delta, 6)}",
                "Eq. (13) with Z = 32",
                method="mpmath",
                predicate=lambda: delta_formula_ok,
            ),
            Step.checked(
                rf"{mpmath.nstr(delta, 6)}",
                r"0.7\times10^{-3}",
                f"the printed bound, margin {float(margin) * 100:.2f}%",
                method="mpmath: comparison",
                relation="<" if bound_ok else ">=",
                predicate=lambda: bound_ok == bool(delta < bound),
            ),
        ],
    )
    evidence = [
        Evidence(
            "barn keV² → natural units with (ħc)² from the SI",
            "units:si",
            f"2.5e6 barn keV² = {mpmath.nstr(si, 6)}; rounds to the printed 6e-3: {conversion_ok}",
            value=mpmath.nstr(si, 12),
            precision=f"{ctx.dps} dps",
        ),
        Evidence(
            "with PDG's (ħc)²",
            "units:pdg",
            "the same number",
            value=mpmath.nstr(pdg, 12),
            precision="10 digits (PDG)",
            agreement=d_pdg,
        ),
        Evidence(
            "atomic units: α²σ_au T_au² (Bohr radius, hartree; no ħc)",
            "units:atomic",
            "the same number",
            value=mpmath.nstr(atomic, 12),
            precision="CODATA",
            agreement=d_atomic,
        ),
        Evidence(
            "hydrogenic K shell, Z = 32, T = 14 keV: exact S against the dipole estimate",
            "model:hydrogenic",
            f"exact/dipole − 1 = {mpmath.nstr(nondipole, 3)} (non-dipole correction); "
            f"2 K electrons give δ = {mpmath.nstr(delta_k_shell, 3)} for the atom",
            precision=f"{ctx.dps} dps",
            agreement=None,
            seconds=t_k,
        ),
    ]
    summary = (
        f"2.5e6 barn keV² = {mpmath.nstr(si, 3)} (3 unit routes agree); δ = "
        f"{mpmath.nstr(delta * 1000, 4)}e-3 < 0.7e-3 by a margin of {float(margin) * 100:.2f}%, "
        f"smaller than the non-dipole correction {float(nondipole) * 100:+.2f}% of a hydrogenic "
        f"K shell at 14 keV: δ ≈ 0.7e-3 holds to the one digit printed"
    )
    if verdict == "verified":
        summary = (
            f"2.5e6 barn keV² = {mpmath.nstr(si, 3)}; δ = {mpmath.nstr(delta * 1000, 4)}e-3 < "
            f"{PRINTED_GE_DELTA_BOUND}, also with the {float(nondipole) * 100:+.2f}% non-dipole "
            "correction"
        )
    notes = (
        "The table value 2.5e6 barn keV² (Henke et al. 1993) is cited data, not checked here. "
        f"With the paper's rounded 6e-3, δ = {mpmath.nstr(delta_rounded_input * 1000, 3)}e-3. "
        "A hydrogenic K shell (two 1s electrons, unscreened Z = 32) alone gives "
        f"δ = {mpmath.nstr(delta_k_shell * 1000, 3)}e-3 for the atom, consistent in size."
    )
    corrected = None
    if verdict == "corrected":
        corrected = rf"\delta_{{(\mu)}} = {mpmath.nstr(delta * 1000, 3)} \times 10^{{-3}}"
    return Outcome(
        verdict, summary, evidence, controls, [derivation], corrected=corrected, notes=notes
    )


@claim(
    "eq13.hydrogen",
    title="Eq. (13) in hydrogen over the photon energy",
    printed=PRINTED_EQ13_HYDROGEN,
)
def hydrogen_low_q_share(ctx: Context) -> Outcome:
    """δ for hydrogen from threshold to 100 I: exact low-Q² integral vs σ_γT²/(4π²α)."""
    grid = ("0.5000001", "0.55", "0.75", "1", "2", "5", "10", "20", "50")
    with precision(ctx.dps):
        c_num = 4 * mpmath.pi**2
    (rows, t_h) = timed(_hydrogen_delta_rows, ctx, grid, _formula(c_num, ctx.dps))
    with precision(ctx.dps):
        dip = [hydrogen.low_q_fraction_dipole(mpmath.mpf(t), dps=ctx.dps) for t, _, _ in rows]
        model_digits = min(agreement_digits(d, f) for d, (_, _, f) in zip(dip, rows, strict=True))
    if model_digits < ctx.dps - 5:
        raise Disagreement(
            "Bethe dipole limit and Stobbe formula disagree", {"digits": f"{model_digits:.1f}"}
        )
    ok = _within_dipole(ctx, rows)
    worst = _worst_coefficient(ctx, rows)
    with precision(ctx.dps):
        largest = max(x for _, x, _ in rows)
        mono = all(rows[i][1] > rows[i + 1][1] for i in range(len(rows) - 1))
        threshold = rows[0][1]
    verdict = "verified" if ok else "corrected"

    with precision(ctx.dps):
        wrong_alpha = [
            (t, hydrogen.low_q_fraction(mpmath.mpf(t), alpha=1, dps=ctx.dps), f)
            for t, _, f in rows[3:4]
        ]
    controls = [
        Control(
            "low-Q² region taken as q < T (c = 1 instead of 1/α)",
            not _within_dipole(ctx, wrong_alpha),
            f"share {mpmath.nstr(wrong_alpha[0][1], 3)} vs {mpmath.nstr(wrong_alpha[0][2], 3)}",
        ),
        Control(
            "formula with 4πα instead of 4π²α",
            not _within_dipole(
                ctx, _hydrogen_delta_rows(ctx, grid[:2], _formula(4 * mpmath.pi, ctx.dps))
            ),
        ),
    ]
    evidence = [
        Evidence(
            "exact share T∫_0^{(αT)²} S dq²/q² (Bethe's S, tanh-sinh quadrature)",
            "model:hydrogen exact S",
            "the left-hand side of Eq. (13)",
            value="; ".join(f"T={t}: {mpmath.nstr(x, 6)}" for t, x, _ in rows),
            precision=f"{ctx.dps} dps",
            agreement=None,
            seconds=t_h,
        ),
        Evidence(
            "Stobbe's σ_γ: ασ_γT²/(4π²) (atomic units)",
            "model:hydrogen photoabsorption",
            f"equal to the exact share up to dipole corrections ≤ {worst:.2f}(αT)²; equal "
            "to α²T³D from Bethe's q → 0 limit",
            value="; ".join(f"T={t}: {mpmath.nstr(f, 6)}" for t, _, f in rows),
            precision=f"{ctx.dps} dps",
            agreement=model_digits,
        ),
    ]
    trend = "falls monotonically" if mono else "varies"
    summary = (
        f"δ_H {trend} from {mpmath.nstr(threshold, 4)} at threshold to "
        f"{mpmath.nstr(rows[-1][1], 3)} at T = 100 I; exact share = σ_γT²/(4π²α) × (1 + "
        f"c(αT)²), |c| ≤ {worst:.2f}"
    )
    notes = (
        f"The largest δ for hydrogen is {mpmath.nstr(largest, 4)} (at threshold), so the "
        "low-Q² region is a 1e-5 correction for Z = 1. For a hydrogen-like ion δ scales as Z² "
        "at fixed T/I, which is why Ge (claim eq13.germanium) reaches 1e-3."
    )
    return Outcome(verdict, summary, evidence, controls, notes=notes)
