"""Chapters: prose whose every fact is a reference to a record, checked like the data."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.chapters import ProseRenderer, parse_prose
from generator.derive import derive
from generator.errors import Problem
from generator.load import load
from generator.paths import Project
from generator.validate import validate
from generator.words import Citations
from tests.conftest import REPO, edit, snapshot

FRONT = "---\ntitle: A chapter\norder: 1\nsummary: What it covers.\n---\n\n"


@pytest.fixture(scope="module")
def real():
    data = validate(load(Project(REPO)))
    return data, derive(data)


def render(real, body: str, front: str = FRONT) -> tuple[str, list[Problem], str]:
    """The chapter as Markdown (no-break spaces shown as spaces), the problems, its footnotes."""
    data, analysis = real
    chapters, problems = parse_prose({"data/chapters/01-a-chapter.md": front + body})
    cite = Citations(data, "../")
    renderer = ProseRenderer(data, analysis, cite, "../", problems)
    text = str(renderer.render(chapters[0])) if chapters else ""
    return text.replace("\u00a0", " "), problems, str(cite.footnotes())


def messages(problems: list[Problem]) -> list[str]:
    return [f"{p.location}: {p.message}" for p in problems]


def test_a_figure_renders_its_value_and_period_with_one_footnote_for_all_its_sources(real):
    text, problems, notes = render(real, "Trade reached {turnover-2023}.\n")
    assert problems == []
    assert text == "Trade reached [$563 million](../trade.md#turnover-2023) in 2023[^1]."
    assert notes.startswith("[^1]: [Trend, 22 April 2025](../sources.md#trend-2025-04-22)")
    assert notes.count("[^") == 1 and notes.count("](../sources.md#") > 2


def test_a_figure_keeps_the_sources_hedge_and_can_give_its_value_or_period_alone(real):
    text, problems, _ = render(real, "{turnover-2024:value} over {turnover-2024:period}.\n")
    assert problems == []
    assert text.startswith("[more than $500 million](../trade.md#turnover-2024)[^1] over 2024.")


def test_an_event_renders_its_date_linked_to_its_entry_or_its_title_and_date(real):
    text, problems, _ = render(real, "On {state-visit-2017-04}; {state-visit-2017-04:title}.\n")
    assert problems == []
    assert text.startswith("On [18–19 April 2017](../timeline.md#state-visit-2017-04)[^1]; ")
    assert (
        "[Gurbanguly Berdimuhamedov's state visit to Astana](../timeline.md#state-visit-2017-04) (18–19 April 2017)[^1]"
        in text
    )


def test_a_persons_role_is_the_one_held_on_the_date_of_the_event_before_it(real):
    body = (
        "In {state-visit-2017-04} and later {turnover-2023:period}: {kassym-jomart-tokayev:role}.\n"
    )
    text, problems, _ = render(real, body)
    assert problems == []
    assert (
        "[Kassym-Jomart Tokayev](../people.md#kassym-jomart-tokayev) (President of Kazakhstan)"
        in text
    )
    _, problems, _ = render(real, "{kassym-jomart-tokayev:role} spoke.\n")
    assert messages(problems) == [
        "data/chapters/01-a-chapter.md:7:1: no date for the role of Kassym-Jomart Tokayev"
    ]


def test_a_derived_number_renders_its_value_with_its_formula(real):
    text, problems, _ = render(real, "Growth was {growth-2021-2023}.\n")
    assert problems == []
    assert re.fullmatch(
        r"Growth was \[\+[\d.]+%\]\(\.\./trade\.md#growth-2021-2023\) \(worked out as .*÷.*\)\.",
        text,
    )


def test_a_number_no_referenced_record_holds_is_an_error_at_its_line_and_column(real):
    body = "Trade reached {turnover-2023}, some\n563 or 564 in all.\n"
    _, problems, _ = render(real, body)
    assert messages(problems) == [
        "data/chapters/01-a-chapter.md:8:8: the number 564 is not held by any record referenced in this paragraph"
    ]


def test_years_ordinals_and_numbers_held_by_the_records_of_the_paragraph_pass(real):
    body = (
        "In 2023, the 2nd year running, trade reached {turnover-2023:value}, about 563, "
        "against the {targets-1-billion-2022:title} of 1 billion.\n"
    )
    body = body.replace("targets-1-billion-2022", _target_id(real))
    _, problems, _ = render(real, body)
    assert problems == []


def test_a_number_held_by_a_record_of_another_paragraph_is_an_error(real):
    _, problems, _ = render(
        real, "Trade reached {turnover-2023}.\n\nIt was 563 on {state-visit-2017-04}.\n"
    )
    assert [p.message for p in problems] == [
        "the number 563 is not held by any record referenced in this paragraph"
    ]


def test_a_paragraph_without_a_reference_is_an_error_unless_it_is_commentary(real):
    _, problems, _ = render(real, "The thaw mattered.\n\n- A list item alone.\n")
    assert messages(problems) == [
        "data/chapters/01-a-chapter.md:7:1: a paragraph with no reference to a record",
        "data/chapters/01-a-chapter.md:9:3: a paragraph with no reference to a record",
    ]
    text, problems, _ = render(real, "{commentary} The thaw mattered.\n")
    assert problems == []
    assert text == "*Commentary:* The thaw mattered.\n{ .commentary }"


def test_an_unknown_id_or_variant_is_an_error_with_a_suggestion(real):
    _, problems, _ = render(real, "Trade reached {turnover-2032} and {turnover-2023:total}.\n")
    assert messages(problems) == [
        "data/chapters/01-a-chapter.md:7:15: unknown id 'turnover-2032'",
        "data/chapters/01-a-chapter.md:7:35: 'total' is not something 'turnover-2023' can show",
    ]
    assert problems[0].hint.startswith("did you mean 'turnover-20")


def test_a_brace_outside_a_reference_is_an_error(real):
    _, problems, _ = render(real, "Met {Kassym Tokayev} on {state-visit-2017-04}.\n")
    assert messages(problems) == [
        "data/chapters/01-a-chapter.md:7:5: a brace that is not part of a reference"
    ]


def test_markup_in_prose_reaches_the_page_as_text(real):
    body = (
        "<script>alert(x)</script> *met* on {state-visit-2017-04} | x [^a] {: .x } "
        "[y](javascript:alert(document.cookie))\n"
    )
    text, problems, _ = render(real, body)
    assert [p.message for p in problems] == ["a brace that is not part of a reference"]
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "*met*" in text and "&#124;" in text and "\\[^a\\]" in text
    assert "\\[y\\](javascript" in text  # markdown-it refuses the address: the link stays text


@pytest.mark.parametrize(
    "body, message",
    [
        ("```\ncode\n```\n", "7:1: a code block is not allowed in a chapter"),
        ("    indented code\n", "7:5: a code block is not allowed in a chapter"),
        ("On {state-visit-2017-04} ![map](x.png).\n", "7:26: an image is not allowed in a chapter"),
        ("On {state-visit-2017-04} `code`.\n", "7:26: code is not allowed in a chapter"),
        ("# Title again\n", "7:1: a level-1 heading"),
        (
            "On [the day](ftp://example.com/a) {state-visit-2017-04}.\n",
            "7:14: a link to 'ftp://example.com/a'",
        ),
        ("---\n", "7:1: a horizontal rule is not allowed in a chapter"),
    ],
)
def test_only_the_declared_markdown_passes(real, body, message):
    _, problems, _ = render(real, body)
    assert messages(problems) == [f"data/chapters/01-a-chapter.md:{message}"]


def test_links_within_the_site_and_to_web_addresses_pass(real):
    body = "See [the timeline](../timeline.md#1992) and [Akorda](https://www.akorda.kz/en) on {state-visit-2017-04}.\n"
    text, problems, _ = render(real, body)
    assert problems == []
    assert "[the timeline](../timeline.md#1992)" in text
    assert "[Akorda](https://www.akorda.kz/en)" in text


@pytest.mark.parametrize(
    "front, message",
    [
        ("", "1:1: a chapter needs front matter"),
        (
            "---\ntitle: A\norder: first\nsummary: B\n---\n",
            "3:1: order: Input should be a valid integer",
        ),
        ("---\ntitle: A\norder: 1\n---\n", "1:1: summary: Field required"),
        (
            "---\ntitle: A\norder: 1\nsummary: Trade of 563 million.\n---\n",
            "4:1: summary: a number in the summary comes from no record",
        ),
    ],
)
def test_front_matter_problems_are_located(real, front, message):
    _, problems, _ = render(real, "On {state-visit-2017-04}.\n", front=front)
    assert messages(problems)[0].startswith(f"data/chapters/01-a-chapter.md:{message}")


def _target_id(real) -> str:
    data, _ = real
    return data.targets[0].id


# The whole loop, through the command line and the files


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "generator", *args, "--root", str(project)]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True)


def write_chapter(project: Path, body: str) -> Path:
    path = project / "data" / "chapters" / "09-trade-test.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(FRONT.replace("order: 1", "order: 9") + body, "utf-8")
    return path


def test_when_a_figure_changes_in_the_yaml_the_chapter_sentence_changes(project):
    write_chapter(project, "Trade reached {turnover-2023}.\n")
    assert run(project, "build").returncode == 0
    page = project / "docs" / "chapters" / "trade-test.md"
    assert (
        "Trade reached [$563\u00a0million](../trade.md#turnover-2023) in 2023" in page.read_text()
    )
    figures = project / "data" / "figures.yaml"
    text = figures.read_text()
    start = text.index("- id: turnover-2023")
    value = re.compile(r"value: 563\b").search(text, start)
    figures.write_text(text[: value.start()] + "value: 571.4" + text[value.end() :])
    assert run(project, "build").returncode == 0
    assert (
        "Trade reached [$571.4\u00a0million](../trade.md#turnover-2023) in 2023" in page.read_text()
    )


def test_a_typed_number_is_a_located_error_exit_2_and_nothing_is_written(project):
    assert run(project, "build").returncode == 0
    write_chapter(project, "Trade reached {turnover-2023}, up from 440.\n")
    before = snapshot(project / "docs")
    result = run(project, "build")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "data/chapters/09-trade-test.md:7:40: the number 440 is not held by any record "
        "referenced in this paragraph"
    )
    assert snapshot(project / "docs") == before


def test_a_chapters_front_matter_errors_are_reported_with_the_yamls(project):
    chapter = write_chapter(project, "On {state-visit-2017-04}.\n")
    edit(chapter, "summary: What it covers.\n", "")
    edit(project / "data" / "events.yaml", "kind: visit", "kind: vist")
    result = run(project, "build")
    assert result.returncode == 2
    assert "data/chapters/09-trade-test.md:1:1: summary: Field required" in result.stderr
    assert (
        "data/events.yaml:" in result.stderr and "2 errors; nothing was written." in result.stderr
    )


def test_every_chapter_is_in_the_navigation_in_reading_order():
    chapters = [c for c in parse_prose(data_prose())[0] if c.meta]
    nav = (REPO / "mkdocs.yml").read_text()
    listed = re.findall(r"chapters/([\w-]+)\.md", nav)
    assert listed == ["index", *[c.slug for c in chapters]]


def data_prose() -> dict[str, str]:
    project = Project(REPO)
    return {project.relative(p): p.read_text("utf-8") for p in project.prose}


def test_a_glossary_term_links_to_its_entry_at_its_first_use_on_the_page_only(real):
    body = "The Senate voted on {state-visit-2017-04}.\n\nThe Senate again, on {state-visit-2017-04}.\n"
    text, problems, _ = render(real, body)
    assert problems == []
    assert text.count("[Senate](../glossary.md#term-senate)") == 1
    assert text.startswith("The [Senate](../glossary.md#term-senate) voted")
