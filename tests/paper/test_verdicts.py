"""The verdict snapshot: the ledger's JSON (as ``sumrules verify --json --no-timings`` prints
it) against ``verdicts.json``.

A verdict changes only with its reason: when new evidence changes one, the commit that updates
``verdicts.json`` says why. A claim may gain controls, never lose them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sumrules.core.ledger import Ledger

SNAPSHOT = Path(__file__).with_name("verdicts.json")


@pytest.fixture
def ledger_json(full_ledger: Ledger) -> dict[str, dict[str, object]]:
    doc = json.loads(json.dumps(full_ledger.to_json(timings=False)))
    return {c["id"]: c for c in doc["claims"]}


def test_every_verdict_equals_the_snapshot(ledger_json: dict[str, dict[str, object]]) -> None:
    snapshot = json.loads(SNAPSHOT.read_text())["claims"]
    got = {k: v["verdict"] for k, v in ledger_json.items()}
    assert got == {k: v["verdict"] for k, v in snapshot.items()}


def test_no_claim_lost_a_control(ledger_json: dict[str, dict[str, object]]) -> None:
    snapshot = json.loads(SNAPSHOT.read_text())["claims"]
    lost = {
        k: (len(ledger_json[k]["controls"]), v["controls"])  # type: ignore[arg-type]
        for k, v in snapshot.items()
        if len(ledger_json[k]["controls"]) < v["controls"]  # type: ignore[arg-type]
    }
    assert not lost, f"claims with fewer controls than the snapshot (now, before): {lost}"


def test_the_snapshot_check_can_fail(ledger_json: dict[str, dict[str, object]]) -> None:
    """Negative control: a snapshot with one verdict changed does not match."""
    snapshot = json.loads(SNAPSHOT.read_text())["claims"]
    snapshot["eq19"]["verdict"] = "verified"
    got = {k: v["verdict"] for k, v in ledger_json.items()}
    assert got != {k: v["verdict"] for k, v in snapshot.items()}
