"""``amanat tag add|list``."""

from __future__ import annotations

import argparse

from amanat.app import tags
from amanat.cli.shared import Commands, jsonable, show, show_added, unlocked


def declare(commands: Commands) -> None:
    tag = commands.group("tag", "add and list tags")
    add = tag.command("add", add_tag, "add a tag; use / to nest, e.g. conditions/solitary")
    add.add_argument("name")
    add.add_argument("--colour", default="#808080", help="e.g. #aa3355")
    tag.command("list", list_tags, "list tags")


def add_tag(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        tag = tags.new_tag(archive, args.name, args.colour)
    return show_added(args, tag)


def list_tags(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        listed = tags.all_entries(archive)
    show(
        args,
        [{"path": e.path, **jsonable(e.tag)} for e in listed],
        lambda: (f"{e.tag.id}  {e.tag.colour}  {e.path}" for e in listed),
    )
    return 0
