"""The places named in events: how often each is used, spellings that look like one place,
and merging them into one."""

from __future__ import annotations

from dataclasses import dataclass

from amanat.core.places import (
    PlaceGroup,
    likely_same_places,
    merge_places,
    merge_places_everywhere,
    place_uses,
)
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class Places:
    uses: tuple[tuple[str, int], ...]
    """Each place and how many events name it."""
    likely_same: tuple[PlaceGroup, ...]
    """Spellings that look like one place (Evin and اوین)."""


def places(archive: Archive, person_id: str | None = None) -> Places:
    """The places of events (of one person, or everyone's), and likely duplicates."""
    db = archive.db
    return Places(tuple(place_uses(db, person_id)), likely_same_places(db, person_id))


def merge_place_spellings(
    archive: Archive, spellings: tuple[str, ...], into: str, person_id: str | None = None
) -> tuple[str, ...]:
    """Write ``into`` in every event (of one person, or everyone's) that names one of the
    ``spellings``; returns the ids of the events changed."""
    if person_id:
        return merge_places(archive.db, person_id, spellings, into)
    return merge_places_everywhere(archive.db, spellings, into)
