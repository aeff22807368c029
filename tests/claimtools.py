"""Helpers shared by the claim and CLI tests."""

from __future__ import annotations

import subprocess
import sys

from sumrules.core.latex import text_to_latex
from sumrules.core.ledger import ClaimResult, verify

__all__ = ["assert_latex_safe", "routes", "run", "run_cli"]


def run(claim_id: str) -> ClaimResult:
    """Run one claim; it must end in a verdict, not an error."""
    result = verify([claim_id])[claim_id]
    assert result.error is None, result.error
    return result


def routes(r: ClaimResult) -> set[str]:
    """The distinct evidence routes of a result."""
    return {e.route for e in r.evidence}


def assert_latex_safe(r: ClaimResult) -> None:
    """Every text of a result can be typeset in the proof book (text_to_latex raises otherwise)."""
    texts = [r.summary, r.notes, r.title]
    texts += [x for e in r.evidence for x in (e.method, e.route, e.statement, e.value, e.precision)]
    texts += [x for c in r.controls for x in (c.description, c.detail)]
    texts += [d.title for d in r.derivations]
    texts += [x for d in r.derivations for s in d.steps for x in (s.justification, s.method)]
    for text in texts:
        text_to_latex(text)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m sumrules ARGS` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "sumrules", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
