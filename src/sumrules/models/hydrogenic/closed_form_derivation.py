"""The sympy derivation of S_nl(T, q) for hydrogen-like (n, l), and two independent checks.

Route (atomic units, λ = Z/n, k = √(2T − λ²), ν = Z/k):

1. Final state: the incoming Coulomb wave of the attractive potential −Z/r,
   ψ_k^(−)* = (2π)^{−3/2} e^{πν/2} Γ(1 − iν) e^{−ik·r} ₁F₁(iν; 1; i(kr + k·r)),
   normalised to δ³(k − k′); |e^{πν/2} Γ(1 − iν)|² = 2πν/(1 − e^{−2πν}) (Sommerfeld).
2. Nordsieck: expanding ₁F₁ and writing r → −∂_λ, k·r → −i k·∇_p on
   ∫ d³r e^{ip·r − λr}/r = 4π/(λ² + p²) gives, with p = q − k,
   J(λ, q) = ∫ d³r e^{ip·r − λr}/r ₁F₁(iν; 1; i(kr + k·r)) = 4π D^{iν−1} N^{−iν},
   D = λ² + (q − k)² (real, > 0), N = q² − (k + iλ)² (Im N < 0: principal branch).
3. Bound state ψ_nlm = Σ c r^a x^b y^c z^d e^{−λr} (real Cartesian harmonics; the m-sum is
   basis-independent); each monomial is (−∂_λ)^{a+1} (−i∂_{q_x})^b (−i∂_{q_y})^c (−i∂_{q_z})^d J.
   Every derivative keeps the form J·G with G a polynomial in 1/D, 1/N.
4. |J|² = 16π² D⁻² e^{−2νφ}, φ = −arg N = atan2(2λk, q² − k² + λ²) ∈ (0, π), independent of
   the direction of k; Σ_m |G_m|² depends on it only through D = λ² + q² + k² − 2qk cos θ.
5. S = (1/(2l+1)) ∫ d³k δ(T − I − k²/2) Σ_m |M_m|² = k/(2l+1) ∫ dΩ_k Σ_m |M_m|²; the angular
   integral is ∫_{−1}^{1} d cos θ = ∫_{D₋}^{D₊} dD/(2qk), D± = λ² + (q ± k)², of a Laurent
   polynomial in D without a 1/D term (no logarithm); D₋ D₊ = |N|².

Independent checks: the plane-wave limit ν = 0 against the momentum density from the
Fourier–Bessel transform of R_nl (checks steps 2–3 and the normalisation), and the dipole
limit against the radial dipole integral of the Coulomb function F_L (its ₂F₁ reduced by
Pfaff's transformation), which does not use the Nordsieck integral.

>>> d = derive_closed_form(1, 0)
>>> d.log_free, sp.factor(d.reduced)
(True, 256*u**2*(kappa**2 + 3*u**2 + 1)/(3*(kappa**2 - 2*kappa*u + u**2 + 1)**3*(kappa**2 + 2*kappa*u + u**2 + 1)**3))
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import mpmath
import sympy as sp
from sympy.physics.hydrogen import R_nl
from sympy.physics.wigner import wigner_3j

from sumrules.core.derivation import Derivation, Step
from sumrules.models.hydrogenic.closed_forms import closed_form, validate_state
from sumrules.models.hydrogenic.nordsieck_ring import (
    ComplexPoly,
    real_harmonics,
    ring_derivation,
    ring_matrix_element_factors,
)

__all__ = [
    "ClosedFormDerivation",
    "born_check",
    "cartesian_harmonics",
    "compton_profile",
    "derivation",
    "derive_closed_form",
    "dipole_radial_closed_form",
    "matrix_element_factors",
    "momentum_density",
    "nordsieck_operator",
    "radial_polynomial",
]

LAM, K, NU, Q = sp.symbols("lambda k nu q", positive=True)
Q1, Q2, Q3 = sp.symbols("q_x q_y q_z", real=True)
D = sp.Symbol("D", positive=True)
N, NBAR = sp.symbols("N Nbar")
R, XC, YC, ZC = sp.symbols("r x y z", real=True)
U, KAPPA, P = sp.symbols("u kappa p", positive=True)
COS = sp.Symbol("c", real=True)
_RX, _RY, _RZ = sp.symbols("x y z", real=True)

_S_EXP, _T_EXP = sp.I * NU - 1, -sp.I * NU  # J = 4π D^{iν−1} N^{−iν}
_GRAD_D = {LAM: 2 * LAM, Q1: 2 * Q1, Q2: 2 * Q2, Q3: 2 * (Q3 - K)}
_GRAD_N = {LAM: 2 * LAM - 2 * sp.I * K, Q1: 2 * Q1, Q2: 2 * Q2, Q3: 2 * Q3}


def _derivative(G: sp.Expr, v: sp.Symbol) -> sp.Expr:
    """∂_v (G J)/J for J = 4π D^{iν−1} N^{−iν} (chain rule through D and N)."""
    total = sp.diff(G, v) + sp.diff(G, D) * _GRAD_D[v] + sp.diff(G, N) * _GRAD_N[v]
    return sp.expand(total + G * (_S_EXP * _GRAD_D[v] / D + _T_EXP * _GRAD_N[v] / N))


@functools.cache
def nordsieck_operator(a: int, b: int, c: int, d: int) -> sp.Expr:
    """G with ∫ d³r e^{ip·r} ₁F₁(…) r^a x^b y^c z^d e^{−λr} = J G (λ, q symbolic).

    >>> nordsieck_operator(0, 0, 0, 0)  # −∂_λ J / J
    2*k*nu/N + 2*I*lambda*nu/N - 2*I*lambda*nu/D + 2*lambda/D
    """
    G: sp.Expr = sp.Integer(1)
    for _ in range(a + 1):
        G = -_derivative(G, LAM)
    for v, m in ((Q1, b), (Q2, c), (Q3, d)):
        for _ in range(m):
            G = -sp.I * _derivative(G, v)
    return G


def cartesian_harmonics(l: int) -> list[sp.Expr]:
    """Real solid harmonics r^l Y (orthonormal on the sphere after division by r^l), l ≤ 3.

    >>> cartesian_harmonics(1)[2]
    sqrt(3)*z/(2*sqrt(pi))
    """
    return [c * h.subs({_RX: XC, _RY: YC, _RZ: ZC}) for c, h in real_harmonics(l)]


def radial_polynomial(n: int, l: int) -> sp.Expr:
    """R_nl(r) e^{λr}/r^l (a polynomial in r; Z = nλ).

    >>> radial_polynomial(2, 0)
    -2*lambda**(3/2)*(lambda*r - 1)
    """
    z = sp.Symbol("Z", positive=True)
    poly = sp.simplify(R_nl(n, l, R, z) * sp.exp(z * R / n) / R**l)
    return sp.factor(poly.subs(z, n * LAM))


def matrix_element_factors(n: int, l: int) -> list[sp.Expr]:
    """G_m with M_m = (2π)^{−3/2} e^{πν/2} Γ(1 − iν) J G_m, one per real harmonic.

    The operator rule of :func:`nordsieck_operator`, applied in FLINT polynomial arithmetic
    (:func:`sumrules.models.hydrogenic.nordsieck_ring.ring_matrix_element_factors`), as sympy
    expressions in λ, k, ν, q_x, q_y, q_z, D, N (1/D and 1/N appear as D⁻¹, N⁻¹).

    >>> g = matrix_element_factors(1, 0)[0]  # R_10 Y_00 = λ^{3/2} e^{−λr}/√π
    >>> sp.expand(g - LAM ** sp.Rational(3, 2) / sp.sqrt(sp.pi) * nordsieck_operator(0, 0, 0, 0))
    0
    """
    symbols = (LAM, K, NU, Q1, Q2, Q3, 1 / D, 1 / N)
    out = []
    for weight, G in ring_matrix_element_factors(n, l):
        const = sp.sqrt(weight / sp.pi) * LAM ** (sp.Rational(3, 2) + l)
        out.append(sp.expand(const * _complex_expr(G, symbols)))
    return out


def _complex_expr(G: ComplexPoly, symbols: tuple[sp.Expr, ...]) -> sp.Expr:
    def part(p: Any) -> sp.Expr:
        return sp.Add(
            *(
                sp.Rational(int(c.p), int(c.q))
                * sp.Mul(*(s**e for s, e in zip(symbols, mono, strict=True)))
                for mono, c in p.to_dict().items()
            )
        )

    return part(G.re) + sp.I * part(G.im)


def _conjugate(G: sp.Expr) -> sp.Expr:
    return sp.conjugate(G).subs(sp.conjugate(N), NBAR)


@dataclass(frozen=True)
class ClosedFormDerivation:
    """The derived rational factor F of S = F e^{−2νφ}/(1 − e^{−2πν}) for (n, l).

    ``general``: F(λ, k, q); ``reduced``: λ² F at λ = 1 in u = q/λ, κ = k/λ;
    ``odd_free``: no odd power of q_x survived the m-sum; ``log_free``: no D⁻¹ term;
    ``powers``: the powers of D in the angular integrand; ``seconds``: the time it took.
    """

    n: int
    l: int
    general: sp.Expr
    reduced: sp.Expr
    odd_free: bool
    log_free: bool
    powers: tuple[int, ...]
    seconds: float


@functools.cache
def derive_closed_form(n: int, l: int) -> ClosedFormDerivation:
    """Derive the rational factor of S_nl (cached; under a second for n ≤ 3, seconds for n = 4).

    Steps 2–5 of the module docstring in FLINT polynomial arithmetic
    (:func:`sumrules.models.hydrogenic.nordsieck_ring.ring_derivation`; sympy expression trees
    took minutes for n = 3 and were out of reach for n = 4).
    """
    r = ring_derivation(n, l)
    return ClosedFormDerivation(
        n, l, r.general, r.reduced, r.odd_free, r.log_free, r.powers, r.seconds
    )


# --------------------------------------------------------------------------------------------
# independent routes: the plane-wave (Born) limit and the dipole radial integral


def _spherical_bessel(l: int, x: sp.Expr) -> sp.Expr:
    return sp.expand_func(sp.jn(l, x))


def _laplace(expr: sp.Expr) -> sp.Expr:
    """∫_0^∞ expr dr for expr = Σ c r^m e^{−r}·{sin, cos}(pr) (m ≥ 0), term by term with
    ∫_0^∞ r^m e^{−ρr} dr = m!/ρ^{m+1} (Re ρ > 0)."""
    expr = sp.expand(sp.powsimp(sp.expand(expr.rewrite(sp.exp))))
    total = sp.Integer(0)
    for term in sp.Add.make_args(expr):
        coeff, rest = term.as_independent(R)
        exps = [f for f in sp.Mul.make_args(rest) if isinstance(f, sp.exp)]
        rate = -sp.expand(sum((f.args[0] for f in exps), sp.Integer(0)) / R)
        power = sp.degree(sp.Mul(*[f for f in sp.Mul.make_args(rest) if f not in exps]), R)
        if power < 0 or rate.has(R):
            raise ValueError(f"unexpected term {term}")
        # m!/ρ^{m+1} = m! ρ̄^{m+1}/|ρ|^{2m+2}: a real denominator, so I cancels on expansion
        modulus = sp.expand(rate * sp.conjugate(rate))
        total += (
            coeff * sp.factorial(power) * sp.conjugate(rate) ** (power + 1) / modulus ** (power + 1)
        )
    num, den = sp.fraction(sp.together(total))
    return sp.cancel(sp.expand(num) / sp.expand(den))


@functools.cache
def momentum_density(n: int, l: int) -> sp.Expr:
    """m-averaged momentum density n(p) at λ = 1 (Z = n), from ∫ j_l(pr) R_nl r² dr.

    n(p) = g(p)²/(2π²), g = ∫_0^∞ j_l(pr) R_nl(r) r² dr (Fourier–Bessel transform).

    >>> momentum_density(1, 0)
    8/(pi**2*(p**2 + 1)**4)
    """
    radial = sp.expand(radial_polynomial(n, l).subs(LAM, 1) * R**l * sp.exp(-R))
    g = _laplace(sp.expand(_spherical_bessel(l, P * R) * radial * R**2))
    return sp.factor(g**2 / (2 * sp.pi**2))


def compton_profile(n: int, l: int) -> sp.Expr:
    """J(p_z) = 2π ∫_{p_z}^∞ n(p) p dp at λ = 1 (p_z = P ≥ 0): the large-k limit of k S.

    n(p) p dp = (1/2) n(√s) ds is a sum of c_j (s + 1)^{−j} (partial fractions in s = p²,
    j ≥ 2), each integrated in closed form.

    >>> compton_profile(1, 0)
    8/(3*pi*(p**2 + 1)**3)
    """
    s = sp.Symbol("s", positive=True)
    density = sp.cancel(momentum_density(n, l).subs(P, sp.sqrt(s)))
    total = sp.Integer(0)
    for term in sp.Add.make_args(sp.apart(density, s)):
        coeff, rest = term.as_independent(s)
        j = -sp.Poly(1 / rest, s).degree() if rest != 1 else 0
        if sp.cancel(rest * (s + 1) ** (-j)) != 1 or j > -2:
            raise ValueError(f"unexpected partial fraction {term}")
        total += coeff * (P**2 + 1) ** (j + 1) / (-(j + 1))
    return sp.factor(sp.pi * total)


def born_check(n: int, l: int, reference: tuple[int, int] | None = None) -> bool:
    """At ν = 0: Σ_m |M_m|² = (2π)⁻³ 16π² D⁻² Σ_m |G_m|² equals (2l + 1) n(|q − k|) (λ = 1).

    ``reference`` (default (n, l)) names the state whose momentum density is compared: another
    state is a negative control.

    >>> born_check(1, 0), born_check(2, 0, reference=(2, 1))
    (True, False)
    """
    ref = (n, l) if reference is None else reference
    total = sp.Integer(0)
    for G in matrix_element_factors(n, l):
        g0 = G.subs({NU: 0, LAM: 1})
        total += sp.expand(g0 * _conjugate(g0))
    s = sp.Symbol("s", positive=True)  # p² = D − 1
    lhs = 16 * sp.pi**2 / (2 * sp.pi) ** 3 * total / D**2
    rhs = (2 * l + 1) * sp.cancel(momentum_density(*ref).subs(P, sp.sqrt(s))).subs(s, D - 1)
    diff = (lhs - rhs).subs({Q2: 0, Q1: sp.sqrt(D - 1 - (Q3 - K) ** 2)})
    num, _ = sp.fraction(sp.together(sp.expand(diff)))
    return bool(sp.expand(num) == 0)


def _coulomb_norm_sq(L: int, nu: Any) -> Any:
    """C_L(η)² (1 − e^{−2πν})/(2πν) for η = −ν: 2^{2L} Π_{s≤L}(s² + ν²)/((2L+1)!)²."""
    prod = 1
    for s in range(1, L + 1):
        prod = prod * (s * s + nu * nu)
    return prod * 2 ** (2 * L) / sp.factorial(2 * L + 1) ** 2


def _dipole_amplitude(n: int, l: int, L: int, sign: int) -> Any:
    """Σ_j a_j Γ(s_j)(1 + iκ)^{−s_j} × Pfaff polynomial, an element of ℚ(i)(κ) (λ = 1).

    The radial integral ∫ r^{L+1} e^{−iκr} M(a, 2L+2, 2iκr) r³ R dr without the factor
    (1 − z)^{−a} (z = 2iκ/(1 + iκ), a = L + 1 + iν); ``sign`` = −1 gives the complex conjugate.
    """
    field, kap = sp.field("kappa", sp.QQ_I)
    i = field(sp.QQ_I(0, sign))
    radial = sp.Poly(sp.expand(radial_polynomial(n, l).subs(LAM, 1) * R**l), R)
    lead = radial.LC()  # may carry a square root: |lead|² is put back by the caller
    a, b = L + 1 + i * n / kap, 2 * L + 2
    w = 2 * i * kap / (i * kap - 1)  # z/(z − 1)
    total = field(0)
    for (j,), coef in radial.terms():
        s = L + 4 + int(j)
        m = s - b  # ₂F₁(a, b + m; b; z) = (1 − z)^{−a} ₂F₁(a, −m; b; z/(z − 1))  (Pfaff)
        poly, term = field(0), field(1)
        for k in range(m + 1):
            poly += term
            term = term * (a + k) * (k - m) / ((b + k) * (k + 1)) * w
        rel = sp.Rational(sp.nsimplify(coef / lead))
        total += int(sp.factorial(s - 1)) * int(rel.p) * poly / (int(rel.q) * (1 + i * kap) ** s)
    return total


@functools.cache
def dipole_radial_closed_form(n: int, l: int) -> sp.Expr:
    """λ⁴ D(T) (1 − e^{−2πν}) e^{4ν atan κ} from the radial dipole integrals (λ = 1, ν = n/κ).

    D = (1/3) Σ_{L = l ± 1} (2L + 1)(l 1 L; 0 0 0)² |∫ R_{EL} r R_nl r² dr|², with
    R_EL = √(2/(πk)) F_L(−ν, kr)/r, F_L = C_L ρ^{L+1} e^{−iρ} M(L + 1 + iν, 2L + 2, 2iρ), and
    ∫ r^{s−1} e^{−(1+iκ)r} M(a, b, 2iκr) dr = Γ(s)(1 + iκ)^{−s} ₂F₁(a, s; b; 2iκ/(1 + iκ)).
    |(1 − z)^{−a}|² = e^{−4ν atan κ} is taken out (arg(1 − z) = −2 atan κ ∈ (−π, 0)).
    The coefficients of R_nl are a rational multiple of one (possibly irrational) constant
    whose square is rational (true for n ≤ 4).

    >>> sp.factor(dipole_radial_closed_form(1, 0))
    256/(3*(kappa**2 + 1)**5)
    """
    field, kap = sp.field("kappa", sp.QQ_I)
    nu = n / kap
    total = field(0)
    for L in (l - 1, l + 1):
        if L < 0:
            continue
        amp2 = _dipole_amplitude(n, l, L, 1) * _dipole_amplitude(n, l, L, -1)
        w3 = sp.Rational(wigner_3j(l, 1, L, 0, 0, 0) ** 2) * sp.Rational(
            sp.expand(sp.Poly(radial_polynomial(n, l).subs(LAM, 1), R).LC() ** 2)
        )
        # 2/(πκ) · 2πν · C_L²(1 − e^{−2πν})/(2πν) · κ^{2L+2}: π cancels
        norm = 4 * nu / kap * _coulomb_norm_sq(L, nu) * kap ** (2 * L + 2)
        total += amp2 * norm * (2 * L + 1) * int(w3.p) / (3 * int(w3.q))
    return sp.factor(total.as_expr().subs(sp.Symbol("kappa"), KAPPA))


# --------------------------------------------------------------------------------------------
# the Derivation for the proof book


def _sommerfeld_ok() -> bool:
    with mpmath.workdps(40):
        for nu in ("0.3", "1", "4.5"):
            v = mpmath.mpf(nu)
            lhs = abs(mpmath.exp(mpmath.pi * v / 2) * mpmath.gamma(1 - 1j * v)) ** 2
            rhs = 2 * mpmath.pi * v / -mpmath.expm1(-2 * mpmath.pi * v)
            if abs(lhs / rhs - 1) > mpmath.mpf(10) ** -35:
                return False
    return True


def _phase_ok() -> bool:
    """|N^{−iν}|² = e^{−2νφ} with φ = atan2(2λk, q² − k² + λ²), also where q² < k² − λ²."""
    with mpmath.workdps(40):
        for lam, k, q, nu in (
            ("0.5", "3", "1", "0.7"),
            ("1", "0.2", "2", "5"),
            ("0.5", "2", "2.5", "1"),
        ):
            lam_, k_, q_, nu_ = map(mpmath.mpf, (lam, k, q, nu))
            n_ = q_**2 - (k_ + 1j * lam_) ** 2
            lhs = abs(mpmath.exp(-1j * nu_ * mpmath.log(n_))) ** 2
            rhs = mpmath.exp(-2 * nu_ * mpmath.atan2(2 * lam_ * k_, q_**2 - k_**2 + lam_**2))
            if abs(lhs / rhs - 1) > mpmath.mpf(10) ** -35:
                return False
    return True


def _nordsieck_steps() -> list[Step]:
    s, a, w = sp.symbols("s a w")
    px, py, pz = sp.symbols("p_x p_y p_z", real=True)
    shifted = (LAM - K * s) ** 2 + (px) ** 2 + (py) ** 2 + (pz - sp.I * K * s) ** 2
    linear = LAM**2 + px**2 + py**2 + pz**2 - 2 * s * (LAM * K + sp.I * pz * K)
    q_vec = {px: Q1, py: Q2, pz: Q3 - K}
    lhs_arg = (LAM**2 + px**2 + py**2 + pz**2 + 2 * pz * K - 2 * sp.I * LAM * K).subs(q_vec)
    return [
        Step.checked(
            sp.gamma(1 - sp.I * NU) * sp.gamma(1 + sp.I * NU) * sp.exp(sp.pi * NU),
            2 * sp.pi * NU / (1 - sp.exp(-2 * sp.pi * NU)),
            "Sommerfeld factor of ψ_k^(−), normalised to δ³(k − k′), attractive −Z/r: ν = Z/k > 0",
            method="mpmath at ν = 0.3, 1, 4.5 to 35 digits",
            predicate=_sommerfeld_ok,
        ),
        Step.checked(
            shifted,
            linear,
            "Nordsieck: r → −∂_λ, k·r → −ik·∇_p (k ∥ z) shift (λ, p) by s(−k, −ik); "
            "λ² + p² is then linear in s, so each term of the ₁F₁ series is a power",
        ),
        Step.checked(
            sp.hyperexpand(sp.hyper([a], [], w)),
            (1 - w) ** (-a),
            "the series Σ (a)_n wⁿ/n! sums to (1 − w)^{−a}: J = 4π D^{iν−1} N^{−iν}",
        ),
        Step.checked(
            lhs_arg,
            Q1**2 + Q2**2 + Q3**2 - (K + sp.I * LAM) ** 2,
            "with p = q − k the numerator is N = q² − (k + iλ)², the same for all directions of k",
        ),
        Step.checked(
            r"\left|N^{-i\nu}\right|^2",
            r"e^{-2\nu\varphi},\ \varphi=\operatorname{atan2}(2\lambda k,\ q^2-k^2+\lambda^2)\in(0,\pi)",
            "Im N = −2λk < 0, so the principal log of N never crosses its cut; arg N = −φ "
            "(the principal atan would be off by π where q² < k² − λ²)",
            method="mpmath at three points, one with q² < k² − λ², to 35 digits",
            predicate=_phase_ok,
        ),
    ]


def _bound_state_steps(n: int, l: int) -> list[Step]:
    radial = radial_polynomial(n, l) * R**l * sp.exp(-LAM * R)
    norm = sp.simplify(sp.integrate(radial**2 * R**2, (R, 0, sp.oo)))
    harmonics = cartesian_harmonics(l)
    angular = sp.expand(sum((h**2 for h in harmonics), sp.Integer(0)))
    r2 = (XC**2 + YC**2 + ZC**2) ** l
    return [
        Step.checked(
            sp.Integral(sp.Symbol(f"R_{{{n}{l}}}") ** 2 * R**2, (R, 0, sp.oo)),
            1,
            f"sympy's R_{n}{l} = r^{l} × polynomial × e^{{−λr}}, λ = Z/{n}: normalised",
            method="sympy: integrate",
            predicate=lambda: sp.simplify(norm - 1) == 0,
        ),
        Step.checked(
            angular,
            sp.expand(sp.Rational(2 * l + 1) / (4 * sp.pi) * r2),
            "the real Cartesian harmonics span the subshell: Σ_m |Y_m|² = (2l + 1)/4π "
            "(addition theorem), so Σ_m is the same in this basis",
        ),
        Step.checked(
            r"\sum_m |M_m|^2\big|_{\nu=0}",
            r"(2l+1)\,n_{nl}(|\mathbf q-\mathbf k|)",
            "operator rule r^a x^b y^c z^d e^{−λr} → (−∂_λ)^{a+1}(−i∂_q)^b… J: at ν = 0 (plane "
            "wave) it must give the momentum density n(p) = g²/2π², g = ∫ j_l(pr) R r² dr",
            method="sympy: cancel(lhs − rhs) == 0 (λ = 1), n(p) by Laplace transforms",
            predicate=lambda: born_check(n, l),
        ),
    ]


def _angular_steps(d: ClosedFormDerivation) -> list[Step]:
    lo, hi = LAM**2 + (Q - K) ** 2, LAM**2 + (Q + K) ** 2
    return [
        Step.checked(
            r"\sum_m |G_m|^2",
            r"f(q, k, \cos\theta)",
            "after the m-sum only even powers of q sin θ remain (rotational invariance)",
            method="sympy: no odd power of q_x",
            predicate=lambda: d.odd_free,
        ),
        Step.checked(
            r"D^{-2}\sum_m |G_m|^2",
            r"\sum_{j} c_j D^{j},\ j \in \{" + ", ".join(map(str, d.powers)) + r"\}",
            "with cos θ = (λ² + q² + k² − D)/(2qk) a Laurent polynomial in D with no 1/D term, "
            "so ∫_{−1}^{1} d cos θ = ∫ dD/(2qk) has no logarithm",
            method="sympy: the power −1 is absent",
            predicate=lambda: d.log_free,
        ),
        Step.checked(
            sp.expand(lo * hi),
            sp.expand((Q**2 - (K + sp.I * LAM) ** 2) * (Q**2 - (K - sp.I * LAM) ** 2)),
            "the end points D± = λ² + (q ± k)² multiply to |N|²",
        ),
    ]


def _result_steps(d: ClosedFormDerivation) -> list[Step]:
    form = closed_form(d.n, d.l)
    table = form.reduced_expression(U, KAPPA)
    kap2 = sp.Symbol("kappa", positive=True)
    u0 = sp.limit(d.reduced / U**2, U, 0)
    steps = [
        Step.checked(
            sp.Symbol(r"\lambda^2 S_{" + form.label + r"}\,(1-e^{-2\pi\nu})\,e^{2\nu\varphi}"),
            table,
            f"the m-averaged result in u = q/λ, κ = k/λ (stored as CLOSED_FORMS[{d.n, d.l}])",
            method="sympy: cancel(derived − stored) == 0",
            predicate=lambda: sp.cancel(d.reduced - table) == 0,
        ),
        Step.checked(
            LAM**2 * d.general,
            table.subs({U: Q / LAM, KAPPA: K / LAM}),
            "the derivation with λ kept: homogeneous of degree −2, so S_Z(T, q) = Z⁻² S_1(T/Z², q/Z)",
            method="sympy: cancel(lhs − rhs) == 0",
            predicate=lambda: (
                sp.cancel(LAM**2 * d.general - table.subs({U: Q / LAM, KAPPA: K / LAM})) == 0
            ),
        ),
        Step.checked(
            sp.Limit(sp.Symbol("F") / U**2, U, 0),
            dipole_radial_closed_form(d.n, d.l).subs(KAPPA, kap2),
            "dipole limit λ⁴ S/q² (without e^{−4ν atan κ}/(1 − e^{−2πν})) equals the independent "
            "radial dipole integral of F_{l±1} (Pfaff's transformation of ₂F₁)",
            method="sympy: cancel(lhs − rhs) == 0",
            predicate=lambda: sp.cancel(u0 - dipole_radial_closed_form(d.n, d.l)) == 0,
        ),
    ]
    if (d.n, d.l) == (1, 0):
        bethe = (
            256
            * U**2
            * (U**2 + (1 + KAPPA**2) / 3)
            / (((U + KAPPA) ** 2 + 1) ** 3 * ((U - KAPPA) ** 2 + 1) ** 3)
        )
        steps.append(Step.checked(d.reduced, bethe, "1s: Bethe's closed form of ground.py (Z = 1)"))
    return steps


@functools.cache
def derivation(n: int, l: int) -> Derivation:
    """The derivation of S_nl with every step checked (cached).

    >>> d = derivation(1, 0)
    >>> d.ok, len(d.steps)
    (True, 17)
    """
    n, l = validate_state(n, l)
    d = derive_closed_form(n, l)
    steps = [
        Step.definition(
            r"\psi_{\mathbf k}^{(-)*}",
            r"(2\pi)^{-3/2}e^{\pi\nu/2}\Gamma(1-i\nu)e^{-i\mathbf k\cdot\mathbf r}"
            r"\,{}_1F_1(i\nu;1;i(kr+\mathbf k\cdot\mathbf r))",
            "incoming Coulomb wave of −Z/r (Landau–Lifshitz §136), ν = Z/k",
        ),
        *_nordsieck_steps(),
        *_bound_state_steps(n, l),
        Step.definition(
            r"S_{nl}(T,q)",
            r"\frac{k}{2l+1}\int d\Omega_{\mathbf k}\sum_m |M_m|^2,\ "
            r"M_m=(2\pi)^{-3/2}e^{\pi\nu/2}\Gamma(1-i\nu)\,J\,G_m",
            "δ(T − I − k²/2) d³k = k dΩ_k; average over the 2l + 1 substates",
        ),
        *_angular_steps(d),
        *_result_steps(d),
    ]
    return Derivation(
        f"Closed form of the m-averaged continuum structure function of hydrogen-like "
        f"{closed_form(n, l).label}",
        steps,
    )
