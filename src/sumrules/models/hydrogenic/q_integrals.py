"""Sum-rule ratios from any structure function of a hydrogen-like state, by quadrature in q.

r_nmm = T ∫ S dQ²/Q² = 2T ∫ S dq/q and r_ew = (1/2m) ∫ S dQ² = ∫ S q dq (m = 1, Z = 1), with
tanh-sinh quadrature split around the Bethe ridge q = k, where S peaks.
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath

from sumrules.core.numeric import precision, validate_dps

__all__ = ["ratios_from_density"]


def ratios_from_density(
    density: Callable[[mpmath.mpf, mpmath.mpf, int], mpmath.mpf],
    n: int,
    t: mpmath.mpf,
    *,
    dps: int = 30,
) -> tuple[mpmath.mpf, mpmath.mpf]:
    """(r_nmm, r_ew) = (2T ∫ S dq/q, ∫ S q dq) for any density S(t, q, dps) at Z = 1, by
    tanh-sinh in q split at the ridge q = k ± β·4^j (β = 1/n).

    >>> from sumrules.models.hydrogenic import ground
    >>> r = ratios_from_density(lambda t, q, d: ground.continuum_density(t, q, dps=d), 1,
    ...                         mpmath.mpf(1), dps=15)
    >>> abs(r[0] - ground.exact_sum_rule_ratio(1, dps=15)) < 1e-13
    True
    """
    validate_dps(dps)
    with precision(dps + 10):
        t = mpmath.mpf(t)
        beta = mpmath.mpf(1) / n
        k = mpmath.sqrt(2 * t - beta * beta)
        pts = {mpmath.mpf(0), k, 2 * k + 8 * beta}
        d = beta / 4
        while d < 2 * k:
            pts.update(p for p in (k - d, k + d) if p > 0)
            d *= 4
        nodes = [*sorted(pts), mpmath.inf]
        memo: dict[mpmath.mpf, mpmath.mpf] = {}

        def s(q: mpmath.mpf) -> mpmath.mpf:
            v = memo.get(q)
            if v is None:
                v = memo[q] = density(t, q, dps + 10) if q else mpmath.mpf(0)
            return v

        nmm = 2 * t * mpmath.quad(lambda q: s(q) / q if q else q, nodes)
        ew = mpmath.quad(lambda q: s(q) * q, nodes)
    with precision(dps):
        return +nmm, +ew
