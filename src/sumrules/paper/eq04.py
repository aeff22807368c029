"""Eq. (4): the density operator ρ(q) = Σ_a exp(iq·r_a), and the sentence before it: the
Coulomb potential of the electrons A₀(q) = √(4πα) ρ(q)/q².

ρ(q) is judged on model atoms (:mod:`sumrules.models.hydrogenic.shells`: hydrogen 1s, helium
1s², lithium 1s²2s): ⟨0|ρ(0)|0⟩ = Z, |⟨0|ρ(q)|0⟩| ≤ Z, and ⟨0|ρ(q)|0⟩ is the Fourier transform
of the electron density (the printed sum evaluated by explicit angular and radial integration
against sympy's and mpmath's Fourier integrals and the closed forms). A₀ is judged by Poisson's
equation in the two unit conventions (:mod:`sumrules.theory.coulomb_field`): the printed
coefficient √(4πα) is the Heaviside–Lorentz one; in Gaussian units it is 4π√α. This is where
the package's Heaviside–Lorentz / Gaussian finding for Eqs. (1) and (5)–(7) originates.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Variant, digits
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import digits_text
from sumrules.core.ledger import Context
from sumrules.models.hydrogenic.shells import (
    HELIUM,
    HYDROGEN,
    MODEL_ATOMS,
    QR,
    ShellAtom,
    density,
    electron_count,
    electron_number,
    electron_number_numeric,
    form_factor,
    form_factor_closed,
    form_factor_numeric,
    plane_wave_expectation,
)
from sumrules.theory.conventions import (
    alpha,
    comparison_step,
    describe_conventions,
    verdict_from_conventions,
)
from sumrules.theory.coulomb_field import (
    CONVENTIONS,
    coulomb_coefficient,
    coulomb_coefficient_fourier,
    coulomb_coefficient_from_energy,
    coulomb_coefficient_numeric,
    laplacian_of_plane_wave,
)
from sumrules.theory.scattering import Convention

__all__ = ["CLAIMS", "PRINTED_A0", "PRINTED_EQ4", "printed_coefficient", "printed_summand"]

_Z = sp.Symbol("Z", integer=True, positive=True)
_A = sp.Symbol("a", integer=True, positive=True)
_QVEC = sp.Symbol(r"\vec{q}")
_Q2 = sp.Symbol(r"\vec{q}^{\,2}", positive=True)
RHO = sp.Function(r"\rho")(_QVEC)
#: Eq. (4) as printed
PRINTED_EQ4 = sp.Eq(RHO, sp.Sum(sp.exp(sp.I * QR), (_A, 1, _Z)), evaluate=False)
#: the sentence before Eq. (4): A₀(q) = √(4πα) ρ(q)/q²
PRINTED_A0 = sp.Eq(
    sp.Function("A_0")(_QVEC),
    sp.Mul(
        sp.Pow(sp.Mul(4, sp.pi, alpha, evaluate=False), sp.Rational(1, 2), evaluate=False),
        RHO,
        sp.Pow(_Q2, -1, evaluate=False),
        evaluate=False,
    ),
    evaluate=False,
)


def printed_coefficient(statement: sp.Eq) -> sp.Expr:
    """g/√α of a statement A₀ = g ρ/q² (the printed one: 2√π)."""
    return sp.simplify(statement.rhs * _Q2 / RHO / sp.sqrt(alpha))


def printed_summand(statement: sp.Eq) -> sp.Expr:
    """The summand of a statement ρ(q) = Σ_a f(q·r_a) (the printed one: exp(iq·r_a))."""
    return statement.rhs.function


def _printed_count(atom: ShellAtom, statement: sp.Eq = PRINTED_EQ4) -> sp.Expr:
    """The printed sum at q = 0 for an atom of Z electrons."""
    return statement.rhs.subs(QR, 0).subs(_Z, atom.Z).doit()


# ---------------------------------------------------------------------------------------------
# A₀ = g ρ/q²

Kappa = tuple[Convention, ShellAtom, sp.Rational]
_NEUTRAL_ATOM = "Gauss's law potential of the neutral atom, Fourier transforms by quadrature"


def _over_sqrt_alpha(expr: sp.Expr) -> sp.Expr:
    return sp.simplify(expr / sp.sqrt(alpha))


COUPLING_ROUTES = (
    Route(
        "Poisson's equation −∇²A₀ = g e n(r) with −∇²e^{iq·r} = q²e^{iq·r} (sympy)",
        "closed form",
        lambda c, ctx: _over_sqrt_alpha(coulomb_coefficient(c[0])),
    ),
    Route(
        "sympy Fourier transform of the point charge's potential g e/(4πr), e^{−λr}, λ → 0",
        "symbolic",
        lambda c, ctx: _over_sqrt_alpha(coulomb_coefficient_fourier(c[0])),
    ),
    Route(
        _NEUTRAL_ATOM,
        "quadrature",
        lambda c, ctx: coulomb_coefficient_numeric(c[0], density(c[1]), c[1].Z, c[2], dps=ctx.dps),
    ),
    Route(
        "two electrons at distance r interact with α/r in every convention: g = 4πα/e",
        "units",
        lambda c, ctx: _over_sqrt_alpha(coulomb_coefficient_from_energy(c[0])),
    ),
)
COUPLING_CONTROLS = (
    Variant(
        "A₀ = √α ρ/q² (the Gaussian charge in the rationalized Poisson equation)",
        lambda c, ctx: sp.Integer(1),
    ),
    Variant("A₀ = 4π√(4πα) ρ/q²", lambda c, ctx: 4 * sp.pi * 2 * sp.sqrt(sp.pi)),
    Variant(
        "A₀ = √(4πα) ρ/(4πq²) (the Green's function 1/(4πr) taken twice)",
        lambda c, ctx: 2 * sp.sqrt(sp.pi) / (4 * sp.pi),
    ),
)
COUPLING = Quantity(
    "g/√α in A₀(q) = g ρ(q)/q²",
    cases=[
        (conv, atom, q)
        for conv in CONVENTIONS
        for atom, q in ((HYDROGEN, sp.Rational(1, 2)), (HELIUM, sp.Integer(2)))
    ],
    routes=COUPLING_ROUTES,
    printed=lambda c, ctx: printed_coefficient(PRINTED_A0),
    controls=COUPLING_CONTROLS,
    tolerance=digits(5),
    label=lambda c: f"{describe_conventions([c[0]])}, {c[1].name}, q = {c[2]}",
)

# ---------------------------------------------------------------------------------------------
# ρ(q) on model atoms

ELECTRONS_ROUTES = (
    Route("sympy: ∫ n(r) d³r", "symbolic", lambda a, ctx: electron_number(a)),
    Route(
        "mpmath quadrature of ∫ n(r) d³r",
        "quadrature",
        lambda a, ctx: electron_number_numeric(a, dps=ctx.dps),
    ),
    Route(
        "one term exp(0) = 1 per electron, counted shell by shell",
        "enumeration",
        lambda a, ctx: electron_count(a),
    ),
)
ELECTRONS_CONTROLS = (
    Variant("ρ normalized per electron (Σ_a e^{iq·r_a}/Z)", lambda a, ctx: _printed_count(a) / a.Z),
    Variant("one term per occupied orbital (spin ignored)", lambda a, ctx: len(a.shells)),
)
ELECTRONS = Quantity(
    "⟨0|ρ(0)|0⟩",
    cases=MODEL_ATOMS,
    routes=ELECTRONS_ROUTES,
    printed=lambda a, ctx: _printed_count(a),
    controls=ELECTRONS_CONTROLS,
    tolerance=digits(5),
    label=lambda a: a.name,
)

FORM_CASES = [(atom, q) for atom in MODEL_ATOMS for q in (sp.Rational(1, 2), sp.Integer(3))]
QUADRATURE = "mpmath quadrature of 4π∫r² n(r) sin(qr)/(qr) dr"


def _expectation(summand: sp.Expr) -> Callable[[tuple[Any, ...], Context], Any]:
    return lambda c, ctx: plane_wave_expectation(c[0], summand, c[1])


FORM_FACTOR_ROUTES = (
    Route(
        "sympy radial Fourier integral of the density",
        "symbolic",
        lambda c, ctx: form_factor(*c),
    ),
    Route(
        "closed forms: 1s 16Z⁴/(4Z² + q²)² (models.hydrogenic.ground), 2s (1 − 3x² + 2x⁴)/(1 + x²)⁴",
        "closed form",
        lambda c, ctx: form_factor_closed(*c, dps=ctx.dps),
    ),
    Route(QUADRATURE, "quadrature", lambda c, ctx: form_factor_numeric(*c, dps=ctx.dps)),
)
FORM_FACTOR_CONTROLS = (
    Variant("exp(2iq·r_a) (the phase doubled)", _expectation(sp.exp(2 * sp.I * QR))),
    Variant("exp(iq·r_a/2) (the phase halved)", _expectation(sp.exp(sp.I * QR / 2))),
)
FORM_FACTOR = Quantity(
    "⟨0|ρ(q)|0⟩ = ∫ d³r e^{iq·r} n(r)",
    cases=FORM_CASES,
    routes=FORM_FACTOR_ROUTES,
    printed=_expectation(printed_summand(PRINTED_EQ4)),
    controls=FORM_FACTOR_CONTROLS,
    tolerance=digits(5),
    label=lambda c: f"{c[0].name}, q = {c[1]}",
)

BOUND_CASES = [(atom, q) for atom in MODEL_ATOMS for q in (0, sp.Rational(1, 2), 3, 10)]


def _bounded(c: tuple[ShellAtom, sp.Expr], ctx: Context, *, closed: bool = False) -> bool:
    atom, q = c
    value = form_factor_closed(atom, q, dps=ctx.dps) if closed else form_factor(atom, q)
    return bool(abs(value) <= atom.Z)


BOUND_ROUTES = (
    Route("sympy radial Fourier integral", "symbolic", _bounded),
    Route(
        "closed forms of the shells",
        "closed form",
        lambda c, ctx: _bounded(c, ctx, closed=True),
    ),
)
BOUND_CONTROLS = (
    Variant("strict bound |⟨0|ρ(q)|0⟩| < Z", lambda c, ctx: bool(abs(form_factor(*c)) < c[0].Z)),
    Variant(
        "bound Z − 1/2", lambda c, ctx: bool(abs(form_factor(*c)) <= c[0].Z - sp.Rational(1, 2))
    ),
)
BOUND = Quantity(
    "|⟨0|ρ(q)|0⟩| ≤ Z",
    cases=BOUND_CASES,
    routes=BOUND_ROUTES,
    printed=lambda c, ctx: True,
    controls=BOUND_CONTROLS,
    label=lambda c: f"{c[0].name}, q = {c[1]}",
)


def _a0_conventions(f: Findings) -> list[str]:
    q = f[COUPLING.name]
    return [
        conv
        for conv in CONVENTIONS
        if all(ok for c, ok in zip(q.cases, q.holds or [], strict=True) if c[0] == conv)
    ]


def _eq4_policy(f: Findings) -> str:
    if not all(f[q.name].all_hold for q in (ELECTRONS, FORM_FACTOR, BOUND)):
        return "refuted"
    return verdict_from_conventions([_a0_conventions(f)])


def _unicode(expr: sp.Expr) -> str:
    """2*sqrt(pi)*sqrt(alpha) → 2√π√α."""
    text = sp.sstr(expr).replace("sqrt(pi)", "√π").replace("sqrt(alpha)", "√α")
    return text.replace("pi", "π").replace("*", "")


def _eq4_summary(f: Findings) -> str:
    kappa = f[COUPLING.name]
    hl, ga = (kappa.value((conv, HYDROGEN, sp.Rational(1, 2))) for conv in CONVENTIONS)
    counts = ", ".join(str(f[ELECTRONS.name].value(a)) for a in MODEL_ATOMS)
    rho_ok = all(f[q.name].all_hold for q in (ELECTRONS, FORM_FACTOR, BOUND))
    return (
        f"ρ(q) {'holds' if rho_ok else 'FAILS'} on the model atoms H, He, Li: ⟨0|ρ(0)|0⟩ = {counts} "
        "= Z (sympy, quadrature, counting), |⟨0|ρ(q)|0⟩| ≤ Z, and ⟨0|ρ(q)|0⟩ is the Fourier "
        "transform of the density (hydrogen 1s: 16/(4 + q²)²; quadrature to "
        f"{digits_text(f[FORM_FACTOR.name].agreement[QUADRATURE], f.ctx.dps)} digits); "
        f"A₀ = √(4πα)ρ/q² holds in {describe_conventions(_a0_conventions(f))}"
        + (" only" if len(_a0_conventions(f)) == 1 else "")
        + f": Poisson's equation gives g = {_unicode(hl * sp.sqrt(alpha))} (Heaviside–Lorentz) "
        f"and {_unicode(ga * sp.sqrt(alpha))} (Gaussian), four routes (the neutral atom's "
        f"potential by quadrature to {digits_text(kappa.agreement[_NEUTRAL_ATOM], f.ctx.dps)} "
        "digits)"
    )


def _holds_in(conv: Convention, printed: sp.Expr) -> bool:
    return bool(sp.simplify(_over_sqrt_alpha(coulomb_coefficient(conv)) - printed) == 0)


def _eq4_derivation(f: Findings) -> list[Derivation]:
    q = sp.Symbol("q", positive=True)
    printed = printed_coefficient(PRINTED_A0)
    steps = [
        Step.checked(
            r"\rho(0)",
            _Z,
            "every term of the printed sum is exp(0) = 1: ρ(0) = Z, the number of electrons",
            predicate=lambda: sp.simplify(PRINTED_EQ4.rhs.subs(QR, 0).doit() - _Z) == 0,
        ),
        Step(
            r"|\langle 0|\rho(\vec q)|0\rangle|",
            r"\sum_a \langle 0|\,|e^{i\vec q\cdot\vec r_a}|\,|0\rangle = Z",
            "triangle inequality, |exp(iq·r)| = 1 for real q (checked on the model atoms)",
            relation="<=",
        ),
        Step.checked(
            r"-\nabla^2 e^{i\vec q\cdot\vec r} / e^{i\vec q\cdot\vec r}",
            laplacian_of_plane_wave(),
            "Cartesian derivatives (sympy): −∇² → q² in Fourier space",
            predicate=lambda: (
                sp.simplify(
                    laplacian_of_plane_wave()
                    - sum(s**2 for s in sp.symbols("q_x q_y q_z", real=True))
                )
                == 0
            ),
        ),
        Step.checked(
            r"\int d^3r\, e^{i\vec q\cdot\vec r}\,\frac{1}{4\pi r}",
            1 / q**2,
            "the Green's function of −∇² (Yukawa-regulated radial integral, λ → 0)",
            predicate=lambda: (
                sp.simplify(
                    coulomb_coefficient_fourier("heaviside-lorentz")
                    - coulomb_coefficient("heaviside-lorentz")
                )
                == 0
            ),
        ),
        *[
            comparison_step(
                rf"\kappa_{{\rm {'HL' if conv == 'heaviside-lorentz' else 'G'}}}",
                coulomb_coefficient(conv),
                f"Poisson's equation in {describe_conventions([conv])} against the printed √(4πα)",
                functools.partial(_holds_in, conv, printed),
            )
            for conv in CONVENTIONS
        ],
        Step.checked(
            r"\langle 1s|\rho(\vec q)|1s\rangle",
            16 / (4 + q**2) ** 2,
            "the printed sum for hydrogen: angular average 2 sin(qr)/(qr), radial integral (sympy)",
            predicate=lambda: (
                sp.simplify(
                    plane_wave_expectation(HYDROGEN, printed_summand(PRINTED_EQ4), 1)
                    - sp.Rational(16, 25)
                )
                == 0
            ),
        ),
    ]
    return [Derivation("Eq. (4): the density operator and the Coulomb potential A₀", steps)]


EQ4_NOTES = (
    "The paper does not state its unit convention. A₀ = √(4πα)ρ/q² is the Heaviside–Lorentz "
    "potential (∇·E = ρ, e² = 4πα); with it the vertex (3) gives αμ²/Q² in Eq. (5) (claim "
    "eq3), while Eqs. (1) (first form), (5) and (6) print the factor 4παμ², which needs the "
    "Gaussian normalization μ_G = μ_HL/√(4π) (claims eq1, eq5). Physical results in μ_ν/μ_B (the "
    "second form of Eq. (1), and the sum rules) do not depend on the choice. The sign of the "
    "electron charge is dropped, as in the paper: only |A₀|² enters."
)
EQ4 = Claim(
    "eq4",
    title="The electron density operator and the Coulomb potential of the electrons",
    printed=Printed(
        PRINTED_EQ4,
        where="Eq. (4) and the sentence before it",
        latex_override=sp.latex(PRINTED_A0) + r",\qquad " + sp.latex(PRINTED_EQ4),
    ),
    quantities=(COUPLING, ELECTRONS, FORM_FACTOR, BOUND),
    policy=_eq4_policy,
    summary=_eq4_summary,
    derivations=_eq4_derivation,
    notes=EQ4_NOTES,
    cost=4.0,
)

CLAIMS = (EQ4,)
