"""Benchmark (and full check): re-derive every closed form of S_nl, n ≤ 4, and time it.

For each state the Nordsieck derivation in FLINT polynomial arithmetic
(:func:`sumrules.models.hydrogenic.nordsieck_ring.ring_derivation`) is timed and compared with
the stored table (prefactor, order, polynomial), and its two independent checks run: the
plane-wave limit against the momentum density (``born_check``) and the dipole limit against the
radial dipole integral of the Coulomb function (``dipole_radial_closed_form``). The test suite
re-derives n ≤ 3 and 4s; 4p, 4d, 4f (2–8 s each, plus the Born check of up to 8 s) are
re-derived here. ``--ratios`` also re-derives the closed forms r(κ) of n = 4
(:func:`~sumrules.models.hydrogenic.closed_form_ratios.derive_exact_ratios`, 20–40 s each).

    python benchmarks/bench_derivation.py [--ratios] [STATE ...]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

import sympy as sp

from sumrules.models.hydrogenic.closed_form_derivation import (
    KAPPA,
    born_check,
    dipole_radial_closed_form,
)
from sumrules.models.hydrogenic.closed_form_ratios import derive_exact_ratios
from sumrules.models.hydrogenic.closed_forms import closed_form, closed_form_states
from sumrules.models.hydrogenic.nordsieck_ring import ring_derivation
from sumrules.models.hydrogenic.states import label, parse_label

__all__ = ["bench_state", "main"]


def bench_state(n: int, l: int, *, ratios: bool = False) -> dict[str, object]:
    """Derive (n, l), compare with the table, run the Born and dipole checks; seconds of each."""
    ring_derivation.cache_clear()
    start = time.perf_counter()
    d = ring_derivation(n, l)
    derive_s = time.perf_counter() - start
    form = closed_form(n, l)
    x, y = sp.symbols("x y")
    stored = sp.sympify(form.polynomial, locals={"x": x, "y": y})
    matches = (
        d.prefactor == sp.Rational(form.prefactor.numerator, form.prefactor.denominator)
        and d.order == form.order
        and sp.expand(d.polynomial - stored) == 0
    )
    start = time.perf_counter()
    born = born_check(n, l)
    born_s = time.perf_counter() - start
    c = sp.Rational(form.prefactor.numerator, form.prefactor.denominator)
    limit = c * stored.subs({x: 0, y: KAPPA**2}) / (1 + KAPPA**2) ** (2 * form.order)
    dipole = sp.cancel(dipole_radial_closed_form(n, l) - limit) == 0
    row: dict[str, object] = {
        "state": label(n, l),
        "derive_s": derive_s,
        "matches_table": matches,
        "log_free": d.log_free,
        "odd_free": d.odd_free,
        "born": born,
        "born_s": born_s,
        "dipole": dipole,
    }
    if ratios:
        derive_exact_ratios.cache_clear()
        start = time.perf_counter()
        row["ratios_match"] = derive_exact_ratios(n, l).matches_table()
        row["ratios_s"] = time.perf_counter() - start
    return row


def main(argv: Sequence[str] = ()) -> int:
    args = [a for a in argv if not a.startswith("--")]
    states = [parse_label(a) for a in args] or list(closed_form_states())
    ok = True
    for n, l in states:
        r = bench_state(n, l, ratios="--ratios" in argv)
        good = all(r[k] for k in ("matches_table", "log_free", "odd_free", "born", "dipole"))
        good = good and bool(r.get("ratios_match", True))
        ok = ok and good
        extra = (
            f", r(κ) {'=' if r['ratios_match'] else '≠'} table in {r['ratios_s']:.1f} s"
            if "ratios_s" in r
            else ""
        )
        print(
            f"{r['state']}: derived in {r['derive_s']:.2f} s, "
            f"{'matches' if r['matches_table'] else 'DIFFERS FROM'} the table; Born "
            f"{'ok' if r['born'] else 'FAILED'} ({r['born_s']:.1f} s), dipole "
            f"{'ok' if r['dipole'] else 'FAILED'}{extra}",
            flush=True,
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
