"""Reliability of the ledger as a whole: determinism, and negative controls on every claim."""

from __future__ import annotations

import json
import subprocess
import sys

from sumrules.core.ledger import VERDICTS, Ledger, verify
from sumrules.report import ledger_json

#: a few fast claims of different kinds (verified, refuted, qualified; exact and numeric)
FAST = ["text.recoil", "text.real-negative", "text.ge-kalpha", "eq13.germanium", "eq19.vanishing"]


def _timing_free(ledger: Ledger) -> str:
    return ledger_json(ledger, timings=False)


def test_verify_is_deterministic_apart_from_timings() -> None:
    first, second = verify(FAST, dps=20), verify(FAST, dps=20)
    assert _timing_free(first) == _timing_free(second)
    assert [r.id for r in first.results] == [r.id for r in second.results]
    assert "seconds" not in _timing_free(first)
    assert '"seconds"' in ledger_json(first)  # the timings are there when asked for


def test_cli_json_no_timings_is_byte_identical_across_runs() -> None:
    argv = [sys.executable, "-m", "sumrules", "verify", "--json", "--no-timings", "--only"]
    argv += FAST[:3]
    runs = [
        subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
        for _ in range(2)
    ]
    assert [p.returncode for p in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    doc = json.loads(runs[0].stdout)
    assert sorted(c["id"] for c in doc["claims"]) == sorted(FAST[:3])  # in paper order
    assert "seconds" not in runs[0].stdout


def test_worker_processes_print_the_same_bytes_as_one_process() -> None:
    argv = [sys.executable, "-m", "sumrules", "verify", "--json", "--no-timings", "--only"]
    argv += FAST[:3]
    runs = [
        subprocess.run([*argv, "--jobs", jobs], capture_output=True, text=True, timeout=120)
        for jobs in ("1", "2")
    ]
    assert [p.returncode for p in runs] == [0, 0], runs[1].stderr
    assert runs[0].stdout == runs[1].stdout


def test_every_claim_has_caught_controls_two_routes_and_a_verdict(full_ledger: Ledger) -> None:
    """Over the full ledger: ≥ 1 negative control, all caught; ≥ 2 routes; one of the 4 verdicts."""
    assert len(full_ledger.results) >= 39
    problems = []
    for r in full_ledger.results:
        routes = {e.route for e in r.evidence}
        if r.verdict not in VERDICTS or r.error:
            problems.append(f"{r.id}: verdict {r.verdict!r} {r.error or ''}")
        if not r.controls:
            problems.append(f"{r.id}: no negative control")
        problems += [
            f"{r.id}: control not caught: {c.description}" for c in r.controls if not c.caught
        ]
        if len(routes) < 2:
            problems.append(f"{r.id}: only {len(routes)} evidence route(s)")
        problems += [f"{r.id}: disagreeing evidence {e.method}" for e in r.evidence if not e.agrees]
    assert not problems, "\n".join(problems)
    assert full_ledger.controls_run == full_ledger.controls_caught >= len(full_ledger.results)
    assert full_ledger.ok
