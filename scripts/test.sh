#!/usr/bin/env bash
# The test command (npm test). Installs the Debian tools the tests need when they
# are missing and we may (root); otherwise stops with the exact command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)          # the manifest against the XSDs
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)  # our generated formulas, computed by a real spreadsheet
[ -x /usr/bin/chromium ] || need+=(chromium)                          # the browser preview, end to end
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]} (apt-get)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing: ${need[*]}. Run: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

npm run --silent build:cli            # the CLI the tests run as a child process (lib/, bundled)
npx tsc -p tsconfig.json --noEmit     # every file type-checks, tests included
npx tsc -p preview/tsconfig.json --noEmit  # and the browser preview
npm run --silent lint                  # ESLint over the whole tree (eslint.config.js)
npx prettier --check --log-level warn .  # formatting (.prettierrc, .prettierignore)
npm run --silent deps                  # no import cycles; the engine only through its index (.dependency-cruiser.cjs)
npm run --silent validate              # the manifest against ../shared/manifest-schema, resids, URLs, functions
npx jest --ci "$@"
