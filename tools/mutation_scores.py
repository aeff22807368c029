"""Mutation score per module from mutmut's result files (run after `mutmut run`).

mutmut prints one total; this prints, for every mutated module, how many mutants were killed,
survived, had no test calling their function, timed out or were not checked, and the score
``(killed + timeout) / (all mutants)`` (mutants no test reaches count as not killed) and, for
a run that did not check every mutant, the same over the checked ones only.

Usage: python tools/mutation_scores.py [--markdown] [mutants/src/sumrules]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

# mutmut 3.8 exit codes: 1 killed (3: killed by a crash), 0 survived, 33 no tests,
# 24/36/-24/152 timeout (CPU limit), None not checked yet
_STATUS = {1: "killed", 3: "killed", 0: "survived", 33: "no tests"}
_TIMEOUT = {24, 36, -24, 152}
COLUMNS = ("killed", "timeout", "survived", "no tests", "not checked", "other")


def status(code: int | None) -> str:
    """One of COLUMNS for a mutmut exit code (None: not run yet)."""
    if code is None:
        return "not checked"
    if code in _TIMEOUT:
        return "timeout"
    return _STATUS.get(code, "other")


def module_counts(root: Path) -> dict[str, Counter[str]]:
    """``{module: Counter(status)}`` for every ``*.meta`` file under ``root``."""
    out: dict[str, Counter[str]] = {}
    for meta in sorted(root.rglob("*.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        out[str(meta.relative_to(root))[: -len(".meta")]] = Counter(map(status, codes))
    return out


def main(argv: list[str]) -> int:
    markdown = "--markdown" in argv
    args = [a for a in argv if a != "--markdown"]
    root = Path(args[0] if args else "mutants/src/sumrules")
    if not root.is_dir():
        print(f"no mutmut results under {root}: run `mutmut run` first", file=sys.stderr)
        return 2
    rows = module_counts(root)
    if markdown:
        print("| module | mutants | " + " | ".join(COLUMNS) + " | score | of checked |")
        print("|---|" + "---:|" * (len(COLUMNS) + 3))
    for module, c in rows.items():
        total = sum(c.values())
        dead = c["killed"] + c["timeout"]
        checked = total - c["not checked"]
        score = 100 * dead / total if total else 0.0
        of_checked = f"{100 * dead / checked:.1f} %" if checked else "–"
        cells = [str(c[col]) for col in COLUMNS]
        if markdown:
            print(
                f"| `{module}` | {total} | "
                + " | ".join(cells)
                + f" | {score:.1f} % | {of_checked} |"
            )
        else:
            parts = " ".join(f"{col}={c[col]}" for col in COLUMNS if c[col])
            print(f"{module:28s} {total:5d}  {parts}  score={score:.1f}%  of checked={of_checked}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
