#!/usr/bin/env bash
# Process-level crash test of the store (StoreCrashIT): 'pulse run' in its own JVM over 110
# articles from a slow loopback server, killed with SIGKILL at 20 random moments, on SQLite and on
# a real PostgreSQL (embedded, no Docker); then a last run must store every article exactly once.
# Several minutes on a loaded 2-core machine, hence not part of every 'mvn verify'.
set -euo pipefail
cd "$(dirname "$0")/.."
PULSE_CRASH_TEST=1 exec mvn -B ${MVN_OFFLINE--o} test-compile failsafe:integration-test failsafe:verify \
  -Dit.test=StoreCrashIT "$@"
