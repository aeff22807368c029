"""The claim pages of the documentation site (sumrules.report.site)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sumrules.core.derivation import Derivation, Step
from sumrules.core.ledger import ClaimResult, Control, Evidence, Ledger
from sumrules.core.registry import all_claims
from sumrules.core.runner import run_claim
from sumrules.report.site import (
    claim_page,
    latex_text_to_markdown,
    ledger_table,
    markdown_text,
    math_block,
    prose_to_markdown,
    site_pages,
    write_site_pages,
)

ROLE = re.compile(r"\{math\}(`+).*?\1")


def _outside_math(markdown: str) -> str:
    return ROLE.sub("", markdown)


def _toy(**kw: object) -> ClaimResult:
    fields: dict[str, object] = {
        "id": "eq7",
        "verdict": "corrected",
        "summary": "printed 4m², actual −4m² | *sign*",
        "evidence": [Evidence("closed form", "closed form", "s", "4*m**2", "exact")],
        "controls": [Control("wrong sign", True, "rejected at 1 of 1 cases")],
        "derivations": [
            Derivation("A step", [Step("a", "b", "because", "sympy", True, "!=")]),
        ],
        "title": "A toy",
        "printed": r"$$\frac{a}{b} = c$$",
        "corrected": r"\frac{a}{b} = -c",
        "notes": "see claim eq19",
        "printed_math": True,
    }
    fields.update(kw)
    return ClaimResult(**fields)  # type: ignore[arg-type]


def test_a_claim_page_has_every_part_of_the_proof_book_section() -> None:
    page = claim_page(_toy())
    for heading in (
        "## As printed",
        "## Verdict: corrected",
        "## Corrected statement",
        "## Notes",
        "## Derivations",
        "## Evidence",
        "## Negative controls",
    ):
        assert heading in page, heading
    assert "```{math}\n\\frac{a}{b} = c\n```" in page  # the $$ pair is dropped
    assert "```{math}\na \\neq b\n```" in page  # the relation in LaTeX
    assert "Check (sympy): **CORRECT**" in page
    assert "**caught**" in page and "Value: `4*m**2`" in page
    assert "printed 4m²\\, actual −4m² \\| \\*sign\\*" in page


def test_a_page_leaves_out_what_the_claim_does_not_have() -> None:
    page = claim_page(_toy(corrected=None, notes="", derivations=[], controls=[]))
    assert "## Corrected statement" not in page and "## Notes" not in page
    assert "## Derivations" not in page and "## Negative controls" not in page


def test_a_quoted_sentence_becomes_a_block_quote_with_inline_math() -> None:
    page = claim_page(_toy(printed=r"``one finds $R(T, 0) = Z/T$''", printed_math=False))
    assert "> “one finds {math}`R(T, 0) = Z/T`”" in page


def _sentences() -> dict[str, str]:
    """The printed sentences of the registry (version-1 claims hold their printed text as a
    string; their equations are the ids without a sub-name, or text in $$)."""
    out = {}
    for c in all_claims():
        p = c.printed
        if isinstance(p, str):
            if not (p.startswith("$$") or (c.id.startswith("eq") and "." not in c.id)):
                out[c.id] = p
        elif not p.is_equation:
            out[c.id] = p.latex
    return out


SENTENCES = _sentences()


@pytest.mark.parametrize("claim_id", sorted(SENTENCES))
def test_every_printed_sentence_converts_without_raw_tex(claim_id: str) -> None:
    """The sentences as the claims store them (LaTeX-safe text): no TeX command is left
    outside the math roles, and every math role has balanced braces."""
    converted = latex_text_to_markdown(SENTENCES[claim_id])
    assert not re.search(r"(?<!\\)\\[A-Za-z]", _outside_math(converted)), converted
    for m in ROLE.finditer(converted):
        assert m.group(0).count("{") == m.group(0).count("}"), m.group(0)


def test_raw_tex_in_prose_becomes_math_and_plain_prose_stays_text() -> None:
    assert prose_to_markdown("Σ_j (−1)^j, h = \\left(T\\right)^(−1).") == (
        "Σ\\_j \\(−1\\)\\^j\\, h \\= {math}`\\left(T\\right)^(−1)`\\."
    )
    assert "{math}" not in prose_to_markdown("r = 0.957 at T/I = 1.001")


def test_markdown_text_escapes_what_markdown_would_read() -> None:
    escaped = markdown_text("1. *a* _b_ [c](d) <e> `f` $g$ | # h")
    assert not re.search(r"(?<!\\)[*_\[\]<>`$|#]", escaped)


def test_a_math_block_never_contains_a_blank_line_or_its_own_fence() -> None:
    block = math_block("a\n\n b ```")
    assert "\n\n" not in block and block.startswith("````{math}")


def test_the_ledger_table_links_every_claim_in_order() -> None:
    ledger = Ledger([_toy(id="eq1"), _toy(id="text.r0", verdict="refuted")])
    table = ledger_table(ledger)
    assert table.index("</claims/eq1>") < table.index("</claims/text.r0>")
    assert "text.r0" not in ledger_table(ledger, verdicts=("corrected",))


def test_writing_removes_stale_claim_pages_and_keeps_unchanged_files(tmp_path: Path) -> None:
    write_site_pages(Ledger([_toy(id="eq1"), _toy(id="eq2")]), tmp_path)
    unchanged = (tmp_path / "claims" / "eq1.md").stat().st_mtime_ns
    written = write_site_pages(Ledger([_toy(id="eq1")]), tmp_path)
    assert not (tmp_path / "claims" / "eq2.md").exists()
    assert (tmp_path / "claims" / "eq1.md").stat().st_mtime_ns == unchanged
    assert tmp_path / "claims" / "eq1.md" not in written


def test_a_real_claim_renders_its_derivations_and_controls() -> None:
    result = run_claim(next(c for c in all_claims() if c.id == "eq19.vanishing"), 30)
    pages = site_pages(Ledger([result]))
    page = pages["claims/eq19.vanishing.md"]
    blocks = (
        result.printed_math + bool(result.corrected) + sum(len(d.steps) for d in result.derivations)
    )
    assert page.count("```{math}") == blocks
    assert page.count("**caught**") == len(result.controls) > 0
    assert "{doc}`eq19.vanishing </claims/eq19.vanishing>`" in pages["_generated/findings.md"]


@pytest.mark.parametrize(
    ("corrected", "sentence"),
    [
        (r"R(T, 0) = \frac{Z^2}{T}", False),
        (r"\text{zero} \iff s \geq 0 \ \text{and}\ w \geq s + 2", False),
        (r"\frac{d\sigma}{dT} \approx 1.0 \times 10^{-47}\ \text{cm}^2/\text{keV}", False),
        (r"In Ge the product $\sigma_\gamma(T)T^2$ reaches values of order $10^6$", True),
        (r"[$\sigma_\gamma(T)T^2$, at its maximum] is approximately $3 \times 10^6$", True),
    ],
)
def test_a_corrected_sentence_is_quoted_and_a_corrected_equation_is_math(
    corrected: str, sentence: bool
) -> None:
    page = claim_page(_toy(corrected=corrected))
    section = page[page.index("## Corrected statement") : page.index("## Notes")]
    assert ("> " in section) is sentence and ("```{math}" in section) is not sentence
