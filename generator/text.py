"""How text from the data reaches a page: always as text, never as Markdown, HTML or YAML.

Pages are Markdown, built from templates. A value from the data is escaped for Markdown and HTML
at the one place it meets the page: Jinja's `finalize` (which is `Markdown.escape`), or
`Markdown.format` in Python code. What the generator builds itself (links, footnote marks) is
`Markdown`, which is trusted and passes unescaped. Losing that mark over-escapes (visible, and caught by the tests); it never
lets data through as markup.
"""

from __future__ import annotations

import functools
import re
import string
from html import escape as html_escape
from typing import Any
from urllib.parse import quote, urlsplit

import yaml
from markupsafe import Markup
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

# Characters that are Markdown syntax anywhere in a line, for Python-Markdown and the page's
# extensions (attr_list braces, footnote brackets, table pipes), escaped with a backslash.
_BACKSLASHED = "\\`*_{}[]#!"
# Characters that are HTML or split table cells: escaped as character references.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
_TABLE = str.maketrans({**{c: "\\" + c for c in _BACKSLASHED}, **_ENTITIES})
# At the start of a line, these begin a list, a rule, a fenced block or a collapsible block:
# "- ", "+ ", "1. ", "---", "~~~", "???" (quotes, headings and admonitions are escaped above).
_LINE_START = re.compile(r"^(\s*)(\d+[.)]|[-+=~?:])(?=\s|$|[-+=~?:])")
# Line breaks and spacing fold to one space; a no-break space is content and stays.
_WHITESPACE = re.compile(r"[ \t\n\v\f\r\x85\u2028\u2029]+")


def escape_text(value: Any) -> str:
    """Data text as Markdown that renders exactly that text, on one line.

    Runs of whitespace fold to one space (as HTML would show them), so text can never start a
    new block: no list, heading, table row or code block can come out of it.
    """
    text = _WHITESPACE.sub(" ", str(value)).translate(_TABLE)
    return _LINE_START.sub(lambda m: m.group(1) + _character_references(m.group(2)), text)


def _character_references(text: str) -> str:
    return "".join(c if c.isdigit() else f"&#{ord(c)};" for c in text)


class Markdown(Markup):
    """Markdown the generator built itself; anything combined with it is escaped as text.

    `Markdown("[{}]({})").format(label, href)`, `+` and `join` escape every value that is not
    already Markdown (markupsafe's machinery, with Markdown's escaping instead of HTML's).
    """

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any) -> Markdown:
        if type(s) is str:  # the common case first: Jinja escapes every value it prints
            return cls(escape_text(s))
        if type(s) is cls:
            return s
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(escape_text(s))

    def format(self, *args: Any, **kwargs: Any) -> Markdown:
        """markupsafe's `format`, which reads the template in Python at every call (a page makes
        thousands); a template of plain fields (`{}`, `{0}`, `{name}`) is filled by str.format
        with each value escaped as markupsafe's formatter would escape it."""
        if not _plain_fields(str(self)):
            return super().format(*args, **kwargs)
        fields = {name: self._field(value) for name, value in kwargs.items()}
        return self.__class__(str.format(self, *map(self._field, args), **fields))

    @classmethod
    def _field(cls, value: Any) -> str:
        """A value as markupsafe's EscapeFormatter gives it to a field without a format spec."""
        if hasattr(value, "__html_format__"):
            value = value.__html_format__("")
        elif hasattr(value, "__html__"):
            value = value.__html__()
        else:
            value = format(value, "")
        return str(cls.escape(value))


@functools.lru_cache(maxsize=256)
def _plain_fields(template: str) -> bool:
    """Whether every field is `{}`, `{0}` or `{name}`: no format spec, conversion or lookup."""
    return all(
        not spec and conversion is None and (not name or name.isdigit() or name.isidentifier())
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    )


def code(value: str) -> Markdown:
    """Text shown as code: a backtick fence longer than any run of backticks inside it."""
    text = _WHITESPACE.sub(" ", value)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markdown(f"{fence}{pad}{text}{pad}{fence}")


def href(url: str) -> str:
    """An address for a link's target: characters that Markdown or HTML could read percent-encoded.

    The address was checked as a URL on validation (model.WebAddress); this only makes sure that
    what reaches the page is the same address, whatever characters it holds.
    """
    return quote(url, safe="/:?#=&%@+,;~!$'.-_")


def address(url: str) -> Markdown:
    """A link to an outside address, showing the address itself."""
    return Markdown("[{}]({})").format(url, Markdown(href(url)))


def is_web_address(url: str) -> bool:
    """An absolute http(s) URL with a host name, as a URL parser reads it, not a prefix match."""
    if _WHITESPACE.search(url) or any(ord(c) < 32 or c in '"<>\\^`{|}' for c in url):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a bad port
    except ValueError:
        return False
    host = parts.hostname or ""
    labels = host.split(".")
    return (
        parts.scheme in ("http", "https")
        and len(labels) >= 2
        and all(_HOST_LABEL.fullmatch(label) for label in labels)
        and (port is None or 0 < port < 65536)
        and not parts.username
        and not parts.password
    )


_HOST_LABEL = re.compile(r"(?!-)[^\W_](?:[\w-]{0,61}[^\W_])?", re.UNICODE)


def html_text(value: str) -> str:
    """Text for a place the theme inserts as HTML without escaping (a page's title, its tags)."""
    return html_escape(_WHITESPACE.sub(" ", value).strip(), quote=False)


_YAML_1_2 = VersionedResolver()
_NUMBER_STARTS = frozenset("0123456789+-.")


def front_matter(fields: dict[str, Any]) -> str:
    """A page's YAML front matter, written by a YAML writer (never by string formatting)."""
    text = yaml.dump(
        fields,
        Dumper=_FrontMatterDumper,
        sort_keys=False,  # keeps the fields in the order given
        allow_unicode=True,
        width=4096,  # one line per value: no folding for the page's readers to trip over
        indent=2,
    )
    return f"---\n{text}---\n"


class _FrontMatterDumper(yaml.SafeDumper):
    """PyYAML's safe writer, some three times faster than ruamel's, with ruamel's layout (which
    the pages had before): list items indented under their key, text holding a `'` in double
    quotes. Text is written plain only if YAML 1.1 (PyYAML, which MkDocs reads front matter with)
    and YAML 1.2 (ruamel, other builders) both read it back as text: `yes`, `1e3` are quoted."""

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        tag = super().resolve(kind, value, implicit)
        # Words YAML 1.2 reads otherwise (null, true) YAML 1.1 does too; only numbers and dates
        # differ, and they start thus: asking ruamel costs as much as writing the value.
        if tag == self.DEFAULT_SCALAR_TAG and implicit[0] and value[:1] in _NUMBER_STARTS:
            return str(_YAML_1_2.resolve(ScalarNode, value, implicit))
        return tag

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str:
        style = super().choose_scalar_style()
        value = self.event.value
        if style == "'" and self.analysis.allow_double_quoted and ("'" in value or "\n" in value):
            return '"'
        return style


def html_attribute(value: str) -> str:
    """Text for an HTML attribute the theme fills without escaping (a page's description)."""
    return html_text(value).replace('"', "&quot;")


# BibTeX reads these as syntax; each becomes the LaTeX that prints the character itself.
_BIBTEX = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def bibtex_text(value: str) -> str:
    """Data text as a BibTeX field value that prints exactly that text, on one line."""
    return _WHITESPACE.sub(" ", value).strip().translate(_BIBTEX)


def code_block(text: str) -> Markdown:
    """Text shown as a block of code: a fence longer than any run of backticks inside it."""
    fence = "`" * max(3, max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return Markdown(f"{fence}\n{text.rstrip()}\n{fence}")
