"""Stage 4a: charts, built with Altair from the records, kept as Vega-Lite JSON plus a static SVG.

The SVG is what readers without JavaScript, printers and first paint see; the JSON is what
vega-embed draws in the browser. Each chart carries its title, alt text and sources.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import altair as alt
import vl_convert

from .derive import Analysis, calendar_years, millions, number
from .validate import Dataset

KIND_LABELS = {
    "reported": "Full year, reported",
    "implied": "Full year, implied by a claim",
    "partial": "Part of a year, reported",
    "path": "Path to the target",
}
COLORS = {"reported": "#1f6fb2", "implied": "#9dc3e6", "partial": "#d9822b", "path": "#6b6b6b"}


@dataclass(frozen=True)
class Chart:
    slug: str  # file name stem under docs/charts/
    title: str
    alt: str  # alt text written from the data
    sources: tuple[str, ...]  # ids of the sources the chart draws on
    data_files: tuple[str, ...]  # data/… files it comes from
    spec: dict
    rows: tuple[dict, ...]  # the data the chart draws, for its table

    def json(self, marker: str) -> str:
        spec = {
            "usermeta": {"generated": marker},
            **self.spec,
        }  # marker first, where it is looked for
        return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"

    def svg(self, marker: str) -> str:
        svg = vl_convert.vegalite_to_svg(self.spec)
        return f"<!-- {marker} -->\n{svg}\n"


def build_charts(data: Dataset, analysis: Analysis) -> list[Chart]:
    return [trade_turnover_chart(data, analysis)]


def turnover_rows(data: Dataset, analysis: Analysis) -> list[dict]:
    """One row per value drawn: reported years, implied years, partial periods, path to target."""
    rows = []
    for f in sorted(data.figures, key=lambda f: (f.period.start, f.period.end)):
        if f.indicator != "trade-turnover":
            continue
        kind = "reported" if f.period.is_calendar_year else "partial"
        rows.append(
            _row(f.period.year, f.period.label(), millions(f), kind, f.id, f.cite[0].source)
        )
    for d in analysis.implied:
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
        x=alt.X("year:O", title=None, scale=alt.Scale(domain=domain), axis=alt.Axis(labelAngle=0)),
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
            alt.FieldOneOfPredicate("kind", [KIND_LABELS["reported"], KIND_LABELS["implied"]])
        )
        .mark_bar(size=28)
        .encode(color=color)
    )
    partial = (
        base.transform_filter(alt.datum.kind == KIND_LABELS["partial"])
        .mark_point(shape="diamond", size=140, filled=True)
        .encode(color=color)
    )
    partial_labels = (
        base.transform_filter(alt.datum.kind == KIND_LABELS["partial"])
        .mark_text(dx=10, align="left", fontSize=11)
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
    title = "Trade turnover between Kazakhstan and Turkmenistan, USD million"
    chart = alt.layer(*layers).properties(width=560, height=300, title=title)
    sources = tuple(dict.fromkeys(c.source for f in data.figures for c in f.cite))
    claims_sources = tuple(c.source for check in analysis.checks for c in check.claim.cite)
    return Chart(
        slug="trade-turnover",
        title=title,
        alt=_turnover_alt(data, analysis),
        sources=tuple(dict.fromkeys(sources + claims_sources)),
        data_files=("data/figures.yaml", "data/claims.yaml", "data/targets.yaml"),
        spec=chart.to_dict(),
        rows=tuple(rows),
    )


def _turnover_alt(data: Dataset, analysis: Analysis) -> str:
    years = calendar_years(data.figures)
    reported = ", ".join(f"${number(millions(f))} million in {f.period.label()}" for f in years)
    text = f"Bar chart of yearly trade turnover. Reported full years: {reported}."
    if analysis.implied:
        implied = ", ".join(
            f"about ${number(round(d.value, 1))} million for {d.period.label()}"
            for d in analysis.implied
        )
        text += f" Implied by claims in the sources: {implied}."
    partial = [f for f in data.figures if not f.period.is_calendar_year]
    if partial:
        text += (
            " Parts of years, shown as diamonds: "
            + ", ".join(f"${number(millions(f))} million in {f.period.label()}" for f in partial)
            + "."
        )
    for t in analysis.targets:
        if t.path:
            text += (
                f" A dashed line shows the path to ${number(millions(t.target))} million by "
                f"{t.horizon_year}, which needs {t.needed_growth.value:.1f}% growth a year."
            )
    return text
