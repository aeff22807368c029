"""Claims, evidence, verdicts and the ledger that collects them.

A *claim* is one printed equation or quantitative sentence of the paper,
stored as printed, with a check. The check returns an :class:`Outcome`: a
verdict, the evidence of at least two independent routes, the negative
controls it ran, and its derivations. The runner (:func:`verify`) refuses
to accept an outcome that breaks the house rules: a "verified" backed by
fewer than two independent routes, routes that disagree, a negative control
that was not caught, a derivation step whose check failed, or a claim with
no control at all. Such a claim ends with verdict ``"error"`` (exit 1).

>>> ids = [c.id for c in all_claims()]
>>> "eq19" in ids and ids.index("eq18") < ids.index("eq19") < ids.index("eq20")
True
"""

from __future__ import annotations

import importlib
import math
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .derivation import Derivation
from .numeric import MAX_DPS, validate_dps

__all__ = [
    "PAPER_MODULES",
    "VERDICTS",
    "Claim",
    "ClaimResult",
    "Context",
    "Control",
    "Disagreement",
    "Evidence",
    "Ledger",
    "Outcome",
    "all_claims",
    "claim",
    "run_claim",
    "timed",
    "verify",
]

VERDICTS = ("verified", "corrected", "refuted", "qualified")
ERROR = "error"

#: Modules of :mod:`sumrules.paper` whose import registers the claims.
PAPER_MODULES = (
    "sumrules.paper.free_electron",
    "sumrules.paper.dipole",
    "sumrules.paper.dispersion",
    "sumrules.paper.sum_rules",
    "sumrules.paper.pole_integral",
    "sumrules.paper.one_electron",
    "sumrules.paper.sentences",
)


class Disagreement(Exception):
    """Two routes to the same number disagree beyond the requested precision."""

    def __init__(self, message: str, values: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.values = dict(values or {})


@dataclass(frozen=True)
class Evidence:
    """What one route computed, and how well it agrees with the reference.

    ``route`` names the independent method family ("symbolic", "numeric",
    "model:hydrogen", ...): "verified" needs two distinct routes that agree.
    ``agreement`` is in significant digits (``inf`` for an exact identity).
    """

    method: str
    route: str
    statement: str
    value: str = ""
    precision: str = "exact"
    agreement: float | None = math.inf
    agrees: bool = True
    seconds: float = 0.0

    def to_json(self, *, timings: bool = True) -> dict[str, Any]:
        agreement: float | str | None = self.agreement
        if self.agreement is not None and math.isinf(self.agreement):
            agreement = "exact"
        out: dict[str, Any] = {
            "method": self.method,
            "route": self.route,
            "statement": self.statement,
            "value": self.value,
            "precision": self.precision,
            "agreement_digits": agreement,
            "agrees": self.agrees,
        }
        if timings:
            out["seconds"] = round(self.seconds, 4)
        return out


@dataclass(frozen=True)
class Control:
    """A negative control: a deliberately wrong variant and whether the check rejected it."""

    description: str
    caught: bool
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"description": self.description, "caught": self.caught, "detail": self.detail}


@dataclass
class Outcome:
    """What a claim's check returns."""

    verdict: str
    summary: str
    evidence: list[Evidence]
    controls: list[Control]
    derivations: list[Derivation] = field(default_factory=list)
    corrected: str | None = None
    notes: str = ""
    figures: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """What a check may depend on: the working precision in decimal digits, and whether
    certified interval enclosures (python-flint, the ``flint`` extra) are to be added."""

    dps: int = 30
    certified: bool = False


CheckFunction = Callable[[Context], Outcome]


@dataclass(frozen=True)
class Claim:
    """A statement of the paper, stored as printed, with the check that judges it."""

    id: str
    title: str
    printed: str
    check: CheckFunction
    anchor: float
    source: str = ""


@dataclass
class ClaimResult:
    """A claim after its check ran: the verdict and everything behind it."""

    id: str
    verdict: str
    summary: str
    evidence: list[Evidence]
    controls: list[Control] = field(default_factory=list)
    derivations: list[Derivation] = field(default_factory=list)
    title: str = ""
    printed: str = ""
    corrected: str | None = None
    notes: str = ""
    figures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    dps: int = 30
    error: str | None = None

    def to_json(self, *, timings: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "verdict": self.verdict,
            "summary": self.summary,
            "evidence": [e.to_json(timings=timings) for e in self.evidence],
            "controls": [c.to_json() for c in self.controls],
            "printed": self.printed,
            "corrected": self.corrected,
            "dps": self.dps,
        }
        if self.error:
            out["error"] = self.error
        if timings:
            out["seconds"] = round(self.seconds, 4)
        return out


@dataclass
class Ledger:
    """The results of a run of :func:`verify`, in paper order."""

    results: list[ClaimResult]
    dps: int = 30

    @property
    def controls_run(self) -> int:
        return sum(len(r.controls) for r in self.results)

    @property
    def controls_caught(self) -> int:
        return sum(c.caught for r in self.results for c in r.controls)

    @property
    def ok(self) -> bool:
        """True when every claim was checked (a "refuted" verdict is a finding, not a failure)."""
        return all(r.verdict in VERDICTS for r in self.results)

    def __getitem__(self, claim_id: str) -> ClaimResult:
        for r in self.results:
            if r.id == claim_id:
                return r
        raise KeyError(claim_id)

    def to_json(self, *, timings: bool = True) -> dict[str, Any]:
        return {
            "claims": [r.to_json(timings=timings) for r in self.results],
            "controls": {"run": self.controls_run, "caught": self.controls_caught},
        }


def timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """Call ``fn`` and return ``(result, seconds)``.

    >>> timed(sum, [1, 2])[0]
    3
    """
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


# ---------------------------------------------------------------------------
# Registry

_REGISTRY: dict[str, Claim] = {}
_ID = re.compile(r"^(eq\d+(\.[a-z0-9][a-z0-9-]*)?|text\.[a-z0-9][a-z0-9-]*)$")


def claim(
    claim_id: str, *, title: str, printed: str, anchor: float | None = None
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function as the claim ``claim_id``.

    ``anchor`` orders claims in the paper (the nearest equation number); for
    ``eqN`` ids it defaults to N.
    """
    if not _ID.match(claim_id):
        raise ValueError(f"claim id {claim_id!r} is not eqN, eqN.<name> or text.<name>")
    if anchor is None:
        m = re.match(r"eq(\d+)", claim_id)
        if m is None:
            raise ValueError(f"claim {claim_id!r} needs an anchor (nearest equation number)")
        anchor = float(m.group(1))

    def register(fn: CheckFunction) -> CheckFunction:
        if claim_id in _REGISTRY and _REGISTRY[claim_id].check.__qualname__ != fn.__qualname__:
            raise ValueError(f"claim {claim_id!r} registered twice")
        _REGISTRY[claim_id] = Claim(claim_id, title, printed, fn, float(anchor), fn.__module__)
        return fn

    return register


def _order(c: Claim) -> tuple[float, str]:
    # At a shared anchor an equation comes before a sentence: every id is "eq..." or "text..."
    # (checked by ``claim``), and "eq" < "text", so the id itself gives that order.
    return (c.anchor, c.id)


def all_claims() -> list[Claim]:
    """Every registered claim, in paper order (importing the paper modules)."""
    for name in PAPER_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return sorted(_REGISTRY.values(), key=_order)


def _select(ids: Iterable[str] | None) -> list[Claim]:
    claims = all_claims()
    if ids is None:
        return claims
    if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
        raise ValueError(f"ids must be a list of claim id strings (or None), got {ids!r}")
    ids = list(ids)
    if not all(isinstance(i, str) for i in ids):
        raise ValueError(f"ids must be a list of claim id strings (or None), got {ids!r}")
    chosen: list[Claim] = []
    for wanted in ids:
        match = [c for c in claims if c.id == wanted or c.id.startswith(wanted + ".")]
        if not match:
            known = ", ".join(c.id for c in claims)
            raise ValueError(f"ids: unknown claim {wanted!r}; known: {known}")
        chosen.extend(c for c in match if c not in chosen)
    return sorted(chosen, key=_order)


def _audit(outcome: Outcome) -> str | None:
    """The house rules an outcome must satisfy; returns the first breach, or None."""
    if outcome.verdict not in VERDICTS:
        return f"verdict {outcome.verdict!r} is not one of {VERDICTS}"
    disagreeing = [e for e in outcome.evidence if not e.agrees]
    if disagreeing:
        return "routes disagree: " + "; ".join(
            f"{e.method} gives {e.value or e.statement}" for e in disagreeing
        )
    if len({e.route for e in outcome.evidence}) < 2:
        return "fewer than two independent routes of evidence"
    if not outcome.controls:
        return "no negative control"
    missed = [c.description for c in outcome.controls if not c.caught]
    if missed:
        return "negative control not caught: " + "; ".join(missed)
    bad = [s for d in outcome.derivations for s in d.failed]
    if bad:
        return "derivation step failed its check: " + "; ".join(s.justification for s in bad)
    return None


def run_claim(c: Claim, dps: int, *, certified: bool = False) -> ClaimResult:
    """Run one claim's check, audit the outcome, retry once at doubled precision on disagreement."""
    start = time.perf_counter()
    tried: list[str] = []
    for attempt_dps in (dps, min(2 * dps, MAX_DPS)):
        try:
            outcome = c.check(Context(dps=attempt_dps, certified=certified))
        except Disagreement as exc:
            vals = ", ".join(f"{k} = {v}" for k, v in exc.values.items())
            tried.append(f"at {attempt_dps} digits: {exc} ({vals})" if vals else str(exc))
            continue
        except Exception as exc:  # a check that cannot be carried out is an error, not a verdict
            message = f"check could not be carried out: {type(exc).__name__}: {exc}"
            return ClaimResult(
                c.id, ERROR, message, [], [], [], c.title, c.printed, None, "", [],
                time.perf_counter() - start, attempt_dps, message,
            )  # fmt: skip
        breach = _audit(outcome)
        if breach is None:
            return ClaimResult(
                c.id, outcome.verdict, outcome.summary, outcome.evidence, outcome.controls,
                outcome.derivations, c.title, c.printed, outcome.corrected, outcome.notes,
                outcome.figures, time.perf_counter() - start, attempt_dps,
            )  # fmt: skip
        tried.append(f"at {attempt_dps} digits: {breach}")
        if not breach.startswith("routes disagree"):
            return ClaimResult(
                c.id, ERROR, breach, outcome.evidence, outcome.controls, outcome.derivations,
                c.title, c.printed, None, "", [], time.perf_counter() - start, attempt_dps, breach,
            )  # fmt: skip
    message = " | retried: ".join(tried)
    return ClaimResult(
        c.id, ERROR, message, [], [], [], c.title, c.printed, None, "", [],
        time.perf_counter() - start, dps, message,
    )  # fmt: skip


def verify(
    ids: Sequence[str] | None = None,
    *,
    dps: int = 30,
    progress: Callable[[Claim, ClaimResult | None], None] | None = None,
    certified: bool = False,
) -> Ledger:
    """Run the claims (all, or those named in ``ids``) at ``dps`` digits and return the ledger.

    An id selects that claim and its sub-claims (``"eq19"`` also runs
    ``"eq19.general"``). ``progress`` is called before (with None) and after
    each claim. A check that raises :class:`Disagreement` is retried once at
    twice the precision; if the routes still disagree the claim's verdict is
    ``"error"`` and both values are shown. With ``certified=True`` the claims
    that have a certified route (python-flint balls) add it as evidence; that
    needs the ``flint`` extra (:class:`sumrules.certified.MissingExtra` otherwise).
    """
    dps = validate_dps(dps)
    if certified:
        from .certified import require_flint

        require_flint()
    results = []
    for c in _select(ids):
        if progress:
            progress(c, None)
        result = run_claim(c, dps, certified=certified)
        results.append(result)
        if progress:
            progress(c, result)
    return Ledger(results, dps)
