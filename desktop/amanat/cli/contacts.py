"""``amanat identity show`` and ``amanat contact add|list|verify``: this archive's keys for
bundles and the people it exchanges bundles with."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from amanat.cli.shared import Commands, jsonable, show, unlocked

if TYPE_CHECKING:  # the bundle modules load the cryptography: only when a command needs them
    from amanat.core.bundle.contacts import Contact


def declare(commands: Commands) -> None:
    keys = commands.group("identity", "this archive's keys for bundles")
    keys.command(
        "show",
        show_identity,
        "show the public key to give to senders and the fingerprint to compare by phone",
    )

    contact = commands.group("contact", "the people you exchange bundles with")
    add = contact.command("add", add_contact, "add a contact and their keys")
    add.add_argument("name", metavar="NAME")
    add.add_argument("age_key", metavar="AGE1KEY", help="their public key, age1…")
    add.add_argument("--signing-key", metavar="KEY", help="their signing key, amanatsign1…")
    add.add_argument(
        "--verified", action="store_true", help="you compared the fingerprint with them"
    )
    contact.command("list", list_contacts, "list contacts")
    verify = contact.command(
        "verify",
        verify_contact,
        "mark a contact verified, once you compared their fingerprint with them by phone",
    )
    verify.add_argument("id", metavar="ID")


def _contact_json(contact: Contact) -> dict[str, Any]:
    return {**jsonable(contact), "fingerprint": contact.fingerprint}


def show_identity(args: argparse.Namespace) -> int:
    from amanat.app.contacts import my_keys

    with unlocked(args) as archive:
        keys = my_keys(archive)
    data = {
        "archive_id": archive.archive_id,
        "age_recipient": keys.age_recipient,
        "signing_key": keys.signing_key,
        "fingerprint": keys.fingerprint,
    }
    show(
        args,
        data,
        lambda: [
            f"Public key (give it to those who send you bundles): {keys.age_recipient}",
            f"Signing key (for their contact entry of you):      {keys.signing_key}",
            f"Fingerprint (compare it by phone):                 {keys.fingerprint}",
        ],
    )
    return 0


def add_contact(args: argparse.Namespace) -> int:
    from amanat.app import contacts

    with unlocked(args) as archive:
        contact = contacts.add_contact(
            archive, args.name, args.age_key, args.signing_key, verified=args.verified
        )

    def lines() -> list[str]:
        if contact.fingerprint and not contact.verified:
            return [
                contact.id,
                f"Fingerprint {contact.fingerprint}: compare it with {contact.name} by phone, "
                f"then run: amanat contact verify {contact.id}",
            ]
        return [contact.id]

    show(args, _contact_json(contact), lines)
    return 0


def verify_contact(args: argparse.Namespace) -> int:
    from amanat.app import contacts

    with unlocked(args) as archive:
        contact = contacts.mark_verified(archive, args.id)
    show(
        args,
        _contact_json(contact),
        lambda: [f"{contact.name} is marked verified (fingerprint {contact.fingerprint})."],
    )
    return 0


def list_contacts(args: argparse.Namespace) -> int:
    from amanat.app import contacts

    with unlocked(args) as archive:
        found = contacts.list_contacts(archive)

    def lines() -> list[str]:
        return [
            f"{c.name}  {c.age_recipient}  {c.fingerprint or '-'} "
            f"({'verified' if c.verified else 'not verified'})"
            for c in found
        ]

    show(args, [_contact_json(c) for c in found], lines)
    return 0
