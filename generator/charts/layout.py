"""What the charts share: the kinds' labels and colours, the full-size and phone layouts, the
time axis in UTC, the spec set in the shipped font, and sources in the order a caption names them.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .chart import FIT_WIDTH, FONT_STACK

if TYPE_CHECKING:  # Altair is imported only when a spec is built (see chart.kept_specs)
    import altair as alt

KIND_LABELS = {
    "reported": "Full year, reported",
    "bound": "Full year, 'more than' (a floor)",
    "implied": "Full year, implied by a claim",
    "partial": "Part of a year, reported",
    "path": "Path to the target",
}
COLORS = {
    "reported": "#1f6fb2",
    "bound": "#5b8db8",
    "implied": "#9dc3e6",
    "partial": "#d9822b",
    "path": "#6b6b6b",
}
# The full-size pictures are drawn with a 560-pixel plot; a phone gets a picture of its own, this
# wide in all (a 360-pixel phone's column), so that its text is drawn at the size it was set.
DESKTOP_PLOT = 560
PHONE_WIDTH = 328
# A phone's chart title wraps after about this many characters (13-pixel bold: ~300 pixels).
PHONE_TITLE_CHARS = 40


def spec_of(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec with every title, label and text mark set in the shipped font."""
    return chart.configure(font=FONT_STACK).to_dict(validate=False)  # tests validate the specs


def utc_scale(**options) -> alt.Scale:
    """A time axis in UTC, where the data's dates are.

    In local time a year's tick would move with the time zone of the machine that renders the
    SVG, or of the reader's browser. A bar that spans two dates also gets its own label for
    screen readers: Vega-Lite's would print its end date in local time.
    """
    import altair as alt

    return alt.Scale(type="utc", **options)


def most_cited_first(source_ids: Iterable[str]) -> tuple[str, ...]:
    """Each source once, the most cited first (ties in the order met): a caption names the first."""
    return tuple(source for source, _ in Counter(source_ids).most_common())


def laid_out(chart: alt.TopLevelMixin, title: str, height: int, *, phone: bool):
    """The chart at full size (a 560-pixel plot), or fitted to a phone's column: PHONE_WIDTH in
    all, axes and legend included, with its title wrapped to fit too."""
    import altair as alt

    if not phone:
        return chart.properties(width=DESKTOP_PLOT, height=height, title=title)
    return chart.properties(
        width=PHONE_WIDTH,
        height=height,
        # Centred on the whole picture, not on the plot beside the axis labels.
        title=alt.Title(wrapped(title, PHONE_TITLE_CHARS), frame="bounds"),
        autosize=alt.AutoSizeParams(**FIT_WIDTH),
    )


def wrapped(text: str, limit: int) -> list[str]:
    """As few lines as wrapping at `limit` characters makes, of about even length (no word
    left alone on the last line)."""
    count = len(textwrap.wrap(text, limit))
    width = math.ceil(len(text) / count)
    while len(lines := textwrap.wrap(text, width)) > count:
        width += 1
    return lines
