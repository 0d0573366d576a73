#!/usr/bin/env bash
# Store benchmark: item transactions per second (Store.save of a stored item: entry, fingerprint,
# validators, retry-queue change) on SQLite and on PostgreSQL (an embedded server started by the
# benchmark, no Docker), from 1 and 2 threads. Arguments go to StoreBenchmark: --items N.
# Set MVN_OFFLINE= (empty) to let Maven go online.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_OFFLINE--o} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.pulse.store.StoreBenchmark "$@"
