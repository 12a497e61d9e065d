"""A PNG of each chart: the picture a page's share card shows (its og:image).

Rendering takes seconds per chart, so a PNG on disk is kept while the text it carries (a PNG
tEXt chunk, which also marks it as the generator's) names the hash of the spec it was drawn from
and the vl-convert that drew it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import struct
import zlib
from dataclasses import dataclass
from importlib.metadata import version as version_of

import vl_convert

from .charts import Chart, register_font
from .pages import MARKER
from .paths import Project

SCALE = 1.5  # about 900 pixels wide: sharp in a card, far smaller than twice the size
SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Image:
    path: str  # under the project: docs/charts/SLUG.png
    content: bytes
    width: int
    height: int
    current: bool = True  # False: an older drawing, kept by a preview (see build.build)

    @property
    def site_path(self) -> str:
        return self.path.removeprefix("docs/")


def share_images(project: Project, charts: list[Chart], draw: bool = True) -> dict[str, Image]:
    """Each chart's PNG by slug: the one on disk when it was drawn from the same spec.

    Without `draw`, any PNG the generator drew before is kept, marked as not current.
    """
    return {chart.slug: _image(project, chart, draw) for chart in charts}


def _image(project: Project, chart: Chart, draw: bool) -> Image:
    path = f"docs/charts/{chart.slug}.png"
    # A white ground: a card shows the PNG on whatever colour the app uses.
    spec = {"description": chart.alt, **chart.spec, "background": "white"}
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()
    note = (
        f"{MARKER} from {', '.join(chart.data_files)}: edit those files, not this one; "
        f"vl-convert {version_of('vl-convert-python')}, scale {SCALE}, spec sha256 {digest}"
    )
    with contextlib.suppress(OSError):
        old = (project.root / path).read_bytes()
        if old.startswith(SIGNATURE) and _text_chunk(note) in old[:4096]:
            return Image(path, old, *_size(old))
        if not draw and old.startswith(SIGNATURE) and _comment(MARKER) in old[:4096]:
            return Image(path, old, *_size(old), current=False)
    register_font()
    png = vl_convert.vegalite_to_png(spec, scale=SCALE)
    marked = _with_text(png, note)
    return Image(path, marked, *_size(marked))


def _size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])  # IHDR, the first chunk
    return width, height


def _comment(text: str) -> bytes:
    return b"Comment\x00" + text.encode("latin-1", "replace")


def _text_chunk(text: str) -> bytes:
    data = _comment(text)
    kind = b"tEXt"
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _with_text(png: bytes, text: str) -> bytes:
    """The PNG with a text chunk after its header, near the top, where the marker is looked for."""
    end_of_header = len(SIGNATURE) + 8 + 13 + 4  # length, type, IHDR's 13 bytes, CRC
    return png[:end_of_header] + _text_chunk(text) + png[end_of_header:]
