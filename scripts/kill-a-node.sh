#!/usr/bin/env bash
# Two nodes of the product on one PostgreSQL under intake load, one killed with SIGKILL halfway:
# NodeKilledIntegrationTest at a larger size than CI's 60 intakes. Usage: scripts/kill-a-node.sh [intakes]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test -Dtest=NodeKilledIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false -Dnrm.reliability.intakes="${1:-600}"
echo "NodeKilledIntegrationTest passed with ${1:-600} intakes; logs under target/node-killed-*"
