"""Stage 4a: charts, built with Altair from the records, kept as Vega-Lite JSON plus a static SVG.

The SVG is what readers without JavaScript, printers and first paint see; the JSON is what
vega-embed draws in the browser. Each chart carries its title, alt text and sources.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import altair as alt
import vl_convert

from .derive import BOUNDS, Analysis, TargetProgress, millions, number
from .validate import Dataset

KIND_LABELS = {
    "reported": "Full year, reported",
    "bound": "Full year, 'more than' (a floor)",
    "implied": "Full year, implied by a claim",
    "partial": "Part of a year, reported",
    "path": "Path to the target",
}
COLORS = {
    "reported": "#1f6fb2",
    "bound": "#5b8db8",
    "implied": "#9dc3e6",
    "partial": "#d9822b",
    "path": "#6b6b6b",
}


@dataclass(frozen=True)
class Chart:
    slug: str  # file name stem under docs/charts/
    title: str
    caption: str  # how to read it, in a sentence
    alt: str  # alt text written from the data
    sources: tuple[str, ...]  # ids of the sources the chart draws on
    data_files: tuple[str, ...]  # data/… files it comes from
    spec: dict
    rows: tuple[dict, ...]  # the data the chart draws, for its table
    columns: tuple[tuple[str, str], ...]  # (row key, table header)

    def json(self, marker: str) -> str:
        # The marker goes first, where it is looked for; the description is the SVG's aria-label.
        spec = {"usermeta": {"generated": marker}, "description": self.alt, **self.spec}
        return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"

    def csv(self) -> str:
        columns = list(self.rows[0]) if self.rows else []
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows)
        return buffer.getvalue()

    def data_json(self, marker: str) -> str:
        document = {
            "$comment": marker,
            "title": self.title,
            "sources": self.sources,
            "rows": self.rows,
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    def svg(self, marker: str) -> str:
        svg = vl_convert.vegalite_to_svg({"description": self.alt, **self.spec})
        return f"<!-- {marker} -->\n{svg}\n"


def build_charts(data: Dataset, analysis: Analysis) -> list[Chart]:
    charts = [trade_turnover_chart(data, analysis), events_chart(data)]
    progress = [t for t in analysis.targets if t.share]
    if progress:
        charts.append(target_chart(progress[0]))
    return charts


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
            _row(f.period.year, f.period.label(), millions(f), kind, f.id, f.cite[0].source)
        )
    for d in analysis.implied:
        if not d.period.is_calendar_year:
            continue  # a part-year value a claim implies is in the tables, never drawn as a year
        rows.append(_row(d.period.year, d.period.label(), d.value, "implied", d.id, d.formula))
    for target in analysis.targets:
        for year, value in target.path:
            rows.append(
                _row(year, str(year), value, "path", target.target.id, "compound growth needed")
            )
    return rows


def _row(year: int, period: str, value: float, kind: str, record: str, basis: str) -> dict:
    return {
        "year": str(year),
        "period": period,
        "value": round(value, 1),
        "kind": KIND_LABELS[kind],
        "record": record,
        "basis": basis,
    }


def trade_turnover_chart(data: Dataset, analysis: Analysis) -> Chart:
    rows = turnover_rows(data, analysis)
    target = analysis.targets[0] if analysis.targets else None
    years = [int(r["year"]) for r in rows]
    domain = [str(y) for y in range(min(years), max(years) + 1)]
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X(
            "year:O",
            title=None,
            scale=alt.Scale(domain=domain, paddingInner=0.25),
            axis=alt.Axis(labelAngle=0, labelOverlap="greedy"),
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
    partial_labels = (
        base.transform_filter(alt.datum.kind == KIND_LABELS["partial"])
        .mark_text(dy=-12, align="center", fontSize=10)
        .encode(text="period:N")
    )
    layers = [full_years, partial, partial_labels]
    if target and target.path:
        path = (
            base.transform_filter(alt.datum.kind == KIND_LABELS["path"])
            .mark_line(strokeDash=[6, 4], point=True)
            .encode(color=color)
        )
        goal = millions(target.target)
        rule = (
            alt.Chart(alt.Data(values=[{"goal": goal}]))
            .mark_rule(color="#b22222", strokeDash=[2, 2])
            .encode(y="goal:Q")
        )
        rule_label = (
            alt.Chart(alt.Data(values=[{"goal": goal, "text": "$1 billion target"}]))
            .mark_text(align="left", baseline="bottom", dy=-4, x=4, color="#b22222", fontSize=11)
            .encode(y="goal:Q", text="text:N")
        )
        layers += [path, rule, rule_label]
    title = "Trade turnover, USD million"
    chart = alt.layer(*layers).properties(width=560, height=300, title=title)
    sources = tuple(dict.fromkeys(c.source for f in data.figures for c in f.cite))
    claims_sources = tuple(c.source for check in analysis.checks for c in check.claim.cite)
    return Chart(
        slug="trade-turnover",
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
        sources=tuple(dict.fromkeys(sources + claims_sources)),
        data_files=("data/figures.yaml", "data/claims.yaml", "data/targets.yaml"),
        spec=chart.to_dict(),
        rows=tuple(rows),
    )


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
        if t.path and t.needed_growth:
            parts.append(
                f"A dashed line shows the path to ${number(millions(t.target))} million by "
                f"{t.horizon_year}, which needs {t.needed_growth.value:.1f}% growth a year."
            )
    return " ".join(parts)


def events_chart(data: Dataset) -> Chart:
    """Every event as a dot on a time line, one row per kind; a click leads to its timeline entry."""
    rows = [
        {
            "date": e.date.start.first.isoformat(),
            "when": e.date.label(),
            "kind": e.kind,
            "title": e.title,
            "status": "announced" if e.status == "planned" else "happened",
            "link": f"timeline/#{e.id}",  # resolved from the site's root by charts.js
        }
        for e in sorted(data.events, key=lambda e: e.date)
    ]
    kinds = sorted({r["kind"] for r in rows})
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_point(size=90, filled=True, opacity=0.85, cursor="pointer")
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%Y", labelAngle=0)),
            y=alt.Y("kind:N", title=None, sort=kinds),
            color=alt.Color("kind:N", legend=None, scale=alt.Scale(scheme="tableau10")),
            shape=alt.Shape("status:N", title=None, legend=alt.Legend(orient="bottom")),
            href="link:N",
            tooltip=[
                alt.Tooltip("when:N", title="When"),
                alt.Tooltip("title:N", title="Event"),
                alt.Tooltip("kind:N", title="Kind"),
            ],
        )
        .properties(width=560, height=max(120, 26 * len(kinds)), title="Events by kind over time")
    )
    first, last = rows[0], rows[-1]
    counts = ", ".join(f"{sum(r['kind'] == k for r in rows)} {k}" for k in kinds)
    return Chart(
        slug="events",
        title="Events by kind over time",
        caption="Each dot is an event in the data; click one to go to its entry on the timeline.",
        alt=(
            f"Dot chart of {len(rows)} events from {first['when']} to {last['when']}, one row per "
            f"kind: {counts}. The latest is {last['title']} ({last['when']})."
        ),
        sources=tuple(dict.fromkeys(c.source for e in data.events for c in e.cite)),
        data_files=("data/events.yaml",),
        spec=chart.to_dict(),
        rows=tuple(rows),
        columns=(("when", "When"), ("kind", "Kind"), ("title", "Event"), ("status", "Status")),
    )


def target_chart(progress: TargetProgress) -> Chart:
    """How much of the target the latest full year reached, and how much is still to go."""
    goal, reached = millions(progress.target), millions(progress.latest)
    year = progress.latest.period.label()
    rows = [
        {"part": f"Reached in {year}", "value": round(reached, 1), "order": 1},
        {"part": "Still to go", "value": round(goal - reached, 1), "order": 2},
    ]
    bars = (
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
            order="order:Q",
            tooltip=[
                alt.Tooltip("part:N", title="Part"),
                alt.Tooltip("value:Q", title="USD million"),
            ],
        )
    )
    share = f"{progress.share.value:.1f}%"
    title = f"Progress towards {progress.target.title}"
    chart = bars.properties(width=560, height=60, title=title)
    needed = (
        f" Reaching it by {progress.horizon_year} needs {progress.needed_growth.value:.1f}% growth a year."
        if progress.needed_growth
        else ""
    )
    return Chart(
        slug="target-progress",
        title=title,
        caption=f"The latest full-year figure, {year}, against the target.",
        alt=(
            f"Bar of the ${number(goal)} million target: ${number(reached)} million, {share}, "
            f"was reached in {year}; ${number(round(goal - reached, 1))} million is still to go.{needed}"
        ),
        sources=tuple(c.source for c in progress.latest.cite),
        data_files=("data/targets.yaml", "data/figures.yaml"),
        spec=chart.to_dict(),
        rows=tuple(rows),
        columns=(("part", "Part"), ("value", "USD million")),
    )
