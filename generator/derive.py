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

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from math import isclose
from typing import Literal

from .dates import Period
from .model import Amount, Claim, Figure, Statement, Target
from .validate import Dataset

SCALE = {None: 1e-6, "thousand": 1e-3, "million": 1.0, "billion": 1e3}
KEY_INDICATOR = "trade-turnover"  # the indicator the home page and the targets are about

# How far a stated relation may be from the figures and still count as consistent.
CHANGE_POINTS = {"exact": 1.0, "about": 3.0}  # percentage points: sources round growth rates
RATIO_SHARE = {"exact": 0.05, "about": 0.15}  # 'fourfold' is a round number
CLOSE_TO = 0.15  # 'close to': within 15%
ALMOST_FLOOR = 0.8  # 'almost two times' means at least 1.6 times and less than 2
BOUNDS = ("over", "under")  # figure qualifiers that make a value a bound, not a measurement
# How far apart two values may be before a part of a period counts as exceeding the whole:
# rounding for exact figures, more for a source's "about".
ROUNDING = {"exact": 0.01, "about": 0.15, "almost": 0.01, "over": 0.01, "under": 0.01}

Verdict = Literal["consistent", "not-contradicted", "contradicted", "implies", "unchecked"]
Bound = Literal["at least", "at most", "between"]


@dataclass(frozen=True)
class Range:
    """What a positive value can be: low ≤ value ≤ high; None leaves that side open."""

    low: float | None
    high: float | None

    @classmethod
    def point(cls, value: float) -> Range:
        return cls(value, value)

    @property
    def is_point(self) -> bool:
        return self.low is not None and self.high is not None and isclose(self.low, self.high)

    @property
    def is_open(self) -> bool:
        """Nothing known either way."""
        return self.low is None and self.high is None

    def __truediv__(self, other: Range) -> Range:
        """Every x / y for x in this range and y in the other (all values positive)."""
        low = self.low / other.high if self.low is not None and other.high else None
        high = self.high / other.low if self.high is not None and other.low else None
        return Range(low, high)

    def shift(self, by: float, times: float = 1.0) -> Range:
        """(value + by) × times, for turning a ratio into a percentage change."""
        return Range(
            None if self.low is None else (self.low + by) * times,
            None if self.high is None else (self.high + by) * times,
        )


@dataclass(frozen=True)
class Derived:
    id: str
    label: str
    value: float  # the value, or the bound: the floor for 'at least', the low end for 'between'
    unit: str  # 'USD million', 'million tonnes' (unit_of), 'percent', 'percent change', 'percent a year'
    formula: str
    inputs: tuple[str, ...]
    note: str | None = None
    period: Period | None = None  # the period an implied value is for
    bound: Bound | None = None  # None: the value itself, to rounding
    upper: float | None = None  # the high end of a 'between' range
    claims: tuple[str, ...] = ()  # the claims an implied value rests on


@dataclass(frozen=True)
class ClaimCheck:
    claim: Claim
    subject: Figure
    base: Figure | None
    verdict: Verdict
    explanation: str
    derived: Derived | None = None  # what the claim implies (for 'implies', the merged value)
    conflicts: tuple[Figure, ...] = ()  # figures an implied value cannot be squared with


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    latest: Figure | None  # the latest full year, a floor included
    share: Derived | None
    horizon: Statement | None  # the statement whose horizon the numbers run to
    needed_growth: Derived | None
    measured: Figure | None = None  # the latest full year with an exact figure: the path's start
    path: tuple[tuple[int, float], ...] = ()  # (year, USD million) from `measured` to the target
    path_growth: Derived | None = None  # the yearly growth the path assumes
    part_year: Figure | None = None  # the latest part-year figure
    pace: Derived | None = None  # that part-year at a full year's pace

    @property
    def horizon_year(self) -> int | None:
        return self.horizon.horizon_year if self.horizon else None

    def on_path(self, year: int) -> float | None:
        return dict(self.path).get(year)


@dataclass(frozen=True)
class Analysis:
    checks: list[ClaimCheck]
    implied: list[Derived]  # one per indicator and period
    remainders: list[Derived]
    growth: list[Derived]
    targets: list[TargetProgress]
    latest_year: Figure | None = None  # of the key indicator, a floor included
    latest_part_year: Figure | None = None  # of the key indicator

    @property
    def all_derived(self) -> list[Derived]:
        extra = [
            d for t in self.targets for d in (t.share, t.needed_growth, t.path_growth, t.pace) if d
        ]
        return [*self.implied, *self.remainders, *self.growth, *extra]

    @cached_property
    def derived_by_id(self) -> dict[str, Derived]:
        """Every derived value by its id (see the module's docstring for the scheme)."""
        return {d.id: d for d in self.all_derived}


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


def millions(amount: Amount) -> float:
    """An amount in millions of its unit: USD million for money, the unit every chart and table
    of the report uses; million tonnes for tonnes."""
    return amount.value * SCALE[amount.scale]


def unit_of(amount: Amount) -> str:
    """The unit `millions` counts in: 'USD million', 'million tonnes'."""
    return "USD million" if amount.currency else f"million {amount.unit}"


def in_units(unit: str) -> Callable[[float], str]:
    """How a value in that unit reads: '$128 million', '1.1 million tonnes'."""
    if unit == "USD million":
        return lambda value: f"${number(round(value, 1))} million"
    return lambda value: f"{number(value)} {unit}"


def number(value: float) -> str:
    """A number as the formulas print it: 563, 254.3, 1,000."""
    return f"{value:,.1f}".removesuffix(".0")


def indicator_slug(indicator: str) -> str:
    return "turnover" if indicator == "trade-turnover" else indicator


def indicator_words(indicator: str) -> str:
    """The indicator as a sentence names it."""
    return {
        "trade-turnover": "turnover",
        "kz-exports-to-tm": "Kazakh exports to Turkmenistan",
        "rail-freight": "rail freight",
        "transport-volume": "freight, all modes",
    }.get(indicator, "the value")


def figure_range(figure: Figure) -> Range:
    """What a figure says the value is: a point, or a bound for 'more than', 'less than', 'almost'."""
    value = millions(figure)
    if figure.qualifier == "over":
        return Range(value, None)
    if figure.qualifier in ("under", "almost"):
        return Range(None, value)
    return Range.point(value)


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


def accepted(stated: float, approx: str, points: bool) -> Range:
    """The computed changes (points=True, in %) or ratios that match a stated one."""
    if approx == "over":
        return Range(stated - (1.0 if points else 0.01 * stated), None)
    if approx == "almost":
        low = stated - max(2.0, 0.1 * abs(stated)) if points else ALMOST_FLOOR * stated
        return Range(low, stated)
    if points:
        slack = max(CHANGE_POINTS[approx], 0.05 * abs(stated) if approx == "about" else 0)
        return Range(stated - slack, stated + slack)
    return Range(stated * (1 - RATIO_SHARE[approx]), stated * (1 + RATIO_SHARE[approx]))


def weigh(actual: Range, wanted: Range) -> Verdict:
    """Consistent if every value the figures allow fits; contradicted if none does."""
    inf = float("inf")
    low = -inf if actual.low is None else actual.low
    high = inf if actual.high is None else actual.high
    lo, hi = -inf if wanted.low is None else wanted.low, inf if wanted.high is None else wanted.high
    if high < lo or low > hi:
        return "contradicted"
    return "consistent" if lo <= low and high <= hi else "not-contradicted"


def multiplier(claim: Claim) -> Range:
    """Subject ÷ base as the claim states it; 'more than' and 'almost' make it a bound."""
    stated = 1 + claim.percent / 100 if claim.kind == "change" else claim.factor
    if claim.approx in ("exact", "about"):
        return Range.point(stated)
    rising = claim.kind == "ratio" or claim.percent >= 0
    if (claim.approx == "over") == rising:  # more than a rise, or almost a fall
        return Range(stated, None)
    return Range(None, stated)


def bounded(value: Range) -> tuple[float, Bound | None, float | None]:
    """(value, bound, upper) for a Derived, from a range that is not open."""
    if value.is_point:
        return value.low, None, None
    if value.high is None:
        return value.low, "at least", None
    if value.low is None:
        return value.high, "at most", None
    return value.low, "between", value.high


def in_words(value: Range, one: Callable[[float], str]) -> str:
    """A range as a reader says it: '$128 million', 'at least $125 million'."""
    if value.is_point:
        return one(value.low)
    if value.high is None:
        return f"at least {one(value.low)}"
    if value.low is None:
        return f"at most {one(value.high)}"
    return f"between {one(value.low)} and {one(value.high)}"


def _figure_for(period: Period | None, like: Figure, figures: list[Figure]) -> Figure | None:
    matches = [f for f in figures if f.indicator == like.indicator and f.period == period]
    return matches[0] if matches else None


def check_claim(claim: Claim, subject: Figure, figures: list[Figure]) -> ClaimCheck:
    base = _figure_for(claim.base, subject, figures)
    if claim.kind == "peak":
        return _check_peak(claim, subject, figures)
    if claim.kind == "close-to":
        return _check_close(claim, subject, base)
    if base is None:
        return _implied(claim, subject, figures)
    return _check_relation(claim, subject, base)


def _check_relation(claim: Claim, subject: Figure, base: Figure) -> ClaimCheck:
    ratio = figure_range(subject) / figure_range(base)
    points = claim.kind == "change"
    actual = ratio.shift(-1, 100) if points else ratio
    stated = claim.percent if points else claim.factor
    verdict = weigh(actual, accepted(stated, claim.approx, points))
    said = f"{stated:+g}%" if points else f"{claim.approx} {number(stated)} times"
    found = in_words(actual, (lambda x: f"{x:+.1f}%") if points else (lambda x: f"{x:.2f} times"))
    text = (
        f"From {_said(base)} ({base.period.label()}) to {_said(subject)} "
        f"({subject.period.label()}) is {found}; the source says {said}."
    )
    if verdict == "not-contradicted":
        text += " A bound can allow the claim but cannot confirm it."
    return ClaimCheck(claim, subject, base, verdict, text)


def _said(figure: Figure) -> str:
    words = {"over": "more than ", "under": "less than ", "almost": "almost ", "about": "about "}
    return words.get(figure.qualifier, "") + in_units(unit_of(figure))(millions(figure))


def _implied(claim: Claim, subject: Figure, figures: list[Figure]) -> ClaimCheck:
    """No figure for the base period: the claim implies one, a bound if its inputs are bounds."""
    value = figure_range(subject) / multiplier(claim)
    period = claim.base.label()
    reasons = _bound_reasons(claim, subject)
    if value.is_open:
        text = (
            f"No figure for {period} in the data, and the claim cannot supply one: "
            f"{'; '.join(reasons)}. Together they put no bound on {period}, so the claim "
            "cannot be checked."
        )
        return ClaimCheck(claim, subject, None, "unchecked", text)
    derived = _implied_value(claim, subject, value, reasons)
    conflicts = _conflicts(value, claim.base, subject, claim, figures)
    if conflicts:
        against = "; ".join(
            f"{_said(f)} for {f.period.label()}, " + _relation(f.period, claim.base)
            for f in conflicts
        )
        text = (
            f"The claim would make {period} {in_words(value, in_units(unit_of(subject)))}, "
            f"which the data rule out: they hold {against}."
        )
        return ClaimCheck(claim, subject, None, "contradicted", text, derived, conflicts)
    text = (
        f"No figure for {period} in the data; the claim implies "
        f"{in_words(value, in_units(unit_of(subject)))}."
    )
    return ClaimCheck(claim, subject, None, "implies", text, derived)


def _relation(other: Period, period: Period) -> str:
    if other.contains(period):
        return "the whole year" if other.is_calendar_year else "a longer part of the same year"
    return "a part of it"


def _implied_value(claim: Claim, subject: Figure, value: Range, reasons: list[str]) -> Derived:
    if claim.kind == "change":
        formula = f"{number(millions(subject))} ÷ (1 + {number(claim.percent)}%)"
    else:
        formula = f"{number(millions(subject))} ÷ {number(claim.factor)}"
    shown, bound, upper = bounded(value)
    return Derived(
        id=f"implied-{indicator_slug(subject.indicator)}-{claim.base.slug()}",
        label=f"{indicator_words(subject.indicator).capitalize()} in {claim.base.label()}, implied",
        value=shown,
        unit=unit_of(subject),
        formula=formula,
        inputs=(subject.id, claim.id),
        period=claim.base,
        note="; ".join(reasons) or None,
        bound=bound,
        upper=upper,
        claims=(claim.id,),
    )


def _bound_reasons(claim: Claim, subject: Figure, who: str = "the claim") -> list[str]:
    """Why an implied value is a bound."""
    reasons = []
    stated = (
        f"{number(claim.percent)}%" if claim.kind == "change" else f"{number(claim.factor)} times"
    )
    if claim.approx == "over":
        reasons.append(f"{who} says more than {stated}")
    if claim.approx == "almost":
        reasons.append(f"{who} says almost {stated}")
    if subject.qualifier in BOUNDS or subject.qualifier == "almost":
        reasons.append(f"the {subject.period.label()} figure is only {_said(subject)}")
    return reasons


def _conflicts(
    value: Range, period: Period, subject: Figure, claim: Claim, figures: list[Figure]
) -> tuple[Figure, ...]:
    """Figures for a longer span the implied value exceeds, or for a part of it that exceed it."""
    found = []
    for f in figures:
        if f.indicator != subject.indicator or f.period == period:
            continue
        known = figure_range(f)
        slack = max(ROUNDING[f.qualifier], ROUNDING[claim.approx], ROUNDING[subject.qualifier])
        whole_exceeded = (
            f.period.contains(period)  # a part of a period above the whole of it
            and value.low is not None
            and known.high is not None
            and value.low > known.high * (1 + slack)
        )
        part_exceeded = (
            period.contains(f.period)  # a period below a part of it
            and value.high is not None
            and known.low is not None
            and value.high < known.low * (1 - slack)
        )
        if whole_exceeded or part_exceeded:
            found.append(f)
    return tuple(found)


def merge_implied(checks: list[ClaimCheck]) -> tuple[list[ClaimCheck], list[Derived]]:
    """One value per indicator and period, with every claim that implies it as its basis."""
    groups: dict[str, list[ClaimCheck]] = {}
    for c in checks:
        if c.verdict == "implies":
            groups.setdefault(c.derived.id, []).append(c)
    merged = {key: _merge(group) for key, group in groups.items()}
    checks = [
        replace(c, derived=merged[c.derived.id]) if c.verdict == "implies" else c for c in checks
    ]
    return checks, list(merged.values())


def _merge(group: list[ClaimCheck]) -> Derived:
    values = [c.derived for c in group]
    if len(values) == 1:
        return values[0]
    ranges = [_range_of(d) for d in values]
    lows = [r.low for r in ranges if r.low is not None]
    highs = [r.high for r in ranges if r.high is not None]
    together = Range(max(lows, default=None), min(highs, default=None))
    notes = [
        f"{'; '.join(_bound_reasons(c.claim, c.subject, 'one claim'))}, which alone makes it "
        f"{c.derived.bound} this"
        for c in group
        if c.derived.bound
    ]
    if together.low is not None and together.high is not None and together.low > together.high:
        if not isclose(together.low, together.high, rel_tol=0.005):
            together = Range(min(lows), max(highs))
            notes.append("the claims behind it do not agree")
        else:
            together = Range.point(together.low)
    value, bound, upper = bounded(together)
    return replace(
        values[0],
        value=value,
        bound=bound,
        upper=upper,
        formula="; ".join(dict.fromkeys(d.formula for d in values)),
        inputs=tuple(dict.fromkeys(i for d in values for i in d.inputs)),
        claims=tuple(c for d in values for c in d.claims),
        note="; ".join(dict.fromkeys(notes)) or None,
    )


def _range_of(derived: Derived) -> Range:
    if derived.bound is None:
        return Range.point(derived.value)
    if derived.bound == "at least":
        return Range(derived.value, None)
    if derived.bound == "at most":
        return Range(None, derived.value)
    return Range(derived.value, derived.upper)


def _check_close(claim: Claim, subject: Figure, base: Figure | None) -> ClaimCheck:
    if base is None:
        return ClaimCheck(
            claim, subject, None, "unchecked", f"No figure for {claim.base.label()} in the data."
        )
    share = figure_range(subject) / figure_range(base)
    verdict = weigh(share, Range(1 - CLOSE_TO, 1 + CLOSE_TO))
    found = in_words(share, lambda x: f"{x:.0%}")
    text = (
        f"{_said(subject)} ({subject.period.label()}) is {found} of "
        f"{_said(base)} ({base.period.label()})."
    )
    return ClaimCheck(claim, subject, base, verdict, text)


def _check_peak(claim: Claim, subject: Figure, figures: list[Figure]) -> ClaimCheck:
    """'The highest yet': confirmed only by a series without gaps; a gap leaves it open."""
    year = subject.period.year
    earlier = [f for f in full_years(figures, subject.indicator) if f.period.year < year]
    if not earlier:
        return ClaimCheck(
            claim, subject, None, "unchecked", "No earlier full-year figure in the data."
        )
    value = figure_range(subject)
    higher = [f for f in earlier if _at_least(figure_range(f), value.high)]
    unsure = [f for f in earlier if not _below(figure_range(f), value.low)]
    measured = [f for f in earlier if f.qualifier not in BOUNDS]
    highest = max(measured or earlier, key=millions)
    text = (
        f"The highest earlier full-year figure in the data is {_said(highest)} "
        f"({highest.period.label()}), against {_said(subject)}."
    )
    if higher:
        return ClaimCheck(claim, subject, higher[0], "contradicted", text)
    first = earlier[0].period.year
    missing = sorted(set(range(first, year)) - {f.period.year for f in measured})
    if missing or unsure:
        text += (
            f" But {len(missing)} of the {year - first} years from {first} to {year - 1} have no "
            "full-year figure, so the data cannot show that none of them was higher."
            if missing
            else " But some earlier years are only given as bounds."
        )
        return ClaimCheck(claim, subject, highest, "not-contradicted", text)
    return ClaimCheck(claim, subject, highest, "consistent", text)


def _at_least(value: Range, than: float | None) -> bool:
    return than is not None and value.low is not None and value.low >= than


def _below(value: Range, than: float | None) -> bool:
    return than is not None and value.high is not None and value.high < than


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
