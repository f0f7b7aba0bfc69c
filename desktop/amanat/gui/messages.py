"""The sentence the user reads for an error they can cause or fix, in their language.

The core is Qt-free and English-only: each AmanatError carries a stable ``code`` and the
``values`` its sentence needs. Here each code has an English source sentence marked for
translation; the translated template is filled with the error's values. A code without a
sentence here (one added to the core later) falls back to the core's English message.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from amanat.core.dates import Calendar, month_name, season_name
from amanat.core.errors import AmanatError
from amanat.gui import labels

_CONTEXT = "Messages"

# Placeholders in braces are filled with the error's values; translators keep them as they are.
_TEMPLATES: dict[str, object] = {  # QT_TRANSLATE_NOOP is typed as object
    "archive-not-found": QT_TRANSLATE_NOOP(
        "Messages", "There is no archive at {path}. It may have been moved or deleted."
    ),
    "archive-exists": QT_TRANSLATE_NOOP(
        "Messages", "{path} already exists. Choose another name for the new archive."
    ),
    "folder-not-writable": QT_TRANSLATE_NOOP(
        "Messages", "The archive cannot be created in {path}: {reason}."
    ),
    "keys-missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The key file keys.json is missing from {path}, and the archive cannot be opened "
        "without it. Restore it from a backup.",
    ),
    "keys-damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The key file keys.json in {path} is damaged or was changed. Restore it from a backup.",
    ),
    "keys-other-archive": QT_TRANSLATE_NOOP(
        "Messages",
        "The key file keys.json in {path} belongs to a different archive. Put back the "
        "keys.json that came with this archive.",
    ),
    "database-missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The archive's database archive.db is missing from {path}. Restore it from a backup.",
    ),
    "database-damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The archive's database in {path} is damaged and cannot be read. Restore it from a backup.",
    ),
    "archive-too-new": QT_TRANSLATE_NOOP(
        "Messages",
        "This archive was written by a newer version of Amanat. Update Amanat to open it.",
    ),
    "archive-in-use": QT_TRANSLATE_NOOP(
        "Messages",
        "This archive is already open in another Amanat window or program. Close it there first.",
    ),
    "wrong-password": QT_TRANSLATE_NOOP(
        "Messages", "That password does not open this archive. Please try again."
    ),
    "wrong-recovery-code": QT_TRANSLATE_NOOP(
        "Messages", "That recovery code does not open this archive."
    ),
    "recovery-code-typo": QT_TRANSLATE_NOOP(
        "Messages",
        "The recovery code has a typing mistake. Check each group of four characters against "
        "what you wrote down.",
    ),
    "no-recovery-code": QT_TRANSLATE_NOOP(
        "Messages", "This archive has no recovery code. It can only be opened with its password."
    ),
    "weak-password": QT_TRANSLATE_NOOP(
        "Messages", "The password is too short. Use at least {minimum} characters."
    ),
    "guessable-password": QT_TRANSLATE_NOOP(
        "Messages",
        "This password is too easy to guess. A passphrase of five or more unrelated words is "
        "both strong and easy to remember.",
    ),
    "archive-locked": QT_TRANSLATE_NOOP("Messages", "The archive is locked. Unlock it first."),
    "invalid-date": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a date Amanat understands: {reason}."
    ),
    "duplicate-name": QT_TRANSLATE_NOOP("Messages", "A {kind} named “{name}” already exists."),
    "file-problem": QT_TRANSLATE_NOOP("Messages", "{path} cannot be read: {reason}."),
    "file-not-writable": QT_TRANSLATE_NOOP("Messages", "{path} cannot be written: {reason}."),
    "disk-full": QT_TRANSLATE_NOOP(
        "Messages", "The disk is full, so nothing was saved. Free some space and try again."
    ),
    "backup-damaged": QT_TRANSLATE_NOOP(
        "Messages", "The backup {path} is damaged or is not an Amanat backup: {reason}."
    ),
    # Importing scans: each sentence names the file, so a list of them says which stayed out.
    "scan-refused": QT_TRANSLATE_NOOP("Messages", "{name} was not imported: {reason}."),
    "scan-unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{name} was not imported: it could not be read ({reason})."
    ),
    "scan-empty": QT_TRANSLATE_NOOP("Messages", "{name} was not imported: the file is empty."),
    "scan-too-big": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it is {size_mb} MB, more than the limit of {limit_mb} MB "
        "for one file.",
    ),
    "scan-not-supported": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it is not a JPEG, PNG, TIFF, WebP, HEIC, GIF or PDF file, "
        "whatever its name says.",
    ),
    "scan-damaged": QT_TRANSLATE_NOOP(
        "Messages", "{name} was not imported: the file is damaged or incomplete ({detail})."
    ),
    "scan-too-many-pixels": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it claims to be {size}, more than the {limit_mp} million "
        "pixels Amanat opens; the file is damaged or was made to harm.",
    ),
    "scan-too-many-pages": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it has more than {limit} pages; split it into smaller files.",
    ),
    "scan-password-protected": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: the PDF is locked with a password; save an unlocked copy "
        "and import that.",
    ),
    # Bundles: keys and contacts, export, and opening and checking a bundle received.
    "invalid-signing-key": QT_TRANSLATE_NOOP(
        "Messages",
        "That is not a valid Amanat signing key ({detail}); it starts with amanatsign1; "
        "check that it was copied completely and exactly.",
    ),
    "bundle-invalid-key": QT_TRANSLATE_NOOP(
        "Messages",
        "That is not a valid age key ({detail}); check that it was copied completely and exactly.",
    ),
    "contact-exists": QT_TRANSLATE_NOOP(
        "Messages", "The contact “{name}” already has the key {key}."
    ),
    "contact-no-signing-key": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} has no signing key yet, so there is no fingerprint to compare; add their "
        "amanatsign1… key first.",
    ),
    "no-archive-keys": QT_TRANSLATE_NOOP(
        "Messages",
        "This archive has no keys yet, so no bundle can have been made for it; give the "
        "sender the public key shown under Bundles › My keys.",
    ),
    "nothing-to-export": QT_TRANSLATE_NOOP(
        "Messages", "Nothing would leave the archive: {reason}."
    ),
    "export-cancelled": QT_TRANSLATE_NOOP(
        "Messages", "The export was cancelled; no bundle was written."
    ),
    "import-cancelled": QT_TRANSLATE_NOOP(
        "Messages", "The import was cancelled; nothing was imported."
    ),
    "bundle-damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle cannot be trusted: {detail}; nothing was imported. Ask the sender to make "
        "it again.",
    ),
    "bundle-bad-signature": QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle's signature does not match its list of contents, so it was changed after "
        "it was signed; nothing was imported.",
    ),
    "bundle-signer-changed": QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle is signed by another key (fingerprint {fingerprint}) than the one that was "
        "compared ({key}); it may have been swapped, so nothing was imported.",
    ),
    "bundle-adds-to-existing": QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle, from a signer who is not a verified contact, adds {found} item(s) to "
        "records already in this archive; nothing was imported. Look at them in the "
        "verification and confirm them to import.",
    ),
    "bundle-unknown-signer": QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle is signed by a key that is none of your contacts (fingerprint "
        "{fingerprint}); nothing was imported. Compare the fingerprint with the sender by "
        "phone, add them as a contact, or accept this signer explicitly.",
    ),
    "bundle-too-new": QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle was made by a newer version of Amanat (bundle format {found}); update "
        "Amanat to open it.",
    ),
    "bundle-error": QT_TRANSLATE_NOOP("Messages", "The bundle cannot be opened: {detail}."),
    "bundle-armor-damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The text form of the bundle is damaged or was edited ({detail}); copy it again in "
        "full, from the BEGIN line to the END line, without changing any line.",
    ),
    "bundle-header-damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle's header is damaged or malformed ({detail}); ask the sender to make the "
        "bundle again.",
    ),
    "bundle-not-age": QT_TRANSLATE_NOOP(
        "Messages",
        "This file is not an Amanat bundle or age file; check that you chose the right file.",
    ),
    "bundle-version": QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle uses a newer version of the age format than Amanat understands; update "
        "Amanat to open it.",
    ),
    "bundle-work-factor": QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle's passphrase protection asks for far more work than allowed (work factor "
        "{found}, limit {limit}), which could freeze the computer; ask the sender to make it "
        "again with the default settings.",
    ),
    "bundle-header-tampered": QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle was changed or damaged after it was made; it cannot be trusted.",
    ),
    "bundle-no-match": QT_TRANSLATE_NOOP(
        "Messages",
        "None of the keys or passphrases given can open this bundle; it was made for someone "
        "else, or with a different key.",
    ),
    "bundle-wrong-passphrase": QT_TRANSLATE_NOOP(
        "Messages", "That passphrase does not open this bundle; check it and try again."
    ),
    "bundle-payload-damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle's contents were changed or damaged after it was made; it cannot be trusted.",
    ),
    "bundle-truncated": QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle is incomplete, probably cut off while it was copied; copy it again in full.",
    ),
}


# Why a date was refused, by the ``problem`` code core/dates.py gives each refusal: the core's
# own ``reason`` is English.
_DATE_PROBLEMS: dict[str, object] = {
    "empty": QT_TRANSLATE_NOOP("Messages", "nothing was entered"),
    "too-long": QT_TRANSLATE_NOOP("Messages", "it is too long to be a date"),
    "only-circa": QT_TRANSLATE_NOOP("Messages", "the date itself is missing"),
    "short-year": QT_TRANSLATE_NOOP("Messages", "write the year in full, as in 2011 or 1390"),
    "year-first": QT_TRANSLATE_NOOP(
        "Messages", "write the year first, as in 2011-03-15 or 1401/07/07"
    ),
    "unknown-word": QT_TRANSLATE_NOOP("Messages", "“{word}” is not a month or season Amanat knows"),
    "form": QT_TRANSLATE_NOOP(
        "Messages", "use a form such as 2011-03-15, March 2011, Mehr 1401 or spring 2011"
    ),
    "no-year-given": QT_TRANSLATE_NOOP("Messages", "the year is missing"),
    "no-year": QT_TRANSLATE_NOOP("Messages", "there is no year {year}"),
    "year-too-late": QT_TRANSLATE_NOOP("Messages", "years after {limit} are not supported"),
    "jalali-year-too-late": QT_TRANSLATE_NOOP(
        "Messages", "Solar Hijri years after {limit} are not supported"
    ),
    "no-month": QT_TRANSLATE_NOOP("Messages", "there is no month {month}"),
    "no-day": QT_TRANSLATE_NOOP("Messages", "there is no day {day}"),
    "month-too-short": QT_TRANSLATE_NOOP("Messages", "{month_name} {year} has only {days} days"),
    "no-season": QT_TRANSLATE_NOOP("Messages", "there is no season {season}"),
    "winter-too-late": QT_TRANSLATE_NOOP(
        "Messages", "winter {year} ends in the next year, which is not supported"
    ),
    "other-calendar-month": QT_TRANSLATE_NOOP(
        "Messages", "{name} is a month of the {calendar} calendar"
    ),
    "other-calendar-season": QT_TRANSLATE_NOOP(
        "Messages", "{name} is a season of the {calendar} calendar"
    ),
}

# The kinds of record an error names ("A {kind} named …").
_KINDS: dict[str, object] = {
    "tag": QT_TRANSLATE_NOOP("Messages", "tag"),
    "person": QT_TRANSLATE_NOOP("Messages", "person"),
    "document": QT_TRANSLATE_NOOP("Messages", "document"),
}


def _shown(values: Mapping[str, object]) -> dict[str, object]:
    """The error's values as the sentence shows them: numbers in the interface's digits,
    a kind of record in the user's words."""
    shown = {
        key: labels.number(value)
        if isinstance(value, int) and not isinstance(value, bool)
        else value
        for key, value in values.items()
    }
    kind = values.get("kind")
    if isinstance(kind, str) and kind in _KINDS:
        shown["kind"] = QCoreApplication.translate(_CONTEXT, str(_KINDS[kind]))
    return shown


def _date_reason(values: Mapping[str, object]) -> str | None:
    """Why a date was refused, in the user's language; None for a problem not known here."""
    template = _DATE_PROBLEMS.get(str(values.get("problem")))
    if template is None:
        return None
    shown = _shown(values)
    language = labels.interface_language()
    calendar = Calendar(str(values.get("calendar", Calendar.GREGORIAN.value)))
    number = values.get("number", values.get("month"))
    if isinstance(number, int) and 1 <= number <= 12:
        shown["month_name"] = shown["name"] = month_name(calendar, number, language)
        if values.get("problem") == "other-calendar-season" and number <= 4:
            shown["name"] = season_name(calendar, number, language)
    shown["calendar"] = labels.label(calendar)
    return QCoreApplication.translate(_CONTEXT, str(template)).format(**shown)


def error_message(error: AmanatError) -> str:
    """One sentence for ``error`` in the user's language."""
    template = _TEMPLATES.get(error.code)
    if template is None:
        return error.message
    try:
        values = _shown(error.values)
        if error.code == "invalid-date":
            values["reason"] = _date_reason(error.values) or error.values.get("reason", "")
        return QCoreApplication.translate(_CONTEXT, str(template)).format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation that lost or mistyped a placeholder: the English sentence is better
        # than a crash or a half-filled sentence.
        return error.message


def known_codes() -> frozenset[str]:
    return frozenset(_TEMPLATES)
