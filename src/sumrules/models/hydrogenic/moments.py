"""Which coefficients ⟨0|(P + h)^k|0⟩ of the expansion of Eq. (16) exist for hydrogen 1s.

Atomic units (ħ = m = e = 1, Z = 1): ψ = e^{-r}/√π, H = p²/2 - 1/r, E0 = -1/2,
h = H - E0, P = p_z Q (q along z). Every state reached from ψ by p_z and h is
axially symmetric, g(r, c)·e^{-r}/√π with c = cos θ, and g a Laurent
polynomial in r and a polynomial in c:

    p_z: g ↦ -i[c(∂_r g - g) + (1 - c²)/r ∂_c g]
    ∇²:  g ↦ g_rr - 2g_r + g + (2/r)(g_r - g) + (1/r²) ∂_c[(1 - c²) ∂_c g]

A word's value ⟨0|w_1…w_k|0⟩ is the pairing ⟨(w_1…w_j)†ψ | w_{j+1}…w_k ψ⟩
(j = ⌊k/2⌋) integrated exactly in spherical coordinates, with a cut-off
r > r_min; the value is finite when the cut-off integral converges as
r_min → 0 and "divergent" otherwise. The pointwise derivatives equal the
distributional ones only when p_z acts on a state no more singular than 1/r
and h on a state bounded at r = 0 (``CoulombWord.valid``). Through k = 4 the
middle split is valid for every word; a split that differentiates a singular
state misses terms at the origin (⟨p_z h p_z⟩ split 0|3 gives -2/3, not 2/3).
From k = 5 on some middle splits are not valid and the cut-off pairing is the
definition used.

>>> word_value("PP").value, word_value("PhP").value, word_value("PPPP").value
(1/3, 2/3, 1)
>>> word_value("PhhP").value
'divergent'
>>> first_undefined_order()
4
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import product

import mpmath
import sympy as sp

from sumrules.core.numeric import is_count, precision
from sumrules.theory.expansion import Q2, naive_words, surviving, validate_word

__all__ = [
    "CoulombOrder",
    "CoulombWord",
    "apply_h",
    "apply_laplacian",
    "apply_p_z",
    "coefficient_from_words",
    "commutator_word_values",
    "coulomb_coefficient",
    "coulomb_expansion_orders",
    "cutoff_integral_numeric",
    "first_infinite_order",
    "first_undefined_order",
    "min_r_power",
    "momentum_space_pz_moment",
    "pointwise_valid",
    "pz_h_pz_by_commutator",
    "pz_hh_pz_by_commutator",
    "state",
    "surviving_words_consistent",
    "word_value",
]

R = sp.Symbol("r", positive=True)
C = sp.Symbol("c", real=True)
R_MIN = sp.Symbol("r_min", positive=True)

MAX_ORDER = 8


def apply_p_z(g: sp.Expr) -> sp.Expr:
    """p_z acting on g(r, c)·e^{-r}/√π, as the new g (the map of the module docstring).

    >>> apply_p_z(sp.Integer(1))  # −i ∂_z e^{−r} = i (z/r) e^{−r}
    I*c
    """
    return sp.expand(-sp.I * (C * (sp.diff(g, R) - g) + (1 - C**2) / R * sp.diff(g, C)))


def apply_laplacian(g: sp.Expr) -> sp.Expr:
    """∇² acting on g(r, c)·e^{-r}/√π, as the new g (the map of the module docstring).

    >>> apply_laplacian(sp.Integer(1))  # ∇² e^{−r} = (1 − 2/r) e^{−r}
    1 - 2/r
    """
    g_r = sp.diff(g, R)
    angular = sp.diff((1 - C**2) * sp.diff(g, C), C)
    return sp.expand(sp.diff(g_r, R) - 2 * g_r + g + 2 / R * (g_r - g) + angular / R**2)


def apply_h(g: sp.Expr) -> sp.Expr:
    """h = H − E0 = −∇²/2 − 1/r + 1/2 acting on g(r, c)·e^{-r}/√π, as the new g.

    >>> apply_h(sp.Integer(1)), apply_h(R * C)  # h|0⟩ = 0; h z|0⟩ = (z/r)|0⟩ = −i p_z|0⟩
    (0, c)
    """
    return sp.expand(-apply_laplacian(g) / 2 - g / R + g / 2)


@cache
def state(word: str) -> sp.Expr:
    """g(r, c) of word(p_z, h)ψ = g e^{-r}/√π (letters act right to left).

    >>> state(""), state("P"), state("hP")
    (1, I*c, I*c/r**2)
    """
    word = validate_word(word)
    if not word:
        return sp.Integer(1)
    inner = state(word[1:])
    return apply_p_z(inner) if word[0] == "P" else apply_h(inner)


def min_r_power(g: sp.Expr) -> float:
    """The lowest power of r in g(r, c) once expanded (inf for g = 0): how singular the state
    g·e^{-r} is at the origin.

    >>> min_r_power(C / R**2 + R**3), min_r_power(sp.Integer(0))
    (-2.0, inf)
    """
    if g == 0:
        return float("inf")
    return min(float(t.as_powers_dict().get(R, 0)) for t in sp.Add.make_args(sp.expand(g)))


@cache
def pointwise_valid(word: str) -> bool:
    """True when every letter of ``word`` acts on a state where pointwise = distributional.

    p_z needs a state no more singular than 1/r at the origin, h one bounded there.

    >>> pointwise_valid("hP"), pointwise_valid("PhP"), pointwise_valid("PPP")
    (True, False, True)
    """
    word = validate_word(word)
    if not word:
        return True
    need = -1 if word[0] == "P" else 0
    return pointwise_valid(word[1:]) and min_r_power(state(word[1:])) >= need


@cache
def _angular(a: int) -> sp.Expr:
    """∫_{-1}^{1} c^a dc, by sympy."""
    return sp.integrate(C**a, (C, -1, 1))


@cache
def _radial(n: int) -> sp.Expr:
    """∫_0^∞ r^n e^{-2r} dr for n ≥ 0, by sympy."""
    return sp.integrate(R**n * sp.exp(-2 * R), (R, 0, sp.oo))


@dataclass(frozen=True)
class CoulombWord:
    """⟨0|word(p_z, h)|0⟩ for hydrogen 1s: an exact number or "divergent".

    ``singular`` maps each power N ≤ -1 of the radial integrand r^N e^{-2r} to its
    angular-integrated coefficient; the cut-off integral then behaves like
    c_N r_min^{N+1}/(-N-1) (N ≤ -2) or -c_{-1} ln r_min.
    """

    word: str
    value: sp.Expr | str
    singular: tuple[tuple[int, sp.Expr], ...] = ()
    valid: bool = True

    @property
    def leading(self) -> sp.Expr | None:
        """Leading small-r_min behaviour of the cut-off integral (None when finite)."""
        if not self.singular:
            return None
        n, coeff = min(self.singular)
        if n == -1:
            return -coeff * sp.log(R_MIN)
        return coeff * R_MIN ** (n + 1) / (-n - 1)


def _pairing_terms(word: str, split: int) -> dict[tuple[int, int], sp.Expr]:
    """Integrand of ⟨(w_1..w_split)†ψ | w_{split+1}..w_k ψ⟩ as {(power of c, power of r): coeff}."""
    left = state(word[:split][::-1])  # (w_1...w_j)† = w_j...w_1, all letters Hermitian
    right = state(word[split:])
    integrand = sp.expand(sp.conjugate(left) * right * R**2 * 2)  # (1/pi) * 2 pi from phi
    terms: dict[tuple[int, int], sp.Expr] = {}
    for term in sp.Add.make_args(integrand):
        if term == 0:
            continue
        coeff, rest = term.as_coeff_Mul()
        powers = rest.as_powers_dict()
        a = int(powers.pop(C, 0))
        e = int(powers.pop(R, 0))
        extra = sp.Mul(*(b**x for b, x in powers.items()))
        key = (a, e)
        terms[key] = terms.get(key, 0) + coeff * extra
    return terms


def word_value(word: str, split: int | None = None) -> CoulombWord:
    """⟨0|word(p_z, h)|0⟩ for hydrogen 1s, exact, split at ``split`` (default ⌊k/2⌋).

    >>> word_value("PPhP").value, word_value("PhPh").value
    (0, 0)
    """
    word = validate_word(word)
    k = len(word)
    j = k // 2 if split is None else split
    if not 0 <= j <= k:
        raise ValueError(f"split must be in [0, {k}], got {split!r}")
    finite = sp.Integer(0)
    singular: dict[int, sp.Expr] = {}
    for (a, e), coeff in _pairing_terms(word, j).items():
        angular = _angular(a)
        if angular == 0:
            continue
        n = e  # radial integrand r^e e^{-2r} (r^2 already included)
        if n >= 0:
            finite += coeff * angular * _radial(n)
        else:
            singular[n] = singular.get(n, 0) + coeff * angular
    singular = {n: sp.simplify(c) for n, c in singular.items() if sp.simplify(c) != 0}
    valid = pointwise_valid(word[:j][::-1]) and pointwise_valid(word[j:])
    if singular:
        return CoulombWord(word, "divergent", tuple(sorted(singular.items())), valid)
    return CoulombWord(word, sp.nsimplify(sp.simplify(finite)), (), valid)


def cutoff_integral_numeric(word: str, r_min: float, *, dps: int = 20) -> mpmath.mpf:
    """Cut-off pairing ∫_{r > r_min} by 2D mpmath quadrature of the pointwise integrand.

    Independent of the monomial bookkeeping of :func:`word_value`; for a divergent
    word it grows like its :attr:`CoulombWord.leading` term.
    """
    word = validate_word(word)
    j = len(word) // 2
    left = state(word[:j][::-1])
    right = state(word[j:])
    integrand = sp.conjugate(left) * right * R**2 * 2 * sp.exp(-2 * R)
    f = sp.lambdify((R, C), integrand, "mpmath")
    with precision(dps):
        value = mpmath.quad(lambda r, c: f(r, c), [r_min, 1, mpmath.inf], [-1, 0, 1])
        return mpmath.mpf(mpmath.re(value))


def momentum_space_pz_moment(n: int) -> sp.Expr:
    """⟨p_z^{2n}⟩ from the 1s momentum distribution |φ(p)|² = 8/(π²(1 + p²)⁴) (oo if divergent).

    >>> momentum_space_pz_moment(1), momentum_space_pz_moment(2), momentum_space_pz_moment(3)
    (1/3, 1, oo)
    """
    if not is_count(n, 0):
        raise ValueError(f"n must be a nonnegative integer, got {n!r}")
    p = sp.Symbol("p", positive=True)
    density = 8 / (sp.pi**2 * (1 + p**2) ** 4)
    angular = 2 * sp.pi * _angular(2 * n)
    return sp.simplify(angular * sp.integrate(p ** (2 * n + 2) * density, (p, 0, sp.oo)))


def pz_h_pz_by_commutator() -> sp.Expr:
    """⟨p_z h p_z⟩ = ½⟨[p_z, [h, p_z]]⟩ = ½⟨∂_z²V⟩ = (1/6)⟨∇²V⟩ = (1/6)·4π|ψ(0)|² (m = 1).

    ∇²(-1/r) = 4πδ³(r); the pointwise part of ∂_z²(-1/r) ∝ (3cos²θ - 1)/r³
    averages to zero over angles.

    >>> pz_h_pz_by_commutator()
    2/3
    """
    psi0_sq = (1 / sp.sqrt(sp.pi)) ** 2
    pointwise_angular = _angular(2) * 3 - _angular(0)
    if pointwise_angular != 0:
        raise ArithmeticError("angular average of 3cos^2 - 1 is not zero")
    return sp.Rational(1, 6) * 4 * sp.pi * psi0_sq


def pz_hh_pz_by_commutator(r_min: sp.Expr = R_MIN) -> sp.Expr:
    """⟨p_z h² p_z⟩ over r > r_min as ‖h p_z ψ‖² = ⟨(∂_z V)²⟩ = ⟨z²/r⁶⟩ (m = 1), closed form.

    Since hψ = 0, h p_z ψ = [H, p_z]ψ = i(∂_z V)ψ = i(z/r³)ψ, so no second
    derivative of a singular state is taken. Angular average of cos²θ is 1/3:
    (4/3) ∫_{r_min}^∞ e^{-2r} r^{-2} dr = (4/3)[e^{-2a}/a - 2 E_1(2a)] ~ 4/(3a), a = r_min
    (checked by differentiation; it diverges as a → 0, the word P h h P of order 4).

    >>> a = sp.Symbol("a", positive=True)
    >>> sp.simplify(sp.diff(pz_hh_pz_by_commutator(a), a) + sp.Rational(4, 3) * sp.exp(-2*a) / a**2)
    0
    >>> sp.limit(pz_hh_pz_by_commutator(a), a, 0, "+")
    oo
    """
    a = sp.sympify(r_min)
    if a.is_positive is not True:
        raise ValueError(f"r_min must be positive, got {r_min!r}")
    angular = 2 * sp.pi * _angular(2) / sp.pi  # |ψ|² = e^{-2r}/π, ∫dφ = 2π, ∫c² dc
    return angular * (sp.exp(-2 * a) / a - 2 * sp.expint(1, 2 * a))


@dataclass(frozen=True)
class CoulombOrder:
    """Order k of the expansion for hydrogen 1s: every word's value and the coefficient.

    ``coefficient`` is ⟨0|(P + h)^k|0⟩ = Σ_u (Q²)^u Σ_words ⟨0|word(p_z, h)|0⟩ (m = 1),
    or "divergent" when some word diverges.
    """

    k: int
    words: dict[str, sp.Expr | str]
    coefficient: sp.Expr | str


def coulomb_expansion_orders(max_order: int = 6) -> tuple[CoulombOrder, ...]:
    """Per order k ≤ ``max_order``: all 2^k words with their values, and the coefficient.

    >>> orders = coulomb_expansion_orders(4)
    >>> orders[2].coefficient, orders[3].coefficient, orders[4].coefficient
    (Q^2/3, 2*Q^2/3, 'divergent')
    >>> {w: v for w, v in orders[4].words.items() if v != 0}
    {'PPPP': 1, 'PhhP': 'divergent'}
    """
    if not is_count(max_order, 0, 8):
        raise ValueError(f"max_order must be an integer in [0, {MAX_ORDER}], got {max_order!r}")
    out = []
    for k in range(max_order + 1):
        words: dict[str, sp.Expr | str] = {}
        total: sp.Expr | str = sp.Integer(0)
        for letters in product("Ph", repeat=k):
            word = "".join(letters)
            value = word_value(word).value
            words[word] = value
            if isinstance(value, str):
                total = "divergent"
            elif not isinstance(total, str):
                total += value * Q2 ** (word.count("P") // 2)
        out.append(CoulombOrder(k, words, total if isinstance(total, str) else sp.expand(total)))
    return tuple(out)


def first_undefined_order(max_order: int = 6) -> int | None:
    """The first k at which ⟨0|(P + h)^k|0⟩ diverges for hydrogen 1s (None if none ≤ max_order)."""
    for order in coulomb_expansion_orders(max_order):
        if order.coefficient == "divergent":
            return order.k
    return None


def coulomb_coefficient(k: int) -> sp.Expr | str:
    """⟨0|(P + h)^k|0⟩ for hydrogen 1s by the spherical integrals of every word (m = 1),
    "divergent" when a word diverges.

    >>> [coulomb_coefficient(k) for k in range(5)]
    [1, 0, Q^2/3, 2*Q^2/3, 'divergent']
    """
    return coulomb_expansion_orders(k)[k].coefficient


@cache
def _commutator_word_values() -> tuple[tuple[str, sp.Expr], ...]:
    hh = pz_hh_pz_by_commutator(R_MIN)
    limit = sp.limit(hh, R_MIN, 0, "+")
    return (
        ("PP", momentum_space_pz_moment(1)),
        ("PhP", pz_h_pz_by_commutator()),
        ("PPPP", momentum_space_pz_moment(2)),
        ("PhhP", sp.oo if limit == sp.oo else limit),
    )


def commutator_word_values() -> dict[str, sp.Expr]:
    """The surviving words through k = 4 without pairing integrals: ⟨p_z^{2n}⟩ in momentum
    space, ⟨p_z h p_z⟩ and ⟨p_z h² p_z⟩ by commutators (sp.oo when the cut-off value diverges).

    >>> commutator_word_values()
    {'PP': 1/3, 'PhP': 2/3, 'PPPP': 1, 'PhhP': oo}
    """
    return dict(_commutator_word_values())


def coefficient_from_words(k: int, values: Mapping[str, sp.Expr | str]) -> sp.Expr | str:
    """Σ over the surviving words of order k of values[word]·(Q²)^u (m = 1): the coefficient
    from given word values ("divergent" if one is infinite; ValueError if one is missing).

    >>> coefficient_from_words(3, commutator_word_values()), coefficient_from_words(4, commutator_word_values())
    (2*Q^2/3, 'divergent')
    >>> coefficient_from_words(1, {})
    0
    """
    total = sp.Integer(0)
    for word in naive_words(k):
        if not surviving(word):
            continue
        if word and word not in values:
            raise ValueError(f"no value for the word {word!r}")
        value = values[word] if word else sp.Integer(1)
        if isinstance(value, str) or value == sp.oo:
            return "divergent"
        total += value * Q2 ** (word.count("P") // 2)
    return sp.expand(total)


def first_infinite_order(values: Mapping[str, sp.Expr | str]) -> int | None:
    """The shortest word whose value is infinite (sp.oo or "divergent"), or None.

    >>> first_infinite_order(commutator_word_values()), first_infinite_order({"PP": 1})
    (4, None)
    """
    bad = [len(w) for w, v in values.items() if v == "divergent" or v == sp.oo]
    return min(bad) if bad else None


def surviving_words_consistent(orders: tuple[CoulombOrder, ...]) -> bool:
    """Every word removed by the vanishing rules has value exactly 0 in this model.

    >>> surviving_words_consistent(coulomb_expansion_orders(4))
    True
    """
    return all(
        value == 0 for order in orders for word, value in order.words.items() if not surviving(word)
    )
