"""Run claims: compute routes, compare them, run the controls, audit, retry, in parallel.

For a declared :class:`~sumrules.core.claim.Claim` the runner

1. runs the escape hatch ``extra`` (evidence, controls, derivations and facts built by hand);
2. computes every route of every quantity on its cases and compares each route with the first
   (the reference) through the quantity's tolerance: the agreement goes on the evidence, and a
   disagreement raises :class:`~sumrules.core.ledger.Disagreement`;
3. feeds the printed statement and each negative control through the same comparison;
4. applies the verdict policy and fills the summary, notes and derivations;
5. audits the outcome (:func:`sumrules.core.audit.audit`); on a disagreement it retries once at
   twice the precision, and a claim that still breaks a rule ends as ``"error"``.

``verify(jobs=N)`` runs claims in N worker processes; the ledger is in paper order whatever
the number of workers, and its JSON without timings is byte-identical.

>>> ledger = verify(["eq19.vanishing"], jobs=1)
>>> [(r.id, r.verdict) for r in ledger.results]
[('eq19.vanishing', 'corrected')]
"""

from __future__ import annotations

import math
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any

import mpmath

from sumrules.core.audit import audit
from sumrules.core.claim import Claim, Extra, Findings, Quantity, QuantityResult
from sumrules.core.ledger import (
    ERROR,
    ClaimResult,
    Context,
    Control,
    Disagreement,
    Evidence,
    Ledger,
    Outcome,
)
from sumrules.core.numeric import MAX_DPS, is_count, validate_dps
from sumrules.core.registry import all_claims, select

__all__ = [
    "default_jobs",
    "evaluate",
    "run_claim",
    "run_quantity",
    "show_value",
    "verify",
    "work_groups",
]

#: at most this many cases are listed in a piece of evidence
SHOWN_CASES = 6


def show_value(value: Any) -> str:
    """A value as text: 15 significant digits for floats, sympy's own form for exact values.

    >>> import sympy
    >>> show_value(mpmath.mpf(2) / 3), show_value(sympy.Rational(2, 3)), show_value((1, 2))
    ('0.666666666666667', '2/3', '(1, 2)')
    >>> show_value(2 / 3)
    '0.666666666666667'
    """
    if isinstance(value, tuple | list):
        return "(" + ", ".join(show_value(v) for v in value) + ")"
    if isinstance(value, mpmath.mpf | mpmath.mpc | float):  # a Python float too, via mpmath
        return str(mpmath.nstr(mpmath.mpmathify(value), 15))
    return str(value)


def _listing(q: Quantity, cases: list[Any], values: list[Any]) -> str:
    show = q.show or show_value
    pairs = [(c, v) for c, v in zip(cases, values, strict=True) if v is not _SKIPPED]
    text = "; ".join(f"{q.label(c)}: {show(v)}" for c, v in pairs[:SHOWN_CASES])
    if len(pairs) > SHOWN_CASES:
        text += f"; … ({len(pairs)} cases)"
    return text


class _Skipped:
    """A route that does not run on a case."""

    def __repr__(self) -> str:
        return "skipped"


_SKIPPED = _Skipped()


def run_quantity(q: Quantity, ctx: Context) -> tuple[QuantityResult, list[Evidence]]:
    """Compute every route of ``q`` on its cases and compare each with the reference.

    Raises :class:`Disagreement` (naming the cases and both values) when a route disagrees.
    """
    cases = q.case_list(ctx)
    if not cases:
        raise ValueError(f"quantity {q.name!r} has no case")
    values: dict[str, list[Any]] = {}
    seconds: dict[str, float] = {}
    for route in q.routes:
        start = time.perf_counter()
        values[route.method] = [
            route.compute(c, ctx) if route.runs_on(c) else _SKIPPED for c in cases
        ]
        seconds[route.method] = time.perf_counter() - start
    reference = q.routes[0]
    ref_values = values[reference.method]
    if any(v is _SKIPPED for v in ref_values):
        raise ValueError(f"quantity {q.name!r}: the reference route must run on every case")
    agreement: dict[str, float] = {}
    for route in q.routes[1:]:
        digits = math.inf
        for case, v, ref in zip(cases, values[route.method], ref_values, strict=True):
            if v is _SKIPPED:
                continue
            cmp = q.tolerance.compare(v, ref, ctx)
            if not cmp.agrees:
                raise Disagreement(
                    f"{q.name}: {route.method} disagrees with {reference.method} at "
                    f"{q.label(case)} (tolerance {q.tolerance.describe(ctx)})",
                    {route.method: show_value(v), reference.method: show_value(ref)},
                )
            digits = min(digits, cmp.digits)
        agreement[route.method] = digits
    printed = holds = printed_digits = None
    if q.printed is not None:
        printed = [q.printed(c, ctx) for c in cases]
        compared = [
            q.tolerance.compare(p, r, ctx) for p, r in zip(printed, ref_values, strict=True)
        ]
        holds = [c.agrees for c in compared]
        printed_digits = [c.digits for c in compared]
    result = QuantityResult(q, cases, values, agreement, printed, holds, printed_digits, seconds)
    return result, _evidence(result, ctx)


def _evidence(r: QuantityResult, ctx: Context) -> list[Evidence]:
    q = r.quantity
    reference = q.routes[0]
    others = min(r.agreement.values(), default=None)
    n = len(r.cases)
    judged = ""
    if r.holds is not None:
        judged = f"; the printed statement holds at {sum(r.holds)} of {n} cases"
    out = [
        Evidence(
            f"{q.name}: {reference.method}",
            reference.family,
            f"reference on {n} case{'s' * (n != 1)}{judged}",
            _listing(q, r.cases, r.reference),
            q.tolerance.describe(ctx),
            others,
            True,
            r.seconds[reference.method],
        )
    ]
    for route in q.routes[1:]:
        ran = sum(v is not _SKIPPED for v in r.values[route.method])
        out.append(
            Evidence(
                f"{q.name}: {route.method}",
                route.family,
                f"agrees with {reference.method} on {ran} case{'s' * (ran != 1)}",
                _listing(q, r.cases, r.values[route.method]),
                q.tolerance.describe(ctx),
                r.agreement[route.method],
                True,
                r.seconds[route.method],
            )
        )
    return out


def _controls(r: QuantityResult, ctx: Context) -> list[Control]:
    q = r.quantity
    out = []
    for variant in q.controls:
        tried = rejected = 0
        first = ""
        for case, ref in zip(r.cases, r.reference, strict=True):
            if variant.applies is not None and not variant.applies(case):
                continue
            tried += 1
            wrong = variant.compute(case, ctx)
            if not q.tolerance.compare(wrong, ref, ctx).agrees:
                rejected += 1
                if not first:
                    first = f" (e.g. {q.label(case)}: {show_value(wrong)} vs {show_value(ref)})"
        detail = f"rejected at {rejected} of {tried} cases{first}" if rejected else "accepted"
        out.append(Control(f"{q.name}: {variant.description}", rejected > 0, detail))
    return out


def evaluate(c: Claim, ctx: Context) -> Outcome:
    """Run a declared claim at ``ctx`` and return its outcome (not yet audited)."""
    extra = c.extra(ctx) if c.extra is not None else Extra()
    results: dict[str, QuantityResult] = {}
    evidence: list[Evidence] = []
    controls: list[Control] = []
    for q in c.quantities:
        result, found = run_quantity(q, ctx)
        results[q.name] = result
        evidence += found
        controls += _controls(result, ctx)
    evidence += extra.evidence
    controls += extra.controls
    if ctx.certified and c.certified is not None:
        more = c.certified(ctx)
        evidence += more.evidence
        controls += more.controls
        extra.facts.update(more.facts)
    findings = Findings(ctx, results, extra.facts)
    derivations = list(extra.derivations)
    if c.derivations is not None:
        derivations += c.derivations(findings)
    notes = c.notes(findings) if callable(c.notes) else c.notes
    corrected = c.corrected(findings) if callable(c.corrected) else c.corrected
    return Outcome(
        c.policy(findings),
        c.summary(findings),
        evidence,
        controls,
        derivations,
        corrected=corrected.latex if corrected is not None else None,
        notes=notes,
        figures=list(c.figures),
    )


def _printed_latex(c: Claim) -> str:
    return c.printed.latex


def _printed_math(c: Claim) -> bool:
    return c.printed.is_equation


def _failed(c: Claim, message: str, start: float, dps: int, **kw: Any) -> ClaimResult:
    return ClaimResult(
        c.id,
        ERROR,
        message,
        kw.get("evidence", []),
        kw.get("controls", []),
        kw.get("derivations", []),
        c.title,
        _printed_latex(c),
        None,
        "",
        [],
        time.perf_counter() - start,
        dps,
        message,
        _printed_math(c),
    )


def _outcome(c: Claim, ctx: Context) -> Outcome:
    return evaluate(c, ctx)


def run_claim(c: Claim, dps: int, *, certified: bool = False) -> ClaimResult:
    """Run one claim, audit the outcome, retry once at doubled precision on disagreement."""
    start = time.perf_counter()
    tried: list[str] = []
    for attempt_dps in (dps, min(2 * dps, MAX_DPS)):
        try:
            outcome = _outcome(c, Context(dps=attempt_dps, certified=certified))
        except Disagreement as exc:
            vals = ", ".join(f"{k} = {v}" for k, v in exc.values.items())
            tried.append(f"at {attempt_dps} digits: {exc} ({vals})" if vals else str(exc))
            continue
        except Exception as exc:  # a check that cannot be carried out is an error, not a verdict
            message = f"check could not be carried out: {type(exc).__name__}: {exc}"
            return _failed(c, message, start, attempt_dps)
        breach = audit(outcome)
        if breach is None:
            return ClaimResult(
                c.id,
                outcome.verdict,
                outcome.summary,
                outcome.evidence,
                outcome.controls,
                outcome.derivations,
                c.title,
                _printed_latex(c),
                outcome.corrected,
                outcome.notes,
                outcome.figures,
                time.perf_counter() - start,
                attempt_dps,
                printed_math=_printed_math(c),
            )
        tried.append(f"at {attempt_dps} digits: {breach}")
        if not breach.startswith("routes disagree"):
            return _failed(
                c,
                breach,
                start,
                attempt_dps,
                evidence=outcome.evidence,
                controls=outcome.controls,
                derivations=outcome.derivations,
            )
    return _failed(c, " | retried: ".join(tried), start, dps)


def default_jobs() -> int:
    """The number of worker processes by default: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _run_by_ids(claim_ids: list[str], dps: int, certified: bool) -> list[ClaimResult]:
    """Worker: run the claims ``claim_ids`` in this order (looked up in the worker's own
    registry), one after the other in one process."""
    claims = {c.id: c for c in all_claims()}
    return [run_claim(claims[i], dps, certified=certified) for i in claim_ids]


def work_groups(chosen: Sequence[Claim]) -> list[list[Claim]]:
    """The claims as the parallel ledger submits them: those of one ``shares`` group together in
    paper order, the others alone; the costliest group (by the sum of ``cost``) first.

    >>> from sumrules.core.claim import Claim
    >>> def probe(i, cost, shares=""):
    ...     return Claim(i, i, "", extra=lambda ctx: None, cost=cost, shares=shares)
    >>> groups = work_groups([probe("eq1", 1, "x"), probe("eq2", 3), probe("eq3", 2.5, "x")])
    >>> [[c.id for c in g] for g in groups]
    [['eq1', 'eq3'], ['eq2']]
    """
    groups: dict[tuple[str, str], list[Claim]] = {}
    for c in chosen:
        groups.setdefault(("shares", c.shares) if c.shares else ("claim", c.id), []).append(c)
    return sorted(groups.values(), key=lambda g: -sum(c.cost for c in g))


Progress = Callable[[Claim, ClaimResult | None], None]


def verify(
    ids: Sequence[str] | None = None,
    *,
    dps: int = 30,
    progress: Progress | None = None,
    certified: bool = False,
    jobs: int | None = 1,
) -> Ledger:
    """Run the claims (all, or those named in ``ids``) at ``dps`` digits and return the ledger.

    An id selects that claim and its sub-claims (``"eq19"`` also runs ``"eq19.vanishing"``).
    ``progress`` is called before (with None) and after each claim; with several jobs "before"
    means "submitted". ``jobs``: worker processes (None: :func:`default_jobs`); results are in
    paper order whatever the number. With ``certified=True`` the claims that have a certified
    route (python-flint balls) add it (:class:`~sumrules.core.certified.MissingExtra` without
    the ``flint`` extra).
    """
    dps = validate_dps(dps)
    if jobs is None:
        jobs = default_jobs()
    if not is_count(jobs, 1):
        raise ValueError(f"jobs must be a positive integer, got {jobs!r}")
    if certified:
        from sumrules.core.certified import require_flint

        require_flint()
    chosen = select(ids)
    if jobs == 1 or len(chosen) < 2:
        return Ledger([_run_here(c, dps, certified, progress) for c in chosen], dps)
    return Ledger(_run_parallel(chosen, dps, certified, progress, jobs), dps)


def _run_here(c: Claim, dps: int, certified: bool, progress: Progress | None) -> ClaimResult:
    if progress:
        progress(c, None)
    result = run_claim(c, dps, certified=certified)
    if progress:
        progress(c, result)
    return result


def _run_parallel(
    chosen: list[Claim], dps: int, certified: bool, progress: Progress | None, jobs: int
) -> list[ClaimResult]:
    results: dict[str, ClaimResult] = {}
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(jobs, len(chosen)), mp_context=context) as pool:
        futures = {}
        for group in work_groups(chosen):  # longest first: no long tail
            for c in group:
                if progress:
                    progress(c, None)
            futures[pool.submit(_run_by_ids, [c.id for c in group], dps, certified)] = group
        for future in as_completed(futures):
            for c, result in zip(futures[future], future.result(), strict=True):
                results[c.id] = result
                if progress:
                    progress(c, result)
    return [results[c.id] for c in chosen]
