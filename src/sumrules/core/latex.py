"""Turn plain text with a little Unicode physics notation into LaTeX that pdflatex accepts.

Summaries, evidence and justifications are written for the terminal (``m_e``, ``K_α1``,
``F_el(0)``, ``ε₀m_e/M``, ``Q² = 2m_eT``, ``10⁻³``). In the proof book every word that carries
math notation is typeset as math, with real sub- and superscripts; unit names and function
names stay upright; identifiers of code (``sum_rule_ratios``, ``hydrogen_checks.resolvent``)
are set in typewriter type; everything else is escaped text.

>>> text_to_latex("m_e and K_α1, F_el(0), ε₀m_e/M")
'$m_{e}$ and $K_{\\\\alpha1}$, $F_{\\\\mathrm{el}}(0)$, $\\\\varepsilon_{0}m_{e}/M$'
>>> text_to_latex("2.5e6 barn keV² at T = 14 keV")
'2.5e6 barn $\\\\mathrm{keV}^{2}$ at T = 14 keV'
>>> text_to_latex("see sum_rule_ratios & 50% of π")
'see \\\\texttt{sum\\\\_rule\\\\_ratios} \\\\& 50\\\\% of $\\\\pi$'
>>> math_to_latex("Q²/2m")
'Q^{2}/2m'
"""

from __future__ import annotations

import re

__all__ = ["is_math_word", "math_to_latex", "math_word_to_latex", "text_to_latex"]

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
    "η": r"\eta",
    "θ": r"\theta",
    "κ": r"\kappa",
    "λ": r"\lambda",
    "μ": r"\mu",
    "ν": r"\nu",
    "π": r"\pi",
    "ρ": r"\rho",
    "σ": r"\sigma",
    "τ": r"\tau",
    "φ": r"\phi",
    "χ": r"\chi",
    "Φ": r"\Phi",
    "ψ": r"\psi",
    "ω": r"\omega",
    "Γ": r"\Gamma",
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

_SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻ⁿ"
_SUB = "₀₁₂₃₄₅₆₇₈₉ₙ"
_GREEK = "αβγδεϵηθκλμνπρστφχψωΓΔΦΣΩ"
#: upright inside math: units and function names
_UPRIGHT = {
    "keV", "eV", "MeV", "GeV", "cm", "barn", "fm", "hartree", "bohr", "dps",
    "sin", "cos", "tan", "ln", "log", "exp", "atan", "atan2", "Im", "Re", "lim", "max", "min",
}  # fmt: skip
_PLAIN = str.maketrans(_SUPER + _SUB, "0123456789-n0123456789n")
_FUNCTIONS = {"sin", "cos", "tan", "ln", "log", "exp", "lim", "max", "min"}
_IDENTIFIER_SUB = re.compile(r"(?<![A-Za-z])([A-Za-z]|[" + _GREEK + r"])_")
_CODE = re.compile(r"[A-Za-z0-9]*[a-z]{2,}_[a-z0-9_]*[a-z]{2,}|[a-z]{2,}\w*\.[a-z_]{2,}\w*")


def _escape_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch in _MATH:
        return f"${_MATH[ch]}$"
    if ch in _TEXT:
        return _TEXT[ch]
    if ord(ch) < 128:
        return ch
    raise ValueError(f"text_to_latex: no LaTeX form for {ch!r} (U+{ord(ch):04X})")


def _escape(text: str) -> str:
    return "".join(_escape_char(ch) for ch in text)


def is_math_word(word: str) -> bool:
    """Whether a word (no spaces) carries math notation: a one-letter symbol with a subscript
    (``m_e``, ``K_α1``), super- or subscript digits (``Q²``, ``ε₀``), ``^``, or sympy's ``**``.

    >>> [is_math_word(w) for w in ("m_e", "Q²/2m", "10⁻³", "x^(5/2)", "sum_rule_ratios", "keV")]
    [True, True, True, True, False, False]
    """
    if _CODE.search(word):
        return False
    return bool(
        _IDENTIFIER_SUB.search(word)
        or any(ch in _SUPER or ch in _SUB for ch in word)
        or "^" in word
        or re.search(r"\w\*\*?\w", word)
    )


def _subscript(word: str, i: int) -> tuple[str, int]:
    """The subscript that starts at word[i] (after "_"): a group in parentheses, or one
    character followed by lowercase letters, digits and Greek letters."""
    if i < len(word) and word[i] in "({":
        close = word.find(")" if word[i] == "(" else "}", i)
        if close > i:
            return word[i : close + 1] if word[i] == "(" else word[i + 1 : close], close + 1
    j = i + 1
    while j < len(word) and (
        (word[j].isascii() and word[j].isalnum() and not word[j].isupper()) or word[j] in _GREEK
    ):
        j += 1
    return word[i:j], j


def _letters(sub: str) -> str:
    if sub.isalpha() and sub.isascii() and len(sub) > 1:
        return rf"\mathrm{{{sub}}}"
    return math_to_latex(sub)


def _superscript(word: str, i: int) -> tuple[str, int]:
    """``^x``, ``^(…)`` or sympy's ``**x`` at word[i]: (LaTeX, next index)."""
    i += 2 if word[i] == "*" else 1
    if i < len(word) and word[i] in "({":
        close = word.find(")" if word[i] == "(" else "}", i)
        close = len(word) if close < 0 else close
        return "^{" + math_to_latex(word[i + 1 : close]) + "}", close + 1
    m = re.match(r"-?(?:[^\W_]|\.)+", word[i:])
    exp = m.group(0) if m else ""
    return "^{" + math_to_latex(exp) + "}", i + len(exp)


def _script_run(word: str, i: int) -> tuple[str, int]:
    """A run of Unicode super- or subscript characters at word[i]."""
    kind = _SUPER if word[i] in _SUPER else _SUB
    j = i
    while j < len(word) and word[j] in kind:
        j += 1
    return ("^{" if kind == _SUPER else "_{") + word[i:j].translate(_PLAIN) + "}", j


def _upright(name: str) -> str:
    return rf"\{name} " if name in _FUNCTIONS else rf"\mathrm{{{name}}}"


#: characters that are not LaTeX math as they stand
_MATH_SPECIAL = {
    "%": r"\%",
    "_": r"\_",
    "#": r"\#",
    "&": r"\&",
    "~": r"\sim{}",
    "\\": r"\backslash{}",
}


def _math_token(word: str, i: int, after_base: bool) -> tuple[str, int]:
    """The LaTeX of the token at word[i] and the index after it."""
    ch = word[i]
    if (
        ch == "_"
        and after_base
        and word[i + 1 : i + 2]
        and (word[i + 1].isalnum() or word[i + 1] in "({" or word[i + 1] in _GREEK)
    ):
        sub, j = _subscript(word, i + 1)
        return "_{" + _letters(sub) + "}", j
    if word.startswith("**", i) or ch == "^":
        return _superscript(word, i)
    if ch == "*":
        return r"\,", i + 1
    if ch in _SUPER or ch in _SUB:
        return _script_run(word, i)
    run = re.match(r"[A-Za-z]{2,}\d*", word[i:])
    if run and run.group(0) in _UPRIGHT:
        return _upright(run.group(0)), i + len(run.group(0))
    return _MATH_SPECIAL.get(ch) or math_to_latex(ch), i + 1


def math_word_to_latex(word: str) -> str:
    """One math word as LaTeX math (no dollars).

    >>> math_word_to_latex("δ_(μ)"), math_word_to_latex("(I/T)^(5/2)"), math_word_to_latex("4*m**2")
    ('\\\\delta_{(\\\\mu)}', '(I/T)^{5/2}', '4\\\\,m^{2}')
    """
    out: list[str] = []
    i = 0
    while i < len(word):
        token, i = _math_token(word, i, bool(out))
        out.append(token)
    text = "".join(_separate_scripts(out))
    return re.sub(r"(\\[a-zA-Z]+) (?=[^a-zA-Z])", r"\1", text)


def _separate_scripts(parts: list[str]) -> list[str]:
    """A superscript right after a superscript (``x^{2}^{2}``, from sympy's ``s^2**2``) gets an
    empty base ``{}``, and likewise for subscripts: LaTeX refuses double scripts."""
    out: list[str] = []
    for part in parts:
        if out and part[:2] in ("^{", "_{") and out[-1].startswith(part[:2]):
            out.append("{}")
        out.append(part)
    return out


def _split_word(token: str) -> tuple[str, str, str]:
    """(leading, core, trailing): punctuation around a word, parentheses only if unbalanced."""
    lead = ""
    while (
        token
        and token[0] in "(["
        and token.count("(") + token.count("[") > token.count(")") + token.count("]")
    ):
        lead, token = lead + token[0], token[1:]
    trail = ""
    while token and (
        token[-1] in ",;:."
        or (
            token[-1] in ")]"
            and token.count(")") + token.count("]") > token.count("(") + token.count("[")
        )
    ):
        trail, token = token[-1] + trail, token[:-1]
    return lead, token, trail


def text_to_latex(text: str) -> str:
    """Plain text as LaTeX: math words in math mode, code identifiers in typewriter type,
    the rest escaped; known Unicode symbols become inline math.

    Unknown non-ASCII characters raise ValueError, so that a proof book never fails to compile
    because of an unexpected glyph.
    """
    try:
        out: list[str] = []
        for token in re.split(r"(\s+)", text):
            lead, core, trail = _split_word(token)
            if core and is_math_word(core):
                out.append(f"{_escape(lead)}${math_word_to_latex(core)}${_escape(trail)}")
            elif core and _CODE.fullmatch(core):
                out.append(f"{_escape(lead)}\\texttt{{{_escape(core)}}}{_escape(trail)}")
            else:
                out.append(_escape(token))
        return re.sub(r"(?<!\\)\$\$", "", "".join(out))
    except ValueError as exc:
        raise ValueError(f"{exc} in {text!r}") from None


def math_to_latex(text: str) -> str:
    """Convert a Unicode formula written for the terminal into LaTeX math (no dollars)."""
    out: list[str] = []
    for ch in text:
        if ch in _MATH:
            sym = _MATH[ch]
            out.append(sym + (" " if sym[-1].isalpha() and sym.startswith("\\") else ""))
        elif ch == "…":
            out.append(r"\ldots ")
        elif ch in _TEXT:
            out.append(rf"\text{{{_TEXT[ch]}}}")
        elif ch in "%#&$":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            raise ValueError(
                f"math_to_latex: no LaTeX form for {ch!r} (U+{ord(ch):04X}) in {text!r}"
            )
    return "".join(out).replace(" ^", "^").replace(" _", "_")
