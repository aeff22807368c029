"""Eq. (3): the magnetic-moment vertex L = μ_ν (ν̄ σ_μν ν) q_μ A_ν; the sentence on the recoil of
the atom (before it).

Eq. (3) is judged by computation (:mod:`sumrules.theory.nmm_vertex`): that it is the standard
Pauli term (μ/2) σ_μν F^μν (its normalization: no factor 2 or 1/2), that μ_B = e/2m is the
moment a Dirac electron has in the same normalization (the Gordon identity), and what the
vertex gives with a Coulomb field A₀ = g ρ/q²: d²σ/dT dQ² = (g²μ²/4πQ²)(1 − T/2E)²(1 − T²/Q²) S,
by the Dirac traces and by explicit spinors. The vertex holds in both unit conventions (the
product μA is convention independent); Eq. (5)'s 4παμ²/Q² follows from it with the Gaussian
A₀ = 4π√α ρ/q², while the printed Heaviside–Lorentz A₀ = √(4πα) ρ/q² gives αμ²/Q² (claim eq4).
"""

from __future__ import annotations

import functools
from fractions import Fraction

import mpmath
import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Variant, digits
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import digits_text
from sumrules.core.ledger import Context
from sumrules.core.numeric import precision
from sumrules.data.constants import ATOMIC_MASS_UNIT, ELECTRON_MASS, GE_ATOMIC_WEIGHT, GE_K_ALPHA
from sumrules.paper.eq05 import PRINTED_EQ5_COEFFICIENT
from sumrules.theory.conventions import alpha, describe_conventions
from sumrules.theory.coulomb_field import CONVENTIONS, coulomb_coefficient
from sumrules.theory.nmm_vertex import (
    coulomb_exchange_spinors,
    gordon_coefficient,
    gordon_coefficient_spinors,
    pauli_ratio,
    pauli_ratio_general,
    pauli_ratio_spinors,
)
from sumrules.theory.scattering import (
    Q2,
    Convention,
    E,
    T,
    atomic_recoil_scale_kev,
    coulomb_exchange_coefficient,
    e,
    mu,
)

__all__ = [
    "CLAIMS",
    "PRINTED_BOHR_MAGNETON",
    "PRINTED_EQ3",
    "PRINTED_RECOIL",
    "RECOIL_THRESHOLD_KEV",
    "vertex_normalization",
]

# non-commutative only so that the statement is printed in the paper's order
_MU_NU = sp.Symbol(r"\mu_\nu", commutative=False)
_BILINEAR = sp.Symbol(r"\left(\bar{\nu}(k^\prime)\sigma_{\mu\nu}\nu(k)\right)", commutative=False)
_Q_MU = sp.Symbol(r"q_\mu", commutative=False)
_A_NU = sp.Symbol(r"A_\nu", commutative=False)
_STRUCTURE = _MU_NU * _BILINEAR * _Q_MU * _A_NU
#: Eq. (3) as printed
PRINTED_EQ3 = sp.Eq(sp.Symbol("L_{NMM}"), _STRUCTURE, evaluate=False)
_E_CHARGE, _M_E, _MU_B = sp.symbols("e m_e mu_B", positive=True)
#: the Bohr magneton as the paper defines it (the sentence before Eq. (1))
PRINTED_BOHR_MAGNETON = sp.Eq(_MU_B, _E_CHARGE / (2 * _M_E))


def vertex_normalization(statement: sp.Eq) -> sp.Expr:
    """The number c in L = c μ (ν̄σν) q A of a statement of the form of Eq. (3)."""
    return sp.simplify(statement.rhs * _STRUCTURE**-1)


def _bohr_in_e_over_m(statement: sp.Eq) -> sp.Expr:
    return sp.simplify(statement.rhs * _M_E / _E_CHARGE)


PLANE_WAVES = (
    ((1, 2, 0, 3), (0, 1, -1, 2)),
    ((3, -1, 2, sp.Rational(1, 2)), (1, 0, 2, -1)),
    ((sp.Rational(1, 2), 0, 0, 1), (2, 1, 1, 0)),
)
SPINORS = "explicit Dirac spinors, amplitudes ubar(p′)…u(p) (mpmath)"
PAULI_ROUTES = (
    Route(
        "sympy: F^μν from derivatives of the plane wave, symbolic q and A, 4×4 matrices",
        "symbolic",
        lambda c, ctx: sp.Abs(pauli_ratio_general()),
    ),
    Route(SPINORS, "spinor algebra", lambda c, ctx: abs(pauli_ratio_spinors(*c, dps=ctx.dps))),
)
PAULI_CONTROLS = (
    Variant(
        "the Pauli term without its 1/2 (μσ_μνF^μν)",
        lambda c, ctx: sp.Abs(pauli_ratio(c[0], c[1], kind="no half")),
    ),
    Variant(
        "a charge vertex γ^ν A_ν in place of σ_μν q^μ A^ν",
        lambda c, ctx: sp.Abs(pauli_ratio(c[0], c[1], kind="charge")),
    ),
)
PAULI = Quantity(
    "|Pauli term (μ/2)σ_μνF^μν| / |μσ_μν q^μ A^ν|",
    cases=PLANE_WAVES,
    routes=PAULI_ROUTES,
    printed=lambda c, ctx: 1 / vertex_normalization(PRINTED_EQ3),
    controls=PAULI_CONTROLS,
    tolerance=digits(5),
    label=lambda c: f"q = {tuple(c[0])}, A = {tuple(c[1])}",
)

MOMENTA = (
    ((0, 0, 0), (1, 2, -1)),
    ((sp.Rational(1, 3), 0, 1), (0, -2, 1)),
    ((2, 1, 0), (-1, 3, sp.Rational(1, 2))),
)
GORDON_ROUTES = (
    Route(
        "sympy: (γ·p′)γ^μ + γ^μ(γ·p) = (p + p′)^μ + c iσ^μν q_ν for symbolic momenta, Dirac equation",
        "symbolic",
        lambda c, ctx: gordon_coefficient(),
    ),
    Route(
        "explicit Dirac spinors of momenta p, p′, all spins and components (mpmath)",
        "spinor algebra",
        lambda c, ctx: gordon_coefficient_spinors(*c, dps=ctx.dps),
    ),
)
GORDON_CONTROLS = (
    Variant("μ_B = e/m_e", lambda c, ctx: sp.Integer(1)),
    Variant("μ_B = e/(4m_e)", lambda c, ctx: sp.Rational(1, 4)),
)
GORDON = Quantity(
    "c·m in ubar′γ^μu = ubar′[(p + p′)^μ/2m + c iσ^μν q_ν]u",
    cases=MOMENTA,
    routes=GORDON_ROUTES,
    printed=lambda c, ctx: _bohr_in_e_over_m(PRINTED_BOHR_MAGNETON),
    controls=GORDON_CONTROLS,
    tolerance=digits(5),
    label=lambda c: f"p = {tuple(c[0])} m, p′ = {tuple(c[1])} m",
)

#: kinematic points (E, T, Q²) in keV, keV, keV²
KINEMATIC_POINTS = ((3000, 1, 1022), (1000, 10, 400), (100, 5, 50))
Point = tuple[int, int, int]


def _kinematic_factor(p: Point) -> sp.Expr:
    en, t, q2 = (sp.Integer(x) for x in p)
    return (1 - t / (2 * en)) ** 2 * (1 - t**2 / q2)


def _coupling_squared(conv: Convention) -> sp.Expr:
    """(g/√α)² for A₀ = g ρ/q² of the convention (g from Poisson's equation)."""
    return sp.simplify(coulomb_coefficient(conv) ** 2 / alpha)


def _reduced_traces(c: tuple[Convention, Point], ctx: Context) -> sp.Expr:
    conv, p = c
    exact = coulomb_exchange_coefficient().subs({e: sp.sqrt(_coupling_squared(conv)), mu: 1})
    exact = exact.subs({E: p[0], T: p[1], Q2: p[2]})
    return sp.simplify(exact * p[2] / _kinematic_factor(p))


def _reduced_spinors(
    c: tuple[Convention, Point], ctx: Context, kind: str = "printed"
) -> mpmath.mpf:
    conv, p = c
    value = coulomb_exchange_spinors(*p, kind=kind, dps=ctx.dps)  # type: ignore[arg-type]
    with precision(ctx.dps):
        scale = mpmath.mpf(
            sp.N(_coupling_squared(conv) * p[2] / _kinematic_factor(p), ctx.dps + 10)
        )
        return value * scale


COULOMB_ROUTES = (
    Route(
        "Dirac traces for A₀ exchange on a static target (sympy)",
        "spinor algebra",
        _reduced_traces,
    ),
    Route(
        "explicit massless spinors, left-handed ν in, both helicities out (mpmath)",
        "spinor algebra",
        _reduced_spinors,
    ),
)
COULOMB_CONTROLS = (
    Variant(
        "a charge vertex γ⁰ in place of σ^μ0 q_μ",
        lambda c, ctx: _reduced_spinors(c, ctx, kind="charge"),
    ),
    Variant("Eq. (5) with 2πα in place of 4πα", lambda c, ctx: 2 * sp.pi),
)
COULOMB = Quantity(
    "Q²C/[μ²α(1 − T/2E)²(1 − T²/Q²)] with A₀ = gρ/q² of the convention",
    cases=[(conv, p) for conv in CONVENTIONS for p in KINEMATIC_POINTS],
    routes=COULOMB_ROUTES,
    printed=lambda c, ctx: sp.simplify(PRINTED_EQ5_COEFFICIENT * Q2 / (alpha * mu**2)),
    controls=COULOMB_CONTROLS,
    tolerance=digits(5),
    label=lambda c: f"{describe_conventions([c[0]])}, (E, T, Q²) = {c[1]}",
)


def _coulomb_conventions(f: Findings) -> list[str]:
    q = f[COULOMB.name]
    return [
        conv
        for conv in CONVENTIONS
        if all(ok for c, ok in zip(q.cases, q.holds or [], strict=True) if c[0] == conv)
    ]


def _eq3_policy(f: Findings) -> str:
    if not (f[PAULI.name].all_hold and f[GORDON.name].all_hold):
        return "refuted"
    return "verified" if _coulomb_conventions(f) else "qualified"


def _times(value: sp.Expr, unit: str) -> str:
    """'αμ²/Q²' for 1, '4παμ²/Q²' for 4π."""
    return unit if value == 1 else sp.sstr(value).replace("*pi", "π").replace("pi", "π") + unit


def _eq3_summary(f: Findings) -> str:
    spin = digits_text(min(f[PAULI.name].min_agreement, f[GORDON.name].min_agreement), f.ctx.dps)
    coulomb = f[COULOMB.name]
    hl, ga = (coulomb.value((conv, KINEMATIC_POINTS[0])) for conv in CONVENTIONS)
    standard = "is" if f[PAULI.name].all_hold else "is NOT"
    return (
        f"the printed vertex {standard} the Pauli term (μ/2)σ_μνF^μν up to a phase (sympy for "
        f"every plane wave; spinors to {spin} digits), and the Gordon identity gives a Dirac "
        "electron the same vertex with μ = e/2m = μ_B; with A₀ = gρ/q² it gives "
        "(g²μ²/4πQ²)(1 − T/2E)²(1 − T²/Q²)·S (traces = spinors to "
        f"{digits_text(coulomb.min_agreement, f.ctx.dps)} digits): {_times(hl, 'αμ²/Q²')} with "
        f"the printed Heaviside–Lorentz A₀ = √(4πα)ρ/q², {_times(ga, 'αμ²/Q²')} (Eq. (5)) with "
        "the Gaussian A₀ = 4π√αρ/q²; Eq. (5) follows in "
        f"{describe_conventions(_coulomb_conventions(f))}"
    )


def _leading_is_g_squared(leading: sp.Expr, conv: Convention) -> bool:
    g = coulomb_coefficient(conv)
    return bool(sp.simplify(leading.subs(e, g) - g**2 * mu**2 / (4 * sp.pi * Q2)) == 0)


def _eq3_derivation(f: Findings) -> list[Derivation]:
    exact = coulomb_exchange_coefficient()
    kappa = sp.Symbol("g", positive=True)
    leading = sp.limit(sp.limit(exact * Q2, E, sp.oo), T, 0) / Q2
    steps = [
        Step.definition(
            r"\frac{\mu}{2}\sigma_{\mu\nu}F^{\mu\nu}",
            r"\frac{\mu}{2}\sigma_{\mu\nu}\left(\partial^\mu A^\nu - \partial^\nu A^\mu\right)",
            "the Pauli term of a magnetic moment μ; A^ν = a^ν e^{−iq·x}",
        ),
        Step.checked(
            r"\frac{\frac12\sigma_{\mu\nu}F^{\mu\nu}}{\sigma_{\mu\nu}q^\mu A^\nu}",
            pauli_ratio_general(),
            "derivatives of the plane wave, explicit 4×4 matrices, symbolic q and a: a pure phase",
            method="sympy: every matrix element has the same ratio",
            predicate=lambda: sp.Abs(pauli_ratio_general()) == 1,
        ),
        Step.checked(
            r"c\, m",
            gordon_coefficient(),
            "(γ·p′)γ^μ + γ^μ(γ·p) = (p + p′)^μ + iσ^μν q_ν and the Dirac equation: a Dirac particle "
            "of charge e has the vertex (3) with μ = e/2m, the paper's μ_B",
            method="sympy: matrix identity for symbolic momenta",
            predicate=lambda: gordon_coefficient() == sp.Rational(1, 2),
        ),
        Step.checked(
            r"C",
            exact.subs(e, kappa),
            "the vertex (3) with A₀ = gρ/Q², static target, traces exact in E and T",
            predicate=lambda: (
                sp.simplify(
                    exact.subs(e, kappa)
                    - kappa**2
                    * mu**2
                    * (2 * E - T) ** 2
                    * (Q2 - T**2)
                    / (16 * sp.pi * E**2 * Q2**2)
                )
                == 0
            ),
        ),
        *[
            Step.checked(
                rf"\left.C\right|_{{T\to0}}^{{\rm {'HL' if conv == 'heaviside-lorentz' else 'G'}}}",
                leading.subs(e, coulomb_coefficient(conv)),
                f"g = {sp.sstr(coulomb_coefficient(conv))} from Poisson's equation",
                predicate=functools.partial(_leading_is_g_squared, leading, conv),
            )
            for conv in CONVENTIONS
        ],
    ]
    return [Derivation("Eq. (3): the Pauli term, the Bohr magneton and Coulomb exchange", steps)]


EQ3_NOTES = (
    "The vertex holds in both unit conventions: the Pauli Lagrangian −(μ/2)(nubar σ ν)F is the "
    "same in Heaviside–Lorentz and Gaussian units, with μ and F of the same convention "
    "(μ_G = μ_HL/√(4π), F_G = √(4π)F_HL), and μ/μ_B is convention independent. The 4π "
    "between αμ²/Q² and Eq. (5)'s 4παμ²/Q² comes from the normalization of A₀: the paper's "
    "√(4πα)ρ/q² solves Poisson's equation in Heaviside–Lorentz units (claim eq4), whereas "
    "Eqs. (1) (first form), (5) and (6) use the Gaussian μ_ν. The phase of the vertex "
    "(σ_μνF^μν/2 = −iσ_μνq^μA^ν) does not enter |M|²."
)
EQ3 = Claim(
    "eq3",
    title="The magnetic-moment vertex",
    printed=Printed(PRINTED_EQ3, where="Eq. (3)"),
    quantities=(PAULI, GORDON, COULOMB),
    policy=_eq3_policy,
    summary=_eq3_summary,
    derivations=_eq3_derivation,
    notes=EQ3_NOTES,
    cost=0.6,
)

# ---------------------------------------------------------------------------------------------
# the sentence on the recoil of the atom (before Eq. (3))

PRINTED_RECOIL = (
    r"``One can also notice that in the energy range of interest for current experiments the "
    r"condition $T \gg \varepsilon_0 m_e / M$ is satisfied, which allows us to assume that no "
    r"energy is spent on the recoil of the atom as a whole including its nucleus with the "
    r"mass $M$.''"
)
#: The lowest energy transfer of interest ("thresholds in the range of a few keV"), keV.
RECOIL_THRESHOLD_KEV = "1"
#: "≫" is taken to mean at least this ratio.
MUCH_GREATER = 100


def _recoil_exact() -> Fraction:
    """Q²/(2M) at the atomic momentum Q² = 2 m_e ε₀, exact rationals of the printed constants."""
    big_m = GE_ATOMIC_WEIGHT.value * ATOMIC_MASS_UNIT.value
    return Fraction(2) * ELECTRON_MASS.value * GE_K_ALPHA.value / (2 * big_m)


def _rational(x: Fraction) -> sp.Rational:
    return sp.Rational(x.numerator, x.denominator)


RECOIL_SCALE_ROUTES = (
    Route(
        "ε₀ m_e/M with ε₀ = K_α, M = 72.630 u (mpmath)",
        "closed form",
        lambda c, ctx: atomic_recoil_scale_kev(dps=ctx.dps),
    ),
    Route(
        "Q²/(2M) at Q² = 2m_eε₀, exact rationals from the printed constants",
        "units",
        lambda c, ctx: _rational(_recoil_exact()),
    ),
)
RECOIL_SCALE_CONTROLS = (
    Variant(
        "exact route with M in u, not converted to keV",
        lambda c, ctx: _rational(ELECTRON_MASS.value * GE_K_ALPHA.value / GE_ATOMIC_WEIGHT.value),
    ),
)
RECOIL_SCALE = Quantity(
    "ε₀ m_e/M for Ge (keV)",
    cases=("Ge",),
    routes=RECOIL_SCALE_ROUTES,
    controls=RECOIL_SCALE_CONTROLS,
    tolerance=digits(5),
)


def _ratio_holds(t_kev: str, ctx: Context, exact: bool = False) -> bool:
    with precision(ctx.dps):
        t = mpmath.mpf(t_kev)
        if exact:
            return bool(sp.Rational(t_kev) / _rational(_recoil_exact()) >= MUCH_GREATER)
        return bool(t / atomic_recoil_scale_kev(dps=ctx.dps) >= MUCH_GREATER)


RECOIL_RATIO_ROUTES = (
    Route("mpmath: T over ε₀ m_e/M", "closed form", _ratio_holds),
    Route(
        "exact rationals: T over Q²/(2M)",
        "units",
        lambda c, ctx: _ratio_holds(c, ctx, exact=True),
    ),
)
RECOIL_RATIO_CONTROLS = (
    Variant(
        "the electron mass in place of the atomic mass M",
        lambda c, ctx: mpmath.mpf(c) / GE_K_ALPHA.mpf() >= MUCH_GREATER,
    ),
)
RECOIL_RATIO = Quantity(
    f"T/(ε₀m_e/M) ≥ {MUCH_GREATER} at the lowest T of interest",
    cases=(RECOIL_THRESHOLD_KEV,),
    routes=RECOIL_RATIO_ROUTES,
    printed=lambda c, ctx: True,
    controls=RECOIL_RATIO_CONTROLS,
    label=lambda c: f"T = {c} keV",
)


def _recoil_summary(f: Findings) -> str:
    scale = f[RECOIL_SCALE.name].value("Ge")
    t_min = f[RECOIL_RATIO.name].cases[0]
    with precision(f.ctx.dps):
        ratio = mpmath.mpf(t_min) / scale
        compton = ELECTRON_MASS.mpf() / (GE_ATOMIC_WEIGHT.mpf() * ATOMIC_MASS_UNIT.mpf())
    return (
        f"ε₀m_e/M = {mpmath.nstr(scale, 3)} keV for Ge; T/(ε₀m_e/M) ≥ {mpmath.nstr(ratio, 3)} "
        f"at T ≥ {t_min} keV; even at the Compton peak Q² = 2m_eT the recoil "
        f"is T·m_e/M = {mpmath.nstr(compton, 3)}·T"
    )


RECOIL = Claim(
    "text.recoil",
    title="Atomic recoil is negligible: T ≫ ε₀ m_e/M",
    printed=Printed(text=PRINTED_RECOIL, where="before Eq. (3)"),
    quantities=(RECOIL_SCALE, RECOIL_RATIO),
    policy=lambda f: "verified" if f[RECOIL_RATIO.name].all_hold else "refuted",
    summary=_recoil_summary,
    notes=lambda f: (
        "With the electron mass in place of M (the recoil of a free electron) the ratio at "
        f"T = {f[RECOIL_RATIO.name].cases[0]} keV would be "
        f"{mpmath.nstr(mpmath.mpf(f[RECOIL_RATIO.name].cases[0]) / GE_K_ALPHA.mpf(), 3)}."
    ),
    anchor=3,
)

CLAIMS = (EQ3, RECOIL)
