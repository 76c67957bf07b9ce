#!/usr/bin/env bash
# Installs what is missing, then serves the app at http://127.0.0.1:8080 with live reload.
# It opens on the sample article the project ships (samples/geneva-talks.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "Serving on http://127.0.0.1:8080 (Ctrl+C stops)"
exec trunk serve "$@"
