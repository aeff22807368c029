"""Eq. (2): the electroweak cross section on a free electron, and its number.

(The claim itself is declared here as the version-2 conversion of the free-electron claims
proceeds; the printed statement is the data it judges.)
"""

from __future__ import annotations

import sympy as sp

from sumrules.theory.scattering import G_F, SIN2_W, m

__all__ = ["PRINTED_EQ2", "PRINTED_EQ2_COEFFICIENT", "PRINTED_EW_DIGITS", "PRINTED_EW_VALUE"]

PRINTED_EQ2 = (
    r"\begin{aligned} \frac{d\sigma_{EW}}{dT} &= \frac{G_F^2 m_e}{2\pi} (1 + 4\sin^2\theta_W + "
    r"8\sin^4\theta_W) \left[1 + O\left(\frac{T}{E_\nu}\right) \right] \\ &\approx 5 \times "
    r"10^{-48} \text{ cm}^2/\text{keV}. \end{aligned}"
)
#: The printed T → 0 value of Eq. (2): prefactor times coefficient.
PRINTED_EQ2_COEFFICIENT: sp.Expr = G_F**2 * m / (2 * sp.pi) * (1 + 4 * SIN2_W + 8 * SIN2_W**2)
#: The printed number of Eq. (2), in cm²/keV, and how many significant digits it carries.
PRINTED_EW_VALUE = "5e-48"
PRINTED_EW_DIGITS = 1

CLAIMS = ()
