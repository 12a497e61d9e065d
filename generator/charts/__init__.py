"""Stage 4a: charts, built with Altair from the records, kept as Vega-Lite JSON plus static SVGs.

What lives where:
- chart.py: the Chart type and its files (Vega-Lite and Vega specs, light and dark, full-size and
  phone SVGs and their sizes), rendering through vl-convert, and the charts' font; `kept_specs`,
  which keeps the published Vega-Lite specs while their inputs are the same (no Altair then);
- layout.py: what the charts share (colours, full-size and phone layouts, the UTC time axis);
- one module per chart: trade.py (trade turnover), events.py (the timeline's events),
  projects.py, target_progress.py and map.py.
"""

from __future__ import annotations

from dataclasses import replace

from ..derive import Analysis
from ..paths import Project
from ..validate import Dataset
from .chart import FONT, FONT_STACK, FONTS, Chart, register_font
from .events import events_chart
from .map import map_chart
from .projects import projects_chart
from .target_progress import target_chart
from .trade import trade_turnover_chart

__all__ = ["FONT", "FONT_STACK", "FONTS", "Chart", "build_charts", "register_font"]


def build_charts(data: Dataset, analysis: Analysis, kept: Project | None = None) -> list[Chart]:
    """The charts; `kept` is the project whose published specs, SVGs and the rest are kept
    while what they are made from is unchanged (None: everything is made anew)."""
    charts = [trade_turnover_chart(data, analysis, kept), events_chart(data, kept)]
    if data.outline and any(p.coordinates for p in data.places):
        charts.append(map_chart(data, kept))
    if any(i.history for i in data.initiatives):
        charts.append(projects_chart(data, kept))
    progress = [t for t in analysis.targets if t.share]
    if progress:
        charts.append(target_chart(progress[0], kept))
    return [replace(c, kept=kept) for c in charts]
