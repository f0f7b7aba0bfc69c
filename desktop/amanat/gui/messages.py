"""The sentence the user reads for an error they can cause or fix, in their language.

The core is Qt-free and English-only: each AmanatError carries a stable ``code`` and the
``values`` its sentence needs. Here each code has an English source sentence marked for
translation; the translated template is filled with the error's values. A code without a
sentence here (one added to the core later) falls back to the core's English message.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from amanat.core.errors import AmanatError

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
}


def error_message(error: AmanatError) -> str:
    """One sentence for ``error`` in the user's language."""
    template = _TEMPLATES.get(error.code)
    if template is None:
        return error.message
    try:
        return QCoreApplication.translate(_CONTEXT, str(template)).format(**error.values)
    except (KeyError, IndexError, ValueError):
        # A translation that lost or mistyped a placeholder: the English sentence is better
        # than a crash or a half-filled sentence.
        return error.message


def known_codes() -> frozenset[str]:
    return frozenset(_TEMPLATES)
