"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1256 Arabic."""

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
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text (file skipped)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        text = _windows_arabic(data)
        if text is not None:
            return text
        line = data[: e.start].count(b"\n") + 1
        raise InputError(
            f"{name}:{line}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert the file to UTF-8 (file skipped)"
        ) from None


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
