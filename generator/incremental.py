"""Paying only for what changed: a build whose inputs and outputs are as the last one left them is skipped.

After a build that leaves docs/ and schema/ exactly as its inputs make them, `remember` writes
the inputs' digest and each output's SHA-256 to .cache/generator/last-build.json. `last_build`
reads that record back and vouches for it only if the inputs hash the same and every output,
and the list of files in the folders the generator writes, are as recorded; otherwise the
caller runs the whole build, which settles everything anew. The inputs are every file under
data/ and seeds/, mkdocs.yml, the generator's own code, templates and fonts, and the installed packages'
names and versions, so a changed template or an upgraded vl-convert also counts as a change.

This module and what it imports stay light (standard library only): the point of a skipped
build is that it costs next to nothing, imports included.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .paths import Project

CACHE = ".cache/generator"
RECORD = f"{CACHE}/last-build.json"
FORMAT = 1  # bumped when the record's layout changes
GENERATOR = Path(__file__).resolve().parent


def last_build(project: Project, *, preview: bool = False) -> dict | None:
    """The record of the last build if nothing has changed since, else None.

    A preview's build (see build.build) vouches only for another preview.
    """
    try:
        record = json.loads((project.root / RECORD).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        return None
    if not (preview or record.get("complete", True)):
        return None
    if record.get("inputs") != inputs_digest(project):
        return None
    if record.get("files") != files_in_generated_dirs(project):
        return None
    if any(file_sha256(project.root / path) != sha for path, sha in record["outputs"].items()):
        return None
    return record


def remember(
    project: Project,
    outputs: dict[str, bytes],
    counts: list[tuple[str, int]],
    *,
    complete: bool = True,
) -> None:
    """Record a build that left every output on disk as given; best effort (a cache)."""
    record = {
        "format": FORMAT,
        "complete": complete,
        "inputs": inputs_digest(project),
        "files": files_in_generated_dirs(project),
        "outputs": {path: hashlib.sha256(content).hexdigest() for path, content in outputs.items()},
        "counts": counts,
    }
    path = project.root / RECORD
    temporary = path.with_name(path.name + ".tmp")
    with contextlib.suppress(OSError):  # a read-only checkout just builds in full every time
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(record, indent=1, sort_keys=True), "utf-8")
        os.replace(temporary, path)


def writable_folder(*candidates: Path) -> Path | None:
    """The first of the folders that exists or can be made, and can be written: where a cache
    goes (a read-only checkout or installation has none, and does without)."""
    for folder in candidates:
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
    return None


def forget(project: Project) -> None:
    with contextlib.suppress(OSError):
        (project.root / RECORD).unlink()


def inputs_digest(project: Project) -> str:
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    for name in installed_packages():
        digest.update(f"package {name}\n".encode())
    digest.update(file_sha256(project.config).encode())  # the report's title and description
    for label, folder in (("data", project.data), ("seeds", project.seeds), ("code", GENERATOR)):
        for path in files_under(folder):
            digest.update(f"{label} {path.relative_to(folder).as_posix()}\n".encode())
            digest.update(file_sha256(path).encode())
    return digest.hexdigest()


def installed_packages() -> list[str]:
    """Every installed distribution's name and version, from the folder names pip leaves."""
    names = []
    for entry in sys.path:
        if entry.endswith(("site-packages", "dist-packages")) and os.path.isdir(entry):
            names += [n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info"))]
    return sorted(names)


def files_under(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in _walk(folder)
        if "__pycache__" not in path.parts and not path.name.endswith(".pyc")
    )


def _walk(folder: Path) -> Iterator[Path]:
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path))
            else:
                yield Path(entry.path)


def files_in_generated_dirs(project: Project) -> list[str]:
    """Every file where the generator writes: a file added or removed there asks for a full build."""
    return [project.relative(p) for folder in project.generated_dirs for p in files_under(folder)]


def file_sha256(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return "unreadable"


def encoded(outputs: Iterable) -> dict[str, bytes]:
    return {o.path: o.data for o in outputs}


def key_digest(*parts: object) -> str:
    """A short, stable name for everything an output was made from."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def made_from(project: Project, path: str, source: str) -> str | None:
    """The file at `path` if its first line says it was made from `source` and is unchanged since.

    Costly outputs (a chart's SVG) end their first line with "from SOURCE as CONTENT": the
    digests of what they were made from and of the rest of the file. So a build, even in a fresh
    clone with no cache, keeps them while their inputs stay the same and nobody edited them.
    """
    with contextlib.suppress(OSError, UnicodeDecodeError):
        text = (project.root / path).read_text("utf-8")
        first, _, rest = text.partition("\n")
        if first.endswith(f" from {source} as {key_digest(rest)} -->"):
            return text
    return None
