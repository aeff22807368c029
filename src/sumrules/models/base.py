"""The interface every model atom offers the claims: :class:`Atom`.

A claim loops over atoms instead of calling model functions by name. Per electron and in the
atom's own units (atomic units for the atoms, ħ = m = 1, unless an atom says otherwise):

* ``threshold`` — the lowest energy transfer T with a response (ionization energy, first line);
* ``structure_function(T, Q2)`` — S(T, Q²) = Σ_n |⟨n|e^{iq·r}|0⟩|² δ(T − E_n + E_0), which
  is (1/π) Im R (Eq. (8));
* ``resolvent(T, P2)`` — R(T, P²) of Eq. (9);
* ``resolvent_routes()`` — the atom's independent routes to R(T, P²), by family;
* ``sum_rule_ratios(T)`` — (r_nmm, r_ew) = (T ∫ S dQ²/Q², (1/2m) ∫ S dQ²): both 1 if Eqs. (12)
  and (15) hold per electron;
* ``ratio_routes()`` — the atom's independent routes to those ratios, by family.

>>> from sumrules.models import Free, Hydrogenic, Oscillator
>>> all(isinstance(a, Atom) for a in (Free(), Oscillator(), Hydrogenic(1, 0)))
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, runtime_checkable

__all__ = ["Atom", "RatioRoute", "ResolventRoute"]

#: a route to the sum-rule ratios: (T, dps) -> (r_nmm, r_ew)
RatioRoute = Callable[[Any, int], tuple[Any, Any]]
#: a route to the resolvent: (T, P2, dps) -> R(T, P²)
ResolventRoute = Callable[[Any, Any, int], Any]


@runtime_checkable
class Atom(Protocol):
    """A model atom, as the claims see it (see the module docstring for the quantities)."""

    @property
    def name(self) -> str:
        """A short name for tables and evidence ("hydrogen-like 2p, Z = 1")."""
        ...

    @property
    def electrons(self) -> int:
        """The number of electrons the response is summed over (1 for a one-electron model)."""
        ...

    @property
    def threshold(self) -> Any:
        """The lowest energy transfer with a response."""
        ...

    def structure_function(self, T: Any, Q2: Any, *, dps: int = 30) -> Any:
        """S(T, Q²) per electron."""
        ...

    def resolvent(self, T: Any, P2: Any, *, dps: int = 30) -> Any:
        """R(T, P²) per electron (Eq. (9))."""
        ...

    def resolvent_routes(self) -> Mapping[str, ResolventRoute]:
        """Independent routes to R(T, P²), keyed by route family (where each one applies is
        the atom's to say: real T off the lines, complex T, real P² > −Z², …)."""
        ...

    def sum_rule_ratios(self, T: Any, *, dps: int = 30) -> tuple[Any, Any]:
        """(r_nmm, r_ew) at energy transfer T."""
        ...

    def ratio_routes(self) -> Mapping[str, RatioRoute]:
        """Independent routes to :meth:`sum_rule_ratios`, keyed by route family."""
        ...
