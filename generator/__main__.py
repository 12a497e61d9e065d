"""Command line: `python -m generator check|build|add|accept|review [--root DIR]`.

check: validate the data and say whether the generated files are up to date (exit 1 if not);
       list the drafts waiting for review and validate them too.
build: validate, then write what changed. Bad data: errors as FILE:LINE:COL, exit 2, nothing written.
add PATH: register a new article in seeds/ and data/sources.yaml, and draft the records it
       supports in data/drafts/, with a review page beside the draft.
accept DRAFT: move the candidates marked `decision: accept` into the data files.
review DRAFT: write the draft's review page again, after editing the draft.
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
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in [
        ("check", "validate; list out-of-date files and waiting drafts"),
        ("build", "validate, then write what changed"),
    ]:
        _with_root(commands.add_parser(name, help=text)).add_argument(
            "--full",
            action="store_true",
            help="work everything out anew, chart images too, even if nothing changed",
        )
    adding = _with_root(
        commands.add_parser("add", help="register an article and draft its records")
    )
    adding.add_argument(
        "article", type=Path, help="the article's text file (in seeds/ or to copy there)"
    )
    adding.add_argument(
        "--published", help="its date, when the text gives none: YYYY, YYYY-MM or YYYY-MM-DD"
    )
    adding.add_argument("--reasoning", help="why that date, if it is inferred")
    accepting = _with_root(
        commands.add_parser("accept", help="move accepted candidates into the data")
    )
    accepting.add_argument("draft", type=Path, help="data/drafts/SOURCE-ID.yaml")
    reviewing = _with_root(commands.add_parser("review", help="write a draft's review page again"))
    reviewing.add_argument("draft", type=Path, help="data/drafts/SOURCE-ID.yaml")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        if args.command == "add":
            return _add(args)
        if args.command == "review":
            return _review(args)
        if args.command == "accept":
            return _accept(args)
        drafts = _drafts(args.root) if args.command == "check" else []
        if not args.full and (record := _unchanged(args.root)):
            return _report_unchanged(args.command, record, drafts, time.perf_counter() - started)
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
        for line in drafts:
            print(line)
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


def _with_root(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: here)"
    )
    return parser


def _drafts(root: Path) -> list[str]:
    """One line per draft waiting for review; a draft with errors fails the check like data."""
    if not any(Project(root.resolve()).drafts.glob("*.yaml")):
        return []  # spares the imports below, which cost more than the rest of a skipped check
    from .drafts import load_drafts, summary

    return [
        f"draft waiting for review: {found.path} ({summary(found.draft)})"
        for found in load_drafts(Project(root.resolve()))
    ]


def _add(args: argparse.Namespace) -> int:
    from .add import add

    added = add(args.root, args.article, args.published, args.reasoning)
    if added.copied:
        print(f"copied the article to {added.seed}")
    print(f"registered {added.seed} as '{added.source_id}' in data/sources.yaml")
    counts = ", ".join(f"{n} {kind}" for kind, n in added.counts.items()) or "none"
    print(f"wrote {added.draft} (candidates: {counts})")
    print(f"review it in {added.review}")
    return 0


def _accept(args: argparse.Namespace) -> int:
    from .accept import accept

    done = accept(args.root, args.draft)
    for path in done.written:
        print(f"wrote {path}")
    for path in done.removed:
        print(f"removed {path}")
    print(f"moved {done.moved} candidates into the data; {done.left} left undecided")
    print("now run `python -m generator build` (or keep `mkdocs serve` running)")
    return 0


def _review(args: argparse.Namespace) -> int:
    from .review import rewrite_review

    print(f"wrote {rewrite_review(args.root, args.draft)}")
    return 0


def _unchanged(root: Path) -> dict | None:
    project = Project(root.resolve())
    with build_lock(project, writing=False):
        return last_build(project)


def _report_unchanged(command: str, record: dict, drafts: list[str], elapsed: float) -> int:
    counts = _counts(record["counts"])
    if command == "check":
        for line in drafts:
            print(line)
        print(f"data OK ({counts}); generated files are up to date ({elapsed:.2f} s)")
    else:
        unchanged = len(record["outputs"])
        print(f"nothing changed since the last build: {unchanged} unchanged ({elapsed:.2f} s)")
    return 0


def _counts(counts: list[tuple[str, int]]) -> str:
    return ", ".join(f"{number} {name}" for name, number in counts)


if __name__ == "__main__":
    sys.exit(main())
