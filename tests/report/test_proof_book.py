"""The proof book (:mod:`sumrules.report`): regenerated from the whole ledger it must equal the
committed ``proofs/``, list every claim with its statement, verdict and controls, come out the
same twice, and the JSON and Markdown reports must carry every claim.

These tests need the full ledger; the per-derivation text checks that mutation testing runs are
in test_proof_book_steps.py.
"""

from __future__ import annotations

from proofbook import claims_dir

from sumrules.core.ledger import verify
from sumrules.report import claim_latex, ledger_json, ledger_markdown, proof_book_files

PROOFS = claims_dir().parent  # found upwards from the test tree, wherever it is copied


def test_committed_proof_book_is_up_to_date(full_ledger):
    files = proof_book_files(full_ledger)
    committed = {
        str(p.relative_to(PROOFS)): p.read_text(encoding="utf-8") for p in PROOFS.rglob("*.tex")
    }
    assert set(files) == set(committed), "proofs/ is stale: run `sumrules report --out proofs`"
    for rel, text in files.items():
        assert committed[rel] == text, f"proofs/{rel} is stale: run `sumrules report --out proofs`"


def test_proof_book_is_deterministic():
    a = proof_book_files(verify(["eq19"]))
    b = proof_book_files(verify(["eq19"]))
    assert a == b


def test_every_claim_appears_in_the_book(full_ledger):
    files = proof_book_files(full_ledger)
    main = files["main.tex"]
    for r in full_ledger.results:
        stem = r.id.replace(".", "-")
        assert f"\\input{{claims/{stem}}}" in main
        tex = files[f"claims/{stem}.tex"]
        assert "As printed" in tex and r.verdict in tex
        assert "Negative controls" in tex


def test_claim_section_shows_corrected_statement_and_controls():
    r = verify(["eq19"])["eq19"]
    tex = claim_latex(r)
    assert "Corrected statement" in tex and r"\left(- 2 m_{e}\right)^{w - 1}" in tex
    assert "caught" in tex and "NOT CAUGHT" not in tex


def test_json_and_markdown_carry_every_claim(full_ledger):
    text = ledger_json(full_ledger)
    md = ledger_markdown(full_ledger)
    for r in full_ledger.results:
        assert f'"id": "{r.id}"' in text
        assert f"`{r.id}`" in md
