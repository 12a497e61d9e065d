"""Charts and pages: rendered from the records, marked as generated, every number sourced."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import get_args

import altair as alt
import jsonschema
import pytest
import yaml

from generator import model
from generator.build import build
from generator.charts import build_charts
from generator.load import load
from generator.pages import CHART_PAGES, MARKER
from generator.paths import Project
from generator.validate import validate
from generator.words import EVENT_KINDS
from generator.write import UNMARKABLE

from .conftest import lay_out_project

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """One copy of the project for the module: these tests read what the generator makes of it."""
    return lay_out_project(tmp_path_factory.mktemp("render") / "project")


_rendered: dict[Path, dict[str, str]] = {}


def outputs(project: Path, again: bool = False) -> dict[str, str]:
    """The generated files by path; rendered once per project unless asked to render `again`."""
    if again or project not in _rendered:
        _rendered[project] = {o.path: o.content for o in build(project, write=False).outputs}
    return _rendered[project]


def test_every_generated_file_is_marked_near_its_top_or_listed_in_the_manifest(project):
    files = outputs(project)
    manifest = files["docs/.generated-files"].splitlines()
    for path, content in files.items():
        if path.endswith(
            UNMARKABLE
        ):  # CSV, SQLite: no place for a comment readers would not trip on
            assert path in manifest
        else:
            head = content[:2048]  # a PNG carries it in a text chunk after its header
            text = head.decode("latin-1") if isinstance(head, bytes) else head
            assert MARKER in text, path


def test_generated_pages_name_the_data_files_to_edit(project):
    page = outputs(project)["docs/trade.md"]
    assert "from data/figures.yaml, data/claims.yaml, data/targets.yaml: edit those files" in page


def test_the_chart_is_vega_lite_json_and_an_svg_with_marks(project):
    files = outputs(project)
    spec = json.loads(files["docs/charts/trade-turnover.vl.json"])
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    svg = files["docs/charts/trade-turnover.svg"]
    assert "<svg" in svg and svg.count("<path") > 5


@pytest.mark.parametrize("spec_path", sorted((REPO / "docs" / "charts").glob("*.vl.json")))
def test_every_chart_spec_is_valid_vega_lite(spec_path):
    """The build skips Altair's schema check (a second per build); the specs are checked here."""
    schema = alt.vegalite.v6.schema.core.load_schema()
    spec = json.loads(spec_path.read_text("utf-8"))
    errors = [e.message[:200] for e in jsonschema.Draft7Validator(schema).iter_errors(spec)]
    assert not errors


def test_the_browser_gets_each_chart_compiled_to_vega_light_and_dark(project):
    """No Vega-Lite compiler in the browser: the specs it draws are Vega, made at build time, in
    the light and the dark theme, beside static SVGs of each that the page sizes its room by."""
    files = outputs(project)
    light = json.loads(files["docs/charts/trade-turnover.vg.json"])
    dark = json.loads(files["docs/charts/trade-turnover.dark.vg.json"])
    for spec in (light, dark):
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega/")
        assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert (light["background"], dark["background"]) == ("white", None)
    # Text without a colour of its own (the timeline chart's era names) is light grey on dark.
    light_events, dark_events = (files[f"docs/charts/events{d}.vg.json"] for d in ("", ".dark"))
    assert '"value":"black"' in light_events and '"value":"black"' not in dark_events
    assert '"value":"#e3e3e3"' in dark_events
    svg, dark_svg = (
        files["docs/charts/trade-turnover.svg"],
        files["docs/charts/trade-turnover.dark.svg"],
    )
    assert 'fill="white"' in svg and 'fill="white"' not in dark_svg
    size = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg).groups()
    assert re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', dark_svg).groups() == size
    page = files["docs/trade.md"]
    assert (
        f"trade-turnover.svg){{ .chart-static width={size[0]} height={size[1]} }}</picture>" in page
    )
    assert "trade-turnover.dark.svg){ .chart-static-dark loading=lazy" in page


def test_a_phone_gets_its_own_pictures_and_specs_laid_out_for_its_column(project):
    """Each chart is also drawn 328 pixels wide in all, light and dark, with the Vega specs that
    draw the same layout live; the page offers those pictures to windows whose column would
    shrink the full-size one below 0.8 of its width, by an address relative to the page's own."""
    files = outputs(project)
    for slug in ("trade-turnover", "events", "projects", "map", "target-progress"):
        stem = f"docs/charts/{slug}"
        full = svg_size(files[f"{stem}.svg"])
        phone = svg_size(files[f"{stem}.phone.svg"])
        assert phone[0] == 328 < full[0], slug
        assert svg_size(files[f"{stem}.phone.dark.svg"]) == phone, slug
        assert 'fill="white"' not in files[f"{stem}.phone.dark.svg"], slug
        for name in (f"{stem}.phone.vg.json", f"{stem}.phone.dark.vg.json"):
            spec = json.loads(files[name])
            assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}, name
        media = f"(max-width: {math.ceil(full[0] * 0.8) + 32 - 1}px)"
        source = (
            f'<source media="{media}" srcset="{{}}charts/{slug}.phone{{}}.svg" '
            f'width="{phone[0]}" height="{phone[1]}">'
        )
        page = files[f"docs/{CHART_PAGES[slug]}"]
        assert source.format("../", "") in page and source.format("../", ".dark") in page, slug
    home = files["docs/index.md"]
    assert 'srcset="charts/trade-turnover.phone.svg"' in home  # index.md is served at the root
    # The trade chart's partial-year labels, seven within a few years' width, are left out:
    # its one text mark is the target's label.
    for name in ("trade-turnover.vg.json", "trade-turnover.phone.vg.json"):
        spec = json.loads(files[f"docs/charts/{name}"])
        assert [m["type"] for m in spec["marks"]].count("text") == 1, name


def svg_size(svg: str) -> tuple[int, int]:
    width, height = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg).groups()
    return int(width), int(height)


def test_every_phone_chart_spec_is_valid_vega_lite(repo_build):
    schema = alt.vegalite.v6.schema.core.load_schema()
    validator = jsonschema.Draft7Validator(schema)
    for chart in build_charts(repo_build.data, repo_build.analysis):
        errors = [e.message[:200] for e in validator.iter_errors(chart.phone_spec)]
        assert not errors, chart.slug


def test_the_chart_keeps_reported_implied_and_partial_values_apart(project):
    spec = json.loads(outputs(project)["docs/charts/trade-turnover.vl.json"])
    rows = (
        spec["datasets"][next(iter(spec["datasets"]))]
        if "datasets" in spec
        else spec["layer"][0]["data"]["values"]
    )
    kinds = {(r["period"], r["kind"]) for r in rows}
    assert ("2023", "Full year, reported") in kinds
    assert ("2022", "Full year, implied by a claim") in kinds
    assert ("Jan–Jul 2022", "Part of a year, reported") in kinds


def test_every_footnote_mark_has_its_footnote(project):
    for path, content in outputs(project).items():
        if path.endswith(".md"):
            marks = set(re.findall(r"\[\^(\d+)\](?!:)", content))
            notes = set(re.findall(r"^\[\^(\d+)\]:", content, re.M))
            assert marks == notes, path


def test_derived_values_show_their_formula(project):
    trade = outputs(project)["docs/trade.md"]
    assert "563 ÷ (1 + 28%)" in trade
    assert "563 ÷ 254.3 − 1" in trade


def test_the_timeline_runs_by_year_from_1992(project):
    timeline = outputs(project)["docs/timeline.md"]
    years = re.findall(r"^## (\d{4})$", timeline, re.M)
    assert years[0] == "1992" and years == sorted(years)


def test_the_dateline_is_not_given_as_the_meeting_place(project):
    timeline = outputs(project)["docs/timeline.md"]
    meeting = timeline[timeline.index("{ #informal-meeting-2025-04 }") :]
    assert "date line, Ashgabat, is where the report was filed" in meeting
    assert "[Turkistan](places.md#turkistan)" in meeting


def test_chart_svgs_do_not_depend_on_what_was_rendered_before(project):
    first = outputs(project)
    second = outputs(project, again=True)  # this process has rendered every chart once more
    for path in first:
        if path.endswith(".svg"):
            assert first[path] == second[path], path


def test_a_run_of_years_without_a_figure_is_one_row(project):
    trade = outputs(project)["docs/trade.md"]
    assert "| 2004–2010 | — | no figure found | |" in trade
    assert "| 2019 | — | no figure found | |" in trade
    assert not re.search(r"^\| 2005 \|", trade, re.M)


def test_the_whos_who_lists_each_countrys_heads_of_state_in_order_with_their_terms(project):
    page = outputs(project)["docs/people.md"]
    start = page.index("## Heads of state\n")
    heads = page[start : page.index("\n## ", start)]
    people = validate(load(Project(project))).people
    for country in ("Kazakhstan", "Turkmenistan"):
        block = heads[heads.index(f"**{country}**") :].split("\n\n**")[0]
        terms = sorted(
            (r.start, p, r)
            for p in people
            if p.country == country
            for r in p.roles
            if r.head_of_state
        )
        lines = [line for line in block.splitlines() if line.startswith("1. ")]
        assert len(lines) == len(terms) >= 2, country
        for line, (_, person, role) in zip(lines, terms, strict=True):
            assert line.startswith(f"1. [{person.name}](#{person.id}), {role.title}: ")
            dates = (
                f"{role.start.label()} – {role.end.label()}"
                if role.end
                else f"from {role.start.label()}"
            )
            assert f": {dates}[^" in line, line
    assert (
        "1. [Nursultan Nazarbayev](#nursultan-nazarbayev), President of Kazakhstan (the first): 1990 – 20 March 2019[^"
        in heads
    )


def test_a_link_to_a_record_names_it_in_words_not_by_its_id(project):
    sources = outputs(project)["docs/sources.md"]
    assert (
        "[How the April 2025 meeting was labelled](disagreements.md#visit-label-2025-04)" in sources
    )
    assert "[the claim “Turnover in 2023 was the highest yet”](claims.md#peak-2023)" in sources
    assert "[Halk Maslahaty](glossary.md#term-halk-maslahaty)" in sources
    assert "[visit-label-2025-04]" not in sources and "[peak-2023]" not in sources


def test_footnotes_to_pages_known_by_address_say_so_in_their_link_title_not_after_each_note(
    project,
):
    data = build(project, write=False).data
    external = {s.id for s in data.sources if isinstance(s, model.ExternalSource)}
    page = outputs(project)["docs/timeline.md"]
    notes = re.findall(
        r"^\[\^\d+\]: \[[^\]]*\]\(sources\.md#([\w-]+)( \"[^\"]+\")?\)(.*)$", page, re.M
    )
    assert {source for source, _, _ in notes} & external
    for source, title, rest in notes:
        assert bool(title) == (source in external), source
        assert "not checked" not in rest and "text not held" not in rest, source
    assert "Known by address only" in page


def test_a_chart_caption_names_its_most_cited_sources_and_links_to_the_full_list(project):
    data = build(project, write=False).data
    cited = Counter(c.source for e in data.events for c in e.cite)
    page = outputs(project)["docs/timeline.md"]
    caption = re.search(r"<figcaption markdown>(.*)</figcaption>", page).group(1)
    named = re.findall(r"\]\(sources\.md#([\w-]+)\)", caption)
    assert 1 <= len(named) <= 4
    assert cited[named[0]] == max(cited.values())
    more = len(cited) - len(named)
    assert f"and [{more} more](#events-sources)" in caption
    details = page[page.index('<details class="chart-data"') : page.index("</details>")]
    assert "{ #events-sources }" in details
    assert set(re.findall(r"^- \[[^\]]*\]\(sources\.md#([\w-]+)\)$", details, re.M)) == set(cited)


def test_every_event_kind_has_a_reader_word_and_tags_use_it(project):
    assert set(EVENT_KINDS) == set(get_args(model.Event.model_fields["kind"].annotation))
    page = outputs(project)["docs/events/informal-meeting-2025-04.md"]
    tags = yaml.safe_load(page.split("---\n", 2)[1])["tags"]
    assert tags[0] == "Meeting" and not any(":" in tag for tag in tags)


def test_derived_numbers_name_the_records_they_come_from_not_their_ids(project):
    claims = outputs(project)["docs/claims.md"]
    assert "(from [Trade turnover, 2023](trade.md#turnover-2023); [the claim" in claims
    assert "[turnover-2023]" not in claims
