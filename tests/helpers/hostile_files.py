"""Decoders gone wrong and files that make real decoders go wrong, for the tests of decoding
apart (core/decoding). The decoders are module-level functions so a worker can import them."""

from __future__ import annotations

import contextlib
import ctypes
import io
import os
import struct
import time
import warnings

from PIL import Image, ImageDraw

# --- Decoders that misbehave in every way a C library or a bug can -------------------------


def raises_type_error(data: bytes) -> None:
    raise TypeError("Missing dimensions")


def aborts(data: bytes) -> None:
    os.abort()


def reads_address_zero(data: bytes) -> bytes:
    return ctypes.string_at(0)  # a segmentation fault, as a C decoder's bad pointer


def hangs(data: bytes) -> None:
    while True:
        time.sleep(60)


def allocates_without_end(data: bytes) -> None:
    hoard = []
    while True:
        hoard.append(bytearray(256 * 1024 * 1024))


def talks(data: bytes) -> str:
    """Writes to the C-level stderr and stdout, as libtiff does, and warns, as Pillow does."""
    os.write(2, b"TIFFFillStrip: Read error on strip 0\n")
    os.write(1, b"Fax4Decode: Bad code word\n")
    print("a library's own words")
    warnings.warn("Corrupt EXIF data", UserWarning, stacklevel=1)
    return "decoded"


def open_files(data: bytes) -> list[str]:
    """What the worker has open (Linux): the archive must not be among it."""
    folder = "/proc/self/fd"
    found = []
    for name in os.listdir(folder):
        with contextlib.suppress(OSError):
            found.append(os.readlink(os.path.join(folder, name)))
    return found


def process_id(data: bytes) -> int:
    return os.getpid()


# --- Files ---------------------------------------------------------------------------------


def _entries(data: bytes | bytearray, ifd: int) -> dict[int, int]:
    """Where each tag's entry of the IFD at ``ifd`` starts (little-endian TIFF)."""
    (count,) = struct.unpack_from("<H", data, ifd)
    return {
        struct.unpack_from("<H", data, ifd + 2 + 12 * i)[0]: ifd + 2 + 12 * i for i in range(count)
    }


def tiff_missing_dimensions() -> bytes:
    """A two-page TIFF whose second page has lost its width, as a scanner's cut-off write
    leaves it: Pillow's frame seek raises ``TypeError: Missing dimensions`` on it."""
    shades = [Image.new("RGB", (40, 30), (200, 0, 0)), Image.new("RGB", (40, 30), (0, 0, 200))]
    buffer = io.BytesIO()
    shades[0].save(buffer, "TIFF", save_all=True, append_images=shades[1:])
    data = bytearray(buffer.getvalue())
    (first,) = struct.unpack_from("<I", data, 4)
    (count,) = struct.unpack_from("<H", data, first)
    (second,) = struct.unpack_from("<I", data, first + 2 + 12 * count)
    width = _entries(data, second)[256]
    struct.pack_into("<H", data, width, 0xC350)  # a private tag in ImageWidth's place
    return bytes(data)


def _fax_tiff() -> bytearray:
    page = Image.new("1", (200, 100), 1)
    ImageDraw.Draw(page).rectangle((20, 20, 120, 80), fill=0)
    buffer = io.BytesIO()
    page.save(buffer, "TIFF", compression="group4")
    return bytearray(buffer.getvalue())


def tiff_read_error() -> bytes:
    """A fax TIFF whose strip claims more bytes than the file has: libtiff prints
    "TIFFFillStrip: Read error on strip 0" to stderr and Pillow fails."""
    data = _fax_tiff()
    (ifd,) = struct.unpack_from("<I", data, 4)
    struct.pack_into("<I", data, _entries(data, ifd)[279] + 8, 100_000)
    return bytes(data)


def tiff_bad_code_words() -> bytes:
    """A fax TIFF whose strip is garbage: libtiff prints "Fax4Decode: Bad code word" to
    stderr, and Pillow still gives a (garbled) picture."""
    data = _fax_tiff()
    (ifd,) = struct.unpack_from("<I", data, 4)
    (offset,) = struct.unpack_from("<I", data, _entries(data, ifd)[273] + 8)
    (length,) = struct.unpack_from("<I", data, _entries(data, ifd)[279] + 8)
    for i in range(offset, offset + length):
        data[i] = (i * 37) & 0xFF
    return bytes(data)


# --- A decoder taken over by a hostile file, writing to the parent what it likes ----------


def _reply_raw(data: bytes) -> None:
    from amanat.core.decoding import worker

    assert worker._replies is not None
    worker._replies.write(data)
    worker._replies.flush()


def claims_an_enormous_reply(data: bytes) -> None:
    _reply_raw((2**40).to_bytes(8, "big"))
    time.sleep(60)


def replies_with_code_to_run(marker: str) -> None:
    """A pickle that, unpickled freely, would create the file ``marker``."""
    import pickle

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, (f"touch {marker}",))

    frame = pickle.dumps(("done", Payload()))
    _reply_raw(len(frame).to_bytes(8, "big") + frame)
    time.sleep(60)


def never_stops_reporting_progress(data: bytes) -> None:
    from amanat.core.decoding import alive

    while True:
        alive()
