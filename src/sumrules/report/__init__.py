"""Rendering the ledger: terminal table, JSON, Markdown, the LaTeX proof book, figures.

>>> from sumrules.core.ledger import verify
>>> ledger_markdown(verify(["eq19"])).splitlines()[0]
'| claim | verdict | summary |'
"""

from sumrules.report.proof_book import (
    VERDICT_STYLE,
    claim_latex,
    ledger_json,
    ledger_markdown,
    print_ledger,
    proof_book_files,
    write_proof_book,
)

__all__ = [
    "VERDICT_STYLE",
    "claim_latex",
    "ledger_json",
    "ledger_markdown",
    "print_ledger",
    "proof_book_files",
    "write_proof_book",
]
