"""Stage 5: write the generated files: only those whose content changed, each atomically.

A file is the generator's own if it carries the marker or, for formats that cannot carry one
(CSV), if the manifest `docs/.generated-files` lists it. Anything else under docs/ is hand-written
and is never overwritten or removed. Conflicts are found before anything is written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, Location, Problem
from .pages import MARKER, Output
from .paths import Project

MARKER_WINDOW = 2048  # the marker sits near the top (after any front matter) of each marked file
MANIFEST = "docs/.generated-files"  # MkDocs skips dot-files, so it is not published
UNMARKABLE = (".csv",)  # formats where the manifest alone vouches for a file


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.written)} written, {len(self.removed)} removed, {len(self.unchanged)} unchanged"


def is_generated(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(MARKER_WINDOW).decode("utf-8", "replace")
    except OSError:
        return False
    return MARKER in head


def with_manifest(outputs: list[Output]) -> list[Output]:
    listed = "\n".join(sorted(o.path for o in outputs))
    return [*outputs, Output(MANIFEST, f"# {MARKER}: the generator's own files\n{listed}\n")]


def existing_generated(project: Project) -> set[str]:
    found = set()
    for folder in project.generated_dirs:
        for path in folder.rglob("*") if folder.exists() else []:
            if path.is_file() and is_generated(path):
                found.add(project.relative(path))
    manifest = project.root / MANIFEST
    if manifest.exists():
        listed = manifest.read_text("utf-8").splitlines()[1:]
        found.update(
            rel for rel in listed if rel.endswith(UNMARKABLE) and (project.root / rel).is_file()
        )
    return found


def plan_changes(project: Project, outputs: list[Output]) -> Changes:
    """What writing `outputs` would do, refusing to touch any hand-written file."""
    changes = Changes()
    conflicts = []
    generated = existing_generated(project)
    for output in outputs:
        path = project.root / output.path
        if not path.exists():
            changes.written.append(output.path)
        elif output.path not in generated:
            message = f"{output.path} is hand-written; the generator will not overwrite it"
            conflicts.append(
                Problem(
                    Location(output.path, 1, 1), message, "rename or move the hand-written page"
                )
            )
        elif path.read_text("utf-8") != output.content:
            changes.written.append(output.path)
        else:
            changes.unchanged.append(output.path)
    if conflicts:
        raise DataError(conflicts)
    changes.removed = sorted(generated - {o.path for o in outputs})
    return changes


def apply_changes(project: Project, outputs: list[Output], changes: Changes) -> None:
    contents = {o.path: o.content for o in outputs}
    for rel in changes.written:
        _atomic_write(project.root / rel, contents[rel])
    for rel in changes.removed:
        (project.root / rel).unlink()


def _atomic_write(path: Path, content: str) -> None:
    """Write beside the target, then rename over it: readers see the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.chmod(temp, 0o644)  # mkstemp makes files private; pages are for everyone to read
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
