"""Text normalisation shared by the detectors.

People type in a hurry, in SMS-speak, with typos, or speak through speech-to-text with no
punctuation at all. The detectors match plain, lower-case English, so every message goes
through here first: quotes and dashes folded, accents dropped, contractions and SMS-speak
expanded ("hes outsyd rn" -> "he is outside right now"), repeated letters squashed
("heeelp" -> "help"), then split into sentences and clauses.

Every normalised token remembers the span of the user's own text it came from, so a detector
can quote the short span that triggered it. Everything here is linear in the input: one
tokenising pass and dictionary look-ups, no backtracking regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from bot.triage.typos import corrected

# A word: letters/digits with internal apostrophes ("he's", "can't", "l'aide").
# Punctuation we keep as boundaries: sentence enders, commas, dashes, new lines.
_TOKEN = re.compile(
    r"\d{1,2}[.:]\d{2}(?![\d:]|\.\d)|"  # a time or a price ("8.50", "6:30") is one word, not two sentences
    r"[^\W_]+(?:['\u2019\u2018`\u00b4][^\W_]+)*|[.!?;:\u2026\n]|[,\u2013\u2014]|\s-\s|[\U0001f52a\U0001f52b\U0001f198]|"
    r"[()]"
)

_SENTENCE_END = {".", "?", "!"}
_CLAUSE_BREAK = {","}
# Words that start a new clause in unpunctuated speech ("he was there last year but now he is here").
CONJUNCTIONS = frozenset(
    {"and", "but", "so", "because", "then", "although", "though", "whereas", "however", "plus", "also"}
)

# SMS-speak, common typos and contractions typed without an apostrophe.
_EXPANSIONS: dict[str, str] = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "youre": "you are",
    "r": "are",
    "n": "and",
    "im": "i am",
    "ive": "i have",
    "hes": "he is",
    "hez": "he is",
    "shes": "she is",
    "shez": "she is",
    "theyre": "they are",
    "thats": "that is",
    "whats": "what is",
    "wats": "what is",
    "theres": "there is",
    "wheres": "where is",
    "whos": "who is",
    "its": "it is",
    "lets": "let us",
    "cant": "can not",
    "cannot": "can not",
    "cnt": "can not",
    "carnt": "can not",
    "wont": "will not",
    "dont": "do not",
    "didnt": "did not",
    "doesnt": "does not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "couldnt": "could not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "aint": "is not",
    "rn": "right now",
    "oot": "out",  # Scots: "hes oot the front the noo, been chappin the door"
    "noo": "now",
    "chappin": "knocking",
    "chapping": "knocking",
    "rite": "right",  # "rite now", "rite outside"
    "atm": "at the moment",
    "asap": "as soon as possible",
    "2nite": "tonight",
    "2night": "tonight",
    "tonite": "tonight",
    "nite": "night",
    "2nyt": "tonight",
    "tonyt": "tonight",
    "2day": "today",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tomoz": "tomorrow",
    "b4": "before",
    "pls": "please",
    "plz": "please",
    "pleez": "please",
    "plse": "please",
    "bc": "because",
    "bcos": "because",
    "bcoz": "because",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "becuz": "because",
    "becos": "because",
    "bcuz": "because",
    "gonna": "going to",
    "gunna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "ppl": "people",
    "txt": "text",
    "txts": "texts",
    "txted": "texted",
    "txting": "texting",
    "msg": "message",
    "msgs": "messages",
    "thru": "through",
    "wiv": "with",
    "wif": "with",
    "abt": "about",
    "bout": "about",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "hubby": "husband",
    "bro": "brother",
    "sis": "sister",
    "sum1": "someone",
    "some1": "someone",
    "sumone": "someone",
    "no1": "no one",
    "noone": "no one",
    "every1": "everyone",
    "any1": "anyone",
    "smth": "something",
    "sumthin": "something",
    "thr": "the",
    "gna": "going to",
    "tryin": "trying",
    "daw": "door",
    "w": "with",
    "hr": "hour",
    "hrs": "hours",
    "mans": "man is",
    "thurs": "thursday",
    "thur": "thursday",
    "tues": "tuesday",
    "weds": "wednesday",
    "fri": "friday",
    "kickin": "kicking",
    "wi": "with",
    "teh": "the",
    "tge": "the",
    "yhe": "the",
    "rhe": "the",
    "outsyd": "outside",
    "outsid": "outside",
    "outsde": "outside",
    "outsie": "outside",
    "ouside": "outside",
    "outisde": "outside",
    "otside": "outside",
    "oustide": "outside",
    "outsdie": "outside",
    "outide": "outside",
    "outsyde": "outside",
    "owtside": "outside",
    "folowing": "following",
    "follwing": "following",
    "folloing": "following",
    "followng": "following",
    "foloing": "following",
    "folowin": "following",
    "folowed": "followed",
    "follwed": "followed",
    "folowd": "followed",
    "follow'n": "following",
    "dor": "door",
    "dore": "door",
    "frnt": "front",
    "wndow": "window",
    "windw": "window",
    "hous": "house",
    "hse": "house",
    "nw": "now",
    "noe": "now",
    "w8": "wait",
    "w8ing": "waiting",
    "w8in": "waiting",
    "cmin": "coming",
    "cumin": "coming",
    "comming": "coming",
    "thretened": "threatened",
    "threatend": "threatened",
    "thretend": "threatened",
    "threatnd": "threatened",
    "thretening": "threatening",
    "kil": "kill",
    "kild": "killed",
    "nife": "knife",
    "knif": "knife",
    "tlk": "talk",
    "spk": "speak",
    "hidin": "hiding",
    "hidding": "hiding",
    "scard": "scared",
    "scaredd": "scared",
    "terified": "terrified",
    "pleeease": "please",
    "hlp": "help",
    "halp": "help",
    "polic": "police",
    "plice": "police",
    "bak": "back",
    "agen": "again",
    "agn": "again",
    "gud": "good",
    "ok": "okay",
    "k": "okay",
    "ex's": "ex",
    "dnt": "do not",
    "wen": "when",
    "wot": "what",
    "wat": "what",
    "tho": "though",
    "yday": "yesterday",
    "yest": "yesterday",
    "yesturday": "yesterday",
    "someones": "someone is",
    "somebodys": "somebody is",
    "some1s": "someone is",
    "sum1s": "someone is",
    "wk": "week",
    "wks": "weeks",
    "yr": "year",
    "yrs": "years",
    "mnth": "month",
    "mnths": "months",
}

# Apostrophe contractions (after quote folding).
_NT_IRREGULAR = {"can't": "can not", "won't": "will not", "ain't": "is not", "shan't": "shall not"}
_SUFFIXES = {"'re": "are", "'m": "am", "'ll": "will", "'ve": "have", "'d": "would"}
_S_IS_SUBJECTS = frozenset(
    {
        "he",
        "she",
        "it",
        "that",
        "there",
        "here",
        "who",
        "what",
        "where",
        "someone",
        "somebody",
        "everyone",
        "everybody",
        "nobody",
        "today",
        "tonight",
        "now",
        "this",
        "how",
        "why",
        "when",
    }
)
# After a noun, "'s" means "is" when one of these follows ("his car's outside"); else possessive.
_S_IS_NEXT = frozenset(
    {
        "outside",
        "at",
        "in",
        "here",
        "there",
        "back",
        "on",
        "parked",
        "sat",
        "sitting",
        "standing",
        "stood",
        "been",
        "gone",
        "got",
        "not",
        "just",
        "still",
        "the",
        "a",
        "following",
        "behind",
        "coming",
        "waiting",
        "watching",
        "again",
        "now",
        "by",
        "near",
        "across",
        "over",
        "round",
        "around",
        "always",
        "never",
        "driving",
        "walking",
        "banging",
        "knocking",
        "trying",
        "downstairs",
        "upstairs",
        "inside",
        "right",
        "out",
        "up",
        "down",
        "next",
        "lurking",
        "hanging",
        "going",
    }
)
# "he's been", "he's taken" = "he has ..." (these past participles never follow "is" in our texts).
_HAS_AFTER_IS = frozenset(
    {
        "been",
        "got",
        "gone",
        "taken",
        "took",
        "broken",
        "smashed",
        "left",
        "punched",
        "followed",
        "come",
        "threatened",
        "sent",
        "stolen",
        "kicked",
        "grabbed",
        "attacked",
        "strangled",
        "choked",
        "arrived",
        "turned",
        "told",
        "said",
        "messaged",
        "texted",
        "called",
        "rung",
        "posted",
        "hacked",
        "tracked",
        "damaged",
        "thrown",
        "driven",
        "walked",
        "shown",
        "started",
        "stopped",
        "moved",
        "found",
        "seen",
        "written",
        "hit",
        "snatched",
        "put",
        "brought",
        "headbutted",
        "kidnapped",
        "abducted",
        "climbed",
    }
)

# Dropped final g ("waitin", "bangin"): add it back, except for real words ending in -in.
_IN_EXCEPTIONS = frozenset(
    {
        "within",
        "begin",
        "cousin",
        "margin",
        "cabin",
        "robin",
        "basin",
        "raisin",
        "violin",
        "admin",
        "martin",
        "kevin",
        "dublin",
        "berlin",
        "austin",
        "latin",
        "muffin",
        "toxin",
        "napkin",
        "pumpkin",
        "penguin",
        "satin",
        "sequin",
        "origin",
        "herein",
        "therein",
        "goblin",
        "coffin",
        "insulin",
        "heroin",
        "aspirin",
        "dolphin",
        "resin",
        "kelvin",
        "gavin",
        "colin",
        "justin",
        "erin",
        "lin",
        "merlin",
        "darwin",
        "baldwin",
        "tin",
        "bin",
        "pin",
        "win",
        "sin",
        "fin",
        "kin",
        "din",
        "gin",
        "akin",
        "chin",
        "thin",
        "spin",
        "twin",
        "skin",
        "grin",
        "shin",
        "dustbin",
        "wheelie",
        "tintin",
        "mandolin",
        "javelin",
        "vitamin",
        "assassin",
        "chaplin",
        "bulletin",
        "cretin",
        "paraffin",
        "bodkin",
        "catkin",
        "gremlin",
        "ruin",
        "bruin",
        "pomocy",
        "ajutor",
        "ayuda",
        "kevin's",
        "franklin",
        "lincoln",
    }
)
# Emoji that carry the message: 🔪 is a knife, 🆘 a call for help. Read as tokens in place, so
# the evidence quoted from the original text still lines up.
_EMOJI_WORDS = {"\U0001f52a": "knife", "\U0001f52b": "gun", "\U0001f198": "sos"}
_ABBREVIATIONS = frozenset({"no", "mr", "mrs", "ms", "dr", "st", "nr", "flat", "apt", "approx", "etc", "vs"})
_AMOUNT = re.compile(r"(\d+)(hrs?|hours?|mins?|minutes?|m|h|secs?)")
_UNITS = {
    "hr": "hour",
    "hrs": "hours",
    "hour": "hour",
    "hours": "hours",
    "h": "hours",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minute",
    "minutes": "minutes",
    "m": "minutes",
    "sec": "seconds",
    "secs": "seconds",
}
_SHORT_IN = {"doin": "doing", "goin": "going", "bein": "being"}

# Words a detector must recognise even after "heeelp"-style stretching.
_KNOWN = frozenset(
    {
        "help",
        "now",
        "please",
        "door",
        "outside",
        "here",
        "he",
        "she",
        "is",
        "so",
        "no",
        "stop",
        "god",
        "scared",
        "kill",
        "knife",
        "police",
        "me",
        "hes",
        "plz",
        "pls",
        "window",
        "house",
        "home",
        "back",
        "again",
        "run",
        "hide",
        "hiding",
        "quick",
        "quickly",
        "fast",
        "yes",
        "sos",
        "omg",
        "hurry",
        "off",
    }
)

_SQUASH = re.compile(r"([^\W\d])\1{2,}")  # letters only: "999" stays 999
# Letters NFKD does not decompose ("ł", dotless "ı"), folded so other languages match plainly.
_QUOTE_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u00df": "ss",
        "\u0142": "l",
        "\u0141": "l",
        "\u0131": "i",
        "\u00f8": "o",
        "\u0111": "d",
    }
)


@dataclass(frozen=True)
class Segment:
    """One sentence, normalised, with the way back to the user's own words.

    `text` is space-separated normalised tokens (commas kept as ","). `clauses` are the
    (start, end) character ranges of `text` between commas and conjunctions.
    """

    text: str
    token_starts: tuple[int, ...]  # start of each token in `text`
    origin: tuple[tuple[int, int], ...]  # the original span each token came from
    clauses: tuple[tuple[int, int], ...]
    ends_with_question: bool
    exclamations: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original message covered by `text[start:end]`."""
        first = max(bisect_right(self.token_starts, start) - 1, 0)
        last = max(bisect_right(self.token_starts, max(end - 1, start)) - 1, first)
        return self.origin[first][0], self.origin[last][1]

    def clause_at(self, position: int) -> tuple[int, int]:
        """The clause range of `text` that contains `position`."""
        for start, end in self.clauses:
            if start <= position <= end:
                return start, end
        return 0, len(self.text)


def fold(word: str) -> str:
    """Lower-case, drop accents and fold curly quotes in one word."""
    word = word.translate(_QUOTE_FOLD).lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _squash(word: str) -> str:
    if not _SQUASH.search(word):
        return word
    double = _SQUASH.sub(r"\1\1", word)
    single = _SQUASH.sub(r"\1", word)
    single_all = re.sub(r"(.)\1+", r"\1", word)
    for candidate in (double, single, single_all):
        if candidate in _KNOWN or candidate in _EXPANSIONS:
            return candidate
    return double


def _expand_word(word: str) -> list[str]:
    """One folded word to its normalised words (contractions and SMS-speak expanded)."""
    word = _squash(word)
    if word in _EXPANSIONS:
        return _EXPANSIONS[word].split()
    word = corrected(word)
    if "'" in word:
        if word in _NT_IRREGULAR:
            return _NT_IRREGULAR[word].split()
        if word.endswith("n't"):
            return [word[:-3], "not"]
        for suffix, full in _SUFFIXES.items():
            if word.endswith(suffix):
                return [*_expand_word(word[: -len(suffix)]), full]
        if word.endswith("'s"):
            stem = word[:-2]
            if stem in _S_IS_SUBJECTS:
                return [stem, "is"]
            return [stem, "'s"]  # resolved against the next word in `_resolve_s`
        return [part for part in word.split("'") if part]
    if word in _SHORT_IN:
        return [_SHORT_IN[word]]
    amount = _AMOUNT.fullmatch(word)
    if amount:  # "1hr", "20mins", "10m"
        return [amount.group(1), _UNITS[amount.group(2)]]
    if (
        len(word) >= 5
        and word.endswith("in")
        and word[-3] not in "aeiou"
        and word not in _IN_EXCEPTIONS
        and word.isalpha()
        and word.isascii()
    ):
        return [word + "g"]
    return [word]


# "-ed" words that describe a state after "is just" ("he's just parked there"), not "has".
_STATES = frozenset(
    {
        "parked",
        "sat",
        "stood",
        "scared",
        "terrified",
        "tired",
        "worried",
        "obsessed",
        "armed",
        "locked",
        "drunk",
        "pissed",
        "annoyed",
        "confused",
    }
)


def _is_to_has(words: list[str]) -> list[str]:
    """ "he is been" (from "he's been") is "he has been"."""
    out = list(words)
    for i, word in enumerate(words):
        if word != "is" or i + 1 >= len(words):
            continue
        nxt = words[i + 1]
        after = words[i + 2] if i + 2 < len(words) else ""
        # "he's just snatched ..." is "he has just ...": after "just", an -ed form is a past participle.
        if nxt in _HAS_AFTER_IS or (
            nxt in ("just", "already", "now")
            and (after in _HAS_AFTER_IS or (nxt == "just" and after.endswith("ed") and after not in _STATES))
        ):
            out[i] = "has"
    return out


# Words split in two by speech-to-text or a slip of the thumb ("out side", "a way").
_PAIR_MERGES: dict[tuple[str, str], str] = {
    ("out", "side"): "outside",
    ("in", "side"): "inside",
    ("down", "stairs"): "downstairs",
    ("up", "stairs"): "upstairs",
    ("door", "step"): "doorstep",
    ("some", "one"): "someone",
    ("some", "body"): "somebody",
    ("no", "body"): "nobody",
    ("to", "night"): "tonight",
    ("any", "more"): "anymore",
    ("near", "by"): "nearby",
}


def _merge_pairs(items: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    merged: list[tuple[str, tuple[int, int]]] = []
    for word, span in items:
        if merged:
            joined = _PAIR_MERGES.get((merged[-1][0], word))
            if joined:
                merged[-1] = (joined, (merged[-1][1][0], span[1]))
                continue
        merged.append((word, span))
    return merged


# Speech-to-text and fast typing: "his at the door" is "he's at the door", "is hear" is "is here".
_HIS_MEANS_HE_IS = frozenset(
    {
        "here",
        "hear",
        "outside",
        "at",
        "in",
        "on",
        "behind",
        "following",
        "trying",
        "coming",
        "banging",
        "knocking",
        "downstairs",
        "upstairs",
        "inside",
        "there",
        "still",
        "sat",
        "stood",
        "standing",
        "sitting",
        "parked",
        "waiting",
        "watching",
        "kicking",
        "hitting",
        "got",
    }
)
_OWNER_BEFORE = frozenset(
    {"of", "to", "with", "from", "in", "on", "at", "by", "for", "into", "onto", "about"}
)


_VERBS_AFTER_TO = frozenset(
    {
        "get",
        "go",
        "be",
        "kill",
        "come",
        "break",
        "see",
        "talk",
        "do",
        "hurt",
        "take",
        "find",
        "leave",
        "let",
        "speak",
    }
)
_NOUN_IS = {"gfs": "girlfriend", "bfs": "boyfriend", "exs": "ex", "hubbys": "husband"}
_OWNERS = frozenset({"his", "her", "their", "the", "that", "this", "same"})
_WHERE_NEXT = frozenset(
    {"outside", "here", "back", "parked", "at", "across", "opposite", "on", "in", "again"}
)


def _joined_letters(items: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    """ "h e l p" typed a letter at a time is "help"."""
    out: list[tuple[str, tuple[int, int]]] = []
    run: list[tuple[str, tuple[int, int]]] = []
    for item in [*items, (",", (0, 0))]:
        if len(item[0]) == 1 and item[0].isalpha() and item[0] not in ("i", "a"):
            run.append(item)
            continue
        if len(run) >= 3:
            out.append(("".join(w for w, _ in run), (run[0][1][0], run[-1][1][1])))
        else:
            out.extend(run)
        run = []
        out.append(item)
    return out[:-1]


def _spoken(items: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    """Undo what speech-to-text and panic do to a sentence: stutters, "his at", "is hear"."""
    out: list[tuple[str, tuple[int, int]]] = []
    for word, span in items:
        out.append((word, span))
        for size in (1, 2):  # "he's he's at the door", "i i can't"
            tail = [w for w, _ in out[-size:]]
            repeated = len(out) >= 2 * size and tail == [w for w, _ in out[-2 * size : -size]]
            if repeated and all(w.isalpha() and w != "help" for w in tail):
                del out[-size:]
                break
    out = _joined_letters(out)
    fixed: list[tuple[str, tuple[int, int]]] = []
    for i, (word, span) in enumerate(out):
        following = out[i + 1][0] if i + 1 < len(out) else ""
        previous = fixed[-1][0] if fixed else ""
        if word == "2" and following in _VERBS_AFTER_TO:  # "trying 2 get in"
            fixed.append(("to", span))
            continue
        if word == "4" and following in (
            "me",
            "you",
            "u",
            "him",
            "her",
            "us",
            "them",
            "the",
        ):  # "call police 4 me"
            fixed.append(("for", span))
            continue
        if word in ("cars", "vans") and previous in _OWNERS and following in _WHERE_NEXT:
            fixed.extend(((word[:-1], span), ("is", span)))  # "his cars outside"
            continue
        if word in _NOUN_IS and following in _WHERE_NEXT:
            fixed.extend(((_NOUN_IS[word], span), ("is", span)))  # "my ex gfs outside"
            continue
        if word == "his" and following in _HIS_MEANS_HE_IS and previous not in _OWNER_BEFORE:
            fixed.extend((("he", span), ("is", span)))
        elif word == "hear" and previous in ("is", "are", "am"):
            fixed.append(("here", span))
        else:
            fixed.append((word, span))
    return fixed


def _build_segment(items: list[tuple[str, tuple[int, int]]], question: bool, bangs: int) -> Segment | None:
    items = _merge_pairs(items)
    words = [w for w, _ in items]
    if not any(w != "," for w in words):
        return None
    # Resolve "'s" and "is been" on the word list while keeping origins aligned.
    resolved: list[tuple[str, tuple[int, int]]] = []
    for i, (word, span) in enumerate(items):
        if word == "'s":
            nxt = items[i + 1][0] if i + 1 < len(items) else ""
            if nxt in _S_IS_NEXT:
                resolved.append(("has" if nxt in _HAS_AFTER_IS else "is", span))
            continue
        resolved.append((word, span))
    resolved = _spoken(resolved)
    fixed = _is_to_has([w for w, _ in resolved])
    starts: list[int] = []
    pieces: list[str] = []
    clauses: list[tuple[int, int]] = []
    position = 0
    clause_start = 0
    for word in fixed:
        if word == "," or word in CONJUNCTIONS:
            if position > clause_start:
                clauses.append((clause_start, max(position - 1, clause_start)))
            clause_start = position
        starts.append(position)
        pieces.append(word)
        position += len(word) + 1
    text = " ".join(pieces)
    clauses.append((clause_start, len(text)))
    return Segment(
        text=text,
        token_starts=tuple(starts),
        origin=tuple(span for _, span in resolved),
        clauses=tuple(clauses),
        ends_with_question=question,
        exclamations=bangs,
    )


# An aside in brackets that says when or whether ("(right now)", "(not any more)") stays in its
# sentence; any other aside of a few words is a sentence of its own, after it: "My neighbour (the one
# I've reported before) is currently stood in my kitchen" is read as the neighbour in the kitchen.
_ASIDE_MIN_WORDS = 3
_ASIDE_KEPT_IN = frozenset(
    {"now", "not", "no", "never", "last", "ago", "yesterday", "tonight", "today", "again", "still", "rn"}
    | {"anymore", "currently", "outside", "here"}
)


def _aside_apart(aside: list[tuple[str, tuple[int, int]]]) -> bool:
    words = [w for w, _ in aside if w != ","]
    return len(words) >= _ASIDE_MIN_WORDS and not any(w in _ASIDE_KEPT_IN for w in words)


def segments(text: str) -> list[Segment]:
    """Split a message into normalised sentences (see `Segment`)."""
    result: list[Segment] = []
    items: list[tuple[str, tuple[int, int]]] = []
    asides: list[list[tuple[str, tuple[int, int]]]] = []  # bracketed asides read after their sentence
    aside_from: int | None = None  # where in `items` the open bracket's aside starts
    bangs = 0
    for match in _TOKEN.finditer(text):
        raw = match.group()
        span = (match.start(), match.end())
        stripped = raw.strip()
        if raw == "(":
            aside_from = len(items)
            continue
        if raw == ")":
            if aside_from is not None and _aside_apart(items[aside_from:]):
                asides.append(items[aside_from:])
                del items[aside_from:]
            aside_from = None
            continue
        if stripped == "." and items and items[-1][0] in _ABBREVIATIONS:
            continue  # "no. 12", "Dr. Shah": not the end of a sentence
        if stripped in _SENTENCE_END or stripped in (";", ":", "\u2026", "") or raw == "\n":
            if stripped == "!":
                bangs += 1
            if raw == "\n" or stripped in _SENTENCE_END or stripped in (";", ":", "\u2026"):
                segment = _build_segment(items, stripped == "?", bangs)
                if segment is not None:
                    result.append(segment)
                    items = []
                    bangs = 0
                aside_from = None  # an unclosed bracket ends with its sentence
                result.extend(_asides(asides))
                asides = []
            continue
        if stripped in _CLAUSE_BREAK or stripped in ("\u2013", "\u2014", "-"):
            if items and items[-1][0] != ",":
                items.append((",", span))
            continue
        for word in [_EMOJI_WORDS[raw]] if raw in _EMOJI_WORDS else _expand_word(fold(raw)):
            items.append((word, span))
    segment = _build_segment(items, False, bangs)
    if segment is not None:
        result.append(segment)
    result.extend(_asides(asides))
    return result


def _asides(asides: list[list[tuple[str, tuple[int, int]]]]) -> list[Segment]:
    built = (_build_segment(aside, False, 0) for aside in asides)
    return [segment for segment in built if segment is not None]


def normalise(text: str) -> str:
    """The whole message normalised, sentences joined with " . " (handy for lexicon matching)."""
    return " . ".join(segment.text for segment in segments(text))


def words_of(text: str) -> list[str]:
    """Normalised words of a message, punctuation dropped."""
    return [w for w in normalise(text).split() if w not in (",", ".")]
