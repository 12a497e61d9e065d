"""A target's progress: its share reached, the growth still needed, the path to it, the pace."""

from __future__ import annotations

from ..model import Figure, Target
from .types import BOUNDS, Derived, Range, TargetProgress
from .units import _said, bounded, figure_range, indicator_words, millions, number, unit_of
from .years import calendar_years, full_years, latest_part_year


def target_progress(target: Target, figures: list[Figure]) -> TargetProgress:
    """How far the latest full year is from the target, a floor counted as a floor; the path
    from the latest exact year; and the latest part-year's pace against that path."""
    years = full_years(figures, target.indicator)
    latest = years[-1] if years else None
    horizons = [s for s in target.statements if s.horizon_year]
    horizon = horizons[-1] if horizons else None
    if latest is None:
        return TargetProgress(target, None, None, horizon, None)
    goal, reached = millions(target), figure_range(latest)
    share_range = reached / Range.point(goal / 100)
    value, bound, upper = bounded(share_range)
    share = Derived(
        id=f"progress-{target.id}",
        label=f"{latest.period.label()} {indicator_words(target.indicator)} as a share of the target",
        value=value,
        unit="percent",
        formula=f"{number(millions(latest))} ÷ {number(goal)}",
        inputs=(latest.id, target.id),
        bound=bound,
        upper=upper,
        note=_floor_note(latest),
    )
    measured = calendar_years(figures, target.indicator)
    start = measured[-1] if measured else None
    needed = path = path_growth = None
    if horizon and horizon.horizon_year > latest.period.year:
        needed = _needed_growth(target, latest, horizon.horizon_year)
    if start and horizon and horizon.horizon_year > start.period.year:
        span = horizon.horizon_year - start.period.year
        rate = (goal / millions(start)) ** (1 / span) - 1
        path = tuple(
            (start.period.year + n, millions(start) * (1 + rate) ** n) for n in range(span + 1)
        )
        path_growth = Derived(
            id=f"path-growth-{target.id}",
            label=f"Growth a year on the path from {start.period.year} to the target",
            value=rate * 100,
            unit="percent a year",
            formula=f"({number(goal)} ÷ {number(millions(start))})^(1/{span}) − 1",
            inputs=(start.id, target.id),
        )
    part = latest_part_year(figures, target.indicator)
    return TargetProgress(
        target,
        latest,
        share,
        horizon,
        needed,
        measured=start,
        path=path or (),
        path_growth=path_growth,
        part_year=part,
        pace=_pace(target, part) if part else None,
    )


def _floor_note(figure: Figure) -> str | None:
    if figure.qualifier not in BOUNDS and figure.qualifier != "almost":
        return None
    return f"the {figure.period.label()} figure is only {_said(figure)}"


def _needed_growth(target: Target, latest: Figure, horizon_year: int) -> Derived:
    """Growth from a floor is a ceiling: the more trade already was, the less it must grow."""
    span = horizon_year - latest.period.year
    goal = millions(target)
    rate = Range(goal, goal) / figure_range(latest)
    yearly = Range(
        None if rate.low is None else (rate.low ** (1 / span) - 1) * 100,
        None if rate.high is None else (rate.high ** (1 / span) - 1) * 100,
    )
    value, bound, upper = bounded(yearly)
    return Derived(
        id=f"needed-growth-{target.id}",
        label=f"Growth needed each year from {latest.period.year} to reach the target by {horizon_year}",
        value=value,
        unit="percent a year",
        formula=f"({number(goal)} ÷ {number(millions(latest))})^(1/{span}) − 1",
        inputs=(latest.id, target.id),
        bound=bound,
        upper=upper,
        note=_floor_note(latest),
    )


def _pace(target: Target, part: Figure) -> Derived:
    """A part of a year at a full year's pace: a straight line, which trade seldom follows."""
    months = part.period.months
    value, bound, upper = bounded(figure_range(part) / Range.point(months / 12))
    return Derived(
        id=f"pace-{target.id}",
        label=f"{part.period.label()} at a full year's pace",
        value=value,
        unit=unit_of(part),
        formula=f"{number(millions(part))} × 12 ÷ {months}",
        inputs=(part.id, target.id),
        period=part.period,
        bound=bound,
        upper=upper,
        note="a straight line from the months reported; trade is not spread evenly over a year",
    )
