"""The bundle operations the GUI runs on the archive's worker thread (see gui/worker.py).

Each returns an operation: a callable taking the worker's ``Session`` that works through
core/bundle and returns plain values. Progress callbacks are called on the worker thread;
the dialogs pass a queued signal's ``emit``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

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
from amanat.core.bundle.export import Progress as ExportProgress
from amanat.core.bundle.importer import BundleReport, import_bundle, verify_bundle
from amanat.core.bundle.importer import Progress as ImportProgress
from amanat.core.errors import NoArchiveKeys
from amanat.core.records import Person
from amanat.core.storage import people, tags
from amanat.gui.worker import Operation, Session

Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class MyKeys:
    age_recipient: str
    """``age1…``: others encrypt bundles to it."""
    signing_key: str
    """``amanatsign1…``: others add it to their contact entry of this archive."""
    fingerprint: str
    """Six groups of four digits, read over the phone."""


def my_keys(session: Session) -> MyKeys:
    keys = identity.ensure(session.require().db)
    return MyKeys(keys.age_recipient, keys.signing_key, keys.fingerprint)


def list_contacts(session: Session) -> list[Contact]:
    return contacts.all_contacts(session.require().db)


def add_contact(name: str, age_recipient: str, signing_key: str | None) -> Operation[Contact]:
    def run(session: Session) -> Contact:
        return contacts.add(session.require().db, name, age_recipient, signing_key or None)

    return run


def set_signing_key(contact_id: str, signing_key: str) -> Operation[Contact]:
    def run(session: Session) -> Contact:
        return contacts.set_signing_key(session.require().db, contact_id, signing_key)

    return run


def mark_verified(contact_id: str) -> Operation[Contact]:
    def run(session: Session) -> Contact:
        return contacts.set_verified(session.require().db, contact_id, True)

    return run


# --- Export ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportChoices:
    """What the export dialog offers: people, tags and contacts to choose from."""

    people: tuple[Person, ...]
    tags: tuple[tuple[str, str], ...]
    """(id, path such as "conditions/solitary"), by path."""
    contacts: tuple[Contact, ...]


def export_choices(session: Session) -> ExportChoices:
    db = session.require().db
    return ExportChoices(
        tuple(people.all_people(db)),
        tuple(sorted(((t.id, tags.path_of(db, t.id)) for t in tags.all_tags(db)), key=_second)),
        tuple(contacts.all_contacts(db)),
    )


def _second(pair: tuple[str, str]) -> str:
    return pair[1].casefold()


def plan(scope: ExportScope, options: ExportOptions) -> Operation[ExportPlan]:
    def run(session: Session) -> ExportPlan:
        return plan_export(session.require().db, scope, options)

    return run


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
    chosen: ExportPlan,
    path: Path,
    send_to: SendTo,
    progress: Callable[[ExportProgress], None],
    cancelled: Cancelled,
) -> Operation[WrittenBundle]:
    def run(session: Session) -> WrittenBundle:
        db = session.require().db
        return write_bundle(db, chosen, path, send_to.recipients(), progress, cancelled)

    return run


# --- Import ---------------------------------------------------------------------------------


def _identities(session: Session, passphrase: str) -> Sequence[Identity]:
    if passphrase:
        return [ScryptIdentity(passphrase)]
    keys = identity.existing(session.require().db)
    if keys is None:
        raise NoArchiveKeys()
    return [keys.age_identity]


def verify(
    path: Path,
    passphrase: str,
    progress: Callable[[ImportProgress], None],
    cancelled: Cancelled,
) -> Operation[BundleReport]:
    """Check the bundle completely and say what importing it would do; changes nothing.
    An empty passphrase means: open it with this archive's own key."""

    def run(session: Session) -> BundleReport:
        db = session.require().db
        return verify_bundle(db, path, _identities(session, passphrase), progress, cancelled)

    return run


def import_(
    path: Path,
    passphrase: str,
    accepted_signer: str | None,
    confirmed_additions: bool,
    progress: Callable[[ImportProgress], None],
    cancelled: Cancelled,
) -> Operation[BundleReport]:
    def run(session: Session) -> BundleReport:
        return import_bundle(
            session.require().db,
            path,
            _identities(session, passphrase),
            accepted_signer,
            confirmed_additions,
            progress,
            cancelled,
        )

    return run
