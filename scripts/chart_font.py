"""Cuts the font the charts are measured and drawn with from Liberation Sans 2 (SIL OFL 1.1).

    apt-get download fonts-liberation2 && dpkg-deb -x fonts-liberation2_*.deb /tmp/lib2
    pip install -e '.[tools]'
    python scripts/chart_font.py /tmp/lib2/usr/share/fonts/truetype/liberation2

Writes generator/fonts/ReportSans-{Regular,Bold}.ttf, which vl-convert measures the static SVGs
with, and docs/assets/fonts/ReportSans-{Regular,Bold}.woff2, which the browser draws the live
charts with: the same glyphs and widths in both. The subset keeps the Latin letters the data
can hold (Turkmen and Kazakh Latin included) and common punctuation, without hinting, which
keeps each web file near 20 KB. It is renamed because the OFL reserves the name "Liberation"
for the original.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Report Sans"
ROOT = Path(__file__).resolve().parent.parent
TTF_DIR = ROOT / "generator" / "fonts"
WEB_DIR = ROOT / "docs" / "assets" / "fonts"
UNICODES = [
    *range(0x20, 0x7F),  # ASCII
    *range(0xA0, 0x180),  # Latin-1 and Latin Extended-A: ä ç ň ö ş ü ý ž, Ä Ğ İ Ñ Ū …
    *range(0x2010, 0x2028),  # dashes, quotes, bullet, ellipsis
    *range(0x2030, 0x203B),  # per mille, primes, angle quotes
    0x20AC,  # euro
    0x2122,  # trade mark
    *range(0x2190, 0x2194),  # arrows
    0x2212,  # minus
]
KEPT_NAMES = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # with copyright, version and licence


def rename(font: TTFont, style: str) -> None:
    """A modified OFL font may not carry its Reserved Font Name, so every name record changes."""
    names = font["name"]
    postscript = f"{FAMILY.replace(' ', '')}-{style}"
    names.names = [r for r in names.names if r.platformID == 3 and r.nameID in KEPT_NAMES]
    for name_id, value in {
        1: FAMILY,
        2: style,
        3: f"{postscript}; subset of Liberation Sans 2.1.5",
        4: f"{FAMILY} {style}",
        6: postscript,
    }.items():
        names.setName(value, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English


def cut(source: Path, style: str) -> None:
    options = subset.Options()
    options.hinting = False
    options.name_IDs = KEPT_NAMES
    options.drop_tables += ["FFTM"]  # FontForge's timestamps
    options.notdef_outline = True
    font = TTFont(source, recalcTimestamp=False)  # the same input cuts the same bytes
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    rename(font, style)
    stem = f"{FAMILY.replace(' ', '')}-{style}"
    font.flavor = None
    font.save(TTF_DIR / f"{stem}.ttf")
    font.flavor = "woff2"
    font.save(WEB_DIR / f"{stem}.woff2")


def main(folder: str) -> None:
    TTF_DIR.mkdir(parents=True, exist_ok=True)
    WEB_DIR.mkdir(parents=True, exist_ok=True)
    for style in ("Regular", "Bold"):
        cut(Path(folder) / f"LiberationSans-{style}.ttf", style)


if __name__ == "__main__":
    main(sys.argv[1])
