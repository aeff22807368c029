"""Command line: ``sumrules verify | report | hydrogen | germanium | xray | table | plot``.

Exit codes: 0 when every claim was checked (a "refuted" verdict is a
finding, not a failure); 1 when a check could not be carried out or two
methods disagree; 2 for bad usage (including bad numbers for ``hydrogen``, ``germanium`` and
``xray``, a missing matplotlib for ``plot``, an unwritable ``--out`` and an unreadable table for
``table``), with one line on stderr.
``verify --json --no-timings`` leaves out the timing fields: its output is byte-identical
across runs.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from sumrules import __version__
from sumrules.core.claim import Claim
from sumrules.core.ledger import ClaimResult, Ledger
from sumrules.core.numeric import MAX_DPS, MIN_DPS
from sumrules.core.runner import default_jobs, verify
from sumrules.report.proof_book import ledger_json, print_ledger, write_proof_book

__all__ = ["main"]


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs must be an integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be at least 1, got {value}")
    return value


def _dps(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--dps must be an integer, got {text!r}") from None
    if not MIN_DPS <= value <= MAX_DPS:
        raise argparse.ArgumentTypeError(f"--dps must be in [{MIN_DPS}, {MAX_DPS}], got {value}")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error message (no usage block) and exit code 2."""

    def error(self, message: str) -> NoReturn:
        _error_line(f"{self.prog}: {message}")
        raise SystemExit(2)


def _out(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("--out must be a non-empty folder path")
    return text


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="sumrules",
        description="Verify Voloshin, PRL 105, 201801 (2010), equation by equation.",
    )
    p.add_argument("--version", action="version", version=f"sumrules {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    v = sub.add_parser("verify", help="run the claims and print the ledger")
    v.add_argument(
        "--only", nargs="+", metavar="ID", help="claim ids (an id includes its sub-claims)"
    )
    v.add_argument("--dps", type=_dps, default=30, help="decimal digits for numerics (default 30)")
    v.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        help=f"worker processes (default: the number of cores, here {default_jobs()})",
    )
    v.add_argument("--json", action="store_true", help="print the ledger as JSON")
    v.add_argument(
        "--no-timings",
        action="store_true",
        help="leave the timing fields out of --json (byte-identical output across runs)",
    )
    v.add_argument(
        "--certified",
        action="store_true",
        help="add certified interval enclosures where available (needs the flint extra)",
    )

    r = sub.add_parser("report", help="write the LaTeX proof book")
    r.add_argument("--out", type=_out, default="proofs", help="output folder (default: proofs)")
    r.add_argument("--only", nargs="+", metavar="ID", help="claim ids")
    r.add_argument("--dps", type=_dps, default=30, help="decimal digits for numerics (default 30)")
    r.add_argument("--jobs", type=_jobs, default=None, help="worker processes (default: cores)")

    h = sub.add_parser(
        "hydrogen",
        help="sum-rule ratios r_nmm, r_ew of a hydrogen-like state (default 1s)",
        description="r_nmm = T ∫ S dQ²/Q² and r_ew = (1/2m) ∫ S dQ² per electron (atomic "
        "units); both are 1 if Eqs. (12) and (15) hold. Without --T or --T-over-I: the table "
        "at T/I = 1.001, 1.1, 1.5, 2, 5, 10, 100.",
    )
    h.add_argument("--T", nargs="+", metavar="T", dest="T", help="energy transfers in hartree")
    h.add_argument(
        "--T-over-I",
        nargs="+",
        metavar="X",
        dest="T_over_I",
        help="energy transfers in units of the ionization energy I = Z²/2",
    )
    h.add_argument(
        "--state", default="1s", help="the state nl, n <= 4 (1s, 2s, 2p, 3s, 3p, 3d, 4s ... 4f)"
    )
    h.add_argument("--Z", default="1", help="nuclear charge (default 1)")
    h.add_argument("--dps", default="30", help="decimal digits (default 30)")
    h.add_argument("--json", action="store_true", help="print JSON")
    h.add_argument(
        "--certified",
        action="store_true",
        help="also certified enclosures (python-flint balls; needs the flint extra)",
    )

    g = sub.add_parser(
        "germanium",
        help="inclusive sum-rule ratios of germanium, shell by shell (hydrogenic shell model)",
        description="r_nmm and r_ew of Ge per electron of the whole atom (normalised to 32 free "
        "electrons) and per subshell, against the stepping approximation n(T)/32. Without --T: "
        "a log grid on 0.1-30 keV with points just below and above every edge.",
    )
    g.add_argument("--T", nargs="+", metavar="T", dest="T", help="energy transfers in keV")
    g.add_argument("--model", default="binding", help="binding (default) or slater")
    g.add_argument("--points", default="200", help="log-grid points without --T (default 200)")
    g.add_argument("--dps", default="15", help="decimal digits (default 15)")
    g.add_argument("--json", action="store_true", help="print JSON")

    x = sub.add_parser(
        "xray",
        help="sigma_gamma, sigma_gamma T^2 and delta_mu of Eq. (13) from X-ray tables",
        description="Photoabsorption sigma_gamma (barn), sigma_gamma T^2 (barn keV^2) and "
        "delta_mu = sigma_gamma T^2/(4 pi^2 alpha Z) of Eq. (13), from one X-ray table, with "
        "the maximum of sigma_gamma T^2 on 1-30 keV. Without --T: a grid on 1-30 keV with "
        "points just below and above every edge.",
    )
    x.add_argument("element", help="element symbol or atomic number, e.g. Ge")
    x.add_argument(
        "--table",
        choices=("henke", "elam", "chantler"),
        default="henke",
        help="Henke et al. 1993 (default), Elam et al. 2002 or Chantler (FFAST)",
    )
    x.add_argument("--T", nargs="+", metavar="T", dest="T", help="photon energies in keV")
    x.add_argument("--json", action="store_true", help="print JSON")

    tb = sub.add_parser(
        "table",
        help="check a K(E, q) or S(T, q) table: sum-rule ratios per T, Bethe sums per q, flags",
        description="Reads a table in the matrix format of the Caddell-Flambaum-Roberts "
        "ionisation factors (atomic units; plain or gzip), and reports per T the whole "
        "table's r_nmm = T∫S dQ²/Q² and r_ew = ∫S dQ²/2m against the stepping count, per q the "
        "Bethe sum and completeness over T, and flags where it cannot be trusted (multipole "
        "cut, grid edges, truncation at T_max, threshold cells).",
    )
    tb.add_argument("file", nargs="?", help="the table (or use --packaged)")
    tb.add_argument("--packaged", choices=("Ar", "Xe"), help="a table shipped with sumrules")
    tb.add_argument("--Z", type=int, default=None, help="atomic number (default: file name)")
    tb.add_argument(
        "--max-L", type=int, default=None, dest="max_L", help="multipole cut (default: file name)"
    )
    tb.add_argument("--json", action="store_true", help="print JSON (every row and column)")
    tb.add_argument("--all", action="store_true", help="print every row and column")

    pl = sub.add_parser("plot", help="write the figures (PNG and PDF; needs the plot extra)")
    pl.add_argument("--out", type=_out, default="figures", help="output folder (default: figures)")
    return p


def _progress(err: Console, columns: Sequence[ProgressColumn], **options: Any) -> Progress:
    """A transient progress display on a terminal; off a terminal none at all (rich before 15
    writes a newline on stop even when disabled, so it is given a console of its own)."""
    console = err if err.is_terminal else Console(file=io.StringIO())
    return Progress(
        *columns, console=console, transient=True, disable=not err.is_terminal, **options
    )


def _error_line(message: str) -> None:
    """One unwrapped line on stderr."""
    sys.stderr.write(f"sumrules: error: {' '.join(message.split())}\n")


@dataclass(frozen=True)
class _StateRow:
    """A row of a state other than 1s: r by its closed form r(κ) where one is derived, with the
    digits of agreement with the q-quadrature of the closed-form S (else the Coulomb wave, no
    second route: digits not estimated)."""

    T: Any
    Z: Any
    r_nmm: Any
    r_ew: Any
    closed_form: Any = None
    digits: float = float("nan")


def _hydrogen_rows(args: argparse.Namespace) -> tuple[Any, int, list[Any]]:
    """Validate the hydrogen arguments and compute the rows; ValueError with a one-line reason."""
    import mpmath

    from sumrules.core.numeric import validate_dps
    from sumrules.models import Hydrogenic
    from sumrules.models.hydrogenic import ground as hyd
    from sumrules.models.hydrogenic.states import parse_label

    try:
        dps = int(args.dps)
    except ValueError:
        raise ValueError(
            f"--dps must be an integer in [{MIN_DPS}, {MAX_DPS}], got {args.dps!r}"
        ) from None
    validate_dps(dps, "--dps")
    n, l = parse_label(args.state)
    if (n, l) != (1, 0):
        return _state_rows(Hydrogenic(n, l, Z=hyd.nuclear_charge(args.Z)), args, dps)
    ion = hyd.ionization_energy(Z=args.Z, dps=dps)
    values: list[tuple[str, object]] = [("T", t) for t in args.T or []]
    values += [("T/I", x) for x in args.T_over_I or []]
    if not values:
        values = [("T/I", x) for x in ("1.001", "1.1", "1.5", "2", "5", "10", "100")]
    rows = []
    for kind, v in values:
        try:
            with mpmath.workdps(dps + 10):
                x = mpmath.mpmathify(v)
        except (TypeError, ValueError):
            raise ValueError(
                f"--{'T' if kind == 'T' else 'T-over-I'} values must be numbers, got {v!r}"
            ) from None
        if kind == "T/I":
            if not (isinstance(x, mpmath.mpf) and mpmath.isfinite(x) and x > 1):
                raise ValueError(
                    f"--T-over-I must exceed 1 (T above the ionization threshold) and be "
                    f"finite, got {v!r}"
                )
            if x > hyd.MAX_T_OVER_I:
                raise ValueError(f"--T-over-I must be at most {hyd.MAX_T_OVER_I:.0e}, got {v!r}")
            with mpmath.workdps(dps + 10):
                t: object = x * ion
        else:
            t = v
        rows.append(hyd.sum_rule_ratios_detailed(t, Z=args.Z, dps=dps))
    return ion, dps, rows


def _energies(args: argparse.Namespace, ion: Any, dps: int) -> list[Any]:
    """The energy transfers asked for (--T as given, --T-over-I times I); default T/I grid."""
    import mpmath

    values: list[tuple[str, object]] = [("T", t) for t in args.T or []]
    values += [("T/I", x) for x in args.T_over_I or []]
    if not values:
        values = [("T/I", x) for x in ("1.001", "1.1", "1.5", "2", "5", "10", "100")]
    out = []
    for kind, v in values:
        try:
            with mpmath.workdps(dps + 10):
                x = mpmath.mpmathify(v)
        except (TypeError, ValueError):
            raise ValueError(
                f"--{'T' if kind == 'T' else 'T-over-I'} values must be numbers, got {v!r}"
            ) from None
        if kind == "T/I" and not (isinstance(x, mpmath.mpf) and mpmath.isfinite(x) and x > 1):
            raise ValueError(f"--T-over-I must exceed 1 (T above the threshold), got {v!r}")
        with mpmath.workdps(dps + 10):
            out.append(v if kind == "T" else x * ion)
    return out


def _state_rows(atom: Any, args: argparse.Namespace, dps: int) -> tuple[Any, int, list[Any]]:
    """Rows of a state other than 1s (:meth:`Hydrogenic.sum_rule_ratios`), each checked by a
    second route where the state has a closed form."""
    import mpmath

    from sumrules.core.numeric import agreement_digits
    from sumrules.models.hydrogenic.closed_form_ratios import RATIO_FORMS, sum_rule_ratios_closed

    with mpmath.workdps(dps + 10):
        ion = atom.threshold
    rows = []
    for t in _energies(args, ion, dps):
        t_ = atom.check_energy(t, dps=dps)
        r_nmm, r_ew = atom.sum_rule_ratios(t_, dps=dps)
        digits = float("nan")
        if (atom.n, atom.l) in RATIO_FORMS:
            q_nmm, q_ew = sum_rule_ratios_closed(atom.n, atom.l, t_, Z=atom.Z, dps=dps)
            agree = min(agreement_digits(r_nmm, q_nmm), agreement_digits(r_ew, q_ew))
            digits = float(min(agree, dps))  # equal to every digit asked: dps, as for 1s
        rows.append(_StateRow(t_, atom.Z, r_nmm, r_ew, digits=digits))
    return ion, dps, rows


def _certified_record(d: Any, dps: int) -> dict[str, Any]:
    """Certified balls at the row's T; the quadrature must agree with them to its own rounding."""
    import mpmath

    from sumrules.core.certified import contains
    from sumrules.models import Hydrogenic

    b_nmm, b_ew = Hydrogenic(1, 0, Z=d.Z).sum_rule_ratios(d.T, dps=dps, certified=True)
    tol = mpmath.mpf(10) ** (1 - dps)
    inside = contains(b_nmm.ball, d.r_nmm, rel_tol=tol) and contains(b_ew.ball, d.r_ew, rel_tol=tol)
    if not inside:
        raise ArithmeticError(
            f"certified ball and quadrature disagree at T = {mpmath.nstr(d.T, 15)}: "
            f"ball {mpmath.nstr(b_nmm.mid, dps)} ± {mpmath.nstr(b_nmm.rad, 3)}, "
            f"quadrature {mpmath.nstr(d.r_nmm, dps)}"
        )
    return {
        "certified_r_nmm": f"{mpmath.nstr(b_nmm.mid, dps + 2)} ± {mpmath.nstr(b_nmm.rad, 2)}",
        "certified_r_ew": f"{mpmath.nstr(b_ew.mid, dps + 2)} ± {mpmath.nstr(b_ew.rad, 2)}",
        "certified_digits": round(min(b_nmm.digits, b_ew.digits), 1),
    }


def _hydrogen(args: argparse.Namespace, err: Console) -> int:
    import mpmath

    try:
        ion, dps, rows = _hydrogen_rows(args)
    except ValueError as exc:
        _error_line(str(exc))
        return 2

    def s(x: object) -> str:
        return mpmath.nstr(x, dps)

    certified: list[dict[str, Any]] = []
    if args.certified and args.state.strip().lower() != "1s":
        _error_line("--certified: certified enclosures exist for 1s only")
        return 2
    if args.certified:
        from sumrules.core.certified import MissingExtra

        try:
            certified = [_certified_record(d, dps) for d in rows]
        except MissingExtra as exc:
            _error_line(str(exc))
            return 2
        except ArithmeticError as exc:
            _error_line(str(exc))
            return 1

    records = []
    for d in rows:
        with mpmath.workdps(dps + 10):
            ratio = d.T / ion
        records.append(
            {
                "T": s(d.T),
                "T_over_I": s(ratio),
                "r_nmm": s(d.r_nmm),
                "r_ew": s(d.r_ew),
                "closed_form": None if d.closed_form is None else s(d.closed_form),
                "digits": None if d.digits != d.digits else round(d.digits, 1),
            }
        )
    for record, extra in zip(records, certified, strict=False):
        record.update(extra)
    if args.json:
        doc = {
            "state": args.state.strip().lower(),
            "Z": s(rows[0].Z),
            "ionization_energy": s(ion),
            "dps": dps,
            "rows": records,
        }
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
        return 0
    table = Table(
        title=f"hydrogen-like {args.state.strip().lower()}, Z = {s(rows[0].Z)}, I = {s(ion)} "
        "hartree: per-electron "
        "sum-rule ratios (1 if Eqs. (12) and (15) held)",
    )
    for col in ("T (hartree)", "T/I", "r_nmm = T∫S dQ²/Q²", "r_ew = ∫S dQ²/2m", "digits"):
        table.add_column(col, justify="right")
    if certified:
        table.add_column("certified r_nmm (ball)", justify="right")
        table.add_column("certified digits", justify="right")
    for r in records:
        digits = "-" if r["digits"] is None else f"{r['digits']:.0f}"
        cells = [r["T"], r["T_over_I"], r["r_nmm"], r["r_ew"], digits]
        if certified:
            cells += [r["certified_r_nmm"], f"{r['certified_digits']:.1f}"]
        table.add_row(*cells)
    Console(width=240).print(table)
    return 0


def _germanium(args: argparse.Namespace, err: Console) -> int:
    from sumrules.report.germanium_table import germanium_document, print_germanium

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    try:
        with _progress(err, columns) as bar:
            task = bar.add_task("germanium", total=None)

            def tick(i: int, total: int) -> None:
                bar.update(task, completed=i + 1, total=total)

            doc = germanium_document(args.model, args.T, args.points, args.dps, progress=tick)
    except ValueError as exc:
        _error_line(str(exc).replace("T_keV", "--T"))
        return 2
    if args.json:
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    else:
        print_germanium(doc, Console(width=240))
    return 0


def _xray(args: argparse.Namespace) -> int:
    from sumrules.report.xray_table import print_xray, xray_document

    energies: list[float] | None = None
    try:
        if args.T is not None:
            energies = []
            for v in args.T:
                try:
                    energies.append(float(v))
                except ValueError:
                    raise ValueError(f"--T values must be numbers, got {v!r}") from None
        doc = xray_document(args.element, args.table, energies)
    except ValueError as exc:
        _error_line(str(exc).replace("T_keV", "--T"))
        return 2
    if args.json:
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    else:
        print_xray(doc, Console(width=160))
    return 0


def _table(args: argparse.Namespace, err: Console) -> int:
    from sumrules.data.ionisation import TableError, packaged_table, read_table
    from sumrules.models.table_check import check_table
    from sumrules.report.table_report import check_document, print_check

    if (args.file is None) == (args.packaged is None):
        _error_line("table: give a FILE or --packaged Ar|Xe (one of them)")
        return 2
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with _progress(err, columns) as bar:
        task = bar.add_task("reading", total=None)

        def tick(done: int, total: int, what: str = "reading") -> None:
            bar.update(task, completed=done, total=total, description=what)

        try:
            if args.packaged:
                table = packaged_table(args.packaged)
            else:
                table = read_table(args.file, Z=args.Z, max_L=args.max_L, progress=tick)
            check = check_table(table, progress=tick)
        except TableError as exc:
            _error_line(str(exc))
            return 2
        except ValueError as exc:
            _error_line(f"table: {exc}")
            return 2
    if args.json:
        sys.stdout.write(json.dumps(check_document(check), indent=1) + "\n")
    else:
        print_check(check, Console(width=160), every=args.all)
    return 0


def _plot(args: argparse.Namespace, err: Console) -> int:
    from sumrules.report.plots import PLOT_EXTRA_MESSAGE, write_figures

    try:
        paths = write_figures(args.out)
    except ModuleNotFoundError:
        _error_line(PLOT_EXTRA_MESSAGE)
        return 2
    except OSError as exc:
        _error_line(f"--out: cannot write to {args.out!r}: {exc.strerror or exc}")
        return 2
    for path in paths:
        err.print(f"wrote {path}", markup=False, highlight=False)
    return 0


def _run(
    only: Sequence[str] | None,
    dps: int,
    err: Console,
    *,
    certified: bool = False,
    jobs: int | None = None,
) -> Ledger:
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    # no progress display off a terminal: stderr then carries only messages (one line each);
    # no refresh thread either (auto_refresh=False): worker processes are forked while it shows
    with _progress(err, columns, auto_refresh=False) as progress:
        task = progress.add_task("checking", total=None)

        def tick(c: Claim, result: ClaimResult | None) -> None:
            if result is None:
                progress.update(task, description=f"checking {c.id}")
            else:
                progress.advance(task)
            progress.refresh()

        return verify(only, dps=dps, progress=tick, certified=certified, jobs=jobs)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sumrules`` command; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    err = Console(stderr=True)
    if args.command == "hydrogen":
        return _hydrogen(args, err)
    if args.command == "plot":
        return _plot(args, err)
    if args.command == "xray":
        return _xray(args)
    if args.command == "table":
        return _table(args, err)
    if args.command == "germanium":
        return _germanium(args, err)
    from sumrules.core.certified import MissingExtra

    try:
        ledger = _run(
            args.only,
            args.dps,
            err,
            certified=getattr(args, "certified", False),
            jobs=args.jobs,
        )
    except MissingExtra as exc:
        _error_line(str(exc))
        return 2
    except ValueError as exc:
        _error_line(str(exc))
        return 2
    if args.command == "verify":
        if args.json:
            sys.stdout.write(ledger_json(ledger, timings=not args.no_timings) + "\n")
        else:
            print_ledger(ledger, Console())
    elif args.command == "report":
        try:
            paths = write_proof_book(ledger, args.out)
        except OSError as exc:
            _error_line(f"--out: cannot write to {args.out!r}: {exc.strerror or exc}")
            return 2
        err.print(f"wrote {len(paths)} files under {args.out}/", highlight=False)
    for r in ledger.results:
        if r.error:
            err.print(f"[bold red]{r.id}: {r.error}[/]")
    return 0 if ledger.ok else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
