"""Danger in other languages: compact word lists and one rule of thumb (GUIDE.md §2).

Many callers write in their first language. For a message that is mostly not English, we look
for a handful of word classes per language (`danger_languages.py`): a now-word, following, at the
door / outside / in the house, a weapon, kill, help, hiding, a child, an assault, "I can't speak",
suicide, past-time and routine words, negations. The rule of thumb:

- a help word is a call for help when the message is short or names a danger too;
- following or a place (at the door, outside) in the present tense is an emergency, as in English;
  a threat to kill needs a now-word ("he said he'd kill me" is a report);
- a weapon, hiding, trying to get in, an assault, "I can't speak", suicide, a child taken
  (present tense, the usual form) is an emergency unless a past word is there;
- a past word ("yesterday", "last week", "was") and no now-word: not now; a routine word
  ("every day") and no now-word: a pattern, not now; prison or abroad: not near; a question
  with "if" ("¿qué hago si me sigue?") asks, it does not report;
- a danger phrase with a negation of its own language next to it does not count, and "I am at
  home" is the writer's place, not the stalker's.

Linear: one pass to fold and split, one regular expression per language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.triage.danger_languages import LEXICONS
from bot.triage.lexicon import HABITUAL_WORDS, PAST_WORDS
from bot.triage.text import fold

# Common English words: a message made mostly of these is English and left to the English rules.
_ENGLISH = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "it",
        "its",
        "a",
        "an",
        "the",
        "this",
        "that",
        "and",
        "or",
        "but",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "up",
        "down",
        "out",
        "off",
        "over",
        "into",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "yes",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "must",
        "just",
        "now",
        "here",
        "there",
        "what",
        "when",
        "where",
        "who",
        "why",
        "how",
        "all",
        "some",
        "any",
        "please",
        "help",
        "call",
        "police",
        "someone",
        "somebody",
        "outside",
        "door",
        "window",
        "house",
        "home",
        "car",
        "follow",
        "following",
        "followed",
        "knife",
        "gun",
        "kill",
        "hurt",
        "scared",
        "again",
        "still",
        "right",
        "today",
        "tonight",
        "yesterday",
        "back",
        "come",
        "coming",
        "going",
        "go",
        "get",
        "got",
        "see",
        "saw",
        "know",
        "think",
        "want",
        "need",
        "tell",
        "said",
        "says",
        "ex",
        "man",
        "woman",
        "guy",
        "people",
        "one",
        "two",
        "okay",
        "hi",
        "hello",
        "thanks",
        "thank",
        "sorry",
        "very",
        "really",
        "too",
        "also",
        "then",
        "than",
        "if",
        "as",
        "about",
        "after",
        "before",
        "because",
        "like",
        "well",
        "way",
        "time",
        "day",
        "night",
        "week",
        "month",
        "year",
        "work",
        "school",
        "kids",
        "son",
        "daughter",
        "phone",
        "message",
        "text",
        "again",
        "being",
        "keep",
        "keeps",
        "won't",
        "don't",
    ]
)
# Vowel signs and other combining marks (Devanagari, Bengali, Gurmukhi, Tamil, ...) belong to their
# word: \w alone would cut "बचाओ" at every vowel sign.
_MARKS = "".join(
    chr(code) for code in range(0x0300, 0x3000) if unicodedata.category(chr(code)) in ("Mn", "Mc")
)
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[" + re.escape(_MARKS) + r"])*")
_CJK = re.compile(r"([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])")  # written without spaces: one word each
_NON_LATIN = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0750-\u077f\u0900-\u0dff\u1200-\u137f"
    r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\ufb50-\ufdff\ufe70-\ufeff]"
)
_CLASSES = (
    "now",
    "follow",
    "place",
    "entry",
    "weapon",
    "kill",
    "help",
    "hiding",
    "child",
    "past",
    "assault",
    "mute",
    "suicide",
    "pills",
    "taken",
    "habit",
    "away",
    "if",
)
# Danger classes a nearby negation takes back: "nie ma go pod domem", "وہ باہر نہیں ہے".
_NEGATABLE = frozenset({"follow", "place", "entry", "weapon", "kill", "hiding", "assault", "taken"})
_NEG_BEFORE_REACH = 2  # words: "il n'est pas devant chez moi", "nie jest pod drzwiami"
_NOW_TAKEN_BACK_REACH = 3  # words: "stasera per fortuna non"
_NEG_AFTER_REACH = 2  # words: "baahar nahi hai", "kapıda değil"
_ENGLISH_ROUTINE = re.compile(HABITUAL_WORDS)
_ENGLISH_PAST = re.compile(PAST_WORDS)
_SHARE_OF_BEST = 2  # a language counts when it has at least half as many phrases as the best one
_MAX_FOREIGN_CHARS = 20_000  # a longer message is read by its first 20,000 characters here


def _words(text: str) -> list[str]:
    """Folded words; Chinese characters one by one, zero-width joiners read as spaces."""
    text = _CJK.sub(r" \1 ", fold(text.replace("\u200c", " ").replace("\u200d", "")))
    return _WORD.findall(text)


@dataclass(frozen=True)
class _Language:
    """One language's phrases as a single pattern, and the classes each phrase belongs to."""

    pattern: re.Pattern[str]
    classes_of: dict[str, frozenset[str]]  # folded phrase -> its classes
    prefixes: tuple[tuple[str, frozenset[str]], ...]  # phrases ending in *: (folded stem, classes)

    def classes(self, found: str) -> frozenset[str]:
        if found in self.classes_of:
            return self.classes_of[found]
        return frozenset(c for stem, classes in self.prefixes if found.startswith(stem) for c in classes)


def _language(lexicon: dict[str, tuple[str, ...]]) -> _Language:
    classes_of: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    for word_class, phrases in lexicon.items():
        for phrase in phrases:
            folded = " ".join(_words(phrase))
            if folded:
                (prefixes if phrase.endswith("*") else classes_of).setdefault(folded, set()).add(word_class)
    alternatives = [re.escape(p) for p in classes_of] + [re.escape(p) + r"[^ ]*" for p in prefixes]
    alternation = "|".join(sorted(alternatives, key=len, reverse=True))
    return _Language(
        pattern=re.compile(r"(?<![^ ])(?:" + alternation + r")(?![^ ])"),
        classes_of={p: frozenset(c) for p, c in classes_of.items()},
        prefixes=tuple((p, frozenset(c)) for p, c in prefixes.items()),
    )


_LANGUAGES = tuple(_language(lexicon) for lexicon in LEXICONS.values())


def mostly_foreign(text: str) -> bool:
    """Whether a message is mostly not English (non-Latin script, or few common English words)."""
    words = _words(text[:2000])
    if not words:
        return False
    if len(_NON_LATIN.findall(text[:2000])) * 2 > sum(len(w) for w in words):
        return True
    english = sum(1 for w in words if w in _ENGLISH)
    return english * 2 <= len(words)


def foreign_classes(text: str) -> frozenset[str]:
    """The word classes (now, follow, place, ...) present in a message, matched on folded words.

    Each language is read on its own: its longest phrases first (so "I am at home" is taken
    whole, before "at home" could count as the stalker's place), and its own negations take back
    the danger phrases next to them. Only the languages the message is most written in count:
    Romanian "nu" (not) is Dutch for "now".
    """
    joined = " ".join(_words(text[:_MAX_FOREIGN_CHARS]))
    readings = []
    for language in _LANGUAGES:
        hits = []  # (first word, end word, classes)
        for match in language.pattern.finditer(joined):
            first = joined.count(" ", 0, match.start())
            hits.append((first, first + match.group().count(" ") + 1, language.classes(match.group())))
        if hits:
            readings.append(hits)
    most = max((len(hits) for hits in readings), default=0)
    found: set[str] = set()
    # A word read by a language that explains more of the message is not read again by another:
    # in Romanian "nu e o urgență, dar ... mă urmărește", "nu" is "not", not Dutch "now".
    claimed: dict[int, int] = {}  # word index -> how many phrases the language that read it has
    for hits in sorted(readings, key=len, reverse=True):
        size = len(hits)
        if size * _SHARE_OF_BEST < most:
            continue
        hits = [hit for hit in hits if all(claimed.get(i, 0) <= size for i in range(hit[0], hit[1]))]
        claimed.update((i, size) for first, end, _ in hits for i in range(first, end))
        before = [end for _, end, classes in hits if "neg" in classes]
        after = [first for first, _, classes in hits if "neg_after" in classes]
        safe = [(first, end) for first, end, classes in hits if "self" in classes]
        taken_back: list[int] = []  # where negated danger phrases end
        for first, end, classes in hits:
            negated = any(first - _NEG_BEFORE_REACH <= n <= first for n in before) or any(
                end <= n < end + _NEG_AFTER_REACH for n in after
            )
            if negated and classes & _NEGATABLE:
                taken_back.append(end)
            # "nu e aici acum": the now-word belongs to the negation ("he's not here now"), as it
            # does when a negation follows it ("stasera per fortuna no", "teraz nie ma go")
            if classes == {"now"} and (
                first in taken_back
                or any(end < n <= end + _NOW_TAKEN_BACK_REACH for n in before)
                # "abhi nahi hai", "এখন সে নেই", "şu an yanımda değil": not here now
                or any(end <= n < end + _NOW_TAKEN_BACK_REACH for n in after)
                # "dydy o ddim yma rŵan", "nie ma go teraz": a negation just before it
                or any(0 <= first - n <= 2 for n in before)
            ):
                continue
            # "ahora estoy en casa", "abhi main ghar pe hoon", "dabar esu saugi": the now-word
            # dates where the writer is, not the danger
            if classes == {"now"} and any(
                end <= s_first <= end + _NOW_TAKEN_BACK_REACH or s_end <= first <= s_end + 1
                for s_first, s_end in safe
            ):
                continue
            found.update(c for c in classes if c in _CLASSES and not (negated and c in _NEGATABLE))
    # English time words in a mixed message ("nu e aici acum, dar vine every weekend")
    if _ENGLISH_ROUTINE.search(joined):
        found.add("habit")
    if _ENGLISH_PAST.search(joined):
        found.add("past")
    return frozenset(found)


_ONLINE = re.compile(
    r"instagram|insta\b|facebook|tiktok|snapchat|twitter|linkedin|whatsapp|youtube|online|internet|telegram|"
    # an app ("через приложение", "przez aplikację"): tracked on a phone, not followed in the street
    r"\bapp\b|приложени|aplikacj|aplicaci|aplicativo|uygulama",
    re.IGNORECASE,
)
_QUESTION_MARKS = ("?", "\u061f", "\uff1f")  # Latin, Arabic-script and full-width question marks
_SHORT_CRY = 8  # words
_DANGER_CLASSES = frozenset(
    {"follow", "place", "entry", "weapon", "kill", "hiding", "assault", "mute", "suicide", "taken"}
)


def is_not_now_foreign(found: frozenset[str]) -> bool:
    """A past or routine word and no now-word ("yesterday", "bob dydd"): not what is happening now."""
    return bool(found & {"past", "habit"}) and "now" not in found


_SENTENCE_BREAK = re.compile(r"(?<=[.!?\u061f\u3002\u0964])\s+|\n+")


Sentences = list[tuple[str, frozenset[str]]]  # each sentence of a message with its own word classes


def _read_sentences(text: str) -> Sentences:
    return [(sentence, foreign_classes(sentence)) for sentence in _SENTENCE_BREAK.split(text)]


def _threat_frame(sentences: Sentences, said: str) -> str:
    """A threat's frame; past when every sentence with the threat in it is dated and has no now-word.

    "Mi ex me amenazó hace dos meses con matarme. Ahora me escribe desde cuentas falsas": the now
    belongs to the messages, the threat was two months ago.
    """
    if said != "now":
        return said
    with_threat = [c for _, c in sentences if "kill" in c]
    if with_threat and all("past" in c and "now" not in c for c in with_threat):
        return "past"
    return said


def _own_sentence_frame(sentences: Sentences, word_class: str, frame: str) -> str:
    """Now when a sentence naming the danger has no past or routine word of its own.

    "woh roz follow karta hai ... maine blade le liya hai, aaj khatam karna hai": the daily
    following is a routine, the blade and "today" are not.
    """
    if any(word_class in c and not c & {"past", "habit"} for _, c in sentences):
        return "now"
    return frame


def _followed_online(sentences: Sentences) -> bool:
    """Every sentence that says he follows also names where online, and has no now-word of its own."""
    with_follow = [(s, c) for s, c in sentences if "follow" in c]
    return bool(with_follow) and all(_ONLINE.search(s) and "now" not in c for s, c in with_follow)


def foreign_danger(text: str, found: frozenset[str] | None = None) -> list[tuple[str, str]]:
    """Danger in a mostly non-English message: (kind, frame) pairs by the rule of thumb above.

    `found` is `foreign_classes(text)` when the caller already has it.
    """
    if not mostly_foreign(text):
        return []
    found = foreign_classes(text) if found is None else found
    question = any(mark in text for mark in _QUESTION_MARKS)
    if "if" in found and question:
        return []  # a question: "what do I do if he follows me?"
    # about stalking, not a report of it: "请问跟踪骚扰求助热线几点开门？" (what time does the helpline open?)
    asked = question and "now" not in found and not found & (_DANGER_CLASSES - {"follow"})
    now = "now" in found
    # each sentence read once, for the dangers judged by their own sentence (below)
    sentences = _read_sentences(text) if found & _DANGER_CLASSES else []
    frame = "now" if now or "past" not in found else "past"
    if "habit" in found and not now:
        frame = "habitual"
    # Where he is, said in the present tense, is now (as "he's outside" is in English); what he
    # said he would do needs a now-word.
    here = frame if "away" not in found else "negated"
    said = "now" if now else "past" if "past" in found else "habitual"
    signals: list[tuple[str, str]] = []
    # "I need help with..." opens many calm messages; a help word is a cry for help when the
    # message is short or names a danger too.
    if "help" in found and (len(_words(text[:2000])) <= _SHORT_CRY or found & _DANGER_CLASSES):
        signals.append(("call_for_help", frame))
    for word_class, kind in (
        ("weapon", "weapon"),
        ("hiding", "hiding"),
        ("entry", "entry_attempt"),
        ("assault", "assault"),
        ("mute", "cannot_speak"),
        ("suicide", "suicidal"),
    ):
        if word_class in found:
            signals.append((kind, _own_sentence_frame(sentences, word_class, frame)))
    if "pills" in found and now:
        signals.append(("suicidal", "now"))
    # "ele me segue no Instagram": following online, with nothing worse near and no now-word, or the
    # now-word in another sentence ("seka mano Instagram. Jis dabar Lietuvoje")
    online = (
        bool(_ONLINE.search(text))
        and not found & (_DANGER_CLASSES - {"follow"})
        and (not now or _followed_online(sentences))
    )
    if "follow" in found and not online:
        signals.append(("followed_now", here))
    if "place" in found:
        signals.append(("suspect_present", here))
    if "kill" in found:
        threat_frame = _threat_frame(sentences, said) if "away" not in found else "negated"
        signals.append(("threat_imminent", threat_frame))
    if "child" in found and "taken" in found:
        signals.append(("child_in_danger", frame))
    elif "child" in found and found & {"follow", "place", "kill", "weapon"}:
        signals.append(("child_in_danger", here))
    if asked:
        return [(kind, "hypothetical" if frame == "now" else frame) for kind, frame in signals]
    return signals
