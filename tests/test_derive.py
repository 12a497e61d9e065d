"""Derived numbers: claims weighed against figures, growth, target progress; each with its formula."""

from __future__ import annotations

import pytest

from generator.dates import Period
from generator.derive import (
    check_claim,
    growth_between_years,
    merge_implied,
    part_year_remainders,
    target_progress,
)
from generator.model import Cite, Claim, Figure, Statement, Target

CITE = [Cite(source="s", quote="q")]


def figure(fid: str, period: str, value: float, **fields) -> Figure:
    return Figure(
        id=fid,
        indicator=fields.pop("indicator", "trade-turnover"),
        period=period,
        value=value,
        scale="million",
        currency="USD",
        cite=fields.pop("cite", CITE),
        **fields,
    )


def claim(**fields) -> Claim:
    return Claim(id=fields.pop("id", "c"), wording="w", cite=CITE, **fields)


@pytest.fixture(scope="module")
def real(repo_build):
    """The real project, built once for the tests that read its pages."""
    return repo_build


def output(result, path: str) -> str:
    return next(o.content for o in result.outputs if o.path == path)


def target(horizon_year: int = 2027) -> Target:
    return Target(
        id="t",
        indicator="trade-turnover",
        value=1,
        scale="billion",
        currency="USD",
        title="t",
        summary="s",
        statements=[
            Statement(
                date="2022",
                action="set",
                horizon="five years",
                horizon_year=horizon_year,
                cite=CITE,
            )
        ],
    )


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
    assert check.derived.bound is None
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
    assert check_claim(peak, FIGURES[1], FIGURES).verdict != "contradicted"
    higher = [*FIGURES, figure("y2012", "2012", 600)]
    assert check_claim(peak, FIGURES[1], higher).verdict == "contradicted"


def test_growth_over_a_gap_is_the_change_between_the_two_years_not_a_yearly_average():
    (growth,) = growth_between_years(FIGURES)
    assert growth.id == "growth-2021-2023"
    assert growth.value == pytest.approx((563 / 254.3 - 1) * 100)
    assert growth.unit == "percent change"
    assert growth.formula == "563 ÷ 254.3 − 1"
    assert growth.inputs == ("y2021", "y2023")
    assert "no full-year figure for 2022" in growth.note


def test_partial_periods_never_enter_year_on_year_growth():
    assert all("jan-jul" not in g.inputs for g in growth_between_years(FIGURES))


def test_target_progress_and_the_growth_it_needs():
    progress = target_progress(target(), FIGURES)
    assert progress.latest.id == "y2023"
    assert progress.share.value == pytest.approx(56.3)
    assert progress.share.bound is None
    assert progress.needed_growth.value == pytest.approx(((1000 / 563) ** 0.25 - 1) * 100)
    assert progress.needed_growth.bound is None
    assert progress.path[0] == (2023, 563) and progress.path[-1][0] == 2027
    assert progress.path[-1][1] == pytest.approx(1000)


def test_what_a_longer_part_of_a_year_leaves_after_a_shorter_one_is_worked_out():
    q1 = figure("q1", "2024-01/2024-03", 105, cite=[Cite(source="a", quote="q")])
    jan_apr = figure("jan-apr", "2024-01/2024-04", 167.8, cite=[Cite(source="b", quote="q")])
    (april,) = part_year_remainders([jan_apr, q1])
    assert april.id == "remainder-turnover-2024-04"
    assert april.value == pytest.approx(62.8)
    assert april.formula == "167.8 − 105"
    assert "$35 million a month in Q1 2024" in april.note
    assert "different reports" in april.note


# Rule a: every key figure and label names the indicator it shows.


def test_rule_a_the_home_page_key_figures_name_their_indicator_and_a_tonnage_is_never_turnover(
    real,
):
    """The real data hold a later part-year rail-freight tonnage than any turnover figure."""
    latest = max(
        (f for f in real.data.figures if not f.period.is_calendar_year),
        key=lambda f: f.period.end,
    )
    assert latest.indicator != "trade-turnover"  # the trap the rule is about
    home = output(real, "docs/index.md")
    cards = home[home.index("## Key figures") : home.index("</div>")]
    assert "tonnes" not in cards
    assert "Trade turnover in H1 2024, the latest part-year figure" in cards
    assert real.analysis.latest_part_year.indicator == "trade-turnover"


def test_rule_a_a_claim_about_tonnes_implies_tonnes_never_turnover():
    tonnes = Figure(
        id="freight-2023",
        indicator="transport-volume",
        period="2023",
        value=1.3,
        scale="million",
        unit="tonnes",
        cite=CITE,
    )
    up = claim(kind="change", subject="freight-2023", base="2022", percent=20)
    check = check_claim(up, tonnes, [tonnes])
    assert check.derived.id == "implied-transport-volume-2022"
    assert check.derived.label == "Freight, all modes in 2022, implied"
    assert check.derived.unit == "million tonnes"
    assert "1.1 million tonnes" in check.explanation and "$" not in check.explanation


# Rule b: nothing exact is derived from a bound.


def test_rule_b_a_floor_in_gives_a_floor_out():
    floor = figure("y2024", "2024", 500, qualifier="over")
    check = check_claim(claim(kind="ratio", subject="y2024", base="2019", factor=4), floor, [floor])
    assert check.verdict == "implies"
    assert (check.derived.bound, check.derived.value) == ("at least", 125)


def test_rule_b_more_than_a_rise_makes_the_earlier_value_a_ceiling():
    more = claim(kind="change", subject="y2023", base="2022", percent=28, approx="over")
    check = check_claim(more, FIGURES[1], FIGURES)
    assert check.verdict == "implies"
    assert check.derived.bound == "at most"
    assert check.derived.value == pytest.approx(563 / 1.28)


def test_rule_b_bounds_pointing_opposite_ways_cannot_be_checked():
    floor = figure("y2024", "2024", 500, qualifier="over")
    more = claim(kind="ratio", subject="y2024", base="2019", factor=4, approx="over")
    check = check_claim(more, floor, [floor])
    assert check.verdict == "unchecked"
    assert check.derived is None
    assert "no bound on 2019" in check.explanation


def test_rule_b_a_target_reached_from_a_floor_is_a_floor_and_the_growth_needed_a_ceiling():
    figures = [*FIGURES, figure("y2024", "2024", 500, qualifier="over")]
    progress = target_progress(target(), figures)
    assert progress.latest.id == "y2024"
    assert (progress.share.bound, progress.share.value) == ("at least", pytest.approx(50))
    assert progress.needed_growth.bound == "at most"
    assert progress.needed_growth.value == pytest.approx((2 ** (1 / 3) - 1) * 100)
    assert progress.path[0] == (2023, 563)  # the path starts from the latest exact year


# Rule c: an implied value other figures rule out makes the claim contradicted.


def test_rule_c_an_implied_part_year_above_a_longer_part_of_the_same_year_is_contradicted():
    jan_sep = figure("jan-sep-2021", "2021-01/2021-09", 143)
    jan_oct = figure("jan-oct-2020", "2020-01/2020-10", 109.7)
    up = claim(kind="change", subject="jan-sep-2021", base="2020-01/2020-09", percent=11.7)
    check = check_claim(up, jan_sep, [jan_sep, jan_oct])
    assert check.verdict == "contradicted"
    assert check.conflicts == (jan_oct,)
    assert "$128 million" in check.explanation and "$109.7 million" in check.explanation


def test_rule_c_an_implied_year_below_a_reported_part_of_it_is_contradicted():
    y2021 = figure("y2021", "2021", 254.3)
    h1 = figure("h1-2020", "2020-01/2020-06", 200)
    check = check_claim(
        claim(kind="ratio", subject="y2021", base="2020", factor=2), y2021, [y2021, h1]
    )
    assert check.verdict == "contradicted"
    assert check.conflicts == (h1,)


def test_rule_c_the_claims_page_shows_both_figures_of_a_contradiction(real):
    page = output(real, "docs/claims.md")
    section = page[page.index("{ #up-11-7-percent-2021-jan-sep }") :].split("\n## ")[0]
    assert "Contradicted" in section
    assert "**$128\u00a0million** = 143 ÷ (1 + 11.7%)" in section
    assert (
        "**Ruled out by:** [Trade turnover, Jan–Oct 2020](trade.md#turnover-2020-jan-oct): $109.7\u00a0million"
        in section
    )


# Rule d: one derived value per period, with every claim that implies it as its basis.


def test_rule_d_claims_implying_the_same_year_give_one_value_with_a_stable_id():
    y2021 = FIGURES[0]
    almost = claim(
        id="almost", kind="ratio", subject="y2021", base="2020", factor=2, approx="almost"
    )
    doubled = claim(
        id="doubled", kind="ratio", subject="y2021", base="2020", factor=2, approx="about"
    )
    checks, implied = merge_implied([check_claim(c, y2021, FIGURES) for c in (almost, doubled)])
    (value,) = implied
    assert value.id == "implied-turnover-2020"
    assert value.claims == ("almost", "doubled")
    assert value.bound is None and value.value == pytest.approx(127.15)
    assert [c.derived for c in checks] == [value, value]


def test_rule_d_the_analysis_looks_derived_values_up_by_id(real):
    analysis = real.analysis
    by_id = analysis.derived_by_id
    assert len(by_id) == len(analysis.all_derived)  # no id twice
    assert by_id["implied-turnover-2020"].claims == ("almost-double-2020", "doubled-2021")
    for key in (
        "growth-2021-2023",
        "progress-turnover-1-billion",
        "needed-growth-turnover-1-billion",
    ):
        assert by_id[key].id == key
    trade = [d for d in analysis.implied if d.period.is_calendar_year]
    assert len({d.period for d in trade}) == len(trade)


# Rule e: 'the highest yet' over a series with gaps is not contradicted, not consistent.


def test_rule_e_the_highest_yet_over_a_series_with_gaps_is_not_contradicted():
    peak = claim(kind="peak", subject="y2023")
    check = check_claim(peak, FIGURES[1], FIGURES)  # 2021 and 2023: 2022 is missing
    assert check.verdict == "not-contradicted"
    assert "1 of the 2 years from 2021 to 2022 have no full-year figure" in check.explanation
    complete = [*FIGURES, figure("y2022", "2022", 440)]
    assert check_claim(peak, FIGURES[1], complete).verdict == "consistent"


def test_rule_e_the_claims_page_names_the_verdict_in_words(real):
    page = output(real, "docs/claims.md")
    assert '<span class="verdict verdict-not-contradicted">Not contradicted</span>' in page
    assert "- **Not contradicted**: no figure in the data goes against it" in page


# Rule f: who set the target, who reported it, an inferred horizon said to be inferred.


def test_rule_f_the_targets_page_says_who_set_who_reported_and_what_is_inferred(real):
    statement = real.data.targets[0].statements[0]
    assert statement.said_by == [] and statement.reported_by == ["askar-tazhibayev"]
    assert statement.horizon_inferred
    page = output(real, "docs/targets.md")
    row = next(line for line in page.splitlines() if line.startswith("| August–October 2022"))
    who, reported_by = row.split(" | ")[2:4]
    assert "heads of state" in who and "Tazhibayev" not in who
    assert "[Askar Tazhibayev]" in reported_by
    assert "(by 2027, the report's inference)" in row
    assert "Inferred horizon, 2027:" in page


def test_rule_f_the_targets_page_shows_the_latest_pace_against_the_path(real):
    figures = [*FIGURES, figure("h1-2024", "2024-01/2024-06", 237.2)]
    progress = target_progress(target(), figures)
    assert progress.pace.id == "pace-t"
    assert progress.pace.value == pytest.approx(474.4)
    assert progress.on_path(2024) == pytest.approx(563 * (1000 / 563) ** 0.25)
    page = output(real, "docs/targets.md")
    assert "a whole year at that pace would bring **$474.4\u00a0million**" in page
    assert "The path to the target below needs $650\u00a0million in 2024." in page
    assert "turnover must grow **at most 26.0% a year**" in page
