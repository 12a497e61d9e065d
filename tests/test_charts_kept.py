"""Each chart's Vega-Lite specs are kept in docs/charts/ while what they are built from is the
same: a build then neither imports Altair nor builds a spec."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from generator.build import build

from .conftest import edit

REPO = Path(__file__).resolve().parent.parent
SLUGS = ("trade-turnover", "events", "map", "projects", "target-progress")

# A build in a fresh process, as `python -m generator build` runs one: what it wrote and
# whether it imported Altair.
BUILD_AND_REPORT = """
import json, sys
from pathlib import Path
from generator.build import build
changes = build(Path("."), full={full}).changes
print(json.dumps([changes.written, changes.removed, "altair" in sys.modules]))
"""


def build_in_fresh_process(project: Path, *, full: bool = False) -> tuple[list, list, bool]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-c", BUILD_AND_REPORT.format(full=full)]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    written, removed, altair = json.loads(done.stdout.splitlines()[-1])
    return written, removed, altair


def specs(project: Path) -> dict[str, str]:
    return {
        name: (project / "docs/charts" / name).read_text("utf-8")
        for slug in SLUGS
        for name in (f"{slug}.vl.json", f"{slug}.phone.vl.json")
    }


def test_an_unchanged_project_builds_without_importing_altair(project):
    """The project's copy has no .cache/: the build is not skipped, it keeps the specs."""
    assert not (project / ".cache").exists()
    assert build_in_fresh_process(project) == ([], [], False)


def test_a_full_build_builds_every_spec_anew_and_they_come_out_the_same(project):
    before = specs(project)
    assert build_in_fresh_process(project, full=True) == ([], [], True)
    assert specs(project) == before


def test_an_edited_figure_rebuilds_the_trade_charts_specs_only(project):
    before = specs(project)
    edit(project / "data/figures.yaml", "value: 254.3", "value: 254.7")
    written = build(project).changes.written
    after = specs(project)
    for name in ("trade-turnover.vl.json", "trade-turnover.phone.vl.json"):
        assert f"docs/charts/{name}" in written
        assert '"value":254.7' in after[name] and '"value":254.3' not in after[name]
        meta = (json.loads(before[name])["usermeta"], json.loads(after[name])["usermeta"])
        assert meta[0]["from"] != meta[1]["from"]
    # Neither the other charts' specs nor the trade chart's table of sources changed.
    assert {n for n in after if after[n] != before[n]} == {
        "trade-turnover.vl.json",
        "trade-turnover.phone.vl.json",
    }


def test_a_hand_edited_or_damaged_spec_is_built_anew_not_kept(project):
    charts = project / "docs/charts"
    before = specs(project)
    edit(charts / "events.vl.json", '"size":80', '"size":90')  # still valid, still "from" the key
    edit(charts / "map.phone.vl.json", '"usermeta"', '"usermeta" ')  # the same JSON, other text
    (charts / "projects.phone.vl.json").write_text(before["projects.phone.vl.json"][:-100])
    # Swapped: each file holds the other layout's spec with its own digest.
    (charts / "target-progress.vl.json").write_text(before["target-progress.phone.vl.json"])
    (charts / "target-progress.phone.vl.json").write_text(before["target-progress.vl.json"])
    written, _, altair = build_in_fresh_process(project)
    assert altair
    assert set(written) == {
        f"docs/charts/{name}"
        for name in (
            "events.vl.json",
            "map.phone.vl.json",
            "projects.phone.vl.json",
            "target-progress.vl.json",
            "target-progress.phone.vl.json",
        )
    }
    assert specs(project) == before
