#!/usr/bin/env bash
# Sets up RecForge on a fresh machine: npm dependencies (Electron's binary fetched only where the
# network allows it), and with --with-browser Debian's Chromium for the e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--with-browser" ]] && [[ ! -x /usr/bin/chromium ]]; then
  SUDO=""; [[ "$(id -u)" != "0" ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# electron's install script reads only this env var; the binary is fetched separately below so
# a machine without access to its download host still installs everything else.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
if node node_modules/electron/install.js >/dev/null 2>&1; then
  echo "setup: Electron binary installed — npm start opens a desktop window."
else
  echo "setup: Electron binary not downloadable here — npm start serves the studio to your browser."
fi
