#!/usr/bin/env python3
"""Prints the shape of summaries: what a reader of issue 14 would notice, counted by general rules.

Usage: summary-shape.py LABEL PREDICTIONS.jsonl [--show KIND]

PREDICTIONS are JSON lines with "id" and "summary" (what `pulse analyze` writes). Counted per
summary:
  sentences  sentences (split at . ! ? plus closing quotes before a space), 3-4 wanted
  band       50-90 words
  dangling   opens with a reference to something not yet introduced: a pronoun, a linking word
             ("but", "however", "also"), or "the" + a word that points back ("the move", "the
             decision", "the 41-year-old")
  caption    photo-caption text: "(left)", "(pictured)", "pictured", "above:", a short label with a
             colon opening the sentence ("sad end: ...")
  midthought ends without closing punctuation, on "..."/"…", on a colon or comma, or on an
             abbreviation that a sentence does not end on ("u.s.", "mr.")
  repeat     two sentences sharing at least half the content words of the shorter one
  closing    the last sentence is a quotation or an anecdote about a person introduced by name and
             age ("jorja whitcombe, 41, spent ...") with no context
--show KIND prints the summaries counted under KIND.
"""
import json
import re
import sys

STOP = set(
    """a an the and or but if of in on at to for from by with as is are was were be been being
    it its he she they them his her their this that these those there here who whom which what
    when where why how not no nor so than too very can could will would shall should may might
    must do does did has have had having i we you me us our your my mine also just only about
    into over after before up down out off again then once said says say told""".split()
)
DANGLING_FIRST = set(
    """he she it they his her its their them him this these those that such but and however also
    meanwhile still yet so then there here both others another later instead thus therefore
    besides moreover furthermore""".split()
)
POINTING_NOUNS = set(
    """move decision deal comments comment remarks remark announcement incident news report
    statement plan plans change changes ruling verdict case victim victims pair couple duo trio
    man woman boy girl men women player star singer actor actress suspect attack attacker gunman
    former latter company firm group team club side project scheme proposal bill law
    development discovery findings results footage video images photos photo picture pictures
    letter claims claim allegations""".split()
)
# after "the" + noun, the noun is introduced on the spot: "the man who ...", "the plan to ..."
INTRODUCING = set("who whom whose which that of to at in on from with behind for by accused charged named known".split())
CAPTION = re.compile(
    r"\((?:left|right|centre|center|top|bottom|above|below|inset|pictured|file|file photo|"
    r"far left|far right|second left|second right|l|r|c)\)|\bpictured\b|^(?:above|below|left|right|top|inset)\s*:",
    re.I,
)
LABEL_COLON = re.compile(r"^([\w'’-]+(?:\s+[\w'’-]+){0,2}):\s+\S")
SPEECH = re.compile(r"\b(?:said|says|say|told|added|asked|wrote|tweeted|explained|insisted)\b", re.I)
ABBREV_END = re.compile(r"(?:^|\s)(?:u\.s|u\.k|u\.n|mr|mrs|ms|dr|st|no|gen|gov|sen|rep|det|sgt|capt|lt|col|prof|rev|jan|feb|aug|sept|oct|nov|dec|vs|inc|corp|co)\.$", re.I)
AGE_ANECDOTE = re.compile(r"^[\w'’-]+(?:\s+[\w'’-]+){0,3},\s+\d{1,3},\s", re.I)


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])['\"”’)]*\s+", text.strip()) if s]


def words(s):
    return re.findall(r"[\w'’-]+", s.lower())


def content(s):
    return {w[:6] for w in words(s) if w not in STOP and len(w) > 1}


def dangling(s):
    w = words(s)
    if not w:
        return False
    if s.lstrip()[:1] in "\"'“‘":
        return False
    if w[0] in DANGLING_FIRST:
        return True
    if w[0] == "the" and len(w) > 2:
        if re.fullmatch(r"\d+-year-old", w[1]):
            return True
        return w[1] in POINTING_NOUNS and w[2] not in INTRODUCING
    return False


def caption(s):
    if CAPTION.search(s):
        return True
    m = LABEL_COLON.match(s.strip())
    return bool(m) and not SPEECH.search(m.group(1))


def midthought(text):
    t = text.rstrip()
    if not t:
        return True
    if t.endswith("...") or t.endswith("…") or t[-1] in ":,;-–—":
        return True
    core = t.rstrip("'\"”’)")
    if not core or core[-1] not in ".!?":
        return True
    return ABBREV_END.search(core) is not None


def repeats(sents):
    sets = [content(s) for s in sents]
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            a, b = sets[i], sets[j]
            small = min(len(a), len(b))
            if small >= 3 and len(a & b) >= 0.5 * small:
                return True
    return False


def closing(sents):
    if len(sents) < 2:
        return False
    last = sents[-1].strip()
    bare_quote = last[:1] in "\"'“‘" and last.rstrip()[-1:] in "\"'”’"
    return bare_quote or AGE_ANECDOTE.match(last) is not None


def main():
    label, path = sys.argv[1], sys.argv[2]
    show = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--show" else None
    counts, n, band = {}, 0, 0
    kinds = {"dangling": 0, "caption": 0, "midthought": 0, "repeat": 0, "closing": 0}
    lengths = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        o = json.loads(line)
        text = (o.get("summary") or "").strip()
        sents = sentences(text)
        n += 1
        counts[len(sents)] = counts.get(len(sents), 0) + 1
        wc = len(text.split())
        lengths.append(wc)
        band += 50 <= wc <= 90
        found = {
            "dangling": bool(sents) and dangling(sents[0]),
            "caption": any(caption(s) for s in sents),
            "midthought": midthought(text),
            "repeat": repeats(sents),
            "closing": closing(sents),
        }
        for k, v in found.items():
            if v:
                kinds[k] += 1
                if show == k:
                    print("%s: %s\n" % (o["id"], text))
    if n == 0:
        print("shape    %-12s no summaries" % label)
        return
    three_four = counts.get(3, 0) + counts.get(4, 0)
    print(
        "shape    %-12s n %d  words %d-%d (mean %.1f), %.0f%% within 50-90; sentences %s; 3-4 sentences %.0f%%"
        % (label, n, min(lengths), max(lengths), sum(lengths) / n, 100.0 * band / n,
           ", ".join("%d: %d" % (k, counts[k]) for k in sorted(counts)), 100.0 * three_four / n)
    )
    print(
        "shape    %-12s dangling opener %d, caption text %d, ends mid-thought %d, near-repeat %d, closing quote/anecdote %d"
        % (label, kinds["dangling"], kinds["caption"], kinds["midthought"], kinds["repeat"], kinds["closing"])
    )


if __name__ == "__main__":
    main()
