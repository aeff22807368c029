"""CI smoke of the mutation testing (docs/mutation.md): a bounded mutmut run on the pole integral.

Copies the committed tree to a scratch folder, narrows ``[tool.mutmut]`` there to the closed
form of the pole integral (``src/sumrules/theory/pole_integral/closed_form.py``) and its tests,
runs mutmut on the mutants of the functions in ``FUNCTIONS`` and fails unless every one of them is killed, except the mutants listed in
``EQUIVALENT`` (each with the reason it cannot be killed; docs/mutation.md has the same list).

Usage: python .ci/mutation_smoke.py  (needs mutmut, the ``mutation`` extra; about a minute).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULE = "src/sumrules/theory/pole_integral/closed_form.py"
TESTS = [
    "tests/theory/test_pole_integral.py",
    "tests/theory/test_pole_integral_routes.py",
    "tests/report/test_proof_book_steps.py",
]
FUNCTIONS = [
    "sumrules.theory.pole_integral.closed_form.x__general",
    "sumrules.theory.pole_integral.closed_form.x__printed_general",
    "sumrules.theory.pole_integral.closed_form.x_pole_integral_general",
    "sumrules.theory.pole_integral.closed_form.x_pole_integral_vanishes",
]
#: mutant name -> why it is equivalent (no test can tell it from the original)
EQUIVALENT: dict[str, str] = {}
TIME_LIMIT_S = 150

sys.path.insert(0, str(ROOT / "tools"))
from mutation_scores import status  # noqa: E402  (mutmut's exit codes, read in one place)


def _scratch_copy() -> Path:
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True
    ).stdout.split(b"\0")
    dest = Path(tempfile.mkdtemp(prefix="sumrules-mutation-"))
    for name in filter(None, (f.decode() for f in files)):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    return dest


def _narrow_config(pyproject: Path) -> None:
    text = pyproject.read_text(encoding="utf-8")
    section = re.search(r"^\[tool\.mutmut\]\n.*?(?=^\[|\Z)", text, flags=re.S | re.M)
    if section is None:
        raise SystemExit("pyproject.toml has no [tool.mutmut] section")
    narrowed = (
        "[tool.mutmut]\n"
        'source_paths = ["src/sumrules"]\n'
        f"only_mutate = [{json.dumps(MODULE)}]\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-x", "-q", "-o", "addopts="]\n'
        f"pytest_add_cli_args_test_selection = {json.dumps(TESTS)}\n"
        "timeout_multiplier = 4.0\n\n"
    )
    pyproject.write_text(text[: section.start()] + narrowed + text[section.end() :], "utf-8")


def main() -> int:
    start = time.monotonic()
    work = _scratch_copy()
    _narrow_config(work / "pyproject.toml")
    patterns = [f"{f}__mutmut_*" for f in FUNCTIONS]
    cmd = [sys.executable, "-m", "mutmut", "run", "--max-children", "2", *patterns]
    run = subprocess.run(cmd, cwd=work, capture_output=True, text=True, timeout=TIME_LIMIT_S)
    meta = work / "mutants" / (MODULE + ".meta")
    if run.returncode != 0 or not meta.exists():
        print(run.stdout[-3000:], run.stderr[-3000:], sep="\n")
        print(f"mutation smoke: mutmut failed (exit {run.returncode})")
        return 1
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    chosen = {k: v for k, v in codes.items() if k.rsplit("__mutmut_", 1)[0] in FUNCTIONS}
    killed = [k for k, v in chosen.items() if status(v) in ("killed", "timeout")]
    equivalent = [k for k in chosen if k in EQUIVALENT]
    bad = sorted(k for k in chosen if k not in killed and k not in EQUIVALENT)
    print(
        f"mutation smoke on {MODULE}: {len(chosen)} mutants of {len(FUNCTIONS)} functions, "
        f"{len(killed)} killed, {len(equivalent)} equivalent (listed), {len(bad)} other "
        f"in {time.monotonic() - start:.0f} s"
    )
    for name in bad:
        print(f"  not killed: {name} (exit code {chosen[name]}); `mutmut show {name}`")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if bad or not chosen else 0


if __name__ == "__main__":
    raise SystemExit(main())
