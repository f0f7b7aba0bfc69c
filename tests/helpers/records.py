"""Records for the storage tests: a prisoner with every field filled, a letter of theirs with
a Jalali date and provenance, and a small page picture."""

from __future__ import annotations

import io

from PIL import Image

from amanat.core.dates import parse_date
from amanat.core.records import Document, DocumentKind, Person, PersonStatus, Provenance, Role
from amanat.core.storage import documents, people
from amanat.core.vault import Archive


def a_prisoner(archive: Archive, name: str = "Reza Example") -> Person:
    return people.add(
        archive.db,
        Person(
            display_name=name,
            name_fa="رضا نمونه",
            name_latin="Reza Nemouneh",
            aliases=("R.",),
            roles=(Role.PRISONER,),
            birth_year=1988,
            status=PersonStatus.DETAINED,
            notes="Ward 4",
        ),
    )


def a_letter(archive: Archive, person: Person, title: str = "Letter from Evin") -> Document:
    return documents.add(
        archive.db,
        Document(
            kind=DocumentKind.LETTER,
            title=title,
            date=parse_date("1389-12-24"),
            author_id=person.id,
            concerned_ids=(person.id,),
            languages=("fa",),
            provenance=Provenance(received_from="his mother", received_on=parse_date("2011-04")),
        ),
    )


def png_bytes(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()
