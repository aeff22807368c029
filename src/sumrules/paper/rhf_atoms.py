"""Eqs. (12) and (15) on argon and xenon with relativistic Hartree–Fock structure.

The published ionisation factors K(E, q) of argon and xenon (:mod:`sumrules.data.ionisation`)
are the whole atom's S(T, q), computed with the multipoles L ≤ 6. Per electron Eqs. (12) and
(15) say r = 1, for the atom r = N(T), the electrons bound below T (the stepping count, from
xraydb's edges). The tables give much less at large T; each claim shows, by two route families
that agree, that the shortfall is the tables' multipole cut and not the atom: the table
(family "table") against the shell model of germanium applied to the element with the same cut
(family "model", :mod:`sumrules.models.rhf_tables`). The uncut shell model, and the shell model
cut at L ≤ 3, are negative controls: both must be rejected. The two routes agree to 20% only
(:data:`TWENTY_PERCENT`): the model's radii (Slater's) and its ridge approximation of the cut
(measured by :mod:`sumrules.models.multipole_cut.points`) are its error bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sumrules.core.claim import Claim, Findings, Printed, Quantity, Route, Tolerance, Variant
from sumrules.core.ledger import Context
from sumrules.models.rhf_tables import bethe_point, ratio_point
from sumrules.theory.sum_rules import PRINTED_EQ12, PRINTED_EQ15

__all__ = ["BETHE", "CLAIMS", "EQ12_RHF", "EQ15_RHF", "R_EW", "R_NMM", "TWENTY_PERCENT"]

#: agreement to 0.7 digits: |a − b| ≤ 20% of b
TWENTY_PERCENT = Tolerance(lambda ctx: 0.7)
#: (element, T in keV): above the region where the shell model has no meaning for xenon's 4d
T_CASES = tuple((el, t) for el in ("Ar", "Xe") for t in (0.3, 1.0, 3.0, 9.0))
#: (element, q in 1/a₀) where the Bethe sum over T ≤ 10 keV is complete (ridge q²/2 ≪ 10 keV)
Q_CASES = tuple((el, q) for el in ("Ar", "Xe") for q in (1.0, 2.0, 5.0, 8.0))
Case = tuple[str, float]


def _point(field: str, lmax: int = 6) -> Callable[[Case, Context], Any]:
    return lambda c, ctx: getattr(ratio_point(c[0], c[1], lmax), field)


def _ratio(name: str, kind: str) -> Quantity:
    return Quantity(
        name,
        cases=T_CASES,
        routes=(
            Route("trapezoid in ln q over the RHF table (L ≤ 6)", "table", _point(f"table_{kind}")),
            Route(
                "shell model of germanium for the element, cut at L ≤ 6 (B on the ridge)",
                "model",
                _point(f"cut_{kind}"),
            ),
        ),
        printed=_point("stepping"),
        controls=(
            Variant("the uncut shell model", _point(f"model_{kind}")),
            Variant("the shell model cut at L ≤ 3", _point(f"cut_{kind}", 3)),
        ),
        tolerance=TWENTY_PERCENT,
        label=lambda c: f"{c[0]}, T = {c[1]:g} keV",
    )


R_NMM = _ratio("whole-atom r_nmm(T) of the table", "nmm")
R_EW = _ratio("whole-atom r_ew(T) of the table", "ew")


def _bethe(field: str, lmax: int = 6) -> Callable[[Case, Context], Any]:
    return lambda c, ctx: getattr(bethe_point(c[0], c[1], lmax), field)


BETHE = Quantity(
    "Bethe sum Σ(2T/q²)SΔT over T ≤ 10 keV (+ tail)",
    cases=Q_CASES,
    routes=(
        Route(
            "trapezoid in ln T over the RHF table, power-law tail", "table", _bethe("bethe_total")
        ),
        Route("closure Σ N_s B_s(q) of the shell model, L ≤ 6", "model", _bethe("closure")),
    ),
    printed=_bethe("electrons"),
    controls=(Variant("the closure cut at L ≤ 3", _bethe("closure", 3)),),
    tolerance=TWENTY_PERCENT,
    label=lambda c: f"{c[0]}, q = {c[1]:g}/a₀",
)


def _shares(f: Findings, name: str) -> str:
    q = f[name]
    parts = []
    for case, value, step in zip(
        q.cases, q.values[q.quantity.routes[0].method], q.printed or [], strict=False
    ):
        parts.append(f"{q.quantity.label(case)}: {float(value) / float(step):.2f}")
    return "; ".join(parts)


def _summary(name: str) -> Callable[[Findings], str]:
    def text(f: Findings) -> str:
        out = (
            f"The L ≤ 6 tables give r/N(T) = {_shares(f, name)}. The shell model with the same "
            "cut reproduces them to 20%; the uncut shell model (r ≈ N(T)) and the cut L ≤ 3 are "
            "rejected: the shortfall is the tables' multipole cut (the Compton peak of electrons "
            "with qr ≫ 6), not a failure of the sum rule."
        )
        if BETHE.name in f.quantities:
            out += f" Bethe sum over T ≤ 10 keV per electron: {_shares(f, BETHE.name)}."
        return out

    return text


def _policy(f: Findings) -> str:
    return "verified" if f.all_hold else "qualified"


EQ12_RHF = Claim(
    "eq12.argon-xenon",
    title="Eq. (12) in argon and xenon with relativistic Hartree–Fock structure",
    printed=Printed(PRINTED_EQ12, where="Eq. (12), for the whole atom: r_nmm = N(T)"),
    quantities=(R_NMM,),
    policy=_policy,
    summary=_summary(R_NMM.name),
    figures=("figures/argon_xenon.pdf",),
    anchor=12.5,
)

EQ15_RHF = Claim(
    "eq15.argon-xenon",
    title="Eq. (15) and the Bethe sum in argon and xenon with relativistic Hartree–Fock structure",
    printed=Printed(PRINTED_EQ15, where="Eq. (15), for the whole atom: r_ew = N(T)"),
    quantities=(R_EW, BETHE),
    policy=_policy,
    summary=_summary(R_EW.name),
    figures=("figures/argon_xenon.pdf",),
    anchor=15.5,
)

CLAIMS = (EQ12_RHF, EQ15_RHF)
