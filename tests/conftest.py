"""Shared fixtures. CONCEPTGRAPH_STRICT=1 (set by .ci/run) turns every skip for a
missing tool or file into a failure, so CI never passes by skipping."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "graph_data" / "sources" / "cooperation-vs-collaboration.txt"
STRICT = os.environ.get("CONCEPTGRAPH_STRICT") == "1"

pytest_plugins = ["browser"]  # the `browser` fixture (headless Chromium)


def need(condition: bool, reason: str) -> None:
    """Skip the test when ``condition`` is false, or fail under CONCEPTGRAPH_STRICT=1."""
    if condition:
        return
    if STRICT:
        pytest.fail(f"{reason} (CONCEPTGRAPH_STRICT=1 forbids skipping)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No test reads the user's $CONCEPTGRAPH_DATA, uses their graph cache, or writes
    in the working directory."""
    monkeypatch.delenv("CONCEPTGRAPH_DATA", raising=False)
    monkeypatch.setenv("CONCEPTGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    yield
    from conceptgraph.progress import set_quiet

    set_quiet(False)  # -q in one test's command line must not silence the next test


@pytest.fixture
def write(tmp_path: Path):
    """write(text, name="data.yaml") -> Path of a new file holding text."""

    def _write(text: str | bytes, name: str = "data.yaml") -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            p.write_bytes(text)
        else:
            p.write_text(text, encoding="utf-8")
        return p

    return _write


MINI = """\
source: {title: Mini, author: Ann}
terms:
  - {id: cooperation, label: cooperation, aliases: [cooperate, co-operation]}
  - {id: collaboration, label: collaboration, aliases: [collaborate]}
attributes:
  - {id: passive, label: may be passive}
  - {id: active, label: always active}
  - {id: together, label: working together}
contributors:
  - {id: bart, name: Bart, role: commenter, where: comment 1}
  - {id: ann, name: Ann, role: author, where: post}
  - {id: cy, name: Cy, role: commenter, where: [comment 2, comment 3]}
claims:
  - {term: cooperation, attribute: passive, by: bart, quote: Cooperation may be passive}
  - {term: collaboration, attribute: active, by: bart, quote: collaboration is always active}
  - {term: cooperation, attribute: together, by: ann, quote: both work together}
  - {term: collaboration, attribute: together, by: cy, where: comment 2, quote: we work together}
  - {term: collaboration, attribute: passive, by: cy, where: comment 3, negated: true, quote: never passive}
relations:
  - {kind: contrasts_with, source: cooperation, target: collaboration, by: ann, quote: they differ}
  - {kind: opposes, source: passive, target: active, by: bart, quote: passive but active}
  - {kind: agrees_with, source: cy, target: bart, by: cy, where: comment 2, quote: like Bart}
"""


@pytest.fixture
def mini(write) -> Path:
    """A small valid dataset file."""
    return write(MINI)
