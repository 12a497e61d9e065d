"""The command line: `python -m generator check|build`, with compiler-style errors and exit codes."""

from __future__ import annotations

import subprocess
import sys

from .conftest import edit, snapshot


def run(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "generator", *args, "--root", str(project)],
        capture_output=True,
        text=True,
    )


def test_build_then_check_reports_up_to_date(project):
    assert run(project, "build").returncode == 0
    result = run(project, "check")
    assert result.returncode == 0
    assert "generated files are up to date" in result.stdout


def test_check_names_out_of_date_files_and_exits_1(project):
    edit(project / "data/figures.yaml", "value: 563", "value: 564")
    result = run(project, "check")
    assert result.returncode == 1
    assert "out of date: docs/trade.md" in result.stdout


def test_bad_data_prints_file_line_col_exits_2_and_writes_nothing(project):
    edit(project / "data/figures.yaml", "value: 254.3", "value: lots")
    before = snapshot(project / "docs", project / "schema")
    result = run(project, "build")
    assert result.returncode == 2
    assert result.stderr.startswith("data/figures.yaml:")
    assert "1 error; nothing was written." in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "docs", project / "schema") == before


def test_a_yaml_syntax_error_is_printed_like_a_compiler_error(project):
    path = project / "data/people.yaml"
    path.write_text(path.read_text() + "\n- id: [unclosed\n")
    result = run(project, "build")
    assert result.returncode == 2
    lines = len(path.read_text().splitlines())
    assert result.stderr.startswith(f"data/people.yaml:{lines + 1}:1: YAML syntax error")
