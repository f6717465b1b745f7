"""The package as a user installs it: a wheel in a fresh venv, run from another folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_wheel_installs_and_finds_its_bundled_dataset(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "output", ".venv", "dist", "build", "*.egg-info"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(src)],
        check=True,
    )
    wheel = next((tmp_path / "dist").glob("conceptgraph-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = subprocess.run(
        [str(bin_dir / "conceptgraph"), "info", "--json"], cwd=elsewhere, capture_output=True, text=True, check=True
    )
    data = json.loads(out.stdout)
    assert data["nodes"]["contributor"] == 17 and data["nodes"]["term"] >= 10
    shutil.rmtree(src)  # the installed package must not need the source tree
    out = subprocess.run(
        [str(bin_dir / "python"), "-m", "conceptgraph", "info", "--json"], cwd=elsewhere, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["nodes"]["term"] == data["nodes"]["term"]
    out = subprocess.run([str(bin_dir / "conceptgraph"), "render", "-o", "page.html"], cwd=elsewhere,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert (elsewhere / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
