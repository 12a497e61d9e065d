"""Amounts in millions of their unit; numbers, indicators and ranges as the formulas say them."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Amount, Figure
from .types import Bound, Range

SCALE = {None: 1e-6, "thousand": 1e-3, "million": 1.0, "billion": 1e3}


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


def _said(figure: Figure) -> str:
    words = {"over": "more than ", "under": "less than ", "almost": "almost ", "about": "about "}
    return words.get(figure.qualifier, "") + in_units(unit_of(figure))(millions(figure))
