"""Hostile inputs: every public function and CLI option, fed wrong types, extreme values, NaN, ±inf,
unassumed sympy symbols, values at and below thresholds, huge orders and out-of-range precisions.

Each bad input must raise a ValueError naming the argument (CLI: exit 2, one line on stderr, no
traceback) within a time bound; each accepted extreme input must give the right number, checked
against an independent route. The time bound is a SIGALRM timer raising a BaseException (so no
``except Exception`` in the library can swallow it); it interrupts Python code, which is where
every hang found here lived (loops over orders). Set ``HOSTILE_TALLY=path`` to write the count of
cases tried and their outcomes as JSON.
"""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from typing import Any

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

import sumrules
from sumrules.cli import main
from sumrules.core.numeric import MAX_DPS, MIN_DPS, agreement_digits
from sumrules.models import free, oscillator
from sumrules.models.hydrogenic import checks as hydrogen_checks
from sumrules.models.hydrogenic import ground as hydrogen
from sumrules.theory import expansion as resolvent
from sumrules.theory.pole_integral.routes import (
    MAX_INDEX,
    MAX_ROUTE_INDEX,
    pole_integral_distributional,
    pole_integral_finite_eps,
    pole_integral_numeric,
)

TALLY: Counter[str] = Counter()
LIMIT = 10.0  # seconds per call: generous for a loaded CI machine, far below a hang


class Hang(BaseException):
    """Raised by the timer; a BaseException so that no library ``except Exception`` hides it."""


@contextmanager
def bounded(seconds: float = LIMIT) -> Iterator[None]:
    def fire(signum: int, frame: object) -> None:
        raise Hang(f"call did not return within {seconds} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="module", autouse=True)
def _write_tally() -> Iterator[None]:
    yield
    path = os.environ.get("HOSTILE_TALLY")
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"total": sum(TALLY.values()), **dict(sorted(TALLY.items()))}, fh, indent=1)


def rejects(name: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> str:
    """``fn(*args, **kwargs)`` must raise a ValueError that names ``name``, in bounded time."""
    try:
        with bounded():
            value = fn(*args, **kwargs)
    except ValueError as exc:
        message = str(exc)
        assert name in message, f"ValueError does not name {name!r}: {message}"
        assert "\n" not in message.strip(), message
        TALLY[f"{fn.__name__}: ValueError"] += 1
        return message
    TALLY[f"{fn.__name__}: ACCEPTED (bug)"] += 1
    raise AssertionError(f"{fn.__name__} accepted {args!r} {kwargs!r} and returned {value!r}")


def accepted(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with bounded():
        value = fn(*args, **kwargs)
    TALLY[f"{fn.__name__}: accepted, checked"] += 1
    return value


X = sp.Symbol("x")  # no assumptions
NEG = sp.Symbol("n", negative=True)
WRONG_TYPES: list[Any] = ["1", "abc", [1], (1,), None, 1 + 2j, True, False, b"1", {1: 2}]
NON_FINITE: list[Any] = [math.nan, math.inf, -math.inf, sp.nan, sp.oo, -sp.oo, sp.zoo]
INEXACT: list[Any] = [1e308, 1e-308, 1.5, 2.0, sp.Float(2), mpmath.mpf(2), mpmath.mpc(1, 1)]
NON_INTEGER: list[Any] = [*WRONG_TYPES, *NON_FINITE, *INEXACT, sp.Rational(1, 2), X, sp.I]
NON_POSITIVE_EXACT: list[Any] = [0, -1, -(10**50), sp.Rational(-1, 3), NEG, X, sp.I, X**2 + 1]


# ------------------------------------------------------------------------------------------------
# pole_integral and the three kernel routes


@pytest.mark.parametrize("bad", [*NON_INTEGER, 10**50, -(10**50), MAX_INDEX + 1, -MAX_INDEX - 1])
def test_pole_integral_rejects_s(bad: Any) -> None:
    rejects("s", sumrules.pole_integral, bad, 2)


@pytest.mark.parametrize("bad", [*NON_INTEGER, 0, -1, -(10**50), 10**50, 10**9, MAX_INDEX + 1])
def test_pole_integral_rejects_w(bad: Any) -> None:
    rejects("w", sumrules.pole_integral, 1, bad)


@pytest.mark.parametrize("name", ["m", "T"])
@pytest.mark.parametrize("bad", [*WRONG_TYPES, *NON_FINITE, *INEXACT, *NON_POSITIVE_EXACT])
def test_pole_integral_rejects_m_and_t(name: str, bad: Any) -> None:
    rejects(name, sumrules.pole_integral, 1, 2, **{name: bad})


ROUTES = [pole_integral_distributional, pole_integral_finite_eps, pole_integral_numeric]


@pytest.mark.parametrize("route", ROUTES, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("s", (MAX_ROUTE_INDEX + 1, 1)),
        ("s", (-MAX_ROUTE_INDEX - 1, 1)),
        ("s", (10**50, 1)),
        ("w", (1, MAX_ROUTE_INDEX + 1)),
        ("w", (1, 10**9)),
        ("w", (1, 0)),
        ("s", (1.0, 2)),
        ("m", (1, 2, X, 1)),
        ("T", (1, 2, 1, math.nan)),
        ("T", (1, 2, 1, -sp.oo)),
        ("T", (1, 2, 1, 0)),
    ],
)
def test_routes_reject(route: Callable[..., Any], name: str, args: tuple[Any, ...]) -> None:
    rejects(name, route, *args)


@pytest.mark.parametrize("dps", [9, 1001, 30.0, "30", True, None, 10**50])
def test_numeric_route_rejects_dps(dps: Any) -> None:
    rejects("dps", pole_integral_numeric, 1, 2, 1, 1, dps=dps)


def test_finite_eps_rejects_bad_interval() -> None:
    rejects("a", pole_integral_finite_eps, 1, 2, 1, 1, a=2)  # a must lie below 2mT = 2
    rejects("b", pole_integral_finite_eps, 1, 2, 1, 1, b=1)
    rejects("a", pole_integral_finite_eps, 1, 2, 1, 1, a=math.nan)


def test_pole_integral_at_the_limits_is_fast_and_exact() -> None:
    m, t = sp.Rational(10**50 + 1, 3), sp.Rational(7, 10**40)
    big = accepted(sumrules.pole_integral, -MAX_INDEX, MAX_INDEX, m=m, T=t)
    assert big.is_Rational and big != 0  # s < 0 never vanishes
    assert accepted(sumrules.pole_integral, MAX_INDEX - 2, MAX_INDEX) == 0  # s >= 0, w >= s + 2
    top = accepted(sumrules.pole_integral, MAX_INDEX, 1, m=1, T=sp.Rational(1, 2))
    assert top == 2  # w = 1: 2m (2mT)^s = 2 · 1^s


extreme_rationals = st.builds(
    lambda p, q, e: sp.Rational(p, q) * sp.Integer(10) ** e,
    st.integers(1, 10**6),
    st.integers(1, 10**6),
    st.integers(-300, 300),
)


@given(
    st.integers(-MAX_ROUTE_INDEX, MAX_ROUTE_INDEX),
    st.integers(1, MAX_ROUTE_INDEX),
    extreme_rationals,
    extreme_rationals,
)
@example(64, 64, sp.Integer(1), sp.Integer(1))
@example(-64, 64, sp.Rational(1, 10**300), sp.Integer(10) ** 300)
@example(3, 5, sp.Integer(10) ** 300, sp.Integer(10) ** 300)
def test_pole_integral_extreme_values_agree_with_contour(s: int, w: int, m: Any, t: Any) -> None:
    """Exact closed form vs. mpmath on a contour, for indices up to the limit and m, T of 10^±300."""
    exact = accepted(sumrules.pole_integral, s, w, m=m, T=t)
    numeric = accepted(pole_integral_numeric, s, w, m, t, dps=20)
    if exact != 0:
        assert agreement_digits(exact, numeric) > 18
    else:  # compare with the integrand's scale (2m)^w (2mT)^(s−w+1) · 2^(|s|+w)
        with mpmath.workdps(40):
            scale = mpmath.mpf(sp.N((2 * m) ** w * (2 * m * t) ** (s - w + 1), 40))
            assert abs(numeric) <= scale * mpmath.mpf(2) ** (abs(s) + w) * mpmath.mpf(10) ** -18


@given(st.one_of(st.none(), st.text(max_size=3), st.floats(), st.complex_numbers(), st.booleans()))
def test_pole_integral_fuzzed_wrong_types(bad: Any) -> None:
    for name, call in (
        ("s", lambda: sumrules.pole_integral(bad, 2)),
        ("w", lambda: sumrules.pole_integral(1, bad)),
        ("m", lambda: sumrules.pole_integral(1, 2, m=bad)),
        ("T", lambda: sumrules.pole_integral(1, 2, T=bad)),
    ):
        call.__name__ = "pole_integral"
        rejects(name, call)


# ------------------------------------------------------------------------------------------------
# resolvent.expansion_terms


@pytest.mark.parametrize(
    "bad", [*NON_INTEGER, -1, -(10**50), 10**9, 10**50, resolvent.MAX_ORDER + 1]
)
def test_expansion_terms_rejects_order(bad: Any) -> None:
    rejects("order", resolvent.expansion_terms, bad)
    rejects("order", resolvent.expansion_terms_dp, bad)


def test_expansion_terms_rejects_rules() -> None:
    rejects("rules", resolvent.expansion_terms, 4, rules=["not a rule"])


@given(st.integers(0, 60))
def test_expansion_terms_valid_orders_match_dynamic_programme(order: int) -> None:
    assert accepted(resolvent.expansion_terms, order) == resolvent.expansion_terms_dp(order)


# ------------------------------------------------------------------------------------------------
# oscillator.expansion_coefficient


@pytest.mark.parametrize("bad", [*NON_INTEGER, -1, -(10**50), 10**9, oscillator.MAX_K + 1])
def test_oscillator_rejects_k(bad: Any) -> None:
    rejects("k", oscillator.expansion_coefficient, bad, y=1, omega=1)


@pytest.mark.parametrize(
    "bad", [*WRONG_TYPES, *NON_FINITE, *INEXACT, -1, sp.Rational(-1, 3), NEG, X, sp.I]
)
def test_oscillator_rejects_y(bad: Any) -> None:
    rejects("y", oscillator.expansion_coefficient, 2, y=bad, omega=1)


@pytest.mark.parametrize("bad", [*WRONG_TYPES, *NON_FINITE, *INEXACT, *NON_POSITIVE_EXACT])
def test_oscillator_rejects_omega(bad: Any) -> None:
    rejects("omega", oscillator.expansion_coefficient, 2, y=1, omega=bad)


@given(st.integers(0, 40), extreme_rationals, extreme_rationals)
@example(0, sp.Integer(10) ** 300, sp.Rational(1, 10**300))
def test_oscillator_extreme_values_match_poisson_moments(k: int, y: Any, omega: Any) -> None:
    value = accepted(oscillator.expansion_coefficient, k, y=y, omega=omega)
    assert value == omega**k * oscillator.poisson_central_moment(k, y)


def test_oscillator_accepts_zero_y_and_assumed_symbols() -> None:
    assert accepted(oscillator.expansion_coefficient, 4, y=0, omega=1) == 0  # <0|h^4|0> = 0
    y = sp.Symbol("y", nonnegative=True)
    assert accepted(oscillator.expansion_coefficient, 2, y=y, omega=Fraction(1, 2)) == y / 4


# ------------------------------------------------------------------------------------------------
# hydrogen: sum_rule_ratios and continuum_density

BAD_REAL: list[Any] = [
    *[v for v in WRONG_TYPES if v != "1"],
    *NON_FINITE,
    X,
    sp.I,
    1 + 1j,
    mpmath.mpc(1, 1),
]
BELOW_THRESHOLD: list[Any] = [0.5, "0.5", sp.Rational(1, 2), "0.4", 0, -1, 1e-308, -(10**50)]


@pytest.mark.parametrize("bad", [*BAD_REAL, *BELOW_THRESHOLD, 1e308, 10**50, "1e400"])
def test_sum_rule_ratios_rejects_t(bad: Any) -> None:
    rejects("T", hydrogen.sum_rule_ratios, bad, dps=15)


@pytest.mark.parametrize("bad", [*BAD_REAL, 0, -1, -(10**50), 0.0])
def test_sum_rule_ratios_rejects_z(bad: Any) -> None:
    rejects("Z", hydrogen.sum_rule_ratios, 2, Z=bad, dps=15)


@pytest.mark.parametrize("Z", [1e308, 10**50, 3])
def test_large_z_puts_t_below_threshold(Z: Any) -> None:
    assert "ionization energy" in rejects("T", hydrogen.sum_rule_ratios, 2, Z=Z, dps=15)


@pytest.mark.parametrize("bad", [9, 1001, -5, 30.0, "30", True, None, math.nan, 10**50])
def test_hydrogen_rejects_dps(bad: Any) -> None:
    rejects("dps", hydrogen.sum_rule_ratios, 2, dps=bad)
    rejects("dps", hydrogen.continuum_density, 2, 1, dps=bad)


@pytest.mark.parametrize("dps", [MAX_DPS, MAX_DPS - 5, MIN_DPS])
def test_hydrogen_accepts_the_dps_at_its_bounds(dps: int) -> None:
    """The documented dps range works: dps + guard digits may exceed MAX_DPS internally.

    (Before MAX_WORKING_DPS, dps = 1000 raised "dps must be an integer in [10, 1000], got 1010".)
    """
    got = accepted(hydrogen.continuum_density, 1, "0.7", dps=dps)
    ref = hydrogen.continuum_density(1, "0.7", dps=40)
    assert agreement_digits(got, ref) >= min(dps, 40) - 1
    got = accepted(hydrogen_checks.local_exponent, 2, eps="1e-14", dps=dps)
    assert abs(got + 3) < 1e-9
    # negative control: one digit beyond the range is refused, naming dps
    rejects("dps", hydrogen.continuum_density, 1, "0.7", dps=MAX_DPS + 1)


@given(st.integers(-150, 150), st.integers(-10, 29))
@example(100, 0)  # Z = 1e100, T/I = 2: gave 2 digits before the quadrature was made scale-free
@example(0, 29)  # T/I = 1e29 at Z = 1: gave 8 digits before
@example(-150, -10)
def test_sum_rule_ratios_scale_free_against_closed_form(z_exp: int, excess_exp: int) -> None:
    """Any Z from 1e-150 to 1e150, T/I − 1 from 1e-10 to 1e29: quadrature = closed form."""
    with mpmath.workdps(60):
        z = mpmath.mpf(10) ** z_exp
        t = z * z / 2 * (1 + mpmath.mpf(10) ** excess_exp)
    r_nmm, r_ew = accepted(hydrogen.sum_rule_ratios, t, Z=z, dps=15)
    exact = hydrogen.exact_sum_rule_ratio(t, Z=z, dps=15)
    assert agreement_digits(r_nmm, exact) >= 14
    assert agreement_digits(r_ew, exact) >= 14


@pytest.mark.parametrize("bad", [*BAD_REAL, *BELOW_THRESHOLD])
def test_continuum_density_rejects_t(bad: Any) -> None:
    rejects("T", hydrogen.continuum_density, bad, 1, dps=15)


@pytest.mark.parametrize("bad", [*BAD_REAL, -1, -(10**50), "-1e-300"])
def test_continuum_density_rejects_q(bad: Any) -> None:
    rejects("q", hydrogen.continuum_density, 1, bad, dps=15)


@pytest.mark.parametrize("bad", [*BAD_REAL, 0, -1])
def test_continuum_density_rejects_z(bad: Any) -> None:
    rejects("Z", hydrogen.continuum_density, 2, 1, Z=bad, dps=15)


@pytest.mark.parametrize(
    ("T", "q", "Z"),
    [
        ("1e308", 1, 1),
        (1, "1e308", 1),
        (1, "1e-308", 1),
        ("1e-300", "1e-150", "1e-150"),
        ("1e50", "1e25", "1e-10"),
        ("0.50000000000000000001", "1e-300", 1),
        (10**50, 10**25, 1),
    ],
)
def test_continuum_density_extremes_are_stable_in_precision(T: Any, q: Any, Z: Any) -> None:
    """At extreme arguments the value does not depend on the working precision (no lost digits)."""
    low = accepted(hydrogen.continuum_density, T, q, Z=Z, dps=25)
    high = hydrogen.continuum_density(T, q, Z=Z, dps=60)
    assert mpmath.isfinite(low) and low >= 0
    assert agreement_digits(low, high) >= 24


@given(st.one_of(st.none(), st.text(max_size=3), st.floats(), st.complex_numbers(), st.booleans()))
def test_hydrogen_fuzzed_inputs(value: Any) -> None:
    """Whatever comes in: a ValueError naming the argument, or a value in (0, 1.01)."""
    for name, fn, kwargs in (
        ("T", hydrogen.sum_rule_ratios, {"T": value}),
        ("Z", hydrogen.sum_rule_ratios, {"T": 2, "Z": value}),
        ("q", hydrogen.continuum_density, {"T": 2, "q": value}),
    ):
        try:
            with bounded():
                out = fn(**kwargs, dps=15)
        except ValueError as exc:
            assert name in str(exc) or "T must" in str(exc), str(exc)
            TALLY[f"{fn.__name__}: ValueError"] += 1
            continue
        TALLY[f"{fn.__name__}: accepted, checked"] += 1
        values = out if isinstance(out, tuple) else (out,)
        assert all(isinstance(v, mpmath.mpf) and mpmath.isfinite(v) and v >= 0 for v in values)
        if isinstance(out, tuple):  # cross-check against the closed form
            exact = hydrogen.exact_sum_rule_ratio(kwargs["T"], Z=kwargs.get("Z", 1), dps=15)
            assert min(agreement_digits(v, exact) for v in out) >= 14


# ------------------------------------------------------------------------------------------------
# the two routes that take a width ε: free.lorentzian_integral, hydrogen_checks.local_exponent


@pytest.mark.parametrize("bad", [*BAD_REAL, 0, -1, "-1e-8", 0.0])
@pytest.mark.parametrize("name", ["T", "m", "eps"])
def test_lorentzian_integral_rejects(name: str, bad: Any) -> None:
    rejects(name, free.lorentzian_integral, lambda x: 1, **{name: bad}, dps=10)


@pytest.mark.parametrize("bad", [*BAD_REAL, 0, -1, "-1e-8"])
def test_local_exponent_rejects_eps(bad: Any) -> None:
    rejects("eps", hydrogen_checks.local_exponent, 2, eps=bad, dps=10)


@pytest.mark.parametrize("eps", ["1e-1081", "1e-5000", mpmath.mpf("1e-2000")])
def test_width_too_small_for_max_dps_is_refused(eps: Any) -> None:
    """Resolving ε next to T would take more than MAX_WORKING_DPS digits: refused naming eps, not hung."""
    rejects("eps", free.lorentzian_integral, lambda x: 1, T=1, eps=eps, dps=10)
    rejects("eps", hydrogen_checks.local_exponent, 1, eps=eps, dps=10)


@pytest.mark.parametrize(("T", "eps"), [(1, "1e-60"), (10**6, "1e-30"), ("1e-6", "1e-40")])
def test_tiny_width_is_resolved(T: Any, eps: str) -> None:
    """ε far below 10^-dps·T: the right number (closed forms), not the garbage of a lost peak."""
    v = accepted(free.lorentzian_integral, lambda x: 1, T=T, eps=eps, dps=10)
    with mpmath.workdps(60):  # (1/π)∫_0^∞ 2ε dx/((T − x/2)² + ε²) = 2(1/2 + atan(T/ε)/π)
        exact = 2 * (mpmath.mpf(1) / 2 + mpmath.atan(mpmath.mpf(T) / mpmath.mpf(eps)) / mpmath.pi)
    assert agreement_digits(v, exact) >= 9
    assert abs(accepted(hydrogen_checks.local_exponent, T, eps=eps, Z="1e-3", dps=10) + 3) < 1e-6


# ------------------------------------------------------------------------------------------------
# verify


@pytest.mark.parametrize(
    "bad",
    ["eq19", b"eq19", 5, 1.5, 1 + 2j, True, X, [1], ["eq19", None], ["nope"], [""], ["eq"]],
)
def test_verify_rejects_ids(bad: Any) -> None:
    rejects("ids", sumrules.verify, bad)


@pytest.mark.parametrize("bad", [9, 1001, -1, 30.0, "30", True, None, math.nan, 10**50, 1 + 2j])
def test_verify_rejects_dps(bad: Any) -> None:
    rejects("dps", sumrules.verify, ["text.recoil"], dps=bad)


def test_verify_accepts_any_iterable_of_ids() -> None:
    for ids in (("text.recoil",), {"text.recoil"}, iter(["text.recoil"])):
        assert [r.id for r in accepted(sumrules.verify, ids).results] == ["text.recoil"]
    assert accepted(sumrules.verify, []).results == []


# ------------------------------------------------------------------------------------------------
# the command line

CLI_BAD: list[tuple[list[str], str]] = [
    (["verify", "--dps", v], "--dps") for v in ("1e308", "nan", "-1", "10**50", "", "1001", "3.0")
]
CLI_BAD += [
    (["verify", "--only"], "--only"),
    (["verify", "--only", "eq19", "nope"], "nope"),
    (["verify", "--only", ""], "unknown claim"),
    (["verify", "--only", "eq19."], "unknown claim"),
    (["verify", "--bogus"], "--bogus"),
    (["report", "--dps", "5"], "--dps"),
    (["report", "--out", ""], "--out"),
    (["report", "--out", "/dev/null/x", "--only", "text.recoil"], "--out"),
    (["plot", "--out", ""], "--out"),
    (["plot", "--out", "/dev/null/x"], "--out"),
]
CLI_BAD += [
    (["hydrogen", "--T", v], "T") for v in ("nan", "inf", "abc", "", "1e400", "0.5", "1+2j")
]
CLI_BAD += [(["hydrogen", "--T", "-inf"], "--T")]
CLI_BAD += [(["hydrogen", "--Z", v], "Z") for v in ("0", "nan", "inf", "-1", "x", "True")]
CLI_BAD += [(["hydrogen", "--Z", "1e308", "--T", "2"], "T")]
CLI_BAD += [(["hydrogen", "--dps", v], "--dps") for v in ("5", "abc", "1e3", "10000", "-5")]
CLI_BAD += [(["hydrogen", "--T-over-I", v], "--T-over-I") for v in ("1", "nan", "inf", "1e40")]


@pytest.mark.parametrize(
    ("argv", "named"), CLI_BAD, ids=lambda a: " ".join(a) if isinstance(a, list) else a
)
def test_cli_bad_usage(argv: list[str], named: str, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        with bounded():
            code = main(argv)
    except SystemExit as exc:  # argparse
        code = exc.code
    err = capsys.readouterr().err
    TALLY[f"cli {argv[0]}: exit {code}"] += 1
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("sumrules: error:"), err
    assert named in err and "Traceback" not in err, err


def test_cli_subprocess_one_line_no_traceback(tmp_path: Any) -> None:
    """Through the real entry point: exit 2, exactly one line, for the worst of the lot."""
    for argv in (["hydrogen", "--T", "1e308"], ["report", "--out", str(tmp_path / "f" / "x")]):
        if argv[0] == "report":
            (tmp_path / "f").write_text("a file, not a folder")
            argv += ["--only", "text.recoil"]
        proc = subprocess.run(
            [sys.executable, "-m", "sumrules", *argv],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        TALLY[f"cli subprocess {argv[0]}: exit {proc.returncode}"] += 1
        assert proc.returncode == 2, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "Traceback" not in proc.stderr
