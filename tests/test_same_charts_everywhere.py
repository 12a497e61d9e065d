"""Every machine builds the same chart files: text is set in the font the repository ships,
and dates are placed in UTC, so neither the machine's fonts nor its time zone change a chart."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import vl_convert
from fontTools.ttLib import TTFont

from generator.charts import FONT, FONT_STACK, FONTS

from .conftest import REPO

WEB_FONTS = REPO / "docs" / "assets" / "fonts"
STYLES = ("Regular", "Bold")
# A tiny chart in Vega's default font, "sans-serif": whichever face the machine maps that to
# sets its width. It shows whether the fonts a test adds are seen at all.
PROBE = {
    "data": {"values": [{"t": "Ashgabat and Astana"}]},
    "mark": "text",
    "encoding": {"y": {"field": "t", "type": "nominal"}},
}


def committed(suffix: str) -> dict[Path, str]:
    return {p: p.read_text("utf-8") for p in sorted((REPO / "docs" / "charts").glob(f"*{suffix}"))}


def family(font: TTFont) -> str:
    return font["name"].getDebugName(1)


def test_every_chart_spec_names_the_shipped_font_first():
    specs = committed(".vl.json")
    assert specs
    for path, text in specs.items():
        assert json.loads(text)["config"]["font"] == FONT_STACK, path
    assert FONT_STACK.startswith(f"'{FONT}',")


def test_the_shipped_font_is_the_family_the_charts_name_with_its_licence_beside_it():
    for folder in (FONTS, WEB_FONTS):
        assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "OFL.txt").read_text("utf-8")
    for style in STYLES:
        ttf = TTFont(FONTS / f"ReportSans-{style}.ttf")
        woff2 = TTFont(WEB_FONTS / f"ReportSans-{style}.woff2")
        assert family(ttf) == family(woff2) == FONT
        # The browser draws with the very widths the SVG was measured with.
        assert ttf["hmtx"].metrics == woff2["hmtx"].metrics
        assert ttf.getBestCmap() == woff2.getBestCmap()


def test_every_character_the_charts_draw_is_in_the_shipped_font():
    """A character the font lacks would be measured in some font of the machine's instead."""
    drawn = set()
    for text in committed(".svg").values():
        for label in re.findall(r"<text[^>]*>(.*?)</text>", text, flags=re.S):
            drawn |= set(html.unescape(label))
    assert len(drawn) > 40
    for style in STYLES:
        covered = {chr(c) for c in TTFont(FONTS / f"ReportSans-{style}.ttf").getBestCmap()}
        assert sorted(drawn - covered - {" "}) == [], style


def test_the_svgs_reference_only_the_shipped_font():
    for path, text in committed(".svg").items():
        families = set(re.findall(r'font-family="([^"]*)"', text))
        assert families == {FONT_STACK}, (path, families)


def wide_impostors(folder: Path) -> None:
    """Fonts that call themselves Arial, Helvetica and Liberation Sans but are twice as wide."""
    folder.mkdir(parents=True)
    for name in ("Arial", "Helvetica", "Liberation Sans"):
        for style in STYLES:
            font = TTFont(FONTS / f"ReportSans-{style}.ttf")
            metrics = font["hmtx"].metrics
            for glyph, (advance, bearing) in metrics.items():
                metrics[glyph] = (advance * 2, bearing)
            for name_id, value in {1: name, 4: f"{name} {style}", 6: name.replace(" ", "")}.items():
                font["name"].setName(value, name_id, 3, 1, 0x409)
            font.save(folder / f"{name.replace(' ', '')}-{style}.ttf")


def build_elsewhere(tmp_path: Path, **env: str) -> dict:
    """Build in a fresh process with `env`: the chart files it would rewrite, the probe, and the
    time zone vl-convert saw."""
    script = (
        "import json, pathlib, sys, vl_convert\n"
        "from generator.build import build\n"
        "changes = build(pathlib.Path(sys.argv[1]), write=False, full=True).changes\n"
        "probe = vl_convert.vegalite_to_svg(json.loads(sys.argv[2]))\n"
        "zone = vl_convert.get_local_tz()\n"
        "print(json.dumps({'stale': changes.written + changes.removed, 'probe': probe, 'zone': zone}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(REPO), json.dumps(PROBE)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_chart_svgs_do_not_change_when_the_machine_has_other_fonts(tmp_path):
    home = tmp_path / "home"
    wide_impostors(home / ".fonts")  # vl-convert reads the user's fonts along with the system's
    report = build_elsewhere(tmp_path, HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    assert report["probe"] != vl_convert.vegalite_to_svg(PROBE), "the added fonts were not seen"
    assert report["stale"] == []


def test_chart_svgs_do_not_change_with_the_machines_time_zone(tmp_path):
    for zone in ("America/Los_Angeles", "Pacific/Kiritimati"):  # UTC-8 (or -7), UTC+14
        report = build_elsewhere(tmp_path, TZ=zone)
        assert (report["zone"], report["stale"]) == (zone, [])
