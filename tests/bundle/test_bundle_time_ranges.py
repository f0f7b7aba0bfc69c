"""Time ranges of a recording leaving the archive: a shareable one goes in the bundle as a
Web Annotation with a Media Fragments time selector and comes back the same in another
archive (twice changes nothing); a private one never leaves; the reader lists it with its
range, and hostile time selectors are refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from amanat.core.bundle import contacts, identity, web_annotation
from amanat.core.bundle.export import ExportScope
from amanat.core.bundle.importer import import_bundle
from amanat.core.records import (
    Annotation,
    Audience,
    Consent,
    Document,
    DocumentKind,
    TimeRange,
    Visibility,
)
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import annotations, documents, pages
from amanat.core.vault import Archive
from tests.helpers import recordings
from tests.helpers.bundles import export_to, members, new_archive

PRIVATE_BODY = "PRIVATE-MOMENT-CANARY: he whispers the interrogator's name"
SHARED_BODY = "She says the ward number here"


@dataclass
class Sent:
    sender: Archive
    advocate: Archive
    page_id: str
    shared: Annotation
    private: Annotation
    bundle: Path

    def members(self) -> dict[str, bytes]:
        return members(self.bundle, identity.ensure(self.advocate.db).age_identity)

    def receive(self) -> None:
        import_bundle(
            self.advocate.db, self.bundle, [identity.ensure(self.advocate.db).age_identity]
        )


@pytest.fixture
def sent(archive: Archive, tmp_path: Path) -> Iterator[Sent]:
    document = documents.add(
        archive.db,
        Document(DocumentKind.TESTIMONY, "Call from Evin", consent=Consent(Audience.ADVOCATES)),
    )
    path = tmp_path / "call.ogg"
    path.write_bytes(recordings.recording("ogg", 3.0))
    import_files(archive.db, [path], ImportOptions(document_id=document.id))
    [page] = pages.pages_of(archive.db, document.id)
    shared = annotations.on_recording(
        archive.db, page.id, 0.5, 2.3, SHARED_BODY, visibility=Visibility.SHAREABLE
    )
    private = annotations.on_recording(archive.db, page.id, 1.0, 2.0, PRIVATE_BODY)
    advocate = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(archive.db)
    contacts.add(advocate.db, "Family", keys.age_recipient, keys.signing_key, verified=True)
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(document.id,))
    )
    yield Sent(archive, advocate, page.id, shared, private, bundle)
    if advocate.db.is_open:
        advocate.lock()


def test_a_shareable_range_leaves_with_a_time_selector_and_a_private_one_never(
    sent: Sent,
) -> None:
    bundle = sent.members()
    written = json.loads(bundle[f"records/annotations/{sent.shared.id}.json"])
    assert written["target"] == {
        "source": f"urn:uuid:{sent.page_id}",
        "selector": {
            "type": "FragmentSelector",
            "conformsTo": "http://www.w3.org/TR/media-frags/",
            "value": "t=npt:0.5,2.3",
        },
    }
    assert web_annotation.parse_annotation(written).target == sent.shared.target
    assert f"records/annotations/{sent.private.id}.json" not in bundle
    assert all(PRIVATE_BODY.encode() not in data for data in bundle.values())


def test_a_range_arrives_the_same_and_twice_changes_nothing(sent: Sent) -> None:
    sent.receive()
    [arrived] = annotations.annotations_of(sent.advocate.db)
    assert arrived.id == sent.shared.id and arrived.body == SHARED_BODY
    assert arrived.target == TimeRange(sent.page_id, 0.5, 2.3)
    assert not arrived.orphaned and arrived.visibility is Visibility.SHAREABLE
    sent.receive()
    assert annotations.annotations_of(sent.advocate.db) == [arrived]


def test_the_reader_lists_the_range_beside_its_note(sent: Sent) -> None:
    html = sent.members()["index.html"].decode()
    assert '<span class="moment" dir="ltr">0:00.5–0:02.3</span>' in html
    assert SHARED_BODY in html and PRIVATE_BODY not in html


@pytest.mark.parametrize(
    "value",
    ["t=npt:2,1", "t=npt:1,1", "t=npt:-1,2", "t=npt:1", "t=npt:a,b", "t=npt:1,inf", "t=1,2"],
)
def test_a_hostile_time_selector_is_refused(sent: Sent, value: str) -> None:
    note = web_annotation.annotation_json(sent.shared, {})
    note["target"]["selector"]["value"] = value
    with pytest.raises(ValueError, match="time range"):
        web_annotation.parse_annotation(note)
