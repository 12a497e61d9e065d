"""Full years and parts of years: what part-years leave over, growth between full years."""

from __future__ import annotations

from ..dates import Period
from ..model import Figure
from .types import BOUNDS, Derived
from .units import in_units, indicator_slug, indicator_words, millions, number, unit_of

KEY_INDICATOR = "trade-turnover"  # the indicator the home page and the targets are about


def full_years(figures: list[Figure], indicator: str = KEY_INDICATOR) -> list[Figure]:
    """Every full-year figure of the indicator, floors ('more than $500 million') included."""
    years = [f for f in figures if f.indicator == indicator and f.period.is_calendar_year]
    return sorted(years, key=lambda f: f.period.year)


def calendar_years(figures: list[Figure], indicator: str = KEY_INDICATOR) -> list[Figure]:
    """Full-year figures that are measurements: bounds are left out."""
    return [f for f in full_years(figures, indicator) if f.qualifier not in BOUNDS]


def latest_part_year(figures: list[Figure], indicator: str) -> Figure | None:
    parts = [f for f in figures if f.indicator == indicator and not f.period.is_calendar_year]
    return max(parts, key=lambda f: (f.period.end, f.period.months), default=None)


def part_year_remainders(figures: list[Figure]) -> list[Derived]:
    """What a longer part of a year leaves after a shorter one from the same start: a month or
    two the sources never give alone, worth seeing when it is out of line with the rest."""
    parts = [
        f for f in figures if not f.period.is_calendar_year and f.qualifier in ("exact", "about")
    ]
    parts.sort(key=lambda f: (f.indicator, f.period.start, f.period.end))
    derived = []
    for a, b in zip(parts, parts[1:], strict=False):
        same_start = a.indicator == b.indicator and a.period.start == b.period.start
        if not same_start or b.period.end <= a.period.end or millions(b) <= millions(a):
            continue
        derived.append(_remainder(a, b))
    return derived


def _remainder(a: Figure, b: Figure) -> Derived:
    months = b.period.months - a.period.months
    period = Period(_next_month(a.period.end), b.period.end)
    value = millions(b) - millions(a)
    say = in_units(unit_of(b))
    per_month = f"{say(value / months)} a month"
    before = f"{say(millions(a) / a.period.months)} a month"
    notes = [f"{per_month if months > 1 else 'one month'}, against {before} in {a.period.label()}"]
    if {c.source for c in a.cite}.isdisjoint(c.source for c in b.cite):
        notes.append("the two figures come from different reports")
    if "about" in (a.qualifier, b.qualifier):
        notes.append("one of them is only 'about', so this is rough")
    return Derived(
        id=f"remainder-{indicator_slug(b.indicator)}-{period.slug()}",
        label=f"{indicator_words(b.indicator).capitalize()} in {period.label()}, worked out",
        value=value,
        unit=unit_of(b),
        formula=f"{number(millions(b))} − {number(millions(a))}",
        inputs=(b.id, a.id),
        period=period,
        note="; ".join(notes),
    )


def _next_month(day):
    return (
        day.replace(year=day.year + 1, month=1, day=1)
        if day.month == 12
        else day.replace(month=day.month + 1, day=1)
    )


def growth_between_years(figures: list[Figure]) -> list[Derived]:
    """The change between each pair of neighbouring reported full years.

    Over a gap it is the change between the two years, never a yearly average: an average
    draws a smooth line through years the data know nothing about (from 2012 to 2021 it would
    hide the fall that the 2020 part-year figures show), while the change between two reported
    years is what the figures themselves say.
    """
    years = calendar_years(figures)
    derived = []
    for a, b in zip(years, years[1:], strict=False):
        first, last = a.period.year, b.period.year
        change = (millions(b) / millions(a) - 1) * 100
        note = None
        if last - first > 1:
            gap = str(first + 1) if last - first == 2 else f"{first + 1}–{last - 1}"
            note = (
                f"no full-year figure for {gap}: this compares the two years only and says "
                "nothing about the years between"
            )
        derived.append(
            Derived(
                id=f"growth-{first}-{last}",
                label=f"{first}–{last}" + (f", over {last - first} years" if note else ""),
                value=change,
                unit="percent change",
                formula=f"{number(millions(b))} ÷ {number(millions(a))} − 1",
                inputs=(a.id, b.id),
                note=note,
            )
        )
    return derived
