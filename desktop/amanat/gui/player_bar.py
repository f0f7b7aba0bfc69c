"""The player of a recording page: play and pause, the position, the time, the speed; and
the keys a transcriber uses without leaving the text being typed.

The recording is played from memory through a RecordingDevice (gui/recording_device.py),
never a file. A video's frames come out as images in memory (``video_frame``), which the
view paints where the page's picture would be (gui/recording_view.py). At the lock the view
calls ``drop``: playback stops and every opened chunk is forgotten.

Keys (window-wide, so they work while typing in a text): Ctrl+Space play or pause; F7 back
5 seconds; F5 slower and F6 faster (the pitch kept); F8, in a text, marks the line at the
cursor with the time being played (gui/timecode_lines.py). Function keys and Space are the
same keys in a Persian layout as in a Latin one, and a text field gives none of them a
meaning of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLoggingCategory, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amanat.app.timecodes import clock
from amanat.gui.labels import digits
from amanat.gui.recording_device import Ranged, RecordingDevice

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame

_OUTLIVED: list[RecordingDevice] = []
"""Devices a read outlasted the wait for (a disk that stopped answering): kept, empty, so no
thread reads a deleted one; a few bytes each."""

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
BACK_SECONDS = 5
_PLAY_KEY = "Ctrl+Space"

# Qt's media logging stays off. Its FFmpeg part describes each recording opened (its format,
# streams and tags: a title, an artist, a place), and a desktop session may keep a program's
# standard error in a file (~/.xsession-errors, the journal); nothing there is anything a
# user can act on either (the optional VA-API and PipeWire looked for at start, absent on an
# old laptop). What goes wrong is said in the bar, from the player's signals.
QLoggingCategory.setFilterRules("qt.multimedia.*=false")


class PlayerBar(QWidget):
    """Play, pause, position, time and speed of one recording."""

    position_changed = Signal(float)
    """Seconds into the recording, as it plays or after a seek."""
    video_frame = Signal(QImage)
    """A video's frame to show now (in memory only; none for a sound)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player-bar")
        # Made at the first recording, not with the window: the sound system is only looked
        # for when there is something to play.
        self._player: QMediaPlayer | None = None
        self.device: RecordingDevice | None = None
        self.play_button = QToolButton()
        self.play_button.setObjectName("play-button")
        self.play_button.clicked.connect(self.play_or_pause)
        self.back_button = QToolButton()
        self.back_button.setText(self.tr("−5 s"))
        self.back_button.setToolTip(self.tr("Back 5 seconds ({key})").replace("{key}", "F7"))
        self.back_button.clicked.connect(self.back)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("position-slider")
        self.slider.setAccessibleName(self.tr("Position in the recording"))
        self.slider.sliderMoved.connect(lambda ms: self.seek(ms / 1000))
        self.time = QLabel()
        self.time.setObjectName("player-time")
        self.speed = QComboBox()
        self.speed.setObjectName("player-speed")
        self.speed.setToolTip(
            self.tr("Speed, the voice's pitch kept ({slower} slower, {faster} faster)")
            .replace("{slower}", "F5")
            .replace("{faster}", "F6")
        )
        for rate in SPEEDS:
            self.speed.addItem(self.tr("{rate}×").replace("{rate}", digits(f"{rate:g}")), rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(self._speed_chosen)
        self.problem = QLabel()
        self.problem.setObjectName("player-problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        # The position on a row of its own, the whole width of the page's column: at
        # 1366×768 the column is narrow, and the slider is how one finds a place in an
        # hour's call. The buttons, the time and the speed go under it.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.slider)
        self.controls = QHBoxLayout()
        for widget in (self.play_button, self.back_button, self.time, self.speed):
            self.controls.addWidget(widget)
        self.controls.addWidget(self.problem, 1)
        self.controls.addStretch()
        layout.addLayout(self.controls)
        self.actions_for_keys = self._keys()
        self._show_state()
        self._moved(0)
        # Quitting with the window still open (the desktop's session ending) stops playback
        # before Python takes the window and the device apart.
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.drop)

    @property
    def player(self) -> QMediaPlayer:
        """Qt's player, with its audio output; made when first needed.

        QtMultimedia is imported here, not with the window: a computer whose sound libraries
        are missing still opens the archive and reads everything; only playing is refused
        (``PlayerMissing``)."""
        if self._player is None:
            try:
                from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink
            except ImportError as error:
                raise PlayerMissing from error
            player = QMediaPlayer(self)
            if not player.isAvailable():
                player.deleteLater()
                raise PlayerMissing
            player.setAudioOutput(QAudioOutput(player))
            # Frames are handed over as images, painted by the view: no video window of
            # Qt's own, which needs a graphics driver an old laptop may lack.
            sink = QVideoSink(player)
            sink.videoFrameChanged.connect(self._frame)
            player.setVideoOutput(sink)
            player.setPitchCompensation(True)
            player.setPlaybackRate(SPEEDS[self.speed.currentIndex()])
            player.positionChanged.connect(self._moved)
            player.durationChanged.connect(self._lasts)
            player.playbackStateChanged.connect(lambda _state: self._show_state())
            # Not for a recording already dropped (its opening cut short by the lock).
            player.errorOccurred.connect(
                lambda _error, _text: self._cannot_play() if self.device is not None else None
            )
            self._player = player
        return self._player

    # --- What the view calls ---------------------------------------------------------------

    def open(self, source: Ranged) -> None:
        """Get ready to play ``source`` (paused at its start)."""
        self.drop()
        device = RecordingDevice(source)
        device.open(RecordingDevice.OpenModeFlag.ReadOnly)
        device.damaged.connect(lambda: self._cannot_play())
        self.device = device
        self.problem.hide()
        self.show()
        for part in (self.slider, self.time, self.speed, self.play_button, self.back_button):
            part.show()
        try:
            player = self.player
        except PlayerMissing:
            self._cannot_play(
                self.tr(
                    "Recordings cannot be played on this computer: its sound libraries are "
                    "missing. The recording is kept in the archive as it was imported, and can "
                    "be exported to play elsewhere."
                )
            )
            return
        # No name: FFmpeg finds the format from the bytes, and no file name is logged.
        player.setSourceDevice(device, QUrl())

    def drop(self) -> None:
        """Stop and forget the recording and every chunk of it opened (the lock, another
        page or document shown, the window closed, the application quitting).

        The player lets go of the recording through ``setSource``, never ``stop``: PySide
        lets Python's lock go only in the first, and the player's threads, ending, may need
        that lock while the window waits for them (docs/playback.md). It is called once, and
        only when a recording is loaded: a second call while the threads the first one
        stopped are ending (the window closing after the lock) is the same risk. Then the
        device forgets its source and chunks, and is deleted only once no read of the
        player's is under way in it (gui/recording_device.py)."""
        device, self.device = self.device, None
        if self._player is not None and device is not None:
            self._player.setSource(QUrl())  # stops playback too
        if device is not None:
            device.drop()
            if device.settle():
                device.close()
                device.deleteLater()
            else:
                _OUTLIVED.append(device)
        self._moved(0)
        self._lasts(0)

    @property
    def seconds(self) -> float:
        return self._player.position() / 1000 if self._player is not None else 0.0

    @property
    def playing(self) -> bool:
        return self._player is not None and self._player.isPlaying()

    def play_or_pause(self) -> None:
        if self.device is None or self._player is None:
            return
        if self.playing:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, seconds: float) -> None:
        if self.device is None or self._player is None:
            return
        self.player.setPosition(max(0, round(seconds * 1000)))
        self.position_changed.emit(self.player.position() / 1000)

    def back(self) -> None:
        self.seek(self.seconds - BACK_SECONDS)

    def slower(self) -> None:
        self.speed.setCurrentIndex(max(0, self.speed.currentIndex() - 1))

    def faster(self) -> None:
        self.speed.setCurrentIndex(min(len(SPEEDS) - 1, self.speed.currentIndex() + 1))

    # --- Inside ----------------------------------------------------------------------------

    def _keys(self) -> list[QAction]:
        made = []
        for text, key, slot in (
            (self.tr("Play or pause"), QKeySequence(_PLAY_KEY), self.play_or_pause),
            (self.tr("Back 5 seconds"), QKeySequence(Qt.Key.Key_F7), self.back),
            (self.tr("Slower"), QKeySequence(Qt.Key.Key_F5), self.slower),
            (self.tr("Faster"), QKeySequence(Qt.Key.Key_F6), self.faster),
        ):
            action = QAction(text, self)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            made.append(action)
        return made

    def _frame(self, frame: QVideoFrame) -> None:
        if self.device is None:
            return  # a frame still on its way when the recording was dropped
        image = frame.toImage()
        if not image.isNull():
            self.video_frame.emit(image)

    def _speed_chosen(self, index: int) -> None:
        if self._player is not None:
            self._player.setPlaybackRate(SPEEDS[index])

    def _moved(self, milliseconds: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(milliseconds)
        lasts = self._player.duration() if self._player is not None else 0
        self.time.setText(digits(f"{clock(milliseconds / 1000)} / {clock(lasts / 1000)}"))
        self.position_changed.emit(milliseconds / 1000)

    def _lasts(self, milliseconds: int) -> None:
        self.slider.setRange(0, max(0, milliseconds))
        self._moved(self._player.position() if self._player is not None else 0)

    def _show_state(self) -> None:
        if self.playing:
            self.play_button.setText(self.tr("Pause"))
            self.play_button.setToolTip(self.tr("Pause ({key})").replace("{key}", _PLAY_KEY))
        else:
            self.play_button.setText(self.tr("Play"))
            self.play_button.setToolTip(self.tr("Play ({key})").replace("{key}", _PLAY_KEY))

    def add_control(self, widget: QWidget) -> None:
        """Another control at the end of the bar's row of buttons (the moment's button)."""
        self.controls.addWidget(widget)

    def say(self, sentence: str) -> None:
        """One sentence beside the controls (a time that could not be marked)."""
        self.problem.setText(sentence)
        self.problem.show()

    def _cannot_play(self, sentence: str = "") -> None:
        if self._player is not None:
            self._player.setSource(QUrl())  # not stop(): see drop
        for part in (self.slider, self.time, self.speed, self.play_button, self.back_button):
            part.hide()
        self.problem.setText(
            sentence
            or self.tr(
                "This recording cannot be played here; it is kept in the archive exactly as "
                "it was imported, and can be exported to play elsewhere."
            )
        )
        self.problem.show()


class PlayerMissing(Exception):
    """Qt's player cannot be made on this computer (its sound or media libraries are
    missing); the window works on without playing."""
