#!/bin/sh
# Runs a command with a real Secret Service of its own: a private D-Bus session bus, a fresh
# gnome-keyring unlocked with an empty password, an empty HOME. The user's keyring, settings
# and display are never touched; without a display, a keyring prompt fails instead of waiting.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home"
export XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
export XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
# The unlock password must be a line (an empty one), or no login keyring is created.
dbus-run-session -- sh -c 'echo "" | gnome-keyring-daemon --unlock --components=secrets \
    >/dev/null && exec "$@"' with-keyring "$@"
