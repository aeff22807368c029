"""Read the package's docstrings as reStructuredText without misreading their physics.

The docstrings write matrix elements and absolute values the way physicists do,
``|⟨n|e^{iqz}|0⟩|²``, which reStructuredText takes for substitution references. Before
autodoc parses a docstring, every ``|`` outside inline literals, doctest blocks and literal
blocks is escaped, so the text shows as written; an inline literal that runs on over lines of
different indentation is joined into one line.

>>> escape_bars(["S = |⟨n|ρ|0⟩|² and ``a|b``", "", ">>> abs(-1)  # |x|", "1"])
['S = \\\\|⟨n\\\\|ρ\\\\|0⟩\\\\|² and ``a|b``', '', '>>> abs(-1)  # |x|', '1']
>>> join_open_literals(["    ``a", "      = b``.", "c"])
['    ``a = b``.', 'c']
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx

__all__ = ["escape_bars", "join_open_literals", "setup"]

_LITERAL = re.compile(r"(``.+?``|`[^`]*`)")


def _escape_line(line: str) -> str:
    parts = _LITERAL.split(line)
    return "".join(p if i % 2 else p.replace("|", "\\|") for i, p in enumerate(parts))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def escape_bars(lines: list[str]) -> list[str]:
    """The docstring ``lines`` with ``|`` escaped outside literals (a new list)."""
    out: list[str] = []
    doctest = False
    literal_indent: int | None = None  # indentation of the paragraph that ended with ::
    pending_literal: int | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            doctest = False
            if pending_literal is not None:
                literal_indent, pending_literal = pending_literal, None
            out.append(line)
            continue
        if literal_indent is not None:
            if _indent(line) > literal_indent:
                out.append(line)
                continue
            literal_indent = None
        if stripped.startswith(">>>"):
            doctest = True
        if doctest:
            out.append(line)
            continue
        out.append(_escape_line(line))
        if stripped.endswith("::"):
            pending_literal = _indent(line)
    return out


def join_open_literals(lines: list[str]) -> list[str]:
    """Join a line that opens an inline literal (an odd number of ````) with the lines that
    close it (a new list)."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].count("``") % 2 and line.strip():
            out[-1] = out[-1] + " " + line.strip()
        else:
            out.append(line)
    return out


def _process(app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    lines[:] = escape_bars(join_open_literals(lines))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("autodoc-process-docstring", _process)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
