"""The package's import graph, read from the source with ``ast``: no circle, no function-level imports.

Every ``import``/``from … import`` of a package module is an edge from the importing module to the
imported one. Imports at module level (also inside a module-level ``if``/``try``) run when the module
is loaded: they must form no circle. Imports inside functions hide circles and cost a lookup per call;
only the lazy extras (spaCy, pyarrow, pypdf, pandas — not package modules) and the lazy library
surface of ``policydiff/__init__.py`` (``importlib``, no import statement) may defer. The imports
inside functions that remain are listed in :data:`KNOWN_DEFERRED` with the reason; the test fails when
one is added and when one is removed (shrink the list then).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "policydiff"

#: Function-level imports of package modules still in the code: (importing module, imported module).
#: Modules that use the record type: they import it from policydiff.model at run time (no TYPE_CHECKING block).
STAGES = ["policydiff.extract", "policydiff.compare", "policydiff.graph", "policydiff.themes"]

KNOWN_DEFERRED = {
    # CLI start-up: a command's heavy module loads only when that command runs
    ("policydiff.cli.compare_cmd", "policydiff.render.compare_html"),
    ("policydiff.cli.graph_cmds", "policydiff.charts"),
    ("policydiff.cli.graph_cmds", "policydiff.graph"),  # networkx
    ("policydiff.cli.panel_cmds", "policydiff.graph"),
    ("policydiff.cli.panel_cmds", "policydiff.charts"),
    ("policydiff.cli.panel_cmds", "policydiff.panel"),
    # link's helpers from other stages, loaded on first use (link is imported by compare and the graph)
    ("policydiff.link", "policydiff.align"),
    ("policydiff.link", "policydiff.nlp"),
    ("policydiff.link", "policydiff.numbers"),
    ("policydiff.link", "policydiff.themes"),
    ("policydiff.nlp", "policydiff.errors"),
    # the spaCy entry point stays cheap to load: spaCy imports it when it looks up factories
    ("policydiff.spacy_component", "policydiff.errors"),
    ("policydiff.spacy_component", "policydiff.extract"),
    ("policydiff.spacy_component", "policydiff.nlp"),
    ("policydiff.spacy_component", "policydiff.report"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _targets(node: ast.Import | ast.ImportFrom, importer: str, is_package: bool, known: set[str]) -> list[str]:
    """The package modules an import statement loads (a name imported from a package is its submodule
    when one exists: ``from . import nlp``)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name in known]
    if node.level == 0:
        base = node.module or ""
    else:
        anchor = importer.split(".")
        anchor = anchor if is_package else anchor[:-1]
        anchor = anchor[: len(anchor) - (node.level - 1)]
        base = ".".join([*anchor, *([node.module] if node.module else [])])
    if base not in known:
        return []
    subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known]
    return subs if subs and len(subs) == len(node.names) else [base, *subs]


def _walk(tree: ast.Module):
    """(import node, inside a function) for every import statement of a module."""

    def visit(node: ast.AST, in_function: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child, in_function
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            yield from visit(child, inner)

    yield from visit(tree, False)


def _is_type_checking(tree: ast.Module) -> set[int]:
    """Line numbers of imports under ``if TYPE_CHECKING:`` (never run)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for sub in node.body:
                for n in ast.walk(sub):
                    if isinstance(n, (ast.Import, ast.ImportFrom)):
                        lines.add(n.lineno)
    return lines


def import_graph() -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    """(module-level edges, function-level edges) between package modules."""
    modules = _modules()
    known = set(modules)
    edges: dict[str, set[str]] = {m: set() for m in modules}
    deferred: set[tuple[str, str]] = set()
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _is_type_checking(tree)
        for node, in_function in _walk(tree):
            if node.lineno in skip:
                continue
            for target in _targets(node, name, path.name == "__init__.py", known):
                if target == name:
                    continue
                if in_function:
                    deferred.add((name, target))
                else:
                    edges[name].add(target)
    return edges, deferred


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One circle of the graph as a path that returns to its start, or None."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_cycle_finder_finds_a_circle_and_resolves_relative_imports():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None
    known = {"policydiff", "policydiff.nlp", "policydiff.extract", "policydiff.extract.geometry", "policydiff.model"}
    tree = ast.parse("from .. import nlp\nfrom ..model import Record\nfrom .geometry import clause_start\n")
    found = [_targets(n, "policydiff.extract.records", False, known) for n in tree.body]
    assert found == [["policydiff.nlp"], ["policydiff.model"], ["policydiff.extract.geometry"]]
    tree = ast.parse("from .geometry import clause_start\nfrom . import __version__\n")
    assert _targets(tree.body[0], "policydiff.extract", True, known) == ["policydiff.extract.geometry"]
    assert _targets(tree.body[1], "policydiff.compare", False, known) == ["policydiff"]


def test_the_package_import_graph_has_no_circle():
    edges, _ = import_graph()
    assert "policydiff.extract.records" in edges and "policydiff.model" in edges["policydiff.extract.records"]
    assert find_cycle(edges) is None, " -> ".join(find_cycle(edges) or [])


def test_report_does_not_import_extraction():
    """The circle the record model removed: report -> extract -> report."""
    edges, deferred = import_graph()
    assert not any(t.startswith("policydiff.extract") for t in edges["policydiff.report"])
    assert not any(src == "policydiff.report" for src, _ in deferred)


def test_extract_modules_import_one_way():
    """Inside the extract package each module imports only the ones listed before it."""
    order = ["geometry", "pos", "qualifiers", "phrases", "filters", "indicator", "context", "records", "commitments"]
    edges, _ = import_graph()
    for i, name in enumerate(order):
        targets = edges[f"policydiff.extract.{name}"]
        inside = {t.rsplit(".", 1)[1] for t in targets if t.startswith("policydiff.extract.")}
        assert inside <= set(order[:i]), (name, inside - set(order[:i]))


def test_the_record_model_depends_on_no_stage():
    edges, _ = import_graph()
    assert edges["policydiff.model"] <= {"policydiff.lexicon", "policydiff.metrics"}
    assert edges["policydiff"] == set()  # the surface is lazy: import policydiff loads nothing else


def test_no_new_function_level_imports_of_package_modules():
    _, deferred = import_graph()
    added, removed = deferred - KNOWN_DEFERRED, KNOWN_DEFERRED - deferred
    assert not added, f"imports of package modules inside functions: {sorted(added)}"
    assert not removed, f"no longer deferred, drop from KNOWN_DEFERRED: {sorted(removed)}"


@pytest.mark.parametrize("module", STAGES)
def test_stages_import_the_record_type_from_the_model(module):
    path = _modules()[module]
    text = path.read_text(encoding="utf-8")
    assert "TYPE_CHECKING" not in text
