"""A page with a face on it, drawn, for the tests of the face suggestions: OpenCV's
frontal-face cascade finds it at any size from about 60 pixels across."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter


def drawn_face(size: int = 100) -> Image.Image:
    """A page with one plain drawn face on it, centred at (size, size): hair, brows, eyes,
    nose and mouth, as OpenCV's frontal-face cascade knows them."""
    image = Image.new("L", (size * 3, size * 2), 235)
    draw = ImageDraw.Draw(image)
    x, y, s = size, size, size / 100
    draw.ellipse((x - 45 * s, y - 60 * s, x + 45 * s, y + 60 * s), fill=175)
    draw.ellipse((x - 50 * s, y - 75 * s, x + 50 * s, y - 30 * s), fill=40)
    draw.rectangle((x - 32 * s, y - 28 * s, x - 10 * s, y - 22 * s), fill=50)
    draw.rectangle((x + 10 * s, y - 28 * s, x + 32 * s, y - 22 * s), fill=50)
    draw.ellipse((x - 30 * s, y - 18 * s, x - 12 * s, y - 8 * s), fill=60)
    draw.ellipse((x + 12 * s, y - 18 * s, x + 30 * s, y - 8 * s), fill=60)
    draw.rectangle((x - 4 * s, y - 8 * s, x + 4 * s, y + 15 * s), fill=195)
    draw.ellipse((x - 8 * s, y + 12 * s, x + 8 * s, y + 18 * s), fill=120)
    draw.ellipse((x - 20 * s, y + 28 * s, x + 20 * s, y + 36 * s), fill=80)
    return image.filter(ImageFilter.GaussianBlur(2 * s)).convert("RGB")
