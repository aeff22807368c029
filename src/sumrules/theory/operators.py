"""The operator identity behind Eq. (16): conjugation by a plane wave shifts the momentum.

For one electron in a central potential, H(p, r) = p²/2m + V(r) with p = -i∇,

    e^{-i q·r} H(p, r) e^{i q·r} = H(p + q, r) = H(p, r) + q²/2m + p·q/m,

so that R(T, Q²) = ⟨0| [T - Q²/2m - p·q/m - h]⁻¹ |0⟩ with h = H - E0.
Each step is checked by sympy on a generic test function f(x, y, z) and a
generic V(r); the opposite sign of the exponent (which gives H(p - q)) is the
negative control and must fail the same check.

>>> steps = conjugation_identity_steps()
>>> all(step.passed for step in steps)
True
>>> any(step.passed is False for step in conjugation_identity_control())
True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import sympy as sp

from sumrules.core.derivation import Step

__all__ = [
    "conjugated_hamiltonian_action",
    "conjugation_identity_control",
    "conjugation_identity_steps",
    "shift_coefficients",
    "shift_coefficients_bch",
    "shifted_hamiltonian_action",
]

_X = sp.symbols("x y z", real=True)
_Q = sp.symbols("q_x q_y q_z", real=True)
_M = sp.Symbol("m", positive=True)
_F = sp.Function("f")(*_X)
_V = sp.Function("V")
_R = sp.sqrt(sum(c**2 for c in _X))
_QR = sum(qi * xi for qi, xi in zip(_Q, _X, strict=True))
_Q2 = sum(qi**2 for qi in _Q)

_Op = Callable[[sp.Expr], sp.Expr]


def _p(i: int) -> _Op:
    """Momentum component p_i = -i ∂_i."""
    return lambda g: -sp.I * sp.diff(g, _X[i])


def _shifted_p(i: int, shift: sp.Expr) -> _Op:
    """p_i + shift (shift a c-number)."""
    return lambda g: -sp.I * sp.diff(g, _X[i]) + shift * g


def _hamiltonian(momenta: list[_Op]) -> _Op:
    """H = Σ_i p_i p_i / 2m + V(r) built from the given momentum operators."""

    def act(g: sp.Expr) -> sp.Expr:
        kinetic = sum(p(p(g)) for p in momenta)
        return kinetic / (2 * _M) + _V(_R) * g

    return act


@cache
def conjugated_hamiltonian_action(sign: int = 1) -> sp.Expr:
    """e^{-i s q·r} H(p, r) e^{i s q·r} f for s = ``sign`` (the paper's Eq. 16 has s = +1).

    >>> expr = conjugated_hamiltonian_action()
    >>> sp.simplify(expr - shifted_hamiltonian_action()) == 0
    True
    """
    if sign not in (1, -1):
        raise ValueError(f"sign must be +1 or -1, got {sign!r}")
    phase = sp.exp(sp.I * sign * _QR)
    h = _hamiltonian([_p(i) for i in range(3)])
    return sp.expand(h(phase * _F) / phase)


def shifted_hamiltonian_action() -> sp.Expr:
    """H(p + q, r) f, the right-hand side of the second line of Eq. (16)."""
    h = _hamiltonian([_shifted_p(i, _Q[i]) for i in range(3)])
    return sp.expand(h(_F))


def _expanded_shift_action() -> sp.Expr:
    """[H(p, r) + q²/2m + p·q/m] f, the third line of Eq. (16)."""
    h = _hamiltonian([_p(i) for i in range(3)])
    pq = sum(_Q[i] * _p(i)(_F) for i in range(3))
    return sp.expand(h(_F) + _Q2 / (2 * _M) * _F + pq / _M)


@cache
def shift_coefficients(sign: int = 1) -> tuple[sp.Expr, sp.Expr]:
    """(a, b) with e^{-i s q·r} H e^{i s q·r} f = [H + a Q²/m + b (q·p)/m] f, s = ``sign``.

    Read off the conjugated action on a generic f(x, y, z) and V(r) (coefficients of
    q_x² f and of q_x ∂_x f), then confirmed by rebuilding the whole action; raises
    ArithmeticError if the action is not of that form. Eq. (16) needs (1/2, 1).

    >>> shift_coefficients(1), shift_coefficients(-1)
    ((1/2, 1), (1/2, -1))
    """
    conj = conjugated_hamiltonian_action(sign)
    h_f = _hamiltonian([_p(i) for i in range(3)])(_F)
    return _read_shift(sp.expand(conj - h_f))


def _read_shift(shift: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """(a, b) of a shift action a Q²/m f + b (q·p)/m f, confirmed by rebuilding it."""
    a = sp.simplify(shift.coeff(_Q[0], 2) * _M / _F)
    b = sp.simplify(shift.coeff(_Q[0], 1).coeff(sp.Derivative(_F, _X[0])) * _M / (-sp.I))
    pq = sum(_Q[i] * _p(i)(_F) for i in range(3))
    if not _is_zero(shift - a * _Q2 / _M * _F - b * pq / _M):
        raise ArithmeticError("the conjugated Hamiltonian is not H + a Q^2/m + b q.p/m")
    return a, b


@cache
def shift_coefficients_bch(sign: int = 1) -> tuple[sp.Expr, sp.Expr]:
    """(a, b) of :func:`shift_coefficients` by the Baker–Campbell–Hausdorff series instead of
    conjugating the action: e^{−X} H e^{X} = H + [H, X] + [[H, X], X]/2! + …, X = i s q·r.

    No phase is multiplied and differentiated: the nested commutators act on a generic
    f(x, y, z), V(r), and the series terminates (the third commutator is checked to vanish).

    >>> shift_coefficients_bch(1), shift_coefficients_bch(-1)
    ((1/2, 1), (1/2, -1))
    """
    if sign not in (1, -1):
        raise ValueError(f"sign must be +1 or -1, got {sign!r}")
    x = sp.I * sign * _QR
    term: _Op = _hamiltonian([_p(i) for i in range(3)])
    shift = sp.Integer(0)
    for n in (1, 2, 3):
        term = _commutator_with(term, x, n)
        value = sp.expand(term(_F))
        if n == 3:
            if not _is_zero(value):
                raise ArithmeticError("the BCH series does not terminate at the second commutator")
            break
        shift += value
    return _read_shift(sp.expand(shift))


def _commutator_with(op: _Op, x: sp.Expr, n: int) -> _Op:
    """g ↦ [op, x] g / n, x a multiplication operator."""
    return lambda g: (op(x * g) - x * op(g)) / n


def _is_zero(expr: sp.Expr) -> bool:
    return bool(sp.simplify(sp.expand(expr)) == 0)


@cache
def _resolvent_conjugation_holds() -> bool:
    """U⁻¹ (z - H)⁻¹ U = (z - U⁻¹ H U)⁻¹ on a finite Hermitian matrix with a diagonal unitary U."""
    z = sp.Symbol("z")
    h = sp.Matrix([[1, 2 + sp.I, 0], [2 - sp.I, -1, sp.Rational(1, 2)], [0, sp.Rational(1, 2), 3]])
    u = sp.diag(1, sp.I, sp.exp(sp.I * sp.Rational(1, 3)))
    u_inv = sp.diag(1, -sp.I, sp.exp(-sp.I * sp.Rational(1, 3)))
    eye = sp.eye(3)
    lhs = u_inv * (z * eye - h).inv() * u
    rhs = (z * eye - u_inv * h * u).inv()
    return all(sp.simplify(e) == 0 for e in (lhs - rhs)) and u_inv * u == eye


def _steps(sign: int) -> list[Step]:
    exp_l = r"e^{-i\vec q\cdot\vec r}" if sign == 1 else r"e^{i\vec q\cdot\vec r}"
    exp_r = r"e^{i\vec q\cdot\vec r}" if sign == 1 else r"e^{-i\vec q\cdot\vec r}"
    phase = sp.exp(sp.I * sign * _QR)
    p_conj = [sp.expand(_p(i)(phase * _F) / phase) for i in range(3)]
    p_shift = [sp.expand(_shifted_p(i, _Q[i])(_F)) for i in range(3)]
    conj = conjugated_hamiltonian_action(sign)
    shifted = shifted_hamiltonian_action()
    method = "sympy: simplify(lhs - rhs) == 0 on a generic f(x, y, z), V(r)"
    ok1 = all(_is_zero(a - b) for a, b in zip(p_conj, p_shift, strict=True))
    ok2 = _is_zero(conj - shifted)
    ok3 = _is_zero(shifted - _expanded_shift_action())
    ok4 = _resolvent_conjugation_holds()
    return [
        Step(
            f"{exp_l}\\, \\vec p\\, {exp_r} f",
            r"(\vec p + \vec q) f",
            "Leibniz rule for p = -i grad acting on the plane wave times f",
            method,
            ok1,
        ),
        Step(
            f"{exp_l}\\, H(\\vec p, \\vec r)\\, {exp_r} f",
            r"H(\vec p + \vec q, \vec r) f",
            "Step 1 applied twice in p^2; V(r) commutes with the phase",
            method,
            ok2,
        ),
        Step(
            r"H(\vec p + \vec q, \vec r) f",
            r"\left[H(\vec p, \vec r) + \frac{Q^2}{2m} + \frac{\vec p\cdot\vec q}{m}\right] f",
            "q is a c-number, so p.q = q.p and (p + q)^2 = p^2 + 2 p.q + q^2",
            method,
            ok3,
        ),
        Step(
            r"U^{-1}(z - H)^{-1}U",
            r"(z - U^{-1} H U)^{-1}",
            "U^{-1}(z - H)U = z - U^{-1}HU for unitary U; inverse of a product",
            "sympy: exact check on a 3x3 Hermitian matrix and a diagonal unitary",
            ok4,
        ),
        Step(
            r"R(T, Q^2)",
            r"\left\langle 0 \left| \left[T - \frac{Q^2}{2m} - \frac{\vec p\cdot\vec q}{m}"
            r" - h\right]^{-1} \right| 0 \right\rangle,\quad h = H - E_0",
            "Eq. (9) with rho(q) = exp(i q.r) for one electron, then Steps 2-4",
            "all previous steps passed",
            ok1 and ok2 and ok3 and ok4,
        ),
    ]


def conjugation_identity_steps() -> list[Step]:
    """Eq. (16), step by step: each a :class:`~sumrules.derivation.Step` with its check."""
    return _steps(1)


def conjugation_identity_control() -> list[Step]:
    """Negative control: e^{+iq·r} H e^{-iq·r} equals H(p - q), so the same checks must fail."""
    return _steps(-1)
