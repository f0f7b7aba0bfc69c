"""How an annotation looks wherever it is shown: the colour of its first tag, and its
visibility as a lock drawn beside words, so that private never rests on colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from amanat.core.records import Visibility
from amanat.gui import labels
from amanat.gui.operations import TagEntry

UNTAGGED = "#808080"


def colour_of(tags: tuple[TagEntry, ...]) -> QColor:
    """The colour an annotation is drawn in: its first tag's, grey without tags."""
    return QColor(tags[0].tag.colour if tags else UNTAGGED)


def visibility_words(visibility: Visibility) -> str:
    if visibility is Visibility.SHAREABLE:
        return QCoreApplication.translate("Annotations", "Shareable")
    return QCoreApplication.translate("Annotations", "Private")


def visibility_explained(visibility: Visibility) -> str:
    if visibility is Visibility.SHAREABLE:
        return QCoreApplication.translate(
            "Annotations", "Shareable: it may leave this archive in bundles for advocates."
        )
    return QCoreApplication.translate(
        "Annotations", "Private: it never leaves this archive, not even in a bundle."
    )


def visibility_icon(visibility: Visibility, size: int = 16) -> QIcon:
    """A closed padlock for private, an open one for shareable; drawn here, since icon
    themes differ and some computers have none."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor("#444444") if visibility is Visibility.PRIVATE else QColor("#0072b2")
    pen = QPen(colour, max(1.5, size / 10))
    painter.setPen(pen)
    body = QRectF(size * 0.18, size * 0.45, size * 0.64, size * 0.48)
    shackle = QPainterPath()
    left, right = size * 0.32, size * 0.68
    top = size * 0.1
    if visibility is Visibility.PRIVATE:
        shackle.moveTo(left, body.top())
        shackle.lineTo(left, size * 0.3)
        shackle.arcTo(QRectF(left, top, right - left, size * 0.4), 180, -180)
        shackle.lineTo(right, body.top())
    else:  # swung open
        shackle.moveTo(right, body.top())
        shackle.lineTo(right, size * 0.3)
        shackle.arcTo(QRectF(right, top, right - left, size * 0.4), 180, -180)
    painter.drawPath(shackle)
    painter.setBrush(colour)
    painter.drawRoundedRect(body, size * 0.08, size * 0.08)
    painter.end()
    return QIcon(pixmap)


def region_words(page_number: int | None) -> str:
    return labels.fill(
        QCoreApplication.translate("Annotations", "Region on page %1"),
        str(page_number) if page_number is not None else "?",
    )


def orphaned_words() -> str:
    return QCoreApplication.translate("Annotations", "passage no longer in the text")
