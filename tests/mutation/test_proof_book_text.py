"""The derivations that library functions write are the ones the committed proof book prints.

A changed word, sign or formula in a step of these derivations changes the proof book; the
whole-book check (tests/test_report.py) needs the full ledger, so it is too slow to run against
every mutant. This regenerates only the derivations of the resolvent and the oscillator, with
the arguments the claims use, and looks each step up in ``proofs/claims/*.tex``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from proofbook import book_text

from sumrules import resolvent as rv
from sumrules.derivation import Derivation, Step
from sumrules.models import oscillator as osc

#: (derivation builder, arguments) exactly as the claims of sumrules.paper.one_electron call them
CASES: list[tuple[Callable[..., Derivation], tuple[int, ...]]] = [
    (rv.all_orders_vanishing_proof, (-1,)),
    (rv.all_orders_vanishing_proof, (0,)),
    (rv.all_orders_vanishing_proof, (1,)),
    (rv.reduced_resolvent_steps, ()),
    (rv.low_q_divergence_steps, (8,)),
    (rv.power_counting_proof, (400,)),
    (osc.resolvent_expansion_steps, (6,)),
    (osc.model_input_checks, ()),
    (osc.weight_minus_two_steps, (10,)),
]


def _book() -> str:
    return book_text()


@pytest.mark.parametrize(("build", "args"), CASES, ids=[f"{f.__name__}{a}" for f, a in CASES])
def test_each_step_appears_in_the_committed_proof_book(
    build: Callable[..., Derivation], args: tuple[int, ...]
) -> None:
    book = _book()
    derivation = build(*args)
    assert derivation.ok and derivation.steps
    missing = [st.to_latex() for st in derivation.steps if st.to_latex() not in book]
    assert not missing, missing[0]


def test_a_step_with_one_word_less_is_not_found() -> None:
    """Negative control: the lookup rejects a step whose justification lost one word."""
    book = _book()
    step = rv.reduced_resolvent_steps().steps[0]
    assert step.to_latex() in book
    words = step.justification.split()
    changed = Step(step.lhs, step.rhs, " ".join(words[1:]), step.method, step.passed)
    assert changed.to_latex() not in book
