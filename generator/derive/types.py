"""What derive works with and makes: value ranges, derived values, checks, target progress."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from math import isclose
from typing import Literal

from ..dates import Period
from ..model import Claim, Figure, Statement, Target

BOUNDS = ("over", "under")  # figure qualifiers that make a value a bound, not a measurement

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
        """Every derived value by its id (see the package's docstring for the scheme)."""
        return {d.id: d for d in self.all_derived}
