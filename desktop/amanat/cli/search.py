"""``amanat search``: the whole archive, ranked, with snippets."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from amanat.app import search
from amanat.cli.shared import Commands, choices, date_option, show, unlocked
from amanat.core.dates import Calendar
from amanat.core.records import DocumentKind
from amanat.core.search import MATCH_END, MATCH_START, SearchHit


def declare(commands: Commands) -> None:
    find = commands.command(
        "search", search_archive, "search titles, texts, annotations, people, events and tags"
    )
    find.add_argument("query")
    find.add_argument("--person", metavar="ID")
    find.add_argument("--tag", metavar="NAME")
    find.add_argument("--kind", choices=choices(DocumentKind))
    find.add_argument("--since", metavar="DATE")
    find.add_argument("--until", metavar="DATE")
    find.add_argument("--calendar", choices=choices(Calendar))
    find.add_argument("--limit", type=int, default=50)


def search_archive(args: argparse.Namespace) -> int:
    since = date_option(args.since, args.calendar)
    until = date_option(args.until, args.calendar)
    with unlocked(args) as archive:
        filters = search.filters(
            archive,
            person_id=args.person,
            tag_path=args.tag,
            kind=DocumentKind(args.kind) if args.kind else None,
            since=since.start if since else None,
            until=until.end if until else None,
        )
        hits = search.search_archive(archive, args.query, filters, args.limit)
    show(args, hits, lambda: _hit_lines(hits))
    return 0


def _hit_lines(hits: list[SearchHit]) -> Iterator[str]:
    if not hits:
        yield "Nothing found."
    for hit in hits:
        snippet = hit.snippet.replace(MATCH_START, "[").replace(MATCH_END, "]")
        snippet = " ".join(snippet.split())
        target = hit.document_id or hit.person_id or hit.record_id
        yield f"{hit.record_type:<10}  {target}  {hit.title}\n            {snippet}"
