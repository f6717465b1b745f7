"""A drafted folder of the bundled discussion, made once per session and copied for each
test that reviews it; a review server on it; and what the review tests read back from
its files."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from conceptgraph.cli import cli
from conceptgraph.dataset import parse_files
from conceptgraph.review import Review
from conceptgraph.server import ReviewServer

from conftest import SOURCE


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="session")
def drafted_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drafted") / "coop"
    r = run("import", str(SOURCE), "-o", str(folder), "--draft", "-q")
    assert r.exit_code == 0, r.stderr
    return folder


@pytest.fixture
def drafted(drafted_once: Path, tmp_path: Path) -> Path:
    """A fresh copy of the drafted bundled discussion (discussion.yaml and draft.yaml)."""
    return Path(shutil.copytree(drafted_once, tmp_path / "coop"))


@pytest.fixture
def server(drafted: Path) -> Iterator[ReviewServer]:
    """``review`` of a fresh drafted folder, served on a free port until the test ends."""
    with serving(drafted) as s:
        yield s


@contextmanager
def serving(folder: Path) -> Iterator[ReviewServer]:
    """``review`` of ``folder``, served on a free port until the block ends."""
    s = ReviewServer(Review(folder))
    threading.Thread(target=s.serve_forever, daemon=True).start()
    try:
        yield s
    finally:
        s.shutdown()
        s.stop()


def decisions(folder: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load((folder / "decisions.yaml").read_text(encoding="utf-8"))
    return list(data["decisions"] or [])


def section(folder: Path, name: str, part: str) -> list[dict[str, Any]]:
    path = folder / name
    if not path.exists():
        return []
    return list((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(part) or [])


def keys(folder: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What each item of draft.yaml and reviewed.yaml is (as decisions name it), by file."""
    from dataclasses import replace

    from conceptgraph.decisions import items_of

    texts = {str(p): p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml")) if p.name != "decisions.yaml"}
    whole = parse_files(texts)
    out = {}
    for name in ("draft.yaml", "reviewed.yaml"):
        ids = {x.get("id") for part in ("terms", "attributes", "claims", "relations") for x in section(folder, name, part)}
        mine = replace(whole, terms=tuple(t for t in whole.terms if t.id in ids),
                       attributes=tuple(a for a in whole.attributes if a.id in ids),
                       claims=tuple(c for c in whole.claims if c.id in ids),
                       relations=tuple(r for r in whole.relations if r.id in ids))
        out[name] = [it.key for it in items_of(mine, whole) if it.kind != "context"]
    return out
