#!/usr/bin/env bash
# Extraction benchmark: quality (body-text F1 with the shared evaluator) and speed, for Pulse's
# JsoupArticleExtractor and Readability4J on the same pages, single-threaded, after a warm-up;
# then the same pages through `pulse extract` (the CLI), whose output is scored too ("pulse-cli").
#
#   scripts/bench-extraction.sh [PAGES_DIR] [--runs N] [--warmup N] [--pulse-only]
#
# PAGES_DIR defaults to ../shared/eval/extraction/dev/html (relative to the repo root). Predictions
# go to target/extraction/{pulse,readability4j}-predictions.json; per-page scores to *-items.csv.
# The evaluator runs when ../shared/eval/extraction is present (or PULSE_EVAL_DIR points to it).
set -euo pipefail
cd "$(dirname "$0")/.."

EVAL_DIR="${PULSE_EVAL_DIR:-../shared/eval/extraction}"
# A git worktree one level deeper than the main clone finds shared/ one level further up.
[[ -d "$EVAL_DIR" || -n "${PULSE_EVAL_DIR:-}" ]] || EVAL_DIR=../../shared/eval/extraction
PAGES="$EVAL_DIR/dev/html"
if [[ $# -gt 0 && "$1" != --* ]]; then
  PAGES="$1"
  shift
fi
OUT=target/extraction
TRUTH="$(dirname "$PAGES")/ground-truth.json"

if [[ ! -d target/test-classes || ! -f target/test-classpath.txt \
      || -n "$(find src pom.xml -newer target/test-classpath.txt -print -quit)" ]]; then
  echo "building..." >&2
  # Offline first (the usual case: dependencies cached); online if something is missing.
  mvn -q -B -o test-compile || mvn -q -B test-compile
  mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt >/dev/null \
    || mvn -q -B dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/test-classpath.txt >/dev/null
fi
CP="target/classes:target/test-classes:$(cat target/test-classpath.txt)"

ARGS=("$PAGES" "$OUT")
[[ -f "$TRUTH" ]] && ARGS+=("$TRUTH")
java -Xss8m -cp "$CP" dev.pulse.extract.ExtractionBenchmark "${ARGS[@]}" "$@"

# The same pages through the command a user runs, `pulse extract`: its JSON lines become the
# predictions the evaluator reads (file name without .html is the page id).
CLI_CP="target/classes:$(cat target/test-classpath.txt)"
java -Xss8m -cp "$CLI_CP" dev.pulse.cli.PulseCli extract "$PAGES"/*.html > "$OUT/pulse-extract.jsonl"
python3 - "$OUT/pulse-extract.jsonl" "$OUT/pulse-cli-predictions.json" <<'PY'
import json, os, sys
preds = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        row = json.loads(line)
        preds[os.path.basename(row["file"]).rsplit(".", 1)[0]] = row["text"] or ""
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(preds, f, ensure_ascii=False)
print(f"pulse extract (CLI): {len(preds)} pages -> {sys.argv[2]}", file=sys.stderr)
PY

if [[ -f "$TRUTH" && -f "$EVAL_DIR/evaluate.py" ]]; then
  for name in pulse-cli pulse readability4j; do
    [[ -f "$OUT/$name-predictions.json" ]] || continue
    [[ "$name" == readability4j && " $* " == *" --pulse-only "* ]] && continue
    python3 "$EVAL_DIR/evaluate.py" "$TRUTH" "$OUT/$name-predictions.json" \
      --per-item "$OUT/$name-items.csv" --name "$name"
  done
else
  echo "no ground truth next to $PAGES: skipped the evaluator" >&2
fi
