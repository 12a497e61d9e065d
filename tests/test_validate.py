"""Bad data is reported at its file:line:col, all problems at once, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import DataError
from generator.load import load
from generator.paths import Project
from generator.validate import validate

from .conftest import edit


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        validate(load(Project(root)))
    return [str(p) for p in caught.value.problems]


def where(path: Path, text: str, offset: int = 0) -> str:
    """'data/FILE.yaml:LINE:COL' of `text` (plus `offset` characters) in the file."""
    content = path.read_text("utf-8")
    index = content.index(text) + offset
    line = content.count("\n", 0, index) + 1
    col = index - (content.rfind("\n", 0, index) + 1) + 1
    return f"data/{path.name}:{line}:{col}"


def test_the_committed_data_is_valid(project):
    data = validate(load(Project(project)))
    assert data.figures and data.events and data.sources


def test_a_yaml_syntax_error_is_located(project):
    path = project / "data/events.yaml"
    edit(path, "  kind: diplomacy\n", "  kind: [diplomacy\n")
    (problem,) = problems_of(project)
    assert problem.startswith("data/events.yaml:")
    assert "YAML syntax error" in problem


def test_a_wrong_type_is_located_at_the_value(project):
    path = project / "data/figures.yaml"
    edit(path, "value: 254.3", "value: lots")
    (problem,) = problems_of(project)
    assert problem.startswith(f"{where(path, 'lots')}: value: Input should be a valid number")


def test_an_unknown_field_suggests_the_right_one(project):
    path = project / "data/figures.yaml"
    edit(path, "  scale: million\n", "  scael: million\n")
    (problem,) = problems_of(project)
    assert problem.startswith(f"{where(path, 'scael')}: unknown field 'scael'")
    assert "did you mean 'scale'?" in problem


def test_a_missing_field_points_at_its_record(project):
    path = project / "data/figures.yaml"
    edit(
        path,
        "id: turnover-2021\n  indicator: trade-turnover\n  period: 2021\n",
        "id: turnover-2021\n  indicator: trade-turnover\n",
    )
    (problem,) = problems_of(project)
    record = where(path, "id: turnover-2021\n")
    assert problem == f"{record}: missing field 'period'"


def test_a_rule_across_fields_points_at_its_record(project):
    path = project / "data/figures.yaml"
    edit(
        path,
        "period: 2021\n  value: 254.3\n  scale: million\n  currency: USD\n",
        "period: 2021\n  value: 254.3\n  scale: million\n",
    )
    (problem,) = problems_of(project)
    record = where(path, "id: turnover-2021\n")
    assert problem.startswith(f"{record}: ") and "needs a currency or a unit" in problem


def test_an_unknown_reference_is_located_and_a_near_id_suggested(project):
    path = project / "data/events.yaml"
    edit(path, "people: [askar-tazhibayev]", "people: [askar-tazibayev]")
    (problem,) = problems_of(project)
    assert problem.startswith(f"{where(path, 'askar-tazibayev')}: unknown id 'askar-tazibayev'")
    assert "did you mean 'askar-tazhibayev'?" in problem


def test_a_glossary_term_seeing_an_unknown_record_is_located(project):
    path = project / "data/glossary.yaml"
    edit(path, "see: [akorda, state-visit-2017-04,", "see: [akorda, state-visit-2017-4,")
    (problem,) = problems_of(project)
    assert problem.startswith(
        f"{where(path, 'state-visit-2017-4,')}: unknown id 'state-visit-2017-4': no such record in the data"
    )
    assert "did you mean 'state-visit-2017-04'?" in problem


def test_a_glossary_term_without_a_definition_is_located_at_its_term(project):
    path = project / "data/glossary.yaml"
    text = path.read_text("utf-8")
    start = text.index("  definition:", text.index("id: term-akorda"))
    end = text.index("  see:", start)
    path.write_text(text[:start] + text[end:], "utf-8")
    (problem,) = problems_of(project)
    assert problem == f"{where(path, 'id: term-akorda')}: missing field 'definition'"


def test_a_duplicate_id_names_both_places(project):
    path = project / "data/figures.yaml"
    first = where(path, "turnover-2021\n")
    edit(path, "id: turnover-2023\n", "id: turnover-2021\n")
    text = path.read_text()
    second_index = text.index("id: turnover-2021\n", text.index("id: turnover-2021\n") + 1) + 4
    line = text.count("\n", 0, second_index) + 1
    duplicate = [p for p in problems_of(project) if "duplicate id" in p]
    assert duplicate == [
        f"data/figures.yaml:{line}:7: duplicate id 'turnover-2021'\n    hint: first defined at {first}"
    ]


def test_a_passage_not_in_the_seed_is_refused_with_where_it_stops_matching(project):
    path = project / "data/figures.yaml"
    edit(
        path,
        "quote: In 2023, it achieved a new peak of $563 million",
        "quote: In 2023, it achieved a new peak of $536 million",
    )
    (problem,) = problems_of(project)
    assert problem.startswith(
        f"{where(path, 'In 2023, it achieved a new peak of $536')}: quote not found in seeds/"
    )
    assert "a new peak of $5' and then differs" in problem


def test_a_quote_may_break_lines_where_the_article_does_not(project):
    path = project / "data/figures.yaml"
    edit(
        path,
        "quote: In 2023, it achieved a new peak of $563 million",
        "quote: >-\n        In 2023, it achieved\n        a new peak of $563 million",
    )
    validate(load(Project(project)))


def test_an_impossible_date_is_located(project):
    path = project / "data/events.yaml"
    edit(path, "date: 2025-04-22", "date: 2025-02-30")
    (problem,) = problems_of(project)
    assert problem == f"{where(path, '2025-02-30')}: date: '2025-02-30': February 2025 has 28 days"


def test_a_changed_seed_article_is_caught_by_its_checksum(project):
    seed = project / "seeds/2022-tazhibayev-seven-month-trade.txt"
    seed.write_bytes(seed.read_bytes() + b" ")
    (problem,) = problems_of(project)
    assert "sha256" in problem and problem.startswith("data/sources.yaml:")


def test_a_seed_article_without_a_source_record_is_reported(project):
    (project / "seeds/new-article.txt").write_text("Some text.", "utf-8")
    (problem,) = problems_of(project)
    assert problem.startswith("seeds/new-article.txt:1:1: seed article without a source record")


def test_an_external_source_cannot_be_quoted(project):
    sources = project / "data/sources.yaml"
    sources.write_text(
        sources.read_text()
        + "\n- kind: external\n  id: some-page\n  url: https://example.org/a\n  title: A page\n  publisher: Someone\n",
        "utf-8",
    )
    path = project / "data/figures.yaml"
    edit(
        path,
        "    - source: tazhibayev-2022\n      quote: in 2021",
        "    - source: some-page\n      quote: in 2021",
    )
    (problem,) = problems_of(project)
    assert "is an external source: its text is not held" in problem


def test_every_problem_is_reported_in_one_run(project):
    edit(project / "data/figures.yaml", "value: 254.3", "value: lots")
    edit(project / "data/events.yaml", "date: 2025-04-22", "date: 2025-02-30")
    edit(project / "data/claims.yaml", "subject: turnover-2023", "subject: turnover-2033")
    assert len(problems_of(project)) == 3


def test_rule_g_a_project_status_that_steps_back_in_time_is_located_at_the_entry(project):
    path = project / "data/initiatives.yaml"
    opened = (
        "    - date: 2025-11-02\n      status: opened\n      note: Serdar Berdimuhamedov opened"
    )
    planned = opened.replace("status: opened", "status: planned")
    edit(path, opened, planned)
    (problem,) = problems_of(project)
    assert problem.startswith(f"{where(path, planned, planned.index('planned'))}: ")
    assert (
        "status 'planned' (2 November 2025) steps back from 'under-construction' (8 August 2022)"
        in problem
    )
    assert "reversal: true" in problem


def test_rule_g_a_step_back_a_source_reports_is_marked_as_a_reversal(project):
    path = project / "data/initiatives.yaml"
    edit(path, "      status: planned\n      reversal: true\n", "      status: planned\n")
    (problem,) = problems_of(project)
    assert "status 'planned' (9 August 2024) steps back from 'under-construction'" in problem


def test_rule_g_a_reversal_that_does_not_step_back_is_refused(project):
    path = project / "data/initiatives.yaml"
    opened = "      status: opened\n      note: Serdar Berdimuhamedov opened"
    edit(path, opened, opened.replace("\n      note:", "\n      reversal: true\n      note:"))
    (problem,) = problems_of(project)
    assert "'reversal: true', but this status does not step back" in problem
