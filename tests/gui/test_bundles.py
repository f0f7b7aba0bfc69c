"""The bundle screens: my keys, contacts, export (plan, write, cancel) and import (verify,
signer, import once, twice, hostile input), driven through the main window's Bundles menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amanat.core.bundle import ScryptIdentity, decrypt, identity
from amanat.core.bundle import contacts as contact_store
from amanat.core.bundle.contacts import Contact
from amanat.core.bundle.export import ExportScope
from amanat.core.bundle.importer import SignerTrust, verify_bundle
from amanat.core.storage import documents
from amanat.core.vault import Archive
from amanat.gui.bundles import export_dialog as export_pages
from amanat.gui.bundles import import_dialog as import_pages
from amanat.gui.bundles.contacts_dialog import ContactsDialog
from amanat.gui.bundles.export_dialog import ExportDialog
from amanat.gui.bundles.import_dialog import BundleImportDialog
from amanat.gui.bundles.keys_dialog import MyKeysDialog
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import RememberedLocation
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.bundles import (
    PRIVATE_NOTE,
    WITHDRAWN,
    Sample,
    export_to,
    fill,
    new_archive,
)

MakeWindow = Callable[[], MainWindow]


class BundleChooser(FileChooser):
    """Answers the bundle file questions with the test's paths."""

    def __init__(self, save: Path | None = None, open_: Path | None = None) -> None:
        self.save = save
        self.open = open_

    def bundle_to_save(self, parent: QWidget | None, title: str) -> Path | None:
        return self.save

    def bundle_to_open(self, parent: QWidget | None, title: str) -> Path | None:
        return self.open


def _seen(text: str) -> str:
    """``text`` without the invisible marks that keep each name in its own direction."""
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")


def _filled(folder: Path) -> Sample:
    with Archive.open(folder, PASSWORD) as archive:
        return fill(archive)


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    return window


def _export_plan(window: MainWindow, sample: Sample) -> ExportDialog:
    dialog = window.bundles.open_export()
    assert isinstance(dialog, ExportDialog)
    dialog.by_person.setChecked(True)
    dialog.person.setCurrentIndex(dialog.person.findData(sample.prisoner))
    assert dialog.next_button.isEnabled()
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == export_pages.PLAN
    return dialog


# --- My keys and contacts ------------------------------------------------------------------


def test_my_keys_shows_the_public_key_and_fingerprint_and_the_copy_is_cleared_at_lock(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(make_window, location, archive_folder)
    assert all(a.isVisible() for a in window.bundles.actions)
    window.bundles.keys_action.trigger()
    dialog = window.bundles.keys_dialog
    assert isinstance(dialog, MyKeysDialog)
    assert dialog.public_key.text().startswith("age1") and dialog.public_key.isReadOnly()
    assert dialog.signing_key.text().startswith("amanatsign1")
    groups = dialog.fingerprint.text().split(" ")
    assert len(groups) == 6 and all(len(g) == 4 and g.isdigit() for g in groups)
    dialog.copy_public.click()
    assert QGuiApplication.clipboard().text() == dialog.public_key.text()
    shown = dialog.public_key.text(), dialog.fingerprint.text()

    window.lock()
    assert window.bundles.keys_dialog is None
    assert not any(a.isVisible() for a in window.bundles.actions)
    assert QGuiApplication.clipboard().text() == ""
    with Archive.open(archive_folder, PASSWORD) as archive:
        keys = identity.ensure(archive.db)
    assert shown == (keys.age_recipient, keys.fingerprint)


def test_adding_a_contact_refuses_a_bad_key_then_saves_and_verifies_a_good_one(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
    qtmodeltester: ModelTester,
) -> None:
    with new_archive(tmp_path / "advocate.amanat") as advocate:
        theirs = identity.ensure(advocate.db)
    window = _opened(make_window, location, archive_folder)
    window.bundles.contacts_action.trigger()
    dialog = window.bundles.contacts_dialog
    assert isinstance(dialog, ContactsDialog)
    assert dialog.model.rowCount() == 0
    adding = dialog.add()
    assert adding is not None
    adding.name.setText("Advocate in Geneva")
    typo = theirs.age_recipient[:-1] + ("q" if theirs.age_recipient[-1] != "q" else "p")
    adding.age_key.setText(typo)
    adding.buttons.button(adding.buttons.StandardButton.Save).click()
    assert not adding.error.isHidden()
    assert "not a valid age key" in adding.error.text()
    assert adding.error.text().count(". ") == 0  # one sentence
    assert adding.added is None and dialog.model.rowCount() == 0

    adding.age_key.setText(theirs.age_recipient)
    adding.signing_key.setText(theirs.signing_key)
    assert adding.fingerprint.text() == theirs.fingerprint
    adding.save()
    assert isinstance(adding.added, Contact)
    assert dialog.model.rowCount() == 1
    qtmodeltester.check(dialog.model)
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    assert dialog.model.index(0, 3).data() == "not verified"
    assert dialog.verify_button.isEnabled()

    asked: list[str | None] = []
    dialog.confirm = lambda parent, contact: asked.append(contact.fingerprint) is None and False
    dialog.verify_button.click()
    assert asked == [theirs.fingerprint]
    assert dialog.model.index(0, 3).data() == "not verified"
    dialog.confirm = lambda parent, contact: True
    dialog.verify_button.click()
    assert dialog.model.index(0, 3).data() == "verified"
    assert not dialog.verify_button.isEnabled()
    window.lock()
    assert window.bundles.contacts_dialog is None
    with Archive.open(archive_folder, PASSWORD) as archive:
        (saved,) = contact_store.all_contacts(archive.db)
    assert saved.verified and saved.fingerprint == theirs.fingerprint


def test_a_contact_added_without_signing_key_gets_it_later_then_can_be_verified(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    with new_archive(tmp_path / "advocate.amanat") as advocate:
        theirs = identity.ensure(advocate.db)
    with Archive.open(archive_folder, PASSWORD) as archive:
        contact_store.add(archive.db, "Advocate", theirs.age_recipient)
    window = _opened(make_window, location, archive_folder)
    dialog = window.bundles.open_contacts()
    assert dialog is not None
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    assert dialog.model.index(0, 2).data() == "no signing key"
    assert dialog.key_button.isEnabled() and not dialog.verify_button.isEnabled()
    adding = dialog.add_signing_key()
    assert adding is not None and adding.name.isReadOnly()
    assert adding.age_key.text() == theirs.age_recipient
    adding.signing_key.setText(theirs.age_recipient)  # the wrong key, pasted by mistake
    adding.save()
    assert "not a valid Amanat signing key" in adding.error.text()
    adding.signing_key.setText(theirs.signing_key)
    adding.save()
    assert adding.added is not None and not adding.added.verified
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    assert dialog.model.index(0, 2).data() == theirs.fingerprint
    assert not dialog.key_button.isEnabled() and dialog.verify_button.isEnabled()
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as archive:
        (saved,) = contact_store.all_contacts(archive.db)
    assert saved.signing_key == theirs.signing_key and not saved.verified


# --- Export --------------------------------------------------------------------------------


def test_export_plan_shows_what_is_held_back_and_writes_a_bundle_that_verifies(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    sample = _filled(archive_folder)
    window = _opened(make_window, location, archive_folder)
    dialog = _export_plan(window, sample)
    # Safe defaults, visible: clean copies, no originals warning, a generated passphrase.
    assert dialog.sanitised.isChecked() and dialog.originals_warning.isHidden()
    assert dialog.to_passphrase.isChecked()
    assert len(dialog.passphrase.text().replace("-", "")) == 32
    shown = _seen(dialog.plan_view.toPlainText())
    assert "Letter from Evin" in shown and "Testimony T2" in shown
    assert "What stays in this archive" in shown
    assert "“Withdrawn”: the witness withdrew consent" in shown
    assert f"“{PRIVATE_NOTE}”: it is private" in shown
    assert "“Private”: private testimony never leaves" in shown
    assert "“Legal team only”: the witness consented to a narrower circle" in shown
    assert "Omid Canarywitness leaves as “Witness " in shown  # the sender is told, and checks
    assert "clean copies" in shown

    target = tmp_path / "out" / "for-advocates.age"
    target.parent.mkdir()
    dialog.chooser = BundleChooser(save=target)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == export_pages.DONE
    assert dialog.written_bundle is not None and target.is_file()
    assert str(target) in dialog.summary.text()
    assert dialog.passphrase_again.text() == dialog.passphrase_text
    assert sorted(p.name for p in target.parent.iterdir()) == ["for-advocates.age"]
    dialog.copy_again.click()
    assert QGuiApplication.clipboard().text() == dialog.passphrase_text

    # It opens with the passphrase, holds nothing held back, and verifies elsewhere.
    with open(target, "rb") as handle:
        plain = decrypt(handle, [ScryptIdentity(dialog.passphrase_text)]).read()
    assert WITHDRAWN.encode() not in plain and PRIVATE_NOTE.encode() not in plain
    passphrase = dialog.passphrase_text
    window.lock()
    assert window.bundles.export_dialog is None
    with new_archive(tmp_path / "advocate.amanat") as advocate:
        report = verify_bundle(advocate.db, target, [ScryptIdentity(passphrase)])
    assert report.counts["documents"] == 3 and report.signer.trust is SignerTrust.UNKNOWN


def test_originals_show_a_warning_and_selected_documents_are_a_scope(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    sample = _filled(archive_folder)
    window = _opened(make_window, location, archive_folder)
    window.archive_view.show_document(sample.letter)
    assert window.archive_view.selected_document_ids() in ([], [sample.letter])
    dialog = ExportDialog(
        window._worker,
        BundleChooser(),
        window._preferences,
        [sample.letter],
        parent=window,
    )
    assert dialog.by_selection.isEnabled() and dialog.by_selection.isChecked()
    assert dialog.scope() == ExportScope(document_ids=(sample.letter,))
    dialog.originals.setChecked(True)
    assert not dialog.originals_warning.isHidden()
    dialog.next_button.click()
    shown = _seen(dialog.plan_view.toPlainText())
    assert "original files" in shown and "Check before sending" in shown
    assert "1 document(s)" in shown
    dialog.back_button.click()
    assert dialog.pages.currentIndex() == export_pages.CHOOSE
    dialog.deleteLater()


def test_cancelling_an_export_leaves_no_file(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    sample = _filled(archive_folder)
    window = _opened(make_window, location, archive_folder)
    dialog = _export_plan(window, sample)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.chooser = BundleChooser(save=folder / "b.age")
    dialog.advanced.connect(lambda _: dialog.cancel())
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == export_pages.DONE
    assert dialog.written_bundle is None
    assert "cancelled" in dialog.summary.text()
    assert list(folder.iterdir()) == []


def test_export_with_a_contact_chosen_as_recipient(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
    qtmodeltester: ModelTester,
) -> None:
    sample = _filled(archive_folder)
    advocate = new_archive(tmp_path / "advocate.amanat")
    theirs = identity.ensure(advocate.db)
    with Archive.open(archive_folder, PASSWORD) as archive:
        contact_store.add(archive.db, "Advocate", theirs.age_recipient)
    window = _opened(make_window, location, archive_folder)
    dialog = window.bundles.open_export()
    assert dialog is not None
    qtmodeltester.check(dialog.contacts)
    dialog.person.setCurrentIndex(dialog.person.findData(sample.prisoner))
    dialog.to_contacts.setChecked(True)
    assert not dialog.next_button.isEnabled()  # no contact ticked yet
    ticked = dialog.contacts.setData(
        dialog.contacts.index(0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert ticked and [c.name for c in dialog.contacts.chosen()] == ["Advocate"]
    assert dialog.next_button.isEnabled()
    dialog.next_button.click()
    assert "The key of Advocate is not verified" in _seen(dialog.plan_view.toPlainText())
    target = tmp_path / "to-advocate.age"
    dialog.chooser = BundleChooser(save=target)
    dialog.next_button.click()
    assert dialog.written_bundle is not None and dialog.passphrase_again.isHidden()
    with open(target, "rb") as handle:
        assert decrypt(handle, [theirs.age_identity]).read()
    advocate.lock()


# --- Import --------------------------------------------------------------------------------


def test_import_shows_the_signer_imports_once_and_the_second_time_changes_nothing(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    family_folder = tmp_path / "sender.amanat"
    with new_archive(family_folder) as family:
        sample = fill(family)
        with Archive.open(archive_folder, PASSWORD) as advocate:
            bundle = export_to(
                family, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner)
            )
    window = _opened(make_window, location, archive_folder)
    window.bundles.import_action.trigger()
    dialog = window.bundles.import_dialog
    assert isinstance(dialog, BundleImportDialog)
    dialog.chooser = BundleChooser(open_=bundle)
    dialog.browse.click()
    assert dialog.file.text() == str(bundle)
    assert not dialog.next_button.isEnabled()  # no passphrase typed, own key not chosen
    dialog.with_key.setChecked(True)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == import_pages.VERIFIED
    assert dialog.report is not None and dialog.report.signer.trust is SignerTrust.UNKNOWN
    assert "unknown sender" in dialog.signer.text()
    assert dialog.fingerprint.text() == dialog.report.signer.fingerprint
    assert "Letter from Evin" in dialog.contents.toPlainText()
    assert "Importing would add" in dialog.contents.toPlainText()
    assert not dialog.next_button.isEnabled()  # the unknown sender is not accepted yet
    dialog.accept_unknown.setChecked(True)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == import_pages.RESULT
    assert "Imported:" in dialog.summary.toPlainText()
    # The archive view shows the new letter at once.
    assert window.archive_view.documents.row_of(sample.letter) is not None
    dialog.close_button.click()
    assert window.bundles.import_dialog is None
    window.lock()
    # Opened once more first: the list makes the new pages' previews (a cache inside the
    # archive) as it shows them, which is not the import's doing.
    window.unlock(PASSWORD)
    window.lock()
    once = records_digest(archive_folder)

    window.unlock(PASSWORD)
    again = window.bundles.open_import()
    assert again is not None
    again.file.setText(str(bundle))
    again.with_key.setChecked(True)
    again.next_button.click()
    assert again.report is not None and again.report.already_imported
    assert "imported before" in again.contents.toPlainText()
    assert not again.next_button.isEnabled()
    again.accept_unknown.setChecked(True)
    again.start_import()  # even when pushed, nothing changes
    assert "Nothing changed" in again.summary.toPlainText()
    window.lock()
    assert records_digest(archive_folder) == once


def test_a_bundle_from_a_verified_contact_says_so(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    with new_archive(tmp_path / "sender.amanat") as family:
        sample = fill(family)
        keys = identity.ensure(family.db)
        with Archive.open(archive_folder, PASSWORD) as advocate:
            contact_store.add(
                advocate.db, "Family lawyer", keys.age_recipient, keys.signing_key, verified=True
            )
            bundle = export_to(
                family, advocate, tmp_path / "b.age", ExportScope(document_ids=(sample.letter,))
            )
    window = _opened(make_window, location, archive_folder)
    dialog = window.bundles.open_import()
    assert dialog is not None
    dialog.file.setText(str(bundle))
    dialog.with_key.setChecked(True)
    dialog.next_button.click()
    assert _seen(dialog.signer.text()) == (
        "Signed by Family lawyer, a contact whose fingerprint you verified."
    )
    assert dialog.accept_unknown.isHidden() and dialog.next_button.isEnabled()
    dialog.next_button.click()
    assert "Imported:" in dialog.summary.toPlainText()
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as advocate:
        assert documents.get(advocate.db, sample.letter).title == "Letter from Evin"


def test_a_wrong_passphrase_or_a_damaged_bundle_gets_one_sentence_and_changes_nothing(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    sample = _filled(archive_folder)
    window = _opened(make_window, location, archive_folder)
    exporting = _export_plan(window, sample)
    bundle = tmp_path / "b.age"
    exporting.chooser = BundleChooser(save=bundle)
    exporting.next_button.click()
    passphrase = exporting.passphrase_text
    exporting.close_button.click()
    window.lock()
    receiver = tmp_path / "advocate.amanat"
    new_archive(receiver).lock()
    before = records_digest(receiver)
    flipped = bytearray(bundle.read_bytes())
    flipped[len(flipped) // 2] ^= 0x40
    damaged = tmp_path / "damaged.age"
    damaged.write_bytes(bytes(flipped))

    location.remember(receiver)
    window.show_unlock(receiver)
    window.unlock(PASSWORD)
    dialog = window.bundles.open_import()
    assert dialog is not None
    dialog.file.setText(str(bundle))
    dialog.passphrase.setText("not the passphrase")
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == import_pages.CHOOSE
    assert (
        dialog.error.text() == "That passphrase does not open this bundle; check it and try again."
    )

    dialog.file.setText(str(damaged))
    dialog.passphrase.setText(passphrase)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == import_pages.CHOOSE
    assert "changed or damaged" in dialog.error.text() and dialog.report is None
    window.lock()
    assert records_digest(receiver) == before


def test_lock_closes_a_bundle_dialog_that_is_open(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path, qtbot: QtBot
) -> None:
    window = _opened(make_window, location, archive_folder)
    window.bundles.export_action.trigger()
    window.bundles.import_action.trigger()
    exporting, importing = window.bundles.export_dialog, window.bundles.import_dialog
    assert exporting is not None and importing is not None and exporting.isVisible()
    window.lock()
    assert window.bundles.export_dialog is None and window.bundles.import_dialog is None
    assert not exporting.isVisible() and not importing.isVisible()


def test_the_import_is_bound_to_the_signer_the_dialog_showed(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    """A bundle swapped on the stick between Verify and Import is refused, whoever signed it."""
    bundles = []
    with Archive.open(archive_folder, PASSWORD) as advocate:
        for name in ("first", "second"):
            with new_archive(tmp_path / f"{name}.amanat") as stranger:
                sample = fill(stranger)
                scope = ExportScope(person_id=sample.prisoner)
                bundles.append(export_to(stranger, advocate, tmp_path / f"{name}.age", scope))
    delivered = tmp_path / "delivered.age"
    delivered.write_bytes(bundles[0].read_bytes())
    before = records_digest(archive_folder)
    window = _opened(make_window, location, archive_folder)
    dialog = window.bundles.open_import()
    assert dialog is not None
    dialog.file.setText(str(delivered))
    dialog.with_key.setChecked(True)
    dialog.next_button.click()
    assert dialog.report is not None
    dialog.accept_unknown.setChecked(True)
    delivered.write_bytes(bundles[1].read_bytes())  # swapped after it was verified
    dialog.next_button.click()
    assert "may have been swapped" in dialog.summary.toPlainText()
    window.lock()
    assert records_digest(archive_folder) == before


def test_additions_to_records_here_from_an_unverified_contact_wait_for_confirmation(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    with (
        Archive.open(archive_folder, PASSWORD) as advocate,
        new_archive(tmp_path / "colleague.amanat") as colleague,
    ):
        ours, theirs = identity.ensure(advocate.db), identity.ensure(colleague.db)
        contact_store.add(
            colleague.db, "Advocate", ours.age_recipient, ours.signing_key, verified=True
        )
        contact_store.add(
            advocate.db, "Colleague", theirs.age_recipient, theirs.signing_key, verified=False
        )
        sample = fill(advocate)
        scope = ExportScope(document_ids=(sample.letter,))
        out = export_to(advocate, colleague, tmp_path / "out.age", scope)
        from amanat.core.bundle.importer import import_bundle
        from amanat.core.records import Text, TextKind
        from amanat.core.storage import texts

        assert import_bundle(colleague.db, out, [theirs.age_identity]).imported
        texts.add(colleague.db, Text(sample.letter, TextKind.TRANSLATION, "fa", "ترجمه"))
        back = export_to(colleague, advocate, tmp_path / "back.age", scope)
    window = _opened(make_window, location, archive_folder)
    dialog = window.bundles.open_import()
    assert dialog is not None
    dialog.file.setText(str(back))
    dialog.with_key.setChecked(True)
    dialog.next_button.click()
    shown = dialog.contents.toPlainText()
    assert "Additions to records already here" in shown
    assert "Letter from Evin" in _seen(shown)
    assert dialog.confirm_additions.isVisibleTo(dialog)
    assert not dialog.next_button.isEnabled()
    dialog.confirm_additions.setChecked(True)
    assert dialog.next_button.isEnabled()
    dialog.next_button.click()
    assert "Imported:" in dialog.summary.toPlainText()
