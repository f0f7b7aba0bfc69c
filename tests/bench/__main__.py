"""Amanat's benchmarks: ``python -m tests.bench [--quick] [--only NAME]`` from the repository root.

Each case builds its own data from a fixed seed in a temporary folder, measures the archive
against a plain SQLite baseline in the same run, and the report goes to build/bench/report.md
and to standard output.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.bench import (
    archive_size_case,
    backup_case,
    bundle_case,
    casefile_case,
    gui_case,
    pdf_case,
    playback_case,
    poster_case,
    recording_import_case,
    redaction_case,
    report,
    scans,
    search_case,
    timeline_case,
    unlock_case,
)
from tests.bench.measure import peak_rss_mib
from tests.bench.report import Section

CASES: dict[str, Callable[[Path, bool], Section]] = {
    unlock_case.NAME: unlock_case.run,
    search_case.NAME: search_case.run,
    scans.NAME: scans.run,
    gui_case.NAME: gui_case.run,
    timeline_case.NAME: timeline_case.run,
    bundle_case.NAME: bundle_case.run,
    backup_case.NAME: backup_case.run,
    archive_size_case.NAME: archive_size_case.run,
    pdf_case.NAME: pdf_case.run,
    casefile_case.NAME: casefile_case.run,
    redaction_case.NAME: redaction_case.run,
    playback_case.NAME: playback_case.run,
    recording_import_case.NAME: recording_import_case.run,
    poster_case.NAME: poster_case.run,
}
REPORT_FOLDER = Path(__file__).resolve().parents[2] / "build" / "bench"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="much smaller data: a smoke run of a few seconds"
    )
    parser.add_argument("--only", choices=sorted(CASES), help="run just this case")
    arguments = parser.parse_args(argv)
    # A plain `kill` would otherwise skip the clean-up of the temporary folder below.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    started = time.perf_counter()
    sections = [report.machine()]
    memory = Section("Memory")
    memory_rows = []
    # Benchmark archives hold only generated text, but they can reach a gigabyte: a
    # temporary folder makes sure they go away, even when a case fails.
    with tempfile.TemporaryDirectory(prefix="amanat-bench-") as workdir:
        for name, run in CASES.items():
            if arguments.only and name != arguments.only:
                continue
            print(f"running {name}…", file=sys.stderr, flush=True)
            case_started = time.perf_counter()
            sections.append(run(Path(workdir), arguments.quick))
            memory_rows.append(
                [name, f"{time.perf_counter() - case_started:,.0f} s", f"{peak_rss_mib():,.0f} MiB"]
            )
    memory.table(["after case", "case took", "peak RSS so far"], memory_rows)
    memory.text(
        "Peak resident memory of the whole process (`getrusage`); Argon2id alone holds its"
        " memory parameter while it derives a key."
    )
    sections.append(memory)

    command = "python -m tests.bench" + "".join(
        f" {arg}" for arg in (argv if argv is not None else sys.argv[1:])
    )
    text = report.document(sections, command, time.perf_counter() - started)
    path = report.write(text, REPORT_FOLDER)
    print(text)
    print(f"written to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
