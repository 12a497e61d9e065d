"""Dates as sources give them: a day, a month or a year, a range of those, and periods of months.

Sources rarely give a full date, so a date keeps its precision and the site never prints more
than the source said ("October 1992", not "1 October 1992").
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

Precision = Literal["day", "month", "year"]

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTH_ABBR = [calendar.month_abbr[m] for m in range(13)]
_COARSER = {"day": 0, "month": 1, "year": 2}


@functools.total_ordering
@dataclass(frozen=True)
class Point:
    """One date at day, month or year precision; `first`/`last` are the days it may mean.

    Dates sort by the last day they may mean: an entry dated only "2007" may be any day of
    2007, so it never comes before the entries dated within that year (nor a month before its
    days). Listed after them, it reads as "by the end of 2007", which is all the source says.
    """

    first: date
    last: date
    precision: Precision

    @classmethod
    def parse(cls, text: str) -> Point:
        match = _PART.match(text)
        if not match:
            raise ValueError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}': there is no month {month}")
        if day is not None:
            last_day = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last_day:
                raise ValueError(
                    f"'{text}': {calendar.month_name[month]} {year} has {last_day} days"
                )
            return cls(date(year, month, day), date(year, month, day), "day")
        if month is not None:
            last_day = calendar.monthrange(year, month)[1]
            return cls(date(year, month, 1), date(year, month, last_day), "month")
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    def sort_key(self) -> tuple[date, int, date]:
        return (self.last, _COARSER[self.precision], self.first)

    def __lt__(self, other: Point) -> bool:
        return self.sort_key() < other.sort_key()

    def iso(self) -> str:
        return self.first.strftime(
            {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[self.precision]
        )

    def label(self) -> str:
        if self.precision == "day":
            return f"{self.first.day} {calendar.month_name[self.first.month]} {self.first.year}"
        if self.precision == "month":
            return f"{calendar.month_name[self.first.month]} {self.first.year}"
        return str(self.first.year)


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date or a range `A/B` of dates, as written in the data (`2022`, `2022-10`, `2022-10-14/2022-10-15`)."""

    start: Point
    end: Point

    @classmethod
    def parse(cls, value: object) -> FuzzyDate:
        if isinstance(value, FuzzyDate):
            return value
        text = str(value).strip()
        first, sep, second = text.partition("/")
        start = Point.parse(first)
        end = Point.parse(second) if sep else start
        if end.last < start.first:
            raise ValueError(f"'{text}': the range ends before it starts")
        return cls(start, end)

    @property
    def precision(self) -> Precision:
        return self.start.precision

    @property
    def year(self) -> int:
        return self.start.first.year

    def is_range(self) -> bool:
        return self.start != self.end

    def iso(self) -> str:
        return self.start.iso() if not self.is_range() else f"{self.start.iso()}/{self.end.iso()}"

    def label(self) -> str:
        if not self.is_range():
            return self.start.label()
        a, b = self.start, self.end
        if a.precision == b.precision == "day" and (a.first.year, a.first.month) == (
            b.first.year,
            b.first.month,
        ):
            return f"{a.first.day}–{b.label()}"
        if a.precision == b.precision == "month" and a.first.year == b.first.year:
            return f"{calendar.month_name[a.first.month]}–{b.label()}"
        return f"{a.label()} – {b.label()}"

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class Period:
    """The span of months a figure covers: `2023` (a calendar year) or `2022-01/2022-07`."""

    start: date
    end: date

    @classmethod
    def parse(cls, value: object) -> Period:
        if isinstance(value, Period):
            return value
        span = FuzzyDate.parse(value)
        if span.start.precision == "day" or span.end.precision == "day":
            raise ValueError(f"'{value}': a period is whole months: write YYYY or YYYY-MM/YYYY-MM")
        return cls(span.start.first, span.end.last)

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def is_calendar_year(self) -> bool:
        return self.start.year == self.end.year and self.months == 12

    @property
    def year(self) -> int:
        return self.end.year

    def contains(self, other: Period) -> bool:
        """Whether `other` lies wholly within this period (a part of it, or the same span)."""
        return self.start <= other.start and other.end <= self.end

    def slug(self) -> str:
        """The period in an id: '2018', '2024-04', '2020-01-to-2020-09'."""
        if self.is_calendar_year:
            return str(self.start.year)
        if self.months == 1:
            return f"{self.start:%Y-%m}"
        return f"{self.start:%Y-%m}-to-{self.end:%Y-%m}"

    def iso(self) -> str:
        if self.is_calendar_year:
            return str(self.start.year)
        return f"{self.start:%Y-%m}/{self.end:%Y-%m}"

    def label(self) -> str:
        """How a reader names the period: '2023', 'H1 2024', 'Jan–Jul 2022', 'Q1 2024'."""
        if self.is_calendar_year:
            return str(self.start.year)
        first, last = _MONTH_ABBR[self.start.month], _MONTH_ABBR[self.end.month]
        if self.start.year != self.end.year:
            return f"{first} {self.start.year} – {last} {self.end.year}"
        if self.start.month == 1 and self.months == 6:
            return f"H1 {self.year}"
        if self.start.month == 1 and self.months == 3:
            return f"Q1 {self.year}"
        if self.months == 1:
            return f"{calendar.month_name[self.start.month]} {self.year}"
        return f"{first}–{last} {self.year}"

    def in_words(self) -> str:
        """The period as prose names it: 'the first half of 2024', 'January–July 2022'."""
        if self.is_calendar_year or self.months == 1 or self.start.year != self.end.year:
            return self.label().replace(" – ", " to ")
        if self.start.month == 1 and self.months in (3, 6):
            part = "quarter" if self.months == 3 else "half"
            return f"the first {part} of {self.year}"
        first, last = calendar.month_name[self.start.month], calendar.month_name[self.end.month]
        return f"{first}–{last} {self.year}"

    def __str__(self) -> str:
        return self.iso()


def _schema_string(pattern: str, description: str) -> WithJsonSchema:
    return WithJsonSchema(
        {"type": ["string", "integer"], "pattern": pattern, "description": description}
    )


_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"
_PERIOD_PATTERN = r"^\d{4}(-\d{2})?(/\d{4}(-\d{2})?)?$"

DateField = Annotated[
    FuzzyDate,
    BeforeValidator(FuzzyDate.parse),
    PlainSerializer(str),
    _schema_string(_DATE_PATTERN, "YYYY, YYYY-MM or YYYY-MM-DD, or a range A/B of those"),
]
PeriodField = Annotated[
    Period,
    BeforeValidator(Period.parse),
    PlainSerializer(str),
    _schema_string(_PERIOD_PATTERN, "a calendar year YYYY, or months YYYY-MM/YYYY-MM"),
]
