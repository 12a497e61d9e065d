"""One error type for bad input, printed like a compiler: `data/FILE.yaml:LINE:COL: what is wrong`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    file: str  # relative to the project root, e.g. "data/events.yaml"
    line: int  # 1-based
    col: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    location: Location
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text


class DataError(Exception):
    """Everything wrong with the input, gathered before any file is written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.location)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} error{'s' if count != 1 else ''}; nothing was written.")
        return "\n".join(lines)


class BuildFault(Exception):
    """A build that could not run or write for a reason outside the data.

    A lock held by another build, a read-only folder, a full disk: one line naming the path and
    what is wrong. Not a `DataError`, because no edit to the data fixes it.
    """


def describe(error: OSError) -> str:
    """'permission denied' from an OSError: the system's words, without the path shown beside them."""
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]
