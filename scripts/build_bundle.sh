#!/usr/bin/env bash
# Build the Linux one-folder bundle with PyInstaller, run its --self-test offscreen, print its size
# and start time, pack a tarball, and check the Windows installer script names what was built.
#
#   bash scripts/setup.sh && bash scripts/build_bundle.sh
#
# Output: dist/pa-manager/ (the bundle) and dist/pa-manager-VERSION-linux-ARCH.tar.gz.
# scripts/test.sh runs it in CI (CI=true) or when PA_MANAGER_BUILD_BUNDLE is set; it takes a minute
# or two and ~250 MB of disk (README "Installers").
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
[ -x "$PY" ] || { echo "Run bash scripts/setup.sh first." >&2; exit 1; }
# PyInstaller is only needed here, so it lives in the `bundle` extra rather than in setup.sh's.
if ! "$PY" -c 'import PyInstaller' >/dev/null 2>&1; then
  echo "Installing the bundle tools (PyInstaller) into .venv"
  "$PY" -m pip install -q --disable-pip-version-check -e ".[bundle]"
fi

VERSION=$("$PY" -c 'from importlib.metadata import version; print(version("pa-manager"))')
ARCH=$(uname -m)
BUNDLE=dist/pa-manager
TARBALL=dist/pa-manager-$VERSION-linux-$ARCH.tar.gz

echo "Building PA Manager $VERSION with PyInstaller (one folder)"
started=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/pa-manager.spec
echo "Built in $(( $(date +%s) - started )) s"

# The self-test must not find a screen or a keyring the build machine happens to have.
echo "Running the bundle's self-test offscreen"
t0=$(date +%s.%N)
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
  PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring "$BUNDLE/pa-manager" --self-test
t1=$(date +%s.%N)
"$BUNDLE/pa-manager" --version >/dev/null
t2=$(date +%s.%N)

echo "Packing $TARBALL"
cp installer/linux/install.sh "$BUNDLE/install.sh"
tar -C dist -czf "$TARBALL" pa-manager

size=$(du -sh "$BUNDLE" | cut -f1)
packed=$(du -h "$TARBALL" | cut -f1)
echo "Bundle size: $size on disk, $packed packed ($TARBALL)"
awk -v a="$t0" -v b="$t1" -v c="$t2" \
  'BEGIN { printf "Start time: --version %.2f s; whole --self-test %.2f s\n", c - b, b - a }'

# The Inno Setup script can only be compiled on Windows; here we check it names what was built.
PA_MANAGER_BUNDLE="$BUNDLE" QT_QPA_PLATFORM=offscreen "$PY" -m pytest -q tests/installer -p no:cacheprovider
