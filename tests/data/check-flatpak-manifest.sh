#!/bin/sh
# The Flatpak manifest must read with no warning at all.
manifest=$1
err=$(flatpak-builder --show-manifest "$manifest" 2>&1 >/dev/null)
status=$?
if [ $status -ne 0 ] || [ -n "$err" ]; then
  echo "flatpak-builder --show-manifest $manifest: status $status" >&2
  echo "$err" >&2
  exit 1
fi
grep -q '"name": "libqrencode"' "$manifest" || { echo "no libqrencode module" >&2; exit 1; }
