"""The pole integral of Eq. (19): the closed form, three independent routes, certified balls.

(1/π) ∫ Im[(Q²)^s (T − Q²/2m − iε)^(−w)] dQ² as ε → 0+:

* :mod:`.closed_form` — the exact value, the printed form, the induction proof;
* :mod:`.routes` — A (Sokhotski–Plemelj), B (finite ε, then ε → 0+), C (mpmath contour);
* :mod:`.certified` — python-flint enclosures (the ``flint`` extra).

>>> pole_integral(1, 2)
-4
"""

from sumrules.theory.pole_integral.closed_form import (
    pole_integral,
    pole_integral_general,
    pole_integral_printed,
    pole_integral_vanishes,
)

__all__ = [
    "pole_integral",
    "pole_integral_general",
    "pole_integral_printed",
    "pole_integral_vanishes",
]
