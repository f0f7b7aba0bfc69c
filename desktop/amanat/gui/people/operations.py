"""The operations on people the window runs on the archive's worker (see gui/worker.py); each
hands its work to ``amanat.app.people``, where the rules are."""

from __future__ import annotations

from dataclasses import dataclass

from amanat.app import people
from amanat.app.people import PersonDetails
from amanat.core.records import Person
from amanat.core.storage.people import Merged
from amanat.gui.worker import Operation, Session


def add_person(person: Person) -> Operation[Person]:
    def run(session: Session) -> Person:
        return people.add_person(session.require(), person)

    return run


def edit_person(person: Person) -> Operation[Person]:
    def run(session: Session) -> Person:
        return people.edit_person(session.require(), person)

    return run


def person_details(person_id: str) -> Operation[PersonDetails]:
    def run(session: Session) -> PersonDetails:
        return people.person_details(session.require(), person_id)

    return run


def check_trashable(person_id: str) -> Operation[Person]:
    def run(session: Session) -> Person:
        return people.check_trashable(session.require(), person_id)

    return run


def move_to_trash(person_id: str) -> Operation[None]:
    def run(session: Session) -> None:
        people.move_to_trash(session.require(), person_id)

    return run


def restore_from_trash(person_id: str) -> Operation[None]:
    def run(session: Session) -> None:
        people.restore_from_trash(session.require(), person_id)

    return run


@dataclass
class MergeRecord:
    """Where a merge leaves what it changed, for its undo. Written and read only on the
    worker, which runs the merge before its undo, so the undo always finds it there."""

    merged: Merged | None = None


def merge_people(kept_id: str, other_id: str, record: MergeRecord) -> Operation[Merged]:
    def run(session: Session) -> Merged:
        record.merged = people.merge_people(session.require(), kept_id, other_id)
        return record.merged

    return run


def unmerge_people(record: MergeRecord) -> Operation[None]:
    def run(session: Session) -> None:
        merged, record.merged = record.merged, None
        if merged is not None:  # a merge that was refused has nothing to take back
            people.unmerge_people(session.require(), merged)

    return run
