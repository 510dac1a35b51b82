"""Second thoughts: what the whole message says about each danger signal found in one sentence.

`danger.detect` finds signals sentence by sentence and frames each (now, past, habitual, negated)
from the words around it. A sentence can be read right on its own and wrong in its message:
"he's outside" is not now in a story that began "last saturday" and ends "I'm home now", nor
when "he's been arrested" follows; "kids gone w him" is now though it has no time word. This
module holds those message-level judgements as one ordered table, `REFRAMINGS`: each step looks
at one mention (a signal in its sentence) and the message read once (`Message`), and says which
frame it should have instead, or None to leave it. `reframe` applies them in order.

Every step only ever moves a mention one way (towards now, or away from it) on evidence the
message itself gives; the order matters where two could apply, and is the order of the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.triage import lexicon as lx
from bot.triage.danger_rules import RECENT, rx
from bot.triage.danger_situations import STILL_ONGOING_SINCE
from bot.triage.framing import (
    HABIT_RX,
    HABITUAL,
    NEGATED,
    NOW,
    PAST,
    STORY_PAST,
    now_marked,
    story_frame,
    without_other_nows,
)
from bot.triage.text import fold
from bot.triage.threats import ONLY_TALK

# "I'm at home and my partner's here": company that keeps the writer safe, not a stalker nearby.
# "she's here at our service at the moment and safe", "I'm not home though, I'm at work in Birmingham"
_HOME_WORDS = (
    r"(?:the|my|our|his|her|a|an|this|that|bed|work|hiding|danger|trouble|pain|here|there|town|tears|shock|"
    + lx.PLACE_NOUN[3:-1]
    + r")\b"
)
# The person in danger, said by whoever writes, is safe with them: "she's safe though, she's at
# home with us for reading week" (a danger at "her" place is then not now either).
_THEY_ARE_SAFE = rx(
    r"\b(?:she|he|they) (?:is|are) safe (?:\w+ ){0,3}?(?:she|he|they) (?:is|are) (?:at home |home )?"
    r"with (?:us|me)\b"
    # "a Year 10 girl told me ... she's in my classroom now and safe"
    # ("She's in the office today and fine")
    r"|\b(?:she|he|they) (?:is|are) (?:in|at|with) (?:my|our|the) \w+ (?:now |today )?(?:and|,) (?:is |are )?"
    r"(?:safe|fine|ok|okay)\b"
)
_SAFE_HERE = rx(
    r"\b(?:she|he|they) (?:is|are) (?:here|with (?:us|me)) (?:\w+ ){0,8}?(?:and )?safe\b"
    r"|\bi am not (?:at )?home\b|\bi am (?:at work|away|staying) in \w+"
    # "his Snap map has him in Manchester (I'm in Leeds)"
    r"|\b(?:has|shows|puts|showing) (?:him|her|them) in (?P<there>\w+)\W+(?:\w+ )?(?:i am|we are) in "
    r"(?!(?P=there)\b)\w+"
    # "hes in manchester, im in bristol": two different towns (never "the garden" or "bed")
    r"|\b(?:he|she|they) (?:is|are) in (?P<his>(?!"
    + _HOME_WORDS
    + r")\w+)(?: ,)? (?:and |but )?(?:i am|we are) in "
    r"(?!(?P=his)\b)(?!" + _HOME_WORDS + r")\w+"
    # "he keeps texting saying he's outside but he's in spain"
    r"|\bbut (?:he|she|they) (?:is|are) (?:actually |really |still |literally )?in "
    r"(?!(?:the|my|a|an|our|his|her|their|your|this|that|there|here|now)\b)(?!" + _HOME_WORDS + r")\w+"
    # "i am at home he is in birmingham today"
    r"|\bi am (?:at home|home|safe|at (?:my|a) \w+(?: s)?)(?: ,)? (?:and |but )?"
    r"(?:he|she|they) (?:is|are) in "
    r"(?!" + _HOME_WORDS + r")\w+"
)
_NOT_IN_DANGER = rx(r"\b(?P<who>she|he|they) (?:is|are) not in (?:any |immediate )?danger\b")
# A next sentence that opens by saying the last one happened a moment ago.
_JUST_NOW_NEXT = rx(
    r"^(?:(?:like|literally|um|and|it was|that was|this was) )*(?:just now|a (?:minute|moment|second) ago|"
    r"(?:\d+|one|two|three|four|five|ten) (?:mins?|minutes?|seconds?) ago|seconds ago|minutes ago)\b"
)
# "... is outside her school" - I may be safe at work, but she is not.
_THEIR_PLACE = rx(r"\b(?:her|his|their)\b")
_AT_HOME = rx(r"\b(?:outside|here|at (?:the|your|my) door|look outside)\b|i.?m outside")
# Danger told as it was lived, not as it is: a statement or diary "written as if it's happening",
# a flashback or a nightmare, dated or said to be over ("im ok, im home ... it was 2021").
_RETOLD = rx(
    r"\b(?:(?:as if|like) (?:it is|it s|its) happening|(?:in|for) my (?:witness )?statement|flashbacks?|"
    r"flash backs?|nightmares?|bad dream|i dreamt|i dreamed|again in my head|in my head again|reliving|"
    r"(?:tell|telling) it (?:how|as|like) i remember|"
    # "so it's like, he's at the window ... that's what Sunday night was like"
    r"(?:that|this) (?:is|was) what (?:\w+ ){0,3}(?:was|were) like)\b"
)
_OVER_NOW = rx(
    r"\b(?:19|20)\d\d\b|\b(?:that|it|this) (?:was|happened)\b|\bi am (?:ok|okay|safe|fine|home|at home)\b"
    r"|\bwhat (?:\w+ ){0,3}was like\b"
)
# "he's gonna do me in when he sees me ... but he doesn't know where I am": a threat he cannot carry out now.
_UNFOUND = rx(
    r"\b(?:he|she|they) (?:does not|do not|doesn t|don t|dont) know where (?:i am|i live|we are|we live)\b"
)
# A story told in the present from a time already over, and the writer now out of it: "right so this
# morning right I'm taking the kids to school and he's there at the gates ... I'm at home now".
_STORY_OPENER = rx(
    r"^(?:(?:right|so|ok|okay|well|basically|like|yeah|and)\s+)*(?:this morning|earlier(?: today)?)\b"
)
# ... or from a day already gone, which dates it whatever follows: "so it's it's last saturday right
# and i'm in the big tesco and he's there in the next aisle".
_PAST_OPENER = rx(
    r"^(?:(?:right|so|ok|okay|well|basically|like|yeah|and)\s+)*(?:(?:it is |it was )+)?(?:(?:\w+ ){0,3}"
    r"(?:19|20)\d\d\b|yesterday|"
    r"last night|last (?:mon|tues|wednes|thurs|fri|satur|sun)day|last week|the other day|at the weekend|"
    r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)day "
    r"(?:night|morning|afternoon|evening)"
    # a day written as a heading: "Saturday: he's at the door, he's screaming ..."
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day$)\b"
)
_OUT_OF_IT = rx(r"\bi am (?:at home|home|back home|safe|ok|okay|back at work|in work) now\b")
# A parent or friend reporting for someone who does not know yet: not a person who cannot speak.
_FOR_SOMEONE = rx(
    r"\b(?:reporting|writing|messaging|contacting you|asking|here|doing this) (?:for|on behalf of|about) "
    r"(?:my|our) \w+"
)
_NOT_TOLD = rx(r"\b(?:she|he|they) (?:does not|doesn t|do not|don t) know i am (?:doing|writing|reporting)\b")
_SELF_DOUBT = rx(r"\b(?:paranoid|imagining (?:it|things)|overreacting|over reacting)\b")
# The message says he is not there now after all: "they weren't there today", and of a claim he
# made, "I checked the Ring and there was nobody there".
_NOT_THERE_NOW = rx(
    r"\b(?:he|she|they) (?:was not|were not|wasn t|weren t|is not|isn t|are not|aren t) "
    r"(?:there|here|outside) (?:today|tonight|this (?:morning|evening|time))\b"
    # "think im being followed on my runs. not today but 3 times last week"
    r"|\bnot (?:today|tonight|right now) but\b"
    # "I'm pretty sure I'm being followed ... Four weeks now. Not right now, I'm home."
    r"|\bnot (?:right now|now|today|tonight|at the moment)\W+i am (?:at home|home|safe|inside|indoors)\b"
)
_NOBODY_THERE = rx(r"\bthere (?:was|is) (?:nobody|no one) there\b")
_HIS_CLAIM = rx(r"^(?:saying|says|said|texted|messaged|text)\b")
_TODAY = rx(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b")
_CUSTODY = rx(
    r"\b(?:(?:have|has|they|police) (?:just )?arrested (?:him|her|them)"
    r"|(?:he|she|they) (?:has|have|was|were) (?:been )?(?:arrested|remanded|locked up)"
    r"|in custody|in the cells|on remand|remanded|in prison|in jail|behind bars|from prison|from jail"
    # "police are here now they caught him in the back garden theyve taken him away in the van"
    r"|(?:they|theyve|police|officers|the police) (?:have )?(?:taken|took|led|marched|carted) "
    r"(?:him|her|them) (?:away|off|out to the (?:car|van)|outside|to the station)"
    r"|in hmp|in hmyoi|(?:he|she|they) (?:is|are) in hmp"
    # "he's inside till 2027": in prison
    r"|(?:he|she|they) (?:is|are) inside "
    r"(?:till|until|since|for (?:another|a few|\d+|two|three|four|five)))\b"
)
_POLICE_TOOK = rx(
    r"^(?:they|theyve|they have|police|the police|officers) (?:have )?(?:taken|took) (?:him|her)$"
)
_RELEASED = rx(
    # ("again" of where he is, not "my address has been posted AGAIN" while he is inside)
    r"\b(?:released|let (?:him|her|them) out|let out|out on bail|bailed|got out|nfa|nfa d|"
    r"(?:outside|here|back|out|around|about|at (?:the|my|our) \w+) again|"
    r"no further action|(?:arrested|interviewed) (?:once|twice|before)|"
    r"but (?:they|police) let (?:him|her|them) go"
    r"|(?:he|she|they) (?:is|are) back)\b"
)
_SHORT_MESSAGE = 12  # words
_HISTORY_ANSWER = rx(
    r"^(?:yes|yeah|yep|yh|ya|no|once|twice|a few times|loads of times|he has|he did|she has|she did|"
    r"they have)\b"
    r"|\b(?:ever|before|once|twice|times|used to|in the past|when we)\b"
)
_AGREED = rx(
    r"\b(?:as agreed|as usual|as arranged|his turn|her turn|for the weekend|contact|handover|court said)\b"
)
_HAPPENING_KINDS = frozenset(
    {"assault", "child_in_danger", "entry_attempt", "weapon", "suicidal", "threat_imminent", "followed_now"}
)
_BUSY = rx(
    r"\b(?:at work|in a meeting|driving|busy|will (?:text|call|ring|message)(?: you)?(?: later| back)"
    r"|talk later|at the doctors|in class|in a lesson|on a train|later|lunch break|on my break|on a break"
    r"|(?:talk|chat|speak) (?:for )?long"
    # "at the school gates so cant call", "I'm whispering cos my baby's asleep"
    r"|(?:at|outside) (?:the )?school(?: gates?)?|school run|at the gym|in the library"
    r"|(?:my |the )?(?:baby|babies|kids?|children|little ones?|son|daughter)(?: s| is| are)? "
    r"(?:asleep|sleeping)"
    r"|(?:baby|kids?|children) (?:just )?(?:went|gone|going) (?:down|to sleep|to bed))\b"
)
# "Mulțumesc mult pentru ajutor!": thanks for the help is not a cry for it.
_THANKS = rx(
    r"\b(?:thanks|thank you|cheers|multumesc|gracias|obrigad[oa]|merci|dziekuje|grazie|danke|shukriya|"
    r"dhonnobad|tesekkur\w*|sag ol|spasibo|dyakuyu|mahadsanid|diolch)\b|спасибо|дякую|شكرا|شكراً|谢谢|धन्यवाद"
)
_SAME_OLD = rx(
    r"\bsos\s*(?:=|means|as in)|\bsame old (?:stuff|shit|story|thing)\b"
    # "help. not like 999 help, just advice help"
    r"|\bnot (?:like |an? )?(?:999|emergency|urgent)(?: help)?\b|\bjust (?:some )?advice\b"
)
# "i'm in hiding basically. moved cities, new number": a life in hiding, not hiding from him now
_RELOCATED = rx(
    r"\bmoved (?:cities|towns|house|away|areas|area|out)\b|\bnew (?:number|address|identity|name)\b"
)
# "someone at the door hold on..... ok it was my neighbour with a parcel": the fright explained away
# after it was written (never by "the same guy", and never when it was him).
_EXPLAINED_AWAY = rx(
    r"\b(?:ok|okay|oh|phew|jk|just kidding|joking|lol|sorry|false alarm|panic over)\b\W*(?:\w+ ){0,2}?"
    r"(?:it was|it is|it s|its|was) (?:just |only )?(?:the|a|an|my|our) (?!same\b)(?:\w+ )?"
    r"(?:neighbours?|mum|mom|mam|dad|brother|sister|son|daughter|friend|mate|flatmate|housemate|postman|postie|"
    r"courier|driver|delivery|amazon|parcel|cat|dog|fox|wind|landlord|plumber|takeaway|next door)\b"
    # "There's a man at my door right now but it's my dad", "but its my brothers mate keeping an eye out"
    r"|\bbut (?:it is|it s|its) (?:just |only )?(?:my|our) (?:\w+ )?(?:dad|mum|mam|brother|sister|son|"
    r"daughter|friend|mate|neighbour|husband|partner|wife|uncle|grandad|nan)\b"
    # "(she's at the door again - the cat, not a person lol)", "hes outside my house on google street view"
    r"|\b(?:the )?(?:cat|dog|fox)\W+not (?:a person|a human|him|her)\b"
    r"|\bon google (?:street ?view|maps|earth)\b"
    # "theres a man in my kitchen rn lol its the boiler guy"; "someones at the door, prob my sister"
    r"|\b(?:it is|it s|its) (?:just |only )?the (?:boiler|gas|meter|electric|window|council|delivery) "
    r"(?:guy|man|men|lady|woman|engineer|fitter|cleaner|reader)\b"
    r"|\b(?:prob|probably|must be|will be|it will be) (?:just )?(?:my|the|our) (?:\w+ )?(?:sister|brother|"
    r"mum|mam|dad|friend|mate|neighbour|postman|postie|courier|delivery)\b"
    # "theres someone at the door... its the police, theyve come for my statement"
    r"|\b(?:it is|it s|its) (?:just |only )?the (?:police|postman|postie|courier|delivery \w+)\b"
    r"|(?<!not a )(?<!no )\bfalse alarm\b"
)
# "i've taken about thirty paracetamol maybe twenty minutes ago": an overdose taken today is still
# happening, however it is dated (the dates: danger_situations.STILL_ONGOING_SINCE).
_TAKEN = rx(r"\b(?:taken|took|swallowed|overdosed|had)\b")
# "Now he's turned up at my yoga class twice", "hes turned up at 3 of our gigs now": visits counted.
_COUNTED_AFTER = rx(
    r"^(?: \w+){0,5}? (?:twice|(?:\d+|two|three|four|five|six|several|a few|a couple of) "
    r"(?:times|of (?:our|my|his|her|the|their) \w+))\b"
)
# Why the writer is on someone else's phone: their own is off or changed, to stop his calls.
_PHONE_OFF = rx(
    r"\b(?:keep|kept|turned|turn|switched|switch|have) (?:it|my phone|mine) off\b|\bmy phone (?:is |s )?"
    r"(?:dead|off|broken|lost|out of (?:battery|charge))\b|\b(?:changed|changing) my number\b"
)
_RIGHT_NOW = rx(r"\b(?:right now|rn|at the moment|atm|just|outside)\b")
# "my dad's just arrived to change the lock": help that has come
_COME_TO_HELP = rx(
    r"^ to (?:change|fix|help|pick (?:me|us) up|collect (?:me|us)|stay|drive (?:me|us)|take (?:me|us) home|"
    r"do (?:my|our|the) (?:tea|dinner|lunch|breakfast|meds|medication|shopping|cleaning|care|visit))\b"
)
# "won't let me out of his sight": a way of speaking, not being held
_OUT_OF_SIGHT = rx(r"^ of (?:his|her|their) sight\b")
# "waiting for my husband to get home ... he's five minutes away": help on its way, not him.
_WAITING_FOR_HELP = rx(
    r"\bwaiting for (?:my|a) (?:husband|wife|partner|boyfriend|girlfriend|dad|mum|mam|brother|sister|friend|"
    r"mate|son|daughter|flatmate|housemate|taxi|uber|lift)\b"
)
_MINUTES_AWAY = rx(r"^(?:he|she|they) (?:is|are) (?:\w+ ){0,2}?(?:minutes?|mins?) away\b")
# "yeah we're both safe, she's sitting beside me": the one beside the writer is safe with them.
# ("ok i told my mum. shes sitting with me now ... im safe")
_BOTH_SAFE = rx(r"\bwe are (?:both|all) (?:safe|ok|okay|fine|alright)\b|\bi am safe\b(?!,? but\b)")
_BESIDE_ME = rx(
    r"^(?:he|she|they) (?:is|are) (?:sitting |sat |standing |stood |right |staying )?"
    r"(?:beside|next to|with) me\b"
)
_PRESENCE_KINDS = frozenset({"suspect_present", "followed_now"})
_SAT_WITH_ME = rx(r"\b(?:sitting|sat|right) (?:beside|next to|with) me\b")
# The clause a mention is in starts with no subject: ", just sitting in his van", ", sitting there"
_NO_SUBJECT = rx(
    r", (?:just |and |and just )?(?:sitting|sat|standing|stood|waiting|watching|parked|lurking)"
    r"(?: \w+){0,3} $"
)
# what custody rules out ("he threatened to kill me ... he's been arrested and remanded")
_NEAR_KINDS = _PRESENCE_KINDS | {"entry_attempt", "weapon", "threat_imminent"}


@dataclass(frozen=True)
class Message:
    """What the whole message says, read once: its sentences and the facts that reframe them."""

    story: tuple[str, ...]  # the sentences, as read by the detector
    whole: str
    just_happened: bool  # a few words with no time in them: "he choked me", "kids gone w him"
    custody: bool  # "police came, they've arrested him"
    elsewhere: bool  # the writer is safe somewhere else: "hes in manchester, im in bristol"
    they_are_safe: bool  # "she's safe though, she's at home with us"
    retold: bool  # "I'm writing it as if it's happening ... That was 2022"
    unfound: bool  # "he doesn't know where I am"
    for_someone: bool  # "I'm reporting for my daughter"
    not_there_now: bool  # "they weren't there today"
    nobody_there: bool  # "there was nobody there"
    storied: bool  # a story from a time already over: "so this morning ... I'm home now"
    both_safe: bool  # "we're both safe", "I'm safe"
    waiting_for_help: bool  # "waiting for my husband to get home"
    explained_at: tuple[int, int] | None  # (sentence, position) of "ok it was just the amazon guy"
    thanked: bool  # "thanks", "diolch"
    same_old: bool  # "SOS = same old stuff", "not like 999 help"
    relocated: bool  # "moved cities, new number"

    @classmethod
    def read(cls, story: list[str]) -> Message:
        whole = " ".join(story)
        # (Not when it reads as the answer to "has he ever...?" - "yes, he choked me", "he did once".)
        just_happened = len(whole.split()) <= _SHORT_MESSAGE and not (
            STORY_PAST.search(whole)
            or HABIT_RX.search(whole.replace("everywhere", ""))
            or _AGREED.search(whole)
            or _HISTORY_ANSWER.search(whole)
        )
        return cls(
            story=tuple(story),
            whole=whole,
            just_happened=just_happened,
            custody=bool(_CUSTODY.search(whole)) and not _RELEASED.search(whole),
            elsewhere=bool(_SAFE_HERE.search(whole)),
            they_are_safe=bool(_THEY_ARE_SAFE.search(whole)),
            retold=bool(_RETOLD.search(whole) and _OVER_NOW.search(whole)),
            unfound=bool(_UNFOUND.search(whole)),
            for_someone=bool(_FOR_SOMEONE.search(whole)),
            not_there_now=bool(_NOT_THERE_NOW.search(whole)),
            nobody_there=bool(_NOBODY_THERE.search(whole)),
            storied=bool(
                story
                and (
                    _PAST_OPENER.search(story[0])
                    or (_STORY_OPENER.search(story[0]) and _OUT_OF_IT.search(whole))
                )
            ),
            both_safe=bool(_BOTH_SAFE.search(whole)),
            waiting_for_help=bool(_WAITING_FOR_HELP.search(whole)),
            explained_at=_explained_at(story),
            thanked=bool(_THANKS.search(whole)),
            same_old=bool(_SAME_OLD.search(whole)),
            relocated=bool(_RELOCATED.search(whole)),
        )

    def explained_after(self, m: Mention) -> bool:
        """Whether the fright was explained away after this mention ("... ok it was my neighbour")."""
        if self.explained_at is None:
            return False
        index, position = self.explained_at
        return m.index < index or (m.index == index and m.end <= position)

    @property
    def thanked_in_any_language(self) -> bool:
        """Thanks, read with accents folded: "Mulțumesc" as "multumesc"."""
        return bool(_THANKS.search(fold(self.whole)))


def _explained_at(story: list[str]) -> tuple[int, int] | None:
    for index, sentence in enumerate(story):
        explained = _EXPLAINED_AWAY.search(sentence)
        if explained:
            return index, explained.start()
    return None


@dataclass(frozen=True)
class Mention:
    """One signal where it was found: its kind, span and frame in sentence `index` of the story."""

    kind: str
    start: int
    end: int
    frame: str
    index: int
    sentence: str
    said_now: bool  # the sentence itself says now
    evidence: str  # the user's words, as quoted to the call handler
    calm_sentence: bool  # the sentence says the writer is safe from what it mentions

    @property
    def words(self) -> str:
        return self.sentence[self.start : self.end]


# A step: given a mention and its message, the frame it should have instead, or None.
Reframing = Callable[[Mention, Message], "str | None"]


def _happened_just_now(m: Mention, message: Message) -> str | None:
    # "he choked me", "kids gone w him", "took a load of tablets": a few words with no time in them
    if m.frame == PAST and message.just_happened and m.kind in _HAPPENING_KINDS:
        return NOW
    return None


def _next_says_just_now(m: Mention, message: Message) -> str | None:
    # "he's sent me a photo of my front door. like literally just now"
    following = message.story[m.index + 1] if m.index + 1 < len(message.story) else ""
    return NOW if m.frame == PAST and _JUST_NOW_NEXT.search(following) else None


def _dated_by_the_story(m: Mention, message: Message) -> str | None:
    # a sentence dated by the ones around it: "last night he came round. he's banging on the door"
    if m.frame == NOW:
        return story_frame(message.story, m.index, m.start, m.end, m.kind)
    return None


def _overdose_today(m: Mention, message: Message) -> str | None:
    if m.kind != "suicidal" or m.frame != PAST or not _TAKEN.search(m.words):
        return None
    return NOW if STILL_ONGOING_SINCE.search(m.sentence) else None


def _counted_visits(m: Mention, message: Message) -> str | None:
    # "Now he's turned up at my yoga class twice"
    if m.frame != NOW or m.kind not in _PRESENCE_KINDS or _RIGHT_NOW.search(m.sentence):
        return None
    return HABITUAL if _COUNTED_AFTER.search(m.sentence[m.end :]) else None


def _come_to_help(m: Mention, message: Message) -> str | None:
    # "my dad's just arrived to change the lock"
    if m.frame == NOW and m.kind == "suspect_present" and _COME_TO_HELP.search(m.sentence[m.end :]):
        return NEGATED
    return None


def _out_of_sight(m: Mention, message: Message) -> str | None:
    # "My brother-in-law ... won't let me out of his sight"
    return NEGATED if m.frame == NOW and _OUT_OF_SIGHT.search(m.sentence[m.end :]) else None


def _only_talk(m: Mention, message: Message) -> str | None:
    # "says he'll come round and smash the windows but he never has"
    if m.kind == "threat_imminent" and m.frame == NOW and ONLY_TALK.search(m.sentence):
        return HABITUAL
    return None


def _cannot_find_them(m: Mention, message: Message) -> str | None:
    # "... gonna do me in when he sees me, but he doesn't know where I am"
    if (
        m.kind == "threat_imminent"
        and m.frame == NOW
        and message.unfound
        and not (m.said_now or _TODAY.search(m.sentence))
    ):
        return HABITUAL
    return None


def _doubting_a_habit(m: Mention, message: Message) -> str | None:
    # "a man who's always at my bus stop ... I might be being paranoid"
    if (
        m.kind == "followed_now"
        and m.frame == NOW
        and _SELF_DOUBT.search(m.sentence)
        and HABIT_RX.search(m.sentence)
        and not (m.said_now or RECENT.search(m.sentence))
    ):
        return HABITUAL
    return None


def _habit_of_the_sentence(m: Mention, message: Message) -> str | None:
    # "he has been parked outside my work most mornings when I arrive, just sitting in his van watching
    # me go in": a clause with no subject of its own carries on the sentence's habit
    if (
        m.kind in _PRESENCE_KINDS
        and m.frame == NOW
        and _NO_SUBJECT.search(m.sentence[: m.start])
        and HABIT_RX.search(m.sentence[: m.start])
        and not (m.said_now or RECENT.search(m.sentence[m.start :]))
    ):
        return HABITUAL
    return None


def _beside_me_is_who_i_write_for(m: Mention, message: Message) -> str | None:
    # "I'm writing about my daughter ... she's sat next to me so I can check things with her"
    if message.for_someone and m.frame == NOW and m.kind in _PRESENCE_KINDS | {"cannot_speak"}:
        return NEGATED if _SAT_WITH_ME.search(m.sentence[max(0, m.start - 12) : m.end + 12]) else None
    return None


def _reporting_for_someone(m: Mention, message: Message) -> str | None:
    # "I'm reporting for my daughter ... she doesn't know I'm doing this"
    if m.kind == "cannot_speak" and message.for_someone and _NOT_TOLD.search(m.sentence):
        return NEGATED
    return None


def _busy(m: Mention, message: Message) -> str | None:
    # "can't talk now, at work, will text later"
    return NEGATED if m.kind == "cannot_speak" and _BUSY.search(m.sentence) else None


def _phone_kept_off(m: Mention, message: Message) -> str | None:
    # "my phone's dead most of the time cos i keep it off to stop his calls ... using my mates phone"
    if m.kind == "cannot_speak" and m.words.endswith("phone") and _PHONE_OFF.search(message.whole):
        return NEGATED
    return None


def _not_a_cry(m: Mention, message: Message) -> str | None:
    # "SOS = same old stuff", "help. not like 999 help", "thanks for the help"
    return NEGATED if m.kind == "call_for_help" and (message.same_old or message.thanked) else None


def _a_life_in_hiding(m: Mention, message: Message) -> str | None:
    # "i'm in hiding basically. moved cities, new number"
    if m.kind == "hiding" and m.frame == NOW and message.relocated and not now_marked(message.whole, False):
        return HABITUAL
    return None


def _in_custody(m: Mention, message: Message) -> str | None:
    # "police came, they've arrested him, he's at the station now"; "they've taken him out to the car"
    # is the police taking him, not a child taken
    taken_by_police = m.kind == "child_in_danger" and _POLICE_TOOK.search(m.words)
    if message.custody and m.frame == NOW and (m.kind in _NEAR_KINDS or taken_by_police):
        return NEGATED
    return None


def _writer_elsewhere(m: Mention, message: Message) -> str | None:
    # the person is safe somewhere else (even when he texts "I'm outside"); not "outside her school"
    evidence = m.evidence.lower()
    if (
        message.elsewhere
        and m.frame == NOW
        and (m.kind in _PRESENCE_KINDS or _AT_HOME.search(evidence))
        and not _THEIR_PLACE.search(evidence)
    ):
        return NEGATED
    return None


def _retold(m: Mention, message: Message) -> str | None:
    # "I'm writing it as if it's happening. He's outside ... That was 2022"
    if (
        message.retold
        and m.frame == NOW
        and m.kind != "suicidal"
        # ("just" near the mention, not "I just want it written down" at the end of a long sentence)
        and not (m.said_now or RECENT.search(m.sentence[max(0, m.start - 40) : m.end + 40]))
    ):
        return PAST
    return None


def _storied(m: Mention, message: Message) -> str | None:
    # "so this morning I'm taking the kids to school, he's there ... I'm home now"
    if message.storied and m.frame == NOW and not now_marked(without_other_nows(m.sentence), False):
        return PAST
    return None


def _not_there_after_all(m: Mention, message: Message) -> str | None:
    # "they sit in the car park and watch me ... they weren't there today"; his "I'm outside" and
    # "there was nobody there"
    if m.frame == NOW and m.kind in _PRESENCE_KINDS and not m.said_now:
        claimed = message.nobody_there and _HIS_CLAIM.search(m.words)
        if message.not_there_now or claimed:
            return NEGATED
    return None


def _they_are_safe(m: Mention, message: Message) -> str | None:
    # "she's safe though, she's at home with us"
    return NEGATED if message.they_are_safe and m.frame == NOW and m.kind in _PRESENCE_KINDS else None


def _help_on_its_way(m: Mention, message: Message) -> str | None:
    # "i'm waiting for my husband to get home ... he's five minutes away"
    if m.kind != "threat_imminent" or m.frame != NOW or not message.waiting_for_help:
        return None
    return NEGATED if _MINUTES_AWAY.search(m.words) else None


def _explained_away(m: Mention, message: Message) -> str | None:
    # "sorry someones at the door... ok it was just the amazon guy lol"
    if m.frame == NOW and m.kind in _PRESENCE_KINDS | {"entry_attempt"} and message.explained_after(m):
        return NEGATED
    return None


def _safe_beside_me(m: Mention, message: Message) -> str | None:
    # "yeah we're both safe, she's sitting beside me" (and so can talk)
    if message.both_safe and m.frame == NOW and m.kind in _PRESENCE_KINDS | {"cannot_speak"}:
        return NEGATED if _BESIDE_ME.search(m.words) else None
    return None


def _said_to_be_safe(m: Mention, message: Message) -> str | None:
    # "she's not in any danger right now, she's sitting next to me": she is safe
    safe_one = _NOT_IN_DANGER.search(m.sentence)
    if safe_one and m.frame == NOW and m.words.startswith(safe_one["who"] + " "):
        return NEGATED
    return None


def _calm_sentence(m: Mention, message: Message) -> str | None:
    # "he's abroad right now", "I'm at home and my partner's here"
    return NEGATED if m.calm_sentence and m.kind in _PRESENCE_KINDS and m.frame == NOW else None


REFRAMINGS: tuple[Reframing, ...] = (
    _happened_just_now,
    _next_says_just_now,
    _dated_by_the_story,
    _overdose_today,
    _counted_visits,
    _come_to_help,
    _out_of_sight,
    _only_talk,
    _cannot_find_them,
    _doubting_a_habit,
    _habit_of_the_sentence,
    _beside_me_is_who_i_write_for,
    _reporting_for_someone,
    _busy,
    _phone_kept_off,
    _not_a_cry,
    _a_life_in_hiding,
    _in_custody,
    _writer_elsewhere,
    _retold,
    _storied,
    _not_there_after_all,
    _they_are_safe,
    _safe_beside_me,
    _help_on_its_way,
    _explained_away,
    _said_to_be_safe,
    _calm_sentence,
)


def reframe(mention: Mention, message: Message) -> str:
    """The mention's frame once every step of `REFRAMINGS` has looked at it, in order."""
    for step in REFRAMINGS:
        changed = step(mention, message)
        if changed and changed != mention.frame:
            mention = replace(mention, frame=changed)
    return mention.frame
