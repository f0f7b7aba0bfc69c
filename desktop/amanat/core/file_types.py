"""What kind of file a page is, decided by its first bytes, never by its name."""

from __future__ import annotations

_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"%PDF-", "application/pdf"),
    (0, b"#!AMR-WB\n", "audio/amr-wb"),
    (0, b"#!AMR\n", "audio/amr"),
    (0, b"OggS", "audio/ogg"),
    (0, b"ID3", "audio/mpeg"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")
UNKNOWN = "application/octet-stream"

MP3 = "audio/mpeg"
AAC = "audio/aac"
M4A = "audio/mp4"
OGG = "audio/ogg"
WAV = "audio/wav"
AMR = "audio/amr"
AMR_WB = "audio/amr-wb"
MP4 = "video/mp4"
WEBM = "video/webm"
MOV = "video/quicktime"
RECORDING_TYPES = frozenset({MP3, AAC, M4A, OGG, WAV, AMR, AMR_WB, MP4, WEBM, MOV})
"""Audio and video kept as recordings: what phones, messengers and voice recorders make."""

_AUDIO_BRANDS = (b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B ")
_QUICKTIME_BRANDS = (b"qt  ",)
_MP4_BRANDS = (
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash",
    b"MSNV", b"mmp4", b"3gp4", b"3gp5", b"3gp6", b"3g2a", b"3g2b", b"3g2c", b"M4V ", b"f4v ",
)  # fmt: skip
_QUICKTIME_FIRST_BOXES = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
"""Old QuickTime files begin with one of these boxes and have no ``ftyp``."""


def mime_type_of(data: bytes) -> str:
    for offset, magic, mime in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return WAV
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in _HEIF_BRANDS:
            return "image/avif" if brand == b"avif" else "image/heic"
        if brand in _AUDIO_BRANDS:
            return M4A
        if brand in _QUICKTIME_BRANDS:
            return MOV
        if brand in _MP4_BRANDS:
            return MP4
        return UNKNOWN
    if data[4:8] in _QUICKTIME_FIRST_BOXES and int.from_bytes(data[:4], "big") >= 8:
        return MOV
    if data[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in data[:64]:
        return WEBM
    return _frame_sync(data)


def is_recording(mime_type: str) -> bool:
    return mime_type in RECORDING_TYPES


def _frame_sync(data: bytes) -> str:
    """An MP3 or AAC stream without a tag at its start begins with a frame header: eleven
    (MP3) or twelve (AAC) set bits. A second frame header where the first frame says it ends
    is required for MP3, as two bytes alone would match all sorts of files."""
    if len(data) < 4 or data[0] != 0xFF:
        return UNKNOWN
    if data[1] & 0xF6 == 0xF0:  # ADTS: sync, layer 0
        length = ((data[3] & 0x03) << 11) | (data[4] << 3) | (data[5] >> 5) if len(data) > 6 else 0
        if length >= 7 and data[length : length + 1] in (b"", b"\xff"):
            return AAC
        return UNKNOWN
    if data[1] & 0xE6 == 0xE2:  # MPEG audio layer III
        length = _mp3_frame_length(data[1], data[2])
        if length and data[length : length + 1] in (b"", b"\xff"):
            return MP3
    return UNKNOWN


_MP3_BITRATES = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mp3_frame_length(second: int, third: int) -> int:
    version = (second >> 3) & 0x03  # 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    bitrate_index, rate_index = third >> 4, (third >> 2) & 0x03
    if version == 1 or bitrate_index in (0, 15) or rate_index == 3:
        return 0
    bitrate = _MP3_BITRATES[1 if version == 3 else 2][bitrate_index] * 1000
    rate = _MP3_RATES[version][rate_index]
    padding = (third >> 1) & 0x01
    return (144 if version == 3 else 72) * bitrate // rate + padding
