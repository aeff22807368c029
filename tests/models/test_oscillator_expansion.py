"""The isotropic oscillator (:mod:`sumrules.models.oscillator`): the expansion of Eq. (16)
evaluated exactly, and the weighted integrals.

Pins the model's own inputs, ⟨0|(P + h)^k|0⟩ by the integer ladder, by sympy matrices and as
Poisson central moments (recurrence, Touchard, generating function), Φ_{u,w} from the
coefficient and summed over the words of a class, the words in three dimensions (the rotational
collapse, an anisotropic negative control), exact results for plain-int parameters, the cache
reset, the per-line integrals against the expansion, and the messages naming bad arguments.
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from sumrules.models import oscillator as osc
from sumrules.models.oscillator import OMEGA, Y
from sumrules.theory.expansion import T_SYM, M, class_words, expansion_terms

positive_rationals = st.builds(
    sp.Rational, st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=9)
)


# --- the model's own inputs ------------------------------------------------------------------------


def test_model_inputs() -> None:
    assert osc.model_input_checks().ok


@pytest.mark.parametrize(
    "wrong",
    [
        lambda n, y: y**n / sp.factorial(n),  # no e^{-y}: not normalised
        lambda n, y: sp.exp(-y) * y ** (n + 1) / sp.factorial(n + 1),  # shifted line
        lambda n, y: sp.exp(-2 * y) * (2 * y) ** n / sp.factorial(n),  # normalised, wrong f-sum
    ],
)
def test_model_inputs_negative_control(wrong: object) -> None:
    assert not osc.model_input_checks(wrong).ok  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=6))
def test_line_strength_from_ladder(n: int) -> None:
    series = sp.series(osc.line_strength(n), Y, 0, 7).removeO()
    assert sp.expand(series - osc.line_strength_ladder_series(n, 6)) == 0


def test_line_strength_ladder_series_hand_values() -> None:
    """p_n(y) = e^{-y} y^n/n! expanded by hand: y e^{-y} = y - y^2 + y^3/2 - ..."""
    assert osc.line_strength_ladder_series(0, 0) == 1  # order 0 is allowed
    assert osc.line_strength_ladder_series(3, 0) == 0  # p_3 = O(y^3)
    assert osc.line_strength_ladder_series(1, 3) == Y - Y**2 + Y**3 / 2
    assert osc.line_strength_ladder_series(2, 3) == Y**2 / 2 - Y**3 / 2
    for n in range(5):
        exact = sp.series(osc.line_strength(n), Y, 0, 6).removeO()
        assert sp.expand(osc.line_strength_ladder_series(n, 5) - exact) == 0


# --- <0|(P + h)^k|0> -------------------------------------------------------------------------------


@pytest.mark.parametrize("k", range(11))
def test_fast_coefficient_equals_matrix_ladder(k: int) -> None:
    m = sp.Rational(3, 7)  # m must drop out
    matrix = osc.expansion_coefficient_ladder(k, m=m)
    assert sp.expand(matrix - osc.expansion_coefficient(k)) == 0
    assert sp.expand(osc.expansion_coefficient_ladder(k) - matrix) == 0


@pytest.mark.parametrize("k", range(25))
def test_coefficient_equals_poisson_central_moments(k: int) -> None:
    fast = osc.expansion_coefficient(k)
    assert sp.expand(fast - osc.resolvent_series_coefficient(k)) == 0
    assert sp.expand(fast - OMEGA**k * osc.poisson_central_moment_touchard(k)) == 0


@given(st.integers(min_value=0, max_value=60), positive_rationals, positive_rationals)
@example(60, sp.Integer(1), sp.Integer(1))
def test_coefficient_vs_moments_random(k: int, y: sp.Rational, omega: sp.Rational) -> None:
    value = osc.expansion_coefficient(k, y=y, omega=omega)
    assert value == omega**k * osc.poisson_central_moment(k, y)


def test_poisson_moments_from_generating_function() -> None:
    t = sp.Symbol("t")
    mgf = sp.series(sp.exp(Y * (sp.exp(t) - 1 - t)), t, 0, 11).removeO()
    for k in range(11):
        from_mgf = sp.expand(mgf.coeff(t, k) * sp.factorial(k))
        assert sp.expand(from_mgf - osc.poisson_central_moment(k)) == 0


def test_wrong_poisson_moment_is_caught() -> None:
    def wrong_recurrence(k: int) -> sp.Expr:  # sign error: mu_{k+1} = y(k mu_{k-1} - mu_k')
        mus = [sp.Integer(1), sp.Integer(0)]
        for j in range(1, k):
            mus.append(sp.expand(Y * (j * mus[j - 1] - sp.diff(mus[j], Y))))
        return mus[k]

    def raw_moment(k: int) -> sp.Expr:  # E[n^k] instead of E[(n - y)^k]
        from sympy.functions.combinatorial.numbers import stirling

        return sp.Add(*(stirling(k, i) * Y**i for i in range(k + 1)))

    for wrong in (wrong_recurrence, raw_moment):
        mismatches = [
            k
            for k in range(12)
            if sp.expand(osc.expansion_coefficient(k) - OMEGA**k * wrong(k)) != 0
        ]
        assert mismatches, wrong.__name__


def test_touchard_hand_values() -> None:
    assert [osc.poisson_central_moment_touchard(k) for k in range(4)] == [1, 0, Y, Y]
    assert osc.poisson_central_moment_touchard(4, y=sp.Integer(2)) == 14


def test_resolvent_series_coefficient_uses_y_and_omega() -> None:
    assert osc.resolvent_series_coefficient(4, y=2, omega=3) == 3**4 * 14  # omega^4 (3y^2 + y)
    assert osc.resolvent_series_coefficient(2, y=sp.Rational(1, 2)) == OMEGA**2 / 2


def test_plain_int_parameters_stay_exact() -> None:
    """m, omega given as Python ints must not turn m*omega/2 into a float."""
    pz2 = osc.word_expectation("PP", m=1, omega=1)
    assert pz2 == sp.Rational(1, 2) and pz2.is_Rational  # <p_z^2> = m omega/2
    assert osc.word_expectation("PhP", m=3, omega=2) == 6  # m omega^2/2
    value = osc.expansion_coefficient_ladder(4, y=2, m=1, omega=1)
    assert value == 14 and value.is_Integer  # mu_4 = 3y^2 + y
    assert osc.expansion_coefficient_ladder(3, y=5, m=7, omega=3) == 27 * 5  # omega^3 y
    pp = osc.word_expectation_3d("PP", (0, 0, 1), m=1, omegas=(2, 2, 2))
    assert pp == 1 and pp.is_Integer  # omega q^2/(2m)


def test_clear_caches_returns_to_a_cold_start() -> None:
    osc.expansion_coefficient(6)
    osc.poisson_central_moment(6)
    osc.clear_caches()
    # recomputed from scratch (the ladder states one by one), still the Poisson central
    # moments, here from the Stirling-number route that uses no cache: mu_4 = 3y^2 + y
    assert osc.expansion_coefficient(4, y=2, omega=1) == 3 * 4 + 2
    for k in range(13):
        assert sp.expand(osc.expansion_coefficient(k) - OMEGA**k * _touchard(k)) == 0
        assert sp.expand(osc.poisson_central_moment(k) - _touchard(k)) == 0


def _touchard(k: int) -> sp.Expr:
    return osc.poisson_central_moment_touchard(k)


# --- words: Phi_{u,w}, three dimensions ------------------------------------------------------------


def test_coefficient_classes_equal_word_sums() -> None:
    """[y^u] of the coefficient equals the sum of Phi over the words of class (u, k + 1)."""
    for term in expansion_terms(10):
        u, w = int(term.u), term.w
        words = sum(osc.word_expectation(wd) for wd in class_words(u, w)) / M ** (2 * u)
        assert sp.simplify(osc.phi_from_coefficient(u, w) - words) == 0
    # classes absent from the expansion have zero coefficient
    for k in range(2, 11):
        coeffs = sp.Poly(osc.expansion_coefficient(k) / OMEGA**k, Y).all_coeffs()[::-1]
        assert coeffs[0] == 0 and len(coeffs) - 1 == k // 2


def test_words_killed_by_rules_vanish_in_model() -> None:
    from sumrules.theory.expansion import naive_words, surviving

    for k in range(9):
        for word in naive_words(k):
            if not surviving(word):
                assert osc.word_expectation(word) == 0


@pytest.mark.parametrize("word", ["PP", "PhP", "PPPP", "PhhP", "PPhPP", "PhPPhP"])
def test_rotational_collapse_in_3d(word: str) -> None:
    qx, qy, qz = sp.symbols("q_x q_y q_z", real=True)
    u = word.count("P") // 2
    full = osc.word_expectation_3d(word, (qx, qy, qz))
    expected = (qx**2 + qy**2 + qz**2) ** u * osc.word_expectation(word) / M ** (2 * u)
    assert sp.expand(full - expected) == 0
    # negative control: an anisotropic oscillator breaks the collapse onto (Q^2)^u
    w1, w2 = sp.symbols("omega_1 omega_2", positive=True)
    aniso = osc.word_expectation_3d(word, (qx, 0, qz), omegas=(w1, w2, OMEGA))
    iso_form = (qx**2 + qz**2) ** u * osc.word_expectation(word) / M ** (2 * u)
    assert sp.expand(aniso - iso_form) != 0


def test_word_expectation_3d_numeric_values() -> None:
    # <p_z^2>/m^2 q_z^2 = (m omega/2) q^2/m^2 = omega q^2/(2m) = 1 for m = 1, omega = 2, q = 1
    one, two = sp.Integer(1), sp.Integer(2)
    assert osc.word_expectation_3d("PP", (0, 0, 1), m=one, omegas=(two, two, two)) == 1
    # <p_z h p_z> = m omega^2/2: 1/2 for m = omega = 1
    assert osc.word_expectation_3d("PhP", (0, 0, 1), m=one, omegas=(one,) * 3) == one / 2
    assert (
        osc.word_expectation_3d("PhP", (1, 0, 0), m=one, omegas=(one, 3 * one, 5 * one)) == one / 2
    )
    # odd words and words without P vanish: parity, and h|0> = 0
    q = sp.symbols("q_x q_y q_z", real=True)
    for word in ("P", "h", "hh", "PPP", "Ph", "hPP"):
        assert osc.word_expectation_3d(word, q) == 0, word
    # negative control: the even word does not vanish
    assert osc.word_expectation_3d("PP", q) != 0


def test_phi_from_words_hand_values() -> None:
    assert osc.phi_from_words(0, 1) == 1  # the empty word: <0|0> = 1
    assert osc.phi_from_words(0, 3) == 0  # h^2 |0> = 0
    assert osc.phi_from_words(1, 3) == OMEGA / (2 * M)  # <p_z^2>/m^2 = (m omega/2)/m^2
    assert osc.phi_from_words(1, 4) == OMEGA**2 / (2 * M)  # <p_z h p_z>/m^2
    assert osc.phi_from_words(1, 3, m=3, omega=5) == sp.Rational(5, 6)
    # <p_z^4>/m^4 = 3 (m omega/2)^2/m^4
    assert osc.phi_from_words(2, 5) == 3 * OMEGA**2 / (4 * M**2)
    assert osc.phi_from_words(2, 5, m=2, omega=sp.Rational(1, 3)) == sp.Rational(1, 48)


@pytest.mark.parametrize("w", range(1, 10))
def test_phi_from_words_equals_phi_from_coefficient(w: int) -> None:
    m, omega = sp.Rational(3, 7), sp.Rational(5, 2)
    for u in range(0, (w - 1) // 2 + 1):
        words = osc.phi_from_words(u, w)
        assert sp.simplify(words - osc.phi_from_coefficient(u, w)) == 0
        assert osc.phi_from_words(u, w, m=m, omega=omega) == osc.phi_from_coefficient(
            u, w, m=m, omega=omega
        )
        by_words = sum(osc.word_expectation(wd, m=m, omega=omega) for wd in _class_words(u, w))
        assert osc.phi_from_words(u, w, m=m, omega=omega) == by_words / m ** (2 * u)


def _class_words(u: int, w: int) -> list[str]:
    from sumrules.theory.expansion import class_words

    return list(class_words(u, w))


# --- weighted integrals: exact lines vs the expansion ----------------------------------------------


@pytest.mark.parametrize(("n", "j"), [(n, j) for n in range(5) for j in (-2, -1, 0, 1, 2)])
def test_line_weighted_integral_by_sympy(n: int, j: int) -> None:
    q2 = sp.Symbol("Q2", positive=True)
    direct = sp.integrate(osc.line_strength(n, q2 / (2 * M * OMEGA)) * q2**j, (q2, 0, sp.oo))
    closed = osc.line_weighted_integral(n, j)
    if n + j + 1 <= 0:
        assert closed == sp.oo and direct == sp.oo
    else:
        assert sp.simplify(direct - closed) == 0


def test_per_line_sum_rules() -> None:
    for n in range(1, 8):
        t_n = n * OMEGA
        assert osc.line_weighted_integral(n, -1) == sp.Rational(1, n)  # = omega * (1/T_n)
        assert sp.simplify(osc.line_weighted_integral(n, -1) / OMEGA - 1 / t_n) == 0
        assert osc.line_weighted_integral(n, 0) == 2 * M * OMEGA  # = omega * 2m
        assert osc.line_weighted_integral(n, 1) == (2 * M * OMEGA) ** 2 * (n + 1)
    # f-sum rule per line: sum_n n omega p_n = Q^2/2m
    n_sym = sp.Symbol("n", integer=True, nonnegative=True)
    fsum = sp.summation(n_sym * OMEGA * osc.line_strength(n_sym), (n_sym, 0, sp.oo))
    assert sp.simplify(fsum - Y * OMEGA) == 0


@given(st.integers(min_value=-1, max_value=3), positive_rationals, positive_rationals)
@example(1, sp.Integer(1), sp.Integer(1))
def test_expansion_reproduces_line_average(j: int, m: sp.Rational, omega: sp.Rational) -> None:
    order = max(2 * j, 0) + 2
    predicted = osc.expansion_weighted_prediction(j, order, m=m, omega=omega)
    exact = osc.line_averaged_integral(j, m=m, omega=omega)
    assert sp.simplify(predicted - exact) == 0
    for n in range(1, 4):  # at the line T = n omega, per unit T
        line = osc.line_weighted_integral(n, j, m=m, omega=omega) / omega
        assert sp.simplify(predicted.subs(T_SYM, n * omega) - line) == 0


def test_weight_q2_expansion_in_terms_of_pz2() -> None:
    pz2 = osc.word_expectation("PP")
    assert pz2 == M * OMEGA / 2
    predicted = osc.expansion_weighted_prediction(1, 6)
    assert sp.expand(predicted - (4 * M**2 * T_SYM + 8 * M * pz2)) == 0
    assert sp.expand(predicted - osc.line_averaged_integral(1)) == 0
    # negative control: without the P^2 term the Q^2-weighted integral is off by 4 m^2 omega
    assert sp.expand(4 * M**2 * T_SYM - osc.line_averaged_integral(1)) != 0


@pytest.mark.parametrize("j", [-2, -3, -4])
def test_negative_weights_agree_as_series(j: int) -> None:
    order = 9
    predicted = osc.expansion_weighted_prediction(j, order)
    exact = osc.line_averaged_integral(j)
    diff = sp.series(predicted - exact, OMEGA, 0, order + j + 2).removeO()
    assert sp.expand(diff) == 0
    # and the truncation is genuine: the next power does not vanish
    assert sp.expand(sp.series(predicted - exact, OMEGA, 0, order + j + 3).removeO()) != 0


def test_weight_minus_two_steps() -> None:
    steps = osc.weight_minus_two_steps(8)
    assert steps.ok
    assert osc.line_weighted_integral(1, -2) == sp.oo


def test_resolvent_expansion_steps() -> None:
    assert osc.resolvent_expansion_steps(8).ok


# --- bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: osc.expansion_coefficient(-1), "k"),
        (lambda: osc.line_strength(-1), "n"),
        (lambda: osc.line_weighted_integral(1, 0, m=-1), "m"),
        (lambda: osc.line_averaged_integral(0, omega=0), "omega"),
        (lambda: osc.word_expectation("PzP"), "word"),
        (lambda: osc.phi_from_coefficient(1, 0), "w"),
    ],
)
def test_bad_input(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: osc.expansion_coefficient_ladder(-1), r"^k must be >= 0, got -1$"),
        (lambda: osc.expansion_coefficient_ladder(2.0), r"^k must be an integer"),  # type: ignore[arg-type]
        (lambda: osc.resolvent_expansion_steps(-1), r"^order must be >= 0, got -1$"),
        (lambda: osc.weight_minus_two_steps(1), r"^order must be >= 2, got 1$"),
        (lambda: osc.phi_from_words(-1, 3), r"^u must be >= 0, got -1$"),
        (lambda: osc.phi_from_words(1, 0), r"^w must be >= 1, got 0$"),
        (lambda: osc.line_strength_ladder_series(-1, 2), r"^n must be >= 0, got -1$"),
        (lambda: osc.line_strength_ladder_series(1, -1), r"^order must be >= 0, got -1$"),
        (lambda: osc.poisson_central_moment_touchard(-1), r"^k must be >= 0, got -1$"),
        (lambda: osc.word_expectation(5), r"^word must be a str"),  # type: ignore[arg-type]
        (lambda: osc.word_expectation_3d("PzP", (0, 0, 1)), r"^word must be a string over"),
        (lambda: osc.word_expectation_3d(5, (0, 0, 1)), r"^word must be a str"),  # type: ignore[arg-type]
        (lambda: osc.word_expectation_3d("PP", (0, 1)), r"^q and omegas must have three comp"),
        (lambda: osc.word_expectation_3d("PP", (0, 0, 1), omegas=(1, 1)), r"^q and omegas must"),
    ],
)
def test_oscillator_errors_name_the_argument(call: Callable[[], object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


def test_lowest_orders_are_accepted() -> None:
    assert osc.expansion_coefficient_ladder(0) == 1
    assert osc.resolvent_expansion_steps(0).ok
    assert osc.weight_minus_two_steps(2).ok


@pytest.mark.parametrize("order", [1, 2, 3, 4])
def test_resolvent_expansion_adds_one_term_per_order(order: int) -> None:
    """Order k adds exactly ω^k μ_k(y)/(T − yω)^{k+1}: the sum has its range and powers."""
    a = T_SYM - Y * OMEGA
    step = osc.resolvent_expansion(order) - osc.resolvent_expansion(order - 1)
    assert sp.simplify(step - osc.resolvent_series_coefficient(order) / a ** (order + 1)) == 0
    assert osc.resolvent_expansion(0) == 1 / a


def test_resolvent_expansion_approaches_the_line_sum() -> None:
    """At T = 11, y = 1/10, ω = 3/2 the expansion about T − yω converges on the exact
    Σ_n p_n(y)/(T − nω): order 6 is 1.0·10⁻⁷ off and order 2 3.0·10⁻⁵ (an asymptotic series in
    ω/T), while the leading term about the wrong point T + yω is 2.7·10⁻³ off (control)."""
    point = {T_SYM: 11, Y: sp.Rational(1, 10), OMEGA: sp.Rational(3, 2)}
    with mpmath.workdps(30):
        y, omega = mpmath.mpf(1) / 10, mpmath.mpf(3) / 2
        exact = osc.resolvent_line_sum(11, y, omega=omega, dps=30).real
        err = [abs(sp.N(osc.resolvent_expansion(k).subs(point), 30) - exact) for k in (2, 6)]
        wrong = sp.N((1 / (T_SYM + Y * OMEGA)).subs(point), 30)
        assert err[1] < 2e-7 and 1e-5 < err[0] < 1e-4
        assert abs(wrong - exact) > 1e-3


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({"order": -1}, r"^order must be >= 0, got -1$"), ({"order": 2, "route": "x"}, "route")],
)
def test_resolvent_expansion_bad_input(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        osc.resolvent_expansion(**kwargs)  # type: ignore[arg-type]
