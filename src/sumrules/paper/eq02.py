"""Eq. (2): the electroweak cross section on a free electron and its number; the sentence on
the Ge K_α line (the atomic scale ε₀).

Routes that share no code: the four-fermion Dirac traces (sympy), the textbook Vogel–Engel
formula, explicit Dirac spinors summed numerically (mpmath), and two conversions keV⁻² → cm²
(exact SI constants; PDG's (ħc)²). The printed statement is a sympy expression: the coefficient
that every route is compared with is read off it (:data:`PRINTED_EQ2_COEFFICIENT`).
"""

from __future__ import annotations

import mpmath
import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Tolerance, Variant
from sumrules.core.claim import digits as digits_tolerance
from sumrules.core.derivation import Derivation, Step
from sumrules.core.format import expression, percent, rounds_to
from sumrules.core.ledger import Context
from sumrules.core.numeric import precision
from sumrules.data.constants import (
    ALPHA,
    ELECTRON_MASS,
    GE_K_ALPHA,
    GE_Z,
    HARTREE,
    RYDBERG_ENERGY,
    SIN2_THETA_W_DEFAULT,
    SIN2_THETA_W_LOW_ENERGY,
    SIN2_THETA_W_MSBAR_MZ,
    SIN2_THETA_W_ON_SHELL,
    Constant,
)
from sumrules.data.units import hbar_c_kev_cm
from sumrules.models.hydrogenic.ground import discrete_excitation_energy
from sumrules.paper.eq01 import POINTS
from sumrules.theory.conventions import comparison_step
from sumrules.theory.scattering import (
    G_F,
    SIN2_W,
    E,
    T,
    electroweak_couplings,
    g_A,
    g_V,
    m,
    vogel_engel_dsigma_dT,
    weak_dsigma_dT,
    weak_dsigma_dT_low_T_cm2_per_kev,
    weak_low_T_coefficient,
    weak_prefactor_cm2_per_kev,
    weak_squared_amplitude,
    weak_squared_amplitude_spinors,
)

__all__ = [
    "CLAIMS",
    "CORRECTED_EQ2",
    "PRINTED_EQ2",
    "PRINTED_EQ2_COEFFICIENT",
    "PRINTED_EW_DIGITS",
    "PRINTED_EW_VALUE",
    "PRINTED_GE_KALPHA",
    "PRINTED_KALPHA",
]

_SIN2 = sp.Symbol(r"\sin^{2}\theta_{W}", positive=True)
_M_E = sp.Symbol("m_e", positive=True)
_E_NU = sp.Symbol(r"E_{\nu}", positive=True)
#: "O(x)": a correction of relative order x (dropped when the statement is evaluated)
ORDER = sp.Function("O")
DSIGMA_EW = sp.Symbol(r"\frac{d\sigma_{EW}}{dT}")

#: The printed number of Eq. (2), in cm²/keV, and how many significant digits it carries.
PRINTED_EW_VALUE = "5e-48"
PRINTED_EW_DIGITS = 1


def _formula(coefficient: sp.Expr) -> sp.Eq:
    return sp.Eq(DSIGMA_EW, coefficient * (1 + ORDER(T / _E_NU)), evaluate=False)


def _sci(text: str) -> str:
    """'5e-48' → '5 \\times 10^{-48}'."""
    mantissa, exponent = text.lower().split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


#: Eq. (2) as printed: G_F² m_e/(2π) (1 + 4 sin²θ_W + 8 sin⁴θ_W) [1 + O(T/E_ν)] ≈ 5e-48 cm²/keV
PRINTED_EQ2 = _formula(G_F**2 * _M_E / (2 * sp.pi) * (1 + 4 * _SIN2 + 8 * _SIN2**2))


def statement_coefficient(statement: sp.Eq) -> sp.Expr:
    """The T → 0 value of a statement of the form of Eq. (2): O(…) → 0, in the symbols of
    :mod:`sumrules.theory.scattering` (m, s_W²)."""
    rhs = statement.rhs.replace(ORDER, lambda x: 0)
    return sp.expand(rhs).xreplace({_SIN2: SIN2_W, _M_E: m}).factor()


#: The printed T → 0 value of Eq. (2): prefactor times coefficient.
PRINTED_EQ2_COEFFICIENT: sp.Expr = statement_coefficient(PRINTED_EQ2)


def _statement_latex(statement: sp.Eq, value: str) -> str:
    return sp.latex(statement) + rf" \approx {_sci(value)}\ \text{{cm}}^2/\text{{keV}}"


def _corrected_value() -> str:
    return str(mpmath.nstr(weak_dsigma_dT_low_T_cm2_per_kev(dps=30), 2))


CORRECTED_EQ2 = Printed(
    PRINTED_EQ2, latex_override=_statement_latex(PRINTED_EQ2, _corrected_value())
)


def _physical_couplings(s2: sp.Expr) -> dict[sp.Symbol, sp.Expr]:
    """g_V, g_A of ν_e (or ν̄_e) on electrons, charged current Fierzed in."""
    return {g_V: sp.Rational(1, 2) + 2 * s2, g_A: sp.Rational(1, 2)}


def _traces(case: str) -> sp.Expr:
    return weak_dsigma_dT(antineutrino=case == "antineutrino").subs(_physical_couplings(SIN2_W))


def _vogel_engel(case: str, *, flip: bool = True) -> sp.Expr:
    anti = case == "antineutrino" and flip
    return vogel_engel_dsigma_dT(*electroweak_couplings(SIN2_W, antineutrino=anti))


CASES = ("antineutrino", "neutrino")
LOW_T_ROUTES = (
    Route(
        "Dirac traces, neutrino and antineutrino (sympy)",
        "spinor algebra",
        lambda c, ctx: sp.factor(_traces(c).subs(T, 0)),  # a polynomial in T
    ),
    Route(
        "Vogel–Engel textbook bracket (g_V + g_A)² + (g_V − g_A)²",
        "closed form",
        lambda c, ctx: G_F**2 * m / (2 * sp.pi) * weak_low_T_coefficient(SIN2_W),
    ),
)
LOW_T_CONTROLS = (
    Variant(
        "printed coefficient replaced by the ν_μ one, 1 − 4s² + 8s⁴",
        lambda c, ctx: G_F**2 * m / (2 * sp.pi) * (1 - 4 * SIN2_W + 8 * SIN2_W**2),
    ),
)
LOW_T = Quantity(
    "dσ/dT at T → 0",
    cases=CASES,
    routes=LOW_T_ROUTES,
    printed=lambda c, ctx: PRINTED_EQ2_COEFFICIENT,
    controls=LOW_T_CONTROLS,
)

FULL_T_ROUTES = (
    Route("Dirac traces (sympy)", "spinor algebra", lambda c, ctx: _traces(c)),
    Route(
        "Vogel–Engel, g_A flipped for the antineutrino",
        "closed form",
        lambda c, ctx: _vogel_engel(c),
    ),
)
FULL_T_CONTROLS = (
    Variant(
        "Vogel–Engel for anti-ν without flipping g_A (full T dependence)",
        lambda c, ctx: _vogel_engel(c, flip=False),
        lambda c: c == "antineutrino",
    ),
)
FULL_T = Quantity(
    "dσ/dT, full T dependence",
    cases=CASES,
    routes=FULL_T_ROUTES,
    controls=FULL_T_CONTROLS,
)


def _default_couplings(ctx: Context) -> tuple[sp.Float, sp.Float]:
    couplings = _physical_couplings(sp.Rational(SIN2_THETA_W_DEFAULT.printed))
    return sp.Float(couplings[g_V], ctx.dps + 5), sp.Float(couplings[g_A], ctx.dps + 5)


def _amplitude_traces(point: tuple[str, str], ctx: Context) -> mpmath.mpf:
    """The trace result, exact, then evaluated at the working precision."""
    couplings = _physical_couplings(sp.Rational(SIN2_THETA_W_DEFAULT.printed))
    amp = weak_squared_amplitude(antineutrino=True).subs({G_F: 1, **couplings})
    me = sp.Rational(ELECTRON_MASS.value.numerator, ELECTRON_MASS.value.denominator)
    exact = amp.subs({E: sp.Rational(point[0]), T: sp.Rational(point[1]), m: me})
    with precision(ctx.dps):
        return mpmath.mpf(sp.N(exact, ctx.dps + 10))


def _amplitude_spinors(point: tuple[str, str], ctx: Context, sign: int = 1) -> mpmath.mpf:
    gv, ga = _default_couplings(ctx)
    with precision(ctx.dps):
        en, t = mpmath.mpf(point[0]), mpmath.mpf(point[1])
        me = ELECTRON_MASS.mpf()
        return weak_squared_amplitude_spinors(
            en, t, me, gv, sign * ga, antineutrino=True, dps=ctx.dps
        )


SPINORS = "explicit Dirac spinors (mpmath), anti-ν_e"
SQUARED_AMPLITUDE_ROUTES = (
    Route("Dirac traces (sympy)", "spinor algebra", _amplitude_traces),
    Route(SPINORS, "spinor algebra", _amplitude_spinors),
)
SQUARED_AMPLITUDE_CONTROLS = (
    Variant(
        "spinor sum with electron vertex g_V + g_A γ5",
        lambda c, ctx: _amplitude_spinors(c, ctx, sign=-1),
    ),
)
SQUARED_AMPLITUDE = Quantity(
    f"spin-summed |M|² at G_F = 1, sin²θ_W = {SIN2_THETA_W_DEFAULT.printed}",
    cases=POINTS,
    routes=SQUARED_AMPLITUDE_ROUTES,
    controls=SQUARED_AMPLITUDE_CONTROLS,
    tolerance=digits_tolerance(5),
    label=lambda c: f"(E, T) = ({c[0]}, {c[1]}) keV",
)

SIN2_CHOICES: tuple[tuple[str, Constant], ...] = (
    ("MS-bar at M_Z", SIN2_THETA_W_MSBAR_MZ),
    ("MS-bar at Q² → 0 (default)", SIN2_THETA_W_LOW_ENERGY),
    ("on-shell 1 − M_W²/M_Z²", SIN2_THETA_W_ON_SHELL),
)
DEFAULT = SIN2_CHOICES[1][0]
SI = "keV⁻² → cm² with (ħc)² from the exact SI constants"
PDG = "keV⁻² → cm² with PDG's (ħc)² = 0.3893793721 GeV² mb"


def _number(name: str, route: str, ctx: Context) -> mpmath.mpf:
    s2 = dict(SIN2_CHOICES)[name].value
    return weak_dsigma_dT_low_T_cm2_per_kev(s2, route=route, dps=ctx.dps)  # type: ignore[arg-type]


def _without_one_hbar_c(name: str, ctx: Context) -> mpmath.mpf:
    with precision(ctx.dps):
        return _number(name, "si", ctx) / hbar_c_kev_cm()


CM2_PER_KEV_ROUTES = (
    Route(SI, "units", lambda c, ctx: _number(c, "si", ctx)),
    Route(PDG, "units", lambda c, ctx: _number(c, "pdg", ctx)),
)
CM2_PER_KEV = Quantity(
    "G_F²m/(2π)(1 + 4s² + 8s⁴) in cm²/keV",
    cases=[name for name, _ in SIN2_CHOICES],
    routes=CM2_PER_KEV_ROUTES,
    controls=(Variant("conversion with ħc instead of (ħc)²", _without_one_hbar_c),),
    tolerance=Tolerance(lambda ctx: 8),  # PDG prints (ħc)² to 10 digits
    label=lambda c: f"sin²θ_W = {float(dict(SIN2_CHOICES)[c].value):.5f} ({c})",
)


def _rounded(value: mpmath.mpf) -> sp.Rational:
    """``value`` rounded to the printed number of significant digits, as an exact number."""
    return sp.Rational(str(mpmath.nstr(value, PRINTED_EW_DIGITS, strip_zeros=False)))


ROUNDED_ROUTES = (
    Route(SI, "units", lambda c, ctx: _rounded(_number(c, "si", ctx))),
    Route(PDG, "units", lambda c, ctx: _rounded(_number(c, "pdg", ctx))),
)
ROUNDED = Quantity(
    "Eq. (2) to the printed digits (cm²/keV)",
    cases=(DEFAULT,),
    routes=ROUNDED_ROUTES,
    printed=lambda c, ctx: sp.Rational(PRINTED_EW_VALUE),
    show=lambda v: f"{float(v):.{PRINTED_EW_DIGITS}g}",
)


def _spin_digits(f: Findings) -> float:
    return f[SQUARED_AMPLITUDE.name].agreement[SPINORS]


def _eq2_policy(f: Findings) -> str:
    return "verified" if f[LOW_T.name].all_hold and f[ROUNDED.name].all_hold else "corrected"


def _eq2_summary(f: Findings) -> str:
    numbers = f[CM2_PER_KEV.name]
    si = numbers.value(DEFAULT)
    if f[LOW_T.name].all_hold and f[ROUNDED.name].all_hold:
        return f"formula and number hold: {mpmath.nstr(si, 3)} cm²/keV"
    if not f[LOW_T.name].all_hold:
        return f"coefficient differs from the traces ({expression(f[LOW_T.name].value(CASES[0]))})"
    lo, hi = min(numbers.reference), max(numbers.reference)
    printed = f"{float((f[ROUNDED.name].printed or [0])[0]):.{PRINTED_EW_DIGITS}g}"
    with precision(f.ctx.dps):
        factor = si / mpmath.mpf(printed)
    return (
        f"formula verified (traces = Vogel–Engel = 1 + 4s² + 8s⁴; spinors to "
        f"{_spin_digits(f):.0f} digits); number is {mpmath.nstr(si, 3)} cm²/keV, not "
        f"{printed} (factor {mpmath.nstr(factor, 3)}); "
        f"{mpmath.nstr(lo, 3)}–{mpmath.nstr(hi, 3)} over sin²θ_W choices"
    )


def _eq2_notes(f: Findings) -> str:
    numbers = f[CM2_PER_KEV.name]
    rows = [
        f"sin²θ_W = {float(dict(SIN2_CHOICES)[c].value):.5f} ({c}): {mpmath.nstr(v, 4)} cm²/keV"
        for c, v in numbers
    ]
    spread = [rounds_to(v, PRINTED_EW_VALUE, PRINTED_EW_DIGITS) for _, v in numbers]
    half = [v / 2 for _, v in numbers]
    prefactor = weak_prefactor_cm2_per_kev(dps=f.ctx.dps)
    return (
        "Values of the T → 0 cross section for the three conventions of the weak mixing angle: "
        + "; ".join(rows)
        + f". Each rounds to the printed {PRINTED_EW_VALUE}: "
        + ", ".join(str(b) for b in spread)
        + f". G_F²m/(2π) alone is {mpmath.nstr(prefactor, 5)} cm²/keV. Half of each value "
        "(the prefactor G_F²m/(4π), as in Eq. (14), left unintegrated) would be "
        + ", ".join(mpmath.nstr(v, 3) for v in half)
        + " cm²/keV; rounds to the printed value: "
        + ", ".join(str(rounds_to(v, PRINTED_EW_VALUE, PRINTED_EW_DIGITS)) for v in half)
        + ". The printed formula itself, and Eq. (14) integrated with Eq. (15), give the full "
        "value."
    )


def _eq2_derivation(f: Findings) -> list[Derivation]:
    s2 = SIN2_W
    exact = dict(f[LOW_T.name])
    full_anti = _traces("antineutrino")
    first_order = sp.factor(sp.cancel(sp.diff(full_anti, T).subs(T, 0) / exact["antineutrino"]))
    numbers = f[CM2_PER_KEV.name]
    si = numbers.value(DEFAULT)
    prefactor = weak_prefactor_cm2_per_kev(dps=f.ctx.dps)
    number_ok = f[ROUNDED.name].all_hold
    printed = (f[ROUNDED.name].printed or [sp.Rational(PRINTED_EW_VALUE)])[0]
    steps = [
        Step.definition(
            r"(g_V, g_A)",
            r"\left(\tfrac12 + 2s_W^2,\ \tfrac12\right)",
            "ν_e and anti-ν_e on electrons: neutral current plus the Fierzed charged current",
        ),
        Step.checked(
            r"\lim_{T\to 0}\frac{d\sigma_{\bar\nu e}}{dT}",
            exact["antineutrino"],
            "antineutrino traces",
            predicate=lambda: sp.simplify(exact["antineutrino"] - PRINTED_EQ2_COEFFICIENT) == 0,
        ),
        Step.checked(
            r"\lim_{T\to 0}\frac{d\sigma_{\nu e}}{dT}",
            exact["neutrino"],
            "neutrino traces: the same limit",
            predicate=lambda: sp.simplify(exact["neutrino"] - PRINTED_EQ2_COEFFICIENT) == 0,
        ),
        Step.checked(
            r"(g_V+g_A)^2 + (g_V-g_A)^2",
            weak_low_T_coefficient(s2),
            "Vogel–Engel bracket at T/E → 0",
            predicate=lambda: sp.expand(weak_low_T_coefficient(s2) - (1 + 4 * s2 + 8 * s2**2)) == 0,
        ),
        comparison_step(
            r"\text{printed } \tfrac{G_F^2 m_e}{2\pi}(1 + 4s_W^2 + 8s_W^4)",
            exact["antineutrino"],
            "the printed T → 0 value against the traces",
            lambda: f[LOW_T.name].all_hold,
        ),
        Step.checked(
            r"\left.\frac{d}{dT}\frac{d\sigma/dT}{d\sigma/dT|_{T=0}}\right|_{T=0}",
            first_order,
            "the correction is linear in T, of order 1/E (and m/E²)",
            method="sympy: derivative is finite and nonzero",
            predicate=lambda: first_order != 0 and first_order.has(E),
        ),
        Step.checked(
            r"\frac{G_F^2 m_e}{2\pi}",
            rf"{mpmath.nstr(prefactor, 6)}\ \text{{cm}}^2/\text{{keV}}",
            "PDG G_F, CODATA m_e, (ħc)² from the exact SI constants",
            method="mpmath: SI and PDG routes agree",
            predicate=lambda: numbers.agreement[PDG] >= 8,
        ),
        Step.checked(
            rf"{mpmath.nstr(si, 4)}\ \text{{cm}}^2/\text{{keV}}",
            rf"{_sci(f'{float(printed):.{PRINTED_EW_DIGITS}g}')}\ \text{{cm}}^2/\text{{keV}}",
            f"the value at sin²θ_W = {SIN2_THETA_W_DEFAULT.printed} against the "
            "printed one (one significant digit)",
            method="mpmath: rounded to one digit",
            relation="=" if number_ok else "!=",
            predicate=lambda: number_ok == (_rounded(si) == printed),
        ),
    ]
    return [Derivation("The T → 0 limit of the four-fermion traces and its size", steps)]


EQ2 = Claim(
    "eq2",
    title="Electroweak scattering on a free electron at T ≪ E_ν",
    printed=Printed(
        PRINTED_EQ2,
        where="Eq. (2)",
        latex_override=_statement_latex(PRINTED_EQ2, PRINTED_EW_VALUE),
    ),
    quantities=(LOW_T, FULL_T, SQUARED_AMPLITUDE, CM2_PER_KEV, ROUNDED),
    policy=_eq2_policy,
    summary=_eq2_summary,
    derivations=_eq2_derivation,
    corrected=lambda f: CORRECTED_EQ2 if _eq2_policy(f) == "corrected" else None,
    notes=_eq2_notes,
    cost=0.6,
)

# ---------------------------------------------------------------------------------------------
# the sentence on the Ge K_α line (after Eq. (2))

PRINTED_KALPHA = (
    r"``Such energies however are comparable to the characteristic atomic energies "
    r"$\varepsilon_0$ in Ge, for which a representative value can be that of the $K_\alpha$ "
    r"line 9.89 keV.''"
)
PRINTED_GE_KALPHA = "9.89"
_CITED = "cited, not checkable here"


def _moseley(z_screened: int, upper: sp.Rational, ctx: Context) -> mpmath.mpf:
    """(Z_eff)² (1 − 1/n²) Ry in keV, with ``upper`` = 1 − 1/n²."""
    with precision(ctx.dps):
        return z_screened**2 * mpmath.mpf(upper.p) / upper.q * RYDBERG_ENERGY.mpf() / 1000


def _z() -> int:
    return int(GE_Z.value)


def _relativistic_size() -> mpmath.mpf:
    """(Zα)²/2: the relative size of relativistic corrections to a hydrogenic K line."""
    return (_z() * ALPHA.mpf()) ** 2 / 2


def _moseley_hartree(c: str, ctx: Context) -> mpmath.mpf:
    with precision(ctx.dps):
        return (_z() - 1) ** 2 * (1 - mpmath.mpf(1) / 4) / 2 * HARTREE.mpf() / 1000


def _hydrogenic_line(c: str, ctx: Context) -> mpmath.mpf:
    with precision(ctx.dps):
        gap = discrete_excitation_energy(2, Z=_z() - 1, dps=ctx.dps)
        return gap * HARTREE.mpf() / 1000


MOSELEY = "Moseley (Z − 1)²(1 − 1/4) Ry, CODATA Rydberg energy"
KALPHA_MOSELEY_ROUTES = (
    Route(MOSELEY, "closed form", lambda c, ctx: _moseley(_z() - 1, sp.Rational(3, 4), ctx)),
    Route("the same with the CODATA hartree, (Z − 1)²(3/8) E_h", "units", _moseley_hartree),
    Route(
        "hydrogenic 2p → 1s gap of charge Z − 1 (models.hydrogenic), CODATA hartree",
        "model",
        _hydrogenic_line,
    ),
)
KALPHA_MOSELEY = Quantity(
    "Ge K_α by Moseley's law (keV)",
    cases=("Ge",),
    routes=KALPHA_MOSELEY_ROUTES,
    tolerance=Tolerance(lambda ctx: 9),
)

KALPHA_PRINTED_ROUTES = (
    Route(MOSELEY, "closed form", lambda c, ctx: _moseley(_z() - 1, sp.Rational(3, 4), ctx)),
)
KALPHA_PRINTED_CONTROLS = (
    Variant(
        "Moseley with Z instead of Z − 1", lambda c, ctx: _moseley(_z(), sp.Rational(3, 4), ctx)
    ),
    Variant(
        "Moseley with K_β (8/9 instead of 3/4)",
        lambda c, ctx: _moseley(_z() - 1, sp.Rational(8, 9), ctx),
    ),
)
KALPHA_PRINTED = Quantity(
    "the printed K_α against Moseley, within (Zα)²/2",
    cases=("Ge",),
    routes=KALPHA_PRINTED_ROUTES,
    printed=lambda c, ctx: mpmath.mpf(PRINTED_GE_KALPHA),
    controls=KALPHA_PRINTED_CONTROLS,
    tolerance=Tolerance(lambda ctx: float(-mpmath.log10(_relativistic_size()))),
)

KALPHA_TABLE_ROUTES = (
    Route(
        "GE_K_ALPHA (X-ray data: K_α1 = 9.886 keV, cited as 9.89)",
        "table",
        lambda c, ctx: sp.Rational(GE_K_ALPHA.value.numerator, GE_K_ALPHA.value.denominator),
    ),
)
KALPHA_TABLE = Quantity(
    "the printed K_α against the tabulated constant",
    cases=("Ge",),
    routes=KALPHA_TABLE_ROUTES,
    printed=lambda c, ctx: sp.Rational(PRINTED_GE_KALPHA),
)


def _kalpha_summary(f: Findings) -> str:
    ry = f[KALPHA_PRINTED.name].value("Ge")
    printed = f[KALPHA_PRINTED.name].printed
    assert printed is not None
    with precision(f.ctx.dps):
        deviation = abs(ry - printed[0]) / printed[0]
    if f[KALPHA_PRINTED.name].all_hold:
        return (
            f"{_CITED} (X-ray K_α1 = 9.886 keV); Moseley gives {mpmath.nstr(ry, 4)} keV, "
            f"{percent(deviation)} below {PRINTED_GE_KALPHA}, within the "
            f"{percent(_relativistic_size(), 1)} size of relativistic corrections (Zα)²/2"
        )
    return f"Moseley gives {mpmath.nstr(ry, 4)} keV, {percent(deviation, 1)} off"


GE_KALPHA = Claim(
    "text.ge-kalpha",
    title="The Ge K_α energy as the atomic scale ε₀",
    printed=Printed(text=PRINTED_KALPHA, where="after Eq. (2)"),
    quantities=(KALPHA_MOSELEY, KALPHA_PRINTED, KALPHA_TABLE),
    policy=lambda f: "qualified" if f[KALPHA_PRINTED.name].all_hold else "refuted",
    summary=_kalpha_summary,
    notes=lambda f: (
        "The printed value equals the tabulated constant used elsewhere: "
        f"{f[KALPHA_TABLE.name].all_hold}."
    ),
    anchor=2,
)

CLAIMS = (EQ2, GE_KALPHA)
