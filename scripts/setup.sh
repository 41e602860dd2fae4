#!/usr/bin/env bash
# Installs what building and testing Parallax needs, from the package registries only
# (crates.io, npm, Debian). Idempotent: each step checks first and is quick when done.
#
#   scripts/setup.sh web       wasm target, Trunk, wasm-bindgen-cli, wasm-opt (npm binaryen)
#   scripts/setup.sh browser   the above plus Debian chromium + chromedriver and playwright-core
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*" >&2; }

has_version() { # has_version COMMAND EXPECTED: the command exists and prints EXPECTED in --version
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

setup_web() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! has_version trunk "trunk $TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION from crates.io (takes ~7 minutes once per machine)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if ! has_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    # Not --locked: its lock file pins a webpki-roots version the registry no longer serves.
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (~3 minutes once per machine)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  # Also when package-lock.json changed since the last install (a new bench library, say).
  if ! has_version node_modules/.bin/wasm-opt "version 132" || ! [ -d node_modules/playwright-core ] \
    || ! [ -d node_modules/diff-match-patch ] || ! [ -d node_modules/diff ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm tools from package-lock.json (binaryen's wasm-opt, playwright-core, the bench's diff libraries)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

setup_browser() {
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    say "installing Debian chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

case "${1:-browser}" in
  web) setup_web ;;
  browser) setup_web; setup_browser ;;
  *) say "usage: scripts/setup.sh [web|browser]"; exit 2 ;;
esac
