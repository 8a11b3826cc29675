#!/usr/bin/env bash
# Sets up RecForge on a fresh machine: npm dependencies (Electron's binary fetched only where the
# network allows it); with --with-browser what npm test needs from Debian (Chromium for the e2e
# and WebGPU tests, clang + lld to check the wasm SIMD kernel build); with --with-bench
# Debian's PyTorch (plus OpenBLAS: Debian's torch otherwise runs on the slow reference BLAS) for
# the PyTorch reference of `npm run bench -- sasrec`. Flags can be combined.
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_BROWSER=0
WITH_BENCH=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) WITH_BROWSER=1 ;;
    --with-bench) WITH_BENCH=1 ;;
    *) echo "setup: unknown option $arg (known: --with-browser, --with-bench)" >&2; exit 2 ;;
  esac
done

APT_PACKAGES=()
[[ $WITH_BROWSER == 1 ]] && [[ ! -x /usr/bin/chromium ]] && APT_PACKAGES+=(chromium)
# npm test also rebuilds the wasm SIMD kernels from core/tensor/simd/*.c to check the committed build.
[[ $WITH_BROWSER == 1 ]] && ! { command -v clang && command -v wasm-ld && command -v llvm-objdump; } >/dev/null 2>&1 && APT_PACKAGES+=(clang lld llvm)
[[ $WITH_BENCH == 1 ]] && ! /usr/bin/python3 -c 'import torch' >/dev/null 2>&1 && APT_PACKAGES+=(python3-torch)
# The reference needs OpenBLAS's OpenMP build: the pthread one oversubscribes next to torch's own
# threads (2 threads then run slower than 1), which would flatter our ratio.
[[ $WITH_BENCH == 1 ]] && ! dpkg -s libopenblas0-openmp >/dev/null 2>&1 && APT_PACKAGES+=(libopenblas0-openmp)
if [[ ${#APT_PACKAGES[@]} -gt 0 ]]; then
  SUDO=""; [[ "$(id -u)" != "0" ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null
fi
if [[ $WITH_BENCH == 1 ]]; then
  SUDO=""; [[ "$(id -u)" != "0" ]] && SUDO="sudo"
  for lib in libblas.so.3 liblapack.so.3 libopenblas.so.0; do
    alt="$lib-$(uname -m)-linux-gnu"
    target=$(update-alternatives --list "$alt" 2>/dev/null | grep openblas-openmp | head -1)
    [[ -n $target ]] && $SUDO update-alternatives --set "$alt" "$target" >/dev/null
  done
fi

# electron's install script reads only this env var; the binary is fetched separately below so
# a machine without access to its download host still installs everything else.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
if node node_modules/electron/install.js >/dev/null 2>&1; then
  echo "setup: Electron binary installed — npm start opens a desktop window."
else
  echo "setup: Electron binary not downloadable here — npm start serves the studio to your browser."
fi
