"""Danger as situations: who x where-or-what x now, composed from word lists (GUIDE.md §2).

The phrase rules in `danger_rules.py` know many exact wordings; strangers write others. This
layer recognises the *shape* of a situation instead:

- presence: a person or their vehicle (`lexicon.WHO`, with an optional "who attacked me last
  year" / "from flat 4" tail) + is/are/has been + an optional posture + a place
  (`lexicon.LOCATION`): "the man from flat 4 is in the corridor outside my door again";
- arrival: person + (has) just turned up / walked in / come in;
- at the door: (person) + banging / ringing / trying / forcing + door, handle, lock, window;
- following, weapons held, assault just happened, a child taken or kept, hiding places,
  cannot speak safely, suicidal plans.

Whether it is *now* is judged on the situation's own words plus the rest of its clause, leaving
out the subject's tail (so "the man who hit me last year is outside" is now). Negation, past
words, routine words, "if" and questions make it not-now, unless a now-word overrides the past
or routine cue. Like the other rules, every pattern has bounded gaps only: linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.triage import lexicon as lx
from bot.triage.danger_rules import KEEPS, RECENT, RECENT_WIDE, rx
from bot.triage.framing import (
    BACK_IN_MY_LIFE,
    HABITUAL,
    HYPO,
    HYPOTHETICAL,
    LEADING_JOIN,
    MERE_JUST,
    NEG,
    NEGATED,
    NOW,
    PAST,
    PAST_RX,
    now_marked,
    only_nowadays,
    someone_left,
    without_other_nows,
)
from bot.triage.text import Segment

_WHO = lx.WHO
_TAIL = lx.WHO_TAIL
_F = lx.FILLER
_DET = r"(?:" + lx.DETERMINERS + r"|every|all the|all of the|each|both)"
_BE = r"(?:is|are|has been|have been|been|keeps being|is now|is still)"
_POSTURE = (
    r"(?:standing|stood|sitting|sat|waiting|parked|parked up|lurking|loitering|hanging around|hanging about|"
    r"pacing|hiding|watching|staring|looking|crouching|kneeling|leaning|smoking|walking|shouting|screaming|"
    r"filming|peering|just standing|just sitting|"
    # "is in his van across the road": a vehicle he sits in, then where it is
    r"(?:sat |sitting |waiting |parked )?in (?:(?:his|her|their|a|the) )?(?:car|van|truck|pickup|motorbike|taxi|"
    r"cab))"
)
_OK_PRESENCE = (
    r"(?! (?:his|her|their) (?:own )?(?:house|flat|home|place|room|bedroom|job|work|office|workplace)\b)"
    r"(?! (?:at the (?:garage|mechanics?|dealers?|body shop)|(?:back )?in the (?:area|country|uk|town|city))\b)"
    r"(?! on (?:my |his |her |their |the )?(?:facebook|fb|instagram|insta|tiktok|snapchat|twitter|whatsapp|"
    r"messenger|linkedin|profile|page|feed|socials?|dms|timeline)\b)"
    r"(?!(?: \w+){0,2} in (?:the|his|these|those|some|old) (?:pics|photos|pictures|videos|video|photo|picture)\b)"
    r"(?! (?:having a (?:smoke|fag|cigarette|vape|drink)|smoking|on the phone|with the dog|walking the dog|putting "
    r"the bins out|washing the car|waiting for the kids|for the handover|like the court said|as agreed|as "
    r"arranged)\b)"
    r"(?! (?:to help|with me|with us|for me|to support|to look after|helping|to protect|to pick|to collect|"
    r"to drop|to drive|to take|to give|to walk|to fit|to fix|to repair|to deliver|to check|for the kids|with "
    r"the kids|with the shopping|taking a statement|playing|waiting to (?:drive|take|give|walk)|"
    r"and i feel safe|"
    r"as me|as us)\b)"
)
_NOT_A_NAME = frozenset(
    [
        "it",
        "this",
        "that",
        "there",
        "here",
        "which",
        "what",
        "who",
        "where",
        "everything",
        "everyone",
        "everybody",
        "nothing",
        "something",
        "anything",
        "work",
        "school",
        "dinner",
        "lunch",
        "food",
        "parking",
        "stuff",
        "money",
        "post",
        "mail",
        "parcel",
        "delivery",
        "one",
        "life",
        "home",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "me",
        "help",
        "police",
        "mum",
        "dad",
        "kids",
        "car",
        "weather",
        "wind",
        "rain",
        "sun",
        "bin",
        "bins",
        "phone",
        "battery",
        "tea",
        "coffee",
        "meeting",
        "party",
        "class",
        "lesson",
        "appointment",
        "shop",
        "office",
        "gym",
        "house",
        "flat",
    ]
)
_SAFE = rx(lx.SAFE_PEOPLE)
# The words right before the predicate are someone close coming to help: "... I'm safe now my daughter is
# on her way over" (not "my kids dad", and not a partner, who may be the one to fear)
_FAMILY_SUBJECT = rx(
    r"\bmy (?:daughter|son|dad|father|brother|sister|mum|mam|mother|friend|grandson|granddaughter|nan|gran|"
    r"grandad|uncle|aunt|auntie|cousin) $"
)
_GONE = rx(
    r"\b(?:has gone|is gone|have gone|has left|went away|drove off|ran off|has driven off|walked off|"
    r"gone home|gone now|left now)\b"
)
_EARLIER = rx(r"\b(?:this morning|earlier|earlier today|at lunchtime|in the morning)\b")
_SINCE = rx(
    r"\b(?:"
    + lx.SINCE_NOW
    + r"|for (?:the (?:last|past) )?(?:like |about |around |roughly |maybe |over |nearly |"
    r"almost )?(?:an?|half an|\d+|one|"
    r"two|"
    r"three|four|five|ten|twenty|thirty|forty|a few|a couple of|several) (?:hours?|minutes?|mins?|"
    r"seconds?|streets?|miles?|stops?|roundabouts?|junctions?|turns?)|for ages|for a while|"
    r"all (?:night|evening|day))\b"
)
_HABIT = rx(lx.HABITUAL_WORDS)
_COUNTED = rx(
    r"(?: \w+){0,3}? (?:twice|three times|four times|\d+ times|a few times|several times|"
    r"more than once|a couple of times|once or twice|loads of times|so many times)\b"
)
# "he's text me", "she has just messaged": the writer says it came just now.
_JUST_SENT = rx(
    r"\b(?:he|she|they|my ex) (?:is|has|have) (?:just |now )?(?:text|texted|messaged|sent|rang|called|snapped|dm d|"
    r"voice noted|left a voicemail)\b"
)
_WHEN_THREATENED = rx(
    r"\b(?:tonight|today|this evening|in (?:\d+|an?|half an|ten|five|twenty) (?:mins?|minutes|hours?)|at \d+|"
    r"when (?:he|she|they) (?:wakes up|wake up|gets out|get out|gets back|gets home|comes back|sobers up))\b"
)
_SHORT_SENTENCE = 6  # words
# An overdose or a child taken this long ago is still going on (also read by reframing.py).
STILL_ONGOING_SINCE = rx(
    r"\b(?:an?|half an|\d+|one|two|three|five|ten|fifteen|twenty|thirty|forty|a couple of|a few|few) "
    r"(?:hours?|our|hrs?|mins?|minutes) ago\b"
    r"|\b(?:earlier (?:today|tonight)|this (?:morning|evening|afternoon)|tonight)\b"
)
_PAST_BEFORE = rx(
    PAST_RX.pattern
    + r"|\b(?:earlier|this morning|this afternoon)\b"
    + r"|\b(?:he|she|they|someone|somebody) (?:was|were|had|came|sat|stood|walked|followed|drove|got|went|"
    r"turned|parked|waited|ran|pulled|did|started|began)\b"
)
_PAST_AUX = rx(r"\b(?:was|were|had|had been|used to|did|would|kept|wasnt)\s+(?:\w+\s+)?$")
_QUESTION_LEAD = rx(r"^(?:what|how|should|can|could|would|does|do|will|shall|is it|am i|where|who|why)\b")
_NEG_BEFORE = rx(r"\b(?:not|never|no one|nobody|no)\s+(?:\w+\s+)?$")
# "I don't think he's actually nearby": the doubt comes before the subject.
_DOUBTED = rx(r"\b(?:do not|did not|dont|don t) (?:think|believe|reckon)\s+$")
# How often, said outright: "for an hour or so" then describes each time, not a spell going on now.
_FREQUENCY = rx(
    r"\b(?:most|every|some) (?:nights|evenings|days|mornings|weekends|night|evening|day|morning)\b|\bnightly\b|"
    r"\b(?:times|nights|evenings|days) a week\b"
)
_NEG_AFTER = rx(lx.NEGATION_AFTER)
# An arrival ("he has turned up at my work") is now when something says he is still there or when.
_STILL_HERE = rx(
    RECENT_WIDE.pattern
    + r"|"
    + lx.NOW_WORDS
    + r"|\b(?:again|here|will not (?:leave|go)|refus\w* to (?:leave|go)|"
    r"and (?:is|are)|is still|is here|is outside|is at|is in|asking for|shouting|staring|won t leave)\b"
)
_CHILD_HERE = rx(r"\b(?:" + lx.CHILD + r"|\d+ year old|(?:my|our|her|his) (?:kid|kids|baby|boy|girl))\b")


@dataclass(frozen=True)
class Situation:
    """One situation shape. The pattern has a `pred` group and optionally a `who` group."""

    kind: str
    pattern: re.Pattern[str]
    check_negation: bool = True
    check_habitual: bool = True
    keeps_now: bool = True  # "keeps banging" is now; "keeps following me" is routine unless now-marked
    needs_recent: bool = False  # a past form ("has just been attacked") counts only with a recency word
    needs: re.Pattern[str] | None = None  # the sentence must also show this (e.g. a child)
    presence: bool = False  # "he has gone" later in the sentence ends it
    name_subject: bool = False  # the subject is a bare name: demand an explicit now-word
    quotes: bool = False  # the pattern holds his words ("today's the day"): they do not date it


_LOC = lx.LOCATION
_OBJ_PEOPLE = (
    r"(?:me|us|her|him|them|my car|our car|the car|(?:my|our|the|her|his|their) (?:\w+ ){0,2}?(?:son|daughter|kids|"
    r"children|child|colleague|colleagues|friend|staff|member|partner|mum|wife|girlfriend|boyfriend|sister|"
    r"brother|pupil|pupils|student|client|patient|customer|husband|dad|baby|nan|gran))"
)
_ONLINE = (
    r"(?!(?: \w+){0,3} (?:on|onto|via|through) (?:the |every |all (?:my |the )?)?(?:instagram|insta|twitter|x|"
    r"facebook|fb|tiktok|snapchat|snap|"
    r"social media|social|socials|online|linkedin|strava|youtube|whatsapp|snap ?maps?|find my|life360|the app|apps?|"
    r"every social|platforms?)| (?:online|accounts?|page|profile|posts|stories|story)\b)"
)

# Forcing a way in, as the thing done: "broke the door", "kicked in the back window".
_BROKE_IN = (
    r"(?:broke|broken|smashed|kicked in|kicked down|kicked|booted|bashed in|forced|busted) (?:in |down |open )?"
    r"(?:the|my|our|her|me) (?!car |van |wing |windscreen )(?:\w+ )?(?:door|doors|window|windows|lock|gate)\b"
)

SITUATIONS: tuple[Situation, ...] = (
    # --- presence: who + is + (posture) + where ---
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>{_BE} {_F}(?:{_POSTURE}(?: \w+){{0,4}}? )?{_LOC})"
            rf"{_OK_PRESENCE}"
        ),
        presence=True,
    ),
    Situation(
        "suspect_present",
        rx(
            rf"\bthere (?:is|are|has been|have been) (?P<who>(?:an?|some|two|three|this|that|the same|a strange) "
            rf"(?:\w+ ){{0,2}}?{lx.alternation((*lx.PERSON_HEADS, *lx.VEHICLE_HEADS))})(?P<pred>(?: \w+){{0,3}}? "
            rf"(?:{_LOC}|{_POSTURE}|trying|banging|knocking|following|creeping|prowling))\b"
        ),
        presence=True,
    ),
    # a name: "Jason's outside again", "kev is at the door again"
    Situation(
        "suspect_present",
        rx(
            rf"(?:^|, |\b(?:and|but|so|omg|now|help|please) )(?P<who>[a-z]+) (?P<pred>(?:is|has parked|"
            rf"is parked) {_F}"
            rf"(?:{_POSTURE}(?: \w+){{0,3}}? )?{_LOC})"
        ),
        presence=True,
        name_subject=True,
    ),
    # no verb, a short sentence: "man at my window", "ex on the doorstep"
    Situation(
        "suspect_present",
        rx(
            rf"^(?:(?:omg|help|please|now|and|oh god|shit) )?(?P<who>{_WHO}|him|her|them|man|guy|bloke|woman|"
            rf"someone|stalker|his car|car|van) (?P<pred>(?:still |now |"
            rf"right |just |again )?(?:{lx.alternation(lx.PREPS)} (?:{lx.DETERMINERS} )?(?:\w+ )?{lx.PLACE_NOUN}"
            # "the man in the flat above me": where he lives, not where he is
            rf"(?! (?:above|below|upstairs|downstairs|next door|opposite|across)\b)|"
            # (not the subject of what someone did: "the woman at the gym desk saw him though")
            rf"outside|here|downstairs|inside))(?:(?: (?!(?:is|are|was|were|has|had|saw|told|said|noticed|heard|"
            rf"asked|spoke|called|rang|helped|knows|knew)\b)\w+){{0,3}})$"
        ),
        presence=True,
    ),
    # arrival: "has just turned up", "has just walked into reception"
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has |have )(?:just |only just |now |again )?(?:turned up|"
            rf"shown up|"
            r"showed up|arrived|come in|come into|come onto|come up to|come to(?! stay)|come round|come over|come back|"
            r"walked in|walked into|walked onto|"
            r"walked up|rocked up|pulled up|got here|appeared|barged in|burst in|let (?:himself|herself|"
            r"themselves) "
            r"in)\b)"
        ),
        presence=True,
        needs=_STILL_HERE,
    ),
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:just |only just )(?:turned up|showed up|arrived|came in|"
            r"came into|come onto|come into|came onto|walked in|walked into|walked up|rocked up|pulled up|got here|appeared|barged in|"
            r"burst in)\b)"
        ),
        presence=True,
    ),
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:turned up|showed up|arrived|came in|walked in|walked into|"
            r"pulled up|rocked up|appeared)(?: \w+){0,4}? (?:just now|a minute ago|minutes ago|moments ago|"
            r"seconds ago)\b)"
        ),
        presence=True,
    ),
    # "i've locked the door he's kicking it": the door named earlier in the sentence
    Situation(
        "entry_attempt",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are) (?:now |still )?(?:kicking|booting|banging on|hammering on|"
            r"punching|smashing|forcing|shoulder barging|pulling at|yanking) it)\b"
        ),
        needs=rx(r"\b(?:door|doors|window|windows|gate|lock)\b"),
    ),
    # "hes broke the door", "she's smashed the back window in", "he's booted the door"; told in the
    # simple past ("he kicked the door so hard the frame split") it needs a recency word
    Situation(
        "entry_attempt",
        rx(rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has|have|is|are) (?:just )?{_BROKE_IN})"),
        check_habitual=True,
    ),
    Situation(
        "entry_attempt",
        rx(rf"(?<!once )\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:just )?{_BROKE_IN})"),
        check_habitual=True,
        needs_recent=True,
    ),
    # "he's climbing on the garage roof towards my bedroom window", "climbing over the back fence"
    Situation(
        "entry_attempt",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are) (?:now |still |literally )?(?:climbing|clambering|"
            r"getting|trying to climb|trying to get) (?:on|onto|up|over|through|in|into|up to) (?:the|my|our|her) "
            r"(?:\w+ )?(?:roof|wall|fence|balcony|window|drainpipe|gate|garden|yard|shed))\b"
        ),
    ),
    # "being followd rite now", "im being followed by a man in a van" with no "I am" before it
    Situation(
        "followed_now",
        rx(
            r"(?:^|\b(?:im|i m|i am|help|please|now|and) )(?P<pred>being (?:followed|chased|tailed)\b)"
            r"(?!\W{0,3}(?:on|via|through) (?:twitter|instagram|insta|facebook|tiktok|snapchat|x|social media|online)\b)"
        ),
        needs=rx(
            r"\b(?:now|right now|by (?:my|a|the|this|some|two)|he is|she is|they are|in a|in his|help|please)\b"
        ),
    ),
    # "ring doorbell just went off. its him", "someone at the door. it's him"
    Situation(
        "suspect_present",
        rx(
            r"^(?:oh god |omg |yes |yeah |and )?(?P<pred>it is (?:definitely |really |actually )?(?:him|her|them))\b"
            r"(?! (?:who|that|again|from|on|in|i think|is not|not))"
        ),
        needs=rx(r"^(?:\S+ ){0,5}\S+$"),  # a few words on their own: said of what is happening
    ),
    # "... and hes there with his phone filming me"
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are) (?:right |just )?there (?:\w+ ){{0,5}}?(?:filming|recording|"
            r"staring|watching|looking at|photographing) (?:me|us|the house|my)\b)"
        ),
        presence=True,
    ),
    # "... 6 times in the last hour, just stopped outside"
    Situation(
        "suspect_present",
        rx(
            r"(?:,|\band) (?P<pred>(?:has |have )?just (?:stopped|pulled up|parked) (?:right )?(?:outside|opposite)\b)"
        ),
        presence=True,
    ),
    # "her ex has been there all night shouting": a spell going on now
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has|have) been (?:there|here|outside|at (?:the|her|my|our) door) "
            r"(?:all night|all evening|all day|for hours|for (?:an|\d+|two|three) hours?)\b)"
        ),
        presence=True,
    ),
    # "i just heard glass go and her screaming"
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:just )?(?:heard|hear|can hear) (?:the |a )?(?:glass|window) (?:go|going|smash|smashing|"
            r"break|breaking|shatter|shattering)\b)"
        ),
        needs=rx(r"\b(?:just|now|right now|scream|screaming|screams|shouting|he|him|her|ex)\b"),
    ),
    # "she took all her tablets", "he's swallowed a load of pills"
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>(?:has |have |is |just )?(?:taken|took|swallowed|had) (?:all|a load of|loads of|a bunch of|"
            r"a handful of|the whole|a whole|all of) (?:of )?(?:her|his|my|their|the|them|these|those)? ?"
            r"(?:tablets|pills|meds|medication|paracetamol|packet|bottle))\b"
        ),
    ),
    # "trying to get the year 2 child to come with him"
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:is |are )?trying to (?:get|make|take|grab|persuade|drag|pull) (?:the|a|my|her|his|our|their) "
            r"(?:\w+ ){0,3}?(?:child|kid|boy|girl|son|daughter|baby|pupil|toddler) (?:to (?:come|go|leave|get in)|into|"
            r"out of)\b)"
        ),
    ),
    # "he's live streaming outside my house right now on tiktok": there in person, whatever the app
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are) (?:now |still )?(?:live ?streaming|livestreaming|filming|"
            r"recording|going live) (?:outside|in front of|at|by) (?:my|our|her|the) (?:\w+ )?(?:house|flat|door|home|"
            r"window|work|school|building)\b)"
        ),
        presence=True,
    ),
    # "just now he pulled over in front of us"
    Situation(
        "suspect_present",
        rx(
            rf"(?:\b(?P<who>{_WHO}){_TAIL} )(?P<pred>(?:has )?(?:just )?pulled (?:over|up) (?:right )?(?:in front of|"
            r"next to|beside|alongside) (?:us|me)\b)"
        ),
        needs=rx(r"\b(?:just|now|right now)\b"),
    ),
    # "just posted a photo of the café I'm sitting in right now": he is, or was a moment ago, outside
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:posted|sent|shared|put up|uploaded) (?:me )?(?:a |this )?(?:photo|picture|pic|video|"
            r"snap) (?:\w+ ){0,4}?of (?:the|my|this) (?:\w+ ){0,3}?(?:i am|i m|im|we are) (?:sitting|sat|standing|stood|in|at)"
            r"\b)"
        ),
        needs=rx(r"\b(?:right now|now|just|at the moment)\b"),
    ),
    # "hes asleep in the other room" (he, not the person she is keeping safe)
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<who>he|my ex|her ex|his ex|the ex)\b (?P<pred>is (?:asleep|sleeping|passed out|drunk) (?:in|on) "
            r"(?:the|my|our) (?:other room|next room|sofa|couch|bed|bedroom|lounge|living room|kitchen|spare room)\b)"
        ),
    ),
    # "he's still out there"
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are) still out (?:there|here|the front|the back|side)\b)"
        ),
    ),
    # "I can hear him laughing outside"
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>i can (?:hear|see) (?:him|her|them) (?:laughing|shouting|screaming|swearing|banging|"
            r"knocking|outside|downstairs|at the door|in the garden|on the stairs)\b)"
        ),
    ),
    # "a brick just came through my window"
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:a |the )?(?:brick|stone|rock|bottle|something|firework|egg) (?:has )?(?:just )?(?:came|come|"
            r"went|gone|was thrown|been thrown) (?:through|in through|into) (?:my|the|our|her) (?:\w+ )?"
            r"(?:window|door|letterbox)\b)"
        ),
    ),
    # "he'll be back with his brothers"
    Situation(
        "threat_imminent",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:will|ll|is going to|is gonna) be back (?:later |tonight )?with "
            r"(?:his|her|their) (?:mates|brothers|friends|boys|lads|cousins|family|gang)\b)"
        ),
        check_habitual=False,
    ),
    # "followed in car since i left work. silver merc still behind."
    Situation(
        "followed_now",
        rx(
            r"(?:^|\b(?:been|being|im|i am|i m) )(?P<pred>followed (?:in (?:a|his|the|her) (?:car|van) |by (?:a|his|"
            r"the) (?:car|van) )?since i (?:left|got off|came out of)\b)"
        ),
    ),
    Situation(
        "followed_now",
        rx(
            r"\b(?P<pred>(?:car|van|merc|bmw|audi|golf|he|she|they|it) (?:is |s )?still (?:behind (?:me|us)|behind|"
            r"on my tail|following)\b)"
        ),
    ),
    # "he's walking towards us across the field"
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are) (?:now |still )?(?:walking|running|coming|heading|driving|"
            r"marching) (?:straight )?(?:towards|up to|over to|right at) (?:us|me)\b)"
        ),
        presence=True,
    ),
    # "her ex has just dragged her into his car"
    Situation(
        "assault",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has |have )?(?:just )?(?:dragged|pulled|forced|bundled|pushed|"
            r"thrown|grabbed) (?:her|him|them|me|my \w+) (?:into|in) (?:his|her|their|a|the) (?:car|van|vehicle|boot)\b)"
        ),
    ),
    # his words, as sent: "I'm 5 mins away, don't bother locking the door"
    Situation(
        "threat_imminent",
        rx(
            r"\b(?P<pred>(?:texted|text|texts|messaged|message|said|says|saying|sent)(?: me)?(?: \w+){0,3}? "
            r"(?:i am|i m|im) (?:\d+|five|ten|two|a few|a couple of|couple of) (?:mins?|minutes) away)\b"
        ),
        quotes=True,
    ),
    # "he'll be back in ten minutes", "he'll be back any minute"
    Situation(
        "threat_imminent",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:will|ll|is going to|is gonna) be back (?:in (?:a|\d+|ten|five|two|"
            r"twenty|a few|half an) (?:mins?|minutes?|hour)|any (?:minute|second|moment)|soon|shortly|in a bit))\b"
        ),
        check_habitual=False,
    ),
    # "he's broke my nose", "she's just broken my arm"
    Situation(
        "assault",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has|have|is|are) (?:just )?(?:broke|broken|smashed|bust|busted|"
            r"split|cut) (?:my|her|his|their) (?:nose|jaw|arm|ribs?|wrist|fingers?|teeth|tooth|face|head|lip|eye)\b)"
        ),
    ),
    # "he's stopped outside my house", "the van has just stopped opposite"
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has |have |is |are )?(?:just |now )?stopped (?:now )?"
            r"(?:his |her |their |the )?(?:car |van )?(?:right )?(?:outside|opposite|across the road|in front of|"
            r"at the end of|next to) (?:my|our|the|her|his|me|us)\b)"
        ),
        presence=True,
    ),
    # "he's still standing there", "I can see his shadow under the door"
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are) still (?:standing|stood|sat|sitting|waiting|lurking|"
            r"hanging around|parked) (?:there|here|outside|about|around)\b)"
        ),
        presence=True,
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>i can (?:see|hear) (?:his|her|their|a|someone s|somebody s) shadow (?:under|at|by|through|"
            r"outside) (?:the|my|our) (?:\w+ )?(?:door|window|letterbox|curtain|blind)s?)\b"
        ),
        presence=True,
    ),
    # continuation without a subject: "... and is still behind me", "and is in reception"
    Situation(
        "suspect_present",
        rx(
            rf"\b(?:he|she|they|him|her|them|man|guy|ex|car|van|someone|parked|arrived|turned up|pulled up|"
            rf"come)\b"
            rf"(?: \w+){{1,10}}? (?:and|,) (?P<pred>(?:is|are) "
            rf"(?:still |now |right |just |literally |currently )*(?:{_LOC}|there|here|waiting|standing|"
            rf"sitting)\b)"
        ),
        presence=True,
    ),
    # --- at the door: banging, ringing, trying, forcing ---
    Situation(
        "suspect_present",
        rx(
            rf"(?:\b(?P<who>{_WHO}){_TAIL} |(?:^|\b(?:and|help|please|now|someone|somebody|hear|heard|still|"
            rf"again) ))(?P<pred>(?:(?:is|are|has been|been|is still) |{KEEPS} )?{_F}(?:ringing|banging|"
            rf"knocking|hammering|pounding|tapping|buzzing|thumping|bashing|shouting through|screaming through)"
            rf"(?: (?:on|at|against|through|with))? (?:{_DET} )?(?:\w+ ){{0,2}}?{lx.DOOR_THING})\b"
        ),
        check_habitual=True,
    ),
    Situation(
        "entry_attempt",
        rx(
            rf"(?:\b(?P<who>{_WHO}){_TAIL} |(?:^|\b(?:and|help|please|now|someone|somebody|hear|heard|still|"
            rf"again) ))(?P<pred>(?:(?:is|are|has been|been|is still) |{KEEPS} )?{_F}(?:trying|jiggling|"
            rf"rattling|shaking|forcing|prising|prying|kicking|smashing|breaking|booting|shouldering|ramming|"
            rf"picking|fiddling with|messing with|working at|pulling at|pulling|pushing|yanking|levering|"
            rf"unscrewing|tampering with)(?: (?:on|at|against|through|with|down|in|open))? (?:{_DET} )?"
            rf"(?:\w+ ){{0,2}}?{lx.DOOR_THING})\b(?! (?:in my (?:dreams|head)))"
        ),
        check_habitual=True,
    ),
    Situation(
        "entry_attempt",
        rx(
            rf"\b(?P<pred>(?:trying|attempting|tryna) to (?:prise|pry|force|jimmy|lever|kick|smash|break|open|"
            rf"unlock|"
            rf"get through|climb through|pull|push) (?:open |in |"
            rf"down )?(?:{_DET} )?(?:\w+ ){{0,2}}?{lx.DOOR_THING})\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:is |are |has )?(?:blocking|boxing|boxed|blocked) (?:me|us|my car|our car) in|"
            r"(?:is |are )?blocking (?:my|our|the) (?:car|drive|driveway|way out|front door|door|exit|stairs|hallway))\b"
        ),
    ),
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:is|are) (?:now |just )?letting (?:himself|herself|themselves) in|"
            r"(?:is|are) (?:now |just )?(?:coming|climbing|getting) in (?:through|via) (?:the|my) (?:\w+ )?"
            r"(?:window|door|back|front|garden|gate))\b"
        ),
    ),
    # --- following now ---
    Situation(
        "followed_now",
        rx(
            rf"(?:\b(?P<who>{_WHO}){_TAIL} (?:(?:is|are|keeps|keep|has been|have been|been|is still) )?"
            rf"(?:\w+ ){{0,4}}?)?(?P<pred>(?:following|tailing|chasing|trailing|walking behind|driving "
            rf"behind|cycling behind|running behind|right behind|behind|on my tail|on our tail|tailgating|"
            rf"walking next to|keeping pace with|coming after) {_OBJ_PEOPLE})\b{_ONLINE}"
        ),
        keeps_now=False,
    ),
    # "keeps pulling up next to me" can only be happening now
    Situation(
        "followed_now",
        rx(
            rf"\b(?P<pred>(?:{KEEPS} |is |are )?(?:pulling up|pulled up|driving|crawling along|slowing down) "
            rf"(?:next to|beside|alongside) (?:me|us))\b"
        ),
    ),
    Situation(
        "followed_now",
        rx(
            r"(?<!scared of )(?<!fear of )(?<!afraid of )(?<!used to )(?<!worried i am )(?<!worried that i am )"
            r"(?<!people )(?<!someone )(?<!those )(?<!anyone )"  # "is this just for people being followed?"
            r"(?<!keeps )(?<!keep )"  # "my mate keeps getting followed by a guy when she goes running"
            r"\b(?P<pred>(?:being|getting) (?:followed|"
            r"chased|tailed|trailed)(?!\W{0,3}(?:online|on)\b)(?: home| by \w+)?)\b"
        ),
        keeps_now=True,
    ),
    # --- a weapon held now ---
    Situation(
        "weapon",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is |are )?{_F}(?:has|have|has got|have got|got|is holding|"
            rf"holding|is carrying|carrying|with|waving|is waving|pulled out|has pulled out|pulling out|pointing|"
            rf"brandishing|wielding|swinging|came in with|come in with|turned up with|is armed with|armed with) "
            rf"(?:\w+ ){{0,3}}?{lx.WEAPON})\b(?! (?:collection|licence|license|cabinet|at home|at his|at her|"
            r"in (?:his|her|the|their) (?:house|flat|loft|shed|garage|drawer|home)|for work|for fishing))"
        ),
    ),
    Situation(
        "weapon",
        rx(
            rf"\b(?P<pred>(?:looks like|look like|i think it is|might be|could be|pretty sure it is|"
            rf"i think he has) "
            rf"(?:a |an )?{lx.WEAPON}|{lx.WEAPON} in (?:his|her|their) hands?)\b"
        ),
        check_negation=False,
    ),
    # --- assault just happened ---
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:i|we|he|she|they|my \w+|i have|we have|he has|she has) (?:have |has |am |is |was |"
            r"were )?"
            r"(?:just |only just )?been (?:attacked|assaulted|stabbed|hit|punched|beaten|beaten up|strangled|"
            r"raped|"
            r"mugged|choked|glassed|slashed|kicked|headbutted|battered|jumped|hurt|throttled|smothered|"
            r"grabbed by the (?:throat|neck|hair)|pinned (?:down|to the \w+|against the \w+)|"
            r"pushed down the stairs|thrown (?:down the stairs|against the \w+)))\b"
        ),
        needs_recent=True,
    ),
    # "he's got her by the throat": happening as they write
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:he|she|they|someone|my \w+)(?: has| have|s)? got (?:me|her|him|them|my \w+) by the "
            r"(?:throat|neck|hair))\b"
        ),
    ),
    Situation(
        "assault",
        rx(r"\b(?P<pred>(?:hands?|arm) (?:round|around|on) (?:my|her|his) (?:neck|throat))\b"),
        needs_recent=True,
    ),
    # --- a child taken, kept or approached ---
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:has not|have not|did not|is not|will not|refuses to|refusing to|is refusing to) "
            r"(?:brought|bring|bringing|returned|return|returning|give|given|giving|handed|hand|dropped|drop|sent|"
            r"send)(?: back)? (?:the kids|the children|the baby|my \w+|our \w+|him|her|them)(?: \w+)?(?: back|"
            r" home)?)"
            r"\b"
        ),
        check_negation=False,
        needs=_CHILD_HERE,
    ),
    Situation(
        "child_in_danger",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has |have )(?:just |now )?(?:taken|snatched|grabbed|put|"
            rf"picked "
            rf"up|driven off with|run off with|gone off with|dragged|bundled|kidnapped|abducted)(?: \w+)? (?:"
            rf"{lx.CHILD}|him|her|them)\b)"
        ),
        needs=_CHILD_HERE,
    ),
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:has|have|has just|have just) been (?:picked up|collected|taken|snatched|lured|"
            r"grabbed) "
            r"by (?:a|an|the|him|her|this|that|some)\b)"
        ),
        needs=_CHILD_HERE,
    ),
    Situation(
        "child_in_danger",
        rx(
            rf"\b(?P<pred>(?:talking to|approaching|grabbing|touching|photographing|filming|taking photos of|"
            rf"trying to (?:take|get|collect|pick up|grab|snatch)|pulling|dragging) {lx.CHILD})\b"
        ),
    ),
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:trying|going|about|attempting) to (?:take|grab|snatch|drag|get) (?:him|her|them)"
            r"(?! (?:to court|back to court)))\b"
        ),
        needs=_CHILD_HERE,
    ),
    Situation(
        "child_in_danger",
        rx(rf"\b(?P<pred>{lx.CHILD} (?:is|are) with (?:him|her|them|my ex|his dad|their dad|her dad))\b"),
        needs=rx(
            r"\b(?:drunk|threatening|will not|refus\w*|not answering|knife|hurt|off his head|high|"
            r"scared|screaming|crying)\b"
        ),
    ),
    # --- hiding ---
    Situation(
        "hiding",
        rx(
            r"\b(?P<pred>(?:i am|we are|im|me and [a-z ]{1,20} are|the kids and i are) (?:\w+ )?(?:under|in|"
            r"inside|"
            r"behind) (?:the|my|a|our) (?:\w+ )?(?:bed|wardrobe|cupboard|closet|loft|attic|airing cupboard|sofa|"
            r"shed|boot|bath))\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "hiding",
        rx(
            r"(?<!used to )(?<!stop )\b(?P<pred>hiding (?!in plain sight)(?:behind|under|in|inside|upstairs|downstairs|at|round|"
            r"around|from (?:him|her|them|my \w+|the)(?! on (?:socials|social media|facebook|instagram|snapchat|"
            r"tiktok|twitter|x|whatsapp)| online| (?:internet|world|socials|social media|everyone|everybody)\b))"
            r"|barricaded|"
            r"locked in (?:the|my) (?:bathroom|toilet|bedroom|"
            r"room|car|loo))\b"
        ),
    ),
    Situation(
        "hiding",
        rx(
            r"\b(?P<pred>(?:i am|we are|im|i m) (?:\w+ )?(?:crouched|crouching|curled up|squeezed|ducked down|"
            r"lying low|lying flat|hidden) (?:behind|under|in|inside|down|between))\b"
        ),
        check_habitual=False,
    ),
    # --- cannot speak safely ---
    Situation(
        "cannot_speak",
        rx(
            r"\b(?P<pred>(?:can not|cant|unable to|not able to|not safe to|is not safe to|too scared to|dare not|"
            r"do not dare) (?:speak|talk|call|phone|say much|say more)(?: (?:safely|freely|openly|out loud|"
            r"properly|"
            r"loudly|now|right now|at the moment|here))*)\s*(?=$|,|\b(?:he|she|they|because|as|in case|please|"
            r"text|help|so|now|someone)\b)"
        ),
        check_negation=False,
        check_habitual=False,
    ),
    # --- suicidal plans ---
    Situation(
        "suicidal",
        rx(
            r"(?:^|\b(?:i|i am|i m|im|am)\b)(?: \w+){0,2}? (?P<pred>(?:going to|gonna|about to|will|want to) "
            r"(?:take|swallow|down) (?:all|every|everything|the lot|them all|the whole|all of))\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "suicidal",
        rx(
            r"^(?P<pred>(?:going to|gonna|about to) (?:take|swallow) "
            r"(?:all|every|everything|the lot|them all))\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?:i am|im|i m|i)(?: \w+){0,2}? (?P<pred>(?:going to|gonna|about to) jump)\b(?! (?:on|in|into|at|"
            r"to|"
            r"out of bed|up|the queue|ship))"
        ),
        check_habitual=False,
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?:i|we)(?: have| ve| just| have just)? (?P<pred>(?:taken|took|swallowed|had) "
            r"(?:all|every one of|the "
            r"whole|the rest of|a whole|loads of|a load of|a lot of|a handful of) (?:my|the|of my|box|packet|bottle|"
            r"strip|(?:\w+ )?(?:tablets|pills|paracetamol|meds|painkillers)))\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "suicidal",
        rx(r"\b(?P<pred>(?:going to|gonna|about to) do it (?:tonight|today|now|later))\b"),
        needs=rx(
            r"\b(?:note|tablets|pills|bridge|rope|end|goodbye|suicide|die|can not take|anymore|any more|letters|"
            r"can not go on|can not cope|done)\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>(?:is|are|says (?:she|he|they) (?:is|are)|said (?:she|he|they) (?:is|are)|keeps saying "
            r"(?:she|he) is)? ?(?:going to|gonna|about to|wants to|threatening to) (?:kill (?:himself|herself|"
            r"themselves)|end (?:his|her|their) (?:own )?life|take (?:his|her|their) (?:own )?life))\b(?!(?: \w+)"
            r"{0,3} if)"
        ),
        check_habitual=False,
    ),
    # --- suicidal: a note, a rope, a goodbye, a height ---
    Situation(
        "suicidal",
        rx(
            r"(?:^|\b)(?P<pred>(?:(?:i |i have |i ve )(?:written|wrote|left|writing) (?:a|my) (?:suicide |goodbye )?"
            r"|^(?:written|wrote) (?:a|my) |(?:written|wrote|left|writing) (?:a|my) (?:suicide|goodbye) )note"
            r"(?! (?:of|about|down|for the|to the police|on (?:his|the) car))|(?:i )?(?:will not|wont|won t) be "
            r"(?:here|around|alive) (?:tomorrow|much longer|in the morning|by morning)|(?:i am |im )?saying goodbye"
            r"(?: to (?:everyone|you all|my \w+))?|(?:i have |i ve )?got a rope|not coming down)\b"
        ),
        needs=rx(
            r"\b(?:tomorrow|note|goodbye|rope|live|living|die|end|wins|won|anymore|any more|cope|done|top|roof|"
            r"bridge|ledge|edge|multi storey|car park|cliff|building)\b"
        ),
        check_negation=False,  # "won't be here tomorrow"
        check_habitual=False,
    ),
    # --- he can see me now: what his messages say ---
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:said|says|saying|texted|text|texts|messaged|message|asked|asking|rang)(?: me)?(?: and said)?"
            r"(?: that)? (?:he|she|they) (?:can|could) see me|(?:said|says|texted|text|messaged|asked|commented)(?: me)? "
            r"(?:why are you at|what are you doing (?:at|in|with)|i can see your|i can see you|i see you|nice (?:coat|"
            r"top|dress|jacket)|you look|your light is on|i am watching|turn around|look behind you|look up))\b"
        ),
        needs_recent=True,
        quotes=True,
    ),
    Situation(
        "threat_imminent",
        rx(
            # (up to 8 words between: "messaged me my mum's full address in Caerphilly with 'on my way ...'")
            r"\b(?P<pred>(?:text|texted|texts|message|messaged|said|says|voicemail|snap|dm|rang)(?: me)?(?: \w+){0,8}? "
            r"(?:leaving now|on my way|i am on my way|coming now|coming for you|see you in|be there in|be round in|"
            r"be outside in|see you soon|see you tonight|i am outside|i am here|look outside|today is the day|todays the "
            r"day|tonight is the night|tonight s the night|you are dead|ur dead|you re dead|i am dead|you will see|you ll see|"
            r"see you there|"
            r"see what happens|you will regret|you ll regret|regret everything|watch yourself))\b"
        ),
        needs_recent=True,
        quotes=True,
    ),
    Situation(
        "threat_imminent",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:will|is going to|is gonna) be (?:outside|at|here|waiting|round|"
            r"there)(?: \w+){0,4}? (?:at (?:\d|half|quarter|ten|eleven|twelve|nine|eight|seven|six|five|four|three|"
            r"two|one|midnight)|tonight|in (?:\d+|two|five|ten|twenty|an?|half an) (?:mins?|minutes|hours?)))"
        ),
        check_habitual=False,
    ),
    # --- the buzzer, the intercom, the doorbell: it's him ---
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:it is|its|it s) (?:him|her|them|my ex|his voice)(?: \w+)? (?:on|at|outside|by|through) "
            r"(?:the |my |our )?(?:intercom|buzzer|door|doorbell|ring|camera|window|gate|letterbox|video doorbell|"
            r"entry phone|entryphone))\b"
        ),
    ),
    # --- location apps that put him near now ---
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:life360|life 360|snap ?maps?|find my(?: iphone| friends| phone)?|his location|her location|"
            r"the app|google maps|location sharing|the tracker|airtag)(?: \w+){0,2} (?:shows|has|says|puts|showing|"
            r"is showing)(?: \w+)? (?:him|her|them|he is|she is|his car|her car)(?: \w+){0,3}? (?:outside|on|at|in|"
            r"near|round|parked|by|down|across|opposite))\b"
        ),
    ),
    # --- he doesn't know I'm texting: cannot speak safely ---
    Situation(
        "cannot_speak",
        rx(
            r"\b(?P<pred>(?:he|she|they) (?:does not|do not|must not|can not|cannot|will not|mustn t|doesn t) "
            r"(?:know|hear|see|find out) (?:that )?(?:i am|im|i m) (?:texting|messaging|on my phone|typing|doing "
            r"this|talking to you|on here|writing this))\b(?! yet\b)"  # "she doesn't know I'm doing this yet"
        ),
        check_negation=False,
        check_habitual=False,
    ),
    # --- near me on a bus or train: "she's sitting two rows back staring at me" ---
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are|is now|is still|has been|have been) (?:sitting|sat|standing|stood)(?: \w+){{0,2}}? "
            r"(?:(?:a |one |two |three |a few |\d+ )?(?:rows?|seats?|tables?) (?:back|behind(?: me)?|in front(?: of me)?|away"
            r"|down)|(?:right |just )?(?:behind|opposite|across from|next to|beside) me))\b"
        ),
        presence=True,
    ),
    # --- a tracking app shows him near now: "find my just showed his phone on my actual street" ---
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:find my|life360|snap ?maps?|the app|his location|her location|the tracker|airtag)\b"
            r"(?: \w+){0,2} (?:shows|showed|is showing|says|said|puts|put) (?:him|her|them|his phone|her phone|"
            r"his car|her car)(?: \w+){0,2} (?:on|in|at|outside|near|round|by) (?:my|our) (?:actual |own )?"
            r"(?:street|road|house|flat|door|close|estate|building|block|drive))\b"
        ),
    ),
    # --- pills saved up, or to be taken at a time: "I've saved up all my tablets and I'm taking them tonight" ---
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>(?:saved up|stockpiled|been saving|been saving up|been collecting|hoarded) (?:all )?"
            r"(?:my |the |some |enough )?(?:tablets|pills|meds|medication|paracetamol|sleeping pills)|"
            r"(?:i am|im|i m) (?:going to |gonna )?(?:take|taking|swallow|swallowing) (?:them|all of them|the lot)"
            r"(?: all)? (?:tonight|today|now|later|when))\b"
        ),
        needs=rx(r"\b(?:tablets|pills|meds|medication|paracetamol|overdose)\b"),
    ),
    # --- "not going to be here by morning", "I won't be around much longer" ---
    Situation(
        "suicidal",
        rx(
            r"(?:^|\bi |\bi am |\bim |\band )(?P<pred>(?:will not|won t|wont|not going to|not gonna) be "
            r"(?:(?:here|around|alive) (?:by (?:the )?morning|by tomorrow|after tonight|to see (?:tomorrow|the "
            r"morning|another day))|(?:around|alive) (?:for )?much longer))\b"
        ),
        check_negation=False,  # the "not" is the message
    ),
    # --- "in the staff toilet at work with the door locked" ---
    Situation(
        "hiding",
        rx(
            r"(?:^|\b(?:i am|im|i m) )(?P<pred>(?:locked |hiding )?in (?:the|a) (?:staff |disabled )?(?:toilet|toilets|"
            r"loo|bathroom|cubicle|stockroom|store room|cupboard)(?: \w+){0,3}? with the door locked)\b"
        ),
    ),
    # --- writing from a hiding place: "I'm writing this under the table", "texting you from the wardrobe" ---
    Situation(
        "hiding",
        rx(
            r"\b(?P<pred>(?:writing|typing|texting|messaging) (?:this|you|u|to you)(?: \w+){0,2}? "
            r"(?:under (?:the|a|my) (?:table|covers|duvet|bed|stairs)|(?:in|from|inside) (?:the|a|my) "
            r"(?:wardrobe|cupboard|airing cupboard)|(?:locked )?in (?:the|a) (?:bathroom|toilet|loo) with the door "
            r"locked))\b"
        ),
    ),
    # --- a weapon waved about ---
    Situation(
        "weapon",
        rx(
            r"\b(?P<pred>(?:waving|brandishing|swinging|pointing) (?:it|something|a \w+|the \w+|an \w+) (?:about|"
            r"around|at (?:me|us|her|him|them|the door|the window|people)))\b"
        ),
    ),
    # --- lads outside, no determiner ---
    Situation(
        "suspect_present",
        rx(
            r"(?:^|\b(?:and|but|so) )(?P<pred>(?:lads|blokes|men|youths|a gang|some lads|a group of \w+|(?:\w+ )?"
            r"(?:guy|man|bloke|lad)) (?:is |are )?(?:back )?(?:outside|at the door|in the garden|at the window|on the "
            r"doorstep))\b(?! (?:to help|with me|playing))"
        ),
    ),
    # --- distances: two aisles away ---
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:is|are) (?:only |just )?(?:\w+ ){0,2}(?:aisles?|tables?|seats?|rows?|desks?|metres|meters|"
            r"feet|yards|doors|houses|cars|streets|roads) (?:away|behind me|from me))\b"
        ),
    ),
    # --- a child kept or taken, with a threat ---
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:you will|you ll|i will|i ll|ill|u will|u ll) never see (?:her|him|them|the kids|the children|"
            r"the baby|(?:your|my|our) (?:\w+ )?(?:son|daughter|kids|children|baby|boy|girl|child)) again)\b"
        ),
        check_negation=False,
        check_habitual=False,
    ),
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:is not|isn t|are not|is never|not) (?:coming back|back from|being brought back|"
            r"coming home))\b"
        ),
        needs=rx(r"\b(?:son|daughter|kids|children|baby|boy|girl|child|contact)\b"),
        check_negation=False,
    ),
    # --- he tried to strangle me, to drag her into a car ---
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:tried|trying|attempted) to (?:strangle|choke|throttle|smother|stab|grab|drag|kill|"
            r"punch|hit|run (?:me|her|him) over|pull (?:me|her|him) into))\b"
        ),
        needs_recent=True,
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:(?:is|are|am) )?(?:being|getting) (?:dragged|pulled|bundled|forced|pushed|shoved) into "
            r"(?:a|his|her|the|their) (?:\w+ )?(?:car|van|taxi|house|flat))\b"
        ),
    ),
    # --- he's here and won't go: demanding, battering, won't stop ---
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:is|are) (?:\w+ ){0,4}?(?:demanding|asking|screaming|shouting) (?:to see|for) "
            r"(?:me|her|him|them|my \w+))\b"
        ),
    ),
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:is|are) (?:\w+ )?(?:battering|hammering|smashing|bashing|booting|kicking) (?:on |at )?"
            r"(?:the|my|our|her) (?:\w+ )?(?:door|window|gate))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:banging|knocking|hammering|ringing|kicking)(?: and \w+)? (?:will not|won t|wont) stop)\b"
        ),
    ),
    Situation(
        "entry_attempt",
        rx(r"\b(?P<pred>(?:he|she|they|someone|somebody) (?:is|has|have) (?:just )?broke(?:n)? in)\b"),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:he|she|they|someone|somebody) (?:is|are) (?:still )?(?:sat|sitting|standing|stood) "
            r"(?:right )?(?:opposite|next to|beside|behind|across from|in front of) (?:me|us))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:he|she|they|someone|somebody) (?:is|are) still (?:there|here|outside|about|around|nearby))\b"
        ),
    ),
    Situation(
        "threat_imminent",
        rx(
            r"\b(?P<pred>(?:he|she|they) (?:is|are) (?:coming|on (?:his|her|their) way)(?: (?:round|over|here|back|"
            r"for me|to get me|to find me))?(?: (?:with|w) (?:a|his|her|the) (?:\w+ )?(?:knife|gun|hammer|bat|machete|"
            r"weapon|axe|crowbar|acid))?)\b"
        ),
        needs=rx(
            r"\b(?:mins?|minutes|hours?|now|right now|tonight|knife|gun|hammer|bat|machete|weapon|axe|crowbar|"
            r"acid|knows where|quick|hurry|help|please|hear|can hear|bike|engine)\b"
        ),
    ),
    # --- taken away: "he's got me in the car", "has left with her", "was collected by a man" ---
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:he|she|they|someone) (?:has |have |is |s )?got (?:me|her|him|them|us) (?:in|into) "
            r"(?:the|his|her|their|a) (?:\w+ )?(?:car|van|flat|house|room|boot))\b"
        ),
    ),
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:has |have )?(?:left|gone|driven off|run off|taken off|disappeared) with (?:her|him|them|"
            r"the kids|the children|the baby|my \w+|our \w+))\b"
        ),
        needs_recent=True,
    ),
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:boy|girl|child|son|daughter|pupil|kid|baby|toddler) (?:was|has been|has just been|"
            r"got) (?:just )?(?:collected|picked up|taken|snatched|grabbed|led away) by (?:a man|a woman|someone|"
            r"somebody|his dad|her dad|his father|her father|her ex|his mum s ex|the ex|a stranger|an unknown \w+|"
            r"a \w+ (?:man|woman)))\b"
        ),
        needs_recent=True,
    ),
    # --- what a witness saw happen ---
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:i|we) (?:just )?saw (?:him|her|them|a \w+|some \w+|someone|somebody|the \w+)(?: \w+){0,8}? "
            r"(?:grab|drag|hit|punch|push|bundle|pull|strangle|choke|attack|kick) (?:her|him|them|a \w+|the \w+))\b"
        ),
    ),
    # --- he is still in the house: gone into another room ---
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:he|she|they) (?:has|have) (?:gone|locked (?:himself|herself|themselves)|shut "
            r"(?:himself|herself|themselves)) (?:in|into|upstairs|downstairs)(?: the \w+)?)\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(r"\b(?P<pred>(?:he|she|they) (?:is|are) (?:still )?there (?:now|right now))\b"),
    ),
    # --- short messages: what just happened, said in a few words ---
    Situation(
        "suicidal",
        rx(
            r"^(?P<pred>(?:i |i have |i ve |have |just |i just )?(?:taken|took|swallowed|had) (?:everything|the lot|"
            r"all of (?:them|it)|a load of \w+|loads of \w+|all (?:my|the) \w+|a whole \w+ of \w+))\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>rope (?:is )?(?:ready|up|tied)|(?:going to|gonna) end it(?! with)(?: all)?(?: tonight| now| today)?|"
            r"tell (?:my|\w+) (?:mum|dad|mam|kids|children|family|sister|brother|nan|son|daughter) i love (?:her|him|"
            r"them)|^(?:bye|goodbye) (?:everyone|all|world|everybody)\b|(?:standing|stood|sat|sitting) on (?:the|a) "
            r"(?:bridge|ledge|edge|roof|cliff|railway|tracks))\b"
        ),
        needs=rx(
            r"\b(?:tonight|now|today|ready|sorry|love|bye|goodbye|everyone|can not|cant|anymore|any more|end|jump|"
            r"done|it all|this)\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:he|she|they|someone|my ex|her dad|his dad) (?:has |have )?(?:just )?(?:took|taken|"
            r"grabbed|snatched) (?:the|my|our|her|his) (?:baby|kids|children|son|daughter|child|boy|girl|little one))\b"
            r"(?!(?: \w+){0,4} (?:weekend|as agreed|as usual|his turn|her turn|to school|for contact|for the day|"
            r"tomorrow|next week|every|for tea|for the night|overnight|to football|to the park|to see|to visit))"
        ),
    ),
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:the |my |our )?(?:kids|children|baby|son|daughter|little one) (?:are |is )?in (?:his|her|"
            r"the|their) car)\b"
        ),
        needs=rx(
            r"\b(?:drunk|off his face|high|wasted|driving off|drove off|will not|won t|not bringing|took|"
            r"taken|speeding|crash)\b"
        ),
    ),
    Situation(
        "breach_in_progress",
        rx(
            r"\b(?P<pred>(?:is |he is |she is |he s )?(?:breaking|breaching|in breach of) (?:the|his|her|my|a|their) "
            r"(?:\w+ )?(?:order|bail|injunction|conditions?))\b"
        ),
        needs=rx(r"\b(?:now|right now|outside|here|at the door|at my|again|as we speak)\b"),
    ),
    Situation(
        "weapon",
        rx(
            r"\b(?P<pred>(?:pouring|poured|splashing|throwing) (?:something|petrol|liquid|fuel|\w+) (?:on|over|"
            r"through|at) (?:my|the|our|her) (?:\w+ )?(?:door|doorstep|step|steps|porch|car|house|letterbox|"
            r"letter box|window|flat)|"
            r"(?:set|setting|has set) (?:fire to|alight) (?:my|the|our|her) (?:\w+ )?(?:door|bin|car|house|"
            r"letterbox|flat|shed|fence)|(?:smells? of|smells? like|stinks? of|reeks? of) (?:petrol|fuel|diesel))\b"
        ),
    ),
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:he|she|they|someone|somebody) (?:is|are) coming in)\b"
            r"(?! (?:the morning|to work|tomorrow|later|at \w+|on \w+|next))"
        ),
        needs=rx(r"\b(?:keys?|door|window|house|flat|now|right now|got my)\b"),
    ),
    Situation(
        "entry_attempt",
        rx(r"\b(?P<pred>(?:he|she|they|someone|somebody) (?:is|are|has got|have got) in)\s*$"),
    ),
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:glass|a window|the window|windows) (?:is |are )?(?:smashing|breaking|shattering|being "
            r"smashed|just smashed|just broke))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:the |my )?(?:door|doorbell|buzzer|bell|letterbox) (?:is )?(?:going|keeps going|going "
            r"again|going off))\b"
        ),
        check_habitual=True,
    ),
    Situation(
        "suspect_present",
        rx(
            r"^(?P<pred>(?:sat|sitting|parked|parked up|waiting|standing|stood|lurking) (?:outside|across the road|"
            r"over the road|opposite|at the end of|in (?:his|her|their|a|the) (?:car|van|motor)))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(r"^(?P<pred>(?:on|at) (?:my|the|our) (?:front )?(?:doorstep|door|window|gate|drive|driveway))\b"),
        needs=rx(
            r"\b(?:will not go|won t go|wont go|will not leave|banging|knocking|now|again|order|shouting|him|he)\b"
        ),
    ),
    Situation(
        "threat_imminent",
        rx(
            r"\b(?P<pred>(?:he|she|they) (?:has|have) (?:just )?found (?:me|us|where i live|where i am|my (?:new )?"
            r"(?:address|flat|house))|(?:he|she|they) knows? (?:where i am|i am here|where we are))\b"
            r"(?! (?:on|through|via) (?:facebook|instagram|snapchat|tiktok|twitter|x|linkedin|social|online|the app))"
            r"(?! online)(?! and (?:sends|writes|posts|leaves|keeps|has been|rings|calls|texts))"  # then a pattern
        ),
        # ("it's not just tonight, he's put an app on it so he knows where i am": tracking, as a habit)
        needs=rx(r"(?<!not )\b(?:just|now|right now|coming|help|please)\b|^(?:\S+ ){0,5}\S+$"),
    ),
    Situation(
        "threat_imminent",
        rx(r"\b(?P<pred>when (?:he|she|they) gets? here)\b"),
        needs=rx(r"\b(?:mins?|minutes|dead|kill|hurt|tonight|now|on his way|coming)\b"),
    ),
    Situation(
        "threat_imminent",
        rx(r"^(?P<pred>(?:he is |hes )?on (?:his|her|their) way)\b"),
        needs=rx(r"\b(?:mins?|minutes|now|coming|says|said|done|dead|knife|kill)\b"),
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:he|she|they) (?:is|are) (?:kicking off|going mental|going crazy|going mad|smashing (?:the "
            r"place|things|everything|the house)|throwing things|raging))\b"
            r"(?! (?:on|at) (?:whatsapp|facebook|text|messages|social|instagram|me on))"
        ),
    ),
    Situation(
        "hiding",
        rx(r"\b(?P<pred>(?:i am |im )?(?:in|under|behind|inside) (?:the|my|a) \w+ hiding)\b"),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:there is|theres|there s) (?:a )?(?:shadow|figure|silhouette|shape) (?:at|by|in|outside|near))\b"
        ),
    ),
    Situation(
        "weapon",
        rx(
            r"^(?P<pred>(?:knife|gun|blade|machete|hammer|bat|axe|acid) (?:he|she|they) (?:has|have|is|s)? ?(?:got )?"
            r"(?:one|it))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are|got) (?:on|in|into) (?:the|my|this|our) (?:same )?(?:bus|train|"
            r"tram|tube|carriage|lift|plane|coach|taxi|uber) with (?:me|us))\b"
        ),
        presence=True,
    ),
    # --- the calls that catch people out: coded, indirect, someone else in danger, told in passing ---
    Situation(
        "followed_now",
        rx(
            r"\b(?P<pred>(?:has |is )?(?:just )?(?:got|getting) off at (?:her|my|his|their|the same) stop (?:with "
            r"(?:her|me|him|them)|too|as well))\b"
        ),
    ),
    Situation(
        "followed_now",
        rx(
            r"\b(?P<pred>(?:following|tailing|chasing) (?:the|my|our) (?:taxi|cab|uber|bus|car|van|ambulance))\b"
        ),
    ),
    Situation(
        "threat_imminent",
        rx(
            r"\b(?P<pred>(?:sent|messaged|texted|snapped)(?: me| her| him)? (?:a )?(?:photo|picture|pic|video|snap) of "
            r"(?:a|his|the|her) (?:\w+ )?(?:knife|gun|machete|blade|hammer|bat|axe|weapon|petrol|acid))\b"
        ),
        needs_recent=True,
    ),
    Situation(
        "suspect_present",
        rx(r"\b(?P<pred>(?:shining|shone|flashing) (?:a |his |the )?torch (?:in|into|through|at))\b"),
    ),
    Situation(
        "threat_imminent",
        rx(
            r"\b(?P<pred>(?:will|ll|is going to|gonna) (?:hurt|kill|stab|burn|smash|drown) (?:\w+ ){0,3}?unless "
            r"(?:i|you|u) (?:come out|open|let him in|answer|meet|come down|come back|go out|come outside))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:is|are) (?:now )?(?:filming|recording|photographing|taking photos of|taking pictures of) "
            r"(?:me|us|her|him|them))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are) (?:\w+ )?(?:sat|sitting|standing|stood|walking) (?:right |"
            r"really close )?(?:behind|beside|next to|alongside|opposite) (?:me|us|my chair|my wheelchair|my pram))\b"
        ),
        presence=True,
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>(?:threatening|going|about|says (?:she|he) is going) to jump(?: off| out| from)?|(?:sat|"
            r"sitting|standing|stood) on (?:the|a) (?:window )?ledge)\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:has|have|just) (?:just )?(?:come|got|burst|barged|walked) (?:through|thru|in through|into) "
            r"(?:the|my|our) (?:front |back |side )?(?:door|window|gate))\b"
        ),
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:has |have )?(?:just )?(?:rammed|driven into|crashed into) (?:my|our|her|the) car)\b"
        ),
        needs_recent=True,
    ),
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:strapping|putting|bundling|loading) (?:them|the kids|the children|the baby|my \w+) into "
            r"(?:his|the|their|her) (?:car|van|car seats)|(?:is|are) trying to (?:take|snatch|grab) (?:him|her|them|"
            r"the kids|the baby|my \w+))\b"
        ),
        needs=rx(
            r"\b(?:kids|children|baby|son|daughter|boy|girl|child|dad|father|mum|mother|car seats|court order)\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(r"\b(?P<pred>(?:it is|its|it s) happening (?:again )?(?:right )?now)\b"),
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:i |we )?(?:can )?hear (?:screaming|shouting|thuds|banging|crashing|a struggle|fighting|"
            r"someone screaming)(?: and \w+)?(?: \w+){0,2}? (?:from|next door|through the wall|upstairs|downstairs))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:will not|won t|wont) (?:go away|leave|go))(?=$| now| and| ,| even| despite| he| she)"
            r"(?! (?:her|him|me|us|them) alone)"  # "won't leave her alone" is harassment, not presence
        ),
        check_negation=False,  # the "not" is what it says: "he's calm but won't go"
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:says|said|saying|telling me) (?:i am|i m|im|you are|you re) not (?:leaving|going anywhere|"
            r"going out)|(?:locked|has locked) the (?:front |back )?door(?: and)? (?:taken|took|has taken) the keys?)\b"
        ),
        check_negation=False,
    ),
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:has |have )?(?:just )?cut (?:the|my) (?:phone line|power|electric|electricity|wires)|the "
            r"(?:power|electric|electricity|lights) (?:has |have |is )?(?:gone off|just gone off|gone out|cut out))\b"
        ),
    ),
    Situation(
        "call_for_help",
        rx(
            r"\b(?P<pred>if (?:you|u) (?:do not|don t|dont) hear (?:from|back from) me|if i (?:do not|don t|dont) "
            r"(?:message|text|reply|get back)(?: again)?(?: in| by| within)? \w+(?: \w+)? (?:call|ring|send))\b"
        ),
        check_negation=False,
    ),
    Situation(
        "cannot_speak",
        rx(
            r"\b(?P<pred>without (?:me )?having to (?:type|talk|speak) much|(?:reply|answer) (?:only )?(?:with )?yes or "
            r"no|yes or no only|can not type (?:much|long))\b"
        ),
        check_negation=False,
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>(?:tonight|today) is (?:when|the night|the day) i end it|i have decided to end (?:it|my life)|"
            r"(?:written|wrote|left) letters? to my (?:kids|children|family|mum|son|daughter))\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?:and now|now) (?P<pred>(?:parked|parked up|sat|sitting|waiting|standing) (?:at|outside|"
            r"across|opposite|on|by|near) (?:the|my|our) )"
        ),
    ),
    # --- a child taken from school, an injury now, blocked in, hiding in few words ---
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:took|taken|picked up|collected|has taken|grabbed) (?:\w+ ){0,2}?(?:out of|from) (?:class|"
            r"school|the school|nursery|the nursery|the playground|after school club|football|the park|the classroom))\b"
        ),
        needs=rx(
            r"\b(?:no contact|not allowed|is not allowed|court|order|drove off|ago|just|without|not supposed|no right)\b"
        ),
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>my (?:arm|leg|wrist|nose|face|head|neck|hand|ankle|ribs?|jaw|eye) (?:is|are|looks|feels) "
            r"(?:bent|broken|bleeding|pouring|swollen|cut|hanging|all wrong|wrong)|i am (?:bleeding|covered in blood)|"
            r"(?:can not|cant|can t) (?:move|feel) my (?:arm|leg|hand|fingers|neck))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>so (?:i|we) (?:can not|cant|can t) (?:pull out|get out|leave|drive off|get past|drive away|"
            r"get in|get to the car))\b"
        ),
        check_negation=False,
    ),
    Situation(
        "hiding",
        rx(
            r"^(?P<pred>(?:i am |im |hiding )?(?:in|under|inside|behind) (?:the |my |a )?(?:wardrobe|cupboard|loo|"
            r"toilet|bathroom|bath|loft|attic|shed|boot|bed|airing cupboard|closet|bin store|garage)(?: hiding)?)$"
        ),
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>(?:going|heading|walking|driving|off) (?:to|up to|down to) (?:the|a) (?:bridge|cliffs?|railway|"
            r"tracks|multi storey|roof|motorway bridge))\b"
        ),
        needs=rx(
            r"\b(?:tonight|now|done|mind up|goodbye|end|why|can not|anymore|any more|sorry|made my mind)\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "cannot_speak",
        rx(
            r"\b(?P<pred>can only type (?:short|a little|quickly|quick|fast)|(?:can not|can t|cant) type (?:much|long)|"
            r"^(?:please )?(?:do not|dont|don t) (?:reply|text back|call me|ring me|message back|call back)$)"
        ),
        check_negation=False,
        check_habitual=False,
    ),
    Situation(
        "call_for_help",
        rx(r"^(?P<pred>(?:i am )?not safe(?: here| now| at all)?)$"),
        check_negation=False,
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:he|she|they) (?:is|are) (?:home|back home|in the house) and (?:angry|drunk|raging|kicking off))\b"
        ),
    ),
    # --- sat down opposite, a key turning, driven somewhere, a fire threatened ---
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:has |have )?(?:just )?(?:sat|sat down|stood) (?:down )?(?:right )?(?:opposite|next to|beside|"
            r"behind|in front of) (?:me|us))\b"
        ),
        needs_recent=True,
    ),
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:is |s )?turning (?:it|the key|the handle|his key)|(?:has|got) a key (?:and|that|which))\b"
        ),
        needs=rx(r"\b(?:door|key|lock|in)\b"),
    ),
    Situation(
        "assault",
        rx(
            r"^(?P<pred>(?:just |only just )?been (?:strangled|choked|hit|punched|beaten|attacked|stabbed|raped|"
            r"kicked|assaulted))\b"
        ),
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:is|are|s) (?:driving|taking) (?:me|us|her) (?:somewhere|away)|(?:will not|won t|wont) "
            r"(?:say|tell me) where (?:we are|we re|he is|he s)? ?(?:going|taking me))\b"
        ),
        check_negation=False,
    ),
    Situation(
        "threat_imminent",
        rx(
            r"\b(?P<pred>(?:is |are )?(?:going to|gonna|will|ll) (?:set fire to|set alight|burn down|torch|petrol) "
            r"(?:it|the house|my house|the flat|my flat|the door|my door|my car|us|me))\b"
        ),
    ),
    Situation(
        "child_in_danger",
        rx(
            r"\b(?P<pred>(?:and|then) (?:just )?(?:took|taken|grabbed|snatched) (?:the|my|our|her) (?:baby|kids|"
            r"children|son|daughter|child|little one))\b"
        ),
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>(?:got|have|saved|saving|stockpiled|stockpiling|collected|hoarded) (?:\w+ )?(?:tablets|pills|"
            r"meds|paracetamol)(?: saved)?(?: up)?)\b"
        ),
        needs=rx(
            r"\b(?:tonight|the night|end it|ending it|goodbye|done|enough|can not go on|anymore|any more)\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:is |are |s )?(?:walking|driving|going) up and down (?:it|the street|my street|the road|my "
            r"road|outside)|(?:is |are )?(?:still )?(?:circling|driving round and round))\b"
        ),
    ),
    Situation(
        "weapon",
        rx(
            r"\b(?P<pred>(?:pulled|pulling|drew|pointed) (?:a|his|the) (?:knife|gun|blade|machete) (?:on|at) (?:me|us|her|him))\b"
        ),
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>(?:i |i have |i ve |i just )?(?:took|taken|had) an overdose|(?:i have |i ve |i )?overdosed)\b"
        ),
        check_habitual=False,
    ),
    # --- on the way: arrival minutes off ---
    Situation(
        "threat_imminent",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is|are) (?:now |already )?(?:on (?:his|her|their) way"
            r"(?: (?:round|over|here|back|to (?:mine|me|my \w+|the house|the flat)))?|(?:only )?(?:\d+|two|five|ten|"
            r"few|a few|a couple of|couple of) (?:mins?|minutes) away|coming (?:round|over|here|back) (?:now|right "
            r"now))|will be here in (?:\d+|two|five|ten|fifteen|twenty|a few|an?) (?:mins?|minutes|hour))\b"
            r"(?! (?:to (?:pick|collect|drop|fix|take the kids|see the kids)|with the (?:kids|children|shopping)|for "
            r"(?:the kids|contact|tea|dinner)))"
        ),
    ),
    # "he stand outside since one hour": English as a second language
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:stand|sit|wait|is stand|is sit|is wait) "
            rf"(?:{_LOC}))"
        ),
        needs=rx(
            r"\b(?:since|now|still|right now|at the moment|for (?:one|two|\d+|an?|half an) (?:hours?|mins?|minutes))\b"
        ),
    ),
    Situation(
        "entry_attempt",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has|have) (?:just )?(?:(?:kicked|booted|smashed|bashed|broken) "
            r"(?:the|my|our|her|his|their) (?:\w+ )?door (?:in|down|open)|(?:smashed|broken|kicked in|put his fist "
            r"through|put a brick through|thrown a brick through) (?:the|my|our|her|his|their) (?:\w+ )?(?:window|"
            r"windows|door|front door|back door|glass|windscreen|patio door)))\b"
        ),
        presence=True,
    ),
    # --- signs that someone is here now, with nobody named: sounds, doors, lights, cameras ---
    Situation(
        "entry_attempt",
        rx(
            rf"\b(?P<pred>(?:{_DET} )?(?:front |back |side |car |bedroom |bathroom |kitchen |patio |garden )?"
            r"(?:door|doors|window|windows|gate|door handle|handle|letterbox|letter box|lock) (?:is |are |has |"
            r"have )?(?:being|just been|just|now being|getting|just got|is getting) (?:kicked|banged|hammered|tried|"
            r"forced|opened|smashed|rattled|pushed|booted|bashed|yanked|tested|jiggled|shaken|pulled))\b"
        ),
    ),
    Situation(
        "entry_attempt",
        rx(
            rf"\b(?P<pred>(?:{_DET} )?(?:front |back |side |car )?(?:door )?handle (?:is |keeps |just |has just |"
            r"keeps on )?(?:going|moving|turning|rattling|jiggling|twisting|went|moved|turned|being tried)"
            r"(?: (?:up and down|down|slowly|again))?)\b"
        ),
    ),
    Situation(
        "entry_attempt",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has |have )?(?:just )?tried (?:{_DET} )?(?:front |back |car |"
            r"side )?(?:door|handle|door handle|window|windows|gate|lock|doors))\b"
        ),
        needs_recent=True,
    ),
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<pred>(?:{_DET} )?(?:front |back |side |garden |back garden )?(?:gate|letterbox|letter box|"
            r"door|window|shed door|garage door)(?: downstairs| upstairs| at the back| at the front| in the \w+)? "
            r"(?:has )?just (?:went|gone|opened|clicked|creaked|rattled|"
            r"banged|moved|swung open|been opened))\b"
        ),
        needs_recent=True,
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:i|we) (?:can |could |can just |just )?(?:hear|heard) (?:footsteps|foot steps|someone|"
            r"somebody|a man|people|glass (?:break|breaking|smash|smashing|being smashed)|banging|knocking|"
            r"scratching|whispering|a noise|noises|movement|something|breathing|him|her|them|his voice|her voice|"
            r"their voices|a voice|voices|the (?:back |front |side )?"
            r"(?:door|gate|window|letterbox|letter box) (?:go|open|opening|being|creak))(?: \w+){0,3}? "
            r"(?:downstairs|upstairs|outside|in the \w+|round the \w+|at the \w+|on the \w+|in my \w+|next door|"
            r"below|above|behind|on the other side))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:i|we) (?:can )?hear (?:something|someone|somebody) \w+ing(?: \w+){0,3}? (?:against|on|at|"
            r"outside|under|near|by|round|behind) (?:the|my|our))\b"
        ),
    ),
    Situation(
        "entry_attempt",
        rx(
            r"\b(?P<pred>(?:i |we )?(?:can )?(?:hear|see) (?:a |the |his |her |their )?(?:key|keys|it|someone|"
            r"something) (?:in|turning in|going in|scraping in|rattling in|being put in) (?:the|my|our) (?:front |"
            r"back )?(?:door )?lock)\b"
        ),
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:i|we) (?:can )?hear (?:her|him|them|the \w+(?: next door| upstairs| downstairs)?|my \w+|"
            r"someone|a woman|a man|a child|a baby|the kids|the children) (?:screaming|crying for help|shouting "
            r"for help|begging|being hit|being beaten|being attacked|choking|gasping|crying and screaming))\b"
        ),
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:i|we) (?:can )?hear(?: \w+){0,6}? (?:screaming|shouting|yelling|crying)(?: \w+){0,6}? "
            r"(?:something|things|glass|plates|furniture) (?:smashing|breaking|crashing|being thrown|being smashed))\b"
        ),
    ),
    Situation(
        "threat_imminent",
        rx(
            r"\b(?P<pred>(?:shouting|screaming|yelling) (?:that )?"
            r"(?:he|she|they) (?:will|is going to|is gonna|are going to|are gonna) (?:kill|stab|hurt|murder|batter|"
            r"shoot|strangle|do|sort out|sort) (?:her|him|me|them|us|you)(?: in| out)?)\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:whispering|whispered|screaming|screamed|crying|sobbing|texted|messaged|rang|called)"
            r"(?: me| us)?(?: saying)?(?: that)? (?:he|she|they|someone|her ex|his ex|my ex|the ex) is (?:back )?"
            r"(?:here|in the house|in the flat|outside|at the door|downstairs|upstairs|inside|back|in her room|"
            r"in his room|in the garden))\b"
        ),
        needs=rx(r"\b(?:just|then|line|cut off|went dead|not answering|now|hung up|phone died)\b"),
        check_habitual=False,
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:whoever it is|whoever that is|they|someone|somebody|he|she) (?:is|are) (?:still |now )?"
            r"(?:on|at) (?:the|my|our) (?:front )?(?:doorstep|step|door))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:whoever it is|he|she|they|someone|somebody) (?:is|are) (?:still |now |just )?"
            r"(?:knocking|tapping|banging|hammering|ringing the bell|ringing the doorbell)(?: quietly| softly| "
            r"again| loudly| gently| harder)?)(?:$| now| and|,)"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:the|that|his|her|their|this|same|the same|a) (?:\w+ )?(?:car|van|truck|motorbike|jeep)s? "
            r"(?:is )?back)\b(?! (?:from|at the garage|in the garage|on the road|to normal))"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:the |its |his |with the |with its |with his )?engine (?:running|on|idling|ticking over))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:he|she|they|someone|somebody) (?:is|are) (?:sat |sitting |still |waiting )?in it)\b"
        ),
        needs=rx(r"\b(?:car|van|truck|jeep|taxi|lorry)\b"),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:is|are) (?:sat|sitting|standing|stood) (?:\w+ ){0,2}(?:tables?|seats?|rows?|desks?|"
            r"metres|meters|feet|yards|doors|houses|cars|places) (?:away|behind|in front|down|along))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:text|message|texted|messaged|saying|said|says|snap|dm|describing|telling me)(?: \w+){0,3}? "
            r"(?:what i am wearing|"
            r"nice (?:dress|top|coat|jacket|outfit|shirt|hat|jumper|hoodie|shoes|skirt)|love (?:the|your) "
            r"(?:dress|top|coat|jacket|outfit|shirt|hat|jumper|hoodie|shoes|skirt)))\b"
        ),
        needs_recent=True,
        quotes=True,
    ),
    Situation(
        "followed_now",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:has |have )?(?:just )?followed (?:me|us|her|him|them) "
            r"(?:into|in to|onto|on to|up to|round|through|off|out of|all the way|inside))\b"
        ),
        presence=True,
        needs=rx(r"\b(?:just|now|still|right now|i am|she is|he is|we are)\b|^(?:\S+ ){0,7}\S+$"),
    ),
    Situation(
        "assault",
        rx(
            r"\b(?P<pred>(?:has |have )?(?:just )?locked (?:me|her|him|them|us|my \w+) in(?: the \w+| her room| his "
            r"room| my room)?|(?:is|are) (?:keeping|holding) (?:me|her|him|them|us) (?:in|inside|prisoner|hostage)|"
            r"(?:will|is) not let(?:ting)? (?:me|her|him|them|us) (?:out|leave|go))\b"
        ),
        check_negation=False,
    ),
    Situation(
        "suicidal",
        rx(
            r"\b(?P<pred>(?:got|get|getting|put|laid|lined|have) (?:all )?(?:the |my )?(?:pills|tablets|meds|"
            r"paracetamol) (?:out|ready|lined up|in front of me))\b"
        ),
        check_habitual=False,
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:security|motion|sensor|outside|garden|porch|driveway) lights?(?: (?:in|on|over|outside) (?:the |my )?\w+)? (?:has |have )?"
            r"(?:just )?(?:come on|came on|keeps coming on|keeps going on|went on|going on|switched on|flicked "
            r"on|is on))\b"
        ),
        needs=rx(r"\b(?:shadow|someone|somebody|figure|movement|dog|footsteps|noise|shape|him|person)\b"),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>dogs? (?:is |are |has |have |has just |just )?(?:going|gone|started going|gone) (?:mad|"
            r"crazy|mental|nuts|berserk|wild) at the (?:front |back |side |patio |kitchen )?(?:door|window|"
            r"gate)|dogs? (?:is |are |will not stop |won t stop |just started )?(?:barking|growling) at the "
            r"(?:front |back |side |patio )?(?:door|window|gate))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            rf"\b(?P<who>{_WHO}){_TAIL} (?P<pred>(?:is |are |has |has just |just |is now )?(?:on|got on|getting "
            r"on|boarded|sat on|sitting on|stood on|standing on) (?:my|the same|this) (?:bus|train|tube|tram|"
            r"carriage|coach|plane|ferry|flight|metro)(?: as (?:me|us|her|him))?)\b"
        ),
        presence=True,
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:sent|sending|texting|texted|messaging|messaged|posting|posted|snapchatting|snapped|"
            r"whatsapping)(?: me| her| him| them| us)? "
            r"(?:a |some |me )?(?:photos?|pictures?|pics?|videos?|a snap|snaps|a selfie|a live photo) (?:of|outside|"
            r"at|from) (?:me|us|her|(?:my|her|his|their|our) (?:own )?(?:\w+ )?(?:door|house|flat|car|window|windows|"
            r"street|work|office|gym|"
            r"building|kids?|children|son|daughter|garden|bedroom)|where i am|the outside of))\b"
        ),
        needs=rx(
            r"\b(?:just|a minute ago|minutes ago|moments ago|seconds ago|right now|from (?:right )?now|live|taken "
            r"(?:tonight|today|now|just now|this evening|this morning))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:ring|doorbell|camera|cctv|video doorbell|blink|nest|cam|door cam)(?: \w+){0,2} "
            r"(?:shows|is showing|showing|says it is|pinged and it is|goes off and it is)(?: \w+){0,2}? "
            r"(?:him|her|his (?:face|car|van|hoodie|jacket|coat)|a man|someone|somebody|a figure|a person|them))\b"
        ),
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:ring|doorbell|camera|cctv|video doorbell|blink|nest|cam|door cam)(?: \w+){0,2} "
            r"(?:just showed|picked up|has picked up|caught|has caught|just caught|went off and it is|pinged and "
            r"it is)(?: \w+){0,2}? (?:him|her|his (?:face|car|van|hoodie|jacket|coat)|a man|someone|somebody|"
            r"a figure|a person|them))\b"
        ),
        needs_recent=True,
    ),
    Situation(
        "suspect_present",
        rx(
            r"\b(?P<pred>(?:i think|i am sure|pretty sure|looks like|i reckon|i am certain|definitely|i know) "
            r"(?:it is|that is) (?:his|hers|him|her|them|their)(?: car| van)?)\b"
        ),
        needs=rx(
            r"\b(?:outside|end of (?:the|my) (?:road|street|drive|close)|across the road|opposite|parked|engine "
            r"running|lights off|at the door|in the garden|behind me|following|car park|on my street)\b"
        ),
    ),
)

_RECENCY = rx(RECENT_WIDE.pattern + r"|" + lx.NOW_WORDS + r"|\b(?:again|tonight)\b")


def _scope(segment: Segment, text: str, match: re.Match[str]) -> tuple[str, str]:
    """(the words that judge tense: the clause minus the subject's tail, the text before the verb)."""
    pred_start = match.start("pred")
    has_who = match.groupdict().get("who") is not None
    who_end = match.end("who") if has_who else None
    clause_start = segment.clause_at(match.start())[0]
    clause_start = min(clause_start, match.start())
    clause_end = max(segment.clause_at(max(match.end() - 1, pred_start))[1], match.end())
    if who_end is not None and who_end <= pred_start:
        words = text[clause_start:who_end] + " " + text[pred_start:clause_end]
    else:
        words = text[clause_start:clause_end]
    return words, text[clause_start:pred_start]


def _own_words(text: str, match: re.Match[str]) -> str:
    """The matched words without the person's description ("the man who was ...")."""
    if not match.groupdict().get("who"):
        return text[match.start() : match.end()]
    between = text[match.end("who") : match.start("pred")]
    tail = re.match(r" (?:who|that|whom|the one)\b", between)
    return text[match.start("pred") - 16 if tail else match.end("who") : match.end()]


def judge(segment: Segment, match: re.Match[str], situation: Situation) -> str:
    """How a matched situation relates to the present (NOW, PAST, NEGATED, HABITUAL, HYPOTHETICAL)."""
    # "but not tonight" takes the now-word back: judge on the sentence without it.
    text = without_other_nows(segment.text)
    pred = match.group("pred")
    who = match.groupdict().get("who") or ""
    words, before = _scope(segment, text, match)
    sentence_now = now_marked(text, with_again=True)
    # With a subject, "not" in its tail ("a man i do not know") says nothing about the situation.
    before_pred = before
    if who:
        between = text[match.end("who") : match.start("pred")]
        before_pred = (
            ""
            if re.match(r" (?:who|that|whom|i|we|from|at|with|in|off|next|called|named)\b", between)
            else between
        )
    if situation.check_negation and (
        NEG.search(pred)
        or re.search(r"\b(?:no one|nobody|no)\b", who)
        or _NEG_BEFORE.search(before_pred)
        or (who and _DOUBTED.search(text[: match.start()]))
        or _NEG_AFTER.search(text[match.end() :])
    ):
        return NEGATED
    if _SAFE.search(who) or (who and _FAMILY_SUBJECT.search(text[: match.start("pred")])):
        return NEGATED
    lead = LEADING_JOIN.sub("", text[: match.start()])
    if HYPO.search(lead[-60:]) or (segment.ends_with_question and _QUESTION_LEAD.search(text)):
        return HYPOTHETICAL
    if situation.presence and (someone_left(text[match.end() :], _GONE) or BACK_IN_MY_LIFE.search(text)):
        return PAST
    short = len(segment.text.split()) <= _SHORT_SENTENCE  # "Dean's outside" said in three words is now
    if situation.name_subject and (who in _NOT_A_NAME or not (short or now_marked(words, with_again=True))):
        return HYPOTHETICAL
    if situation.needs is not None and not situation.needs.search(text):
        return HYPOTHETICAL
    # His quoted words ("today's the day") do not date the message; the writer's words do.
    recency_in = text[: match.start("pred")] + " " + text[match.end("pred") :] if situation.quotes else text
    reported_now = situation.quotes and _JUST_SENT.search(text[: match.end("pred")])
    if situation.needs_recent and not (_RECENCY.search(recency_in) or reported_now):
        return PAST
    # "he was here earlier, banging on the door": a clause with no subject of its own takes the
    # tense of the sentence it continues. ("And just stared", "didn't do anything, just walked
    # behind me": "just" meaning "only" says nothing about when.)
    unjust = MERE_JUST.sub(" ", text)
    # "... and is filming me", "got off at my stop and is following me": it is happening
    progressive = re.match(r"(?:is|are|am) ", pred) or re.search(
        r"\b(?:is|are|am) $", text[: match.start("pred")]
    )
    if not who and not progressive and not now_marked(unjust, with_again=True) and not RECENT.search(unjust):
        been = re.search(r"\b(?:has|have) been $", text[: match.start("pred")]) and not _SINCE.search(text)
        if _HABIT.search(text[: match.start()]) or been:
            return HABITUAL  # "... a boy on our street who's been following my daughter to school"
        if _PAST_BEFORE.search(text[: match.start()]):
            return PAST
    # "he said tonight he's coming with the knife he showed me last week": the time of the threat
    # comes before it; the past belongs to the knife.
    if situation.kind == "threat_imminent" and _WHEN_THREATENED.search(text[: match.end()]):
        return NOW
    # An overdose taken hours ago is still an emergency.
    if situation.kind in ("suicidal", "child_in_danger") and STILL_ONGOING_SINCE.search(text):
        return NOW  # (and a child taken an hour ago is still being kept)
    if re.search(r"\b(?:was|were|had been|used to)\s*$", text[: match.start("pred")]) and not sentence_now:
        return PAST  # "the man who was following me in his van has been identified"
    before_pred_text = text[: match.start("pred")]
    started = re.search(r"\b(?:started|starting|began|begun) (?:to )?$", before_pred_text)
    if started and not now_marked(text, with_again=False):
        return HABITUAL  # "he's started following me when I go out"
    if re.search(r"\b(?:have|ve|has|had) seen\b", text[: match.start()]) and not RECENT.search(text):
        return PAST  # "I've seen his car behind me at the supermarket", "the shopkeeper has seen him following her"
    pastless = RECENT.sub(" ", words)
    if not now_marked(words, with_again=False) and (
        PAST_RX.search(pastless)
        or (_EARLIER.search(pastless) and not _SINCE.search(words))
        or (not who and _PAST_AUX.search(before) and not RECENT.search(words))
    ):
        return PAST
    # "he's turned up at my work twice": a count right after the event makes it a pattern, even
    # when another clause says "now" ("now he messages me every day").
    if situation.presence and _COUNTED.match(text[match.end() :]):
        return HABITUAL
    # "he's been outside her work" lists history; "he's been outside for an hour" is now.
    if (
        situation.presence
        and re.search(r"\b(?:has|have) been\b", pred)
        and not _SINCE.search(text)
        and not sentence_now
        and not re.search(r"\b(?:just|still)\b", text)
    ):
        return HABITUAL
    if (
        re.search(r"\b(?:has|have) been\b", _own_words(text, match))
        and _HABIT.search(text)
        and not _SINCE.search(text)
    ):
        return HABITUAL  # "has been following me on and off for months", even after "not in danger right now"
    # "my neighbour has been following me to the shops": a history, unless for how long or now
    if (
        situation.kind in ("followed_now", "suspect_present")
        and re.search(r"\b(?:has|have) been\b", _own_words(text, match))
        and not _SINCE.search(text)
        and not sentence_now
        and not re.search(r"\b(?:just|still)\b", text)
    ):
        return HABITUAL
    # (the person's description - "the man who's been following me for weeks" - dates nothing)
    untailed = text[: match.end("who")] + text[match.start("pred") :] if who else text
    routine_in = (
        untailed if situation.presence else words
    )  # "there's a man who watches me ... in the mornings"
    if who and not situation.presence:
        routine_in += " " + text[match.end("who") : match.start("pred")]  # "he always sits behind me"
    if (
        situation.check_habitual
        and _HABIT.search(routine_in)
        and (not now_marked(words, with_again=True) or only_nowadays(words))
        and (
            not _SINCE.search(words)
            or (_FREQUENCY.search(routine_in) and not now_marked(text, with_again=True))
        )
    ):
        return HABITUAL
    # "keeps sitting behind me", "keeps leaving gifts on her desk and following her": the keeps
    # may precede the match by a clause's length
    whole = text[max(0, match.start() - 80) : match.start()] + " " + match.group()
    if (
        situation.check_habitual
        and re.search(rf"\b{KEEPS}\b", whole)
        and _HABIT.search(text)
        and not now_marked(text, with_again=False)
    ):
        return HABITUAL
    if not situation.keeps_now and re.search(rf"\b{KEEPS}\b", whole) and not sentence_now:
        return HABITUAL
    return NOW


# A cheap look for the words each kind needs before the full patterns run (keeps long input fast).
_ANCHORS: dict[str, re.Pattern[str]] = {
    "suspect_present": rx(
        r"\b(?:outside|here|there|inside|downstairs|upstairs|next door|nearby|door|window|at|in|on|by|near|"
        r"behind|"
        r"opposite|under|across|round|turned|arrived|walked|come|came|pulled|showed|shown|rocked|appeared|"
        r"barged|burst|got here|let|gate|light|lights|just|hear|heard|showing|shows|caught|sure|think|back|engine|it|"
        r"away|text|texted|message|messaged|says|saying|said|snap|dm|whispering|whispered|rang|called|knocking|"
        r"tapping|banging|hammering|ringing|shows|has|aisles?|away|lads|guy|man|men|blokes|youths|gang|"
        r"demanding|asking|stop|still|opposite|next|beside|going|sat|sitting|parked|waiting|standing|stood|lurking|"
        r"shadow|figure|silhouette|shape|streets|roads|torch|filming|recording|photographing|photos|pictures|sat|"
        r"circling|round|walking|driving|going|"
        r"happening|go|leave|so|home|angry)\b"
    ),
    "entry_attempt": rx(
        r"\b(?:letting|coming in|climbing in|getting in|broke|broken|is in|are in|got in|cut|power|electric|"
        r"electricity|lights|come|came|burst|barged|turning|key|" + lx.DOOR_THING[3:-1] + r")\b"
    ),
    "followed_now": rx(
        r"\b(?:follow\w*|tail\w*|chas\w*|trail\w*|behind|next to|beside|alongside|stop|"
        r"keeping pace|"
        r"coming after)\b"
    ),
    "weapon": rx(
        r"\b(?:pulled|pulling|drew|pointed|"
        + lx.WEAPON
        + r"|waving|brandishing|swinging|pointing|pouring|poured|splashing|throwing|fire|alight|petrol)\b"
    ),
    "assault": rx(
        r"\b(?:been|neck|throat|hair|hear|locked|keeping|holding|let|tried|trying|attempted|being|getting|got|"
        r"saw|kicking|going|smashing|throwing|raging|rammed|driven|crashed|says|said|saying|telling|locked|my|"
        r"bleeding|move|feel|driving|taking|say|tell)\b"
    ),
    "child_in_danger": rx(
        r"\b(?:"
        + lx.alternation(lx.CHILDREN)
        + r"|year old|him|her|them|never see|back|pupil|toddler|little one)\b"
    ),
    "hiding": rx(r"\b(?:hiding|barricaded|locked|under|inside|behind|in|wardrobe|cupboard|loo)\b"),
    "breach_in_progress": rx(r"\b(?:breaking|breaching|breach)\b"),
    "call_for_help": rx(r"\b(?:if|safe)\b"),
    "cannot_speak": rx(r"\b(?:speak|talk|call|phone|say|know|hear|find|type|yes|reply|ring|message)\b"),
    "suicidal": rx(
        r"\b(?:take|taken|took|swallow|swallowed|had|jump|do it|himself|herself|themselves|life|pills|tablets|"
        r"meds|paracetamol|note|tomorrow|goodbye|rope|down|everything|lot|end|love|bye|bridge|ledge|edge|roof|cliff|"
        r"railway|tracks|load|jump|ledge|decided|letters?|cliffs?|multi|overdose|overdosed|morning|longer|"
        r"alive|tonight)\b"
    ),
    "threat_imminent": rx(
        r"\b(?:kill|stab|hurt|murder|batter|shoot|strangle|way|mins?|minutes|hour|now|see|be|day|night|dead|outside|"
        r"here|found|knows?|coming|photo|picture|pic|video|snap|unless|do|sort|with|fire|alight|burn|torch)\b"
    ),
}


def situations(segment: Segment) -> list[tuple[str, int, int, str]]:
    """Situations in one sentence: (kind, start, end, frame)."""
    found: list[tuple[str, int, int, str]] = []
    present = {kind: bool(anchor.search(segment.text)) for kind, anchor in _ANCHORS.items()}
    for situation in SITUATIONS:
        if not present[situation.kind]:
            continue
        for match in situation.pattern.finditer(segment.text):
            if match.end() == match.start():
                continue
            start = match.start("who") if match.groupdict().get("who") else match.start("pred")
            found.append((situation.kind, start, match.end(), judge(segment, match, situation)))
    return found
