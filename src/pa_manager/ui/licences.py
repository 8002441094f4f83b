"""The libraries PA Manager ships with and their licences, for Settings → About.

Licences are read from each installed package's metadata (and so from the bundle, which copies
that metadata), so the list stays true when a pin changes. `fallback` is used only when a package
does not declare its licence in a machine-readable way (sqlcipher3, for one), or for parts that
are not Python packages at all (the SQLCipher library inside sqlcipher3, the DejaVu fonts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, metadata, version


@dataclass(frozen=True)
class Component:
    """One bundled library: its display name, its distribution name (or "") and a fallback licence."""

    name: str
    distribution: str
    fallback: str


@dataclass(frozen=True)
class Licence:
    """What About shows for one component."""

    name: str
    version: str
    licence: str


COMPONENTS: tuple[Component, ...] = (
    Component("Qt for Python (PySide6)", "PySide6", "LGPL-3.0-only"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    # pysqlite's licence, kept by sqlcipher3; its wheel declares no licence field.
    Component("sqlcipher3", "sqlcipher3", "Zlib"),
    Component("SQLCipher (inside sqlcipher3)", "", "BSD-3-Clause"),
    Component("OpenSSL (inside sqlcipher3 and cryptography)", "", "Apache-2.0"),
    Component("Alembic", "alembic", "MIT"),
    Component("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    Component("keyring", "keyring", "MIT"),
    Component("ReportLab", "reportlab", "BSD-3-Clause"),
    Component("Pillow", "pillow", "MIT-CMU"),
    Component("pillow-heif", "pillow_heif", "BSD-3-Clause"),
    Component("libheif and libde265 (inside pillow-heif)", "", "LGPL-3.0-or-later"),
    Component("x265 (inside pillow-heif)", "", "GPL-2.0-or-later"),
    Component("pypdfium2", "pypdfium2", "Apache-2.0 OR BSD-3-Clause"),
    Component("PDFium (inside pypdfium2)", "", "BSD-3-Clause AND Apache-2.0"),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("et_xmlfile", "et_xmlfile", "MIT"),
    Component("rl_accel (ReportLab's speed-ups)", "rl_accel", "BSD-3-Clause"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("holidays", "holidays", "MIT"),
    Component("ofxtools", "ofxtools", "GPL-3.0-only"),
    Component("DejaVu fonts", "", "Bitstream Vera Fonts licence (free, with a renaming condition)"),
)

# Trove classifiers → SPDX-like names, for packages that only say "License :: OSI Approved :: X".
_CLASSIFIERS = {
    "BSD License": "BSD",
    "MIT License": "MIT",
    "Apache Software License": "Apache-2.0",
    "zlib/libpng License": "Zlib",
    "GNU General Public License v3 (GPLv3)": "GPL-3.0",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0",
}


def declared_licence(distribution: str) -> str | None:
    """The licence a distribution declares in its metadata, or None if it says nothing usable."""
    try:
        meta = metadata(distribution)
    except PackageNotFoundError:
        return None
    expression = meta.get("License-Expression")
    if expression:
        return str(expression).strip()
    text = str(meta.get("License") or "").strip()
    # Some packages put the whole licence text in the field; only a short one is a name.
    if text and "\n" not in text and len(text) <= 60 and not text.upper().startswith("UNKNOWN"):
        return text
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License ::"):
            tail = classifier.rsplit("::", 1)[-1].strip()
            return str(_CLASSIFIERS.get(tail, tail))
    return None


def _tidy(licence: str) -> str:
    # reportlab: "BSD license (see license.txt for details), Copyright (c) ..." → "BSD"
    return re.split(r"\s*[(,]", licence, maxsplit=1)[0].removesuffix(" license").strip() or licence


def bundled_licences() -> list[Licence]:
    """Every bundled component with its version (when it is a Python package) and licence."""
    rows: list[Licence] = []
    for part in COMPONENTS:
        found_version = ""
        licence = None
        if part.distribution:
            try:
                found_version = version(part.distribution)
            except PackageNotFoundError:
                found_version = ""
            licence = declared_licence(part.distribution)
        rows.append(Licence(part.name, found_version, _tidy(licence) if licence else part.fallback))
    return rows


def licences_text() -> str:
    """One line per component, as About shows them."""
    lines = []
    for row in bundled_licences():
        named = f"{row.name} {row.version}" if row.version else row.name
        lines.append(f"{named}: {row.licence}")
    return "\n".join(lines)
