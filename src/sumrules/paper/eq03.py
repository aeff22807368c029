"""The sentence on the recoil of the atom (before Eq. (3)): T ≫ ε₀ m_e/M.

ε₀ m_e/M for Ge by mpmath and by exact rationals of the printed constants; the ratio at the
lowest energy transfer of interest.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath
import sympy as sp

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Variant, digits
from sumrules.core.ledger import Context
from sumrules.core.numeric import precision
from sumrules.data.constants import ATOMIC_MASS_UNIT, ELECTRON_MASS, GE_ATOMIC_WEIGHT, GE_K_ALPHA
from sumrules.theory.scattering import atomic_recoil_scale_kev

__all__ = ["CLAIMS", "PRINTED_RECOIL", "RECOIL_THRESHOLD_KEV"]

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

CLAIMS = (RECOIL,)
