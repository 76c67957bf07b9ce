#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, lints, native unit and
# property tests, wasm tests in headless Chromium, and end-to-end tests against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting (cargo fmt --check)"
cargo fmt --check

step "Lints, native (cargo clippy --all-targets -- -D warnings)"
cargo clippy --all-targets -- -D warnings

step "Lints, wasm (the browser layer and its tests)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings

step "Native tests: core, formats, property tests, Python and spaCy reading the exports"
PYTHON="$PWD/.venv/bin/python" REQUIRE_SPACY=1 cargo test

step "Wasm tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test web

step "Release build (trunk build --release)"
trunk build --release

step "Debug build, for the crash test's forced panic (trunk build --dist target/dist-debug)"
trunk build --dist target/dist-debug

step "End-to-end tests in headless Chromium against dist/"
node --test --test-concurrency=1 tests/e2e/*.test.mjs
