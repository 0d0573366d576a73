#!/usr/bin/env bash
# Desk latency benchmark: a store of synthetic entries (default 10,000) with reviews, corrections
# and votes, a real pulse serve on a loopback port, and timed requests for review-queue pages and
# public entry pages. Arguments go to DeskBenchmark: --entries N --requests R.
# Set MVN_OFFLINE= (empty) to let Maven go online.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_OFFLINE--o} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.pulse.desk.DeskBenchmark "$@"
