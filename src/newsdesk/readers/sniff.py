"""Recognise non-text formats by their content (magic bytes), whatever the file is called.

Each match names the format for the user ("PDF documents are not supported"); the table is
data so that a new format is one line.
"""
from __future__ import annotations

import io
import zipfile

# (offset, magic bytes, plural name of the format)
MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "PDF documents"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office documents (.doc, .xls, .ppt)"),
    (0, b"{\\rtf", "RTF documents"),
    (0, b"\x1f\x8b", "gzip archives"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archives"),
    (0, b"Rar!\x1a\x07", "RAR archives"),
    (0, b"\xfd7zXZ\x00", "xz archives"),
    (0, b"BZh91AY&SY", "bzip2 archives"),
    (0, b"(\xb5/\xfd", "Zstandard archives"),
    (257, b"ustar", "tar archives"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG images"),
    (0, b"\xff\xd8\xff", "JPEG images"),
    (0, b"GIF87a", "GIF images"),
    (0, b"GIF89a", "GIF images"),
    (0, b"II*\x00", "TIFF images"),
    (0, b"MM\x00*", "TIFF images"),
    (0, b"\x00\x00\x01\x00", "icon images"),
    (0, b"\x7fELF", "executable programs"),
    (0, b"MZ\x90\x00", "executable programs"),
    (0, b"SQLite format 3\x00", "SQLite databases"),
    (4, b"ftyp", "audio/video files"),
    (0, b"OggS", "audio/video files"),
    (0, b"ID3", "audio files"),
    (0, b"\x1aE\xdf\xa3", "audio/video files"),
)
# RIFF containers: the format is named at offset 8.
RIFF = {b"WEBP": "WebP images", b"WAVE": "audio files", b"AVI ": "video files"}
# Members that identify a ZIP container's format.
ZIP_MEMBERS = (("word/", "Word documents (.docx)"), ("xl/", "Excel workbooks (.xlsx)"),
               ("ppt/", "PowerPoint presentations (.pptx)"), ("META-INF/container.xml", "EPUB e-books"))
ODF = {b"application/vnd.oasis.opendocument.text": "OpenDocument text files (.odt)",
       b"application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheets (.ods)",
       b"application/vnd.oasis.opendocument.presentation": "OpenDocument presentations (.odp)"}


def _zip_kind(data: bytes) -> str:
    for mime, name in ODF.items():
        if mime in data[:200]:
            return name
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        names = []
    for prefix, name in ZIP_MEMBERS:
        if any(n.startswith(prefix) for n in names):
            return name
    return "ZIP archives"


def binary_format(data: bytes) -> str | None:
    """The plural name of a known non-text format the bytes are in, or None."""
    for offset, magic, name in MAGIC:
        if data[offset:offset + len(magic)] == magic:
            return name
    if data[:4] == b"RIFF" and data[8:12] in RIFF:
        return RIFF[data[8:12]]
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return _zip_kind(data)
    return None


def unsupported(data: bytes) -> str | None:
    """A rejection reason for bytes in a known non-text format ("PDF documents are not supported")."""
    name = binary_format(data)
    return f"{name} are not supported" if name else None
