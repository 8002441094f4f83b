"""Reading receipt and document files in memory: checking them, thumbnails, and pages to show.

A file is accepted only if its content is really a JPEG, PNG, HEIC photo or PDF (whatever its name
says), is not empty, is at most 25 MB, and decodes completely. Everything happens on bytes in
memory: nothing decrypted is ever written to a temporary file, so no decoder is given a path.
Pillow decodes images (turned upright by their EXIF orientation), pillow-heif adds HEIC, and
pypdfium2 draws PDF pages (this PySide6 build has no QtPdf).
"""

from __future__ import annotations

import hashlib
import io
import threading
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pa_manager.services.errors import BookError

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_BYTES = 25 * 1024 * 1024
THUMB_SIDE = 240  # pixels: the longest side of a stored thumbnail
JPEG, PNG, HEIC, PDF = "image/jpeg", "image/png", "image/heic", "application/pdf"
MIME_TYPES = (JPEG, PNG, HEIC, PDF)
EXTENSIONS = {JPEG: ".jpg", PNG: ".png", HEIC: ".heic", PDF: ".pdf"}
FILE_FILTER = "Receipts and documents (*.jpg *.jpeg *.png *.heic *.heif *.pdf)"
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
# PDFium is not thread-safe: thumbnails and the viewer may draw pages on different threads.
_PDFIUM = threading.Lock()
_heif_ready = False


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """A file that passed every check, ready to store."""

    name: str
    mime: str
    data: bytes
    sha256: str
    pages: int
    thumbnail: bytes | None  # a small JPEG


@dataclass(frozen=True, slots=True)
class Picture:
    """A drawn page or photo as 8-bit RGBA pixels, for the viewer to wrap in a QImage."""

    width: int
    height: int
    rgba: bytes


def sniff(data: bytes) -> str | None:
    """The MIME type the bytes really are (by their signature), or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if len(data) >= 12 and data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return HEIC
    if b"%PDF-" in data[:1024]:  # PDF allows a little junk before the header
        return PDF
    return None


def check_file(name: str, data: bytes) -> CheckedFile:
    """Check a file and make its thumbnail; raises BookError with a plain sentence if refused."""
    shown = name or "The pasted picture"
    if not data:
        raise BookError(f"“{shown}” is empty (0 bytes), so there is nothing to add.")
    if len(data) > MAX_BYTES:
        raise too_big(shown, len(data))
    mime = sniff(data)
    if mime is None:
        raise BookError(
            f"“{shown}” is not a JPEG, PNG, HEIC photo or PDF, whatever its name says, so it was not "
            "added. Save it as one of those and try again."
        )
    if mime == PDF:
        pages, thumb = _check_pdf(shown, data)
    else:
        pages, thumb = 1, _check_image(shown, data, mime)
    return CheckedFile(name, mime, data, hashlib.sha256(data).hexdigest(), pages, thumb)


def too_big(shown: str, size: int) -> BookError:
    return BookError(
        f"“{shown}” is {size / (1024 * 1024):.1f} MB; files up to 25 MB can be added. "
        "Scan or photograph it at a lower resolution, or split a long PDF."
    )


def _corrupt(shown: str, what: str) -> BookError:
    return BookError(
        f"“{shown}” looks like a {what} but is damaged or incomplete, so it was not added. "
        "Try saving, scanning or photographing it again."
    )


def open_image(data: bytes, mime: str) -> Image:
    """Decode a photo fully and turn it upright by its EXIF orientation."""
    from PIL import Image, ImageOps

    if mime == HEIC:
        _register_heif()
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
        image.load()
    return ImageOps.exif_transpose(image)


def _check_image(shown: str, data: bytes, mime: str) -> bytes:
    from PIL import Image

    what = {JPEG: "JPEG photo", PNG: "PNG picture", HEIC: "HEIC photo"}[mime]
    try:
        if mime != HEIC:  # verify() checks the structure; HEIC's decoder has no separate check
            with Image.open(io.BytesIO(data)) as probe:
                probe.verify()
        image = open_image(data, mime)  # verify() does not decode pixels: a full load does
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise BookError(f"“{shown}” is a picture too large to open safely, so it was not added.") from None
    except Exception:  # Pillow raises many kinds for damaged files (OSError, SyntaxError, ...)
        raise _corrupt(shown, what) from None
    return _thumbnail(image)


def _check_pdf(shown: str, data: bytes) -> tuple[int, bytes | None]:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        with _PDFIUM:
            doc = pdfium.PdfDocument(data)
            try:
                pages = len(doc)
                if pages < 1:
                    raise ValueError("no pages")
                first = doc[0]
                image = _draw(first, THUMB_SIDE * 2)
                first.close()
            finally:
                doc.close()
    except Exception:  # PdfiumError for a damaged file, ValueError for an empty one
        raise _corrupt(shown, "PDF") from None
    return pages, _thumbnail(image)


def _draw(page: object, longest: int) -> Image:
    """Draw a PDF page so its longest side is about `longest` pixels (caller holds _PDFIUM)."""
    width, height = page.get_size()  # type: ignore[attr-defined]
    scale = max(0.05, min(8.0, longest / max(width, height, 1)))
    bitmap = page.render(scale=scale)  # type: ignore[attr-defined]
    image: Image = bitmap.to_pil()
    return image


def _thumbnail(image: Image) -> bytes:
    from PIL import Image as PILImage

    small = image.convert("RGB")
    small.thumbnail((THUMB_SIDE, THUMB_SIDE), PILImage.Resampling.BILINEAR)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=80)
    return out.getvalue()


def thumbnail_of(data: bytes, mime: str) -> bytes | None:
    """A thumbnail made afresh (for content stored without one); None if it cannot be drawn."""
    try:
        return check_file("file", data).thumbnail if sniff(data) == mime else None
    except BookError:
        return None


def page_count(data: bytes, mime: str) -> int:
    if mime != PDF:
        return 1
    import pypdfium2 as pdfium

    with _PDFIUM:
        doc = pdfium.PdfDocument(data)
        try:
            return len(doc)
        finally:
            doc.close()


def render(data: bytes, mime: str, page: int = 0, longest: int = 1600) -> Picture:
    """One page (PDF) or the photo, upright, its longest side at most `longest` pixels."""
    if mime == PDF:
        import pypdfium2 as pdfium

        with _PDFIUM:
            doc = pdfium.PdfDocument(data)
            try:
                if not 0 <= page < len(doc):
                    raise BookError(f"This document has no page {page + 1}.")
                p = doc[page]
                image = _draw(p, longest)
                p.close()
            finally:
                doc.close()
    else:
        image = open_image(data, mime)
        if max(image.size) > longest:
            image = image.copy()
            image.thumbnail((longest, longest))
    rgba = image.convert("RGBA")
    return Picture(rgba.width, rgba.height, rgba.tobytes())


def _register_heif() -> None:
    global _heif_ready
    if not _heif_ready:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        _heif_ready = True
