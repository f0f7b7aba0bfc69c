"""``amanat settings show|set``: the settings kept inside the archive (the calendar, the
auto-lock, locking with the computer, the clipboard, your name, annotations' default), read
and changed through the same use cases as Settings… in the window. The interface language is
the window's own: it is needed before an archive is unlocked, so no archive holds it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from amanat.app.settings import SETTING_NAMES, SETTING_VALUES
from amanat.cli.shared import Commands, show, unlocked


def declare(commands: Commands) -> None:
    group = commands.group(
        "settings", "show or change the settings kept in the archive (as Settings… does)"
    )
    group.command("show", show_settings, "show every setting kept in the archive")
    chosen = group.command(
        "set",
        set_setting,
        "change one setting: "
        + "; ".join(f"{name} ({takes})" for name, takes in SETTING_VALUES.items()),
    )
    chosen.add_argument("name", metavar="KEY", choices=list(SETTING_NAMES))
    chosen.add_argument("value", metavar="VALUE")


def show_settings(args: argparse.Namespace) -> int:
    from amanat.app import settings

    with unlocked(args) as archive:
        stored = settings.load_settings(archive)
    values = {name: settings.setting_text(stored, name) for name in SETTING_NAMES}

    def lines() -> Iterator[str]:
        for name, value in values.items():
            yield f"{name:<20}{'not set (the default)' if value is None else value or '—'}"

    show(args, values, lines)
    return 0


def set_setting(args: argparse.Namespace) -> int:
    from amanat.app import settings

    with unlocked(args) as archive:
        stored = settings.change_setting(archive, args.name, args.value)
    value = settings.setting_text(stored, args.name)
    show(args, {args.name: value}, lambda: [f"{args.name} is now {value or '—'}."])
    return 0
