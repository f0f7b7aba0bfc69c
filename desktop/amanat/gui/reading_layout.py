"""How the open archive's window is laid out: where its dividers are, whether the reading
layout is on (the sidebar and the document list tucked away, the page and its text given the
whole window), and whether the details panel is shown.

It is kept inside the archive (core/settings.py, ``window_layout``), not in the application's
settings file: the file is readable on a seized computer, and how a person reads their
archive is theirs. The text stored holds names and numbers only, never anything typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_MAX_SIZE = 100_000
"""A divider's position in pixels: anything larger is not a screen's, so it is ignored."""

SPLITTERS = ("sidebar", "list", "page")
"""The dividers remembered: sidebar | the rest; the list above the document; the page |
its texts | the details panel."""


@dataclass
class WindowLayout:
    reading: bool = False
    details: bool = True
    sizes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Each divider's sizes, by its name in SPLITTERS; a divider missing keeps its default."""

    def text(self) -> str:
        """The short text stored in the archive: ``reading=1;details=0;sidebar=220,900;…``."""
        parts = [f"reading={int(self.reading)}", f"details={int(self.details)}"]
        for name in SPLITTERS:
            sizes = self.sizes.get(name)
            if sizes:
                parts.append(f"{name}={','.join(str(size) for size in sizes)}")
        return ";".join(parts)

    @classmethod
    def parse(cls, text: str | None) -> WindowLayout:
        """The layout ``text`` describes; what cannot be read (written by another version,
        say) keeps its default rather than being refused."""
        layout = cls()
        for part in (text or "").split(";"):
            name, _, value = part.partition("=")
            if name == "reading":
                layout.reading = value == "1"
            elif name == "details":
                layout.details = value != "0"
            elif name in SPLITTERS:
                sizes = _sizes(value)
                if sizes:
                    layout.sizes[name] = sizes
        return layout


def _sizes(value: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(size) for size in value.split(","))
    except ValueError:
        return ()
    if not all(0 <= size <= _MAX_SIZE for size in sizes) or not any(sizes):
        return ()
    return sizes
