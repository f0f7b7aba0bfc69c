"""The Markdown report: a section per case, each with its tables and notes."""

from __future__ import annotations

import datetime
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import sqlcipher3

from tests.bench.engines import sqlite_versions, stdlib_has_fts5


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)

    def text(self, paragraph: str) -> None:
        self.lines += [paragraph, ""]

    def bullets(self, items: Sequence[str]) -> None:
        self.lines += [f"- {item}" for item in items]
        self.lines.append("")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        # Numbers are right-aligned; the first column names the row.
        align = ["---", *["--:"] * (len(headers) - 1)]
        self.lines.append("| " + " | ".join(headers) + " |")
        self.lines.append("| " + " | ".join(align) + " |")
        for row in rows:
            self.lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
        self.lines.append("")

    def markdown(self) -> str:
        return "\n".join([f"## {self.title}", "", *self.lines])


def machine() -> Section:
    section = Section("Machine")
    stdlib_sqlite, cipher_sqlite = sqlite_versions()
    connection = sqlcipher3.connect(":memory:")
    try:
        # The cipher pragmas answer only once a key is set; this key protects nothing.
        connection.execute("PRAGMA key = 'benchmark'")
        cipher = {
            name: str(connection.execute(f"PRAGMA {name}").fetchone()[0])
            for name in ("cipher_version", "cipher_provider", "cipher_provider_version")
        }
        cipher_cache = connection.execute("PRAGMA cache_size").fetchone()[0]
    finally:
        connection.close()
    section.bullets(
        [
            f"{platform.platform()}, {_cpu_model()}, {os.cpu_count()} logical cores,"
            f" {_memory_gib():.1f} GiB RAM",
            f"Python {sys.version.split()[0]} ({platform.python_implementation()})",
            f"SQLCipher {cipher['cipher_version']} on SQLite {cipher_sqlite},"
            f" crypto {cipher['cipher_provider']} ({cipher['cipher_provider_version']}),"
            f" sqlcipher3 {_version('sqlcipher3')}, default cache_size {cipher_cache}",
            f"stdlib sqlite3: SQLite {stdlib_sqlite}, FTS5 {'yes' if stdlib_has_fts5() else 'NO'},"
            " default cache_size -2000",
            f"cryptography {_version('cryptography')} (Argon2id)",
        ]
    )
    return section


def document(sections: Sequence[Section], command: str, seconds: float) -> str:
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = [
        "# Amanat benchmarks",
        "",
        f"`{command}`, {started}, {seconds:,.0f} s in all.",
        "",
        "Each case compares the encrypted archive with the same schema and rows in a plain"
        " SQLite file, measured in the same run. Ratios are archive ÷ baseline: above 1 is"
        " slower than plain SQLite. Database files are in the operating system's cache"
        " (the first unlock after a cold boot also waits for the disk).",
        "",
    ]
    return "\n".join(head + [section.markdown() for section in sections])


def write(text: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "report.md"
    path.write_text(text, encoding="utf-8")
    return path


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    except (ValueError, OSError, AttributeError):
        return 0.0
