"""Model-independent mathematics and physics of the paper.

* :mod:`~sumrules.theory.pole_integral` — the distributional integral of Eq. (19), its routes;
* :mod:`~sumrules.theory.expansion` — the resolvent expansion of Eqs. (16)–(18), (20);
* :mod:`~sumrules.theory.operators` — the conjugation identity behind Eq. (16);
* :mod:`~sumrules.theory.scattering` — Dirac traces and cross sections, Eqs. (1)–(5), (14);
* :mod:`~sumrules.theory.photoabsorption` — the dipole limit and σ_γ (model-free part);
* :mod:`~sumrules.theory.sum_rules` — Eqs. (12), (14), (15) as printed, per electron;
* :mod:`~sumrules.theory.static_target` — the weak coefficient of Eq. (14) (static target).
"""

__all__: list[str] = []
