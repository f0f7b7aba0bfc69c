"""Archives with something to send, and tools to open, list and tamper with bundles, for the
bundle tests. Canary strings mark what must never leave the archive."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from amanat.core.bundle import X25519Identity, X25519Recipient, decrypt, encrypt, identity
from amanat.core.bundle.export import ExportOptions, ExportScope, plan_export, write_bundle
from amanat.core.bundle.manifest import signature
from amanat.core.dates import parse_date
from amanat.core.records import (
    Annotation,
    Audience,
    Consent,
    Document,
    DocumentKind,
    Event,
    EventType,
    ImageRegion,
    Person,
    Provenance,
    Role,
    Text,
    TextKind,
    TextRange,
    Visibility,
)
from amanat.core.storage import annotations, documents, events, pages, people, tags, texts
from amanat.core.vault import Archive
from tests.helpers import scan_files
from tests.helpers.archives import PASSWORD, copy_archive, template

WITNESS_NAME = "Omid Canarywitness"
WITNESS_ALIAS = "CanaryAlias"
WITHDRAWN = "WITHDRAWN-CANARY testimony text"
PRIVATE_TESTIMONY = "PRIVATE-CANARY testimony text"
LEGAL_TEAM = "LEGALTEAM-CANARY testimony text"
PRIVATE_NOTE = "PRIVATE-NOTE-CANARY lawyer's thought"
SHARED_NOTE = "Shareable note: corroborated by T2"
CANARIES = (WITNESS_NAME, WITNESS_ALIAS, WITHDRAWN, PRIVATE_TESTIMONY, LEGAL_TEAM, PRIVATE_NOTE)


@dataclass(frozen=True)
class Sample:
    prisoner: str
    witness: str
    letter: str
    testimony: str
    anonymised: str
    page: str
    photo: bytes


def new_archive(folder: Path) -> Archive:
    """An empty archive at ``folder`` for the other side of a bundle, unlocked: a copy of
    the session's "advocate" template (tests.helpers.archives.template)."""
    return Archive.open(copy_archive(template("advocate"), folder), PASSWORD, actor="advocate")


def fill(archive: Archive) -> Sample:
    """A prisoner's letter with a GPS-tagged photo page, testimony at every consent level,
    an anonymised witness, annotations private and shareable, and events."""
    db = archive.db
    solitary = tags.ensure(db, "conditions/solitary")
    prisoner = people.add(db, Person("Mahtab Rezvani", roles=(Role.PRISONER,)))
    lawyer = people.add(db, Person("Farhad Sadeghpour", roles=(Role.LAWYER,)))
    witness = people.add(
        db,
        Person(
            WITNESS_NAME,
            aliases=(WITNESS_ALIAS,),
            roles=(Role.WITNESS,),
            birth_year=1980,
            notes="lives in Karaj",
        ),
    )
    letter = documents.add(
        db,
        Document(
            DocumentKind.LETTER,
            "Letter from Evin",
            date=parse_date("2020-03-01"),
            author_id=prisoner.id,
            concerned_ids=(prisoner.id,),
            tag_ids=(solitary.id,),
        ),
    )
    photo = scan_files.jpeg(gps=True, names=True)
    page = pages.add(db, letter.id, photo, "IMG_2034.jpg")
    letter_text = texts.add(
        db, Text(letter.id, TextKind.TRANSCRIPTION, "en", "They keep me alone in a cell.")
    )

    def testimony(title: str, consent: Consent, body: str, author: str = lawyer.id) -> Document:
        document = documents.add(
            db,
            Document(
                DocumentKind.TESTIMONY,
                title,
                date=parse_date("2021-05-01"),
                author_id=author,
                concerned_ids=(prisoner.id,),
                consent=consent,
            ),
        )
        texts.add(db, Text(document.id, TextKind.TRANSCRIPTION, "en", body))
        return document

    shared = testimony("Testimony T2", Consent(Audience.ADVOCATES), "She was on hunger strike.")
    anonymised = documents.add(
        db,
        Document(
            DocumentKind.TESTIMONY,
            "Testimony of a cellmate",
            date=parse_date("2022-03-02"),
            author_id=witness.id,
            recipient_ids=(lawyer.id,),
            concerned_ids=(prisoner.id,),
            consent=Consent(Audience.ADVOCATES, anonymise=True),
            provenance=Provenance(received_from=WITNESS_NAME, how="in person"),
        ),
    )
    texts.add(db, Text(anonymised.id, TextKind.TRANSCRIPTION, "en", "He fainted in the yard."))
    testimony("Withdrawn", Consent(Audience.ADVOCATES, withdrawn=True), WITHDRAWN)
    testimony("Private", Consent(Audience.PRIVATE), PRIVATE_TESTIMONY)
    testimony("Legal team only", Consent(Audience.LEGAL_TEAM), LEGAL_TEAM)
    annotations.on_text(db, letter_text.id, 0, 4, PRIVATE_NOTE)
    annotations.on_text(db, letter_text.id, 5, 9, SHARED_NOTE, visibility=Visibility.SHAREABLE)
    annotations.add(
        db,
        Annotation(
            ImageRegion(page.id, 0.1, 0.1, 0.2, 0.2),
            "the stamp",
            visibility=Visibility.SHAREABLE,
        ),
    )
    events.add(
        db,
        Event(prisoner.id, EventType.ARREST, parse_date("2019-11-03"), source_ids=(letter.id,)),
    )
    events.add(db, Event(witness.id, EventType.RELEASE, parse_date("2022-01-01")))
    assert isinstance(annotations.annotations_of(db)[0].target, TextRange)
    return Sample(prisoner.id, witness.id, letter.id, shared.id, anonymised.id, page.id, photo)


def export_to(
    sender: Archive,
    receiver: Archive,
    path: Path,
    scope: ExportScope,
    options: ExportOptions | None = None,
) -> Path:
    recipient = X25519Recipient.parse(identity.ensure(receiver.db).age_recipient)
    write_bundle(sender.db, plan_export(sender.db, scope, options), path, [recipient])
    return path


def members(bundle: Path, key: X25519Identity) -> dict[str, bytes]:
    """Every member of the bundle's tar, opened with the age module and Python's tarfile."""
    with open(bundle, "rb") as handle:
        plain = decrypt(handle, [key]).read()
    found: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
        for member in tar.getmembers():
            extracted = tar.extractfile(member)
            assert extracted is not None
            assert member.name not in found
            found[member.name] = extracted.read()
    return found


Members = list[tuple[str, bytes]]


def repack(
    bundle: Path,
    key: X25519Identity,
    change: Callable[[Members], Members],
    out: Path,
    recipient: X25519Recipient | None = None,
    raw_tail: bytes = b"",
) -> Path:
    """Open the bundle, let ``change`` alter its members, and encrypt the result again,
    as an adversary with the recipient's public key (or the passphrase) could."""
    with open(bundle, "rb") as handle:
        plain = decrypt(handle, [key]).read()
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
        listed = [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in change(listed):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    payload = buffer.getvalue() if not raw_tail else _without_end(buffer.getvalue()) + raw_tail
    with open(out, "wb") as handle, encrypt(handle, [recipient or key.recipient()]) as writer:
        writer.write(payload)
    return out


def _without_end(tar_bytes: bytes) -> bytes:
    """The tar without its end-of-archive zeros, so raw headers can follow."""
    end = len(tar_bytes)
    while end >= 512 and tar_bytes[end - 512 : end] == bytes(512):
        end -= 512
    return tar_bytes[:end]


def resign(sender: Archive, listed: Members, manifest: bytes) -> Members:
    """Replace the manifest and sign it with the sender's real key."""
    keys = identity.existing(sender.db)
    assert keys is not None
    out = [(n, d) for n, d in listed if n not in ("manifest.json", "manifest.sig")]
    return [("manifest.json", manifest), ("manifest.sig", signature(keys, manifest)), *out]
