#!/usr/bin/env bash
# Install the unpacked PA Manager bundle for this user only: a `pa-manager` command in
# ~/.local/bin, the menu entry, the icon and the .pabook file type. Run it from the unpacked
# folder: tar xzf pa-manager-*.tar.gz && pa-manager/install.sh
# To remove: delete ~/.local/opt/pa-manager, ~/.local/bin/pa-manager and the menu entry. Books are
# never inside the app's folder, so removing it leaves them alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${PA_MANAGER_PREFIX:-$HOME/.local/opt/pa-manager}
if [ "$here" != "$target" ]; then
  mkdir -p "$(dirname "$target")"
  rm -rf "$target"
  cp -a "$here" "$target"
fi
mkdir -p "$HOME/.local/bin"
ln -sf "$target/pa-manager" "$HOME/.local/bin/pa-manager"
share="$target/_internal/share"
icons="$target/_internal/resources/icons"
if command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime install --novendor "$share/pa-manager-mime.xml"
  for size in 16 32 48 64 128 256 512; do
    [ -f "$icons/pa-manager-$size.png" ] &&
      xdg-icon-resource install --novendor --size "$size" "$icons/pa-manager-$size.png" pa-manager
  done
fi
mkdir -p "$HOME/.local/share/applications"
sed "s|^Exec=pa-manager|Exec=$target/pa-manager|" "$share/pa-manager.desktop" \
  > "$HOME/.local/share/applications/pa-manager.desktop"
command -v update-desktop-database >/dev/null 2>&1 &&
  update-desktop-database "$HOME/.local/share/applications" || true
echo "PA Manager is installed. Open it from your menu, or run: pa-manager"
