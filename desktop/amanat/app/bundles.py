"""Bundles: choosing what leaves and for whom, writing the bundle, and checking or importing
one that arrived, opened with a passphrase or with this archive's own key."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from amanat.app.tags import all_entries, existing
from amanat.core.bundle import (
    Identity,
    Recipient,
    ScryptIdentity,
    ScryptRecipient,
    X25519Recipient,
    contacts,
    identity,
)
from amanat.core.bundle.contacts import Contact
from amanat.core.bundle.export import (
    ExportOptions,
    ExportPlan,
    ExportScope,
    WrittenBundle,
    plan_export,
    write_bundle,
)
from amanat.core.bundle.importer import BundleReport, import_bundle, verify_bundle
from amanat.core.errors import NoArchiveKeys
from amanat.core.jobs import Cancel, Report
from amanat.core.records import Person
from amanat.core.storage import people
from amanat.core.vault import Archive

# --- Export ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportChoices:
    """What there is to choose from for an export: people, tags and contacts."""

    people: tuple[Person, ...]
    tags: tuple[tuple[str, str], ...]
    """(id, path such as "conditions/solitary"), by path."""
    contacts: tuple[Contact, ...]


def export_choices(archive: Archive) -> ExportChoices:
    db = archive.db
    return ExportChoices(
        tuple(people.all_people(db)),
        tuple((entry.tag.id, entry.path) for entry in all_entries(archive)),
        tuple(contacts.all_contacts(db)),
    )


def export_scope(
    archive: Archive,
    person_id: str | None = None,
    document_ids: Sequence[str] = (),
    tag_path: str | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> ExportScope:
    """What to send, with the tag named by its path (one that does not exist is an error)."""
    tag = existing(archive.db, tag_path)
    return ExportScope(
        person_id=person_id,
        document_ids=tuple(dict.fromkeys(document_ids)),
        tag_id=tag.id if tag else None,
        since=since,
        until=until,
    )


def plan_bundle(archive: Archive, scope: ExportScope, options: ExportOptions) -> ExportPlan:
    """What would leave and what is held back (consent, private notes), before anything is
    written."""
    return plan_export(archive.db, scope, options)


@dataclass(frozen=True, slots=True)
class SendTo:
    """Who can open the bundle: these contacts' ``age1…`` keys, or else a passphrase."""

    age_recipients: tuple[str, ...] = ()
    passphrase: str = ""

    def recipients(self) -> list[Recipient]:
        if self.age_recipients:
            return [X25519Recipient.parse(key) for key in self.age_recipients]
        return [ScryptRecipient(self.passphrase)]


def write(
    archive: Archive,
    plan: ExportPlan,
    path: Path,
    send_to: SendTo,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> WrittenBundle:
    """Write the planned bundle to ``path`` (which must not exist), encrypted for ``send_to``
    and signed with this archive's key."""
    recipients = send_to.recipients()  # a mistyped key is refused before anything is read
    return write_bundle(archive.db, plan, path, recipients, report, cancel)


# --- Import ------------------------------------------------------------------------------


def identities(archive: Archive, passphrase: str) -> list[Identity]:
    """What opens a bundle: ``passphrase``, or when it is empty this archive's own key."""
    if passphrase:
        return [ScryptIdentity(passphrase)]
    keys = identity.existing(archive.db)
    if keys is None:
        raise NoArchiveKeys()
    return [keys.age_identity]


def verify(
    archive: Archive,
    path: Path,
    passphrase: str,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> BundleReport:
    """Check the bundle completely and say what importing it would do; changes nothing. An
    empty passphrase means: open it with this archive's own key."""
    opened_by = identities(archive, passphrase)
    return verify_bundle(archive.db, path, opened_by, report, cancel)


def import_(
    archive: Archive,
    path: Path,
    passphrase: str,
    accepted_signer: str | None = None,
    confirmed_additions: bool = False,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> BundleReport:
    """Verify the bundle and import it in one transaction, or nothing at all.
    ``accepted_signer`` is the fingerprint the user compared, which admits a signer who is not
    a contact (and no other); ``confirmed_additions`` accepts what the bundle adds to records
    already here when its signer is not a verified contact."""
    opened_by = identities(archive, passphrase)
    return import_bundle(
        archive.db, path, opened_by, accepted_signer, confirmed_additions, report, cancel
    )
