"""Stage 4a: charts, built with Altair from the records, kept as Vega-Lite JSON plus static SVGs.

Each chart is compiled to Vega once, here, in a light and a dark version: the static SVGs are
drawn from them (what readers without JavaScript, printers and first paint see), and the browser
draws the same Vega specs when a reader reaches for a chart, so it never needs the Vega-Lite
compiler. The Vega-Lite spec stays as a download. Each chart carries its title, alt text and sources.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import math
import re
import textwrap
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import altair as alt
import vl_convert
from altair.utils.schemapi import debug_mode

from .derive import BOUNDS, Analysis, TargetProgress, millions, number
from .incremental import key_digest, made_from
from .model import Figure
from .paths import Project
from .validate import Dataset
from .words import source_label

# The charts' one typeface, shipped in generator/fonts (for the SVGs) and docs/assets/fonts (for
# the browser): a subset of Liberation Sans, renamed as its licence asks (scripts/chart_font.py).
FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "Report Sans"
# After it, faces with the same widths, for the static SVG shown as an image, which cannot load
# the page's web font.
FONT_STACK = f"'{FONT}', 'Liberation Sans', Arial, Helvetica, sans-serif"

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
# The dark versions, as vega-embed drew them on the dark palette: its "dark" theme on a transparent
# background, and text marks without a colour of their own in light grey instead of black.
DARK_THEME = "dark"
DARK_TEXT = "#e3e3e3"
# The live chart fills its column: the plot narrows so that axes and legend fit the width too.
FIT_WIDTH = {"type": "fit-x", "contains": "padding"}
# The full-size pictures are drawn with a 560-pixel plot; a phone gets a picture of its own, this
# wide in all (a 360-pixel phone's column), so that its text is drawn at the size it was set.
DESKTOP_PLOT = 560
PHONE_WIDTH = 328
# charts.js draws a chart live when its column would show the picture below this share of its
# width (its 10-pixel labels under 8 pixels); the same rule picks the phone's picture.
SMALLEST_SCALE = 0.8
# Below 960 pixels Material's content column is the window less 16 pixels a side.
PAGE_MARGINS = 32
# A phone's chart title wraps after about this many characters (13-pixel bold: ~300 pixels).
PHONE_TITLE_CHARS = 40


@dataclass(frozen=True)
class Chart:
    slug: str  # file name stem under docs/charts/
    title: str
    caption: str  # how to read it, in a sentence
    alt: str  # alt text written from the data
    sources: tuple[str, ...]  # ids of the sources the chart draws on, most cited first
    data_files: tuple[str, ...]  # data/… files it comes from
    spec: dict
    phone_spec: dict  # the same chart laid out for a phone's column (see phone_layout)
    rows: tuple[dict, ...]  # the data the chart draws, for its table
    columns: tuple[tuple[str, str], ...]  # (row key, table header)
    kept: Project | None = None  # whose compiled specs and SVGs to keep while their inputs are
    # What this build compiled and rendered, by (what, dark, phone): each is done once.
    made: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def vega_lite(self) -> dict:
        return self._vega_lite(phone=False)

    def _vega_lite(self, phone: bool) -> dict:
        # The description is the SVG's aria-label.
        return {"description": self.alt, **(self.phone_spec if phone else self.spec)}

    def vega(self, *, dark: bool = False, phone: bool = False) -> dict:
        """The chart compiled to Vega, once per build: both the SVG and the browser draw it."""
        return self._once(("vega", dark, phone), lambda: self._compile(dark, phone))

    def _compile(self, dark: bool, phone: bool) -> dict:
        spec = self._vega_lite(phone)
        if not dark:
            return vl_convert.vegalite_to_vega(spec)
        config = {**spec.get("config", {}), "text": {"color": DARK_TEXT}}
        dark_spec = {**spec, "background": None, "config": config}
        return vl_convert.vegalite_to_vega(dark_spec, theme=DARK_THEME)

    def static_svg(self, *, dark: bool = False, phone: bool = False) -> str:
        return self._once(
            ("svg", dark, phone), lambda: render_svg(self.vega(dark=dark, phone=phone))
        )

    def _once(self, key: tuple, make):
        if key not in self.made:
            self.made[key] = make()
        return self.made[key]

    @property
    def size(self) -> tuple[int, int]:
        """The SVG's width and height, for the page's <img>: the page keeps its room before it loads."""
        return self._size(phone=False)

    @property
    def phone_size(self) -> tuple[int, int]:
        return self._size(phone=True)

    def _size(self, phone: bool) -> tuple[int, int]:
        path, source = self._path("svg", False, phone), self._source("svg", False, phone)
        kept = made_from(self.kept, path, source) if self.kept else None
        svg = kept if kept is not None else self.static_svg(phone=phone)
        root = re.search(r"<svg\b[^>]*>", svg).group(0)
        return int(_attribute(root, "width")), int(_attribute(root, "height"))

    @property
    def phone_media(self) -> str:
        """The windows whose column would show the full-size picture below SMALLEST_SCALE of its
        width: they get the phone's picture instead (the page's <picture> chooses)."""
        narrowest = math.ceil(self.size[0] * SMALLEST_SCALE) + PAGE_MARGINS
        return f"(max-width: {narrowest - 1}px)"

    def json(self, marker: str) -> str:
        # The marker goes first, where it is looked for.
        return _compact({"usermeta": {"generated": marker}, **self.vega_lite})

    def vega_json(self, marker: str, *, dark: bool = False, phone: bool = False) -> str:
        """The Vega spec the browser draws, fitted to its column's width. Compiling starts
        vl-convert's JavaScript engine, a second's work, so the project's file is kept while its
        `usermeta` says it was compiled from the same spec and holds what was compiled."""
        source = self._source("vg.json", dark, phone)
        path = self._path("vg.json", dark, phone)
        kept = kept_json(self.kept, path, marker, source) if self.kept else None
        if kept is not None:
            return kept
        spec = {**self.vega(dark=dark, phone=phone), "autosize": FIT_WIDTH}
        meta = {"generated": marker, "from": source, "as": key_digest(spec)}
        return _compact({"usermeta": meta, **spec})

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

    def svg(self, marker: str, *, dark: bool = False, phone: bool = False) -> str:
        """The static chart, light or dark, full-size or a phone's. Rendering costs a quarter of
        a second a chart, and a second more for the first, so the project's file is kept while
        what it was rendered from is the same and it is as rendered: its first line records both."""
        source = self._source("svg", dark, phone)
        path = self._path("svg", dark, phone)
        kept = made_from(self.kept, path, source) if self.kept else None
        if kept is not None and kept.startswith(f"<!-- {marker}; "):
            return kept
        svg = self.static_svg(dark=dark, phone=phone) + "\n"
        return f"<!-- {marker}; rendered from {source} as {key_digest(svg)} -->\n{svg}"

    def _source(self, kind: str, dark: bool, phone: bool) -> str:
        """What a compiled or rendered file is made from; the font only measures the SVG's text."""
        font = font_digest() if kind == "svg" else None
        spec = self._once(("digest", False, phone), lambda: key_digest(self._vega_lite(phone)))
        return key_digest(vl_convert.__version__, font, spec, dark)  # the map's is 1/3 MB

    def _path(self, kind: str, dark: bool, phone: bool) -> str:
        return f"docs/charts/{self.slug}{'.phone' if phone else ''}{'.dark' if dark else ''}.{kind}"


@functools.cache
def font_digest() -> str:
    """The shipped font's files: a changed font measures text otherwise, so the SVGs change."""
    digest = hashlib.sha256()
    for path in sorted(FONTS.iterdir()):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def kept_json(project: Project, path: str, marker: str, source: str) -> str | None:
    """A compiled spec on disk, if made from `source` and unchanged since (see vega_json)."""
    try:
        text = (project.root / path).read_text("utf-8")
        spec = json.loads(text)
        meta = spec.pop("usermeta")
    except (OSError, ValueError, KeyError, AttributeError):
        return None
    expected = {"generated": marker, "from": source, "as": key_digest(spec)}
    return text if meta == expected and _compact({"usermeta": meta, **spec}) == text else None


def _compact(spec: dict) -> str:
    # Compact: the map's outline alone would take 500 KB pretty-printed.
    return json.dumps(spec, separators=(",", ":"), ensure_ascii=False) + "\n"


def _attribute(tag: str, name: str) -> str:
    return re.search(rf'\s{name}="([^"]*)"', tag).group(1)


def render_svg(vega: dict) -> str:
    register_font()
    return stable_clip_ids(vl_convert.vega_to_svg(vega))


@functools.cache
def register_font() -> None:
    """Measure the SVGs' text with the shipped font, once per process.

    vl-convert otherwise measures with whatever "sans-serif" is on the machine (Arial, Helvetica,
    some Liberation Sans), and a chart's width would change from one machine to the next.
    """
    vl_convert.register_font_directory(str(FONTS))


def spec_of(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec with every title, label and text mark set in the shipped font."""
    return chart.configure(font=FONT_STACK).to_dict(validate=False)  # tests validate the specs


def with_dataset(spec: dict, name: str, values: list) -> dict:
    return {**spec, "datasets": {**spec.get("datasets", {}), name: values}}


def stable_clip_ids(svg: str) -> str:
    """Number clip paths from 1 in each file.

    vl-convert counts clip ids across every chart a process renders, so without this a chart's
    SVG would change whenever another chart is added before it.
    """
    order: dict[str, str] = {}
    for old in re.findall(r'id="(clip\d+)"', svg):
        order.setdefault(old, f"clip{len(order) + 1}")
    return re.sub(r"\bclip\d+\b", lambda m: order.get(m.group(0), m.group(0)), svg)


def utc_scale(**options) -> alt.Scale:
    """A time axis in UTC, where the data's dates are.

    In local time a year's tick would move with the time zone of the machine that renders the
    SVG, or of the reader's browser. A bar that spans two dates also gets its own label for
    screen readers: Vega-Lite's would print its end date in local time.
    """
    return alt.Scale(type="utc", **options)


def most_cited_first(source_ids: Iterable[str]) -> tuple[str, ...]:
    """Each source once, the most cited first (ties in the order met): a caption names the first."""
    return tuple(source for source, _ in Counter(source_ids).most_common())


def build_charts(data: Dataset, analysis: Analysis) -> list[Chart]:
    # Altair checks each object against the schema as it is made (its "debug mode"), a third of
    # the charts' time; the specs are checked whole in the tests (test_render.py).
    with debug_mode(False):
        return _charts(data, analysis)


def _charts(data: Dataset, analysis: Analysis) -> list[Chart]:
    charts = [trade_turnover_chart(data, analysis), events_chart(data)]
    if data.outline and any(p.coordinates for p in data.places):
        charts.append(map_chart(data))
    if any(i.history for i in data.initiatives):
        charts.append(projects_chart(data))
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


def trade_turnover_chart(data: Dataset, analysis: Analysis) -> Chart:
    rows = turnover_rows(data, analysis)
    target = analysis.targets[0] if analysis.targets else None
    title = "Trade turnover, USD million"
    sources = [c.source for f in data.figures for c in f.cite]
    claims_sources = [c.source for check in analysis.checks for c in check.claim.cite]
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
        sources=most_cited_first(sources + claims_sources),
        data_files=("data/figures.yaml", "data/claims.yaml", "data/targets.yaml"),
        spec=spec_of(_turnover_layers(rows, target, title, phone=False)),
        phone_spec=spec_of(_turnover_layers(rows, target, title, phone=True)),
        rows=tuple(rows),
    )


def _turnover_layers(
    rows: list[dict], target: TargetProgress | None, title: str, *, phone: bool
) -> alt.LayerChart:
    """Bars for full years, diamonds for parts of a year, the path to the target. A phone's
    picture leaves out the diamonds' period labels: a few years' width holds seven of them, on
    top of one another (the tooltips, the table and the alt text name each period)."""
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
    if not phone:
        layers.append(
            base.transform_filter(alt.datum.kind == KIND_LABELS["partial"])
            .mark_text(dy=-12, align="center", fontSize=10)
            .encode(text=alt.Text("period:N"))
        )
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
            .encode(y=alt.Y("goal:Q"))
        )
        rule_label = (
            alt.Chart(alt.Data(values=[{"goal": goal, "text": "$1 billion target"}]))
            .mark_text(align="left", baseline="bottom", dy=-4, x=4, color="#b22222", fontSize=11)
            .encode(y=alt.Y("goal:Q"), text=alt.Text("text:N"))
        )
        layers += [path, rule, rule_label]
    return laid_out(alt.layer(*layers), title, 300, phone=phone)


def laid_out(chart: alt.TopLevelMixin, title: str, height: int, *, phone: bool):
    """The chart at full size (a 560-pixel plot), or fitted to a phone's column: PHONE_WIDTH in
    all, axes and legend included, with its title wrapped to fit too."""
    if not phone:
        return chart.properties(width=DESKTOP_PLOT, height=height, title=title)
    return chart.properties(
        width=PHONE_WIDTH,
        height=height,
        # Centred on the whole picture, not on the plot beside the axis labels.
        title=alt.Title(wrapped(title, PHONE_TITLE_CHARS), frame="bounds"),
        autosize=alt.AutoSizeParams(**FIT_WIDTH),
    )


def wrapped(text: str, limit: int) -> list[str]:
    """As few lines as wrapping at `limit` characters makes, of about even length (no word
    left alone on the last line)."""
    count = len(textwrap.wrap(text, limit))
    width = math.ceil(len(text) / count)
    while len(lines := textwrap.wrap(text, width)) > count:
        width += 1
    return lines


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


def events_chart(data: Dataset) -> Chart:
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
    return Chart(
        slug="events",
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
        spec=spec_of(_events_layers(rows, era_rows, domain, title, phone=False)),
        phone_spec=spec_of(_events_layers(rows, era_rows, domain, title, phone=True)),
        rows=tuple(rows),
        columns=(("when", "When"), ("row", "Kind"), ("title", "Event"), ("status", "Status")),
    )


# The width of a president's band in pixels, less a margin, in Vega's expression language.
BAND_WIDTH = "scale('x', toDate(datum.end)) - scale('x', toDate(datum.start)) - 4"


def _events_layers(
    rows: list[dict], era_rows: list[dict], domain: list[str], title: str, *, phone: bool
) -> alt.LayerChart:
    """On a phone the presidents' lanes are named on two lines ("President", the country)."""
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


def target_chart(progress: TargetProgress) -> Chart:
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
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("part:N", title="Part"),
                alt.Tooltip("value:Q", title="USD million"),
            ],
        )
    )
    share = f"{more}{progress.share.value:.1f}%"
    title = f"Progress towards {progress.target.title}"
    needed = (
        f" Reaching it by {progress.horizon_year} needs {_bounded(progress.needed_growth)}"
        f"{progress.needed_growth.value:.1f}% growth a year."
        if progress.needed_growth
        else ""
    )
    return Chart(
        slug="target-progress",
        title=title,
        caption=f"The latest full-year figure, {year}, against the target.",
        alt=(
            f"Bar of the ${number(goal)} million target: {more}${number(reached)} million, {share}, "
            f"was reached in {year}; {less}${number(round(goal - reached, 1))} million is still to go.{needed}"
        ),
        sources=most_cited_first(c.source for c in progress.latest.cite),
        data_files=("data/targets.yaml", "data/figures.yaml"),
        spec=spec_of(laid_out(bars, title, 60, phone=False)),
        phone_spec=spec_of(laid_out(bars, title, 60, phone=True)),
        rows=tuple(rows),
        columns=(("part", "Part"), ("value", "USD million")),
    )


def _bound_words(words: str) -> str:
    return f" ({words.strip()})" if words else ""


def _bounded(derived) -> str:
    return f"{derived.bound} " if derived.bound in ("at least", "at most") else ""


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


def projects_chart(data: Dataset) -> Chart:
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

    def draw(phone: bool) -> alt.TopLevelMixin:
        """On a phone each project's name is written above its bar, across the whole width,
        rather than beside the bars, where it would leave them no room."""
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

    now = "; ".join(
        f"{name}: {next(r['status'] for r in reversed(rows) if r['project'] == name)}"
        for name in projects
    )
    return Chart(
        slug="projects",
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
        spec=spec_of(draw(phone=False)),
        phone_spec=spec_of(draw(phone=True)),
        rows=tuple(rows),
        columns=(
            ("project", "Project"),
            ("when", "Reported"),
            ("status", "Status"),
            ("note", "What the source says"),
        ),
    )


def map_chart(data: Dataset) -> Chart:
    """The places with coordinates on an outline of the region, sized by how many events they saw."""
    counts = {p.id: 0 for p in data.places}
    for event in data.events:
        for place in event.places:
            counts[place] += 1
    rows = [
        {
            "name": p.name,
            "country": p.country or "",
            "lat": p.coordinates.lat,
            "lon": p.coordinates.lon,
            "events": counts[p.id],
            "link": f"places/#{p.id}",
        }
        for p in data.places
        if p.coordinates
    ]
    # The outline goes into the spec after Altair is done: Altair would walk and hash every
    # coordinate of it, which took most of the build's chart time.
    countries = alt.NamedData(name="countries")
    ours = ["Kazakhstan", "Turkmenistan"]
    land = (
        alt.Chart(countries)
        .mark_geoshape(stroke="#ffffff", strokeWidth=0.7)
        .encode(
            color=alt.condition(
                alt.FieldOneOfPredicate("properties.name", ours),
                alt.value("#c9d8ea"),
                alt.value("#ececec"),
            ),
            tooltip=alt.Tooltip("properties.name:N", title="Country"),
        )
    )
    points = (
        alt.Chart(alt.Data(values=rows))
        .mark_circle(
            color="#b3261e", opacity=0.85, stroke="#ffffff", strokeWidth=1, cursor="pointer"
        )
        .encode(
            longitude=alt.Longitude("lon:Q"),
            latitude=alt.Latitude("lat:Q"),
            size=alt.Size(
                "events:Q",
                title="Events there",
                scale=alt.Scale(range=[30, 500]),
                legend=alt.Legend(orient="bottom"),
            ),
            href=alt.Href("link:N"),
            tooltip=[
                alt.Tooltip("name:N", title="Place"),
                alt.Tooltip("events:Q", title="Events there"),
            ],
        )
    )
    labels = (
        alt.Chart(alt.Data(values=rows))
        .transform_filter("datum.events >= 2")
        .mark_text(align="left", dx=7, dy=-5, fontSize=10, color="#333333")
        .encode(
            longitude=alt.Longitude("lon:Q"),
            latitude=alt.Latitude("lat:Q"),
            text=alt.Text("name:N"),
        )
    )
    title = "Where things happened"
    chart = alt.layer(land, points, labels).project(type="mercator")
    # The map keeps its shape on a phone: as narrow as the column, and shorter in proportion.
    phone_height = round(420 * PHONE_WIDTH / DESKTOP_PLOT)
    busiest = sorted(rows, key=lambda r: -r["events"])[:5]
    return Chart(
        slug="map",
        title=title,
        caption=(
            "Kazakhstan and Turkmenistan in blue; each dot is a place in the data with coordinates, "
            "sized by the number of events there. Outline: Natural Earth (world-atlas); places: GeoNames."
        ),
        alt=(
            f"Map of the Caspian region with {len(rows)} places. The most events took place in "
            + ", ".join(f"{r['name']} ({r['events']})" for r in busiest)
            + "."
        ),
        sources=("geonames",),
        data_files=("data/places.yaml", "data/events.yaml", "data/geo/countries.geo.json"),
        spec=with_dataset(
            spec_of(laid_out(chart, title, 420, phone=False)), "countries", data.outline["features"]
        ),
        phone_spec=with_dataset(
            spec_of(laid_out(chart, title, phone_height, phone=True)),
            "countries",
            data.outline["features"],
        ),
        rows=tuple(rows),
        columns=(
            ("name", "Place"),
            ("country", "Country"),
            ("lat", "Latitude"),
            ("lon", "Longitude"),
            ("events", "Events"),
        ),
    )
