#!/usr/bin/env bash
# Install Opinion Desktop's menu entry, file type (.opcase) and icons for the current user, in
# ~/.local/share (or $XDG_DATA_HOME). No root needed; run it again to update, --uninstall to remove.
#
#   packaging/install-linux.sh [PROGRAM]
#
# PROGRAM is the executable the menu entry starts: by default the built one-folder program
# (dist/opinion-desktop/opinion-desktop, from `make package`) when it exists, else
# `opinion-desktop` found on PATH (pip install).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
icons="$root/opinion_desktop/resources/icons"
app_id="io.github.opinion_desktop.OpinionDesktop"
mime_icon="application-x-opinion-desktop-case"
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/opinion-desktop.desktop" "$data/mime/packages/opinion-desktop.xml" \
    "$data/metainfo/$app_id.metainfo.xml" \
    "$data/icons/hicolor/scalable/apps/opinion-desktop.svg" \
    "$data/icons/hicolor/scalable/mimetypes/$mime_icon.svg"
  for size in $sizes; do
    rm -f "$data/icons/hicolor/${size}x${size}/apps/opinion-desktop.png" \
      "$data/icons/hicolor/${size}x${size}/mimetypes/$mime_icon.png"
  done
  program=""
else
  program="${1:-}"
  if [ -z "$program" ] && [ -x "$root/dist/opinion-desktop/opinion-desktop" ]; then
    program="$root/dist/opinion-desktop/opinion-desktop"
  fi
  if [ -z "$program" ]; then
    program="$(command -v opinion-desktop || true)"
  fi
  if [ -z "$program" ] || [ ! -x "$program" ]; then
    echo "install-linux: no opinion-desktop program found; run 'make package' or give its path." >&2
    exit 1
  fi
  program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")"

  install -d "$data/applications" "$data/mime/packages" "$data/metainfo" \
    "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/scalable/mimetypes"
  # The menu entry starts this program; a path with spaces is quoted as the spec asks.
  sed -e "s|^Exec=.*|Exec=\"$program\" %f|" -e "s|^TryExec=.*|TryExec=$program|" \
    "$here/linux/opinion-desktop.desktop" >"$data/applications/opinion-desktop.desktop"
  install -m 644 "$here/linux/opinion-desktop-mime.xml" "$data/mime/packages/opinion-desktop.xml"
  install -m 644 "$here/linux/$app_id.metainfo.xml" "$data/metainfo/$app_id.metainfo.xml"
  install -m 644 "$icons/opinion-desktop.svg" "$data/icons/hicolor/scalable/apps/opinion-desktop.svg"
  install -m 644 "$icons/opinion-desktop.svg" "$data/icons/hicolor/scalable/mimetypes/$mime_icon.svg"
  for size in $sizes; do
    install -d "$data/icons/hicolor/${size}x${size}/apps" "$data/icons/hicolor/${size}x${size}/mimetypes"
    install -m 644 "$icons/opinion-desktop-$size.png" "$data/icons/hicolor/${size}x${size}/apps/opinion-desktop.png"
    install -m 644 "$icons/opinion-desktop-$size.png" \
      "$data/icons/hicolor/${size}x${size}/mimetypes/$mime_icon.png"
  done
fi

# Refresh the caches the desktop reads, where the tools are installed.
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$data/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
fi

if [ -n "$program" ]; then
  echo "Installed Opinion Desktop for ${USER:-this user}: menu entry, .opcase file type and icons in $data (starts $program)."
else
  echo "Removed Opinion Desktop's menu entry, file type and icons from $data."
fi
