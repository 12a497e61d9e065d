"""The timeline chart: events by kind, under lanes of each side's presidents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..paths import Project
from ..validate import Dataset
from .chart import Chart, kept_specs
from .layout import COLORS, laid_out, most_cited_first, spec_of, utc_scale

if TYPE_CHECKING:
    import altair as alt


def eras(data: Dataset) -> list[dict]:
    """Heads of state of each country as (country, name, start, end) rows, from people's roles."""
    rows = []
    for person in data.people:
        for role in person.roles:
            if role.head_of_state and role.start:
                rows.append(
                    {
                        "lane": f"President · {person.country}",
                        "name": f"{person.name[0]}. {person.name.split()[-1]}",
                        "full": f"{person.name}, {role.title}",
                        "start": role.start.start.first.isoformat(),
                        "end": role.end.start.first.isoformat() if role.end else None,
                        "when": f"{role.start.label()} – {role.end.label() if role.end else 'in office'}",
                    }
                )
    return sorted(rows, key=lambda r: (r["lane"], r["start"]))


def events_chart(data: Dataset, kept: Project | None = None) -> Chart:
    """Events as dots on a time line, one row per kind, under lanes of each side's presidents.

    A dashed rule marks each change of president across all rows, so every event sits inside
    its era. A click on a dot leads to its timeline entry.
    """
    events = sorted(data.events, key=lambda e: e.date)
    rows = [
        {
            "row": e.kind,
            "date": e.date.start.first.isoformat(),
            "when": e.date.label(),
            "title": e.title,
            "status": "announced" if e.status == "planned" else "happened",
            "link": f"timeline/#{e.id}",  # resolved from the site's root by charts.js
        }
        for e in events
    ]
    first_year, last_year = events[0].date.year, events[-1].date.end.last.year
    domain = [f"{first_year}-01-01", f"{last_year}-12-31"]
    era_rows = [{**r, "row": r["lane"], "end": r["end"] or domain[1]} for r in eras(data)]
    kinds = sorted({r["row"] for r in rows})
    title = "Events by kind, under each side's presidents"
    counts = ", ".join(f"{sum(r['row'] == k for r in rows)} {k}" for k in kinds)
    presidents = "; ".join(f"{r['full']} ({r['when']})" for r in era_rows)
    slug = "events"
    spec, phone_spec, key = kept_specs(
        kept,
        slug,
        {"rows": rows, "eras": era_rows, "domain": domain, "title": title},
        lambda phone: spec_of(_events_layers(rows, era_rows, domain, title, phone=phone)),
    )
    return Chart(
        slug=slug,
        title=title,
        caption=(
            "Each dot is an event; click one to go to its entry on the timeline. The top rows show "
            "who was president on each side; dashed lines mark each change."
        ),
        alt=(
            f"Dot chart of {len(rows)} events from {rows[0]['when']} to {rows[-1]['when']}, one row "
            f"per kind: {counts}. The latest is {rows[-1]['title']} ({rows[-1]['when']}). "
            f"Presidents shown as bands: {presidents}."
        ),
        sources=most_cited_first(c.source for e in data.events for c in e.cite),
        data_files=("data/events.yaml", "data/people.yaml"),
        spec=spec,
        phone_spec=phone_spec,
        spec_key=key,
        rows=tuple(rows),
        columns=(("when", "When"), ("row", "Kind"), ("title", "Event"), ("status", "Status")),
    )


# The width of a president's band in pixels, less a margin, in Vega's expression language.
BAND_WIDTH = "scale('x', toDate(datum.end)) - scale('x', toDate(datum.start)) - 4"


def _events_layers(
    rows: list[dict], era_rows: list[dict], domain: list[str], title: str, *, phone: bool
) -> alt.LayerChart:
    """On a phone the presidents' lanes are named on two lines ("President", the country)."""
    import altair as alt

    kinds = sorted({r["row"] for r in rows})
    lanes = sorted({r["row"] for r in era_rows})
    time = utc_scale(domain=domain)
    x = alt.X(
        "date:T",
        title=None,
        scale=time,
        axis=alt.Axis(format="%Y", labelAngle=0),
    )
    y_axis = (
        alt.Axis(labelLimit=110, labelExpr="split(datum.label, ' · ')", labelLineHeight=11)
        if phone
        else alt.Axis(labelLimit=160)
    )
    y = alt.Y("row:N", title=None, sort=[*lanes, *kinds], axis=y_axis)
    layers = []
    if era_rows:
        era_data = alt.Data(values=era_rows)
        tooltip = [
            alt.Tooltip("full:N", title="President"),
            alt.Tooltip("when:N", title="In office"),
        ]
        layers += [
            alt.Chart(era_data)
            .mark_rule(strokeDash=[3, 3], color="#8a8a8a", opacity=0.6, clip=True)
            .encode(x=alt.X("start:T", scale=time)),
            alt.Chart(era_data)
            .transform_calculate(label="datum.full + ', ' + datum.when")
            .mark_bar(clip=True, opacity=0.35, cornerRadius=2)
            .encode(
                x=alt.X("start:T", scale=time),
                x2=alt.X2("end:T"),
                y=y,
                color=alt.ColorValue("#8c9eb8"),
                tooltip=tooltip,
                description=alt.Description("label:N"),  # see utc_scale
            ),
            alt.Chart(era_data)
            .transform_calculate(middle="(time(datum.start) + time(datum.end)) / 2")
            # A name longer than its band is cut short with an ellipsis ("S. Berdim…"), not
            # run into the next one or cut off at the plot's edge.
            .mark_text(fontSize=10, clip=True, limit=alt.ExprRef(BAND_WIDTH))
            .encode(
                x=alt.X("middle:T", scale=time),
                y=y,
                text=alt.Text("name:N"),
                tooltip=tooltip,
            ),
        ]
    dots = (
        alt.Chart(alt.Data(values=rows))
        .mark_point(size=80, filled=True, opacity=0.85, cursor="pointer")
        .encode(
            x=x,
            y=y,
            color=alt.ColorValue(COLORS["reported"]),  # the row already names the kind
            shape=alt.Shape("status:N", title=None, legend=alt.Legend(orient="bottom")),
            href=alt.Href("link:N"),
            tooltip=[
                alt.Tooltip("when:N", title="When"),
                alt.Tooltip("title:N", title="Event"),
                alt.Tooltip("row:N", title="Kind"),
            ],
        )
    )
    height = max(140, 24 * (len(kinds) + len(lanes)))
    return laid_out(alt.layer(*layers, dots), title, height, phone=phone)
