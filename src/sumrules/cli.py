"""Command line: ``sumrules verify | report``.

Exit codes: 0 when every claim was checked (a "refuted" verdict is a
finding, not a failure); 1 when a check could not be carried out or two
methods disagree; 2 for bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .ledger import Claim, ClaimResult, Ledger, verify
from .numeric import MAX_DPS, MIN_DPS
from .report import ledger_json, print_ledger, write_proof_book

__all__ = ["main"]


def _dps(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--dps must be an integer, got {text!r}") from None
    if not MIN_DPS <= value <= MAX_DPS:
        raise argparse.ArgumentTypeError(f"--dps must be in [{MIN_DPS}, {MAX_DPS}], got {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sumrules",
        description="Verify Voloshin, PRL 105, 201801 (2010), equation by equation.",
    )
    p.add_argument("--version", action="version", version=f"sumrules {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    v = sub.add_parser("verify", help="run the claims and print the ledger")
    v.add_argument("--only", nargs="+", metavar="ID", help="claim ids (an id includes its sub-claims)")
    v.add_argument("--dps", type=_dps, default=30, help="decimal digits for numerics (default 30)")
    v.add_argument("--json", action="store_true", help="print the ledger as JSON")

    r = sub.add_parser("report", help="write the LaTeX proof book")
    r.add_argument("--out", default="proofs", help="output folder (default: proofs)")
    r.add_argument("--only", nargs="+", metavar="ID", help="claim ids")
    r.add_argument("--dps", type=_dps, default=30, help="decimal digits for numerics (default 30)")
    return p


def _run(only: Sequence[str] | None, dps: int, err: Console) -> Ledger:
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("checking", total=None)

        def tick(c: Claim, result: ClaimResult | None) -> None:
            if result is None:
                progress.update(task, description=f"checking {c.id}")
            else:
                progress.advance(task)

        return verify(only, dps=dps, progress=tick)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sumrules`` command; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    err = Console(stderr=True)
    try:
        ledger = _run(args.only, args.dps, err)
    except ValueError as exc:
        err.print(f"sumrules: error: {exc}", markup=False, highlight=False)
        return 2
    if args.command == "verify":
        if args.json:
            sys.stdout.write(ledger_json(ledger) + "\n")
        else:
            print_ledger(ledger, Console())
    elif args.command == "report":
        paths = write_proof_book(ledger, args.out)
        err.print(f"wrote {len(paths)} files under {args.out}/", highlight=False)
    for r in ledger.results:
        if r.error:
            err.print(f"[bold red]{r.id}: {r.error}[/]")
    return 0 if ledger.ok else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
