"""Stage 4a: charts, built with Altair from the records, kept as Vega-Lite JSON plus static SVGs.

What lives where:
- chart.py: the Chart type and its files (Vega-Lite and Vega specs, light and dark, full-size and
  phone SVGs and their sizes), rendering through vl-convert, and the charts' font;
- layout.py: what the charts share (colours, full-size and phone layouts, the UTC time axis);
- one module per chart: trade.py (trade turnover), events.py (the timeline's events),
  projects.py, target_progress.py and map.py.
"""

from __future__ import annotations

from altair.utils.schemapi import debug_mode

from ..derive import Analysis
from ..validate import Dataset
from .chart import FONT, FONT_STACK, FONTS, Chart, register_font
from .events import events_chart
from .map import map_chart
from .projects import projects_chart
from .target_progress import target_chart
from .trade import trade_turnover_chart

__all__ = ["FONT", "FONT_STACK", "FONTS", "Chart", "build_charts", "register_font"]


def build_charts(data: Dataset, analysis: Analysis) -> list[Chart]:
    # Altair checks each object against the schema as it is made (its "debug mode"), a third of
    # the charts' time; the specs are checked whole in the tests (test_render.py).
    with debug_mode(False):
        return _charts(data, analysis)


def _charts(data: Dataset, analysis: Analysis) -> list[Chart]:
    charts = [trade_turnover_chart(data, analysis), events_chart(data)]
    if data.outline and any(p.coordinates for p in data.places):
        charts.append(map_chart(data))
    if any(i.history for i in data.initiatives):
        charts.append(projects_chart(data))
    progress = [t for t in analysis.targets if t.share]
    if progress:
        charts.append(target_chart(progress[0]))
    return charts
