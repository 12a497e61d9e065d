"""The target progress chart: how much of a target the latest full year reached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..derive import TargetProgress, millions, number
from ..paths import Project
from .chart import Chart, kept_specs
from .layout import COLORS, laid_out, most_cited_first, spec_of

if TYPE_CHECKING:
    import altair as alt


def target_chart(progress: TargetProgress, kept: Project | None = None) -> Chart:
    """How much of the target the latest full year reached, and how much is still to go."""
    goal, reached = millions(progress.target), millions(progress.latest)
    year = progress.latest.period.label()
    # A floor reached leaves at most the rest to go (and a ceiling at least the rest).
    more, less = {"over": ("at least ", "at most "), "under": ("at most ", "at least ")}.get(
        progress.latest.qualifier, ("", "")
    )
    rows = [
        {
            "part": f"Reached in {year}" + _bound_words(more),
            "value": round(reached, 1),
            "order": 1,
        },
        {
            "part": "Still to go" + _bound_words(less),
            "value": round(goal - reached, 1),
            "order": 2,
        },
    ]
    share = f"{more}{progress.share.value:.1f}%"
    title = f"Progress towards {progress.target.title}"
    slug = "target-progress"
    spec, phone_spec, key = kept_specs(
        kept,
        slug,
        {"rows": rows, "goal": goal, "title": title},
        lambda phone: spec_of(laid_out(_bars(rows, goal), title, 60, phone=phone)),
    )
    needed = (
        f" Reaching it by {progress.horizon_year} needs {_bounded(progress.needed_growth)}"
        f"{progress.needed_growth.value:.1f}% growth a year."
        if progress.needed_growth
        else ""
    )
    return Chart(
        slug=slug,
        title=title,
        caption=f"The latest full-year figure, {year}, against the target.",
        alt=(
            f"Bar of the ${number(goal)} million target: {more}${number(reached)} million, {share}, "
            f"was reached in {year}; {less}${number(round(goal - reached, 1))} million is still to go.{needed}"
        ),
        sources=most_cited_first(c.source for c in progress.latest.cite),
        data_files=("data/targets.yaml", "data/figures.yaml"),
        spec=spec,
        phone_spec=phone_spec,
        spec_key=key,
        rows=tuple(rows),
        columns=(("part", "Part"), ("value", "USD million")),
    )


def _bars(rows: list[dict], goal: float) -> alt.Chart:
    """The part reached and the part still to go, stacked on one bar as long as the goal."""
    import altair as alt

    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(height=34)
        .encode(
            x=alt.X(
                "value:Q", stack="zero", title="USD million", scale=alt.Scale(domain=[0, goal])
            ),
            color=alt.Color(
                "part:N",
                title=None,
                scale=alt.Scale(range=[COLORS["reported"], "#d0d7de"]),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("part:N", title="Part"),
                alt.Tooltip("value:Q", title="USD million"),
            ],
        )
    )


def _bound_words(words: str) -> str:
    return f" ({words.strip()})" if words else ""


def _bounded(derived) -> str:
    return f"{derived.bound} " if derived.bound in ("at least", "at most") else ""
