#!/usr/bin/env bash
# The test suite. Installs what the browser test needs when it is missing (Debian's chromium and
# chromium-driver), then runs Maven; everything else (embedded PostgreSQL included) comes from
# Maven Central, and the models' lint from the npm registry (with the machine's Node.js and npm).
# Extra arguments go to Maven, e.g. ./test.sh -Dtest=ScreeningRulesTest
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Installing Debian's chromium and chromium-driver for the browser test"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
fi
if [[ " $* " != *" -Dnrm.lint.skip"* ]] && { ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; }; then
  echo "The models' lint needs Node.js 20 or newer with npm on the PATH (or skip it: ./test.sh -Dnrm.lint.skip)" >&2
  exit 1
fi
exec mvn verify "$@"
