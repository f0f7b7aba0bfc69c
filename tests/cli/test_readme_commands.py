"""The README's command list and its table of what the window and the command line can do
name every command the program has: a command added without a line there fails here."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from amanat.cli.program import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    """Every command, with its group: "init", "person add", "page restore"…"""
    found: list[str] = []
    for action in parser._actions:  # argparse keeps its subcommands nowhere public
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = _commands(sub, f"{prefix}{name} ")
                found += inner or [f"{prefix}{name}"]
    return found


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.index("\n## ", start)
    return text[start:end]


def test_the_readme_lists_every_command_and_the_table_names_each() -> None:
    section = _section(README.read_text(encoding="utf-8"), "## The command line")
    listing = section[section.index("```sh") : section.index("```\n", section.index("```sh") + 5)]
    table = section[section.index("| Action |") :]
    commands = _commands(build_parser())
    assert len(commands) > 40
    missing_from_list = [
        c for c in commands if not re.search(rf"amanat {re.escape(c)}(\s|$)", listing)
    ]
    assert missing_from_list == []
    # The table names a command of a group by its group once ("`person add`, `edit`").
    missing_from_table = [
        c for c in commands if f"`{c}`" not in table and f"`{c.split()[-1]}`" not in table
    ]
    assert missing_from_table == []
