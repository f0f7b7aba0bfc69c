"""Errors a user can cause, each with one sentence they can act on.

Every error carries a stable ``code``, its English sentence (``template``, with placeholders
in braces) and the ``values`` that fill it. This sentence is the only one: the command line
prints it filled (``str(error)``), and the window looks the same English up in its Persian
translation (gui/messages.py). Bugs are not AmanatErrors: they crash loudly.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from typing import ClassVar


def QT_TRANSLATE_NOOP(context: str, sentence: str) -> str:
    """Marks a sentence for the translators: Qt's lupdate finds calls of this name in the source
    and lists the sentence in the translation file under ``context``. The core stays Qt-free:
    to it the sentence is just the sentence."""
    del context
    return sentence


CONTEXT = "Messages"
"""The translation context of every error sentence, the one the window looks them up in."""


class AmanatError(Exception):
    """Base of every error the user can cause or fix."""

    code: ClassVar[str] = "error"
    template: ClassVar[str] = QT_TRANSLATE_NOOP("Messages", "Something went wrong: {detail}")

    def __init__(self, **values: object) -> None:
        self.values = values
        super().__init__(self.message)

    @property
    def sentence(self) -> str:
        """The English sentence with its placeholders, the source of its translations."""
        return self.template

    @property
    def message(self) -> str:
        return self.sentence.format(**self.values)


# --- Opening and unlocking -------------------------------------------------------------


class ArchiveError(AmanatError):
    """The archive folder or one of its files cannot be used."""


class ArchiveNotFound(ArchiveError):
    code = "archive-not-found"
    template = QT_TRANSLATE_NOOP(
        "Messages", "There is no archive at {path}. It may have been moved or deleted."
    )


class ArchiveExists(ArchiveError):
    code = "archive-exists"
    template = QT_TRANSLATE_NOOP(
        "Messages", "{path} already exists. Choose another name for the new archive."
    )


class FolderNotWritable(ArchiveError):
    code = "folder-not-writable"
    template = QT_TRANSLATE_NOOP("Messages", "Cannot create the archive in {path}: {reason}.")


class KeysMissing(ArchiveError):
    code = "keys-missing"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The key file keys.json is missing from {path}, and the archive cannot be opened "
        "without it. Restore it from a backup.",
    )


class KeysDamaged(ArchiveError):
    code = "keys-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The key file keys.json in {path} is damaged or was edited; restore it from a backup.",
    )


class KeysFromOtherArchive(ArchiveError):
    code = "keys-other-archive"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The key file keys.json in {path} belongs to a different archive. Put back the "
        "keys.json that came with this archive.",
    )


class DatabaseMissing(ArchiveError):
    code = "database-missing"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The archive's database archive.db is missing from {path}. Restore it from a backup.",
    )


class DatabaseDamaged(ArchiveError):
    code = "database-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The archive's database in {path} is damaged and cannot be read. Restore it from a backup.",
    )


class DatabaseKeyMismatch(DatabaseDamaged):
    """The password opened keys.json, but its key does not open archive.db: the two cannot be
    told apart from here, so the sentence names both causes."""

    code = "database-key-mismatch"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The archive's database in {path} does not open with the key in this keys.json: either "
        "the database is damaged, or the archive was re-encrypted after this keys.json was saved "
        "(in a backup, say). Put back the keys.json that came with the archive, or restore the "
        "whole archive from a backup.",
    )


class UnsupportedArchiveVersion(ArchiveError):
    code = "archive-too-new"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This archive was written by a newer version of Amanat (format {found}); "
        "update Amanat to open it.",
    )


class ArchiveInUse(ArchiveError):
    code = "archive-in-use"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This archive is already open in another Amanat window or program. Close it there first.",
    )


class StoredObjectDamaged(ArchiveError):
    """An original or preview in segments/ does not open: cut short, changed or missing."""

    code = "stored-object-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "A stored page of this archive is damaged or missing; a full check names the documents "
        "it belongs to, and a backup can bring them back.",
    )


class NoSpaceToUpgrade(ArchiveError):
    code = "no-space-to-upgrade"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This archive needs {needed} MB of free space on its disk to be brought up to this "
        "version of Amanat, and only {free} MB are free; free some space and open it again.",
    )


class WrongPassword(AmanatError):
    code = "wrong-password"
    template = QT_TRANSLATE_NOOP(
        "Messages", "That password does not open this archive. Please try again."
    )


class WrongRecoveryCode(AmanatError):
    code = "wrong-recovery-code"
    template = QT_TRANSLATE_NOOP("Messages", "That recovery code does not open this archive.")


class RecoveryCodeTypo(AmanatError):
    code = "recovery-code-typo"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The recovery code has a typing mistake. Check each group of four characters "
        "against what you wrote down.",
    )


class NoRecoveryCode(AmanatError):
    code = "no-recovery-code"
    template = QT_TRANSLATE_NOOP(
        "Messages", "This archive has no recovery code. It can only be opened with its password."
    )


class WeakPassword(AmanatError):
    code = "weak-password"
    template = QT_TRANSLATE_NOOP(
        "Messages", "The password is too short. Use at least {minimum} characters."
    )


class GuessablePassword(AmanatError):
    code = "guessable-password"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This password is too easy to guess. A passphrase of five or more unrelated words is "
        "both strong and easy to remember.",
    )


class ArchiveLocked(AmanatError):
    code = "archive-locked"
    template = QT_TRANSLATE_NOOP("Messages", "The archive is locked. Unlock it first.")


# --- Records and input -----------------------------------------------------------------


# Why input was refused, by the rule it breaks: each rule has a code of its own and its own
# sentence, so the window can show it translated like any other error.
RULES: dict[str, str] = {
    # Records
    "person-needs-name": QT_TRANSLATE_NOOP("Messages", "A person needs a name."),
    "birth-year-range": QT_TRANSLATE_NOOP(
        "Messages", "A birth year is a year between {earliest} and {latest}, such as 1985."
    ),
    "merge-into-itself": QT_TRANSLATE_NOOP(
        "Messages", "A person cannot be merged into themself; choose the other record."
    ),
    "merge-into-trashed": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” is in the trash; restore them before merging anyone into them."
    ),
    "document-needs-title": QT_TRANSLATE_NOOP("Messages", "A document needs a title."),
    "text-needs-language": QT_TRANSLATE_NOOP(
        "Messages", "A text needs a language, such as fa or en."
    ),
    "page-quarter-turns": QT_TRANSLATE_NOOP(
        "Messages", "A page can only be turned by quarter turns."
    ),
    # Pages of a document
    "page-position": QT_TRANSLATE_NOOP(
        "Messages", "Place {position} is not in the document: give a place from 1 to {count}."
    ),
    "only-page-of-letter": QT_TRANSLATE_NOOP(
        "Messages",
        "This is the letter's only page, so it stays; to remove the letter, move it to the trash.",
    ),
    "page-in-trash": QT_TRANSLATE_NOOP("Messages", "This page is in the trash; restore it first."),
    "page-not-removed": QT_TRANSLATE_NOOP(
        "Messages", "This page is not in the trash, so there is nothing to restore."
    ),
    "document-in-trash": QT_TRANSLATE_NOOP(
        "Messages", "This document is in the trash; restore it before changing its pages."
    ),
    "tag-needs-name": QT_TRANSLATE_NOOP("Messages", "A tag needs a name."),
    "tag-name-separator": QT_TRANSLATE_NOOP(
        "Messages", "A tag's name cannot contain “{separator}”."
    ),
    "tag-colour": QT_TRANSLATE_NOOP(
        "Messages", "“{colour}” is not a colour; write it like #aa3355."
    ),
    "tag-inside-itself": QT_TRANSLATE_NOOP("Messages", "A tag cannot be placed inside itself."),
    "no-such-tag": QT_TRANSLATE_NOOP("Messages", "There is no tag named “{path}”."),
    "tag-merge-inside-itself": QT_TRANSLATE_NOOP(
        "Messages", "A tag cannot be merged into itself or into a tag inside it."
    ),
    "tag-rename-moves": QT_TRANSLATE_NOOP(
        "Messages",
        "“{path}” would put the tag under another tag; renaming changes only its name, so move "
        "it for that.",
    ),
    "tag-has-children": QT_TRANSLATE_NOOP(
        "Messages",
        "The tag “{path}” has tags inside it ({count}); delete them with it or move them out "
        "first.",
    ),
    "contact-needs-name": QT_TRANSLATE_NOOP("Messages", "A contact needs a name."),
    # Annotations
    "passage-outside-text": QT_TRANSLATE_NOOP(
        "Messages",
        "The passage {start}–{end} is not inside the text, which has {length} characters, "
        "or it is empty.",
    ),
    "passage-empty": QT_TRANSLATE_NOOP("Messages", "The passage is empty."),
    # Time codes
    "timecode-outside-text": QT_TRANSLATE_NOOP(
        "Messages",
        "Character {offset} is not inside the text, which has {length} characters; no time "
        "was set.",
    ),
    "timecode-empty-line": QT_TRANSLATE_NOOP(
        "Messages", "That line is empty; put the time on a line with words. No time was set."
    ),
    "timecode-time-negative": QT_TRANSLATE_NOOP(
        "Messages", "A time in a recording cannot be before its start; no time was set."
    ),
    "time-not-understood": QT_TRANSLATE_NOOP(
        "Messages",
        "“{text}” is not a time: give hours, minutes and seconds such as 00:01:23, or "
        "minutes and seconds such as 1:23.",
    ),
    "annotation-comment-empty": QT_TRANSLATE_NOOP(
        "Messages",
        "The comment given is empty; give the new comment, or leave it out to keep the one "
        "the annotation has.",
    ),
    "time-range-not-recording": QT_TRANSLATE_NOOP(
        "Messages",
        "That page is not a recording; a time range can only be annotated on a recording. "
        "Nothing was added.",
    ),
    "time-range-reversed": QT_TRANSLATE_NOOP(
        "Messages",
        "The time range {start}–{end} does not go forward; give an end later than its start.",
    ),
    "time-range-past-end": QT_TRANSLATE_NOOP(
        "Messages",
        "The time range {start}–{end} goes past the end of the recording, which lasts {duration}.",
    ),
    "region-outside-page": QT_TRANSLATE_NOOP(
        "Messages", "The rectangle is not inside the page, or it is empty."
    ),
    "redaction-outside-page": QT_TRANSLATE_NOOP(
        "Messages",
        "The rectangle to redact must lie inside the page and have a width and a height; "
        "nothing was redacted.",
    ),
    "region-not-rectangle": QT_TRANSLATE_NOOP(
        "Messages",
        "“{text}” is not a rectangle: give X,Y,W,H in percent of the page, such as 10,20,30,15.",
    ),
    "link-from-region-only": QT_TRANSLATE_NOOP(
        "Messages", "Only an annotation on a page can be linked to a passage."
    ),
    "link-to-passage-only": QT_TRANSLATE_NOOP(
        "Messages", "An annotation on a page can only be linked to a passage."
    ),
    "link-same-document": QT_TRANSLATE_NOOP(
        "Messages",
        "An annotation on a page can only be linked to a passage of the same document.",
    ),
    # Events and timelines
    "event-needs-date": QT_TRANSLATE_NOOP(
        "Messages", "Give the date of the event, even if only the year."
    ),
    "end-before-start": QT_TRANSLATE_NOOP("Messages", "The end date comes before the start date."),
    "place-needs-name": QT_TRANSLATE_NOOP("Messages", "Say which name the place should keep."),
    "as-of-needs-day": QT_TRANSLATE_NOOP(
        "Messages", "--as-of needs a single day, such as 2024-06-15 or 1403/03/26."
    ),
    "pdf-needs-file": QT_TRANSLATE_NOOP(
        "Messages", "A PDF is written to a file: give one with -o FILE."
    ),
    # Settings and passwords
    "auto-lock-minutes": QT_TRANSLATE_NOOP(
        "Messages", "Auto-lock takes between 0 and {maximum} minutes."
    ),
    "setting-value": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” cannot be the setting {name}, which takes {expected}."
    ),
    "name-too-long": QT_TRANSLATE_NOOP("Messages", "A name can have at most {maximum} characters."),
    "clipboard-seconds": QT_TRANSLATE_NOOP(
        "Messages", "The clipboard is cleared after between 0 and {maximum} seconds."
    ),
    "passwords-differ": QT_TRANSLATE_NOOP(
        "Messages", "The two passwords are not the same; nothing was changed."
    ),
    "backup-reminder-days": QT_TRANSLATE_NOOP(
        "Messages", "The backup reminder comes after between 0 and {maximum} days."
    ),
    "recording-limit-mb": QT_TRANSLATE_NOOP(
        "Messages", "The largest recording imported is between 1 and {maximum} MB."
    ),
}


# Phrases that fill another error's {detail} or {reason} ("the file is damaged or incomplete
# ({detail})"): each with a code of its own, so the window translates the phrase too.
DETAILS: dict[str, str] = {
    "out-of-memory": QT_TRANSLATE_NOOP("Messages", "there is not enough memory to open it"),
    "not-a-file": QT_TRANSLATE_NOOP("Messages", "it is a folder or a device, not a file"),
    "no-width-or-height": QT_TRANSLATE_NOOP("Messages", "its picture has no width or height"),
    "ends-too-early": QT_TRANSLATE_NOOP(
        "Messages", "it ends too early; perhaps it was not copied completely"
    ),
    "not-a-valid-picture": QT_TRANSLATE_NOOP(
        "Messages", "its content is not a valid {kind} picture"
    ),
    "cannot-be-decoded": QT_TRANSLATE_NOOP("Messages", "its {kind} data cannot be decoded"),
    "not-a-valid-recording": QT_TRANSLATE_NOOP(
        "Messages", "its content is not a valid {kind} recording"
    ),
    "recording-shorter": QT_TRANSLATE_NOOP(
        "Messages",
        "its header says it lasts {said}, but what it holds ends after {real}; "
        "perhaps it was not copied completely",
    ),
    "pdf-unreadable": QT_TRANSLATE_NOOP("Messages", "its PDF structure cannot be read"),
    "pdf-no-pages": QT_TRANSLATE_NOOP("Messages", "the PDF has no pages"),
    "pdf-page-no-size": QT_TRANSLATE_NOOP("Messages", "page {page} has no size"),
    "pdf-page-not-drawn": QT_TRANSLATE_NOOP("Messages", "page {page} cannot be drawn"),
    # When the decoding worker itself fails on a file (core/decoding).
    "decoder-crashed": QT_TRANSLATE_NOOP(
        "Messages", "opening it made the decoder crash; it may have been made to harm"
    ),
    "decoder-too-slow": QT_TRANSLATE_NOOP(
        "Messages", "opening it went on for more than {seconds} seconds without progress"
    ),
    "decoder-failed": QT_TRANSLATE_NOOP("Messages", "the decoder failed on it"),
    # Why an age or signing key was refused (“That is not a valid age key ({detail})”).
    "key-stray-bits": QT_TRANSLATE_NOOP("Messages", "it has stray bits at the end"),
    "key-mixed-case": QT_TRANSLATE_NOOP("Messages", "it mixes upper and lower case"),
    "key-no-separator": QT_TRANSLATE_NOOP("Messages", "it is too short or has no separator"),
    "key-prefix-characters": QT_TRANSLATE_NOOP("Messages", "its prefix has invalid characters"),
    "key-characters": QT_TRANSLATE_NOOP("Messages", "it has characters a key cannot contain"),
    "key-checksum": QT_TRANSLATE_NOOP(
        "Messages", "its checksum does not match, so a character is wrong"
    ),
    "key-malformed": QT_TRANSLATE_NOOP("Messages", "it is malformed"),
    "key-public-prefix": QT_TRANSLATE_NOOP("Messages", "a public key starts with age1"),
    "key-secret-prefix": QT_TRANSLATE_NOOP("Messages", "a secret key starts with AGE-SECRET-KEY-1"),
    "key-starts-with": QT_TRANSLATE_NOOP("Messages", "it starts with {prefix}1"),
    "key-wrong-length": QT_TRANSLATE_NOOP("Messages", "it has the wrong length"),
    "key-unusable": QT_TRANSLATE_NOOP("Messages", "it is not a usable public key"),
    # What is wrong in a bundle's age header (“The bundle's header is damaged ({detail})”).
    "header-far-too-long": QT_TRANSLATE_NOOP("Messages", "the header is far too long"),
    "header-line-far-too-long": QT_TRANSLATE_NOOP("Messages", "a header line is far too long"),
    "header-ends-early": QT_TRANSLATE_NOOP("Messages", "the header ends early"),
    "header-first-line": QT_TRANSLATE_NOOP("Messages", "the first line is malformed"),
    "header-checksum-line": QT_TRANSLATE_NOOP(
        "Messages", "the header's checksum line is malformed"
    ),
    "header-no-stanza": QT_TRANSLATE_NOOP("Messages", "a line that should start a stanza does not"),
    "header-too-many-recipients": QT_TRANSLATE_NOOP(
        "Messages", "it is addressed to more than {limit} recipients"
    ),
    "header-only": QT_TRANSLATE_NOOP("Messages", "the file ends right after the header"),
    "file-key-size": QT_TRANSLATE_NOOP("Messages", "the file key has the wrong size"),
    "stanza-argument": QT_TRANSLATE_NOOP("Messages", "a stanza has a malformed argument"),
    "stanza-body-line-too-long": QT_TRANSLATE_NOOP("Messages", "a stanza body line is too long"),
    "stanza-body-base64": QT_TRANSLATE_NOOP("Messages", "a stanza body is not canonical base64"),
    "x25519-argument-count": QT_TRANSLATE_NOOP(
        "Messages", "an X25519 stanza has the wrong number of arguments"
    ),
    "x25519-share": QT_TRANSLATE_NOOP("Messages", "an X25519 stanza has a malformed share"),
    "x25519-body-size": QT_TRANSLATE_NOOP(
        "Messages", "an X25519 stanza has a body of the wrong size"
    ),
    "x25519-low-order": QT_TRANSLATE_NOOP("Messages", "an X25519 stanza has a low-order share"),
    "scrypt-mixed": QT_TRANSLATE_NOOP(
        "Messages", "a passphrase stanza is mixed with other stanzas"
    ),
    "scrypt-argument-count": QT_TRANSLATE_NOOP(
        "Messages", "a passphrase stanza has the wrong number of arguments"
    ),
    "scrypt-salt": QT_TRANSLATE_NOOP("Messages", "a passphrase stanza has a malformed salt"),
    "scrypt-work-factor": QT_TRANSLATE_NOOP(
        "Messages", "a passphrase stanza has a malformed work factor"
    ),
    "scrypt-body-size": QT_TRANSLATE_NOOP(
        "Messages", "a passphrase stanza has a body of the wrong size"
    ),
    # What is wrong in a bundle's text form (“The text form of the bundle is damaged ({detail})”).
    "armor-no-end": QT_TRANSLATE_NOOP("Messages", "it ends before the END line"),
    "armor-line-far-too-long": QT_TRANSLATE_NOOP("Messages", "a line is far too long"),
    "armor-space-before": QT_TRANSLATE_NOOP("Messages", "too much blank space before it"),
    "armor-begin-line": QT_TRANSLATE_NOOP("Messages", "the BEGIN line is wrong"),
    "armor-empty-line": QT_TRANSLATE_NOOP("Messages", "it has an empty line"),
    "armor-line-too-long": QT_TRANSLATE_NOOP("Messages", "a line is longer than 64 characters"),
    "armor-base64": QT_TRANSLATE_NOOP("Messages", "a line is not canonical base64"),
    "armor-line-too-short": QT_TRANSLATE_NOOP("Messages", "a line is shorter than 64 characters"),
    "armor-text-after": QT_TRANSLATE_NOOP("Messages", "there is text after the END line"),
    "armor-space-after": QT_TRANSLATE_NOOP("Messages", "too much blank space after it"),
    # Why an opened bundle cannot be trusted (“The bundle cannot be trusted: {detail}”). A
    # {problem} is the parser's own words or another error's sentence: technical, for the
    # sender; the window translates it when it is an error of Amanat's own.
    "tar-ends-in-file": QT_TRANSLATE_NOOP("Messages", "it ends in the middle of a file"),
    "tar-added-after": QT_TRANSLATE_NOOP("Messages", "something was added after its last file"),
    "tar-header-malformed": QT_TRANSLATE_NOOP("Messages", "a file header inside it is malformed"),
    "tar-header-damaged": QT_TRANSLATE_NOOP("Messages", "a file header inside it is damaged"),
    "tar-other-format": QT_TRANSLATE_NOOP(
        "Messages", "it holds a kind of archive Amanat does not write"
    ),
    "tar-not-plain-file": QT_TRANSLATE_NOOP(
        "Messages", "it holds something other than plain files (a link or folder)"
    ),
    "tar-impossible-size": QT_TRANSLATE_NOOP(
        "Messages", "a file inside it declares an impossible size"
    ),
    "tar-name-not-text": QT_TRANSLATE_NOOP(
        "Messages", "a file name inside it is not readable text"
    ),
    "manifest-malformed": QT_TRANSLATE_NOOP(
        "Messages", "its list of contents is malformed ({problem})"
    ),
    "manifest-names-twice": QT_TRANSLATE_NOOP(
        "Messages", "its list of contents names a file twice"
    ),
    "part-not-first": QT_TRANSLATE_NOOP("Messages", "it does not start with {name}"),
    "part-too-large": QT_TRANSLATE_NOOP("Messages", "its {name} is larger than Amanat accepts"),
    "records-too-large": QT_TRANSLATE_NOOP(
        "Messages", "its records are larger than Amanat accepts"
    ),
    "file-twice": QT_TRANSLATE_NOOP("Messages", "it holds {name} twice"),
    "file-not-listed": QT_TRANSLATE_NOOP(
        "Messages", "it holds a file its list of contents does not name, {name}"
    ),
    "file-wrong-size": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not the size its list of contents says"
    ),
    "files-missing": QT_TRANSLATE_NOOP(
        "Messages", "{count} file(s) its list of contents names are missing, such as {name}"
    ),
    "file-hash-mismatch": QT_TRANSLATE_NOOP(
        "Messages", "{path} does not match its SHA-256 in the signed list"
    ),
    "record-invalid": QT_TRANSLATE_NOOP("Messages", "{path} is not a valid record ({problem})"),
    "record-other-id": QT_TRANSLATE_NOOP("Messages", "{path} holds a record with another id"),
    "record-does-not-fit": QT_TRANSLATE_NOOP(
        "Messages", "one of its records does not fit ({problem})"
    ),
    "record-reference-missing": QT_TRANSLATE_NOOP(
        "Messages",
        "one of its records refers to a record of kind “{kind}” that is neither in the bundle "
        "nor in this archive",
    ),
    "tags-nested-in-themselves": QT_TRANSLATE_NOOP(
        "Messages", "its tags are nested inside themselves"
    ),
    "page-without-file": QT_TRANSLATE_NOOP("Messages", "page {page} has no file in the bundle"),
    "files-unused": QT_TRANSLATE_NOOP("Messages", "it holds files that no page uses"),
    # Why place names were not merged (“… nothing was changed: {reason}”); {event} and {when}
    # are English, and the window shows the values event_type and date in its own words.
    "event-not-saved": QT_TRANSLATE_NOOP(
        "Messages", "the {event} of {when} cannot be saved ({problem}); correct it first"
    ),
    # Why a file or folder could not be read or written (“Cannot read {path}: {reason}”),
    # by the operating system's error number (see os_reason): its own words (strerror) would
    # be English, or the system's language, in a Persian window.
    "os-not-found": QT_TRANSLATE_NOOP("Messages", "there is no such file or folder"),
    "os-no-permission": QT_TRANSLATE_NOOP("Messages", "this user account is not allowed to use it"),
    "os-is-a-folder": QT_TRANSLATE_NOOP("Messages", "it is a folder, not a file"),
    "os-not-a-folder": QT_TRANSLATE_NOOP(
        "Messages", "a part of the path is a file where a folder should be"
    ),
    "os-input-output": QT_TRANSLATE_NOOP(
        "Messages", "the disk could not read or write it; the disk or USB stick may be failing"
    ),
    "os-disk-full": QT_TRANSLATE_NOOP("Messages", "the disk is full"),
    "os-link-loop": QT_TRANSLATE_NOOP("Messages", "it is a link that leads back to itself"),
    "os-name-too-long": QT_TRANSLATE_NOOP("Messages", "its name or path is too long"),
    "os-read-only": QT_TRANSLATE_NOOP("Messages", "the disk can only be read, not written"),
    "os-other": QT_TRANSLATE_NOOP("Messages", "the system refused (error {symbol})"),
    # Why nothing was exported, or a file was not written or read (“Cannot read {path}:
    # {reason}”).
    "export-nothing-chosen": QT_TRANSLATE_NOOP(
        "Messages", "choose a person, documents, a tag or dates"
    ),
    "export-private": QT_TRANSLATE_NOOP("Messages", "private material never leaves the archive"),
    "export-all-held-back": QT_TRANSLATE_NOOP("Messages", "everything chosen is held back"),
    "file-exists": QT_TRANSLATE_NOOP("Messages", "it already exists; choose a new name"),
    "file-does-not-exist": QT_TRANSLATE_NOOP("Messages", "the file does not exist"),
    "page-named": QT_TRANSLATE_NOOP("Messages", "page {page}"),
    "page-file-changed": QT_TRANSLATE_NOOP(
        "Messages", "its file changed while the bundle was written; run amanat check"
    ),
    # Why a backup cannot be restored (“The backup {path} is damaged …: {reason}”).
    "backup-exists": QT_TRANSLATE_NOOP(
        "Messages", "a file with that name exists already; choose another"
    ),
    "backup-member-not-a-file": QT_TRANSLATE_NOOP("Messages", "{name} is not a file"),
    "backup-member-hash": QT_TRANSLATE_NOOP("Messages", "{name} does not match its hash"),
    "backup-cannot-unpack": QT_TRANSLATE_NOOP("Messages", "it cannot be unpacked"),
    "backup-wrong-contents": QT_TRANSLATE_NOOP("Messages", "it does not hold what a backup holds"),
    "backup-manifest-not-a-file": QT_TRANSLATE_NOOP("Messages", "its manifest is not a file"),
    "backup-manifest-unreadable": QT_TRANSLATE_NOOP("Messages", "its manifest is not readable"),
    "backup-unknown-version": QT_TRANSLATE_NOOP(
        "Messages", "it is not a backup this version can read"
    ),
    "backup-manifest-incomplete": QT_TRANSLATE_NOOP("Messages", "its manifest is incomplete"),
    "backup-other-archive": QT_TRANSLATE_NOOP(
        "Messages", "it holds the backup of another archive; choose another folder"
    ),
    "backup-folder-not-empty": QT_TRANSLATE_NOOP(
        "Messages", "it holds other files; choose an empty folder or an earlier backup"
    ),
    "backup-segment-short": QT_TRANSLATE_NOOP(
        "Messages", "a part of its stored pages is shorter than recorded"
    ),
    "backup-unfinished": QT_TRANSLATE_NOOP(
        "Messages",
        "it is what a backup that was stopped left behind, never a whole backup; make a new backup",
    ),
}


class Detail(str):
    """A phrase of DETAILS, filled: a string (the English, as the command line prints it)
    that keeps its code and values for the window, which translates it."""

    code: str
    values: dict[str, object]

    def __new__(cls, code: str, **values: object) -> Detail:
        # Another error's sentence inside a phrase ("… ({problem})") loses its full stop.
        filled = {
            key: value.message.rstrip(".") if isinstance(value, AmanatError) else value
            for key, value in values.items()
        }
        made = super().__new__(cls, DETAILS[code].format(**filled))
        made.code = code
        made.values = values
        return made


_OS_DETAILS: dict[int, str] = {
    errno.ENOENT: "os-not-found",
    errno.EACCES: "os-no-permission",
    errno.EPERM: "os-no-permission",
    errno.EISDIR: "os-is-a-folder",
    errno.ENOTDIR: "os-not-a-folder",
    errno.EIO: "os-input-output",
    errno.ENOSPC: "os-disk-full",
    errno.ELOOP: "os-link-loop",
    errno.ENAMETOOLONG: "os-name-too-long",
    errno.EROFS: "os-read-only",
}


def os_reason(error: OSError) -> Detail:
    """Why the operating system refused, as a phrase the window translates. Any error number
    without a phrase of its own is named by its symbol (EBUSY…), which a helper can look up,
    never by the system's sentence, which would be in another language than the window."""
    number = error.errno
    if number in _OS_DETAILS:
        return Detail(_OS_DETAILS[number])
    symbol = errno.errorcode.get(number, str(number)) if number is not None else "?"
    return Detail("os-other", symbol=symbol)


class InvalidInput(AmanatError):
    """Input refused before anything changed. ``rule`` names the rule it breaks (a key of
    RULES); its subclasses have a sentence of their own instead."""

    code = "invalid-input"
    template = QT_TRANSLATE_NOOP("Messages", "That cannot be used here; nothing was changed.")

    def __init__(self, rule: str = "", **values: object) -> None:
        if rule and rule not in RULES:
            raise KeyError(f"no sentence for the rule {rule!r}")  # a bug: crash loudly
        self.rule = rule
        super().__init__(**values)

    @property
    def sentence(self) -> str:
        return RULES[self.rule] if self.rule else self.template


class InvalidDate(InvalidInput):
    code = "invalid-date"
    template = QT_TRANSLATE_NOOP("Messages", "“{text}” is not a date Amanat understands: {reason}.")


class FacesUnavailable(AmanatError):
    code = "faces-unavailable"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "Suggesting faces needs OpenCV, which this installation leaves out for its size; draw "
        "a box over each face with “Redact a region” instead.",
    )


class RecordNotFound(AmanatError):
    code = "record-not-found"
    template = QT_TRANSLATE_NOOP("Messages", "There is no {kind} with the id {record_id}.")


class DuplicateName(AmanatError):
    code = "duplicate-name"
    template = QT_TRANSLATE_NOOP("Messages", "A {kind} named “{name}” already exists.")


class TagNameTaken(DuplicateName):
    """A tag renamed or moved onto the path of another: the window offers to merge the two
    (``existing_id`` is the other)."""

    code = "tag-name-taken"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "There is already a tag named “{path}”; merge the two instead if they mean the same.",
    )


class PersonStillNamed(AmanatError):
    """A person documents still name cannot go to the trash: the documents would name someone
    gone. English needs a sentence for one document and another for several; see
    ``person_still_named``."""

    code = "person-named-by-documents"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” is named by {found} documents (counting those in the trash), so they stay; "
        "take them off those documents first, or merge them into another person.",
    )


class PersonNamedByOneDocument(PersonStillNamed):
    code = "person-named-by-a-document"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” is named by one document (counting those in the trash), so they stay; "
        "take them off that document first, or merge them into another person.",
    )


def person_still_named(name: str, count: int) -> PersonStillNamed:
    """The refusal to trash ``name``, in the sentence that fits ``count``."""
    if count == 1:
        return PersonNamedByOneDocument(name=name, found=count)
    return PersonStillNamed(name=name, found=count)


class FileProblem(AmanatError):
    code = "file-problem"
    template = QT_TRANSLATE_NOOP("Messages", "Cannot read {path}: {reason}.")


class FileNotWritable(AmanatError):
    code = "file-not-writable"
    template = QT_TRANSLATE_NOOP("Messages", "Cannot write {path}: {reason}.")


class DiskFull(AmanatError):
    code = "disk-full"
    template = QT_TRANSLATE_NOOP(
        "Messages", "The disk is full, so nothing was saved. Free some space and try again."
    )


class DiskFullAt(DiskFull):
    """The disk is full, and which one is known: the sentence names the folder on it, so the
    user knows which disk (the archive's, or the USB stick an export goes to) to free."""

    code = "disk-full-at"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The disk is full where {path} is, so nothing was saved. Free some space on that disk "
        "and try again.",
    )


class BackupDamaged(AmanatError):
    code = "backup-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages", "The backup {path} is damaged or is not an Amanat backup: {reason}."
    )


class BackupInsideArchive(AmanatError):
    code = "backup-inside-archive"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "A backup cannot be kept inside the archive's own folder. Choose another place, "
        "best a USB stick or another disk.",
    )


class BackupNotVerified(AmanatError):
    """Read back after writing, the backup did not match what was written: the disk or the
    stick lost data on the way. Nothing is kept."""

    code = "backup-not-verified"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The backup was written but did not read back the same, so it was removed. The disk "
        "or USB stick may be failing; try another one.",
    )


class BackupCancelled(AmanatError):
    code = "backup-cancelled"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The backup was cancelled; no file was left behind, and any earlier backup there is "
        "as it was.",
    )


class RestoreCancelled(AmanatError):
    code = "restore-cancelled"
    template = QT_TRANSLATE_NOOP(
        "Messages", "The restore was cancelled; no archive folder was made."
    )


class RestoreFolderNotEmpty(AmanatError):
    code = "restore-folder-not-empty"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{path} already holds files. Restore into a new or empty folder, so nothing there "
        "is overwritten.",
    )


class CheckCancelled(AmanatError):
    code = "check-cancelled"
    template = QT_TRANSLATE_NOOP(
        "Messages", "The check was cancelled before it finished; nothing was changed."
    )


# --- Importing scans -------------------------------------------------------------------
# Each sentence names the file, so a list of them after importing a folder says which
# files stayed out and why; the other files of the same import go in regardless.


class ScanRefused(AmanatError):
    """A file offered for import that cannot become a page."""

    code = "scan-refused"
    template = QT_TRANSLATE_NOOP("Messages", "{name} was not imported: {reason}.")


class ScanUnreadable(ScanRefused):
    code = "scan-unreadable"
    template = QT_TRANSLATE_NOOP(
        "Messages", "{name} was not imported: it could not be read ({reason})."
    )


class ScanEmpty(ScanRefused):
    code = "scan-empty"
    template = QT_TRANSLATE_NOOP("Messages", "{name} was not imported: the file is empty.")


class ScanTooBig(ScanRefused):
    code = "scan-too-big"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it is {size_mb} MB, more than the limit of {limit_mb} MB "
        "for one file.",
    )


class RecordingTooBig(ScanTooBig):
    code = "recording-too-big"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it is {size_mb} MB, more than the limit of {limit_mb} MB "
        "for one recording, which Settings… (or amanat settings set recording-limit) can raise.",
    )


class ScanNotSupported(ScanRefused):
    code = "scan-not-supported"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it is not a picture (JPEG, PNG, TIFF, WebP, HEIC, GIF), a PDF "
        "or a recording (MP3, M4A, AAC, Ogg, WAV, AMR, MP4, WebM, MOV), whatever its name says.",
    )


class ScanChanged(ScanRefused):
    """A file read in several passes (a recording: hashed, probed, then sealed chunk by
    chunk) that was not the same from one pass to the next: still being copied or written."""

    code = "scan-changed"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it changed while it was being read (another program may "
        "still be copying or writing it); import it again once that has finished.",
    )


class ScanDamaged(ScanRefused):
    code = "scan-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages", "{name} was not imported: the file is damaged or incomplete ({detail})."
    )


class PageDamaged(ScanDamaged):
    """A page already in the archive whose stored file cannot be decoded when it is copied
    out (an export or a bundle): not an import, so not the import's sentence."""

    code = "page-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{name} cannot be copied out of the archive: its stored file is damaged or incomplete "
        "({detail}). Run a check of the archive, or leave that page out.",
    )


class ScanTooManyPixels(ScanRefused):
    code = "scan-too-many-pixels"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it claims to be {size}, more than the {limit_mp} million "
        "pixels Amanat opens; the file is damaged or was made to harm.",
    )


class ScanTooManyPages(ScanRefused):
    code = "scan-too-many-pages"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: it has more than {limit} pages; split it into smaller files.",
    )


class ScanPasswordProtected(ScanRefused):
    code = "scan-password-protected"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was not imported: the PDF is locked with a password; save an unlocked copy "
        "and import that.",
    )


# --- Bundles: identity, contacts, export and import ---------------------------------------
# The age layer's own errors (a wrong passphrase, a damaged or cut-off file) are in
# bundle/age.py; these are about what is inside a bundle that opened.


class InvalidSigningKey(AmanatError):
    code = "invalid-signing-key"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "That is not a valid Amanat signing key ({detail}); it starts with amanatsign1; "
        "check that it was copied completely and exactly.",
    )


class ContactExists(AmanatError):
    code = "contact-exists"
    template = QT_TRANSLATE_NOOP("Messages", "The contact “{name}” already has the key {key}.")


class NoArchiveKeys(AmanatError):
    code = "no-archive-keys"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This archive has no keys yet, so no bundle can have been made for it; give the sender "
        "the public key shown under Bundles › My keys (or by “amanat identity show”).",
    )


class NothingToExport(AmanatError):
    code = "nothing-to-export"
    template = QT_TRANSLATE_NOOP("Messages", "Nothing would leave the archive: {reason}.")


class ExportCancelled(AmanatError):
    code = "export-cancelled"
    template = QT_TRANSLATE_NOOP("Messages", "The export was cancelled; no bundle was written.")


class RecordingCopyUnsteady(AmanatError):
    """A recording's stripped copy came out differently when it was made again for a bundle
    (core/bundle/stripped_recordings.py): the bundle could not promise its hash."""

    code = "recording-copy-unsteady"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "No bundle was written: the stripped copy of {name} came out differently each time "
        "it was made, so the bundle could not vouch for it; leave that recording out, or "
        "export its stripped copy on its own.",
    )


class ImportCancelled(AmanatError):
    code = "import-cancelled"
    template = QT_TRANSLATE_NOOP("Messages", "The import was cancelled; nothing was imported.")


class BundleDamaged(AmanatError):
    code = "bundle-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle cannot be trusted: {detail}; nothing was imported. Ask the sender to make "
        "it again.",
    )


class BundleBadSignature(BundleDamaged):
    code = "bundle-bad-signature"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle's signature does not match its list of contents, so it was changed after "
        "it was signed; nothing was imported.",
    )


class BundleSignerChanged(AmanatError):
    code = "bundle-signer-changed"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle is signed by another key (fingerprint {fingerprint}) than the one that was "
        "compared ({key}); it may have been swapped, so nothing was imported.",
    )


class BundleAddsToExisting(AmanatError):
    code = "bundle-adds-to-existing"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle, from a signer who is not a verified contact, adds {found} item(s) to "
        "records already in this archive; nothing was imported. Look at them in the "
        "verification and confirm them to import.",
    )


class BundleUnknownSigner(AmanatError):
    code = "bundle-unknown-signer"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle is signed by a key that is none of your contacts (fingerprint "
        "{fingerprint}); nothing was imported. Compare the fingerprint with the sender by "
        "phone, add them as a contact, or accept this signer explicitly.",
    )


class BundleTooNew(AmanatError):
    code = "bundle-too-new"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle was made by a newer version of Amanat (bundle format {found}); update "
        "Amanat to open it.",
    )


# --- The list of sentences ---------------------------------------------------------------


def error_classes() -> list[type[AmanatError]]:
    """Every error class loaded so far (errors live beside their concept, as the bundle's
    do in bundle/age.py), parents before their children."""
    found: list[type[AmanatError]] = []
    waiting: list[type[AmanatError]] = [AmanatError]
    while waiting:
        cls = waiting.pop(0)
        found.append(cls)
        waiting.extend(cls.__subclasses__())
    return found


def every_sentence(classes: Iterable[type[AmanatError]] | None = None) -> dict[str, str]:
    """Each error code, each rule of InvalidInput and each detail, with its one English
    sentence, over
    ``classes`` (every error class loaded, unless given). An error class that keeps its
    parent's code keeps its parent's sentence too."""
    sentences: dict[str, str] = {}
    for cls in error_classes() if classes is None else classes:
        if sentences.setdefault(cls.code, cls.template) != cls.template:
            raise ValueError(f"two sentences for the error code {cls.code!r}")
    for table in (RULES, DETAILS):
        for code, sentence in table.items():
            if code in sentences:
                raise ValueError(f"the code {code!r} is given twice")
            sentences[code] = sentence
    return sentences
