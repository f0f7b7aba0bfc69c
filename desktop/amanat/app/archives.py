"""Creating and opening an archive, and the demo archive of made-up people."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from amanat.core.jobs import Report
from amanat.core.keyslots import KdfParams
from amanat.core.vault import Archive, check_new_password


@dataclass(frozen=True, slots=True)
class Created:
    archive: Archive
    recovery_code: str | None
    """Only when one was asked for: shown once, then forgotten."""


def create_archive(
    folder: Path,
    password: str,
    with_recovery_code: bool = False,
    kdf: KdfParams | None = None,
    actor: str = "",
) -> Created:
    """A new, empty archive at ``folder``, unlocked; a password too weak to guard it is
    refused before anything is written."""
    check_new_password(password)
    archive = Archive.create(folder, password, kdf=kdf, actor=actor)
    code = archive.add_recovery_code(kdf) if with_recovery_code else None
    return Created(archive, code)


def open_demo(
    folder: Path, kdf: KdfParams | None = None, progress: Report | None = None
) -> Archive:
    """Open the demo archive at ``folder``, building it first if it is not there yet."""
    from amanat.core.demo import DEMO_PASSWORD, build_demo  # Pillow, only for the demo

    if not folder.exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        build_demo(folder, kdf=kdf, progress=progress)
    return Archive.open(folder, DEMO_PASSWORD, actor="demo", report=progress)


def change_password(archive: Archive, new_password: str) -> None:
    """Only the password's key slot is rewritten: the old password no longer opens this
    archive, but an earlier copy of keys.json (in a backup) still does with it."""
    check_new_password(new_password)
    archive.change_password(new_password)


def change_password_and_re_encrypt(archive: Archive, new_password: str) -> str | None:
    """A new password and a new data key: no earlier keys.json opens the archive any more.
    Returns the new recovery code when the archive had one (the old one is replaced, since
    it cannot be re-wrapped without being typed in), to be shown once."""
    check_new_password(new_password)
    return archive.change_password_and_re_encrypt(new_password)


@dataclass(frozen=True, slots=True)
class RecoveryCode:
    code: str
    """Shown only this once: anyone who has it can open the archive."""
    replaced: bool
    """An earlier recovery code existed and no longer works."""


def new_recovery_code(archive: Archive, kdf: KdfParams | None = None) -> RecoveryCode:
    replaced = archive.has_recovery_code()
    return RecoveryCode(archive.add_recovery_code(kdf), replaced)


def create_demo(folder: Path) -> None:
    """A demo archive of made-up people at ``folder`` (password: demo)."""
    from amanat.core.demo import build_demo

    build_demo(folder)
