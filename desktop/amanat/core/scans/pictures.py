"""Pictures made from a page: the thumbnail and the screen-sized preview, upright, and the
sanitised copy for export, which keeps the pixels and nothing else.

Everything happens in memory. The original file is never changed: the EXIF orientation and
the user's rotation are applied to these pictures only.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageCms

from amanat.core.storage.pages import PageImage

THUMBNAIL_LONGEST = 256
PREVIEW_LONGEST = 1600
"""A full-screen page on a laptop; larger scans are read from the original when zooming."""
PREVIEW_SLACK = 1.5
"""A picture up to 1.5 × PREVIEW_LONGEST is kept at its size rather than resampled. JPEG draft
decoding delivers a photo between 1× and 2× the preview size, and resampling a 12 MP photo's
2000 × 1500 draft down to 1600 would cost as much time again as decoding it."""

_THUMBNAIL_QUALITY = 80
_PREVIEW_QUALITY = 85
_SANITISED_QUALITY = 92

# EXIF orientation → the transposition that makes the picture upright (EXIF 2.32, 4.6.4A;
# the same table as Pillow's ImageOps.exif_transpose).
_UPRIGHT: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# The user's rotation is clockwise in degrees; Pillow's ROTATE_n turns counter-clockwise.
_CLOCKWISE: dict[int, Image.Transpose] = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}
_LOSSLESS_MODES = frozenset({"1", "L", "LA", "P", "RGB", "RGBA", "I;16"})


def decode_for_display(image: Image.Image, longest: int = PREVIEW_LONGEST) -> None:
    """Ask a JPEG's decoder for the smallest size still at least ``longest`` pixels on its
    longer side (1/2, 1/4 or 1/8 of full size), so most of the work of decoding a 12 MP photo
    is skipped."""
    if image.format not in ("JPEG", "MPO"):
        return
    width, height = image.size
    scale = longest / max(width, height)
    if scale < 1:
        image.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))


def display_images(image: Image.Image, orientation: int) -> tuple[PageImage, PageImage]:
    """The page's thumbnail and preview, upright, as JPEG."""
    picture = upright(displayable(image), orientation)
    if max(picture.size) > PREVIEW_LONGEST * PREVIEW_SLACK:
        picture = _fitted(picture, PREVIEW_LONGEST)
    preview = _jpeg("preview", picture, _PREVIEW_QUALITY)
    thumbnail = _jpeg("thumbnail", _fitted(picture, THUMBNAIL_LONGEST), _THUMBNAIL_QUALITY)
    return thumbnail, preview


def thumbnail_image(image: Image.Image, orientation: int) -> PageImage:
    """The page's thumbnail alone, upright, as JPEG (see ``display_images``)."""
    picture = upright(displayable(image), orientation)
    return _jpeg("thumbnail", _fitted(picture, THUMBNAIL_LONGEST), _THUMBNAIL_QUALITY)


def preview_image(image: Image.Image, orientation: int) -> PageImage:
    """The page's screen-sized preview alone, upright, as JPEG (see ``display_images``)."""
    picture = upright(displayable(image), orientation)
    if max(picture.size) > PREVIEW_LONGEST * PREVIEW_SLACK:
        picture = _fitted(picture, PREVIEW_LONGEST)
    return _jpeg("preview", picture, _PREVIEW_QUALITY)


def _fitted(picture: Image.Image, longest: int) -> Image.Image:
    """A new picture no larger than ``longest`` on either side (never the one given, which may
    be a TIFF whose next frame is still to be read from it)."""
    width, height = picture.size
    scale = min(1.0, longest / max(width, height))
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # reducing_gap: shrink by whole factors first (fast box filter), then resample the rest.
    return picture.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)


def upright(image: Image.Image, orientation: int, rotation: int = 0) -> Image.Image:
    """Apply the EXIF orientation, then the user's clockwise rotation."""
    if orientation in _UPRIGHT:
        image = image.transpose(_UPRIGHT[orientation])
    if rotation % 360 in _CLOCKWISE:
        image = image.transpose(_CLOCKWISE[rotation % 360])
    return image


def displayable(image: Image.Image) -> Image.Image:
    """An 8-bit greyscale or RGB picture for the screen: transparency over white paper,
    16-bit greys scaled down (not clipped, which would turn a scan white), CMYK to RGB."""
    mode = image.mode
    if mode in ("L", "RGB"):
        return image
    if mode.startswith("I;16") or mode in ("I", "F"):
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if mode == "1":
        return image.convert("L")
    if mode in ("LA", "RGBA", "PA") or (mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image.convert("RGB")


def sanitised(
    image: Image.Image,
    orientation: int,
    rotation: int,
    lossless: bool,
    blacked_out: Sequence[tuple[float, float, float, float]] = (),
) -> tuple[bytes, str]:
    """The pixels alone, upright, in a new file with no EXIF, XMP, IPTC, comment, text chunk
    or ICC profile. Colours are first converted to sRGB through the embedded profile, so the
    page looks the same; the profile itself goes because it can name the device that made it.
    Lossless sources (PNG, TIFF, GIF, PDF renderings) stay lossless as PNG; photos become JPEG.

    ``blacked_out`` are rectangles (fractions of the page upright by its EXIF orientation, the
    frame the window draws them in) whose pixels are replaced by black before the user's
    rotation is applied, so they stay on the part of the page they were drawn on."""
    picture = upright(_in_srgb(image), orientation)
    if blacked_out:
        picture = black_out(picture, blacked_out)
    picture = upright(picture, 1, rotation)
    if lossless:
        if picture.mode not in _LOSSLESS_MODES:
            picture = displayable(picture)
        return _bare_copy(picture, "PNG"), "image/png"
    return _bare_copy(displayable(picture), "JPEG"), "image/jpeg"


def black_out(
    image: Image.Image, rectangles: Sequence[tuple[float, float, float, float]]
) -> Image.Image:
    """A copy of ``image`` (made displayable: grey or RGB) with every rectangle filled with
    black. Each is widened to whole pixels outwards, so a pixel it only touches goes too."""
    picture = displayable(image).copy()
    width, height = picture.size
    black = 0 if picture.mode == "L" else (0, 0, 0)
    for x, y, w, h in rectangles:
        box = (
            max(0, math.floor(x * width)),
            max(0, math.floor(y * height)),
            min(width, math.ceil((x + w) * width)),
            min(height, math.ceil((y + h) * height)),
        )
        if box[2] > box[0] and box[3] > box[1]:
            picture.paste(black, box)
    return picture


def _in_srgb(image: Image.Image) -> Image.Image:
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image
    output = "RGBA" if image.mode == "RGBA" else "L" if image.mode == "L" else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        target = ImageCms.createProfile("sRGB") if output != "L" else None
        if target is None:
            return image  # a grey profile only sets the tone curve; keep the grey values
        converted = ImageCms.profileToProfile(image, source, target, outputMode=output)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image  # a damaged profile: keep the pixels as they are
    return converted if converted is not None else image


def _bare_copy(picture: Image.Image, format: str) -> bytes:
    """Write the pixels from a new image that has never held the original's ``info``: Pillow
    carries some of it (a JPEG comment, a PNG profile) into a save unless told not to."""
    bare = Image.frombytes(picture.mode, picture.size, picture.tobytes())
    if picture.mode in ("P", "PA"):
        palette = picture.getpalette()
        if palette is not None:
            bare.putpalette(palette)
    buffer = io.BytesIO()
    if format == "JPEG":
        bare.save(buffer, "JPEG", quality=_SANITISED_QUALITY, optimize=True)
    else:
        bare.save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


def _jpeg(kind: str, picture: Image.Image, quality: int) -> PageImage:
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=quality)
    return PageImage(kind, "image/jpeg", picture.width, picture.height, buffer.getvalue())
