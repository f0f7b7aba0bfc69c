"""What stands where a page's picture would for a recording page: the video's frames while it
plays, or a calm card saying what the recording is (its kind, length and format), with the
same warning as Page Information… when its file holds a place or a name.

A video's frames come from the player (gui/player_bar.py) as images in memory and are
painted here fitted to the room; nothing of them is written anywhere, and ``clear`` (a page
turned, the lock) forgets the last one. Until a first frame arrives (the video is played),
and for a video that cannot be played here, the card stands in its place, so there is never
an empty black box without a word.

A video is not paused at its first frame when shown, though Qt would then draw it: a paused
player keeps its sound and picture threads, and stopping them while the window calls the
player again can hang (PySide holds Python's lock while a thread of Qt's, ending, waits for
it to ask the QAudioOutput made in Python about its signals). The card until Play keeps
those threads to the moments something is played.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from amanat.app.pages import PageRecord
from amanat.core.file_types import RECORDING_TYPES
from amanat.core.recordings.kinds import kind_of
from amanat.gui.page_info import recording_rows, warnings
from amanat.gui.text_direction import start_of_line


class VideoScreen(QWidget):
    """The last frame of the video, as large as the room allows, its proportions kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("video-screen")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self.frame = QImage()
        self.frames_shown = 0
        """Frames painted since the window opened (the tests watch it grow)."""

    def show_frame(self, image: QImage) -> None:
        self.frame = image
        self.frames_shown += 1
        self.update()

    def clear(self) -> None:
        self.frame = QImage()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def picture_rect(self) -> QRect:
        """Where the frame is painted: fitted and centred."""
        if self.frame.isNull():
            return QRect()
        size = self.frame.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) // 2
        top = (self.height() - size.height()) // 2
        return QRect(left, top, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        if not self.frame.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.picture_rect(), self.frame)
        painter.end()


class RecordingCard(QFrame):
    """A recording described in a few rows: what it is, how long, in which format."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recording-card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setObjectName("recording-kind")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.rows = QFormLayout()
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows)
        layout.addStretch(2)

    def show_record(self, record: PageRecord) -> None:
        self.clear()
        video = record.page.mime_type.startswith("video/") or bool(
            record.recording and record.recording.has_video
        )
        self.heading.setText(self.tr("Video recording") if video else self.tr("Sound recording"))
        shown = [(self.tr("Format"), _format_name(record.page.mime_type))]
        if record.recording is not None:
            shown += recording_rows(record.recording)
        for label, value in shown:
            value_label = QLabel(value)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value_label.setAlignment(start_of_line(self.layoutDirection()))
            self.rows.addRow(label, value_label)

    def value(self, label: str) -> str:
        """The value shown beside ``label`` ("" if none): for the tests and the screen reader
        checks."""
        for row in range(self.rows.rowCount()):
            name = self.rows.itemAt(row, QFormLayout.ItemRole.LabelRole)
            shown = self.rows.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if name is None or shown is None:
                continue
            name_label, value_label = name.widget(), shown.widget()
            if (
                isinstance(name_label, QLabel)
                and isinstance(value_label, QLabel)
                and name_label.text() == label
            ):
                return value_label.text()
        return ""

    def clear(self) -> None:
        self.heading.clear()
        while self.rows.rowCount():
            self.rows.removeRow(0)


class RecordingView(QWidget):
    """The video (its screen) or the card, with the page's warnings under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recording-view")
        self.video = VideoScreen()
        self.card = RecordingCard()
        self.warning = QLabel()
        self.warning.setObjectName("recording-warning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet("QLabel { color: #8a4b00; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.card, 1)
        layout.addWidget(self.warning)
        self.clear()

    def show_record(self, record: PageRecord) -> None:
        """What the page is, from its report (read as Page Information… reads it)."""
        self.card.show_record(record)
        said = warnings(record.metadata, recording=True)
        self.warning.setText("\n".join(said))
        self.warning.setVisible(bool(said))

    def show_frame(self, image: QImage) -> None:
        """A frame of the video playing: the video takes the card's place."""
        if image.isNull():
            return
        self.video.show_frame(image)
        if self.video.isHidden():
            self.card.hide()
            self.video.show()

    def clear(self) -> None:
        """Forget the frame shown and the card's rows (another page, the lock)."""
        self.video.clear()
        self.video.hide()
        self.card.clear()
        self.card.show()
        self.warning.clear()
        self.warning.hide()


def _format_name(mime_type: str) -> str:
    return kind_of(mime_type) if mime_type in RECORDING_TYPES else mime_type
