"""Hydrogen-like atoms: bound states, the continuum structure function, resolvent routes,
sum-rule ratios, self-checks and certified enclosures.

* :mod:`.ground` — the 1s state in closed form (structure function, ratios, δ of Eq. (13));
* :mod:`.checks` — the model's own checks and the resolvent routes (completeness, partial waves,
  dispersion integral, analytic structure);
* :mod:`.moments` — Coulomb expectation values of the expansion words (Eq. (20) orders);
* :mod:`.ratios` — the sum-rule ratios as the claims use them (table, limits, shares);
* :mod:`.ratio_curves` — every state's ratios as interpolants in √(I/T), shipped with their
  measured errors (the germanium shell model uses them);
* :mod:`.certified` — python-flint enclosures of the ratios (the ``flint`` extra).
"""

__all__: list[str] = []
