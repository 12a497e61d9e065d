"""The committed content is honest: fresh, complete, sourced, and matching its schema."""

from __future__ import annotations

import hashlib
import html
import json
import re

import jsonschema
import pytest
from ruamel.yaml import YAML

from generator import model
from generator.build import build
from generator.validate import fold

from .conftest import REPO


def test_committed_generated_files_match_what_the_generator_makes_now(repo_build):
    changes = repo_build.changes
    stale = changes.written + changes.removed
    assert not stale, f"run `python -m generator build` and commit: {stale}"


def dossier() -> dict:
    """What the report was written from, as far as the tests check it (see the file's header)."""
    return YAML(typ="safe").load(REPO / "tests" / "fixtures" / "dossier.yaml")


def test_seed_articles_are_the_originals_byte_for_byte(repo_build):
    seeds = [s for s in repo_build.data.sources if isinstance(s, model.SeedSource)]
    originals = set(dossier()["seed_originals"].values())
    assert seeds
    for source in seeds:
        raw = (REPO / "seeds" / source.file).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == source.sha256
        assert source.sha256 in originals, source.file


def test_every_record_cites_a_source(repo_build):
    data = repo_build.data
    for name, records in data.records.items():
        for record in records:
            if name != "sources.yaml":
                assert model.citations(record), record.id


def test_every_quoted_passage_is_shown_on_the_sources_page(built):
    data = build(built, write=False).data
    page = (built / "site/sources/index.html").read_text()
    text = fold(html.unescape(re.sub(r"<[^>]+>", "", page)))
    for records in data.records.values():
        for record in records:
            for cite in model.citations(record):
                if cite.quote:
                    assert fold(cite.quote) in text, (record.id, cite.quote)


def test_every_figure_is_on_the_trade_page_with_its_source(built):
    data = build(built, write=False).data
    page = html.unescape((built / "site/trade/index.html").read_text())
    for figure in data.figures:
        row = page[page.index(f'id="{figure.id}"') :].split("</tr>")[0]
        shown = f"${figure.value:g}\u00a0million" if figure.currency else f"{figure.value:g}\u00a0"
        assert shown in row, figure.id
        assert 'href="../sources/#' in row and "footnote-ref" in row, figure.id


@pytest.mark.parametrize("name", list(model.FILES))
def test_each_data_file_matches_its_generated_json_schema(name):
    schema = json.loads((REPO / "schema" / f"{name.removesuffix('.yaml')}.schema.json").read_text())
    records = YAML(typ="safe").load((REPO / "data" / name).read_text())
    # YAML reads unquoted dates as dates; editors' plugins see them as text, as the generator does.
    jsonschema.validate(json.loads(json.dumps(records, default=str)), schema)


def test_the_json_schema_flags_an_unknown_field():
    schema = json.loads((REPO / "schema/figures.schema.json").read_text())
    records = YAML(typ="safe").load((REPO / "data/figures.yaml").read_text())
    records[0]["valeu"] = 1
    with pytest.raises(jsonschema.ValidationError, match="valeu"):
        jsonschema.validate(json.loads(json.dumps(records, default=str)), schema)


def test_each_data_file_names_its_schema_for_editors():
    for name in model.FILES:
        first = (REPO / "data" / name).read_text().splitlines()[0]
        assert (
            first
            == f"# yaml-language-server: $schema=../schema/{name.removesuffix('.yaml')}.schema.json"
        )


def test_every_glossary_term_has_a_definition_and_a_source_on_the_glossary_page(repo_build):
    result = repo_build
    page = next(o.content for o in result.outputs if o.path == "docs/glossary.md")
    terms = result.data.glossary
    asked_for = {
        "Halk Maslahaty",
        "Akorda",
        "Majilis",
        "Senate of Kazakhstan",
        "intergovernmental commission",
        "Kazakhstan–Turkmenistan–Iran railway",
        "trade turnover",
        "state visit",
        "official visit",
        "working visit",
    }
    assert asked_for <= {t.term for t in terms}
    for term in terms:
        assert term.definition.strip() and term.cite, term.id
        entry = page[page.index(f"{{ #{term.id} }}") :].split("\n## ")[0]
        first_words = " ".join(term.definition.split()[:4])
        assert first_words in entry and re.search(r"\[\^\d+\]", entry), term.id


def test_every_external_source_has_an_address_a_title_and_a_publisher(repo_build):
    data = repo_build.data
    for source in data.sources:
        if isinstance(source, model.ExternalSource):
            assert source.url.startswith(("http://", "https://")), source.id
            assert source.title.strip() and source.publisher.strip(), source.id


def test_no_two_events_tell_the_same_story_unmerged(repo_build):
    """Overlapping dates, same kind, shared people or places and like titles: one event twice."""
    import difflib

    events = repo_build.data.events
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            overlap = (
                a.date.start.first <= b.date.end.last and b.date.start.first <= a.date.end.last
            )
            shared = set(a.people) & set(b.people) or set(a.places) & set(b.places)
            alike = difflib.SequenceMatcher(None, a.title.lower(), b.title.lower()).ratio() > 0.6
            assert not (overlap and a.kind == b.kind and shared and alike), (a.id, b.id)


def test_every_trade_value_drawn_is_reported_or_derived_with_a_formula(repo_build):
    result = repo_build
    spec = json.loads(
        next(o.content for o in result.outputs if o.path == "docs/charts/trade-turnover.vl.json")
    )
    figures = {f.id: f for f in result.data.figures}
    derived = {d.id: d for d in result.analysis.all_derived}
    targets = {t.id for t in result.data.targets}
    rows = [r for r in _inline_rows(spec) if "record" in r]
    assert rows
    for row in rows:
        if row["record"] in figures:
            figure = figures[row["record"]]
            assert figure.cite and round(figure.value, 1) == row["value"], row
        elif row["record"] in derived:
            assert derived[row["record"]].formula, row
        else:
            assert row["record"] in targets and row["kind"] == "Path to the target", row


def test_every_page_of_the_research_dossier_is_a_source(repo_build):
    sources = repo_build.data.sources
    urls = {str(s.url) for s in sources if isinstance(s, model.ExternalSource)}
    pages = {page["url"] for page in dossier()["pages"]}
    assert len(pages) == 75
    assert sorted(pages - urls) == []


def _inline_rows(spec) -> list[dict]:
    """Every row of inline data anywhere in a Vega-Lite spec (each layer carries its own)."""
    if isinstance(spec, dict):
        values = spec.get("values") if isinstance(spec.get("values"), list) else []
        return values + [r for v in spec.values() for r in _inline_rows(v)]
    if isinstance(spec, list):
        return [r for v in spec for r in _inline_rows(v)]
    return []


# Pages for editors, which name fields and ids on purpose.
FOR_EDITORS = {"editing", "data"}  # the Data page names the tables' columns


def test_reader_facing_text_shows_no_data_model_words(built):
    """No record id, field name with its value, or mention of the research dossier in what a
    reader sees: text and alt or title attributes, not comments, link targets or anchors."""
    data = build(built, write=False).data
    ids = {r.id for records in data.records.values() for r in records if _looks_like_an_id(r)}
    field_value = _field_values(data)
    for page in sorted((built / "site").rglob("index.html")):
        name = page.parent.relative_to(built / "site").as_posix()
        if name in FOR_EDITORS:
            continue
        text = _reader_text(page.read_text("utf-8"))
        assert "dossier" not in text.lower(), (name, _around(text, "dossier"))
        assert not field_value.search(text), (name, field_value.search(text))
        shown = {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
        assert not shown, (name, sorted(shown))


def _field_values(data) -> re.Pattern:
    """'kind: visit', 'status: planned': a field of the data and one of its values, as YAML has them."""
    values = set()
    for records in data.records.values():
        for record in records:
            for part in (record, *getattr(record, "history", [])):
                values |= {getattr(part, f) for f in ("kind", "status") if hasattr(part, f)}
    either = "|".join(sorted(map(re.escape, values)))
    return re.compile(rf"\b(?:kind|status):\s*(?:{either})\b")


def _looks_like_an_id(record) -> bool:
    """An id with a hyphen that is not simply its record's name ('cross-border' is a word)."""
    name = str(getattr(record, "name", "")).lower()
    return "-" in record.id and record.id not in name


def _reader_text(page: str) -> str:
    """What a reader of the page's article sees or hears, with addresses shown as text left out."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        parts: list[str] = []
        skip = 0
        links: list[bool] = []  # per open link: is it a citation's address?

        def handle_starttag(self, tag, attrs):
            # A citation's address and its BibTeX (a <pre>) are addresses and keys, not prose.
            citation = tag == "a" and "cite-url" in (dict(attrs).get("class") or "")
            if tag == "a":
                self.links.append(citation)
            if tag in ("script", "style", "svg", "pre") or citation:
                self.skip += 1
            self.parts += [v for k, v in attrs if k in ("alt", "title", "aria-label") and v]

        def handle_endtag(self, tag):
            if tag in ("script", "style", "svg", "pre") or (tag == "a" and self.links.pop()):
                self.skip -= 1

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    article = page[page.index("<article") : page.index("</article>")]
    reader = Reader()
    reader.parts = []
    reader.links = []
    reader.feed(article)
    return re.sub(r"https?://\S+", "", " ".join(reader.parts))


def _around(text: str, word: str) -> str:
    at = text.lower().index(word)
    return text[max(0, at - 80) : at + 80]


def test_footnote_marks_side_by_side_are_kept_apart(mkdocs_site):
    """Marks 11 and 12 next to each other must not read as one mark 1112: a raised comma
    stands between them, on every page."""
    side_by_side = re.compile(r'</a></sup><sup id="fnref')  # a mark's end, the next mark
    kept_apart = re.compile(r'</a></sup><sup>,</sup><sup id="fnref')
    pages = {p: p.read_text() for p in mkdocs_site.folder.rglob("*.html")}
    assert [p for p, text in pages.items() if side_by_side.search(text)] == []
    assert any(kept_apart.search(text) for text in pages.values())
