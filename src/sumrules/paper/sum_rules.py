"""The remainder of the version-1 sum-rule claims: ``text.upper-bound`` (after Eq. (13)).

Eqs. (12), (14), (15), the large-T law and the inclusive conclusion are declared in
:mod:`sumrules.paper.eq12`, :mod:`sumrules.paper.eq14` and :mod:`sumrules.paper.eq15`; the
upper-bound sentence moves to ``eq13.py`` with its own conversion.
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath

from sumrules.core.format import digits_between, number
from sumrules.core.ledger import Context, Control, Disagreement, Evidence, Outcome, timed
from sumrules.core.numeric import precision
from sumrules.core.registry import claim
from sumrules.data.constants import ALPHA
from sumrules.data.units import kev_to_hartree
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as hyd

__all__ = [
    "PRINTED_CORRECTION_SIGN",
    "PRINTED_RATIO",
    "PRINTED_UPPER_BOUND",
    "upper_bound",
]

PRINTED_UPPER_BOUND = (
    r"``It can be also noticed that both small corrections due to the kinematical restrictions "
    r"are negative, so that the full integral in Eq. (12) in fact provides an upper bound on "
    r"$d\sigma_{(\mu)}/dT$'' (after Eq.~(13))."
)

#: Per electron, Eqs. (12) and (15) say r_nmm = r_ew = 1.
PRINTED_RATIO = 1
#: "both small corrections ... are negative".
PRINTED_CORRECTION_SIGN = -1
#: Neutrino energy for the upper kinematic limit Q² = 4E_ν² (1 MeV, a reactor neutrino).
E_NU_KEV = 1000


# --------------------------------------------------------------------------------------------
# "both small corrections ... are negative ... an upper bound"


def _removed_pieces(
    t: str, dps: int, density: Callable[[mpmath.mpf, mpmath.mpf, mpmath.mpf], mpmath.mpf] | None
) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    """T ∫ S dQ²/Q² below Q² = (αT)² and above Q² = (2E_να)², and the large-q asymptotics."""
    with precision(dps + 10):
        tt, one = mpmath.mpf(t), mpmath.mpf(1)
        c = hyd.Continuum(tt, one)
        dens = density or hc._exact_density
        alpha = ALPHA.mpf()
        q_low = alpha * tt
        q_high = 2 * kev_to_hartree(E_NU_KEV, dps=dps + 10) * alpha

        def f(q: mpmath.mpf) -> mpmath.mpf:
            return dens(c.k, q * q, one) / q if q else q * 0

        low = 2 * tt * mpmath.quad(f, [0, q_low / 2, q_low])
        high = 2 * tt * mpmath.quad(f, [q_high, 2 * q_high, mpmath.inf])
        # S → 2⁸ q⁴/q¹² /(1 − e^{−2π/k}) at q ≫ k: T ∫ S dQ²/Q² ≈ T C/(4 q⁸)
        asym = tt * c.pref / (4 * q_high**8)
    return low, high, asym


def _sign_flipped_b(k: mpmath.mpf, Q2_: mpmath.mpf, Z: mpmath.mpf) -> mpmath.mpf:
    c = hyd.Continuum.from_momentum(k, Z)
    return c.density_q2(Q2_) * (Q2_ - c.b) / (Q2_ + c.b)


@claim(
    "text.upper-bound",
    title="The full integral of Eq. (12) is an upper bound",
    printed=PRINTED_UPPER_BOUND,
    anchor=13,
)
def upper_bound(ctx: Context) -> Outcome:
    """Compute the two pieces the kinematic limits remove (hydrogen) and their sign."""
    temps = ("0.55", "1", "5")
    (pieces, t_p) = timed(lambda: {t: _removed_pieces(t, ctx.dps, None) for t in temps})
    with precision(ctx.dps + 10):
        dip = {t: hyd.low_q_fraction_dipole(t, dps=ctx.dps) for t in temps}
        low_digits = min(digits_between(pieces[t][0], dip[t], ctx.dps) for t in temps)
        high_digits = min(digits_between(pieces[t][1], pieces[t][2], ctx.dps) for t in temps)
        closed = {t: hyd.exact_sum_rule_ratio(t, dps=ctx.dps) for t in temps}
        restricted = {t: closed[t] - pieces[t][0] - pieces[t][1] for t in temps}
        s_min = min(
            hyd.continuum_density(t, q, dps=ctx.dps)
            for t in temps
            for q in ("1e-6", "0.01", "0.3", "1", "3", "30")
        )
    if low_digits < 3 or high_digits < 3:
        raise Disagreement(
            "removed pieces: quadrature vs dipole/asymptotic estimates",
            {"low": f"{low_digits:.1f}", "high": f"{high_digits:.1f}"},
        )
    signs = {-1 if (p[0] > 0 and p[1] > 0) else 1 for p in pieces.values()}
    sign = signs.pop() if len(signs) == 1 else 0
    bound = all(restricted[t] <= PRINTED_RATIO for t in temps)
    verdict = "verified" if sign == PRINTED_CORRECTION_SIGN and bound else "refuted"
    flipped = _removed_pieces("0.55", ctx.dps, _sign_flipped_b)
    controls = [
        Control(
            "a density with (Q² − 2T/3) in place of (Q² + 2T/3): sign of the low piece",
            not flipped[0] > 0,
            f"low piece {number(flipped[0], 4)}",
        ),
        Control(
            "bound test with r replaced by 1/r",
            not all(1 / closed[t] - pieces[t][0] - pieces[t][1] <= 1 for t in temps),
            "1/r exceeds 1",
        ),
    ]
    evidence = [
        Evidence(
            "quadrature of S below Q² = (αT)² vs Eq. (13)'s dipole value",
            "model:hydrogen",
            "; ".join(
                f"T = {t}: {number(pieces[t][0], 6)} (dipole {number(dip[t], 6)})" for t in temps
            ),
            precision=f"{ctx.dps} dps",
            agreement=low_digits,
            seconds=t_p,
        ),
        Evidence(
            "S above Q² = (2E_ν α)², E_ν = 1 MeV: quadrature vs the q^(−8) tail",
            "numeric",
            "; ".join(f"T = {t}: {number(pieces[t][1], 6)}" for t in temps),
            precision=f"{ctx.dps} dps",
            agreement=high_digits,
        ),
        Evidence(
            "restricted integral against the full one (closed form)",
            "closed-form",
            "; ".join(
                f"T = {t}: {number(restricted[t], 12)} ≤ r = {number(closed[t], 12)} ≤ 1"
                for t in temps
            )
            + f"; min S on a grid {number(s_min, 3)} ≥ 0",
        ),
    ]
    summary = (
        f"{'true' if verdict == 'verified' else 'false'} in hydrogen: S ≥ 0, so both removed "
        f"pieces are positive (at T = 0.55, 1, 5 hartree: below (αT)² "
        f"{', '.join(number(pieces[t][0], 3) for t in temps)}; above 4E_ν² "
        f"{', '.join(number(pieces[t][1], 3) for t in temps)}); the full integral r/T ≤ Z/T, "
        "so Z/T bounds dσ/dT even more since r < 1"
    )
    return Outcome(verdict, summary, evidence, controls)
