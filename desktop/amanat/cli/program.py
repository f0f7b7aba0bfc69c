"""``amanat``: the parser made of every command module's declarations, and ``main`` with
the exit statuses scripts rely on.

Exit status: 0 on success; 1 with one line on stderr for anything the user can cause or fix
(wrong password, damaged file, bad date…); 2 for wrong usage; 130 after Ctrl-C; 141 when
whoever read the output stopped reading (``amanat doc list | head``), as for a program ended
by SIGPIPE. Passwords are read from the terminal without echo or from the first line of a
file, never from the command line, where other users and the shell history would see them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from amanat import __version__
from amanat.cli import annotations as annotation_commands
from amanat.cli import (
    archive,
    bundles,
    casefile,
    contacts,
    documents,
    events,
    integrity,
    people,
    redaction,
    scans,
    search,
    settings,
    tags,
    texts,
    timecodes,
    timeline,
)
from amanat.cli.shared import Commands, UsageError
from amanat.core import process_hardening
from amanat.core.errors import AmanatError

EXIT_USER_ERROR = 1
EXIT_INTERRUPTED = 130
EXIT_OUTPUT_CLOSED = 141
"""128 + SIGPIPE: what a shell reports for a program whose reader went away."""

# In the order ``amanat --help`` lists them.
DECLARATIONS = (
    archive.declare_init,
    people.declare,
    documents.declare,
    texts.declare,
    tags.declare,
    events.declare,
    timeline.declare,
    casefile.declare,
    search.declare,
    annotation_commands.declare,
    redaction.declare,
    timecodes.declare,
    archive.declare_secrets,
    integrity.declare,
    settings.declare,
    scans.declare_import,
    scans.declare_page,
    archive.declare_demo,
    contacts.declare,
    bundles.declare,
)


def _archive_options(default: Any) -> argparse.ArgumentParser:
    # Options that every archive command takes, accepted before or after the command name.
    # SUPPRESS keeps a subcommand's absent option from hiding the top-level one.
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--archive",
        metavar="ARCHIVE",
        default=default,
        help="the archive folder (or set AMANAT_ARCHIVE)",
    )
    parent.add_argument(
        "--password-file",
        metavar="FILE",
        default=default,
        help="read the password from the first line of FILE (or set AMANAT_PASSWORD_FILE)",
    )
    parent.add_argument(
        "--recovery-code-file",
        metavar="FILE",
        default=default,
        help="unlock with the recovery code in FILE instead of the password",
    )
    parent.add_argument(
        "--json", action="store_true", default=default, help="print JSON instead of text"
    )
    parent.add_argument(
        "--actor", default=default, help="the name written in the audit log for these changes"
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="amanat",
        parents=[_archive_options(None)],
        description="An offline, encrypted archive for the letters and testimony of "
        "political prisoners.",
    )
    parser.add_argument("--version", action="version", version=f"amanat {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands = Commands(subparsers, _archive_options(argparse.SUPPRESS))
    for declare in DECLARATIONS:
        declare(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    process_hardening.harden()  # before anything secret is in memory: no core dumps
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("archive", "password_file", "recovery_code_file", "actor"):
        if not hasattr(args, name):
            setattr(args, name, None)
    args.json = bool(getattr(args, "json", False))
    args.actor = args.actor or os.environ.get("AMANAT_ACTOR", "")
    try:
        status = int(args.handler(args))
        sys.stdout.flush()  # here, so that a reader gone away is noticed below
        return status
    except UsageError as error:
        parser.error(str(error))
    except AmanatError as error:
        print(f"amanat: {error.message}", file=sys.stderr)
        raise SystemExit(EXIT_USER_ERROR) from None
    except KeyboardInterrupt:
        print("\namanat: interrupted; nothing more was changed.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_output()
        return EXIT_OUTPUT_CLOSED


def _discard_output() -> None:
    """The reader of our output went away (``| head``): whatever is still buffered goes to
    the null device, so that Python's own flush at exit does not fail again with a traceback
    (as Python's documentation of SIGPIPE advises)."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's buffer): nothing will be flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)
