"""Architecture figures of the package: import cycles, private names imported across modules,
functions above a cyclomatic complexity, and the length of the claim declarations.

    python tools/architecture.py            # the figures, as text
    python tools/architecture.py --json     # the same as JSON

Used by ``tests/test_architecture.py`` (no cycles, no private cross-module imports, at most
three functions above complexity 20, each with a comment saying why).
"""

from __future__ import annotations

import ast
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Figures",
    "claim_lengths",
    "complex_functions",
    "figures",
    "import_cycles",
    "import_graph",
    "private_imports",
    "private_uses",
    "private_uses_in_tests",
]

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "sumrules"
#: imports that exist only for static type checking do not make a cycle
TYPE_CHECKING = "TYPE_CHECKING"


def _modules(src: Path = SRC) -> dict[str, Path]:
    out = {}
    for path in sorted((src / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str, path: Path, known: dict[str, Path]) -> list[tuple[str, str, int]]:
    """(imported module, imported name or '', line) for every import outside TYPE_CHECKING."""
    tree = ast.parse(path.read_text())
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and TYPE_CHECKING in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, "", node.lineno) for a in node.names if a.name.startswith(PACKAGE)]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, path, node)
            if not target.startswith(PACKAGE):
                continue
            for a in node.names:
                sub = f"{target}.{a.name}"
                if sub in known:
                    out.append((sub, "", node.lineno))
                else:
                    out.append((target, a.name, node.lineno))
    return out


def import_graph(src: Path = SRC) -> dict[str, set[str]]:
    """module -> the package modules it imports (function-level imports included)."""
    known = _modules(src)
    graph: dict[str, set[str]] = {m: set() for m in known}
    for module, path in known.items():
        for target, _, _ in _imports(module, path, known):
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != module and not module.startswith(target + "."):
                # a package's __init__ is run by importing its submodules: not an edge back
                graph[module].add(target)
    return graph


def import_cycles(src: Path = SRC) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    graph = import_graph(src)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_aliases(tree: ast.AST, module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Local names bound to package modules (``import a.b as c``, ``from a import b``)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name in known:
                    out.add(a.asname or a.name.partition(".")[0])
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, path, node)
            for a in node.names:
                if f"{target}.{a.name}" in known:
                    out.add(a.asname or a.name)
    return out


def private_uses(path: Path, module: str, known: dict[str, Path]) -> list[str]:
    """Private names of other package modules that ``path`` imports or reads as attributes."""
    out = []
    for target, name, line in _imports(module, path, known):
        if _private(name) and target != module:
            out.append(f"{module}:{line} imports {name} from {target}")
        elif not name and _private(target.rpartition(".")[2]) and target != module:
            out.append(f"{module}:{line} imports the private module {target}")
    tree = ast.parse(path.read_text())
    aliases = _module_aliases(tree, module, path, known)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _private(node.attr)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            out.append(f"{module}:{node.lineno} uses {node.value.id}.{node.attr}")
    return out


def private_imports(src: Path = SRC) -> list[str]:
    """Every private name a package module takes from another one (import or attribute)."""
    known = _modules(src)
    return [use for module, path in known.items() for use in private_uses(path, module, known)]


def private_uses_in_tests(tests: Path = SRC.parent / "tests") -> list[str]:
    """Private names of the package that the tests import or read."""
    known = _modules()
    out = []
    for path in sorted(tests.rglob("*.py")):
        out += private_uses(path, f"tests.{path.stem}", known)
    return out


@dataclass(frozen=True)
class Complex:
    where: str
    name: str
    complexity: int
    justified: bool


def complex_functions(limit: int = 20, src: Path = SRC) -> list[Complex]:
    """Functions of cyclomatic complexity above ``limit`` (radon), and whether a comment in
    the line before the definition or its first lines says why (``# complexity: …``)."""
    from radon.complexity import cc_visit

    out = []
    for path in sorted((src / PACKAGE).rglob("*.py")):
        text = path.read_text()
        lines = text.splitlines()
        for block in cc_visit(text):
            if block.complexity > limit:
                near = lines[max(0, block.lineno - 3) : block.lineno + 3]
                justified = any("# complexity:" in line for line in near)
                where = f"{path.relative_to(src)}:{block.lineno}"
                out.append(Complex(where, block.fullname, block.complexity, justified))
    return out


def _span(node: ast.AST) -> int:
    end = getattr(node, "end_lineno", None)
    return 0 if end is None else end - getattr(node, "lineno", end) + 1


def claim_lengths(src: Path = SRC) -> dict[str, int]:
    """claim id -> lines of its declaration: the ``Claim(...)`` call plus the ``Quantity(...)``
    declarations it names (or, for a version-1 claim, its check function)."""
    out: dict[str, int] = {}
    for path in sorted((src / PACKAGE / "paper").glob("*.py")):
        tree = ast.parse(path.read_text())
        quantities = {
            t.id: _span(node.value)
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", "") == "Quantity"
            for t in node.targets
            if isinstance(t, ast.Name)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Claim":
                ident = node.args[0] if node.args else None
                if isinstance(ident, ast.Constant) and isinstance(ident.value, str):
                    named = {
                        n.id
                        for kw in node.keywords
                        if kw.arg == "quantities"
                        for n in ast.walk(kw.value)
                        if isinstance(n, ast.Name)
                    }
                    out[ident.value] = _span(node) + sum(quantities.get(n, 0) for n in named)
            if isinstance(node, ast.FunctionDef):
                for dec in node.decorator_list:
                    if isinstance(dec, ast.Call) and getattr(dec.func, "id", "") == "claim":
                        ident = dec.args[0]
                        assert isinstance(ident, ast.Constant) and node.end_lineno is not None
                        out[str(ident.value)] = node.end_lineno - dec.lineno + 1
    return out


@dataclass(frozen=True)
class Figures:
    claims: int
    median_claim: float
    max_claim: int
    longest: str
    above_20: list[Complex]
    private: list[str]
    cycles: list[list[str]]


def figures(src: Path = SRC) -> Figures:
    lengths = claim_lengths(src)
    longest = max(lengths, key=lambda k: lengths[k])
    return Figures(
        len(lengths),
        statistics.median(lengths.values()),
        lengths[longest],
        longest,
        complex_functions(20, src),
        private_imports(src),
        import_cycles(src),
    )


def main(argv: list[str]) -> int:
    f = figures()
    if "--json" in argv:
        doc = {
            "claims": f.claims,
            "median_claim_lines": f.median_claim,
            "max_claim_lines": f.max_claim,
            "longest_claim": f.longest,
            "complexity_above_20": [c.__dict__ for c in f.above_20],
            "private_cross_module_imports": f.private,
            "import_cycles": f.cycles,
        }
        print(json.dumps(doc, indent=2))
        return 0
    print(
        f"claims: {f.claims}; declaration lines: median {f.median_claim}, max {f.max_claim}"
        f" ({f.longest})"
    )
    print(f"functions above complexity 20: {len(f.above_20)}")
    for c in f.above_20:
        print(f"  {c.where} {c.name} {c.complexity}{'' if c.justified else ' (no comment why)'}")
    print(f"private names imported across modules: {len(f.private)}")
    for p in f.private:
        print(f"  {p}")
    print(f"private package names used by the tests: {len(private_uses_in_tests())}")
    print(f"import cycles: {len(f.cycles)}")
    for cyc in f.cycles:
        print("  " + " <-> ".join(cyc))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
