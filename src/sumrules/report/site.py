"""The ledger as pages of the documentation site: one MyST Markdown page per claim.

The documentation build (``docs/_ext/ledger_pages.py``) runs :func:`sumrules.verify` and
writes these pages before Sphinx reads its sources, so the site always shows the ledger of
the code it documents. A claim page holds what the proof book holds: the statement as
printed, the verdict and its summary, the corrected statement, the notes, the derivations
step by step with their math, the evidence and the negative controls.

Equations go into ``{math}`` blocks (rendered by MathJax); the printed sentences, which are
stored as LaTeX-safe text, are turned into Markdown with inline ``{math}`` roles
(:func:`latex_text_to_markdown`); every other text (summaries, evidence) is plain Unicode,
escaped for Markdown (:func:`markdown_text`).

>>> from sumrules.core.ledger import ClaimResult, Control, Evidence, Ledger
>>> r = ClaimResult("eq0", "verified", "holds for |x| < 1", [Evidence("m", "symbolic", "s")],
...                 [Control("wrong sign", True)], title="A toy", printed="x = 1",
...                 printed_math=True)
>>> page = claim_page(r)
>>> page.splitlines()[0]
'(claim-eq0)='
>>> "```{math}\\nx = 1\\n```" in page and "holds for \\\\|x\\\\| \\\\< 1" in page
True
>>> sorted(site_pages(Ledger([r])))
['_generated/families.md', '_generated/findings.md', '_generated/ledger-table.md', '_generated/tally.md', 'claims/eq0.md', 'claims/index.md']
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterable, Mapping
from pathlib import Path

from sumrules.core.claim import FAMILIES
from sumrules.core.derivation import Derivation, Step
from sumrules.core.ledger import VERDICTS, ClaimResult, Evidence, Ledger

__all__ = [
    "CLAIMS_DIR",
    "RELATIONS",
    "claim_page",
    "claim_page_name",
    "claims_index",
    "families_table",
    "findings_table",
    "is_sentence",
    "latex_text_to_markdown",
    "ledger_table",
    "ledger_tally",
    "markdown_text",
    "math_block",
    "math_role",
    "prose_to_markdown",
    "site_pages",
    "verdict_badge",
    "write_site_pages",
]

#: the folder of the claim pages, relative to the documentation source
CLAIMS_DIR = "claims"

#: how a derivation step's relation is written in LaTeX
RELATIONS: Mapping[str, str] = {
    "=": "=",
    "!=": r"\neq",
    "<": "<",
    ">": ">",
    "<=": r"\leq",
    ">=": r"\geq",
}

_PUNCTUATION = frozenset(string.punctuation)


def markdown_text(text: str) -> str:
    """Plain text as Markdown that shows it verbatim: every ASCII punctuation character is
    backslash-escaped (CommonMark allows it for each of them), line breaks become spaces.

    >>> markdown_text("S(T, Q²) = Σ_n |⟨n|…|0⟩|² *and* [x]")
    'S\\\\(T\\\\, Q²\\\\) \\\\= Σ\\\\_n \\\\|⟨n\\\\|…\\\\|0⟩\\\\|² \\\\*and\\\\* \\\\[x\\\\]'
    """
    text = re.sub(r"[ \t\r\n]+", " ", text)
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in text)


_TEX_WORD = re.compile(r"\\[A-Za-z]+")
_OPERATOR = re.compile(r"^[-+=−×·/<>≤≥]{1,2}$")


def prose_to_markdown(text: str) -> str:
    r"""Prose as Markdown (:func:`markdown_text`), except that a run of words holding TeX
    control words (``\frac{x}{2m}``, joined by operators such as ``-`` or ``=``) becomes
    inline math: a justification that slips into TeX shows as a formula, not as raw TeX.

    >>> print(prose_to_markdown(r"h = \left(T - \frac{x}{2m}\right)^(−1). Done"))
    h \= {math}`\left(T - \frac{x}{2m}\right)^(−1)`\. Done
    >>> print(prose_to_markdown("no TeX: a_b"))
    no TeX\: a\_b
    """
    words = re.sub(r"[ \t\r\n]+", " ", text).split(" ")
    tex = [bool(_TEX_WORD.search(w)) for w in words]
    if not any(tex):
        return markdown_text(text)
    out: list[str] = []
    i = 0
    while i < len(words):
        if not tex[i]:
            out.append(markdown_text(words[i]))
            i += 1
            continue
        j = i  # extend the run over operators that stand between TeX words
        k = i + 1
        while k < len(words):
            if tex[k]:
                j = k
            elif not (_OPERATOR.match(words[k]) or len(words[k]) == 1):
                break
            k += 1
        run = " ".join(words[i : j + 1])
        tail = re.search(r"[.,;:]+$", run)
        trailing = tail.group(0) if tail else ""
        out.append(math_role(run[: len(run) - len(trailing)]) + markdown_text(trailing))
        i = j + 1
    return " ".join(out)


def _fence(text: str, char: str = "`", least: int = 1) -> str:
    """The shortest run of ``char`` (at least ``least``) that does not occur in ``text``."""
    longest = max((len(m) for m in re.findall(re.escape(char) + "+", text)), default=0)
    return char * max(least, longest + 1)


def _code(text: str) -> str:
    text = " ".join(text.split())
    fence = _fence(text)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def math_role(latex: str) -> str:
    """Inline math: the ``{math}`` role around ``latex``.

    >>> math_role(r"\\mu_\\nu < 3")
    '{math}`\\\\mu_\\\\nu < 3`'
    """
    latex = " ".join(latex.split())
    fence = _fence(latex)
    return f"{{math}}{fence}{latex}{fence}"


def math_block(latex: str) -> str:
    """Display math: a ``{math}`` directive (a ``$$`` pair around the whole is dropped).

    >>> print(math_block("$$a = b$$"))
    ```{math}
    a = b
    ```
    """
    body = latex.strip()
    if body.startswith("$$") and body.endswith("$$"):
        body = body[2:-2].strip()
    body = re.sub(r"\n\s*\n", "\n", body)  # a blank line would split the equation
    fence = _fence(body, least=3)
    return f"{fence}{{math}}\n{body}\n{fence}"


# -- LaTeX-safe text (the printed sentences) to Markdown ---------------------------------------

_SYMBOLS = {
    r"\%": "%",
    r"\&": "&",
    r"\#": "#",
    r"\_": "_",
    r"\$": "$",
    r"\{": "{",
    r"\}": "}",
    r"\ldots{}": "…",
    r"\ldots": "…",
    r"\textbackslash{}": "\\",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\'e": "é",
    r"\"o": "ö",
    r"\"u": "ü",
    "---": "—",
    "--": "–",
    "``": "“",
    "''": "”",
    "`": "‘",
    "~": "\u00a0",
}
_STYLES = {
    "emph": ("*", "*"),
    "textit": ("*", "*"),
    "textbf": ("**", "**"),
    "textsc": ("", ""),
    "textrm": ("", ""),
    "text": ("", ""),
    "mbox": ("", ""),
}
_TOKEN = re.compile(
    r"(?<!\\)\$(?P<math>(?:\\.|[^$\\])+)\$"  # inline math
    r"|\\(?P<cmd>[A-Za-z]+)\{"  # a command with an argument
    r"|(?P<sym>" + "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True)) + r")"
    r"|\\(?P<bare>[A-Za-z]+)\s*"  # a command without an argument
)


def _argument(text: str, start: int) -> tuple[str, int]:
    """The brace-balanced argument that opens just before ``start``; (argument, end)."""
    depth = 1
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return text[start:i], i + 1
        i += 1
    raise ValueError(f"unbalanced braces in {text!r}")


def latex_text_to_markdown(text: str) -> str:
    """A LaTeX-safe sentence (as the claims quote the paper) as Markdown: ``$…$`` becomes a
    ``{math}`` role, ``\\emph`` emphasis, LaTeX quotes and dashes their Unicode characters,
    escaped specials plain characters; the rest is escaped text.

    >>> latex_text_to_markdown(r"``limit [4] being $\\mu_\\nu < 3.2$'' (Eq.~(10), 1--20 keV, 5\\%)")
    '“limit \\\\[4\\\\] being {math}`\\\\mu_\\\\nu < 3.2`” \\\\(Eq\\\\.\\xa0\\\\(10\\\\)\\\\, 1–20 keV\\\\, 5\\\\%\\\\)'
    >>> latex_text_to_markdown(r"higher \\emph{negative} powers")
    'higher *negative* powers'
    >>> latex_text_to_markdown(r"\\text{zero} \\iff")
    'zero iff'
    """
    out: list[str] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            out.append(markdown_text("".join(plain)))
            plain.clear()

    pos = 0
    while pos < len(text):
        m = _TOKEN.search(text, pos)
        if m is None:
            plain.append(text[pos:])
            break
        plain.append(text[pos : m.start()])
        if m.group("math") is not None:
            flush()
            out.append(math_role(m.group("math")))
            pos = m.end()
        elif m.group("cmd") is not None:
            argument, pos = _argument(text, m.end())
            before, after = _STYLES.get(m.group("cmd"), ("", ""))
            flush()
            out.append(before + latex_text_to_markdown(argument).strip() + after)
        elif m.group("sym") is not None:
            plain.append(_SYMBOLS[m.group("sym")])
            pos = m.end()
        else:
            plain.append(m.group("bare") + " ")
            pos = m.end()
    flush()
    return re.sub(r" {2,}", " ", "".join(out)).strip()


# -- one claim ---------------------------------------------------------------------------------

_TEXT_GROUP = re.compile(r"\\(?:text|mathrm|operatorname)\{[^{}]*\}")
_WORDS = re.compile(r"[A-Za-z]{3,}[ ,;]+[A-Za-z]{2,}[ ,;]+[A-Za-z]{3,}")


def is_sentence(latex: str) -> bool:
    r"""Whether a stored statement is a sentence (LaTeX-safe text with ``$…$`` math) rather than
    an equation. A :class:`~sumrules.core.ledger.ClaimResult` says so for its printed statement
    (``printed_math``) but not for its correction, which may be either.

    >>> is_sentence(r"R(T, 0) = \frac{Z^2}{T}"), is_sentence(r"\text{zero} \iff s \geq 0")
    (False, False)
    >>> is_sentence(r"In Ge the product $\sigma_\gamma(T)T^2$ reaches values of order $10^6$")
    True
    >>> is_sentence("the rule holds for every s")
    True
    """
    if re.search(r"(?<!\\)\$", latex) or latex.lstrip().startswith("``"):
        return True
    return bool(_WORDS.search(_TEXT_GROUP.sub(" ", latex)))


def claim_page_name(claim_id: str) -> str:
    """The document name of a claim's page, relative to the source root.

    >>> claim_page_name("eq19.vanishing")
    'claims/eq19.vanishing'
    """
    return f"{CLAIMS_DIR}/{claim_id}"


def verdict_badge(verdict: str) -> str:
    """The verdict as an inline HTML badge (coloured by the site's stylesheet).

    >>> verdict_badge("refuted")
    '<span class="sumrules-verdict sumrules-refuted">refuted</span>'
    """
    known = verdict if verdict in (*VERDICTS, "error") else "error"
    return f'<span class="sumrules-verdict sumrules-{known}">{markdown_text(verdict)}</span>'


def _agreement(e: Evidence) -> str:
    if e.agreement is None:
        return "n/a"
    return "exact" if math.isinf(e.agreement) else f"{e.agreement:.1f} digits"


def _step(i: int, s: Step) -> list[str]:
    relation = RELATIONS.get(s.relation, s.relation)
    lines = [
        f"**Step {i}.** {prose_to_markdown(s.justification)}.",
        "",
        math_block(f"{s.lhs} {relation} {s.rhs}"),
    ]
    if s.method:
        lines += ["", f"Check ({markdown_text(s.method)}): **{s.status}**."]
    return [*lines, ""]


def _derivation(i: int, d: Derivation) -> list[str]:
    lines = [f"### {i}. {markdown_text(d.title)}", ""]
    for j, s in enumerate(d.steps, 1):
        lines += _step(j, s)
    return lines


def _printed(r: ClaimResult) -> str:
    if r.printed_math:
        return math_block(r.printed)
    return "> " + latex_text_to_markdown(r.printed)


def claim_page(r: ClaimResult) -> str:
    """One claim as a MyST Markdown page (the proof book's section of the claim, for the web)."""
    lines = [
        f"(claim-{r.id})=",
        "",
        f"# {_code(r.id)}: {markdown_text(r.title or r.id)}",
        "",
        f"{verdict_badge(r.verdict)} checked at {r.dps} significant digits",
        "",
        "## As printed",
        "",
        _printed(r),
        "",
        f"## Verdict: {markdown_text(r.verdict)}",
        "",
        prose_to_markdown(r.summary),
        "",
    ]
    if r.error:
        lines += ["```{error}", markdown_text(r.error), "```", ""]
    if r.corrected:
        if is_sentence(r.corrected):
            corrected = "> " + latex_text_to_markdown(r.corrected)
        else:
            corrected = math_block(r.corrected)
        lines += ["## Corrected statement", "", corrected, ""]
    if r.notes:
        lines += ["## Notes", "", prose_to_markdown(r.notes), ""]
    if r.derivations:
        lines += ["## Derivations", ""]
        for i, d in enumerate(r.derivations, 1):
            lines += _derivation(i, d)
    if r.evidence:
        lines += ["## Evidence", ""]
        for i, e in enumerate(r.evidence, 1):
            status = "agrees" if e.agrees else "DISAGREES"
            value = f" Value: {_code(e.value)}" if e.value else ""
            lines.append(
                f"{i}. **{markdown_text(e.method)}** (route family: {markdown_text(e.route)}; "
                f"precision: {markdown_text(e.precision)}; agreement: {_agreement(e)}; "
                f"{status}). {prose_to_markdown(e.statement)}.{value}"
            )
        lines.append("")
    if r.controls:
        lines += ["## Negative controls", ""]
        for i, c in enumerate(r.controls, 1):
            status = "caught" if c.caught else "NOT CAUGHT"
            detail = f" {prose_to_markdown(c.detail)}" if c.detail else ""
            lines.append(f"{i}. {prose_to_markdown(c.description)}: **{status}**.{detail}")
        lines.append("")
    return "\n".join(lines)


# -- the whole ledger --------------------------------------------------------------------------


def _link(claim_id: str) -> str:
    return f"{{doc}}`{claim_id} </{claim_page_name(claim_id)}>`"


def ledger_table(ledger: Ledger, *, verdicts: Iterable[str] | None = None) -> str:
    """The ledger as a Markdown table (claim linked to its page, verdict, summary), in paper
    order; ``verdicts`` keeps only those verdicts.

    >>> from sumrules.core.ledger import ClaimResult
    >>> print(ledger_table(Ledger([ClaimResult("eq1", "verified", "a|b", [])])))
    | claim | verdict | summary |
    |:--|:--|:--|
    | {doc}`eq1 </claims/eq1>` | <span class="sumrules-verdict sumrules-verified">verified</span> | a\\|b |
    """
    keep = None if verdicts is None else set(verdicts)
    rows = ["| claim | verdict | summary |", "|:--|:--|:--|"]
    for r in ledger.results:
        if keep is None or r.verdict in keep:
            rows.append(
                f"| {_link(r.id)} | {verdict_badge(r.verdict)} | {prose_to_markdown(r.summary)} |"
            )
    return "\n".join(rows)


def ledger_tally(ledger: Ledger) -> str:
    """One sentence: how many claims, by verdict, and the negative controls.

    >>> from sumrules.core.ledger import ClaimResult
    >>> ledger_tally(Ledger([ClaimResult("eq1", "verified", "", []), ClaimResult("eq2", "refuted", "", [])]))
    '2 claims: 1 verified, 0 corrected, 1 refuted, 0 qualified. Negative controls run 0, caught 0.'
    """
    counts = {v: 0 for v in VERDICTS}
    for r in ledger.results:
        counts[r.verdict] = counts.get(r.verdict, 0) + 1
    tally = ", ".join(f"{n} {v}" for v, n in counts.items())
    return (
        f"{len(ledger.results)} claims: {tally}. Negative controls run {ledger.controls_run}, "
        f"caught {ledger.controls_caught}."
    )


def findings_table(ledger: Ledger) -> str:
    """The claims whose printed statement fails (corrected or refuted), as a table."""
    return ledger_table(ledger, verdicts=("corrected", "refuted"))


def families_table() -> str:
    """The route families (:data:`sumrules.core.claim.FAMILIES`) as a Markdown table.

    >>> families_table().splitlines()[2].startswith("| closed form |")
    True
    """
    rows = ["| family | what a route of it does |", "|:--|:--|"]
    rows += [f"| {name} | {markdown_text(what)} |" for name, what in FAMILIES.items()]
    return "\n".join(rows)


def claims_index(ledger: Ledger) -> str:
    """The page that lists the claim pages (a toctree in paper order)."""
    entries = "\n".join(f"{r.id} <{r.id}>" for r in ledger.results)
    return (
        "# The claims, one page each\n\n"
        "Every claim of the ledger with what stands behind its verdict: the statement as "
        "printed, the summary, the corrected statement, the notes, the derivations step by "
        "step, the evidence of each route and the negative controls. These pages are "
        "generated at every build of this site from a fresh run of `sumrules.verify()`, the "
        "same content as the LaTeX proof book that `sumrules report` writes.\n\n"
        f"{markdown_text(ledger_tally(ledger))}\n\n"
        "```{toctree}\n:maxdepth: 1\n\n" + entries + "\n```\n"
    )


def site_pages(ledger: Ledger) -> dict[str, str]:
    """Every generated page as ``{path relative to the docs source: MyST text}``: one page
    per claim, the claims index, and three fragments that hand-written pages include (the
    ledger table, the table of failed statements, the tally)."""
    pages = {f"{claim_page_name(r.id)}.md": claim_page(r) for r in ledger.results}
    pages[f"{CLAIMS_DIR}/index.md"] = claims_index(ledger)
    pages["_generated/ledger-table.md"] = ledger_table(ledger) + "\n"
    pages["_generated/findings.md"] = findings_table(ledger) + "\n"
    pages["_generated/tally.md"] = markdown_text(ledger_tally(ledger)) + "\n"
    pages["_generated/families.md"] = families_table() + "\n"
    return pages


def write_site_pages(ledger: Ledger, root: str | Path) -> list[Path]:
    """Write :func:`site_pages` under ``root`` (a file whose text is unchanged is not touched,
    so incremental builds stay incremental; claim pages of claims no longer in the ledger are
    removed); return the paths written.

    >>> import tempfile
    >>> from sumrules.core.ledger import ClaimResult
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     ledger = Ledger([ClaimResult("eq1", "verified", "", [])])
    ...     first = write_site_pages(ledger, tmp)
    ...     again = write_site_pages(ledger, tmp)
    >>> len(first), again
    (6, [])
    """
    root = Path(root)
    pages = site_pages(ledger)
    claims = root / CLAIMS_DIR
    if claims.is_dir():
        for stale in claims.glob("*.md"):
            if f"{CLAIMS_DIR}/{stale.name}" not in pages:
                stale.unlink()
    written = []
    for rel, text in pages.items():
        path = root / rel
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
