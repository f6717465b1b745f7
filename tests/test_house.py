"""The house keeps its shape: layers that point one way, Click only in the command line,
one record per format, answers and docs that agree."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT

PACKAGE = ROOT / "src" / "conceptgraph"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The package's modules that ``path`` imports, wherever the import statement is
    (inside functions too), leaving out ``if TYPE_CHECKING:`` blocks, which never run."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(n) for child in node.body for n in ast.walk(child)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("conceptgraph"):
                continue
            for alias in node.names:  # `from . import x` may import a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _exists(candidate) else target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("conceptgraph")}
    found.discard(me)
    return found


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def import_graph() -> dict[str, set[str]]:
    return {_module(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_no_import_cycle_even_through_imports_inside_functions() -> None:
    import networkx as nx

    graph = import_graph()
    G = nx.DiGraph([(a, b) for a, deps in graph.items() for b in deps if b != "conceptgraph"])
    cycles = list(nx.simple_cycles(G))
    assert cycles == [], f"import cycles: {cycles}"


def test_the_cycle_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    graph = import_graph()
    assert "conceptgraph.layout" in graph["conceptgraph.formats"]  # imported inside write()
    assert "conceptgraph.graph" not in graph["conceptgraph.formats.common"]  # only for type checkers


def test_click_lives_in_the_command_line_only() -> None:
    users = [p.name for p in PACKAGE.rglob("*.py") if re.search(r"^\s*(import click|from click)", p.read_text(), re.M)]
    assert users == ["cli.py"]


def test_node_and_edge_kinds_are_named_in_one_place() -> None:
    from conceptgraph import kinds as k

    EDGE_KINDS = {*k.RELATION_KINDS, k.CLAIM, k.ASSERTS, k.WROTE, k.REPLIES_TO, k.MENTIONS, k.CO_OCCURS}
    spelled = {}
    for p in PACKAGE.rglob("*.py"):
        if p.name in ("kinds.py", "answers.py"):
            continue
        text = p.read_text(encoding="utf-8")
        kinds = "|".join(sorted(EDGE_KINDS))
        n = len(re.findall(rf'(==|!=)\s*"({kinds})"|\bin \([^)]*"({kinds})"|\{{\s*"({kinds})":', text))
        if n:
            spelled[p.name] = n
    assert spelled == {}


def test_the_command_line_lists_every_registered_format() -> None:
    from conceptgraph.cli import cli
    from conceptgraph.formats import FORMATS

    choices = next(p for p in cli.commands["export"].params if p.name == "fmt").type.names()
    assert list(choices) == list(FORMATS)
    help_text = CliRunner().invoke(cli, ["export", "--help"]).stdout
    for f in FORMATS.values():
        assert f.help in " ".join(help_text.split())


def test_the_committed_json_schema_is_the_one_the_loader_describes() -> None:
    from conceptgraph.dataset import json_schema

    committed = json.loads((ROOT / "graph_data" / "dataset.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: python -m conceptgraph.dataset > graph_data/dataset.schema.json"


def test_the_readme_shows_the_answers_shapes() -> None:
    from conceptgraph.answers import readme_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_table() in readme, "run: python -m conceptgraph.answers (and paste its table into the README)"


@pytest.mark.parametrize("args", [
    ["info"], ["validate"], ["neighbors", "cooperation", "--depth", "2"], ["compare", "cooperation", "collaboration"],
    ["compare", "cooperation", "collaboration", "--quotes"], ["why", "todd", "cooperation"], ["who", "jack hooper"],
    ["who", "Bart Stewart"], ["contributors"], ["path", "jack hooper", "ken"], ["consensus"], ["consensus", "--quotes"],
    ["rank", "--by", "betweenness"], ["clusters"], ["search", "co"], ["thread", "--mentions", "cooperation"],
    ["export", "--format", "json", "-o", "g.json"],
])
def test_every_json_answer_has_its_documented_shape(args: list[str]) -> None:
    from conceptgraph.answers import ANSWERS, conforms
    from conceptgraph.cli import cli

    r = CliRunner().invoke(cli, [*args, "--json"])
    assert r.exit_code == 0, r.stderr
    assert conforms(json.loads(r.stdout), ANSWERS[args[0]]) == []
