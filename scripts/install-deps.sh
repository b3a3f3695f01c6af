#!/usr/bin/env bash
# Installs what building, running and testing Signpost needs on Debian 12.
# Safe to run again: apt-get skips what is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  ccache # a build reuses what an earlier build of the same sources compiled
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n # Qt's own strings in Norwegian and German
  qt6-websockets-dev
  libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev libpq-dev
  postgresql-15 # the tests start throwaway clusters of their own
  qt6-charts-dev libqt6opengl6-dev
  libqt6svg6 qt6-svg-dev
  lintian appstream # the packages' checks
  qcoro-qt6-dev qtkeychain-qt6-dev
  libsodium-dev
  libgmime-3.0-dev libcurl4-openssl-dev
  nginx-light
  dovecot-core dovecot-imapd python3-aiosmtpd # mail tests: real IMAP and SMTP servers on loopback
  xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
