"""The one orchestrator: load → validate → derive → charts → pages → write.

The command line and the MkDocs hook both call `build`; everything is gathered and checked
before the first file is written, so bad data leaves docs/ exactly as it was. One build runs at
a time (lock.py), from reading the data to the last file written.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from importlib.metadata import version as version_of
from pathlib import Path

import vl_convert

from . import incremental
from .chapters import parse_prose
from .charts import Chart, build_charts
from .derive import Analysis, derive
from .errors import DataError, Problem
from .export import FOLDER as DATASET
from .export import SQLITE, export
from .load import Loaded, load, load_report
from .lock import build_lock
from .pages import MARKER, Output, Publication, render_pages
from .paths import Project
from .schema import schema_outputs
from .share import share_images
from .validate import Dataset, validate
from .write import Changes, apply_changes, plan_changes, with_manifest


@dataclass(frozen=True)
class Result:
    data: Dataset
    analysis: Analysis
    outputs: list[Output]
    changes: Changes


def build(root: Path, *, write: bool = True, full: bool = False, preview: bool = False) -> Result:
    """Everything from the data; `full` renders anew what is otherwise kept while its inputs are.

    A `preview` (under `mkdocs serve`) keeps each share card's PNG as it is even when its chart
    changed, since drawing one takes seconds; the next build that is not a preview draws it.
    """
    project = Project(root.resolve())
    with build_lock(project, writing=write):
        loaded = load(project)
        report = load_report(project)
        chapters, prose_problems = parse_prose(loaded.prose)
        data = validated(loaded, prose_problems)
        analysis = derive(data)
        charts = build_charts(data, analysis, kept=None if full else project)
        images = share_images(project, charts, draw=not preview)
        dataset = export(data, report, _existing(project, f"{DATASET}/{SQLITE}"))
        publication = Publication(report, images, dataset.files)
        outputs = with_manifest(
            [
                *render_pages(project, data, analysis, charts, chapters, publication),
                *chart_outputs(charts),
                *(Output(image.path, image.content) for image in images.values()),
                *download_outputs(data),
                *(Output(path, content) for path, content in dataset.outputs),
                vega_bundle(project),
                *schema_outputs(),
            ]
        )
        changes = plan_changes(project, outputs)
        if write:
            apply_changes(project, outputs, changes)
        if write or not (changes.written or changes.removed):
            complete = all(image.current for image in images.values())
            incremental.remember(
                project, incremental.encoded(outputs), build_counts(data), complete=complete
            )
    return Result(data, analysis, outputs, changes)


def build_counts(data: Dataset) -> list[tuple[str, int]]:
    return [(name.removesuffix(".yaml"), len(records)) for name, records in data.records.items()]


def validated(loaded: Loaded, prose_problems: list[Problem]) -> Dataset:
    """The typed records; problems in the chapters are reported with those in the YAML."""
    try:
        data = validate(loaded)
    except DataError as error:
        raise DataError([*error.problems, *prose_problems]) from None
    if prose_problems:
        raise DataError(prose_problems)
    return data


def chart_outputs(charts: list[Chart]) -> list[Output]:
    """Per chart: the Vega-Lite specs (downloads), the Vega specs the browser draws and the
    static SVGs, light and dark, full-size and laid out for a phone (SLUG.phone[.dark].svg),
    and its data as CSV and JSON downloads."""
    outputs = []
    for chart in charts:
        marker = f"{MARKER} from {', '.join(chart.data_files)}: edit those files, not this one"
        stem = f"docs/charts/{chart.slug}"
        outputs.append(Output(f"{stem}.vl.json", chart.json(marker)))
        outputs.append(Output(f"{stem}.phone.vl.json", chart.json(marker, phone=True)))
        for phone, dark in ((False, False), (False, True), (True, False), (True, True)):
            name = f"{stem}{'.phone' if phone else ''}{'.dark' if dark else ''}"
            outputs.append(
                Output(f"{name}.vg.json", chart.vega_json(marker, dark=dark, phone=phone))
            )
            outputs.append(Output(f"{name}.svg", chart.svg(marker, dark=dark, phone=phone)))
        outputs.append(Output(f"{stem}.csv", chart.csv()))  # listed in the manifest, not marked
        outputs.append(Output(f"{stem}.data.json", chart.data_json(marker)))
    return outputs


def download_outputs(data: Dataset) -> list[Output]:
    """The data files themselves, published beside the pages; generated pages' edit links lead here."""
    outputs = []
    for name, text in data.texts.items():
        header = f"# {MARKER}: a copy of data/{name}, the file to edit\n"
        outputs.append(Output(f"docs/downloads/{name}", header + text))
    return outputs


# The runtime takes from vl-convert's copies only what draws a compiled spec: Vega's parser and
# view, the expression interpreter (the pages' Content-Security-Policy forbids eval) and the
# tooltip handler, at the versions its vega-embed imports. Not vega-embed: it brings Vega-Lite.
VENDORED = "https://cdn.jsdelivr.net/npm"
VEGA_INTERPRETER = "2.0.0"
VEGA_TOOLTIP = "1.0.0"
RUNTIME_SNIPPET = """
import {{ View, parse, loader }} from "{vendored}/vega@{vega}/+esm";
import {{ expressionInterpreter }} from "{vendored}/vega-interpreter@{interpreter}/+esm";
import {{ Handler }} from "{vendored}/vega-tooltip@{tooltip}/+esm";
window.vegaRuntime = {{ View, parse, loader, expressionInterpreter, TooltipHandler: Handler }};
"""


def vega_bundle(project: Project) -> Output:
    """Vega's runtime in one file, shipped with the site (no CDN, works offline); charts.js
    loads it only when a chart must be drawn live.

    Bundling takes seconds, so the file on disk is kept while its header names the installed
    vl-convert version and what it holds.
    """
    path = "docs/assets/javascripts/vega-runtime.js"
    versions = (
        f"Vega {vl_convert.get_vega_version()}, vega-interpreter {VEGA_INTERPRETER}, "
        f"vega-tooltip {VEGA_TOOLTIP}"
    )
    header = (
        f"/* {MARKER} from vl-convert-python {version_of('vl-convert-python')}: {versions} */\n"
    )
    with contextlib.suppress(OSError, UnicodeDecodeError):  # missing or damaged: bundle anew
        text = (project.root / path).read_bytes().decode("utf-8")
        if text.startswith(header):
            return Output(path, text)
    snippet = RUNTIME_SNIPPET.format(
        vendored=VENDORED,
        vega=vl_convert.get_vega_version(),
        interpreter=VEGA_INTERPRETER,
        tooltip=VEGA_TOOLTIP,
    )
    return Output(path, header + vl_convert.javascript_bundle(snippet) + "\n")


def _existing(project: Project, path: str) -> bytes | None:
    """A generated file's bytes as on disk, if it is there to be kept."""
    target = project.root / path
    if target.is_symlink() or not target.is_file():
        return None
    try:
        return target.read_bytes()
    except OSError:
        return None
