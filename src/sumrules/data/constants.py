"""Physical constants and cited data, each with its value, unit, source and uncertainty.

Values are stored exactly as printed by their source (a decimal string, kept as
an exact :class:`fractions.Fraction`); ``.mpf()`` gives an mpmath number at the
current working precision. ``uncertainty`` is the one-standard-deviation
uncertainty in the same unit (``None``: exact by definition).

Which weak mixing angle the comparisons use
-------------------------------------------
Reactor antineutrinos scatter on electrons at momentum transfers of order MeV,
where the MS-bar weak mixing angle has run to its low-energy value
``SIN2_THETA_W_LOW_ENERGY`` (about 0.2386, not 0.2312 at the Z pole). The
tree-level formula of Eq. (2) evaluated with that effective value absorbs the
dominant (running) part of the radiative corrections, so it is the default
(``SIN2_THETA_W_DEFAULT``). The Z-pole MS-bar value and the on-shell value
``1 - M_W^2/M_Z^2`` are kept to show the spread (about 5 % in
``1 + 4 s^2 + 8 s^4``).

>>> ALPHA_INV.fraction == Fraction("137.035999084")
True
>>> round(float(ALPHA), 10)
0.0072973526
>>> ELECTRON_MASS.unit
'keV'
>>> SIN2_THETA_W_DEFAULT.printed
'0.23857'
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import mpmath

__all__ = [
    "ALPHA",
    "ALPHA_INV",
    "ATOMIC_MASS_UNIT",
    "BARN_CM2",
    "BOHR_RADIUS_CM",
    "CLASSICAL_ELECTRON_RADIUS_CM",
    "CONSTANTS",
    "DELTA_M2_21",
    "DELTA_M2_32",
    "ELECTRON_MASS",
    "ELEMENTARY_CHARGE_C",
    "FERMI_CONSTANT",
    "GEMMA_MU_LIMIT",
    "GE_ATOMIC_WEIGHT",
    "GE_K_ALPHA",
    "GE_SIGMA_T2_PEAK",
    "GE_Z",
    "HARTREE",
    "HBAR_C",
    "HBAR_C_SQUARED",
    "PLANCK_H_JS",
    "RYDBERG_ENERGY",
    "SIN2_THETA_W_DEFAULT",
    "SIN2_THETA_W_LOW_ENERGY",
    "SIN2_THETA_W_MSBAR_MZ",
    "SIN2_THETA_W_ON_SHELL",
    "SPEED_OF_LIGHT_M_S",
    "W_MASS",
    "Z_MASS",
    "Constant",
]


@dataclass(frozen=True)
class Constant:
    """A physical constant or cited datum (``printed``: the value as its source prints it).

    >>> c = Constant("example", Fraction("1.5"), "keV", "nowhere", Fraction("0.1"))
    >>> c.relative_uncertainty
    Fraction(1, 15)
    >>> float(c)
    1.5
    """

    name: str
    value: Fraction
    unit: str
    source: str
    uncertainty: Fraction | None = None
    note: str = ""
    printed: str = ""

    @property
    def fraction(self) -> Fraction:
        """The exact value."""
        return self.value

    @property
    def relative_uncertainty(self) -> Fraction | None:
        """``uncertainty / |value|`` (None for an exact constant)."""
        if self.uncertainty is None:
            return None
        return self.uncertainty / abs(self.value)

    def mpf(self) -> mpmath.mpf:
        """The value as an mpmath number at the current working precision."""
        return mpmath.mpf(self.value.numerator) / self.value.denominator

    def __float__(self) -> float:
        return float(self.value)


def _c(
    name: str, value: str, unit: str, source: str, unc: str | None = None, note: str = ""
) -> Constant:
    uncertainty = None if unc is None else Fraction(unc)
    return Constant(name, Fraction(value), unit, source, uncertainty, note, value)


# --- exact SI defining constants (2019 SI) -------------------------------------------------
PLANCK_H_JS = _c("Planck constant h", "6.62607015e-34", "J s", "SI 2019 (exact)")
SPEED_OF_LIGHT_M_S = _c("speed of light c", "299792458", "m/s", "SI 2019 (exact)")
ELEMENTARY_CHARGE_C = _c("elementary charge e", "1.602176634e-19", "C", "SI 2019 (exact)")
BARN_CM2 = _c("barn", "1e-24", "cm^2", "definition (exact)")

# --- CODATA 2018 ---------------------------------------------------------------------------
ALPHA_INV = _c("inverse fine-structure constant", "137.035999084", "1", "CODATA 2018", "2.1e-8")
ALPHA = Constant(
    "fine-structure constant alpha",
    1 / ALPHA_INV.value,
    "1",
    "CODATA 2018 (1/alpha^-1)",
    ALPHA_INV.uncertainty / ALPHA_INV.value**2 if ALPHA_INV.uncertainty else None,
)
ELECTRON_MASS = _c("electron mass m_e c^2", "510.99895000", "keV", "CODATA 2018", "1.5e-7")
HBAR_C = _c(
    "reduced Planck constant times c",
    "197.3269804",
    "MeV fm",
    "CODATA 2018",
    None,
    "exact in the 2019 SI; CODATA prints it truncated to 10 digits",
)
HBAR_C_SQUARED = _c(
    "conversion constant (hbar c)^2",
    "0.3893793721",
    "GeV^2 mb",
    "PDG (2019 SI)",
    None,
    "exact in the 2019 SI; printed truncated to 10 digits",
)
HARTREE = _c("Hartree energy", "27.211386245988", "eV", "CODATA 2018", "5.3e-11")
RYDBERG_ENERGY = _c("Rydberg energy hcR_inf", "13.605693122994", "eV", "CODATA 2018", "2.6e-11")
BOHR_RADIUS_CM = _c("Bohr radius a0", "0.529177210903e-8", "cm", "CODATA 2018", "8.0e-19")
CLASSICAL_ELECTRON_RADIUS_CM = _c(
    "classical electron radius r_e", "2.8179403262e-13", "cm", "CODATA 2018", "1.3e-22"
)
ATOMIC_MASS_UNIT = _c(
    "atomic mass constant energy equivalent", "931494.10242", "keV", "CODATA 2018", "2.8e-4"
)

# --- PDG -----------------------------------------------------------------------------------
FERMI_CONSTANT = _c(
    "Fermi coupling constant G_F/(hbar c)^3",
    "1.1663787e-5",
    "GeV^-2",
    "PDG 2022 (MuLan muon lifetime)",
    "6e-12",
)
SIN2_THETA_W_MSBAR_MZ = _c(
    "weak mixing angle sin^2(theta_W), MS-bar at M_Z", "0.23121", "1", "PDG 2022", "4e-5"
)
SIN2_THETA_W_LOW_ENERGY = _c(
    "weak mixing angle sin^2(theta_W), MS-bar at Q^2 -> 0",
    "0.23857",
    "1",
    "PDG electroweak review (Erler, Freitas), low-energy value",
    "5e-5",
    "the value appropriate for reactor-energy neutrino-electron scattering",
)
W_MASS = _c("W boson mass", "80.3692", "GeV", "PDG 2024", "0.0133")
Z_MASS = _c("Z boson mass", "91.1880", "GeV", "PDG 2024", "0.0020")


def _on_shell_sin2() -> Constant:
    r = (W_MASS.value / Z_MASS.value) ** 2
    assert W_MASS.uncertainty is not None and Z_MASS.uncertainty is not None
    # linear error propagation, uncorrelated: d(1 - r) = 2 r sqrt((dW/W)^2 + (dZ/Z)^2)
    rel2 = (W_MASS.uncertainty / W_MASS.value) ** 2 + (Z_MASS.uncertainty / Z_MASS.value) ** 2
    unc = Fraction(2 * float(r) * float(rel2) ** 0.5).limit_denominator(10**9)
    return Constant(
        "weak mixing angle, on-shell 1 - M_W^2/M_Z^2",
        1 - r,
        "1",
        "derived from PDG 2024 M_W and M_Z",
        unc,
    )


SIN2_THETA_W_ON_SHELL = _on_shell_sin2()
SIN2_THETA_W_DEFAULT = SIN2_THETA_W_LOW_ENERGY

DELTA_M2_32 = _c(
    "atmospheric mass splitting Delta m^2_32 (normal ordering)",
    "2.455e-3",
    "eV^2",
    "PDG 2024",
    "2.8e-5",
)
DELTA_M2_21 = _c("solar mass splitting Delta m^2_21", "7.53e-5", "eV^2", "PDG 2024", "1.8e-6")

# --- data cited by the paper (quoted, not checked here) -----------------------------------
GE_K_ALPHA = _c(
    "Ge K-alpha line energy (representative atomic energy eps0)",
    "9.89",
    "keV",
    "Voloshin 2010, as cited (X-ray data: K-alpha1 = 9.886 keV)",
    "0.005",
)
GE_ATOMIC_WEIGHT = _c("Ge standard atomic weight", "72.630", "u", "IUPAC 2013", "0.008")
GE_Z = _c("Ge atomic number", "32", "1", "definition")
GE_SIGMA_T2_PEAK = _c(
    "peak of sigma_gamma(T) T^2 for Ge (T about 14 keV)",
    "2.5e6",
    "barn keV^2",
    "Voloshin 2010, reading Henke et al. 1993 tables",
)
GEMMA_MU_LIMIT = _c(
    "GEMMA upper limit on the neutrino magnetic moment",
    "3.2e-11",
    "mu_B",
    "Beda et al., arXiv:1005.2736, as cited by Voloshin 2010",
)

CONSTANTS: tuple[Constant, ...] = (
    PLANCK_H_JS,
    SPEED_OF_LIGHT_M_S,
    ELEMENTARY_CHARGE_C,
    BARN_CM2,
    ALPHA_INV,
    ALPHA,
    ELECTRON_MASS,
    HBAR_C,
    HBAR_C_SQUARED,
    HARTREE,
    RYDBERG_ENERGY,
    BOHR_RADIUS_CM,
    CLASSICAL_ELECTRON_RADIUS_CM,
    ATOMIC_MASS_UNIT,
    FERMI_CONSTANT,
    SIN2_THETA_W_MSBAR_MZ,
    SIN2_THETA_W_LOW_ENERGY,
    SIN2_THETA_W_ON_SHELL,
    W_MASS,
    Z_MASS,
    DELTA_M2_32,
    DELTA_M2_21,
    GE_K_ALPHA,
    GE_ATOMIC_WEIGHT,
    GE_Z,
    GE_SIGMA_T2_PEAK,
    GEMMA_MU_LIMIT,
)
