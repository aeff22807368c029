"""The shape of the package: no import cycles, no private names across modules (in src and in
the tests), at most three functions above cyclomatic complexity 20 (each saying why), short
claim declarations, and the old import paths of the stable API still working."""

from __future__ import annotations

import importlib
import statistics
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import architecture

from sumrules.compat import OLD_PATHS


def test_no_import_cycles() -> None:
    assert architecture.import_cycles() == []


def test_the_cycle_finder_finds_a_cycle(tmp_path: Path) -> None:
    """Negative control: two modules importing each other are reported."""
    pkg = tmp_path / "sumrules"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from sumrules.b import x\n")
    (pkg / "b.py").write_text("def x():\n    from sumrules import a\n")
    assert architecture.import_cycles(tmp_path) == [["sumrules.a", "sumrules.b"]]


def test_no_private_name_is_used_across_modules() -> None:
    assert architecture.private_imports() == []


def test_the_tests_use_no_private_name_of_the_package() -> None:
    assert architecture.private_uses_in_tests() == []


def test_the_private_name_finder_finds_imports_and_attributes(tmp_path: Path) -> None:
    """Negative control: both ways of reaching a private name are reported."""
    pkg = tmp_path / "sumrules"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("_x = 1\n")
    (pkg / "b.py").write_text("from sumrules.a import _x\nfrom sumrules import a\ny = a._x\n")
    found = architecture.private_imports(tmp_path)
    assert found == ["sumrules.b:1 imports _x from sumrules.a", "sumrules.b:3 uses a._x"]


def test_at_most_three_complex_functions_each_saying_why() -> None:
    above = architecture.complex_functions(20)
    assert len(above) <= 3, [f"{c.where} {c.name} {c.complexity}" for c in above]
    assert all(c.justified for c in above), [c.where for c in above if not c.justified]


def test_claim_declarations_are_short() -> None:
    lengths = architecture.claim_lengths()
    assert len(lengths) >= 41  # every claim of version 1, and eq3, eq4
    assert statistics.median(lengths.values()) <= 40, sorted(lengths.items(), key=lambda kv: -kv[1])


@pytest.mark.parametrize("old", sorted(OLD_PATHS))
def test_old_import_paths_load_the_new_modules(old: str) -> None:
    assert importlib.import_module(old) is importlib.import_module(OLD_PATHS[old])


def test_the_stable_api_names() -> None:
    import sumrules
    from sumrules.models import hydrogen, oscillator

    assert sumrules.pole_integral(1, 2) == -4
    assert [t.w for t in sumrules.resolvent.expansion_terms(2)] == [1, 3]
    assert oscillator.expansion_coefficient(0) == 1
    assert hydrogen.sum_rule_ratios(1, dps=15)[0] > 0.98
    assert callable(sumrules.verify) and sumrules.Ledger and sumrules.ClaimResult
