"""Eq. (5): the double-differential cross section on a static atom (Coulomb exchange).

Routes that share no code: the Dirac traces of the vertex (3) with A₀ = e ρ/Q² on an infinitely
heavy target (:func:`sumrules.theory.scattering.coulomb_exchange_coefficient`), the two-body
traces of Eq. (1) with the free-electron response δ(T − Q²/2m) substituted exactly, and a
nascent delta (a Gaussian of width w, w → 0 by Richardson extrapolation) integrated numerically.
The printed coefficient 4πα μ²/Q² is read off the printed statement; it holds with the Gaussian
μ_ν (as the first form of Eq. (1)), not with the Heaviside–Lorentz A₀ = √(4πα) ρ/q² written
before Eq. (4).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import mpmath
import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Tolerance, Variant
from sumrules.core.derivation import Derivation, Step
from sumrules.core.ledger import Context
from sumrules.core.numeric import precision
from sumrules.data.constants import ALPHA, ELECTRON_MASS
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
    coulomb_exchange_coefficient,
    e,
    express_in_convention,
    integrate_free_response,
    integrate_free_response_numeric,
    m,
    matching_conventions,
    mu,
    nmm_dsigma_dT,
)

__all__ = ["CLAIMS", "PRINTED_EQ5", "PRINTED_EQ5_COEFFICIENT", "STRUCTURE_SUM"]

_N = sp.Symbol("n", integer=True, nonnegative=True)
#: Σ_n δ(T − E_n + E_0) |⟨n|ρ(q)|0⟩|², the structure function S(T, Q²)
STRUCTURE_SUM = sp.Sum(
    sp.DiracDelta(T - sp.Symbol("E_n") + sp.Symbol("E_0"))
    * sp.Abs(sp.Symbol(r"\langle n|\rho(\vec{q})|0\rangle")) ** 2,
    (_N, 0, sp.oo),
)
#: Eq. (5) as printed
PRINTED_EQ5 = sp.Eq(
    sp.Symbol(r"\frac{d^2\sigma_{(\mu)}}{dT\,dQ^2}"),
    4 * sp.pi * alpha * mu**2 / Q2 * STRUCTURE_SUM,
    evaluate=False,
)
#: The printed coefficient of the structure function, read off the printed statement.
PRINTED_EQ5_COEFFICIENT: sp.Expr = sp.simplify(PRINTED_EQ5.rhs / STRUCTURE_SUM)


@functools.cache
def _leading() -> sp.Expr:
    """The static-target coefficient at T/E → 0 and T²/Q² → 0: e²μ²/(4πQ²) (cached)."""
    return sp.limit(sp.limit(coulomb_exchange_coefficient() * Q2, E, sp.oo), T, 0) / Q2


@functools.cache
def _one_over_t(conv: Convention) -> sp.Expr:
    return sp.limit(express_in_convention(nmm_dsigma_dT(), conv), E, sp.oo)


COEFFICIENT_ROUTES = (
    Route(
        "Dirac traces for A₀ exchange on a static target (sympy), leading order",
        "spinor algebra",
        lambda c, ctx: express_in_convention(_leading(), c),
    ),
    Route(
        "a/Q² with a/T the two-body traces' 1/T term (∫ (a/Q²) δ(T − Q²/2m) dQ² = a/T)",
        "symbolic",
        lambda c, ctx: sp.simplify(T * _one_over_t(c) / Q2),
    ),
)
COEFFICIENT = Quantity(
    "leading Coulomb-exchange coefficient",
    cases=CONVENTIONS,
    routes=COEFFICIENT_ROUTES,
    printed=lambda c, ctx: PRINTED_EQ5_COEFFICIENT,
    label=lambda c: describe_conventions([c]),
)

_VARIANTS = {
    "1/Q⁴ instead of 1/Q²": 4 * sp.pi * alpha * mu**2 / Q2**2,
    "2πα instead of 4πα": 2 * sp.pi * alpha * mu**2 / Q2,
    "Q⁰ weight (point-like) instead of 1/Q²": 4 * sp.pi * alpha * mu**2 * sp.Integer(1),
}


def _free(coefficient: sp.Expr) -> Callable[[Convention, Context], sp.Expr]:
    return lambda c, ctx: integrate_free_response(coefficient)


FREE_ELECTRON_ROUTES = (
    Route("two-body traces of Eq. (1), E → ∞", "spinor algebra", lambda c, ctx: _one_over_t(c)),
    Route(
        "free response δ(T − Q²/2m) substituted exactly (no DiracDelta) into the "
        "static-target coefficient",
        "symbolic",
        lambda c, ctx: integrate_free_response(express_in_convention(_leading(), c)),
    ),
)
FREE_ELECTRON = Quantity(
    "Eq. (5) with S = δ(T − Q²/2m)",
    cases=CONVENTIONS,
    routes=FREE_ELECTRON_ROUTES,
    printed=_free(PRINTED_EQ5_COEFFICIENT),
    controls=tuple(Variant(f"coefficient with {k}", _free(v)) for k, v in _VARIANTS.items()),
    label=lambda c: describe_conventions([c]),
)

#: T = 1 keV, μ = 1, CODATA α and m_e
_A = sp.Rational(ALPHA.value.numerator, ALPHA.value.denominator)
_ME = sp.Rational(ELECTRON_MASS.value.numerator, ELECTRON_MASS.value.denominator)
_NUMBERS = {alpha: _A, mu: 1, m: _ME}


def _nascent_delta_limit(coefficient: sp.Expr, ctx: Context) -> mpmath.mpf:
    """Richardson-extrapolated (w → 0) value of ∫ f(Q²) g_w(T − Q²/2m) dQ² (Gaussian g_w)."""
    return _nascent_delta_at(sp.sympify(coefficient), ctx.dps)


@functools.cache
def _nascent_delta_at(coefficient: sp.Expr, dps: int) -> mpmath.mpf:
    f = sp.lambdify(Q2, coefficient.subs(_NUMBERS), "mpmath")
    with precision(dps):
        t_kev, me = mpmath.mpf(1), ELECTRON_MASS.mpf()
        widths = (mpmath.mpf("1e-3") * t_kev, mpmath.mpf("5e-4") * t_kev)
        vals = [integrate_free_response_numeric(f, t_kev, me, width=w, dps=dps) for w in widths]
        return (4 * vals[1] - vals[0]) / 3


NASCENT = "nascent delta (Gaussian of width w), w → 0 by Richardson, T = 1 keV"
AT_ONE_KEV_ROUTES = (
    Route(
        "exact substitution, CODATA α and m_e",
        "symbolic",
        lambda c, ctx: (
            integrate_free_response(express_in_convention(_leading(), c)).subs(_NUMBERS).subs(T, 1)
        ),
    ),
    Route(
        NASCENT,
        "quadrature",
        lambda c, ctx: _nascent_delta_limit(express_in_convention(_leading(), c), ctx),
    ),
)
AT_ONE_KEV_CONTROLS = (
    Variant(
        "nascent-delta route with 2πα",
        lambda c, ctx: _nascent_delta_limit(2 * sp.pi * alpha * mu**2 / Q2, ctx),
    ),
)
AT_ONE_KEV = Quantity(
    "Eq. (5) with S = δ(T − Q²/2m) at T = 1 keV, μ = 1",
    cases=CONVENTIONS,
    routes=AT_ONE_KEV_ROUTES,
    controls=AT_ONE_KEV_CONTROLS,
    tolerance=Tolerance(lambda ctx: 8),
    label=lambda c: describe_conventions([c]),
)


def _matches(f: Findings) -> list[str]:
    q = f[COEFFICIENT.name]
    return [c for c, ok in zip(q.cases, q.holds or [], strict=True) if ok]


def _summary(f: Findings) -> str:
    matches = _matches(f)
    qualified = verdict_from_conventions([matches]) == "qualified"
    free_exact = integrate_free_response(PRINTED_EQ5_COEFFICIENT)
    digits = f[AT_ONE_KEV.name].agreement[NASCENT]
    return (
        f"printed coefficient = leading Coulomb exchange in {describe_conventions(matches)}"
        f"{' only (Heaviside–Lorentz: αμ²/Q²)' if qualified else ''}; with "
        f"S = δ(T − Q²/2m) it gives {sp.sstr(free_exact)}, the 1/T term of Eq. (1) (exact; "
        f"nascent delta to {digits:.0f} digits); exact Coulomb factor (1 − T/2E)²(1 − T²/Q²)"
    )


def _derivation(f: Findings) -> list[Derivation]:
    exact_c, leading = coulomb_exchange_coefficient(), _leading()
    gauss = 4 * sp.pi * alpha * mu**2 / Q2
    eq1_first_over_t = 4 * sp.pi * alpha * mu**2 / T  # the 1/T term of Eq. (1), first form
    steps = [
        Step.definition(
            r"\frac{d^2\sigma}{dT\,dQ^2}",
            sp.latex(exact_c) + r"\; S(T,Q^2)",
            "traces with A₀ = e ρ/Q² only, phase space d³k'/(2π)³ with an infinitely heavy "
            "target (exact in E and T)",
        ),
        Step.checked(
            r"\lim_{T/E\to0,\ T^2/Q^2\to0} C",
            leading,
            "leading order: the (1 − T/2E)² and (1 − T²/Q²) factors → 1",
            predicate=lambda: sp.simplify(leading - e**2 * mu**2 / (4 * sp.pi * Q2)) == 0,
        ),
        Step.checked(
            r"\left.C\right|_{\rm Gaussian}",
            gauss,
            "e → √(4πα), μ → √(4π)μ (Gaussian μ)",
            predicate=lambda: "gaussian" in matching_conventions(gauss, leading),
        ),
        Step.checked(
            r"\left.C\right|_{\rm HL}",
            alpha * mu**2 / Q2,
            "e → √(4πα), μ unchanged (Heaviside–Lorentz μ)",
            predicate=lambda: (
                "heaviside-lorentz" in matching_conventions(alpha * mu**2 / Q2, leading)
            ),
        ),
        Step.checked(
            r"\int_0^\infty \frac{4\pi\alpha\mu^2}{Q^2}\,\delta\!\left(T - "
            r"\frac{Q^2}{2m}\right) dQ^2",
            eq1_first_over_t,
            "Q² = 2mu, dQ² = 2m du, sifting at u = T: the 1/T term of Eq. (1)",
            predicate=lambda: sp.simplify(integrate_free_response(gauss) - eq1_first_over_t) == 0,
        ),
        comparison_step(
            r"\text{printed coefficient}",
            gauss,
            "the printed coefficient against the Gaussian value",
            lambda: sp.simplify(PRINTED_EQ5_COEFFICIENT - gauss) == 0,
        ),
    ]
    title = "Eq. (5): Coulomb exchange with a static target, and its free-electron limit"
    return [Derivation(title, steps)]


EQ5_NOTES = (
    "The structure (weight 1/Q², normalization against Eq. (1)) holds in any convention; "
    "the printed coefficient uses the Gaussian μ_ν of Eq. (1)'s first form. The exact "
    "Coulomb-exchange coefficient carries (1 − T/2E)²(1 − T²/Q²): for the free electron "
    "Q² = 2mT so the second factor is 1 − T/2m, a relativistic correction; near the photon "
    "point Q² → T² Coulomb exchange alone vanishes and transverse exchange takes over "
    "(claim eq7)."
)
EQ5 = Claim(
    "eq5",
    title="Double-differential cross section on a static atom (Coulomb exchange)",
    printed=Printed(PRINTED_EQ5, where="Eq. (5)"),
    quantities=(COEFFICIENT, FREE_ELECTRON, AT_ONE_KEV),
    policy=lambda f: verdict_from_conventions([_matches(f)]),
    summary=_summary,
    derivations=_derivation,
    notes=EQ5_NOTES,
    cost=0.3,
    shares="scattering traces",
)

CLAIMS = (EQ5,)
