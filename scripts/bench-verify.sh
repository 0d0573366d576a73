#!/usr/bin/env bash
# Measures the faithfulness check (dev.pulse.verify) on the CNN/DailyMail dev split in
# ../shared/eval/analysis:
#   1. false flags: the journalists' highlights checked against their own articles;
#   2. recall: the same highlights with one planted error each (a number changed, a name swapped
#      for one from another article, a date moved), made by scripts/eval/plant_errors.py (seeded);
#   3. the embedded analyzer's own summaries of the same articles (it copies sentences);
#   4. with capitals (CNN/DailyMail ships lower-cased): the embedded analyzer's summaries of the
#      cased BBC articles of categories.dev.jsonl, as they are and with one planted error each
#      (plant_errors.py --cased). Its errors are planted in extractive summaries, not in
#      journalists' highlights: a check on capitals, not a second reading of 1-2.
# Usage: scripts/bench-verify.sh [EVAL_DIR]   (or PULSE_EVAL=DIR); writes under target/bench/.
# Env: SEED (default 15), SHOW=N prints the first N flagged items of each set, MISSED=N the first N
#      planted errors no flag caught, SKIP_BUILD=1,
#      CASED=0 skips set 4.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EVAL="${1:-${PULSE_EVAL:-}}"
if [[ -z "$EVAL" ]]; then
  for d in "$ROOT/../shared/eval/analysis" "$ROOT/../../shared/eval/analysis"; do
    [[ -f "$d/summaries_cnndm.dev.jsonl" ]] && EVAL="$d" && break
  done
fi
EVAL="${EVAL:-$ROOT/../shared/eval/analysis}"
OUT="$ROOT/target/bench/verify"
mkdir -p "$OUT"
cd "$ROOT"
if [[ ! -f "$EVAL/summaries_cnndm.dev.jsonl" ]]; then
  echo "no evaluation data at $EVAL (expected summaries_cnndm.dev.jsonl)" >&2
  exit 3
fi
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f target/bench-classpath.txt ]]; then
  mvn -q -B ${MVN_OFFLINE--o} test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
fi
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

python3 - "$EVAL" "$OUT" <<'PY'
import json, os, sys
ev, out = sys.argv[1], sys.argv[2]
with open(os.path.join(ev, "summaries_cnndm.dev.jsonl")) as f, \
     open(os.path.join(out, "references.jsonl"), "w") as refs, \
     open(os.path.join(out, "articles.jsonl"), "w") as arts:
    for line in f:
        o = json.loads(line)
        refs.write(json.dumps({"id": o["id"], "text": o["text"], "summary": o["reference_summary"]}) + "\n")
        arts.write(json.dumps({"id": o["id"], "text": o["text"]}) + "\n")
PY
python3 scripts/eval/plant_errors.py --summaries "$EVAL/summaries_cnndm.dev.jsonl" \
  --names-from "$EVAL/categories.dev.jsonl" --seed "${SEED:-15}" --out "$OUT/planted.jsonl"
java -Xmx1g -cp "$CP" dev.pulse.cli.PulseCli analyze --analyzer embedded \
  --in "$OUT/articles.jsonl" --out "$OUT/embedded.jsonl" >&2
java -Xmx1g -cp "$CP" dev.pulse.verify.VerifyBenchmark --articles "$OUT/articles.jsonl" --show "${SHOW:-0}" --missed "${MISSED:-0}" \
  references="$OUT/references.jsonl" planted="$OUT/planted.jsonl" embedded="$OUT/embedded.jsonl"
if [[ "${CASED:-1}" != 0 ]]; then
  python3 - "$EVAL" "$OUT" <<'PY'
import json, os, sys
ev, out = sys.argv[1], sys.argv[2]
with open(os.path.join(ev, "categories.dev.jsonl")) as f, \
     open(os.path.join(out, "bbc-articles.jsonl"), "w") as arts:
    for line in f:
        o = json.loads(line)
        if o.get("dataset") == "bbc":
            arts.write(json.dumps({"id": o["id"], "title": o.get("title", ""), "text": o["text"]}) + "\n")
PY
  java -Xmx1g -cp "$CP" dev.pulse.cli.PulseCli analyze --analyzer embedded \
    --in "$OUT/bbc-articles.jsonl" --out "$OUT/bbc-embedded.jsonl" >&2
  python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
arts = {}
with open(os.path.join(out, "bbc-articles.jsonl")) as f:
    for line in f:
        o = json.loads(line)
        arts[o["id"]] = (o["title"] + "\n\n" + o["text"]).strip()
with open(os.path.join(out, "bbc-embedded.jsonl")) as f, \
     open(os.path.join(out, "bbc-summaries.jsonl"), "w") as s:
    for line in f:
        o = json.loads(line)
        if o.get("summary"):
            s.write(json.dumps({"id": o["id"], "text": arts[o["id"]], "summary": o["summary"]}) + "\n")
PY
  python3 scripts/eval/plant_errors.py --summaries "$OUT/bbc-summaries.jsonl" --summary-key summary \
    --cased --names-from "$EVAL/categories.dev.jsonl" --seed "${SEED:-15}" --out "$OUT/bbc-planted.jsonl"
  java -Xmx1g -cp "$CP" dev.pulse.verify.VerifyBenchmark --show "${SHOW:-0}" \
    cased-embedded="$OUT/bbc-summaries.jsonl" cased-planted="$OUT/bbc-planted.jsonl"
fi
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs"
