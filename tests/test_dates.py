"""Dates keep the precision their source gives, and impossible dates are refused."""

import pytest

from generator.dates import FuzzyDate, Period


def test_a_date_keeps_its_precision_in_its_label():
    assert FuzzyDate.parse("1992").label() == "1992"
    assert FuzzyDate.parse("2022-10").label() == "October 2022"
    assert FuzzyDate.parse("2025-04-22").label() == "22 April 2025"


def test_ranges_are_labelled_compactly():
    assert FuzzyDate.parse("2022-10-14/2022-10-15").label() == "14–15 October 2022"
    assert FuzzyDate.parse("2022-08/2022-10").label() == "August–October 2022"


@pytest.mark.parametrize(
    "text, message",
    [
        ("2023-02-30", "February 2023 has 28 days"),
        ("2023-13", "no month 13"),
        ("2024-05/2023", "ends before"),
    ],
)
def test_impossible_dates_are_refused(text, message):
    with pytest.raises(ValueError, match=message):
        FuzzyDate.parse(text)


def test_a_period_knows_whether_it_is_a_calendar_year():
    assert Period.parse("2023").is_calendar_year
    assert not Period.parse("2024-01/2024-06").is_calendar_year


def test_periods_are_named_as_readers_name_them():
    assert Period.parse("2024-01/2024-06").label() == "H1 2024"
    assert Period.parse("2022-01/2022-07").label() == "Jan–Jul 2022"
    assert Period.parse("2024-01/2024-03").label() == "Q1 2024"


def test_a_period_is_whole_months():
    with pytest.raises(ValueError, match="whole months"):
        Period.parse("2024-01-01/2024-06-30")


def test_rule_g_within_a_year_a_date_given_only_by_its_year_sorts_after_the_dated_ones():
    dates = ["2008-01-05", "2007", "2007-06", "2007-06-20", "2006-12-31", "2007-01-01/2007-01-02"]
    ordered = sorted(FuzzyDate.parse(d) for d in dates)
    assert [d.iso() for d in ordered] == [
        "2006-12-31",
        "2007-01-01/2007-01-02",
        "2007-06-20",
        "2007-06",
        "2007",
        "2008-01-05",
    ]
