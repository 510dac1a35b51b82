#!/usr/bin/env python3
"""Check the behavioural evaluation sets before anyone tunes on or scores with them.

    python3 tests/eval/check_sets.py            # the four files beside this script
    python3 tests/eval/check_sets.py --dir DIR  # another copy of them

Checks every line is a JSON object in the run_eval format, ids are unique across all four
files, labels/channels/relationship values are known, each message file has enough items in
roughly the agreed label proportions and the required adversarial kinds, and no text of the
tuning files (dev.jsonl, conversations.jsonl) reappears, exactly or as a close paraphrase, in
the held-out files. Prints counts. Exit 0 when all checks pass, 1 otherwise. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from itertools import product
from pathlib import Path

TARGET_SHARE = {"emergency": 0.35, "report": 0.35, "info": 0.12, "other": 0.08, "adversarial": 0.10}
# The hard-cases tuning set: emergencies and their look-alikes only, no chit-chat or broken input.
HARD_CASES_SHARE = {"emergency": 0.53, "report": 0.41, "info": 0.06, "other": 0.0, "adversarial": 0.0}
# heldout15 and heldout20 as scored: the near-copies of sets we learn from dropped before scoring
# were mostly generic info questions ("what are the helpline's hours?"), so info is under its share.
INFO_THINNED_SHARE = {"emergency": 0.36, "report": 0.38, "info": 0.07, "other": 0.09, "adversarial": 0.10}
# The look-alikes tuning set (dev8): emergencies against the reports that most resemble them.
LOOK_ALIKES_SHARE = {"emergency": 0.45, "report": 0.48, "info": 0.07, "other": 0.0, "adversarial": 0.0}
# The hard-negatives tuning set (dev9): mostly reports that look like emergencies.
HARD_NEGATIVES_SHARE = {"emergency": 0.12, "report": 0.80, "info": 0.08, "other": 0.0, "adversarial": 0.0}

# file name -> (id pattern, minimum number of items, label shares)
MESSAGE_FILES = {
    "dev.jsonl": (r"d\d{3}", 230, TARGET_SHARE),
    "dev2.jsonl": (r"t\d{3}", 300, HARD_CASES_SHARE),
    "dev3.jsonl": (r"u\d{3}", 300, HARD_CASES_SHARE),
    "dev4.jsonl": (r"w\d{3}", 290, HARD_CASES_SHARE),
    "dev5.jsonl": (r"y\d{3}", 290, HARD_CASES_SHARE),
    "dev6.jsonl": (r"z\d{3}", 290, HARD_CASES_SHARE),
    "dev7.jsonl": (r"k\d{3}", 290, HARD_CASES_SHARE),
    "dev8.jsonl": (r"b\d{3}", 290, LOOK_ALIKES_SHARE),
    "dev9.jsonl": (r"a\d{3}", 290, HARD_NEGATIVES_SHARE),
    "heldout.jsonl": (r"h\d{3}", 170, TARGET_SHARE),
    "heldout2.jsonl": (r"v\d{3}", 200, TARGET_SHARE),
    "heldout3.jsonl": (r"x\d{3}", 290, TARGET_SHARE),
    "heldout4.jsonl": (r"q\d{3}", 280, TARGET_SHARE),
    "heldout5.jsonl": (r"p\d{3}", 280, TARGET_SHARE),
    "heldout6.jsonl": (r"r\d{3}", 280, TARGET_SHARE),
    "heldout7.jsonl": (r"s\d{3}", 260, INFO_THINNED_SHARE),  # near-copies of later sets dropped, most of them info
    "heldout8.jsonl": (r"m\d{3}", 280, TARGET_SHARE),
    "heldout9.jsonl": (r"n\d{3}", 280, TARGET_SHARE),
    "heldout10.jsonl": (r"g\d{3}", 270, TARGET_SHARE),
    "heldout11.jsonl": (r"j\d{3}", 270, TARGET_SHARE),
    "heldout12.jsonl": (r"f\d{3}", 270, TARGET_SHARE),
    "heldout13.jsonl": (r"c\d{3}", 270, TARGET_SHARE),
    "heldout14.jsonl": (r"e\d{3}", 270, TARGET_SHARE),
    "heldout15.jsonl": (r"i\d{3}", 270, INFO_THINNED_SHARE),
    "heldout16.jsonl": (r"o\d{3}", 260, TARGET_SHARE),
    "heldout17.jsonl": (r"l\d{3}", 260, TARGET_SHARE),
    "heldout18.jsonl": (r"ha\d{3}", 260, TARGET_SHARE),
    "heldout19.jsonl": (r"hb\d{3}", 260, TARGET_SHARE),
    "heldout20.jsonl": (r"hc\d{3}", 260, INFO_THINNED_SHARE),
    "heldout21.jsonl": (r"hd\d{3}", 260, INFO_THINNED_SHARE),
    "heldout22.jsonl": (r"he\d{3}", 260, INFO_THINNED_SHARE),
    "heldout23.jsonl": (r"hf\d{3}", 260, INFO_THINNED_SHARE),
    "heldout24.jsonl": (r"hg\d{3}", 260, INFO_THINNED_SHARE),
    "heldout25.jsonl": (r"hh\d{3}", 260, INFO_THINNED_SHARE),
    "heldout26.jsonl": (r"hi\d{3}", 260, INFO_THINNED_SHARE),
    "heldout27.jsonl": (r"hj\d{3}", 260, INFO_THINNED_SHARE),
    "heldout28.jsonl": (r"hk\d{3}", 260, INFO_THINNED_SHARE),
    "heldout29.jsonl": (r"hl\d{3}", 260, INFO_THINNED_SHARE),
}
CONVERSATION_FILES = {
    "conversations.jsonl": (r"dc\d{2}", 20),
    "conversations_heldout.jsonl": (r"hc\d{2}", 12),
    "conversations_heldout2.jsonl": (r"vc\d{2}", 14),
    "conversations_heldout3.jsonl": (r"lc\d{2}", 20),
    "conversations_heldout4.jsonl": (r"mc\d{2}", 20),
    "conversations_heldout5.jsonl": (r"nc\d{2}", 18),
    "conversations_heldout6.jsonl": (r"oc\d{2}", 18),
    "conversations_heldout7.jsonl": (r"pc\d{2}", 20),
    "conversations_heldout8.jsonl": (r"qc\d{2}", 18),
    "conversations_heldout9.jsonl": (r"rc\d{2}", 16),
    "conversations_heldout10.jsonl": (r"sc\d{2}", 16),
    "conversations_heldout11.jsonl": (r"tc\d{2}", 16),
    "conversations_heldout12.jsonl": (r"uc\d{2}", 16),
}
TUNING = (
    "dev.jsonl",
    "dev2.jsonl",
    "dev3.jsonl",
    "dev4.jsonl",
    "dev5.jsonl",
    "dev6.jsonl",
    "dev7.jsonl",
    "dev8.jsonl",
    "dev9.jsonl",
    "conversations.jsonl",
)
HELD_OUT = (
    "heldout.jsonl",
    "conversations_heldout.jsonl",
    "heldout2.jsonl",
    "conversations_heldout2.jsonl",
    "heldout3.jsonl",
    "heldout4.jsonl",
    "heldout5.jsonl",
    "heldout6.jsonl",
    "heldout7.jsonl",
    "heldout8.jsonl",
    "heldout9.jsonl",
    "heldout10.jsonl",
    "heldout11.jsonl",
    "heldout12.jsonl",
    "heldout13.jsonl",
    "heldout14.jsonl",
    "heldout15.jsonl",
    "heldout16.jsonl",
    "heldout17.jsonl",
    "conversations_heldout3.jsonl",
    "heldout18.jsonl",
    "conversations_heldout4.jsonl",
    "heldout19.jsonl",
    "conversations_heldout5.jsonl",
    "heldout20.jsonl",
    "conversations_heldout6.jsonl",
    "heldout22.jsonl",
    "conversations_heldout7.jsonl",
    "heldout21.jsonl",
    "heldout23.jsonl",
    "conversations_heldout8.jsonl",
    "heldout24.jsonl",
    "conversations_heldout9.jsonl",
    "heldout25.jsonl",
    "heldout26.jsonl",
    "heldout27.jsonl",
    "conversations_heldout10.jsonl",
    "conversations_heldout11.jsonl",
    "heldout28.jsonl",
    "conversations_heldout12.jsonl",
    "heldout29.jsonl",
)
# Held-out sets whose items have been read while fixing misses: their figures are no longer
# quoted, so they may be learned from (scripts/train_danger_model.py). A set joins this list
# only after its one clean scoring is recorded in README.md.
SPENT = (
    "heldout.jsonl",
    "conversations_heldout.jsonl",
    "heldout2.jsonl",
    "conversations_heldout2.jsonl",
    "heldout3.jsonl",
    "heldout4.jsonl",
    "heldout5.jsonl",
    "heldout6.jsonl",
    "heldout8.jsonl",
    "heldout9.jsonl",
    "heldout10.jsonl",
    "heldout11.jsonl",
    "heldout12.jsonl",
    "heldout13.jsonl",
    "heldout14.jsonl",
    "heldout15.jsonl",
    "heldout17.jsonl",
    "conversations_heldout3.jsonl",
    "heldout18.jsonl",
    "conversations_heldout4.jsonl",
    "heldout19.jsonl",
    "conversations_heldout5.jsonl",
    "heldout20.jsonl",
    "heldout22.jsonl",
    "conversations_heldout7.jsonl",
    "heldout21.jsonl",
    "heldout23.jsonl",
    "conversations_heldout8.jsonl",
    "heldout24.jsonl",
    "heldout25.jsonl",
    "conversations_heldout10.jsonl",
    "heldout26.jsonl",
    "heldout28.jsonl",
    "conversations_heldout12.jsonl",
)
SHARE_TOLERANCE = 0.04  # "roughly": each label within 4 percentage points of its target
CHANNELS = {"webchat", "sms", "voice"}
RELATIONSHIPS = {
    "ex-partner",
    "partner",
    "family",
    "colleague",
    "neighbour",
    "acquaintance",
    "online-only",
    "stranger",
    "unknown",
}
REPORTERS = {"self", "someone-else"}
EXPECT_KEYS = {"first_emergency_turn", "record_saved", "helpline_offered", "fields"}

# Broken input ("", "/restart", "<script>") and greetings ("hi", "thanks") recur in every set by
# nature and say nothing about detection: they are left out of the leak check.
SHARED_LABELS = ("adversarial", "other")
# Conversation turns shorter than this many words ("yes that's right", "rather not say",
# "He's never threatened me", "yes I'm on my own, it's fine to talk") are meant to recur.
MIN_SHARED_WORDS = 9
# Word-set overlap above which two items count as a paraphrase of each other.
PARAPHRASE_JACCARD = 0.7
PARAPHRASE_MIN_WORDS = 5


def _has_control_char(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs") and c not in "\n\t\r " for c in text)


ADVERSARIAL_KINDS: dict[str, Callable[[str], bool]] = {
    "empty or whitespace only": lambda t: not t.strip(),
    "50,000 characters or more": lambda t: len(t) >= 50_000,
    "forced intent (starts with /)": lambda t: t.startswith("/"),
    "markup (<...>)": lambda t: "<" in t and ">" in t,
    "control or invisible characters": _has_control_char,
}


def normalise(text: str) -> str:
    """Casefold, drop punctuation and collapse whitespace, so trivial edits still match."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def read_jsonl(path: Path, problems: list[str]) -> list[dict]:
    """Read one object per non-blank line, recording (not raising) any line that is not an object."""
    items = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as err:
                problems.append(f"{path.name}:{number}: not JSON ({err})")
                continue
            if not isinstance(obj, dict):
                problems.append(f"{path.name}:{number}: not a JSON object")
                continue
            items.append(obj)
    return items


def check_messages(name: str, items: list[dict], problems: list[str]) -> None:
    """Fields, id pattern, labels, channels, size, label shares, adversarial kinds, duplicates."""
    id_pattern, minimum, shares = MESSAGE_FILES[name]
    seen: dict[str, str] = {}
    for item in items:
        where = f"{name}:{item.get('id')}"
        if not re.fullmatch(id_pattern, str(item.get("id", ""))):
            problems.append(f"{where}: id does not match {id_pattern}")
        if not isinstance(item.get("text"), str):
            problems.append(f"{where}: text is not a string")
            continue
        if item.get("label") not in TARGET_SHARE:
            problems.append(f"{where}: unknown label {item.get('label')!r}")
        if "channel" in item and item["channel"] not in CHANNELS:
            problems.append(f"{where}: unknown channel {item['channel']!r}")
        if set(item) - {"id", "text", "label", "channel"}:
            problems.append(
                f"{where}: unexpected keys {sorted(set(item) - {'id', 'text', 'label', 'channel'})}"
            )
        key = normalise(item["text"]) or item["text"]
        if key in seen:
            problems.append(f"{where}: same text as {seen[key]}")
        seen[key] = str(item.get("id"))
    if len(items) < minimum:
        problems.append(f"{name}: {len(items)} items, need at least {minimum}")
    counts = Counter(item.get("label") for item in items)
    for label, target in shares.items():
        share = counts[label] / len(items) if items else 0.0
        if abs(share - target) > SHARE_TOLERANCE:
            problems.append(f"{name}: {label} is {share:.1%} of items, target {target:.0%}")
    adversarial = [item["text"] for item in items if item.get("label") == "adversarial"]
    for kind, present in ADVERSARIAL_KINDS.items() if shares["adversarial"] else ():
        if not any(present(text) for text in adversarial):
            problems.append(f"{name}: no adversarial item that is {kind}")


def check_conversations(name: str, items: list[dict], problems: list[str]) -> None:
    """Fields, id pattern, turns and the expectations run_eval.py scores."""
    id_pattern, minimum = CONVERSATION_FILES[name]
    for item in items:
        where = f"{name}:{item.get('id')}"
        if not re.fullmatch(id_pattern, str(item.get("id", ""))):
            problems.append(f"{where}: id does not match {id_pattern}")
        turns = item.get("turns")
        if (
            not isinstance(turns, list)
            or not turns
            or not all(isinstance(t, str) and t.strip() for t in turns)
        ):
            problems.append(f"{where}: turns must be a non-empty list of non-empty strings")
            continue
        expect = item.get("expect")
        if not isinstance(expect, dict):
            problems.append(f"{where}: expect must be an object")
            continue
        if set(expect) - EXPECT_KEYS:
            problems.append(f"{where}: unknown expect keys {sorted(set(expect) - EXPECT_KEYS)}")
        for flag in ("record_saved", "helpline_offered"):
            if not isinstance(expect.get(flag), bool):
                problems.append(f"{where}: expect.{flag} must be true or false")
        turn = expect.get("first_emergency_turn")
        if turn is not None:
            if not isinstance(turn, int) or isinstance(turn, bool) or not 0 <= turn < len(turns):
                problems.append(f"{where}: first_emergency_turn {turn!r} is not a turn index")
            elif expect.get("record_saved") is not True:
                # DESIGN.md: an emergency creates an incident at once, before any question.
                problems.append(f"{where}: an emergency conversation must expect record_saved true")
        fields = expect.get("fields", {})
        if not isinstance(fields, dict):
            problems.append(f"{where}: expect.fields must be an object")
            continue
        if fields.get("suspect_relationship", "unknown") not in RELATIONSHIPS:
            problems.append(f"{where}: unknown suspect_relationship {fields['suspect_relationship']!r}")
        if fields.get("reporter", "self") not in REPORTERS:
            problems.append(f"{where}: unknown reporter {fields['reporter']!r}")
    if len(items) < minimum:
        problems.append(f"{name}: {len(items)} conversations, need at least {minimum}")


def texts_of(name: str, items: list[dict]) -> list[tuple[str, str]]:
    """(where, text) for every message, and for every conversation turn long enough to matter."""
    if name in MESSAGE_FILES:
        return [
            (f"{name}:{i.get('id')}", i["text"])
            for i in items
            if isinstance(i.get("text"), str) and i.get("label") not in SHARED_LABELS
        ]
    out = []
    for item in items:
        for n, turn in enumerate(item.get("turns") or []):
            if isinstance(turn, str) and len(normalise(turn).split()) >= MIN_SHARED_WORDS:
                out.append((f"{name}:{item.get('id')}[{n}]", turn))
    return out


def check_no_leak(
    tuning: list[tuple[str, str]], held_out: list[tuple[str, str]], problems: list[str]
) -> None:
    """No held-out text may appear in the tuning files, verbatim, normalised or closely paraphrased."""
    seen_raw = {text: where for where, text in tuning}
    seen_norm = {normalise(text): where for where, text in tuning if normalise(text)}
    for where, text in held_out:
        other = seen_raw.get(text) or seen_norm.get(normalise(text))
        if other:
            problems.append(f"{where}: same text as {other}")

    def words(text: str) -> frozenset[str]:
        return frozenset(normalise(text).split())

    tuning_words = [(w, words(t)) for w, t in tuning if len(words(t)) >= PARAPHRASE_MIN_WORDS]
    held_words = [(w, words(t)) for w, t in held_out if len(words(t)) >= PARAPHRASE_MIN_WORDS]
    for (held_where, held), (tune_where, tune) in product(held_words, tuning_words):
        overlap = len(held & tune) / len(held | tune)
        if overlap >= PARAPHRASE_JACCARD:
            problems.append(f"{held_where}: near-copy of {tune_where} (word overlap {overlap:.0%})")


def summarise(name: str, items: list[dict]) -> str:
    """One line of counts for the report."""
    if name in MESSAGE_FILES:
        labels = Counter(i.get("label") for i in items)
        channels = Counter(i.get("channel", "-") for i in items)
        parts = [
            f"{label} {labels[label]} ({labels[label] / max(len(items), 1):.0%})" for label in TARGET_SHARE
        ]
        return (
            f"{name:30} {len(items):4} messages: "
            + ", ".join(parts)
            + "; channels "
            + ", ".join(f"{k} {v}" for k, v in sorted(channels.items()))
        )
    expects = [i.get("expect") or {} for i in items]
    emergencies = sum(e.get("first_emergency_turn") is not None for e in expects)
    saved = sum(e.get("record_saved") is True for e in expects)
    turns = sum(len(i.get("turns") or []) for i in items)
    return (
        f"{name:30} {len(items):4} conversations ({turns} turns): {emergencies} with an emergency, "
        f"{saved} expect a saved record, {len(items) - saved} expect none"
    )


def main() -> int:
    """Run every check over the four files and print counts and problems."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=Path(__file__).resolve().parent)
    args = ap.parse_args()

    problems: list[str] = []
    loaded: dict[str, list[dict]] = {}
    for name in (*MESSAGE_FILES, *CONVERSATION_FILES):
        path = args.dir / name
        if not path.is_file():
            problems.append(f"{name}: missing")
            loaded[name] = []
            continue
        loaded[name] = read_jsonl(path, problems)
        if name in MESSAGE_FILES:
            check_messages(name, loaded[name], problems)
        else:
            check_conversations(name, loaded[name], problems)

    ids = Counter(str(item.get("id")) for items in loaded.values() for item in items)
    problems += [f"id {i!r} used {n} times across the files" for i, n in ids.items() if n > 1]

    # Everything tuned or trained on (the spent held-out sets too) against the clean held-out sets.
    learned_from = [pair for name in (*TUNING, *SPENT) for pair in texts_of(name, loaded[name])]
    clean = [pair for name in HELD_OUT if name not in SPENT for pair in texts_of(name, loaded[name])]
    check_no_leak(learned_from, clean, problems)

    for name, items in loaded.items():
        print(summarise(name, items))
    for problem in problems:
        print(f"PROBLEM {problem}")
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
