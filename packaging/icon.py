"""Amanat's icon, drawn from one description: a sealed letter (a cream envelope with a red
wax seal) on a deep teal tile. Written as SVG for the desktop's scalable icon and painted with
Pillow into the PNG sizes Linux desktops look for, a Windows .ico and a macOS .icns.

``python packaging/icon.py OUTDIR``
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

# Coordinates on a 256 x 256 canvas.
TILE = "#0f4c5c"
PAPER = "#f4ead5"
FOLD = "#d9c9a8"
SEAL = "#9b2335"
ENVELOPE = (40, 72, 216, 188)  # left, top, right, bottom
FLAP_TIP = (128, 138)
SEAL_CENTRE, SEAL_RADIUS = (128, 138), 22
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def svg() -> str:
    left, top, right, bottom = ENVELOPE
    x, y = FLAP_TIP
    cx, cy = SEAL_CENTRE
    size = 'width="256" height="256" viewBox="0 0 256 256"'
    return f"""<svg xmlns="http://www.w3.org/2000/svg" {size}>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="{TILE}"/>
  <rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" rx="10" fill="{PAPER}"/>
  <polygon points="{left},{bottom} {x},{y - 10} {right},{bottom}" fill="{FOLD}"/>
  <polygon points="{left},{top} {x},{y} {right},{top}" fill="{FOLD}"
           stroke="{TILE}" stroke-width="4"/>
  <circle cx="{cx}" cy="{cy}" r="{SEAL_RADIUS}" fill="{SEAL}"/>
  <circle cx="{cx}" cy="{cy}" r="{SEAL_RADIUS - 8}" fill="none" stroke="{PAPER}" stroke-width="3"/>
</svg>
"""


def paint(size: int) -> Image.Image:
    """The icon at ``size`` pixels: drawn four times larger, then scaled down smoothly."""
    big = 4 * 256
    scale = big / 256
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def at(*points: float) -> list[float]:
        return [p * scale for p in points]

    left, top, right, bottom = ENVELOPE
    x, y = FLAP_TIP
    cx, cy = SEAL_CENTRE
    r = SEAL_RADIUS
    draw.rounded_rectangle(at(8, 8, 248, 248), radius=44 * scale, fill=TILE)
    draw.rounded_rectangle(at(left, top, right, bottom), radius=10 * scale, fill=PAPER)
    draw.polygon(at(left, bottom, x, y - 10, right, bottom), fill=FOLD)
    draw.polygon(at(left, top, x, y, right, top), fill=FOLD, outline=TILE, width=int(4 * scale))
    draw.ellipse(at(cx - r, cy - r, cx + r, cy + r), fill=SEAL)
    inner = r - 8
    draw.ellipse(
        at(cx - inner, cy - inner, cx + inner, cy + inner), outline=PAPER, width=int(3 * scale)
    )
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_all(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "amanat.svg").write_text(svg(), encoding="utf-8")
    for size in SIZES:
        paint(size).save(out / f"amanat-{size}.png", optimize=True)
    largest = paint(512)
    largest.save(out / "amanat.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    largest.save(out / "amanat.icns")


if __name__ == "__main__":
    write_all(Path(sys.argv[1]))
