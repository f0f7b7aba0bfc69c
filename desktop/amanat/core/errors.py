"""Errors a user can cause, each with one sentence they can act on.

Every error carries a stable ``code`` and the ``values`` its sentence needs, so the
application can show a translated sentence (the core stays Qt-free and English-only),
while the command line prints ``str(error)``. Bugs are not AmanatErrors: they crash loudly.
"""

from __future__ import annotations

from typing import ClassVar


class AmanatError(Exception):
    """Base of every error the user can cause or fix."""

    code: ClassVar[str] = "error"
    template: ClassVar[str] = "Something went wrong: {detail}"

    def __init__(self, **values: object) -> None:
        self.values = values
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.values)


# --- Opening and unlocking -------------------------------------------------------------


class ArchiveError(AmanatError):
    """The archive folder or one of its files cannot be used."""


class ArchiveNotFound(ArchiveError):
    code = "archive-not-found"
    template = "There is no archive at {path}; it may have been moved or deleted."


class ArchiveExists(ArchiveError):
    code = "archive-exists"
    template = "{path} already exists; choose a new name for the archive."


class FolderNotWritable(ArchiveError):
    code = "folder-not-writable"
    template = "Cannot create the archive in {path}: {reason}."


class KeysMissing(ArchiveError):
    code = "keys-missing"
    template = (
        "The key file keys.json is missing from {path}; the archive cannot be opened "
        "without it. Restore it from a backup."
    )


class KeysDamaged(ArchiveError):
    code = "keys-damaged"
    template = (
        "The key file keys.json in {path} is damaged or was edited; restore it from a backup."
    )


class KeysFromOtherArchive(ArchiveError):
    code = "keys-other-archive"
    template = (
        "The key file keys.json in {path} belongs to a different archive than archive.db; "
        "put back the keys.json that came with this archive."
    )


class DatabaseMissing(ArchiveError):
    code = "database-missing"
    template = "The archive's database archive.db is missing from {path}; restore it from a backup."


class DatabaseDamaged(ArchiveError):
    code = "database-damaged"
    template = (
        "The archive's database in {path} is damaged and cannot be read; restore it from a backup."
    )


class UnsupportedArchiveVersion(ArchiveError):
    code = "archive-too-new"
    template = (
        "This archive was written by a newer version of Amanat (format {found}); "
        "update Amanat to open it."
    )


class ArchiveInUse(ArchiveError):
    code = "archive-in-use"
    template = "The archive at {path} is open in another Amanat window or program; close it there."


class WrongPassword(AmanatError):
    code = "wrong-password"
    template = "The password is not correct."


class WrongRecoveryCode(AmanatError):
    code = "wrong-recovery-code"
    template = "That recovery code does not open this archive."


class RecoveryCodeTypo(AmanatError):
    code = "recovery-code-typo"
    template = (
        "The recovery code has a typing mistake; check each group of four characters "
        "against what you wrote down."
    )


class NoRecoveryCode(AmanatError):
    code = "no-recovery-code"
    template = "This archive has no recovery code; it can only be opened with its password."


class WeakPassword(AmanatError):
    code = "weak-password"
    template = "The password is too short; use at least {minimum} characters."


class GuessablePassword(AmanatError):
    code = "guessable-password"
    template = (
        "This password is too easy to guess; a passphrase of five or more unrelated words is "
        "both strong and easy to remember."
    )


class ArchiveLocked(AmanatError):
    code = "archive-locked"
    template = "The archive is locked; unlock it first."


# --- Records and input -----------------------------------------------------------------


class InvalidInput(AmanatError):
    code = "invalid-input"
    template = "{detail}"


class InvalidDate(InvalidInput):
    code = "invalid-date"
    template = "“{text}” is not a date Amanat understands: {reason}."


class RecordNotFound(AmanatError):
    code = "record-not-found"
    template = "There is no {kind} with the id {record_id}."


class DuplicateName(AmanatError):
    code = "duplicate-name"
    template = "A {kind} named “{name}” already exists."


class FileProblem(AmanatError):
    code = "file-problem"
    template = "Cannot read {path}: {reason}."


class FileNotWritable(AmanatError):
    code = "file-not-writable"
    template = "Cannot write {path}: {reason}."


class DiskFull(AmanatError):
    code = "disk-full"
    template = "The disk is full, so nothing was saved; free some space and try again."


class BackupDamaged(AmanatError):
    code = "backup-damaged"
    template = "The backup {path} is damaged or is not an Amanat backup: {reason}."


# --- Importing scans -------------------------------------------------------------------
# Each sentence names the file, so a list of them after importing a folder says which
# files stayed out and why; the other files of the same import go in regardless.


class ScanRefused(AmanatError):
    """A file offered for import that cannot become a page."""

    code = "scan-refused"
    template = "{name} was not imported: {reason}."


class ScanUnreadable(ScanRefused):
    code = "scan-unreadable"
    template = "{name} was not imported: it could not be read ({reason})."


class ScanEmpty(ScanRefused):
    code = "scan-empty"
    template = "{name} was not imported: the file is empty."


class ScanTooBig(ScanRefused):
    code = "scan-too-big"
    template = (
        "{name} was not imported: it is {size_mb} MB, more than the limit of {limit_mb} MB "
        "for one file."
    )


class ScanNotSupported(ScanRefused):
    code = "scan-not-supported"
    template = (
        "{name} was not imported: it is not a JPEG, PNG, TIFF, WebP, HEIC, GIF or PDF file, "
        "whatever its name says."
    )


class ScanDamaged(ScanRefused):
    code = "scan-damaged"
    template = "{name} was not imported: the file is damaged or incomplete ({detail})."


class ScanTooManyPixels(ScanRefused):
    code = "scan-too-many-pixels"
    template = (
        "{name} was not imported: it claims to be {size}, more than the {limit_mp} million "
        "pixels Amanat opens; the file is damaged or was made to harm."
    )


class ScanTooManyPages(ScanRefused):
    code = "scan-too-many-pages"
    template = (
        "{name} was not imported: it has more than {limit} pages; split it into smaller files."
    )


class ScanPasswordProtected(ScanRefused):
    code = "scan-password-protected"
    template = (
        "{name} was not imported: the PDF is locked with a password; save an unlocked copy "
        "and import that."
    )


# --- Bundles: identity, contacts, export and import ---------------------------------------
# The age layer's own errors (a wrong passphrase, a damaged or cut-off file) are in
# bundle/age.py; these are about what is inside a bundle that opened.


class InvalidSigningKey(AmanatError):
    code = "invalid-signing-key"
    template = (
        "That is not a valid Amanat signing key ({detail}); it starts with amanatsign1; "
        "check that it was copied completely and exactly."
    )


class ContactExists(AmanatError):
    code = "contact-exists"
    template = "The contact “{name}” already has the key {key}."


class NoArchiveKeys(AmanatError):
    code = "no-archive-keys"
    template = (
        "This archive has no keys yet, so no bundle can have been made for it; show them with "
        "“amanat identity show” and give the age1… key to the sender."
    )


class NothingToExport(AmanatError):
    code = "nothing-to-export"
    template = "Nothing would leave the archive: {reason}."


class ExportCancelled(AmanatError):
    code = "export-cancelled"
    template = "The export was cancelled; no bundle was written."


class ImportCancelled(AmanatError):
    code = "import-cancelled"
    template = "The import was cancelled; nothing was imported."


class BundleDamaged(AmanatError):
    code = "bundle-damaged"
    template = (
        "The bundle cannot be trusted: {detail}; nothing was imported. Ask the sender to make "
        "it again."
    )


class BundleBadSignature(BundleDamaged):
    code = "bundle-bad-signature"
    template = (
        "The bundle's signature does not match its list of contents, so it was changed after "
        "it was signed; nothing was imported."
    )


class BundleSignerChanged(AmanatError):
    code = "bundle-signer-changed"
    template = (
        "The bundle is signed by another key (fingerprint {fingerprint}) than the one that was "
        "compared ({key}); it may have been swapped, so nothing was imported."
    )


class BundleAddsToExisting(AmanatError):
    code = "bundle-adds-to-existing"
    template = (
        "This bundle, from a signer who is not a verified contact, adds {found} item(s) to "
        "records already in this archive; nothing was imported. Look at them in the "
        "verification and confirm them to import."
    )


class BundleUnknownSigner(AmanatError):
    code = "bundle-unknown-signer"
    template = (
        "The bundle is signed by a key that is none of your contacts (fingerprint "
        "{fingerprint}); nothing was imported. Compare the fingerprint with the sender by "
        "phone, add them as a contact, or accept this signer explicitly."
    )


class BundleTooNew(AmanatError):
    code = "bundle-too-new"
    template = (
        "This bundle was made by a newer version of Amanat (bundle format {found}); update "
        "Amanat to open it."
    )
