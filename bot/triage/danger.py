"""Is this person in danger right now? The emergency detector (GUIDE.md §2).

`detect(text)` reads one message and returns the danger signals it found, each with the short
span of the user's own words that triggered it. A signal counts as *now* unless its clause
says otherwise: negated ("he's not outside"), past ("two weeks ago he said he'd kill me"),
routine ("he waits outside every day"), or hypothetical ("what should I do if he turns up?").
Those mentions are kept apart in `past_or_negated` because they still matter for risk.

Design choices, because a missed emergency can cost a life:
- Recall first. Present-tense presence ("he's outside", "his car's outside work again") is an
  emergency without any alarm word. When the person plays it down ("not an emergency but
  he's sat outside") it is still an emergency; `minimised` records that they said so.
- Signals are matched on whole sentences (so speech-to-text without punctuation still works)
  while negation, tense and "if" are judged within the clause around the match.
- Pure standard library and linear in the input: regular expressions run per sentence and
  have no nested unbounded repetition.

Where things are: the phrase rules in `danger_rules.py` (word lists in `lexicon.py`), the
"is it now?" judgement of one sentence in `framing.py`, what the whole message says about each
sentence's signals in `reframing.py`, threats in `threats.py`; this module adds the non-English
calls for help, bare cries for help, order breaches, and puts it all together.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.triage import lexicon as lx
from bot.triage.clock import arrival_due, day_due, journey_due
from bot.triage.danger_foreign import foreign_classes, foreign_danger, is_not_now_foreign
from bot.triage.danger_fragments import fragments
from bot.triage.danger_rules import RULES, rx
from bot.triage.danger_situations import situations
from bot.triage.framing import (
    HABIT_RX,
    MINIMISING,
    NEGATED,
    NOW,
    PAST,
    PAST_RX,
    frame_of,
    now_marked,
    without_other_nows,
)
from bot.triage.reframing import Mention, Message, reframe
from bot.triage.text import Segment, segments
from bot.triage.threats import ONLY_TALK, threats

DANGER_KINDS = (
    "suspect_present",
    "followed_now",
    "entry_attempt",
    "threat_imminent",
    "weapon",
    "assault",
    "child_in_danger",
    "breach_in_progress",
    "hiding",
    "cannot_speak",
    "suicidal",
    "call_for_help",
)


@dataclass(frozen=True)
class DangerSignal:
    """One danger signal: its kind, the user's words that showed it, and whether it is now."""

    kind: str
    evidence: str
    frame: str = NOW


@dataclass(frozen=True)
class DangerFindings:
    """What `detect` found in one message."""

    signals: tuple[DangerSignal, ...] = ()
    past_or_negated: tuple[DangerSignal, ...] = ()
    is_emergency: bool = False
    minimised: bool = False  # the person said it was not an emergency, yet a signal is current

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of the current signals."""
        return frozenset(signal.kind for signal in self.signals)


# ---- non-English calls for help -------------------------------------------------------------------

_FOREIGN_HELP = rx(
    r"(?:^|\s)(?:pomocy|pomoz mi|pomozcie|pomoc|ratunku|ayuda|ayudame|ayudenme|ayudeme|socorro|auxilio|"
    r"au secours|aidez moi|aide moi|a l aide|ajutor|ajutati ma|ajuta ma|ajutati|aiuto|aiutatemi|aiutami|"
    r"hilfe|helft mir|hilf mir|bachao|bachaao|bachaoo|bachalo|madad karo|mujhe bachao|imdat|pomogite|"
    r"pomogi|ajuda|me ajuda|me ajudem|ajudem|help fi|helpwch fi|helpwch|допоможіть|помогите|помоги|"
    r"на помощь|рятуйте|النجدة|ساعدوني|ساعدني|انقذوني|النجده|مدد|بچاؤ|बचाओ|मदद)(?=\s|$)"
)
_FOREIGN_PRESENT = rx(
    r"(?:^|\s)(?:jest pod drzwiami|jest pod domem|jest na zewnatrz|jest tutaj|on tu jest|on jest tu|"
    r"stoi pod|esta afuera|esta fuera|esta en la puerta|esta aqui|esta en mi casa|il est dehors|"
    r"il est devant|il est la|il est ici|il est chez moi|e afara|este afara|e la usa|este la usa|e aici|"
    r"este aici|esta la fora|esta na porta|esta aqui|e fuori|e alla porta|e qui|e sotto casa|"
    r"er ist draussen|vor der tur|er ist hier|er ist da|bahar hai|bahar khada hai|darwaze pe hai|"
    r"darwaze par hai|yahan hai|ghar ke bahar|mae e tu allan|mae o tu allan|mae e yma|mae o yma|"
    r"wrth y drws|tu allan|في الخارج|عند الباب|هو هنا|برا|بره)(?=\s|$)"
)
_FOREIGN_NOT = rx(r"(?:^|\s)(?:nie|nu|no|não|nao|ne|n|pas|nicht|non|ma|nahi|nahin)(?: \w+)?\s*$")
_HELP_ONLY_WORDS = frozenset(
    {
        "help",
        "me",
        "please",
        "someone",
        "somebody",
        "anyone",
        "now",
        "quick",
        "quickly",
        "god",
        "oh",
        "omg",
        "urgent",
        "urgently",
        "sos",
        "us",
        "i",
        "need",
        "asap",
        "immediately",
        "hurry",
        "fast",
        ",",
        "him",
        "her",
        "pls",
        "plz",
        "pleeease",
        "just",
        "anybody",
        "oh my god",
        "my",
    }
)


_PLEA = rx(
    r"^(?:please |pls |plz |oh god |quick |someone |somebody )*"
    r"(?:come quick(?:ly)?|come now|send (?:someone|help|police|the police|an ambulance)"
    r"|(?:call|ring|get) (?:the )?police(?: for me)?|999"
    r"|(?:someone|somebody|anyone|anybody) (?:answer|pick up|reply|respond)(?: me)?)"
    r"(?: please| pls| plz| now| asap| quick| for me| someone)*$"
)


_ASKING_FOR_THE_SERVICE = (
    ["i", "need", "help"],
    ["need", "help"],
    ["need", "some", "help"],
    ["i", "need", "some", "help"],
)


def _bare_help(segment: Segment) -> bool:
    """A sentence that is only a plea for help ("help", "help me please", "HELP!!", "plz help me").

    A plea on its own is a call for help (GUIDE §2); "I need help" alone, or asked as a question
    ("can you help me?"), is a request for the service.
    """
    words = segment.text.split()
    if _PLEA.search(segment.text) and not segment.ends_with_question:
        return True  # "come quick", "pls call police 4 me", "send someone"
    asks = {"someone", "somebody", "anyone", "anybody"} & set(words) and {"please", "pls", "plz"} & set(words)
    if asks and all(w in _HELP_ONLY_WORDS for w in words) and not segment.ends_with_question:
        return True  # "plz someone", "someone please"
    if not words or "help" not in words or any(w not in _HELP_ONLY_WORDS for w in words):
        return False
    # "I need help", "need some help": a request for the service, not a cry
    return not segment.ends_with_question and words not in _ASKING_FOR_THE_SERVICE


# ---- the detector ----------------------------------------------------------------------------------

_ORDER = rx(
    r"\b(?:not allowed|not supposed to|banned from|bail|restraining order|non molestation|nmo|spo|"
    r"stalking protection order|injunction|protection order|court order|order against|exclusion zone|"
    r"on licence|breach|breaching|breaking (?:his|her|the) (?:order|bail))\b"
)
# "he's abroad right now", "he's outside the country at the moment": present tense, far away.
_AWAY = rx(
    r"\blives in (?:\w+ )?(?:now|these days)\b|"
    r"\b(?:abroad|overseas|outside the (?:country|uk|area|county)|out of the (?:country|area)|in (?:prison|"
    r"jail|"
    r"custody|the cells)|on holiday|away on (?:holiday|business|a trip)|in another (?:city|country|town)|"
    r"moved (?:away|to)|(?:is|are) (?:posted|deployed|stationed) (?:in|to|abroad|overseas)|"
    r"(?:is|are) on deployment)\b"
)
# Every danger sentence names someone, speaks as "i"/"we"/"me", or cries out; checked first.
_ANYONE = rx(
    r"\b(?:i|me|my|we|us|our|he|she|they|him|her|them|his|their|someone|somebody|anyone|ex|man|men|guy|woman|"
    r"person|people|stranger|it|its|that|there|help|please|sos|police|999|door|window|knife|gun|car|van|"
    r"banging|knocking|following|being|hiding|whispering|can not|tonight|now|kids?|son|daughter|baby|child|"
    r"children|mayday|save|call|ring|send|get)\b"
    r"|[^\x00-\x7f]"  # any non-ASCII letter: other languages are judged by their own lists
)
# "my dad's here": someone safe with the writer
_SAFE_BESIDE = rx(
    r"\bmy (?:dad|mum|mam|mother|father|brother|sister|friend|flatmate|housemate|nan|gran|grandad|uncle|"
    r"auntie|aunt|son|daughter|grandson|granddaughter|grandma|grandpa|granny|cousin|nephew|niece) "
    r"(?:(?:is )?(?:here|with me)|is home)\b"
    # "My son has come over and is staying with me tonight so I'm safe"
    r"|\bmy (?:dad|mum|mam|mother|father|brother|sister|son|daughter|friend|nan|gran|grandad|uncle|auntie|"
    r"aunt) (?:has |have )?(?:come over|come round|come to stay)\b(?: \w+){0,3} (?:is|are) staying with me\b"
)
_SAFE_COMPANY = rx(
    # "I'm safe, at my flat, my partner's here"
    r"\bi am (?:safe|ok|okay|fine|alright)\b(?: ,)?(?: \w+){0,5}? ,? my (?:partner|husband|wife|boyfriend|"
    r"girlfriend|fiance|fiancee) (?:is )?(?:here|with me|home)\b|"
    r"\bi am (?:at home|home|safe|ok|okay|fine|alright|at my \w+)\b(?: \w+){0,4}? (?:and|with) my (?:\w+ )?"
    r"(?:partner|husband|wife|boyfriend|girlfriend|fiance|fiancee|dad|mum|mother|father|brother|sister|friend|"
    r"flatmate|housemate|son|daughter|family|parents)(?: is| are)? (?:here|with me|home|at home|in)\b"
)
# "at the top of the multi storey. not coming down": a height and not coming down, anywhere in the message.
_HEIGHT = rx(
    r"\b(?:top of|roof of|edge of|ledge of|on the roof|on the ledge|on the edge|on the bridge|the bridge|"
    r"multi storey|tower block|cliff|cliffs|railway bridge|motorway bridge)\b"
)
# "ive had enough of all of it. taking the car up to the cliffs tonight. bye"
_HOPELESS = rx(
    r"\b(?:had enough of (?:it|everything|all of it|all this|life|living)|"
    r"can not (?:go on|do this any ?more|take (?:it|any more|anymore))|"
    r"no point (?:in )?(?:going on|living|carrying on)|end it all|want to die)\b"
)
_FAREWELL = rx(r"(?:\b(?:bye|goodbye|sorry for everything|tell my \w+ i love)\b\W*$)")
# "he's been counting down on whatsapp. 3 days. 2 days. 1 day. today it just says 'now'"
_COUNTDOWN = rx(
    r"\b(?:he|she|they) (?:is|are|has been|have been|keeps?) counting down\b.*\b(?:today|tonight|now)\b"
)
_WILL_NOT_COME_DOWN = rx(
    r"\b(?:not coming down|will not come down|going to jump|gonna jump|about to jump|jump off)\b"
)
# A child who is late home, and he was seen where she was or she cannot be reached: "Lily should
# have been home from school at quarter to four ... she saw Craig's car parked by the school gates".
_OVERDUE = rx(
    r"\b(?:should have been|should ve been|was meant to be|was supposed to be|is meant to be|"
    r"is supposed to be|was due) (?:home|back)\b"
    r"|\b(?:has not|hasn t|did not|didn t|never) (?:come|came|got|get) (?:home|back)\b"
    r"|\bnot (?:home|back) (?:yet|from school)\b"
    r"|\b(?:is|s|was) (?:supposed|meant) to be (?:in|at) (?:school|nursery|college|class|the club)\b"
)
_A_CHILD = rx(r"\b(?:" + lx.alternation(lx.CHILDREN) + r"|school|nursery|college|toddler|little one)\b")
_SEEN_NEAR_HER = rx(
    r"\b(?:his|(?!(?:my|our|the|a|an|your|her)\b)\w+(?: s)?) (?:car|van|motorbike|bike)\b(?: \w+){0,4} "
    r"(?:by|at|outside|near|round) the "
    r"(?:school|gates|nursery|park|bus stop|club)\b|\bsaw (?:him|his car|his van)\b(?: \w+){0,4} "
    r"(?:school|gates|nursery|park|bus stop|club|with (?:her|him|them))\b"
    # "the tracker on my son's school bag shows him at his dad's flat"
    r"|\b(?:tracker|airtag|app|find my|location)\b(?: \w+){0,5} (?:shows?|showing|says) (?:him|her|them) "
    r"(?:at|in) (?:his|her|their) (?:dad|father|mum|mother)s?(?: s)?\b"
)
_UNREACHABLE = rx(
    r"\b(?:not answering|no answer|can not get hold of (?:her|him|them)|phone (?:is )?(?:off|dead)|"
    r"straight to voicemail)\b"
)
_SUSPECT_WORD = rx(r"\b(?:ex|her dad|his dad|their dad|her father|his father|stalker|he|him)\b")
# "thought he was outside but it was the postman": the writer's fright, already over.
_FALSE_ALARM = rx(
    r"\b(?:thought|swore|could have sworn|was sure|was convinced)\b.*"
    r"\bbut (?:it|that|they) (?:was|were|is|turned out)\b"
    r"|\bturned out (?:to be|it was)\b|(?<!not a )(?<!no )\bfalse alarm\b"
    # "Update: the 'man outside' was the Deliveroo driver."
    r"|\bwas (?:just )?(?:the|a|an|my) (?:\w+ )?"
    r"(?:driver|postman|postie|courier|neighbour|delivery (?:man|guy)|cat|fox)\b"
    # "There's a man at my door - oh it's the Tesco delivery, sorry!"
    r"|\b(?:it is|it s) (?:just )?(?:the|a|an) (?:\w+ )?(?:driver|postman|postie|courier|delivery|cat|fox)\b"
)
# Someone has been in, or is in, the home of a person who lives alone: "the back door is open and
# there are muddy footprints ... my husband is at work", "the kitchen light's on. I live alone".
_SIGN_INSIDE = rx(
    r"\b(?:(?:the|my) (?:\w+ )?(?:door|gate|window) (?:is|was|has been left) (?:now )?(?:open|unlocked|ajar)"
    r"(?: now)?|(?:the|a) (?:\w+ )?light is on|footprints|things (?:have )?(?:been )?moved"
    r"|footsteps (?:upstairs|downstairs|outside|in the \w+|on the stairs)"
    r"|(?:i can )?hear (?:the )?(?:tap|shower|toilet|water|floorboard|a floorboard|footsteps|someone|"
    r"something)"
    r"(?: \w+)?(?: running| flushing| creaking| upstairs| downstairs)?)\b"
)
_EXPLAINED = rx(r"\b(?:i left|i must have left|i forgot|left it on|this morning|earlier|last night)\b")
_ALONE = rx(
    r"\b(?:i live (?:alone|on my own|by myself)|no one else (?:is )?(?:here|home|in)|nobody else (?:is )?"
    r"(?:here|home|in)|(?:husband|partner|wife|boyfriend|girlfriend|flatmate|housemate|mum|dad) is "
    r"(?:at work|away|out)|i am (?:home )?(?:alone|on my own)(?: here| tonight| in the house)?)\b"
)
# Someone who cannot say it: an address and a plea to come, or only yes/no ("order a pizza to 14
# Elm Road ... no I can't really chat", "Can police come to 5 Mill Lane without ringing me").
_NUMBER_WORD = (
    r"(?:\d+[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
_ADDRESS = rx(
    rf"\b(?:flat {_NUMBER_WORD}|{_NUMBER_WORD}(?: {_NUMBER_WORD})?)(?: \w+){{1,2}} "
    r"(?:road|rd|street|st|avenue|ave|close|lane|row|way|drive|crescent|court|house|place|gardens|terrace|grove|"
    r"rise|mews|walk|square)\b"
)
_CODED = rx(
    r"\b(?:send (?:someone|police|help|the police)|(?:can|could) (?:the )?police come|come (?:round|to)"
    r"|as soon as (?:you can|possible)|right now|can not (?:really )?(?:talk|chat|speak)|yes or no"
    r"|without ringing|without calling|not my (?:number|phone))\b"
)
# "there's a guy at my climbing gym who I chatted to": introducing someone, not where he is now.
_INTRODUCING = rx(
    r"(?:^(?:\w+ ){0,10}?|\b(?:but|and|so|basically|well) (?:\w+ ){0,3}?)"
    r"there is (?:a|this|one|some) (?:\w+ ){0,2}?"
    r"(?:guy|man|woman|lady|bloke|lad|girl|person|fella|customer|client|colleague|neighbour) "
    r"(?:\w+ ){0,6}?(?:, \w+ , )?(?:(?:who|that|whom) "
    r"(?:(?:she|he|they) (?:says|said|thinks) )?"  # "a lad there who she says keeps following her"
    r"(?:i (?:chatted|met|know|dated|matched|used|went|work|worked|was|think|reckon)|we|works|lives|used to|"
    r"always|keeps|gets on|comes in|comes into|drinks|uses|catches|takes"
    # (or with no "who": "a man at her work keeps leaving presents on her desk")
    r"|will not|won t|follows|watches|waits|turns up|sits|stands|parks|messages|texts)|keeps|"
    r"i (?:have|ve) had|i had)\b"  # ("a man at my gym i've had a bad feeling about")
)
# A sentence that says the writer is safe from what it mentions: he is away, the company is safe,
# it was a false alarm, or it introduces someone rather than placing him.
_CALM_SENTENCE = (_AWAY, _SAFE_COMPANY, _FALSE_ALARM, _INTRODUCING, _SAFE_BESIDE)
_BREACH_TRIGGERS = frozenset({"suspect_present", "followed_now", "entry_attempt", "cannot_speak"})
_MAX_EVIDENCE = 120


def _dated(sentence: str) -> bool:
    """The sentence's own past or routine words date it, whatever the rest of the message says."""
    return is_not_now_foreign(foreign_classes(sentence))


def _evidence(original: str, segment: Segment, start: int, end: int) -> str:
    first, last = segment.original_span(start, end)
    quoted = " ".join(original[first:last].split())
    return quoted if len(quoted) <= _MAX_EVIDENCE else quoted[: _MAX_EVIDENCE - 1] + "\u2026"


_LONG_SENTENCE = 1500  # characters; longer unpunctuated runs are read in overlapping windows
_WINDOW = 800
_OVERLAP = 120


def _pieces(text: str, sentences: list[Segment]) -> list[tuple[Segment, str, bool]]:
    """(sentence, the text its spans point into, whether it is a window of a huge sentence).

    A 50,000-character message with no full stops is one "sentence"; every pattern would scan all
    of it. Cutting it into overlapping windows (at spaces) keeps the work small and linear, and lets
    windows with nobody in them be skipped. Normal sentences pass through unchanged.
    """
    pieces: list[tuple[Segment, str, bool]] = []
    for segment in sentences:
        if len(segment.text) <= _LONG_SENTENCE:
            pieces.append((segment, text, False))
            continue
        start, end = segment.original_span(0, len(segment.text))
        position = start
        while position < end:
            stop = min(position + _WINDOW, end)
            if stop < end:
                space = text.rfind(" ", position + _WINDOW // 2, stop)
                stop = space if space > position else stop
            window = text[position:stop]
            pieces.extend((piece, window, True) for piece in segments(window))
            if stop >= end:
                break
            restart = text.find(" ", max(stop - _OVERLAP, position + 1), stop)
            position = restart + 1 if restart != -1 else stop
    return pieces


def detect(text: str) -> DangerFindings:
    """Find danger signals in one message; see the module docstring for what counts as now."""
    now: dict[tuple[str, str], DangerSignal] = {}
    other: dict[tuple[str, str], DangerSignal] = {}
    order_evidence: str | None = None
    minimised = False

    def add(kind: str, evidence: str, frame: str) -> None:
        key = (kind, evidence)
        if frame == NOW:
            now.setdefault(key, DangerSignal(kind, evidence, NOW))
        elif key not in now:
            other.setdefault(key, DangerSignal(kind, evidence, frame))

    foreign = foreign_classes(text)  # read once: the other languages' words in the whole message
    foreign_not_now = is_not_now_foreign(foreign)
    sentences = segments(text)
    seen: set[str] = set()
    told: list[tuple[Segment, str, list[tuple[str, int, int, str]], bool]] = []
    for segment, source, windowed in _pieces(text, sentences):
        sentence = segment.text
        if sentence in seen or (windowed and not _ANYONE.search(sentence)):
            continue  # a repeat, or a window of noise in a huge unpunctuated message
        seen.add(sentence)
        found: list[tuple[str, int, int, str]] = []  # (kind, start, end, frame) in this sentence
        for rule in RULES:
            if rule.context is not None and not rule.context.search(sentence):
                continue
            for match in rule.pattern.finditer(sentence):
                if match.end() > match.start():
                    found.append(
                        (rule.kind, match.start(), match.end(), frame_of(segment, *match.span(), rule))
                    )
        found.extend(situations(segment))
        found.extend(("threat_imminent", start, end, frame) for start, end, frame in threats(segment))
        for pattern, kind in ((_FOREIGN_HELP, "call_for_help"), (_FOREIGN_PRESENT, "suspect_present")):
            for match in pattern.finditer(sentence):
                short = len(sentence.split()) <= 12 or _FOREIGN_PRESENT.search(sentence)
                current = (short or segment.exclamations) and not (
                    # "pichle hafte ghar ke bahar aya tha ... abhi woh Pakistan gaya hua hai"
                    (kind == "suspect_present" and (foreign_not_now or "away" in foreign or _dated(sentence)))
                    or (kind == "call_for_help" and segment.ends_with_question)  # "czy jest pomoc ...?"
                )
                if _FOREIGN_NOT.search(sentence[: match.start()]):
                    current = False  # "nie ma go pod domem", "no está aquí", "nu e aici"
                found.append((kind, match.start(), match.end(), NOW if current else NEGATED))
        if _bare_help(segment):
            found.append(("call_for_help", 0, len(sentence), NOW))
        calm = any(pattern.search(sentence) for pattern in _CALM_SENTENCE) and not (
            # "there's a man that keeps following me ... now i'm by the pond he's behind me"
            _INTRODUCING.search(sentence)
            and now_marked(without_other_nows(sentence), with_again=False)
            and not HABIT_RX.search(sentence)
        )
        told.append((segment, source, found, calm))
        order = _ORDER.search(sentence)
        if order and order_evidence is None:
            order_evidence = _evidence(source, segment, order.start(), order.end())
        if MINIMISING.search(sentence):
            minimised = True

    story = [segment.text for segment, _, _, _ in told]
    message = Message.read(story)
    whole = message.whole
    for index, (segment, source, found, calm) in enumerate(told):
        if not found:
            continue
        said_now = now_marked(segment.text, False)  # the sentence itself says now
        for kind, start, end, frame in found:
            evidence = _evidence(source, segment, start, end)
            mention = Mention(kind, start, end, frame, index, segment.text, said_now, evidence, calm)
            add(kind, evidence, reframe(mention, message))

    quoted = " ".join(text.split())[:_MAX_EVIDENCE]  # evidence for what the whole message shows
    if _ADDRESS.search(whole) and _CODED.search(whole) and not PAST_RX.search(whole):
        add("call_for_help", quoted, NOW)  # "pizza to 14 Elm Road, can't chat"
    signs = [
        i
        for i, sentence in enumerate(story)
        if _SIGN_INSIDE.search(sentence) and not (PAST_RX.search(sentence) or _EXPLAINED.search(sentence))
    ]
    if signs and _ALONE.search(whole):
        add("entry_attempt", _evidence(told[signs[0]][1], told[signs[0]][0], 0, len(story[signs[0]])), NOW)
    # "see you at 6. its 5.40"; "set off 2 hrs ago. 2 hr drive"; "coming on Saturday ... It's Saturday"
    due = arrival_due(text) or journey_due(text) or day_due(text)
    if due and not (message.custody or message.elsewhere or ONLY_TALK.search(whole)):
        add("threat_imminent", due, NOW)
    overdue = _OVERDUE.search(whole)
    # (dated by the words around the lateness, not by "he said last week he'd take him")
    around = whole[max(0, overdue.start() - 80) : overdue.end() + 40] if overdue else ""
    if (
        overdue
        and _A_CHILD.search(whole)
        and (_SEEN_NEAR_HER.search(whole) or (_UNREACHABLE.search(whole) and _SUSPECT_WORD.search(whole)))
        and not (PAST_RX.search(around) and not now_marked(around, with_again=True))
    ):
        add("child_in_danger", quoted, NOW)
    if _HOPELESS.search(whole) and (_HEIGHT.search(whole) or _FAREWELL.search(whole)):
        add("suicidal", quoted, NOW)  # "had enough of all of it ... up to the cliffs tonight. bye"
    if _COUNTDOWN.search(whole) and not PAST_RX.search(whole):
        add("threat_imminent", quoted, NOW)
    if _HEIGHT.search(whole) and _WILL_NOT_COME_DOWN.search(whole):
        dated = PAST_RX.search(whole) and not now_marked(whole, with_again=True)
        add("suicidal", quoted, PAST if dated else NOW)
    for kind, evidence in fragments(sentences, text):
        add(kind, evidence, NOW)
    thanked_folded = message.thanked_in_any_language  # "Mulțumesc", read as "multumesc"
    for kind, frame in foreign_danger(text, foreign):
        if kind == "call_for_help" and thanked_folded:
            frame = NEGATED  # "Mulțumesc mult pentru ajutor!": thanks for the help
        add(kind, quoted, frame)

    signals = list(now.values())
    if order_evidence and any(s.kind in _BREACH_TRIGGERS for s in signals):
        signals.append(DangerSignal("breach_in_progress", order_evidence, NOW))
    emergency = bool(signals)
    return DangerFindings(
        signals=tuple(signals),
        past_or_negated=tuple(other.values()),
        is_emergency=emergency,
        minimised=minimised and emergency,
    )
