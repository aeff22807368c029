"""The Coulomb-wave route: the 1s closed form, Z scaling, ratios, a missing Sommerfeld factor."""

from __future__ import annotations

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sumrules.models import Hydrogenic, hydrogen
from sumrules.models.hydrogenic import coulomb_waves, ground


@pytest.mark.parametrize(("T", "q"), [("0.6", "0.3"), (2, 3), ("0.5001", "0.05"), (50, 9)])
def test_1s_closed_form(T: object, q: object) -> None:
    v = coulomb_waves.continuum_density(1, 0, T, q, dps=25)
    with mpmath.workdps(30):
        assert abs(v / ground.continuum_density(T, q, dps=30) - 1) < mpmath.mpf(10) ** -24


def test_1s_ratios_and_the_missing_sommerfeld_factor() -> None:
    with mpmath.workdps(30):
        r = coulomb_waves.ratio_quadrature(1, 0, mpmath.mpf(1), 26, check=True)
        exact = ground.exact_sum_rule_ratio(1, dps=25)
        assert abs(r.r_nmm - exact) < 1e-18 and abs(r.r_ew - exact) < 1e-18
        assert r.error_nmm < 1e-10
        c = coulomb_waves.ContinuumAtEnergy(1, 0, mpmath.mpf(1))
        c.pref *= -mpmath.expm1(-2 * mpmath.pi)  # drop 2πν/(1 − e^{−2πν}) → 2πν
        wrong = c.density(mpmath.mpf(1))
        assert abs(wrong / ground.continuum_density(1, 1, dps=20) - 1) > 1e-3


@settings(max_examples=4, deadline=None)
@given(
    st.sampled_from([(2, 0), (2, 1), (3, 2)]),
    st.floats(1.2, 20),
    st.floats(0.1, 3),
    st.floats(0.5, 4),
)
def test_z_scaling(state: tuple[int, int], x: float, q: float, Z: float) -> None:
    n, l = state
    t1 = x / (2 * n * n)
    a = coulomb_waves.continuum_density(n, l, t1 * Z * Z, q * Z, Z=Z, dps=15)
    b = coulomb_waves.continuum_density(n, l, t1, q, dps=15)
    assert abs(a * Z * Z / b - 1) < 1e-12


def test_hydrogenic_1s_is_the_ground_module() -> None:
    assert Hydrogenic(1, 0, Z=1).sum_rule_ratios(2, dps=30) == hydrogen.sum_rule_ratios(2, dps=30)


def test_2p_ratios_differ_beyond_1s() -> None:
    r_nmm, r_ew = Hydrogenic(2, 1).sum_rule_ratios("0.25", dps=15)
    assert abs(r_nmm - mpmath.mpf("0.995480110296482938732572")) < 1e-13
    assert abs(r_ew - mpmath.mpf("1.000127983970793997182175")) < 1e-13


def test_bad_energy_names_T() -> None:
    with pytest.raises(ValueError, match=r"^T must exceed"):
        Hydrogenic(2, 1).sum_rule_ratios("0.125")
    with pytest.raises(ValueError, match=r"^T must exceed"):
        Hydrogenic(2, 1).structure_function("0.1", 1)


@pytest.mark.parametrize(("n", "l", "x"), [(2, 1, "1.001"), (3, 2, "2")])
def test_ratios_against_the_closed_forms_25_digits(n: int, l: int, x: str) -> None:
    from sumrules.core.numeric import agreement_digits
    from sumrules.models.hydrogenic import closed_form_ratios

    atom = Hydrogenic(n, l)
    t = atom.energy_at(x, dps=30)
    r = atom.coulomb_wave_ratios(t, dps=30)
    exact = closed_form_ratios.exact_sum_rule_ratios(n, l, t, dps=40)
    assert min(agreement_digits(a, b) for a, b in zip(r, exact, strict=True)) >= 25
    # negative control: the closed form of the state with l − 1
    other = closed_form_ratios.exact_sum_rule_ratios(n, l - 1, t, dps=40)
    assert max(agreement_digits(a, b) for a, b in zip(r, other, strict=True)) < 4


#: r_nmm, r_ew of n = 4 at dps 30 by the mpmath sums of version 0.2 (15 digits)
N4_VALUES = {
    (4, 0, "1.001"): ("0.974195403200611", "0.991700545273708"),
    (4, 1, "10"): ("0.999617089597016", "1.00004870234269"),
}


@pytest.mark.parametrize(("n", "l", "x"), sorted(N4_VALUES))
def test_n4_ratios_keep_their_previous_values(n: int, l: int, x: str) -> None:
    atom = Hydrogenic(n, l)
    r = atom.coulomb_wave_ratios(atom.energy_at(x, dps=30), dps=30)
    want = [mpmath.mpf(v) for v in N4_VALUES[(n, l, x)]]
    assert all(abs(a - b) < 1e-14 for a, b in zip(r, want, strict=True))
    # negative control: the same comparison with the two weights swapped fails
    assert not all(abs(a - b) < 1e-14 for a, b in zip(r, want[::-1], strict=True))
