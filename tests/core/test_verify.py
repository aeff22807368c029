"""verify(): selection by id, precision, progress, and worker processes that change nothing."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from sumrules.core import registry
from sumrules.core.ledger import ClaimResult, Context
from sumrules.core.numeric import MAX_DPS
from sumrules.core.runner import default_jobs, verify, work_groups

TOY = """
import os
from dataclasses import replace
from functools import partial
from pathlib import Path
from toyclaims import hatch
SEEN = []
#: one line per run claim: id, process id, precision, certified flag (workers write it too)
LOG = Path(__file__).with_name("seen.log")
def note(claim_id, ctx):
    SEEN.append((ctx.dps, ctx.certified))
    with LOG.open("a") as log:
        log.write(f"{claim_id} {os.getpid()} {ctx.dps} {ctx.certified}\\n")
def probe(claim_id, **kw):
    return hatch(claim_id, before=partial(note, claim_id), **kw)
CLAIMS = (
    probe("eq10"), replace(probe("text.b-probe", anchor=3.0), cost=3),
    probe("eq3.probe"), replace(probe("eq4"), cost=9),
    replace(probe("eq3"), shares="a pair"),
    replace(probe("text.a-probe", anchor=2.5), shares="a pair"),
)
"""
#: paper order of the toy claims: anchor, then an equation before a sentence, then the id
PAPER_ORDER = ["text.a-probe", "eq3", "eq3.probe", "text.b-probe", "eq4", "eq10"]


@pytest.fixture
def toy_paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, bool]]]:
    """A paper package of six toy claims (in two modules), registered instead of the real one."""
    name = f"toypaper_{abs(hash(tmp_path)) % 10**8}"
    pkg = tmp_path / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "eq_toy.py").write_text(textwrap.dedent(TOY))
    (pkg / "_private.py").write_text("raise ImportError('a private module is never imported')\n")
    (pkg / "empty.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "PAPER_PACKAGE", name)
    module = __import__(f"{name}.eq_toy", fromlist=["SEEN"])
    yield module.SEEN
    for key in [k for k in sys.modules if k.startswith(name)]:
        del sys.modules[key]


def ids(results: list[ClaimResult]) -> list[str]:
    return [r.id for r in results]


def test_all_claims_come_in_paper_order(toy_paper: list[tuple[int, bool]]) -> None:
    assert [c.id for c in registry.all_claims()] == PAPER_ORDER
    assert ids(verify().results) == PAPER_ORDER


def test_an_id_selects_itself_and_its_sub_claims_once_in_paper_order(
    toy_paper: list[tuple[int, bool]],
) -> None:
    assert ids(verify(["eq3"]).results) == ["eq3", "eq3.probe"]
    assert ids(verify(["eq4", "eq3.probe", "eq3"]).results) == ["eq3", "eq3.probe", "eq4"]
    assert ids(verify(["text.a-probe"]).results) == ["text.a-probe"]


def test_an_unknown_id_lists_the_known_ones(toy_paper: list[tuple[int, bool]]) -> None:
    with pytest.raises(ValueError, match=r"unknown claim 'eq5'; known: text.a-probe, eq3, "):
        verify(["eq5"])


@pytest.mark.parametrize("bad", ["eq3", b"eq3", 3, ["eq3", 3], [None]])
def test_ids_must_be_a_list_of_strings(toy_paper: list[tuple[int, bool]], bad: object) -> None:
    with pytest.raises(ValueError, match="ids must be a list of claim id strings"):
        verify(bad)  # type: ignore[arg-type]


def test_precision_and_the_certified_flag_reach_every_claim(
    toy_paper: list[tuple[int, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sumrules.core import certified

    monkeypatch.setattr(certified, "require_flint", lambda: None)
    led = verify(["eq3"], dps=45, certified=True)
    assert toy_paper == [(45, True), (45, True)] and led.dps == 45
    toy_paper.clear()
    assert verify(["eq4"]).dps == 30 and toy_paper == [(30, False)]


def test_a_bad_precision_or_job_count_is_refused_before_anything_runs(
    toy_paper: list[tuple[int, bool]],
) -> None:
    for bad in (9, MAX_DPS + 1, 30.0, True):
        with pytest.raises(ValueError, match="dps must be an integer"):
            verify(["eq4"], dps=bad)  # type: ignore[arg-type]
    for jobs in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="jobs must be a positive integer"):
            verify(["eq4"], jobs=jobs)  # type: ignore[arg-type]
    assert toy_paper == []
    assert verify(["eq4"], dps=10).dps == 10


def test_progress_is_called_before_and_after_each_claim(toy_paper: list[tuple[int, bool]]) -> None:
    calls: list[tuple[str, ClaimResult | None]] = []
    led = verify(["eq3"], progress=lambda c, r: calls.append((c.id, r)))
    assert calls == [
        ("eq3", None),
        ("eq3", led.results[0]),
        ("eq3.probe", None),
        ("eq3.probe", led.results[1]),
    ]


def test_workers_give_the_same_ledger_in_the_same_order(toy_paper: list[tuple[int, bool]]) -> None:
    calls: list[tuple[str, bool]] = []
    one = verify(jobs=1)
    two = verify(jobs=2, progress=lambda c, r: calls.append((c.id, r is None)))
    assert json.dumps(one.to_json(timings=False)) == json.dumps(two.to_json(timings=False))
    assert ids(two.results) == PAPER_ORDER
    assert sorted(calls) == sorted(
        [(i, True) for i in PAPER_ORDER] + [(i, False) for i in PAPER_ORDER]
    )
    assert verify(jobs=None).ok and default_jobs() >= 1


def test_a_module_declaring_something_else_or_a_claim_twice_is_refused(
    toy_paper: list[tuple[int, bool]],
) -> None:
    pkg = Path(sys.modules[registry.PAPER_PACKAGE].__path__[0])
    (pkg / "twice.py").write_text("from toyclaims import hatch\nCLAIMS = (hatch('eq3'),)\n")
    with pytest.raises(ValueError, match="claim 'eq3' declared twice"):
        registry.all_claims()
    (pkg / "twice.py").write_text("CLAIMS = ('eq3',)\n")
    sys.modules.pop(f"{registry.PAPER_PACKAGE}.twice", None)
    with pytest.raises(TypeError, match="CLAIMS holds 'eq3', not a Claim"):
        registry.all_claims()


def test_context_defaults() -> None:
    assert Context() == Context(dps=30, certified=False)


def test_costly_claims_are_submitted_first_and_results_stay_in_paper_order(
    toy_paper: list[tuple[int, bool]],
) -> None:
    submitted: list[str] = []
    led = verify(jobs=2, progress=lambda c, r: submitted.append(c.id) if r is None else None)
    assert submitted[:2] == ["eq4", "text.b-probe"] and len(submitted) == 6
    assert ids(led.results) == PAPER_ORDER
    serial: list[str] = []
    verify(jobs=1, progress=lambda c, r: serial.append(c.id) if r is None else None)
    assert serial == PAPER_ORDER  # one process runs in paper order


def test_claims_that_share_work_are_submitted_together_in_paper_order(
    toy_paper: list[tuple[int, bool]],
) -> None:
    claims = {c.id: c for c in registry.all_claims()}
    groups = [[c.id for c in g] for g in work_groups(list(claims.values()))]
    # the two claims of the group run in one worker, in paper order; the others alone, the
    # costliest first (the group costs 0.1 + 0.1)
    assert groups == [["eq4"], ["text.b-probe"], ["text.a-probe", "eq3"], ["eq3.probe"], ["eq10"]]
    submitted: list[str] = []
    led = verify(jobs=2, progress=lambda c, r: submitted.append(c.id) if r is None else None)
    assert submitted[2:4] == ["text.a-probe", "eq3"] and ids(led.results) == PAPER_ORDER
    # a group is a name of its own: one called like a claim does not take that claim in
    named = [replace(claims["eq3.probe"], shares="eq10"), claims["eq10"]]
    assert [[c.id for c in g] for g in work_groups(named)] == [["eq3.probe"], ["eq10"]]
    assert work_groups([]) == []


def test_workers_run_a_group_in_one_process_with_the_ledgers_precision_and_flag(
    toy_paper: list[tuple[int, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sumrules.core import certified

    monkeypatch.setattr(certified, "require_flint", lambda: None)
    log = Path(sys.modules[f"{registry.PAPER_PACKAGE}.eq_toy"].LOG)
    verify(dps=45, certified=True, jobs=2)
    rows = [line.split() for line in log.read_text().splitlines()]
    assert sorted(r[0] for r in rows) == sorted(PAPER_ORDER)  # each claim once
    run = {r[0]: (int(r[1]), r[2], r[3]) for r in rows}
    assert {(d, flag) for _, d, flag in run.values()} == {("45", "True")}
    pids = {pid for pid, _, _ in run.values()}
    assert len(pids) <= 2 and os.getpid() not in pids  # in the two workers, not here
    assert run["eq3"][0] == run["text.a-probe"][0]  # the group "a pair" in one process
    log.unlink()
    verify(jobs=1)
    assert {int(line.split()[1]) for line in log.read_text().splitlines()} == {os.getpid()}
