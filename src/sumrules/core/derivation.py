"""Derivations: ordered steps, each an equation with its justification and its own check.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> d = Derivation("A product rule", [
...     Step.checked(sp.diff(x**2 * sp.sin(x), x), 2*x*sp.sin(x) + x**2*sp.cos(x),
...                  "product rule", method="sympy: simplify(lhs - rhs) == 0"),
... ])
>>> d.ok
True
>>> print(d.to_markdown().splitlines()[0])
**A product rule**
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import sympy as sp

from sumrules.core.latex import text_to_latex
from sumrules.core.zero_equivalence import identically_zero

__all__ = ["Derivation", "Step", "to_latex"]


def to_latex(obj: object) -> str:
    """LaTeX for a sympy object; strings are taken to be LaTeX already."""
    if isinstance(obj, str):
        return obj
    return sp.latex(obj)


def _symbolic_zero(lhs: object, rhs: object) -> bool:
    return identically_zero(sp.sympify(lhs) - sp.sympify(rhs))


@dataclass(frozen=True)
class Step:
    """One step: ``lhs relation rhs``, why it holds, and how (and whether) it was checked.

    ``passed`` is None for a definition or a statement that is not checked on
    its own (its justification then says where it comes from).
    """

    lhs: str
    rhs: str
    justification: str
    method: str = ""
    passed: bool | None = None
    relation: str = "="

    @classmethod
    def checked(
        cls,
        lhs: object,
        rhs: object,
        justification: str,
        *,
        method: str = "sympy: simplify(lhs - rhs) == 0",
        predicate: Callable[[], bool] | None = None,
        relation: str = "=",
    ) -> Step:
        """Build a step and run its check now (default: symbolic difference is zero)."""
        ok = predicate() if predicate is not None else _symbolic_zero(lhs, rhs)
        return cls(to_latex(lhs), to_latex(rhs), justification, method, bool(ok), relation)

    @classmethod
    def of(cls, step: object) -> Step:
        """A step from any object with ``lhs, rhs, justification, method, passed`` (a library's
        own proof steps, e.g. :class:`sumrules.theory.pole_integral.routes.KernelStep`)."""
        if isinstance(step, Step):
            return step
        fields = ("lhs", "rhs", "justification", "method", "passed")
        return cls(*(getattr(step, name) for name in fields))

    @classmethod
    def definition(cls, lhs: object, rhs: object, justification: str) -> Step:
        """A step that defines or quotes; it carries no check of its own."""
        return cls(to_latex(lhs), to_latex(rhs), justification, "", None)

    @property
    def status(self) -> str:
        return {True: "CORRECT", False: "WRONG", None: "given"}[self.passed]

    def to_latex(self) -> str:
        rel = {"=": "=", "!=": r"\neq", "<": "<", ">": ">", "<=": r"\leq", ">=": r"\geq"}.get(
            self.relation, self.relation
        )
        check = ""
        if self.method:
            check = f" \\emph{{Check}} ({text_to_latex(self.method)}): \\textbf{{{self.status}}}."
        return (
            "\\begin{equation*}\n"
            f"{self.lhs} {rel} {self.rhs}\n"
            "\\end{equation*}\n"
            f"\\noindent\\emph{{Justification:}} {text_to_latex(self.justification)}.{check}\n"
        )

    def to_markdown(self) -> str:
        check = f" Check ({self.method}): **{self.status}**." if self.method else ""
        return f"$$ {self.lhs} {self.relation} {self.rhs} $$\n\n*{self.justification}.*{check}\n"


@dataclass(frozen=True)
class Derivation:
    """An ordered list of steps with a title; ``ok`` when no step's check failed."""

    title: str
    steps: Sequence[Step] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(step.passed is not False for step in self.steps)

    @property
    def failed(self) -> list[Step]:
        return [step for step in self.steps if step.passed is False]

    def to_latex(self) -> str:
        body = "\n".join(
            f"\\paragraph{{Step {i}.}}\n{s.to_latex()}" for i, s in enumerate(self.steps, 1)
        )
        return f"\\subsubsection*{{{text_to_latex(self.title)}}}\n{body}"

    def to_markdown(self) -> str:
        body = "\n".join(f"{i}. {s.to_markdown()}" for i, s in enumerate(self.steps, 1))
        return f"**{self.title}**\n\n{body}"

    def _repr_latex_(self) -> str:
        lines = [
            f"\\text{{{s.justification}}}:\\quad {s.lhs} {s.relation} {s.rhs}" for s in self.steps
        ]
        return "$\\begin{gathered}" + r" \\ ".join(lines) + r"\end{gathered}$"
