"""Files for the scan tests, made in memory: photos with EXIF (orientation, GPS, names), scans
in every format, and the bad files families' phones, scanners and adversaries produce."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Sequence

import pillow_heif
from PIL import Image, TiffImagePlugin
from PIL.PngImagePlugin import PngInfo

# A fixed, recognisable position: the strings and numbers below must never reach a
# sanitised copy.
LATITUDE = (35, 47, 49.5)  # 35.797083 N
LONGITUDE = (51, 23, 40.2)  # 51.394500 E
MAKE, MODEL, SOFTWARE = "QuokkaPhone", "QP-7731 Pro", "QuokkaCam 4.2"
ARTIST, COPYRIGHT, XP_AUTHOR = "Maryam Quokkazadeh", "(c) Quokka Family", "Reza Quokkapour"
CAPTURED = "2023:04:05 06:07:08"
COMMENT = "QuokkaComment sent from home"
XMP_CREATOR = "Leila XmpCreator"
IPTC_BYLINE = "Hossein IptcByline"
PNG_AUTHOR = "Sara PngAuthor"
PDF_AUTHOR = "Ali PdfAuthor"
SECRETS = (MAKE, MODEL, SOFTWARE, ARTIST, COPYRIGHT, XP_AUTHOR, CAPTURED, COMMENT, XMP_CREATOR)

RED, BLUE, WHITE = (220, 20, 30), (20, 40, 220), (255, 255, 255)


def marked(size: tuple[int, int] = (120, 80)) -> Image.Image:
    """White with a red block in the top-left corner: after turning upright, the corner
    colours say which way is up."""
    image = Image.new("RGB", size, WHITE)
    image.paste(RED, (0, 0, size[0] // 4, size[1] // 4))
    return image


def stored_for_orientation(upright: Image.Image, orientation: int) -> Image.Image:
    """The pixels a camera stores so that ``orientation`` turns them upright again."""
    undo = {
        3: Image.Transpose.ROTATE_180,
        6: Image.Transpose.ROTATE_90,
        8: Image.Transpose.ROTATE_270,
    }
    return upright.transpose(undo[orientation]) if orientation in undo else upright


def exif_bytes(
    orientation: int = 1, gps: bool = False, names: bool = False, camera: bool = True
) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    if camera:
        exif[0x010F] = MAKE
        exif[0x0110] = MODEL
        exif[0x0131] = SOFTWARE
        exif.get_ifd(0x8769)[0x9003] = CAPTURED
    if names:
        exif[0x013B] = ARTIST
        exif[0x8298] = COPYRIGHT
        exif[0x9C9D] = XP_AUTHOR.encode("utf-16-le") + b"\x00\x00"
    if gps:
        ifd = exif.get_ifd(0x8825)
        ifd[1] = "N"
        ifd[2] = tuple(TiffImagePlugin.IFDRational(v) for v in LATITUDE)
        ifd[3] = "E"
        ifd[4] = tuple(TiffImagePlugin.IFDRational(v) for v in LONGITUDE)
    return exif.tobytes()


def xmp_packet() -> bytes:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        '22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator><rdf:Seq><rdf:li>{XMP_CREATOR}</rdf:li></rdf:Seq></dc:creator>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


def iptc_app13() -> bytes:
    """A Photoshop APP13 segment holding one IPTC By-line."""
    value = IPTC_BYLINE.encode()
    iptc = b"\x1c\x02\x50" + struct.pack(">H", len(value)) + value
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iptc))
    resource += iptc + (b"\x00" if len(iptc) % 2 else b"")
    body = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def jpeg(
    image: Image.Image | None = None,
    orientation: int = 1,
    gps: bool = False,
    names: bool = False,
    comment: bool = False,
    xmp: bool = False,
    iptc: bool = False,
    quality: int = 90,
) -> bytes:
    picture = stored_for_orientation(image or marked(), orientation)
    options: dict[str, object] = {"quality": quality, "exif": exif_bytes(orientation, gps, names)}
    if comment:
        options["comment"] = COMMENT
    if xmp:
        options["xmp"] = xmp_packet()
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", **options)
    data = buffer.getvalue()
    if iptc:
        data = data[:2] + iptc_app13() + data[2:]  # right after SOI, as cameras put it
    return data


def png(image: Image.Image | None = None, author: bool = False) -> bytes:
    info = PngInfo()
    if author:
        info.add_text("Author", PNG_AUTHOR)
        info.add_text("Comment", COMMENT)
    buffer = io.BytesIO()
    (image or marked()).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def png_16_bit() -> bytes:
    """A 16-bit greyscale scan: a dark half and a light half."""
    image = Image.new("I;16", (64, 32), 10_000)
    image.paste(Image.new("I;16", (32, 32), 60_000), (32, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def cmyk_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("CMYK", (40, 30), (0, 255, 255, 0)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def tiff(pages: int, size: tuple[int, int] = (40, 30)) -> bytes:
    shades = [Image.new("L", size, (40 * n) % 256) for n in range(pages)]
    buffer = io.BytesIO()
    shades[0].save(buffer, "TIFF", save_all=True, append_images=shades[1:])
    return buffer.getvalue()


def webp() -> bytes:
    buffer = io.BytesIO()
    marked().save(buffer, "WEBP", quality=90, exif=exif_bytes(gps=True))
    return buffer.getvalue()


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (30, 20), colour) for colour in (RED, BLUE, WHITE)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


def heic(orientation: int = 1, gps: bool = False) -> bytes:
    """HEIC as an iPhone writes it, through libheif's encoder (bundled with pillow-heif)."""
    heif = pillow_heif.from_pillow(stored_for_orientation(marked((128, 96)), orientation))
    heif.info["exif"] = exif_bytes(orientation, gps=gps)
    buffer = io.BytesIO()
    heif.save(buffer, quality=90)
    return buffer.getvalue()


def pdf(pages: int = 2, author: str = PDF_AUTHOR) -> bytes:
    sheets = [Image.new("RGB", (200, 280), WHITE) for _ in range(pages)]
    for number, sheet in enumerate(sheets):
        sheet.paste((0, 0, 0), (10, 10, 10 + 20 * (number + 1), 30))
    buffer = io.BytesIO()
    sheets[0].save(
        buffer, "PDF", save_all=True, append_images=sheets[1:], author=author, producer=SOFTWARE
    )
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    """A minimal PDF whose trailer names a standard security handler with a user password:
    PDFium cannot open it without that password (which does not exist)."""
    objects: Sequence[bytes] = (
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> >>",
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        b"ab" * 16,
        b"ab" * 16,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels, with a token of data: the
    header alone must get it refused."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
