#!/usr/bin/env bash
# Site rendering benchmark: renders synthetic entries (default 10,000) with the real renderer and
# prints timings. Arguments go to SiteRenderBenchmark: --entries N --runs R --out DIR.
# Set MVN_OFFLINE= (empty) to let Maven go online.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_OFFLINE--o} test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.pulse.publish.SiteRenderBenchmark "$@"
