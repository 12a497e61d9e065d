"""Where things live in a project. Every stage gets paths from here, never by building them itself."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def outline(self) -> Path:
        """Country outlines for the map (see scripts/extract_outline.py)."""
        return self.data / "geo" / "countries.geo.json"

    @property
    def chapters(self) -> Path:
        return self.data / "chapters"

    @property
    def home(self) -> Path:
        """The home page's opening, written like a chapter."""
        return self.data / "home.md"

    @property
    def prose(self) -> list[Path]:
        """The report's prose: the home page's opening and the chapters, in file-name order."""
        home = [self.home] if os.path.lexists(self.home) else []
        return home + sorted(self.chapters.glob("*.md"))

    @property
    def drafts(self) -> Path:
        """Candidate records `add` drafted, waiting for an editor; the build never reads them."""
        return self.data / "drafts"

    @property
    def config(self) -> Path:
        """mkdocs.yml: the report's title, which citations and the data package name."""
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def schema(self) -> Path:
        return self.root / "schema"

    @property
    def templates(self) -> Path:
        return Path(__file__).parent / "templates"

    @property
    def generated_dirs(self) -> list[Path]:
        """Folders the generator writes into; only files it marked there are its own."""
        return [self.docs, self.schema]

    @property
    def watched(self) -> list[Path]:
        """What `mkdocs serve` watches so an edit regenerates the pages."""
        return [self.data, self.seeds, self.templates]

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()
