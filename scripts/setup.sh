#!/usr/bin/env bash
# Installs what building, serving and testing the app need, skipping whatever is already there.
# Safe to run any number of times. Nothing is fetched outside the package registries:
# Rust tools from crates.io, wasm-opt and Playwright from npm, Chromium from Debian, spaCy
# from PyPI (into .venv, for the test that reads exports with it).
#
#   scripts/setup.sh          tools to build and serve
#   scripts/setup.sh --test   also Chromium and ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen library exactly; Cargo.lock says which that is.
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust with rustup first (https://rustup.rs)." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "Adding $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "Installing trunk $TRUNK_VERSION (compiles for about 10 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lockfile names a webpki-roots release the registry here does not have.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132' \
  || [ ! -f node_modules/playwright-core/package.json ]; then
  step "Installing wasm-opt (binaryen) and playwright-core from npm"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  step "Installing Chromium and ChromeDriver from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

if [ "${1:-}" = "--test" ] && ! .venv/bin/python -c 'import spacy' 2>/dev/null; then
  step "Installing spaCy from PyPI into .venv (the exports are checked with it)"
  python3 -m venv .venv
  .venv/bin/pip install --quiet "spacy==3.8.*"
fi

step "Fetching crates (offline afterwards)"
cargo fetch --quiet
