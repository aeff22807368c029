"""Figures: data without matplotlib; files (PDF, PNG) written, non-empty and byte-stable."""

from __future__ import annotations

import contextlib
import functools
import io
from typing import Any

import pytest

from sumrules.cli import main
from sumrules.report import plots


def test_ratio_data_small_grid() -> None:
    d = plots.ratio_data(points=6, dps=15)
    assert len(d.T_over_I) == len(d.closed) == len(d.delta) == 6
    assert abs(d.closed[0] - 0.957) < 1e-3 and d.closed == sorted(d.closed)
    assert all(0 < x < 1 for x in d.delta)
    assert abs(d.points_r[3] - 0.98743934701) < 1e-10  # quadrature at T/I = 2


def test_structure_data_marks() -> None:
    (c,) = plots.structure_data(T_over_I=(5,), points=8, dps=15)
    assert c.compton_Q2 == 5.0 and c.T == 2.5
    assert abs(c.kinematic_Q2 - (2.5 / 137.035999084) ** 2) < 1e-12
    assert all(s >= 0 for s in c.S)


@pytest.mark.parametrize(("kw", "name"), [({"points": 1}, "points"), ({"dps": 3}, "dps")])
def test_bad_arguments(kw: dict[str, int], name: str) -> None:
    with pytest.raises(ValueError, match=name):
        plots.ratio_data(**kw)


def test_missing_matplotlib_exits_2(monkeypatch, tmp_path, capsys) -> None:
    def missing() -> None:
        raise ModuleNotFoundError(plots.PLOT_EXTRA_MESSAGE)

    monkeypatch.setattr(plots, "_figure_class", missing)
    assert main(["plot", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "sumrules: error: install the plot extra: pip install 'sumrules[plot]'"
    assert not list(tmp_path.iterdir())


#: one small rendering of every figure, shared by the file and command tests
SMALL = {"points": 6, "states": ((2, 1),)}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The figures written twice with the same small grid: once by ``write_figures``, once by
    the ``plot`` command (its stderr kept), for the byte-stability and command tests."""
    pytest.importorskip("matplotlib", reason="the figures need the plot extra (matplotlib)")
    first = plots.write_figures(tmp_path_factory.mktemp("a"), **SMALL)  # type: ignore[arg-type]
    out = tmp_path_factory.mktemp("b")
    err = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stderr(err):
        mp.setattr(plots, "write_figures", functools.partial(plots.write_figures, **SMALL))
        code = main(["plot", "--out", str(out)])
    return {"first": first, "out": out, "code": code, "stderr": err.getvalue()}


def test_figures_written_and_byte_stable(rendered: dict[str, Any]) -> None:
    first = rendered["first"]
    second = sorted(rendered["out"].iterdir())
    names = sorted(p.name for p in first)
    assert (
        names
        == [p.name for p in second]
        == [
            "argon_xenon.pdf",
            "argon_xenon.png",
            "germanium_shells.pdf",
            "germanium_shells.png",
            "germanium_xray.pdf",
            "germanium_xray.png",
            "ratios.pdf",
            "ratios.png",
            "state_ratios.pdf",
            "state_ratios.png",
            "structure_factor.pdf",
            "structure_factor.png",
        ]
    )
    for a, b in zip(sorted(first), second, strict=True):
        assert a.stat().st_size > 1000
        assert a.read_bytes() == b.read_bytes(), a.name
    assert b"CreationDate" not in first[0].read_bytes()


def test_plot_command(rendered: dict[str, Any]) -> None:
    assert rendered["code"] == 0
    out = rendered["out"]
    for name in ("ratios.pdf", "structure_factor.png", "germanium_xray.pdf", "argon_xenon.pdf"):
        assert (out / name).stat().st_size > 0
    assert rendered["stderr"].count("wrote ") == 12


def test_germanium_xray_data() -> None:
    """The figure's curves: both sides of every edge, each table's maximum, the paper's marks."""
    from sumrules.data import germanium as G

    d = plots.germanium_xray_data(points=30)
    assert d.tables == ("henke", "elam", "chantler")
    for table in d.tables:
        t = d.T_keV[table]
        assert t[0] == 1.0 and t[-1] == 30.0 and t == sorted(t)
        assert max(d.sigma_t2[table]) <= d.peaks[table][1] * (1 + 1e-12)
        assert d.peaks[table] == (
            G.summary(table=table).peak.T_keV,
            G.summary(table=table).peak.sigma_t2,
        )
        k = min(range(len(t)), key=lambda i: abs(t[i] - 11.1035))
        assert max(d.sigma_t2[table][k - 3 : k + 3]) > 2.5e6  # the K jump is resolved
    assert d.paper[:2] == (14.0, 2.5e6) and round(d.paper[2] * 1e3, 4) == 0.6965
    assert sorted(d.edges_keV) == ["K", "L1", "L2", "L3"]
    assert plots.PAPER_DELTA_BOUND == G.PAPER_DELTA_BOUND == 0.7e-3


def test_germanium_shell_data() -> None:
    """The shell-model figure's curves: both models, the steps, Thomas–Fermi, the edges."""
    d = plots.germanium_shell_data(points=20)
    assert sorted(d.r_nmm) == ["binding", "slater"] and len(d.T_keV) > 20
    assert d.stepping[0] == 14 / 32 and d.stepping[-1] == 1.0
    assert all(0 < v < 1 for v in d.thomas_fermi)
    assert sorted(k for k in d.edges_keV if k.startswith("L")) == ["L1", "L2", "L3"]
