"""What a claim declares: the printed statement, its quantities, routes, controls and policy.

A claim is mostly data. The runner (:mod:`sumrules.core.runner`) does the rest: it computes
every route of every :class:`Quantity` on its cases, compares each route with the first (the
reference) through the quantity's :class:`Tolerance`, records the agreement on every piece of
evidence, raises :class:`~sumrules.core.ledger.Disagreement` when two routes disagree, feeds
the printed statement and every :class:`Variant` (a negative control) through the *same*
comparison, and hands the :class:`Findings` to the claim's verdict policy and summary.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> square = Quantity(
...     "∫_0^1 2x dx",
...     cases=(1,),
...     routes=(
...         Route("antiderivative", "closed form", lambda case, ctx: sp.Integer(1)),
...         Route("sympy integrate", "symbolic", lambda case, ctx: sp.integrate(2 * x, (x, 0, 1))),
...     ),
...     printed=lambda case, ctx: sp.Integer(1),
...     controls=(Variant("x² instead of 2x", lambda case, ctx: sp.integrate(x**2, (x, 0, 1))),),
... )
>>> c = Claim("eq99", title="a toy", printed=Printed(text="the integral is 1"),
...           quantities=(square,), policy=printed_holds, summary=lambda f: "holds")
>>> c.anchor
99.0
>>> from sumrules.core.runner import run_claim
>>> r = run_claim(c, 30)
>>> r.verdict, [e.agrees for e in r.evidence], [k.caught for k in r.controls]
('verified', [True, True], [True])
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from sumrules.core.derivation import Derivation
from sumrules.core.ledger import Context, Control, Evidence
from sumrules.core.numeric import agreement_digits
from sumrules.core.zero_equivalence import identically_zero

__all__ = [
    "EXACT",
    "FAMILIES",
    "Claim",
    "Comparison",
    "Extra",
    "Findings",
    "Printed",
    "Quantity",
    "QuantityResult",
    "Route",
    "Tolerance",
    "Variant",
    "anchor_of",
    "digits",
    "printed_holds",
]

#: The families of independent routes. "verified" needs two that agree, of different families.
FAMILIES: Mapping[str, str] = {
    "closed form": "an exact formula, derived (by sympy or by hand, then checked) or quoted",
    "symbolic": "a sympy computation: integration, simplification, limits, series, algebra",
    "quadrature": "numerical integration at a stated precision (mpmath)",
    "contour": "an integral along a deformed contour in the complex plane (mpmath)",
    "series": "a sum of a series, or an expansion order by order",
    "model": "an exactly solvable model atom that makes the statement concrete",
    "certified": "an interval enclosure that provably contains the value (python-flint)",
    "table": "tabulated reference data (X-ray tables, published atomic calculations)",
    "enumeration": "exhaustive enumeration: words, grids, classes, lists of cases",
    "spinor algebra": "explicit Dirac matrices and spinors, or trace identities",
    "units": "a conversion between unit systems or from constants with their sources",
    "literature": "a number quoted from a source outside the paper (cited, with its reference)",
}

_ID = re.compile(r"^(eq\d+(\.[a-z0-9][a-z0-9-]*)?|text\.[a-z0-9][a-z0-9-]*)$")

Case = Any
Compute = Callable[[Case, Context], Any]


def anchor_of(claim_id: str, anchor: float | None = None) -> float:
    """Check a claim id and return its anchor (the nearest equation number, its place in the
    paper); for ``eqN`` ids it defaults to N.

    >>> anchor_of("eq19.vanishing"), anchor_of("text.recoil", 2)
    (19.0, 2.0)
    >>> anchor_of("text.recoil")
    Traceback (most recent call last):
    ...
    ValueError: claim 'text.recoil' needs an anchor (nearest equation number)
    """
    given: object = claim_id  # the annotation is not enforced at run time
    if not isinstance(given, str) or not _ID.match(given):
        raise ValueError(f"claim id {claim_id!r} is not eqN, eqN.<name> or text.<name>")
    if anchor is None:
        m = re.match(r"eq(\d+)", claim_id)
        if m is None:
            raise ValueError(f"claim {claim_id!r} needs an anchor (nearest equation number)")
        return float(m.group(1))
    return float(anchor)


def _family(name: str) -> str:
    if name not in FAMILIES:
        raise ValueError(f"route family {name!r} is not one of {', '.join(FAMILIES)}")
    return name


@dataclass(frozen=True)
class Printed:
    """A printed statement: an equation as a sympy object (its LaTeX is generated from it), or
    a sentence as quoted text (LaTeX-safe), with where it stands in the paper.

    >>> Printed(sp.Eq(sp.Symbol("R"), 1), where="Eq. (12)").latex
    'R = 1'
    >>> Printed(text="``quite low values''").latex
    "``quite low values''"
    """

    expr: sp.Basic | None = None
    text: str = ""
    where: str = ""
    latex_override: str = ""

    def __post_init__(self) -> None:
        if self.expr is None and not self.text and not self.latex_override:
            raise ValueError("a printed statement needs an expression or a text")

    @property
    def latex(self) -> str:
        """LaTeX of the statement: ``sympy.latex`` of the expression, or the quoted text."""
        if self.latex_override:
            return self.latex_override
        if self.expr is not None:
            return str(sp.latex(self.expr))
        return self.text

    @property
    def is_equation(self) -> bool:
        return self.expr is not None or bool(self.latex_override)


@dataclass(frozen=True)
class Comparison:
    """Two values compared: whether they agree and on how many significant digits."""

    agrees: bool
    digits: float


@dataclass(frozen=True)
class Tolerance:
    """How values of a quantity are compared: exactly (sympy) or to ``digits(ctx)`` digits.

    Two exact values (integers, fractions, sympy expressions without floats) are always
    compared exactly; ``digits`` applies when either value is a floating-point number.
    ``zero`` is the absolute size below which a value counts as 0 (for quantities that vanish,
    where significant digits mean nothing); ``None``: only an exact 0 is 0.

    >>> EXACT.compare(sp.Rational(1, 3), sp.Integer(1) / 3, Context())
    Comparison(agrees=True, digits=inf)
    >>> digits(5).compare(1, 1 + 1e-12, Context(dps=30)).agrees
    False
    """

    digits: Callable[[Context], float] | None = None
    zero: Callable[[Context], Any] | None = None

    @property
    def exact(self) -> bool:
        return self.digits is None

    def compare(self, a: Any, b: Any, ctx: Context) -> Comparison:
        if self.exact or (_is_exact(a) and _is_exact(b)):
            return _compare_exact(a, b)
        assert self.digits is not None
        need = self.digits(ctx)
        if self.zero is not None:
            small = mpmath.mpf(self.zero(ctx))
            if abs(_mp(b)) <= small or abs(_mp(a)) <= small:
                ok = abs(_mp(a) - _mp(b)) <= small
                return Comparison(ok, math.inf if ok else 0.0)
        got = _digits_between(a, b)
        return Comparison(got >= need, got)

    def describe(self, ctx: Context) -> str:
        if self.exact:
            return "exact"
        assert self.digits is not None
        return f"{self.digits(ctx):g} digits"


def _mp(value: Any) -> Any:
    if isinstance(value, sp.Basic):
        return mpmath.mpmathify(sp.N(value, mpmath.mp.dps + 20))
    return mpmath.mpmathify(value)


def _digits_between(a: Any, b: Any) -> float:
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        if len(a) != len(b):
            return 0.0
        return min((_digits_between(x, y) for x, y in zip(a, b, strict=True)), default=math.inf)
    return agreement_digits(a, b)


def _is_exact(value: Any) -> bool:
    if isinstance(value, tuple | list):
        return all(_is_exact(v) for v in value)
    if isinstance(value, bool | int | str | Fraction):
        return True
    return isinstance(value, sp.Basic) and not value.has(sp.Float)


def _compare_exact(a: Any, b: Any) -> Comparison:
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        parts = [_compare_exact(x, y) for x, y in zip(a, b, strict=False)]
        ok = len(a) == len(b) and all(p.agrees for p in parts)
        return Comparison(ok, math.inf if ok else 0.0)
    if isinstance(a, bool | str) or isinstance(b, bool | str) or a == b:
        ok = a == b  # equal objects are equal (also oo and oo, where oo - oo is nan)
    else:
        try:
            ok = identically_zero(sp.sympify(a) - sp.sympify(b))
        except (TypeError, sp.SympifyError):
            ok = a == b
    return Comparison(ok, math.inf if ok else 0.0)


#: exact comparison: the symbolic difference simplifies to 0 (or the values are equal)
EXACT = Tolerance()


def digits(offset: float = 5, *, zero_below: int | None = None) -> Tolerance:
    """Agreement to ``ctx.dps - offset`` significant digits; with ``zero_below = k``, values
    below ``10^(k - dps)`` count as 0.

    >>> digits(3).describe(Context(dps=30))
    '27 digits'
    """

    def need(ctx: Context) -> float:
        return ctx.dps - offset

    zero = None
    if zero_below is not None:
        k = zero_below

        def zero(ctx: Context) -> Any:
            return mpmath.mpf(10) ** (k - ctx.dps)

    return Tolerance(need, zero)


@dataclass(frozen=True)
class Route:
    """One way to compute a quantity: what it does, its family, and the computation.

    ``applies`` restricts the route to some cases (default: all).
    """

    method: str
    family: str
    compute: Compute
    applies: Callable[[Case], bool] | None = None

    def __post_init__(self) -> None:
        _family(self.family)

    def runs_on(self, case: Case) -> bool:
        return self.applies is None or bool(self.applies(case))


@dataclass(frozen=True)
class Variant:
    """A negative control: a deliberately wrong variant of the printed statement (or of a
    route), fed through the same comparison as the printed statement; it must be rejected on
    at least one case."""

    description: str
    compute: Compute
    applies: Callable[[Case], bool] | None = None


@dataclass(frozen=True)
class Quantity:
    """One thing a claim computes by several routes, on a list of cases.

    The first route is the reference: every other route is compared with it on the cases
    both run on. ``printed`` gives the value the paper's statement implies for a case (None:
    the statement is judged elsewhere). ``label`` names a case in the evidence.
    """

    name: str
    cases: Sequence[Case] | Callable[[Context], Sequence[Case]]
    routes: tuple[Route, ...]
    printed: Compute | None = None
    controls: tuple[Variant, ...] = ()
    tolerance: Tolerance = EXACT
    label: Callable[[Case], str] = str
    show: Callable[[Any], str] | None = None

    def __post_init__(self) -> None:
        if not self.routes:
            raise ValueError(f"quantity {self.name!r} has no route")

    def case_list(self, ctx: Context) -> list[Case]:
        cases = self.cases(ctx) if callable(self.cases) else self.cases
        return list(cases)


@dataclass
class QuantityResult:
    """A quantity after the runner: values per route and case, agreement, the printed verdict."""

    quantity: Quantity
    cases: list[Case]
    values: dict[str, list[Any]]
    agreement: dict[str, float]
    printed: list[Any] | None
    holds: list[bool] | None
    printed_digits: list[float] | None
    seconds: dict[str, float]

    @property
    def name(self) -> str:
        return self.quantity.name

    @property
    def reference(self) -> list[Any]:
        """The reference route's value on every case."""
        return self.values[self.quantity.routes[0].method]

    def value(self, case: Case) -> Any:
        """The reference value at ``case``."""
        return self.reference[self.cases.index(case)]

    def __iter__(self) -> Iterator[tuple[Case, Any]]:
        return iter(zip(self.cases, self.reference, strict=True))

    @property
    def all_hold(self) -> bool:
        """The printed statement agrees with the reference on every case."""
        return self.holds is not None and all(self.holds)

    @property
    def failing(self) -> list[Case]:
        """The cases where the printed statement does not agree with the reference."""
        if self.holds is None:
            return []
        return [c for c, ok in zip(self.cases, self.holds, strict=True) if not ok]

    @property
    def min_agreement(self) -> float:
        """The fewest digits on which a route agrees with the reference (inf: exact)."""
        return min(self.agreement.values(), default=math.inf)


@dataclass
class Extra:
    """What a claim computes outside its quantities (the escape hatch): evidence built by
    hand (the audit checks it the same way), controls, derivations, and facts for the policy
    and the summary."""

    evidence: list[Evidence] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    derivations: list[Derivation] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass
class Findings:
    """Everything the runner found, handed to the policy, the summary and the notes."""

    ctx: Context
    quantities: dict[str, QuantityResult]
    facts: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> QuantityResult:
        return self.quantities[name]

    @property
    def all_hold(self) -> bool:
        """Every quantity's printed statement holds on every case (quantities without one
        are ignored)."""
        judged = [q for q in self.quantities.values() if q.holds is not None]
        return all(q.all_hold for q in judged)


Policy = Callable[[Findings], str]
Text = Callable[[Findings], str]


def printed_holds(findings: Findings) -> str:
    """The simplest policy: "verified" when the printed statement holds on every case of every
    quantity, "refuted" otherwise."""
    return "verified" if findings.all_hold else "refuted"


@dataclass(frozen=True)
class Claim:
    """A statement of the paper, stored as printed, with what judges it.

    ``extra`` (the escape hatch) runs first; its facts are visible to the quantities' cases
    through ``Findings.facts`` only after the run, so quantities must not depend on it.
    ``certified`` adds evidence and controls when the ledger runs with certified routes.
    ``corrected`` is a printed correction, or a function of the findings that returns one
    (or None: no correction, e.g. when the printed statement holds).
    """

    id: str
    title: str
    printed: Printed
    quantities: tuple[Quantity, ...] = ()
    policy: Policy = printed_holds
    summary: Text = lambda f: ""
    extra: Callable[[Context], Extra] | None = None
    derivations: Callable[[Findings], list[Derivation]] | None = None
    corrected: Printed | Callable[[Findings], Printed | None] | None = None
    notes: str | Text = ""
    figures: tuple[str, ...] = ()
    anchor: float | None = None
    certified: Callable[[Context], Extra] | None = None
    #: a rough cost: CPU seconds at 30 digits, run in paper order in one process (measured on
    #: a 2-core machine, 2026-12-04; claims under 0.25 s keep the default); worker processes
    #: take the costly claims first, so that no long claim starts last
    cost: float = 0.1
    #: claims that reuse each other's cached computations name the same group; the parallel
    #: ledger runs a group in one worker, in paper order, so that none is computed twice
    #: ("": the claim shares nothing)
    shares: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "anchor", anchor_of(self.id, self.anchor))
        if not self.quantities and self.extra is None:
            raise ValueError(f"claim {self.id!r} computes nothing: no quantity and no extra")
        names = [q.name for q in self.quantities]
        if len(set(names)) != len(names):
            raise ValueError(f"claim {self.id!r}: two quantities share a name")

    @property
    def order(self) -> tuple[float, str]:
        """Paper order: by anchor; at a shared anchor "eq..." before "text..." (by id)."""
        assert self.anchor is not None
        return (self.anchor, self.id)
