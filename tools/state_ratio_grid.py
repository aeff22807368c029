"""Compute the sum-rule ratios of hydrogen-like states on the T/I grid and write
src/sumrules/models/shell_atom/state_ratio_grid.json (about half an hour on one core).

    python tools/state_ratio_grid.py [--dps 20] [--out PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sumrules.models.shell_atom.state_grid import GRID_FILE, compute_grid, grid_document

OUT = Path(__file__).resolve().parents[1] / "src/sumrules/models/shell_atom" / GRID_FILE


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--dps", type=int, default=20)
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args()
    doc = compute_grid(dps=args.dps, log=True)
    args.out.write_text(grid_document(doc))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
