"""The hydrogen resolvent R(T, P²) of Eq. (9) (:func:`~sumrules.models.hydrogenic.checks.resolvent`).

Pins both routes (principal value and contour) against each other and against a spectral sum
written out here, its elastic and discrete parts, Im R = π S(T, P²) ≠ 0 at P² < 0 (the paper
says "manifestly real") and far off shell, R = 1/T at P² = 0, the ends of the discrete series
(P² → −Z², T → Z²/2) and the guard that refuses more than MAX_DIRECT_TERMS direct terms, the
Z-scaling near threshold and next to a quadrature node on the pole, and the P² errors.
"""

from __future__ import annotations

import re

import mpmath
import pytest
from modelrefs import models_density, models_density_k

from sumrules.core.numeric import agreement_digits
from sumrules.models.hydrogenic import checks as hc
from sumrules.models.hydrogenic import ground as h


def discrete_sq(n: int, x: mpmath.mpf) -> mpmath.mpf:
    """|F_n|² of docs/models.md at real Q² = x."""
    return (
        2**8 * n**7 * x * (mpmath.mpf(n * n - 1) / 3 + n * n * x)
        * ((n - 1) ** 2 + n * n * x) ** (n - 3) / ((n + 1) ** 2 + n * n * x) ** (n + 3)
    )  # fmt: skip


def _resolvent_reference(T: object, P2: object) -> mpmath.mpc:
    """R(T, P²) as the spectral sum over all final states (Eq. (9) with docs/models.md input)."""
    t, x = mpmath.mpf(T), mpmath.mpf(P2)
    elastic = (16 / (4 + x) ** 2) ** 2 / t
    discrete = mpmath.nsum(
        lambda n: discrete_sq(int(n), x) / (t - (1 - 1 / n**2) / 2), [2, mpmath.inf]
    )
    kt = mpmath.sqrt(2 * t - 1)

    def f(k: mpmath.mpf) -> mpmath.mpf:  # S dT′/(T − T′) = f(k′) dk′/(k_T − k′), T′ = (1 + k′²)/2
        return 2 * models_density_k(k, x) * k / (kt + k)

    near = mpmath.quad(lambda d: (f(kt - d) - f(kt + d)) / d, [0, kt / 2, kt])
    far = mpmath.quad(lambda k: f(k) / (kt - k), [2 * kt, 4 * kt, mpmath.inf])
    return elastic + discrete + mpmath.mpc(near + far, mpmath.pi * models_density_k(kt, x))


def _agree(value: mpmath.mpc, ref: mpmath.mpc, digits: float) -> bool:
    """Real and imaginary parts agree to ``digits`` significant digits (exact 0 for Im = 0)."""
    with mpmath.workdps(50):
        re_ok = agreement_digits(value.real, ref.real) >= digits
        im_ok = (
            value.imag == 0 if ref.imag == 0 else agreement_digits(value.imag, ref.imag) >= digits
        )
    return re_ok and im_ok


ONE = mpmath.mpf(1)


HALF = ONE / 2


GUARD_MESSAGE = "Q2 or P2 is too close to -Z**2, or T to Z**2/2"


def _s_models(T: mpmath.mpf, Q2: mpmath.mpf, *, sommerfeld: bool = True) -> mpmath.mpf:
    """S(T, Q²) of docs/models.md for Z = 1 at real Q², k = √(2T − 1) (written out independently)."""
    k = mpmath.sqrt(2 * T - 1)
    a = Q2 - k * k + 1  # [(q + k)² + 1][(q − k)² + 1] = a² + 4k²
    s = 2**8 * Q2 * (Q2 + (1 + k * k) / 3) * mpmath.exp(-(2 / k) * mpmath.atan2(2 * k, a))
    s /= (a * a + 4 * k * k) ** 3
    return s / (1 - mpmath.exp(-2 * mpmath.pi / k)) if sommerfeld else s


def _needed_terms(exc: pytest.ExceptionInfo[ValueError]) -> tuple[int, int]:
    """(terms needed, MAX_DIRECT_TERMS) as quoted by the guard's message."""
    m = re.search(r"needs (\d+) terms summed one by one \(more than (\d+)\)", str(exc.value))
    assert m is not None, str(exc.value)
    assert GUARD_MESSAGE in str(exc.value)
    return int(m.group(1)), int(m.group(2))


def test_resolvent_two_routes_and_the_failures_of_eq_11() -> None:
    for P2 in ("-0.5", "2"):
        a = hc.resolvent(1, P2, dps=15)
        b = hc.resolvent(1, P2, dps=15, method="contour")
        with mpmath.workdps(25):
            assert abs(a - b) < 1e-14 * abs(a)
    # Im R ≠ 0 at real negative P² (the paper: "manifestly real")
    r = hc.resolvent(1, "-0.5", dps=15)
    assert abs(r.imag - mpmath.pi * hc.continued_density(1, "-0.5", dps=15).real) < 1e-14
    assert abs(r.imag) > 0.02
    # P² = 0: R = 1/T exactly; the dispersion integral gives r/T
    d = hc.dispersion_comparison(2, 0, dps=15)
    assert d.resolvent == mpmath.mpf(1) / 2
    assert abs(d.difference.real - (1 - h.exact_sum_rule_ratio(2, dps=15)) / 2) < 1e-15
    # R is continuous at P² = 0 (the spectral sum at small P² tends to 1/T)
    assert abs(hc.resolvent(2, "1e-8", dps=15) - mpmath.mpf(1) / 2) < 1e-8


@pytest.mark.parametrize(("T", "P2"), [(1, 1), (1, "-0.5"), (3, "0.5")])
def test_resolvent_against_spectral_sum(T: object, P2: object) -> None:
    """R(T, P²) (default route) = elastic + discrete + continuum from docs/models.md, dps − 2 digits;
    Im R = π S(T, P²) also at P² < 0 and at P² = 1 = k² (the ridge at T = 1)."""
    r = hc.resolvent(T, P2, dps=20)
    with mpmath.workdps(30):
        ref = _resolvent_reference(T, P2)
        assert _agree(r, ref, 18)
        assert not _agree(ref.conjugate(), ref, 18)  # negative control: T − H − i0 → + i0


def test_resolvent_default_precision_at_p2_zero() -> None:
    """At P² = 0 only the ground state contributes: R = 1/T, rounded to the default 30 digits."""
    assert hc.resolvent(3, 0) == hc.resolvent(3, 0, dps=30)
    with mpmath.workdps(30):
        assert hc.resolvent(3, 0) == mpmath.mpc(mpmath.mpf(1) / 3)
    assert hc.resolvent(3, 0, dps=31) != hc.resolvent(3, 0)  # negative control


def _models_discrete_q2(n: int, x: mpmath.mpf) -> mpmath.mpf:
    """|F_n|² of docs/models.md (Z = 1) at real Q² = x."""
    return (
        2**8 * n**7 * x * (mpmath.mpf(n * n - 1) / 3 + n * n * x)
        * ((n - 1) ** 2 + n * n * x) ** (n - 3) / ((n + 1) ** 2 + n * n * x) ** (n + 3)
    )  # fmt: skip


def test_resolvent_elastic_and_discrete_parts() -> None:
    """|F_el|²/T and Σ_n |F_n|²/(T − ΔE_n) from docs/models.md, and their Z-scaling (Z⁻²)."""
    with mpmath.workdps(30):
        T, x = mpmath.mpf(1), mpmath.mpf("0.5")
        el, disc, c = hc.resolvent_parts(T, x, mpmath.mpf(1))
        assert agreement_digits(el, (16 / (4 + x) ** 2) ** 2 / T) > 28
        ref = mpmath.nsum(
            lambda n: _models_discrete_q2(int(n), x) / (T - (1 - 1 / n**2) / 2), [2, mpmath.inf]
        )
        assert agreement_digits(disc, ref) > 20
        assert c.T == T and c.Z == 1
        el2, disc2, _ = hc.resolvent_parts(9 * T, 9 * x, mpmath.mpf(3))
        assert agreement_digits(9 * el2, el) > 28 and agreement_digits(9 * disc2, disc) > 20


def test_resolvent_routes_agree_at_z_2_off_k_1() -> None:
    """PV and contour routes (different splittings of k′) agree at Z = 2, k_T = √2."""
    a = hc.resolvent(3, "1.5", Z=2, dps=15)
    b = hc.resolvent(3, "1.5", Z=2, dps=15, method="contour")
    assert abs(a - b) < 1e-13 * abs(a)
    # and both obey the Z-scaling R_Z(T, P²) = Z⁻² R_1(T/Z², P²/Z²)
    c = hc.resolvent("0.75", "0.375", dps=15)
    assert abs(4 * a - c) < 1e-13 * abs(c)


def test_resolvent_p2_errors_name_the_argument_and_quote_the_bound() -> None:
    """Bad P² is reported as 'P2 ...'; the bound −Z² is quoted to 8 significant digits."""
    for bad in ("x", float("nan"), 1j):
        with pytest.raises(ValueError, match=r"^P2 must be a finite real number"):
            hc.resolvent(1, bad)
    # Z = 2: −Z² = −4 (negative controls in the same message: not −1, not +4, not Z² = 4 unsigned)
    with pytest.raises(ValueError) as info:
        hc.resolvent(3, -5, Z=2)
    msg = str(info.value)
    assert msg.startswith("P2 must exceed -Z**2 = -4.0 (Eq. (9) diverges beyond), got -5")
    assert "= -1.0 " not in msg and "= 4.0 " not in msg
    # Z = 1.23456789: Z² = 1.5241578750190521 exactly (123456789² = 15241578750190521);
    # 8 significant digits give -1.5241579 (6 would give -1.52416, 9 would give -1.52415788)
    with pytest.raises(ValueError) as info:
        hc.resolvent(1, -2, Z="1.23456789")
    msg = str(info.value)
    assert re.search(r"= -1\.5241579 \(Eq\. \(9\)", msg), msg
    assert "-1.52416 " not in msg and "-1.52415788" not in msg
    # the bound itself is refused (Eq. (9) diverges at P² = −Z²)
    with pytest.raises(ValueError, match="P2 must exceed"):
        hc.resolvent(3, -4, Z=2)


# --- the principal value -------------------------------------------------------------------------


def test_principal_value_with_a_quadrature_node_on_the_pole() -> None:
    """T = 1 (k_T = 1), P² = 1e-12 (the case recorded in the source): the split point
    √P² + Z = 1 + 1e-6 sits so close to k′ = k_T that tanh-sinh nodes of [k_T, 1 + 1e-6]
    round onto k_T; the PV route must still agree with the contour route (no subtraction,
    no such node), and Im R = π S(T, P²)."""
    T, x = mpmath.mpf(1), mpmath.mpf("1e-12")
    pv = hc.resolvent(T, x, dps=30)
    contour = hc.resolvent(T, x, dps=30, method="contour")
    with mpmath.workdps(40):
        assert agreement_digits(pv.real, contour.real) > 28
        assert agreement_digits(pv.imag, mpmath.pi * models_density(T, mpmath.sqrt(x))) > 28
        # R → 1/T as P² → 0 (ρ(0) = 1), with an O(P²) correction: 1/T alone is off at 1e-12
        assert abs(pv.real - 1 / T) < 1e-11
        assert agreement_digits(pv.real, 1 / T) < 14  # negative control: the correction is seen


def test_principal_value_far_part_starts_at_twice_k_t() -> None:
    """T = 3, Z = 1 (k_T = √5 > √2): the PV splits k′ at 2k_T into a subtracted part near the
    pole and a plain far part beyond it; both routes must agree and Im R = π S(T, P²)."""
    T = mpmath.mpf(3)
    for x in ("1.7",):
        pv = hc.resolvent(T, x, dps=15)
        contour = hc.resolvent(T, x, dps=15, method="contour")
        with mpmath.workdps(30):
            assert agreement_digits(pv.real, contour.real) > 13.5
            s = models_density(T, mpmath.sqrt(mpmath.mpf(x)))
            assert agreement_digits(pv.imag, mpmath.pi * s) > 13.5
            # negative control: the continuum is not negligible in Re R (1/T + discrete alone)
            el, disc, _ = hc.resolvent_parts(T, mpmath.mpf(x), mpmath.mpf(1))
            assert agreement_digits(pv.real, el + disc) < 2


DPS = 15


@pytest.mark.parametrize("e", [0, 100])
def test_principal_value_resolvent_is_scale_free_next_to_the_pole_node(e: int) -> None:
    """Z = 2^e: Z²·R_PV(Z², 10⁻¹²Z²) equals the contour route at Z = 1 to >= dps − 1 digits.

    The contour route (k′ path above the pole, no subtraction) is independent of the PV
    subtraction; P² = 1e-12 is where a node lands on k′ = k_T (found by instrumenting it).
    """
    Z = mpmath.mpf(2) ** e
    P2 = mpmath.mpf("1e-12")
    got = Z * Z * hc.resolvent(Z * Z, Z * Z * P2, Z=Z, dps=DPS, method="principal-value")
    ref = hc.resolvent(1, P2, dps=DPS, method="contour")
    assert agreement_digits(got, ref) >= DPS - 1
    # negative control: an error of 1e-13 in the real part (R ≈ 1) is rejected
    assert agreement_digits(got + mpmath.mpf("1e-13"), ref) < DPS - 1


@pytest.mark.parametrize("dps", [15, 30])
def test_default_route_imaginary_part_is_pi_s_far_off_shell(dps: int) -> None:
    """R(1, 10⁸): Im R = π S(T, P²) ~ 8e-30 next to Re R ~ −2e-8, to dps − 2 digits.

    The default "principal-value" route adds iπ S exactly; a quadrature of the whole
    complex integrand would carry errors of the size of Re R in Im R.
    """
    T, P2 = ONE, mpmath.mpf(10) ** 8
    r = hc.resolvent(T, P2, dps=dps)
    assert r == hc.resolvent(T, P2, dps=dps, method="principal-value")
    with mpmath.workdps(dps + 20):
        im = mpmath.pi * _s_models(T, P2)
        assert agreement_digits(r.imag, im) > dps - 2
        assert abs(r.real) > mpmath.mpf(10) ** 20 * abs(r.imag)  # the hard case indeed
        # negative control: S without the Sommerfeld factor [1 − exp(−2π/k)]⁻¹ is rejected
        assert agreement_digits(r.imag, mpmath.pi * _s_models(T, P2, sommerfeld=False)) < 3


# --- the ends of the discrete series -------------------------------------------------------------


def test_resolvent_z_scaling_near_threshold_at_tiny_z() -> None:
    """Z² R_Z(Z²T, Z²P²) = R_1(T, P²) at T − 1/2 = 2⁻¹³ and Z = 2⁻¹³, to dps − 2 digits.

    The series' regime change n ~ 1/√(2 gap) depends on gap = (T − Z²/2)/Z² only, so it is
    the same at every Z; a gap not divided by Z² would ask for 2²¹ terms here, or none.
    """
    dps = 20
    with mpmath.workdps(60):
        T, P2 = HALF + mpmath.mpf(2) ** -13, mpmath.mpf(2) ** -7
        z = mpmath.mpf(2) ** -13
        ref = hc.resolvent(T, P2, dps=dps)
        scaled = z * z * hc.resolvent(T * z * z, P2 * z * z, Z=z, dps=dps)
        assert agreement_digits(scaled.real, ref.real) > dps - 2
        assert agreement_digits(scaled.imag, ref.imag) > dps - 2
        # negative control: T moved by 2⁻³⁰ (a relative 10⁻⁵ of the gap) is told apart
        moved = hc.resolvent(T + mpmath.mpf(2) ** -30, P2, dps=dps)
        assert agreement_digits(scaled.real, moved.real) < dps - 2


@pytest.mark.parametrize(
    ("T", "P2", "real"),
    [
        # P² → −Z²: the discrete terms alternate in sign up to n ~ 2/(1 + P²) = 20000;
        # reference: the discrete part summed directly to n = 40000 plus Levin's tail
        (1, "-0.9999", "0.5327012310879245"),
        # T → Z²/2: the energy denominators change regime at n ~ 70; reference: dps = 30
        ("0.5001", "0.01", "2.031816943299"),
    ],
)
def test_resolvent_near_the_ends_of_the_discrete_series(T: object, P2: str, real: str) -> None:
    value = hc.resolvent(T, P2, dps=15)
    assert agreement_digits(value.real, mpmath.mpf(real)) > 12  # was 7915.6 and 2.03085
    # negative control: an error of 1e-6 (smaller than either old one) fails the same check
    assert agreement_digits(value.real + mpmath.mpf("1e-6"), mpmath.mpf(real)) < 7


@pytest.mark.parametrize("z_exp", [0, -13])
def test_guard_reports_four_times_the_turning_point(z_exp: int) -> None:
    """The count in the ValueError is 4 n*, n* the turning point, at any Z (scale-free).

    n* = 2/(1 + u²) bounds the sign alternation of [(n − 1)² + n²u²]^{n−3} (u² = P²/Z²);
    n* = 1/√(2 gap), gap = (T − Z²/2)/Z², is where Z²/(2n²) = T − Z²/2. Margin 4: the
    discrete series starts its Euler–Maclaurin tail at 4 n*.
    """
    with mpmath.workdps(60):
        z = mpmath.mpf(2) ** z_exp
        # P² = −Z²(1 − 2⁻²⁰): n* = 2²¹, 4 n* = 2²³
        u2 = -1 + mpmath.mpf(2) ** -20
        last_negative = 1 / (1 - mpmath.sqrt(-u2))  # (n − 1)² + n²u² < 0 below this n
        assert last_negative <= 2 / (1 + u2)
        with pytest.raises(ValueError) as exc:
            hc.resolvent(z * z, u2 * z * z, Z=z)
        assert _needed_terms(exc) == (2**23, hc.MAX_DIRECT_TERMS)
        with pytest.raises(ValueError) as exc:
            hc.completeness(None, Q2=u2 * z * z, Z=z, dps=15)
        assert _needed_terms(exc) == (2**23, hc.MAX_DIRECT_TERMS)
        # T − Z²/2 = 2⁻⁴¹ Z²: n* = 1/√(2⁻⁴⁰) = 2²⁰, 4 n* = 2²²
        with pytest.raises(ValueError) as exc:
            hc.resolvent((HALF + mpmath.mpf(2) ** -41) * z * z, z * z / 128, Z=z)
        needed = _needed_terms(exc)
        assert needed == (2**22, hc.MAX_DIRECT_TERMS)
        # negative control: a margin of 5 (or n* = 1/√(3 gap)) would quote another count
        assert needed[0] != 5 * 2**20 and needed[0] != int(
            mpmath.ceil(4 * 2**20 / mpmath.sqrt(1.5))
        )


def test_guard_boundary_exactly_max_direct_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    """A series needing exactly MAX_DIRECT_TERMS direct terms is summed; one needing more is not.

    With the limit lowered to 256 = 4 n*: P² = −31/32 (n* = 2/(1 + u²) = 64) and
    T = 1/2 + 2⁻¹³ (n* = 1/√(2 gap) = 64) are still computed, to the same value as
    without the limit; P² = −63/64 (n* = 128) is refused.
    """
    dps = 15
    q_edge = hc.resolvent(1, mpmath.mpf(-31) / 32, dps=dps)
    t_edge = hc.resolvent(HALF + mpmath.mpf(2) ** -13, mpmath.mpf(2) ** -7, dps=dps)
    closure = hc.completeness(None, Q2=mpmath.mpf(-31) / 32, dps=dps)
    monkeypatch.setattr(hc, "MAX_DIRECT_TERMS", 256)
    assert hc.resolvent(1, mpmath.mpf(-31) / 32, dps=dps) == q_edge
    assert hc.resolvent(HALF + mpmath.mpf(2) ** -13, mpmath.mpf(2) ** -7, dps=dps) == t_edge
    assert hc.completeness(None, Q2=mpmath.mpf(-31) / 32, dps=dps) == closure
    assert abs(closure.total - 1) < mpmath.mpf(10) ** (2 - dps)
    # negative control: twice the turning point is past the lowered limit
    with pytest.raises(ValueError) as exc:
        hc.resolvent(1, mpmath.mpf(-63) / 64, dps=dps)
    assert _needed_terms(exc) == (512, 256)
