#!/usr/bin/env bash
# Installs what is missing, builds, and runs Signpost with demo data: the
# server on the embedded store, and the desktop client signed in as a demo
# agent. Without a display, only the server runs. Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  # signpost-desk starts its own signpost-server --demo and signs in.
  exec ./build/app/signpost-desk --demo
fi
echo "No display found: running the server alone (open the contact form in a browser)." >&2
data="${SIGNPOST_DEMO_DIR:-$(mktemp -d -t signpost-demo.XXXXXX)}"
exec ./build/server/signpost-server --data-dir "$data" --port "${SIGNPOST_PORT:-8080}" --demo
