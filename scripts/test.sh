#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# Compiled objects are kept between runs (each CI run is a fresh clone,
# wherever it is made).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)"
# Two at a time: each test waits on its servers more than it computes.
ctest --test-dir build --output-on-failure --timeout 600 --parallel 2
