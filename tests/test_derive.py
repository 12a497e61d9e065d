"""Derived numbers: claims weighed against figures, growth, target progress; each with its formula."""

from __future__ import annotations

import pytest

from generator.dates import Period
from generator.derive import check_claim, growth_between_years, target_progress
from generator.model import Cite, Claim, Figure, Statement, Target

CITE = [Cite(source="s", quote="q")]


def figure(fid: str, period: str, value: float) -> Figure:
    return Figure(
        id=fid,
        indicator="trade-turnover",
        period=period,
        value=value,
        scale="million",
        currency="USD",
        cite=CITE,
    )


def claim(**fields) -> Claim:
    return Claim(id="c", wording="w", cite=CITE, **fields)


FIGURES = [
    figure("y2021", "2021", 254.3),
    figure("y2023", "2023", 563),
    figure("jan-jul", "2022-01/2022-07", 228.8),
]


def test_a_growth_claim_without_a_base_figure_implies_one_with_its_formula():
    check = check_claim(
        claim(kind="change", subject="y2023", base="2022", percent=28), FIGURES[1], FIGURES
    )
    assert check.verdict == "implies"
    assert check.derived.value == pytest.approx(439.84, abs=0.01)
    assert check.derived.formula == "563 ÷ (1 + 28%)"
    assert check.derived.inputs == ("y2023", "c")
    assert check.derived.period == Period.parse("2022")


def test_a_growth_claim_the_figures_bear_out_is_consistent():
    figures = [*FIGURES, figure("y2022", "2022", 440)]
    check = check_claim(
        claim(kind="change", subject="y2023", base="2022", percent=28), FIGURES[1], figures
    )
    assert check.verdict == "consistent"


def test_a_growth_claim_the_figures_deny_is_contradicted():
    figures = [*FIGURES, figure("y2022", "2022", 500)]
    check = check_claim(
        claim(kind="change", subject="y2023", base="2022", percent=28), FIGURES[1], figures
    )
    assert check.verdict == "contradicted"
    assert "+12.6%" in check.explanation


def test_almost_twice_means_a_little_less_than_twice():
    almost = claim(kind="ratio", subject="y2021", base="2020", factor=2, approx="almost")
    assert (
        check_claim(almost, FIGURES[0], [*FIGURES, figure("y2020", "2020", 140)]).verdict
        == "consistent"
    )
    assert (
        check_claim(almost, FIGURES[0], [*FIGURES, figure("y2020", "2020", 120)]).verdict
        == "contradicted"
    )


def test_close_to_is_within_fifteen_percent():
    close = claim(kind="close-to", subject="jan-jul", base="2021")
    check = check_claim(close, FIGURES[2], FIGURES)
    assert check.verdict == "consistent"
    assert "90%" in check.explanation


def test_close_to_without_a_base_figure_cannot_be_checked():
    close = claim(kind="close-to", subject="jan-jul", base="2019")
    assert check_claim(close, FIGURES[2], FIGURES).verdict == "unchecked"


def test_a_peak_is_checked_against_earlier_full_years_only():
    peak = claim(kind="peak", subject="y2023")
    assert check_claim(peak, FIGURES[1], FIGURES).verdict == "consistent"
    higher = [*FIGURES, figure("y2012", "2012", 600)]
    assert check_claim(peak, FIGURES[1], higher).verdict == "contradicted"


def test_growth_over_a_gap_is_a_yearly_average():
    (growth,) = growth_between_years(FIGURES)
    assert growth.value == pytest.approx(((563 / 254.3) ** 0.5 - 1) * 100)
    assert growth.formula == "(563 ÷ 254.3)^(1/2) − 1"
    assert growth.inputs == ("y2021", "y2023")


def test_partial_periods_never_enter_year_on_year_growth():
    assert all("jan-jul" not in g.inputs for g in growth_between_years(FIGURES))


def test_target_progress_and_the_growth_it_needs():
    target = Target(
        id="t",
        indicator="trade-turnover",
        value=1,
        scale="billion",
        currency="USD",
        title="t",
        summary="s",
        statements=[
            Statement(date="2022", action="set", horizon="five years", horizon_year=2027, cite=CITE)
        ],
    )
    progress = target_progress(target, FIGURES)
    assert progress.latest.id == "y2023"
    assert progress.share.value == pytest.approx(56.3)
    assert progress.needed_growth.value == pytest.approx(((1000 / 563) ** 0.25 - 1) * 100)
    assert progress.path[0] == (2023, 563) and progress.path[-1][0] == 2027
    assert progress.path[-1][1] == pytest.approx(1000)
