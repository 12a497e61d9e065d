"""Where a generator build's CPU time goes, stage by stage: `.venv/bin/python benchmarks/stages.py [ROOT]`.

Imports are timed first; then one build (nothing written, kept chart files reused) runs under
cProfile, and each stage's cumulative time is printed. Profiling slows Python code, so read the
shares, not the seconds.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

STAGES = [
    "load",
    "parse_prose",
    "validated",
    "derive",
    "build_charts",
    "share_images",
    "export",
    "render_pages",
    "chart_outputs",
    "plan_changes",
]


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    started = time.process_time()
    from generator.build import build

    print(f"{'imports':<14} {time.process_time() - started:6.2f} s CPU (unprofiled)")
    profile = cProfile.Profile()
    profile.runcall(build, root, write=False)
    stats = pstats.Stats(profile).stats
    total = sum(
        ct
        for (path, _, name), (_, _, _, ct, _) in stats.items()
        if name == "build" and path.endswith("build.py")
    )
    for stage in STAGES:
        # The generator's own functions only: Jinja's loaders have a `load` too.
        spent = sum(
            ct
            for (path, _, name), (_, _, _, ct, _) in stats.items()
            if name == stage and f"{os.sep}generator{os.sep}" in path
        )
        print(f"{stage:<14} {spent:6.2f} s ({spent / total:4.0%} of the build, profiled)")


if __name__ == "__main__":
    main()
