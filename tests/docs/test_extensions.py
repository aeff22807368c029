"""The documentation build's own Sphinx extensions (docs/_ext), without building the site."""

from __future__ import annotations

import doctest
import importlib
import sys
from pathlib import Path

import pytest

pytest.importorskip("sphinx", reason="the docs extra is not installed: pip install -e '.[docs]'")

EXT = Path(__file__).resolve().parents[2] / "docs" / "_ext"
sys.path.insert(0, str(EXT))


@pytest.mark.parametrize("name", ["rst_docstrings", "offline_mathjax", "ledger_pages"])
def test_extension_doctests_pass_and_it_declares_parallel_safety(name: str) -> None:
    module = importlib.import_module(name)
    assert doctest.testmod(module).failed == 0
    assert callable(module.setup) and "setup" in module.__all__


def test_bars_are_escaped_outside_literals_only() -> None:
    from rst_docstrings import escape_bars, join_open_literals

    lines = [
        "S = |⟨n|e^{iqz}|0⟩|² and ``|x|``",
        "Example::",
        "",
        "    |raw| stays",
        "",
        ">>> abs(-2)  # |x|",
        "2",
        "",
        "after |y|",
    ]
    out = escape_bars(lines)
    assert out[0] == "S = \\|⟨n\\|e^{iqz}\\|0⟩\\|² and ``|x|``"
    assert out[3] == "    |raw| stays" and out[5] == ">>> abs(-2)  # |x|"
    assert out[8] == "after \\|y\\|"
    assert join_open_literals(["``a", "  b``", "c"]) == ["``a b``", "c"]


def test_mathjax_is_found_in_the_installed_package() -> None:
    from offline_mathjax import WANTED, mathjax_source

    source = mathjax_source()
    assert all((source / name).exists() for name in WANTED if name != "LICENSE")
