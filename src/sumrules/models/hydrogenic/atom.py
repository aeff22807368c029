"""A hydrogen-like state (n, l) of nuclear charge Z as an :class:`~sumrules.models.base.Atom`.

Atomic units (ħ = m = e = 1, energies in hartree). The response is per electron and averaged
over the 2l + 1 magnetic substates (a closed subshell). One electron, no Pauli blocking: the
transitions to lower states count too. Every 1 ≤ n ≤ 4, 0 ≤ l < n: 1s keeps its closed-form
module (:mod:`.ground`); the other states take S from the three-dimensional Coulomb wave
(:mod:`.coulomb_waves`), checked against the partial waves (:mod:`.partial_waves`). The
resolvent stays 1s-only.

>>> h = Hydrogenic(1, 0, Z=1)
>>> h.threshold
mpf('0.5')
>>> r_nmm, r_ew = h.sum_rule_ratios(1, dps=20)
>>> print(mpmath.nstr(r_nmm, 15), r_nmm == r_ew)
0.987439347010319 True
>>> Hydrogenic(1, 1)
Traceback (most recent call last):
...
ValueError: l must be an integer with 0 <= l < n = 1, got 1
>>> Hydrogenic(2, 1).threshold
mpf('0.125')
>>> sorted(Hydrogenic(2, 1).ratio_routes())
['closed form', 'quadrature']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mpmath
import sympy as sp

from sumrules.core.numeric import extrapolate_to_zero, precision, validate_dps
from sumrules.models.hydrogenic import (
    checks,
    closed_form_ratios,
    closed_forms,
    coulomb_waves,
    ground,
)
from sumrules.models.hydrogenic.states import MAX_N, check_state

__all__ = ["MAX_T_OVER_I", "SPECTROSCOPIC", "Hydrogenic"]

#: l -> its spectroscopic letter
SPECTROSCOPIC = "spdfghik"


def _charge(Z: object) -> mpmath.mpf:
    try:
        z = mpmath.mpmathify(Z) if not isinstance(Z, bool) else None
    except (TypeError, ValueError):
        z = None
    if not isinstance(z, mpmath.mpf) or not mpmath.isfinite(z) or z <= 0:
        raise ValueError(f"Z must be a finite positive number, got {Z!r}")
    return z


#: the largest T/I the ratios of a state accept (the 1s quadrature goes further, see ground)
MAX_T_OVER_I = 10**8


class Hydrogenic:
    """The hydrogen-like state (n, l), nuclear charge Z (ValueError naming a bad argument)."""

    def __init__(self, n: int = 1, l: int = 0, Z: object = 1) -> None:
        self.n, self.l = check_state(n, l, max_n=MAX_N)
        with precision(40):
            _charge(Z)
        self.Z = Z

    def __repr__(self) -> str:
        return f"Hydrogenic(n={self.n}, l={self.l}, Z={self.Z!r})"

    @property
    def label(self) -> str:
        """The state as ``1s``, ``2p``, ``3d`` …"""
        return f"{self.n}{SPECTROSCOPIC[self.l]}"

    @property
    def name(self) -> str:
        return f"hydrogen-like {self.label}, Z = {self.Z}"

    @property
    def electrons(self) -> int:
        return 1

    @property
    def threshold(self) -> mpmath.mpf:
        """The ionization energy I = Z²/(2n²) hartree (at the caller's mpmath precision)."""
        z = _charge(self.Z)
        return z * z / (2 * self.n * self.n)

    @property
    def is_ground(self) -> bool:
        """True for 1s (the closed-form module)."""
        return (self.n, self.l) == (1, 0)

    def _ground_only(self, what: str) -> None:
        if not self.is_ground:
            raise NotImplementedError(f"{what} is implemented for 1s only, not {self.label}")

    def check_energy(self, T: object, *, dps: int = 30) -> mpmath.mpf:
        """T as an mpf (at dps + 10 digits); ValueError naming T unless above the threshold
        and at most :data:`MAX_T_OVER_I` times it."""
        validate_dps(dps)
        with precision(dps + 10):
            t = ground.real_number(T, "T")
            ion = self.threshold
            if not t > ion:
                raise ValueError(
                    f"T must exceed the ionization energy Z**2/(2 n**2) = "
                    f"{mpmath.nstr(ion, 10)} hartree of {self.label}, got {T!r}"
                )
            if t > MAX_T_OVER_I * ion:
                raise ValueError(
                    f"T must be at most {MAX_T_OVER_I:.0e} times the ionization energy of "
                    f"{self.label}, got {T!r}"
                )
            return t

    def structure_function(self, T: object, Q2: object, *, dps: int = 30) -> mpmath.mpf:
        """S(T, Q²) per unit T of the transitions to the continuum (T above the threshold)."""
        validate_dps(dps)
        with precision(dps + 10):
            q = mpmath.sqrt(ground.momentum_transfer(Q2, "Q2"))
        if self.is_ground:
            return ground.continuum_density(T, q, Z=self.Z, dps=dps)
        t = self.check_energy(T, dps=dps)
        if q == 0:
            return mpmath.mpf(0)
        if (self.n, self.l) in closed_forms.CLOSED_FORMS:
            return closed_forms.continuum_density_closed(self.n, self.l, t, q, Z=self.Z, dps=dps)
        return coulomb_waves.continuum_density(self.n, self.l, t, q, Z=self.Z, dps=dps)

    def resolvent(self, T: object, P2: object, *, dps: int = 30) -> mpmath.mpc:
        """R(T, P²) by the spectral sum (principal value + iπS), real P² > −Z² (1s only)."""
        self._ground_only("the resolvent")
        return checks.resolvent(T, P2, Z=self.Z, dps=dps)

    def _cacheable(self, *args: object) -> bool:
        return all(isinstance(a, str) for a in args) and isinstance(self.Z, int | str)

    def resolvent_routes(self) -> dict[str, Callable[[Any, Any, int], mpmath.mpc]]:
        """Routes to R(T − i0, P²) at real T and real P² > −Z², keyed by family: "quadrature",
        the spectral sum with a principal value + iπS (:meth:`resolvent`); "contour", the
        spectral sum along a path above the pole. Text inputs (and an integer or text Z) are
        cached per precision, the two routes sharing the discrete series.

        >>> routes = Hydrogenic(1, 0).resolvent_routes()
        >>> a, b = (routes[k]("1", "-0.5", 15) for k in ("quadrature", "contour"))
        >>> bool(abs(a - b) < 1e-14), mpmath.nstr(a.imag, 6)
        (True, '-0.0231575')
        """
        self._ground_only("the resolvent")

        def route(method: str) -> Callable[[Any, Any, int], mpmath.mpc]:
            def r(T: Any, P2: Any, dps: int) -> mpmath.mpc:
                if self._cacheable(T, P2):
                    return checks.resolvent_cached(T, P2, method, dps, str(self.Z))
                return checks.resolvent(T, P2, Z=self.Z, dps=dps, method=method)

            return r

        return {"quadrature": route("principal-value"), "contour": route("contour")}

    def dispersion_integral(self, T: object, P2: object, *, dps: int = 30) -> mpmath.mpc:
        """(1/π) ∫_0^∞ Im R(T, Q²) dQ²/(Q² − P² − i0) (:func:`.checks.dispersion_integral`;
        cached for text inputs)."""
        self._ground_only("the dispersion integral")
        if self._cacheable(T, P2):
            return checks.dispersion_integral_cached(str(T), str(P2), dps, str(self.Z))
        return checks.dispersion_integral(T, P2, Z=self.Z, dps=dps)

    def continued_structure_function(self, T: object, Q2: object, *, dps: int = 30) -> mpmath.mpc:
        """S(T, Q²) continued to complex Q² (:func:`.checks.continued_density`): on the real
        axis, negative Q² > −Z² included, the density that enters Im R = πS.

        >>> print(mpmath.nstr(Hydrogenic(1, 0).continued_structure_function(1, "-0.5").real, 6))
        -0.00737126
        """
        self._ground_only("the continued structure function")
        return checks.continued_density(T, Q2, Z=self.Z, dps=dps)

    def resolvent_imaginary_part(
        self, T: object, P2: object, *, dps: int = 30, wrong: str | None = None
    ) -> mpmath.mpf:
        """Im R(T − i0, P²) = π S(T, P²) at real P² > −Z² (T in the continuum), from the closed
        form of S continued in P²; ``wrong`` names a deliberately wrong density
        (:data:`.checks.WRONG_DENSITIES`, negative controls).

        >>> print(mpmath.nstr(Hydrogenic(1, 0).resolvent_imaginary_part(1, "-0.5"), 6))
        -0.0231575
        """
        if wrong is not None:
            s = checks.wrong_density(wrong, T, P2, Z=self.Z, dps=dps)
        else:
            s = self.continued_structure_function(T, P2, dps=dps).real
        with precision(dps + 10):
            value = mpmath.pi * s
        with precision(dps):
            return +value

    def closure(self, Q2: object, *, dps: int = 30) -> checks.SpectralSum:
        """Σ_n |⟨n|ρ(q)|0⟩|² = |F_el|² + Σ_n |F_n|² + ∫ S dT at real Q² > −Z², which is
        ⟨0|ρ†ρ|0⟩ = 1 (:func:`.checks.completeness`, without the spread of the discrete
        series: the total against 1 is the test; cached for text inputs)."""
        self._ground_only("the closure sum")
        if self._cacheable(Q2):
            return checks.closure_cached(str(Q2), dps, str(self.Z))
        return checks.completeness(None, Q2=Q2, Z=self.Z, dps=dps, spread=False)

    def falloff_limit(
        self, T: object, P2_values: tuple[str, ...] = ("1000", "10000"), *, dps: int = 30
    ) -> mpmath.mpf:
        """lim P²R(T, P²) as P² → +∞ (Eq. (10) says −2m = −2 per electron): P²·Re R by the
        principal-value route at ``P2_values``, Neville-extrapolated in 1/P² (the O(1/P⁶)
        remainder limits the digits: about 5 at 10³, 10⁴).

        >>> print(mpmath.nstr(Hydrogenic(1, 0).falloff_limit("1", dps=15), 8))
        -1.9999953
        """
        route = self.resolvent_routes()["quadrature"]
        values = [route(T, p, dps) for p in P2_values]
        with precision(dps + 10):
            hs = [1 / mpmath.mpmathify(p) for p in P2_values]
            scaled = [mpmath.mpmathify(p) * v.real for p, v in zip(P2_values, values, strict=True)]
            limit = extrapolate_to_zero(hs, scaled).real
        with precision(dps):
            return +limit

    def sum_rule_ratios(
        self, T: object, *, dps: int = 30, certified: bool = False
    ) -> tuple[Any, Any]:
        """(r_nmm, r_ew) at T (hartree): 1s by quadrature (the version-1 function); other states
        from the closed-form r(κ) where one is derived (:mod:`.closed_form_ratios`), else by
        the 3D Coulomb wave. ``certified=True``: python-flint balls
        (:class:`~sumrules.core.certified.Certified`, the ``flint`` extra; 1s only here, 2s and
        2p in :mod:`.certified_states`)."""
        if certified:
            self._ground_only("the certified ratios")
            from sumrules.models.hydrogenic.certified import certified_sum_rule_ratios

            ground.check_ratio_inputs(T, Z=self.Z, dps=dps)
            ratios = certified_sum_rule_ratios(T, Z=self.Z, digits=dps)
            return ratios.r_nmm, ratios.r_ew
        if self.is_ground:
            return ground.sum_rule_ratios(T, Z=self.Z, dps=dps)
        if (self.n, self.l) in closed_form_ratios.RATIO_FORMS:
            self.check_energy(T, dps=dps)
            return closed_form_ratios.exact_sum_rule_ratios(self.n, self.l, T, Z=self.Z, dps=dps)
        return self.coulomb_wave_ratios(T, dps=dps)

    def coulomb_wave_ratios(self, T: object, *, dps: int = 30) -> tuple[Any, Any]:
        """(r_nmm, r_ew) from the 3D Coulomb wave (:func:`.coulomb_waves.ratio_quadrature`;
        its inner sums in python-flint arb when the ``flint`` extra is installed: about 3 s at
        dps 30 for 4f, against about a minute in mpmath)."""
        t = self.check_energy(T, dps=dps)
        with precision(dps + coulomb_waves.GUARD):
            z = _charge(self.Z)
            r = coulomb_waves.ratio_quadrature(
                self.n, self.l, t / (z * z), coulomb_waves.nodes_for(dps), check=False
            )
        with precision(dps):
            return +r.r_nmm, +r.r_ew

    def ratio_routes(self) -> dict[str, Callable[[Any, int], tuple[Any, Any]]]:
        """Independent routes to the ratios, keyed by route family (sumrules.core.claim.FAMILIES).

        1s: "closed form" (r(κ)) and "quadrature" (tanh-sinh in q of the closed-form S). Other
        states with a derived r(κ) (:mod:`.closed_form_ratios`): "closed form" (r(κ)) and
        "quadrature" (the q-integral of the closed-form S); the rest: "quadrature" (the
        q-integral of S from the 3D Coulomb wave). The Coulomb-wave route checks the closed
        forms in the tests, not in the ledger (it costs seconds a point).
        """
        if self.is_ground:

            def closed(T: Any, dps: int) -> tuple[Any, Any]:
                r = ground.exact_sum_rule_ratio(T, Z=self.Z, dps=dps)
                return r, r

            return {
                "quadrature": lambda T, dps: self.sum_rule_ratios(T, dps=dps),
                "closed form": closed,
            }
        state = (self.n, self.l)
        if state in closed_form_ratios.RATIO_FORMS:
            return {
                "closed form": lambda T, dps: self.sum_rule_ratios(T, dps=dps),
                "quadrature": lambda T, dps: closed_form_ratios.sum_rule_ratios_closed(
                    *state, self.check_energy(T, dps=dps), Z=self.Z, dps=dps
                ),
            }
        return {"quadrature": lambda T, dps: self.coulomb_wave_ratios(T, dps=dps)}

    def energy_at(self, t_over_i: object, *, dps: int = 30) -> mpmath.mpf:
        """T = (T/I)·I for this state, at ``dps`` + 10 digits (T/I exact when given as text).

        >>> Hydrogenic(1, 0, Z=2).energy_at("1.5")
        mpf('3.0')
        """
        with precision(dps + 10):
            x = mpmath.mpmathify(
                sp.sympify(t_over_i) if isinstance(t_over_i, sp.Basic) else t_over_i
            )
            return x * self.threshold
