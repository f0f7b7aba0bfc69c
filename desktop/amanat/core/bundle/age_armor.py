"""ASCII armor for age files (C2SP age, "ASCII armor"): a strict subset of PEM.

``-----BEGIN AGE ENCRYPTED FILE-----``, the file in padded standard base64 wrapped at exactly
64 columns (only the last line may be shorter, and no line may be empty), then
``-----END AGE ENCRYPTED FILE-----``. LF or CRLF line ends; whitespace only around the whole,
in bounded amounts; no headers, no checksum, nothing else. Decoding streams line by line.
"""

from __future__ import annotations

import base64
from typing import Final

from amanat.core.bundle.age import AgeArmorDamaged, Source, WritableStream
from amanat.core.errors import Detail

ARMOR_BEGIN: Final = b"-----BEGIN AGE ENCRYPTED FILE-----"
ARMOR_END: Final = b"-----END AGE ENCRYPTED FILE-----"
_ARMOR_COLUMNS: Final = 64
_ARMOR_LINE_BYTES: Final = _ARMOR_COLUMNS // 4 * 3
_ARMOR_MAX_WHITESPACE: Final = 1024
_ARMOR_MAX_LINE: Final = 2048


def _b64decode_padded(text: bytes) -> bytes | None:
    """Padded standard base64 as used by the armor, canonical only, else None."""
    if len(text) % 4 != 0:
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    return data if base64.b64encode(data) == text else None


def looks_armored(source: Source) -> bool:
    # Whitespace is allowed around an armored file ("ASCII armor"); a binary age file starts
    # with "age-encryption.org/" right away.
    start = source.peek(_ARMOR_MAX_WHITESPACE + len(ARMOR_BEGIN))
    return start.lstrip().startswith(b"-----")


class ArmorDecoder:
    """Strict PEM decoding ("ASCII armor"): 64-column padded base64 lines, nothing else."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._started = False
        self._finished = False
        self._pending = b""

    def read(self, size: int) -> bytes:
        decoded = bytearray(self._pending)
        while len(decoded) < size and not self._finished:
            self._pending = b""
            self._decode_line()
            decoded += self._pending
        self._pending = bytes(decoded[size:])
        return bytes(decoded[:size])

    def _line(self) -> tuple[bytes, int]:
        raw = self._source.readline(_ARMOR_MAX_LINE)
        if not raw:
            raise AgeArmorDamaged(detail=Detail("armor-no-end"))
        if raw.endswith(b"\n"):
            line = raw[:-1]
            line = line[:-1] if line.endswith(b"\r") else line  # LF or CRLF line ends
        elif len(raw) >= _ARMOR_MAX_LINE:
            raise AgeArmorDamaged(detail=Detail("armor-line-far-too-long"))
        else:
            line = raw  # the last line may lack its line end
        return line, len(raw)

    def _decode_line(self) -> None:
        if not self._started:
            skipped = 0
            while True:
                line, size = self._line()
                if line.strip():
                    break
                skipped += size
                if skipped > _ARMOR_MAX_WHITESPACE:
                    raise AgeArmorDamaged(detail=Detail("armor-space-before"))
            if line != ARMOR_BEGIN:
                raise AgeArmorDamaged(detail=Detail("armor-begin-line"))
            self._started = True
        line, _ = self._line()
        if line == ARMOR_END:
            self._finish()
            return
        if not line:
            raise AgeArmorDamaged(detail=Detail("armor-empty-line"))
        if len(line) > _ARMOR_COLUMNS:
            raise AgeArmorDamaged(detail=Detail("armor-line-too-long"))
        data = _b64decode_padded(line)
        if data is None:
            raise AgeArmorDamaged(detail=Detail("armor-base64"))
        self._pending = data
        if len(data) < _ARMOR_LINE_BYTES:  # only the last line may be short
            line, _ = self._line()
            if line != ARMOR_END:
                raise AgeArmorDamaged(detail=Detail("armor-line-too-short"))
            self._finish()

    def _finish(self) -> None:
        # Only whitespace may follow the END line, and not unbounded amounts of it.
        rest = self._source.read(_ARMOR_MAX_WHITESPACE + 1)
        if rest.strip():
            raise AgeArmorDamaged(detail=Detail("armor-text-after"))
        if len(rest) > _ARMOR_MAX_WHITESPACE:
            raise AgeArmorDamaged(detail=Detail("armor-space-after"))
        self._finished = True


class ArmorEncoder:
    def __init__(self, out: WritableStream) -> None:
        self._out = out
        self._pending = bytearray()
        out.write(ARMOR_BEGIN + b"\n")

    def write(self, data: bytes) -> int:
        self._pending += data
        whole = len(self._pending) - len(self._pending) % _ARMOR_LINE_BYTES
        if whole:
            self._out.write(self._lines(bytes(self._pending[:whole])))
            del self._pending[:whole]
        return len(data)

    @staticmethod
    def _lines(data: bytes) -> bytes:
        encoded = base64.b64encode(data)
        lines = [encoded[i : i + _ARMOR_COLUMNS] for i in range(0, len(encoded), _ARMOR_COLUMNS)]
        return b"".join(line + b"\n" for line in lines)

    def close(self) -> None:
        self._out.write(self._lines(bytes(self._pending)) + ARMOR_END + b"\n")
        self._pending.clear()
