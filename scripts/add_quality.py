"""How well `python -m generator add` recovers what an editor wrote by hand from an article.

For each seed article: copy the project, remove the source and every record that cites it (the
ground truth), move the article out of seeds/, run `add` on it, and compare the draft's
candidates with the removed records, per record type:

- figure: same indicator, period, amount (value times scale) and currency or unit;
- claim: same kind, percent or factor, base period, and a subject that is the same figure;
- target: same indicator and amount;
- event: same kind, and dates that overlap;
- person, place, organisation: the candidate's name is the record's name or one of its spellings.

Precision: the share of candidates that match a removed record. Recall: the share of removed
records some candidate matches.

    .venv/bin/python scripts/add_quality.py          # the table, for both seed articles
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.dates import FuzzyDate, Period  # noqa: E402
from generator.drafts import FILE_OF  # noqa: E402
from generator.yamlfile import dump_list, read  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
KINDS = {kind: name for kind, name in FILE_OF.items() if kind != "disagreement"}


@dataclass(frozen=True)
class Score:
    article: str
    kind: str
    candidates: int
    records: int
    right: int  # candidates that match a record
    found: int  # records some candidate matches

    @property
    def precision(self) -> float:
        return self.right / self.candidates if self.candidates else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.records if self.records else 1.0


def cites(value: Any, source: str) -> bool:
    if isinstance(value, dict):
        if value.get("source") == source:
            return True
        return any(cites(v, source) for v in value.values())
    if isinstance(value, list):
        return any(cites(v, source) for v in value)
    return False


def remove_article(root: Path, source_id: str) -> tuple[Path, dict[str, list[Any]]]:
    """Take the article and everything citing it out of the project at `root`.

    Returns where the article now lies (outside seeds/) and the removed records by kind.
    """
    removed: dict[str, list[Any]] = {}
    seed_file = None
    for path in sorted((root / "data").glob("*.yaml")):
        records = read(path.read_text("utf-8"))
        kept = type(records)()
        for record in records:
            if path.name == "sources.yaml" and record.get("id") == source_id:
                seed_file = record["file"]
            elif cites(record, source_id) and path.name != "sources.yaml":
                removed.setdefault(path.name, []).append(record)
            else:
                kept.append(record)
        if len(kept) != len(records):
            path.write_text(dump_list(kept) if kept else "", "utf-8")
    outside = root.parent / seed_file
    shutil.move(root / "seeds" / seed_file, outside)
    return outside, {kind: removed.get(name, []) for kind, name in KINDS.items()}


def run_add(root: Path, article: Path) -> dict:
    command = [sys.executable, "-m", "generator", "add", str(article), "--root", str(root)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if result.returncode != 0:
        raise RuntimeError(f"add failed:\n{result.stdout}{result.stderr}")
    draft = next((root / "data" / "drafts").glob("*.yaml"))
    return read(draft.read_text("utf-8"))


def _amount(record: Any) -> tuple | None:
    try:
        scale = {None: 1, "thousand": 1e3, "million": 1e6, "billion": 1e9}[record.get("scale")]
        return round(float(record["value"]) * scale, 3), record.get("currency"), record.get("unit")
    except (KeyError, TypeError, ValueError):
        return None


def _period(value: Any) -> Period | None:
    try:
        return Period.parse(value)
    except (ValueError, TypeError):
        return None


def _overlap(a: Any, b: Any) -> bool:
    try:
        x, y = FuzzyDate.parse(a), FuzzyDate.parse(b)
    except (ValueError, TypeError):
        return False
    return x.start.first <= y.end.last and y.start.first <= x.end.last


def _names(record: Any) -> set[str]:
    return {str(n).lower() for n in [record.get("name"), *(record.get("spellings") or [])] if n}


def matches(kind: str, candidate: Any, truth: Any, figures: dict[str, Any], truths: dict) -> bool:
    """Whether a new candidate record is the removed record `truth` (see the module's rules)."""
    if kind == "figure":
        return (
            candidate.get("indicator") == truth.get("indicator")
            and _period(candidate.get("period")) == _period(truth.get("period"))
            and _amount(candidate) == _amount(truth)
        )
    if kind == "claim":
        same = candidate.get("kind") == truth.get("kind") and all(
            _number(candidate.get(k)) == _number(truth.get(k)) for k in ("percent", "factor")
        )
        same = same and _period(candidate.get("base")) == _period(truth.get("base"))
        subject = figures.get(candidate.get("subject"))
        true_subject = next((f for f in truths["figure"] if f["id"] == truth.get("subject")), None)
        if subject is None or true_subject is None:
            return same and candidate.get("subject") == truth.get("subject")
        return same and matches("figure", subject, true_subject, figures, truths)
    if kind == "target":
        return candidate.get("indicator") == truth.get("indicator") and _amount(
            candidate
        ) == _amount(truth)
    if kind == "event":
        return candidate.get("kind") == truth.get("kind") and _overlap(
            candidate.get("date"), truth.get("date")
        )
    return bool(_names(candidate) & _names(truth))


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def score(article: str, draft: dict, truths: dict[str, list[Any]]) -> list[Score]:
    by_kind: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    for candidate in draft["candidates"]:
        # A candidate adding a source to a record the project kept cannot be a removed record.
        by_kind[candidate["kind"]].append(
            candidate["record"] if candidate["action"] != "cite" else None
        )
    figures = {r["id"]: r for r in by_kind["figure"] if r is not None and "id" in r}
    scores = []
    for kind in KINDS:
        candidates, records = by_kind[kind], truths[kind]
        right = sum(
            1
            for c in candidates
            if c is not None and any(matches(kind, c, t, figures, truths) for t in records)
        )
        found = sum(
            1
            for t in records
            if any(c is not None and matches(kind, c, t, figures, truths) for c in candidates)
        )
        scores.append(Score(article, kind, len(candidates), len(records), right, found))
    return scores


def measure(source_id: str) -> list[Score]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        for name in ("data", "seeds"):
            shutil.copytree(REPO / name, root / name)
        article, truths = remove_article(root, source_id)
        return score(source_id, run_add(root, article), truths)


SEED_SOURCES = ("tazhibayev-2022", "trend-2025-04-22")


def table(scores: list[Score]) -> str:
    lines = [
        f"{'article':<18} {'records':<13} {'candidates':>10} {'in data':>8} {'precision':>10} {'recall':>8}"
    ]
    for s in scores:
        lines.append(
            f"{s.article:<18} {s.kind:<13} {s.candidates:>10} {s.records:>8} "
            f"{s.precision:>10.0%} {s.recall:>8.0%}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table([s for source in SEED_SOURCES for s in measure(source)]))
