"""``amanat check``: everything that can be verified about an unlocked archive. SQLCipher's
page authentication, SQLite's own consistency check, every original file against its
SHA-256, and the audit chain."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from amanat.core import audit
from amanat.core.audit import AuditReport
from amanat.core.database import Database
from amanat.core.errors import CheckCancelled, DatabaseDamaged
from amanat.core.jobs import Cancel, Progress, Report, cancelled


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: tuple[str, ...]
    files_checked: int
    audit: AuditReport

    @property
    def healthy(self) -> bool:
        return not self.problems


def check(db: Database, report: Report | None = None, cancel: Cancel | None = None) -> CheckReport:
    """Run every check, even after one fails, so the report says all that is wrong.
    ``report`` hears the steps done (the database's two checks, each original file, the
    audit log); ``cancel`` is asked between them (CheckCancelled: nothing was changed)."""
    try:
        total = 3 + int(db.value("SELECT count(*) FROM files") or 0)
    except DatabaseDamaged:
        total = 3  # the damage is named below
    step = _Steps(total, report, cancel)
    problems: list[str] = []
    for (message,) in db.all("PRAGMA cipher_integrity_check"):
        problems.append(f"encrypted page check: {message}")
    step.done()
    try:
        for (message,) in db.all("PRAGMA integrity_check"):
            if message != "ok":
                problems.append(f"database check: {message}")
    except DatabaseDamaged:
        problems.append("database check: the database cannot be read to the end")
    step.done()
    files = 0
    try:
        for sha256, size in db.all("SELECT sha256, size FROM files"):
            data = db.value("SELECT bytes FROM files WHERE sha256 = ?", (sha256,))
            files += 1
            step.done()
            if len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
                problems.append(f"the original file {sha256[:12]}… no longer matches its SHA-256")
    except DatabaseDamaged:
        problems.append("original files: some could not be read")
    try:
        chain = audit.verify(db)
    except DatabaseDamaged:
        chain = AuditReport(0, None)
        problems.append("audit log: it could not be read to the end")
    step.done()
    if not chain.intact:
        problems.append(f"audit log entry {chain.first_broken} is broken: {chain.reason}")
    return CheckReport(tuple(problems), files, chain)


class _Steps:
    def __init__(self, total: int, report: Report | None, cancel: Cancel | None) -> None:
        self._total = total
        self._done = 0
        self._report = report
        self._cancel = cancel

    def done(self) -> None:
        if cancelled(self._cancel):
            raise CheckCancelled()
        self._done += 1
        if self._report is not None:
            self._report(Progress(min(self._done, self._total), self._total))
