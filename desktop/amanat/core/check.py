"""``amanat check``: everything that can be verified about an unlocked archive. SQLCipher's
page authentication, SQLite's own consistency check, every original file against its
SHA-256, and the audit chain."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from amanat.core import audit
from amanat.core.audit import AuditReport
from amanat.core.database import Database
from amanat.core.errors import DatabaseDamaged


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: tuple[str, ...]
    files_checked: int
    audit: AuditReport

    @property
    def healthy(self) -> bool:
        return not self.problems


def check(db: Database) -> CheckReport:
    """Run every check, even after one fails, so the report says all that is wrong."""
    problems: list[str] = []
    for (message,) in db.all("PRAGMA cipher_integrity_check"):
        problems.append(f"encrypted page check: {message}")
    try:
        for (message,) in db.all("PRAGMA integrity_check"):
            if message != "ok":
                problems.append(f"database check: {message}")
    except DatabaseDamaged:
        problems.append("database check: the database cannot be read to the end")
    files = 0
    try:
        for sha256, size in db.all("SELECT sha256, size FROM files"):
            data = db.value("SELECT bytes FROM files WHERE sha256 = ?", (sha256,))
            files += 1
            if len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
                problems.append(f"the original file {sha256[:12]}… no longer matches its SHA-256")
    except DatabaseDamaged:
        problems.append("original files: some could not be read")
    try:
        report = audit.verify(db)
    except DatabaseDamaged:
        report = AuditReport(0, None)
        problems.append("audit log: it could not be read to the end")
    if not report.intact:
        problems.append(f"audit log entry {report.first_broken} is broken: {report.reason}")
    return CheckReport(tuple(problems), files, report)
