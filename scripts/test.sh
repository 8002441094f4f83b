#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, types, layer contracts, then every test offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
# Tests must never touch a real keychain; keyring tests install an in-memory backend themselves.
export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports
# CI also builds the Linux bundle and runs its self-test (about 2 minutes, 250 MB), proving the
# installer build works on a fresh machine at every push. Locally: PA_MANAGER_BUILD_BUNDLE=1.
if [ "${CI:-}" = "true" ] || [ -n "${PA_MANAGER_BUILD_BUNDLE:-}" ]; then
  bash scripts/build_bundle.sh
fi
.venv/bin/python -m pytest "$@"
