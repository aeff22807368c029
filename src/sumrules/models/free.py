"""Free electron at rest: S(T, Q²) = δ(T − Q²/2m) and R(T, Q²) = 1/(T − Q²/2m − i0).

The δ-function is integrated by an explicit change of variable, u = T − Q²/(2m),
never by sympy's ``DiracDelta`` (which gives 0 or 1/2 when the root sits at an
interval end): the root Q₀² = 2mT must lie strictly inside the interval, else
ValueError. A second, independent route smears the δ into a Lorentzian of width
ε, (1/π) ε/(u² + ε²) = (1/π) Im 1/(u − iε), and integrates numerically.

>>> import sympy
>>> T, m = sympy.symbols("T m", positive=True)
>>> sum_rule_ratios(T=T, m=m)
(1, 1)
>>> integrate_delta(1 / Q2, T=T, m=m)
1/T
>>> resolvent(T, 0, m=m)
1/T
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import sympy

from sumrules.core.numeric import precision, validate_dps, working_dps

__all__ = [
    "Q2",
    "Free",
    "dispersion_integral",
    "integrate_delta",
    "lorentzian_integral",
    "lorentzian_q2_integral",
    "resolvent",
    "structure_factor",
    "sum_rule_ratios",
]

#: The integration variable Q² (a positive symbol).
Q2 = sympy.Symbol("Q2", positive=True)


def _positive(x: object, name: str) -> sympy.Expr:
    """Sympify ``x`` and require it to be positive (a number > 0 or a positive symbol)."""
    try:
        v = sympy.sympify(x)
    except (sympy.SympifyError, TypeError):
        raise ValueError(f"{name} must be a positive number or symbol, got {x!r}") from None
    if not isinstance(v, sympy.Expr) or v.is_positive is not True:
        raise ValueError(f"{name} must be a positive number or symbol, got {x!r}")
    return v


def _less(a: sympy.Expr, b: sympy.Expr) -> bool:
    """True when a < b is provable (infinite ends handled), False otherwise."""
    if a == b:
        return False
    if a == -sympy.oo or b == sympy.oo:
        return True
    if a == sympy.oo or b == -sympy.oo:
        return False
    return sympy.simplify(b - a).is_positive is True


def structure_factor(T: object = 1, Q2_value: object = Q2, *, m: object = 1) -> sympy.Expr:
    """S(T, Q²) = δ(T − Q²/(2m)) as a sympy ``DiracDelta`` (for display only).

    >>> structure_factor(1, m=1)
    DiracDelta(1 - Q2/2)
    """
    return sympy.DiracDelta(sympy.sympify(T) - sympy.sympify(Q2_value) / (2 * sympy.sympify(m)))


def integrate_delta(
    weight: object,
    *,
    T: object = 1,
    m: object = 1,
    lower: object = 0,
    upper: object = sympy.oo,
) -> sympy.Expr:
    """∫_lower^upper w(Q²) δ(T − Q²/2m) dQ² by the substitution u = T − Q²/(2m).

    With Q² = 2m(T − u) and dQ² = −2m du the integral becomes
    2m ∫ w(2m(T − u)) δ(u) du over u ∈ (T − upper/2m, T − lower/2m), which is
    2m·w(2mT) when 0 is strictly inside that interval and 0 when it is outside.
    ``weight`` is a sympy expression in :data:`Q2` (or a callable of Q²).
    A root at an interval end is ambiguous and raises ValueError.

    >>> integrate_delta(1, T=3, m=2)
    4
    >>> integrate_delta(Q2, T=3, m=2, lower=20)
    0
    """
    T_, m_ = _positive(T, "T"), _positive(m, "m")
    lo, hi = sympy.sympify(lower), sympy.sympify(upper)
    root = 2 * m_ * T_
    if _less(root, lo) or _less(hi, root):
        return sympy.Integer(0)
    if not (_less(lo, root) and _less(root, hi)):
        raise ValueError(
            f"lower/upper: cannot decide that the root Q2 = 2 m T = {root} lies strictly inside "
            f"({lo}, {hi}); a root at an interval end is ambiguous"
        )
    w = weight(Q2) if callable(weight) else sympy.sympify(weight)
    # |dQ²/du| = 2m; the δ(u) picks the value at u = 0 (strictly interior, checked above),
    # i.e. at Q² = 2m(T − u) = root. (No symbol u is introduced: the weight may contain one.)
    return sympy.simplify(2 * m_ * sympy.sympify(w).subs(Q2, root))


def sum_rule_ratios(*, T: object = 1, m: object = 1) -> tuple[sympy.Expr, sympy.Expr]:
    """(T ∫ S dQ²/Q², (1/2m) ∫ S dQ²) over Q² ∈ (0, ∞) for the free electron, exactly.

    >>> sum_rule_ratios(T=sympy.Rational(1, 3), m=5)
    (1, 1)
    """
    T_, m_ = _positive(T, "T"), _positive(m, "m")
    r_nmm = sympy.simplify(T_ * integrate_delta(1 / Q2, T=T_, m=m_))
    r_ew = sympy.simplify(integrate_delta(1, T=T_, m=m_) / (2 * m_))
    return r_nmm, r_ew


def resolvent(T: object, P2: object, *, m: object = 1, eps: object = 0) -> sympy.Expr:
    """R(T, P²) = 1/(T − P²/(2m) − iε) (ε = 0 gives the real function off the pole).

    >>> resolvent(1, -2)
    1/2
    """
    m_ = _positive(m, "m")
    return 1 / (sympy.sympify(T) - sympy.sympify(P2) / (2 * m_) - sympy.I * sympy.sympify(eps))


def dispersion_integral(T: object, P2: object, *, m: object = 1) -> sympy.Expr:
    """(1/π) ∫_0^∞ Im R(T, Q²) dQ²/(Q² − P²) with (1/π) Im R = δ(T − Q²/2m), for P² < 0.

    Equals 2m/(2mT − P²) = R(T, P²): the unsubtracted dispersion relation holds
    exactly for the free electron.

    >>> dispersion_integral(1, -2)
    1/2
    """
    P2_ = sympy.sympify(P2)
    if P2_.is_negative is not True and P2_ != 0:
        raise ValueError(f"P2 must be a non-positive number or symbol, got {P2!r}")
    return integrate_delta(1 / (Q2 - P2_), T=T, m=m)


def lorentzian_q2_integral(
    density: sympy.Expr, q2: sympy.Symbol, *, T: sympy.Expr, m: sympy.Expr, eps: sympy.Symbol
) -> sympy.Expr:
    """∫_0^∞ density dQ² at finite ε, exactly, for a multiple c of the Lorentzian
    ε/((T − Q²/2m)² + ε²) = Im[1/(T − Q²/2m − iε)] (c free of Q²): the antiderivative
    2mc·atan((Q²/2m − T)/ε), checked by differentiation, gives 2mc(π/2 + atan(T/ε)).
    ValueError when ``density`` is not such a multiple.

    >>> T, m, x, e = sympy.symbols("T m x epsilon", positive=True)
    >>> lorentzian_q2_integral(e / ((T - x / (2 * m)) ** 2 + e**2), x, T=T, m=m, eps=e)
    2*m*(atan(T/epsilon) + pi/2)
    """
    lorentzian = eps / ((T - q2 / (2 * m)) ** 2 + eps**2)
    c = sympy.simplify(density / lorentzian)
    antiderivative = 2 * m * c * sympy.atan((q2 / (2 * m) - T) / eps)
    if c.has(q2) or sympy.simplify(sympy.diff(antiderivative, q2) - density) != 0:
        raise ValueError(f"density is not a multiple of the Lorentzian in {q2}: {density}")
    return 2 * m * c * (sympy.pi / 2 + sympy.atan(T / eps))


def _positive_mpf(x: object, name: str) -> mpmath.mpf:
    """``x`` as a finite positive mpf, or a ValueError naming ``name``."""
    try:
        v = mpmath.mpmathify(x) if not isinstance(x, bool) else None
    except (TypeError, ValueError):
        v = None
    if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v) or v <= 0:
        raise ValueError(f"{name} must be a finite positive number, got {x!r}")
    return v


def lorentzian_integral(
    weight: Callable[[mpmath.mpf], mpmath.mpf],
    *,
    T: object = 1,
    m: object = 1,
    eps: object = "1e-8",
    dps: int = 30,
) -> mpmath.mpf:
    """(1/π) ∫_0^∞ w(Q²) Im[1/(T − Q²/2m − iε)] dQ², a nascent-δ route (numeric).

    Tends to 2m·w(2mT) as ε → 0 (with a correction of order ε for smooth w).
    w must be integrable on [0, ∞) against the Lorentzian tails: for w = 1/Q² the
    integral diverges logarithmically at Q² = 0 (coefficient ε/(πT²)), and the
    quadrature would return a number that depends on its nodes.

    >>> v = lorentzian_integral(lambda x: 1 / (1 + x), T=1, m=1, eps="1e-12", dps=20)
    >>> abs(v - mpmath.mpf(2) / 3) < 1e-12
    True
    """
    validate_dps(dps)
    with precision(dps + 10):
        T_, m_, e_ = _positive_mpf(T, "T"), _positive_mpf(m, "m"), _positive_mpf(eps, "eps")
        # the peak of width 2mε sits at 2mT: telling x from 2mT takes log10(T/ε) digits more
        extra = max(0, int(mpmath.ceil(mpmath.log10(T_ / e_))))
    why = f"eps = {eps!r} is too small against T = {T!r}"
    with precision(working_dps(dps + 10 + extra, why)):
        T_, m_, e_ = mpmath.mpf(T), mpmath.mpf(m), mpmath.mpf(eps)
        root = 2 * m_ * T_
        width = 2 * m_ * e_

        def f(x: mpmath.mpf) -> mpmath.mpf:
            u = T_ - x / (2 * m_)
            return weight(x) * e_ / (u * u + e_ * e_) / mpmath.pi

        cuts = [root - 1000 * width, root - width, root, root + width, root + 1000 * width]
        pts = [mpmath.mpf(0), *[c for c in cuts if c > 0], mpmath.inf]
        value = mpmath.quad(f, pts)
    with precision(dps):
        return +value


class Free:
    """The free electron at rest as an :class:`~sumrules.models.base.Atom` (mass ``m``).

    Everything is exact (sympy): S = δ(T − Q²/2m), R = 1/(T − Q²/2m), r_nmm = r_ew = 1.

    >>> Free().sum_rule_ratios(sympy.Rational(3, 2))
    (1, 1)
    >>> Free().resolvent(1, -2)
    1/2
    """

    def __init__(self, m: object = 1) -> None:
        self.m = _positive(m, "m")

    def __repr__(self) -> str:
        return f"Free(m={self.m})"

    @property
    def name(self) -> str:
        return "free electron"

    @property
    def electrons(self) -> int:
        return 1

    @property
    def threshold(self) -> sympy.Expr:
        """0: a free electron takes any energy transfer."""
        return sympy.Integer(0)

    def structure_function(self, T: object, Q2: object, *, dps: int = 30) -> sympy.Expr:
        """δ(T − Q²/2m) (a sympy DiracDelta; exact, ``dps`` is not used)."""
        return structure_factor(T, Q2, m=self.m)

    def resolvent(self, T: object, P2: object, *, dps: int = 30) -> sympy.Expr:
        """1/(T − P²/2m), exact."""
        return resolvent(T, P2, m=self.m)

    def resolvent_routes(self) -> dict[str, Callable[[object, object, int], sympy.Expr]]:
        """Routes to R(T, P²), keyed by family (exact; T may be complex or symbolic, T − iε):
        "closed form", 1/(T − P²/2m); "symbolic", ⟨0|ρ†(T − H)⁻¹ρ|0⟩ with ρ(q)|0⟩ the plane
        wave e^{iqx}, on which sympy finds H = p²/2m acting as the number P²/2m.

        >>> T, eps = sympy.symbols("T epsilon", positive=True)
        >>> [route(T - sympy.I * eps, 4, 30) for route in Free().resolvent_routes().values()]
        [1/(T - I*epsilon - 2), 1/(T - I*epsilon - 2)]
        """
        return {
            "closed form": lambda T, P2, dps: self.resolvent(T, P2, dps=dps),
            "symbolic": self._translated_resolvent,
        }

    def _translated_resolvent(self, T: object, P2: object, dps: int) -> sympy.Expr:
        x = sympy.Symbol("x", real=True)
        wave = sympy.exp(sympy.I * sympy.sqrt(sympy.sympify(P2)) * x)
        energy = sympy.simplify(-sympy.diff(wave, x, 2) / (2 * self.m) / wave)
        return 1 / (sympy.sympify(T) - energy)

    def integrate_structure(self, weight: object, T: object) -> sympy.Expr:
        """∫_0^∞ w(Q²) S(T, Q²) dQ² with S = δ(T − Q²/2m), by the substitution u = T − Q²/2m
        (:func:`integrate_delta`); ``weight`` is a sympy expression in :data:`Q2`.

        >>> Free().integrate_structure(1 / Q2, 3)
        1/3
        """
        return integrate_delta(weight, T=T, m=self.m)

    def spectral_sum(self, kernel: Callable[[object], object], P2: object) -> object:
        """Σ_n |⟨n|ρ(q)|0⟩|² kernel(E_n − E₀): one final state, the plane wave |q⟩ of energy
        P²/2m, with |⟨q|ρ(q)|0⟩|² = 1.

        >>> Free().spectral_sum(lambda e: 1 / (3 - e), 2)
        1/2
        """
        return kernel(sympy.sympify(P2) / (2 * self.m))

    def sum_rule_ratios(self, T: object, *, dps: int = 30) -> tuple[sympy.Expr, sympy.Expr]:
        """(1, 1) by the δ substitution, exact."""
        return sum_rule_ratios(T=T, m=self.m)

    def ratio_routes(self) -> dict[str, Callable[[object, int], tuple[object, object]]]:
        """ "closed form": the δ substitution u = T − Q²/2m; "symbolic": sympy's own
        ``DiracDelta`` integrated over (0, ∞) (its root 2mT lies inside, where sympy is right).

        >>> [route(2, 30) for route in Free().ratio_routes().values()]
        [(1, 1), (1, 1)]
        """
        return {
            "closed form": lambda T, dps: self.sum_rule_ratios(T, dps=dps),
            "symbolic": self._dirac_delta_ratios,
        }

    def _dirac_delta_ratios(self, T: object, dps: int) -> tuple[sympy.Expr, sympy.Expr]:
        t = _positive(T, "T")
        delta = structure_factor(t, Q2, m=self.m)
        r_nmm = t * sympy.integrate(delta / Q2, (Q2, 0, sympy.oo))
        r_ew = sympy.integrate(delta, (Q2, 0, sympy.oo)) / (2 * self.m)
        return sympy.simplify(r_nmm), sympy.simplify(r_ew)
