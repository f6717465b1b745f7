"""Shared fixtures. CONCEPTGRAPH_STRICT=1 (set by .ci/run) turns every skip for a
missing tool or file into a failure, so CI never passes by skipping."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "graph_data" / "sources" / "cooperation-vs-collaboration.txt"
STRICT = os.environ.get("CONCEPTGRAPH_STRICT") == "1"

#: Property tests try this many random cases (CONCEPTGRAPH_EXAMPLES=2000 tries more).
EXAMPLES = int(os.environ.get("CONCEPTGRAPH_EXAMPLES", "20"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

pytest_plugins = ["browser", "review_helpers"]  # headless Chromium; a drafted folder to review


def refused(r, *words: str) -> None:
    """The import refused in one line, exit 1, no traceback, saying ``words``."""
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    for w in words:
        assert w in r.stderr, r.stderr


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


# --- hostile data: every string a payload ------------------------------------------------

PAYLOADS = [
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    '</script><script>window.__pwned=2;alert(2)</script>',
    "javascript:window.__pwned=3;alert(3)",
    '" onmouseover="window.__pwned=4;alert(4)" x="',
    "' onfocus='window.__pwned=5;alert(5)' autofocus='",
    'href <a href="javascript:alert(6)">click</a><svg onload=alert(7)>',
    "<!-- {{data}} {{app_js}} \u2028\u2029 <script>alert(8)</script>",
]


def hostile_dataset(tmp_path: Path) -> Path:
    def p(i: int) -> str:
        return PAYLOADS[i % len(PAYLOADS)]

    data = {
        "source": {"title": p(0) + " title", "author": p(1), "date": p(2), "url": "javascript:alert(9)"},
        "terms": [{"id": p(i) + f" t{i}", "label": p(i + 1), "aliases": [p(i + 2), "findme"], "gloss": p(i + 3)}
                  for i in range(3)],
        "attributes": [{"id": p(i) + f" a{i}", "label": p(i + 4), "description": p(i + 5)} for i in range(3)],
        "contributors": [{"id": p(i) + f" c{i}", "name": p(i + 6), "role": "commenter", "where": p(i), "quote": p(i + 1)}
                         for i in range(3)],
    }
    t = [x["id"] for x in data["terms"]]
    a = [x["id"] for x in data["attributes"]]
    c = [x["id"] for x in data["contributors"]]
    data["messages"] = [{"id": p(i) + f" m{i}", "by": c[i], "where": p(i), "reply_to": p(0) + " m0" if i else "",
                         "text": " ".join(p(i + k) for k in range(7)),
                         "url": ["javascript:alert(8)", "https://example.org/" + p(i), "https://example.org/m2"][i]}
                        for i in range(3)]
    data["claims"] = [{"id": p(i) + f" k{i}", "term": t[i], "attribute": a[i], "by": c[i], "quote": p(i + 2),
                       "where": p(i), "negated": i == 1} for i in range(3)]
    data["relations"] = [
        {"kind": "contrasts_with", "source": t[0], "target": t[1], "by": c[0], "quote": p(4), "where": p(5)},
        {"kind": "opposes", "source": a[0], "target": a[1], "by": c[1], "quote": p(6), "where": p(0)},
        {"kind": "disputes", "source": c[0], "target": c[2], "by": c[0], "quote": p(1), "where": p(2)},
    ]
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path
