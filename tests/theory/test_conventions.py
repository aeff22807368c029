"""sumrules.theory.conventions: verdicts from the conventions in which printed formulas hold,
and comparison steps that record their outcome (moved from the version-1 free-electron tests)."""

from __future__ import annotations

from sumrules.theory.conventions import (
    comparison_step,
    describe_conventions,
    verdict_from_conventions,
)


def test_verdict_from_conventions() -> None:
    both = ("heaviside-lorentz", "gaussian")
    assert verdict_from_conventions([both, both]) == "verified"
    assert verdict_from_conventions([both, ("gaussian",)]) == "qualified"
    assert verdict_from_conventions([both, ()]) == "corrected"
    assert describe_conventions([]) == "in neither convention"


def test_comparison_step_records_the_outcome() -> None:
    assert comparison_step("a", "a", "same", lambda: True).relation == "="
    step = comparison_step("a", "b", "different", lambda: False)
    assert step.relation == "!=" and step.passed is True
