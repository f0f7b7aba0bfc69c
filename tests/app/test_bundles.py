"""Who can open a bundle, decided in one place for the window and the command line."""

from __future__ import annotations

import pytest

from amanat.app import bundles, contacts
from amanat.core.bundle import ScryptIdentity, ScryptRecipient, X25519Identity, X25519Recipient
from amanat.core.errors import AmanatError, NoArchiveKeys
from amanat.core.vault import Archive


def test_without_keys_of_its_own_the_archive_cannot_open_a_bundle(archive: Archive) -> None:
    with pytest.raises(NoArchiveKeys):
        bundles.identities(archive, "")


def test_a_passphrase_opens_it_else_the_archives_own_key(archive: Archive) -> None:
    [by_passphrase] = bundles.identities(archive, "seven words of a long passphrase")
    assert isinstance(by_passphrase, ScryptIdentity)
    keys = contacts.my_keys(archive)
    [own] = bundles.identities(archive, "")
    assert isinstance(own, X25519Identity)
    assert own.recipient().to_string() == keys.age_recipient


def test_keys_win_over_a_passphrase_and_a_mistyped_key_is_refused(archive: Archive) -> None:
    keys = contacts.my_keys(archive)
    [to_key] = bundles.SendTo((keys.age_recipient,), "ignored").recipients()
    assert isinstance(to_key, X25519Recipient)
    [to_passphrase] = bundles.SendTo(passphrase="a passphrase").recipients()
    assert isinstance(to_passphrase, ScryptRecipient)
    with pytest.raises(AmanatError):
        bundles.SendTo(("age1notakey",)).recipients()
