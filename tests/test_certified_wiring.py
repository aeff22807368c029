"""`verify --certified` and `hydrogen --certified`: balls join the evidence; without flint, a clear error."""

from __future__ import annotations

import json
import sys

import pytest

from sumrules.cli import main
from sumrules.core.ledger import verify


def test_without_flint_certified_says_which_extra(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "flint", None)  # makes `import flint` fail
    assert main(["verify", "--only", "eq19.vanishing", "--certified"]) == 2
    assert "pip install 'sumrules[flint]'" in capsys.readouterr().err
    assert main(["hydrogen", "--T", "1", "--certified"]) == 2
    assert "flint extra" in capsys.readouterr().err


def test_without_flint_plain_verify_still_works(monkeypatch):
    monkeypatch.setitem(sys.modules, "flint", None)
    assert verify(["eq19.vanishing"]).ok


def test_certified_route_joins_eq19():
    pytest.importorskip("flint", reason="needs the flint extra: pip install 'sumrules[flint]'")
    r = verify(["eq19"], certified=True)["eq19"]
    cert = [e for e in r.evidence if e.route == "certified"]
    assert r.verdict == "corrected" and len(cert) == 1
    assert cert[0].agreement is not None and cert[0].agreement >= 28
    assert any(c.description.startswith("certified:") for c in r.controls)
    assert all(c.caught for c in r.controls)


def test_a_false_certificate_is_an_error(monkeypatch):
    pytest.importorskip("flint", reason="needs the flint extra: pip install 'sumrules[flint]'")
    import sumrules.theory.pole_integral.certified as ck

    real = ck.certified_pole_integral_grid

    def broken(*args, **kwargs):
        rows = real(*args, **kwargs)
        return [type(r)(r.s, r.w, r.exact, r.ball, r.certified and r.w != 2) for r in rows]

    monkeypatch.setattr(ck, "certified_pole_integral_grid", broken)
    r = verify(["eq19"], certified=True)["eq19"]
    assert r.verdict == "error" and "NOT contained" in (r.error or "")


def test_hydrogen_certified_json(capsys):
    pytest.importorskip("flint", reason="needs the flint extra: pip install 'sumrules[flint]'")
    assert main(["hydrogen", "--T-over-I", "2", "--certified", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)["rows"][0]
    assert row["certified_digits"] >= 30
    assert row["certified_r_nmm"].startswith("0.98743934701031948712936638")
