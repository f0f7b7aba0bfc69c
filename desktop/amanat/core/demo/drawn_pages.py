"""The demo's page images: paper, ruled lines, scribbled or typed words, a signature, a seal,
the censor's black marker; drawn from a seeded generator, so the same every time."""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw

Box = tuple[float, float, float, float]
"""A rectangle on a page as fractions of its size: x, y, width, height."""
Scan = tuple[bytes, Box | None]
"""A drawn page: its JPEG, and the rectangle the censor blacked out, if any."""


# --- Page images ---------------------------------------------------------------------------

# Ink is drawn at twice the page's size into a greyscale mask and halved, which smooths the
# strokes like ink on paper; paper, rules and folds are drawn at the page's own size. Drawing
# colour pages at double size would cost four times as much for nothing. 900×1270 keeps each
# JPEG near 100 kB, so the whole demo stays a few megabytes.
_PAGE_SIZE = (900, 1270)
_S = 2
"""Scale of the ink mask; every coordinate below is in its units."""
_INKS = {"blue": (28, 46, 122), "black": (32, 32, 38)}
_PAPERS = ((241, 236, 220), (236, 232, 214), (244, 241, 230), (238, 230, 208))


def letter_scan(seed: int, ink: str, signed: bool, censor: bool) -> Scan:
    return _letter_page(random.Random(seed), ink, signed, censor)


def court_scan(seed: int, seal: bool) -> Scan:
    return _court_page(random.Random(seed), seal), None


def _letter_page(
    rng: random.Random, ink_name: str, signed: bool, censor: bool
) -> tuple[bytes, Box | None]:
    """A photographed handwritten page: scribbles, not writing, so that no invented letter
    could ever be read as a real one. Returns the JPEG and, if asked, the normalised box of
    a passage blacked out by the censor."""
    s = _S
    width, height = _PAGE_SIZE[0] * s, _PAGE_SIZE[1] * s
    page = _paper(rng, rng.choice(_PAPERS))
    paper = ImageDraw.Draw(page)
    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    pen = rng.choice((4, 5, 6))
    spacing = rng.randint(40, 48) * s
    right, left = width - rng.randint(60, 80) * s, rng.randint(55, 75) * s
    if rng.random() < 0.5:  # Lined writing paper: faint rules and a margin on the right.
        for y in range(150 * s, height - 60 * s, spacing):
            paper.line(
                [(30, (y + 6 * s) // s), (width // s - 30, (y + 6 * s) // s)], (180, 196, 214)
            )
        paper.line([((right + 24 * s) // s, 0), ((right + 24 * s) // s, height)], (214, 160, 160))
    # The date, top left, as Persian letters are dated.
    _scribble_words(draw, rng, left + 150 * s, left, 90 * s, pen)
    lines = (height - 260 * s) // spacing
    if signed:
        lines = rng.randint(2 * lines // 3, lines - 3)
    baseline = 150 * s
    for line in range(lines):
        start = right - (60 * s if line == 0 or rng.random() < 0.12 else rng.randint(0, 8) * s)
        end = left + (rng.randint(200, 500) * s if line == 0 else rng.randint(0, 25) * s)
        if line == lines - 1 or rng.random() < 0.1:  # A paragraph's last line stops early.
            end = max(end, left + rng.randint(150, 450) * s)
        _scribble_words(draw, rng, start, end, baseline, pen)
        baseline += spacing
    if signed:
        _signature(draw, rng, left + rng.randint(40, 160) * s, baseline + 40 * s, pen)
    _ink(page, _INKS[ink_name], mask)
    box = None
    if censor:
        top = 150 * s + rng.randint(5, 8) * spacing - 34 * s
        bottom = top + 3 * spacing
        _marker(paper, rng, (left - 10 * s) // s, top // s, (right + 10 * s) // s, bottom // s)
        box = (
            round((left - 20 * s) / width, 3),
            round((top - 10 * s) / height, 3),
            round((right - left + 40 * s) / width, 3),
            round((bottom - top + 20 * s) / height, 3),
        )
    page_width, page_height = page.size
    for fold in (page_height // 3, 2 * page_height // 3):  # Folded in three for the envelope.
        paper.line([(0, fold), (page_width, fold + rng.randint(-6, 6))], (205, 198, 180), 2)
        paper.line([(0, fold + 2), (page_width, fold + 2)], (250, 247, 238), 1)
    return _jpeg(page), box


def _court_page(rng: random.Random, seal: bool) -> bytes:
    """A scanned typed court form: a heading, lines of print-like marks, a stamp."""
    s = _S
    width, height = _PAGE_SIZE[0] * s, _PAGE_SIZE[1] * s
    page = _paper(rng, (246, 246, 242))
    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    right, left = width - 80 * s, 80 * s
    for row in range(3):  # The court's name, top right; number and date, top left.
        y = 80 * s + row * 28 * s
        _typed_words(draw, rng, right, right - rng.randint(160, 240) * s, y)
        if row < 2:
            _typed_words(draw, rng, left + 170 * s, left + 40 * s, y)
            draw.line([(left, y + 8 * s), (left + 36 * s, y + 8 * s)], 255, s)
    middle = width // 2
    draw.ellipse([middle - 34 * s, 70 * s, middle + 34 * s, 138 * s], outline=255, width=2 * s)
    draw.line([(left, 180 * s), (right, 180 * s)], 255, 2 * s)
    draw.line([(left, 186 * s), (right, 186 * s)], 255, s)
    baseline = 240 * s
    lines = rng.randint(16, 24) if seal else 38
    for line in range(lines):
        end = left if rng.random() > 0.15 else left + rng.randint(100, 500) * s
        if line % 9 == 0:  # Headings of the form's sections, bold and short.
            _typed_words(draw, rng, right, right - 180 * s, baseline, bold=True)
        else:
            _typed_words(draw, rng, right, end, baseline)
        baseline += 30 * s
    seal_at = (left + rng.randint(80, 200) * s, baseline + 100 * s)
    if seal:
        _signature(draw, rng, seal_at[0] + rng.randint(60, 120) * s, seal_at[1] - 10 * s, 5)
    _ink(page, (45, 45, 50), mask)
    if seal:
        _stamp(page, rng, seal_at[0] // s, seal_at[1] // s)
    return _jpeg(page)


def _paper(rng: random.Random, colour: tuple[int, int, int]) -> Image.Image:
    """Paper with soft, uneven shading. The shading is a tiny random image enlarged: cheap,
    seeded, and smooth enough that JPEG spends no bytes on it."""
    small = (_PAGE_SIZE[0] // 100, _PAGE_SIZE[1] // 100)
    values = bytes(rng.randrange(0, 90) for _ in range(small[0] * small[1]))
    shading = Image.frombytes("L", small, values).resize(_PAGE_SIZE, Image.Resampling.BILINEAR)
    # Each channel through a lookup table: several times faster than pasting through a mask.
    channels = [shading.point([c - v // 8 for v in range(256)]) for c in colour]
    return Image.merge("RGB", channels)


def _ink(page: Image.Image, colour: tuple[int, int, int], mask: Image.Image) -> None:
    """Lay ink of ``colour`` on the page where the double-size ``mask`` is drawn."""
    page.paste(Image.new("RGB", page.size, colour), (0, 0), mask.reduce(_S))


def _scribble_words(
    draw: ImageDraw.ImageDraw, rng: random.Random, start: int, end: int, baseline: int, pen: int
) -> None:
    """One line of handwriting-like strokes from right to left, as Persian is written, the
    line drifting a little as a hand does."""
    s = _S
    tilt = rng.uniform(-0.012, 0.02)
    x = float(start)
    while x > end + 20 * s:
        stop = max(float(end), x - rng.uniform(25, 130) * s)
        points: list[tuple[float, float]] = []
        phase = rng.uniform(0, math.tau)
        amplitude = rng.uniform(4, 9) * s
        position = x
        drift = 0.0
        while position > stop:
            drift = tilt * (start - position)
            y = baseline + drift - amplitude * (0.5 + 0.5 * math.sin(phase))
            if rng.random() < 0.06:  # The tall strokes of alef, lam and kaf.
                points.append((position, y))
                points.append((position - s, y - rng.uniform(16, 26) * s))
            points.append((position, y))
            phase += rng.uniform(0.6, 1.3)
            position -= rng.uniform(3, 6) * s
        if rng.random() < 0.25:  # A final reh or vav dipping below the line.
            points.append((position - 2 * s, baseline + drift + 3 * s))
            points.append((position - 8 * s, baseline + drift + rng.uniform(7, 11) * s))
        if len(points) > 1:
            draw.line(points, 255, pen)
        for _ in range(rng.randint(0, 3)):  # Dots above or below the letters.
            dot_x = rng.uniform(stop, x)
            dot_y = baseline + drift + (rng.choice((-1, 1)) * rng.uniform(14, 20) - 4) * s
            r = pen * 0.8
            draw.ellipse([dot_x - r, dot_y - r, dot_x + r, dot_y + r], fill=255)
        x = stop - rng.uniform(10, 24) * s


def _typed_words(
    draw: ImageDraw.ImageDraw,
    rng: random.Random,
    start: int,
    end: int,
    baseline: int,
    bold: bool = False,
) -> None:
    """A line of print: words joined along the baseline with ascenders and dots, the way
    Persian type looks from a distance, but no letters."""
    s = _S
    weight = (2 if bold else 1) * s + s // 2
    x = float(start)
    while x > end + 10 * s:
        stop = max(float(end), x - rng.uniform(18, 70) * s)
        draw.line([(x, baseline), (stop, baseline)], 255, weight)
        position = x - rng.uniform(2, 6) * s
        while position > stop:
            if rng.random() < 0.35:
                top = baseline - rng.uniform(4, 12) * s
                draw.line([(position, baseline), (position, top)], 255, weight)
            if rng.random() < 0.12:
                r = 1.4 * s
                dot_y = baseline + rng.choice((-8, 6)) * s
                draw.ellipse([position - r, dot_y - r, position + r, dot_y + r], fill=255)
            position -= rng.uniform(3, 7) * s
        x = stop - rng.uniform(6, 10) * s


def _signature(draw: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int, pen: int) -> None:
    """A signature: irregular loops climbing to the right, then a sweep back under them."""
    s = _S
    points = []
    phase = rng.uniform(0, math.tau)
    steps = rng.randint(40, 70)
    for step in range(steps):
        size = 6 + 12 * math.sin(math.pi * step / steps)
        points.append(
            (
                x + step * 2.4 * s + size * s * math.cos(phase),
                y - size * s * math.sin(phase) - step * 0.4 * s,
            )
        )
        phase += rng.uniform(0.3, 0.9)
    end_x, end_y = points[-1]
    points += [(end_x + 12 * s, end_y + 20 * s), (x - 20 * s, y + rng.uniform(14, 24) * s)]
    draw.line(points, 255, pen, joint="curve")


def _marker(
    draw: ImageDraw.ImageDraw, rng: random.Random, left: int, top: int, right: int, bottom: int
) -> None:
    """Thick overlapping strokes of a black marker, as censors black out lines (page units)."""
    y = top
    while y < bottom:
        start, end = right + rng.randint(-8, 8), left + rng.randint(-8, 8)
        draw.line([(start, y), (end, y + 3)], (22, 22, 26), rng.randint(16, 22))
        y += 12


def _stamp(page: Image.Image, rng: random.Random, x: int, y: int) -> None:
    """A round office stamp in violet ink, pressed unevenly: two rings and a border of ticks.
    Drawn on a small patch (in page units) and laid over the page half-transparent."""
    outer, inner = 70, 48
    patch = Image.new("RGBA", (2 * outer + 4, 2 * outer + 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(patch)
    colour = (78, 62, 158, rng.randint(150, 200))
    c = outer + 2
    draw.ellipse([c - outer, c - outer, c + outer, c + outer], outline=colour, width=3)
    draw.ellipse([c - inner, c - inner, c + inner, c + inner], outline=colour, width=2)
    for tick in range(36):
        angle = tick * math.tau / 36
        r1, r2 = inner + 6, outer - 8
        start = (c + r1 * math.cos(angle), c + r1 * math.sin(angle))
        draw.line([start, (c + r2 * math.cos(angle), c + r2 * math.sin(angle))], colour, 2)
    page.paste(patch, (x - c, y - c), patch)


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80, optimize=True)
    return buffer.getvalue()
