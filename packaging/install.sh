#!/bin/sh
# Install Ringkväll for this user: run it from the unpacked folder (./install.sh).
# Puts the app in ~/.local/opt/ringkvall, a menu entry with its icon, and registers .ringkvall
# calling packs to open with it. Nothing needs root; ./install.sh --remove takes it away.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/ringkvall"

refresh() {
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" >/dev/null 2>&1 || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" >/dev/null 2>&1 || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
}

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$target"
  rm -f "$data/applications/ringkvall.desktop" "$data/applications/ringkvall-pack.desktop" \
        "$data/mime/packages/ringkvall-mime.xml" "$data/icons/hicolor/256x256/apps/ringkvall.png" \
        "$data/icons/hicolor/scalable/apps/ringkvall.svg"
  refresh
  echo "Ringkväll is removed (your database and settings are kept)."
  exit 0
fi

mkdir -p "$HOME/.local/opt" "$data/applications" "$data/mime/packages" \
         "$data/icons/hicolor/256x256/apps" "$data/icons/hicolor/scalable/apps"
if [ "$here/ringkvall" != "$target" ]; then
  rm -rf "$target.new"
  cp -a "$here/ringkvall" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi
for name in ringkvall.desktop ringkvall-pack.desktop; do
  sed "s|@BUNDLE@|$target|g" "$here/$name" > "$data/applications/$name"
done
cp "$here/ringkvall-mime.xml" "$data/mime/packages/ringkvall-mime.xml"
cp "$here/ringkvall.png" "$data/icons/hicolor/256x256/apps/ringkvall.png"
cp "$here/ringkvall.svg" "$data/icons/hicolor/scalable/apps/ringkvall.svg"
refresh
echo "Ringkväll is installed: open it from the menu (Office), or run $target/ringkvall"
