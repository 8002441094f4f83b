"""Receipt files made in memory for tests: real JPEG, PNG, HEIC and PDF bytes, and broken ones."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

# A run of bytes no encoder would produce by chance: the plaintext test looks for it.
MARKER = b"PAM-RECEIPT-PLAINTEXT-MARKER-7d3f9a"


def jpeg(
    width: int = 320, height: int = 200, *, orientation: int | None = None, colour: str = "white"
) -> bytes:
    image = Image.new("RGB", (width, height), colour)
    ImageDraw.Draw(image).rectangle((10, 10, width // 2, height // 3), fill="black")
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    image.save(out, "JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


def png(width: int = 120, height: int = 160) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "yellow").save(out, "PNG")
    return out.getvalue()


def heic() -> bytes | None:
    """A small HEIC photo, or None where libheif has no encoder."""
    try:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        out = io.BytesIO()
        Image.new("RGB", (64, 48), "blue").save(out, "HEIF")
        return out.getvalue()
    except Exception:
        return None


def pdf(pages: int = 2, text: str = "Receipt", *, marker: bytes | None = None) -> bytes:
    """A real PDF; `marker` is stored uncompressed in its text (a plaintext needle)."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(300, 400), pageCompression=0)
    for n in range(pages):
        c.drawString(40, 350, f"{text} page {n + 1}")
        if marker:
            c.drawString(40, 320, marker.decode())
        c.showPage()
    c.save()
    return out.getvalue()


def big_pdf(megabytes: int = 30) -> bytes:
    """A real, openable PDF of about `megabytes` MB (one page carrying a large attachment)."""
    import os

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=300, height=400)
    writer.add_attachment("scan.bin", os.urandom(megabytes * 1024 * 1024))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_jpeg() -> bytes:
    good = jpeg(640, 480)
    return good[: len(good) // 2]


def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf at all" + bytes(200)


def executable() -> bytes:
    """The start of a Windows program (MZ header), as it would be if renamed to receipt.jpg."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(range(256)) * 8
