"""Stage 3: the numbers the report works out from the records.

Every derived number is a `Derived`: its value, the formula in words a reader can redo on paper,
and the ids of the records it comes from, which the site prints next to it.

Nothing exact is derived from a bound. A figure a source gives as "more than $500 million", or a
claim of "more than fourfold", is a range of values, not a value: the arithmetic runs on ranges
(`Range`), so a bound in gives a bound out ("at least", "at most"), and where the bounds point
opposite ways nothing comes out and the claim cannot be checked.

Derived values have ids that stay the same from build to build, so the chapters can cite them
(`Analysis.derived_by_id`). The indicator is `turnover` for trade turnover, else its own name;
the period is `2018`, `2024-04` (one month) or `2020-01-to-2020-09`:

- `implied-{indicator}-{period}`: the value claims imply for a period the data hold no figure
  for; one per indicator and period, however many claims imply it;
- `remainder-{indicator}-{period}`: what a longer part of a year leaves after a shorter one;
- `growth-{year}-{year}`: the change between two reported full years;
- `progress-{target}`, `needed-growth-{target}`, `path-growth-{target}`, `pace-{target}`: a
  target's progress, the yearly growth it still needs from the latest full year, the yearly
  growth of the path to it from the latest exact full year, and the latest part-year's pace.
"""

from __future__ import annotations

from ..validate import Dataset
from .claims import (
    ALMOST_FLOOR,
    CHANGE_POINTS,
    CLOSE_TO,
    RATIO_SHARE,
    ROUNDING,
    accepted,
    check_claim,
    merge_implied,
    multiplier,
    weigh,
)
from .targets import target_progress
from .types import BOUNDS, Analysis, Bound, ClaimCheck, Derived, Range, TargetProgress, Verdict
from .units import (
    SCALE,
    bounded,
    figure_range,
    in_units,
    in_words,
    indicator_slug,
    indicator_words,
    millions,
    number,
    unit_of,
)
from .years import (
    KEY_INDICATOR,
    calendar_years,
    full_years,
    growth_between_years,
    latest_part_year,
    part_year_remainders,
)

__all__ = [
    "ALMOST_FLOOR",
    "BOUNDS",
    "CHANGE_POINTS",
    "CLOSE_TO",
    "KEY_INDICATOR",
    "RATIO_SHARE",
    "ROUNDING",
    "SCALE",
    "Analysis",
    "Bound",
    "ClaimCheck",
    "Derived",
    "Range",
    "TargetProgress",
    "Verdict",
    "accepted",
    "bounded",
    "calendar_years",
    "check_claim",
    "derive",
    "figure_range",
    "full_years",
    "growth_between_years",
    "in_units",
    "in_words",
    "indicator_slug",
    "indicator_words",
    "latest_part_year",
    "merge_implied",
    "millions",
    "multiplier",
    "number",
    "part_year_remainders",
    "target_progress",
    "unit_of",
    "weigh",
]


def derive(data: Dataset) -> Analysis:
    figures = {f.id: f for f in data.figures}
    checks = [check_claim(c, figures[c.subject], data.figures) for c in data.claims]
    checks, implied = merge_implied(checks)
    years = full_years(data.figures, KEY_INDICATOR)
    return Analysis(
        checks=checks,
        implied=implied,
        remainders=part_year_remainders(data.figures),
        growth=growth_between_years(data.figures),
        targets=[target_progress(t, data.figures) for t in data.targets],
        latest_year=years[-1] if years else None,
        latest_part_year=latest_part_year(data.figures, KEY_INDICATOR),
    )
