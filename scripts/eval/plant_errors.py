#!/usr/bin/env python3
"""Plants one factual error in each reference summary, for measuring the faithfulness check's recall.

  plant_errors.py --summaries summaries_cnndm.dev.jsonl --names-from categories.dev.jsonl \
                  --seed 15 --out planted.jsonl

For every item one error, chosen at random (seeded) among those the reference allows:
  number  a figure changed ("1,800" -> "1,950", "three" -> "seven", "40%" -> "46%")
  name    a name replaced by a name from another article's reference (one this article never uses)
  date    a weekday or month moved ("saturday" -> "tuesday"), or a year moved by 1-3
Items whose reference has nothing to change are left out. Names are recognised without looking at
the checker: a word counts as a name when the cased BBC articles given by --names-from only ever
write it capitalised in mid-sentence (the CNN/DailyMail release is lower-cased).
Output lines: {"id", "text", "summary", "error_type", "original", "planted"}.

With --cased the summaries keep their capitals (e.g. the embedded analyzer's summaries of the cased
BBC articles, read from --summaries as {"id", "text", "summary"} lines with --summary-key summary):
words are matched whatever their case, a name must be written capitalised, and the replacement
takes the case of what it replaces. "planted" stays lower-case.
"""
import argparse
import collections
import json
import random
import re

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def name_pool(bbc_rows):
    """Lower-cased words the cased articles write only capitalised, never first in a sentence."""
    cap, low = collections.Counter(), collections.Counter()
    for r in bbc_rows:
        if r.get("dataset") != "bbc":
            continue
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", r.get("text", "")):
            words = re.findall(r"[A-Za-z][a-z]+", sentence)
            for i, w in enumerate(words):
                if w[0].isupper():
                    if i > 0:
                        cap[w.lower()] += 1
                else:
                    low[w] += 1
    return {w for w, n in cap.items() if n >= 2 and low[w] == 0 and len(w) >= 3
            and w not in WEEKDAYS and w not in MONTHS}


CASED = False


def like(old, new):
    """The replacement with the case of the word it replaces (only with --cased)."""
    return new[:1].upper() + new[1:] if CASED and old[:1].isupper() else new


def flags():
    return re.IGNORECASE if CASED else 0


def plant_number(summary, rnd):
    spots = [m for m in re.finditer(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d,])", summary)]
    spots += [m for m in re.finditer(r"\b(" + "|".join(WORDS) + r")\b", summary, flags())]
    spots = [m for m in spots if not re.fullmatch(r"(19|20)\d\d", m.group())]
    if not spots:
        return None
    m = rnd.choice(spots)
    old = m.group()
    if old.lower() in WORDS:
        new = like(old, rnd.choice([w for w in WORDS if w != old.lower()]))
        old = old.lower()
    else:
        n = int(old.replace(",", ""))
        new_n = n + rnd.randint(1, max(3, n // 5))
        new = "{:,}".format(new_n) if "," in old else str(new_n)
    return summary[:m.start()] + new + summary[m.end():], old, new


def plant_date(summary, rnd):
    spots = [m for m in re.finditer(r"\b(" + "|".join(WEEKDAYS + MONTHS) + r")\b", summary, flags())
             if m.group().lower() != "may" and m.group().lower() != "march"
             and (not CASED or m.group()[:1].isupper())]
    spots += list(re.finditer(r"\b(19|20)\d\d\b", summary))
    if not spots:
        return None
    m = rnd.choice(spots)
    old = m.group()
    if old.lower() in WEEKDAYS:
        new = rnd.choice([d for d in WEEKDAYS if d != old.lower()])
    elif old.lower() in MONTHS:
        new = rnd.choice([x for x in MONTHS if x not in (old.lower(), "may", "march")])
    else:
        new = str(int(old) + rnd.choice([-3, -2, -1, 1, 2, 3]))
    return summary[:m.start()] + like(old, new) + summary[m.end():], old.lower(), new


def plant_name(summary, text, pool, others, rnd):
    if CASED:
        spots = [m for m in re.finditer(r"[A-Z][a-z]+", summary) if m.group().lower() in pool]
    else:
        spots = [m for m in re.finditer(r"[a-z]+", summary) if m.group() in pool]
    if not spots:
        return None
    words = set(re.findall(r"[a-z]+", text.lower() if CASED else text))
    m = rnd.choice(spots)
    for _ in range(50):
        other = rnd.choice(others)
        found = re.findall(r"[A-Za-z]+", other) if CASED else re.findall(r"[a-z]+", other)
        names = [w.lower() for w in found if w.lower() in pool and w.lower() not in words
                 and (not CASED or w[:1].isupper())]
        if names:
            new = rnd.choice(names)
            return summary[:m.start()] + like(m.group(), new) + summary[m.end():], m.group().lower(), new
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--summaries", required=True)
    ap.add_argument("--names-from", required=True)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--out", required=True)
    ap.add_argument("--summary-key", default="reference_summary")
    ap.add_argument("--cased", action="store_true", help="summaries keep their capitals")
    a = ap.parse_args()
    global CASED
    CASED = a.cased
    rnd = random.Random(a.seed)
    rows = read(a.summaries)
    pool = name_pool(read(a.names_from))
    rows = [r for r in rows if r.get(a.summary_key)]
    refs = [r[a.summary_key] for r in rows]
    kinds = collections.Counter()
    with open(a.out, "w", encoding="utf-8") as out:
        for r in rows:
            s, t = r[a.summary_key], r["text"]
            options = ["number", "name", "date"]
            rnd.shuffle(options)
            for kind in options:
                if kind == "number":
                    done = plant_number(s, rnd)
                elif kind == "date":
                    done = plant_date(s, rnd)
                else:
                    done = plant_name(s, t, pool, [x for x in refs if x is not s], rnd)
                if done:
                    summary, old, new = done
                    out.write(json.dumps({"id": r["id"], "text": t, "summary": summary, "error_type": kind,
                                          "original": old, "planted": new}) + "\n")
                    kinds[kind] += 1
                    break
    print("planted %d errors (%s) in %d references; name pool %d words"
          % (sum(kinds.values()), ", ".join("%s %d" % kv for kv in sorted(kinds.items())), len(rows), len(pool)))


if __name__ == "__main__":
    main()
