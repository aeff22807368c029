"""The derivations that library functions write are the ones the committed proof book prints.

A changed word, sign or formula in a step of these derivations changes the proof book; the
whole-book check (test_proof_book.py) needs the full ledger, so it is too slow to run against
every mutant (docs/mutation.md). This regenerates only the derivations of the kernel, the resolvent and the
oscillator, with the arguments the claims use, and looks their numbered steps up, in order, in
``proofs/claims/*.tex``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sympy as sp
from proofbook import book_text

from sumrules.core.derivation import Derivation, Step
from sumrules.models import oscillator as osc
from sumrules.theory import expansion as rv
from sumrules.theory.pole_integral.closed_form import induction_proof
from sumrules.theory.pole_integral.routes import pole_integral_distributional


def kernel_induction() -> Derivation:
    """The kernel's induction proof, as the Eq. (19) claim prints it."""
    return Derivation("", [Step.of(st) for st in induction_proof()])


def kernel_route_a(s: int, w: int) -> Derivation:
    """Route A's steps for symbolic m, T, as the Eq. (19) claim prints them."""
    m, T = sp.symbols("m T", positive=True)
    return Derivation("", [Step.of(st) for st in pole_integral_distributional(s, w, m, T)[1]])


#: (derivation builder, arguments) exactly as the claims (sumrules.paper) call them
CASES: list[tuple[Callable[..., Derivation], tuple[int, ...]]] = [
    (kernel_induction, ()),
    (kernel_route_a, (3, 3)),
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


def _steps_latex(derivation: Derivation) -> str:
    """The numbered steps as printed, without the title line."""
    return derivation.to_latex().split("\n", 1)[1]


@pytest.mark.parametrize(("build", "args"), CASES, ids=[f"{f.__name__}{a}" for f, a in CASES])
def test_each_step_appears_in_the_committed_proof_book(
    build: Callable[..., Derivation], args: tuple[int, ...]
) -> None:
    book = book_text()
    derivation = build(*args)
    assert derivation.ok and derivation.steps
    missing = [st.to_latex() for st in derivation.steps if st.to_latex() not in book]
    assert not missing, missing[0]
    assert _steps_latex(derivation) in book  # all of them, numbered and in this order


def test_a_step_with_one_word_less_is_not_found() -> None:
    """Negative control: the lookup rejects a step whose justification lost one word."""
    book = book_text()
    step = rv.reduced_resolvent_steps().steps[0]
    assert step.to_latex() in book
    words = step.justification.split()
    changed = Step(step.lhs, step.rhs, " ".join(words[1:]), step.method, step.passed)
    assert changed.to_latex() not in book


def test_a_changed_word_in_the_kernel_steps_is_not_found() -> None:
    """Negative control of the in-order lookup: one misspelt word and the block is not in the book."""
    good = _steps_latex(kernel_induction())
    bad = good.replace("induction", "inducton", 1)
    assert good in book_text() and bad != good and bad not in book_text()
