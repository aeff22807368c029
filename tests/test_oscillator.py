"""The isotropic oscillator: the expansion of Eq. (16) evaluated exactly, and the weighted integrals."""

from __future__ import annotations

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


# --- the model's own inputs ------------------------------------------------------


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


# --- <0|(P + h)^k|0> -------------------------------------------------------------------


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


# --- weighted integrals: exact lines vs the expansion -------------------------------------


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
