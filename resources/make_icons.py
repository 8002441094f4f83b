"""Render the app icon (src/pa_manager/ui/icons/pa-manager.svg) to the PNG sizes installers need.

Run after changing the SVG: .venv/bin/python resources/make_icons.py
The PNGs are committed so that packaging needs no SVG renderer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "src" / "pa_manager" / "ui" / "icons" / "pa-manager.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(HERE / "icons" / f"pa-manager-{size}.png"))
    print(f"wrote {len(SIZES)} icons to {HERE / 'icons'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
