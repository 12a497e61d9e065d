"""How build times grow with the data: the generator and MkDocs on copies of the data K times larger.

Run with `make bench-scale` (or `.venv/bin/python benchmarks/scale.py --k 1,3 --repeat 3`).

For each K it lays out a copy of the project in a temporary folder and multiplies the data: copy k
(k = 1 … K-1) of every record gets its own id (`-copy{k}` appended), every reference in it points
at copy k's records, and every date in it moves k spans earlier, a span being the years the
figures cover (see `year_span`), so no two copies share a figure's indicator and period or a
derived value's id. Sources keep their seed file and its sha256, so every quote is still found.
The chapters and the home page stay as they are: they cite copy 0, which keeps the original ids
and dates.

Copies go back in time, not forward, because the targets' progress is worked out from the latest
figures of the indicator: copy 0 must stay the latest for the chapters' figures on the targets to
exist. What cannot be copied faithfully: a "highest yet" claim now has earlier copies of the same
figures before it, so its check's verdict changes (a verdict is shown, never an error); and the
events of neighbouring copies may interleave in time, which no rule forbids.

Then it measures, each in a fresh process, the CPU seconds (user + system; the machine is shared,
so wall-clock time drifts) and the peak memory of:

- cold: `python -m generator build` with the build cache (.cache/) removed; docs/ is already
  written by a first build, so this is the cost of the generator's own work, not of a first write;
- no-op: the same again, nothing changed;
- edit: after changing one figure's value in data/figures.yaml, as an editor would;
- mkdocs: `mkdocs build --strict` with the generator's hook switched off.

It prints a Markdown table: the medians, the generator/MkDocs ratios, the peak memory, and the
fitted scaling exponent of each time column (the slope of log time against log K: 1 is linear).
"""

from __future__ import annotations

import argparse
import calendar
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq

from generator import model
from generator.dates import FuzzyDate, Period
from generator.load import yaml_parser
from generator.validate import REFERENCES, _inner_model

REPO = Path(__file__).resolve().parent.parent
PROJECT_FOLDERS = ("data", "seeds", "docs", "schema", "overrides")
SOURCE_KINDS = {"seed": model.SeedSource, "external": model.ExternalSource}
# Fields holding a year as a number rather than a date; they move with the copy's dates.
YEAR_FIELDS = {model.Statement: ("horizon_year",)}
LONG_RUN = 60.0  # CPU seconds: a measurement this slow is run once, however many repeats were asked


# --- The scaled copy --------------------------------------------------------------------------


def lay_out_project(root: Path) -> Path:
    """A copy of the project as the builds see it: data, seeds, docs, schema, overrides, config."""
    for name in PROJECT_FOLDERS:
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").mkdir()
    shutil.copy(REPO / "generator" / "hook.py", root / "generator" / "hook.py")
    return root


def suffix(k: int) -> str:
    return f"-copy{k}"


@dataclass(frozen=True)
class Copier:
    """Makes copy k of a record: its own ids, references to copy k, dates `years` × k earlier."""

    k: int
    years: int  # how far one copy's dates move from the one before

    def record(self, raw: Any, record_type: Any) -> dict:
        record_type = SOURCE_KINDS[raw["kind"]] if record_type is model.Source else record_type
        references = REFERENCES.get(record_type, {})
        copy = {}
        for key, value in raw.items():
            annotation = record_type.model_fields[key].annotation
            inner = _inner_model(annotation)
            if key == "id" or key in references:
                copy[key] = self.ids(value)
            elif _is_date(annotation):
                copy[key] = self.date(value)
            elif key in YEAR_FIELDS.get(record_type, ()):
                copy[key] = self.year(value)
            elif inner is not None and isinstance(value, list):
                copy[key] = [self.record(item, inner) for item in value]
            elif inner is not None and isinstance(value, dict):
                copy[key] = self.record(value, inner)
            else:
                copy[key] = plain(value)
        return copy

    def ids(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.ids(item) for item in value]
        return None if value is None else f"{value}{suffix(self.k)}"

    def date(self, value: Any) -> Any:
        """`2022`, `2022-10`, `2022-10-14` or a range `A/B` of those, k spans earlier."""
        if value is None:
            return None
        if isinstance(value, int):
            return self.year(value)
        return "/".join(self._moved(part) for part in str(value).split("/"))

    def year(self, year: int | None) -> int | None:
        if year is None:
            return None
        moved = year - self.k * self.years
        if moved < 1000:  # dates are written with four digits
            raise ValueError(f"copy {self.k} would move {year} to {moved}: choose a smaller K")
        return moved

    def _moved(self, part: str) -> str:
        year, rest = self.year(int(part[:4])), part[4:]
        # Spans are whole multiples of four years, so 29 February only lands in a year without
        # one at a century (2100); the day before keeps the copy valid.
        if rest == "-02-29" and not calendar.isleap(year):
            rest = "-02-28"
        return f"{year:04d}{rest}"


def _is_date(annotation: Any) -> bool:
    """Whether a field holds a date or a period, alone, optional or inside Annotated."""
    if annotation in (FuzzyDate, Period):
        return True
    return any(_is_date(arg) for arg in get_args(annotation) if arg is not annotation)


def plain(value: Any) -> Any:
    """Lists and dicts of our own, so no two copies share an object (YAML would alias them)."""
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def year_span(files: dict[str, CommentedSeq]) -> int:
    """Years from the earliest figure (or period a claim compares with) to the latest, rounded
    up to whole leap cycles: moved by this much, no two copies share an indicator's period."""
    periods = [Period.parse(raw["period"]) for raw in files.get("figures.yaml", [])]
    periods += [Period.parse(raw["base"]) for raw in files.get("claims.yaml", []) if "base" in raw]
    if not periods:
        return 4
    first, last = min(p.start.year for p in periods), max(p.end.year for p in periods)
    return math.ceil((last - first + 1) / 4) * 4


def data_writer() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)  # the data files' own layout
    yaml.width = 100
    return yaml


def scale_data(root: Path, times: int) -> int:
    """Makes the data under `root` `times` times larger; returns how many records it now holds."""
    reader = yaml_parser()
    files = {name: reader.load((root / "data" / name).read_text("utf-8")) for name in model.FILES}
    files = {name: records for name, records in files.items() if records}
    years = year_span(files)
    total = 0
    for name, records in files.items():
        originals = list(records)
        for k in range(1, times):
            copier = Copier(k, years)
            records.extend(copier.record(raw, model.FILES[name]) for raw in originals)
        with (root / "data" / name).open("w", encoding="utf-8") as out:
            data_writer().dump(records, out)
        total += len(records)
    return total


def edit_one_figure(root: Path, value: float) -> None:
    """Sets the first figure's value, changing only that scalar's text, as an editor would."""
    path = root / "data" / "figures.yaml"
    text = path.read_text("utf-8")
    figure = yaml_parser().load(text)[0]
    line, col = figure.lc.value("value")
    lines = text.splitlines(keepends=True)
    old = str(figure["value"])
    assert lines[line][col:].startswith(old), f"figures.yaml:{line + 1}: {lines[line]!r}"
    new = str(int(value)) if value.is_integer() else repr(value)
    lines[line] = lines[line][:col] + new + lines[line][col + len(old) :]
    path.write_text("".join(lines), "utf-8")


def mkdocs_config_without_hook(root: Path) -> Path:
    """A full copy of mkdocs.yml without its `hooks`, so MkDocs builds docs/ as they are.

    A copy, not `INHERIT:` with `hooks: []`, so the result does not hang on how MkDocs merges
    inherited lists.
    """
    yaml = YAML(typ="rt")
    config = yaml.load((root / "mkdocs.yml").read_text("utf-8"))
    del config["hooks"]
    path = root / "bench.yml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(config, out)
    return path


# --- Measuring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    cpu: float  # user + system seconds of the process and of whatever it waited for
    peak_mb: float  # its peak resident memory


# Runs the command and reports its usage as JSON on the last line of stderr. On Linux a child's
# peak memory starts at its parent's (the kernel carries the high-water mark across fork and
# exec), and this script holds the scaled data in memory; the wrapper is small, so what it
# reports is the command's own peak.
WRAPPER = """
import json, resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([code, usage.ru_utime + usage.ru_stime, usage.ru_maxrss]), file=sys.stderr)
"""


def run(command: list[str], cwd: Path) -> Run:
    """Runs a command in a fresh process and reads that process's own resource usage."""
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1"}
    wrapped = [sys.executable, "-I", "-c", WRAPPER, *command]
    result = subprocess.run(wrapped, cwd=cwd, env=env, capture_output=True, text=True)
    *log, report = result.stderr.rstrip("\n").split("\n")
    code, cpu, peak_kib = json.loads(report)  # Linux counts maxrss in KiB
    if code != 0:
        output = (result.stdout + "\n".join(log))[-4000:]
        sys.exit(f"{' '.join(command)} failed with exit {code} in {cwd}:\n{output}")
    return Run(cpu, peak_kib / 1024)


@dataclass(frozen=True)
class Row:
    k: int
    records: int
    runs: int
    cpu: dict[str, float]  # measurement -> median CPU seconds
    generator_mb: float
    mkdocs_mb: float


MEASUREMENTS = ("cold", "no-op", "edit", "mkdocs")


def measure(k: int, repeat: int) -> Row:
    with tempfile.TemporaryDirectory(prefix=f"scale-{k}-") as folder:
        root = lay_out_project(Path(folder) / "project")
        records = scale_data(root, k)
        build = [sys.executable, "-m", "generator", "build", "--root", str(root)]
        config = mkdocs_config_without_hook(root)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
        first_value = yaml_parser().load((root / "data/figures.yaml").read_text("utf-8"))[0]
        progress(f"K={k}: {records} records; first build")
        run(build, root)  # writes every page of the copy, so 'cold' times the generator alone

        def cold() -> Run:
            shutil.rmtree(root / ".cache", ignore_errors=True)
            return run(build, root)

        edits = itertools.count(1)

        def edited() -> Run:
            edit_one_figure(root, float(first_value["value"]) + next(edits))
            return run(build, root)

        actions = {
            "cold": cold,
            "no-op": lambda: run(build, root),
            "edit": edited,
            "mkdocs": lambda: run(mkdocs, root),
        }
        results: dict[str, list[Run]] = {}
        for name, action in actions.items():
            results[name] = []
            while len(results[name]) < repeat:
                results[name].append(action())
                last = results[name][-1]
                progress(f"K={k}: {name} {last.cpu:.2f} s, {last.peak_mb:.0f} MB")
                if name == "cold" and results[name][0].cpu > LONG_RUN:
                    repeat = 1  # large K: one run of each, or the benchmark takes an hour
    generator_runs = [r for name in MEASUREMENTS[:3] for r in results[name]]
    return Row(
        k=k,
        records=records,
        runs=repeat,
        cpu={name: statistics.median(r.cpu for r in runs) for name, runs in results.items()},
        generator_mb=max(r.peak_mb for r in generator_runs),
        mkdocs_mb=max(r.peak_mb for r in results["mkdocs"]),
    )


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def exponent(ks: list[int], seconds: list[float]) -> float | None:
    """Least-squares slope of log(seconds) against log(K): how the time grows with the data."""
    if len(set(ks)) < 2:
        return None
    xs, ys = [math.log(k) for k in ks], [math.log(s) for s in seconds]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    top = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return top / sum((x - mean_x) ** 2 for x in xs)


# --- The table --------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    header = [
        "K",
        "records",
        "cold s",
        "no-op s",
        "edit s",
        "mkdocs s",
        "cold/mkdocs",
        "no-op/mkdocs",
        "edit/mkdocs",
        "generator peak MB",
        "mkdocs peak MB",
        "runs",
    ]
    lines = [header, ["---:"] * len(header)]
    for row in rows:
        mkdocs = row.cpu["mkdocs"]
        lines.append(
            [
                str(row.k),
                str(row.records),
                *(f"{row.cpu[name]:.2f}" for name in MEASUREMENTS),
                *(f"{row.cpu[name] / mkdocs:.2f}" for name in MEASUREMENTS[:3]),
                f"{row.generator_mb:.0f}",
                f"{row.mkdocs_mb:.0f}",
                str(row.runs),
            ]
        )
    ks = [row.k for row in rows]
    slopes = [exponent(ks, [row.cpu[name] for row in rows]) for name in MEASUREMENTS]
    if slopes[0] is not None:
        fitted = ["" if s is None else f"{s:.2f}" for s in slopes]
        lines.append(["exponent", "", *fitted, *[""] * 6])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "| "
        + " | ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True))
        + " |"
        for line in lines
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--k", default="1,3,10,30", help="sizes, comma-separated (default 1,3,10,30)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    args = parser.parse_args(argv)
    ks = sorted({int(k) for k in args.k.split(",")})
    if ks[0] < 1 or args.repeat < 1:
        parser.error("K and --repeat must be at least 1")
    rows = []
    for k in ks:
        rows.append(measure(k, args.repeat))
        progress(table(rows[-1:]))  # so far, should a long run be stopped before the end
    print(
        f"{time.strftime('%Y-%m-%d')}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}. CPU seconds (user + system) "
        f"of one process, median of `runs` runs (one run once a cold build takes over "
        f"{LONG_RUN:.0f} s); peak resident memory, the largest of the runs.\n"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
