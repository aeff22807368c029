"""The house rules every outcome must satisfy before its verdict enters the ledger.

* the verdict is one of :data:`~sumrules.core.ledger.VERDICTS`;
* no two routes disagree (every piece of evidence agrees);
* the verdict rests on at least two routes of *different* families
  (:data:`~sumrules.core.claim.FAMILIES`);
* there is at least one negative control, and every control was caught;
* no derivation step failed its check.

>>> from sumrules.core.ledger import Control, Evidence, Outcome
>>> ev = [Evidence("a", "closed form", "x = 1"), Evidence("b", "quadrature", "x = 1")]
>>> audit(Outcome("verified", "", ev, [Control("x = 2", True)])) is None
True
>>> audit(Outcome("verified", "", ev[:1], [Control("x = 2", True)]))
'fewer than two independent routes: families closed form'
"""

from __future__ import annotations

from sumrules.core.claim import FAMILIES
from sumrules.core.ledger import VERDICTS, Evidence, Outcome

__all__ = ["audit", "family_of"]


def family_of(e: Evidence) -> str:
    """The route family of a piece of evidence: its ``route``, which must be a family.

    >>> family_of(Evidence("m", "model", "s"))
    'model'
    """
    if e.route in FAMILIES:
        return e.route
    raise ValueError(f"evidence {e.method!r}: route {e.route!r} is of no known family")


def audit(outcome: Outcome) -> str | None:
    """The first house rule ``outcome`` breaks, or None."""
    if outcome.verdict not in VERDICTS:
        return f"verdict {outcome.verdict!r} is not one of {VERDICTS}"
    disagreeing = [e for e in outcome.evidence if not e.agrees]
    if disagreeing:
        return "routes disagree: " + "; ".join(
            f"{e.method} gives {e.value or e.statement}" for e in disagreeing
        )
    try:
        families = sorted({family_of(e) for e in outcome.evidence})
    except ValueError as exc:
        return str(exc)
    if len(families) < 2:
        return "fewer than two independent routes: families " + (", ".join(families) or "none")
    if not outcome.controls:
        return "no negative control"
    missed = [c.description for c in outcome.controls if not c.caught]
    if missed:
        return "negative control not caught: " + "; ".join(missed)
    bad = [s for d in outcome.derivations for s in d.failed]
    if bad:
        return "derivation step failed its check: " + "; ".join(s.justification for s in bad)
    return None
