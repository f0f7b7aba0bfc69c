"""Contacts: the people this archive exchanges bundles with. Each has an ``age1…`` key to
encrypt bundles to, and may have a signing key that tells their bundles apart from anyone
else's; ``verified`` records that its fingerprint was compared with them (by phone, in
person) rather than only copied from a message an adversary could have changed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from amanat.core import audit
from amanat.core.bundle.age import X25519Recipient
from amanat.core.bundle.identity import fingerprint, format_signing_key, parse_signing_key
from amanat.core.database import Database, Row
from amanat.core.errors import (
    QT_TRANSLATE_NOOP,
    AmanatError,
    ContactExists,
    InvalidInput,
    RecordNotFound,
)
from amanat.core.records import new_id, now
from amanat.core.storage.columns import time_from, time_text

_COLUMNS = "id, name, age_recipient, signing_key, verified, created, modified"


class NoSigningKey(AmanatError):
    code = "contact-no-signing-key"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{name} has no signing key yet, so there is no fingerprint to compare; add their "
        "amanatsign1… key first.",
    )


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    age_recipient: str
    signing_key: str | None = None
    """``amanatsign1…``; None until the contact sends theirs."""
    verified: bool = False
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)
    modified: datetime.datetime = field(default_factory=now)

    @property
    def fingerprint(self) -> str | None:
        if self.signing_key is None:
            return None
        return fingerprint(parse_signing_key(self.signing_key))


def add(
    db: Database,
    name: str,
    age_recipient: str,
    signing_key: str | None = None,
    verified: bool = False,
) -> Contact:
    """Check both keys (a typo is caught by their checksums) and keep the contact."""
    if not name.strip():
        raise InvalidInput("contact-needs-name")
    recipient = X25519Recipient.parse(age_recipient).to_string()
    signing = None if signing_key is None else format_signing_key(parse_signing_key(signing_key))
    contact = Contact(name.strip(), recipient, signing, verified)
    with db.transaction():
        other = db.value("SELECT name FROM contacts WHERE age_recipient = ?", (recipient,))
        if other is not None:
            raise ContactExists(name=other, key=recipient)
        db.execute(f"INSERT INTO contacts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", _row(contact))
        audit.append(db, "added", "contact", contact.id, f"added contact {contact.name}")
    return contact


def set_verified(db: Database, contact_id: str, verified: bool = True) -> Contact:
    """Record that the contact's fingerprint was compared with them (or, with ``verified``
    False, that it no longer counts as compared)."""
    with db.transaction():
        contact = replace(get(db, contact_id), verified=verified, modified=now())
        if verified and contact.signing_key is None:
            # Without a signing key there is no fingerprint, so nothing was compared.
            raise NoSigningKey(name=contact.name)
        db.execute(
            "UPDATE contacts SET verified = ?, modified = ? WHERE id = ?",
            (int(verified), time_text(contact.modified), contact_id),
        )
        state = "verified" if verified else "not verified"
        audit.append(db, "changed", "contact", contact_id, f"marked {contact.name} {state}")
    return contact


def set_signing_key(db: Database, contact_id: str, signing_key: str) -> Contact:
    """Give a contact the signing key they sent later. It starts out not verified: it is
    a new key, and only comparing its fingerprint with them makes it verified."""
    key = format_signing_key(parse_signing_key(signing_key))
    with db.transaction():
        contact = replace(get(db, contact_id), signing_key=key, verified=False, modified=now())
        db.execute(
            "UPDATE contacts SET signing_key = ?, verified = 0, modified = ? WHERE id = ?",
            (key, time_text(contact.modified), contact_id),
        )
        audit.append(db, "changed", "contact", contact_id, f"set the signing key of {contact.name}")
    return contact


def get(db: Database, contact_id: str) -> Contact:
    row = db.one(f"SELECT {_COLUMNS} FROM contacts WHERE id = ?", (contact_id,))
    if row is None:
        raise RecordNotFound(kind="contact", record_id=contact_id)
    return _contact(row)


def all_contacts(db: Database) -> list[Contact]:
    return [_contact(row) for row in db.all(f"SELECT {_COLUMNS} FROM contacts ORDER BY name")]


def by_signing_key(db: Database, public_key: bytes) -> Contact | None:
    """The contact whose signing key this is, if any; the verified one first."""
    row = db.one(
        f"SELECT {_COLUMNS} FROM contacts WHERE signing_key = ? ORDER BY verified DESC LIMIT 1",
        (format_signing_key(public_key),),
    )
    return None if row is None else _contact(row)


def _row(contact: Contact) -> tuple[object, ...]:
    return (
        contact.id,
        contact.name,
        contact.age_recipient,
        contact.signing_key,
        int(contact.verified),
        time_text(contact.created),
        time_text(contact.modified),
    )


def _contact(row: Row) -> Contact:
    return Contact(
        id=row[0],
        name=row[1],
        age_recipient=row[2],
        signing_key=row[3],
        verified=bool(row[4]),
        created=time_from(row[5]),
        modified=time_from(row[6]),
    )
