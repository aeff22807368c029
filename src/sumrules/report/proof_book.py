"""Render a :class:`~sumrules.ledger.Ledger`: terminal table, JSON, Markdown, LaTeX proof book.

The proof book is deterministic: no timings, no dates, claims in paper order.

>>> from sumrules.core.ledger import verify
>>> md = ledger_markdown(verify(["eq19"]))
>>> md.splitlines()[0]
'| claim | verdict | summary |'
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sumrules.core.latex import text_to_latex
from sumrules.core.ledger import ClaimResult, Evidence, Ledger
from sumrules.report.site import is_sentence

__all__ = [
    "VERDICT_STYLE",
    "claim_latex",
    "ledger_json",
    "ledger_markdown",
    "print_ledger",
    "proof_book_files",
    "write_proof_book",
]

VERDICT_STYLE = {
    "verified": "bold green",
    "corrected": "bold yellow",
    "refuted": "bold red",
    "qualified": "bold cyan",
    "error": "bold white on red",
}


def _agreement(e: Evidence) -> str:
    if e.agreement is None:
        return "n/a"
    if math.isinf(e.agreement):
        return "exact"
    return f"{e.agreement:.1f} digits"


def print_ledger(ledger: Ledger, console: Console | None = None) -> None:
    """Print the ledger as a table: one row a claim (id, verdict, summary, time)."""
    console = console or Console()
    table = Table(title=f"sumrules ledger ({ledger.dps} digits)", show_lines=False, expand=True)
    table.add_column("claim", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("summary", ratio=1)
    table.add_column("time", justify="right", no_wrap=True)
    for r in ledger.results:
        style = VERDICT_STYLE.get(r.verdict, "")
        table.add_row(r.id, f"[{style}]{r.verdict}[/]", r.summary, f"{r.seconds:.2f} s")
    console.print(table)
    counts: dict[str, int] = {}
    for r in ledger.results:
        counts[r.verdict] = counts.get(r.verdict, 0) + 1
    tally = ", ".join(f"{n} {v}" for v, n in counts.items())
    total = sum(r.seconds for r in ledger.results)
    console.print(
        f"{len(ledger.results)} claims: {tally}. Negative controls run {ledger.controls_run}, "
        f"caught {ledger.controls_caught}. Total {total:.1f} s."
    )


def ledger_json(ledger: Ledger, *, timings: bool = True) -> str:
    """The ledger as JSON text: the stable shape of ``sumrules verify --json``, plus details."""
    return json.dumps(ledger.to_json(timings=timings), indent=2, ensure_ascii=False)


def ledger_markdown(ledger: Ledger) -> str:
    """A Markdown table of the ledger (id, verdict, summary)."""
    rows = ["| claim | verdict | summary |", "|---|---|---|"]
    for r in ledger.results:
        rows.append(f"| `{r.id}` | **{r.verdict}** | {r.summary.replace('|', '/')} |")
    rows.append("")
    rows.append(f"Negative controls: {ledger.controls_run} run, {ledger.controls_caught} caught.")
    return "\n".join(rows)


def _printed(r: ClaimResult) -> str:
    if r.printed_math:
        return f"\\begin{{gather*}}\n{r.printed.strip('$')}\n\\end{{gather*}}\n"
    return f"\\begin{{quote}}\n{r.printed}\n\\end{{quote}}\n"


def claim_latex(r: ClaimResult) -> str:
    """One claim's section of the proof book."""
    parts = [
        f"\\section*{{\\texttt{{{text_to_latex(r.id)}}}: {text_to_latex(r.title)}}}",
        (
            f"\\addcontentsline{{toc}}{{section}}{{\\texttt{{{text_to_latex(r.id)}}} "
            f"--- {text_to_latex(r.title)}}}"
        ),
        f"\\label{{claim:{r.id}}}",
        "\\paragraph{As printed.}",
        _printed(r),
        f"\\paragraph{{Verdict: \\textsc{{{r.verdict}}}.}} {text_to_latex(r.summary)}",
    ]
    if r.corrected:
        parts += [
            "\\paragraph{Corrected statement.}",
            (
                f"\\begin{{quote}}\n{r.corrected}\n\\end{{quote}}"
                if is_sentence(r.corrected)
                else f"\\begin{{gather*}}\n{r.corrected}\n\\end{{gather*}}"
            ),
        ]
    if r.notes:
        parts.append(f"\\paragraph{{Notes.}} {text_to_latex(r.notes)}")
    for d in r.derivations:
        parts.append(d.to_latex())
    if r.evidence:
        parts.append("\\paragraph{Evidence.}\n\\begin{enumerate}")
        for e in r.evidence:
            value = f" Value: {text_to_latex(e.value)}." if e.value else ""
            parts.append(
                f"\\item \\textbf{{{text_to_latex(e.method)}}} (route: {text_to_latex(e.route)}; "
                f"precision: {text_to_latex(e.precision)}; agreement: {_agreement(e)}; "
                f"{'CORRECT' if e.agrees else 'WRONG'}). {text_to_latex(e.statement)}.{value}"
            )
        parts.append("\\end{enumerate}")
    if r.controls:
        parts.append("\\paragraph{Negative controls.}\n\\begin{enumerate}")
        for c in r.controls:
            status = "caught" if c.caught else "NOT CAUGHT"
            detail = f" {text_to_latex(c.detail)}" if c.detail else ""
            parts.append(f"\\item {text_to_latex(c.description)}: \\textbf{{{status}}}.{detail}")
        parts.append("\\end{enumerate}")
    for fig in r.figures:
        parts.append(
            "\\begin{figure}[h]\\centering\n"
            f"\\includegraphics[width=0.8\\textwidth]{{{fig}}}\n"
            f"\\caption{{Figure for \\texttt{{{text_to_latex(r.id)}}}.}}\n\\end{{figure}}"
        )
    return "\n\n".join(parts) + "\n"


_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage[margin=2.2cm]{geometry}
\usepackage{longtable,booktabs}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\title{Proof book: M.~B.~Voloshin, ``Neutrino Scattering on Atomic Electrons in Searches for the
Neutrino Magnetic Moment'', Phys.\ Rev.\ Lett.\ \textbf{105}, 201801 (2010), checked equation by equation}
\author{generated by \texttt{sumrules report}}
\date{}
\begin{document}
\maketitle
\tableofcontents
"""


def _file_stem(claim_id: str) -> str:
    return claim_id.replace(".", "-")


def proof_book_files(ledger: Ledger) -> dict[str, str]:
    """The proof book as ``{relative path: text}``: ``main.tex`` and ``claims/<id>.tex``."""
    files: dict[str, str] = {}
    rows = []
    for r in ledger.results:
        stem = _file_stem(r.id)
        files[f"claims/{stem}.tex"] = claim_latex(r)
        rows.append(
            f"\\texttt{{{text_to_latex(r.id)}}} & \\textsc{{{r.verdict}}} & "
            f"{text_to_latex(r.summary)} \\\\"
        )
    summary = (
        "\\section*{Ledger}\n"
        f"All claims checked at {ledger.dps} significant digits where numerical. "
        f"Negative controls run: {ledger.controls_run}; caught: {ledger.controls_caught}.\n\n"
        "\\begin{longtable}{@{}l l p{0.62\\textwidth}@{}}\n\\toprule\n"
        "claim & verdict & summary \\\\\n\\midrule\n\\endhead\n"
        + "\n".join(rows)
        + "\n\\bottomrule\n\\end{longtable}\n"
    )
    inputs = "\n".join(f"\\input{{claims/{_file_stem(r.id)}}}" for r in ledger.results)
    files["main.tex"] = _PREAMBLE + summary + "\n\\clearpage\n" + inputs + "\n\\end{document}\n"
    return files


def write_proof_book(ledger: Ledger, out: str | Path) -> list[Path]:
    """Write the proof book under ``out`` (removing stale claim files); return the paths written."""
    out = Path(out)
    (out / "claims").mkdir(parents=True, exist_ok=True)
    files = proof_book_files(ledger)
    for stale in (out / "claims").glob("*.tex"):
        if f"claims/{stale.name}" not in files:
            stale.unlink()
    written = []
    for rel, text in files.items():
        path = out / rel
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
