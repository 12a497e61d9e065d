"""The map: places with coordinates on an outline of the region."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..paths import Project
from ..validate import Dataset
from .chart import Chart, kept_specs
from .layout import DESKTOP_PLOT, PHONE_WIDTH, laid_out, spec_of

if TYPE_CHECKING:
    import altair as alt


def with_dataset(spec: dict, name: str, values: list) -> dict:
    return {**spec, "datasets": {**spec.get("datasets", {}), name: values}}


def map_chart(data: Dataset, kept: Project | None = None) -> Chart:
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
    title = "Where things happened"
    outline = data.outline["features"]
    slug = "map"
    spec, phone_spec, key = kept_specs(
        kept,
        slug,
        {"rows": rows, "title": title, "outline": outline},
        lambda phone: with_dataset(
            spec_of(_map_layers(rows, title, phone=phone)), "countries", outline
        ),
    )
    busiest = sorted(rows, key=lambda r: -r["events"])[:5]
    return Chart(
        slug=slug,
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
        spec=spec,
        phone_spec=phone_spec,
        spec_key=key,
        rows=tuple(rows),
        columns=(
            ("name", "Place"),
            ("country", "Country"),
            ("lat", "Latitude"),
            ("lon", "Longitude"),
            ("events", "Events"),
        ),
    )


def _map_layers(rows: list[dict], title: str, *, phone: bool) -> alt.LayerChart:
    """The countries' outline, a dot per place sized by its events, the busiest places named."""
    import altair as alt

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
    chart = alt.layer(land, points, labels).project(type="mercator")
    if not phone:
        return laid_out(chart, title, 420, phone=False)
    # The map keeps its shape on a phone: as narrow as the column, and shorter in proportion.
    return laid_out(chart, title, round(420 * PHONE_WIDTH / DESKTOP_PLOT), phone=True)
