"""The `sumrules table` renderers: JSON-safe document and the terminal tables."""

from __future__ import annotations

import json

import numpy as np
from rich.console import Console

from sumrules.data.ionisation import read_table
from sumrules.models.table_check import check_table
from sumrules.report.table_report import check_document, print_check, shown


def _check() -> object:
    T, q = np.geomspace(1, 10, 6), np.geomspace(0.1, 10, 7)
    text = "\n".join([" ".join(map(str, T)), " ".join(map(str, q))])
    text += "\n" + "\n".join(" ".join(f"{1 / (1 + x * x):.6g}" for x in q) for _ in T) + "\n"
    return check_table(read_table("small.txt", text=text), loo_rows=0)


def test_document_is_json_with_infinite_tails_as_text() -> None:
    doc = check_document(_check())  # type: ignore[arg-type]
    text = json.dumps(doc, allow_nan=False)  # would raise on a bare inf or nan
    assert doc["shape"] == [6, 7] and len(doc["columns"]) == 7
    assert "inf" in text  # S ∝ q⁻² at q_max: the r_ew tail diverges and says so


def test_print_check_shows_rows_columns_and_notes() -> None:
    console = Console(record=True, width=200)
    print_check(_check(), console)  # type: ignore[arg-type]
    out = console.export_text()
    assert "per T" in out and "per q" in out and "no shell model" in out


def test_shown_spreads_indices() -> None:
    assert shown(5, 20) == [0, 1, 2, 3, 4]
    s = shown(256, 5)
    assert s[0] == 0 and s[-1] == 255 and len(s) <= 6
