"""The bundle operations the GUI runs on the archive's worker thread (see gui/worker.py).

Each returns an operation: a callable taking the worker's ``Session`` that hands the unlocked
archive to ``amanat.app.contacts`` or ``amanat.app.bundles`` and returns plain values.
Progress callbacks are called on the worker thread; the dialogs pass a queued signal's
``emit``.
"""

from __future__ import annotations

from pathlib import Path

from amanat.app import bundles, contacts
from amanat.app.bundles import ExportChoices, SendTo
from amanat.app.contacts import MyKeys
from amanat.core.bundle.contacts import Contact
from amanat.core.bundle.export import ExportOptions, ExportPlan, ExportScope, WrittenBundle
from amanat.core.bundle.importer import BundleReport
from amanat.core.jobs import Cancel, Report
from amanat.gui.worker import Operation, Session

__all__ = ["ExportChoices", "MyKeys", "SendTo"]


def my_keys(session: Session) -> MyKeys:
    return contacts.my_keys(session.require())


def list_contacts(session: Session) -> list[Contact]:
    return contacts.list_contacts(session.require())


def add_contact(name: str, age_recipient: str, signing_key: str | None) -> Operation[Contact]:
    def run(session: Session) -> Contact:
        return contacts.add_contact(session.require(), name, age_recipient, signing_key)

    return run


def set_signing_key(contact_id: str, signing_key: str) -> Operation[Contact]:
    def run(session: Session) -> Contact:
        return contacts.set_signing_key(session.require(), contact_id, signing_key)

    return run


def mark_verified(contact_id: str) -> Operation[Contact]:
    def run(session: Session) -> Contact:
        return contacts.mark_verified(session.require(), contact_id)

    return run


# --- Export ---------------------------------------------------------------------------------


def export_choices(session: Session) -> ExportChoices:
    return bundles.export_choices(session.require())


def plan(scope: ExportScope, options: ExportOptions) -> Operation[ExportPlan]:
    def run(session: Session) -> ExportPlan:
        return bundles.plan_bundle(session.require(), scope, options)

    return run


def write(
    chosen: ExportPlan, path: Path, send_to: SendTo, progress: Report, cancelled: Cancel
) -> Operation[WrittenBundle]:
    def run(session: Session) -> WrittenBundle:
        return bundles.write(session.require(), chosen, path, send_to, progress, cancelled)

    return run


# --- Import ---------------------------------------------------------------------------------


def verify(
    path: Path, passphrase: str, progress: Report, cancelled: Cancel
) -> Operation[BundleReport]:
    """An empty passphrase means: open it with this archive's own key."""

    def run(session: Session) -> BundleReport:
        return bundles.verify(session.require(), path, passphrase, progress, cancelled)

    return run


def import_(
    path: Path,
    passphrase: str,
    accepted_signer: str | None,
    confirmed_additions: bool,
    progress: Report,
    cancelled: Cancel,
) -> Operation[BundleReport]:
    def run(session: Session) -> BundleReport:
        return bundles.import_(
            session.require(),
            path,
            passphrase,
            accepted_signer,
            confirmed_additions,
            progress,
            cancelled,
        )

    return run
