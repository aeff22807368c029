"""Eq. (16): the conjugation identity e^{-iq·r} H e^{iq·r} = H + p·q/m + q²/2m, checked step
by step (:mod:`sumrules.theory.operators`); the wrong sign of the exponent gives p − q, and the
negative control of the identity fails where it should.
"""

from __future__ import annotations

import pytest
import sympy as sp

from sumrules.theory.operators import (
    conjugated_hamiltonian_action,
    conjugation_identity_control,
    conjugation_identity_steps,
    shifted_hamiltonian_action,
)


def test_conjugation_identity_steps_all_pass() -> None:
    steps = conjugation_identity_steps()
    assert len(steps) == 5
    assert all(step.passed for step in steps)
    assert all(step.lhs and step.rhs and step.justification for step in steps)


def test_conjugation_identity_control_fails() -> None:
    control = conjugation_identity_control()
    assert [step.passed for step in control[:2]] == [False, False]
    assert control[-1].passed is False


def test_wrong_sign_gives_momentum_minus_q() -> None:
    diff = sp.expand(conjugated_hamiltonian_action(-1) - shifted_hamiltonian_action())
    assert sp.simplify(diff) != 0
    with pytest.raises(ValueError, match="sign"):
        conjugated_hamiltonian_action(2)
