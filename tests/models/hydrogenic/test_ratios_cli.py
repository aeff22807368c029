"""Ratios, the large-T law, the stepping table, and `sumrules hydrogen --state`."""

from __future__ import annotations

import json

import mpmath
import pytest

from sumrules.cli import main
from sumrules.models.hydrogenic import state_ratios as ratios


def test_derived_exponent_and_1s_coefficient() -> None:
    assert [float(ratios.large_T_exponent(l)) for l in range(4)] == [2.5, 3.5, 4.5, 5.5]
    assert str(ratios.large_T_coefficient(1, 0)) == "-16/(15*pi)"


def test_fit_catches_a_wrong_model() -> None:
    def wrong(t: mpmath.mpf, dps: int) -> tuple[mpmath.mpf, mpmath.mpf]:
        r = 1 - mpmath.mpf(2) * (mpmath.mpf(1) / (2 * t)) ** 2  # p = 2, not 5/2
        return r, r

    fit = ratios.fit_large_T_law(1, 0, [10**4, 10**5, 10**6], dps=30, ratios=wrong)
    assert abs(fit.exponent - 2) < 1e-9 and abs(fit.exponent - fit.exponent_derived) > 0.4


def test_stepping_table_shape() -> None:
    rows = ratios.stepping_table([(1, 0), (2, 1)], ["2"], dps=12)
    assert set(rows[0]) == {"T/I", "1s nmm", "1s ew", "2p nmm", "2p ew"}
    assert rows[0]["2p ew"] > 0 > rows[0]["2p nmm"]  # type: ignore[operator]


def test_cli_state(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hydrogen", "--state", "2p", "--T-over-I", "2", "--dps", "12", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["state"] == "2p" and doc["ionization_energy"] == "0.125"
    assert doc["rows"][0]["r_nmm"].startswith("0.9954801")
    # the closed form r(κ) checked by the q-quadrature of the closed-form S, row by row
    assert doc["rows"][0]["digits"] == 12.0  # all 12 digits asked for (valid JSON: no inf)


def test_cli_state_digits_show_a_disagreement(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Control: a second route that is off in the 8th digit shows as about 8 digits."""
    from sumrules.models.hydrogenic import closed_form_ratios as cfr

    true = cfr.sum_rule_ratios_closed

    def off(*args: object, **kw: object) -> tuple[mpmath.mpf, mpmath.mpf]:
        a, b = true(*args, **kw)  # type: ignore[arg-type]
        return a * (1 + mpmath.mpf("1e-8")), b

    monkeypatch.setattr(cfr, "sum_rule_ratios_closed", off)
    assert main(["hydrogen", "--state", "2p", "--T-over-I", "2", "--dps", "20", "--json"]) == 0
    digits = json.loads(capsys.readouterr().out)["rows"][0]["digits"]
    assert 7 < digits < 9


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--state", "2d"], "state must be"),
        (["--state", "5s"], "state must be"),
        (["--state", "2p", "--T", "0.1"], "T must exceed"),
        (["--state", "2p", "--Z", "0"], "Z must be"),
        (["--state", "2p", "--T-over-I", "1"], "must exceed 1"),
    ],
)
def test_cli_bad_input(args: list[str], fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hydrogen", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err
