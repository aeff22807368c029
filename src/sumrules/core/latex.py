"""Turn plain text (with a little Unicode physics notation) into LaTeX that pdflatex accepts.

>>> text_to_latex("ε → 0+, w ≥ 1 & 50% of π")
'$\\\\varepsilon$ $\\\\to$ 0+, w $\\\\geq$ 1 \\\\& 50\\\\% of $\\\\pi$'
>>> math_to_latex("Q²/2m")
'Q^{2}/2m'
"""

from __future__ import annotations

__all__ = ["math_to_latex", "text_to_latex"]

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"$<$",
    ">": r"$>$",
    "|": r"$|$",
}

# Unicode symbols that appear in justifications and summaries, as LaTeX math.
_MATH = {
    "α": r"\alpha",
    "β": r"\beta",
    "γ": r"\gamma",
    "δ": r"\delta",
    "ε": r"\varepsilon",
    "ϵ": r"\epsilon",
    "θ": r"\theta",
    "λ": r"\lambda",
    "μ": r"\mu",
    "ν": r"\nu",
    "π": r"\pi",
    "ρ": r"\rho",
    "σ": r"\sigma",
    "τ": r"\tau",
    "φ": r"\phi",
    "Φ": r"\Phi",
    "ψ": r"\psi",
    "ω": r"\omega",
    "Δ": r"\Delta",
    "Σ": r"\Sigma",
    "Ω": r"\Omega",
    "ħ": r"\hbar",
    "→": r"\to",
    "←": r"\leftarrow",
    "⇒": r"\Rightarrow",
    "↦": r"\mapsto",
    "≥": r"\geq",
    "≤": r"\leq",
    "≠": r"\neq",
    "≈": r"\approx",
    "≡": r"\equiv",
    "≪": r"\ll",
    "≫": r"\gg",
    "∼": r"\sim",
    "∝": r"\propto",
    "±": r"\pm",
    "∓": r"\mp",
    "×": r"\times",
    "·": r"\cdot",
    "−": "-",
    "∞": r"\infty",
    "∫": r"\int",
    "∑": r"\sum",
    "∂": r"\partial",
    "∇": r"\nabla",
    "√": r"\surd",
    "∈": r"\in",
    "⟨": r"\langle",
    "⟩": r"\rangle",
    "†": r"\dagger",
    "⁻": "^{-}",
    "²": "^{2}",
    "³": "^{3}",
    "⁴": "^{4}",
    "¹": "^{1}",
    "⁰": "^{0}",
    "ⁿ": "^{n}",
    "₀": "_{0}",
    "₁": "_{1}",
    "₂": "_{2}",
    "ₙ": "_{n}",
    "°": r"^{\circ}",
    "′": "'",
    "⋯": r"\cdots",
    "″": "''",
}

_TEXT = {
    "–": "--",
    "—": "---",
    "’": "'",
    "‘": "`",
    "“": "``",
    "”": "''",
    "…": r"\ldots{}",
    "é": r"\'e",
    "ö": r"\"o",
    "ü": r"\"u",
    "\u00a0": "~",
}


def text_to_latex(text: str) -> str:
    """Escape plain text for LaTeX; known Unicode symbols become inline math.

    Unknown non-ASCII characters raise ValueError, so a proof book never
    fails to compile because of an unexpected glyph.
    """
    out: list[str] = []
    for ch in text:
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ch in _MATH:
            out.append(f"${_MATH[ch]}$")
        elif ch in _TEXT:
            out.append(_TEXT[ch])
        elif ord(ch) < 128:
            out.append(ch)
        else:
            raise ValueError(
                f"text_to_latex: no LaTeX form for {ch!r} (U+{ord(ch):04X}) in {text!r}"
            )
    return "".join(out)


def math_to_latex(text: str) -> str:
    """Convert a Unicode formula written for the terminal into LaTeX math (no dollars)."""
    out: list[str] = []
    for ch in text:
        if ch in _MATH:
            sym = _MATH[ch]
            out.append(sym + (" " if sym[-1].isalpha() and sym.startswith("\\") else ""))
        elif ord(ch) < 128:
            out.append(ch)
        else:
            raise ValueError(
                f"math_to_latex: no LaTeX form for {ch!r} (U+{ord(ch):04X}) in {text!r}"
            )
    return "".join(out).replace(" ^", "^").replace(" _", "_")
