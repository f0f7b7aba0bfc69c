"""The archive's own keys and its contacts."""

from __future__ import annotations

import os

import pytest

from amanat.core import audit
from amanat.core.bundle import AgeInvalidKey, contacts, identity
from amanat.core.errors import ContactExists, InvalidSigningKey
from amanat.core.records import now
from amanat.core.vault import Archive


def test_keys_are_made_once_on_first_use_with_an_audit_entry(archive: Archive):
    assert identity.existing(archive.db) is None
    made = identity.ensure(archive.db)
    assert identity.ensure(archive.db) == made
    assert made.age_recipient.startswith("age1")
    assert made.signing_key.startswith("amanatsign1")
    assert [e.action for e in audit.entries(archive.db)].count("keys-made") == 1
    assert audit.verify(archive.db).intact


def test_keys_stay_with_the_archive(archive_folder, archive: Archive):
    made = identity.ensure(archive.db)
    archive.lock()
    with Archive.open(archive_folder, "correct horse battery staple") as again:
        assert identity.existing(again.db) == made


def test_fingerprint_is_six_groups_of_four_digits(archive: Archive):
    fingerprint = identity.ensure(archive.db).fingerprint
    groups = fingerprint.split(" ")
    assert len(groups) == 6 and all(len(g) == 4 and g.isdigit() for g in groups)


def test_signing_key_text_round_trips_and_catches_typos(archive: Archive):
    keys = identity.ensure(archive.db)
    assert identity.parse_signing_key(keys.signing_key) == keys.signing_public
    typo = keys.signing_key[:-1] + ("q" if keys.signing_key[-1] != "q" else "p")
    with pytest.raises(InvalidSigningKey):
        identity.parse_signing_key(typo)
    with pytest.raises(InvalidSigningKey):
        identity.parse_signing_key(keys.age_recipient)


def test_a_contact_keeps_both_keys_and_is_found_by_signing_key(archive: Archive):
    other = identity.ArchiveIdentity(os.urandom(32), os.urandom(32), now())
    contact = contacts.add(archive.db, "Advocate in Geneva", other.age_recipient, other.signing_key)
    assert contact.fingerprint == other.fingerprint and not contact.verified
    assert contacts.by_signing_key(archive.db, other.signing_public) == contact
    verified = contacts.set_verified(archive.db, contact.id)
    assert verified.verified and contacts.all_contacts(archive.db) == [verified]
    with pytest.raises(ContactExists):
        contacts.add(archive.db, "Again", other.age_recipient)


def test_a_mistyped_age_key_is_refused(archive: Archive):
    with pytest.raises(AgeInvalidKey):
        contacts.add(archive.db, "Someone", "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqq")
