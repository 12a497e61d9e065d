"""Command line: `python -m generator check|build [--root DIR]`.

check: validate the data and say whether the generated files are up to date (exit 1 if not).
build: validate, then write what changed. Bad data: errors as FILE:LINE:COL, exit 2, nothing written.
A fault outside the data (another build holds the lock, a read-only or full disk): one line, exit 3.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import BuildFault, DataError
from .incremental import last_build
from .lock import build_lock
from .paths import Project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["check", "build"])
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: here)"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="rebuild everything, the chart images too, even if nothing changed since the last build",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        if not args.full and (record := _unchanged(args.root)):
            return _report_unchanged(args.command, record, time.perf_counter() - started)
        # Imported only when there is work to do: it loads Altair and Vega.
        from .build import build, build_counts

        result = build(args.root, write=args.command == "build", full=args.full)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 2
    except BuildFault as fault:
        print(fault, file=sys.stderr)
        return 3
    elapsed = time.perf_counter() - started
    changes = result.changes
    if args.command == "check":
        stale = changes.written + changes.removed
        for path in stale:
            print(f"out of date: {path}")
        verdict = (
            "generated files are up to date" if not stale else "run `python -m generator build`"
        )
        print(f"data OK ({_counts(build_counts(result.data))}); {verdict} ({elapsed:.2f} s)")
        return 1 if stale else 0
    for path in changes.written:
        print(f"wrote {path}")
    for path in changes.removed:
        print(f"removed {path}")
    print(f"{changes.summary()} ({elapsed:.2f} s)")
    return 0


def _unchanged(root: Path) -> dict | None:
    project = Project(root.resolve())
    with build_lock(project, writing=False):
        return last_build(project)


def _report_unchanged(command: str, record: dict, elapsed: float) -> int:
    counts = _counts(record["counts"])
    if command == "check":
        print(f"data OK ({counts}); generated files are up to date ({elapsed:.2f} s)")
    else:
        unchanged = len(record["outputs"])
        print(f"nothing changed since the last build: {unchanged} unchanged ({elapsed:.2f} s)")
    return 0


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{number} {name}" for name, number in counts.items())


if __name__ == "__main__":
    sys.exit(main())
