"""``amanat``: the archive from the command line, for scripts, tests and power users.

Exit status: 0 on success; 1 with one line on stderr for anything the user can cause or fix
(wrong password, damaged file, bad date…); 2 for wrong usage. Passwords are read from the
terminal without echo or from the first line of a file, never from the command line, where
other users and the shell history would see them.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import getpass
import json
import math
import os
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

from amanat import __version__
from amanat.core import audit, backup, check, private_files, process_hardening, search
from amanat.core.dates import Calendar, FuzzyDate, format_date, format_iso, parse_date
from amanat.core.errors import (
    AmanatError,
    DuplicateName,
    FileProblem,
    InvalidInput,
    NoArchiveKeys,
)
from amanat.core.records import (
    Audience,
    Document,
    DocumentKind,
    Event,
    EventType,
    Person,
    PersonStatus,
    Role,
    Tag,
    Text,
    TextKind,
    TextRange,
    Visibility,
)
from amanat.core.storage import annotations as annotation_store
from amanat.core.storage import documents, events, pages, people, tags, texts
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive, check_new_password

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """Wrong usage that argparse could not see; exits with status 2."""


# --- Output ------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, FuzzyDate):
        return {"text": format_iso(value), **_jsonable(dataclasses.asdict(value))}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _print_json(value: Any) -> None:
    json.dump(_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_added(args: argparse.Namespace, record: Any) -> int:
    """What an add command prints: the new record as JSON, or just its id for scripts."""
    if args.json:
        _print_json(record)
    else:
        print(record.id)
    return 0


def _date_text(date: FuzzyDate | None) -> str:
    return format_date(date, date.calendar) if date else "undated"


# --- Opening the archive -----------------------------------------------------------------


def _archive_path(args: argparse.Namespace) -> Path:
    value = getattr(args, "archive", None) or os.environ.get("AMANAT_ARCHIVE")
    if not value:
        raise UsageError("say which archive: --archive ARCHIVE or AMANAT_ARCHIVE")
    return Path(value)


def _first_line(path: str) -> str:
    # utf-8-sig: Windows Notepad starts a UTF-8 file with a byte-order mark, which must not
    # become part of the password.
    try:
        with open(path, encoding="utf-8-sig") as handle:
            line = handle.readline()
    except UnicodeDecodeError as error:
        raise FileProblem(path=path, reason="it is not UTF-8 text") from error
    except OSError as error:
        raise FileProblem(path=path, reason=error.strerror or str(error)) from error
    return line.rstrip("\r\n")


def _password(args: argparse.Namespace, prompt: str = "Password: ") -> str:
    path = getattr(args, "password_file", None) or os.environ.get("AMANAT_PASSWORD_FILE")
    if path:
        return _first_line(path)
    if not sys.stdin.isatty():
        raise UsageError("no terminal to ask for the password: use --password-file FILE")
    return getpass.getpass(prompt)


def _new_password(args: argparse.Namespace, file_option: str) -> str:
    path = getattr(args, file_option, None)
    if not path and file_option == "password_file":
        path = os.environ.get("AMANAT_PASSWORD_FILE")
    if path:
        password = _first_line(path)
    else:
        if not sys.stdin.isatty():
            option = file_option.replace("_", "-")
            raise UsageError(f"no terminal to ask for the new password: use --{option} FILE")
        password = getpass.getpass("New password: ")
        if getpass.getpass("The new password again: ") != password:
            raise InvalidInput(detail="The two passwords are not the same; nothing was changed.")
    check_new_password(password)
    return password


@contextmanager
def _unlocked(args: argparse.Namespace) -> Iterator[Archive]:
    folder = _archive_path(args)
    code_file = getattr(args, "recovery_code_file", None)
    if code_file:
        archive = Archive.open_with_recovery_code(folder, _first_line(code_file), actor=args.actor)
    else:
        archive = Archive.open(folder, _password(args), actor=args.actor)
    try:
        yield archive
    finally:
        archive.lock()


def _parse_date(text: str | None, calendar: str | None) -> FuzzyDate | None:
    if text is None:
        return None
    return parse_date(text, Calendar(calendar) if calendar else None)


def _read_text_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = (
            "it is not UTF-8 text"
            if isinstance(error, UnicodeDecodeError)
            else (error.strerror or str(error))
        )
        raise FileProblem(path=path, reason=reason) from error


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise FileProblem(path=path, reason=error.strerror or str(error)) from error


# --- Commands ----------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    password = _new_password(args, "password_file")
    with Archive.create(folder, password, actor=args.actor) as archive:
        print(f"Created the archive {folder} ({archive.archive_id}).")
    print("Keep the password safe: without it (or a recovery code) nobody can open the archive.")
    print("Make a recovery code now with: amanat recovery-code --archive", folder)
    return 0


def cmd_person_add(args: argparse.Namespace) -> int:
    person = Person(
        display_name=args.name,
        name_fa=args.name_fa or "",
        name_latin=args.name_latin or "",
        aliases=tuple(args.alias or ()),
        roles=tuple(Role(r) for r in dict.fromkeys(args.role or ())),
        birth_year=args.birth_year,
        status=PersonStatus(args.status),
        notes=args.notes or "",
    )
    if not person.display_name.strip():
        raise InvalidInput(detail="A person needs a name.")
    with _unlocked(args) as archive:
        people.add(archive.db, person)
    return _print_added(args, person)


def cmd_person_list(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        everyone = people.all_people(archive.db, Role(args.role) if args.role else None)
    if args.json:
        _print_json(everyone)
        return 0
    for person in everyone:
        roles = ", ".join(person.roles) or "—"
        names = " / ".join(n for n in (person.name_fa, person.name_latin) if n)
        print(f"{person.id}  {person.display_name}  [{roles}; {person.status}]  {names}".rstrip())
    return 0


def cmd_person_show(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        person = people.get(archive.db, args.id)
        their_documents = documents.list_documents(archive.db, DocumentFilter(person_id=person.id))
        their_events = events.events_of(archive.db, person.id)
    if args.json:
        _print_json(
            {"person": person, "documents": [d.id for d in their_documents], "events": their_events}
        )
        return 0
    print(f"{person.display_name}  ({person.id})")
    for label, value in (
        ("Persian", person.name_fa),
        ("Latin", person.name_latin),
        ("Aliases", ", ".join(person.aliases)),
        ("Roles", ", ".join(person.roles)),
        ("Status", person.status),
        ("Born", person.birth_year or ""),
        ("Notes", person.notes),
    ):
        if value:
            print(f"  {label}: {value}")
    print(f"  Documents: {len(their_documents)}")
    for event in their_events:
        print(f"  {_date_text(event.date)}  {event.type}  {event.place}".rstrip())
    return 0


def _tag_ids(archive: Archive, names: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(tags.ensure(archive.db, name).id for name in names or ())


def cmd_doc_add(args: argparse.Namespace) -> int:
    from amanat.core.scans.importer import add_pages

    text_files = args.text_file or []
    languages = args.language or []
    if len(languages) not in (0, 1, len(text_files)):
        raise UsageError("give one --language for each --text-file (or one for all)")
    if text_files and not languages:
        raise UsageError("say the language of the text: --language fa (or en, …)")
    if len(languages) == 1:
        languages = languages * len(text_files)
    date = _parse_date(args.date, args.calendar)
    bodies = [
        (_read_text_file(path), language)
        for path, language in zip(text_files, languages, strict=True)
    ]
    page_files = [(path, _read_file(path)) for path in args.page or []]
    with _unlocked(args) as archive, archive.db.transaction():
        for person_id in [*(args.person or []), *([args.author] if args.author else [])]:
            people.get(archive.db, person_id)
        document = documents.add(
            archive.db,
            Document(
                kind=DocumentKind(args.kind),
                title=args.title,
                date=date,
                author_id=args.author,
                concerned_ids=tuple(dict.fromkeys(args.person or ())),
                languages=tuple(dict.fromkeys(languages)),
                tag_ids=_tag_ids(archive, args.tag),
            ),
        )
        for body, language in bodies:
            kind = TextKind.TRANSCRIPTION if language == languages[0] else TextKind.TRANSLATION
            texts.add(
                archive.db, Text(document_id=document.id, kind=kind, language=language, body=body)
            )
        for path, data in page_files:
            add_pages(archive.db, document.id, data, Path(path).name)
    return _print_added(args, document)


def cmd_doc_show(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        document = documents.get(archive.db, args.id)
        its_pages = pages.pages_of(archive.db, document.id)
        its_texts = texts.texts_of(archive.db, document.id)
        names = {p.id: p.display_name for p in people.all_people(archive.db)}
        tag_paths = [tags.path_of(archive.db, t) for t in document.tag_ids]
    if args.json:
        _print_json(
            {"document": document, "pages": its_pages, "texts": its_texts, "tags": tag_paths}
        )
        return 0
    print(f"{document.title}  ({document.id})")
    print(f"  Kind: {document.kind}")
    print(f"  Date: {_date_text(document.date)}")
    if document.trashed:
        print("  In the trash")
    if document.author_id:
        print(f"  Author: {names.get(document.author_id, document.author_id)}")
    if document.concerned_ids:
        print(f"  Concerns: {', '.join(names.get(p, p) for p in document.concerned_ids)}")
    if tag_paths:
        print(f"  Tags: {', '.join(tag_paths)}")
    if document.kind == DocumentKind.TESTIMONY:
        consent = document.consent
        print(
            f"  Consent: {consent.audience}"
            + (", anonymise" if consent.anonymise else "")
            + (", withdrawn" if consent.withdrawn else "")
        )
    for page in its_pages:
        size = f"{page.width}×{page.height}, " if page.width else ""
        print(
            f"  Page {page.number}: {page.id}  {page.mime_type}, {size}{page.size} bytes,"
            f" sha256 {page.sha256}"
        )
    for text in its_texts:
        print(f"  {text.kind.capitalize()} ({text.language}, {text.status}): {text.id}")
        for line in text.body.splitlines():
            print(f"    {line}")
    return 0


def cmd_doc_list(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        tag = _existing_tag(archive, args.tag)
        found = documents.list_documents(
            archive.db,
            DocumentFilter(
                person_id=args.person,
                tag_id=tag.id if tag else None,
                kind=DocumentKind(args.kind) if args.kind else None,
                in_trash=args.trash,
            ),
        )
    if args.json:
        _print_json(found)
        return 0
    for document in found:
        print(
            f"{document.id}  {_date_text(document.date):<22}  {document.kind:<9}  {document.title}"
        )
    return 0


def cmd_doc_trash(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        documents.move_to_trash(archive.db, args.id)
    print(f"Moved {args.id} to the trash. Restore it with: amanat doc restore {args.id}")
    return 0


def cmd_doc_restore(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        documents.restore_from_trash(archive.db, args.id)
    print(f"Restored {args.id} from the trash.")
    return 0


def cmd_trash_empty(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        removed = documents.empty_trash(archive.db)
    print(f"Removed {removed} document(s) from the trash for good.")
    return 0


def _existing_tag(archive: Archive, path: str | None) -> Tag | None:
    if path is None:
        return None
    tag = tags.find(archive.db, path)
    if tag is None:
        raise InvalidInput(detail=f"There is no tag named “{path}”.")
    return tag


def cmd_tag_add(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        if tags.find(archive.db, args.name) is not None:
            raise DuplicateName(kind="tag", name=args.name)
        tag = tags.ensure(archive.db, args.name, colour=args.colour)
    return _print_added(args, tag)


def cmd_tag_list(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        listed = [(tags.path_of(archive.db, t.id), t) for t in tags.all_tags(archive.db)]
    listed.sort(key=lambda item: item[0].casefold())
    if args.json:
        _print_json([{"path": path, **_jsonable(tag)} for path, tag in listed])
        return 0
    for path, tag in listed:
        print(f"{tag.id}  {tag.colour}  {path}")
    return 0


def cmd_event_add(args: argparse.Namespace) -> int:
    event = Event(
        person_id=args.person,
        type=EventType(args.type),
        date=_parse_date(args.date, args.calendar),  # type: ignore[arg-type]
        end_date=_parse_date(args.end, args.calendar),
        ongoing=args.ongoing,
        place=args.place or "",
        description=args.description or "",
        source_ids=tuple(args.source or ()),
    )
    with _unlocked(args) as archive, archive.db.transaction():
        event = dataclasses.replace(event, tag_ids=_tag_ids(archive, args.tag))
        events.add(archive.db, event)
    return _print_added(args, event)


def cmd_event_list(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        people.get(archive.db, args.person)
        found = events.events_of(archive.db, args.person)
    if args.json:
        _print_json(found)
        return 0
    for event in found:
        span = _date_text(event.date)
        if event.end_date:
            span += f" – {_date_text(event.end_date)}"
        elif event.ongoing:
            span += " – (ongoing)"
        print(f"{event.id}  {span}  {event.type}  {event.place}".rstrip())
    return 0


def cmd_place_list(args: argparse.Namespace) -> int:
    from amanat.core.timeline import likely_same_places, place_uses

    with _unlocked(args) as archive:
        uses = place_uses(archive.db, args.person)
        groups = likely_same_places(archive.db, args.person)
    if args.json:
        _print_json({"places": [{"place": p, "events": n} for p, n in uses], "likely_same": groups})
        return 0
    for place, count in uses:
        print(f"{count:>5}  {place}")
    for group in groups:
        names = " and ".join(f"“{s}”" for s in group.spellings)
        print(
            f"{names} look like one place; merge them with: amanat place merge "
            + " ".join(shlex.quote(s) for s in group.spellings[1:])
            + f" --into {shlex.quote(group.suggested)}"
        )
    return 0


def cmd_place_merge(args: argparse.Namespace) -> int:
    from amanat.core.timeline import merge_places, merge_places_everywhere

    with _unlocked(args) as archive:
        if args.person:
            changed = merge_places(archive.db, args.person, args.names, args.into)
        else:
            changed = merge_places_everywhere(archive.db, args.names, args.into)
    if not changed:
        print("No event names those places, so nothing was changed.")
    else:
        print(f"“{args.into.strip()}” is now the place of {len(changed)} event(s).")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from amanat.core.timeline import build_timeline
    from amanat.core.timeline_export import (
        refuse_existing,
        to_csv,
        to_csv_file_bytes,
        to_text,
        write_new_file,
    )
    from amanat.core.timeline_pdf import to_pdf

    if args.format == "pdf" and not args.output and not args.json:
        raise InvalidInput(detail="A PDF is written to a file: give one with -o FILE.")
    calendar = Calendar(args.calendar or Calendar.GREGORIAN)
    as_of = _parse_date(args.as_of, args.calendar)
    if as_of is not None and as_of.start != as_of.end:
        raise InvalidInput(detail="--as-of needs a single day, such as 2024-06-15 or 1403/03/26.")
    output = Path(args.output) if args.output else None
    if output is not None:
        refuse_existing(output)  # before the password is asked for
    with _unlocked(args) as archive:
        chronology = build_timeline(
            archive.db,
            args.person,
            today=as_of.start if as_of else None,
            include_trash=args.include_trash,
        )
    if args.json:
        text = json.dumps(_jsonable(chronology), ensure_ascii=False, indent=2) + "\n"
        data = text.encode("utf-8")
    elif args.format == "csv":
        text, data = to_csv(chronology, calendar), to_csv_file_bytes(chronology, calendar)
    elif args.format == "pdf":
        text, data = "", to_pdf(chronology, calendar)
    else:
        text = to_text(chronology, calendar)
        data = text.encode("utf-8")
    if output is None:
        sys.stdout.write(text)
        return 0
    write_new_file(output, data)
    print(
        f"Wrote the chronology of {chronology.person.display_name} to {output}. "
        "The file is not encrypted: keep it safe."
    )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    since = _parse_date(args.since, args.calendar)
    until = _parse_date(args.until, args.calendar)
    with _unlocked(args) as archive:
        tag = _existing_tag(archive, args.tag)
        hits = search.search(
            archive.db,
            args.query,
            search.SearchFilters(
                person_id=args.person,
                tag_id=tag.id if tag else None,
                kind=DocumentKind(args.kind) if args.kind else None,
                since=since.start if since else None,
                until=until.end if until else None,
            ),
            limit=args.limit,
        )
    if args.json:
        _print_json(hits)
        return 0
    if not hits:
        print("Nothing found.")
    for hit in hits:
        snippet = hit.snippet.replace(search.MATCH_START, "[").replace(search.MATCH_END, "]")
        snippet = " ".join(snippet.split())
        target = hit.document_id or hit.person_id or hit.record_id
        print(f"{hit.record_type:<10}  {target}  {hit.title}\n            {snippet}")
    return 0


def _visibility(args: argparse.Namespace) -> Visibility:
    # Private unless asked: a lawyer's note must never leave by accident.
    return Visibility.SHAREABLE if args.shareable else Visibility.PRIVATE


def cmd_annotate(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive, archive.db.transaction():
        note = annotation_store.on_text(
            archive.db,
            args.text,
            args.start,
            args.end,
            args.body,
            author=args.actor,
            visibility=_visibility(args),
            tag_ids=_tag_ids(archive, args.tag),
        )
    return _print_added(args, note)


def _rectangle(text: str) -> tuple[float, float, float, float]:
    """X,Y,W,H in percent of the page, as in a bundle's xywh=percent: (see --help)."""
    parts = text.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise InvalidInput(
            detail=f"“{text}” is not a rectangle: give X,Y,W,H in percent of the page, "
            "such as 10,20,30,15."
        )
    x, y, width, height = (n / 100 for n in numbers)
    return x, y, width, height


def cmd_annotate_page(args: argparse.Namespace) -> int:
    x, y, width, height = _rectangle(args.rect)
    with _unlocked(args) as archive, archive.db.transaction():
        note = annotation_store.on_page(
            archive.db,
            args.page,
            x,
            y,
            width,
            height,
            args.body,
            author=args.actor,
            visibility=_visibility(args),
            tag_ids=_tag_ids(archive, args.tag),
        )
    return _print_added(args, note)


def cmd_annotations(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        if args.doc:
            documents.get(archive.db, args.doc)
        tag = _existing_tag(archive, args.tag)
        found = annotation_store.find(
            archive.db,
            document_id=args.doc,
            tag_id=tag.id if tag else None,
            visibility=Visibility(args.visibility) if args.visibility else None,
        )
        paths = {t: tags.path_of(archive.db, t) for note in found for t in note.tag_ids}
    if args.json:
        _print_json(found)
        return 0
    if not found:
        print("No annotations.")
    for note in found:
        target = note.target
        if isinstance(target, TextRange):
            where = f"text {target.start}–{target.end} “{' '.join(target.quote.split())}”"
        else:
            corners = (target.x, target.y, target.width, target.height)
            where = "page " + ",".join(f"{100 * n:g}" for n in corners) + "%"
        mark = "ORPHANED  " if note.orphaned else ""
        labels = "".join(f"  #{paths[t]}" for t in note.tag_ids)
        print(f"{note.id}  {mark}{note.visibility:<9}  {note.document_id or '-'}  {where}")
        print(f"    {' '.join(note.body.split())}{labels}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        new_password = _new_password(args, "new_password_file")
        if not args.re_encrypt:
            archive.change_password(new_password)
            print(
                "The password was changed: this archive no longer opens with the old one. "
                "The key inside is the same, so a copy of keys.json from before (in any "
                "earlier backup) still opens it with the old password. If the old password "
                "may have been seen, run again with --re-encrypt."
            )
            return 0
        code = archive.change_password_and_re_encrypt(new_password)
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


def cmd_recovery_code(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        replaced = archive.has_recovery_code()
        code = archive.add_recovery_code()
    print("Your recovery code (write it down and keep it somewhere safe, away from the laptop):")
    print()
    print(f"    {code}")
    print()
    print("It is shown only this once. Anyone who has it can open the archive.")
    if replaced:
        print("The earlier recovery code no longer works.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        report = check.check(archive.db)
    if args.json:
        _print_json(report)
    elif report.healthy:
        print(
            f"The archive is intact: encryption and database checks passed, "
            f"{report.files_checked} original file(s) match their SHA-256, and the audit log's "
            f"{report.audit.entries} entries chain correctly."
        )
    else:
        for problem in report.problems:
            print(f"Problem: {problem}")
    if not report.healthy:
        print(
            f"amanat: the archive has {len(report.problems)} problem(s); restore it from a backup.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        report = audit.verify(archive.db)
    if report.intact:
        print(f"The audit log is intact: {report.entries} entries chain correctly.")
        return 0
    print(
        f"amanat: the audit log is broken at entry {report.first_broken}: {report.reason}.",
        file=sys.stderr,
    )
    return 1


def cmd_audit_list(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        entries = audit.entries(archive.db, args.record)
    if args.json:
        _print_json(entries)
        return 0
    for entry in entries:
        print(
            f"{entry.seq:>6}  {entry.time}  {entry.actor or '-'}  {entry.action}  "
            f"{entry.record_type} {entry.record_id}  {entry.summary}"
        )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with _unlocked(args) as archive:
        backup.backup(archive, Path(args.file))
    print(
        f"Wrote the backup {args.file}. It is encrypted like the archive: the same password "
        "opens it."
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    archive_id = backup.restore(Path(args.file), Path(args.folder))
    print(f"Restored the archive {archive_id} to {args.folder}.")
    return 0


class _ProgressBar:
    """A one-line progress bar on the terminal (stderr), redrawn in place; silent when stderr
    is not a terminal, so scripts and logs get only the summary."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()

    def __call__(self, update: Any) -> None:
        if not self.shown or not update.total:
            return
        width = 30
        filled = width * update.done // update.total
        name = Path(update.current).name if update.current else ""
        line = f"[{'#' * filled}{'.' * (width - filled)}] {update.done}/{update.total} {name}"
        sys.stderr.write("\r" + line[:79].ljust(79))
        sys.stderr.flush()

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 79 + "\r")
            sys.stderr.flush()


def _make_previews(
    archive: Archive, report: Any, bar: _ProgressBar, cancel: Callable[[], bool]
) -> None:
    """The screen-sized previews of the pages just imported. Stopped early (Ctrl-C), the
    application makes the rest when it next opens the archive."""
    from amanat.core.scans import ImportProgress, previews

    imported = {page_id for document in report.documents for page_id in document.page_ids}
    wanted = [page_id for page_id in previews.missing(archive.db) if page_id in imported]
    previews.make_previews(
        archive.db,
        wanted,
        progress=lambda done, total: bar(ImportProgress(done, total, "previews")),
        cancel=cancel,
    )


def cmd_import(args: argparse.Namespace) -> int:
    import signal

    from amanat.core import scans

    options = scans.ImportOptions(
        kind=DocumentKind(args.kind),
        person_ids=tuple(dict.fromkeys(args.person or ())),
        one_document=args.one_document,
        title=args.title or "",
        limits=scans.ScanLimits(max_file_bytes=args.max_size_mb * 1024 * 1024),
        previews_later=True,  # made below, once every file is safely in
    )
    interrupted: list[bool] = []

    # Ctrl-C asks the import to stop after the file being written, so the archive keeps only
    # whole documents; a second Ctrl-C is the usual KeyboardInterrupt.
    def on_interrupt(signum: int, frame: Any) -> None:
        interrupted.append(True)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    bar = _ProgressBar()
    with _unlocked(args) as archive:
        previous = signal.signal(signal.SIGINT, on_interrupt)
        try:
            report = scans.import_files(
                archive.db,
                [Path(p) for p in args.paths],
                options,
                progress=bar,
                cancel=lambda: bool(interrupted),
            )
            _make_previews(archive, report, bar, lambda: bool(interrupted))
        finally:
            signal.signal(signal.SIGINT, previous)
            bar.close()
        # A phone photo can carry the family's home position; say so while it is fresh.
        flagged = [
            (page, pages.scan_details(archive.db, page.id))
            for document in report.documents
            for page in pages.flagged_pages(archive.db, document.document_id)
        ]
    if args.json:
        _print_json(
            {
                "flagged": [
                    {
                        "page_id": page.id,
                        "original_name": page.original_name,
                        "has_location": details.has_location,
                        "has_person_name": details.has_person_name,
                    }
                    for page, details in flagged
                ],
                "documents": report.documents,
                "refused": [{"path": r.path, "message": r.message} for r in report.refused],
                "duplicates": report.duplicates,
                "notes": report.notes,
                "files": report.files,
                "cancelled": report.cancelled,
            }
        )
    else:
        for document in report.documents:
            print(f"{document.document_id}  {len(document.page_ids)} page(s)  {document.title}")
        for line in (*(d.message for d in report.duplicates), *report.notes):
            print(line)
        print(
            f"Imported {report.pages_added} page(s) from {report.files} file(s) as "
            f"{len(report.documents)} document(s)"
            + (f"; {len(report.refused)} file(s) refused" if report.refused else "")
            + (f"; {len(report.duplicates)} already in the archive" if report.duplicates else "")
            + "."
        )
        if report.cancelled:
            print("Cancelled: the files not yet imported were left out; nothing is half-imported.")
        for page, details in flagged:
            holds = " and ".join(
                what
                for what, present in (
                    ("a location", details.has_location),
                    ("a person's name", details.has_person_name),
                )
                if present
            )
            print(
                f"Warning: {page.original_name} (page {page.id}) holds {holds} in its metadata;"
                " share only its sanitised copy (amanat page export does that by default)."
            )
    for refusal in report.refused:
        print(f"amanat: {refusal.message}", file=sys.stderr)
    return 1 if report.refused else 0


def cmd_page_show(args: argparse.Namespace) -> int:
    from amanat.core import scans

    with _unlocked(args) as archive:
        page = pages.get(archive.db, args.id)
        details = pages.scan_details(archive.db, page.id)
        report = scans.metadata_report(archive.db, page.id)
    if args.json:
        _print_json(
            {
                "page": page,
                "source_page": details.source_page,
                "source_path": details.source_path,
                "metadata": report,
                "has_location": report.has_location,
                "has_person_name": report.has_person_name,
            }
        )
        return 0
    size = f"{page.width}×{page.height}, " if page.width else ""
    print(f"Page {page.number} of document {page.document_id}  ({page.id})")
    print(f"  Original: {page.original_name or '—'}  {page.mime_type}, {size}{page.size} bytes")
    print(f"  SHA-256: {page.sha256}")
    print(
        f"  Imported: {page.imported.isoformat()}"
        + (f" from {details.source_path}" if details.source_path else "")
    )
    if details.source_page is not None:
        print(f"  Page {details.source_page + 1} of the original file")
    if page.rotation:
        print(f"  Turned for display: {page.rotation}°")
    if report.has_location:
        print("  Warning: its metadata holds a location; share only a sanitised copy.")
    if report.has_person_name:
        print("  Warning: its metadata names a person; share only a sanitised copy.")
    for label, value in report.lines():
        print(f"  {label}: {value}")
    return 0


def cmd_page_export(args: argparse.Namespace) -> int:
    from amanat.core import scans

    with _unlocked(args) as archive:
        if args.original:
            data = pages.original_bytes(archive.db, args.id)
        else:
            data = scans.sanitised_copy(archive.db, args.id).data
    target = Path(args.file)
    try:
        # Never overwrite: the target may be another page or the user's own file.
        with private_files.create_new(target) as handle:
            handle.write(data)
    except FileExistsError as error:
        raise FileProblem(
            path=str(target), reason="it already exists; choose a new name"
        ) from error
    except OSError as error:
        raise FileProblem(path=str(target), reason=error.strerror or str(error)) from error
    kind = "the original, byte for byte," if args.original else "a sanitised copy (no metadata)"
    print(f"Wrote {kind} to {target}.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from amanat.core.demo import build_demo

    folder = Path(args.folder)
    build_demo(folder)
    print(f"Created the demo archive {folder}; its password is “demo”. Nothing in it is real.")
    return 0


# --- Bundles: the archive's keys, contacts, export and import ------------------------------


def cmd_identity_show(args: argparse.Namespace) -> int:
    from amanat.core.bundle import identity

    with _unlocked(args) as archive:
        keys = identity.ensure(archive.db)
    if args.json:
        _print_json(
            {
                "archive_id": archive.archive_id,
                "age_recipient": keys.age_recipient,
                "signing_key": keys.signing_key,
                "fingerprint": keys.fingerprint,
            }
        )
        return 0
    print(f"Public key (give it to those who send you bundles): {keys.age_recipient}")
    print(f"Signing key (for their contact entry of you):      {keys.signing_key}")
    print(f"Fingerprint (compare it by phone):                 {keys.fingerprint}")
    return 0


def cmd_contact_add(args: argparse.Namespace) -> int:
    from amanat.core.bundle import contacts

    with _unlocked(args) as archive:
        contact = contacts.add(
            archive.db, args.name, args.age_key, args.signing_key, verified=args.verified
        )
    if args.json:
        _print_json({**_jsonable(contact), "fingerprint": contact.fingerprint})
        return 0
    print(contact.id)
    if contact.fingerprint and not contact.verified:
        print(
            f"Fingerprint {contact.fingerprint}: compare it with {contact.name} by phone, then "
            f"run: amanat contact verify {contact.id}"
        )
    return 0


def cmd_contact_verify(args: argparse.Namespace) -> int:
    from amanat.core.bundle import contacts

    with _unlocked(args) as archive:
        contact = contacts.set_verified(archive.db, args.id)
    if args.json:
        _print_json({**_jsonable(contact), "fingerprint": contact.fingerprint})
        return 0
    print(f"{contact.name} is marked verified (fingerprint {contact.fingerprint}).")
    return 0


def cmd_contact_list(args: argparse.Namespace) -> int:
    from amanat.core.bundle import contacts

    with _unlocked(args) as archive:
        found = contacts.all_contacts(archive.db)
    if args.json:
        _print_json([{**_jsonable(c), "fingerprint": c.fingerprint} for c in found])
        return 0
    for contact in found:
        state = "verified" if contact.verified else "not verified"
        print(f"{contact.name}  {contact.age_recipient}  {contact.fingerprint or '-'} ({state})")
    return 0


def _bundle_identities(args: argparse.Namespace, archive: Archive) -> list[Any]:
    from amanat.core.bundle import ScryptIdentity, identity

    if args.passphrase_file:
        return [ScryptIdentity(_first_line(args.passphrase_file))]
    keys = identity.existing(archive.db)
    if keys is None:
        raise NoArchiveKeys()
    return [keys.age_identity]


def cmd_export_bundle(args: argparse.Namespace) -> int:
    import signal

    from amanat.core.bundle import ScryptRecipient, X25519Recipient
    from amanat.core.bundle.export import (
        ExportOptions,
        ExportScope,
        new_passphrase,
        plan_export,
        write_bundle,
    )

    since = _parse_date(args.since, None)
    until = _parse_date(args.until, None)
    passphrase = ""
    generated = False
    recipients: list[Any]
    if args.recipient:
        recipients = [X25519Recipient.parse(key) for key in args.recipient]
    else:
        passphrase = _first_line(args.passphrase_file) if args.passphrase_file else ""
        generated = not passphrase
        passphrase = passphrase or new_passphrase()
        recipients = [ScryptRecipient(passphrase)]
    options = ExportOptions(
        originals=args.keep_metadata,
        annotations=not args.no_annotations,
        events=not args.no_events,
        audit=args.audit,
        audience=Audience(args.audience),
    )
    interrupted: list[bool] = []

    def on_interrupt(signum: int, frame: Any) -> None:
        interrupted.append(True)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    with _unlocked(args) as archive:
        tag = _existing_tag(archive, args.tag)
        scope = ExportScope(
            person_id=args.person,
            document_ids=tuple(dict.fromkeys(args.doc or ())),
            tag_id=tag.id if tag else None,
            since=since.start if since else None,
            until=until.end if until else None,
        )
        plan = plan_export(archive.db, scope, options)
        _print_plan(plan)
        if args.dry_run:
            return 0
        previous = signal.signal(signal.SIGINT, on_interrupt)
        try:
            written = write_bundle(
                archive.db, plan, Path(args.output), recipients, cancel=lambda: bool(interrupted)
            )
        finally:
            signal.signal(signal.SIGINT, previous)
    print(f"Wrote the bundle {written.path} ({written.size} bytes).")
    if generated:
        print(f"Passphrase: {passphrase}")
        print("Pass it on separately from the bundle (by phone, on paper), never with it.")
    return 0


def _print_plan(plan: Any) -> None:
    print(
        f"Leaving: {len(plan.documents)} document(s), {len(plan.pages)} page(s) "
        f"({'originals' if plan.options.originals else 'sanitised copies'}), "
        f"{len(plan.texts)} text(s), {len(plan.people)} person(s), {len(plan.events)} event(s), "
        f"{len(plan.annotations)} annotation(s), {len(plan.tags)} tag(s)"
        + (f", {len(plan.audit_entries)} audit entries" if plan.audit_entries else "")
    )
    for document in plan.documents:
        print(f"  {document.id}  {document.title}")
    for item in plan.held_back:
        print(f"Held back: {item.record_type} {item.record_id} “{item.label}”: {item.reason}")
    for warning in plan.warnings:
        print(f"Note: {warning}")


def _print_bundle_report(report: Any, verb: str) -> None:
    signer = report.signer
    who = {
        "this-archive": "this archive",
        "verified-contact": f"{signer.contact} (verified contact)",
        "unverified-contact": f"{signer.contact} (contact, fingerprint NOT verified)",
        "unknown": "an UNKNOWN SIGNER, none of your contacts",
    }[signer.trust.value]
    print(f"Signed by {who}; fingerprint {signer.fingerprint}")
    print(f"Made {report.created.isoformat()} by archive {report.sender_archive_id}")
    if report.made_for_someone_else:
        print(
            "Warning: the signer made this bundle for someone else; it was encrypted again "
            "to you by someone who could open it."
        )
    counts = ", ".join(f"{n} {kind}" for kind, n in report.counts.items() if n)
    print(f"Contents: {counts or 'nothing'}")
    for title in report.titles:
        print(f"  {title}")
    if report.already_imported:
        print("This bundle was imported before; nothing changes.")
        return
    print(
        f"{verb}: {report.added} new, {report.unchanged} already here, "
        f"{len(report.conflicts)} kept beside a different version here"
    )
    for conflict in report.conflicts:
        print(
            f"  Conflict: {conflict.record_type} “{conflict.label}” ({conflict.local_id}) differs "
            f"here; theirs is kept as {conflict.imported_id}"
        )


def cmd_verify_bundle(args: argparse.Namespace) -> int:
    from amanat.core.bundle.importer import SignerTrust, verify_bundle

    with _unlocked(args) as archive:
        report = verify_bundle(archive.db, Path(args.file), _bundle_identities(args, archive))
    if args.json:
        _print_json(report)
    else:
        print("The bundle is whole and its signature matches.")
        _print_bundle_report(report, "Importing would add")
    for addition in report.additions_to_existing:
        print(
            f"  Adds to a record already here: {addition.record_type} “{addition.label}” "
            f"to {addition.existing_type} “{addition.existing_label}” ({addition.existing_id})"
        )
    if report.additions_need_confirming:
        print(
            f"amanat: the bundle adds {len(report.additions_to_existing)} item(s) to records "
            "already here and its signer is not a verified contact; import only with "
            "--confirm-additions once you have checked them.",
            file=sys.stderr,
        )
    if report.signer.trust is SignerTrust.UNKNOWN:
        print(
            "amanat: the bundle is signed by an unknown signer; compare the fingerprint with the "
            "sender, then import with --accept-signer "
            f"'{report.signer.fingerprint}'.",
            file=sys.stderr,
        )
        return 1
    return 1 if report.additions_need_confirming else 0


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from amanat.core.bundle.importer import import_bundle

    with _unlocked(args) as archive:
        report = import_bundle(
            archive.db,
            Path(args.file),
            _bundle_identities(args, archive),
            accepted_signer=args.accept_signer,
            confirmed_additions=args.confirm_additions,
        )
        # Photos arrive with their thumbnails; their previews are made here, as after a scan
        # import, so the application shows them at once.
        from amanat.core.scans import previews

        previews.make_previews(archive.db, previews.missing(archive.db))
    if args.json:
        _print_json(report)
    else:
        _print_bundle_report(report, "Imported")
    return 0


# --- Parser ------------------------------------------------------------------------------


def _choices(enum: type[Enum]) -> list[str]:
    return [member.value for member in enum]


def build_parser() -> argparse.ArgumentParser:
    # Options that every archive command takes, accepted before or after the command name.
    # SUPPRESS keeps a subcommand's absent option from hiding the top-level one.
    def archive_options(defaults: Any) -> argparse.ArgumentParser:
        parent = argparse.ArgumentParser(add_help=False)
        parent.add_argument(
            "--archive",
            metavar="ARCHIVE",
            default=defaults,
            help="the archive folder (or set AMANAT_ARCHIVE)",
        )
        parent.add_argument(
            "--password-file",
            metavar="FILE",
            default=defaults,
            help="read the password from the first line of FILE (or set AMANAT_PASSWORD_FILE)",
        )
        parent.add_argument(
            "--recovery-code-file",
            metavar="FILE",
            default=defaults,
            help="unlock with the recovery code in FILE instead of the password",
        )
        parent.add_argument(
            "--json", action="store_true", default=defaults, help="print JSON instead of text"
        )
        parent.add_argument(
            "--actor", default=defaults, help="the name written in the audit log for these changes"
        )
        return parent

    common = archive_options(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="amanat",
        parents=[archive_options(None)],
        description="An offline, encrypted archive for the letters and testimony of "
        "political prisoners.",
    )
    parser.add_argument("--version", action="version", version=f"amanat {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        group: Any, name: str, handler: Handler, help: str, archive: bool = True
    ) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = group.add_parser(
            name, help=help, description=help, parents=[common] if archive else []
        )
        sub.set_defaults(handler=handler)
        return sub

    init = command(commands, "init", cmd_init, "create a new, empty archive", archive=False)
    init.add_argument("folder", metavar="ARCHIVE")
    init.add_argument(
        "--password-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="read the new password from the first line of FILE",
    )

    person = commands.add_parser("person", help="add, list and show people")
    person_commands = person.add_subparsers(dest="person_command", metavar="COMMAND", required=True)
    add = command(person_commands, "add", cmd_person_add, "add a person")
    add.add_argument("--name", required=True, help="the name shown in the archive")
    add.add_argument("--name-fa", help="the name in Persian script")
    add.add_argument("--name-latin", help="the name in Latin script")
    add.add_argument("--alias", action="append", help="another name (repeatable)")
    add.add_argument("--role", action="append", choices=_choices(Role), help="(repeatable)")
    add.add_argument("--status", choices=_choices(PersonStatus), default="unknown")
    add.add_argument("--birth-year", type=int)
    add.add_argument("--notes")
    listing = command(person_commands, "list", cmd_person_list, "list people, prisoners first")
    listing.add_argument("--role", choices=_choices(Role))
    show = command(person_commands, "show", cmd_person_show, "show a person")
    show.add_argument("id")

    doc = commands.add_parser("doc", help="add, list, show and trash documents")
    doc_commands = doc.add_subparsers(dest="doc_command", metavar="COMMAND", required=True)
    add = command(doc_commands, "add", cmd_doc_add, "add a document")
    add.add_argument("--kind", required=True, choices=_choices(DocumentKind))
    add.add_argument("--title", required=True)
    add.add_argument("--date", help="e.g. 2011-03-15, 2011-03, 1389-12-24, 'March 2011'")
    add.add_argument(
        "--calendar",
        choices=_choices(Calendar),
        help="the calendar of --date (guessed from the year if not given)",
    )
    add.add_argument(
        "--person",
        action="append",
        metavar="ID",
        help="a person the document concerns (repeatable)",
    )
    add.add_argument("--author", metavar="ID", help="the person who wrote it")
    add.add_argument(
        "--text-file",
        action="append",
        metavar="FILE",
        help="a UTF-8 file with the transcription; more files are translations",
    )
    add.add_argument(
        "--language",
        action="append",
        metavar="LANG",
        help="the language of each --text-file, e.g. fa or en",
    )
    add.add_argument("--page", action="append", metavar="FILE", help="a scan (repeatable)")
    add.add_argument("--tag", action="append", metavar="NAME", help="(repeatable)")
    show = command(doc_commands, "show", cmd_doc_show, "show a document, its pages and texts")
    show.add_argument("id")
    listing = command(doc_commands, "list", cmd_doc_list, "list documents, newest first")
    listing.add_argument("--person", metavar="ID")
    listing.add_argument("--tag", metavar="NAME")
    listing.add_argument("--kind", choices=_choices(DocumentKind))
    listing.add_argument("--trash", action="store_true", help="list the trash instead")
    trash = command(doc_commands, "trash", cmd_doc_trash, "move a document to the trash")
    trash.add_argument("id")
    restore = command(doc_commands, "restore", cmd_doc_restore, "take a document out of the trash")
    restore.add_argument("id")

    trash_group = commands.add_parser("trash", help="the trash")
    trash_commands = trash_group.add_subparsers(
        dest="trash_command", metavar="COMMAND", required=True
    )
    command(trash_commands, "empty", cmd_trash_empty, "remove what is in the trash for good")

    tag = commands.add_parser("tag", help="add and list tags")
    tag_commands = tag.add_subparsers(dest="tag_command", metavar="COMMAND", required=True)
    add = command(
        tag_commands, "add", cmd_tag_add, "add a tag; use / to nest, e.g. conditions/solitary"
    )
    add.add_argument("name")
    add.add_argument("--colour", default="#808080", help="e.g. #aa3355")
    command(tag_commands, "list", cmd_tag_list, "list tags")

    event = commands.add_parser("event", help="add and list events")
    event_commands = event.add_subparsers(dest="event_command", metavar="COMMAND", required=True)
    add = command(event_commands, "add", cmd_event_add, "add an event to a person's chronology")
    add.add_argument("--person", required=True, metavar="ID")
    add.add_argument("--type", required=True, choices=_choices(EventType))
    add.add_argument("--date", required=True)
    add.add_argument("--end", help="the end date of a span")
    add.add_argument("--ongoing", action="store_true", help="a span that has not ended")
    add.add_argument("--calendar", choices=_choices(Calendar))
    add.add_argument("--place")
    add.add_argument("--description")
    add.add_argument("--source", action="append", metavar="DOC_ID", help="(repeatable)")
    add.add_argument("--tag", action="append", metavar="NAME", help="(repeatable)")
    listing = command(event_commands, "list", cmd_event_list, "list a person's events")
    listing.add_argument("--person", required=True, metavar="ID")

    place = commands.add_parser("place", help="list places and merge two spellings of one")
    place_commands = place.add_subparsers(dest="place_command", metavar="COMMAND", required=True)
    listing = command(
        place_commands, "list", cmd_place_list, "list the places of events, and likely duplicates"
    )
    listing.add_argument("--person", metavar="ID", help="only this person's events")
    merge = command(
        place_commands,
        "merge",
        cmd_place_merge,
        "write one spelling of a place in every event that uses another, e.g. Evin and اوین",
    )
    merge.add_argument("names", nargs="+", metavar="NAME", help="the spellings to replace")
    merge.add_argument("--into", required=True, metavar="NAME", help="the spelling to keep")
    merge.add_argument("--person", metavar="ID", help="only this person's events")

    chronology = command(
        commands,
        "timeline",
        cmd_timeline,
        "show or export a person's chronology, with the facts computed from it",
    )
    chronology.add_argument("person", metavar="PERSON_ID")
    chronology.add_argument("--format", choices=("text", "csv", "pdf"), default="text")
    chronology.add_argument(
        "--calendar", choices=_choices(Calendar), help="show dates in this calendar (gregorian)"
    )
    chronology.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE, which must not exist yet"
    )
    chronology.add_argument(
        "--as-of", metavar="DATE", help="count what is still going on up to this day (today)"
    )
    chronology.add_argument(
        "--include-trash", action="store_true", help="also list documents in the trash"
    )

    find = command(
        commands, "search", cmd_search, "search titles, texts, annotations, people, events and tags"
    )
    find.add_argument("query")
    find.add_argument("--person", metavar="ID")
    find.add_argument("--tag", metavar="NAME")
    find.add_argument("--kind", choices=_choices(DocumentKind))
    find.add_argument("--since", metavar="DATE")
    find.add_argument("--until", metavar="DATE")
    find.add_argument("--calendar", choices=_choices(Calendar))
    find.add_argument("--limit", type=int, default=50)

    annotate = command(
        commands,
        "annotate",
        cmd_annotate,
        "annotate a passage of a text: characters START up to END (counted from 0, END not "
        "included); private unless --shareable; the author is the --actor name",
    )
    annotate.add_argument("text", metavar="TEXT_ID")
    annotate.add_argument("--start", type=int, required=True, metavar="N")
    annotate.add_argument("--end", type=int, required=True, metavar="N")
    annotate.add_argument("--body", required=True, metavar="B", help="the comment")
    annotate.add_argument("--tag", action="append", metavar="NAME", help="(repeatable)")
    annotate.add_argument(
        "--shareable", action="store_true", help="may leave in bundles (private otherwise)"
    )
    on_page = command(
        commands,
        "annotate-page",
        cmd_annotate_page,
        "annotate a rectangle on a page; private unless --shareable",
    )
    on_page.add_argument("page", metavar="PAGE_ID")
    on_page.add_argument(
        "--rect",
        required=True,
        metavar="X,Y,W,H",
        help="in percent of the page's width and height (0–100) from its top-left corner, "
        "as shown without rotation, e.g. 10,20,30,15",
    )
    on_page.add_argument("--body", required=True, metavar="B", help="the comment")
    on_page.add_argument("--tag", action="append", metavar="NAME", help="(repeatable)")
    on_page.add_argument(
        "--shareable", action="store_true", help="may leave in bundles (private otherwise)"
    )
    listed = command(
        commands,
        "annotations",
        cmd_annotations,
        "list annotations, of one document or all; ORPHANED marks one whose passage is gone",
    )
    listed.add_argument("--doc", metavar="ID")
    listed.add_argument("--tag", metavar="NAME", help="includes the tags under it")
    listed.add_argument("--visibility", choices=_choices(Visibility))

    passwd = command(commands, "passwd", cmd_passwd, "change the password")
    passwd.add_argument("--new-password-file", metavar="FILE")
    passwd.add_argument(
        "--re-encrypt",
        action="store_true",
        help="also give the archive a new key, so no earlier keys.json (in a backup, say) "
        "opens it; recommended when the old password may have been seen",
    )
    command(
        commands,
        "recovery-code",
        cmd_recovery_code,
        "make a recovery code that opens the archive if the password is forgotten",
    )
    command(commands, "check", cmd_check, "check the archive's integrity")

    audit_group = commands.add_parser("audit", help="the audit log")
    audit_commands = audit_group.add_subparsers(
        dest="audit_command", metavar="COMMAND", required=True
    )
    command(audit_commands, "verify", cmd_audit_verify, "recompute the audit log's hash chain")
    listing = command(audit_commands, "list", cmd_audit_list, "list the audit log")
    listing.add_argument("--record", metavar="ID", help="only this record's entries")

    copy = command(commands, "backup", cmd_backup, "write the whole archive to one file")
    copy.add_argument("file")
    restore = command(
        commands, "restore", cmd_restore, "unpack a backup into a new folder", archive=False
    )
    restore.add_argument("file")
    restore.add_argument("folder", metavar="DIR")

    scan_import = command(
        commands,
        "import",
        cmd_import,
        "import photographed or scanned letters (JPEG, PNG, TIFF, WebP, HEIC, GIF, PDF); "
        "each file becomes a document unless --one-document",
    )
    scan_import.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    scan_import.add_argument(
        "--person", action="append", metavar="ID", help="a person the documents concern"
    )
    scan_import.add_argument("--kind", choices=_choices(DocumentKind), default="letter")
    scan_import.add_argument(
        "--one-document",
        action="store_true",
        help="make all the files the pages of one document, in the order given",
    )
    scan_import.add_argument("--title", help="the title (default: the file's name)")
    scan_import.add_argument(
        "--max-size-mb",
        type=int,
        default=500,
        metavar="MB",
        help="refuse files larger than this (default 500)",
    )

    page = commands.add_parser("page", help="show a page's metadata or export it")
    page_commands = page.add_subparsers(dest="page_command", metavar="COMMAND", required=True)
    show = command(
        page_commands, "show", cmd_page_show, "show a page, its file and its metadata report"
    )
    show.add_argument("id")
    export = command(
        page_commands,
        "export",
        cmd_page_export,
        "write a page to a file: a sanitised copy (the default) or the original",
    )
    export.add_argument("id")
    export.add_argument("file", metavar="FILE")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--original", action="store_true", help="the original file, byte for byte")
    which.add_argument(
        "--sanitised",
        action="store_true",
        help="the pixels only, upright, with every metadata block removed (the default)",
    )

    demo = command(
        commands,
        "demo",
        cmd_demo,
        "create a demo archive of made-up people (password: demo)",
        archive=False,
    )
    demo.add_argument("folder", metavar="ARCHIVE")

    keys = commands.add_parser("identity", help="this archive's keys for bundles")
    keys_commands = keys.add_subparsers(dest="identity_command", metavar="COMMAND", required=True)
    command(
        keys_commands,
        "show",
        cmd_identity_show,
        "show the public key to give to senders and the fingerprint to compare by phone",
    )

    contact = commands.add_parser("contact", help="the people you exchange bundles with")
    contact_commands = contact.add_subparsers(
        dest="contact_command", metavar="COMMAND", required=True
    )
    add = command(contact_commands, "add", cmd_contact_add, "add a contact and their keys")
    add.add_argument("name", metavar="NAME")
    add.add_argument("age_key", metavar="AGE1KEY", help="their public key, age1…")
    add.add_argument("--signing-key", metavar="KEY", help="their signing key, amanatsign1…")
    add.add_argument(
        "--verified", action="store_true", help="you compared the fingerprint with them"
    )
    command(contact_commands, "list", cmd_contact_list, "list contacts")
    verify = command(
        contact_commands,
        "verify",
        cmd_contact_verify,
        "mark a contact verified, once you compared their fingerprint with them by phone",
    )
    verify.add_argument("id", metavar="ID")

    export_bundle = command(
        commands,
        "export",
        cmd_export_bundle,
        "write an encrypted, signed bundle for advocates; shows what leaves and what is held back",
    )
    export_bundle.add_argument("--person", metavar="ID", help="documents concerning this person")
    export_bundle.add_argument("--doc", action="append", metavar="ID", help="(repeatable)")
    export_bundle.add_argument("--tag", metavar="NAME", help="documents with this tag")
    export_bundle.add_argument("--since", metavar="DATE")
    export_bundle.add_argument("--until", metavar="DATE")
    to = export_bundle.add_mutually_exclusive_group()
    to.add_argument(
        "--recipient", action="append", metavar="AGE1KEY", help="a public key (repeatable)"
    )
    to.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="encrypt with the passphrase in FILE (default: make a strong one and print it)",
    )
    export_bundle.add_argument(
        "--keep-metadata",
        action="store_true",
        help="send the original files byte for byte, with GPS, camera and names in them",
    )
    export_bundle.add_argument("--no-annotations", action="store_true")
    export_bundle.add_argument("--no-events", action="store_true")
    export_bundle.add_argument("--audit", action="store_true", help="include their audit entries")
    export_bundle.add_argument(
        "--audience",
        choices=["legal-team", "advocates", "public"],
        default="advocates",
        help="who the recipients are; testimony consented to a narrower circle stays home",
    )
    export_bundle.add_argument("--dry-run", action="store_true", help="only show what would leave")
    export_bundle.add_argument("-o", "--output", required=True, metavar="FILE")

    for name, handler, help in (
        ("verify-bundle", cmd_verify_bundle, "check a bundle completely without importing it"),
        ("import-bundle", cmd_import_bundle, "verify a bundle and import it in one step"),
    ):
        bundle = command(commands, name, handler, help)
        bundle.add_argument("file", metavar="FILE")
        way = bundle.add_mutually_exclusive_group()
        way.add_argument(
            "--identity",
            action="store_true",
            help="open it with this archive's own key (the default)",
        )
        way.add_argument("--passphrase-file", metavar="FILE")
        if name == "import-bundle":
            bundle.add_argument(
                "--accept-signer",
                metavar="FINGERPRINT",
                help="import from this signer (as verify-bundle shows and the sender confirms) "
                "even if they are none of your contacts; any other signer is refused",
            )
            bundle.add_argument(
                "--confirm-additions",
                action="store_true",
                help="accept the additions to records already here that verify-bundle lists "
                "(needed unless the signer is a verified contact)",
            )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    process_hardening.harden()
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("archive", "password_file", "recovery_code_file", "actor"):
        if not hasattr(args, name):
            setattr(args, name, None)
    args.json = bool(getattr(args, "json", False))
    args.actor = args.actor or os.environ.get("AMANAT_ACTOR", "")
    try:
        return int(args.handler(args))
    except UsageError as error:
        parser.error(str(error))
    except AmanatError as error:
        _fail(error.message)
    except KeyboardInterrupt:
        print("\namanat: interrupted; nothing more was changed.", file=sys.stderr)
        return 130


def _fail(message: str) -> NoReturn:
    print(f"amanat: {message}", file=sys.stderr)
    raise SystemExit(1)


if __name__ == "__main__":
    sys.exit(main())
