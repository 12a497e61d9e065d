"""The one orchestrator: load → validate → derive → charts → pages → write.

The command line and the MkDocs hook both call `build`; everything is gathered and checked
before the first file is written, so bad data leaves docs/ exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .charts import build_charts
from .derive import Analysis, derive
from .load import load
from .pages import MARKER, Output, render_pages
from .paths import Project
from .schema import schema_outputs
from .validate import Dataset, validate
from .write import Changes, apply_changes, plan_changes


@dataclass(frozen=True)
class Result:
    data: Dataset
    analysis: Analysis
    outputs: list[Output]
    changes: Changes


def build(root: Path, *, write: bool = True) -> Result:
    project = Project(root.resolve())
    data = validate(load(project))
    analysis = derive(data)
    charts = build_charts(data, analysis)
    outputs = [
        *render_pages(project, data, analysis, charts),
        *chart_outputs(charts),
        *schema_outputs(),
    ]
    changes = plan_changes(project, outputs)
    if write:
        apply_changes(project, outputs, changes)
    return Result(data, analysis, outputs, changes)


def chart_outputs(charts: list) -> list[Output]:
    outputs = []
    for chart in charts:
        marker = f"{MARKER} from {', '.join(chart.data_files)}: edit those files, not this one"
        outputs.append(Output(f"docs/charts/{chart.slug}.vl.json", chart.json(marker)))
        outputs.append(Output(f"docs/charts/{chart.slug}.svg", chart.svg(marker)))
    return outputs
