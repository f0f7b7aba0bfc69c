"""Benchmark: a case of 100 documents leaves twice, as a bundle with its reader inside and as a
case file (PDF). Each document has a scanned page (a 2 MP JPEG), a Persian transcription and
an English translation; the prisoner has 100 events citing them. Beside it, in the same run,
the least either export must do with the pictures: decode and re-encode each once with Pillow
(a sanitised copy is exactly that).

    python -m tests.bench --only casefile [--quick]
"""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

from PIL import Image

from tests.bench.report import Section

NAME = "casefile"
DOCUMENTS, QUICK_DOCUMENTS = 100, 10
PASSWORD = "benchmark password"
SIZE = (1600, 1200)
_PERSIAN_WORDS = (
    "نامه", "زندان", "اوین", "مادر", "سلول", "انفرادی", "ملاقات", "دادگاه", "وکیل", "حکم",
    "روز", "شب", "امید", "خانواده", "اعتصاب", "غذا", "بازجویی", "آزادی", "انتقال", "قرچک",
)  # fmt: skip
_ENGLISH_WORDS = (
    "letter", "prison", "mother", "cell", "solitary", "visit", "court", "lawyer", "sentence",
    "day", "night", "hope", "family", "strike", "interrogation", "release", "transfer", "ward",
)  # fmt: skip


def _pictures(count: int) -> list[bytes]:
    """Noisy scan-sized JPEGs (noise keeps them as large as real photos), each with pixels of
    its own: a sanitised copy keeps only the pixels, and equal pixels would be one file."""
    noise = Image.effect_noise(SIZE, 24).convert("RGB")
    made = []
    for number in range(count):
        page = noise.copy()
        x, y = number * 13 % (SIZE[0] - 100), number * 7 % (SIZE[1] - 100)
        page.paste((number * 37 % 256, number * 91 % 256, 255), (x, y, x + 100, y + 100))
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=85)
        made.append(buffer.getvalue())
    return made


def _build(folder: Path, count: int) -> str:
    from amanat.core.dates import parse_date
    from amanat.core.keyslots import FLOOR
    from amanat.core.records import (
        Document,
        DocumentKind,
        Event,
        EventType,
        Person,
        Role,
        Text,
        TextKind,
    )
    from amanat.core.storage import documents, events, pages, people, texts
    from amanat.core.vault import Archive

    rng = random.Random(19)
    pictures = _pictures(count)
    with Archive.create(folder, PASSWORD, kdf=FLOOR) as archive:
        db = archive.db
        prisoner = people.add(
            db, Person("Sara Example", name_fa="سارا نمونه", roles=(Role.PRISONER,))
        )
        types = list(EventType)
        for number in range(count):
            day = f"20{10 + number % 14}-{1 + number % 12:02}-{1 + number % 28:02}"
            letter = documents.add(
                db,
                Document(
                    DocumentKind.LETTER,
                    f"نامهٔ شمارهٔ {number + 1} از اوین",
                    parse_date(day),
                    prisoner.id,
                    concerned_ids=(prisoner.id,),
                ),
            )
            pages.add(db, letter.id, pictures[number], f"scan-{number}.jpg")
            persian = " ".join(rng.choice(_PERSIAN_WORDS) for _ in range(250))
            english = " ".join(rng.choice(_ENGLISH_WORDS) for _ in range(250))
            texts.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", persian))
            texts.add(db, Text(letter.id, TextKind.TRANSLATION, "en", english))
            events.add(
                db,
                Event(
                    prisoner.id,
                    types[number % len(types)],
                    parse_date(day),
                    place="اوین" if number % 2 else "Evin",
                    source_ids=(letter.id,),
                ),
            )
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return prisoner.id


def run(workdir: Path, quick: bool) -> Section:
    from amanat.app.casefile import write_case_file
    from amanat.core.bundle import X25519Identity
    from amanat.core.bundle import reader as bundle_reader
    from amanat.core.bundle.export import ExportOptions, ExportScope, plan_export, write_bundle
    from amanat.core.bundle.reader import Language
    from amanat.core.dates import Calendar
    from amanat.core.storage import pages
    from amanat.core.vault import Archive

    count = QUICK_DOCUMENTS if quick else DOCUMENTS
    folder = workdir / "casefile.amanat"
    person_id = _build(folder, count)
    recipient = X25519Identity.generate().recipient()
    with Archive.open(folder, PASSWORD) as archive:
        db = archive.db
        reader_seconds: list[float] = []
        real_reader = bundle_reader.reader_html

        def timed_reader(*args: object, **kwargs: object) -> bytes:
            start = time.perf_counter()
            try:
                return real_reader(*args, **kwargs)  # type: ignore[arg-type]
            finally:
                reader_seconds.append(time.perf_counter() - start)

        import amanat.core.bundle.export as export_module

        export_module.reader_html = timed_reader  # type: ignore[assignment]
        try:
            start = time.perf_counter()
            plan = plan_export(
                db, ExportScope(person_id=person_id), ExportOptions(language=Language.PERSIAN)
            )
            bundle = write_bundle(db, plan, workdir / "case.age", [recipient])
            bundle_seconds = time.perf_counter() - start
        finally:
            export_module.reader_html = real_reader
        start = time.perf_counter()
        case = write_case_file(archive, person_id, workdir / "case.pdf", Calendar.JALALI)
        case_seconds = time.perf_counter() - start
        originals = [pages.original_bytes(db, page.id) for page in plan.pages]
    start = time.perf_counter()
    for data in originals:
        with Image.open(io.BytesIO(data)) as image:
            image.save(io.BytesIO(), "JPEG", quality=90)
    baseline_seconds = time.perf_counter() - start
    section = Section("A case leaving: bundle with its reader, and the case file")
    section.text(
        f"One prisoner, {count} letters each with a {SIZE[0]}×{SIZE[1]} scanned page, a Persian"
        f" transcription and an English translation of 250 words, and {count} events citing"
        f" them. The bundle ({bundle.size / 2**20:,.1f} MiB, {bundle.files} files) holds the"
        f" reader in Persian; the case file ({case.path.stat().st_size / 2**20:,.1f} MiB) has"
        f" {case.documents} documents and {case.pages} page pictures. One run each."
    )
    section.table(
        ["measure", "time"],
        [
            ["bundle export with its reader (plan, sanitise, encrypt, sign)",
             f"{bundle_seconds:.2f} s"],
            ["of which the reader (index.html)", f"{sum(reader_seconds) * 1000:.0f} ms"],
            ["case file (plan, sanitise, lay out, write)", f"{case_seconds:.2f} s"],
            ["both together", f"{bundle_seconds + case_seconds:.2f} s"],
            ["baseline: decode and re-encode each page picture once (Pillow)",
             f"{baseline_seconds:.2f} s"],
        ],
    )  # fmt: skip
    return section
