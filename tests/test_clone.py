"""Everything the tests need is in the repository: the tests that read schemas, the
discussion's raw text and fixtures pass, with skipping forbidden, from a copy of the
repository's tracked files in a folder with nothing beside it (no sibling folders)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, need


def test_the_file_reading_tests_pass_from_a_lone_clone(tmp_path: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    need(listed.returncode == 0, "this test copies the repository's tracked files, which needs git and a checkout")
    lone = tmp_path / "alone" / "conceptgraph"
    for name in listed.stdout.decode("utf-8").split("\0"):
        if name and (ROOT / name).is_file():
            (lone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, lone / name)
    assert sorted(p.name for p in (tmp_path / "alone").iterdir()) == ["conceptgraph"]
    env = {**os.environ, "PYTHONPATH": str(lone / "src"), "CONCEPTGRAPH_STRICT": "1", "CONCEPTGRAPH_CACHE": "off"}
    tests = ["tests/test_formats.py", "tests/test_import.py", "tests/test_graph.py", "tests/test_readme.py",
             "tests/test_draft.py::test_the_bundled_draft_meets_its_targets"]
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-x",
                        *tests], cwd=lone, env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert " passed" in r.stdout and "skipped" not in r.stdout
    # and the package those tests used was the copy's own
    probe = subprocess.run([sys.executable, "-c", "import conceptgraph; print(conceptgraph.__file__)"], cwd=lone,
                           env=env, capture_output=True, text=True, check=True)
    assert probe.stdout.strip().startswith(str(lone))
