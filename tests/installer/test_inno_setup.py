"""The Windows installer script names what the PyInstaller build produces.

Inno Setup only runs on Windows, so here the script is parsed: every `Source:` must either be in the
repository now or, for paths under dist/pa-manager, be what the spec builds. After a real build
(`bash scripts/build_bundle.sh` sets PA_MANAGER_BUNDLE) the paths are checked against the bundle.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "pa-manager.iss"
SPEC = ROOT / "installer" / "pa-manager.spec"


def _defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, flags=re.MULTILINE))


def _sources() -> list[tuple[PureWindowsPath, str]]:
    """(Source path relative to the repository, its Flags) for every [Files] line."""
    text = ISS.read_text(encoding="utf-8")
    defines = _defines(text)
    found = []
    for line in text.splitlines():
        match = re.match(r'\s*Source:\s*"([^"]+)"(.*)', line)
        if not match:
            continue
        raw = re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], match.group(1))
        relative = PureWindowsPath("installer/windows") / PureWindowsPath(raw)
        parts: list[str] = []
        for part in relative.parts:  # fold the ..\.. away
            if part == "..":
                parts.pop()
            else:
                parts.append(part)
        flags = re.search(r"Flags:\s*([^;]*)", match.group(2))
        found.append((PureWindowsPath(*parts), flags.group(1) if flags else ""))
    return found


def _spec_name() -> str:
    match = re.search(r'^NAME = "([^"]+)"', SPEC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert match
    return match.group(1)


def _on_disk(path: PureWindowsPath, bundle: Path) -> Path:
    """Where a Source: path is here; the build's folder may be somewhere else (PA_MANAGER_BUNDLE)."""
    parts = path.parts
    if parts[:2] == ("dist", _spec_name()):
        local = bundle.joinpath(*parts[2:])
        # A Linux build's program has no .exe.
        return local.with_suffix("") if local.suffix == ".exe" else local
    return ROOT.joinpath(*parts)


def test_the_script_has_the_promised_parts() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in text  # per user
    assert "{autoprograms}" in text  # Start menu
    assert 'Subkey: "Software\\Classes\\.pabook"' in text  # file association
    assert "[UninstallDelete]" not in text.replace("; No [UninstallDelete]", "")  # books stay
    assert '""%1""' in text  # the book's path is handed to the program


def test_every_source_is_in_the_repository_or_made_by_the_spec() -> None:
    sources = _sources()
    assert sources
    name = _spec_name()
    built = [p for p, _ in sources if p.parts[:2] == ("dist", name)]
    # The program and the whole _internal folder, recursively.
    assert PureWindowsPath("dist", name, "pa-manager.exe") in built
    assert any(p.parts[2:] == ("_internal", "*") and "recursesubdirs" in f for p, f in sources)
    for path, _flags in sources:
        if path.parts[0] != "dist":
            assert _on_disk(path, ROOT).exists(), path


@pytest.mark.skipif(not os.environ.get("PA_MANAGER_BUNDLE"), reason="needs a build: scripts/build_bundle.sh")
def test_every_source_exists_after_a_build() -> None:
    bundle = Path(os.environ["PA_MANAGER_BUNDLE"]).resolve()
    for path, _flags in _sources():
        local = _on_disk(path, bundle)
        if local.name == "*":
            assert local.parent.is_dir() and any(local.parent.iterdir()), path
        else:
            assert local.exists(), path
    # What the code finds by path relative to its own files inside the bundle.
    internal = bundle / "_internal" / "pa_manager"
    assert (internal / "reports" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "ui" / "icons" / "pa-manager.svg").is_file()
    assert (internal / "store" / "migrations" / "env.py").is_file()
    assert list((internal / "store" / "migrations" / "versions").glob("*.py"))
    assert list((bundle / "_internal").glob("pa_manager-*.dist-info"))


def test_the_licence_shown_by_the_installer_exists() -> None:
    text = ISS.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("LicenseFile="))
    licence = ISS.parent.joinpath(*PureWindowsPath(line.split("=", 1)[1]).parts).resolve()
    assert licence == ROOT / "LICENSE"
    assert "GNU GENERAL PUBLIC LICENSE" in licence.read_text(encoding="utf-8")
