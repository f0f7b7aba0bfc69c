"""Redaction in the core: rectangles of a page burned into every copy that leaves (and the
original untouched), passages of a text marked, witnesses' names replaced, bad input refused."""

from __future__ import annotations

import importlib
import io

import pytest
from PIL import Image

from amanat.core import audit, faces, leaving, schema
from amanat.core.errors import FacesUnavailable, InvalidInput, RecordNotFound
from amanat.core.records import Document, DocumentKind, Person, Role, Text, TextKind
from amanat.core.scans.export import sanitised_copy
from amanat.core.storage import documents, pages, people, texts
from amanat.core.storage import redactions as store
from amanat.core.vault import Archive
from tests.helpers import scan_files
from tests.helpers.faces import drawn_face

GREEN = (30, 200, 60)
SIZE = (200, 100)


def _green_page(archive: Archive, kind: str = "png", orientation: int = 1) -> str:
    document = documents.add(archive.db, Document(DocumentKind.LETTER, "A letter"))
    picture = Image.new("RGB", SIZE, GREEN)
    data = (
        scan_files.png(picture)
        if kind == "png"
        else scan_files.jpeg(picture, orientation=orientation, quality=95)
    )
    return pages.add(archive.db, document.id, data, f"scan.{kind}").id


def _pixels(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB")


def _dark(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    """Every pixel in ``box`` near black (JPEG may leave a shade)."""
    extrema = image.crop(box).getextrema()
    return all(high < 40 for _low, high in extrema)  # type: ignore[misc]


def _green(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    (_red, (lowest_green, _highest), _blue) = image.crop(box).getextrema()  # type: ignore[misc]
    return bool(lowest_green > 150)


def test_redacted_rectangle_is_black_in_the_sanitised_copy_and_the_original_is_untouched(
    archive: Archive,
):
    page_id = _green_page(archive)
    original = pages.original_bytes(archive.db, page_id)
    store.on_page(archive.db, page_id, 0.25, 0.2, 0.5, 0.6)
    out = leaving.page_as_it_leaves(archive.db, page_id, keep_metadata=False)
    assert out.sanitised and out.mime_type == "image/png" and out.suffix == ".png"
    assert (out.width, out.height) == SIZE
    image = _pixels(out.data)
    assert _dark(image, (50, 20, 150, 80))  # x 25–75 %, y 20–80 % of 200 × 100
    assert _green(image, (0, 0, 45, 100)) and _green(image, (155, 0, 200, 100))
    assert pages.original_bytes(archive.db, page_id) == original
    assert _green(_pixels(original), (0, 0, 200, 100))


def test_a_redacted_page_never_leaves_as_its_original_even_when_asked(archive: Archive):
    page_id = _green_page(archive, "jpeg")
    original = pages.original_bytes(archive.db, page_id)
    kept = leaving.page_as_it_leaves(archive.db, page_id, keep_metadata=True)
    assert kept.data == original and not kept.sanitised and kept.suffix == ".jpg"
    store.on_page(archive.db, page_id, 0.0, 0.0, 0.5, 0.5)
    out = leaving.page_as_it_leaves(archive.db, page_id, keep_metadata=True)
    assert out.sanitised and out.data != original
    assert _dark(_pixels(out.data), (0, 0, 100, 50))
    # The plain sanitised copy too: no caller can forget the redactions.
    assert _dark(_pixels(sanitised_copy(archive.db, page_id).data), (0, 0, 100, 50))


def test_a_page_turned_after_redaction_keeps_the_redaction_on_the_same_part_of_the_page(
    archive: Archive,
):
    page_id = _green_page(archive)
    store.on_page(archive.db, page_id, 0.0, 0.0, 0.25, 0.5)  # the top-left corner
    pages.set_rotation(archive.db, page_id, 90)
    image = _pixels(leaving.page_as_it_leaves(archive.db, page_id, keep_metadata=False).data)
    # Turned clockwise, the page is 100 × 200 and its top-left corner is now top-right.
    assert image.size == (100, 200)
    assert _dark(image, (50, 0, 100, 50))
    assert _green(image, (0, 0, 45, 200)) and _green(image, (50, 55, 100, 200))


def test_a_redaction_follows_the_exif_orientation_as_the_window_shows_the_page(
    archive: Archive,
):
    # Stored sideways with orientation 6: the window shows it upright, 200 × 100, and the
    # rectangle is drawn on that.
    page_id = _green_page(archive, "jpeg", orientation=6)
    store.on_page(archive.db, page_id, 0.75, 0.5, 0.25, 0.5)  # bottom-right corner
    image = _pixels(leaving.page_as_it_leaves(archive.db, page_id, keep_metadata=False).data)
    assert image.size == SIZE
    assert _dark(image, (152, 52, 200, 100))
    assert _green(image, (0, 0, 145, 100))


@pytest.mark.parametrize(
    "rectangle",
    [
        (0.5, 0.5, 0.0, 0.2),  # no width
        (0.5, 0.5, 0.2, 0.0),  # no height
        (0.9, 0.1, 0.2, 0.2),  # past the right edge
        (0.1, 0.9, 0.2, 0.2),  # past the bottom
        (-0.1, 0.1, 0.2, 0.2),  # before the left edge
        (1.0, 0.0, 0.1, 0.1),  # beyond the page
    ],
)
def test_a_rectangle_outside_the_page_or_of_no_size_is_refused_and_nothing_changes(
    archive: Archive, rectangle: tuple[float, float, float, float]
):
    page_id = _green_page(archive)
    entries = len(audit.entries(archive.db))
    with pytest.raises(InvalidInput) as refused:
        store.on_page(archive.db, page_id, *rectangle)
    assert refused.value.rule == "redaction-outside-page"
    assert "inside the page" in str(refused.value)
    assert store.of_page(archive.db, page_id) == []
    assert len(audit.entries(archive.db)) == entries


def test_a_redaction_of_an_unknown_page_or_text_is_refused(archive: Archive):
    with pytest.raises(RecordNotFound):
        store.on_page(archive.db, "no-such-page", 0.1, 0.1, 0.1, 0.1)
    with pytest.raises(RecordNotFound):
        store.on_text(archive.db, "no-such-text", 0, 1)


def _text(archive: Archive, body: str) -> Text:
    document = documents.add(archive.db, Document(DocumentKind.TESTIMONY, "Testimony"))
    return texts.add(archive.db, Text(document.id, TextKind.TRANSCRIPTION, "en", body))


def test_a_redacted_passage_leaves_as_a_mark_of_its_length_class_never_the_words(
    archive: Archive,
):
    body = "We met at 14 Golestan Street before the arrest."
    text = _text(archive, body)
    start = body.index("14 Golestan Street")
    store.on_text(archive.db, text.id, start, start + len("14 Golestan Street"))
    out = leaving.text_as_it_leaves(archive.db, text, ())
    assert "Golestan" not in out and "14" not in out
    assert out == "We met at " + leaving.MARK * 12 + " before the arrest."
    # Lengths are told only by class: a word, a phrase, a passage.
    assert leaving.mark_for(3) == leaving.mark_for(12) == leaving.MARK * 5
    assert leaving.mark_for(13) == leaving.mark_for(60)
    assert leaving.mark_for(61) == leaving.mark_for(5000) == leaving.MARK * 24


def test_a_redacted_passage_follows_the_text_through_an_edit(archive: Archive):
    body = "Her cellmate Nasrin told us."
    text = _text(archive, body)
    store.on_text(archive.db, text.id, body.index("Nasrin"), body.index("Nasrin") + 6)
    edited = texts.update(archive.db, Text(**{**_fields(text), "body": "Later, " + body}))
    (redaction,) = store.of_text(archive.db, text.id)
    assert redaction.target.start == len("Later, Her cellmate ")
    assert "Nasrin" not in leaving.text_as_it_leaves(archive.db, edited, ())


def test_redacted_words_whose_place_is_lost_stay_blacked_out_wherever_they_come_back(
    archive: Archive,
):
    body = "The guard Kazem hit him. Everyone saw it happen in the yard."
    text = _text(archive, body)
    store.on_text(archive.db, text.id, body.index("Kazem"), body.index("Kazem") + 5)
    gone = texts.update(archive.db, Text(**{**_fields(text), "body": "Everyone saw it."}))
    (redaction,) = store.of_text(archive.db, text.id)
    assert redaction.orphaned
    back = Text(**{**_fields(gone), "body": "It was Kazem, in another yard entirely."})
    assert "Kazem" not in leaving.text_as_it_leaves(archive.db, back, ())


def test_a_passage_outside_the_text_or_empty_is_refused(archive: Archive):
    text = _text(archive, "short")
    for start, end in ((0, 0), (3, 2), (0, 6), (-1, 2)):
        with pytest.raises(InvalidInput) as refused:
            store.on_text(archive.db, text.id, start, end)
        assert refused.value.rule == "passage-outside-text"
    assert store.of_text(archive.db, text.id) == []


def test_a_witness_is_replaced_by_the_pseudonym_in_both_scripts_and_by_alias(archive: Archive):
    witness = people.add(
        archive.db,
        Person(
            "Omid Rahimi",
            name_fa="امید رحیمی",
            name_latin="Omid Rahimi",
            aliases=("Omi",),
            roles=(Role.WITNESS,),
        ),
    )
    replacements = leaving.replacements_for(archive.db, {witness.id: "Witness KRTAX"})
    # Typed with Arabic letters and a joiner, as phones often type Persian names.
    body = "Omid  Rahimi and Omi met امید رحيمي and امید رحیمی‌ها; Omicron is another word."
    text = _text(archive, body)
    out = leaving.text_as_it_leaves(archive.db, text, replacements)
    assert "Omid" not in out and "امید" not in out and "رحیمی" not in out and "رحيمي" not in out
    assert " Omi " not in out
    assert out.count("Witness KRTAX") == 4
    assert "Omicron" in out  # an alias is a whole word in Latin script


def test_a_persian_name_is_replaced_with_its_suffixes_but_not_inside_another_word(
    archive: Archive,
):
    witness = people.add(archive.db, Person("Reza", name_fa="رضا", roles=(Role.WITNESS,)))
    replacements = leaving.replacements_for(archive.db, {witness.id: "Witness ABCDE"})
    text = _text(archive, "رضا گفت. رضای ما آمد. رضایت نداشت. دوستِ رضا‌ها")
    out = leaving.text_as_it_leaves(archive.db, text, replacements)
    assert out == "Witness ABCDE گفت. Witness ABCDE ما آمد. رضایت نداشت. دوستِ Witness ABCDE‌ها"


def test_a_name_inside_a_redacted_passage_is_marked_with_it(archive: Archive):
    witness = people.add(archive.db, Person("Sara Kiani", roles=(Role.WITNESS,)))
    replacements = leaving.replacements_for(archive.db, {witness.id: "Witness ABCDE"})
    body = "Written by Sara Kiani in prison."
    text = _text(archive, body)
    store.on_text(archive.db, text.id, body.index("Kiani"), body.index(" in"))
    out = leaving.leaving_text(archive.db, text, replacements)
    assert "Sara" not in out.body and "Kiani" not in out.body and "ABCDE" not in out.body
    assert out.body == "Written by " + leaving.MARK * 5 + " in prison."
    # Positions after the mark map across it.
    assert out.body[out.position(body.index(" in")) :] == " in prison."


def test_removing_a_redaction_and_undoing_it_puts_it_back_with_audit_entries(archive: Archive):
    page_id = _green_page(archive)
    made = store.on_page(archive.db, page_id, 0.1, 0.1, 0.2, 0.2)
    removed = store.remove(archive.db, made.id)
    assert store.of_page(archive.db, page_id) == []
    store.add(archive.db, removed)
    assert store.of_page(archive.db, page_id) == [made]
    actions = [(e.action, e.record_type) for e in audit.entries(archive.db)][-3:]
    assert actions == [("added", "redaction"), ("removed", "redaction"), ("added", "redaction")]


def test_a_text_put_back_after_deletion_is_redacted_again(archive: Archive):
    body = "The address is 5 Azadi Lane."
    text = _text(archive, body)
    store.on_text(archive.db, text.id, body.index("5 Azadi"), len(body) - 1)
    texts.delete(archive.db, text.id)
    texts.add(archive.db, text)  # undo
    assert "Azadi" not in leaving.text_as_it_leaves(archive.db, text, ())


def test_the_redaction_table_is_made_by_its_migration(archive: Archive):
    db = archive.db
    assert db.value("PRAGMA user_version") == schema.LATEST
    db.execute("DROP TABLE redactions")
    number = schema.MIGRATIONS.index(schema._REDACTIONS) + 1
    db.execute(f"PRAGMA user_version = {number - 1:d}")
    assert schema.migrate(db) == schema.LATEST
    assert db.value("SELECT count(*) FROM redactions") == 0


def _fields(text: Text) -> dict[str, object]:
    return {name: getattr(text, name) for name in Text.__dataclass_fields__}


# --- Faces suggested -----------------------------------------------------------------------


def _page_of(archive: Archive, picture: Image.Image) -> str:
    document = documents.add(archive.db, Document(DocumentKind.LETTER, "A photo"))
    return pages.add(archive.db, document.id, scan_files.png(picture), "photo.png").id


def test_a_face_on_a_page_is_suggested_with_a_margin_and_not_again_once_redacted(
    archive: Archive,
):
    page_id = _page_of(archive, drawn_face(100))
    (found,) = faces.suggest(archive.db, page_id)
    x, y, w, h = found.rectangle
    # The face is centred at a third of the width and half the height, 0.3 × 0.6 of the page.
    assert x < 1 / 3 < x + w and y < 0.5 < y + h
    assert 0.25 < w < 0.6 and 0.4 < h < 1.0
    with Image.open(io.BytesIO(found.picture)) as cut:
        assert cut.format == "PNG" and cut.width > 20
    store.on_page(archive.db, page_id, *found.rectangle)
    assert faces.suggest(archive.db, page_id) == []


def test_a_page_without_a_face_gets_no_suggestion(archive: Archive):
    assert faces.suggest(archive.db, _green_page(archive)) == []


def test_without_opencv_suggesting_faces_is_one_sentence(
    archive: Archive, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
):
    page_id = _page_of(archive, drawn_face(60))
    real = importlib.import_module

    def missing(name: str, package: str | None = None) -> object:
        if name in ("cv2", "numpy"):
            raise ImportError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", missing)
    faces._detector.cache_clear()  # read once per process: as if never read here
    request.addfinalizer(faces._detector.cache_clear)
    with pytest.raises(FacesUnavailable) as refused:
        faces.suggest(archive.db, page_id)
    assert "Redact a region" in str(refused.value) and "\n" not in str(refused.value)
    assert not faces.available()


def test_a_redaction_on_a_pdf_page_is_burned_into_its_rendering(archive: Archive):
    from amanat.core.scans.importer import add_pages

    document = documents.add(archive.db, Document(DocumentKind.COURT, "A verdict"))
    add_pages(archive.db, document.id, scan_files.pdf(pages=2), "verdict.pdf")
    second = pages.pages_of(archive.db, document.id)[1]
    kept = leaving.page_as_it_leaves(archive.db, second.id, keep_metadata=True)
    assert kept.mime_type == "application/pdf" and kept.suffix == ".pdf"  # the file itself
    store.on_page(archive.db, second.id, 0.0, 0.0, 1.0, 0.5)
    out = leaving.page_as_it_leaves(archive.db, second.id, keep_metadata=True)
    assert out.sanitised and out.mime_type == "image/png"
    image = _pixels(out.data)
    assert _dark(image, (0, 0, image.width, image.height // 2 - 1))
    assert not _dark(image, (0, image.height // 2 + 2, image.width, image.height))
