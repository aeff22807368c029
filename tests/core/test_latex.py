"""Typography of the proof book: math words as math, code as code, text escaped, and every
text of the ledger compiles."""

from __future__ import annotations

import pytest

from sumrules.core.latex import is_math_word, math_word_to_latex, text_to_latex


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("m_e", "$m_{e}$"),
        ("K_α1", r"$K_{\alpha1}$"),
        ("F_el(0)", r"$F_{\mathrm{el}}(0)$"),
        ("ε₀m_e/M", r"$\varepsilon_{0}m_{e}/M$"),
        ("Q² = 2m_eT", "$Q^{2}$ = $2m_{e}T$"),
        ("δ_(μ) < 0.7×10⁻³", r"$\delta_{(\mu)}$ $<$ $0.7\times10^{-3}$"),
        ("(I/T)^(5/2),", "$(I/T)^{5/2}$,"),
        ("r_nmm = r_ew", r"$r_{\mathrm{nmm}}$ = $r_{\mathrm{ew}}$"),
        ("2.5e6 barn keV²", r"2.5e6 barn $\mathrm{keV}^{2}$"),
        ("sin²θ_W", r"$\sin^{2}\theta_{W}$"),
        ("printed 4*m**2", r"printed $4\,m^{2}$"),
        ("s_W^2**2", r"$s_{W}^{2}{}^{2}$"),
        ("see sum_rule_ratios.", r"see \texttt{sum\_rule\_ratios}."),
        ("acb.integral (python-flint)", r"\texttt{acb.integral} (python-flint)"),
        ("e.g. 50% & #1", r"e.g. 50\% \& \#1"),
        ("T − 1…", r"T $-$ 1\ldots{}"),
    ],
)
def test_words_are_typeset_by_kind(text: str, latex: str) -> None:
    assert text_to_latex(text) == latex


@pytest.mark.parametrize("word", ["keV", "T", "2.5e6", "sum_rule_ratios", "a.b", "x-y"])
def test_plain_words_are_not_math(word: str) -> None:
    assert not is_math_word(word)


def test_an_unknown_glyph_is_refused_with_the_text() -> None:
    with pytest.raises(ValueError, match=r"no LaTeX form for '☃'.*in 'a ☃'"):
        text_to_latex("a ☃")
    with pytest.raises(ValueError, match="no LaTeX form"):
        text_to_latex("m_☃")


def test_math_word_scripts() -> None:
    assert math_word_to_latex("x₁₂") == "x_{12}"
    assert math_word_to_latex("q_max²") == r"q_{\mathrm{max}}^{2}"
    assert math_word_to_latex("e^-x") == "e^{-x}"
