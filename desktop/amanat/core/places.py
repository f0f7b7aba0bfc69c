"""Place names spelled two ways: the same prison written in Persian and in the usual
transliterations, or typed differently by two people ("Evin", "اوین", "Evin Prison"), found
by a folded key and merged into one spelling on the user's word. Merging rewrites the events'
place, each change through storage and into the audit log, all or nothing."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from amanat.core import audit
from amanat.core.database import Database
from amanat.core.dates import format_date
from amanat.core.errors import QT_TRANSLATE_NOOP, Detail, InvalidInput
from amanat.core.normalise import normalise
from amanat.core.storage import events, people


@dataclass(frozen=True, slots=True)
class PlaceGroup:
    """Spellings that look like one place, the most used first."""

    spellings: tuple[str, ...]
    known_name: str | None = None
    """The place's usual English name when it is in the built-in table of prisons."""
    uses: tuple[int, ...] = ()
    """How many events use each spelling."""

    @property
    def suggested(self) -> str:
        return self.spellings[0]


class PlacesNotMerged(InvalidInput):
    code = "places-not-merged"
    template = QT_TRANSLATE_NOOP(
        "Messages", "The place names were not merged, and nothing was changed: {reason}."
    )


# Iranian prisons as they are written in Persian and in the usual transliterations. Spellings
# that differ only in ways place_key folds anyway (case, spaces, ZWNJ, gh/q, ou/u, ee/ei/i)
# need not be listed twice.
KNOWN_PRISONS: dict[str, tuple[str, ...]] = {
    "Evin": ("Evin", "اوین"),
    "Qarchak": ("Qarchak", "Gharchak", "Qarchak Varamin", "قرچک", "قرچک ورامین"),
    "Ghezel Hesar": ("Ghezel Hesar", "Ghezelhesar", "Qezel Hesar", "Ghezel Hessar", "قزلحصار"),
    "Rajaei Shahr": (
        "Rajaei Shahr",
        "Rajai Shahr",
        "Rajaee Shahr",
        "Gohardasht",
        "Gohar Dasht",
        "رجایی‌شهر",
        "رجائی شهر",
        "گوهردشت",
    ),
    "Vakilabad": ("Vakilabad", "Vakil Abad", "Wakilabad", "وکیل‌آباد"),
    "Adelabad": ("Adelabad", "Adel Abad", "عادل‌آباد"),
    "Lakan": ("Lakan", "Lakan Rasht", "لاکان", "لاکان رشت"),
    "Kachuei": ("Kachuei", "Kachouei", "Kachoui", "Kachooei", "کچویی", "کچوئی"),
    "Greater Tehran Penitentiary": (
        "Greater Tehran Penitentiary",
        "Great Tehran Penitentiary",
        "Fashafouyeh",
        "Fashafoyeh",
        "فشافویه",
        "تهران بزرگ",
    ),
    "Dizelabad": ("Dizelabad", "Dizel Abad", "دیزل‌آباد"),
    "Sepidar": ("Sepidar", "سپیدار"),
    "Sheyban": ("Sheyban", "Shiban", "شیبان"),
    "Urmia": ("Urmia", "Orumiyeh", "Urumieh", "ارومیه"),
}

# Words that name the kind of place, not the place: "Evin Prison", "زندان اوین".
_GENERIC_WORDS = frozenset({"prison", "jail", "the", "zendan", "central", "زندان", "مرکزی"})
# Transliterations of one Persian sound that people write differently.
_LATIN_FOLDS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"), ("gh", "q"), ("w", "v"))
_WORD = re.compile(r"\w+")
_DOUBLED = re.compile(r"(.)\1+")


def _fold(place: str) -> str:
    text = normalise(place)  # Persian letter forms, ZWNJ, digits: as search folds them
    text = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()
    words = [w for w in _WORD.findall(text) if w not in _GENERIC_WORDS]
    joined = "".join(words)  # "Vakil Abad" and "وکیل‌آباد" lose their spaces and joiners
    if joined.isascii():
        for written, folded in _LATIN_FOLDS:
            joined = joined.replace(written, folded)
        joined = _DOUBLED.sub(r"\1", joined)
    return joined


_KNOWN_KEYS = {
    _fold(spelling): name for name, spellings in KNOWN_PRISONS.items() for spelling in spellings
}


def known_prison(place: str) -> str | None:
    """The usual English name of a prison in the built-in table, however it is spelled."""
    return _KNOWN_KEYS.get(_fold(place))


def place_key(place: str) -> str:
    """What two spellings of one place have in common: "Evin", "Evin Prison", "زندان اوین"
    and "EVIN" share a key; "Evin, Ward 209" does not (a ward is a different place)."""
    folded = _fold(place)
    known = _KNOWN_KEYS.get(folded)
    return f"known:{known}" if known is not None else folded


def group_places(uses: Counter[str] | Iterable[str]) -> tuple[PlaceGroup, ...]:
    """Spellings that look like the same place, grouped; places spelled one way are left out.
    ``uses`` counts how often each spelling is used (or simply lists them)."""
    counts = uses if isinstance(uses, Counter) else Counter(uses)
    by_key: dict[str, list[str]] = {}
    for spelling in counts:
        if spelling.strip() and _fold(spelling):
            by_key.setdefault(place_key(spelling), []).append(spelling)
    groups = []
    for spellings in by_key.values():
        if len(spellings) < 2:
            continue
        spellings.sort(key=lambda s: (-counts[s], s))
        groups.append(
            PlaceGroup(
                tuple(spellings), known_prison(spellings[0]), tuple(counts[s] for s in spellings)
            )
        )
    return tuple(sorted(groups, key=lambda g: g.spellings[0].casefold()))


def likely_same_places(db: Database, person_id: str | None = None) -> tuple[PlaceGroup, ...]:
    """The places of one person's events (or of everyone's) that look like one place."""
    sql = "SELECT place, count(*) FROM events WHERE place != ''"
    params: tuple[str, ...] = ()
    if person_id is not None:
        people.get(db, person_id)
        sql += " AND person_id = ?"
        params = (person_id,)
    return group_places(Counter({place: n for place, n in db.all(sql + " GROUP BY place", params)}))


def merge_places(
    db: Database, person_id: str, spellings: Iterable[str], into: str
) -> tuple[str, ...]:
    """Write ``into`` as the place of every event of the person whose place is one of
    ``spellings``, in one transaction: each change goes through ``events.update`` (and so into
    the audit log), and if one cannot be made none is. Returns the ids of the changed events."""
    into = into.strip()
    if not into:
        raise InvalidInput("place-needs-name")
    names = sorted({s for s in spellings if s != into})
    with db.transaction():
        person = people.get(db, person_id)
        if not names:
            return ()
        marks = ", ".join("?" * len(names))
        ids = [
            row[0]
            for row in db.all(
                f"SELECT id FROM events WHERE person_id = ? AND place IN ({marks})"
                " ORDER BY date_start, id",
                (person_id, *names),
            )
        ]
        for event_id in ids:
            event = events.get(db, event_id)
            try:
                events.update(db, replace(event, place=into))
            except InvalidInput as error:
                when = format_date(event.date, event.date.calendar)
                # English words for the command line; the event's type and date as they
                # are, for the window to show in the user's language.
                raise PlacesNotMerged(
                    reason=Detail(
                        "event-not-saved",
                        event=event.type.value.replace("-", " "),
                        when=when,
                        problem=error,
                        event_type=event.type,
                        date=event.date,
                    )
                ) from error
        if ids:
            merged = ", ".join(f"“{n}”" for n in names)
            audit.append(
                db,
                "merged-places",
                "person",
                person_id,
                f"merged the places {merged} into “{into}” on {len(ids)} event(s) of "
                f"{person.display_name}",
            )
    return tuple(ids)


def merge_places_everywhere(db: Database, spellings: Iterable[str], into: str) -> tuple[str, ...]:
    """``merge_places`` for everyone whose events use one of ``spellings``, all in one
    transaction: a place is the same prison whoever was held there."""
    names = sorted({s for s in spellings if s != into.strip()})
    if not names:
        return ()
    marks = ", ".join("?" * len(names))
    changed: list[str] = []
    with db.transaction():
        person_ids = [
            row[0]
            for row in db.all(
                f"SELECT DISTINCT person_id FROM events WHERE place IN ({marks})"
                " ORDER BY person_id",
                tuple(names),
            )
        ]
        for person_id in person_ids:
            changed += merge_places(db, person_id, names, into)
    return tuple(changed)


def place_uses(db: Database, person_id: str | None = None) -> list[tuple[str, int]]:
    """Every place named by events (of one person, or of everyone) and how many use it."""
    sql = "SELECT place, count(*) FROM events WHERE place != ''"
    params: tuple[str, ...] = ()
    if person_id is not None:
        people.get(db, person_id)
        sql += " AND person_id = ?"
        params = (person_id,)
    return [(place, n) for place, n in db.all(sql + " GROUP BY place ORDER BY place", params)]
