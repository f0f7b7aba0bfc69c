"""``amanat init``, ``passwd``, ``recovery-code`` and ``demo``: making an archive and the
secrets that open it."""

from __future__ import annotations

import argparse
from pathlib import Path

from amanat.app import archives, care
from amanat.cli.shared import Commands, new_password, unlocked


def declare_init(commands: Commands) -> None:
    init = commands.command("init", init_archive, "create a new, empty archive", archive=False)
    init.add_argument("folder", metavar="ARCHIVE")
    init.add_argument(
        "--password-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="read the new password from the first line of FILE",
    )


def init_archive(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    chosen = new_password(args, "password_file")
    with archives.create_archive(folder, chosen, actor=args.actor).archive as archive:
        print(f"Created the archive {folder} ({archive.archive_id}).")
    print("Keep the password safe: without it (or a recovery code) nobody can open the archive.")
    print("Make a recovery code now with: amanat recovery-code --archive", folder)
    return 0


def declare_secrets(commands: Commands) -> None:
    passwd = commands.command("passwd", change_password, "change the password")
    passwd.add_argument("--new-password-file", metavar="FILE")
    passwd.add_argument(
        "--re-encrypt",
        action="store_true",
        help="also give the archive a new key, so no earlier keys.json (in a backup, say) "
        "opens it; recommended when the old password may have been seen",
    )
    recovery = commands.command(
        "recovery-code",
        recovery_code,
        "make a recovery code that opens the archive if the password is forgotten",
    )
    recovery.add_argument(
        "--remove",
        action="store_true",
        help="remove the recovery code instead: only the password opens the archive then",
    )


def change_password(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        chosen = new_password(args, "new_password_file")
        if not args.re_encrypt:
            archives.change_password(archive, chosen)
            print(
                "The password was changed: this archive no longer opens with the old one. "
                "The key inside is the same, so a copy of keys.json from before (in any "
                "earlier backup) still opens it with the old password. If the old password "
                "may have been seen, run again with --re-encrypt."
            )
            return 0
        code = archives.change_password_and_re_encrypt(archive, chosen)
    print(
        "The password was changed and the archive re-encrypted with a new key: neither the "
        "old password nor any earlier keys.json opens it now. Backups made before are copies "
        "of the old archive and still open with the old password; destroy them and make a "
        "new backup."
    )
    if code is not None:
        print("The old recovery code no longer works. The new one (write it down):")
        print()
        print(f"    {code}")
        print()
        print("It is shown only this once. Anyone who has it can open the archive.")
    return 0


def recovery_code(args: argparse.Namespace) -> int:
    if args.remove:
        with unlocked(args) as archive:
            removed = care.remove_recovery_code(archive)
        print(
            "The recovery code was removed: only the password opens the archive now."
            if removed
            else "This archive has no recovery code; nothing was changed."
        )
        return 0
    with unlocked(args) as archive:
        made = archives.new_recovery_code(archive)
    print("Your recovery code (write it down and keep it somewhere safe, away from the laptop):")
    print()
    print(f"    {made.code}")
    print()
    print("It is shown only this once. Anyone who has it can open the archive.")
    if made.replaced:
        print("The earlier recovery code no longer works.")
    return 0


def declare_demo(commands: Commands) -> None:
    demo = commands.command(
        "demo",
        make_demo,
        "create a demo archive of made-up people (password: demo)",
        archive=False,
    )
    demo.add_argument("folder", metavar="ARCHIVE")


def make_demo(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    archives.create_demo(folder)
    print(f"Created the demo archive {folder}; its password is “demo”. Nothing in it is real.")
    return 0
