"""The trade turnover chart: reported, implied and part-year values, and the path to the target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..derive import BOUNDS, Analysis, millions, number
from ..model import Figure
from ..paths import Project
from ..validate import Dataset
from ..words import source_label
from .chart import Chart, kept_specs
from .layout import COLORS, KIND_LABELS, laid_out, most_cited_first, spec_of

if TYPE_CHECKING:
    import altair as alt


def turnover_rows(data: Dataset, analysis: Analysis) -> list[dict]:
    """One row per value drawn: reported years, implied years, partial periods, path to target."""
    rows = []
    for f in sorted(data.figures, key=lambda f: (f.period.start, f.period.end)):
        if f.indicator != "trade-turnover":
            continue
        if not f.period.is_calendar_year:
            kind = "partial"
        else:
            kind = "bound" if f.qualifier in BOUNDS else "reported"
        rows.append(
            _row(f.period.year, f.period.label(), millions(f), kind, f.id, _reported_by(data, f))
        )
    for d in analysis.implied:
        if not d.period.is_calendar_year or d.bound:
            continue  # part-year values and bounds a claim implies are in the tables, not drawn
        rows.append(_row(d.period.year, d.period.label(), d.value, "implied", d.id, d.formula))
    for target in analysis.targets:
        for year, value in target.path:
            rows.append(
                _row(year, str(year), value, "path", target.target.id, "compound growth needed")
            )
    return rows


def _reported_by(data: Dataset, figure: Figure) -> str:
    """The first source of a figure, named for the chart's table (never by its id)."""
    return source_label(data.get(figure.cite[0].source))


def _row(year: int, period: str, value: float, kind: str, record: str, basis: str) -> dict:
    return {
        "year": str(year),
        "period": period,
        "value": round(value, 1),
        "kind": KIND_LABELS[kind],
        "record": record,
        "basis": basis,
    }


def trade_turnover_chart(data: Dataset, analysis: Analysis, kept: Project | None = None) -> Chart:
    rows = turnover_rows(data, analysis)
    target = analysis.targets[0] if analysis.targets else None
    # The target's line is drawn with the path to it.
    goal = millions(target.target) if target and target.path else None
    title = "Trade turnover, USD million"
    slug = "trade-turnover"
    spec, phone_spec, key = kept_specs(
        kept,
        slug,
        {"rows": rows, "goal": goal, "title": title},
        lambda phone: spec_of(_turnover_layers(rows, goal, title, phone=phone)),
    )
    sources = [c.source for f in data.figures for c in f.cite]
    claims_sources = [c.source for check in analysis.checks for c in check.claim.cite]
    return Chart(
        slug=slug,
        title=title,
        caption=(
            "Dark bars are full years a source reports; light bars are full years worked out from a "
            "claim; diamonds are parts of a year; the dashed line is the growth path to the target."
        ),
        columns=(
            ("period", "Period"),
            ("value", "USD million"),
            ("kind", "Kind"),
            ("basis", "Basis"),
        ),
        alt=_turnover_alt(rows, analysis),
        sources=most_cited_first(sources + claims_sources),
        data_files=("data/figures.yaml", "data/claims.yaml", "data/targets.yaml"),
        spec=spec,
        phone_spec=phone_spec,
        spec_key=key,
        rows=tuple(rows),
    )


def _turnover_layers(
    rows: list[dict], goal: float | None, title: str, *, phone: bool
) -> alt.LayerChart:
    """Bars for full years, diamonds for parts of a year, the path to the `goal`. The diamonds
    carry no period labels: several periods fall in one year or the next (Jan–Jul and Jan–Oct
    2020), and their labels lay on top of one another. The tooltips, the table below the chart
    and the alt text name each period."""
    import altair as alt

    years = [int(r["year"]) for r in rows]
    domain = [str(y) for y in range(min(years), max(years) + 1)]
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X(
            "year:O",
            title=None,
            scale=alt.Scale(domain=domain, paddingInner=0.25),
            # Labels that would touch are dropped, not run together ("20032004").
            axis=alt.Axis(labelAngle=0, labelOverlap="greedy", labelSeparation=4),
        ),
        y=alt.Y("value:Q", title="USD million"),
        tooltip=[
            alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("value:Q", title="USD million", format=",.1f"),
            alt.Tooltip("kind:N", title="Kind"),
        ],
    )
    color = alt.Color(
        "kind:N",
        title=None,
        scale=alt.Scale(domain=list(KIND_LABELS.values()), range=list(COLORS.values())),
        legend=alt.Legend(orient="bottom", direction="vertical"),
    )
    full_years = (
        base.transform_filter(
            alt.FieldOneOfPredicate(
                "kind", [KIND_LABELS["reported"], KIND_LABELS["bound"], KIND_LABELS["implied"]]
            )
        )
        .mark_bar()
        .encode(color=color)
    )
    partial = (
        base.transform_filter(alt.datum.kind == KIND_LABELS["partial"])
        .mark_point(shape="diamond", size=140, filled=True)
        .encode(color=color)
    )
    layers = [full_years, partial]
    if goal is not None:
        path = (
            base.transform_filter(alt.datum.kind == KIND_LABELS["path"])
            .mark_line(strokeDash=[6, 4], point=True)
            .encode(color=color)
        )
        rule = (
            alt.Chart(alt.Data(values=[{"goal": goal}]))
            .mark_rule(color="#b22222", strokeDash=[2, 2])
            .encode(y=alt.Y("goal:Q"))
        )
        rule_label = (
            alt.Chart(alt.Data(values=[{"goal": goal, "text": "$1 billion target"}]))
            .mark_text(align="left", baseline="bottom", dy=-4, x=4, color="#b22222", fontSize=11)
            .encode(y=alt.Y("goal:Q"), text=alt.Text("text:N"))
        )
        layers += [path, rule, rule_label]
    return laid_out(alt.layer(*layers), title, 300, phone=phone)


def _turnover_alt(rows: list[dict], analysis: Analysis) -> str:
    """Alt text from the very rows the chart draws, kind by kind."""

    def listed(kind: str) -> str:
        return ", ".join(
            f"${number(r['value'])} million in {r['period']}"
            for r in rows
            if r["kind"] == KIND_LABELS[kind]
        )

    parts = ["Bar chart of yearly trade turnover in USD million."]
    for kind, lead in (
        ("reported", "Reported full years"),
        ("bound", "Full years given only as 'more than'"),
        ("implied", "Full years implied by claims in the sources"),
        ("partial", "Parts of years, shown as diamonds"),
    ):
        if listed(kind):
            parts.append(f"{lead}: {listed(kind)}.")
    for t in analysis.targets:
        if t.path:
            parts.append(
                f"A dashed line shows the path to ${number(millions(t.target))} million by "
                f"{t.horizon_year}, which needs {t.path_growth.value:.1f}% growth a year from "
                f"{t.measured.period.label()}."
            )
    return " ".join(parts)
