"""The README's examples run as shown: its dataset is valid, every `$ conceptgraph`
command prints the lines shown under it ("..." skips lines), and its Python runs."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conceptgraph.cli import cli

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```", README, re.M | re.S)
SESSIONS = [body for lang, body in BLOCKS if body.startswith("$ conceptgraph")]
EXAMPLE = next(body for lang, body in BLOCKS if lang == "yaml")
PYTHON = next(body for lang, body in BLOCKS if lang == "python")


@pytest.fixture
def here(tmp_path: Path) -> Path:
    """A working folder where the README's relative paths lead to the repository's files."""
    for name in ("tests", "graph_data"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "mydata.yaml").write_text(
        EXAMPLE.replace("  - {term: cooperation, attribute: passive, by: bart,",
                        "  - {term: cooperation, attribute: passive, by: brat,", 1), encoding="utf-8")
    return tmp_path


def test_the_example_dataset_is_valid(tmp_path: Path) -> None:
    (tmp_path / "example.yaml").write_text(EXAMPLE, encoding="utf-8")
    r = CliRunner().invoke(cli, ["validate", str(tmp_path / "example.yaml")])
    assert r.exit_code == 0, r.stderr


def test_the_readme_has_sessions_to_check() -> None:
    assert len(SESSIONS) >= 5


@pytest.mark.parametrize("session", SESSIONS, ids=[s.split("\n", 1)[0][2:60] for s in SESSIONS])
def test_every_command_prints_what_the_readme_shows(here: Path, session: str) -> None:
    commands = [line[2:] for line in session.splitlines() if line.startswith("$ ")]
    shown = [line for line in session.splitlines() if not line.startswith("$ ")]
    for command in commands:
        r = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False)
    printed = (r.stdout + r.stderr).splitlines()
    at = 0
    for line in shown:
        if line.strip() == "...":
            continue
        # each shown line is printed, in the order shown ("..." marks lines left out)
        while at < len(printed) and printed[at].rstrip() != line.rstrip():
            at += 1
        assert at < len(printed), f"{command!r} did not print {line!r}; it printed:\n" + "\n".join(printed)
        at += 1


def test_the_python_example_runs(tmp_path: Path) -> None:
    shutil.copy(ROOT / "tests" / "fixtures" / "discussions" / "wordpress.xml", tmp_path / "comments.xml")
    # the example's "curated": a gold of the same thread (its messages, a curator's items beside them)
    r = CliRunner().invoke(cli, ["import", str(tmp_path / "comments.xml"), "-o", str(tmp_path / "curated"), "-q"])
    assert r.exit_code == 0, r.stderr
    (tmp_path / "curated" / "mine.yaml").write_text("terms: [{id: trust}]\n", encoding="utf-8")
    (tmp_path / "example.py").write_text(PYTHON, encoding="utf-8")
    env = {**os.environ, "CONCEPTGRAPH_CACHE": "off"}
    r = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, env=env,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "page.html").exists() and (tmp_path / "output" / "comments" / "draft.yaml").exists()
