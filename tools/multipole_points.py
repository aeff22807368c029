"""Compute the multipole-cut proof points (partial waves cut at L <= 6 against the uncut
Coulomb wave: on the ridge, and the q-integrated ratios) and write
src/sumrules/models/multipole_cut/multipole_points.json (20 s - 3 min a point, about 10 min a
ratio).

    python tools/multipole_points.py [--out PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sumrules.models.multipole_cut.points import (
    POINTS,
    POINTS_FILE,
    RATIOS,
    CutPoint,
    CutRatio,
    compute_point,
    compute_ratio,
    points_document,
)

OUT = Path(__file__).resolve().parents[1] / "src/sumrules/models/multipole_cut" / POINTS_FILE


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args()
    done: list[CutPoint] = []
    ratios: list[CutRatio] = []
    for point in POINTS:
        done.append(compute_point(*point))
        c = done[-1]
        print(f"{c.label}: S_cut/S = {c.share:.6f}, closure B = {c.closure:.6f} ({c.seconds} s)")
        args.out.write_text(points_document(done))
    for ratio in RATIOS:
        ratios.append(compute_ratio(*ratio))
        r = ratios[-1]
        print(
            f"{r.label}: r_cut/r = {r.share_nmm:.6f} (nmm), {r.share_ew:.6f} (ew) ({r.seconds} s)"
        )
        args.out.write_text(points_document(done, ratios))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
