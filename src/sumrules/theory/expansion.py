"""The one-electron expansion of the resolvent, Eqs. (16)–(18) and (20).

With A = T - Q²/2m, P = p·q/m and h = H - E0 (Eq. 16),

    R = ⟨0|[A - P - h]⁻¹|0⟩ = Σ_k A^{-k-1} ⟨0|(P + h)^k|0⟩,

a formal series whose order-k coefficient is a sum over the 2^k words of
length k in the non-commuting letters P and h. Three rules remove words:
a word ending or starting in h (h|0⟩ = 0, ⟨0|h = 0) and a word with an odd
number of P (parity). Rotational invariance collapses a surviving word with
2u letters P onto (Q²)^u A^{-w}, w = k + 1 (Eq. 17), with a coefficient
Φ = ⟨0|word(p_z, h)|0⟩/m^{2u}. Every surviving term has w ≥ 2u + 1 (Eq. 18).

Two routes count the surviving terms: :func:`naive_words` expands (P + h)^k
with sympy's non-commutative algebra and applies the rules word by word;
:func:`expansion_terms` counts them in closed form (binomial coefficients),
cross-checked by a dynamic programme (:func:`expansion_terms_dp`).

>>> [(t.u, t.w, t.multiplicity) for t in expansion_terms(4)]
[(0, 1, 1), (1, 3, 1), (1, 4, 1), (1, 5, 1), (2, 5, 1)]
>>> naive_classes(4) == class_counts(t for t in expansion_terms(4) if t.k == 4)
True
>>> weighted_sum(6, -1), weighted_sum(6, 0)
(1/T, 2*m)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from itertools import combinations
from types import MappingProxyType

import sympy as sp

from sumrules.core.derivation import Derivation, Step
from sumrules.core.numeric import validate_int

__all__ = [
    "GROUND_STATE_LEFT",
    "GROUND_STATE_RIGHT",
    "MAX_ORDER",
    "PARITY",
    "Q2",
    "ROTATIONAL_COLLAPSE",
    "T_SYM",
    "VANISHING_RULES",
    "GroundStateAverage",
    "M",
    "RotationalRule",
    "TermClass",
    "VanishingRule",
    "WeightedTerm",
    "all_orders_classes_match",
    "all_orders_vanishing_proof",
    "class_average",
    "class_counts",
    "class_multiplicity",
    "class_words",
    "classes_of_order",
    "contributing_terms",
    "expansion_terms",
    "expansion_terms_dp",
    "low_q_divergence_steps",
    "multiplicities",
    "naive_classes",
    "naive_words",
    "needs_no_phi",
    "power_counting_proof",
    "reduced_resolvent_steps",
    "satisfies_power_counting",
    "small_q_divergent",
    "surviving",
    "surviving_classes_all_orders",
    "term_by_term_integral",
    "validate_order",
    "validate_word",
    "vanishes_fast",
    "weighted_sum",
    "weighted_sum_all_orders",
    "weighted_term_integrals",
    "word_class",
    "word_phi",
]

M = sp.Symbol("m", positive=True)
T_SYM = sp.Symbol("T", positive=True)
Q2 = sp.Symbol("Q^2", positive=True)

_LETTERS = frozenset("Ph")


def _pole_integral(s: int, w: int, m: sp.Expr, t: sp.Expr) -> sp.Expr:
    """sumrules.kernel.pole_integral, imported on first use."""
    from sumrules.theory.pole_integral.closed_form import pole_integral

    return sp.sympify(pole_integral(s, w, m=m, T=t))


#: Largest order of :func:`expansion_terms` (about order²/4 classes; ~3 s at the limit).
MAX_ORDER = 1000


def validate_order(order: object) -> int:
    """``order`` if it is an integer in [0, :data:`MAX_ORDER`]; else ValueError naming it.

    >>> validate_order(0), validate_order(MAX_ORDER)
    (0, 1000)
    >>> validate_order(MAX_ORDER + 1)
    Traceback (most recent call last):
    ...
    ValueError: order must be <= 1000 (MAX_ORDER), got 1001
    """
    k = validate_int(order, "order", 0)
    if k > MAX_ORDER:
        raise ValueError(f"order must be <= {MAX_ORDER} (MAX_ORDER), got {order!r}")
    return k


def validate_word(word: object) -> str:
    """``word`` if it is a string over the letters P and h; else ValueError."""
    if not isinstance(word, str) or not set(word) <= _LETTERS:
        raise ValueError(f"word must be a string over the letters 'P' and 'h', got {word!r}")
    return word


# ---------------------------------------------------------------------------
# Rules


@dataclass(frozen=True)
class VanishingRule:
    """A rule that removes a word from ⟨0|(P + h)^k|0⟩, with the reason it may."""

    name: str
    statement: str
    justification: str
    kills: Callable[[str], bool]

    def __call__(self, word: str) -> bool:
        return self.kills(validate_word(word))


GROUND_STATE_RIGHT = VanishingRule(
    "ground_state_right",
    "a word ending in h vanishes",
    "h|0> = (H - E0)|0> = 0",
    lambda word: word.endswith("h"),
)
GROUND_STATE_LEFT = VanishingRule(
    "ground_state_left",
    "a word starting with h vanishes",
    "<0|h = <0|(H - E0) = 0 (H is Hermitian)",
    lambda word: word.startswith("h"),
)
PARITY = VanishingRule(
    "parity",
    "a word with an odd number of P vanishes",
    "P = p.q/m is odd and h even under r -> -r, p -> -p; the nondegenerate ground state "
    "of a central potential is a parity eigenstate, so <0|O|0> = 0 for parity-odd O",
    lambda word: word.count("P") % 2 == 1,
)
VANISHING_RULES: tuple[VanishingRule, ...] = (GROUND_STATE_RIGHT, GROUND_STATE_LEFT, PARITY)


@dataclass(frozen=True)
class RotationalRule:
    """Rotational invariance: a surviving word collapses onto (Q²)^u A^{-w} (Eq. 17)."""

    name: str = "rotational_collapse"
    statement: str = (
        "a surviving word of length k with 2u letters P contributes (Q^2)^u A^(-w), w = k + 1, "
        "with coefficient <0|word(p_z, h)|0>/m^(2u)"
    )
    justification: str = (
        "<0|word(p.q, h)|0> is a rank-2u tensor contracted with q...q; for a rotationally "
        "invariant ground state it is a scalar homogeneous of degree 2u in q, i.e. "
        "(Q^2)^u times its value at q = z-hat"
    )

    def __call__(self, word: str) -> tuple[int, int]:
        return word_class(word)


ROTATIONAL_COLLAPSE = RotationalRule()


def surviving(word: str, rules: Iterable[VanishingRule] = VANISHING_RULES) -> bool:
    """True when no rule removes ``word``.

    >>> surviving("PhP"), surviving("PPh"), surviving("PhPP"), surviving("")
    (True, False, False, True)
    """
    validate_word(word)
    return not any(rule(word) for rule in rules)


def word_class(word: str) -> tuple[int, int]:
    """(u, w) of a word with an even number 2u of letters P: it multiplies (Q²)^u A^{-w}.

    >>> word_class("PhhP"), word_class("")
    ((1, 5), (0, 1))
    """
    n_p = validate_word(word).count("P")
    if n_p % 2:
        raise ValueError(f"word must contain an even number of P, got {word!r}")
    return n_p // 2, len(word) + 1


class GroundStateAverage(sp.Function):
    """⟨0| word(p_z, h) |0⟩ as an opaque sympy function of the word (a Symbol named by it).

    >>> sp.latex(GroundStateAverage(sp.Symbol("PhP")))
    '\\\\langle 0|p_z h p_z|0\\\\rangle'
    """

    @classmethod
    def eval(cls, word: sp.Basic) -> sp.Expr | None:
        if isinstance(word, sp.Symbol) and word.name == "":
            return sp.Integer(1)
        return None

    def _latex(self, printer: object) -> str:
        name = str(self.args[0])
        ops = " ".join("p_z" if c == "P" else "h" for c in name)
        return rf"\langle 0|{ops}|0\rangle"


def word_phi(word: str, *, m: sp.Expr = M) -> sp.Expr:
    """Φ of one surviving word: ⟨0|word(p·q/m, h)|0⟩ = (Q²)^u · word_phi(word).

    >>> word_phi("PhP")
    GroundStateAverage(PhP)/m**2
    """
    u, _ = word_class(word)
    return GroundStateAverage(sp.Symbol(word)) / sp.sympify(m) ** (2 * u)


# ---------------------------------------------------------------------------
# The naive route: sympy non-commutative expansion


def naive_words(k: int) -> dict[str, int]:
    """All words of (P + h)^k with their coefficients, read off sympy's non-commutative expand.

    >>> naive_words(2)
    {'PP': 1, 'Ph': 1, 'hP': 1, 'hh': 1}
    """
    validate_int(k, "k", 0)
    return dict(_naive_words(k))


@cache
def _naive_words(k: int) -> tuple[tuple[str, int], ...]:
    """naive_words as a sorted tuple, cached (sympy's expand is the slow part: ~0.2 s at k = 12).

    Only the hints needed for a polynomial are used (multinomial and mul); the
    default ones (power_base, power_exp, log, deep) cost four times as much.
    """
    p, h = sp.symbols("P h", commutative=False)
    letter = {p: "P", h: "h"}
    out: dict[str, int] = {}
    expanded = sp.expand((p + h) ** k, deep=False, power_base=False, power_exp=False, log=False)
    for term in sp.Add.make_args(expanded):
        commutative, factors = term.args_cnc()
        coeff = sp.Mul(*commutative)
        word = ""
        for factor in factors:
            base, exp = factor.as_base_exp()
            word += letter[base] * int(exp)
        out[word] = out.get(word, 0) + int(coeff)
    return tuple(sorted(out.items()))


def naive_classes(
    k: int, rules: Iterable[VanishingRule] = VANISHING_RULES
) -> dict[tuple[int, int], int]:
    """Surviving words of order k from :func:`naive_words`, counted per (n_P, w).

    >>> naive_classes(4)
    {(2, 5): 1, (4, 5): 1}
    """
    rules = tuple(rules)
    counts: Counter[tuple[int, int]] = Counter()
    for word, coeff in naive_words(k).items():
        if surviving(word, rules):
            counts[(word.count("P"), len(word) + 1)] += coeff
    return dict(sorted(counts.items()))


# ---------------------------------------------------------------------------
# The fast route: closed-form counting


@dataclass(frozen=True)
class TermClass:
    """All surviving words of one order with the same number of P: (Q²)^u A^{-w} (Eq. 17)."""

    n_p: int
    w: int
    multiplicity: int

    @property
    def u(self) -> int | Fraction:
        """Power of Q²; half-integer only when the parity rule was dropped."""
        return self.n_p // 2 if self.n_p % 2 == 0 else Fraction(self.n_p, 2)

    @property
    def k(self) -> int:
        """Order of the expansion (word length)."""
        return self.w - 1

    @property
    def n_h(self) -> int:
        return self.k - self.n_p


def _rule_flags(rules: Iterable[VanishingRule]) -> tuple[bool, bool, bool]:
    rules = tuple(rules)
    for rule in rules:
        if rule not in VANISHING_RULES:
            raise ValueError(f"rules must be drawn from VANISHING_RULES, got {rule!r}")
    return GROUND_STATE_LEFT in rules, GROUND_STATE_RIGHT in rules, PARITY in rules


def _closed_form_counts(k: int, left: bool, right: bool, parity: bool) -> dict[int, int]:
    """Words of length k that survive, per number of P, in closed form.

    A word is killed by the end rules only through its first/last letter, so
    fixing c of the k letters to P (c = number of active end rules, at most k)
    leaves binomial(k - c, n_P - c) words with n_P letters P.
    """
    if k == 0:
        return {0: 1}
    fixed = min(k, int(left) + int(right))
    counts = {}
    for n_p in range(fixed, k + 1):
        if parity and n_p % 2:
            continue
        counts[n_p] = math.comb(k - fixed, n_p - fixed)
    return counts


def expansion_terms(
    order: int, *, rules: Iterable[VanishingRule] = VANISHING_RULES
) -> tuple[TermClass, ...]:
    """Surviving (u, w) classes of Eq. (16) through ``order`` (k = 0..order), counted in closed form.

    With all three rules, order k ≥ 2 has the classes u = 1..⌊k/2⌋ with
    multiplicity binomial(k - 2, 2u - 2) (first and last letter P, 2u - 2 of the
    k - 2 inner letters P); k = 0 is the empty word (u = 0, w = 1); k = 1 has none.
    Passing a subset of :data:`VANISHING_RULES` gives the deliberately wrong
    expansions used as negative controls. ``order`` is at most :data:`MAX_ORDER`.

    >>> [(t.u, t.w, t.multiplicity) for t in expansion_terms(6) if t.k == 6]
    [(1, 7, 1), (2, 7, 6), (3, 7, 1)]
    """
    validate_order(order)
    return _expansion_terms(order, *_rule_flags(rules))


@cache
def _expansion_terms(order: int, left: bool, right: bool, parity: bool) -> tuple[TermClass, ...]:
    terms = []
    for k in range(order + 1):
        for n_p, count in _closed_form_counts(k, left, right, parity).items():
            if count:
                terms.append(TermClass(n_p, k + 1, count))
    return tuple(terms)


def expansion_terms_dp(
    order: int, *, rules: Iterable[VanishingRule] = VANISHING_RULES
) -> tuple[TermClass, ...]:
    """The same classes as :func:`expansion_terms`, by a dynamic programme over letters.

    State: (number of P, first letter, last letter) -> number of words; each
    order extends every word by one letter. Independent of the binomial formula.

    >>> expansion_terms_dp(30) == expansion_terms(30)
    True
    """
    validate_order(order)
    return _expansion_terms_dp(order, *_rule_flags(rules))


@cache
def _expansion_terms_dp(order: int, left: bool, right: bool, parity: bool) -> tuple[TermClass, ...]:
    terms = [TermClass(0, 1, 1)]
    states: Counter[tuple[int, str, str]] = Counter()
    for k in range(1, order + 1):
        new: Counter[tuple[int, str, str]] = Counter()
        if k == 1:
            new[(1, "P", "P")] = 1
            new[(0, "h", "h")] = 1
        else:
            for (n_p, first, _last), count in states.items():
                new[(n_p + 1, first, "P")] += count
                new[(n_p, first, "h")] += count
        states = new
        per_np: Counter[int] = Counter()
        for (n_p, first, last), count in states.items():
            if (left and first == "h") or (right and last == "h") or (parity and n_p % 2):
                continue
            per_np[n_p] += count
        terms.extend(TermClass(n_p, k + 1, c) for n_p, c in sorted(per_np.items()) if c)
    return tuple(terms)


def class_counts(terms: Iterable[TermClass]) -> dict[tuple[int, int], int]:
    """{(n_P, w): multiplicity}, the form :func:`naive_classes` returns."""
    return dict(sorted(((t.n_p, t.w), t.multiplicity) for t in terms))


def classes_of_order(
    k: int, *, rules: Iterable[VanishingRule] = VANISHING_RULES, method: str = "closed form"
) -> tuple[tuple[tuple[int, int], int], ...]:
    """The surviving words of order k counted per (n_P, w), as sorted ((n_P, w), multiplicity)
    pairs, by one of three independent methods: ``"closed form"`` (binomial counts,
    :func:`expansion_terms`), ``"dynamic programme"`` (:func:`expansion_terms_dp`) or
    ``"naive"`` (sympy's non-commutative expansion, :func:`naive_classes`; slow beyond k ≈ 14).

    >>> classes_of_order(4), classes_of_order(4, method="naive")
    ((((2, 5), 1), ((4, 5), 1)), (((2, 5), 1), ((4, 5), 1)))
    >>> classes_of_order(3, rules=(GROUND_STATE_LEFT, GROUND_STATE_RIGHT), method="dynamic programme")
    (((2, 4), 1), ((3, 4), 1))
    """
    validate_int(k, "k", 0)
    rules = tuple(rules)
    if method == "naive":
        return tuple(naive_classes(k, rules).items())
    counting = {"closed form": expansion_terms, "dynamic programme": expansion_terms_dp}
    if method not in counting:
        raise ValueError(
            f"method must be 'closed form', 'dynamic programme' or 'naive', got {method!r}"
        )
    terms = counting[method](k, rules=rules)
    return tuple(class_counts(t for t in terms if t.k == k).items())


def class_multiplicity(u: int, w: int) -> int:
    """The number of surviving words of class (u, w), in closed form: 1 for the empty word
    (0, 1), binomial(w − 3, 2u − 2) for u ≥ 1 (first and last letter P), 0 otherwise.

    >>> class_multiplicity(0, 1), class_multiplicity(2, 7), class_multiplicity(2, 4)
    (1, 6, 0)
    """
    validate_int(u, "u", 0)
    validate_int(w, "w", 1)
    if u == 0:
        return int(w == 1)
    if w - 1 < 2 * u:
        return 0
    return math.comb(w - 3, 2 * u - 2)


def multiplicities(order: int, *, method: str = "closed form") -> Mapping[tuple[int, int], int]:
    """{(u, w): multiplicity} of every surviving class through ``order``, counted by
    ``"closed form"`` or ``"dynamic programme"`` (a cached, read-only mapping).

    >>> multiplicities(4) == multiplicities(4, method="dynamic programme")
    True
    >>> dict(multiplicities(4))
    {(0, 1): 1, (1, 3): 1, (1, 4): 1, (1, 5): 1, (2, 5): 1}
    """
    if method not in ("closed form", "dynamic programme"):
        raise ValueError(f"method must be 'closed form' or 'dynamic programme', got {method!r}")
    validate_order(order)
    return MappingProxyType(_multiplicities(order, method))


@cache
def _multiplicities(order: int, method: str) -> dict[tuple[int, int], int]:
    terms = expansion_terms(order) if method == "closed form" else expansion_terms_dp(order)
    return {(int(t.u), t.w): t.multiplicity for t in terms}


def class_words(u: int, w: int) -> Iterator[str]:
    """The surviving words of class (u, w) under all three rules (first and last letter P).

    >>> list(class_words(2, 6))
    ['PPPhP', 'PPhPP', 'PhPPP']
    """
    validate_int(u, "u", 0)
    validate_int(w, "w", 1)
    k = w - 1
    if u == 0:
        if k == 0:
            yield ""
        return
    if k < 2 * u:
        return
    inner = k - 2
    for positions in combinations(range(inner), 2 * u - 2):
        chosen = set(positions)
        yield "P" + "".join("P" if i in chosen else "h" for i in range(inner)) + "P"


def class_average(u: int, w: int, *, m: sp.Expr = M) -> sp.Expr:
    """Φ_{u,w} of Eq. (17): the sum of :func:`word_phi` over the words of the class.

    >>> class_average(1, 3)
    GroundStateAverage(PP)/m**2
    >>> class_average(0, 1)
    1
    """
    return sp.Add(*(word_phi(word, m=m) for word in class_words(u, w)))


# ---------------------------------------------------------------------------
# Power counting, Eq. (18)


def satisfies_power_counting(term: TermClass) -> bool:
    """Eq. (18): w ≥ 2u + 1."""
    return term.w >= 2 * term.u + 1


def power_counting_proof(order: int = 400) -> Derivation:
    """Eq. (18) for all orders, as checked steps (and exhaustively through ``order``).

    >>> power_counting_proof(50).ok
    True
    """
    validate_int(order, "order", 0)
    k, n_p, n_h, u, w = sp.symbols("k n_P n_h u w", integer=True, nonnegative=True)
    w_expr = (n_p + n_h + 1).subs(n_p, 2 * u)
    terms = expansion_terms(order)
    steps = [
        Step.definition(w, k + 1, "the order-k term of the expansion carries A^(-k-1)"),
        Step.definition(k, n_p + n_h, "a word of length k has n_P letters P and n_h letters h"),
        Step.definition(n_p, 2 * u, "parity rule: only words with an even number of P survive"),
        Step.checked(
            w, 2 * u + n_h + 1, "substitute the two definitions above", predicate=lambda: True
        ),
        Step.checked(
            w - (2 * u + 1),
            n_h,
            "subtract 2u + 1",
            predicate=lambda: sp.simplify(w_expr - (2 * u + 1) - n_h) == 0,
        ),
        Step.checked(
            w,
            2 * u + 1,
            "n_h >= 0; equality iff n_h = 0, i.e. the word is P^(2u)",
            method="sympy: (w - 2u - 1).is_nonnegative for nonnegative integer n_h",
            predicate=lambda: bool((w_expr - 2 * u - 1).is_nonnegative),
            relation=">=",
        ),
        Step.checked(
            (r"\#\{w = 2u + 1\}"),
            1,
            f"the class w = 2u + 1 holds exactly one word, P^(2u) (checked through order {order})",
            method="closed-form counts",
            predicate=lambda: (
                {(t.u, t.multiplicity) for t in terms if t.w == 2 * t.u + 1}
                == {(uu, 1) for uu in range(order // 2 + 1)}
            ),
        ),
        Step.checked(
            (r"\min_{\rm terms}(w - 2u - 1)"),
            0,
            f"every one of the {len(terms)} surviving classes through order {order}",
            method="exhaustive integer check",
            predicate=lambda: min(t.w - 2 * t.u - 1 for t in terms) == 0,
            relation=">=",
        ),
    ]
    return Derivation("Power counting, Eq. (18): w >= 2u + 1 at every order", steps)


# ---------------------------------------------------------------------------
# Term-by-term integrals


def vanishes_fast(s: int | Fraction, w: int) -> bool:
    """Zero condition of (1/π)∫ Im[(Q²)^s A^{-w}] dQ² for plain integers: 0 ≤ s ≤ w - 2.

    The fast path of :func:`sumrules.kernel.pole_integral_vanishes` (no sympy), used
    in the loops over hundreds of classes; tested against :func:`sumrules.kernel.pole_integral`.

    The integral is ∝ the falling factorial s(s-1)…(s-w+2), which vanishes iff
    one of its factors is zero. Note s ≥ 0 is needed: the printed remark after
    Eq. (19) ("zero at w ≥ s + 2") omits it; e.g. s = -1, w = 3 gives T^{-3}.

    >>> vanishes_fast(2, 4), vanishes_fast(2, 3), vanishes_fast(-1, 3)
    (True, False, False)
    """
    validate_int(w, "w", 1)
    if isinstance(s, Fraction) and s.denominator != 1:
        return False
    s = int(s)
    return 0 <= s <= w - 2


def contributing_terms(
    order: int, j: int, *, rules: Iterable[VanishingRule] = VANISHING_RULES
) -> tuple[TermClass, ...]:
    """Classes whose weight-Q^{2j} integral does not vanish, by the integer condition (fast path).

    >>> [(t.u, t.w) for t in contributing_terms(400, -1)]
    [(0, 1)]
    >>> [(t.u, t.w) for t in contributing_terms(400, 1)]
    [(0, 1), (1, 3)]
    """
    validate_int(j, "j")
    return tuple(t for t in expansion_terms(order, rules=rules) if not vanishes_fast(t.u + j, t.w))


@dataclass(frozen=True)
class WeightedTerm:
    """One class with its weight-Q^{2j} pole integral: contributes factor · Φ_{u,w}."""

    u: int
    w: int
    multiplicity: int
    s: int
    factor: sp.Expr
    vanishes: bool


def weighted_term_integrals(
    order: int, j: int, *, m: sp.Expr = M, T: sp.Expr = T_SYM
) -> tuple[WeightedTerm, ...]:
    """Per surviving (u, w) through ``order``: pole_integral(u + j, w, m=m, T=T) and whether it is 0.

    The weight Q^{2j} (j = -1 for Eq. 12, j = 0 for Eq. 15) turns (Q²)^u into (Q²)^{u+j}.

    >>> [(t.u, t.w, t.factor) for t in weighted_term_integrals(3, 1) if not t.vanishes]
    [(0, 1, 4*T*m**2), (1, 3, 8*m**3)]
    """
    validate_int(j, "j")
    out = []
    for term in expansion_terms(order):
        u = int(term.u)
        factor = sp.simplify(_pole_integral(u + j, term.w, m, T))
        out.append(WeightedTerm(u, term.w, term.multiplicity, u + j, factor, factor == 0))
    return tuple(out)


def weighted_sum(
    order: int,
    j: int,
    *,
    m: sp.Expr = M,
    T: sp.Expr = T_SYM,
    phi: Callable[[int, int], sp.Expr] | None = None,
) -> sp.Expr:
    """Term-by-term (1/π)∫ Im R · Q^{2j} dQ² through ``order``: Σ pole_integral(u+j, w) Φ_{u,w}.

    ``phi(u, w)`` supplies Φ_{u,w} (default: the symbolic :func:`class_average`).

    >>> weighted_sum(4, 1)
    4*T*m**2 + 8*m*GroundStateAverage(PP)
    """
    phi_fn = phi if phi is not None else (lambda u, w: class_average(u, w, m=m))
    total = sp.Integer(0)
    for term in weighted_term_integrals(order, j, m=m, T=T):
        if not term.vanishes:
            total += term.factor * phi_fn(term.u, term.w)
    return sp.expand(total)


def term_by_term_integral(
    order: int,
    j: int,
    *,
    phi: Callable[[int, int], sp.Expr],
    kernel: Callable[..., sp.Expr] | None = None,
    vanishes: Callable[[int, int], bool] | None = None,
    m: sp.Expr = M,
    T: sp.Expr = T_SYM,
) -> sp.Expr:
    """Σ kernel(u + j, w)·Φ_{u,w} over the surviving classes through ``order`` that
    ``vanishes(s, w)`` does not remove: the weight-Q^{2j} integral of the expansion, term by
    term, with a chosen pole integral (default: the exact one, Eq. (19) corrected) and a
    chosen zero rule (default: the exact one, 0 ≤ s ≤ w − 2). Passing the printed kernel or
    the printed zero rule gives the negative controls.

    >>> term_by_term_integral(6, -1, phi=class_average)
    1/T
    >>> term_by_term_integral(6, -1, phi=class_average, vanishes=lambda s, w: w >= s + 2)
    0
    """
    validate_int(j, "j")
    rule = vanishes if vanishes is not None else vanishes_fast
    total = sp.Integer(0)
    for term in expansion_terms(order):
        u = int(term.u)
        if rule(u + j, term.w):
            continue
        value = (
            kernel(u + j, term.w, m, T)
            if kernel is not None
            else _pole_integral(u + j, term.w, m, T)
        )
        total += value * phi(u, term.w)
    return sp.expand(sp.simplify(total))


def weighted_sum_all_orders(j: int, *, m: sp.Expr = M, T: sp.Expr = T_SYM) -> sp.Expr:
    """The weight-Q^{2j} integral summed over the classes of
    :func:`surviving_classes_all_orders` (every order at once): finite for j ≥ −1, ValueError
    for j ≤ −2 (infinitely many classes contribute).

    >>> weighted_sum_all_orders(1)
    4*T*m**2 + 8*m*GroundStateAverage(PP)
    """
    total = sp.Integer(0)
    for u, w_min, w_max in surviving_classes_all_orders(j):
        if w_max is None:
            raise ValueError(f"j = {j}: infinitely many classes contribute (u = {u})")
        for w in range(w_min, w_max + 1):
            total += _pole_integral(u + j, w, m, T) * class_average(u, w, m=m)
    return sp.expand(total)


def needs_no_phi(j: int, order: int, *, vanishes: Callable[[int, int], bool] | None = None) -> bool:
    """True when, through ``order``, no class with u ≥ 1 survives the weight Q^{2j} under the zero
    rule ``vanishes(s, w)`` (default: the exact one): the integral is free of every Φ.

    >>> [j for j in range(-3, 3) if needs_no_phi(j, 30)]
    [-1, 0]
    >>> [j for j in range(-3, 3) if needs_no_phi(j, 30, vanishes=lambda s, w: w >= s + 2)]
    [-3, -2, -1, 0]
    """
    validate_int(j, "j")
    rule = vanishes if vanishes is not None else vanishes_fast
    return all(t.u == 0 for t in expansion_terms(order) if not rule(int(t.u) + j, t.w))


def all_orders_classes_match(j: int, order: int) -> bool:
    """The all-orders list of :func:`surviving_classes_all_orders` equals the contributing
    classes enumerated through ``order`` (:func:`contributing_terms`), truncated there.

    >>> all(all_orders_classes_match(j, 40) for j in range(-4, 5))
    True
    """
    listed = {(int(t.u), t.w) for t in contributing_terms(order, j)}
    top = order + 1
    predicted = {
        (u, w)
        for u, w_min, w_max in surviving_classes_all_orders(j)
        for w in range(w_min, min(w_max if w_max is not None else top, top) + 1)
        if w - 1 >= 2 * u
    }
    return listed == predicted


def surviving_classes_all_orders(j: int) -> list[tuple[int, int, int | None]]:
    """For weight Q^{2j}: every (u, w_min, w_max) that can contribute at some order (None = ∞).

    A class (u, w) with w ≥ 2u + 1 vanishes iff 0 ≤ u + j ≤ w - 2; all its
    orders vanish once u ≥ u0 = max(-j, j + 1), so only u < u0 remain.

    >>> surviving_classes_all_orders(-1), surviving_classes_all_orders(0)
    ([(0, 1, 1)], [(0, 1, 1)])
    >>> surviving_classes_all_orders(1), surviving_classes_all_orders(-2)
    ([(0, 1, 1), (1, 3, 3)], [(0, 1, 1), (1, 3, None)])
    """
    validate_int(j, "j")
    u0 = max(-j, j + 1)
    out: list[tuple[int, int, int | None]] = [(0, 1, 1)]  # u = 0 occurs only at k = 0
    for u in range(1, u0):
        s = u + j
        w_min = 2 * u + 1
        if s < 0:
            out.append((u, w_min, None))
        else:  # s >= 0 and u < u0 force j >= 0, u <= j: so s + 1 >= w_min
            out.append((u, w_min, s + 1))
    return out


def all_orders_vanishing_proof(j: int) -> Derivation:
    """Why only the u = 0 term survives the weights Q^{-2}, Q^0 at every order, and what fails else.

    >>> all_orders_vanishing_proof(-1).ok and all_orders_vanishing_proof(0).ok
    True
    >>> [s.relation for s in all_orders_vanishing_proof(1).steps][-1]
    '<'
    """
    validate_int(j, "j")
    u, n_h, t = sp.symbols("u n_h t", integer=True, nonnegative=True)
    s_sym, w_sym = sp.symbols("s w", integer=True)
    s_expr = u + j
    w_expr = 2 * u + n_h + 1
    u0 = max(-j, j + 1)
    ok_grid = _zero_condition_matches_kernel()
    steps = [
        Step.definition(s_sym, s_expr, f"the weight Q^({2 * j}) raises (Q^2)^u to (Q^2)^(u + j)"),
        Step.definition(w_sym, w_expr, "Eq. (18) in the form proven by power_counting_proof"),
        Step.checked(
            (r"\frac{1}{\pi}\int {\rm Im}\frac{(Q^2)^s}{A^w}dQ^2 = 0"),
            (r"0 \le s \le w - 2"),
            "proportional to s(s-1)...(s-w+2): zero iff one factor is zero (integer s)",
            method="sumrules.kernel.pole_integral == 0 vs the integer condition, |s| <= 8, w <= 10",
            predicate=lambda: ok_grid,
            relation=r"\iff",
        ),
        Step.checked(
            w_sym - 2 - s_sym,
            u - j - 1 + n_h,
            "substitute s and w",
            predicate=lambda: sp.simplify(w_expr - 2 - s_expr - (u - j - 1 + n_h)) == 0,
        ),
    ]
    sub = {u: u0 + t}
    steps.append(
        Step.checked(
            (rf"s\big|_{{u \ge {u0}}}"),
            0,
            f"for u >= {u0} = max(-j, j + 1): s = u + j >= 0",
            method="sympy is_nonnegative with u = u0 + t, t >= 0",
            predicate=lambda: bool(s_expr.subs(sub).is_nonnegative),
            relation=">=",
        )
    )
    steps.append(
        Step.checked(
            (rf"(w - 2 - s)\big|_{{u \ge {u0}}}"),
            0,
            f"for u >= {u0}: w - 2 - s = u - j - 1 + n_h >= 0, so every such term vanishes",
            method="sympy is_nonnegative with u = u0 + t, t >= 0",
            predicate=lambda: bool((u - j - 1 + n_h).subs(sub).is_nonnegative),
            relation=">=",
        )
    )
    remaining = surviving_classes_all_orders(j)
    listed = ", ".join(f"({a}, {b}, {'inf' if c is None else c})" for a, b, c in remaining)
    steps.append(
        Step.definition(
            (r"\text{contributing }(u, w_{\min}, w_{\max})"),
            (rf"\text{{{listed}}}"),
            "u < u0; u = 0 occurs only for the empty word (k = 0, w = 1)",
        )
    )
    if j in (-1, 0):
        value = sp.simplify(_pole_integral(j, 1, M, T_SYM))
        target = 1 / T_SYM if j == -1 else 2 * M
        steps.append(
            Step.checked(
                (rf"\frac{{1}}{{\pi}}\int {{\rm Im}}R\, Q^{{{2 * j}}}dQ^2"),
                value,
                "only the empty word survives; pole_integral(j, 1)",
                predicate=lambda: sp.simplify(value - target) == 0,
            )
        )
        steps.append(
            Step.checked(
                value,
                target,
                "the right-hand side per electron of Eq. (12)"
                if j == -1
                else "the right-hand side per electron of Eq. (15)",
            )
        )
    else:
        # the first class that escapes the argument, with its numbers
        extra = [(a, b) for a, b, _ in remaining if a >= 1]
        if extra:
            a, b = extra[0]
            s_val = a + j
            value = sp.simplify(_pole_integral(s_val, b, M, T_SYM))
            why = (
                f"fails at u = {a}, w = {b} (word P^{2 * a}): s = {s_val}, "
                f"pole_integral({s_val}, {b}) = {value} != 0"
            )
            if s_val >= 0:
                lhs, rhs = sp.Integer(b), sp.Integer(s_val + 2)
            else:
                lhs, rhs = sp.Integer(s_val), sp.Integer(0)
            steps.append(
                Step.checked(
                    lhs,
                    rhs,
                    why,
                    method="integer check of the zero condition and pole_integral != 0",
                    predicate=lambda: (b < s_val + 2 or s_val < 0) and value != 0,
                    relation="<",
                )
            )
    return Derivation(f"Term-by-term integral with weight Q^({2 * j}) at all orders", steps)


@cache
def _zero_condition_matches_kernel() -> bool:
    for s in range(-8, 9):
        for w in range(1, 11):
            value = _pole_integral(s, w, M, T_SYM)
            zero = value.is_zero
            if zero is None:  # undecided by assumptions: fall back to simplify
                zero = sp.simplify(value) == 0
            if bool(zero) != vanishes_fast(s, w):
                return False
    return True


def reduced_resolvent_steps() -> Derivation:
    """Eq. (20): dropping p·q leaves ⟨0|[A - h]⁻¹|0⟩ = 1/A, which gives Eqs. (12) and (15).

    >>> reduced_resolvent_steps().ok
    True
    """
    a = sp.Symbol("A", positive=True)
    words_h = [w for k in range(9) for w in naive_words(k) if "P" not in w]
    value_m1 = sp.simplify(_pole_integral(-1, 1, M, T_SYM))
    value_0 = sp.simplify(_pole_integral(0, 1, M, T_SYM))
    steps = [
        Step.definition(
            (r"\langle 0|[A - h]^{-1}|0\rangle"),
            r"\sum_{k=0}^{\infty} A^{-k-1}\langle 0|h^k|0\rangle",
            "formal expansion, A = T - Q^2/2m",
        ),
        Step.checked(
            (r"\langle 0|h^k|0\rangle"),
            (r"\delta_{k0}"),
            "h|0> = 0: every word h^k with k >= 1 is removed by the ground-state rule",
            method="rules applied to the naive words h^k, k <= 8",
            predicate=lambda: all(surviving(w) == (w == "") for w in words_h),
        ),
        Step.checked(
            (r"\langle 0|[A - h]^{-1}|0\rangle"),
            1 / a,
            "only k = 0 remains (Eq. 20)",
            predicate=lambda: True,
        ),
        Step.checked(
            (r"\frac{1}{\pi}\int {\rm Im}\frac{1}{A}\frac{dQ^2}{Q^2}"),
            value_m1,
            "pole_integral(-1, 1) equals Z/T of Eq. (12) at Z = 1",
            predicate=lambda: sp.simplify(value_m1 - 1 / T_SYM) == 0,
        ),
        Step.checked(
            (r"\frac{1}{\pi}\int {\rm Im}\frac{1}{A}dQ^2"),
            value_0,
            "pole_integral(0, 1) equals 2Zm of Eq. (15) at Z = 1",
            predicate=lambda: sp.simplify(value_0 - 2 * M) == 0,
        ),
    ]
    return Derivation("Eq. (20): the resolvent without p.q, and Eqs. (12), (15)", steps)


def small_q_divergent(j: int) -> bool:
    """Whether ∫_ε^Λ D Q²·Q^{2j} dQ² (the small-Q² form S ≈ D Q² of Eq. (6), weight Q^{2j})
    diverges as ε → 0+, by sympy's integral and limit (antiderivative checked by
    differentiation).

    >>> small_q_divergent(-2), small_q_divergent(-1), small_q_divergent(-3)
    (True, False, True)
    """
    validate_int(j, "j")
    x, eps, lam, d = sp.symbols("x epsilon Lambda D", positive=True)
    value = sp.integrate(d * x * x**j, (x, eps, lam))
    if sp.simplify(sp.diff(value, lam) - d * lam * lam**j) != 0:
        raise ArithmeticError("antiderivative check failed")
    return bool(sp.limit(value, eps, 0, "+") == sp.oo)


def low_q_divergence_steps(order: int = 8) -> Derivation:
    """Weight Q^{-4}: the exact integral diverges logarithmically at Q² → 0; the expansion is finite.

    At small Q², S(T, Q²) = Q² D(T) + O(Q⁴) with D(T) = Σ_n |⟨n|z|0⟩|² δ(T - E_n + E0)
    (Eq. 6), so ∫_ε S dQ²/Q⁴ ~ D ln(1/ε). Term by term, every order is finite: the
    u = 0 term gives 1/(2mT²) and the u = 1 terms T^{-w}⟨p_z h^{w-3} p_z⟩/m².

    >>> low_q_divergence_steps(6).ok
    True
    """
    x, eps, lam, d = sp.symbols("x epsilon Lambda D", positive=True)
    log_int = sp.integrate(d * x / x**2, (x, eps, lam))
    lin_int = sp.integrate(d * x / x, (x, eps, lam))
    terms = [t for t in weighted_term_integrals(order, -2) if not t.vanishes]
    steps = [
        Step.definition(
            (r"S(T, Q^2)"),
            (r"Q^2 D(T) + O(Q^4)"),
            "dipole limit, Eq. (6): D(T) = sum_n |<n|z|0>|^2 delta(T - E_n + E0) > 0 above threshold",
        ),
        Step.checked(
            sp.Integral(d * x / x**2, (x, eps, lam)),
            log_int,
            "weight Q^(-4); antiderivative checked by differentiation",
            method="sympy: d/d(Lambda) of the result equals the integrand",
            predicate=lambda: (
                sp.simplify(sp.diff(log_int, lam) - d / lam) == 0
                and sp.simplify(log_int.subs(lam, eps)) == 0
            ),
        ),
        Step.checked(
            sp.Limit(log_int, eps, 0, "+"),
            sp.oo,
            "logarithmic divergence at the lower limit",
            method="sympy limit",
            predicate=lambda: sp.limit(log_int, eps, 0, "+") == sp.oo,
        ),
        Step.checked(
            sp.Limit(lin_int, eps, 0, "+"),
            d * lam,
            "control: the weight Q^(-2) of Eq. (12) is finite at the lower limit",
            method="sympy limit",
            predicate=lambda: sp.limit(lin_int, eps, 0, "+") == d * lam,
        ),
        Step.checked(
            (rf"\text{{term-by-term, order}}\le {order}"),
            weighted_sum(order, -2),
            f"{len(terms)} non-vanishing classes, each factor finite: "
            "the expansion about A = T - Q^2/2m does not see the Q^2 -> 0 region",
            method="every pole_integral factor is finite and nonzero",
            predicate=lambda: all(t.factor.is_finite and t.factor != 0 for t in terms),
        ),
    ]
    return Derivation("Weight Q^(-4): divergence at Q^2 -> 0 vs the finite expansion", steps)
