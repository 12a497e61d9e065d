"""Stage 5: write the generated files: only those whose content changed, all or none of them.

A file is the generator's own if it carries the marker or, for formats that cannot carry one
(CSV), if the manifest `docs/.generated-files` lists it. Anything else under docs/ is hand-written
and is never overwritten or removed. Conflicts are found before anything is written.

Writing goes in two steps: each changed file is written to a temporary file beside its target,
and only when all of them are complete is each renamed over its target. A failure on the way
removes the temporary files, so every file is its old self or its new one. The build holds the
lock (lock.py) throughout, so a temporary file found at the start was left by a killed build.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import BuildFault, DataError, Location, Problem, describe
from .pages import MARKER, Output
from .paths import Project

MARKER_WINDOW = 2048  # the marker sits near the top (after any front matter) of each marked file
FRONT_MATTER_LIMIT = 65536  # front matter is read past up to this length
MANIFEST = "docs/.generated-files"  # MkDocs skips dot-files, so it is not published
UNMARKABLE = (".csv", ".sqlite")  # formats where the manifest alone vouches for a file
TEMP_SUFFIX = ".generator-tmp"  # ".trade.md.generator-tmp": a dot-file, so MkDocs skips it too
BLOCK = 4096  # files take whole blocks on disk; counting them keeps the free-space check honest


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.written)} written, {len(self.removed)} removed, {len(self.unchanged)} unchanged"


def is_generated(path: Path) -> bool:
    """The marker is in the first MARKER_WINDOW bytes after the front matter, whose length grows
    with the data (a chart's alt text for the share card)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(FRONT_MATTER_LIMIT + MARKER_WINDOW).decode("utf-8", "replace")
    except OSError:
        return False
    if head.startswith("---\n"):
        end = head.find("\n---\n", 4)
        head = head[end + 5 :] if 0 < end < FRONT_MATTER_LIMIT else head
    return MARKER in head[:MARKER_WINDOW]


def with_manifest(outputs: list[Output]) -> list[Output]:
    listed = "\n".join(sorted(o.path for o in outputs))
    return [*outputs, Output(MANIFEST, f"# {MARKER}: the generator's own files\n{listed}\n")]


def temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}{TEMP_SUFFIX}")


def is_temp(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def _is_real_file(path: Path) -> bool:
    """A regular file, not a link: a link is never the generator's, so it is never written through."""
    return path.is_file() and not path.is_symlink()


def existing_generated(project: Project) -> set[str]:
    found = set()
    for folder in project.generated_dirs:
        for path in folder.rglob("*") if folder.is_dir() else []:
            if _is_real_file(path) and not is_temp(path) and is_generated(path):
                found.add(project.relative(path))
    manifest = project.root / MANIFEST
    if _is_real_file(manifest):
        listed = manifest.read_text("utf-8", "replace").splitlines()[1:]
        found.update(
            rel for rel in listed if rel.endswith(UNMARKABLE) and _is_real_file(project.root / rel)
        )
    return found


def leftover_temps(project: Project) -> list[str]:
    """Temporary files of a build that was killed before it could remove them."""
    found = []
    for folder in project.generated_dirs:
        for path in folder.rglob(f"*{TEMP_SUFFIX}") if folder.is_dir() else []:
            if is_temp(path) and not path.is_dir():
                found.append(project.relative(path))
    return sorted(found)


def plan_changes(project: Project, outputs: list[Output]) -> Changes:
    """What writing `outputs` would do, refusing to touch any hand-written file or to go through a link."""
    refuse_links(project, [o.path for o in outputs])
    changes = Changes()
    conflicts = []
    generated = existing_generated(project)
    for output in outputs:
        path = project.root / output.path
        if not os.path.lexists(path):
            changes.written.append(output.path)
        elif output.path not in generated:
            message = f"{output.path} is hand-written; the generator will not overwrite it"
            conflicts.append(
                Problem(
                    Location(output.path, 1, 1), message, "rename or move the hand-written page"
                )
            )
        elif path.read_bytes() != output.data:
            changes.written.append(output.path)
        else:
            changes.unchanged.append(output.path)
    if conflicts:
        raise DataError(conflicts)
    stale = sorted(generated - {o.path for o in outputs})
    refuse_links(project, stale)
    changes.removed = leftover_temps(project) + stale
    return changes


def refuse_links(project: Project, paths: list[str]) -> None:
    """Nothing is written or removed outside docs/ and schema/, whatever their folders point to."""
    problems = {problem.location: problem for rel in paths if (problem := _unsafe(project, rel))}
    if problems:
        raise DataError(list(problems.values()))


def _unsafe(project: Project, rel: str) -> Problem | None:
    """Why writing `rel` could land outside the generator's folders, if it could."""
    parts = PurePosixPath(rel).parts
    folders = [project.relative(folder) for folder in project.generated_dirs]
    if not parts or parts[0] not in folders or ".." in parts:
        return Problem(
            Location(rel, 1, 1), f"outside the generator's folders ({', '.join(folders)})"
        )
    path = project.root
    for part in parts:
        path = path / part
        if path.is_symlink():
            where = project.relative(path)
            message = (
                f"{where} is a symbolic link; the generator writes only real files and folders"
            )
            return Problem(Location(where, 1, 1), message, "replace the link with a real folder")
        if not path.exists():
            break  # the rest is created as real folders
    return None


def apply_changes(project: Project, outputs: list[Output], changes: Changes) -> None:
    """Write every changed file, then remove the stale ones; a failure before the renames changes nothing."""
    contents = {o.path: o.data for o in outputs}
    pending = {rel: contents[rel] for rel in changes.written}
    check_room(project, pending)
    _remove(project, [rel for rel in changes.removed if is_temp(Path(rel))])
    _rename(project, _write_temps(project, pending))
    _remove(project, [rel for rel in changes.removed if not is_temp(Path(rel))])


def write_files(project: Project, pending: dict[str, bytes]) -> None:
    """Files written whole, all or none: for commands that write data (`add`), not pages."""
    check_room(project, pending)
    _rename(project, _write_temps(project, pending))


def remove_files(project: Project, paths: list[str]) -> None:
    _remove(project, paths)


def check_room(project: Project, pending: dict[str, bytes]) -> None:
    """Refuse, before the first write, a name too long for its folder or more bytes than are free."""
    need: dict[int, int] = {}
    folder_on: dict[int, Path] = {}
    for rel, data in pending.items():
        target = project.root / rel
        folder = next(p for p in target.parents if p.exists())
        name_max = os.pathconf(folder, "PC_NAME_MAX")
        names = [*target.relative_to(folder).parts[:-1], temp_path(target).name]
        if any(len(name.encode()) > name_max for name in names):
            raise BuildFault(
                f"{rel}: cannot write: file name too long (this file system allows {name_max} "
                "bytes, with room for a temporary name); no file was changed"
            )
        device = os.stat(folder).st_dev
        need[device] = need.get(device, 0) + -(-len(data) // BLOCK) * BLOCK
        folder_on.setdefault(device, folder)
    for device, size in need.items():
        free = shutil.disk_usage(folder_on[device]).free
        if size > free:
            raise BuildFault(
                f"{project.relative(folder_on[device])}: cannot write: no space left on device "
                f"({size:,} bytes needed, {free:,} free); no file was changed"
            )


def _write_temps(project: Project, pending: dict[str, bytes]) -> dict[str, Path]:
    """A complete temporary file beside each target, or none at all."""
    temps: dict[str, Path] = {}
    rel = ""
    try:
        for rel, data in pending.items():
            target = project.root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            temps[rel] = temp_path(target)  # noted first: a half-written one is removed too
            _write_file(temps[rel], data)
    except BaseException as error:
        _discard(temps.values())
        if isinstance(error, OSError):
            raise BuildFault(
                f"{rel}: cannot write: {describe(error)}; no file was changed"
            ) from None
        raise
    return temps


def _write_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    with open(fd, "wb") as out:
        os.fchmod(fd, 0o644)  # pages are for everyone to read, whatever the umask
        out.write(data)


def _rename(project: Project, temps: dict[str, Path]) -> None:
    """Each complete temporary file over its target: readers see the old file or the new one."""
    for done, (rel, temp) in enumerate(temps.items()):
        try:
            os.replace(temp, project.root / rel)
        except OSError as error:
            _discard(temps.values())
            raise BuildFault(
                f"{rel}: cannot replace: {describe(error)}; {done} of {len(temps)} files were "
                "updated, each whole: build again"
            ) from None


def _remove(project: Project, paths: list[str]) -> None:
    for rel in paths:
        try:
            (project.root / rel).unlink(missing_ok=True)
        except OSError as error:
            raise BuildFault(f"{rel}: cannot remove: {describe(error)}") from None


def _discard(temps: Iterable[Path]) -> None:
    for temp in temps:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
