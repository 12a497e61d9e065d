"""Fixtures: a copy of the real project in tmp_path, so tests can break its data freely."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PROJECT_FOLDERS = ("data", "seeds", "docs", "schema", "overrides")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project laid out like the repository: data, seeds, docs (with generated pages), mkdocs.yml."""
    root = tmp_path / "project"
    for name in PROJECT_FOLDERS:
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").mkdir()
    shutil.copy(REPO / "generator" / "hook.py", root / "generator" / "hook.py")
    return root


def snapshot(*folders: Path) -> dict[str, bytes]:
    """Every file under the folders with its bytes, to prove nothing changed."""
    files = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                files[str(path)] = path.read_bytes()
    return files


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)


@pytest.fixture
def built(project: Path) -> Path:
    """The project after a real `mkdocs build --strict`."""
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project
