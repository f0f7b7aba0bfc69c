"""The recent archives on the welcome screen: the folders remembered on this computer, each
with “Forget” beside it, and the choice not to remember any. Only folders' paths are kept,
never a name from inside an archive (gui/settings.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from amanat.gui.settings import RememberedLocation


class RecentArchives(QWidget):
    chosen = Signal(object)
    """A remembered folder (a Path) to open."""

    def __init__(self, location: RememberedLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._location = location
        self.heading = QLabel(self.tr("Recent archives"))
        self.rows = QGridLayout()
        self.rows.setColumnStretch(0, 1)
        self.remember = QCheckBox(self.tr("Remember the archives I open on this computer"))
        self.remember.setToolTip(
            self.tr(
                "Only the folders' places are kept, never what is inside. Turned off, they "
                "are forgotten at once."
            )
        )
        self.remember.toggled.connect(self._remembering)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows)
        layout.addWidget(self.remember)
        self.refresh()

    def folders(self) -> list[Path]:
        return self._location.recent_archives()

    def open_buttons(self) -> list[QPushButton]:
        return self.findChildren(QPushButton, "open-recent")

    def forget_buttons(self) -> list[QPushButton]:
        return self.findChildren(QPushButton, "forget-recent")

    def refresh(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
                widget.setParent(None)
        folders = self.folders()
        for row, folder in enumerate(folders):
            open_button = QPushButton(folder.name)
            open_button.setObjectName("open-recent")
            open_button.setToolTip(str(folder))
            open_button.setFlat(True)
            open_button.clicked.connect(lambda _=False, f=folder: self.chosen.emit(f))
            forget = QPushButton(self.tr("Forget"))
            forget.setObjectName("forget-recent")
            forget.setToolTip(self.tr("Take it off this list; the archive itself is not touched."))
            forget.clicked.connect(lambda _=False, f=folder: self.forget(f))
            self.rows.addWidget(open_button, row, 0, Qt.AlignmentFlag.AlignLeading)
            self.rows.addWidget(forget, row, 1)
        self.heading.setVisible(bool(folders))
        self.remember.blockSignals(True)
        self.remember.setChecked(self._location.remembering)
        self.remember.blockSignals(False)

    def forget(self, folder: Path) -> None:
        self._location.forget_archive(folder)
        self.refresh()

    def _remembering(self, on: bool) -> None:
        self._location.set_remembering(on)
        self.refresh()
