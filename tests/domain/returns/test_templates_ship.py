"""The council templates are data files: a wheel and the PyInstaller bundle must carry them, or a
fresh install has no templates at all."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from pa_manager.domain.returns.template import TEMPLATES

ROOT = Path(__file__).resolve().parents[3]
PKG = ROOT / "src" / "pa_manager"


def test_the_wheel_includes_every_template() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = data["tool"]["setuptools"]["package-data"]["pa_manager"]
    files = [p.relative_to(PKG).as_posix() for p in TEMPLATES.glob("*.json")]
    assert len(files) >= 4
    for f in files:
        assert any(fnmatch.fnmatch(f, g) for g in globs), f"{f} is not in [tool.setuptools.package-data]"


def test_the_bundle_includes_the_templates_folder() -> None:
    spec = (ROOT / "installer" / "pa-manager.spec").read_text(encoding="utf-8")
    assert '"pa_manager/domain/returns/templates"' in spec
