"""``amanat check``, ``audit``, ``backup`` and ``restore``: that the archive is whole, who
changed what, and a copy of it kept elsewhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from amanat.app import integrity
from amanat.cli.shared import Commands, show, unlocked, warn


def declare(commands: Commands) -> None:
    commands.command("check", check_archive, "check the archive's integrity")
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
    copy = commands.command("backup", write_backup, "write the whole archive to one file")
    copy.add_argument("file")
    restore = commands.command(
        "restore", restore_backup, "unpack a backup into a new folder", archive=False
    )
    restore.add_argument("file")
    restore.add_argument("folder", metavar="DIR")


def check_archive(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        report = integrity.check_archive(archive)

    def lines() -> list[str]:
        if report.healthy:
            return [
                f"The archive is intact: encryption and database checks passed, "
                f"{report.files_checked} original file(s) match their SHA-256, and the audit "
                f"log's {report.audit.entries} entries chain correctly."
            ]
        return [f"Problem: {problem}" for problem in report.problems]

    show(args, report, lines)
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
    with unlocked(args) as archive:
        integrity.write_backup(archive, Path(args.file))
    print(
        f"Wrote the backup {args.file}. It is encrypted like the archive: the same password "
        "opens it."
    )
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    archive_id = integrity.restore_backup(Path(args.file), Path(args.folder))
    print(f"Restored the archive {archive_id} to {args.folder}.")
    return 0
