"""Annotations in bundles: only shareable ones leave, written as W3C Web Annotations, and come
back into another archive the same; a missing target is kept orphaned; hostile annotation
JSON is refused in one sentence and changes nothing."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from amanat.core.bundle import contacts, identity
from amanat.core.bundle.export import ExportScope, plan_export
from amanat.core.bundle.importer import import_bundle
from amanat.core.errors import BundleDamaged
from amanat.core.records import ImageRegion, Text, TextRange, Visibility
from amanat.core.storage import annotations, tags, texts
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.bundles import (
    PRIVATE_NOTE,
    SHARED_NOTE,
    Members,
    Sample,
    export_to,
    fill,
    members,
    new_archive,
    repack,
    resign,
)

PRIVATE_BODY = "PRIVATE-ANNOTATION-CANARY: ask the client about her brother"
PRIVATE_TAG = "privatetagcanary"
PRIVATE_QUOTE = "alone in a cell"


@dataclass
class Sent:
    sender: Archive
    advocate: Archive
    sample: Sample
    bundle: Path
    shared_id: str
    private_id: str
    region_id: str
    tmp: Path

    def records(self) -> dict[str, bytes]:
        return members(self.bundle, identity.ensure(self.advocate.db).age_identity)

    def web_annotations(self) -> dict[str, Any]:
        return {
            name: json.loads(data)
            for name, data in self.records().items()
            if name.startswith("records/annotations/")
        }


@pytest.fixture
def sent(archive: Archive, tmp_path: Path) -> Iterator[Sent]:
    sample = fill(archive)
    db = archive.db
    [letter_text] = texts.texts_of(db, sample.letter)
    solitary = tags.ensure(db, "conditions/solitary")
    secret_tag = tags.ensure(db, PRIVATE_TAG)
    [shared] = [a for a in annotations.find(db) if a.body == SHARED_NOTE]
    shared = annotations.update(
        db,
        annotations.Annotation(
            shared.target,
            shared.body,
            author="Farhad",
            visibility=Visibility.SHAREABLE,
            tag_ids=(solitary.id,),
            id=shared.id,
            created=shared.created,
        ),
    )
    start = letter_text.body.index(PRIVATE_QUOTE)
    private = annotations.on_text(
        db,
        letter_text.id,
        start,
        start + len(PRIVATE_QUOTE),
        PRIVATE_BODY,
        tag_ids=(secret_tag.id,),
    )
    [region] = [a for a in annotations.find(db) if isinstance(a.target, ImageRegion)]
    advocate = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(db)
    contacts.add(advocate.db, "Family lawyer", keys.age_recipient, keys.signing_key, verified=True)
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(sample.letter,))
    )
    yield Sent(archive, advocate, sample, bundle, shared.id, private.id, region.id, tmp_path)
    if advocate.db.is_open:
        advocate.lock()


def _import(sent: Sent, bundle: Path | None = None) -> None:
    key = identity.ensure(sent.advocate.db).age_identity
    import_bundle(sent.advocate.db, bundle or sent.bundle, [key])


def test_no_private_annotation_reaches_the_bundle(sent: Sent):
    records = sent.records()
    everything = b"".join(name.encode() + data for name, data in records.items())
    assert PRIVATE_BODY.encode() not in everything
    assert PRIVATE_NOTE.encode() not in everything
    assert PRIVATE_TAG.encode() not in everything  # a tag only a private note uses stays too
    assert sent.private_id.encode() not in everything
    quotes = [
        selector["exact"]
        for note in sent.web_annotations().values()
        for selector in _selectors(note)
        if selector["type"] == "TextQuoteSelector"
    ]
    assert PRIVATE_QUOTE not in quotes and quotes == ["keep"]
    held = plan_export(sent.sender.db, ExportScope(document_ids=(sent.sample.letter,))).held_back
    assert {item.record_id for item in held if item.reason == "private"} >= {sent.private_id}


def test_an_orphaned_annotation_is_held_back(sent: Sent):
    db = sent.sender.db
    [letter_text] = texts.texts_of(db, sent.sample.letter)
    texts.update(db, _with_body(letter_text, "They hold me alone now."))
    assert annotations.get(db, sent.shared_id).orphaned
    plan = plan_export(db, ExportScope(document_ids=(sent.sample.letter,)))
    assert sent.shared_id not in {note.id for note in plan.annotations}
    assert ("annotation", sent.shared_id, "its passage is gone") in {
        (item.record_type, item.record_id, item.reason) for item in plan.held_back
    }


def test_annotations_are_written_as_web_annotations(sent: Sent):
    notes = sent.web_annotations()
    passage = notes[f"records/annotations/{sent.shared_id}.json"]
    [letter_text] = texts.texts_of(sent.sender.db, sent.sample.letter)
    assert passage["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert passage["type"] == "Annotation"
    assert passage["id"] == f"urn:uuid:{sent.shared_id}"
    assert passage["creator"] == {"type": "Person", "name": "Farhad"}
    solitary = tags.find(sent.sender.db, "conditions/solitary")
    assert solitary is not None
    assert passage["body"] == [
        {"type": "TextualBody", "value": SHARED_NOTE, "purpose": "commenting"},
        {
            "type": "TextualBody",
            "id": f"urn:uuid:{solitary.id}",
            "value": "conditions/solitary",
            "purpose": "tagging",
        },
    ]
    assert passage["target"] == {
        "source": f"urn:uuid:{letter_text.id}",
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": "keep",
                "prefix": "They ",
                "suffix": " me alone in a cell.",
            },
            {"type": "TextPositionSelector", "start": 5, "end": 9},
        ],
    }
    assert passage["created"].endswith("Z") and passage["modified"].endswith("Z")
    region = notes[f"records/annotations/{sent.region_id}.json"]
    assert region["target"] == {
        "source": f"urn:uuid:{sent.sample.page}",
        "selector": {
            "type": "FragmentSelector",
            "conformsTo": "http://www.w3.org/TR/media-frags/",
            "value": "xywh=percent:10,10,20,20",
        },
    }
    assert "creator" not in region  # no author given, none invented


def test_round_trip_brings_the_same_annotations(sent: Sent):
    _import(sent)
    theirs = {a.id: a for a in annotations.annotations_of(sent.advocate.db, sent.sample.letter)}
    assert set(theirs) == {sent.shared_id, sent.region_id}
    for note_id, arrived in theirs.items():
        ours = annotations.get(sent.sender.db, note_id)
        assert arrived.body == ours.body and arrived.author == ours.author
        assert arrived.target == ours.target
        assert arrived.visibility is Visibility.SHAREABLE and not arrived.orphaned
        assert arrived.created == ours.created and arrived.modified == ours.modified
        paths = [tags.path_of(sent.advocate.db, t) for t in arrived.tag_ids]
        assert paths == [tags.path_of(sent.sender.db, t) for t in ours.tag_ids]
    assert [tags.path_of(sent.advocate.db, t) for t in theirs[sent.shared_id].tag_ids] == [
        "conditions/solitary"
    ]
    found = annotations.find(
        sent.advocate.db, tag_id=tags.ensure(sent.advocate.db, "conditions").id
    )
    assert [a.id for a in found] == [sent.shared_id]


def test_a_passage_whose_position_is_off_is_placed_by_its_quote(sent: Sent):
    """Another tool may count positions differently; the quote decides."""

    def shift(note: dict[str, Any]) -> None:
        for selector in _selectors(note):
            if selector["type"] == "TextPositionSelector":
                selector["start"], selector["end"] = 0, 4

    _import(sent, _changed_annotation(sent, sent.shared_id, shift))
    arrived = annotations.get(sent.advocate.db, sent.shared_id)
    assert isinstance(arrived.target, TextRange)
    assert (arrived.target.start, arrived.target.end, arrived.target.quote) == (5, 9, "keep")
    assert not arrived.orphaned


def test_an_annotation_whose_target_is_missing_is_kept_orphaned(sent: Sent):
    def elsewhere(note: dict[str, Any]) -> None:
        note["target"]["source"] = "urn:uuid:3f1c2a55-6f4c-4bb5-9a53-1d2a0c6a43a1"

    _import(sent, _changed_annotation(sent, sent.shared_id, elsewhere))
    arrived = annotations.get(sent.advocate.db, sent.shared_id)
    assert arrived.orphaned and arrived.body == SHARED_NOTE
    assert arrived.visibility is Visibility.SHAREABLE
    assert sent.shared_id in {a.id for a in annotations.find(sent.advocate.db)}


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(note: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        place: Any = note
        for key in parents:
            place = place[int(key)] if isinstance(place, list) else place[key]
        if isinstance(place, list):
            place[int(last)] = value
        else:
            place[last] = value

    return change


HOSTILE = {
    "body is a number": (_set("body.0.value", 5), "region"),
    "comment missing": (_set("body", []), "region"),
    "percent over 100": (_set("target.selector.value", "xywh=percent:90,10,20,10"), "region"),
    "negative percent": (_set("target.selector.value", "xywh=percent:-5,10,20,10"), "region"),
    "pixels, not percent": (_set("target.selector.value", "xywh=10,10,20,20"), "region"),
    "three numbers": (_set("target.selector.value", "xywh=percent:1,2,3"), "region"),
    "not a number": (_set("target.selector.value", "xywh=percent:1,2,3,nan"), "region"),
    "wrong media-frags": (_set("target.selector.conformsTo", "http://x"), "region"),
    "end before start": (_set("target.selector.1.end", 2), "passage"),
    "start is text": (_set("target.selector.1.start", "5"), "passage"),
    "quote is a list": (_set("target.selector.0.exact", ["keep"]), "passage"),
    "no quote": (
        _set("target.selector", [{"type": "TextPositionSelector", "start": 5, "end": 9}]),
        "passage",
    ),
    "source is not a urn": (_set("target.source", "http://example.org/x"), "passage"),
    "wrong context": (_set("@context", "http://example.org"), "passage"),
    "id not a uuid": (_set("id", "urn:uuid:nonsense"), "passage"),
    "time without zone": (_set("created", "2024-01-01T00:00:00"), "passage"),
    "tag without id": (
        _set("body.1", {"type": "TextualBody", "value": "x", "purpose": "tagging"}),
        "passage",
    ),
    "not an object": (None, "passage"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_annotation_json_is_refused_and_changes_nothing(sent: Sent, case: str):
    change, which = HOSTILE[case]
    note_id = sent.region_id if which == "region" else sent.shared_id

    def apply(note: dict[str, Any]) -> Any:
        if change is None:
            return ["an", "annotation"]
        change(note)
        return note

    bundle = _changed_annotation(sent, note_id, apply)
    folder = sent.advocate.folder
    sent.advocate.lock()
    before = records_digest(folder)
    with Archive.open(folder, PASSWORD) as opened, pytest.raises(BundleDamaged) as raised:
        import_bundle(opened.db, bundle, [identity.ensure(opened.db).age_identity])
    assert records_digest(folder) == before
    message = str(raised.value)
    assert "\n" not in message and message.endswith(".")
    assert f"records/annotations/{note_id}.json" in message


def _selectors(note: dict[str, Any]) -> list[dict[str, Any]]:
    found = note["target"]["selector"]
    return found if isinstance(found, list) else [found]


def _with_body(text: Text, body: str) -> Text:
    return dataclasses.replace(text, body=body)


def _changed_annotation(sent: Sent, note_id: str, change: Callable[[dict[str, Any]], Any]) -> Path:
    """The bundle with one annotation record changed and the manifest signed again with the
    sender's real key: what a buggy or hostile sender could make."""
    name = f"records/annotations/{note_id}.json"

    def alter(listed: Members) -> Members:
        manifest = json.loads(dict(listed)["manifest.json"])
        note = json.loads(dict(listed)[name])
        result = change(note)
        data = json.dumps(note if result is None else result).encode()
        for entry in manifest["files"]:
            if entry["path"] == name:
                entry["sha256"], entry["size"] = hashlib.sha256(data).hexdigest(), len(data)
        changed = [(n, data if n == name else d) for n, d in listed]
        return resign(sent.sender, changed, json.dumps(manifest).encode())

    key = identity.ensure(sent.advocate.db).age_identity
    return repack(sent.bundle, key, alter, sent.tmp / "changed.age")
