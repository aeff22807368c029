"""What a run produces: evidence, controls, outcomes, claim results and the ledger.

A claim (:mod:`sumrules.core.claim`) is run by :mod:`sumrules.core.runner`; what it found is an
:class:`Outcome` (verdict, evidence of independent routes, negative controls, derivations),
which the audit (:mod:`sumrules.core.audit`) checks against the house rules before it becomes a
:class:`ClaimResult`. A :class:`Ledger` holds the results in paper order.

``verify``, ``all_claims`` and ``run_claim`` are served here too, for the old import
path ``sumrules.ledger`` (they live in the runner and the registry).

>>> r = ClaimResult("eq0", "verified", "toy", [])
>>> Ledger([r]).ok, Ledger([r])["eq0"] is r
(True, True)
"""

from __future__ import annotations

import importlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sumrules.core.derivation import Derivation

__all__ = [
    "ERROR",
    "VERDICTS",
    "ClaimResult",
    "Context",
    "Control",
    "Disagreement",
    "Evidence",
    "Ledger",
    "Outcome",
    "timed",
]

VERDICTS = ("verified", "corrected", "refuted", "qualified")
ERROR = "error"


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
    #: whether ``printed`` is an equation (LaTeX math) rather than a quoted sentence
    printed_math: bool = False

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

    def _repr_html_(self) -> str:
        from sumrules.core.html import claim_html

        return claim_html(self)


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

    def _repr_html_(self) -> str:
        from sumrules.core.html import ledger_html

        return ledger_html(self)

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


#: names of the old ``sumrules.ledger`` module that now live in the runner or the registry
_MOVED = {
    "verify": "sumrules.core.runner",
    "run_claim": "sumrules.core.runner",
    "all_claims": "sumrules.core.registry",
    "Claim": "sumrules.core.claim",
}


def __getattr__(name: str) -> Any:
    """Serve the names that moved out of this module (old import path ``sumrules.ledger``)."""
    if name in _MOVED:
        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
