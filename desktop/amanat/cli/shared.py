"""What every command shares: which archive, unlocking it with a password read safely,
printing either JSON or text, a progress bar, and Ctrl-C as a polite request to stop."""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import getpass
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

from amanat.core.dates import Calendar, FuzzyDate, format_date, format_iso, parse_date
from amanat.core.errors import FileProblem, InvalidInput, os_reason
from amanat.core.jobs import Progress
from amanat.core.vault import Archive, check_new_password

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """Wrong usage that argparse could not see; exits with status 2."""


def choices(enum: type[Enum]) -> list[str]:
    return [member.value for member in enum]


class Commands:
    """Where a command module declares its commands: each with its handler and options, the
    options every archive command takes (--archive, --json…) added for it."""

    def __init__(self, subparsers: Any, common: argparse.ArgumentParser) -> None:
        self._subparsers = subparsers
        self._common = common

    def command(
        self, name: str, handler: Handler, help: str, archive: bool = True
    ) -> argparse.ArgumentParser:
        """A command; ``archive``: it works on an archive, so it takes the common options."""
        sub: argparse.ArgumentParser = self._subparsers.add_parser(
            name, help=help, description=help, parents=[self._common] if archive else []
        )
        sub.set_defaults(handler=handler)
        return sub

    def group(self, name: str, help: str) -> Commands:
        """A command whose subcommands do the work: ``amanat NAME COMMAND``."""
        parser = self._subparsers.add_parser(name, help=help)
        subparsers = parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND", required=True)
        return Commands(subparsers, self._common)


# --- Output: JSON for scripts or text for people, never both -----------------------------


def jsonable(value: Any) -> Any:
    """``value`` (records, reports, dates, enums, nested) as plain JSON values."""
    if isinstance(value, FuzzyDate):
        return {"text": format_iso(value), **jsonable(dataclasses.asdict(value))}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def json_text(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, indent=2) + "\n"


def show(args: argparse.Namespace, data: Any, lines: Callable[[], Iterable[str]]) -> None:
    """Print ``data`` as JSON with --json, else the ``lines`` of text made for people (made
    only when wanted, since they may look up more)."""
    if args.json:
        sys.stdout.write(json_text(data))
        return
    for line in lines():
        print(line)


def show_added(args: argparse.Namespace, record: Any) -> int:
    """What an add command prints: the new record as JSON, or just its id for scripts."""
    show(args, record, lambda: [record.id])
    return 0


def warn(message: str) -> None:
    """One line on stderr, after which the command exits with status 1."""
    print(f"amanat: {message}", file=sys.stderr)


def date_text(date: FuzzyDate | None) -> str:
    return format_date(date, date.calendar) if date else "undated"


class ProgressBar:
    """A one-line progress bar on the terminal (stderr), redrawn in place; silent when stderr
    is not a terminal, so scripts and logs get only the summary. ``label`` names the job
    when the bar alone would not say what is happening (the migration at unlock)."""

    def __init__(self, label: str = "") -> None:
        self.shown = sys.stderr.isatty()
        self.label = label
        self._drawn = False

    def __call__(self, update: Progress) -> None:
        if not self.shown or not update.total:
            return
        width = 30
        filled = width * update.done // update.total
        name = Path(update.current).name if update.current else ""
        line = f"[{'#' * filled}{'.' * (width - filled)}] {update.done}/{update.total} {name}"
        if self.label:
            line = f"{self.label} {line}"
        sys.stderr.write("\r" + line[:79].ljust(79))
        sys.stderr.flush()
        self._drawn = True

    def close(self) -> None:
        # Only a bar that was drawn is wiped: a command whose job never reported leaves the
        # terminal untouched.
        if self._drawn:
            sys.stderr.write("\r" + " " * 79 + "\r")
            sys.stderr.flush()
            self._drawn = False


# --- Cancel: Ctrl-C stops a long job between two units -----------------------------------


@contextmanager
def interruptible() -> Iterator[Callable[[], bool]]:
    """A cancel check for a long job: the first Ctrl-C asks it to stop after the unit being
    written, so the archive keeps only whole things; a second is the usual
    KeyboardInterrupt."""
    interrupted: list[bool] = []

    def on_interrupt(signum: int, frame: Any) -> None:
        interrupted.append(True)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield lambda: bool(interrupted)
    finally:
        signal.signal(signal.SIGINT, previous)


# --- Reading what the user gives ---------------------------------------------------------


def first_line(path: str) -> str:
    # utf-8-sig: Windows Notepad starts a UTF-8 file with a byte-order mark, which must not
    # become part of the password.
    try:
        with open(path, encoding="utf-8-sig") as handle:
            line = handle.readline()
    except UnicodeDecodeError as error:
        raise FileProblem(path=path, reason="it is not UTF-8 text") from error
    except OSError as error:
        raise FileProblem(path=path, reason=os_reason(error)) from error
    return line.rstrip("\r\n")


def read_text_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = (
            "it is not UTF-8 text" if isinstance(error, UnicodeDecodeError) else os_reason(error)
        )
        raise FileProblem(path=path, reason=reason) from error


def read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise FileProblem(path=path, reason=os_reason(error)) from error


def date_option(text: str | None, calendar: str | None) -> FuzzyDate | None:
    if text is None:
        return None
    return parse_date(text, Calendar(calendar) if calendar else None)


# --- Unlocking ---------------------------------------------------------------------------


def archive_path(args: argparse.Namespace) -> Path:
    value = getattr(args, "archive", None) or os.environ.get("AMANAT_ARCHIVE")
    if not value:
        raise UsageError("say which archive: --archive ARCHIVE or AMANAT_ARCHIVE")
    return Path(value)


def password(args: argparse.Namespace, prompt: str = "Password: ") -> str:
    """From --password-file (or AMANAT_PASSWORD_FILE), else asked on the terminal without
    echo; never from the command line, where other users and the shell history would see it."""
    path = getattr(args, "password_file", None) or os.environ.get("AMANAT_PASSWORD_FILE")
    if path:
        return first_line(path)
    if not sys.stdin.isatty():
        raise UsageError("no terminal to ask for the password: use --password-file FILE")
    return getpass.getpass(prompt)


def new_password(args: argparse.Namespace, file_option: str) -> str:
    """A new password from the file of ``file_option``, else asked twice on the terminal."""
    path = getattr(args, file_option, None)
    if not path and file_option == "password_file":
        path = os.environ.get("AMANAT_PASSWORD_FILE")
    if path:
        chosen = first_line(path)
    else:
        if not sys.stdin.isatty():
            option = file_option.replace("_", "-")
            raise UsageError(f"no terminal to ask for the new password: use --{option} FILE")
        chosen = getpass.getpass("New password: ")
        if getpass.getpass("The new password again: ") != chosen:
            raise InvalidInput("passwords-differ")
    check_new_password(chosen)
    return chosen


@contextmanager
def unlocked(args: argparse.Namespace) -> Iterator[Archive]:
    """The archive, open for the command's work and locked again after it, whatever happens.
    An archive an older Amanat made is updated first, with a progress bar on a terminal."""
    folder = archive_path(args)
    code_file = getattr(args, "recovery_code_file", None)
    bar = ProgressBar("updating the archive")
    try:
        if code_file:
            code = first_line(code_file)
            archive = Archive.open_with_recovery_code(folder, code, actor=args.actor, report=bar)
        else:
            archive = Archive.open(folder, password(args), actor=args.actor, report=bar)
    finally:
        bar.close()
    try:
        yield archive
    finally:
        archive.lock()
