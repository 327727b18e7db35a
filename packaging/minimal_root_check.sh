#!/usr/bin/env bash
# Does the bundle run on a Debian machine with no Python and no Qt, only a desktop's basics?
#   sudo packaging/minimal_root_check.sh [dist/ringkvall] [ROOT_DIR]
# Builds a minimal Debian 12 root (debootstrap --variant=minbase: no Python, no X11, no Qt),
# adds what every desktop has (OpenGL/EGL, libxcb, a font: DESKTOP_BASICS below), copies the
# bundle in and runs it there: --version, demo, the window until ready, an export. With
# DISPLAY set, the window also opens on that X server through xcb. Needs root and the network;
# not run by .ci/run. Written for docs/install.md (the list of what the target needs).
set -euo pipefail
bundle=$(cd "${1:-dist/ringkvall}" && pwd)
root=${2:-$(mktemp -d /tmp/ringkvall-minroot.XXXXXX)}
DESKTOP_BASICS=(libgl1 libegl1 libxcb1 fonts-dejavu-core fontconfig-config)

command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }
if [ ! -x "$root/bin/sh" ]; then
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
chroot "$root" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${DESKTOP_BASICS[*]} >/dev/null"
if chroot "$root" sh -c 'command -v python3 || ls /usr/lib/x86_64-linux-gnu/libQt6* ' >/dev/null 2>&1; then
  echo "the root has Python or Qt: not a fair test" >&2; exit 1
fi
rm -rf "$root/opt/ringkvall" "$root/home/volunteer"
cp -a "$bundle" "$root/opt/ringkvall"
mkdir -p "$root/home/volunteer"
run() { chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/volunteer "$@"; }
fail() { echo "FAIL $1" >&2; exit 1; }
program=/opt/ringkvall/ringkvall
db=/home/volunteer/x.sqlite

run QT_QPA_PLATFORM=offscreen $program --version | grep -q '^ringkvall ' || fail "--version"
run QT_QPA_PLATFORM=offscreen $program demo --db $db >/dev/null || fail "demo"
run QT_QPA_PLATFORM=offscreen RINGKVALL_EXIT_WHEN=ready $program --db $db 2>/dev/null \
  | grep -q '^ready: Avbryt' || fail "window until ready, in Swedish"
run QT_QPA_PLATFORM=offscreen $program export --campaign Övningskampanj -o /home/volunteer/x.xlsx \
  --db $db >/dev/null || fail "export"
echo "ok   offscreen: --version, demo, window ready (Avbryt), export"
if [ -n "${DISPLAY:-}" ]; then
  mkdir -p "$root/tmp/.X11-unix"
  mountpoint -q "$root/tmp/.X11-unix" || mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
  trap 'umount "$root/tmp/.X11-unix" 2>/dev/null || true' EXIT
  run DISPLAY="$DISPLAY" QT_QPA_PLATFORM=xcb RINGKVALL_EXIT_WHEN=ready $program --db $db 2>/dev/null \
    | grep -q '^ready: Avbryt' || fail "window on X11 (xcb) until ready"
  echo "ok   xcb on $DISPLAY: window ready"
fi
echo "the bundle runs in $root (Debian 12 minbase + ${DESKTOP_BASICS[*]})"
