"""Benchmark: what redaction adds to what leaves. A 12 MP photo's copy as it leaves
(core/leaving.py) with five redacted rectangles, against the same page's plain sanitised copy
in the same run; the faces suggested on its preview; and a long Persian testimony with its
witness's names replaced and a passage marked, against Python's str.replace of one name.

    python -m tests.bench --only redaction [--quick]
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from tests.bench.measure import ms, ratio
from tests.bench.report import Section

NAME = "redaction"
PASSWORD = "correct horse battery staple"
RUNS, QUICK_RUNS = 5, 1
SIZE, QUICK_SIZE = (4000, 3000), (1600, 1200)
SENTENCE = "امید رحیمی گفت که او را در بند ۲۰۹ دیده است. "
REPEATS, QUICK_REPEATS = 3_000, 300


def _best(runs: int, call: object) -> float:
    assert callable(call)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def run(workdir: Path, quick: bool) -> Section:
    from PIL import Image

    from amanat.core import faces, leaving
    from amanat.core.keyslots import FLOOR
    from amanat.core.records import Document, DocumentKind, Person, Role, Text, TextKind
    from amanat.core.scans.export import sanitised_copy
    from amanat.core.scans.importer import add_pages
    from amanat.core.storage import documents, pages, people, texts
    from amanat.core.storage import redactions as store
    from amanat.core.vault import Archive

    runs = QUICK_RUNS if quick else RUNS
    size = QUICK_SIZE if quick else SIZE
    archive = Archive.create(workdir / "redaction.amanat", PASSWORD, kdf=FLOOR)
    try:
        db = archive.db
        document = documents.add(db, Document(DocumentKind.LETTER, "A photo from a visit"))
        photo = io.BytesIO()
        Image.effect_noise(size, 60).convert("RGB").save(photo, "JPEG", quality=90)
        add_pages(db, document.id, photo.getvalue(), "photo.jpg")
        page_id = pages.pages_of(db, document.id)[0].id
        for number in range(5):
            store.on_page(db, page_id, 0.18 * number, 0.1, 0.15, 0.3)

        redacted_pixels = _best(
            runs, lambda: leaving.page_as_it_leaves(db, page_id, keep_metadata=False)
        )
        for redaction in store.of_page(db, page_id):
            store.remove(db, redaction.id)
        unredacted = _best(runs, lambda: sanitised_copy(db, page_id))
        found_faces = faces.available()
        face_time = _best(runs, lambda: faces.suggest(db, page_id)) if found_faces else 0.0

        witness = people.add(
            db, Person("Omid Rahimi", name_fa="امید رحیمی", aliases=("Omi",), roles=(Role.WITNESS,))
        )
        body = SENTENCE * (QUICK_REPEATS if quick else REPEATS)
        text = texts.add(db, Text(document.id, TextKind.TRANSCRIPTION, "fa", body))
        store.on_text(db, text.id, 0, 10)
        replacements = leaving.replacements_for(db, {witness.id: "Witness KRTAX"})
        leaving_text = _best(runs, lambda: leaving.text_as_it_leaves(db, text, replacements))
        baseline_text = _best(runs, lambda: body.replace("امید رحیمی", "Witness KRTAX"))
    finally:
        archive.lock()

    section = Section("Redaction")
    section.text(
        f"A {size[0]} × {size[1]} JPEG of noise (the worst case for the encoder and the face"
        f" detector) with five redacted rectangles; a {len(body):,}-character Persian text"
        f" naming its witness {body.count('امید'):,} times. Best of {runs} runs."
    )
    section.table(
        ["what", "time", "against", "ratio"],
        [
            ["page as it leaves, 5 rectangles", ms(redacted_pixels), ms(unredacted),
             ratio(redacted_pixels, unredacted)],
            ["faces suggested on its preview",
             ms(face_time) if found_faces else "OpenCV not installed", "–", "–"],
            ["text as it leaves", ms(leaving_text), ms(baseline_text),
             ratio(leaving_text, baseline_text)],
        ],
    )  # fmt: skip
    section.text(
        "The baseline of a page is its sanitised copy without redactions; of a text, one"
        " str.replace of the name as typed (which would miss its other spellings)."
    )
    return section
