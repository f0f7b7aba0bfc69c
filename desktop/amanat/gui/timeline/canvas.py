"""The drawn timeline: a lane per place (so a transfer reads as a move from one lane to the
next), spans as bars, moments and documents as marks, zoomable from decades to days.

Painting is kept cheap for chronologies of thousands of entries: the entries become items
in days once, grouped by lane, colour and style (when the timeline or a filter changes);
for each zoom level the groups become rectangles in pixels once, with runs closer than a
pixel merged (a decade of marks at a wide zoom is a few rectangles); a paint then finds the
visible ones by bisection and draws each group in one call, under a single translation.
Fonts, metrics and colours are made when the widget's font or palette changes, never while
painting.

Time runs from the start side of the layout: left to right, or right to left in a
right-to-left (Persian) window, where the lane names stand on the right as well.
"""

from __future__ import annotations

import bisect
import datetime
import math
import warnings
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from amanat.core.dates import Calendar, FuzzyDate, Precision, format_date, readable_date
from amanat.core.places import place_key
from amanat.core.records import EventType
from amanat.core.timeline import EntryKind, Timeline, TimelineEntry
from amanat.gui import memory
from amanat.gui.text_direction import direction_of
from amanat.gui.timeline import event_types

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "'locale.getdefaultlocale'", DeprecationWarning)
    import jdatetime  # type: ignore[import-untyped, unused-ignore]

# From decades (0.02 px a day: a century in 730 px) to days (120 px a day), each step 25%.
ZOOM_LEVELS: tuple[float, ...] = tuple(
    0.02 * 1.25**n for n in range(int(math.log(120 / 0.02) / math.log(1.25)) + 1)
)
RECTANGLES_PER_TURN = 1500
"""Rectangles made in one idle turn of the event loop: a few milliseconds, well under a
frame, so the window answers input while the view prepares its zoom levels."""
GUTTER = 140
"""Width of the lane names, on the side where time starts."""
AXIS_HEIGHT = 40
LANE_HEIGHT = 30
MARK_WIDTH = 3
_DRAG_THRESHOLD = 4
_HIT_PX = 5
_STAY_TYPES = (EventType.ARREST, EventType.TRANSFER)
_STAY_ENDS = (EventType.ARREST, EventType.TRANSFER, EventType.RELEASE)


class ItemShape(Enum):
    MARK = "mark"
    BAR = "bar"
    STAY = "stay"
    """Where the person was held: from an arrest or transfer to the next one or a release."""


@dataclass(frozen=True, slots=True)
class Item:
    entry: TimelineEntry
    lane: int
    shape: ItemShape
    first: int
    """Ordinal of the first day it may begin."""
    sure_first: int
    """Ordinal of the day after the last day it may begin (its start's uncertainty ends)."""
    sure_last: int
    """For a bar: ordinal of the first day it may end (inner bound), exclusive end."""
    last: int
    """Ordinal of the day after the last day it may cover (exclusive)."""
    open: bool = False
    """Still going on: runs to today and is drawn without an end."""


class _Style(Enum):
    """How a run of pixels is painted, in this order (later ones on top)."""

    STAY = 0
    FAINT = 1
    """The days a span or a date may cover but not surely."""
    SOLID = 2
    MARK = 3


@dataclass(slots=True)
class _Group:
    """The runs of days of one lane, colour and style, sorted by their first day: made once
    per timeline or filter, whatever the zoom. Two neighbouring runs are drawn as one when
    the gap between them is under a pixel, so each zoom level only needs the gaps wider
    than a pixel there: ``gaps_widest`` lists them widest first."""

    style: _Style
    lane: int
    kind: object
    firsts: list[float] = field(default_factory=list)
    lasts: list[float] = field(default_factory=list)
    """Exclusive: the day after the run; once prepared, the latest end up to each run."""
    gaps_widest: list[float] = field(default_factory=list)
    """The gaps after each run (to the next one), negated and sorted, for bisection."""
    gap_after: list[int] = field(default_factory=list)
    """The run each of those gaps follows."""

    def prepare(self) -> None:
        pairs = sorted(zip(self.firsts, self.lasts, strict=True))
        self.firsts = [pair[0] for pair in pairs]
        latest, self.lasts = -math.inf, []
        for pair in pairs:
            latest = max(latest, pair[1])
            self.lasts.append(latest)
        gaps = sorted((self.lasts[n] - self.firsts[n + 1], n) for n in range(len(pairs) - 1))
        self.gaps_widest = [gap for gap, _ in gaps]
        self.gap_after = [n for _, n in gaps]

    def runs(self, pixels_per_day: float, touching: float) -> tuple[list[float], list[float]]:
        """The merged runs at a zoom, in days: those whose gaps are below ``touching``
        pixels join their neighbours. (Kept in days, not pixels: only the runs in view are
        ever scaled, when they are first drawn, so a new zoom level costs less.)"""
        if not self.firsts:
            return [], []
        wide = bisect.bisect_right(self.gaps_widest, -touching / pixels_per_day)
        breaks = sorted(self.gap_after[:wide])
        starts = [0] + [n + 1 for n in breaks]
        breaks.append(len(self.firsts) - 1)
        firsts, lasts = self.firsts, self.lasts
        return [firsts[n] for n in starts], [lasts[n] for n in breaks]


@dataclass(slots=True)
class _Runs:
    """A group's runs at one zoom level, in days. Rectangles, in pixels from day 0, are made
    when a run is first shown and kept, so a paint only slices the visible ones."""

    firsts: list[float] = field(default_factory=list)
    lasts: list[float] = field(default_factory=list)
    rects: list[QRectF | None] = field(default_factory=list)
    top: float = 0.0
    height: float = 0.0
    scale: float = 1.0
    """Pixels per day at this level."""
    pad: float = 0.0
    """Pixels added on each side of a run (half a mark's width for marks)."""


@dataclass(slots=True)
class _Lane:
    """What can be hit in one lane, in days: marks by their day, bars by their first day."""

    mark_days: list[int] = field(default_factory=list)
    mark_items: list[int] = field(default_factory=list)
    bar_firsts: list[int] = field(default_factory=list)
    bar_items: list[int] = field(default_factory=list)
    longest_bar: int = 0


@dataclass(frozen=True, slots=True)
class Filter:
    """What is shown: entries of these types (all when None), with this tag (any when None)."""

    types: frozenset[object] | None = None
    tag_id: str | None = None

    def keeps(self, entry: TimelineEntry) -> bool:
        if self.types is not None and entry.type not in self.types:
            return False
        return self.tag_id is None or self.tag_id in entry.tag_ids


class TimelineCanvas(QWidget):
    entry_clicked = Signal(object)
    """A TimelineEntry the user clicked."""
    zoom_changed = Signal(int)
    """The zoom level, an index into ZOOM_LEVELS."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumHeight(AXIS_HEIGHT + 2 * LANE_HEIGHT)
        self._timeline: Timeline | None = None
        self._filter = Filter()
        self._calendar = Calendar.GREGORIAN
        self._language = "en"
        self._today = datetime.date.today().toordinal()
        self.items: list[Item] = []
        self.lanes: list[str] = []
        self._layouts: dict[int, list[_Runs]] = {}
        """Per zoom level, the runs of each group (as self._groups), made when first shown."""
        self._drawn_ahead: set[int] = set()
        self._drawing: dict[int, tuple[int, int]] = {}
        """Where the idle drawing of a level stopped: the group, then the run in it."""
        self._groups: list[_Group] = []
        self._hit_lanes: list[_Lane] = []
        self._open_items: list[int] = []
        self._ticks: dict[tuple[object, ...], tuple[int, str]] = {}
        self._level = len(ZOOM_LEVELS) // 2
        self.origin = float(self._today)
        """The day at the start edge of the drawing (left, or right in right-to-left)."""
        self.selected: frozenset[str] = frozenset()
        self._press: QPoint | None = None
        self._press_origin = 0.0
        self._dragged = False
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._lay_out_ahead)
        self._make_tools()

    # --- What is drawn -----------------------------------------------------------------------

    def set_timeline(self, timeline: Timeline | None) -> None:
        keep_view = (
            self._timeline is not None
            and timeline is not None
            and self._timeline.person.id == timeline.person.id
        )
        self._timeline = timeline
        if timeline is not None:
            self._today = timeline.today.toordinal()
        self._rebuild()
        if not keep_view:
            self.fit()
        # The entries and their layout live as long as the view: keep the collector's
        # walks over them out of the frames that follow, and give them back to it when the
        # view is emptied (at a lock).
        if timeline is not None:
            memory.settle()
        else:
            memory.release()

    def set_filter(self, chosen: Filter) -> None:
        self._filter = chosen
        self._rebuild()

    def set_calendar(self, calendar: Calendar, language: str) -> None:
        self._calendar, self._language = calendar, language
        self._ticks.clear()
        self.update()

    def select(self, ids: frozenset[str]) -> None:
        """Highlight these entries and bring the first of them into view."""
        self.selected = ids
        chosen = [item for item in self.items if item.entry.id in ids]
        if chosen:
            first = min(item.first for item in chosen)
            if not self._visible_days()[0] <= first <= self._visible_days()[1]:
                self.centre_on(first)
        self.update()

    @property
    def visible_items(self) -> list[Item]:
        return self.items

    def _rebuild(self) -> None:
        self._layouts.clear()
        self._drawn_ahead.clear()
        self._drawing.clear()
        self._ahead.start()  # the new layouts, once the window is idle
        self.items, self.lanes = _items(self._timeline, self._filter, self._today, self.tr)
        self._lane_labels.clear()  # elided again on the next paint
        self._groups, self._hit_lanes, self._open_items = _groups(self.items, len(self.lanes))
        height = AXIS_HEIGHT + max(2, len(self.lanes)) * LANE_HEIGHT + 8
        self.setMinimumHeight(height)
        self.updateGeometry()
        self.update()

    # --- Zoom and pan ------------------------------------------------------------------------

    @property
    def level(self) -> int:
        return self._level

    @property
    def pixels_per_day(self) -> float:
        return ZOOM_LEVELS[self._level]

    def set_level(self, level: int, anchor_x: float | None = None) -> None:
        """Zoom, keeping the day under ``anchor_x`` (the middle by default) where it is."""
        level = max(0, min(len(ZOOM_LEVELS) - 1, level))
        if level == self._level:
            return
        plot = self.plot_rect()
        x = plot.center().x() if anchor_x is None else anchor_x
        day = self.day_at(x)
        self._level = level
        self.origin = day - self._offset(x) / self.pixels_per_day
        self.zoom_changed.emit(level)
        self.update()

    def zoom_in(self) -> None:
        self.set_level(self._level + 2)

    def zoom_out(self) -> None:
        self.set_level(self._level - 2)

    def pan_by_pixels(self, pixels: float) -> None:
        """Move the view later in time by ``pixels`` (earlier if negative)."""
        self.origin += pixels / self.pixels_per_day
        self.update()

    def centre_on(self, day: float) -> None:
        self.origin = day - self.plot_rect().width() / 2 / self.pixels_per_day
        self.update()

    def jump_to(self, date: FuzzyDate) -> None:
        """Show ``date``: zoomed in far enough to see its own span, centred on it."""
        first, last = date.start.toordinal(), date.end.toordinal() + 1
        width = max(1, self.plot_rect().width())
        wanted = width / max(14, (last - first) * 3)
        while self._level > 0 and ZOOM_LEVELS[self._level] > wanted:
            self._level -= 1
        while self._level < len(ZOOM_LEVELS) - 1 and ZOOM_LEVELS[self._level + 1] <= wanted:
            self._level += 1
        self.zoom_changed.emit(self._level)
        self.centre_on((first + last) / 2)

    def fit(self) -> None:
        """Show the whole chronology (or the last year when there is nothing yet)."""
        if self.items:
            first = min(item.first for item in self.items)
            last = max(item.last for item in self.items)
        else:
            first, last = self._today - 365, self._today
        margin = max(15, (last - first) // 20)
        first, last = first - margin, last + margin
        width = max(1, self.plot_rect().width())
        level = 0
        while level < len(ZOOM_LEVELS) - 1 and ZOOM_LEVELS[level + 1] * (last - first) <= width:
            level += 1
        self._level = level
        self.origin = float(first)
        self.zoom_changed.emit(level)
        self.update()

    # --- Geometry ------------------------------------------------------------------------------

    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def plot_rect(self) -> QRect:
        """Where time is drawn: everything but the lane names and the axis."""
        width, height = self.width(), self.height()
        if self._rtl():
            return QRect(0, AXIS_HEIGHT, max(1, width - GUTTER), height - AXIS_HEIGHT)
        return QRect(GUTTER, AXIS_HEIGHT, max(1, width - GUTTER), height - AXIS_HEIGHT)

    def _offset(self, x: float) -> float:
        """Pixels from the start edge of the plot to ``x``."""
        plot = self.plot_rect()
        if self._rtl():
            return plot.x() + plot.width() - x
        return x - plot.x()

    def x_of(self, day: float) -> float:
        offset = (day - self.origin) * self.pixels_per_day
        plot = self.plot_rect()
        return plot.x() + plot.width() - offset if self._rtl() else plot.x() + offset

    def day_at(self, x: float) -> float:
        return self.origin + self._offset(x) / self.pixels_per_day

    def _visible_days(self) -> tuple[float, float]:
        return self.origin, self.origin + self.plot_rect().width() / self.pixels_per_day

    def lane_top(self, lane: int) -> int:
        return AXIS_HEIGHT + lane * LANE_HEIGHT

    def sizeHint(self) -> QSize:
        return QSize(900, AXIS_HEIGHT + max(3, len(self.lanes)) * LANE_HEIGHT + 8)

    # --- Layout per zoom level -----------------------------------------------------------------

    def _layout(self, level: int | None = None) -> list[_Runs]:
        """The runs of every group at a zoom level (this one by default), merged where closer
        than a pixel."""
        level = self._level if level is None else level
        cached = self._layouts.get(level)
        if cached is not None:
            return cached
        ppd = ZOOM_LEVELS[level]
        layout = []
        for group in self._groups:
            inset = _INSETS[group.style]
            mark = group.style is _Style.MARK
            # A mark is MARK_WIDTH wide, centred on its day: neighbours touch sooner.
            firsts, lasts = group.runs(ppd, 1 + MARK_WIDTH if mark else 1)
            pad = MARK_WIDTH / 2 if mark else 0.0
            top, height = self.lane_top(group.lane) + inset, LANE_HEIGHT - 2 * inset
            layout.append(_Runs(firsts, lasts, [None] * len(firsts), top, height, ppd, pad))
        self._layouts[level] = layout
        return layout

    @property
    def laid_out_levels(self) -> frozenset[int]:
        """The zoom levels whose layout is made (the rest are made when idle, or painted)."""
        return frozenset(self._layouts)

    @property
    def drawn_ahead_levels(self) -> frozenset[int]:
        """The zoom levels whose every rectangle is made, so any frame there only paints."""
        return frozenset(self._drawn_ahead)

    def _lay_out_ahead(self) -> None:
        """While the window is idle, one level a turn, nearest to this one first: lay out
        the zoom levels not shown yet, then make all their rectangles, so that zooming and
        panning later only paint. A level the user reaches first is laid out and drawn as
        it is painted, as before."""
        if self._timeline is None:
            return
        levels = range(len(ZOOM_LEVELS))
        waiting = [n for n in levels if n not in self._layouts]
        if waiting:
            self._layout(min(waiting, key=lambda n: abs(n - self._level)))
        else:
            waiting = [n for n in levels if n not in self._drawn_ahead]
            if not waiting:
                return
            level = min(waiting, key=lambda n: abs(n - self._level))
            layout = self._layout(level)
            group, run = self._drawing.get(level, (0, 0))
            budget = RECTANGLES_PER_TURN
            while group < len(layout) and budget > 0:
                runs = layout[group]
                end = min(len(runs.firsts), run + budget)
                if end > run:
                    _rects(runs, run, end)
                    budget -= end - run
                group, run = (group + 1, 0) if end >= len(runs.firsts) else (group, end)
            if group >= len(layout):
                self._drawn_ahead.add(level)
                self._drawing.pop(level, None)
            else:
                self._drawing[level] = (group, run)
            # Thousands of rectangles more: out of the collector's later walks, which would
            # otherwise grow with them and land, tens of milliseconds long, in a later turn.
            memory.keep()
        self._ahead.start()

    # --- Painting ------------------------------------------------------------------------------

    def _make_tools(self) -> None:
        font = QFont(self.font())
        self._font = font
        self._metrics = QFontMetrics(font)
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        self._small = small
        self._small_metrics = QFontMetrics(small)
        palette = self.palette()
        self._base = palette.base().color()
        self._alternate = palette.alternateBase().color()
        self._text = palette.text().color()
        self._grid = _mixed(self._text, self._base, 0.16)
        self._today_colour = QColor("#CC3311")
        self._selected_pen = QPen(palette.highlight().color(), 2)
        self._colours: dict[object, QColor] = {}
        self._faint: dict[object, QColor] = {}
        self._lane_labels: list[str] = []
        self._lane_directions: list[Qt.LayoutDirection] = []

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.LayoutDirectionChange,
        ):
            self._make_tools()
            self.update()
        super().changeEvent(event)

    def _colour(self, kind: object, faint: bool = False) -> QColor:
        table = self._faint if faint else self._colours
        colour = table.get(kind)
        if colour is None:
            colour = event_types.colour(kind)  # type: ignore[arg-type]
            if faint:
                colour.setAlpha(70)
            table[kind] = colour
        return colour

    def paint_axis_only(self, painter: QPainter) -> None:
        """The background and the axis, without any entry: the benchmark's baseline."""
        self._paint_background(painter)
        self._paint_axis(painter)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint_background(painter)
            self._paint_axis(painter)
            painter.setClipRect(self.plot_rect())
            self._paint_items(painter)
            self._paint_today(painter)
            painter.setClipping(False)
            self._paint_lane_names(painter)
        finally:
            painter.end()

    def _paint_background(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), self._base)
        plot = self.plot_rect()
        for lane in range(1, len(self.lanes), 2):
            painter.fillRect(
                QRect(0, self.lane_top(lane), self.width(), LANE_HEIGHT), self._alternate
            )
        painter.fillRect(QRect(plot.x(), AXIS_HEIGHT, plot.width(), 1), self._grid)

    def _paint_axis(self, painter: QPainter) -> None:
        plot = self.plot_rect()
        first, last = self._visible_days()
        ticks = self._axis_ticks(int(first) - 1, int(last) + 1)
        painter.setFont(self._small)
        painter.setPen(self._grid)
        height = self.height()
        painter.setClipRect(QRect(plot.x(), 0, plot.width(), height))
        # Lines as one-pixel rectangles of an opaque colour: Qt's raster engine draws a
        # translucent line many times slower, and these cross the whole height.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._grid)
        painter.drawRects(
            [QRectF(round(self.x_of(o)), AXIS_HEIGHT - 6, 1, height) for o, _ in ticks]
        )
        painter.setPen(self._text)
        painter.setClipRect(QRect(plot.x(), 0, plot.width(), AXIS_HEIGHT))
        ascent = self._small_metrics.ascent()
        rtl = self._rtl()
        for ordinal, label in ticks:
            x = self.x_of(ordinal)
            width = self._small_metrics.horizontalAdvance(label)
            # The label stands after its tick in the direction time runs.
            left = x - width - 3 if rtl else x + 3
            painter.drawText(QPointF(left, AXIS_HEIGHT - 14 + ascent / 2), label)
        painter.setClipping(False)

    def _paint_items(self, painter: QPainter) -> None:
        layout = self._layout()
        ppd = self.pixels_per_day
        shift = self.origin * ppd
        plot = self.plot_rect()
        view_first, view_last = shift - 2, shift + plot.width() + 2
        painter.save()
        # Drawn in pixels from day 0: one translation (and a mirror in right-to-left) puts
        # the precomputed rectangles in place.
        if self._rtl():
            painter.translate(plot.x() + plot.width() + shift, 0)
            painter.scale(-1, 1)
        else:
            painter.translate(plot.x() - shift, 0)
        painter.setPen(Qt.PenStyle.NoPen)
        for group, runs in zip(self._groups, layout, strict=True):
            lo = bisect.bisect_left(runs.lasts, (view_first - runs.pad) / ppd)
            hi = bisect.bisect_right(runs.firsts, (view_last + runs.pad) / ppd)
            if lo < hi:
                faint = group.style in (_Style.STAY, _Style.FAINT)
                painter.setBrush(self._colour(group.kind, faint=faint))
                painter.drawRects(_rects(runs, lo, hi))
        for index in self._open_items:
            # An open span has no end: an arrow where it reaches today.
            item = self.items[index]
            x = item.last * ppd
            if view_first <= x <= view_last + 8:
                top = self.lane_top(item.lane) + 6
                painter.setBrush(self._colour(item.entry.type))
                painter.drawPolygon(
                    [
                        QPointF(x, top),
                        QPointF(x + 6, top + LANE_HEIGHT / 2 - 6),
                        QPointF(x, top + LANE_HEIGHT - 12),
                    ]
                )
        if self.selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(self._selected_pen)
            for item in self.items:
                if item.entry.id in self.selected and item.shape is not ItemShape.STAY:
                    top = self.lane_top(item.lane)
                    x0 = item.first * ppd
                    x3 = max(item.last * ppd, x0) if item.shape is ItemShape.BAR else x0
                    painter.drawRect(QRectF(x0 - 3, top + 2, x3 - x0 + 6, LANE_HEIGHT - 4))
        painter.restore()

    def _paint_today(self, painter: QPainter) -> None:
        x = self.x_of(self._today + 0.5)
        painter.fillRect(QRectF(x - 1, AXIS_HEIGHT - 8, 2, self.height()), self._today_colour)

    def _paint_lane_names(self, painter: QPainter) -> None:
        if len(self._lane_labels) != len(self.lanes):
            self._lane_labels = [
                self._metrics.elidedText(name, Qt.TextElideMode.ElideRight, GUTTER - 12)
                for name in self.lanes
            ]
            self._lane_directions = [direction_of(name) for name in self.lanes]
        gutter = QRect(self.width() - GUTTER if self._rtl() else 0, 0, GUTTER, self.height())
        painter.fillRect(gutter.adjusted(0, AXIS_HEIGHT, 0, 0), self._base)
        for lane in range(1, len(self.lanes), 2):
            painter.fillRect(
                QRect(gutter.x(), self.lane_top(lane), GUTTER, LANE_HEIGHT), self._alternate
            )
        painter.setFont(self._font)
        painter.setPen(self._text)
        align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignRight if self._rtl() else Qt.AlignmentFlag.AlignLeft
        )
        for lane, label in enumerate(self._lane_labels):
            rect = QRect(gutter.x() + 6, self.lane_top(lane), GUTTER - 12, LANE_HEIGHT)
            # Each name in its own direction, so an English name keeps its ellipsis at its
            # end in a right-to-left window.
            painter.setLayoutDirection(self._lane_directions[lane])
            painter.drawText(rect, int(align), label)

    # --- The axis --------------------------------------------------------------------------

    def _axis_ticks(self, first: int, last: int) -> list[tuple[int, str]]:
        """The ticks between two days at this zoom, labelled in the chosen calendar."""
        unit, step = _axis_unit(self.pixels_per_day)
        jalali = self._calendar is Calendar.JALALI
        # Jalali months are named in Persian whatever the window's language (as families
        # say them); Gregorian months in the window's language.
        language = "fa" if jalali or self._language == "fa" else "en"
        first = max(first, _FIRST_DAY)
        last = min(last, _LAST_DAY)
        if last < first:
            return []
        year, month, _ = _parts(first, jalali)
        found: list[tuple[int, str]] = []
        if unit == "year":
            y = year - year % step
            while True:
                tick = self._tick(("year", jalali, language, y, 1, 1))
                if tick[0] > last:
                    break
                found.append(tick)
                y += step
        elif unit == "month":
            y, m = year, month - (month - 1) % step
            while True:
                tick = self._tick(("month", jalali, language, y, m, 1))
                if tick[0] > last:
                    break
                found.append(tick)
                m += step
                if m > 12:
                    y, m = y + 1, m - 12
        else:
            y, m = year, month
            while True:
                days = [d for d in range(1, 29) if (d - 1) % step == 0]
                month_start = self._tick(("month", jalali, language, y, m, 1))[0]
                if month_start > last:
                    break
                for d in days:
                    tick = self._tick(("day", jalali, language, y, m, d))
                    if first - 40 <= tick[0] <= last:
                        found.append(tick)
                m += 1
                if m > 12:
                    y, m = y + 1, 1
        return [tick for tick in found if tick[0] >= first - 400]

    def _tick(self, key: tuple[str, bool, str, int, int, int]) -> tuple[int, str]:
        cached = self._ticks.get(key)
        if cached is None:
            unit, jalali, language, y, m, d = key
            calendar = Calendar.JALALI if jalali else Calendar.GREGORIAN
            if unit == "year":
                date = FuzzyDate.of_year(y, calendar)
                label = format_date(date, calendar, language)
            elif unit == "month":
                date = FuzzyDate.of_month(y, m, calendar)
                label = format_date(date, calendar, language)
            else:
                date = FuzzyDate.of_day(y, m, d, calendar)
                label = format_date(date, calendar, language)
            cached = (date.start.toordinal(), label)
            self._ticks[key] = cached
        return cached

    # --- Hit testing, hover and click ----------------------------------------------------------

    def item_at(self, pos: QPoint | QPointF) -> Item | None:
        """The item drawn under ``pos`` (a mark within a few pixels, else a bar)."""
        plot = self.plot_rect()
        if not plot.contains(QPoint(int(pos.x()), int(pos.y()))):
            return None
        lane = int((pos.y() - AXIS_HEIGHT) // LANE_HEIGHT)
        if not 0 <= lane < len(self.lanes):
            return None
        hits = self._hit_lanes[lane]
        day = self.day_at(pos.x())
        slack = _HIT_PX / self.pixels_per_day
        position = bisect.bisect_left(hits.mark_days, day - slack - 1)
        best: tuple[float, int] | None = None
        while position < len(hits.mark_days) and hits.mark_days[position] <= day + slack:
            distance = abs(hits.mark_days[position] + 0.5 - day)
            if distance <= slack + 0.5 and (best is None or distance < best[0]):
                best = (distance, hits.mark_items[position])
            position += 1
        if best is not None:
            return self.items[best[1]]
        # A span drawn over a stay wins: it is the more specific.
        hit: Item | None = None
        start = bisect.bisect_left(hits.bar_firsts, day - hits.longest_bar - slack)
        stop = bisect.bisect_right(hits.bar_firsts, day + slack)
        for index in hits.bar_items[start:stop]:
            item = self.items[index]
            inside = item.first - slack <= day <= item.last + slack
            if inside and (hit is None or hit.shape is ItemShape.STAY):
                hit = item
        return hit

    def describe(self, item: Item) -> str:
        """The tooltip of an item: what, when, where, and the sources."""
        entry = item.entry
        lines = [event_types.name(entry.type)]
        if entry.kind is EntryKind.DOCUMENT:
            lines[0] += ": " + entry.title
        when = self._date_text(entry.start)
        if entry.end is not None:
            when = self.tr("%1 to %2").replace("%1", when).replace("%2", self._date_text(entry.end))
        elif entry.ongoing:
            when = self.tr("from %1, still going on").replace("%1", when)
        lines.append(when)
        if entry.uncertain:
            lines.append(self.tr("The date is not known exactly."))
        if entry.place:
            lines.append(entry.place)
        if entry.description:
            lines.append(entry.description)
        for source in entry.sources:
            mark = self.tr(" (in the trash)") if source.in_trash else ""
            lines.append(self.tr("Source: %1").replace("%1", source.title) + mark)
        if item.shape is ItemShape.STAY:
            lines.insert(0, self.tr("Held in %1").replace("%1", entry.place))
        return "\n".join(lines)

    def _date_text(self, date: FuzzyDate) -> str:
        # As entered, then the other calendar's reading (docs/dates.md): "Mordad 1403 ·
        # Jul–Aug 2024", never a month turned into a range of days of the other calendar.
        language = "fa" if self._language == "fa" else "en"
        return readable_date(date, language)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.item_at(event.pos())
            if item is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.describe(item), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._press_origin = self.origin
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = event.position().toPoint().x() - self._press.x()
            if abs(moved) >= _DRAG_THRESHOLD:
                self._dragged = True
            if self._dragged:
                # Dragging towards where time runs moves the view earlier.
                sign = -1 if self._rtl() else 1
                self.origin = self._press_origin - sign * moved / self.pixels_per_day
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragged:
                item = self.item_at(event.position())
                if item is not None:
                    self.selected = frozenset({item.entry.id})
                    self.update()
                    self.entry_clicked.emit(item.entry)
            self._press = None
            self._dragged = False
            self.unsetCursor()
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() // 120 or (1 if delta.y() > 0 else -1 if delta.y() < 0 else 0)
            self.set_level(self._level + steps, event.position().x())
        else:
            # A vertical wheel pans too: most mice have no horizontal one.
            amount = delta.x() if delta.x() else delta.y()
            sign = 1 if self._rtl() else -1
            self.pan_by_pixels(sign * amount / 2 if amount else 0)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        later = Qt.Key.Key_Left if self._rtl() else Qt.Key.Key_Right
        earlier = Qt.Key.Key_Right if self._rtl() else Qt.Key.Key_Left
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == later:
            self.pan_by_pixels(self.plot_rect().width() / 8)
        elif key == earlier:
            self.pan_by_pixels(-self.plot_rect().width() / 8)
        elif key == Qt.Key.Key_Home:
            self.fit()
        elif key == Qt.Key.Key_T:
            self.centre_on(self._today)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


# --- Building the items --------------------------------------------------------------------


def _items(
    timeline: Timeline | None, chosen: Filter, today: int, tr: object
) -> tuple[list[Item], list[str]]:
    """The items to draw, sorted by first day, and the lanes' names: a lane per place (one
    for all spellings of it), then one for events with no place, then the documents."""
    if timeline is None:
        return [], []
    entries = [e for e in timeline.entries if chosen.keeps(e)]
    lane_of: dict[str, int] = {}
    names: list[str] = []
    spellings: dict[str, dict[str, int]] = {}
    for entry in entries:
        if entry.kind is EntryKind.EVENT and entry.place:
            key = place_key(entry.place) or entry.place
            counts = spellings.setdefault(key, {})
            counts[entry.place] = counts.get(entry.place, 0) + 1
            if key not in lane_of:
                lane_of[key] = len(names)
                names.append(key)
    # The lane is named by the spelling used most (on a tie, the one used first).
    names = [max(spellings[key].items(), key=lambda kv: kv[1])[0] for key in names]
    translate = tr if callable(tr) else str
    unplaced = documents = -1
    if any(e.kind is EntryKind.EVENT and not e.place for e in entries):
        unplaced = len(names)
        names.append(str(translate(QT_TRANSLATE_NOOP("TimelineCanvas", "No place recorded"))))
    if any(e.kind is EntryKind.DOCUMENT for e in entries):
        documents = len(names)
        names.append(str(translate(QT_TRANSLATE_NOOP("TimelineCanvas", "Documents"))))

    items: list[Item] = []
    stays = [e for e in timeline.events if e.type in _STAY_ENDS]
    for index, stay in enumerate(stays):
        if stay.type not in _STAY_TYPES or not stay.place or not chosen.keeps(stay):
            continue
        following = next((s for s in stays[index + 1 :] if s.start.start >= stay.start.start), None)
        if following is not None and following.id == stay.id:
            following = None
        end = following.start.start.toordinal() if following is not None else today + 1
        first = stay.start.start.toordinal()
        if end > first:
            items.append(
                Item(
                    stay,
                    lane_of[place_key(stay.place) or stay.place],
                    ItemShape.STAY,
                    first,
                    first,
                    end,
                    end,
                    open=following is None,
                )
            )
    for entry in entries:
        if entry.kind is EntryKind.DOCUMENT:
            lane = documents
        elif entry.place:
            lane = lane_of[place_key(entry.place) or entry.place]
        else:
            lane = unplaced
        first = entry.start.start.toordinal()
        sure_first = entry.start.end.toordinal() + 1
        if entry.end is not None and entry.end.end >= entry.start.start:
            items.append(
                Item(
                    entry,
                    lane,
                    ItemShape.BAR,
                    first,
                    sure_first,
                    max(sure_first, entry.end.start.toordinal() + 1),
                    entry.end.end.toordinal() + 1,
                )
            )
        elif entry.ongoing:
            end = max(today + 1, sure_first)
            items.append(Item(entry, lane, ItemShape.BAR, first, sure_first, end, end, open=True))
        elif entry.start.precision is not Precision.DAY and entry.type in (
            EventType.SOLITARY,
            EventType.HUNGER_STRIKE,
        ):
            # A span known only by its month: a faint bar over the days it may mean.
            items.append(Item(entry, lane, ItemShape.BAR, first, sure_first, first, sure_first))
        else:
            items.append(
                Item(entry, lane, ItemShape.MARK, first, sure_first, sure_first, sure_first)
            )
    items.sort(key=lambda item: (item.first, item.shape is not ItemShape.STAY))
    return items, names


def _span(x0: float, x1: float, top: float, height: float) -> QRectF:
    left, right = (x0, x1) if x0 <= x1 else (x1, x0)
    return QRectF(left, top, max(1.0, right - left), height)


_INSETS = {_Style.STAY: 4, _Style.FAINT: 9, _Style.SOLID: 9, _Style.MARK: 4}


def _groups(items: list[Item], lanes: int) -> tuple[list[_Group], list[_Lane], list[int]]:
    """The groups of runs to paint (in painting order), what can be hit in each lane, and
    the open spans; all in days, from items sorted by their first day."""
    groups: dict[tuple[int, int, object], _Group] = {}
    hits = [_Lane() for _ in range(lanes)]
    open_items: list[int] = []

    def run(style: _Style, item: Item, first: float, last: float) -> None:
        key = (style.value, item.lane, item.entry.type)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(style, item.lane, item.entry.type)
        group.firsts.append(first)
        group.lasts.append(last)

    for index, item in enumerate(items):
        lane = hits[item.lane]
        if item.shape is ItemShape.MARK:
            if item.sure_first - item.first > 1:
                run(_Style.FAINT, item, item.first, item.sure_first)
            run(_Style.MARK, item, item.first + 0.5, item.first + 0.5)
            lane.mark_days.append(item.first)
            lane.mark_items.append(index)
            continue
        lane.bar_firsts.append(item.first)
        lane.bar_items.append(index)
        lane.longest_bar = max(lane.longest_bar, item.last - item.first)
        if item.shape is ItemShape.STAY:
            run(_Style.STAY, item, item.first, item.last)
            continue
        # The part it surely covers is solid; where its start or end is uncertain, faint.
        run(_Style.FAINT, item, item.first, item.last)
        if item.sure_last > item.sure_first:
            run(_Style.SOLID, item, item.sure_first, item.sure_last)
        if item.open:
            open_items.append(index)
    for group in groups.values():
        group.prepare()
    ordered = [groups[key] for key in sorted(groups, key=lambda key: (key[0], key[1]))]
    return ordered, hits, open_items


def _rects(runs: _Runs, lo: int, hi: int) -> list[QRectF]:
    """The rectangles of runs lo to hi, made on first sight (at least a pixel wide)."""
    rects, scale, pad, top, height = runs.rects, runs.scale, runs.pad, runs.top, runs.height
    if rects[lo] is None or rects[hi - 1] is None:
        # Made in one sweep (a new level, or a part of it not yet seen): cheaper than one
        # by one, and the few already made are simply made again.
        rects[lo:hi] = [
            QRectF(x0, top, max(1.0, x1 - x0), height)
            for x0, x1 in zip(
                [first * scale - pad for first in runs.firsts[lo:hi]],
                [last * scale + pad for last in runs.lasts[lo:hi]],
                strict=True,
            )
        ]
    elif None in rects[lo:hi]:
        for n in range(lo, hi):
            if rects[n] is None:
                x0, x1 = runs.firsts[n] * scale - pad, runs.lasts[n] * scale + pad
                rects[n] = QRectF(x0, top, max(1.0, x1 - x0), height)
    return rects[lo:hi]  # type: ignore[return-value]


def _mixed(ink: QColor, paper: QColor, share: float) -> QColor:
    """An opaque colour ``share`` of the way from ``paper`` to ``ink``."""
    return QColor.fromRgbF(
        paper.redF() + (ink.redF() - paper.redF()) * share,
        paper.greenF() + (ink.greenF() - paper.greenF()) * share,
        paper.blueF() + (ink.blueF() - paper.blueF()) * share,
    )


def _axis_unit(pixels_per_day: float) -> tuple[str, int]:
    """The calendar unit and step whose ticks stand far enough apart for their labels."""
    for days, unit, step, room in (
        (1, "day", 1, 110),
        (2, "day", 2, 110),
        (5, "day", 5, 110),
        (10, "day", 10, 110),
        (30.4, "month", 1, 100),
        (91, "month", 3, 100),
        (182, "month", 6, 100),
        (365.25, "year", 1, 50),
        (730.5, "year", 2, 50),
        (1826, "year", 5, 50),
        (3652, "year", 10, 50),
        (7305, "year", 20, 50),
    ):
        if days * pixels_per_day >= room:
            return unit, step
    return "year", 50


_FIRST_DAY = datetime.date(623, 1, 1).toordinal()
_LAST_DAY = datetime.date(9990, 12, 31).toordinal()
"""The axis stays within the years both calendars can show."""


def _parts(ordinal: int, jalali: bool) -> tuple[int, int, int]:
    day = datetime.date.fromordinal(ordinal)
    if not jalali:
        return day.year, day.month, day.day
    shown = jdatetime.date.fromgregorian(date=day, locale="fa_IR")
    return int(shown.year), int(shown.month), int(shown.day)
