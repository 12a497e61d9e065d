"""Text from the data reaches the page as text: the escaping rules, addresses, and the templates."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.entities import name2codepoint
from pathlib import Path

import markdown
import pytest
import yaml
from jinja2 import nodes
from markupsafe import EscapeFormatter
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import get_yaml_loader
from ruamel.yaml import YAML

from generator.build import build
from generator.errors import DataError
from generator.pages import template_environment
from generator.paths import Project
from generator.text import Markdown, address, code, escape_text, front_matter, is_web_address

from .conftest import REPO, edit, snapshot
from .payloads import ATTACKS, shown

ALLOWED_TAGS = {"p", "table", "thead", "tbody", "tr", "th", "td", "h2", "a", "img", "sup"}
ALLOWED_TAGS |= {"div", "hr", "ol", "li", "code", "root"}
ALLOWED_ATTRIBUTES = {"href", "src", "alt", "id", "class", "title", "style"}


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings the site's mkdocs.yml configures."""
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=get_yaml_loader())
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)


def rendered(text: str) -> ET.Element:
    """`text` escaped into every place a template puts data, rendered, parsed as XML."""
    t = escape_text(text)
    page = "\n".join(
        [
            t,
            "",
            "| a | b |",
            "|---|---|",
            f"| {t} | end |",
            "",
            f"## {t} {{ #anchor }}",
            "",
            f"[{t}](page.md) ![{t}](chart.svg)",
            "",
            "Noted[^1]",
            "",
            f"[^1]: {t}",
        ]
    )
    html = site_markdown().convert(page)
    xml = re.sub(r"&(\w+);", _numeric_reference, html)
    return ET.fromstring(f"<root>{xml}</root>")


def _numeric_reference(match: re.Match) -> str:
    """Named references XML does not know (the heading's &para;) as numeric ones."""
    name = match.group(1)
    return match.group(0) if name in XML_NAMED else f"&#{name2codepoint[name]};"


XML_NAMED = {"amp", "lt", "gt", "quot", "apos"}
ADDED = {"headerlink", "footnote-backref"}  # links Python-Markdown adds beside the text


def text_of(element: ET.Element) -> str:
    """The text a reader sees in `element`, without the permalink and footnote back-link."""
    parts = [element.text or ""]
    for child in element:
        if child.get("class") not in ADDED:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


@pytest.mark.parametrize("attack", ATTACKS)
def test_escaped_text_renders_as_exactly_that_text_wherever_a_template_puts_it(attack):
    root = rendered(attack)
    expected = shown(attack)
    for element in root.iter():
        assert element.tag in ALLOWED_TAGS, element.tag
        assert set(element.attrib) <= ALLOWED_ATTRIBUTES, element.attrib
        assert not element.get("href", "").startswith("javascript")
    paragraph, table, heading, links = root[0], root[1], root[2], root[3]
    assert text_of(paragraph).strip() == expected
    cells = table.findall("./tbody/tr/td")
    assert [text_of(c).strip() for c in cells] == [expected, "end"]
    assert heading.get("id") == "anchor" and text_of(heading).strip() == expected
    assert text_of(links.find("a")).strip() == expected
    assert links.find("img").get("alt").strip() == expected
    assert text_of(root.find(".//li[@id='fn:1']/p")).strip() == expected


def test_text_keeps_no_break_spaces_and_folds_line_breaks():
    assert escape_text("$563\u00a0million") == "$563\u00a0million"
    assert escape_text("one\n\ntwo\r\n  three") == "one two three"


def test_built_markdown_passes_and_values_combined_with_it_are_escaped():
    link = Markdown("[{}]({})").format("a *b* [c]", Markdown("page.md"))
    assert link == "[a \\*b\\* \\[c\\]](page.md)"
    assert Markdown("x ") + "<i>" == "x &lt;i&gt;"
    assert address("https://example.org/a_(b)") == (
        "[https://example.org/a\\_(b)](https://example.org/a_%28b%29)"
    )
    assert code("a`b") == "``a`b``" and code("`x") == "`` `x ``"


class Shown:
    """A value that formats itself otherwise than it prints."""

    def __format__(self, spec: str) -> str:
        return f"<formatted {spec}>"

    def __str__(self) -> str:
        return "<str>"


@pytest.mark.parametrize(
    "template",
    ["[{}]({}#{})", "{0}: {1}; {0} {2}", "{a} {b} {c}", "{:>8} {!r} {}", "{0.real} {1[0]} {2}"],
)
def test_markdown_format_fills_fields_as_markupsafes_formatter_does(template):
    """Markdown.format's own path for plain fields escapes exactly as markupsafe's does."""
    for attack in ATTACKS:
        values = (
            [attack, Markdown(f"*{attack}*"), Shown()]
            if "real" not in template
            else [3, [attack], attack]
        )
        named = dict(zip("abc", values, strict=True))
        expected = EscapeFormatter(Markdown.escape).vformat(Markdown(template), values, named)
        assert Markdown(template).format(*values, **named) == expected
        assert type(Markdown(template).format(*values, **named)) is Markdown


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "http://www.turkmenistan.ru/en/node/3755",
        "https://kz.expert/en/news/643_why_did_berdymuhamedov_come_to_astana",
        "https://example.org/search?q=a&b=c#part",
        "https://例え.jp/パス",
    ],
)
def test_web_addresses_are_accepted(url):
    assert is_web_address(url)


@pytest.mark.parametrize(
    "url",
    [
        'https://x"><img src=x onerror=alert(1)>',
        'https://example.org/"><script>alert(1)</script>',
        "javascript:alert(1)//https://example.org",
        "https://",
        "https:/example.org",
        "https//example.org",
        "ftp://example.org/file",
        "https://exa mple.org/",
        "https://example.org:99999/",
        "https://user:secret@example.org/",
        "https://localhost/",
        "https://-bad-.example.org/",
        " https://example.org/",
        "https://example.org/\n",
    ],
)
def test_anything_but_a_web_address_is_refused(url):
    assert not is_web_address(url)


def _errors_of(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        build(project)
    return [str(p) for p in caught.value.problems]


def test_a_source_address_that_is_not_a_url_is_a_located_error_and_nothing_is_written(project):
    before = snapshot(project / "docs")
    edit(
        project / "data" / "sources.yaml",
        "url: https://kz.expert/en/news/world_practice/643_why_did_berdymuhamedov_come_to_astana",
        'url: https://kz.expert/"><img src=x onerror=alert(1)>',
    )
    errors = _errors_of(project)
    line = _line_of(project / "data" / "sources.yaml", "onerror")
    assert len(errors) == 1
    assert errors[0].startswith(f"data/sources.yaml:{line}:8: url: not a web address")
    assert snapshot(project / "docs") == before


def test_a_control_character_in_text_is_a_located_error(project):
    edit(project / "data" / "events.yaml", "title: ", 'title: "bell\\a "\n  x_was_title: ')
    edit(project / "data" / "events.yaml", "  x_was_title: ", "  # ")
    errors = _errors_of(project)
    line = _line_of(project / "data" / "events.yaml", "bell")
    assert errors == [
        f"data/events.yaml:{line}:10: title: control character U+0007 at character 5"
        " (got 'bell\\x07 ')"
    ]


def test_an_id_too_long_for_a_file_name_is_a_located_error_before_anything_is_written(project):
    before = snapshot(project / "docs")
    long_id = "-".join(["visit"] * 60)
    text = (project / "data" / "events.yaml").read_text("utf-8")
    first = re.search(r"^- id: (\S+)$", text, re.M)
    (project / "data" / "events.yaml").write_text(
        text.replace(first.group(0), f"- id: {long_id}", 1), "utf-8"
    )
    errors = _errors_of(project)
    assert any(
        e.startswith(f"data/events.yaml:{_line_of(project / 'data' / 'events.yaml', long_id)}:7:")
        and "at most 80 characters" in e
        for e in errors
    ), errors
    assert snapshot(project / "docs") == before


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_front_matter_is_yaml_that_reads_back_as_the_escaped_title():
    title = 'A "quoted": title # not a comment\n- not a list <b>'
    text = front_matter({"title": title, "tags": ["kind: visit", "O'Brien"]})
    assert text.startswith("---\n") and text.endswith("---\n")
    assert yaml.safe_load(text.strip("-\n")) == {"title": title, "tags": ["kind: visit", "O'Brien"]}


# Plain, each reads as something else in YAML 1.1 (MkDocs' PyYAML), in YAML 1.2 (ruamel), or both.
AMBIGUOUS = ["yes", "No", "on", "1:20", "1e3", "0o17", "-.5", "2024-01-01", "null", "~", "12"]


@pytest.mark.parametrize("value", AMBIGUOUS)
def test_front_matter_text_reads_back_as_text_in_yaml_1_1_and_1_2(value):
    fields = {"title": value, "tags": [value], "share_image": {"alt": value, "width": 12}}
    text = front_matter(fields)
    assert get_data(text + "# A page\n") == ("# A page\n", fields)  # as MkDocs reads a page
    assert (
        YAML(typ="safe", pure=True).load(text.removeprefix("---\n").removesuffix("---\n")) == fields
    )


def test_templates_never_concatenate_strings_or_mark_them_safe():
    """`~` and `safe` would let data meet built Markdown with only HTML escaping (or none)."""
    env = template_environment(Project(REPO))
    for path in sorted((REPO / "generator" / "templates").glob("*.j2")):
        tree = env.parse(path.read_text("utf-8"))
        assert not list(tree.find_all(nodes.Concat)), f"{path.name} uses ~"
        filters = {f.name for f in tree.find_all(nodes.Filter)}
        assert not filters & {"safe", "format", "striptags", "xmlattr", "urlize"}, path.name


THEME_SCRIPTS = {"base.html": "base.js", "palette.html": "palette.js", "content.html": "content.js"}


@pytest.mark.parametrize("partial", THEME_SCRIPTS)
def test_the_served_copies_of_the_themes_inline_scripts_match_the_installed_theme(partial):
    import material

    source = Path(material.__file__).parent / "templates" / "partials" / "javascripts" / partial
    inline = re.findall(r"<script>(.*?)</script>", source.read_text("utf-8"), re.S)[-1]
    inline = inline.replace(
        'new URL("{{ config.extra.scope | d(base_url) }}",location)',
        "new URL(document.currentScript.dataset.scope,location)",
    )
    served = REPO / "docs" / "assets" / "javascripts" / "theme" / THEME_SCRIPTS[partial]
    assert served.read_text("utf-8").split("*/\n", 1)[1].strip() == inline.strip()
