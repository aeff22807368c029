"""Benchmark: one sum-rule ratio of a hydrogen-like n = 4 state at dps 30, side by side with the
1s closed form measured in the same run (the figure is the ratio of the two times).

The ratio of a state beyond 1s comes from the 3D Coulomb wave (two-dimensional Gauss–Legendre
quadrature); the partial-wave route is measured per point S(T, q) (a ratio by partial waves
needs some hundreds of such points and is not run here).
"""

from __future__ import annotations

import time

import mpmath

from sumrules.models import Hydrogenic
from sumrules.models.hydrogenic import ground, partial_waves

__all__ = ["bench_state_ratio", "main"]


def _seconds(fn) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def bench_state_ratio(
    n: int = 4, l: int = 1, t_over_i: str = "2", dps: int = 30
) -> dict[str, object]:
    atom = Hydrogenic(n, l)
    t = atom.energy_at(t_over_i, dps=dps)
    atom.ratio_routes()  # build the sympy table outside the timing
    from sumrules.models.hydrogenic import coulomb_waves

    coulomb_waves.amplitude_table(n, l)
    s_state, (r_nmm, r_ew) = _seconds(lambda: atom.sum_rule_ratios(t, dps=dps))  # type: ignore[misc]
    s_closed, _ = _seconds(lambda: ground.exact_sum_rule_ratio(1, dps=dps))
    s_pw, _ = _seconds(lambda: partial_waves.partial_wave_density(n, l, t, "0.2", dps=15))
    return {
        "state": atom.label,
        "T_over_I": t_over_i,
        "r_nmm": mpmath.nstr(r_nmm, 20),
        "r_ew": mpmath.nstr(r_ew, 20),
        "coulomb_wave_ratio_s": s_state,
        "closed_form_1s_s": s_closed,
        "ratio": s_state / s_closed,
        "partial_wave_point_s_dps15": s_pw,
    }


def main() -> None:
    r = bench_state_ratio()
    print(
        f"{r['state']} at T/I = {r['T_over_I']}, dps 30: Coulomb-wave ratio "
        f"{r['coulomb_wave_ratio_s']:.2f} s (target <= 5 s); 1s closed form "
        f"{r['closed_form_1s_s'] * 1e3:.2f} ms; ratio {r['ratio']:.0f}x"
    )
    print(f"  r_nmm = {r['r_nmm']}, r_ew = {r['r_ew']}")
    print(
        f"  one partial-wave point S(T, q = 0.2) at dps 15: {r['partial_wave_point_s_dps15']:.1f} s"
    )


if __name__ == "__main__":
    main()
