#!/usr/bin/env bash
# Installs what is missing, builds, and runs Signpost with demo data on the
# embedded store. Stop it with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)"
data="${SIGNPOST_DEMO_DIR:-$(mktemp -d -t signpost-demo.XXXXXX)}"
exec ./build/server/signpost-server --data-dir "$data" --port "${SIGNPOST_PORT:-8080}" --demo
