"""Closed forms of the m-averaged continuum structure function S_nl(T, q) of hydrogen-like nl.

Atomic units, nuclear charge Z, one electron in the subshell (n, l), averaged over its 2l + 1
magnetic substates. The bound state has ionization energy I = λ²/2 with λ = Z/n; an energy
transfer T > I ejects the electron with momentum k = √(2T − λ²). In the reduced variables
u = q/λ, κ = k/λ (so T/I = 1 + κ²) and with x = u², y = κ²,

    S_nl(T, q) = λ⁻² c_nl u² P_nl(x, y) e^{−2ν φ} / ( [(u − κ)² + 1][(u + κ)² + 1] )^{2n+1}
                 / (1 − e^{−2πν}),

    ν = Z/k = n/κ,    φ = atan2(2κ, u² − κ² + 1) ∈ (0, π),

with the rational c_nl and the integer polynomial P_nl of :data:`CLOSED_FORMS`. φ is the
angle of the atan2 form: the principal arctan of 2κ/(u² − κ² + 1) is wrong (by −π) where
u² < κ² − 1. The formulas were derived from the Nordsieck integral for every state with
n ≤ 4 (:mod:`sumrules.models.hydrogenic.closed_form_derivation`, in FLINT polynomial arithmetic
by :mod:`sumrules.models.hydrogenic.nordsieck_ring`: about a second per n = 3 state and 2–8 s
per n = 4 state; ``tools/closed_form_table.py`` prints the entries). The tests re-derive the
table and compare the n = 4 forms with the three-dimensional Coulomb-wave quadrature
(:mod:`sumrules.models.hydrogenic.coulomb_waves`). S_Z(T, q) = Z⁻² S_1(T/Z², q/Z) holds by
construction (λ⁻² F(q/λ, k/λ)).

For 1s this is Bethe's form of :func:`sumrules.models.hydrogenic.ground.continuum_density`:

>>> print(mpmath.nstr(continuum_density_closed(1, 0, 1, "0.7", dps=20), 15))
0.133243150694781
>>> print(mpmath.nstr(continuum_density_closed(2, 1, "0.3", "0.5", dps=20), 15))
1.00771436515527
>>> closed_form_states()
((1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2), (4, 0), (4, 1), (4, 2), (4, 3))
>>> print(mpmath.nstr(continuum_density_closed(4, 3, "0.1", "0.5", dps=20), 15))
4.88808858285977
>>> continuum_density_closed(5, 0, 1, 1)
Traceback (most recent call last):
...
ValueError: n = 5, l = 0: no closed form here; the states with one are ((1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2), (4, 0), (4, 1), (4, 2), (4, 3))
"""

from __future__ import annotations

import functools
import numbers
from dataclasses import dataclass
from fractions import Fraction

import mpmath
import sympy as sp

from sumrules.core.numeric import MAX_WORKING_DPS, precision, validate_dps
from sumrules.models.hydrogenic.ground import (
    GUARD_DIGITS,
    momentum_transfer,
    nuclear_charge,
    real_number,
)

__all__ = [
    "CLOSED_FORMS",
    "ClosedForm",
    "ReducedState",
    "cancellation_digits",
    "closed_form",
    "closed_form_expression",
    "closed_form_states",
    "continuum_density_closed",
    "density_adaptive",
    "dipole_density_closed",
    "reduced_state",
    "validate_state",
]

X, Y = sp.symbols("x y")  # x = u² = (q/λ)², y = κ² = (k/λ)²


@dataclass(frozen=True)
class ClosedForm:
    """S_nl λ² = c u² P(u², κ²) e^{−2νφ} / (d₋ d₊)^order / (1 − e^{−2πν}), d± = (u ± κ)² + 1.

    ``polynomial`` is P as a text in x = u², y = κ² (integer coefficients).
    """

    n: int
    l: int
    prefactor: Fraction
    order: int
    polynomial: str

    @property
    def label(self) -> str:
        return f"{self.n}{'spdf'[self.l]}"

    @functools.cached_property
    def terms(self) -> tuple[tuple[int, int, int], ...]:
        """(i, j, c): the monomials c xⁱ yʲ of P."""
        poly = sp.Poly(sp.sympify(self.polynomial, locals={"x": X, "y": Y}), X, Y)
        return tuple((int(i), int(j), int(c)) for (i, j), c in poly.terms())

    @functools.cached_property
    def ridge_terms(self) -> tuple[tuple[int, int, int], ...]:
        """(i, j, c): P as Σ c wⁱ yʲ in w = x − y = u² − κ² (far less cancellation on the ridge)."""
        w = sp.Symbol("w")
        p = sp.sympify(self.polynomial, locals={"x": X, "y": Y}).subs(X, w + Y)
        poly = sp.Poly(sp.expand(p), w, Y)
        return tuple((int(i), int(j), int(c)) for (i, j), c in poly.terms())

    def reduced_expression(self, u: sp.Expr, kappa: sp.Expr) -> sp.Expr:
        """The rational factor c u² P / (d₋ d₊)^order as a sympy expression."""
        p = sp.sympify(self.polynomial, locals={"x": X, "y": Y}).subs({X: u**2, Y: kappa**2})
        den = (((u - kappa) ** 2 + 1) * ((u + kappa) ** 2 + 1)) ** self.order
        return sp.Rational(self.prefactor.numerator, self.prefactor.denominator) * u**2 * p / den


#: The derived closed forms (checked against a fresh derivation by the tests).
CLOSED_FORMS: dict[tuple[int, int], ClosedForm] = {
    (1, 0): ClosedForm(
        1,
        0,
        Fraction(256, 3),
        3,
        ("3*x + y + 1"),
    ),
    (2, 0): ClosedForm(
        2,
        0,
        Fraction(2048, 15),
        5,
        (
            "15*x**5 - 55*x**4*y - 160*x**4 + 70*x**3*y**2 + 360*x**3*y + 410*x**3 - 30*x**2*y**3 "
            "- 200*x**2*y**2 - 310*x**2*y + 100*x**2 - 5*x*y**4 - 40*x*y**3 - 82*x*y**2 + 47*x + "
            "5*y**5 + 40*y**4 + 110*y**3 + 140*y**2 + 85*y + 20"
        ),
    ),
    (2, 1): ClosedForm(
        2,
        1,
        Fraction(2048, 45),
        5,
        (
            "135*x**4 - 180*x**3*y - 180*x**3 - 30*x**2*y**2 - 180*x**2*y + 570*x**2 + 60*x*y**3 "
            "+ 452*x*y**2 + 820*x*y + 428*x + 15*y**4 + 100*y**3 + 210*y**2 + 180*y + 55"
        ),
    ),
    (3, 0): ClosedForm(
        3,
        0,
        Fraction(256, 35),
        7,
        (
            "945*x**9 - 7245*x**8*y - 32445*x**8 + 23940*x**7*y**2 + 200760*x**7*y + 363300*x**7 "
            "- 44100*x**6*y**3 - 517020*x**6*y**2 - 1716540*x**6*y - 1445220*x**6 + "
            "48510*x**5*y**4 + 703080*x**5*y**3 + 3197908*x**5*y**2 + 4851560*x**5*y + "
            "1887102*x**5 - 30870*x**4*y**5 - 515550*x**4*y**4 - 2846732*x**4*y**3 - "
            "5826380*x**4*y**2 - 3930878*x**4*y - 108150*x**4 + 8820*x**3*y**6 + 162120*x**3*y**5 "
            "+ 1023148*x**3*y**4 + 2524144*x**3*y**3 + 2297036*x**3*y**2 + 485576*x**3*y + "
            "272916*x**3 + 1260*x**2*y**7 + 23940*x**2*y**6 + 150668*x**2*y**5 + 426692*x**2*y**4 "
            "+ 583332*x**2*y**3 + 437612*x**2*y**2 + 311780*x**2*y + 158796*x**2 - 1575*x*y**8 - "
            "31080*x*y**7 - 217252*x*y**6 - 706776*x*y**5 - 1175594*x*y**4 - 980056*x*y**3 - "
            "304164*x*y**2 + 64792*x*y + 45465*x + 315*y**9 + 6195*y**8 + 45500*y**7 + "
            "175980*y**6 + 407610*y**5 + 596890*y**4 + 559020*y**3 + 325500*y**2 + 107555*y + "
            "15435"
        ),
    ),
    (3, 1): ClosedForm(
        3,
        1,
        Fraction(2048, 35),
        7,
        (
            "945*x**8 - 5040*x**7*y - 12600*x**7 + 10500*x**6*y**2 + 46550*x**6*y + 64050*x**6 - "
            "10080*x**5*y**3 - 52220*x**5*y**2 - 142660*x**5*y - 128520*x**5 + 3150*x**4*y**4 - "
            "2870*x**4*y**3 + 13902*x**4*y**2 + 112630*x**4*y + 110628*x**4 + 1680*x**3*y**5 + "
            "43680*x**3*y**4 + 172424*x**3*y**3 + 223832*x**3*y**2 + 107016*x**3*y + 67368*x**3 - "
            "1260*x**2*y**6 - 25270*x**2*y**5 - 125874*x**2*y**4 - 262364*x**2*y**3 - "
            "242032*x**2*y**2 - 73486*x**2*y + 8046*x**2 + 980*x*y**6 + 7868*x*y**5 + "
            "28672*x*y**4 + 59192*x*y**3 + 69524*x*y**2 + 42700*x*y + 10584*x + 105*y**8 + "
            "1750*y**7 + 10290*y**6 + 30870*y**5 + 53900*y**4 + 57330*y**3 + 36750*y**2 + 13090*y "
            "+ 1995"
        ),
    ),
    (3, 2): ClosedForm(
        3,
        2,
        Fraction(4096, 175),
        7,
        (
            "3360*x**7 - 8505*x**6*y + 4095*x**6 + 2702*x**5*y**2 - 57890*x**5*y + 66528*x**5 + "
            "7217*x**4*y**3 + 130277*x**4*y**2 + 97223*x**4*y - 115437*x**4 - 3388*x**3*y**4 - "
            "72940*x**3*y**3 - 253484*x**3*y**2 - 271460*x**3*y + 46872*x**3 - 3143*x**2*y**5 - "
            "31031*x**2*y**4 - 41046*x**2*y**3 + 139426*x**2*y**2 + 302029*x**2*y + 149445*x**2 + "
            "1582*x*y**6 + 24654*x*y**5 + 123956*x*y**4 + 288988*x*y**3 + 346038*x*y**2 + "
            "207158*x*y + 49224*x + 175*y**7 + 2835*y**6 + 15015*y**5 + 38675*y**4 + 55125*y**3 + "
            "44625*y**2 + 19285*y + 3465"
        ),
    ),
    (4, 0): ClosedForm(
        4,
        0,
        Fraction(16384, 2835),
        9,
        (
            "2835*x**13 - 33075*x**12*y - 200340*x**12 + 175770*x**11*y**2 + 2033640*x**11*y +"
            " 5033070*x**11 - 561330*x**10*y**3 - 9283680*x**10*y**2 - 43547490*x**10*y -"
            " 55282500*x**10 + 1195425*x**9*y**4 + 25061400*x**9*y**3 + 166712994*x**9*y**2 +"
            " 398734560*x**9*y + 290179701*x**9 - 1777545*x**8*y**5 - 44169300*x**8*y**4 -"
            " 369494622*x**8*y**3 - 1245610044*x**8*y**2 - 1693572993*x**8*y - 715372056*x**8 +"
            " 1871100*x**7*y**6 + 52753680*x**7*y**5 + 519074892*x**7*y**4 +"
            " 2187484992*x**7*y**3 + 4160639700*x**7*y**2 + 3265860528*x**7*y + 743228388*x**7 -"
            " 1372140*x**6*y**7 - 42547680*x**6*y**6 - 471871764*x**6*y**5 -"
            " 2327142888*x**6*y**4 - 5502426132*x**6*y**3 - 6036536016*x**6*y**2 -"
            " 2603149164*x**6*y - 248071656*x**6 + 654885*x**5*y**8 + 21818160*x**5*y**7 +"
            " 265208580*x**5*y**6 + 1470470400*x**5*y**5 + 4062026934*x**5*y**4 +"
            " 5572570032*x**5*y**3 + 3474238068*x**5*y**2 + 799874208*x**5*y + 109052973*x**5 -"
            " 155925*x**4*y**9 - 5499900*x**4*y**8 - 72741564*x**4*y**7 - 445709880*x**4*y**6 -"
            " 1395311022*x**4*y**5 - 2270349504*x**4*y**4 - 1837157148*x**4*y**3 -"
            " 671648040*x**4*y**2 - 106288101*x**4*y + 28002204*x**4 - 20790*x**3*y**10 -"
            " 718200*x**3*y**9 - 8255898*x**3*y**8 - 46622016*x**3*y**7 - 147899388*x**3*y**6 -"
            " 282484080*x**3*y**5 - 339149268*x**3*y**4 - 262215808*x**3*y**3 -"
            " 114403566*x**3*y**2 + 2267304*x**3*y + 19956110*x**3 + 28350*x**2*y**11 +"
            " 1028160*x**2*y**10 + 13634838*x**2*y**9 + 89729388*x**2*y**8 +"
            " 331827804*x**2*y**7 + 732268368*x**2*y**6 + 990651708*x**2*y**5 +"
            " 829782216*x**2*y**4 + 442226790*x**2*y**3 + 172585872*x**2*y**2 + 60268590*x**2*y +"
            " 13244076*x**2 - 8505*x*y**12 - 309960*x*y**11 - 4221126*x*y**10 - 29548512*x*y**9 -"
            " 121802499*x*y**8 - 317367792*x*y**7 - 540150660*x*y**6 - 601265952*x*y**5 -"
            " 420520527*x*y**4 - 160690824*x*y**3 - 13884822*x*y**2 + 11833920*x*y + 3239019*x +"
            " 945*y**13 + 34020*y**12 + 468090*y**11 + 3496500*y**10 + 16337895*y**9 +"
            " 51410520*y**8 + 113552460*y**7 + 179935560*y**6 + 206014095*y**5 + 169252020*y**4 +"
            " 97407450*y**3 + 37319940*y**2 + 8556345*y + 888720"
        ),
    ),
    (4, 1): ClosedForm(
        4,
        1,
        Fraction(16384, 4725),
        9,
        (
            "70875*x**12 - 661500*x**11*y - 2362500*x**11 + 2724750*x**10*y**2 +"
            " 18188100*x**10*y + 30772350*x**10 - 6457500*x**9*y**3 - 59375820*x**9*y**2 -"
            " 190053780*x**9*y - 188997060*x**9 + 9568125*x**8*y**4 + 103976460*x**8*y**3 +"
            " 467385870*x**8*y**2 + 900010860*x**8*y + 601121325*x**8 - 8883000*x**7*y**5 -"
            " 97229160*x**7*y**4 - 529218480*x**7*y**3 - 1515596880*x**7*y**2 -"
            " 2059958040*x**7*y - 951364680*x**7 + 4630500*x**6*y**6 + 28806120*x**6*y**5 +"
            " 128596860*x**6*y**4 + 649806000*x**6*y**3 + 1826589660*x**6*y**2 +"
            " 1967808360*x**6*y + 589835460*x**6 - 567000*x**5*y**7 + 35721000*x**5*y**6 +"
            " 360542280*x**5*y**5 + 1187167560*x**5*y**4 + 1461586680*x**5*y**3 +"
            " 456159480*x**5*y**2 - 52166760*x**5*y + 129054360*x**5 - 826875*x**4*y**8 -"
            " 44551080*x**4*y**7 - 441445620*x**4*y**6 - 1835319000*x**4*y**5 -"
            " 3783788994*x**4*y**4 - 4087186584*x**4*y**3 - 2376485556*x**4*y**2 -"
            " 735895656*x**4*y - 22990875*x**4 + 472500*x**3*y**9 + 20020140*x**3*y**8 +"
            " 209296080*x**3*y**7 + 994516080*x**3*y**6 + 2537628312*x**3*y**5 +"
            " 3689987688*x**3*y**4 + 3075079312*x**3*y**3 + 1440049200*x**3*y**2 +"
            " 396398676*x**3*y + 74301772*x**3 - 47250*x**2*y**10 - 2581740*x**2*y**9 -"
            " 29626170*x**2*y**8 - 159275280*x**2*y**7 - 492164292*x**2*y**6 -"
            " 939857544*x**2*y**5 - 1116838116*x**2*y**4 - 779989008*x**2*y**3 -"
            " 261113898*x**2*y**2 - 2630508*x**2*y + 15455646*x**2 - 31500*x*y**11 -"
            " 853020*x*y**10 - 8943060*x*y**9 - 48330660*x*y**8 - 150136056*x*y**7 -"
            " 279426840*x*y**6 - 303803304*x*y**5 - 157316040*x*y**4 + 22529220*x*y**3 +"
            " 79958004*x*y**2 + 42130620*x*y + 7714476*x + 7875*y**12 + 241500*y**11 +"
            " 2693670*y**10 + 16018380*y**9 + 59121405*y**8 + 146091960*y**7 + 251414100*y**6 +"
            " 306505080*y**5 + 264476205*y**4 + 158297580*y**3 + 62615910*y**2 + 14739900*y +"
            " 1565235"
        ),
    ),
    (4, 2): ClosedForm(
        4,
        2,
        Fraction(131072, 14175),
        9,
        (
            "90720*x**11 - 592515*x**10*y - 680400*x**10 + 1535814*x**9*y**2 + 856170*x**9*y +"
            " 3754296*x**9 - 1837647*x**8*y**3 + 10237626*x**8*y**2 + 15452577*x**8*y -"
            " 32615856*x**8 + 576072*x**7*y**4 - 39784248*x**7*y**3 - 136500840*x**7*y**2 -"
            " 30916872*x**7*y + 142517088*x**7 + 928746*x**6*y**5 + 61640712*x**6*y**4 +"
            " 306990588*x**6*y**3 + 438493608*x**6*y**2 + 10847466*x**6*y - 179916000*x**6 -"
            " 873180*x**5*y**6 - 44098740*x**5*y**5 - 291174696*x**5*y**4 - 743302152*x**5*y**3 -"
            " 772397388*x**5*y**2 - 251489988*x**5*y + 11039184*x**5 - 114534*x**4*y**7 +"
            " 6704460*x**4*y**6 + 75149478*x**4*y**5 + 344032776*x**4*y**4 +"
            " 751635846*x**4*y**3 + 798169356*x**4*y**2 + 405182970*x**4*y + 111977568*x**4 +"
            " 485352*x**3*y**8 + 10226664*x**3*y**7 + 68161512*x**3*y**6 + 185385384*x**3*y**5 +"
            " 200560248*x**3*y**4 + 9852280*x**3*y**3 - 114808776*x**3*y**2 - 40088328*x**3*y +"
            " 10977664*x**3 - 227367*x**2*y**9 - 5918472*x**2*y**8 - 49802436*x**2*y**7 -"
            " 200910024*x**2*y**6 - 452570922*x**2*y**5 - 599532264*x**2*y**4 -"
            " 457216452*x**2*y**3 - 174833784*x**2*y**2 - 15437223*x**2*y + 5940144*x**2 +"
            " 23814*x*y**10 + 675738*x*y**9 + 6548976*x*y**8 + 32426856*x*y**7 +"
            " 96587316*x*y**6 + 186741324*x*y**5 + 241550568*x*y**4 + 208433736*x*y**3 +"
            " 115448886*x*y**2 + 37176426*x*y + 5294520*x + 4725*y**11 + 140490*y**10 +"
            " 1420545*y**9 + 7406280*y**8 + 23410170*y**7 + 48501180*y**6 + 68377050*y**5 +"
            " 66328920*y**4 + 43717905*y**3 + 18748170*y**2 + 4727205*y + 532560"
        ),
    ),
    (4, 3): ClosedForm(
        4,
        3,
        Fraction(1048576, 99225),
        9,
        (
            "70875*x**10 - 237195*x**9*y + 1307880*x**9 + 111825*x**8*y**2 - 8400420*x**8*y -"
            " 2289420*x**8 + 386820*x**7*y**3 + 19124280*x**7*y**2 + 25937100*x**7*y -"
            " 3006360*x**7 - 314370*x**6*y**4 - 15795840*x**6*y**3 - 49772520*x**6*y**2 -"
            " 71686440*x**6*y + 48335010*x**6 - 473130*x**5*y**5 - 4655880*x**5*y**4 -"
            " 4522500*x**5*y**3 + 104837040*x**5*y**2 + 121732830*x**5*y - 34247160*x**5 +"
            " 717570*x**4*y**6 + 14933160*x**4*y**5 + 77811984*x**4*y**4 + 100271304*x**4*y**3 -"
            " 66489174*x**4*y**2 - 165913344*x**4*y - 37347660*x**4 - 233100*x**3*y**7 -"
            " 6045240*x**3*y**6 - 49326012*x**3*y**5 - 171321048*x**3*y**4 -"
            " 270841412*x**3*y**3 - 162498120*x**3*y**2 + 15109644*x**3*y + 34573528*x**3 -"
            " 63945*x**2*y**8 - 1448640*x**2*y**7 - 6826968*x**2*y**6 + 548424*x**2*y**5 +"
            " 71196966*x**2*y**4 + 191109168*x**2*y**3 + 225403488*x**2*y**2 + 128192328*x**2*y +"
            " 28691739*x**2 + 32445*x*y**9 + 917280*x*y**8 + 8387316*x*y**7 + 37860480*x*y**6 +"
            " 98853174*x*y**5 + 159793200*x*y**4 + 162936900*x*y**3 + 102293856*x*y**2 +"
            " 36181845*x*y + 5526864*x + 2205*y**10 + 63420*y**9 + 601020*y**8 + 2865240*y**7 +"
            " 8092350*y**6 + 14605920*y**5 + 17384220*y**4 + 13635720*y**3 + 6801165*y**2 +"
            " 1959300*y + 248640"
        ),
    ),
}


def closed_form_states() -> tuple[tuple[int, int], ...]:
    """The (n, l) with a closed form, in order."""
    return tuple(sorted(CLOSED_FORMS))


def validate_state(n: object, l: object) -> tuple[int, int]:
    """(n, l) as ints if the state has a closed form; else ValueError naming the argument.

    >>> validate_state(2, 1)
    (2, 1)
    >>> validate_state(2, 2)
    Traceback (most recent call last):
    ...
    ValueError: l must be an integer with 0 <= l < n = 2, got 2
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or int(n) < 1:
        raise ValueError(f"n must be an integer >= 1, got {n!r}")
    if isinstance(l, bool) or not isinstance(l, numbers.Integral) or not 0 <= int(l) < int(n):
        raise ValueError(f"l must be an integer with 0 <= l < n = {int(n)}, got {l!r}")
    state = (int(n), int(l))
    if state not in CLOSED_FORMS:
        raise ValueError(
            f"n = {state[0]}, l = {state[1]}: no closed form here; the states with one are "
            f"{closed_form_states()}"
        )
    return state


def closed_form(n: object, l: object) -> ClosedForm:
    """The :class:`ClosedForm` of (n, l).

    >>> closed_form(1, 0).polynomial
    '3*x + y + 1'
    """
    return CLOSED_FORMS[validate_state(n, l)]


@dataclass(frozen=True)
class ReducedState:
    """An (n, l, Z, T) point in reduced units: λ = Z/n, κ = k/λ, ν = n/κ (working precision)."""

    form: ClosedForm
    lam: mpmath.mpf
    kappa: mpmath.mpf

    @property
    def nu(self) -> mpmath.mpf:
        return self.form.n / self.kappa

    def sommerfeld(self) -> mpmath.mpf:
        """1/(1 − e^{−2πν})."""
        return 1 / -mpmath.expm1(-2 * mpmath.pi * self.nu)

    @functools.cached_property
    def ridge_coefficients(self) -> tuple[tuple[mpmath.mpf, ...], tuple[mpmath.mpf, ...]]:
        """P = Σᵢ Qᵢ(κ²) wⁱ: (Qᵢ, Aᵢ = Σⱼ |cᵢⱼ| κ²ʲ), highest i first, at the current precision."""
        y = self.kappa * self.kappa
        top = max(i for i, _, _ in self.form.ridge_terms)
        q = [mpmath.mpf(0)] * (top + 1)
        a = [mpmath.mpf(0)] * (top + 1)
        for i, j, c in self.form.ridge_terms:
            term = c * y**j
            q[top - i] += term
            a[top - i] += abs(term)
        return tuple(q), tuple(a)

    @functools.cached_property
    def prefactor(self) -> mpmath.mpf:
        """The rational c of the closed form at the precision of the first call."""
        c = self.form.prefactor
        return mpmath.mpf(c.numerator) / c.denominator

    @functools.cached_property
    def sommerfeld_factor(self) -> mpmath.mpf:
        """1/(1 − e^{−2πν}) at the precision of the first call."""
        return self.sommerfeld()

    def polynomial(self, w: mpmath.mpf) -> tuple[mpmath.mpf, mpmath.mpf]:
        """P at w = u² − κ² and Σ|terms| (the scale of the rounding errors of the sum).

        Horner in w over the coefficients Qᵢ(κ²) of :attr:`ridge_coefficients`; Σ|terms| is
        Σᵢ Aᵢ |w|ⁱ, the same bound as summing the monomials one by one.
        """
        q, a = self.ridge_coefficients
        value, size, aw = mpmath.mpf(0), mpmath.mpf(0), abs(w)
        for qi, ai in zip(q, a, strict=True):
            value = value * w + qi
            size = size * aw + ai
        return value, size

    def rational(self, u: mpmath.mpf) -> tuple[mpmath.mpf, mpmath.mpf]:
        """(c u² P / (d₋ d₊)^order, condition number of P's sum)."""
        kap = self.kappa
        minus, plus = u - kap, u + kap
        p, size = self.polynomial(minus * plus)
        d = (minus * minus + 1) * (plus * plus + 1)
        value = self.prefactor * u * u * p
        return value / d**self.form.order, (size / abs(p) if p else mpmath.inf)

    def angle(self, u: mpmath.mpf) -> mpmath.mpf:
        """φ = atan2(2κ, u² − κ² + 1) ∈ (0, π), u² − κ² formed as (u − κ)(u + κ)."""
        kap = self.kappa
        return mpmath.atan2(2 * kap, (u - kap) * (u + kap) + 1)

    def density(self, u: mpmath.mpf) -> tuple[mpmath.mpf, mpmath.mpf]:
        """(λ² S at u = q/λ, condition number of the polynomial sum)."""
        rat, cond = self.rational(u)
        return rat * mpmath.exp(-2 * self.nu * self.angle(u)) * self.sommerfeld_factor, cond

    def dipole(self) -> mpmath.mpf:
        """λ⁴ lim_{u→0} S/q² (φ(0) = 2 atan κ)."""
        kap = self.kappa
        p, _ = self.polynomial(-kap * kap)
        rat = self.prefactor * p / (1 + kap * kap) ** (2 * self.form.order)
        return rat * mpmath.exp(-4 * self.nu * mpmath.atan(kap)) * self.sommerfeld_factor


def reduced_state(n: int, l: int, T: object, Z: object) -> ReducedState:
    """The :class:`ReducedState` at the current precision; ValueError naming a bad argument."""
    form = closed_form(n, l)
    z = nuclear_charge(Z)
    lam = z / form.n
    t = real_number(T, "T")
    if t <= lam * lam / 2:
        raise ValueError(
            f"T must exceed the ionization energy Z**2/(2 n**2) = "
            f"{mpmath.nstr(lam * lam / 2, 10)} hartree, got {T!r}"
        )
    return ReducedState(form, lam, mpmath.sqrt(2 * t / (lam * lam) - 1))


def cancellation_digits(cond: mpmath.mpf) -> int:
    """Digits that a sum with condition number ``cond`` loses (0 for a well-conditioned one)."""
    if not mpmath.isfinite(cond):
        return MAX_WORKING_DPS
    return max(0, int(mpmath.log10(cond)) + 1) if cond > 1 else 0


def density_adaptive(n: int, l: int, T: object, q: object, Z: object, digits: int) -> mpmath.mpf:
    """λ-scaled S at (T, q) with ``digits`` correct digits in P's sum, at the current precision.

    The sum is repeated at more digits until its condition number Σ|terms|/|P|, as computed
    at that precision, costs fewer digits than were added (a garbage sum has a condition
    number ~10^{working digits} and forces another round). ValueError beyond MAX_WORKING_DPS.
    """
    wp = digits
    while True:
        with precision(wp):
            st = reduced_state(n, l, T, Z)
            value, cond = st.density(momentum_transfer(q) / st.lam)
            value /= st.lam * st.lam
        need = digits + cancellation_digits(cond)
        if need <= wp:
            return value
        if need > MAX_WORKING_DPS:
            raise ValueError(
                f"q = {q!r}, T = {T!r}: the closed form cancels to more than "
                f"{MAX_WORKING_DPS} digits here"
            )
        wp = need


def continuum_density_closed(
    n: int, l: int, T: object, q: object, *, Z: object = 1, dps: int = 30
) -> mpmath.mpf:
    """S_nl(T, q) per unit T (1/hartree), m-averaged, from the closed form; T > Z²/(2n²), q ≥ 0.

    P is summed in w = u² − κ², y = κ² with as many extra digits as its condition number
    Σ|terms|/|P| costs (:func:`density_adaptive`).

    >>> s = continuum_density_closed(2, 0, "0.13", "0.1", dps=20)
    >>> print(mpmath.nstr(s, 15))
    0.132280334283062
    >>> continuum_density_closed(2, 0, "0.1", 1)
    Traceback (most recent call last):
    ...
    ValueError: T must exceed the ionization energy Z**2/(2 n**2) = 0.125 hartree, got '0.1'
    """
    validate_dps(dps)
    validate_state(n, l)
    value = density_adaptive(n, l, T, q, Z, dps + GUARD_DIGITS)
    with precision(dps):
        return +value


def dipole_density_closed(n: int, l: int, T: object, *, Z: object = 1, dps: int = 30) -> mpmath.mpf:
    """D_nl(T) = lim_{q→0} S_nl(T, q)/q² (the dipole limit; σ_γ = 4π²αT D).

    >>> d = dipole_density_closed(1, 0, 1, dps=20)
    >>> abs(d - mpmath.mpf(8) / 3 * mpmath.exp(-mpmath.pi) / -mpmath.expm1(-2 * mpmath.pi)) < 1e-14
    True
    """
    validate_dps(dps)
    with precision(dps + GUARD_DIGITS):
        st = reduced_state(n, l, T, Z)
        value = st.dipole() / st.lam**4
    with precision(dps):
        return +value


def closed_form_expression(
    n: int, l: int
) -> tuple[sp.Expr, tuple[sp.Symbol, sp.Symbol, sp.Symbol]]:
    """(S_nl(T, q; Z), (T, q, Z)) as a sympy expression with the atan2 angle.

    >>> S, (T, q, Z) = closed_form_expression(1, 0)
    >>> float(S.subs({T: 1, q: sp.Rational(7, 10), Z: 1}))  # doctest: +ELLIPSIS
    0.13324315069478...
    """
    form = closed_form(n, l)
    T, q, Z = sp.symbols("T q Z", positive=True)
    lam = Z / form.n
    k = sp.sqrt(2 * T - lam**2)
    u, kappa = q / lam, k / lam
    nu = Z / k
    phi = sp.atan2(2 * kappa, u**2 - kappa**2 + 1)
    rational = form.reduced_expression(u, kappa)
    expr = rational * sp.exp(-2 * nu * phi) / (1 - sp.exp(-2 * sp.pi * nu)) / lam**2
    return expr, (T, q, Z)
