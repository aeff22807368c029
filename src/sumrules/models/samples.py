"""Model atoms sampled for the sum rules: which atoms, at which energy transfers, by which routes.

Eqs. (12) and (15) say, per electron, r_nmm = T ∫ S dQ²/Q² = 1 and r_ew = (1/2m) ∫ S dQ² = 1
(:meth:`~sumrules.models.base.Atom.sum_rule_ratios`). A claim judges them atom by atom: a
:class:`Sample` is an atom with the energy transfers at which it is evaluated and the words for
its routes; :func:`ratio_quantity` makes it a :class:`~sumrules.core.claim.Quantity` whose routes
are the atom's own (:meth:`~sumrules.models.base.Atom.ratio_routes`, by family), so an atom
added to :data:`SAMPLES` becomes one more quantity in every claim that loops over them, compared
only with itself. :func:`atom_findings` reads the results back per atom and
:func:`sum_rule_verdict` turns them into a verdict: "verified" only if the statement holds for
*every* atom, so atoms where it holds cannot outvote one where it fails.

>>> [s.key for s in SAMPLES]
['free', 'oscillator', 'hydrogen 1s', 'hydrogen-like 1s']
>>> q = ratio_quantity(OSCILLATOR, NMM, printed=1)
>>> q.name, [r.family for r in q.routes], q.label(2)
('r_nmm, harmonic oscillator', ['closed form', 'symbolic'], 'T/ω = 2')
>>> sum_rule_verdict([AtomFinding("a", True, True), AtomFinding("b", False, True)])
'qualified'
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import mpmath
import sympy as sp

from sumrules.core.claim import Findings, Quantity, QuantityResult, Route, Tolerance, Variant
from sumrules.core.claim import digits as digits_tolerance
from sumrules.core.format import number
from sumrules.core.ledger import Context
from sumrules.core.numeric import precision
from sumrules.core.runner import show_value
from sumrules.models import free
from sumrules.models import oscillator as osc
from sumrules.models.base import Atom, RatioRoute
from sumrules.models.free import Free
from sumrules.models.hydrogenic.atom import Hydrogenic
from sumrules.models.oscillator import Oscillator

__all__ = [
    "EW",
    "FREE",
    "GE_OPEN_FAMILY",
    "GE_PERCENT",
    "HYDROGEN",
    "HYDROGEN_Z",
    "NMM",
    "OSCILLATOR",
    "RATIO_NAMES",
    "SAMPLES",
    "Z_SCALED",
    "AtomFinding",
    "Sample",
    "atom_findings",
    "free_ratio_with_weight",
    "germanium_atom_quantity",
    "germanium_findings",
    "germanium_open_quantities",
    "germanium_verdict",
    "oscillator_line_integrals",
    "oscillator_line_ratios",
    "ratio_quantity",
    "sum_rule_verdict",
]

#: which of the two ratios (the index into ``sum_rule_ratios``)
NMM, EW = 0, 1
RATIO_NAMES = ("r_nmm", "r_ew")


@dataclass(frozen=True)
class Sample:
    """An atom, the energy transfers a claim evaluates it at, and what its routes do.

    ``energies`` are in units of the atom's threshold (``unit`` names it: T/I, T/ω), or the
    energy transfer T itself when ``unit`` is None (the free electron has no threshold).
    ``methods`` maps a route family of :meth:`Atom.ratio_routes` to a description; ``title``
    names the atom in the evidence (default: its ``name``; give one where two atoms share it).
    """

    key: str
    atom: Atom
    energies: tuple[Any, ...]
    unit: str | None = "I"
    methods: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    title: str = ""

    @property
    def name(self) -> str:
        """How the atom is named in the evidence."""
        return self.title or self.atom.name

    def energy(self, x: Any, dps: int) -> Any:
        """T for the case ``x`` (exact for a sympy threshold, at ``dps`` + 10 digits otherwise)."""
        if self.unit is None:
            return x
        energy_at = getattr(self.atom, "energy_at", None)
        if energy_at is not None:
            return energy_at(x, dps=dps)
        threshold = self.atom.threshold
        if isinstance(threshold, sp.Basic):
            return sp.sympify(x) * threshold
        with precision(dps + 10):
            return mpmath.mpmathify(x) * self.atom.threshold

    def label(self, x: Any) -> str:
        """How a case is named in the evidence: ``T/I = 2``, ``T = 3/2``, ``T symbolic``."""
        if self.unit is None:
            return "T symbolic" if isinstance(x, sp.Symbol) else f"T = {x}"
        return f"T/{self.unit} = {x}"

    def method(self, family: str) -> str:
        return self.methods.get(family, family)


def _show(value: Any) -> str:
    if isinstance(value, mpmath.mpf):
        return number(value, 20)
    return show_value(value)


@functools.cache
def _both_ratios(route: RatioRoute, energy: Any, dps: int) -> Any:
    """(r_nmm, r_ew) of one route at one energy, cached: a route computes the two together, and
    a claim asks for them as two quantities (a pure function of its arguments)."""
    return route(energy, dps)


def _ratio(sample: Sample, route: RatioRoute, which: int) -> Callable[[Any, Context], Any]:
    return lambda x, ctx: _both_ratios(route, sample.energy(x, ctx.dps), ctx.dps)[which]


def ratio_quantity(
    sample: Sample,
    which: int,
    *,
    printed: Any = None,
    controls: tuple[Variant, ...] = (),
    extra_routes: tuple[Route, ...] = (),
    tolerance: Tolerance | None = None,
) -> Quantity:
    """The ratio ``which`` (:data:`NMM` or :data:`EW`) of one atom, by the atom's own routes.

    ``printed`` is what the paper's statement says the ratio is (the same for every energy;
    None: judged elsewhere). The tolerance is ``digits(5)`` (exact values compare exactly).
    """
    routes = tuple(
        Route(sample.method(family), family, _ratio(sample, compute, which))
        for family, compute in sample.atom.ratio_routes().items()
    )
    return Quantity(
        f"{RATIO_NAMES[which]}, {sample.name}",
        cases=sample.energies,
        routes=routes + extra_routes,
        printed=None if printed is None else (lambda x, ctx: printed),
        controls=controls,
        tolerance=tolerance or digits_tolerance(5),
        label=sample.label,
        show=_show,
    )


# --------------------------------------------------------------------------------------------
# the atoms


#: the electron mass of the free electron, kept symbolic
M = sp.Symbol("m", positive=True)

FREE = Sample(
    "free",
    Free(m=M),
    (sp.Symbol("T", positive=True), sp.Rational(3, 2)),
    unit=None,
    methods={
        "closed form": "δ(T − Q²/2m) substituted (u = T − Q²/2m)",
        "symbolic": "sympy's DiracDelta integrated over (0, ∞) (root in the interior)",
    },
)
OSCILLATOR = Sample(
    "oscillator",
    Oscillator(),
    (1, 2, 3, 4, 5),
    unit="ω",
    methods={
        "closed form": "cell average over |T − nω| < ω/2, factorial formula (n + j)!/n!",
        "symbolic": "cell average over |T − nω| < ω/2, sympy integrate of e^(−y)yⁿ/n!",
    },
)
_HYDROGEN_METHODS = {
    "quadrature": "tanh-sinh quadrature in q split at the Bethe ridge",
    "closed form": "closed form r(kappa) (Möbius substitution)",
}
HYDROGEN = Sample(
    "hydrogen 1s",
    Hydrogenic(1, 0, Z=1),
    ("1.001", "1.1", "1.5", "2", "5", "10", "100"),
    methods=_HYDROGEN_METHODS,
)
#: a random (seeded) nuclear charge for the Z scaling r(T, Z) = r(T/Z², 1)
Z_SCALED = f"{random.Random(105201801).uniform(2, 40):.6f}"
HYDROGEN_Z = Sample(
    "hydrogen-like 1s", Hydrogenic(1, 0, Z=Z_SCALED), ("2", "100"), methods=_HYDROGEN_METHODS
)

#: the atoms the sum rules are judged on (one quantity each in every claim that loops over them)
SAMPLES: tuple[Sample, ...] = (FREE, OSCILLATOR, HYDROGEN, HYDROGEN_Z)


# --------------------------------------------------------------------------------------------
# per-atom findings and the verdict


@dataclass(frozen=True)
class AtomFinding:
    """What one atom's quantity says about a sum rule.

    ``holds``: the printed value holds at every energy; ``approaches``: the deviation
    |r − printed| is smaller at the highest energy than at the lowest (the rule holds at least
    asymptotically); ``worst``/``deviation``: where |r − printed| is largest, and its size;
    ``where``: that case's label; ``quantity``: the name of the atom's quantity.
    """

    atom: str
    holds: bool
    approaches: bool
    worst: Any = None
    deviation: Any = 0
    where: str = ""
    quantity: str = ""


def _deviations(result: QuantityResult) -> list[Any]:
    targets = result.printed if result.printed is not None else [1] * len(result.cases)
    with precision(60):
        return [
            abs(mpmath.mpmathify(sp.N(v, 50)) - mpmath.mpmathify(sp.N(t, 50)))
            for v, t in zip(result.reference, targets, strict=True)
        ]


def _finding(result: QuantityResult) -> AtomFinding:
    devs = _deviations(result)
    worst = max(range(len(devs)), key=lambda i: devs[i])
    approaches = len(devs) > 1 and devs[-1] < devs[0]
    holds = result.all_hold if result.holds is not None else all(d == 0 for d in devs)
    atom = result.name.split(", ", 1)[-1]
    case = result.cases[worst]
    label = result.quantity.label(case)
    return AtomFinding(atom, holds, approaches, case, devs[worst], label, result.name)


def atom_findings(findings: Findings, which: int) -> list[AtomFinding]:
    """One :class:`AtomFinding` per quantity of :func:`ratio_quantity` for the ratio ``which``
    among the findings (in declaration order; cases in increasing energy; the deviation is from
    the printed value, or from 1 where there is none)."""
    prefix = f"{RATIO_NAMES[which]}, "
    return [_finding(r) for name, r in findings.quantities.items() if name.startswith(prefix)]


def sum_rule_verdict(atoms: Sequence[AtomFinding]) -> str:
    """ "verified" if the statement holds for every atom at every energy; "qualified" if it holds
    exactly for some atom and, for every atom where it fails, the failure shrinks towards large
    T; "refuted" otherwise (it fails everywhere, or fails without approaching).

    >>> sum_rule_verdict([AtomFinding("a", True, False), AtomFinding("b", True, False)])
    'verified'
    >>> sum_rule_verdict([AtomFinding("a", True, True), AtomFinding("b", False, False)])
    'refuted'
    >>> sum_rule_verdict([AtomFinding("a", False, True)])
    'refuted'
    """
    if not atoms:
        raise ValueError("no atom to judge the sum rule on")
    if all(a.holds for a in atoms):
        return "verified"
    if any(a.holds for a in atoms) and all(a.holds or a.approaches for a in atoms):
        return "qualified"
    return "refuted"


# --------------------------------------------------------------------------------------------
# pieces of the exact models the claims show, and deliberately wrong variants (controls)


def oscillator_line_ratios(n: int, strength: sp.Expr | None = None) -> tuple[sp.Expr, sp.Expr]:
    """The cell averages (n ∫ p dy/y, ∫ p dy) of oscillator line n with the strength p(y),
    y = Q²/2mω (default: the true e^{−y}yⁿ/n!; another strength is a wrong variant).

    >>> oscillator_line_ratios(2), oscillator_line_ratios(2, sp.exp(-osc.Y) * osc.Y**2)
    ((1, 1), (2, 2))
    """
    p = osc.line_strength(n, osc.Y) if strength is None else strength
    r_nmm = n * sp.integrate(p / osc.Y, (osc.Y, 0, sp.oo))
    r_ew = sp.integrate(p, (osc.Y, 0, sp.oo))
    return sp.simplify(r_nmm), sp.simplify(r_ew)


def oscillator_line_integrals(power: int, lines: int = 5) -> list[sp.Expr]:
    """∫_0^∞ p_n(y) y^power dy for n = 1..lines (sympy integrate).

    >>> oscillator_line_integrals(-1)
    [1, 1/2, 1/3, 1/4, 1/5]
    """
    y = osc.Y
    lines_ = range(1, lines + 1)
    return [sp.integrate(osc.line_strength(n, y) * y**power, (y, 0, sp.oo)) for n in lines_]


def free_ratio_with_weight(atom: Free, T: Any, power: int) -> sp.Expr:
    """T ∫ δ(T − Q²/2m) (Q²)^power dQ² for the free electron (power −1 is r_nmm; another power
    is a wrong weight).

    >>> free_ratio_with_weight(Free(), 3, -2)
    1/6
    """
    return sp.simplify(T * free.integrate_delta(free.Q2**power, T=T, m=atom.m))


# --------------------------------------------------------------------------------------------
# germanium, the shell model (sumrules.models.shells): per electron of the atom and per open
# electron, at the energies of the experiments (keV, as text)

#: "about a percent" (Kouzakov, Studenikin, Voloshin 2011): the stepping approximation's level
GE_PERCENT = mpmath.mpf("0.01")
#: the route families of the germanium quantities: the interpolants (series), the closed forms
#: r(κ) per subshell and, at one energy, the Coulomb-wave quadrature per open subshell itself.
#: The interpolants are built from the closed forms (degree 48), so "series" against "closed
#: form" checks the interpolation, not the closed forms; those are checked against the
#: Coulomb-wave route state by state (S to ≥ 25 digits, r to 16–29 digits at T/I ≤ 100) and
#: here on request (``live``). The route independent of r(κ) that the ledger always runs is the
#: tanh–sinh quadrature in q of every open subshell's closed-form S, at one energy
#: (:data:`GE_QUADRATURE_AT`).
GE_OPEN_FAMILY = "series"
#: the energy (keV) where the binding model's germanium quantities add the q-quadrature route
GE_QUADRATURE_AT = "2"
_GE_QUADRATURE = (
    "tanh–sinh quadrature in q of every open subshell's closed-form S (no r(κ), no "
    "interpolant), summed; at T = 2 keV"
)
_GE_SERIES = "Chebyshev–Radau interpolants (degree 48) of the per-state closed-form r(κ), summed"
_GE_LIVE = "Coulomb-wave quadrature per open subshell (no interpolant, no closed form), summed"
_GE_CLOSED = (
    "closed forms r(κ) of every subshell (n ≤ 4, derived from the exact S; no quadrature, no "
    "interpolant), summed"
)
#: the interpolants agree with the closed forms to their measured error (≤ 1.1 × 10⁻¹⁹ per
#: state); the live quadrature to ≲ 10⁻¹⁵
_GE_TOLERANCE = Tolerance(lambda ctx: 14)


def _ge_label(t: Any) -> str:
    return f"T = {t} keV"


def germanium_atom_quantity(
    which: int, energies: Sequence[str], live: str | None = None
) -> Quantity:
    """r of the whole Ge atom (binding model), normalised to 32 free electrons, against the
    printed 1 (Eq. (12) or (15) per electron of the atom). With ``live`` (an energy) a third
    route, the Coulomb-wave quadrature of every open subshell, runs there (tens of seconds:
    the ledger leaves it out; tests/models/test_shells.py and the curves' own checks compare
    it with the interpolants)."""
    from sumrules.models import germanium_curve as gc

    routes = [
        Route(
            _GE_SERIES,
            GE_OPEN_FAMILY,
            lambda t, ctx: gc.atom_ratio("binding", which, t, ctx.dps),
        ),
        Route(
            _GE_CLOSED,
            "closed form",
            lambda t, ctx: gc.closed_form_atom_ratio("binding", which, t, ctx.dps),
        ),
    ]
    if live is not None:
        routes.append(
            Route(
                _GE_LIVE,
                "quadrature",
                lambda t, ctx: gc.live_atom_ratio("binding", which, t, ctx.dps),
                applies=lambda t: t == live,
            )
        )
    return Quantity(
        f"Ge {RATIO_NAMES[which]} per electron of the atom (binding)",
        cases=tuple(energies),
        routes=tuple(routes),
        printed=lambda t, ctx: 1,
        controls=(
            Variant(
                "every electron free: the closed subshells counted with r = 1",
                lambda t, ctx: gc.all_free_ratio("binding", which, t, ctx.dps),
            ),
            Variant(
                "per open electron instead of per 32 (the stepping normalisation)",
                lambda t, ctx: gc.open_electron_ratio("binding", which, t, ctx.dps),
            ),
        ),
        tolerance=_GE_TOLERANCE,
        label=_ge_label,
        show=_show,
    )


def _open(
    model: str, which: int, *, count: int | None = None, closed_form: bool = False
) -> Callable[[Any, Context], Any]:
    from sumrules.models import germanium_curve as gc

    return lambda t, ctx: gc.open_electron_ratio(
        model, which, t, ctx.dps, count=count, closed_form=closed_form
    )


def _open_by_quadrature(which: int) -> Callable[[Any, Context], Any]:
    from sumrules.models import germanium_curve as gc

    return lambda t, ctx: gc.open_electron_ratio("binding", which, t, ctx.dps, quadrature=True)


def germanium_open_quantities(
    which: int, energies: Sequence[str], live: str | None = None
) -> tuple[Quantity, ...]:
    """ρ = 32 r/n(T) of Ge per open electron, both models (n(T) the model's open electrons;
    for "binding" the stepping count), named ``"r_nmm, Ge …"`` so that :func:`atom_findings`
    reads them like any atom (deviation from 1)."""
    from sumrules.models import germanium_curve as gc

    out = []
    for model in ("binding", "slater"):
        routes = [
            Route(_GE_SERIES, GE_OPEN_FAMILY, _open(model, which)),
            Route(_GE_CLOSED, "closed form", _open(model, which, closed_form=True)),
        ]
        controls = [
            Variant(
                "divided by all 32 electrons instead of the open ones",
                _open(model, which, count=32),
            )
        ]
        if model == "binding":
            routes.append(
                Route(
                    _GE_QUADRATURE,
                    "quadrature",
                    _open_by_quadrature(which),
                    applies=lambda t: t == GE_QUADRATURE_AT,
                )
            )
        if model == "binding" and live is not None:
            routes.append(
                Route(
                    _GE_LIVE,
                    "quadrature",
                    lambda t, ctx: gc.open_electron_ratio("binding", which, t, ctx.dps, live=True),
                    applies=lambda t: t == live,
                )
            )
        if model == "binding":
            controls.append(
                Variant(
                    "the K shell opened at the Kα line (9.886 keV) instead of the K edge",
                    lambda t, ctx: gc.open_electron_ratio(
                        "binding", which, t, ctx.dps, count=gc.kalpha_count(t)
                    ),
                    applies=lambda t: t == "10",
                )
            )
        out.append(
            Quantity(
                f"{RATIO_NAMES[which]}, Ge shell model per open electron ({model})",
                cases=tuple(energies),
                routes=tuple(routes),
                controls=tuple(controls),
                tolerance=_GE_TOLERANCE,
                label=_ge_label,
                show=_show,
            )
        )
    return tuple(out)


def germanium_findings(findings: Findings, which: int) -> dict[str, Any]:
    """What the germanium quantities of ratio ``which`` found: the per-atom values, whether the
    printed 1 holds for the atom, and the worst |ρ − 1| per open electron (where, which model).
    """
    atom = findings[f"Ge {RATIO_NAMES[which]} per electron of the atom (binding)"]
    open_ = [f for f in atom_findings(findings, which) if f.atom.startswith("Ge shell model")]
    worst = max(open_, key=lambda a: a.deviation)
    return {
        "atom": atom,
        "atom_holds": atom.all_hold,
        "open": open_,
        "worst": worst,
    }


def germanium_verdict(findings: Findings, which: int) -> str:
    """ "verified" if r = 1 per electron of the whole atom at every energy; "qualified" if not,
    but per open electron |ρ − 1| ≤ 1 % in both models (the stepping reading, which the paper
    does not state); "refuted" otherwise."""
    g = germanium_findings(findings, which)
    if g["atom_holds"]:
        return "verified"
    return "qualified" if g["worst"].deviation <= GE_PERCENT else "refuted"
