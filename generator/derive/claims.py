"""Claims weighed against the figures, and the values claims imply where the data hold none."""

from __future__ import annotations

from dataclasses import replace
from math import isclose

from ..dates import Period
from ..model import Claim, Figure
from .types import BOUNDS, ClaimCheck, Derived, Range, Verdict
from .units import (
    _said,
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
from .years import full_years

# How far a stated relation may be from the figures and still count as consistent.
CHANGE_POINTS = {"exact": 1.0, "about": 3.0}  # percentage points: sources round growth rates
RATIO_SHARE = {"exact": 0.05, "about": 0.15}  # 'fourfold' is a round number
CLOSE_TO = 0.15  # 'close to': within 15%
ALMOST_FLOOR = 0.8  # 'almost two times' means at least 1.6 times and less than 2

# How far apart two values may be before a part of a period counts as exceeding the whole:
# rounding for exact figures, more for a source's "about".
ROUNDING = {"exact": 0.01, "about": 0.15, "almost": 0.01, "over": 0.01, "under": 0.01}


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
