"""Stage 3: the numbers the report works out from the records.

Every derived number is a `Derived`: its value, the formula in words a reader can redo on paper,
and the ids of the records it comes from, which the site prints next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .dates import Period
from .model import Amount, Claim, Figure, Target
from .validate import Dataset

SCALE = {None: 1e-6, "thousand": 1e-3, "million": 1.0, "billion": 1e3}

# How far a stated relation may be from the figures and still count as consistent.
CHANGE_POINTS = {"exact": 1.0, "about": 3.0}  # percentage points: sources round growth rates
RATIO_SHARE = {"exact": 0.05, "about": 0.15}  # 'fourfold' is a round number
CLOSE_TO = 0.15  # 'close to': within 15%
ALMOST_FLOOR = 0.8  # 'almost two times' means at least 1.6 times and less than 2
BOUNDS = ("over", "under")  # figure qualifiers that make a value a bound, not a measurement

Verdict = Literal["consistent", "contradicted", "implies", "unchecked"]


@dataclass(frozen=True)
class Derived:
    id: str
    label: str
    value: float
    unit: Literal["USD million", "percent", "percent a year"]
    formula: str
    inputs: tuple[str, ...]
    note: str | None = None
    period: Period | None = None  # the period an implied value is for


@dataclass(frozen=True)
class ClaimCheck:
    claim: Claim
    subject: Figure
    base: Figure | None
    verdict: Verdict
    explanation: str
    derived: Derived | None = None


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    latest: Figure | None
    share: Derived | None
    horizon_year: int | None
    needed_growth: Derived | None
    path: tuple[tuple[int, float], ...]  # (year, USD million) from the latest figure to the target


@dataclass(frozen=True)
class Analysis:
    checks: list[ClaimCheck]
    growth: list[Derived]
    targets: list[TargetProgress]

    @property
    def implied(self) -> list[Derived]:
        return [c.derived for c in self.checks if c.verdict == "implies" and c.derived]

    @property
    def all_derived(self) -> list[Derived]:
        extra = [d for t in self.targets for d in (t.share, t.needed_growth) if d]
        return [*self.implied, *self.growth, *extra]


def derive(data: Dataset) -> Analysis:
    figures = {f.id: f for f in data.figures}
    checks = [check_claim(c, figures[c.subject], data.figures) for c in data.claims]
    return Analysis(
        checks=checks,
        growth=growth_between_years(data.figures),
        targets=[target_progress(t, data.figures) for t in data.targets],
    )


def millions(amount: Amount) -> float:
    """A money amount in USD million, the unit every chart and table of the report uses."""
    return amount.value * SCALE[amount.scale] if amount.currency else amount.value


def number(value: float) -> str:
    """A number as the formulas print it: 563, 254.3, 1,000."""
    return f"{value:,.1f}".removesuffix(".0")


def calendar_years(figures: list[Figure], indicator: str = "trade-turnover") -> list[Figure]:
    """Full-year figures that are measurements: bounds ('more than $500 million') are left out."""
    years = [
        f
        for f in figures
        if f.indicator == indicator and f.period.is_calendar_year and f.qualifier not in BOUNDS
    ]
    return sorted(years, key=lambda f: f.period.year)


def fits(actual: float, stated: float, approx: str, points: bool) -> bool:
    """Whether a computed change (points=True, in %) or ratio matches the stated one."""
    if approx == "over":
        return actual >= stated - (1.0 if points else 0.01 * stated)
    if approx == "almost":
        low = stated - max(2.0, 0.1 * abs(stated)) if points else ALMOST_FLOOR * stated
        return low <= actual <= stated
    if points:
        return abs(actual - stated) <= max(
            CHANGE_POINTS[approx], 0.05 * abs(stated) if approx == "about" else 0
        )
    return abs(actual / stated - 1) <= RATIO_SHARE[approx]


def _bound_note(claim: Claim, subject: Figure) -> str | None:
    notes = []
    if claim.approx == "almost":
        notes.append("'almost': the value is a little more than this")
    if claim.approx == "over":
        notes.append("'more than': the value is at most this")
    if subject.qualifier in BOUNDS:
        notes.append(
            f"the figure it starts from is itself '{subject.qualifier}' {number(subject.value)}"
        )
    return "; ".join(notes) or None


def _figure_for(period: Period | None, like: Figure, figures: list[Figure]) -> Figure | None:
    matches = [f for f in figures if f.indicator == like.indicator and f.period == period]
    return matches[0] if matches else None


def check_claim(claim: Claim, subject: Figure, figures: list[Figure]) -> ClaimCheck:
    base = _figure_for(claim.base, subject, figures)
    check = {
        "change": _check_change,
        "ratio": _check_ratio,
        "close-to": _check_close,
        "peak": _check_peak,
    }
    return check[claim.kind](claim, subject, base, figures)


def _check_change(claim: Claim, subject: Figure, base: Figure | None, _: list) -> ClaimCheck:
    value, stated = millions(subject), claim.percent
    if base is None:
        implied = value / (1 + stated / 100)
        derived = Derived(
            id=f"implied-{claim.id}",
            label=f"Turnover in {claim.base.label()}, implied",
            value=implied,
            unit="USD million",
            formula=f"{number(value)} ÷ (1 + {number(stated)}%)",
            inputs=(subject.id, claim.id),
            period=claim.base,
            note=_bound_note(claim, subject),
        )
        text = f"No figure for {claim.base.label()} in the data; the claim implies ${number(round(implied, 1))} million."
        return ClaimCheck(claim, subject, None, "implies", text, derived)
    actual = (value / millions(base) - 1) * 100
    verdict: Verdict = (
        "consistent" if fits(actual, stated, claim.approx, points=True) else "contradicted"
    )
    text = (
        f"From ${number(millions(base))} million ({base.period.label()}) to ${number(value)} million "
        f"is {actual:+.1f}%; the source says {stated:+g}%."
    )
    return ClaimCheck(claim, subject, base, verdict, text)


def _check_ratio(claim: Claim, subject: Figure, base: Figure | None, _: list) -> ClaimCheck:
    value, factor = millions(subject), claim.factor
    if base is None:
        implied = value / factor
        bound = " or a little more" if claim.approx == "almost" else ""
        derived = Derived(
            id=f"implied-{claim.id}",
            label=f"Turnover in {claim.base.label()}, implied",
            value=implied,
            unit="USD million",
            formula=f"{number(value)} ÷ {number(factor)}",
            inputs=(subject.id, claim.id),
            period=claim.base,
            note=_bound_note(claim, subject),
        )
        text = (
            f"No figure for {claim.base.label()} in the data; the claim implies about "
            f"${number(round(implied, 1))} million{bound}."
        )
        return ClaimCheck(claim, subject, None, "implies", text, derived)
    actual = value / millions(base)
    verdict: Verdict = (
        "consistent" if fits(actual, factor, claim.approx, points=False) else "contradicted"
    )
    text = f"${number(value)} million ÷ ${number(millions(base))} million ({base.period.label()}) = {actual:.2f} times; the source says {claim.approx} {number(factor)}."
    return ClaimCheck(claim, subject, base, verdict, text)


def _check_close(claim: Claim, subject: Figure, base: Figure | None, _: list) -> ClaimCheck:
    if base is None:
        return ClaimCheck(
            claim, subject, None, "unchecked", f"No figure for {claim.base.label()} in the data."
        )
    share = millions(subject) / millions(base)
    close = abs(share - 1) <= CLOSE_TO
    text = (
        f"${number(millions(subject))} million ({subject.period.label()}) is {share:.0%} of "
        f"${number(millions(base))} million ({base.period.label()})."
    )
    return ClaimCheck(claim, subject, base, "consistent" if close else "contradicted", text)


def _check_peak(
    claim: Claim, subject: Figure, _: Figure | None, figures: list[Figure]
) -> ClaimCheck:
    earlier = [
        f for f in calendar_years(figures, subject.indicator) if f.period.year < subject.period.year
    ]
    if not earlier:
        return ClaimCheck(
            claim, subject, None, "unchecked", "No earlier full-year figure in the data."
        )
    highest = max(earlier, key=millions)
    highest_yet = millions(subject) > millions(highest)
    text = (
        f"The highest earlier full-year figure in the data is ${number(millions(highest))} million "
        f"({highest.period.label()}), against ${number(millions(subject))} million."
    )
    return ClaimCheck(
        claim, subject, highest, "consistent" if highest_yet else "contradicted", text
    )


def growth_between_years(figures: list[Figure]) -> list[Derived]:
    """Growth between each pair of neighbouring full-year figures, yearly on average over gaps."""
    years = calendar_years(figures)
    derived = []
    for a, b in zip(years, years[1:], strict=False):
        span = b.period.year - a.period.year
        rate = ((millions(b) / millions(a)) ** (1 / span) - 1) * 100
        if span == 1:
            formula = f"{number(millions(b))} ÷ {number(millions(a))} − 1"
        else:
            formula = f"({number(millions(b))} ÷ {number(millions(a))})^(1/{span}) − 1"
        derived.append(
            Derived(
                id=f"growth-{a.period.year}-{b.period.year}",
                label=f"Growth {a.period.year}–{b.period.year}"
                + (", yearly average" if span > 1 else ""),
                value=rate,
                unit="percent a year",
                formula=formula,
                inputs=(a.id, b.id),
            )
        )
    return derived


def target_progress(target: Target, figures: list[Figure]) -> TargetProgress:
    years = calendar_years(figures, target.indicator)
    latest = years[-1] if years else None
    horizons = [s for s in target.statements if s.horizon_year]
    horizon_year = horizons[-1].horizon_year if horizons else None
    goal = millions(target)
    if latest is None:
        return TargetProgress(target, None, None, horizon_year, None, ())
    share = Derived(
        id=f"progress-{target.id}",
        label=f"{latest.period.label()} turnover as a share of the target",
        value=millions(latest) / goal * 100,
        unit="percent",
        formula=f"{number(millions(latest))} ÷ {number(goal)}",
        inputs=(latest.id, target.id),
    )
    needed, path = None, ()
    if horizon_year and horizon_year > latest.period.year:
        span = horizon_year - latest.period.year
        rate = (goal / millions(latest)) ** (1 / span) - 1
        needed = Derived(
            id=f"needed-growth-{target.id}",
            label=f"Growth needed each year from {latest.period.year} to reach the target by {horizon_year}",
            value=rate * 100,
            unit="percent a year",
            formula=f"({number(goal)} ÷ {number(millions(latest))})^(1/{span}) − 1",
            inputs=(latest.id, target.id),
        )
        path = tuple(
            (latest.period.year + n, millions(latest) * (1 + rate) ** n) for n in range(span + 1)
        )
    return TargetProgress(target, latest, share, horizon_year, needed, path)
