"""The committed proof book, found from any copy of the test tree (mutmut runs tests in mutants/).

Shared by the tests that compare library output with ``proofs/`` (tests/report, tests/theory,
tests/models).
"""

from __future__ import annotations

from pathlib import Path


def claims_dir() -> Path:
    """``proofs/claims`` of the nearest enclosing project; FileNotFoundError when there is none.

    mutmut copies the tests to ``mutants/tests`` but not the proof book, so the folder is looked
    for upwards from this file rather than at a fixed depth; a missing book is an error, never a
    silent skip (a skipped text check would let every text mutant survive).
    """
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "proofs" / "claims"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no proofs/claims above " + str(Path(__file__).resolve()))


def book_text() -> str:
    """Every committed claim's LaTeX, concatenated."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(claims_dir().glob("*.tex")))
