"""Derivation steps check themselves and render to LaTeX/Markdown."""

from __future__ import annotations

import re

import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from sumrules.core.derivation import Derivation, Step
from sumrules.core.latex import math_to_latex, text_to_latex

x = sp.Symbol("x")


def test_checked_step_passes_and_fails_honestly():
    good = Step.checked(sp.diff(sp.sin(x) ** 2, x), sp.sin(2 * x), "chain rule")
    bad = Step.checked(sp.diff(sp.sin(x) ** 2, x), sp.cos(2 * x), "wrong chain rule")
    assert good.passed is True
    assert bad.passed is False  # negative control: the same check rejects a wrong step
    d = Derivation("demo", [good, bad])
    assert not d.ok and d.failed == [bad]


def test_definition_carries_no_check():
    s = Step.definition("A", "T - Q^2/2m", "definition")
    assert s.passed is None and s.status == "given"
    assert Derivation("d", [s]).ok


def test_predicate_and_relation():
    s = Step.checked(1, 2, "one is not two", relation="!=", predicate=lambda: 1 != 2)
    assert s.passed and r"\neq" in s.to_latex()


def test_rendering_contains_steps_and_status():
    d = Derivation("demo", [Step.checked(x + x, 2 * x, "collect")])
    tex = d.to_latex()
    assert "2 x" in tex and "CORRECT" in tex and "Step 1" in tex
    assert "collect" in d.to_markdown()
    assert d._repr_latex_().startswith("$") and d._repr_latex_().endswith("$")


@given(st.text(alphabet=st.sampled_from(list("abc &%$#_{}~^\\επ≥→²−")), max_size=40))
def test_text_to_latex_escapes_every_special_character(text):
    out = text_to_latex(text)
    # The math we inserted ($…$): sub- and superscripts only as _{…} and ^{…}, nothing of &%#~.
    stripped = out.replace(r"\$", "")
    for math in re.findall(r"\$([^$]*)\$", stripped):
        assert not re.search(r"[&%#~]|_(?!\{)|\^(?!\{)", re.sub(r"\\[&%#_]", "", math)), out
    stripped = re.sub(r"\$[^$]*\$", "", stripped)
    # No unescaped special character survives outside it.
    for token in (
        r"\&",
        r"\%",
        r"\#",
        r"\_",
        r"\{",
        r"\}",
        r"\textbackslash{}",
        r"\textasciitilde{}",
        r"\textasciicircum{}",
    ):
        stripped = stripped.replace(token, "")
    for ch in "&%#_~^$":
        assert ch not in stripped, out
    assert out.isascii()


def test_unknown_unicode_is_refused():
    import pytest

    with pytest.raises(ValueError, match="U\\+2603"):
        text_to_latex("snow ☃")
    assert math_to_latex("ω²") == r"\omega^{2}"
