"""Figures (the optional ``plot`` extra): the hydrogen sum-rule ratios, the structure function,
germanium's σ_γT² and δ_(μ) from three X-ray tables, and the inclusive ratios of the germanium
shell model against the stepping approximation.

The data are computed with mpmath and need no matplotlib; drawing imports matplotlib lazily
and renders with the Agg canvas on a :class:`matplotlib.figure.Figure` (no pyplot, no global
state). The files are byte-stable: no creation date and no software version in the metadata.

>>> data = ratio_data(points=12, dps=15)
>>> round(data.closed[0], 3), data.points_T_over_I[0]
(0.957, 1.001)
>>> curves = structure_data(T_over_I=(2,), points=5, dps=15)
>>> curves[0].compton_Q2, round(curves[0].kinematic_Q2 * 1e5, 3)
(2.0, 5.325)
>>> ge = germanium_xray_data(points=20)
>>> ge.tables, round(ge.peaks["henke"][0], 4), sorted(ge.edges_keV)
(('henke', 'elam', 'chantler'), 11.1031, ['K', 'L1', 'L2', 'L3'])
>>> shells = germanium_shell_data(points=20)
>>> len(shells.T_keV) > 20, shells.stepping[-1], round(shells.thomas_fermi[-1], 2)
(True, 1.0, 0.99)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mpmath

from sumrules.core.numeric import is_count, precision, validate_dps
from sumrules.data import germanium as ge
from sumrules.data.constants import ALPHA
from sumrules.data.germanium import PAPER_DELTA_BOUND
from sumrules.data.xray import TABLES, edges
from sumrules.models.hydrogenic import ground as hyd

__all__ = [
    "PAPER_DELTA_BOUND",
    "PLOT_EXTRA_MESSAGE",
    "GermaniumShellCurves",
    "RatioData",
    "StateRatioCurve",
    "StructureCurve",
    "XrayCurves",
    "germanium_shell_data",
    "germanium_shell_figure",
    "germanium_xray_data",
    "germanium_xray_figure",
    "ratio_data",
    "ratio_figure",
    "state_ratio_data",
    "state_ratio_figure",
    "structure_data",
    "structure_figure",
    "write_figures",
]

#: What to tell a user without matplotlib.
PLOT_EXTRA_MESSAGE = "install the plot extra: pip install 'sumrules[plot]'"
#: T/I of the quadrature points in the ratio figure.
QUADRATURE_T_OVER_I = ("1.001", "1.1", "1.5", "2", "5", "10", "100", "1000", "10000")


@dataclass(frozen=True)
class RatioData:
    """r(T) = r_nmm = r_ew of hydrogen (Z = 1) against T/I, with Eq. (13)'s δ and the large-T law."""

    T_over_I: list[float]
    closed: list[float]
    deviation: list[float]
    delta: list[float]
    large_T_law: list[float]
    points_T_over_I: list[float]
    points_r: list[float]


@dataclass(frozen=True)
class StructureCurve:
    """S(T, Q²) of hydrogen (1/hartree) against Q² (bohr⁻²) at one T, with the marked Q²."""

    T: float
    T_over_I: float
    Q2: list[float]
    S: list[float]
    compton_Q2: float
    kinematic_Q2: float


@dataclass(frozen=True)
class XrayCurves:
    """σ_γT² (barn keV²) and δ_(μ) of Ge against T (keV) from each X-ray table, with marks.

    ``peaks``: each table's maximum of σ_γT² on 1–30 keV as (T, σ_γT²); ``paper``: the
    printed (14 keV, 2.5 × 10⁶ barn keV², δ = 0.6965 × 10⁻³); ``edges_keV``: xraydb's K, L.
    """

    tables: tuple[str, ...]
    T_keV: dict[str, list[float]]
    sigma_t2: dict[str, list[float]]
    delta: dict[str, list[float]]
    peaks: dict[str, tuple[float, float]]
    edges_keV: dict[str, float]
    paper: tuple[float, float, float]
    citations: dict[str, str]


def germanium_xray_data(*, points: int = 600) -> XrayCurves:
    """The curves of :func:`germanium_xray_figure` (grid: :func:`sumrules.data.germanium.energy_grid`)."""
    t_keV: dict[str, list[float]] = {}
    st2: dict[str, list[float]] = {}
    delta: dict[str, list[float]] = {}
    peaks: dict[str, tuple[float, float]] = {}
    cites: dict[str, str] = {}
    for table in TABLES:
        s = ge.scan(ge.energy_grid(table=table, points=points), table=table)
        t_keV[table] = [float(v) for v in s.T_keV]
        st2[table] = [float(v) for v in s.sigma_t2]
        delta[table] = [float(v) for v in s.delta]
        peak = ge.summary(table=table).peak
        peaks[table] = (peak.T_keV, peak.sigma_t2)
        cites[table] = s.provenance.citation
    named = {k: v for k, v in edges(ge.GERMANIUM).items() if k in ("K", "L1", "L2", "L3")}
    paper_delta = ge.PAPER_PEAK_SIGMA_T2 * ge.delta_per_sigma_t2(ge.atomic_number())
    return XrayCurves(
        tables=TABLES,
        T_keV=t_keV,
        sigma_t2=st2,
        delta=delta,
        peaks=peaks,
        edges_keV=named,
        paper=(ge.PAPER_PEAK_T_KEV, ge.PAPER_PEAK_SIGMA_T2, paper_delta),
        citations=cites,
    )


def ratio_data(*, points: int = 120, dps: int = 20) -> RatioData:
    """Closed form on a grid T/I = 1 + 10^s, s ∈ [−4, 4]; quadrature at QUADRATURE_T_OVER_I."""
    validate_dps(dps)
    if not is_count(points, 2):
        raise ValueError(f"points must be an integer >= 2, got {points!r}")
    with precision(dps):
        xs = [1 + mpmath.mpf(10) ** (-4 + 8 * mpmath.mpf(j) / (points - 1)) for j in range(points)]
        closed = [hyd.exact_sum_rule_ratio(x / 2, dps=dps) for x in xs]
        delta = [hyd.low_q_fraction(x / 2, dps=dps) for x in xs]
        law = [16 / (15 * mpmath.pi) * (1 / x) ** mpmath.mpf(2.5) for x in xs]
        pts = [mpmath.mpf(x) for x in QUADRATURE_T_OVER_I]
        pts_r = [hyd.sum_rule_ratios(x / 2, dps=dps)[0] for x in pts]
        return RatioData(
            T_over_I=[float(x) for x in xs],
            closed=[float(r) for r in closed],
            deviation=[float(1 - r) for r in closed],
            delta=[float(d) for d in delta],
            large_T_law=[float(v) for v in law],
            points_T_over_I=[float(x) for x in pts],
            points_r=[float(r) for r in pts_r],
        )


def structure_data(
    T_over_I: Sequence[object] = ("1.1", 2, 5, 20), *, points: int = 240, dps: int = 15
) -> list[StructureCurve]:
    """S(T, Q²) on a log grid Q² ∈ [10⁻⁷, 10⁴] at each T/I (Z = 1, m = 1, α from CODATA)."""
    validate_dps(dps)
    if not is_count(points, 2):
        raise ValueError(f"points must be an integer >= 2, got {points!r}")
    curves = []
    with precision(dps):
        alpha = ALPHA.mpf()
        q2s = [mpmath.mpf(10) ** (-7 + 11 * mpmath.mpf(j) / (points - 1)) for j in range(points)]
        for x in T_over_I:
            ratio = mpmath.mpf(x)
            if not ratio > 1:
                raise ValueError(f"T_over_I must exceed 1, got {x!r}")
            t = ratio / 2
            s = [hyd.continuum_density(t, mpmath.sqrt(q2), dps=dps) for q2 in q2s]
            curves.append(
                StructureCurve(
                    T=float(t),
                    T_over_I=float(ratio),
                    Q2=[float(q) for q in q2s],
                    S=[float(v) for v in s],
                    compton_Q2=float(2 * t),
                    kinematic_Q2=float((alpha * t) ** 2),
                )
            )
    return curves


#: the states of the per-state figure (Germanium's relevant subshells)
FIGURE_STATES = ((1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2), (4, 0), (4, 1))


@dataclass(frozen=True)
class StateRatioCurve:
    """r_nmm(T/I) and r_ew(T/I) of one hydrogen-like state (Z = 1: the ratios depend on T/I)."""

    state: str
    T_over_I: list[float]
    r_nmm: list[float]
    r_ew: list[float]


def state_ratio_data(
    states: Sequence[tuple[int, int]] = FIGURE_STATES, *, points: int = 10, dps: int = 15
) -> list[StateRatioCurve]:
    """The ratios of each state on T/I = 1 + 10^s, s from −3 to 3 (up to 10³ I).

    >>> c = state_ratio_data([(2, 1)], points=2, dps=12)
    >>> c[0].state, round(c[0].r_ew[-1], 6)
    ('2p', 1.0)
    """
    from sumrules.models import Hydrogenic

    validate_dps(dps)
    if not is_count(points, 2):
        raise ValueError(f"points must be an integer >= 2, got {points!r}")
    curves = []
    for n, l in states:
        atom = Hydrogenic(n, l)
        with precision(dps):
            xs = [
                1 + mpmath.mpf(10) ** (-3 + 6 * mpmath.mpf(j) / (points - 1)) for j in range(points)
            ]
        pairs = [atom.sum_rule_ratios(atom.energy_at(x, dps=dps), dps=dps) for x in xs]
        curves.append(
            StateRatioCurve(
                atom.label,
                [float(x) for x in xs],
                [float(a) for a, _ in pairs],
                [float(b) for _, b in pairs],
            )
        )
    return curves


def state_ratio_figure(curves: Sequence[StateRatioCurve] | None = None) -> Any:
    """r(T/I) per state from threshold to 10³ I: r_nmm solid, r_ew dashed; r = 1 and the paper's
    1 − 0.7 × 10⁻³ marked; below, |1 − r| on a log scale."""
    cs = list(curves) if curves is not None else state_ratio_data()
    fig = _figure_class()(figsize=(7.0, 7.6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True)
    for i, c in enumerate(cs):
        color = f"C{i}"
        top.plot(c.T_over_I, c.r_nmm, color=color, label=f"{c.state}")
        top.plot(c.T_over_I, c.r_ew, color=color, ls="--", lw=1)
        bottom.loglog(c.T_over_I, [abs(1 - v) for v in c.r_nmm], color=color)
        bottom.loglog(c.T_over_I, [abs(1 - v) for v in c.r_ew], color=color, ls="--", lw=1)
    for ax in (top,):
        ax.axhline(1.0, color="k", ls="-", lw=0.8, label="r = 1 (Eqs. (12), (15))")
        ax.axhline(
            1 - PAPER_DELTA_BOUND, color="k", ls=":", lw=1, label=r"paper: $1 - 0.7\times10^{-3}$"
        )
    bottom.axhline(PAPER_DELTA_BOUND, color="k", ls=":", lw=1)
    top.plot([], [], color="gray", ls="--", lw=1, label=r"$r_{ew}$ (solid: $r_{nmm}$)")
    top.set_xscale("log")
    top.set_xlim(1.0, 1.0e3)
    top.set_ylabel("r per electron")
    top.set_title("Sum rules per electron, hydrogen-like states (m-averaged subshells)")
    top.legend(loc="lower right", fontsize=7, ncol=2)
    top.grid(True, which="both", alpha=0.3)
    bottom.set_xlabel(r"$T/I$")
    bottom.set_ylabel(r"$|1 - r|$")
    bottom.grid(True, which="both", alpha=0.3)
    return fig


def _figure_class() -> Any:
    """matplotlib's Figure with an Agg canvas attached; ModuleNotFoundError without the extra."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
        raise ModuleNotFoundError(PLOT_EXTRA_MESSAGE) from exc

    def make(**kw: Any) -> Any:
        fig = Figure(**kw)
        FigureCanvasAgg(fig)
        return fig

    return make


def ratio_figure(data: RatioData | None = None) -> Any:
    """Two panels: r(T/I) with the paper's r = 1 and 1 − δ; |1 − r| against δ and the large-T law."""
    d = data or ratio_data()
    fig = _figure_class()(figsize=(7.0, 7.6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True)
    top.plot(d.T_over_I, d.closed, color="C0", label="hydrogen 1s, closed form")
    top.plot(d.points_T_over_I, d.points_r, "o", color="C1", ms=5, label="quadrature (tanh-sinh)")
    top.axhline(1.0, color="k", ls="--", lw=1, label="paper, Eq. (12): r = 1")
    top.plot(
        d.T_over_I,
        [1 - v for v in d.delta],
        color="C2",
        ls=":",
        lw=1.5,
        label="paper, 1 − δ of Eq. (13)",
    )
    top.set_xscale("log")
    top.set_xlim(1.0, 1.0e4)
    top.set_ylabel(r"$r = T\int S\,dQ^2/Q^2 = \frac{1}{2m}\int S\,dQ^2$")
    top.set_title("Sum rules (12), (15) per electron: hydrogen 1s")
    top.legend(loc="lower right", fontsize=8)
    top.grid(True, which="both", alpha=0.3)

    bottom.loglog(d.T_over_I, d.deviation, color="C0", label=r"$1 - r$ (hydrogen)")
    bottom.loglog(
        d.T_over_I, d.delta, color="C2", ls=":", lw=1.5, label=r"$\delta$ of Eq. (13), hydrogen"
    )
    bottom.loglog(
        d.T_over_I, d.large_T_law, color="C3", ls="-.", lw=1, label=r"$(16/15\pi)(I/T)^{5/2}$"
    )
    bottom.axhline(
        PAPER_DELTA_BOUND,
        color="k",
        ls="--",
        lw=1,
        label=r"paper's bound $\delta < 0.7\times10^{-3}$",
    )
    bottom.set_xlabel(r"$T/I$")
    bottom.set_ylabel("relative deviation")
    bottom.set_ylim(1e-12, 1.0)
    bottom.legend(loc="lower left", fontsize=8)
    bottom.grid(True, which="both", alpha=0.3)
    return fig


def structure_figure(curves: Sequence[StructureCurve] | None = None) -> Any:
    """S(T, Q²) against Q² with the Compton peak Q² = 2mT and the lower limit Q² = (αT)²."""
    cs = list(curves) if curves is not None else structure_data()
    fig = _figure_class()(figsize=(7.0, 4.8), layout="constrained")
    ax = fig.subplots()
    for i, c in enumerate(cs):
        color = f"C{i}"
        ax.loglog(c.Q2, c.S, color=color, label=f"T = {c.T_over_I:g} I")
        ax.axvline(c.compton_Q2, color=color, ls="--", lw=0.8)
        ax.axvline(c.kinematic_Q2, color=color, ls=":", lw=0.8)
    ax.plot([], [], color="gray", ls="--", lw=0.8, label=r"Compton peak $Q^2 = 2mT$")
    ax.plot([], [], color="gray", ls=":", lw=0.8, label=r"kinematic limit $Q^2 = (\alpha T)^2$")
    ax.set_xlabel(r"$Q^2$ (bohr$^{-2}$)")
    ax.set_ylabel(r"$S(T, Q^2) = \frac{1}{\pi}\,\mathrm{Im}\,R$ (1/hartree)")
    ax.set_ylim(1e-9, 10.0)
    ax.set_title("Hydrogen 1s: structure function at fixed T (atomic units, m = 1)")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    return fig


_TABLE_LABEL = {
    "henke": "Henke et al. 1993 (periodictable)",
    "elam": "Elam et al. 2002 (xraydb)",
    "chantler": "Chantler, FFAST (xraydb)",
}


def germanium_xray_figure(data: XrayCurves | None = None) -> Any:
    """Two panels on T = 1–30 keV (log axes): σ_γT² of Ge and δ_(μ) = σ_γT²/(4π²αZ), from the
    three tables, with the K and L edges, each table's maximum, the paper's printed point
    (14 keV, 2.5 × 10⁶ barn keV²) and its bound δ < 0.7 × 10⁻³."""
    d = data or germanium_xray_data()
    fig = _figure_class()(figsize=(7.0, 7.6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True)
    for i, table in enumerate(d.tables):
        color = f"C{i}"
        label = _TABLE_LABEL.get(table, table)
        top.loglog(d.T_keV[table], d.sigma_t2[table], color=color, lw=1.2, label=label)
        bottom.loglog(d.T_keV[table], d.delta[table], color=color, lw=1.2, label=label)
        t_peak, peak = d.peaks[table]
        top.plot([t_peak], [peak], "v", color=color, ms=6)
    top.plot([], [], "v", color="gray", ms=6, label="maximum on 1–30 keV (each table)")
    t_p, st2_p, delta_p = d.paper
    top.plot([t_p], [st2_p], "*", color="k", ms=11, label="paper: 2.5×10⁶ barn keV² at 14 keV")
    bottom.plot([t_p], [delta_p], "*", color="k", ms=11, label="paper's point, δ = 0.697×10⁻³")
    bottom.axhline(
        PAPER_DELTA_BOUND,
        color="k",
        ls="--",
        lw=1,
        label=r"paper's bound $\delta < 0.7\times10^{-3}$",
    )
    for ax in (top, bottom):
        for e in d.edges_keV.values():
            ax.axvline(e, color="gray", ls=":", lw=0.8)
        ax.grid(True, which="both", alpha=0.3)
    for name, e in d.edges_keV.items():
        top.annotate(
            name,
            (e, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(-13 if name == "L3" else 2, -12),
            textcoords="offset points",
            fontsize=8,
            color="gray",
        )
    top.set_xlim(1.0, 30.0)
    top.set_ylim(1e5, 5e6)
    top.set_ylabel(r"$\sigma_\gamma T^2$ (barn keV$^2$)")
    top.set_title("Ge: photoabsorption σ_γT² of Eq. (13) from three X-ray tables")
    top.legend(loc="lower right", fontsize=8)
    bottom.set_ylim(2e-5, 2e-3)
    bottom.set_xlabel(r"$T$ (keV)")
    bottom.set_ylabel(r"$\delta_{(\mu)} = \sigma_\gamma T^2 / (4\pi^2\alpha Z)$")
    bottom.legend(loc="lower right", fontsize=8)
    return fig


@dataclass(frozen=True)
class GermaniumShellCurves:
    """The Ge shell model against T (keV): r_nmm, r_ew per electron of the atom (both models),
    the stepping fraction n(T)/32 and the Thomas–Fermi N(T)/32, the per-open-electron
    deviations ρ − 1, and the edges (xraydb)."""

    T_keV: list[float]
    r_nmm: dict[str, list[float]]
    r_ew: dict[str, list[float]]
    rho_nmm: dict[str, list[float]]
    rho_ew: dict[str, list[float]]
    stepping: list[float]
    thomas_fermi: list[float]
    edges_keV: dict[str, float]


def germanium_shell_data(*, points: int = 200) -> GermaniumShellCurves:
    """The curves of :func:`germanium_shell_figure` on :func:`~sumrules.models.germanium_curve.
    energy_grid` (0.1–30 keV, both models' thresholds and the edges resolved)."""
    from sumrules.models.germanium_curve import energy_grid, inclusive_curve, per_open_electron
    from sumrules.models.shells import MODELS, germanium
    from sumrules.models.thomas_fermi import thomas_fermi

    grid = energy_grid(points, 0.1, 30.0, MODELS)
    r_nmm, r_ew, rho_nmm, rho_ew = {}, {}, {}, {}
    stepping: list[float] = []
    for model in MODELS:
        rows = inclusive_curve(germanium(model), grid)
        r_nmm[model] = [float(r.r_nmm) for r in rows]
        r_ew[model] = [float(r.r_ew) for r in rows]
        per = [per_open_electron(r) if r.open_count else (mpmath.nan,) * 2 for r in rows]
        rho_nmm[model] = [float(a - 1) for a, _ in per]
        rho_ew[model] = [float(b - 1) for _, b in per]
        if model == "binding":
            stepping = [r.stepping / 32 for r in rows]
    tf = thomas_fermi(32)
    return GermaniumShellCurves(
        T_keV=grid,
        r_nmm=r_nmm,
        r_ew=r_ew,
        rho_nmm=rho_nmm,
        rho_ew=rho_ew,
        stepping=stepping,
        thomas_fermi=[tf.count_below(t) / 32 for t in grid],
        edges_keV={k: v for k, v in edges(ge.GERMANIUM).items() if v >= 0.1},
    )


def germanium_shell_figure(data: GermaniumShellCurves | None = None) -> Any:
    """Two panels on T = 0.1–30 keV: r_nmm, r_ew of the shell models with the stepping fraction
    n(T)/32 and the Thomas–Fermi N(T)/32; below, ρ − 1 per open electron (log |.|). Edges
    marked."""
    d = data or germanium_shell_data()
    fig = _figure_class()(figsize=(7.0, 7.6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True)
    top.step(d.T_keV, d.stepping, where="post", color="k", lw=1.0, label="stepping n(T)/32")
    top.plot(d.T_keV, d.thomas_fermi, color="gray", ls="-.", lw=1.0, label="Thomas–Fermi N(T)/32")
    styles = {"binding": "C0", "slater": "C3"}
    for model, color in styles.items():
        top.plot(d.T_keV, d.r_nmm[model], color=color, lw=1.2, label=f"r_nmm ({model})")
        top.plot(d.T_keV, d.r_ew[model], color=color, ls="--", lw=1, label=f"r_ew ({model})")
        bottom.loglog(
            d.T_keV,
            [abs(v) for v in d.rho_nmm[model]],
            color=color,
            lw=1.2,
            label=f"|ρ_nmm − 1| ({model})",
        )
        bottom.loglog(
            d.T_keV,
            [abs(v) for v in d.rho_ew[model]],
            color=color,
            ls="--",
            lw=1,
            label=f"|ρ_ew − 1| ({model})",
        )
    bottom.axhline(PAPER_DELTA_BOUND, color="k", ls=":", lw=1, label="0.7×10⁻³ (paper's δ)")
    bottom.axhline(0.01, color="k", ls="-.", lw=0.8, label="1 %")
    for ax in (top, bottom):
        for e in d.edges_keV.values():
            ax.axvline(e, color="gray", ls=":", lw=0.6)
        ax.grid(True, which="both", alpha=0.3)
    for name, e in d.edges_keV.items():
        if name in ("K", "L1", "L3", "M1", "M3"):
            top.annotate(
                name,
                (e, 0.02),
                xycoords=("data", "axes fraction"),
                fontsize=7,
                color="gray",
                xytext=(2, 0),
                textcoords="offset points",
            )
    top.set_xscale("log")
    top.set_xlim(0.1, 30.0)
    top.set_ylabel("r per electron of the atom (32 electrons)")
    top.set_title(
        "Ge shell model: inclusive ratios against the stepping approximation", fontsize=10
    )
    top.legend(loc="lower right", fontsize=7, ncol=2)
    bottom.set_ylim(1e-7, 1.0)
    bottom.set_xlabel(r"$T$ (keV)")
    bottom.set_ylabel(r"$|\rho - 1|$, $\rho = 32 r / n(T)$")
    bottom.legend(loc="upper right", fontsize=7, ncol=2)
    return fig


def _save(fig: Any, base: Path) -> list[Path]:
    pdf, png = base.with_suffix(".pdf"), base.with_suffix(".png")
    fig.savefig(pdf, format="pdf", metadata={"CreationDate": None, "Producer": None})
    fig.savefig(png, format="png", dpi=120, metadata={"Software": None})
    return [pdf, png]


def write_figures(
    out: str | Path,
    *,
    dps: int = 20,
    points: int = 120,
    states: Sequence[tuple[int, int]] = FIGURE_STATES,
) -> list[Path]:
    """Write ratios, structure_factor, germanium_xray, state_ratios and germanium_shells (.pdf,
    .png) under ``out``; return the paths.

    ``points``: grid size of the ratio curve (the structure curves use twice as many, the
    per-state curves of ``states`` a tenth, at most 15 digits).
    """
    validate_dps(dps)
    _figure_class()  # fail fast without matplotlib, before the (slow) data
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = _save(ratio_figure(ratio_data(points=points, dps=dps)), out / "ratios")
    curves = structure_data(points=2 * points, dps=min(dps, 15))
    paths += _save(structure_figure(curves), out / "structure_factor")
    paths += _save(germanium_xray_figure(germanium_xray_data()), out / "germanium_xray")
    per_state = state_ratio_data(states, points=max(2, points // 10), dps=min(dps, 15))
    paths += _save(state_ratio_figure(per_state), out / "state_ratios")
    shells = germanium_shell_data(points=max(2, 2 * points))
    paths += _save(germanium_shell_figure(shells), out / "germanium_shells")
    return paths
