"""A chart and its files: the Vega-Lite spec, the Vega specs compiled from it and the static SVGs.

Each chart is compiled to Vega once, here, in a light and a dark version: the static SVGs are
drawn from them (what readers without JavaScript, printers and first paint see), and the browser
draws the same Vega specs when a reader reaches for a chart, so it never needs the Vega-Lite
compiler. The Vega-Lite specs stay as downloads, kept while their inputs are (`kept_specs`).
Each chart carries its title, alt text and sources. Each also has a picture of its own for a
phone's column, and the pages' <picture> picks it (`phone_media`). Rendering goes through
vl-convert, with the shipped font.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version as version_of
from pathlib import Path
from typing import ClassVar

import vl_convert

from ..incremental import file_sha256, files_under, key_digest, made_from
from ..paths import Project

# The charts' one typeface, shipped in generator/fonts (for the SVGs) and docs/assets/fonts (for
# the browser): a subset of Liberation Sans, renamed as its licence asks (scripts/chart_font.py).
FONTS = Path(__file__).resolve().parent.parent / "fonts"
FONT = "Report Sans"
# After it, faces with the same widths, for the static SVG shown as an image, which cannot load
# the page's web font.
FONT_STACK = f"'{FONT}', 'Liberation Sans', Arial, Helvetica, sans-serif"

# The dark versions, as vega-embed drew them on the dark palette: its "dark" theme on a transparent
# background, and text marks without a colour of their own in light grey instead of black.
DARK_THEME = "dark"
DARK_TEXT = "#e3e3e3"
# The live chart fills its column: the plot narrows so that axes and legend fit the width too.
FIT_WIDTH = {"type": "fit-x", "contains": "padding"}
# charts.js draws a chart live when its column would show the picture below this share of its
# width (its 10-pixel labels under 8 pixels); the same rule picks the phone's picture.
SMALLEST_SCALE = 0.8
# Below 960 pixels Material's content column is the window less 16 pixels a side.
PAGE_MARGINS = 32


@dataclass(frozen=True)
class Chart:
    slug: str  # file name stem under docs/charts/
    title: str
    caption: str  # how to read it, in a sentence
    alt: str  # alt text written from the data
    sources: tuple[str, ...]  # ids of the sources the chart draws on, most cited first
    data_files: tuple[str, ...]  # data/… files it comes from
    spec: dict
    phone_spec: dict  # the same chart laid out for a phone's column (see layout.laid_out)
    spec_key: str  # what both specs were built from (see kept_specs)
    rows: tuple[dict, ...]  # the data the chart draws, for its table
    columns: tuple[tuple[str, str], ...]  # (row key, table header)
    kept: Project | None = None  # whose compiled specs and SVGs to keep while their inputs are
    # What this build compiled and rendered, by (what, dark, phone): each is done once.
    made: dict = field(default_factory=dict, init=False, compare=False, repr=False)
    # Written on the figure, where charts.js reads it to tell whether the picture shown fits.
    smallest_scale: ClassVar[float] = SMALLEST_SCALE

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

    def json(self, marker: str, *, phone: bool = False) -> str:
        """The Vega-Lite spec, a download; its `usermeta` says what it was built from and holds
        what was built, so the next build can keep it (see kept_specs)."""
        # The marker goes first, where it is looked for.
        spec = self.phone_spec if phone else self.spec
        meta = {
            "generated": marker,
            "from": layout_key(self.spec_key, phone),
            "as": key_digest(spec),
        }
        return _compact({"usermeta": meta, **self._vega_lite(phone)})

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


def kept_specs(
    kept: Project | None, slug: str, inputs: dict, draw: Callable[[bool], dict]
) -> tuple[dict, dict, str]:
    """A chart's Vega-Lite specs, full-size and a phone's, and the key of what they are built from.

    `draw(phone)` builds a spec with Altair from `inputs` alone (plain JSON values). Importing
    Altair takes half a second and building the specs up to half a second more, in every build,
    so the specs in the project's SLUG[.phone].vl.json are kept while their `usermeta` names the
    same key (the inputs, Altair's version, the charts' code; and the layout) and holds what
    was built, as Chart.json writes them.
    """
    key = key_digest(slug, inputs, builder())
    if kept is not None:
        specs = [
            _kept_spec(kept, f"docs/charts/{slug}{'.phone' if phone else ''}.vl.json", key, phone)
            for phone in (False, True)
        ]
        if None not in specs:
            return specs[0], specs[1], key
    from altair.utils.schemapi import debug_mode

    # Altair checks each object against the schema as it is made (its "debug mode"), a third of
    # the charts' time; the specs are checked whole in the tests (test_render.py).
    with debug_mode(False):
        return draw(False), draw(True), key


def layout_key(key: str, phone: bool) -> str:
    """What one of a chart's two specs is built from: a full-size spec is never kept as a phone's."""
    return key_digest(key, "phone" if phone else "full-size")


def _kept_spec(project: Project, path: str, key: str, phone: bool) -> dict | None:
    """The spec in a published SLUG[.phone].vl.json if built from `key` and unchanged since."""
    try:
        text = (project.root / path).read_text("utf-8")
        spec = json.loads(text)
        meta = spec.pop("usermeta")
        description = spec.pop("description")
        marker = meta["generated"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    expected = {"generated": marker, "from": layout_key(key, phone), "as": key_digest(spec)}
    written = _compact({"usermeta": expected, "description": description, **spec})
    return spec if meta == expected and written == text else None


@functools.cache
def builder() -> str:
    """What builds the specs, once per process: Altair's version and this package's code (a
    change to either may change any chart's spec). The rest of the generator reaches the specs
    only through their inputs, so a change elsewhere does not rewrite every published spec."""
    package = Path(__file__).resolve().parent
    files = [p for p in files_under(package) if p.suffix == ".py"]
    code = [(p.relative_to(package).as_posix(), file_sha256(p)) for p in files]
    return key_digest(version_of("altair"), code)


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


def stable_clip_ids(svg: str) -> str:
    """Number clip paths from 1 in each file.

    vl-convert counts clip ids across every chart a process renders, so without this a chart's
    SVG would change whenever another chart is added before it.
    """
    order: dict[str, str] = {}
    for old in re.findall(r'id="(clip\d+)"', svg):
        order.setdefault(old, f"clip{len(order) + 1}")
    return re.sub(r"\bclip\d+\b", lambda m: order.get(m.group(0), m.group(0)), svg)
