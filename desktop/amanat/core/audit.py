"""The audit log: every change to the archive appends an entry whose hash covers the entry
and the hash before it, so an edited, removed or reordered entry breaks the chain at that
point and ``verify`` names it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from amanat.core.database import Database
from amanat.core.errors import QT_TRANSLATE_NOOP
from amanat.core.records import now

GENESIS = "0" * 64

# Why an entry breaks the chain, marked for the translators (core/check.py's context): the
# window shows a broken log's reason in its language.
MISSING = QT_TRANSLATE_NOOP("CheckProblems", "it is missing")
OUT_OF_CHAIN = QT_TRANSLATE_NOOP("CheckProblems", "it does not follow the entry before it")
CHANGED = QT_TRANSLATE_NOOP("CheckProblems", "its content was changed after it was written")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    time: str
    actor: str
    action: str
    record_type: str
    record_id: str
    summary: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class AuditReport:
    entries: int
    first_broken: int | None = None
    """The sequence number of the first entry that does not fit the chain."""
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def append(db: Database, action: str, record_type: str, record_id: str, summary: str) -> None:
    """Record a change; call inside the change's own transaction so both land or neither."""
    head = db.one("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
    seq, prev_hash = (head[0] + 1, head[1]) if head else (1, GENESIS)
    time = now().isoformat()
    actor = db.actor
    digest = _hash(seq, time, actor, action, record_type, record_id, summary, prev_hash)
    db.execute(
        "INSERT INTO audit_log (seq, time, actor, action, record_type, record_id, summary,"
        " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, time, actor, action, record_type, record_id, summary, prev_hash, digest),
    )


def entries(db: Database, record_id: str | None = None) -> list[AuditEntry]:
    sql = "SELECT * FROM audit_log"
    params: tuple[str, ...] = ()
    if record_id is not None:
        sql += " WHERE record_id = ?"
        params = (record_id,)
    return [AuditEntry(*row) for row in db.all(sql + " ORDER BY seq", params)]


def verify(db: Database) -> AuditReport:
    expected_prev = GENESIS
    count = 0
    cursor = db.execute("SELECT * FROM audit_log ORDER BY seq")
    for row in cursor:
        entry = AuditEntry(*row)
        count += 1
        if entry.seq != count:
            return AuditReport(count - 1, count, MISSING)
        if entry.prev_hash != expected_prev:
            return AuditReport(count - 1, entry.seq, OUT_OF_CHAIN)
        recomputed = _hash(
            entry.seq,
            entry.time,
            entry.actor,
            entry.action,
            entry.record_type,
            entry.record_id,
            entry.summary,
            entry.prev_hash,
        )
        if recomputed != entry.hash:
            return AuditReport(count - 1, entry.seq, CHANGED)
        expected_prev = entry.hash
    return AuditReport(count)


def _hash(
    seq: int,
    time: str,
    actor: str,
    action: str,
    record_type: str,
    record_id: str,
    summary: str,
    prev_hash: str,
) -> str:
    fields = [seq, time, actor, action, record_type, record_id, summary, prev_hash]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(canonical).hexdigest()
