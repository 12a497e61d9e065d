"""The projects chart: each project's reported status over time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..paths import Project
from ..validate import Dataset
from .chart import Chart, kept_specs
from .layout import laid_out, most_cited_first, spec_of, utc_scale

if TYPE_CHECKING:
    import altair as alt

# Status by phase: greys for talk, blues for agreement, orange for building, greens for use.
STATUS_COLORS = {
    "proposed": "#bdbdbd",
    "planned": "#969696",
    "in-prospect": "#d9d9d9",
    "supported": "#c6dbef",
    "agreed": "#6baed6",
    "ratified": "#2171b5",
    "under-construction": "#fd8d3c",
    "opened": "#74c476",
    "in-operation": "#238b45",
}


def _status_starts(history: list) -> list:
    """Where each status bar starts. An entry dated only by its year sorts after that year's
    dated ones, so it is drawn from the end of its year ("by the end of 2007"), not before them.
    """
    starts = []
    for entry in history:
        start = entry.date.start.first
        if starts and start < starts[-1]:
            start = max(entry.date.start.last, starts[-1])
        starts.append(start)
    return starts


def projects_chart(data: Dataset, kept: Project | None = None) -> Chart:
    """Each project's status over time: a segment from each reported status to the next."""
    latest = max(e.date.end.last for e in data.events)
    rows = []
    for item in (i for i in data.initiatives if i.history):
        history = sorted(item.history, key=lambda h: h.date)
        starts = _status_starts(history)
        for n, step in enumerate(history):
            rows.append(
                {
                    "project": item.name,
                    "status": step.status.replace("-", " "),
                    "start": starts[n].isoformat(),
                    "end": (starts[n + 1] if n + 1 < len(history) else latest).isoformat(),
                    "when": step.date.label(),
                    "note": step.note,
                }
            )
    used = {r["status"] for r in rows}
    palette = {
        s.replace("-", " "): color
        for s, color in STATUS_COLORS.items()
        if s.replace("-", " ") in used
    }
    projects = [i.name for i in data.initiatives if i.history]
    title = "Projects: status as reported over time"

    slug = "projects"
    spec, phone_spec, key = kept_specs(
        kept,
        slug,
        # The palette as pairs: its order is the legend's.
        {"rows": rows, "palette": list(palette.items()), "projects": projects, "title": title},
        lambda phone: spec_of(_projects_bars(rows, palette, projects, title, phone=phone)),
    )
    now = "; ".join(
        f"{name}: {next(r['status'] for r in reversed(rows) if r['project'] == name)}"
        for name in projects
    )
    return Chart(
        slug=slug,
        title=title,
        caption=(
            "Each bar runs from a reported status to the next report: greys for talk, blues for "
            "agreement, orange for construction, greens for operation."
        ),
        alt=f"Timeline bars for {len(projects)} projects and initiatives. Latest status reported: {now}.",
        sources=most_cited_first(
            c.source for i in data.initiatives for h in i.history for c in h.cite
        ),
        data_files=("data/initiatives.yaml",),
        spec=spec,
        phone_spec=phone_spec,
        spec_key=key,
        rows=tuple(rows),
        columns=(
            ("project", "Project"),
            ("when", "Reported"),
            ("status", "Status"),
            ("note", "What the source says"),
        ),
    )


def _projects_bars(
    rows: list[dict], palette: dict[str, str], projects: list[str], title: str, *, phone: bool
) -> alt.TopLevelMixin:
    """A bar per reported status. On a phone each project's name is written above its bar,
    across the whole width, rather than beside the bars, where it would leave them no room."""
    import altair as alt

    y = alt.Y(
        "project:N",
        title=None,
        sort=projects,
        axis=None if phone else alt.Axis(labelLimit=200),
    )
    bars = (
        alt.Chart(alt.Data(values=rows))
        .transform_calculate(
            label="datum.project + ': ' + datum.status + ', reported ' + datum.when"
        )
        .mark_bar(cornerRadius=2, height=12 if phone else 14)
        .encode(
            description=alt.Description("label:N"),  # see utc_scale
            x=alt.X(
                "start:T",
                title=None,
                scale=utc_scale(),
                axis=alt.Axis(format="%Y", labelAngle=0),
            ),
            x2=alt.X2("end:T"),
            y=y,
            color=alt.Color(
                "status:N",
                title="Status reported",
                sort=list(palette),
                scale=alt.Scale(domain=list(palette), range=list(palette.values())),
                legend=alt.Legend(orient="bottom", columns=2 if phone else 3),
            ),
            tooltip=[
                alt.Tooltip("project:N", title="Project"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("when:N", title="Reported"),
                alt.Tooltip("note:N", title="What the source says"),
            ],
        )
    )
    if not phone:
        return laid_out(bars, title, 22 * len(projects), phone=False)
    names = (
        alt.Chart(alt.Data(values=[{"project": name} for name in projects]))
        .mark_text(align="left", baseline="bottom", dy=-7, fontSize=10)
        .encode(x=alt.XValue(0), y=y, text=alt.Text("project:N"))
    )
    return laid_out(alt.layer(bars, names), title, 34 * len(projects), phone=True)
