#!/usr/bin/env bash
# Set up PA Manager on Debian/Ubuntu: Qt's system libraries, a venv in .venv, the pinned packages.
# Safe to run again: it only does what is missing. Used by both README quick-start commands.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's offscreen and desktop (xcb) platforms, fonts, and pdftoppm for looking at PDFs
# (research/tech.md section 3). python3-venv gives `python3 -m venv` its pip on Debian.
APT_PACKAGES=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 poppler-utils)

find_python() {
  for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

PY=$(find_python) || { echo "PA Manager needs Python 3.11 or newer: sudo apt-get install python3" >&2; exit 1; }
if ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  APT_PACKAGES+=("python3-venv")
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "Installing system libraries: ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "PA Manager needs these system libraries. Run this, then run the same command again:" >&2
      echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $PY"
  "$PY" -m venv .venv
fi
# Reinstall only when pyproject.toml changed since the last successful install.
stamp=.venv/.pa-manager-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing PA Manager and its pinned packages into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip==25.3"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,dev]"
  echo "$want" > "$stamp"
fi
