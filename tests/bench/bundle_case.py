"""Benchmark: export and import a bundle of about 1 GB (250 phone photos of about 4 MB), against
`tar | age` and `age -d | tar -x` on the same files in the same run.

The bundle leaves with the originals (``--keep-metadata``), so both sides carry the same bytes:
a sanitised export re-encodes every photo, which is the price of stripping metadata, not of
the bundle. Each measured run is a process of its own, and its peak memory is the peak of the
export or import alone: the child opens the archive (Argon2id holds 64 MiB while it derives the
key), then resets its high-water mark (``/proc/self/clear_refs``) before the timed work. The
baseline's peak is that of its largest process (`tar` or `age`). Both sides make their output
durable before the clock stops: Amanat fsyncs the bundle and commits with ``synchronous=FULL``,
so the baseline runs `sync` on what it wrote.

The import and its baseline run IMPORT_RUNS times each, one after the other in turn (each
import into a fresh copy of the receiving archive, each baseline into an empty folder), and
the fastest of each is compared: on a shared machine another's work only ever adds time, and
a single run of either side swung between 0.8× and 2.7×. Every run's time is in the report.

Goal: each within 1.3× of its baseline's time, peak memory under 250 MB. The number of photos
can be set with AMANAT_BENCH_BUNDLE_PHOTOS (250 by default, about 1 GB) for a shorter run.

    python -m tests.bench --only bundle [--quick]   (or python -m tests.bench.bundle_case)
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.measure import progress
from tests.bench.report import Section
from tests.bench.scans import make_photos

NAME = "bundle"
PHOTOS = int(os.environ.get("AMANAT_BENCH_BUNDLE_PHOTOS", "250"))
QUICK_PHOTOS = 6
IMPORT_RUNS = int(os.environ.get("AMANAT_BENCH_BUNDLE_RUNS", "3"))
GOAL_RATIO = 1.3
GOAL_PEAK_MB = 250
PASSWORD = "benchmark password"
AGE = "/usr/bin/age"
AGE_KEYGEN = "/usr/bin/age-keygen"


# --- Setting up (not measured) ------------------------------------------------------------


def _sender(photos: Path, folder: Path) -> None:
    """An archive holding the photos as the pages of one letter."""
    from amanat.core.keyslots import FLOOR
    from amanat.core.records import Document, DocumentKind
    from amanat.core.storage import documents, pages
    from amanat.core.vault import Archive

    with Archive.create(folder, PASSWORD, kdf=FLOOR) as archive:
        letter = documents.add(archive.db, Document(DocumentKind.LETTER, "Letters from Evin"))
        for path in sorted(photos.glob("*.jpg")):
            pages.add(archive.db, letter.id, path.read_bytes(), path.name)
        archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _receiver(sender: Path, folder: Path) -> str:
    """An advocate's archive that knows the sender; returns its ``age1…`` key."""
    from amanat.core.bundle import contacts, identity
    from amanat.core.keyslots import FLOOR
    from amanat.core.vault import Archive

    with Archive.open(sender, PASSWORD) as opened:
        keys = identity.ensure(opened.db)
        age_key, signing_key = keys.age_recipient, keys.signing_key
    with Archive.create(folder, PASSWORD, kdf=FLOOR) as archive:
        contacts.add(archive.db, "Family lawyer", age_key, signing_key, verified=True)
        return identity.ensure(archive.db).age_recipient


# --- Measured, each in a child process ----------------------------------------------------


def _reset_peak() -> None:
    """Forget the peak so far: what follows is measured alone (Linux 4.0 and later)."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def _export(sender: Path, bundle: Path, recipient: str) -> dict[str, float]:
    from amanat.core.bundle import X25519Recipient
    from amanat.core.bundle.export import ExportOptions, ExportScope, plan_export, write_bundle
    from amanat.core.vault import Archive

    with Archive.open(sender, PASSWORD) as archive:
        [letter] = [row[0] for row in archive.db.all("SELECT id FROM documents")]
        _reset_peak()
        started = time.perf_counter()
        plan = plan_export(
            archive.db, ExportScope(document_ids=(letter,)), ExportOptions(originals=True)
        )
        written = write_bundle(archive.db, plan, bundle, [X25519Recipient.parse(recipient)])
        seconds = time.perf_counter() - started
        peak = _peak_mb()
    return {"seconds": seconds, "peak_mb": peak, "bytes": written.size, "files": written.files}


def _import(receiver: Path, bundle: Path, pictures_too: bool) -> dict[str, float]:
    """The import up to its commit, timed; then, timed apart, the pass that draws the pages'
    thumbnails and previews after it (as ``amanat import-bundle`` runs it, and the window in
    the background)."""
    from amanat.core.bundle import identity
    from amanat.core.bundle.importer import import_bundle
    from amanat.core.scans import previews
    from amanat.core.vault import Archive
    from tests.bench.scans import _workers_peak_mb

    with Archive.open(receiver, PASSWORD) as archive:
        key = identity.ensure(archive.db).age_identity
        _reset_peak()
        started = time.perf_counter()
        report = import_bundle(archive.db, bundle, [key])
        seconds = time.perf_counter() - started
        peak = _peak_mb()
        if not report.imported:
            raise AssertionError("the bundle was not imported")
        if not pictures_too:
            return {"seconds": seconds, "peak_mb": peak, "files": report.counts["files"]}
        _reset_peak()
        started = time.perf_counter()
        drawn = previews.make_previews(archive.db, previews.missing(archive.db))
        pictures = time.perf_counter() - started
        pictures_peak = _peak_mb()
        if drawn != report.counts["files"]:
            raise AssertionError("the pass did not draw every page")
        workers_peak = _workers_peak_mb()
    return {
        "seconds": seconds,
        "peak_mb": peak,
        "files": report.counts["files"],
        "pictures": pictures,
        "pictures_peak_mb": pictures_peak,
        "workers_peak_mb": workers_peak,
    }


def _database_read(sender: Path) -> dict[str, float]:
    """What no export can avoid: every original read out of its segment and opened (each
    chunk authenticated), one at a time, and nothing done with it."""
    from amanat.core.segments import objects
    from amanat.core.vault import Archive

    with Archive.open(sender, PASSWORD) as archive:
        _reset_peak()
        started = time.perf_counter()
        for (object_id,) in archive.db.all("SELECT object_id FROM files"):
            for _ in objects.locate(archive.db, object_id).chunks():
                pass
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": _peak_mb()}


def _database_write(photos: Path, folder: Path) -> dict[str, float]:
    """What no import can avoid: every file hashed, sealed into a segment and recorded in
    one transaction, synced and committed (the files read from the page cache)."""
    import hashlib

    from amanat.core.storage import pages
    from amanat.core.vault import Archive

    with Archive.open(folder, PASSWORD) as archive:
        _reset_peak()
        started = time.perf_counter()
        with archive.db.transaction():
            for path in sorted(photos.glob("*.jpg")):
                data = path.read_bytes()
                pages.store_file(archive.db, hashlib.sha256(data).hexdigest(), data)
        seconds = time.perf_counter() - started
        peak = _peak_mb()
    return {"seconds": seconds, "peak_mb": peak}


def _pipeline(command: str) -> dict[str, float]:
    """A shell pipeline, timed; its peak is that of its largest process (ru_maxrss of the
    children of this fresh process, which has no others)."""
    started = time.perf_counter()
    subprocess.run(["bash", "-o", "pipefail", "-c", command], check=True)
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "peak_mb": peak_kib / 1024}


def _child(kind: str, arguments: list[str]) -> None:
    if kind == "export":
        result = _export(Path(arguments[0]), Path(arguments[1]), arguments[2])
    elif kind == "import":
        result = _import(Path(arguments[0]), Path(arguments[1]), arguments[2] == "pictures")
    elif kind == "database-read":
        result = _database_read(Path(arguments[0]))
    elif kind == "database-write":
        result = _database_write(Path(arguments[0]), Path(arguments[1]))
    else:
        result = _pipeline(arguments[0])
    print(json.dumps(result))


def _measure(kind: str, *arguments: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.bundle_case", "--child", kind, *arguments],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} run failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(workdir: Path, quick: bool) -> Section:
    count = QUICK_PHOTOS if quick else PHOTOS
    photos = workdir / "bundle-photos"
    photos.mkdir()
    average = make_photos(photos, count)
    total = sum(path.stat().st_size for path in photos.iterdir())
    progress(f"bundle: {count} photos, {total / 1e6:,.0f} MB; filling the sender's archive")
    sender, receiver = workdir / "sender.amanat", workdir / "receiver.amanat"
    _sender(photos, sender)
    recipient = _receiver(sender, receiver)
    key_file = workdir / "age-key.txt"
    subprocess.run([AGE_KEYGEN, "-o", str(key_file)], check=True, capture_output=True)
    age_recipient = next(
        line.split(": ", 1)[1]
        for line in key_file.read_text().splitlines()
        if line.startswith("# public key: ")
    )

    progress("bundle: tar | age")
    tarred, untarred = workdir / "baseline.tar.age", workdir / "baseline-out"
    untarred.mkdir()
    base_export = _measure(
        "pipeline",
        f"tar -cf - -C {photos} . | {AGE} -r {age_recipient} -o {tarred} && sync {tarred}",
    )
    progress("bundle: the encrypted database alone")
    floor = workdir / "floor.amanat"
    _empty_archive(floor)
    read_floor = _measure("database-read", str(sender))
    write_floor = _measure("database-write", str(photos), str(floor))
    shutil.rmtree(floor)
    bundle = workdir / "bundle.age"
    progress("bundle: amanat export")
    export = _measure("export", str(sender), str(bundle), recipient)
    base_imports, imports = [], []
    for attempt in range(IMPORT_RUNS):
        progress(f"bundle: age -d | tar -x ({attempt + 1} of {IMPORT_RUNS})")
        shutil.rmtree(untarred)
        untarred.mkdir()
        base_imports.append(
            _measure(
                "pipeline",
                f"{AGE} -d -i {key_file} {tarred} | tar -xf - -C {untarred} && sync -f {untarred}",
            )
        )
        progress(f"bundle: amanat import ({attempt + 1} of {IMPORT_RUNS})")
        fresh = workdir / f"receiver-{attempt}.amanat"
        shutil.copytree(receiver, fresh)
        imports.append(
            _measure("import", str(fresh), str(bundle), "pictures" if attempt == 0 else "")
        )
        shutil.rmtree(fresh)
    base_import = min(base_imports, key=lambda run: run["seconds"])
    imported = min(imports, key=lambda run: run["seconds"])
    imported = {**imports[0], **imported}  # the pictures pass was timed after the first
    if imported["files"] != count or export["files"] != count:
        raise AssertionError("the bundle did not carry every photo")

    mb = total / 1e6
    section = Section(f"Bundle: {count} photos, {mb:,.0f} MB ({average / 1e6:.1f} MB each)")
    section.text(
        "Export: `plan_export` and `write_bundle` with the originals, to one X25519 recipient,"
        " against `tar -c | age -r` then `sync`. Import: `import_bundle` into an archive that"
        " knows the sender (decrypt, check the signature and every hash, store the files,"
        " commit), against `age -d | tar -x` then `sync`. The `age` tool is version"
        f" {_age_version()}. Each run is a process of its own; peak memory is its high-water"
        " mark after the archive was opened (for the baseline, that of `tar` or `age`)."
    )
    rows = []
    verdicts = []
    for label, baseline, ours, base, floor_run, floor_label in (
        ("export", "tar | age", export, base_export, read_floor, "open every sealed original"),
        (
            "import",
            "age -d | tar -x",
            imported,
            base_import,
            write_floor,
            "hash and seal every file",
        ),
    ):
        ratio = ours["seconds"] / base["seconds"]
        for who, result in (
            (f"{label}: {baseline}", base),
            (f"{label}: amanat", ours),
            (f"{label} floor: {floor_label}", floor_run),
        ):
            rows.append(
                [
                    who,
                    f"{result['seconds']:.1f}",
                    f"{mb / result['seconds']:,.0f}",
                    f"{result['peak_mb']:.0f} MB",
                ]
            )
        time_met = "met" if ratio <= GOAL_RATIO else "missed"
        memory_met = "met" if ours["peak_mb"] < GOAL_PEAK_MB else "missed"
        verdicts.append(
            f"{label}: {ratio:.2f}× the baseline (goal ≤ {GOAL_RATIO}×: {time_met}), peak"
            f" {ours['peak_mb']:.0f} MB (goal < {GOAL_PEAK_MB} MB: {memory_met}); the"
            f" sealed storage alone takes {floor_run['seconds'] / base['seconds']:.2f}×"
            f" the baseline, and Amanat {ours['seconds'] / floor_run['seconds']:.2f}× the"
            " storage alone"
        )
    rows.append(
        [
            "after the import's commit: thumbnails and previews pass (not in the ratio)",
            f"{imported['pictures']:.1f}",
            "",
            f"{imported['pictures_peak_mb']:.0f} MB, each of 2 workers"
            f" ≤ {imported['workers_peak_mb']:.0f} MB",
        ]
    )
    section.table(["run", "seconds", "MB/s", "peak memory"], rows)
    section.text(
        f"Import runs, fastest taken: `age -d | tar -x` {_times(base_imports)} s; Amanat"
        f" {_times(imports)} s."
    )
    section.bullets(verdicts)
    section.text(
        "The floors are the storage's part, measured alone in the same run: the archive"
        " keeps every original sealed in a segment file (AES-256-GCM in 64 KiB chunks, synced"
        " before the one commit; docs/segments.md), and reading or writing one costs that"
        " however the bundle is made. The import stores the pages without pictures and"
        " commits: the archive is whole then, and each page is listed with a placeholder."
        " Their thumbnails and previews are drawn after the commit by the previews pass"
        " (`scans.previews`, two decoding worker processes, one decode per page for both),"
        " timed on its own row: `amanat import-bundle` waits for it, with a progress bar; the"
        " window runs it in the background, a few pages per turn."
    )
    return section


def _times(runs: list[dict[str, float]]) -> str:
    return ", ".join(f"{run['seconds']:.1f}" for run in runs)


def _empty_archive(folder: Path) -> None:
    from amanat.core.keyslots import FLOOR
    from amanat.core.vault import Archive

    Archive.create(folder, PASSWORD, kdf=FLOOR).lock()


def _age_version() -> str:
    done = subprocess.run([AGE, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "?"


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3:])
    else:
        with tempfile.TemporaryDirectory(prefix="amanat-bench-") as work:
            print(run(Path(work), quick="--quick" in sys.argv).markdown())
