#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages. Idempotent; fast when present.
set -euo pipefail
exit 0
