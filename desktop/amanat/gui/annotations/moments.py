"""Annotating a moment of a recording while listening: F9 marks where it starts (at the
time being played), F9 again where it ends, and the annotation dialog opens for the note;
Esc forgets a start not yet ended. The same from the player bar's Annotate a Moment… button
and its context menu. The moments annotated are drawn as faint bands on the player's
position slider, and an annotation chosen in the list plays from its start.

Like the player's other keys, F9 and Esc work from anywhere in the document's window, so the
transcriber never leaves the text being typed; a text field gives neither a meaning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QToolButton, QWidget

from amanat.core.records import TimeRange
from amanat.core.time_ranges import moment_clock, range_clock
from amanat.gui import labels
from amanat.gui.annotations.looks import colour_of
from amanat.gui.annotations.operations import AnnotationRow
from amanat.gui.player_bar import PlayerBar, PlayerMissing

MOMENT_KEY = Qt.Key.Key_F9
SHORTEST = 0.1
"""Seconds: a moment shorter than this was two presses at one place (paused), not a range."""


def moment_words(target: TimeRange) -> str:
    """“Moment 1:02–1:30 of the recording”, in the interface's digits."""
    return labels.fill(
        QCoreApplication.translate("Annotations", "Moment %1 of the recording"),
        shown_clock(range_clock(target)),
    )


def shown_clock(clock: str) -> str:
    """A clock in the interface's digits, with the Persian decimal separator in Persian."""
    shown = labels.digits(clock)
    return shown.replace(".", "٫") if shown != clock else shown


@dataclass(frozen=True, slots=True)
class Band:
    page_id: str
    start: float
    end: float
    colour: QColor


class MomentBands(QWidget):
    """Faint bands over the position slider where moments were annotated, and the moment
    being marked from its start to the time played. Drawn over the slider, letting every
    click through to it."""

    def __init__(self, slider: QSlider) -> None:
        super().__init__(slider)
        self.setObjectName("moment-bands")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.slider = slider
        self.bands: list[Band] = []
        self.page_id: str | None = None
        """The recording page shown: only its bands are drawn."""
        self.pending: tuple[float, float] | None = None
        slider.installEventFilter(self)
        slider.rangeChanged.connect(lambda _low, _high: self.update())
        self.setGeometry(slider.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.slider and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.slider.rect())
        return super().eventFilter(watched, event)

    def rectangles(self) -> list[tuple[QRect, QColor]]:
        """Where each band is drawn (slider coordinates), in the slider's direction: a
        right-to-left window runs the recording from the right."""
        slider = self.slider
        longest = slider.maximum()
        if longest <= 0:
            return []
        option = QStyleOptionSlider()
        option.initFrom(slider)
        option.orientation = slider.orientation()
        option.minimum, option.maximum = slider.minimum(), longest
        option.sliderPosition = option.sliderValue = slider.value()
        option.upsideDown = slider.invertedAppearance() != (
            slider.layoutDirection() == Qt.LayoutDirection.RightToLeft
        )
        style = slider.style()
        control = QStyle.ComplexControl.CC_Slider
        groove = style.subControlRect(control, option, QStyle.SubControl.SC_SliderGroove, slider)
        handle = style.subControlRect(control, option, QStyle.SubControl.SC_SliderHandle, slider)
        span = max(1, groove.width() - handle.width())
        left = groove.x() + handle.width() // 2
        height = max(4, groove.height())
        top = groove.center().y() - height // 2

        def x(seconds: float) -> int:
            at = min(longest, max(0, round(seconds * 1000)))
            return left + QStyle.sliderPositionFromValue(0, longest, at, span, option.upsideDown)

        drawn = [(b.start, b.end, b.colour) for b in self.bands if b.page_id == self.page_id]
        if self.pending is not None:
            drawn.append((*self.pending, QColor(self.palette().highlight().color())))
        found = []
        for start, end, colour in drawn:
            one, other = sorted((x(start), x(end)))
            found.append((QRect(one, top, max(2, other - one), height), colour))
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setPen(Qt.PenStyle.NoPen)
        for rectangle, colour in self.rectangles():
            faint = QColor(colour)
            faint.setAlpha(90)
            painter.setBrush(faint)
            painter.drawRect(rectangle)
        painter.end()


class MomentMarker(QObject):
    """The moments of the recording shown in one player bar: marking them, drawing them,
    playing from them."""

    marked = Signal(str, float, float)
    """A moment was marked, start and end in seconds, on the recording page of that id."""

    def __init__(
        self,
        player: PlayerBar,
        current_page: Callable[[], str | None],
        turn_to: Callable[[str], None],
    ) -> None:
        super().__init__(player)
        self.player = player
        self._current_page = current_page
        self._turn_to = turn_to
        self.start: float | None = None
        """Where the moment being marked starts; None when none is."""
        self._page: str | None = None
        self._seek_when_open: TimeRange | None = None
        self.mark_action = QAction(self.tr("Mark the start or the end of a moment"), self)
        self.mark_action.setShortcut(QKeySequence(MOMENT_KEY))
        self.mark_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.mark_action.triggered.connect(self.mark)
        self.cancel_action = QAction(self.tr("Forget the moment's start"), self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.cancel_action.triggered.connect(self.cancel)
        self.cancel_action.setEnabled(False)  # Esc is the window's own until a start is marked
        # The same from the bar, for those who do not use the keys: its button and its menu.
        self.menu_action = QAction(self)
        self.menu_action.triggered.connect(self.mark)
        self.button = QToolButton()
        self.button.setObjectName("moment-button")
        self.button.setDefaultAction(self.menu_action)
        player.add_control(self.button)
        player.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        player.addAction(self.menu_action)
        self.bands = MomentBands(player.slider)
        player.position_changed.connect(self._played)
        self._show_state()

    @property
    def actions_for_keys(self) -> list[QAction]:
        return [self.mark_action, self.cancel_action]

    def mark(self) -> None:
        """The first press starts a moment at the time played, the second ends it there; the
        ends are put in order, as the transcriber may have gone back (F7) in between."""
        page_id = self._current_page()
        # A recording that cannot be played here hides its slider: there is no time to mark.
        if self.player.device is None or page_id is None or self.player.slider.isHidden():
            return
        now = round(self.player.seconds, 3)
        if self.start is None or self._page != page_id:
            self.start, self._page = now, page_id
            self._show_state()
            return
        start, end = sorted((self.start, now))
        if end - start < SHORTEST:
            self.player.say(
                self.tr(
                    "The moment has no length yet: play on, then press %1 again where it ends."
                ).replace("%1", "F9")
            )
            return
        self.cancel()
        self.marked.emit(page_id, start, end)

    def cancel(self) -> None:
        self.start = self._page = None
        self._show_state()

    def set_rows(self, rows: list[AnnotationRow]) -> None:
        """The document's annotations: its moments are drawn on the slider of their page."""
        moments = [
            (row.annotation.target, colour_of(row.tags))
            for row in rows
            if not row.annotation.orphaned
        ]
        self.bands.bands = [
            Band(target.page_id, target.start, target.end, colour)
            for target, colour in moments
            if isinstance(target, TimeRange)
        ]
        self._show_bands()

    def show(self, target: TimeRange) -> None:
        """Play from the start of a moment chosen in the list: turn to its recording first
        if another page is shown (it plays once the recording is open)."""
        if target.page_id == self._current_page() and self.player.device is not None:
            self.player.seek(target.start)
            return
        self._seek_when_open = target
        self._turn_to(target.page_id)

    def opened(self, page_id: str) -> None:
        """The recording of ``page_id`` was given to the player: seek there if a moment of
        it was chosen before it was open, once the player has read it."""
        self.cancel()
        self._show_bands()
        target, self._seek_when_open = self._seek_when_open, None
        if target is None or target.page_id != page_id:
            return
        try:
            player = self.player.player
        except PlayerMissing:
            return
        # The player takes a position only once it has read the recording: seeking before
        # that is dropped.
        ready = (player.MediaStatus.LoadedMedia, player.MediaStatus.BufferedMedia)
        if player.mediaStatus() in ready:
            self.player.seek(target.start)
            return

        def when_ready(status: object) -> None:
            if status not in ready:
                return
            player.mediaStatusChanged.disconnect(when_ready)
            if self._current_page() == target.page_id and self.player.device is not None:
                self.player.seek(target.start)

        player.mediaStatusChanged.connect(when_ready)

    def forget(self) -> None:
        """Another page or document is shown, or the archive locks."""
        self.cancel()
        self._seek_when_open = None
        self.bands.bands = []
        self._show_bands()

    def _played(self, seconds: float) -> None:
        if self.start is not None:
            self.bands.pending = (self.start, seconds)
            self.bands.update()

    def _show_bands(self) -> None:
        self.bands.page_id = self._current_page()
        self.bands.update()

    def _show_state(self) -> None:
        pending = self.start is not None
        self.cancel_action.setEnabled(pending)
        if pending:
            self.bands.pending = (self.start or 0.0, self.player.seconds)
            self.menu_action.setText(self.tr("End the Moment Here"))
            self.menu_action.setToolTip(
                labels.fill(
                    self.tr("The moment started at %1: press %2 where it ends, or %3 to forget it"),
                    shown_clock(moment_clock(self.start or 0.0)),
                    "F9",
                    "Esc",
                )
            )
        else:
            self.bands.pending = None
            self.menu_action.setText(self.tr("Annotate a Moment…"))
            self.menu_action.setToolTip(
                labels.fill(
                    self.tr("Mark where a moment starts and ends (%1), then write a note on it"),
                    "F9",
                )
            )
        self.bands.update()
