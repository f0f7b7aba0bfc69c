"""``amanat check``: everything that can be verified about an unlocked archive.

The quick check (the default) reads only the database and the sizes of files: SQLCipher's
page authentication, SQLite's own consistency check, the index of objects against the
segments (every object inside its segment's committed length, none overlapping another,
every segment present and as long as recorded) and the audit chain. The full check also
opens every sealed object, authenticating each chunk, and compares its SHA-256. Where an
object is damaged, the check names the documents whose pages it belongs to; the rest of the
archive stays readable.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field

from amanat.core import audit
from amanat.core.audit import AuditReport
from amanat.core.database import Database
from amanat.core.errors import QT_TRANSLATE_NOOP, DatabaseDamaged, StoredObjectDamaged
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.segments import objects, sealing, segment_files, upkeep

CONTEXT = "CheckProblems"
"""The translation context of the problems' sentences (and of the audit log's reasons)."""

PROBLEMS: dict[str, str] = {
    "encrypted-page": QT_TRANSLATE_NOOP("CheckProblems", "encrypted page check: {message}"),
    "database": QT_TRANSLATE_NOOP("CheckProblems", "database check: {message}"),
    "database-unreadable": QT_TRANSLATE_NOOP(
        "CheckProblems", "database check: the database cannot be read to the end"
    ),
    "index-unreadable": QT_TRANSLATE_NOOP(
        "CheckProblems", "original files: the index of them could not be read"
    ),
    "segment-missing": QT_TRANSLATE_NOOP("CheckProblems", "segment {name}… is missing"),
    "segment-short": QT_TRANSLATE_NOOP(
        "CheckProblems", "segment {name}… is shorter than recorded ({size} of {length})"
    ),
    "object-misplaced": QT_TRANSLATE_NOOP("CheckProblems", "object {name}… lies outside its place"),
    "file-without-object": QT_TRANSLATE_NOOP(
        "CheckProblems", "the original file {name}… has no stored object"
    ),
    "object-unused": QT_TRANSLATE_NOOP("CheckProblems", "object {name}… belongs to no page"),
    "document-damaged": QT_TRANSLATE_NOOP(
        "CheckProblems", "the document “{title}” has damaged or missing page files (page {pages})"
    ),
    "audit-unreadable": QT_TRANSLATE_NOOP(
        "CheckProblems", "audit log: it could not be read to the end"
    ),
    "audit-broken": QT_TRANSLATE_NOOP(
        "CheckProblems", "audit log entry {entry} is broken: {reason}"
    ),
}
"""Each problem the check can find, in English with its placeholders: what ``amanat check``
prints, and what the window translates. {message} is SQLite's own words, never translated."""


class Problem(str):
    """A problem found, filled: a string (the English line, as the command line prints it)
    that keeps its code and values for the window, which translates it."""

    code: str
    values: dict[str, object]

    def __new__(cls, code: str, **values: object) -> Problem:
        made = super().__new__(cls, PROBLEMS[code].format(**values))
        made.code = code
        made.values = values
        return made


@dataclass(frozen=True, slots=True)
class DamagedDocument:
    """A document with a page whose original or preview is damaged or missing."""

    id: str
    title: str
    pages: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: tuple[Problem, ...]
    files_checked: int
    """Objects (originals and previews) opened and compared with their SHA-256; 0 for a
    quick check, which opens none."""
    audit: AuditReport
    full: bool = False
    damaged: tuple[DamagedDocument, ...] = field(default=())
    cancelled: bool = False
    resumed: bool = False
    """The full check went on from where an earlier one stopped (what that one opened is
    counted in ``files_checked``)."""

    @property
    def healthy(self) -> bool:
        return not self.problems and not self.cancelled


def check(
    db: Database, full: bool = False, report: Report | None = None, cancel: Cancel | None = None
) -> CheckReport:
    """Run every check, even after one fails, so the report says all that is wrong.
    ``report`` hears the quick check's steps (the database's two checks, the index of
    objects, the audit log) and, in a full check, the objects opened; ``cancel`` is asked
    between steps and between two objects, and a cancelled check says so in its report
    (``cancelled``; a full one keeps where it got to, to go on from there next time)."""
    problems: list[Problem] = []
    bad: set[str] = set()
    opened = 0
    stopped = False
    resumed = full and _resume_point(db) is not None
    audited = AuditReport(0, None)
    # The quick part of a full check is over in moments: its report and cancel are the
    # objects' (asked once per object, so a stopped check resumes at the right one).
    steps = _Steps(None, None) if full else _Steps(report, cancel)
    for (message,) in db.all("PRAGMA cipher_integrity_check"):
        problems.append(Problem("encrypted-page", message=message))
    stopped = steps.done()
    if not stopped:
        try:
            for (message,) in db.all("PRAGMA integrity_check"):
                if message != "ok":
                    problems.append(Problem("database", message=message))
        except DatabaseDamaged:
            problems.append(Problem("database-unreadable"))
        stopped = steps.done()
    if not stopped:
        try:
            bad |= _extents(db, problems)
            stopped = steps.done()
            if full and not stopped:
                opened, stopped, broken = _open_every_object(db, bad, report, cancel)
                bad |= broken
        except DatabaseDamaged:
            problems.append(Problem("index-unreadable"))
    damaged = _documents_of(db, bad) if bad else ()
    for document in damaged:
        numbers = ", ".join(str(n) for n in document.pages)
        problems.append(Problem("document-damaged", title=document.title, pages=numbers))
    if not stopped:
        try:
            audited = audit.verify(db)
        except DatabaseDamaged:
            problems.append(Problem("audit-unreadable"))
        if not audited.intact:
            problems.append(
                Problem("audit-broken", entry=audited.first_broken, reason=audited.reason)
            )
        if not full:
            steps.done()
    return CheckReport(tuple(problems), opened, audited, full, damaged, stopped, resumed)


class _Steps:
    """The quick check's four steps, told to ``report``; a full check tells the objects it
    opens instead, which take nearly all its time."""

    TOTAL = 4

    def __init__(self, report: Report | None, cancel: Cancel | None) -> None:
        self._report = report
        self._cancel = cancel
        self._done = 0

    def done(self) -> bool:
        """Count a step; whether the check is to stop here."""
        self._done += 1
        if self._report is not None:
            self._report(Progress(self._done, self.TOTAL))
        return cancelled(self._cancel)


def _extents(db: Database, problems: list[Problem]) -> set[str]:
    """Objects that cannot be whole, judged from the index and the files' sizes alone."""
    where = objects.folder(db)
    bad: set[str] = set()
    committed = {str(n): int(c) for n, c in db.all("SELECT name, committed FROM segments")}
    for name, length in committed.items():
        path = where / name
        if not path.is_file():
            problems.append(Problem("segment-missing", name=name[:8]))
            bad |= _ids(db, "SELECT id FROM objects WHERE segment = ?", (name,))
            continue
        size = segment_files.size(path)
        if size < length:
            problems.append(Problem("segment-short", name=name[:8], size=size, length=length))
            bad |= _ids(
                db, "SELECT id FROM objects WHERE segment = ? AND start + length > ?", (name, size)
            )
    previous: dict[str, int] = defaultdict(int)
    for object_id, segment, start, length, size in db.all(
        "SELECT id, segment, start, length, size FROM objects ORDER BY segment, start"
    ):
        wrong = (
            segment not in committed
            or start < previous[segment]
            or start + length > committed.get(segment, 0)
            or length != sealing.sealed_length(size)
        )
        if wrong:
            problems.append(Problem("object-misplaced", name=str(object_id)[:8]))
            bad.add(str(object_id))
        previous[segment] = max(previous[segment], start + length)
    for (sha256,) in db.all(
        "SELECT sha256 FROM files WHERE object_id IS NULL"
        " OR object_id NOT IN (SELECT id FROM objects)"
    ):
        problems.append(Problem("file-without-object", name=str(sha256)[:12]))
    for (object_id,) in db.all(
        "SELECT id FROM objects WHERE id NOT IN (SELECT object_id FROM files"
        " WHERE object_id IS NOT NULL) AND id NOT IN (SELECT object_id FROM page_images"
        " WHERE object_id IS NOT NULL)"
    ):
        problems.append(Problem("object-unused", name=str(object_id)[:8]))
    return bad


RESUME_KEY = upkeep.FULL_CHECK_RESUME
"""In ``meta``: where a full check that stopped (cancelled, or the laptop switched off) got
to, so the next one goes on from there. Objects are opened in the order their segments were
made and their place in them; whatever is added or moved (compacted) later lands after that
point, so nothing is skipped."""
_SAVE_EVERY = 5.0
"""Seconds between two saves of the resume point while a full check runs."""


@dataclass(frozen=True, slots=True)
class _Resume:
    segment: int
    start: int
    opened: int
    broken: frozenset[str]


def _open_every_object(
    db: Database, known_bad: set[str], report: Report | None, cancel: Cancel | None
) -> tuple[int, bool, set[str]]:
    """Open every object not known bad already, chunk by chunk, and hash what comes out;
    go on from where an earlier full check stopped, if one did."""
    rows = [
        (str(i), int(segment), int(start))
        for i, segment, start in db.all(
            "SELECT o.id, s.rowid, o.start FROM objects o JOIN segments s ON s.name = o.segment"
            " ORDER BY s.rowid, o.start"
        )
    ]
    resume = _resume_point(db)
    broken: set[str] = set()
    opened = 0
    first = 0
    if resume is not None:
        present = {row[0] for row in rows}
        broken = set(resume.broken & present)
        opened = resume.opened
        while first < len(rows) and rows[first][1:] <= (resume.segment, resume.start):
            first += 1
    saved = time.monotonic()
    wrote = resume is not None
    for number in range(first, len(rows)):
        object_id, segment, start = rows[number]
        if cancelled(cancel):
            if number:
                _save_resume_point(db, _Resume(*rows[number - 1][1:], opened, frozenset(broken)))
            return opened, True, broken
        if object_id not in known_bad:
            sealed = objects.locate(db, object_id)
            digest = hashlib.sha256()
            try:
                for chunk in sealed.chunks():
                    digest.update(chunk)
            except StoredObjectDamaged:
                broken.add(object_id)
            else:
                opened += 1
                if digest.hexdigest() != sealed.sha256:
                    broken.add(object_id)
        if time.monotonic() - saved > _SAVE_EVERY:
            _save_resume_point(db, _Resume(segment, start, opened, frozenset(broken)))
            saved = time.monotonic()
            wrote = True
        if report is not None:
            report(Progress(number + 1, len(rows)))
    if wrote:
        with db.transaction():
            db.execute("DELETE FROM meta WHERE key = ?", (RESUME_KEY,))
    return opened, False, broken


def _resume_point(db: Database) -> _Resume | None:
    text = db.value("SELECT value FROM meta WHERE key = ?", (RESUME_KEY,))
    if text is None:
        return None
    try:
        value = json.loads(text)
        return _Resume(
            int(value["segment"]),
            int(value["start"]),
            int(value["opened"]),
            frozenset(str(i) for i in value["broken"]),
        )
    except (ValueError, KeyError, TypeError):
        return None  # not ours to trust: the check starts again from the beginning


def _save_resume_point(db: Database, point: _Resume) -> None:
    value = json.dumps(
        {
            "segment": point.segment,
            "start": point.start,
            "opened": point.opened,
            "broken": sorted(point.broken),
        }
    )
    with db.transaction():
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (RESUME_KEY, value),
        )


def _documents_of(db: Database, object_ids: set[str]) -> tuple[DamagedDocument, ...]:
    """The documents, and their page numbers, whose originals or previews are among
    ``object_ids``."""
    found: dict[str, tuple[str, set[int]]] = {}
    for object_id in sorted(object_ids):
        rows = db.all(
            "SELECT d.id, d.title, p.number FROM pages p JOIN documents d ON d.id = p.document_id"
            " WHERE p.sha256 IN (SELECT sha256 FROM files WHERE object_id = ?)"
            " OR p.id IN (SELECT page_id FROM page_images WHERE object_id = ?)",
            (object_id, object_id),
        )
        for document_id, title, number in rows:
            found.setdefault(str(document_id), (str(title), set()))[1].add(int(number))
    return tuple(
        DamagedDocument(document_id, title, tuple(sorted(numbers)))
        for document_id, (title, numbers) in sorted(found.items(), key=lambda i: i[1][0])
    )


def _ids(db: Database, sql: str, params: tuple[object, ...]) -> set[str]:
    return {str(i) for (i,) in db.all(sql, params)}
