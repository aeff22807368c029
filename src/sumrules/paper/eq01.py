"""Eq. (1): magnetic-moment scattering on a free electron; the two sentences before it (the
standard-model moment and the GEMMA limit).

Routes that share no code: the Dirac traces (sympy, :mod:`sumrules.theory.scattering`), explicit
Dirac spinors summed numerically (mpmath), and the free-electron response δ(T − Q²/2m)
substituted exactly into the static-target traces of Eq. (5).

Unit conventions matter: the traces give (e²μ²/4π)(1/T − 1/E) with e the coupling of the photon
propagator. The paper writes the Coulomb field as A₀ = √(4πα) ρ/q² (Heaviside–Lorentz,
e² = 4πα; claim eq4), in which the first printed form of Eq. (1) is 4π too large; it holds with
the Gaussian normalization of μ_ν (e² = α). The second form, written with μ_ν/μ_B, is the same
in both.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import mpmath
import sympy as sp

from sumrules.core.claim import (
    Claim,
    Findings,
    Policy,
    Printed,
    Quantity,
    Route,
    Tolerance,
    Variant,
)
from sumrules.core.claim import digits as digits_tolerance
from sumrules.core.derivation import Derivation, Step
from sumrules.core.ledger import Context
from sumrules.core.numeric import precision
from sumrules.data.constants import (
    ALPHA,
    ELECTRON_MASS,
    FERMI_CONSTANT,
    GEMMA_MU_LIMIT,
    SIN2_THETA_W_ON_SHELL,
    W_MASS,
)
from sumrules.data.units import inverse_kev2_to_cm2
from sumrules.theory.conventions import (
    alpha,
    comparison_step,
    describe_conventions,
    verdict_from_conventions,
)
from sumrules.theory.coulomb_field import CONVENTIONS
from sumrules.theory.scattering import (
    Q2,
    Convention,
    E,
    T,
    bohr_magneton,
    coulomb_exchange_coefficient,
    e,
    express_in_convention,
    fujikawa_shrock_moment,
    integrate_free_response,
    m,
    matching_conventions,
    minimal_heaviest_neutrino_mass_ev,
    mu,
    mu_B,
    neutrino_mass_for_moment,
    nmm_dsigma_dT,
    nmm_dsigma_dT_cm2_per_kev,
    nmm_squared_amplitude,
    nmm_squared_amplitude_spinors,
    two_body_dsigma_dT_factor,
    weak_dsigma_dT_low_T_cm2_per_kev,
)

__all__ = [
    "CLAIMS",
    "PRINTED_EQ1",
    "PRINTED_EQ1_FORMS",
    "PRINTED_GEMMA",
    "PRINTED_GEMMA_LIMIT",
    "PRINTED_SM",
    "PRINTED_SM_MOMENT",
    "moment_policy",
]

DSIGMA = sp.Symbol(r"\frac{d\sigma_{(\mu)}}{dT}")
#: Eq. (1) as printed: dσ/dT = 4παμ²(1/T − 1/E) = πα²/m²(μ/μ_B)²(1/T − 1/E)
PRINTED_EQ1 = sp.Eq(
    DSIGMA,
    sp.Eq(
        4 * sp.pi * alpha * mu**2 * (1 / T - 1 / E),
        sp.pi * alpha**2 / m**2 * (mu / mu_B) ** 2 * (1 / T - 1 / E),
        evaluate=False,
    ),
    evaluate=False,
)
#: the two printed right-hand sides, read off the printed statement
PRINTED_EQ1_FORMS: tuple[sp.Expr, sp.Expr] = (PRINTED_EQ1.rhs.lhs, PRINTED_EQ1.rhs.rhs)
FORMS = ("first", "second")
KINEMATICS = 1 / T - 1 / E

#: kinematic points (E, T) in keV for the numeric spinor route; m = m_e
POINTS = (("3000", "1"), ("3000", "10"), ("1000", "500"), ("100", "5"))
SPINORS = "explicit Dirac spinors, all spin states summed (mpmath)"


def _m_e() -> sp.Rational:
    return sp.Rational(ELECTRON_MASS.value.numerator, ELECTRON_MASS.value.denominator)


def _traces_at(point: tuple[str, str], ctx: Context) -> mpmath.mpf:
    """The trace result, exact, then evaluated at the working precision."""
    amplitude = nmm_squared_amplitude().subs({mu: 1, e: 1})
    exact = amplitude.subs({E: sp.Rational(point[0]), T: sp.Rational(point[1]), m: _m_e()})
    with precision(ctx.dps):
        return mpmath.mpf(sp.N(exact, ctx.dps + 10))


def _spinors_at(point: tuple[str, str], ctx: Context, scale: int = 1) -> mpmath.mpf:
    with precision(ctx.dps):
        en, t = mpmath.mpf(point[0]), mpmath.mpf(point[1])
        return scale * nmm_squared_amplitude_spinors(en, t, ELECTRON_MASS.mpf(), dps=ctx.dps)


SQUARED_AMPLITUDE_ROUTES = (
    Route("Dirac traces (sympy, 4×4 matrices)", "spinor algebra", _traces_at),
    Route(SPINORS, "spinor algebra", _spinors_at),
)
SQUARED_AMPLITUDE_CONTROLS = (
    Variant(
        "spinor sum without the 1/2 electron-spin average",
        lambda c, ctx: _spinors_at(c, ctx, scale=2),
    ),
)
SQUARED_AMPLITUDE = Quantity(
    "spin-summed |M|² at μ = e = 1",
    cases=POINTS,
    routes=SQUARED_AMPLITUDE_ROUTES,
    controls=SQUARED_AMPLITUDE_CONTROLS,
    tolerance=digits_tolerance(5),
    label=lambda c: f"(E, T) = ({c[0]}, {c[1]}) keV",
)

Case = tuple[str, Convention]


def _form(expr: sp.Expr) -> Callable[[Case, Context], sp.Expr]:
    """A right-hand side of Eq. (1) in the case's convention (μ_B = e/2m of that convention)."""
    return lambda c, ctx: sp.sympify(expr).subs(mu_B, bohr_magneton(c[1]))


def _printed(c: Case, ctx: Context) -> sp.Expr:
    return _form(PRINTED_EQ1_FORMS[FORMS.index(c[0])])(c, ctx)


CROSS_SECTION_ROUTES = (
    Route(
        "Dirac traces, in the case's unit convention",
        "spinor algebra",
        lambda c, ctx: express_in_convention(nmm_dsigma_dT(), c[1]),
    ),
)
CROSS_SECTION_CONTROLS = (
    Variant(
        "first form with 1/T + 1/E (sign flipped)",
        _form(4 * sp.pi * alpha * mu**2 * (1 / T + 1 / E)),
        lambda c: c[0] == "first",
    ),
    Variant(
        "second form with α²/(4m²) instead of α²/m²",
        _form(sp.pi * alpha**2 / (4 * m**2) * (mu / mu_B) ** 2 * KINEMATICS),
        lambda c: c[0] == "second",
    ),
)
CROSS_SECTION = Quantity(
    "dσ/dT",
    cases=[(form, conv) for form in FORMS for conv in CONVENTIONS],
    routes=CROSS_SECTION_ROUTES,
    printed=_printed,
    controls=CROSS_SECTION_CONTROLS,
    label=lambda c: f"{c[0]} form, {describe_conventions([c[1]])}",
)


def _eq5_one_over_t() -> sp.Expr:
    """∫ C δ(T − Q²/2m) dQ² with C the leading static-target coefficient of Eq. (5)."""
    coulomb = coulomb_exchange_coefficient()
    leading = sp.limit(sp.limit(coulomb * Q2, E, sp.oo), T, 0) / Q2
    return integrate_free_response(leading)


ONE_OVER_T_ROUTES = (
    Route(
        "Dirac traces, E → ∞",
        "spinor algebra",
        lambda c, ctx: sp.limit(express_in_convention(nmm_dsigma_dT(), c), E, sp.oo),
    ),
    Route(
        "Eq. (5) with the free response δ(T − Q²/2m), exact substitution",
        "symbolic",
        lambda c, ctx: express_in_convention(_eq5_one_over_t(), c),
    ),
)
ONE_OVER_T = Quantity(
    "the 1/T term",
    cases=CONVENTIONS,
    routes=ONE_OVER_T_ROUTES,
    label=lambda c: describe_conventions([c]),
)


def _matches(f: Findings) -> list[list[str]]:
    """For each printed form, the conventions in which it equals the traces."""
    q = f["dσ/dT"]
    return [
        [c[1] for c, ok in zip(q.cases, q.holds or [], strict=True) if ok and c[0] == form]
        for form in FORMS
    ]


def _in_both(matches: list[str]) -> bool:
    return len(matches) == 2


def _eq1_corrected(f: Findings) -> Printed | None:
    """Only when a form holds in neither convention: the trace result (e²μ²/4π)(1/T − 1/E)."""
    if verdict_from_conventions(_matches(f)) != "corrected":
        return None
    traces = e**2 * mu**2 / (4 * sp.pi) * KINEMATICS
    return Printed(
        sp.Eq(DSIGMA, sp.Eq(traces, PRINTED_EQ1_FORMS[1], evaluate=False), evaluate=False)
    )


def _eq1_summary(f: Findings) -> str:
    conv = [describe_conventions(ms) for ms in _matches(f)]
    spin = f["spin-summed |M|² at μ = e = 1"].agreement[SPINORS]
    summary = (
        f"traces: dσ/dT = (e²μ²/4π)(1/T − 1/E) exactly (spinor sums agree to {spin:.0f} "
        f"digits); form πα²/m²(μ/μ_B)²(…) holds in {conv[1]}; form 4παμ²(…) holds in {conv[0]}"
    )
    if verdict_from_conventions(_matches(f)) == "qualified":
        summary += " only (Heaviside–Lorentz, as in A₀ = √(4πα)ρ/q², gives αμ²(1/T − 1/E))"
    return summary


def _eq1_derivation(f: Findings) -> list[Derivation]:
    amplitude, traces = nmm_squared_amplitude(), nmm_dsigma_dT()
    hl = express_in_convention(traces, "heaviside-lorentz")
    ga = express_in_convention(traces, "gaussian")
    first, second = PRINTED_EQ1_FORMS
    one_over_t = _eq5_one_over_t()
    steps = [
        Step.definition(
            r"\overline{|M|^2}",
            amplitude,
            "spin-summed |M|²: neutrino tensor with the projector (1 − γ5)/2 and the vertex σ q, "
            "electron tensor averaged over spins, photon propagator −g/q² with coupling e, "
            "angle fixed by elastic kinematics",
        ),
        Step.checked(
            r"\frac{d\sigma}{dT}",
            traces,
            "dσ/dT = |M|²/(32π m E²) (two-body kinematics, electron at rest)",
            predicate=lambda: sp.simplify(amplitude * two_body_dsigma_dT_factor() - traces) == 0,
        ),
        Step.checked(
            traces,
            e**2 * mu**2 / (4 * sp.pi) * KINEMATICS,
            "the T dependence is exactly 1/T − 1/E: no further O(T/E) terms",
        ),
        Step.checked(
            r"\left.\frac{d\sigma}{dT}\right|_{\rm HL}",
            alpha * mu**2 * KINEMATICS,
            "Heaviside–Lorentz: e² = 4πα (the paper's A₀ = √(4πα) ρ/q²)",
            predicate=lambda: sp.simplify(hl - alpha * mu**2 * KINEMATICS) == 0,
        ),
        Step.checked(
            r"\left.\frac{d\sigma}{dT}\right|_{\rm G}",
            4 * sp.pi * alpha * mu**2 * KINEMATICS,
            "Gaussian: e² = α, μ_G = μ_HL/√(4π) (the product μA is fixed)",
            predicate=lambda: sp.simplify(ga - 4 * sp.pi * alpha * mu**2 * KINEMATICS) == 0,
        ),
        Step.checked(
            second,
            r"\frac{d\sigma}{dT}\ \text{in both conventions}",
            "the form with μ/μ_B, μ_B = e/2m of the same convention as μ",
            method="sympy: equal in both conventions",
            predicate=lambda: len(matching_conventions(second, traces)) == 2,
        ),
        Step.checked(
            r"\frac{4\pi\alpha\mu^2(1/T-1/E)}{d\sigma/dT|_{\rm HL}}",
            sp.simplify(first / hl),
            "the form 4παμ²(…) in Heaviside–Lorentz units: 4π too large",
            method="sympy: ratio",
            predicate=lambda: sp.simplify(first / hl - 4 * sp.pi) == 0,
        ),
        Step.checked(
            r"\int \frac{e^2\mu^2}{4\pi Q^2}\,\delta\!\left(T-\frac{Q^2}{2m}\right)dQ^2",
            one_over_t,
            "the 1/T term from Eq. (5) with the free-electron response",
            method="sympy: equals lim_(E→∞) of the trace result",
            predicate=lambda: sp.simplify(one_over_t - sp.limit(traces, E, sp.oo)) == 0,
        ),
        *[
            comparison_step(
                rf"\text{{printed form {k + 1}}}",
                r"\frac{d\sigma}{dT}",
                f"holds in {describe_conventions(ms)}",
                functools.partial(_in_both, ms),
            )
            for k, ms in enumerate(_matches(f))
        ],
    ]
    return [Derivation("Eq. (1) from the Dirac traces, in both unit conventions", steps)]


EQ1_NOTES = (
    "The paper's Coulomb potential A₀ = √(4πα)ρ/q² is Heaviside–Lorentz; with it the "
    "Lagrangian (3) gives αμ²(1/T − 1/E). The first printed form 4παμ²(…) needs μ_ν "
    "normalized as in Gaussian units (μ_G = μ_HL/√(4π)), the same normalization used in "
    "Eqs. (5) and (6). The physically quoted ratio μ_ν/μ_B is convention independent, and "
    "so is the second form, which is what experiments use. The 1/E term is exact: the "
    "traces give no further T/E corrections."
)
EQ1 = Claim(
    "eq1",
    title="Magnetic-moment scattering on a free electron",
    printed=Printed(PRINTED_EQ1, where="Eq. (1)"),
    quantities=(SQUARED_AMPLITUDE, CROSS_SECTION, ONE_OVER_T),
    policy=lambda f: verdict_from_conventions(_matches(f)),
    summary=_eq1_summary,
    derivations=_eq1_derivation,
    corrected=_eq1_corrected,
    notes=EQ1_NOTES,
    cost=0.7,
    shares="scattering traces",
)

# ---------------------------------------------------------------------------------------------
# the sentence on the standard-model moment (before Eq. (1))

PRINTED_SM = (
    r"``The magnetic moments of neutrinos in the standard model are proportional to neutrino "
    r"masses [1] and are very small: $\mu_\nu \lesssim 10^{-20} \mu_B$ with $\mu_B = e/(2m_e)$ "
    r"being the Bohr magneton.''"
)
PRINTED_SM_MOMENT = "1e-20"

_E, _GF, _ME, _MNU = sp.symbols("e G_F m_e m_nu", positive=True)
#: the one-loop moment of a Dirac neutrino (Fujikawa and Shrock 1980)
SM_MOMENT_FORMULA = 3 * _E * _GF * _MNU / (8 * sp.sqrt(2) * sp.pi**2)


def _sm_ratio() -> sp.Expr:
    return sp.simplify(SM_MOMENT_FORMULA / (_E / (2 * _ME)))


def _moment_symbolic(m_nu_ev: object, ctx: Context) -> mpmath.mpf:
    with precision(ctx.dps):
        gf_ev = FERMI_CONSTANT.mpf() * mpmath.mpf(10) ** -18
        me_ev = ELECTRON_MASS.mpf() * 1000
        values = {_GF: sp.Float(gf_ev, ctx.dps + 5), _ME: sp.Float(me_ev, ctx.dps + 5)}
        values[_MNU] = sp.Float(mpmath.mpmathify(m_nu_ev), ctx.dps + 5)
        return mpmath.mpf(sp.N(_sm_ratio().subs(values), ctx.dps + 5))


def _moment_tree_level(m_nu_ev: object, ctx: Context) -> mpmath.mpf:
    """The closed form with G_F = πα/(√2 s_W² M_W²) at tree level (on-shell s_W²)."""
    with precision(ctx.dps):
        gf_tree = (
            mpmath.pi
            * ALPHA.mpf()
            / (mpmath.sqrt(2) * SIN2_THETA_W_ON_SHELL.mpf() * (W_MASS.mpf() * 1e9) ** 2)
        )
        gf_ev = FERMI_CONSTANT.mpf() * mpmath.mpf(10) ** -18
        return fujikawa_shrock_moment(m_nu_ev, dps=ctx.dps) * gf_tree / gf_ev


def _heaviest_mass(ctx: Context) -> mpmath.mpf:
    return minimal_heaviest_neutrino_mass_ev(dps=ctx.dps)


CLOSED_FORM = "closed form 3G_F m_e m_ν/(4√2π²) (mpmath, eV units)"
SM_PER_EV_ROUTES = (
    Route(CLOSED_FORM, "closed form", lambda c, ctx: fujikawa_shrock_moment(c, dps=ctx.dps)),
    Route("sympy: μ = 3eG_F m_ν/(8√2π²) divided by μ_B = e/(2m_e)", "symbolic", _moment_symbolic),
)
SM_PER_EV_CONTROLS = (
    Variant("moment without the factor 3", lambda c, ctx: _moment_symbolic(c, ctx) / 3),
    Variant("μ_B = e/m_e (factor 2 lost)", lambda c, ctx: _moment_symbolic(c, ctx) / 2),
)
SM_PER_EV = Quantity(
    "μ_ν/μ_B per eV of m_ν",
    cases=(1,),
    routes=SM_PER_EV_ROUTES,
    controls=SM_PER_EV_CONTROLS,
    tolerance=digits_tolerance(5),
    label=lambda c: f"m_ν = {c} eV",
)

SM_TREE_ROUTES = (
    Route(CLOSED_FORM, "closed form", lambda c, ctx: fujikawa_shrock_moment(c, dps=ctx.dps)),
    Route("tree-level G_F = πα/(√2 s_W² M_W²), on-shell s_W²", "units", _moment_tree_level),
)
SM_TREE = Quantity(
    "μ_ν/μ_B per eV, tree-level G_F",
    cases=(1,),
    routes=SM_TREE_ROUTES,
    tolerance=Tolerance(lambda ctx: 1),  # equal to the size of the radiative corrections (Δr)
    label=lambda c: f"m_ν = {c} eV",
)

SM_HEAVIEST_ROUTES = (
    Route(
        CLOSED_FORM,
        "closed form",
        lambda c, ctx: fujikawa_shrock_moment(_heaviest_mass(ctx), dps=ctx.dps),
    ),
    Route(
        "sympy ratio at m_ν = √(Δm²_32 + Δm²_21)",
        "symbolic",
        lambda c, ctx: _moment_symbolic(_heaviest_mass(ctx), ctx),
    ),
)
SM_HEAVIEST = Quantity(
    "μ_ν/μ_B of the heaviest neutrino at its smallest mass",
    cases=("normal ordering",),
    routes=SM_HEAVIEST_ROUTES,
    tolerance=digits_tolerance(5),
)


def moment_policy(bound: str) -> Policy:
    """Verdict of the standard-model sentence for a printed bound ``bound`` (in μ_B): verified
    if the smallest moment of the heaviest neutrino lies below it, qualified within a factor 10
    (the order of magnitude), refuted otherwise."""

    def policy(f: Findings) -> str:
        smallest = f["μ_ν/μ_B of the heaviest neutrino at its smallest mass"].value(
            "normal ordering"
        )
        if smallest <= mpmath.mpf(bound):
            return "verified"
        return "qualified" if smallest <= 10 * mpmath.mpf(bound) else "refuted"

    return policy


def _sm_summary(f: Findings) -> str:
    per_ev = f["μ_ν/μ_B per eV of m_ν"].value(1)
    mu_min = f["μ_ν/μ_B of the heaviest neutrino at its smallest mass"].value("normal ordering")
    m_min = _heaviest_mass(f.ctx)
    needed = neutrino_mass_for_moment(PRINTED_SM_MOMENT, dps=f.ctx.dps)
    order = moment_policy(PRINTED_SM_MOMENT)(f) == "qualified"
    return (
        f"μ_ν = {mpmath.nstr(per_ev, 3)} (m_ν/eV) μ_B; oscillations force the heaviest "
        f"m_ν ≥ {mpmath.nstr(m_min, 3)} eV, i.e. μ_ν ≥ {mpmath.nstr(mu_min, 3)} μ_B for it, "
        f"above {PRINTED_SM_MOMENT} (which needs m_ν ≤ {mpmath.nstr(needed, 3)} eV): "
        + ("'μ_ν ≤ ~1e-20 μ_B' holds as an order of magnitude" if order else "")
    )


def _sm_derivation(f: Findings) -> list[Derivation]:
    ratio = _sm_ratio()
    per_ev = f["μ_ν/μ_B per eV of m_ν"]
    m_min = _heaviest_mass(f.ctx)
    steps = [
        Step.definition(
            r"\mu_\nu",
            SM_MOMENT_FORMULA,
            "one-loop moment of a Dirac neutrino (Fujikawa and Shrock 1980)",
        ),
        Step.checked(
            r"\mu_\nu/\mu_B",
            ratio,
            "μ_B = e/(2m_e): the charge cancels, so the ratio is the same in every unit convention",
            predicate=lambda: (
                not ratio.has(_E)
                and sp.simplify(ratio - 3 * _GF * _ME * _MNU / (4 * sp.sqrt(2) * sp.pi**2)) == 0
            ),
        ),
        Step.checked(
            r"\mu_\nu/\mu_B",
            rf"{mpmath.nstr(per_ev.value(1), 5)}\,(m_\nu/\text{{eV}})",
            "PDG G_F, CODATA m_e",
            method="mpmath: two routes agree",
            predicate=lambda: per_ev.min_agreement >= f.ctx.dps - 5,
        ),
        Step.checked(
            r"m_{\rm heaviest}",
            rf"\geq {mpmath.nstr(m_min, 4)}\ \text{{eV}}",
            "√(Δm²_32 + Δm²_21), normal ordering (PDG)",
            method="mpmath",
            predicate=lambda: m_min > 0,
        ),
    ]
    return [Derivation("The standard-model moment in Bohr magnetons", steps)]


SM_MOMENT_NOTES = (
    "For Dirac neutrinos. Majorana neutrinos have no diagonal moments and their transition "
    "moments are further suppressed, so for them the bound holds. The lightest mass "
    "eigenstate may well be below 0.031 eV; the sentence is right for the scale (1e-20 μ_B), "
    "not as a strict bound on every state."
)
SM_MOMENT = Claim(
    "text.sm-moment",
    title="Standard-model neutrino magnetic moment (Fujikawa–Shrock)",
    printed=Printed(text=PRINTED_SM, where="before Eq. (1)"),
    quantities=(SM_PER_EV, SM_TREE, SM_HEAVIEST),
    policy=moment_policy(PRINTED_SM_MOMENT),
    summary=_sm_summary,
    derivations=_sm_derivation,
    notes=SM_MOMENT_NOTES,
    anchor=1,
)

# ---------------------------------------------------------------------------------------------
# the sentence on the GEMMA limit (before Eq. (1))

PRINTED_GEMMA = (
    r"``The current experimental limits for reactor (anti)neutrinos are provided by the "
    r"dedicated experiments TEXONO [2] and GEMMA [3,4] with the latest upper limit [4] being "
    r"$\mu_\nu < 3.2 \times 10^{-11} \mu_B$.''"
)
PRINTED_GEMMA_LIMIT = "3.2e-11"
_RATIO = sp.Symbol("r", positive=True)


def _nmm_traces_cm2(t_kev: int, ctx: Context) -> mpmath.mpf:
    """The trace result in Heaviside–Lorentz units at μ = r μ_B, E → ∞, (ħc)² from PDG."""
    traces = sp.limit(express_in_convention(nmm_dsigma_dT(), "heaviside-lorentz"), E, sp.oo)
    traces = traces.subs(mu, _RATIO * bohr_magneton("heaviside-lorentz"))
    a_exact = sp.Rational(ALPHA.value.numerator, ALPHA.value.denominator)
    values = {alpha: a_exact, m: _m_e(), T: t_kev, _RATIO: sp.Rational(PRINTED_GEMMA_LIMIT)}
    with precision(ctx.dps):
        natural = mpmath.mpf(sp.N(traces.subs(values), ctx.dps + 5))
        return inverse_kev2_to_cm2(natural, route="pdg", dps=ctx.dps)


def _first_form_hl_cm2(t_kev: int, ctx: Context) -> mpmath.mpf:
    """Control: the first printed form 4παμ²/T with μ = r e/(2m), e² = 4πα (Heaviside–Lorentz)."""
    with precision(ctx.dps):
        a, me = ALPHA.mpf(), ELECTRON_MASS.mpf()
        mu_hl = mpmath.mpf(PRINTED_GEMMA_LIMIT) * mpmath.sqrt(4 * mpmath.pi * a) / (2 * me)
        return inverse_kev2_to_cm2(4 * mpmath.pi * a * mu_hl**2 / t_kev, dps=ctx.dps)


GEMMA_RATE_ROUTES = (
    Route(
        "πα²/m²(μ/μ_B)²/T, (ħc)² from the SI",
        "closed form",
        lambda t, ctx: nmm_dsigma_dT_cm2_per_kev(t, PRINTED_GEMMA_LIMIT, dps=ctx.dps),
    ),
    Route(
        "Dirac-trace result in Heaviside–Lorentz units, (ħc)² from PDG",
        "spinor algebra",
        _nmm_traces_cm2,
    ),
)
GEMMA_RATE_CONTROLS = (
    Variant("first printed form 4παμ² with the Heaviside–Lorentz μ (e² = 4πα)", _first_form_hl_cm2),
)
GEMMA_RATE = Quantity(
    "NMM dσ/dT per electron at μ = 3.2e-11 μ_B (cm²/keV)",
    cases=(1, 10),
    routes=GEMMA_RATE_ROUTES,
    controls=GEMMA_RATE_CONTROLS,
    tolerance=Tolerance(lambda ctx: 8),  # PDG prints (ħc)² to 10 digits
    label=lambda t: f"T = {t} keV",
)

GEMMA_SOURCE_ROUTES = (
    Route(
        "GEMMA collaboration (Beda et al. 2010), abstract of arXiv:1005.2736",
        "literature",
        lambda c, ctx: sp.Rational(
            GEMMA_MU_LIMIT.value.numerator, GEMMA_MU_LIMIT.value.denominator
        ),
    ),
)
GEMMA_SOURCE = Quantity(
    "the limit as published",
    cases=("Beda et al., arXiv:1005.2736",),
    routes=GEMMA_SOURCE_ROUTES,
    printed=lambda c, ctx: sp.Rational(PRINTED_GEMMA_LIMIT),
    show=lambda v: f"{float(v):.2g} μ_B",
)


def _gemma_summary(f: Findings) -> str:
    rate = f["NMM dσ/dT per electron at μ = 3.2e-11 μ_B (cm²/keV)"]
    ew = weak_dsigma_dT_low_T_cm2_per_kev(dps=f.ctx.dps)
    with precision(f.ctx.dps):
        ratios = [rate.value(t) / ew for t in (1, 10)]
    same = f["the limit as published"].all_hold
    return (
        f"cited, not checkable here (matches Beda et al., arXiv:1005.2736: {same}); at this μ_ν "
        f"the NMM rate per electron is {mpmath.nstr(ratios[0], 3)}× the EW rate "
        f"({mpmath.nstr(ew, 3)} cm²/keV) at T = 1 keV and {mpmath.nstr(ratios[1], 3)}× at 10 keV; "
        f"equal at T ≈ {mpmath.nstr(ratios[0], 3)} keV"
    )


GEMMA_LIMIT_NOTES = (
    "The arXiv abstract of Beda et al. (1005.2736) gives 3.2e-11 μ_B at 90% CL without "
    "atomic ionization effects, and 5.0e-12 μ_B with the atomic enhancement of Wong et al. "
    "that this paper argues against. The EW rate uses sin²θ_W at low energy (claim eq2)."
)
GEMMA_LIMIT = Claim(
    "text.gemma-limit",
    title="The GEMMA limit and what it implies for dσ/dT",
    printed=Printed(text=PRINTED_GEMMA, where="before Eq. (1)"),
    quantities=(GEMMA_RATE, GEMMA_SOURCE),
    policy=lambda f: "qualified" if f["the limit as published"].all_hold else "corrected",
    summary=_gemma_summary,
    notes=GEMMA_LIMIT_NOTES,
    anchor=1,
)

CLAIMS = (EQ1, SM_MOMENT, GEMMA_LIMIT)
