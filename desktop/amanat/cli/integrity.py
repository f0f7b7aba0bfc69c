"""``amanat check``, ``audit``, ``backup`` and ``restore``: that the archive is whole, who
changed what, and a copy of it kept elsewhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from amanat.app import integrity
from amanat.cli.shared import Commands, ProgressBar, interruptible, show, unlocked, warn


def declare(commands: Commands) -> None:
    checking = commands.command("check", check_archive, "check the archive's integrity")
    checking.add_argument(
        "--full",
        action="store_true",
        help="also open every stored page and compare its SHA-256 (reads the whole archive)",
    )
    audit_commands = commands.group("audit", "the audit log")
    audit_commands.command("verify", verify_audit, "recompute the audit log's hash chain")
    listing = audit_commands.command("list", list_audit, "list the audit log")
    only = listing.add_mutually_exclusive_group()
    only.add_argument("--record", metavar="ID", help="only this record's entries")
    only.add_argument(
        "--document",
        metavar="DOC_ID",
        help="only this document's entries, with its pages', texts' and annotations'",
    )
    copy = commands.command(
        "backup", write_backup, "write the whole archive to one file, or update a backup folder"
    )
    copy.add_argument("file", nargs="?", help="the backup file to write (it must not exist)")
    copy.add_argument(
        "--to-folder",
        metavar="DIR",
        help="keep a backup in DIR up to date instead, copying only what is new",
    )
    restore = commands.command(
        "restore",
        restore_backup,
        "unpack a backup (a file, or a folder made with --to-folder) into a new folder",
        archive=False,
    )
    restore.add_argument("file", metavar="BACKUP")
    restore.add_argument("folder", metavar="DIR")


def check_archive(args: argparse.Namespace) -> int:
    bar = ProgressBar("checking every stored file")
    with unlocked(args) as archive:
        try:
            with interruptible() as cancel:
                report = integrity.check_archive(archive, args.full, bar, cancel)
        finally:
            bar.close()

    def lines() -> list[str]:
        if report.healthy and report.full:
            return [
                f"The archive is intact: encryption and database checks passed, "
                f"{report.files_checked} stored file(s) open and match their SHA-256, and the "
                f"audit log's {report.audit.entries} entries chain correctly."
                + (
                    " (Continued from the full check that stopped before.)"
                    if report.resumed
                    else ""
                )
            ]
        if report.healthy:
            return [
                f"The archive is intact: encryption and database checks passed, every stored "
                f"file is in its place, and the audit log's {report.audit.entries} entries "
                f"chain correctly. (check --full also opens every stored file.)"
            ]
        if report.cancelled:
            return [
                "Cancelled: the full check stopped before opening every stored file; the next "
                "check --full goes on from there."
            ]
        return [f"Problem: {problem}" for problem in report.problems]

    show(args, report, lines)
    if report.cancelled:
        return 1
    if not report.healthy:
        warn(f"the archive has {len(report.problems)} problem(s); restore it from a backup.")
        return 1
    return 0


def verify_audit(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        report = integrity.verify_audit(archive)
    if report.intact:
        print(f"The audit log is intact: {report.entries} entries chain correctly.")
        return 0
    warn(f"the audit log is broken at entry {report.first_broken}: {report.reason}.")
    return 1


def list_audit(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        entries = integrity.audit_entries(archive, args.record, args.document)
    show(
        args,
        entries,
        lambda: (
            f"{entry.seq:>6}  {entry.time}  {entry.actor or '-'}  {entry.action}  "
            f"{entry.record_type} {entry.record_id}  {entry.summary}"
            for entry in entries
        ),
    )
    return 0


def write_backup(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.to_folder is None):
        warn("give either a backup FILE or --to-folder DIR.")
        return 2
    bar = ProgressBar("backing up")
    with unlocked(args) as archive:
        try:
            with interruptible() as cancel:
                if args.to_folder is not None:
                    done = integrity.write_folder_backup(archive, Path(args.to_folder), bar, cancel)
                else:
                    integrity.write_backup(archive, Path(args.file), bar, cancel)
        finally:
            bar.close()
    if args.to_folder is not None:
        print(
            f"Updated the backup in {args.to_folder}: {done.copied_bytes:,} new byte(s) of "
            f"stored pages copied. It is encrypted like the archive: the same password opens it."
        )
        return 0
    print(
        f"Wrote the backup {args.file}. It is encrypted like the archive: the same password "
        "opens it."
    )
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    archive_id = integrity.restore_backup(Path(args.file), Path(args.folder))
    print(f"Restored the archive {archive_id} to {args.folder}.")
    return 0
