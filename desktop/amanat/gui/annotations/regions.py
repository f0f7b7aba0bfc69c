"""Rectangles on a page: drawing one with the mouse, and showing those annotated.

A rectangle is kept as fractions of the upright page (x, y, width, height), whatever the
zoom and whichever way the page is turned for viewing; the canvas converts between those
and the turned, scaled picture on the screen. Widget coordinates do not mirror in a
right-to-left window, and the picture is never mirrored either, so nothing changes there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QStyle, QWidget

Fractions = tuple[float, float, float, float]

MINIMUM_PIXELS = 4
"""A smaller drag is a click, not a rectangle."""


@dataclass(frozen=True, slots=True)
class Region:
    annotation_id: str
    page_id: str
    rectangle: Fractions
    colour: str
    shareable: bool


def _page_point(u: float, v: float, turn: int) -> tuple[float, float]:
    """The point of the upright page shown at fractions (u, v) of the page turned
    ``turn`` degrees clockwise."""
    if turn == 90:
        return v, 1 - u
    if turn == 180:
        return 1 - u, 1 - v
    if turn == 270:
        return 1 - v, u
    return u, v


def _view_point(x: float, y: float, turn: int) -> tuple[float, float]:
    if turn == 90:
        return 1 - y, x
    if turn == 180:
        return 1 - x, 1 - y
    if turn == 270:
        return y, 1 - x
    return x, y


def _bounds(a: tuple[float, float], b: tuple[float, float]) -> Fractions:
    left, right = sorted((a[0], b[0]))
    top, bottom = sorted((a[1], b[1]))
    return left, top, right - left, bottom - top


def to_page(shown: Fractions, turn: int) -> Fractions:
    """A rectangle drawn at fractions ``shown`` of the turned picture, on the upright page."""
    u, v, width, height = shown
    return _bounds(_page_point(u, v, turn), _page_point(u + width, v + height, turn))


def to_view(rectangle: Fractions, turn: int) -> Fractions:
    x, y, width, height = rectangle
    return _bounds(_view_point(x, y, turn), _view_point(x + width, y + height, turn))


class PageCanvas(QLabel):
    """The picture of a page, with its annotated rectangles drawn over it."""

    region_drawn = Signal(float, float, float, float)
    """Fractions of the upright page: x, y, width, height."""
    region_clicked = Signal(str)
    redaction_pointed = Signal(str)
    """The redaction under a right-click, before its menu opens; "" when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turn = 0
        self.regions: list[Region] = []
        self.redactions: list[tuple[str, Fractions]] = []
        """(redaction id, rectangle of the upright page): drawn as solid black boxes, as
        they will leave."""
        self.chosen: str | None = None
        self._marking = False
        self._start: QPointF | None = None
        self._end: QPointF | None = None

    @property
    def marking(self) -> bool:
        return self._marking

    def set_marking(self, on: bool) -> None:
        self._marking = on
        self._start = self._end = None
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        self.update()

    def picture_rect(self) -> QRectF:
        """Where the picture is, in this widget's coordinates (QLabel centres it)."""
        shown = self.pixmap()
        if shown.isNull():
            return QRectF()
        size = shown.deviceIndependentSize().toSize()
        return QRectF(
            QStyle.alignedRect(self.layoutDirection(), self.alignment(), size, self.contentsRect())
        )

    def view_rect(self, rectangle: Fractions) -> QRectF:
        """Where a rectangle of the upright page is drawn on this widget."""
        picture = self.picture_rect()
        u, v, width, height = to_view(rectangle, self.turn)
        return QRectF(
            picture.x() + u * picture.width(),
            picture.y() + v * picture.height(),
            width * picture.width(),
            height * picture.height(),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.pixmap().isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for region in self.regions:
            chosen = region.annotation_id == self.chosen
            colour = QColor(region.colour)
            # Shareable: a solid frame; private: a dashed one. Shape, not only colour.
            pen = QPen(colour.darker(120), 3 if chosen else 2)
            if not region.shareable:
                pen.setStyle(Qt.PenStyle.DashLine)
            fill = QColor(colour)
            fill.setAlpha(90 if chosen else 40)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRect(self.view_rect(region.rectangle))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for _redaction_id, rectangle in self.redactions:
            painter.drawRect(self.view_rect(rectangle))
        if self._start is not None and self._end is not None:
            pen = QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self._start, self._end).normalized())
        painter.end()

    def redaction_at(self, point: QPointF) -> str | None:
        """The redaction drawn under ``point``; the smallest, when they overlap."""
        hit = [
            (r[2] * r[3], rid) for rid, r in self.redactions if self.view_rect(r).contains(point)
        ]
        return min(hit)[1] if hit else None

    def event(self, event: QEvent) -> bool:
        # The menu of the page's actions opens in QWidget.event: say first what is under it.
        if isinstance(event, QContextMenuEvent):
            self.redaction_pointed.emit(self.redaction_at(QPointF(event.pos())) or "")
        return super().event(event)

    def _clamped(self, point: QPointF) -> QPointF:
        picture = self.picture_rect()
        return QPointF(
            min(max(point.x(), picture.left()), picture.right()),
            min(max(point.y(), picture.top()), picture.bottom()),
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.pixmap().isNull():
            super().mousePressEvent(event)
            return
        point = event.position()
        if self._marking:
            if self.picture_rect().contains(point):
                self._start = self._end = self._clamped(point)
            return
        hit = [r for r in self.regions if self.view_rect(r.rectangle).contains(point)]
        if hit:
            # The smallest: a rectangle drawn inside a larger one can still be chosen.
            smallest = min(hit, key=lambda r: r.rectangle[2] * r.rectangle[3])
            self.region_clicked.emit(smallest.annotation_id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._marking and self._start is not None:
            self._end = self._clamped(event.position())
            self.update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not (self._marking and self._start is not None):
            super().mouseReleaseEvent(event)
            return
        end = self._clamped(event.position())
        drawn = QRectF(self._start, end).normalized()
        self._start = self._end = None
        self.update()
        if drawn.width() < MINIMUM_PIXELS or drawn.height() < MINIMUM_PIXELS:
            return
        picture = self.picture_rect()
        shown = (
            (drawn.x() - picture.x()) / picture.width(),
            (drawn.y() - picture.y()) / picture.height(),
            drawn.width() / picture.width(),
            drawn.height() / picture.height(),
        )
        x, y, width, height = to_page(shown, self.turn)
        # Rounding must not push the rectangle past the edge of the page.
        x, y = min(max(0.0, x), 0.999), min(max(0.0, y), 0.999)
        self.region_drawn.emit(x, y, min(width, 1 - x), min(height, 1 - y))
