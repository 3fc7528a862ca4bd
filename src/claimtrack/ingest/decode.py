"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM, or Arabic/English without one),
or Windows-1256 Arabic. Anything else (binary data, UTF-8 with broken bytes) is refused with a
message naming the file and line, never guessed at.
"""

from __future__ import annotations

from claimtrack.errors import InputError

_ARABIC = range(0x0600, 0x0700)


def decode(data: bytes, *, name: str) -> str:
    """Return the text of `data`, or raise InputError saying why it is not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: invalid UTF-16 text (file skipped)") from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise InputError(f"{name}: binary file, not text (file skipped)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        # Valid multi-byte UTF-8 before the bad byte: a damaged UTF-8 file, not Windows-1256.
        if data[: e.start].isascii():
            text = _windows_arabic(data)
            if text is not None:
                return text
        line = data[: e.start].count(b"\n") + 1
        raise InputError(
            f"{name}:{line}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert the file to UTF-8 (file skipped)"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """Return `data` decoded as BOM-less UTF-16 when its zero bytes say so, else None."""
    head = data[:8192]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if bool(even) == bool(odd):  # zero bytes in both halves of the pairs, or in neither
        return None
    try:
        text = data.decode("utf-16-le" if odd else "utf-16-be")
    except UnicodeDecodeError:
        return None
    # Arabic or English prose: ASCII and Arabic letters, not CJK-looking noise.
    sample = text[:4096]
    prose = sum(1 for ch in sample if (ch.isascii() and ch.isprintable()) or ch in "\n\r\t"
                or ord(ch) in _ARABIC)  # fmt: skip
    return text if "\x00" not in text and prose >= 0.95 * len(sample) else None


def _windows_arabic(data: bytes) -> str | None:
    """Return `data` decoded as Windows-1256 when that yields Arabic prose, else None."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return None
    arabic = sum(1 for ch in high if ord(ch) in _ARABIC)
    return text if arabic / len(high) >= 0.9 else None


def detect_lang(text: str) -> str:
    """Return "ar" when Arabic letters make up a fair share of the letters, else "en"."""
    sample = text[:4000]
    arabic = latin = 0
    for ch in sample:
        if ch.isalpha():
            if ord(ch) in _ARABIC:
                arabic += 1
            elif ch.isascii():
                latin += 1
    return "ar" if arabic >= max(1, latin) * 0.3 else "en"
