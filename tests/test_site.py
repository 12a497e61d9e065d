"""The real site: `mkdocs build --strict` regenerates from data/ through the hook, and refuses bad data.

Those checks are MkDocs' alone: Zensical runs no hooks, so it neither regenerates nor refuses data;
`make site-zensical` runs the generator first. Its strict build is checked here too.
"""

from __future__ import annotations

from .conftest import edit, mkdocs_build, snapshot, zensical_build_for


def test_mkdocs_build_strict_passes(built):
    assert (built / "site/index.html").exists()
    assert (built / "site/charts/trade-turnover.svg").exists()


def test_built_pages_let_no_inline_script_run(built):
    """Only `mkdocs serve` (test_serve.py) lets its live-reload script run; a built page never."""
    for page in (built / "site").rglob("*.html"):
        text = page.read_text("utf-8")
        assert "script-src 'self';" in text and "'unsafe-inline'; style-src" not in text, page


def test_mkdocs_build_regenerates_pages_from_the_data(project):
    edit(project / "data/people.yaml", "name: Askar Tazhibayev", "name: Askar Tazhibaev")
    assert mkdocs_build(project).returncode == 0
    assert "Askar Tazhibaev" in (project / "docs/people.md").read_text()
    assert "Askar Tazhibaev" in (project / "site/people/index.html").read_text()


def test_bad_data_stops_mkdocs_build_and_leaves_docs_and_site_as_they_were(built):
    before = snapshot(built / "docs", built / "site")
    edit(built / "data/events.yaml", "date: 2025-04-22", "date: 2025-02-30")
    result = mkdocs_build(built)
    assert result.returncode != 0
    assert "data/events.yaml:" in result.stderr and "February 2025 has 28 days" in result.stderr
    assert snapshot(built / "docs", built / "site") == before


def test_strict_build_catches_a_broken_anchor(project):
    edit(
        project / "docs/methodology.md",
        "[Sources](sources.md)",
        "[Sources](sources.md#no-such-anchor)",
    )
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "no-such-anchor" in result.stderr


def test_zensical_strict_build_catches_a_broken_anchor_too(project):
    """`make site-zensical` builds with --strict, which stops at what MkDocs' strict build would."""
    edit(
        project / "docs/methodology.md",
        "[Sources](sources.md)",
        "[Sources](sources.md#no-such-anchor)",
    )
    result = zensical_build_for(project, "http://127.0.0.1:8000/")
    assert result.returncode != 0
    assert "anchor does not exist" in result.stderr and "methodology.md:" in result.stderr


def test_every_record_has_an_anchor_on_the_site(built):
    from generator.build import build

    data = build(built, write=False).data
    html = "".join(p.read_text() for p in (built / "site").rglob("*.html"))
    for records in data.records.values():
        for record in records:
            assert f'id="{record.id}"' in html, record.id
