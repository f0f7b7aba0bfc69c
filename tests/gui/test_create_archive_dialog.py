"""The create-archive dialog keeps Create disabled for a password the core would refuse, and
says why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from amanat.gui.care.new_password import NewPasswordFields
from amanat.gui.create_archive import CreateArchiveDialog
from amanat.gui.file_dialogs import FileChooser


def _dialog(qtbot: QtBot, tmp_path: Path, password: str) -> CreateArchiveDialog:
    dialog = CreateArchiveDialog(FileChooser(), tmp_path)
    qtbot.addWidget(dialog)
    dialog.password.setText(password)
    dialog.repeat.setText(password)
    return dialog


def test_create_is_disabled_for_a_guessable_password_and_the_dialog_says_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path, "12345678")
    assert not dialog.create_button.isEnabled()
    assert "passphrase of five or more unrelated words" in dialog.strength.text()
    assert dialog.meter.value() == 0


def test_create_is_disabled_for_a_persian_keyboard_walk(qtbot: QtBot, tmp_path: Path) -> None:
    assert not _dialog(qtbot, tmp_path, "ضصثقفغعهخحجچ").create_button.isEnabled()


def test_create_is_enabled_for_a_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, "plum river ostrich lantern velvet")
    assert dialog.create_button.isEnabled()
    assert dialog.strength.text() == "Strong."
    dialog.repeat.setText("plum river ostrich lantern")
    assert not dialog.create_button.isEnabled()


def test_the_password_fields_and_their_sentences_are_the_new_password_fields(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """One home for the strength sentence: the dialog's fields are the ones the password
    change uses, under the creation's own labels, and say the same for each password."""
    dialog = _dialog(qtbot, tmp_path, "")
    assert isinstance(dialog.fields, NewPasswordFields)
    assert dialog.password is dialog.fields.password and dialog.strength is dialog.fields.strength
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Password:", "Password again:", "Name:", "Keep it in:"} <= labels
    elsewhere = NewPasswordFields()
    qtbot.addWidget(elsewhere)
    for password in ("abc", "12345678", "plum river ostrich", "plum river ostrich lantern velvet"):
        dialog.password.setText(password)
        elsewhere.password.setText(password)
        assert dialog.strength.text() == elsewhere.strength.text() != ""
    dialog.name.setText("")
    dialog.repeat.setText(dialog.password.text())
    assert not dialog.create_button.isEnabled()  # a strong password, but no name
    dialog.name.setText("Letters")
    assert dialog.create_button.isEnabled()
