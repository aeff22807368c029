"""Print CLOSED_FORMS entries of :mod:`sumrules.models.hydrogenic.closed_forms`, freshly derived.

    python tools/closed_form_table.py 4s 4p 4d 4f

Each state is derived by :func:`sumrules.models.hydrogenic.nordsieck_ring.ring_derivation`
(the Nordsieck route in FLINT polynomial arithmetic) and printed as Python source for the
table, with the seconds it took on a comment line.
"""

from __future__ import annotations

import sys

import sympy as sp

from sumrules.models.hydrogenic.nordsieck_ring import ring_derivation
from sumrules.models.hydrogenic.states import parse_label

WIDTH = 84


def chunks(text: str) -> list[str]:
    """Split a polynomial's text at its + and − signs into pieces of at most WIDTH characters."""
    out, line = [], ""
    for token in text.replace(" - ", " -| ").replace(" + ", " +| ").split("|"):
        if line and len(line) + len(token) > WIDTH:
            out.append(line)
            line = ""
        line += token
    return [*out, line] if line else out


def entry(n: int, l: int) -> str:
    d = ring_derivation(n, l)
    pieces = "\n".join(f'            "{c}"' for c in chunks(sp.sstr(d.polynomial)))
    return (
        f"    # derived in {d.seconds:.1f} s\n"
        f"    ({n}, {l}): ClosedForm(\n        {n},\n        {l},\n"
        f"        Fraction({d.prefactor.p}, {d.prefactor.q}),\n        {d.order},\n"
        f"        (\n{pieces}\n        ),\n    ),"
    )


def main(argv: list[str]) -> int:
    for name in argv:
        n, l = parse_label(name)
        print(entry(n, l))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
