"""Isotropic 3D harmonic oscillator: the expansion of Eq. (16) evaluated exactly.

With q along z, P = p_z q/m and h = H - E0; only the z-mode is excited from
|0⟩, so h = ω a†a on the states involved. Ladder operators (ħ = 1):
z = (a + a†)/√(2mω), p_z = i√(mω/2)(a† - a). With y = Q²/(2mω),
P = iω√y (a† - a) and P + h = ω[i√y (a† - a) + a†a]: m drops out.

Independent route (docs/models.md): |⟨n|e^{iqz}|0⟩|² = e^{-y}yⁿ/n! (Poisson), so
R = Σ_n p_n(y)/(T - nω); expanding about A = T - yω gives
⟨0|(P + h)^k|0⟩ = ω^k E[(n - y)^k], the central moments of Poisson(y).

>>> expansion_coefficient(4, y=Y, omega=OMEGA)
omega**4*(3*y**2 + y)
>>> sp.expand(poisson_central_moment(4) - (3*Y**2 + Y))
0
>>> line_weighted_integral(3, -1, m=M, omega=OMEGA)
1/3
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import cache

import mpmath
import sympy as sp
from sympy.functions.combinatorial.numbers import stirling

from sumrules.core.derivation import Derivation, Step
from sumrules.core.numeric import precision, validate_dps, validate_int
from sumrules.theory.expansion import T_SYM, M, class_words, weighted_sum

__all__ = [
    "MAX_K",
    "OMEGA",
    "WRONG_RESOLVENTS",
    "Oscillator",
    "Y",
    "clear_caches",
    "expansion_coefficient",
    "expansion_coefficient_ladder",
    "expansion_weighted_prediction",
    "falloff_deviation",
    "falls_off",
    "line_averaged_integral",
    "line_integrals_consistent",
    "line_strength",
    "line_strength_ladder_series",
    "line_weighted_integral",
    "line_weighted_integral_sympy",
    "model_input_checks",
    "phi_from_coefficient",
    "phi_from_moments",
    "phi_from_words",
    "poisson_central_moment",
    "poisson_central_moment_touchard",
    "resolvent_continued_fraction",
    "resolvent_expansion",
    "resolvent_expansion_steps",
    "resolvent_kummer",
    "resolvent_line_sum",
    "resolvent_lines",
    "resolvent_series_coefficient",
    "two_electron_resolvent",
    "weight_minus_two_steps",
    "word_expectation",
    "word_expectation_3d",
]

Y = sp.Symbol("y", positive=True)
OMEGA = sp.Symbol("omega", positive=True)

Poly = list[int]  # integer coefficients by degree


def _check_positive(value: object, name: str) -> sp.Expr:
    expr = sp.sympify(value)
    if expr.is_positive is not True:
        raise ValueError(f"{name} must be positive, got {value!r}")
    return expr


def _poly_expr(coeffs: Sequence[int], y: sp.Expr) -> sp.Expr:
    return sp.Add(*(c * y**i for i, c in enumerate(coeffs) if c))


# ---------------------------------------------------------------------------
# Model inputs: line strengths


def line_strength(n: int | sp.Symbol, y: sp.Expr = Y) -> sp.Expr:
    """|⟨n_z|e^{iqz}|0⟩|² = e^{-y} yⁿ/n!, the strength of the line at T = nω.

    ``n`` may be a nonnegative integer sympy symbol (for sums over lines).

    >>> line_strength(2)
    y**2*exp(-y)/2
    """
    if not (isinstance(n, sp.Symbol) and n.is_integer and n.is_nonnegative):
        validate_int(n, "n", 0)
    return sp.exp(-y) * y**n / sp.factorial(n)


def line_strength_ladder_series(n: int, order: int, y: sp.Expr = Y) -> sp.Expr:
    """|⟨n|e^{iqz}|0⟩|² through y^order from the ladder operators: e^{iqz} = e^{i√y (a + a†)}.

    Works in the basis e_j = (a†)^j|0⟩ (so a† e_j = e_{j+1}, a e_j = j e_{j-1},
    ⟨n|e_j⟩ = √n! δ_nj), summing the exponential series term by term.

    >>> line_strength_ladder_series(1, 3)
    y**3/2 - y**2 + y
    """
    validate_int(n, "n", 0)
    validate_int(order, "order", 0)
    s = sp.Symbol("s", positive=True)  # s = sqrt(y)
    top = 2 * order + n + 1
    vec: dict[int, int] = {0: 1}  # (a + a†)^j e_0
    amp = sp.Integer(0)  # coefficient of e_n in e^{i s (a + a†)} e_0
    fact = 1
    for j in range(top + 1):
        if j:
            fact *= j
        amp += (sp.I * s) ** j / fact * vec.get(n, 0)
        nxt: dict[int, int] = {}
        for level, c in vec.items():
            nxt[level + 1] = nxt.get(level + 1, 0) + c
            if level:
                nxt[level - 1] = nxt.get(level - 1, 0) + level * c
        vec = nxt
    strength = sp.expand(amp * sp.conjugate(amp) * sp.factorial(n))
    poly = sp.Poly(strength, s)
    out = sp.Integer(0)
    for (deg,), coeff in poly.terms():
        if deg % 2:
            raise ArithmeticError("odd power of sqrt(y) in a line strength")
        if deg // 2 <= order:
            out += coeff * y ** (deg // 2)
    return sp.expand(out)


def model_input_checks(
    strength: Callable[[sp.Symbol | int, sp.Expr], sp.Expr] = line_strength,
) -> Derivation:
    """Completeness, the f-sum rule and the ladder-operator series, for the given line strengths.

    Passing a wrong ``strength`` is the negative control: some step must fail.

    >>> model_input_checks().ok
    True
    >>> model_input_checks(lambda n, y: y**n / sp.factorial(n)).ok
    False
    """
    n = sp.Symbol("n", integer=True, nonnegative=True)
    q2 = sp.Symbol("Q^2", positive=True)
    total = sp.simplify(sp.summation(strength(n, Y), (n, 0, sp.oo)))
    fsum = sp.simplify(sp.summation(n * OMEGA * strength(n, Y), (n, 0, sp.oo)))
    ladder_ok = all(
        sp.expand(sp.series(strength(k, Y), Y, 0, 6).removeO() - line_strength_ladder_series(k, 5))
        == 0
        for k in range(5)
    )
    return Derivation(
        "Oscillator inputs: line strengths",
        [
            Step.checked(
                sp.Sum(sp.Symbol("p_n"), (n, 0, sp.oo)), total, "summation", predicate=lambda: True
            ),
            Step.checked(total, 1, "completeness: sum over n of |<n|e^{iqz}|0>|^2 = <0|0>"),
            Step.checked(
                sp.Sum(n * OMEGA * sp.Symbol("p_n"), (n, 0, sp.oo)),
                q2 / (2 * M),
                "f-sum (Bethe) rule: sum_n (E_n - E0) p_n = Q^2/2m, with y = Q^2/(2 m omega)",
                predicate=lambda: sp.simplify(fsum - Y * OMEGA) == 0,
            ),
            Step.checked(
                r"\sum_{j} \frac{(i\sqrt{y})^j}{j!}\langle n|(a + a^\dagger)^j|0\rangle",
                r"p_n(y) + O(y^6)",
                "ladder operators, series of exp(iqz) for n <= 4 through y^5",
                method="exact series comparison",
                predicate=lambda: ladder_ok,
            ),
        ],
    )


def line_weighted_integral(n: int, j: int, *, m: sp.Expr = M, omega: sp.Expr = OMEGA) -> sp.Expr:
    """∫_0^∞ p_n(Q²/2mω) Q^{2j} dQ² = (2mω)^{j+1} Γ(n + j + 1)/n!, or oo when n + j + 1 ≤ 0.

    >>> line_weighted_integral(2, 1), line_weighted_integral(1, -2)
    (12*m**2*omega**2, oo)
    """
    validate_int(n, "n", 0)
    validate_int(j, "j")
    m = _check_positive(m, "m")
    omega = _check_positive(omega, "omega")
    if n + j + 1 <= 0:
        return sp.oo
    return (2 * m * omega) ** (j + 1) * sp.factorial(n + j) / sp.factorial(n)


def line_weighted_integral_sympy(
    n: int, j: int, *, m: sp.Expr = M, omega: sp.Expr = OMEGA
) -> sp.Expr:
    """∫_0^∞ p_n(Q²/2mω) Q^{2j} dQ² by sympy's ``integrate`` in y = Q²/2mω (oo when it
    diverges): independent of the Γ formula of :func:`line_weighted_integral`.

    >>> line_weighted_integral_sympy(2, 1), line_weighted_integral_sympy(1, -2)
    (12*m**2*omega**2, oo)
    """
    validate_int(n, "n", 0)
    validate_int(j, "j")
    m = _check_positive(m, "m")
    omega = _check_positive(omega, "omega")
    value = sp.integrate(line_strength(n, Y) * Y**j, (Y, 0, sp.oo))
    return sp.oo if value == sp.oo else sp.simplify(value * (2 * m * omega) ** (j + 1))


def line_integrals_consistent(j: int, n_max: int = 4) -> bool:
    """For the lines n ≤ ``n_max`` with a finite weight-Q^{2j} integral: sympy's integral
    equals the Γ formula and ω F_j(nω) (:func:`line_averaged_integral` at the line).

    >>> line_integrals_consistent(-1), line_integrals_consistent(1, 3)
    (True, True)
    """
    f_j = line_averaged_integral(j)
    for n in range(max(1, -j), n_max + 1):
        value = line_weighted_integral_sympy(n, j)
        if sp.simplify(value - line_weighted_integral(n, j)) != 0:
            return False
        if sp.simplify(value / OMEGA - f_j.subs(T_SYM, n * OMEGA)) != 0:
            return False
    return True


def line_averaged_integral(
    j: int, *, m: sp.Expr = M, omega: sp.Expr = OMEGA, T: sp.Expr = T_SYM
) -> sp.Expr:
    """F_j(T) with line_weighted_integral(n, j) = ω F_j(nω): the weighted integral per unit T.

    F_j = (2m)^{j+1} Π_{i=1}^{j}(T + iω) for j ≥ 0 and (2m)^{j+1}/Π_{i=0}^{|j|-1}(T - iω)
    for j < 0 (free electron: ω → 0, F_j = (2m)^{j+1} T^j).

    >>> line_averaged_integral(-1), line_averaged_integral(1)
    (1/T, 4*m**2*(T + omega))
    """
    validate_int(j, "j")
    m = _check_positive(m, "m")
    omega = _check_positive(omega, "omega")
    if j >= 0:
        return (2 * m) ** (j + 1) * sp.Mul(*(T + i * omega for i in range(1, j + 1)))
    return (2 * m) ** (j + 1) / sp.Mul(*(T - i * omega for i in range(-j)))


# ---------------------------------------------------------------------------
# The resolvent itself, at complex T: two non-perturbative routes

_GUARD = 10


def _resolvent_inputs(
    z: object, y: object, omega: object
) -> tuple[mpmath.mpc, mpmath.mpf, mpmath.mpf]:
    try:
        zz = mpmath.mpc(mpmath.mpmathify(z))
        yy, ww = mpmath.mpf(y), mpmath.mpf(omega)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"z, y, omega must be numbers, got {z!r}, {y!r}, {omega!r}") from exc
    if not (mpmath.isfinite(zz) and mpmath.isfinite(yy) and mpmath.isfinite(ww)):
        # inf or nan would never meet the stopping tests below (an endless loop)
        raise ValueError(f"z, y, omega must be finite, got {z!r}, {y!r}, {omega!r}")
    if zz.imag == 0:
        raise ValueError(f"z must have a nonzero imaginary part, got {z!r}")
    if yy < 0:
        raise ValueError(f"y must be >= 0, got {y!r}")
    if ww <= 0:
        raise ValueError(f"omega must be positive, got {omega!r}")
    return zz, yy, ww


def resolvent_lines(z: object, y: object, *, omega: object = 1, dps: int = 30) -> mpmath.mpc:
    """R = Σ_n p_n(y)/(z - nω): the first line of Eq. (16) from the Poisson line strengths.

    ``z`` is the energy T (complex, Im z ≠ 0), y = Q²/(2mω).

    >>> print(mpmath.nstr(resolvent_lines(1j, 0), 10))
    (0.0 - 1.0j)
    """
    validate_dps(dps)
    with precision(dps + _GUARD):
        zz, yy, ww = _resolvent_inputs(z, y, omega)
        total = mpmath.mpc(0)
        weight = mpmath.exp(-yy)  # p_0
        tol = mpmath.mpf(10) ** (-dps - _GUARD)
        n = 0
        while True:
            term = weight / (zz - n * ww)
            total += term
            if n > yy and abs(term) < tol * abs(total):
                break
            n += 1
            weight = weight * yy / n
    with precision(dps):
        return +total


def resolvent_continued_fraction(
    z: object,
    y: object,
    *,
    omega: object = 1,
    q2_coeff: object = "0.5",
    pq_coeff: object = 1,
    dps: int = 30,
) -> mpmath.mpc:
    """⟨0|[z - a Q²/m - b p·q/m - h]⁻¹|0⟩ by its Jacobi continued fraction (third line of Eq. 16).

    In the basis |n⟩ of the z-mode the operator a Q²/m + b P + h is tridiagonal:
    diagonal 2a yω + nω, off-diagonal product b² ω² y (n + 1) (P = iω√y (a† - a)).
    So the diagonal element of its resolvent is 1/(z - d_0 - c_1/(z - d_1 - c_2/(…))),
    evaluated from a depth that is doubled until two depths agree. Eq. (16) has
    a = 1/2, b = 1; other values are the negative controls.

    >>> r_cf = resolvent_continued_fraction("0.7+0.4j", "1.3", dps=20)
    >>> r_lines = resolvent_lines("0.7+0.4j", "1.3", dps=20)
    >>> abs(r_cf - r_lines) < 1e-18
    True
    """
    validate_dps(dps)
    with precision(dps + _GUARD):
        zz, yy, ww = _resolvent_inputs(z, y, omega)
        a, b = mpmath.mpf(q2_coeff), mpmath.mpf(pq_coeff)
        tol = mpmath.mpf(10) ** (-dps - 3)

        def evaluate(depth: int) -> mpmath.mpc:
            g = mpmath.mpc(0)
            for n in range(depth - 1, -1, -1):
                g = 1 / (zz - 2 * a * yy * ww - n * ww - b * b * ww * ww * yy * (n + 1) * g)
            return g

        depth = 32 + 4 * int(yy)
        previous = evaluate(depth)
        while True:
            depth *= 2
            current = evaluate(depth)
            if abs(current - previous) <= tol * abs(current):
                break
            if depth > 1 << 16:
                raise ArithmeticError("continued fraction did not converge")
            previous = current
    with precision(dps):
        return +current


def resolvent_kummer(
    T: object, y: object, *, omega: object = 1, dps: int = 30
) -> mpmath.mpf | mpmath.mpc:
    """R = M(1; 1 − T/ω; −y)/T: the line sum Σ p_n(y)/(T − nω) in closed form (Kummer).

    With 1/(a − n) = (1/a)(−a)_n/(1 − a)_n, a = T/ω, the line sum is
    e^{−y} M(−a; 1 − a; y)/(aω) = M(1; 1 − a; −y)/T (Kummer's transformation). Entire in y;
    any complex y, and any T off the lines (complex T too).

    >>> print(mpmath.nstr(resolvent_kummer(2.5, 0, dps=20), 10))
    0.4
    """
    validate_dps(dps)
    with precision(dps + _GUARD):
        t, w = mpmath.mpmathify(T), mpmath.mpf(omega)
        value = mpmath.hyp1f1(1, 1 - t / w, -mpmath.mpmathify(y)) / t
    with precision(dps):
        return +value


def resolvent_line_sum(T: object, y: object, *, omega: object = 1, dps: int = 30) -> mpmath.mpc:
    """R = Σ_n e^{−y} yⁿ/n! /(T − nω) summed directly, for complex y and T off the lines.

    Guard digits cover the cancellation e^{|y| − Re y} of the alternating terms (at y < 0 the
    strengths are no longer probabilities; the sum is the continuation in Q²).

    >>> a = resolvent_line_sum(2.5, 3j, dps=20)
    >>> b = resolvent_kummer(2.5, 3j, dps=20)
    >>> bool(abs(a - b) < 1e-18)
    True
    """
    validate_dps(dps)
    with precision(dps + _GUARD):
        yy = mpmath.mpc(mpmath.mpmathify(y))
        size = abs(yy)
    guard = int((size - yy.real) / 2.3 + 2 * mpmath.log10(size + 1)) + 15
    with precision(dps + guard):
        t, w = mpmath.mpmathify(T), mpmath.mpf(omega)
        yy = mpmath.mpc(mpmath.mpmathify(y))
        weight = mpmath.exp(-yy)
        total = mpmath.mpc(0)
        tol = mpmath.mpf(10) ** (-dps - 10) / (1 + size)
        n = 0
        while True:
            total += weight / (t - n * w)
            n += 1
            weight = weight * yy / n
            if n > 2 * size + 5 and abs(weight) < tol:
                break
    with precision(dps):
        return +total


def _wrong_kummer(
    T: object, y: object, *, omega: object = 1, dps: int = 30
) -> mpmath.mpf | mpmath.mpc:
    with precision(dps + _GUARD):
        t = mpmath.mpmathify(T) / mpmath.mpf(omega)
        value = mpmath.hyp1f1(1, 1 + t, -mpmath.mpmathify(y)) / mpmath.mpmathify(T)
    with precision(dps):
        return +value


#: deliberately wrong closed forms of the resolvent (negative controls), same signature as
#: :func:`resolvent_kummer`
WRONG_RESOLVENTS: dict[str, Callable[..., mpmath.mpc]] = {
    "M(1; 1 + T/ω; −y)/T (the sign of T/ω flipped)": _wrong_kummer,
}


def falloff_deviation(
    T: object,
    y: object,
    *,
    omega: object = 1,
    dps: int = 30,
    resolvent: Callable[..., mpmath.mpc] = resolvent_kummer,
) -> mpmath.mpf:
    """|Q²R/(−2m) − 1| = |ωyR + 1| at complex y = Q²/2mω: how far Q²R is from its f-sum
    limit −2m (Eq. (10) per electron). ``resolvent(T, y, omega=, dps=)`` computes R; y may be
    a sympy number (ρ e^{iθ}).

    >>> print(mpmath.nstr(falloff_deviation("2.5", 10**6, dps=20), 3))  # (T/ω + 1)/y
    3.5e-6
    """
    validate_dps(dps)
    with precision(dps + 2 * _GUARD):
        yy = _mp(y)
    r = resolvent(T, yy, omega=omega, dps=dps + _GUARD)
    with precision(dps + _GUARD):
        value = abs(mpmath.mpf(omega) * yy * r + 1)
    with precision(dps):
        return +value


def falls_off(near: object, far: object) -> bool:
    """Whether a deviation from the asymptote falls off: smaller at the larger |Q²| and below 5%.

    >>> falls_off(0.1, 0.01), falls_off(0.01, 0.1)
    (True, False)
    """
    return bool(far < near and far < 0.05)  # type: ignore[operator]


def two_electron_resolvent(
    y: sp.Expr, n_max: int, T: sp.Expr, *, one_electron_rho: bool = False, elastic: bool = True
) -> sp.Expr:
    """Σ over product states |n₁n₂⟩ (n ≤ n_max) of |⟨n₁n₂|ρ(q)|00⟩|²/(T − (n₁ + n₂)ω), ω = 1.

    Two independent electrons in one oscillator, ρ = e^{iqz₁} + e^{iqz₂} (or e^{iqz₁} only, a
    negative control); ⟨n|e^{iqz}|0⟩ = e^{−y/2}(i√y)ⁿ/√n! (ladder operators). Only the states
    with one electron excited (and the ground state) are reached. ``elastic=False`` leaves the
    ground state n₁ = n₂ = 0 out (a negative control).

    >>> T = sp.Symbol("T", positive=True)
    >>> sp.simplify(two_electron_resolvent(Y, 3, T).subs(Y, 0))
    4/T
    """
    validate_int(n_max, "n_max", 0)

    def amp(n: int) -> sp.Expr:
        return sp.exp(-y / 2) * (sp.I * sp.sqrt(y)) ** n / sp.sqrt(sp.factorial(n))

    total = sp.Integer(0)
    for n1 in range(n_max + 1):
        for n2 in range(n_max + 1):
            a = (amp(n1) if n2 == 0 else 0) + (
                0 if one_electron_rho else (amp(n2) if n1 == 0 else 0)
            )
            if a == 0 or (not elastic and n1 == n2 == 0):
                continue
            total += sp.expand(a * sp.conjugate(a)) / (T - n1 - n2)
    return total


# ---------------------------------------------------------------------------
# The expansion coefficients <0|(P + h)^k|0>


def expansion_coefficient_ladder(
    k: int, *, y: sp.Expr = Y, omega: sp.Expr = OMEGA, m: sp.Expr = M
) -> sp.Expr:
    """⟨0|(P + h)^k|0⟩ from the textbook operators as (k+1)×(k+1) sympy matrices.

    p_z = i√(mω/2)(a† - a), h = ω a†a, P = p_z Q/m with Q = √(2mωy). Starting
    from |0⟩, k steps reach level ≤ k, so the truncation is exact.

    >>> expansion_coefficient_ladder(3)
    omega**3*y
    """
    validate_int(k, "k", 0)
    y, omega, m = sp.sympify(y), sp.sympify(omega), sp.sympify(m)  # exact: m * omega / 2
    dim = k + 1
    a = sp.zeros(dim, dim)
    for level in range(1, dim):
        a[level - 1, level] = sp.sqrt(level)
    ad = a.T
    p_z = sp.I * sp.sqrt(m * omega / 2) * (ad - a)
    h = omega * ad * a
    q = sp.sqrt(2 * m * omega * y)
    x = p_z * q / m + h
    vec = sp.zeros(dim, 1)
    vec[0] = 1
    for _ in range(k):
        vec = (x * vec).applyfunc(sp.expand)
    return sp.factor_terms(sp.expand(vec[0]))


_STATES: list[list[Poly]] = [[[1]]]  # X^k e_0 in the basis e_n, coefficients polynomials in t


def _advance(state: list[Poly]) -> list[Poly]:
    """Apply X = t(a† - a) + a†a, t = i√y, in the basis e_n = (a†)ⁿ|0⟩."""
    new: list[Poly] = [[] for _ in range(len(state) + 1)]

    def add(target: Poly, poly: Poly, factor: int, shift: int) -> None:
        need = len(poly) + shift
        if len(target) < need:
            target.extend([0] * (need - len(target)))
        for deg, c in enumerate(poly):
            if c:
                target[deg + shift] += factor * c

    for level, poly in enumerate(state):
        if not any(poly):
            continue
        add(new[level + 1], poly, 1, 1)  # t a† e_n = t e_{n+1}
        if level:
            add(new[level - 1], poly, -level, 1)  # -t a e_n = -t n e_{n-1}
            add(new[level], poly, level, 0)  # a†a e_n = n e_n
    return new


def clear_caches() -> None:
    """Forget the cached ladder states and coefficients (for timing from a cold start).

    Later calls recompute them, with the same values:

    >>> clear_caches(); expansion_coefficient(4, y=2, omega=1)
    14
    """
    del _STATES[1:]
    _coefficients.cache_clear()
    _central_moment_coeffs.cache_clear()


@cache
def _coefficients(k: int) -> tuple[int, ...]:
    """Integer coefficients c_u of y^u in ⟨0|X^k|0⟩."""
    while len(_STATES) <= k:
        _STATES.append(_advance(_STATES[-1]))
    poly = _STATES[k][0]
    if any(c for deg, c in enumerate(poly) if deg % 2):
        raise ArithmeticError("odd power of sqrt(y) in <0|X^k|0>")
    return tuple(c * (-1) ** (deg // 2) for deg, c in enumerate(poly) if deg % 2 == 0)


def expansion_coefficient(k: int, *, y: sp.Expr = Y, omega: sp.Expr = OMEGA) -> sp.Expr:
    """Exact ⟨0|(P + h)^k|0⟩ for the oscillator: ω^k times a polynomial in y = Q²/(2mω).

    Ladder operators in the basis e_n = (a†)ⁿ|0⟩, where every matrix element is an
    integer: (P + h)/ω = t(a† - a) + a†a with t = i√y, t² = -y. Cached, O(k³).
    Cross-checked against :func:`expansion_coefficient_ladder` (sympy matrices) and
    the Poisson central moments.

    ``k`` ≤ :data:`MAX_K`; ``y`` ≥ 0 and ``omega`` > 0 exact numbers or sympy expressions
    known to be so (declare symbols ``nonnegative=True``/``positive=True``); else ValueError.

    >>> expansion_coefficient(6, y=2, omega=1)
    222
    >>> expansion_coefficient(2, y=-1, omega=1)
    Traceback (most recent call last):
    ...
    ValueError: y must be >= 0, got -1
    """
    validate_int(k, "k", 0)
    if k > MAX_K:
        raise ValueError(f"k must be <= {MAX_K} (MAX_K), got {k!r}")
    y_ = _exact_parameter(y, "y", strict=False)
    omega_ = _exact_parameter(omega, "omega", strict=True)
    return omega_**k * _poly_expr(_coefficients(k), y_)


#: Largest k of :func:`expansion_coefficient` (the cached ladder states grow like k³).
MAX_K = 300


def _exact_parameter(value: object, name: str, *, strict: bool) -> sp.Expr:
    """An exact sympy value that is known positive (strict) or non-negative; else ValueError."""
    if isinstance(value, bool) or not isinstance(value, int | Fraction | sp.Expr):
        raise ValueError(f"{name} must be an exact number or sympy expression, got {value!r}")
    expr = sp.Rational(value) if isinstance(value, int | Fraction) else value
    if expr.atoms(sp.Float):
        raise ValueError(f"{name} must be exact (no floats), got {value!r}")
    if expr.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        raise ValueError(f"{name} must be finite, got {value!r}")
    known = expr.is_positive if strict else expr.is_nonnegative
    if known is not True:
        bound = "> 0" if strict else ">= 0"
        if expr.free_symbols and known is None:
            kind = "positive=True" if strict else "nonnegative=True"
            raise ValueError(f"{name} must be {bound}: declare its symbols {kind}, got {value!r}")
        raise ValueError(f"{name} must be {bound}, got {value!r}")
    return expr


# ---------------------------------------------------------------------------
# The independent route: Poisson central moments


@cache
def _central_moment_coeffs(k: int) -> tuple[int, ...]:
    """μ_k by μ_{k+1} = y(k μ_{k-1} + dμ_k/dy), μ_0 = 1, μ_1 = 0."""
    if k == 0:
        return (1,)
    if k == 1:
        return (0,)
    prev2 = list(_central_moment_coeffs(k - 2))
    prev1 = list(_central_moment_coeffs(k - 1))
    deriv = [i * c for i, c in enumerate(prev1)][1:]
    inner = [0] * max(len(prev2), len(deriv))
    for i, c in enumerate(prev2):
        inner[i] += (k - 1) * c
    for i, c in enumerate(deriv):
        inner[i] += c
    return (0, *inner)  # multiply by y


def poisson_central_moment(k: int, y: sp.Expr = Y) -> sp.Expr:
    """E[(n - y)^k] for n ~ Poisson(y), by the recurrence μ_{k+1} = y(k μ_{k-1} + dμ_k/dy).

    >>> poisson_central_moment(3), poisson_central_moment(5)
    (y, 10*y**2 + y)
    """
    validate_int(k, "k", 0)
    return _poly_expr(_central_moment_coeffs(k), sp.sympify(y))


def poisson_central_moment_touchard(k: int, y: sp.Expr = Y) -> sp.Expr:
    """E[(n - y)^k] = Σ_j C(k, j)(-y)^{k-j} E[n^j], raw moments E[n^j] = Σ_i S(j, i) y^i.

    >>> poisson_central_moment_touchard(4)
    3*y**2 + y
    """
    validate_int(k, "k", 0)
    total = sp.Integer(0)
    for j in range(k + 1):
        raw = sp.Add(*(stirling(j, i) * y**i for i in range(j + 1)))
        total += sp.binomial(k, j) * (-y) ** (k - j) * raw
    return sp.expand(total)


def resolvent_series_coefficient(k: int, *, y: sp.Expr = Y, omega: sp.Expr = OMEGA) -> sp.Expr:
    """Coefficient of A^{-k-1} in R = Σ_n p_n/(T - nω) expanded about A = T - yω: ω^k μ_k(y)."""
    return sp.sympify(omega) ** k * poisson_central_moment(k, y)


def resolvent_expansion_steps(order: int = 6) -> Derivation:
    """R = Σ_n p_n/(T - nω) = Σ_k ω^k μ_k(y) A^{-k-1}: the Poisson route, checked to ``order``.

    >>> resolvent_expansion_steps(4).ok
    True
    """
    validate_int(order, "order", 0)
    a, n, tt = sp.symbols("A n T")
    kk = sp.Symbol("k", integer=True, nonnegative=True)
    geometric = sp.Add(*((n - Y) ** j * OMEGA**j / a ** (j + 1) for j in range(order + 1)))
    exact = 1 / (a - (n - Y) * OMEGA)
    remainder = ((n - Y) * OMEGA) ** (order + 1) / (a ** (order + 1) * (a - (n - Y) * OMEGA))
    agree = all(
        sp.expand(expansion_coefficient(k) - resolvent_series_coefficient(k)) == 0
        for k in range(order + 1)
    )
    return Derivation(
        "Oscillator: the resolvent expanded about A = T - Q^2/2m",
        [
            Step.checked(
                1 / (tt - n * OMEGA),
                exact.subs(a, tt - Y * OMEGA),
                "T - n omega = A - (n - y) omega with A = T - y omega",
            ),
            Step.checked(
                exact,
                geometric + remainder,
                f"finite geometric series with remainder, through k = {order}",
            ),
            Step.definition(
                r"\sum_n p_n(y)\,(n - y)^k",
                r"\mu_k(y)",
                "central moment of the Poisson distribution p_n(y)",
            ),
            Step.checked(
                sp.Symbol(r"\langle 0|(P + h)^k|0\rangle"),
                OMEGA**kk * sp.Function("mu_k")(Y),
                f"ladder operators vs Poisson central moments, k <= {order}",
                method="exact polynomial comparison",
                predicate=lambda: agree,
            ),
        ],
    )


# ---------------------------------------------------------------------------
# Words and classes in the oscillator


def _apply_word_1d(word: str) -> int:
    """⟨0|word(D, N)|0⟩ with D = a† - a, N = a†a, exactly, in the basis e_n."""
    vec: dict[int, int] = {0: 1}
    for letter in reversed(word):
        nxt: dict[int, int] = {}
        for level, c in vec.items():
            if letter == "P":
                nxt[level + 1] = nxt.get(level + 1, 0) + c
                if level:
                    nxt[level - 1] = nxt.get(level - 1, 0) - level * c
            elif letter == "h":
                if level:
                    nxt[level] = nxt.get(level, 0) + level * c
            else:
                raise ValueError(f"word must be a string over 'P' and 'h', got {word!r}")
        vec = {lv: c for lv, c in nxt.items() if c}
    return vec.get(0, 0)


def word_expectation(word: str, *, m: sp.Expr = M, omega: sp.Expr = OMEGA) -> sp.Expr:
    """⟨0|word(p_z, h)|0⟩ in the oscillator (P → p_z, h = H - E0), exact.

    >>> word_expectation("PP"), word_expectation("PhP"), word_expectation("PPPP")
    (m*omega/2, m*omega**2/2, 3*m**2*omega**2/4)
    """
    if not isinstance(word, str):
        raise ValueError(f"word must be a string over 'P' and 'h', got {word!r}")
    value = _apply_word_1d(word)
    n_p = word.count("P")
    m, omega = sp.sympify(m), sp.sympify(omega)  # exact: m * omega / 2
    return sp.expand(
        value * (sp.I * sp.sqrt(m * omega / 2)) ** n_p * sp.sympify(omega) ** word.count("h")
    )


def word_expectation_3d(
    word: str,
    q: Sequence[sp.Expr],
    *,
    m: sp.Expr = M,
    omegas: Sequence[sp.Expr] = (OMEGA, OMEGA, OMEGA),
) -> sp.Expr:
    """⟨0|word(q·p/m, h)|0⟩ for a 3D oscillator with frequencies ``omegas`` and any vector q.

    For the isotropic oscillator this equals (Q²)^u ⟨0|word(p_z, h)|0⟩/m^{2u}
    (rotational invariance, Eq. 17); an anisotropic one is the negative control.

    >>> qx, qz = sp.symbols("q_x q_z", real=True)
    >>> sp.factor(word_expectation_3d("PP", (qx, 0, qz)))
    omega*(q_x**2 + q_z**2)/(2*m)
    """
    given: object = word  # the annotation is not enforced at run time
    if not isinstance(given, str) or not set(given) <= {"P", "h"}:
        raise ValueError(f"word must be a string over 'P' and 'h', got {word!r}")
    if len(q) != 3 or len(omegas) != 3:
        raise ValueError("q and omegas must have three components")
    m, omegas = sp.sympify(m), [sp.sympify(w) for w in omegas]  # exact: m * w / 2
    Level = tuple[int, int, int]
    vec: dict[Level, sp.Expr] = {(0, 0, 0): sp.Integer(1)}
    coef = [sp.I * sp.sqrt(m * w / 2) * qi / m for w, qi in zip(omegas, q, strict=True)]
    for letter in reversed(word):
        nxt: dict[Level, sp.Expr] = {}
        for levels, c in vec.items():
            if letter == "P":
                for axis in range(3):
                    up = list(levels)
                    up[axis] += 1
                    key = (up[0], up[1], up[2])
                    nxt[key] = nxt.get(key, 0) + coef[axis] * c
                    if levels[axis]:
                        down = list(levels)
                        down[axis] -= 1
                        key = (down[0], down[1], down[2])
                        nxt[key] = nxt.get(key, 0) - coef[axis] * levels[axis] * c
            else:
                energy = sum(w * n for w, n in zip(omegas, levels, strict=True))
                if energy != 0:
                    nxt[levels] = nxt.get(levels, 0) + energy * c
        vec = {lv: sp.expand(c) for lv, c in nxt.items() if sp.expand(c) != 0}
    return sp.expand(vec.get((0, 0, 0), sp.Integer(0)))


def phi_from_coefficient(u: int, w: int, *, m: sp.Expr = M, omega: sp.Expr = OMEGA) -> sp.Expr:
    """Φ_{u,w} of Eq. (17) read off :func:`expansion_coefficient`: c_{k,u} ω^k/(2mω)^u, k = w - 1.

    Equals Σ over the words of the class of ⟨0|word(p_z, h)|0⟩/m^{2u}.

    >>> phi_from_coefficient(1, 3), phi_from_coefficient(2, 5)
    (omega/(2*m), 3*omega**2/(4*m**2))
    """
    validate_int(u, "u", 0)
    validate_int(w, "w", 1)
    coeffs = _coefficients(w - 1)
    c = coeffs[u] if u < len(coeffs) else 0
    return c * sp.sympify(omega) ** (w - 1) / (2 * m * omega) ** u


def phi_from_moments(u: int, w: int, *, m: sp.Expr = M, omega: sp.Expr = OMEGA) -> sp.Expr:
    """Φ_{u,w} read off the Poisson route: the coefficient of y^u in ω^k μ_k(y), k = w − 1,
    over (2mω)^u. Shares no code with the ladder operators of :func:`phi_from_coefficient`.

    >>> phi_from_moments(1, 3), phi_from_moments(2, 7) == phi_from_words(2, 7)
    (omega/(2*m), True)
    """
    validate_int(u, "u", 0)
    validate_int(w, "w", 1)
    coeffs = _central_moment_coeffs(w - 1)
    c = coeffs[u] if u < len(coeffs) else 0
    m, omega = sp.sympify(m), sp.sympify(omega)
    return c * omega ** (w - 1) / (2 * m * omega) ** u


def resolvent_expansion(order: int, *, route: str = "poisson") -> sp.Expr:
    """R = Σ_{k ≤ order} c_k A^{−k−1} expanded about A = T − yω (T = :data:`T_SYM`, expanded in y),
    with c_k = ⟨0|(P + h)^k|0⟩ from the ladder operators (``route="ladder"``) or from the
    Poisson central moments, c_k = ω^k μ_k(y) (``route="poisson"``).

    >>> resolvent_expansion(2) == resolvent_expansion(2, route="ladder")
    True
    >>> resolvent_expansion(2)
    omega**2*y/(T - omega*y)**3 + 1/(T - omega*y)
    """
    validate_int(order, "order", 0)
    coefficient = {"poisson": resolvent_series_coefficient, "ladder": expansion_coefficient}
    if route not in coefficient:
        raise ValueError(f"route must be 'poisson' or 'ladder', got {route!r}")
    a = T_SYM - Y * OMEGA
    return sp.expand_mul(sp.Add(*(coefficient[route](k) / a ** (k + 1) for k in range(order + 1))))


def phi_from_words(u: int, w: int, *, m: sp.Expr = M, omega: sp.Expr = OMEGA) -> sp.Expr:
    """Φ_{u,w} as the sum over the words of the class of ⟨0|word(p_z, h)|0⟩/m^{2u}.

    Every word of the class has 2u letters p_z and k - 2u letters h (k = w - 1),
    so ⟨0|word|0⟩ = (integer) · (i√(mω/2))^{2u} ω^{k-2u}; the integers are summed
    first (:func:`word_expectation` term by term gives the same, more slowly).
    Independent of :func:`phi_from_coefficient`, which reads the whole coefficient.

    >>> phi_from_words(1, 3), phi_from_words(2, 7)
    (omega/(2*m), 25*omega**4/(4*m**2))
    """
    validate_int(u, "u", 0)
    validate_int(w, "w", 1)
    total = sum(_apply_word_1d(word) for word in class_words(u, w))
    k = w - 1
    m, omega = sp.sympify(m), sp.sympify(omega)
    return sp.Integer(total) * (-m * omega / 2) ** u * omega ** (k - 2 * u) / m ** (2 * u)


def expansion_weighted_prediction(
    j: int, order: int, *, m: sp.Expr = M, omega: sp.Expr = OMEGA, T: sp.Expr = T_SYM
) -> sp.Expr:
    """Term-by-term (1/π)∫ Im R Q^{2j} dQ² through ``order`` with the oscillator's Φ_{u,w}.

    To be compared with :func:`line_averaged_integral` (exact for j ≥ -1 from
    order 2j on; for j ≤ -2 as a series in ω).

    >>> expansion_weighted_prediction(1, 2)
    4*T*m**2 + 4*m**2*omega
    """
    return weighted_sum(
        order, j, m=m, T=T, phi=lambda u, w: phi_from_coefficient(u, w, m=m, omega=omega)
    )


def _geometric_ok() -> bool:
    x = sp.Symbol("x", positive=True)
    n = sp.Symbol("n", integer=True, nonnegative=True)
    value = sp.summation(x**n, (n, 0, sp.oo))
    if not isinstance(value, sp.Piecewise):
        return bool(sp.simplify(value - 1 / (1 - x)) == 0)
    expr, cond = value.args[0]
    return bool(sp.simplify(expr - 1 / (1 - x)) == 0 and cond == (x < 1))


def weight_minus_two_steps(order: int = 10) -> Derivation:
    """Weight Q^{-4} in the oscillator: the dipole line diverges, the expansion resums to a pole there.

    >>> weight_minus_two_steps(6).ok
    True
    """
    validate_int(order, "order", 2)
    eps = sp.Symbol("epsilon", positive=True)
    nn = sp.Symbol("n", integer=True, nonnegative=True)
    line1 = sp.integrate(line_strength(1, Y) / Y**2, (Y, eps, sp.oo))
    exact_avg = line_averaged_integral(-2)
    prediction = expansion_weighted_prediction(-2, order)
    resummed = 1 / (2 * M * T_SYM**2) + (OMEGA / (2 * M)) * sp.Sum(
        OMEGA**nn * T_SYM ** (-nn - 3), (nn, 0, sp.oo)
    )
    geometric = 1 / (2 * M * T_SYM**2) + (OMEGA / (2 * M)) / (T_SYM**2 * (T_SYM - OMEGA))
    return Derivation(
        "Oscillator, weight Q^(-4): divergence of the dipole line vs the expansion",
        [
            Step.checked(
                sp.Integral(line_strength(1, Y) / Y**2, (Y, eps, sp.oo)),
                sp.expint(1, eps),
                "line n = 1 (the only dipole line), Q^2 = 2 m omega y; E_1 diverges like -ln(eps)",
                method="d/d(eps) E_1 = -e^(-eps)/eps; sympy integral = E_1 at eps = 1/10 (30 digits); "
                "limit eps -> 0+ is oo",
                predicate=lambda: (
                    sp.simplify(sp.diff(sp.expint(1, eps), eps) + sp.exp(-eps) / eps) == 0
                    and abs(
                        sp.N(
                            line1.subs(eps, sp.Rational(1, 10)) - sp.expint(1, sp.Rational(1, 10)),
                            30,
                        )
                    )
                    < 1e-25
                    and sp.limit(sp.expint(1, eps), eps, 0, "+") == sp.oo
                ),
            ),
            Step.checked(
                r"\int_0^\infty p_n\,\frac{dQ^2}{Q^4}",
                1 / (2 * M * OMEGA * nn * (nn - 1)),
                "lines n >= 2: finite",
                method="sympy integrate vs Gamma formula, n = 2..5",
                predicate=lambda: all(
                    sp.simplify(
                        sp.integrate(line_strength(k, Y) / Y**2, (Y, 0, sp.oo)) / (2 * M * OMEGA)
                        - line_weighted_integral(k, -2)
                    )
                    == 0
                    and line_weighted_integral(k, -2) == 1 / (2 * M * OMEGA * k * (k - 1))
                    for k in range(2, 6)
                ),
            ),
            Step.checked(
                r"\frac{1}{\omega}\int_0^\infty p_n\,\frac{dQ^2}{Q^4}\Big|_{T = n\omega}",
                exact_avg,
                "per unit T at the line T = n omega",
                predicate=lambda: all(
                    sp.simplify(
                        line_weighted_integral(k, -2) / OMEGA - exact_avg.subs(T_SYM, k * OMEGA)
                    )
                    == 0
                    for k in range(2, 6)
                ),
            ),
            Step.checked(
                rf"\text{{term-by-term through order {order}}}",
                prediction,
                f"agrees with the series of the exact result in omega through omega^{order - 1}",
                method="exact series comparison",
                predicate=lambda: (
                    sp.expand(sp.series(prediction - exact_avg, OMEGA, 0, order).removeO()) == 0
                ),
            ),
            Step.checked(
                resummed,
                geometric,
                "all orders: u = 0 gives 1/(2mT^2), u = 1 gives <p_z h^n p_z> = (m omega/2) omega^n",
                method="sympy summation of x^n (x = omega/T < 1) and the words P h^n P, n <= 8",
                predicate=lambda: (
                    _geometric_ok()
                    and all(
                        word_expectation("P" + "h" * k + "P") == M * OMEGA ** (k + 1) / 2
                        for k in range(9)
                    )
                ),
            ),
            Step.checked(
                geometric,
                exact_avg,
                "the resummed expansion equals the exact lines n >= 2 and has its pole at "
                "T = omega, the dipole line whose integral diverges",
            ),
        ],
    )


def _mp(x: object) -> mpmath.mpf | mpmath.mpc:
    """``x`` (number, text, sympy number, real or complex) at the current mpmath precision."""
    if isinstance(x, sp.Basic):
        return sp.N(x, mpmath.mp.dps)._to_mpmath(mpmath.mp.prec)
    return mpmath.mpmathify(x)


def _mp_at(x: object, dps: int) -> mpmath.mpf | mpmath.mpc:
    with precision(dps + _GUARD):
        return _mp(x)


class Oscillator:
    """The isotropic harmonic oscillator (frequency ``omega``, mass ``m``) as an
    :class:`~sumrules.models.base.Atom`.

    Its spectrum is discrete (lines at T = nω with strengths e^{−y}yⁿ/n!, y = Q²/2mω), so a
    sum rule at fixed T is a statement about one line: the ratios are averaged over the cell
    |T − nω| < ω/2 of the line nearest to T, r_nmm = n ∫ p_n dy/y and
    r_ew = (1/2mω) ∫ p_n dQ² — both exactly 1.

    >>> osc = Oscillator()
    >>> osc.sum_rule_ratios(3), osc.threshold
    ((1, 1), 1)
    >>> [route(sp.Rational(11, 4), 30) for route in osc.ratio_routes().values()]
    [(1, 1), (1, 1)]
    """

    def __init__(self, omega: object = 1, m: object = 1) -> None:
        self.omega = _check_positive(omega, "omega")
        self.m = _check_positive(m, "m")

    def __repr__(self) -> str:
        return f"Oscillator(omega={self.omega}, m={self.m})"

    @property
    def name(self) -> str:
        return "harmonic oscillator"

    @property
    def electrons(self) -> int:
        return 1

    @property
    def threshold(self) -> sp.Expr:
        """ω, the first line."""
        return self.omega

    def line(self, T: object) -> int:
        """The line n ≥ 1 whose cell |T − nω| < ω/2 holds T (ValueError below the first cell
        or on a cell boundary)."""
        x = sp.sympify(T) / self.omega
        if x.is_number is not True or x < sp.Rational(1, 2):
            raise ValueError(f"T must be at least omega/2 = {self.omega / 2}, got {T!r}")
        n = int(sp.floor(x + sp.Rational(1, 2)))
        if sp.simplify(x + sp.Rational(1, 2) - n) == 0:
            raise ValueError(f"T = {T!r} lies on the boundary of two line cells")
        return n

    def structure_function(self, T: object, Q2: object, *, dps: int = 30) -> sp.Expr:
        """Σ_n p_n(y) δ(T − nω), y = Q²/2mω (a sympy sum; exact, ``dps`` is not used)."""
        n = sp.Symbol("n", integer=True, nonnegative=True)
        y = sp.sympify(Q2) / (2 * self.m * self.omega)
        return sp.Sum(
            line_strength(n, y) * sp.DiracDelta(sp.sympify(T) - n * self.omega), (n, 0, sp.oo)
        )

    def resolvent(self, T: object, P2: object, *, dps: int = 30) -> mpmath.mpc:
        """Σ_n p_n(y)/(T − nω) at complex T (Im T ≠ 0), y = P²/2mω."""
        y = sp.sympify(P2) / (2 * self.m * self.omega)
        return resolvent_lines(T, sp.N(y, dps + 10), omega=sp.N(self.omega, dps + 10), dps=dps)

    def y(self, P2: object, *, dps: int = 30) -> mpmath.mpf | mpmath.mpc:
        """y = P²/2mω as an mpmath number at ``dps`` + 10 digits (P² real or complex).

        >>> Oscillator().y("2.6")
        mpf('1.3')
        """
        with precision(dps + _GUARD):
            scale = _mp(2 * self.m * self.omega)
            return _mp(P2) / scale

    def resolvent_routes(self) -> dict[str, Callable[[object, object, int], mpmath.mpc]]:
        """Routes to R(T, P²) = Σ_n p_n(y)/(T − nω) for T off the lines (real or complex) and
        any complex P², keyed by family: "closed form", Kummer's M(1; 1 − T/ω; −y)/T
        (:func:`resolvent_kummer`); "series", the direct line sum (:func:`resolvent_line_sum`).

        >>> [complex(r("2.5", -1, 20)) for r in Oscillator().resolvent_routes().values()]
        [(0.58809148461...+0j), (0.58809148461...+0j)]
        """
        omega = self.omega

        def kummer(T: object, P2: object, dps: int) -> mpmath.mpc:
            return resolvent_kummer(T, self.y(P2, dps=dps), omega=_mp_at(omega, dps), dps=dps)

        def lines(T: object, P2: object, dps: int) -> mpmath.mpc:
            return resolvent_line_sum(T, self.y(P2, dps=dps), omega=_mp_at(omega, dps), dps=dps)

        return {"closed form": kummer, "series": lines}

    def resolvent_operator(
        self,
        z: object,
        P2: object,
        *,
        dps: int = 30,
        q2_coeff: object = "0.5",
        pq_coeff: object = 1,
    ) -> mpmath.mpc:
        """⟨0|ρ†(z − H + E₀)⁻¹ρ|0⟩ from the Hamiltonian: the Jacobi continued fraction of
        z − Q²/2m − p·q/m − h (:func:`resolvent_continued_fraction`; Im z ≠ 0, P² ≥ 0). Other
        ``q2_coeff``, ``pq_coeff`` than 1/2, 1 are wrong operators (negative controls).

        >>> r = Oscillator().resolvent_operator("0.7-0.4j", "2.6", dps=20)
        >>> bool(abs(r - resolvent_lines("0.7-0.4j", "1.3", dps=20)) < 1e-18)
        True
        """
        return resolvent_continued_fraction(
            z,
            self.y(P2, dps=dps),
            omega=_mp_at(self.omega, dps),
            q2_coeff=q2_coeff,
            pq_coeff=pq_coeff,
            dps=dps,
        )

    def spectral_sum(
        self, kernel: Callable[[mpmath.mpf], mpmath.mpc], P2: object, *, dps: int = 30
    ) -> mpmath.mpc:
        """Σ_n |⟨n|ρ(q)|0⟩|² kernel(E_n − E₀) = Σ_n p_n(y) kernel(nω) over the lines, P² ≥ 0,
        for a kernel bounded on them (as 1/(z − ΔE) at Im z ≠ 0), called at ``dps`` + 10 digits.

        >>> r = Oscillator().spectral_sum(lambda e: 1 / (mpmath.mpc("0.7", "-0.4") - e), "2.6")
        >>> bool(abs(r - resolvent_lines("0.7-0.4j", "1.3")) < 1e-28)
        True
        """
        validate_dps(dps)
        with precision(dps + _GUARD):
            y, w = self.y(P2, dps=dps), _mp_at(self.omega, dps)
            if not isinstance(y, mpmath.mpf) or y < 0:
                raise ValueError(f"P2 must be real and >= 0, got {P2!r}")
            total = mpmath.mpc(0)
            weight = mpmath.exp(-y)
            tol = mpmath.mpf(10) ** (-dps - _GUARD)
            n = 0
            while True:
                term = weight * kernel(n * w)
                total += term
                if n > y and abs(term) <= tol * abs(total):
                    break
                n += 1
                weight = weight * y / n
        with precision(dps):
            return +total

    def spectral_weight(self, T: object, Q2: object, *, dps: int = 30) -> sp.Expr:
        """The weight of S(·, Q²) at T: the line strength p_n(y) when T = nω, 0 between the
        lines (exact; ``dps`` is not used).

        >>> Oscillator().spectral_weight(2, 2), Oscillator().spectral_weight(sp.Rational(5, 2), 2)
        (exp(-1)/2, 0)
        """
        n = sp.sympify(T) / self.omega
        if n.is_integer is not True or n.is_nonnegative is not True:
            return sp.Integer(0)
        return line_strength(int(n), sp.sympify(Q2) / (2 * self.m * self.omega))

    def sum_rule_ratios(self, T: object, *, dps: int = 30) -> tuple[sp.Expr, sp.Expr]:
        """The cell averages of (r_nmm, r_ew) at the line nearest to T, by the factorial
        formula ∫ p_n y^j dy = Γ(n + j + 1)/n!."""
        n = self.line(T)
        per_line = [line_weighted_integral(n, j, m=self.m, omega=self.omega) for j in (-1, 0)]
        return sp.simplify(n * per_line[0]), sp.simplify(per_line[1] / (2 * self.m * self.omega))

    def ratio_routes(self) -> dict[str, Callable[[object, int], tuple[sp.Expr, sp.Expr]]]:
        """ "closed form": the factorial formula; "symbolic": sympy integrates e^{−y}yⁿ/n!."""
        return {
            "closed form": lambda T, dps: self.sum_rule_ratios(T, dps=dps),
            "symbolic": self._integrated_ratios,
        }

    def _integrated_ratios(self, T: object, dps: int) -> tuple[sp.Expr, sp.Expr]:
        n = self.line(T)
        p = line_strength(n, Y)
        r_nmm = n * sp.integrate(p / Y, (Y, 0, sp.oo))
        r_ew = sp.integrate(p, (Y, 0, sp.oo))
        return sp.simplify(r_nmm), sp.simplify(r_ew)
