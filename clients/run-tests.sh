#!/usr/bin/env bash
# The TypeScript client's unit tests and the reference checkout's Chromium scenarios.
# Needs Node 20+, Debian's chromium (/usr/bin/chromium; no browser is downloaded) and the BFF jar built by
# `./mvnw -B package` (or verify) in target/. Screenshots of failed scenarios land in target/browser-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/typescript"

node --version
npm ci --no-audit --no-fund
npm test
start=$(date +%s)
npm run e2e
echo "browser scenarios: $(( $(date +%s) - start )) s"
