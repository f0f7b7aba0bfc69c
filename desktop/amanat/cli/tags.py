"""``amanat tag add|list|rename|move|merge|delete|colour``: tags named by their paths, as
``tag list`` shows them ("conditions/solitary")."""

from __future__ import annotations

import argparse

from amanat.app import tags
from amanat.cli.shared import Commands, jsonable, show, show_added, unlocked


def declare(commands: Commands) -> None:
    tag = commands.group("tag", "add, list, rename, move, merge, delete and recolour tags")
    add = tag.command("add", add_tag, "add a tag; use / to nest, e.g. conditions/solitary")
    add.add_argument("name")
    add.add_argument("--colour", default="#808080", help="e.g. #aa3355")
    tag.command("list", list_tags, "list tags")

    rename = tag.command("rename", rename_tag, "give a tag another name; the tags inside it follow")
    rename.add_argument("tag", help="the tag's path, e.g. conditions/solitary")
    rename.add_argument("new_name", metavar="NEW", help="its new name, or its whole new path")

    move = tag.command("move", move_tag, "put a tag, with the tags inside it, under another")
    move.add_argument("tag", help="the tag's path")
    where = move.add_mutually_exclusive_group(required=True)
    where.add_argument("--under", metavar="PARENT", help="the path of its new parent")
    where.add_argument("--top", action="store_true", help="put it at the top level")

    merge = tag.command(
        "merge",
        merge_tags,
        "make two tags one: what carries FROM carries INTO instead, and FROM is gone",
    )
    merge.add_argument("from_tag", metavar="FROM", help="the path of the tag that goes")
    merge.add_argument("into_tag", metavar="INTO", help="the path of the tag that stays")

    delete = tag.command(
        "delete", delete_tag, "delete a tag and take it off every document and annotation"
    )
    delete.add_argument("tag", help="the tag's path")
    delete.add_argument(
        "--with-children",
        action="store_true",
        help="also delete the tags inside it (without this, such a tag is refused)",
    )

    colour = tag.command("colour", colour_tag, "change a tag's colour")
    colour.add_argument("tag", help="the tag's path")
    colour.add_argument("colour", help="e.g. #aa3355")


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


def rename_tag(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        tag = tags.tag_named(archive, args.tag)
        old = tags.entry(archive.db, tag.id).path
        edit = tags.rename_tag(archive, tag.id, args.new_name)
    _show_change(args, tag.id, old, edit.path)
    return 0


def move_tag(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        tag = tags.tag_named(archive, args.tag)
        old = tags.entry(archive.db, tag.id).path
        parent = None if args.top else tags.tag_named(archive, args.under).id
        edit = tags.move_tag(archive, tag.id, parent)
    _show_change(args, tag.id, old, edit.path)
    return 0


def _show_change(args: argparse.Namespace, tag_id: str, old: str, new: str) -> None:
    show(args, {"id": tag_id, "was": old, "path": new}, lambda: [f"{old} → {new}"])


def merge_tags(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        gone = tags.tag_named(archive, args.from_tag)
        kept = tags.tag_named(archive, args.into_tag)
        old = tags.entry(archive.db, gone.id).path
        edit = tags.merge_tags(archive, gone.id, kept.id)
    show(
        args,
        {"id": kept.id, "merged": old, "path": edit.path},
        lambda: [f"{old} merged into {edit.path}"],
    )
    return 0


def delete_tag(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        tag = tags.tag_named(archive, args.tag)
        used = tags.usage(archive, tag.id)
        edit = tags.delete_tag(archive, tag.id, with_inside=args.with_children)
    show(
        args,
        {
            "path": edit.path,
            "tags_deleted": edit.removed,
            "documents": used.documents,
            "annotations": used.annotations,
            "events": used.events,
        },
        lambda: [
            f"deleted {edit.path} ({edit.removed} tag(s)); taken off {used.documents} "
            f"document(s), {used.annotations} annotation(s) and {used.events} event(s)"
        ],
    )
    return 0


def colour_tag(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        tag = tags.tag_named(archive, args.tag)
        edit = tags.recolour_tag(archive, tag.id, args.colour)
        changed = tags.entry(archive.db, tag.id).tag
    show(
        args,
        {"id": tag.id, "path": edit.path, "colour": changed.colour},
        lambda: [f"{changed.colour}  {edit.path}"],
    )
    return 0
