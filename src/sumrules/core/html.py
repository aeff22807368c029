"""HTML for Jupyter: the ledger as a table, verdicts coloured, each claim's evidence and
controls expandable (``<details>``). No scripts, no external resources.

>>> from sumrules.core.ledger import ClaimResult, Control, Evidence, Ledger
>>> r = ClaimResult("eq1", "verified", "holds <exactly>", [Evidence("m", "symbolic", "s")],
...                 [Control("wrong sign", True)])
>>> html = ledger_html(Ledger([r]))
>>> "<table" in html and "holds &lt;exactly&gt;" in html and "#1b7f3b" in html
True
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from sumrules.core.ledger import ClaimResult, Evidence, Ledger

__all__ = ["VERDICT_COLOURS", "claim_html", "ledger_html"]

#: verdict -> colour of its badge
VERDICT_COLOURS = {
    "verified": "#1b7f3b",
    "corrected": "#9a6700",
    "refuted": "#b42318",
    "qualified": "#0b6e99",
    "error": "#6e2a2a",
}

_STYLE = (
    "<style>.sumrules-ledger td{text-align:left;vertical-align:top}"
    ".sumrules-verdict{color:white;border-radius:4px;padding:1px 6px;font-weight:bold}"
    "</style>"
)


def _badge(verdict: str) -> str:
    colour = VERDICT_COLOURS.get(verdict, "#555")
    return (
        f'<span class="sumrules-verdict" style="background:{colour}">{html.escape(verdict)}</span>'
    )


def _agreement(e: Evidence) -> str:
    if e.agreement is None:
        return "n/a"
    return "exact" if math.isinf(e.agreement) else f"{e.agreement:.1f} digits"


def _details(r: ClaimResult) -> str:
    ev = "".join(
        f"<li><b>{html.escape(e.method)}</b> ({html.escape(e.route)}; {_agreement(e)}"
        f"{'' if e.agrees else '; DISAGREES'}): {html.escape(e.statement)}"
        + (f" — <code>{html.escape(e.value)}</code>" if e.value else "")
        + "</li>"
        for e in r.evidence
    )
    ctl = "".join(
        f"<li>{html.escape(c.description)}: <b>{'caught' if c.caught else 'NOT CAUGHT'}</b>"
        + (f" — {html.escape(c.detail)}" if c.detail else "")
        + "</li>"
        for c in r.controls
    )
    return (
        f"<details><summary>{len(r.evidence)} evidence, {len(r.controls)} controls</summary>"
        f"<p>Evidence</p><ul>{ev}</ul><p>Negative controls</p><ul>{ctl}</ul></details>"
    )


def _row(r: ClaimResult) -> str:
    return (
        f"<tr><td><code>{html.escape(r.id)}</code></td><td>{_badge(r.verdict)}</td>"
        f"<td>{html.escape(r.summary)}{_details(r)}</td><td>{r.seconds:.2f} s</td></tr>"
    )


def claim_html(r: ClaimResult) -> str:
    """One claim as a one-row table (its evidence and controls expandable)."""
    return (
        f'{_STYLE}<table class="sumrules-ledger"><tr><th>claim</th><th>verdict</th>'
        f"<th>summary</th><th>time</th></tr>{_row(r)}</table>"
    )


def ledger_html(ledger: Ledger) -> str:
    """The ledger as an HTML table, with the count of verdicts and controls under it."""
    counts: dict[str, int] = {}
    for r in ledger.results:
        counts[r.verdict] = counts.get(r.verdict, 0) + 1
    tally = ", ".join(f"{n} {v}" for v, n in counts.items())
    rows = "".join(_row(r) for r in ledger.results)
    return (
        f'{_STYLE}<table class="sumrules-ledger"><tr><th>claim</th><th>verdict</th>'
        f"<th>summary</th><th>time</th></tr>{rows}</table>"
        f"<p>{len(ledger.results)} claims: {html.escape(tally)}. Negative controls run "
        f"{ledger.controls_run}, caught {ledger.controls_caught}.</p>"
    )
