"""This archive's keys for bundles and the contacts it exchanges bundles with: added by their
public keys, verified once their fingerprint was compared by phone."""

from __future__ import annotations

from dataclasses import dataclass

from amanat.core.bundle import contacts, identity
from amanat.core.bundle.contacts import Contact
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class MyKeys:
    age_recipient: str
    """``age1…``: others encrypt bundles to it."""
    signing_key: str
    """``amanatsign1…``: others add it to their contact entry of this archive."""
    fingerprint: str
    """Six groups of four digits, read over the phone."""


def my_keys(archive: Archive) -> MyKeys:
    """This archive's keys, made the first time they are asked for."""
    keys = identity.ensure(archive.db)
    return MyKeys(keys.age_recipient, keys.signing_key, keys.fingerprint)


def list_contacts(archive: Archive) -> list[Contact]:
    return contacts.all_contacts(archive.db)


def add_contact(
    archive: Archive,
    name: str,
    age_recipient: str,
    signing_key: str | None,
    verified: bool = False,
) -> Contact:
    return contacts.add(archive.db, name, age_recipient, signing_key or None, verified=verified)


def set_signing_key(archive: Archive, contact_id: str, signing_key: str) -> Contact:
    return contacts.set_signing_key(archive.db, contact_id, signing_key)


def mark_verified(archive: Archive, contact_id: str) -> Contact:
    return contacts.set_verified(archive.db, contact_id, True)
