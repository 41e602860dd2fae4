#!/usr/bin/env bash
# Builds the data-only library (crates/parallax-wasm: parallax.js, parallax_bg.wasm,
# parallax.d.ts) and the comparison worker (parallax-worker.js, scripts/worker.mjs) into
# DIR/lib. Trunk runs it after every build (Trunk.toml's post_build hook, DIR = its staging
# directory), so `trunk serve` and `trunk build` both give a page whose worker can compare.
#
# Usage: scripts/build-lib.sh [DIR]   (default: $TRUNK_STAGING_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TRUNK_STAGING_DIR:?scripts/build-lib.sh: give an output directory}}/lib"
target="${CARGO_TARGET_DIR:-$PWD/target}"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo build -p parallax-wasm --lib --target wasm32-unknown-unknown --profile wasm-lib --locked
wasm-bindgen --target web --out-dir "$out" --out-name parallax \
  "$target/wasm32-unknown-unknown/wasm-lib/parallax_wasm.wasm"
wasm-opt -O3 "$out/parallax_bg.wasm" -o "$out/parallax_bg.wasm"
node scripts/worker.mjs "$out"
