"""Reading the inputs: every bad file is a located error, found fast, never a traceback."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.load import MAX_DATA_BYTES, MAX_NESTING, MAX_SEED_BYTES, load
from generator.paths import Project

from .test_cli import run

SEED = "seeds/2022-tazhibayev-seven-month-trade.txt"


def problems(root: Path) -> list[str]:
    """Every problem `load` finds in the project at `root`, as printed."""
    try:
        load(Project(root.resolve()))
    except DataError as error:
        return [str(problem) for problem in error.problems]
    raise AssertionError("load found no problem")


def test_a_byte_that_is_not_utf8_is_reported_at_its_line_and_column(project):
    path = project / "data/people.yaml"
    lines = path.read_bytes().split(b"\n")
    number = next(i for i, line in enumerate(lines) if b"name: Askar Tazhibayev" in line)
    lines[number] = lines[number].replace(b"Tazhibayev", b"Tazhibayev\xff")
    path.write_bytes(b"\n".join(lines))
    col = lines[number].index(b"\xff") + 1
    result = run(project, "build")
    assert result.returncode == 2
    assert result.stderr.startswith(f"data/people.yaml:{number + 1}:{col}: not UTF-8: byte 0xff")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("rel", [SEED, "data/geo/countries.geo.json"])
def test_a_seed_or_outline_that_is_not_utf8_is_reported_at_its_line_and_column(project, rel):
    path = project / rel
    raw = path.read_bytes()
    at = next(i for i in range(len(raw) // 2, len(raw)) if raw[i : i + 1].isalpha())
    path.write_bytes(raw[:at] + b"\xfe" + raw[at:])
    line = raw[:at].count(b"\n") + 1
    col = len(raw[:at].rsplit(b"\n", 1)[-1]) + 1
    assert f"{rel}:{line}:{col}: not UTF-8: byte 0xfe" in "\n".join(problems(project))


def test_a_data_file_that_is_a_folder_is_a_located_error(project):
    (project / "data/claims.yaml").unlink()
    (project / "data/claims.yaml").mkdir()
    assert "data/claims.yaml:1:1: a folder, not a file" in "\n".join(problems(project))


@pytest.mark.parametrize("rel", ["data/claims.yaml", SEED])
def test_a_dangling_link_is_a_located_error(project, rel):
    (project / rel).unlink()
    (project / rel).symlink_to(project / "nowhere.txt")
    assert f"{rel}:1:1: a link to a file that does not exist" in "\n".join(problems(project))


@pytest.mark.parametrize("rel", ["data/claims.yaml", SEED])
def test_a_link_leading_outside_the_project_is_refused_unread(project, tmp_path, rel):
    outside = tmp_path / "outside" / Path(rel).name
    outside.parent.mkdir()
    (project / rel).rename(outside)
    (project / rel).symlink_to(outside)
    assert f"{rel}:1:1: leads outside the project" in "\n".join(problems(project))


def _only(tmp_path: Path, rel: str) -> Path:
    """A project holding nothing but the file at `rel`, so a test times that file alone."""
    (tmp_path / rel).parent.mkdir(parents=True)
    return tmp_path / rel


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "- " * 10_000 + "x\n",
        "".join(" " * (2 * depth) + "-\n" for depth in range(600)),
    ],
    ids=["brackets", "dashes", "indentation"],
)
def test_nesting_beyond_the_limit_is_rejected_within_a_second(tmp_path, text):
    _only(tmp_path, "data/people.yaml").write_text(text)
    started = time.perf_counter()
    found = problems(tmp_path)
    assert time.perf_counter() - started < 1.0
    assert len(found) == 1
    assert f"nested more than {MAX_NESTING} levels deep" in found[0]
    assert found[0].startswith("data/people.yaml:")


@pytest.mark.parametrize(
    ("rel", "limit"), [("data/people.yaml", MAX_DATA_BYTES), ("seeds/huge.txt", MAX_SEED_BYTES)]
)
def test_a_file_over_the_size_limit_is_rejected_by_its_size_before_reading(
    tmp_path, monkeypatch, rel, limit
):
    size = 4 * 2**30  # sparse: takes no disk, and reading it would take seconds and gigabytes
    with _only(tmp_path, rel).open("wb") as handle:
        handle.truncate(size)
    for method in ("read_text", "read_bytes"):
        monkeypatch.setattr(Path, method, lambda *_: pytest.fail("read an oversized file"))
    started = time.perf_counter()
    found = problems(tmp_path)
    assert time.perf_counter() - started < 1.0
    assert found[0].startswith(f"{rel}:1:1: too large: {size:,} bytes, the limit is {limit:,}")


def test_an_unreadable_file_is_a_located_error(project, monkeypatch):
    path = project / "data/people.yaml"
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: refuse it the way the system would
        real_open = os.open

        def refusing_open(file, flags, *args, **kwargs):
            if Path(file) == path:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
            return real_open(file, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    assert "data/people.yaml:1:1: cannot read: permission denied" in problems(project)
