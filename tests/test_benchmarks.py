"""The benchmark scripts import and expose their entry points (they are run by hand, not timed here)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize(
    ("module", "entry"),
    [
        ("bench_kernel", "bench_pole_integral"),
        ("bench_resolvent", "bench_fast_route"),
        ("bench_hydrogen", "bench_sum_rule_ratios"),
        ("bench_certified", "main"),
        ("bench_xray", "bench_delta_mu"),
        ("bench_germanium", "bench_curve"),
        ("run", "BENCHMARKS"),
    ],
)
def test_benchmark_modules_import(module, entry, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    mod = importlib.import_module(module)
    assert hasattr(mod, entry)
    sys.modules.pop(module, None)


def test_fast_resolvent_benchmark_runs_small():
    sys.path.insert(0, str(BENCH))
    try:
        from bench_resolvent import bench_fast_route
    finally:
        sys.path.remove(str(BENCH))
    result = bench_fast_route(order=20)
    assert result["power_counting_holds"] and result["dp_agrees"]
    assert result["only_empty_word_contributes"] and result["words_per_order_2^(k-3)"]


def test_xray_benchmark_runs_small():
    sys.path.insert(0, str(BENCH))
    try:
        from bench_xray import bench_delta_mu
    finally:
        sys.path.remove(str(BENCH))
    for table in ("henke", "elam"):
        result = bench_delta_mu(n=300, table=table, repeat=1)
        assert result["api_loop_max_rel_diff"] < 1e-14 and result["first_call_agrees"]
        assert result["n"] == 300
    assert result["table"] == "elam" and "plain_loop_s" not in result
    result = bench_delta_mu(n=300, table="chantler", repeat=1)
    assert result["plain_loop_max_rel_diff"] < 1e-12
