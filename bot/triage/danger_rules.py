"""The phrase rules of the danger detector: what "he is outside", "someone is trying the door"
or "I'm hiding" look like once a message is normalised (see `text.py`).

Each `Rule` names a danger kind and a pattern. `mode="now"` patterns are present-tense and
count unless their clause is negated, past, routine or hypothetical (judged in `framing.py`);
`mode="past"` patterns are past-tense and count only when recency words promote them
("he hit me ten minutes ago"). Word lists live in `lexicon.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.triage import lexicon as lx


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    mode: str = "now"  # "now": present form; "past": past form, promoted only by `promote` words
    promote: re.Pattern[str] | None = None
    check_negation: bool = True
    check_past: bool = True
    check_habitual: bool = True
    keeps_is_habitual: bool = True  # "he keeps following me" is a pattern; "keeps banging" is now
    promote_in_sentence: bool = False  # look for `promote` words in the whole sentence, not the clause
    context: re.Pattern[str] | None = None  # the sentence must also contain this to count at all


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_S = lx.SUBJECT
_PERSON = lx.PERSON
_F = lx.FILLER
_BE = lx.BE
KEEPS = r"(?:keeps|keep|kept on|keeps on|will not stop|wont stop)"
RECENT = rx(
    r"\b(?:just|just now|a minute ago|minutes ago|a few minutes ago|moments ago|seconds ago|"
    r"\d+ (?:mins?|minutes) ago|(?:ten|five|twenty|two|few) (?:mins?|minutes) ago|in the (?:last|past) "
    r"(?:\d+|few|ten|five|twenty|thirty|couple of) (?:mins|minutes)|in the (?:last|"
    r"past) (?:half )?(?:an )?hour)\b"
)
RECENT_WIDE = rx(
    RECENT.pattern + r"|\b(?:tonight|this evening|earlier today|an hour ago|half an hour ago|"
    r"this morning|this afternoon|today|earlier)\b"
)
_DOOR_THINGS = (
    r"(?:door|doors|front door|back door|window|windows|doorbell|bell|letterbox|letter box|buzzer|"
    r"intercom|gate|glass|door handle|handle|wall|walls|ceiling|floor|car window|car door)"
)
# "I'm being followed - on twitter"
_ONLINE_AFTER = (
    r"(?!\W{0,3}(?:on|onto|via|through) (?:twitter|instagram|insta|facebook|fb|tiktok|snapchat|x|social media|"
    r"linkedin|strava|youtube|twitch|spotify|threads|bluesky|online)\b)"
)
_ONLINE = (
    r"(?:\s+\w+){0,3}\s+(?:on|onto|via|through)\s+(?:the\s+|every\s+|all\s+(?:my\s+|the\s+)?)?(?:instagram|insta|"
    r"twitter|x|facebook|fb|tiktok|"
    r"snapchat|snap|social media|social|socials|online|linkedin|strava|youtube|twitch|spotify|whatsapp|"
    r"snap ?maps?|find my|life360|the app|apps?|my phone|his phone|location|platforms?)"
    r"|\s+(?:online|accounts?|page|profile|posts|stories|story|tiktoks|reels|snaps|tweets|videos|vids|"
    r"statuses|lives)\b"
    r"|(?:\s+\w+)?\s+(?:instagram|insta|whatsapp|facebook|fb|tiktok|snapchat|twitter|linkedin)\b"
    r"|(?:\s+\w+){0,2}\s+(?:online|status|location|stories|story|posts|profile)\b"
)
_OK_PRESENCE = (
    r"(?:\s+(?:his|her|their) (?:own )?(?:house|flat|home|place|room|bedroom|job|work|office|workplace)\b"
    r"|\s+(?:at the (?:garage|mechanics?|dealers?|body shop)|(?:back )?in the (?:area|country|uk|town|city))\b"
    # "He's here on my Facebook again under a new name": online
    r"|\s+on (?:my |his |her |their |the )?(?:facebook|fb|instagram|insta|tiktok|snapchat|twitter|whatsapp|"
    r"messenger|linkedin|profile|page|feed|socials?|dms|timeline)\b"
    r"|(?:\s+\w+){0,2}\s+in (?:the|his|these|those|some|old) (?:pics|photos|pictures|videos|video|photo|picture)\b"
    r"|\s+(?:having a (?:smoke|fag|cigarette|vape|drink)|smoking|on the phone|with the dog|walking the dog|putting "
    r"the bins out|washing the car|mowing|gardening|waiting for the kids|for the handover|like the court said|as "
    r"agreed|as arranged)\b|\s+(?:to help|with me|for me|to support|to look after|so i|helping|to protect|and i feel safe|"
    r"and i am safe|to pick|to collect|to drop|for the kids|with the kids|waiting to (?:drive|take|give|walk|"
    r"pick)|to (?:drive|take|give|walk) (?:me|us)|taking a statement|playing))"
)

# What someone trying to get in tries ("the door handle", "to get in"), and what it is not.
_ENTRY = (
    r"(?:get in|get into|get inside|break in|break into|brake in|brake into|open|force|kick|smash|get through(?! to\b)|climb in|"
    r"climb through|come in|enter|pick|unlock|the door|the handle|the door handle|my door|the window|"
    r"my window|the windows|my windows|the back door|the front door|my front door|my back door|"
    r"the lock|the locks|the gate|his key|a key|keys|push the door|push in|barge in|the doors|"
    r"climb (?:over|up|onto|into|through|in)|get over|jump over|scale|the windows one|the back gate|"
    r"all the (?:windows|doors))\b"
    r"(?! (?:touch|contact|my (?:accounts?|email|phone|instagram|facebook|icloud|laptop|computer|apps|"
    r"snapchat|bank|head|life|messages)|the (?:accounts?|email|phone|laptop|computer|bank)))"
    r"(?! to (?:do|fix|check|repair|read|deliver|collect|inspect|service|clean))"
)

# What may follow "he's waiting" / "he's watching" when it means here and now.
_POSTURE_TAIL = (
    r"(?: (?:for|at|in|on|outside|near|by|across|opposite|over|round|around|behind|up|down|through|"
    r"into|from|with)(?: \w+){0,4}| (?:me|us|my house|the house|my flat|the flat|my window|the window|"
    r"my kids|the kids|my car))?\s*(?:$|,|\b(?:now|right now|again|for me|for us|at me|at us|at the|"
    r"in my|in the|outside|across|opposite|from|through|by|near|round|around|over|behind|and))"
)

# Agreed contact is not a child being taken ("he's got the kids this weekend, it's his turn").
_ARRANGED = (
    # "he's gonna take the kids off me" (through the courts), "take them away from me": custody
    r"(?! (?:off|away from) (?:me|her|us)\b)"
    r"(?!(?: \w+){0,4} (?:weekend|as agreed|as usual|his turn|her turn|to school|for contact|for the day|"
    r"tomorrow|next week|on (?:saturday|sunday|friday)|every|for tea|for the night|overnight|to football|"
    r"to the park|to see|to visit))"
)

RULES: tuple[Rule, ...] = (
    # --- the suspect is here now ---
    # ("he's inside his house" is at home; "he's outside her house" is not)
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} {_BE} {_F}(?!(?:in|inside|at) (?:his|their) |{lx.NOT_NEAR})"
            # ("she's in her room": a resident in her own room)
            r"(?!(?<=\bshe is )(?:in|inside|at) her (?:own )?(?:house|flat|home|place|room|bedroom)\b)"
            rf"(?:{lx.NEAR}) {lx.PLACE}\b(?!{_OK_PRESENCE})"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            # (not what was seen before: "I've seen his car parked outside her flat myself")
            rf"(?<!seen )(?<!saw )(?<!spotted )(?<!noticed )\b{_S} {_F}(?:sitting|standing|parked|waiting|"
            r"lurking|loitering|hanging around|hanging about|"
            rf"pacing|watching|staring) (?:\w+ ){{0,2}}(?:{lx.NEAR}) {lx.PLACE}\b(?!{_OK_PRESENCE})"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b(?:is|are) {_F}(?:standing|sitting|sat|stood|waiting|parked up|lurking|loitering|hanging around|"
            r"hanging about|pacing) (?:right |just )?(?:outside|at (?:my|the|our) (?:front |back )?(?:door|gate|"
            r"window)|in (?:my|the|our) (?:garden|drive|driveway|hallway|car park|street))\b"
            rf"(?!{_OK_PRESENCE})"
        ),
    ),
    Rule(
        "suspect_present",
        rx(rf"\b{_S} {_BE} {_F}{lx.BARE_WHERE}\b(?!{_OK_PRESENCE})(?! (?:to help|with me|for me))"),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_PERSON} {_F}(?:outside|at the door|at my door|at the window|at my window|in the garden|"
            rf"in my garden|on my doorstep|on the doorstep)\b(?!{_OK_PRESENCE})"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:might|may|could|must) (?:still |now |already )?be (?:{lx.BARE_WHERE}|(?:{lx.NEAR}) "
            rf"{lx.PLACE}|in there|around)\b"
        ),
        check_past=False,
    ),
    Rule(
        "suspect_present",
        rx(
            r"\b(?:camera|cam|doorbell|ring doorbell|ring|cctv|video doorbell|ring app|alarm) (?:is |has |just )*"
            r"(?:showing|shows|picked up|picking up|caught|catching|alerted me to|went off|going off)"
            r"(?: \w+){0,3} (?:him|her|them|someone|somebody|a man|a person|his car|movement)\b"
        ),
        mode="past",
        promote=rx(lx.NOW_WORDS + r"|\b(?:just|again|tonight)\b"),
    ),
    Rule(
        "suspect_present",
        rx(
            r"\b(?:sent|texted|messaged|posted|whatsapped|sending) (?:me )?(?:a |another )?(?:photo|picture|pic|"
            r"video|selfie|snap)s? (?:of|from|outside|taken (?:from|outside|of))(?: \w+){0,4} (?:my|our|the) "
            r"(?:\w+ ){0,2}(?:window|house|door|flat|car|garden|street|building|front door|work)\b"
        ),
        mode="past",
        promote=rx(
            RECENT.pattern + r"|" + lx.NOW_WORDS + r"|\b(?:tonight|switched on|"
            r"turned on)\b"
        ),
        promote_in_sentence=True,
    ),
    Rule(
        "suspect_present",
        rx(
            r"\bthere (?:is|are|has been|s) (?:someone|somebody|some one|a man|a guy|a woman|a person|"
            r"a car|a van|people|men|two men|some men|some guy|a stranger|a figure|his car|him|her)"
            # (not "there's a guy at her gym, they've chatted": someone from a place the person belongs to)
            r"(?: \w+)? (?:outside|at(?! (?:(?:my|her|his|our|their) )?(?:gym|work|job|school|uni|university|college|"
            r"church|mosque|club|office|course|class|team)\b)"
            # (nor "a woman in my WhatsApp group for dog walkers")
            r"|in(?! (?:my|our|a|the|her|his) (?:\w+ )?(?:whatsapp|facebook|group|chat|class|team|course)\b)"
            r"|on|by|near|in front of|hanging around|lurking|"
            r"standing|sitting|sat|"
            r"stood|waiting|watching|looking|trying|banging|knocking|parked|across|over the road|"
            r"at the door|in the garden|downstairs|upstairs)\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            r"\b(?:i can see|i see|i can hear|i hear|i have just seen|i just saw|can see|can hear) "
            r"(?:him|her|them|his car|her car|their car|his van|the same car|that car|someone|somebody|"
            r"footsteps|a man|a car|people|him and|his face|his shadow|a shadow|movement|voices|his voice|"
            r"noises|a noise)"
            r"(?: (?!(?:get|got|getting|go|going|went|walk off|walking off|walked off|drive off|driving off|leave|"
            r"leaving|left)\b)\w+){0,2} (?:outside|from|at|now|right now|again|through|"
            r"across|parked|waiting|standing|"
            r"sitting|watching|downstairs|upstairs|in the (?:garden|street|road|car park|hallway|house|flat|"
            r"window|kitchen|loft|back)|near|by|on the|behind|down the|up the|in the bushes|over the)\b"
            # "I can see his van at the depot from my window": at his work, not at mine
            r"(?! (?:the )?(?:depot|garage|mechanics|dealers|his work|his house|his mums|his flat)\b)"
        ),
    ),
    Rule(
        "suspect_present",
        rx(r"\b(?:i can see|i see|i can hear|i hear) (?:him|her|them|his car|his van|someone)\s*$"),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:{_BE} |{KEEPS} )?{_F}(?:banging|knocking|hammering|pounding|kicking|thumping|bashing|"
            rf"punching|smashing|rattling|tapping|ringing|buzzing|booting|trying|pulling|pushing|shaking|"
            rf"scratching|throwing (?:stones|things|stuff|rocks) at) (?:on |at |through |against )?"
            r"(?:my |the |our |his |her |all the )?(?:front |back |side |car |bedroom |"
            rf"kitchen )?{_DOOR_THINGS}\b"
        ),
        keeps_is_habitual=False,
    ),
    Rule(
        "suspect_present",
        rx(
            r"(?:^|\b(?:and|,|help|please|now|someone|somebody|i hear|there is|just|"
            r"still|again|scared|terrified)\s+)(?:banging|knocking|hammering|pounding|kicking|thumping|"
            r"bashing|rattling|buzzing) (?:on |at |through |against )?(?:my |the |our )?(?:front |back )?"
            rf"{_DOOR_THINGS}\b"
        ),
        keeps_is_habitual=False,
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:{_BE} )?{_F}(?:smashing up|smashing|trashing|wrecking|vandalising|slashing|keying|"
            r"kicking|jumping on|hitting|bashing|banging on|damaging|scratching|"
            r"kicking in|setting fire to|spray painting|egging|throwing (?:stones|bricks|"
            r"things|paint|eggs) at) (?:my|the|our|her) (?:\w+ )?(?:car|cars|house|windows?|door|tyres|tires|"
            r"property|garden|fence|van|bike|flat|front door|windscreen|wing mirror|gate)\b"
        ),
        keeps_is_habitual=True,
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} {_BE} {_F}(?:shouting|screaming|yelling|revving|beeping|honking|hooting|swearing|"
            r"kicking off|"
            r"going mental|going crazy|causing a scene|making a scene|raging|"
            r"calling my name|calling for me|walking up and down|driving up and down|driving round|"
            r"circling|pacing|sitting in (?:his|her|their|a|the) (?:\w+ )?(?:car|van)|sat in (?:his|her|"
            r"their|a|the) (?:\w+ )?(?:car|van)|parked up)"
            r"(?: \w+){0,2} (?:outside|at|through|in the street|in my|on my|up and down|near|by|round|"
            r"around|opposite|across|over)\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} {_BE} {_F}(?:waiting|sitting|sat|standing|stood|parked|lurking|"
            r"loitering|hanging around|hanging about|hiding(?! in plain sight))"
            # "he's probably just waiting for someone": an innocent reading, not him waiting for me
            r"(?! for (?:someone|somebody|a (?:friend|mate|lift|taxi|bus)|(?:his|her|their) (?:friend|mate|"
            r"girlfriend|boyfriend|wife|husband|kids|lift|taxi))\b)" + _POSTURE_TAIL
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"(?<!saying )(?<!says )(?<!said )(?<!and that )(?<!know )(?<!knows )(?<!so )\b{_S} {_BE} {_F}(?:watching|staring|"
            r"looking|peering|filming|taking photos)" + _POSTURE_TAIL
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"(?<!saying )(?<!says )(?<!said )\b{_S} (?:{_BE} )?{_F}(?:watching|staring at|looking at|"
            r"looking through|"
            r"peering (?:in|into|at|"
            r"through)|filming|photographing|taking photos of|taking pictures of) (?:me|us|my|the|our|through)"
            r"\b(?!" + _ONLINE + r")"
        ),
    ),
    # his own words that he is watching now, from somewhere: "says hes watching me through the kitchen
    # window right now", "a voice note saying hes watching me from the bus stop"
    Rule(
        "suspect_present",
        rx(
            r"\b(?:says|saying|said|texted|messaged|text|message)\W+(?:that )?(?:he|she|they) (?:is|are) "
            r"(?:watching|looking at) me (?:\w+ ){0,3}?(?:right now|from (?:the|my|across|outside|over)|"
            r"through (?:the|my))\b"
        ),
    ),
    # "he came into reception about ten minutes ago asking for me": arrived minutes ago, so still near
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:came|turned up|showed up|arrived|walked|rocked up|pulled up)(?: in| into| to| at| up)?"
            r"(?: \w+){0,3}? (?:about |around |like )?(?:\d+|a few|two|three|five|ten|fifteen|twenty) "
            r"(?:mins?|minutes) ago\b"
        ),
    ),
    # "walking to my car and theres footsteps that stop when mine stop"
    Rule(
        "followed_now",
        rx(r"\bfootsteps? (?:\w+ ){0,3}?(?:stop|stops|start|starts|speed up|speeds up) when (?:mine|i|my)\b"),
    ),
    # "I'm typing this in the toilets at my new job because he came in"
    Rule(
        "hiding",
        rx(
            r"\bi am (?:typing|texting|writing|messaging) (?:this |you )?(?:(?:from |in )(?:the|a|my) (?:\w+ )?"
            r"(?:toilets?|loos?|bathroom|cupboard|wardrobe|storeroom|stock room)|(?:from )?(?:under|behind) "
            r"(?:the|a|my) (?:\w+ )?(?:counter|desk|table|bed|stairs|sofa|car))\b(?! at work\b)"
        ),
    ),
    # said to him, written down as it happens: "get off me ... who are you on the phone to ... nobody"
    Rule("assault", rx(r"(?<!said )(?<!says )(?<!shouted )\b(?:get off me|let go of me|stop hurting me)\b")),
    # a phone that may be watched: "using my friends phone ... dont text my number"
    Rule(
        "cannot_speak",
        rx(
            r"\b(?:do not|don t|dont|never) (?:text|call|ring|message|reply to) (?:my (?:number|phone|mobile)|me back)\b"
            r"|\busing (?:my )?(?:\w+ )?(?:friends|mates|sisters|mums|someone else s|a friend s) phone\b"
        ),
    ),
    # a farewell: "this is my last message to anyone. thank u for trying"
    Rule(
        "suicidal",
        rx(
            r"\b(?:this is|this will be|here is) my (?:last|final) (?:message|text|words?)\b"
            r"(?= (?:to anyone|to anybody|ever|to you all|to everyone)|\W*$|\W+(?:thank|thanks|bye|goodbye|sorry))"
        ),
    ),
    # "He's been there an hour", "she has been outside for twenty minutes": there, and still there
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:has|have) been (?:sat |stood |parked )?(?:there|here|outside|out there|out the front) "
            r"(?:for )?(?:an hour|half an hour|over an hour|(?:\d+|ten|twenty|thirty|forty|five|two|three) "
            r"(?:mins?|minutes|hours?)|ages)\b(?! (?:every|each|most|some)\b)"
        ),
        check_habitual=False,  # (the "when I looked out" after it is not a routine)
    ),
    # "He's just knocked on my student house door", "he's banging on the side of the van"
    Rule(
        "entry_attempt",
        rx(
            rf"\b{_S} (?:has |have )?just (?:knocked|banged|hammered|tried) (?:on )?(?:my|the|our) (?:\w+ ){{0,2}}?"
            r"(?:door|window)\b"
            rf"|\b{_S} (?:is|are) (?:\w+ )?(?:banging|hammering|knocking) on the (?:side|back|front|roof|door) of "
            r"(?:the|my|our) (?:van|caravan|car|house|flat|tent|boat|cabin)\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:has|have) (?:just |now |again |)(?:turned up|shown up|showed up|arrived|appeared|"
            r"come round|come over|come back|come to(?! stay)|pulled up|pulled in|pulled into|rocked up|got here|"
            r"followed me)\b"
        ),
        mode="past",
        promote=rx(lx.NOW_WORDS + r"|\b(?:just|again|tonight|here)\b"),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:{_BE} )?(?:just|only just) (?:turned up|showed up|shown up|arrived|appeared|came round|"
            r"came over|came back|pulled up|rocked up|got here|walked in|walked up|drove past|drove by|"
            r"knocked|rang the (?:door)?bell)\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} {_BE} (?:turning up|showing up|arriving|pulling up|here again|back again|back outside|"
            r"back at (?:my|the|our)|outside again)\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:{_BE} )?(?:on (?:his|her|their|the) way|coming|heading|driving|walking|running) "
            r"(?:here|over|round|to (?:my|our|the|get me|find me|me)|to my|for me|after me|this way|towards me|"
            r"towards the house|now|right now)\b(?!(?: \w+){0,6} (?:pick|collect|drop|see the kids|his stuff|"
            r"his things|tomorrow|next week|at the weekend|later))"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            r"\b(?:he|she|they|someone|my ex|ex) (?:is|was) (?:here|outside|at the door) (?:a minute ago|"
            r"just now|seconds ago|moments ago|minutes ago)\b"
        ),
        check_past=False,
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:was|were) {_F}(?:outside|at|in|on|by|near|round|across|banging|knocking|waiting|"
            r"sitting|standing|parked|watching)\b"
        ),
        mode="past",
        promote=RECENT,
    ),
    Rule(
        "suspect_present",
        rx(
            r"\b(?:who|that) (?:\w+ ){1,8}?(?:is|are) (?:now |still |right |just |literally |currently )*"
            r"(?:outside|at (?:my|the|our) (?:front |back )?(?:door|window|gate)|in (?:my|our|"
            r"the) (?:garden|house|"
            r"flat|street|building|hallway))\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            r"\b(?:i |i have |i ve )?(?:just )?(?:saw|seen|spotted|noticed|clocked) (?:him|her|them|his car|"
            r"her car|"
            r"their car|his van|the same car|that car)(?: \w+){0,3} (?:outside|at|in|near|by|past|across|on|walk|"
            r"walking|drive|driving|go|going|standing|sitting|parked|waiting|watching|pull|pulling)\b"
        ),
        mode="past",
        promote=rx(RECENT.pattern + "|" + lx.NOW_WORDS + r"|\b(?:tonight|again)\b"),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:is |are |{KEEPS} )?{_F}(?:walking|driving|going|coming|cycling|running|creeping|"
            r"sneaking|"
            r"prowling|pacing) (?:past|by|round|around|up|down|towards|along|up and down|back and forth)"
            rf"(?: \w+){{0,2}}? (?:{lx.PLACE}|the house|the flat|outside)\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            r"\b(?:guy|man|woman|bloke|lad|person|girl|someone|somebody|stalker)(?: \w+){1,4}? (?:is|are) "
            r"(?:now |still |right |just |literally |currently |back )*(?:outside|at (?:my|the|"
            r"our) (?:front |back )?"
            r"(?:door|window|gate)|in (?:my|our) (?:garden|house|flat|street|building|hallway))\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"(?<!heard )(?<!heard that )(?<!apparently )\b{_S} (?:{_BE} )?{_F}(?:around here|round here|in the area|"
            r"still around|hanging around here|"
            r"somewhere nearby|still about|around somewhere)\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            rf"\b(?:{_S} )?(?:{_BE} |will not |won t |does not |keeps )?(?:not )?"
            r"(?:let me (?:leave|out|go out|get out|out of)|letting me (?:leave|out|go out|get out)|"
            r"locked me in|locking me in|locked us in|keeping me (?:in|here|locked)|holding me (?:here|down|"
            r"hostage))\b"
            r"|\b(?:he|she|they) (?:has|have) (?:just )?taken my (?:phone|keys|car keys|phone and keys)\b"
        ),
        check_negation=False,
    ),
    Rule(
        "suspect_present",
        rx(
            # ("can't prove it's him driving", "not sure it's him")
            r"(?<!prove )(?<!prove that )(?<!sure )(?<!tell if )(?<!know if )(?<!whether )"
            r"\b(?:i think |pretty sure |i know |i am sure )?(?:it is|that is|it must be) "
            # (not "it's my ex's brother")
            r"(?:him|her|them|my ex(?: partner| husband| wife| boyfriend| girlfriend)?)\b"
            r"(?! (?:s|brother|sister|mum|mother|dad|father|cousin|mate|mates|friend|new|partner|husband|wife|"
            r"boyfriend|girlfriend)\b)"
            r"(?! (?:who|that|behind|sending|doing|messaging|online|texting|calling|posting|on (?:instagram|"
            r"facebook|twitter|tiktok|snapchat|social|the phone|whatsapp)|(?:he|she|they) (?:has|have|is) been|"
            r"(?:he|she|they) (?:is|has|was) not\b|(?:he|she|they) (?:has|have) got\b))"
        ),
        context=rx(
            r"\b(?:door|window|garden|outside|noise|noises|knock|knocking|bell|doorbell|car|footsteps|"
            r"camera|street|here|downstairs|upstairs|hallway|ring|cctv)\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            r"\b(?:someone|somebody|a man|a voice|he|she) (?:is )?(?:whispering|calling|shouting|saying|"
            r"screaming) "
            r"(?:my name|at me|through|outside)\b"
        ),
    ),
    Rule("suspect_present", rx(rf"\b{_S} {_BE} (?:back|out there)(?: again| now| outside)?\s*(?:$|,)")),
    Rule(
        "suspect_present",
        rx(
            rf"\b{_S} (?:has |have )?(?:just )?(?:turned up|showed up|shown up|arrived|came round|came over|"
            r"rocked up|"
            r"came to my \w+|appeared)\b"
        ),
        mode="past",
        promote=rx(
            RECENT.pattern + "|" + lx.NOW_WORDS + r"|\b(?:will not leave|won t leave|"
            r"refusing to leave|refuses to leave|still here|still there|tonight)\b"
        ),
    ),
    Rule(
        "suspect_present",
        rx(
            r"\b(?:saying|said|says|texted|messaged|wrote|writing|sent me|sending me)(?: me)?(?: \w+){0,2}? "
            r"(?:look out (?:of )?(?:your|the) window|i am outside|i m outside|i can see you|come outside|"
            r"open the door|come to the window|i am here|i am at your|i am in your|i am downstairs|"
            r"i am watching you (?:right )?now|guess where i am|look outside)\b"
        ),
    ),
    # --- being followed now ---
    Rule(
        "followed_now",
        rx(
            rf"\b{_S} (?:{_BE} |{KEEPS} )?{_F}(?:following|followin|tailing|chasing|trailing|walking behind|"
            r"driving behind|running after|coming after|right behind|behind|on my tail|walking after|tailgating|"
            r"keeping pace with|pulling up next to|driving next to|walking next to|crawling along next to)"
            r" (?:me|us|my car|my (?:son|daughter|kids|children)|the car|our car)\b(?!" + _ONLINE + r")"
        ),
    ),
    Rule(
        "followed_now",
        rx(
            rf"\b{_S} {_BE} {_F}(?:following|tailing|chasing|trailing)(?= in (?:his|her|their|a|the) |\s*$|"
            r" on foot|"
            r" close| right| behind| again| now| still)"
        ),
    ),
    Rule(
        "followed_now",
        rx(
            r"\b(?:i|we|i think i|i think we|pretty sure i|i feel like i|i am sure i) (?:am|are|have been|"
            r"has been|"
            r"keep|keeps) (?:being|getting) (?:followed|chased|tailed|trailed|followed home)\b"
            + _ONLINE_AFTER
        ),
    ),
    Rule(
        "followed_now",
        rx(
            rf"\b{_S} (?:has |have )?(?:just )?(?:followed|chased|tailed) (?:me|us)(?: \w+){0, 4}"
            r" (?:just now|a minute ago|minutes ago|tonight|this evening|here|now|right now|and is|and he is|"
            r"and she is|and they are)\b"
        ),
        check_past=True,
    ),
    Rule(
        "followed_now",
        rx(rf"\b{_S} (?:has |have )?(?:just )?(?:followed|chased|tailed) (?:me|us)\b"),
        mode="past",
        promote=RECENT_WIDE,
    ),
    # --- trying to get in ---
    Rule(
        "entry_attempt",
        rx(rf"\b(?:{_S} )?(?:{_BE} |{KEEPS} )?{_F}(?:trying|tryna|attempting|trying again) (?:to )?{_ENTRY}"),
        check_habitual=False,
    ),
    Rule(
        "entry_attempt",
        rx(rf"\b(?:{_S} )?(?:has |have )?{_F}tried (?:to )?{_ENTRY}"),
        mode="past",
        promote=rx(RECENT.pattern + "|" + lx.NOW_WORDS + r"|\b(?:again|tonight)\b"),
    ),
    Rule(
        "entry_attempt",
        rx(
            r"\b(?:breaking|kicking|smashing|forcing|prising|jimmying|booting|shouldering|ramming|bashing) "
            r"(?:(?:in|into|down|open|through)\b(?! (?:my|the|his) (?:email|accounts?|phone))|"
            r"(?:the |my |our )(?:front |back |side |bedroom |kitchen |car )?(?:door|doors|window|windows|lock|"
            r"locks|glass|gate)\b)"
        ),
        check_habitual=False,
    ),
    Rule(
        "entry_attempt",
        rx(
            rf"\b{_S} (?:has |have |is |are )(?:just |now )?(?:got|getting|gotten|let himself|let herself|"
            r"let themselves|climbed|climbing|come|walked|walking|barged|barging|broken|breaking|forced "
            r"(?:his|her|their) way|forcing (?:his|her|their) way|pushed (?:his|her|their) way|"
            r"smashed (?:his|her|"
            r"their) way) (?:in|into|inside|through)\b(?! (?:touch|contact|my (?:email|accounts?|phone|"
            r"instagram|facebook|icloud|snapchat|tiktok|twitter|laptop|computer|bank|messages|whatsapp)|"
            r"(?:his|her|their|a|the)(?: own)? (?:car|van|taxi|cab|vehicle|truck|lorry|bus)|trouble|a fight|"
            r"an argument|bed))"
            r"(?!(?: \w+){1,3} without (?:knocking|asking|permission|warning))"  # "comes into my room without knocking"
        ),
    ),
    Rule(
        "entry_attempt",
        rx(
            rf"\b{_S} (?:just )?(?:got|let himself|let herself|climbed|walked|barged|broke|forced (?:his|"
            r"her|their)"
            r" way|pushed (?:his|her|their) way) (?:in|into|inside|through)\b"
            r"(?! (?:touch|contact|my (?:email|accounts?|phone|instagram|facebook|icloud)|(?:his|her|their|a|"
            r"the)(?: own)? (?:car|van|taxi|cab|vehicle|truck|lorry|bus)|trouble|a fight|an argument|bed))"
        ),
        mode="past",
        promote=RECENT_WIDE,
    ),
    Rule(
        "entry_attempt",
        rx(
            rf"\b{_S} (?:{_BE} |{KEEPS} )(?:\w+ ){{1,5}}?to (?:get in|get into|get inside|break in|come in|"
            r"let (?:him|her|them) (?:in|into))\b(?! (?:touch|contact|my (?:email|accounts?|phone|head)))"
        ),
        keeps_is_habitual=False,
    ),
    Rule(
        "entry_attempt",
        rx(
            rf"\b{_S} (?:{_BE} )?{_F}(?:climbing|scaling|jumping|getting) (?:over|up|onto|into|through|in)"
            r" (?:my|the|our|his|her|their) (?:\w+ )?(?:fence|wall|gate|balcony|window|garden|drainpipe|shed|roof|"
            r"hedge)\b"
        ),
    ),
    Rule(
        "entry_attempt",
        rx(
            rf"\b{_S} (?:has |have )?(?:just )?(?:broke|broken|kicked|smashed|booted|forced|bashed) (?:my|"
            r"the|our) "
            r"(?:front |back |side |bedroom |kitchen |car )?(?:door|doors|window|windows|gate|lock|glass)"
            r"(?: (?:down|in|open|through))?\b"
        ),
        mode="past",
        promote=rx(RECENT_WIDE.pattern + "|" + lx.NOW_WORDS),
        promote_in_sentence=True,
    ),
    Rule(
        "entry_attempt",
        rx(
            r"\b(?:door|doors|window|windows|lock|locks|back door|front door|gate|patio door|the glass) "
            r"(?:has|have|is|are|was|were) (?:just |now )?(?:been )?(?:forced|broken|smashed|kicked in|"
            r"jimmied|prised|pried|forced open|kicked|damaged|tampered with|left open|unlocked)\b"
        ),
        mode="past",
        promote=rx(
            RECENT_WIDE.pattern + r"|\b(?:just got home|got home|came home|"
            r"inside|in there|still)\b"
        ),
        promote_in_sentence=True,
    ),
    Rule(
        "entry_attempt",
        rx(
            r"\b(?:the|my) (?:door handle|handle|letterbox|letter box|lock|door|window|back door|front door) "
            r"(?:is |keeps |just )?(?:moving|turning|rattling|going down|being tried|being pushed|shaking|"
            r"opening|being opened|being forced|moved|turned|rattled)\b"
        ),
    ),
    Rule(
        "entry_attempt",
        rx(
            r"\b(?:someone|somebody|he|she|they|a man) (?:is |are )?(?:in|inside) (?:my|our|the) "
            r"(?:house|flat|home|building|back garden|garden|hallway|kitchen|bedroom|loft|shed|garage|car)\b"
            r"(?!(?: \w+){0,2} (?:every|always|last|when|before))"
        ),
    ),
    # --- threats: judged in `threats` (time, plan or weapon make them imminent) ---
    # --- a weapon now ---
    Rule(
        "weapon",
        rx(
            rf"\b{_S} (?:{_BE} )?{_F}(?:has|has got|got|is holding|holding|carrying|waving|pulled out|"
            r"has pulled out|pulling out|took out|has taken out|brought|has brought|armed with|wielding|"
            r"swinging|pointing|brandishing|with|has a|got a|showed me|just showed me|showing me|flashed|"
            r"flashing|flashed me|pulled) (?:a |an |his |her |the |some |two |what "
            r"looks like a |what looks like an )?(?:\w+ )?" + lx.WEAPON + r"\b"
            r"(?! (?:at home|in (?:his|her|the|their) (?:house|flat|loft|shed|garage|car|home)|licence|license|"
            r"collection|cabinet|for work|for fishing|for his job))"
        ),
        check_habitual=True,
    ),
    Rule(
        "weapon",
        rx(
            r"\b(?:i (?:can )?see|i saw|i have seen|i just saw|there is|there s|theres|he is holding|"
            r"he s got|with) (?:a |an |his |her |the )?(?:\w+ )?" + lx.WEAPON + r"\b"
            r"(?!(?: \w+){0,2} (?:at home|in (?:his|her|the) (?:house|flat|loft|shed|garage|drawer)|licence|"
            r"collection|last|years|months|weeks|before|once))"
        ),
        check_habitual=True,
    ),
    # --- assault happening or just happened ---
    Rule(
        "assault",
        rx(
            rf"\b{_S} (?:{_BE} |{KEEPS} )?{_F}(?:hitting|punching|kicking|beating|strangling|choking|attacking|battering|"
            r"bashing|throttling|smothering|hurting|"
            r"hurting|grabbing|dragging|pushing|shoving|slapping|throttling|raping|assaulting|stabbing|biting|"
            r"headbutting|pinning|smothering|suffocating|sitting on) "
            r"(?:me|us|her|him|them|the kids|into|against|my (?:\w+ )?(?:face|head|arm|arms|leg|legs|neck|throat|"
            r"body|stomach|back|hair|son|daughter|kids|children|baby|mum|dad|partner|friend|sister|brother|"
            r"boyfriend|girlfriend|husband|wife|family))\b(?! (?:emotionally|mentally|feelings))"
        ),
    ),
    Rule(
        "assault",
        rx(
            rf"\b{_S} (?:has |have )?(?:just |only just )(?:hit|punched|kicked|beat|beaten|strangled|choked|"
            r"attacked|hurt|grabbed|pushed|shoved|slapped|assaulted|stabbed|raped|bit|headbutted|throttled|"
            r"smashed|thrown|threw|battered|beat up|cut|burned|burnt)\b"
        ),
    ),
    Rule(
        "assault",
        rx(
            rf"\b{_S} (?:has|have) (?:\w+ )?(?:hit|punched|kicked|beaten|strangled|choked|attacked|hurt|"
            r"assaulted|"
            r"stabbed|raped|headbutted|throttled|battered|beaten up|cut|burned|burnt|broken my \w+) "
            r"(?:me|us|her|him|them|my)\b(?!(?: \w+){0,3} (?:before|in the past|emotionally|feelings|"
            r"so many times|many times|several times|loads|more than once|a few times|once|twice))"
        ),
    ),
    Rule(
        "assault",
        rx(
            rf"\b{_S} (?:hit|punched|kicked|strangled|choked|attacked|assaulted|stabbed|beat|beat up|battered|"
            r"slapped|headbutted|raped|pushed|shoved|grabbed|throttled|smothered|bit|cut|burned|burnt) "
            r"(?:me|us|her|him|them|my)\b"
        ),
        mode="past",
        promote=RECENT_WIDE,
        promote_in_sentence=True,
    ),
    # strangulation in other words: "He did put me up against the wall tonight and squeezed my neck"
    Rule(
        "assault",
        rx(
            rf"\b{_S} (?:did |has |had )?(?:squeezed|gripped|grabbed|held|pressed on|crushed) (?:me by )?"
            r"(?:the|my) (?:neck|throat)\b"
            rf"|\b{_S} (?:did |has |had )?(?:put|had|wrapped|got) (?:his|her|their|both) (?:hands?|arms?) "
            r"(?:round|around|on) my (?:neck|throat)\b"
            rf"|\b{_S} (?:did |has |had )?(?:put|pinned|pushed|held|slammed) me (?:up )?against the (?:wall|door)\b"
            r"(?:(?: \w+){0,4}? (?:squeezed|grabbed|gripped|held|choked|strangled) my (?:neck|throat))?"
        ),
        mode="past",
        promote=RECENT_WIDE,
        promote_in_sentence=True,
    ),
    Rule(
        "assault",
        rx(
            r"\b(?:i am|i m|im|we are|she is|he is) (?:\w+ )?(?:bleeding|injured|covered in blood|"
            r"unconscious|passing out|losing blood|badly hurt|really hurt|hurt bad|hurt badly|seriously hurt)\b"
            r"(?! (?:by what|emotionally|inside|that))"
        ),
        check_habitual=False,
    ),
    Rule(
        "assault",
        rx(
            r"\b(?:i can not breathe|can not breathe|he is choking me|his hands? (?:is |are )?(?:round|around|on)"
            r" my (?:neck|throat)|blood everywhere|my (?:nose|head|face|lip|mouth|arm) is (?:bleeding|broken))\b"
            r"(?! (?:when|whenever|thinking|every))"
        ),
        check_negation=False,
    ),
    # --- a child in danger ---
    # "my little girl hasn't come home and he's texting that he has her"
    Rule(
        "child_in_danger",
        rx(
            r"\b(?:saying|says|said|texting|texted|messaging|messaged|telling me|told me|claims|claiming)"
            r"(?: \w+){0,2} (?:that )?(?:he|she|they) (?:has|have|has got|have got|s got|is with) "
            r"(?:her|him|them|my \w+|our \w+)\b"
        ),
        context=rx(
            r"\b(?:not|has not|have not|hasn t|haven t|never) (?:come|came|got|get) (?:home|back)\b|"
            r"\b(?:missing|not home|not at school|not back|can t find|cannot find)\b"
        ),
        check_past=False,
        check_habitual=False,
    ),
    Rule(
        "child_in_danger",
        rx(
            rf"\b{_S} (?:{_BE} |has |have |has just |is trying to |are trying to |just |is going to |"
            r"is about to )"
            r"(?:taken|taking|take|snatched|snatching|grabbed|grabbing|got|kidnapped|abducted|abducting|"
            r"driving off with|driven off with|run off with|running off with|gone off with|gone with|"
            r"dragging|dragged|locked|holding|hurting|hitting|threatening|shaking|strangling|kept|keeping) "
            rf"{lx.CHILD}\b{_ARRANGED}"
        ),
    ),
    Rule(
        "child_in_danger",
        rx(rf"\b{_S} (?:took|snatched|grabbed|kidnapped|abducted|ran off with|drove off with) {lx.CHILD}\b"),
        mode="past",
        promote=rx(
            RECENT_WIDE.pattern + r"|" + lx.NOW_WORDS + r"|\b(?:will not (?:bring|"
            r"give|let|return)|not bringing|refusing|refuses|without (?:permission|"
            r"asking|telling)|from (?:school|nursery)|has not brought|tried to (?:pull|"
            r"take|drag|get)|trying to)\b"
        ),
        promote_in_sentence=True,
    ),
    Rule(
        "child_in_danger",
        rx(
            rf"\b{_S} (?:grabbed|tried to (?:take|grab|pull|drag|snatch)|was trying to (?:take|grab|pull|"
            rf"drag|snatch)) {lx.CHILD}"
        ),
        mode="past",
        promote=rx(RECENT_WIDE.pattern + r"|" + lx.NOW_WORDS),
        promote_in_sentence=True,
    ),
    Rule(
        "child_in_danger",
        rx(
            rf"\b{lx.CHILD} (?:has|have|is|are) (?:just )?(?:gone off|gone|run off|ran off|been taken|"
            r"been snatched|been grabbed|disappeared|been driven off|been kidnapped) (?:with|by) "
            r"(?:him|her|them|his dad|her dad|their dad|my ex|the)\b"
        ),
    ),
    Rule(
        "child_in_danger",
        rx(
            rf"\b{lx.CHILD} (?:is|are) (?:\w+ )?(?:in danger|not safe|unsafe|missing|being taken|being hurt|"
            r"trapped|locked in|alone with him|screaming|with him and|in his car and|gone)\b"
        ),
    ),
    Rule(
        "child_in_danger",
        rx(
            rf"\b{_S} (?:will not|refuses to|is refusing to|is not going to) (?:give|bring|hand|send|let) "
            rf"(?:{lx.CHILD}|her|him|them) (?:back|home|go)\b"
        ),
        check_negation=False,
    ),
    # --- an order or bail condition being breached now ---
    Rule(
        "breach_in_progress",
        rx(
            rf"\b{_S} (?:{_BE} )?{_F}(?:breaking|breaching|violating|ignoring|in breach of|defying) "
            r"(?:his |her |their |the |my |a )?(?:bail|order|restraining order|injunction|non molestation "
            r"order|non molestation|nmo|spo|stalking protection order|conditions|bail conditions|court order|"
            r"protection order|exclusion zone|licence)\b"
        ),
    ),
    # --- hiding ---
    Rule(
        "hiding",
        rx(
            r"\b(?:i am|i m|im|we are|i have been|we have been|i|we|me and (?:my|the) \w+ (?:are|r)|"
            r"the kids and i are|the kids and me are|currently|still) (?:\w+ )?(?:hiding|hidden)\b"
            r"(?! (?:my|the|his|her|it|this|things|stuff|money|evidence|from my family|what|how|a|the truth|"
            r"from (?:the world|everyone|everybody|life|people|the internet|social media)|away from (?:the world|"
            r"everyone|people)))"
        ),
    ),
    Rule(
        "hiding",
        rx(
            r"\b(?:i am|i m|im|we are|i have been|we have been|me and (?:my|the) \w+ (?:are|r)|"
            r"the kids and i are|the kids and me are) (?:\w+ )?(?:locked in|locked inside|barricaded|shut in)"
            r"(?! (?:a contract|a relationship|this relationship|the relationship|a cycle|for))\b"
        ),
    ),
    Rule(
        "hiding",
        rx(
            r"\b(?:i am|i m|im|we are|i have|we have|i|we) (?:just |now )?(?:locked|barricaded|shut|hidden) "
            r"(?:myself|ourselves|us|me and \w+|the kids and me)\b"
        ),
    ),
    Rule(
        "hiding",
        rx(
            r"\b(?:i am|we are|i m|im) (?:\w+ )?(?:stuck|trapped) (?:in|inside|under|behind) (?:the|my|a|our) "
            r"(?:bathroom|toilet|loo|bedroom|room|wardrobe|cupboard|closet|car|flat|house|attic|loft|shed|"
            r"garage|office|kitchen)\b"
        ),
    ),
    Rule(
        "hiding",
        rx(
            r"\b(?:i am|we are|i m|im) (?:\w+ )?(?:in|under|inside|behind) (?:the|my|a) (?:bathroom|toilet|loo|"
            r"wardrobe|cupboard|closet|bed|attic|loft|shed) (?:and|with|hiding|locked|,|he|so|because)\b"
        ),
    ),
    Rule(
        "hiding",
        rx(
            r"\bhiding (?:from (?:him|her|them|my \w+)(?! on (?:socials|social media|facebook|instagram|snapchat|"
            r"tiktok|twitter|x|whatsapp)| online)|in (?:the|my|a|our) (?:\w+ )?(?:bathroom|toilet|loo|"
            r"bedroom|wardrobe|cupboard|closet|car|shed|loft|attic|room|kitchen|garage|office|shop|cafe|pub|"
            r"stockroom|staff room|back room|neighbours|friends))\b"
        ),
    ),
    # --- cannot speak safely ---
    Rule(
        "cannot_speak",
        rx(
            r"\b(?:i )?(?:can not|cant|unable to|not able to|daren t|dare not|too scared to|afraid to) "
            r"(?:talk|speak|call|phone|ring|answer|say much|say more|say anything|be on the phone|"
            r"make a call|make noise)(?: (?:now|right now|at the moment|properly|out loud|loud|loudly|"
            r"freely|openly|on the phone|long|much))?\s*(?=$|,|\b(?:he|she|they|because|as|in case|"
            r"please|text|help|so|now)\b)"
        ),
        check_negation=False,
        check_habitual=False,
    ),
    Rule(
        "cannot_speak",
        rx(
            rf"(?<!saying )(?<!said )(?<!says )\b{_S} (?:is |are |will |would |might |can |could |is still )?{_F}"
            r"(?:listening|hear me|hear|next to me|sat next to me|sitting next to me|beside me|in the next room|in the other room|"
            r"in the room|in the same room|asleep next to me|asleep upstairs|checking my phone|looking at my "
            r"phone|reading over my shoulder|watching me type|watching me text)\b"
        ),
    ),
    Rule(
        "cannot_speak",
        rx(
            r"\b(?:have to|got to|need to|must|i am|im|i m) (?:whisper|whispering|be quiet|keep quiet|"
            r"type quietly|text quietly)\b"
        ),
        check_habitual=False,
    ),
    # --- suicidal intent ---
    Rule(
        "suicidal",
        rx(
            r"\b(?:i|im|i m|i am|i have|i feel like i)(?: \w+){0,3} (?:want to|wanna|going to|gonna|will|"
            r"am going to|about to|plan to|planning to|feel like|thinking of|thinking about|decided to|ready to|"
            r"would rather|going to just|need to) "
            r"(?:kill myself|killing myself|end (?:it all|my life|it|things|everything|myself)|ending (?:it all|"
            r"my life|it|things|everything)|take my (?:own )?life|taking my (?:own )?life|die|dying|top myself|"
            r"hang myself|overdose|jump off|jump in front|throw myself|slit my wrists|not be here|not wake up|"
            r"not exist|disappear forever|be dead|give up on life)\b"
            # ("I'll die if he posts those photos": a fear of what he may do, said as hyperbole)
            r"(?! (?:with him|with her|with them|of (?:boredom|embarrassment|shame)|laughing|if (?:he|she|they|anyone|"
            r"people|my|i have to|i see|i bump)\b))"
        ),
        check_habitual=False,
    ),
    # On the edge: "I'm standing on the bridge", "I'm on the roof" (and nothing ordinary after it).
    Rule(
        "suicidal",
        rx(
            r"\b(?:i am|im|i m) (?:standing |sat |sitting |stood )?on (?:(?:the |a )(?:edge of (?:the |a )?)?|(?!edge\b))"
            r"(?:bridge|roof|ledge|cliff|cliff edge|railway line|tracks|railing|edge)\b"
            r"(?!(?: \w+){0,3} (?:waiting|with|for|to|near|at|by|watching|looking|taking|fixing|working))"
        ),
        check_habitual=False,
    ),
    # No subject, as people text it: "gonna end it tonight" (a time says it is not a breakup).
    Rule(
        "suicidal",
        rx(
            r"(?:^|\b(?:anymore|any more|and|so|just|now)\s)(?:gonna|going to|about to|will) end "
            r"(?:it|it all|everything|things|my life)(?! with)(?: \w+){0,2} (?:tonight|today|now|tomorrow)\b"
        ),
        check_habitual=False,
    ),
    # Saying goodbye: "this is my last night", "I've written letters to my kids to say goodbye".
    Rule(
        "suicidal",
        rx(
            r"\b(?:this is|tonight is|today is) my last (?:night|day)\b"
            r"(?! (?:in|at|of|here|there|before|with|on|off|as|working|living|staying|in the))|"
            r"\b(?:written|writing|wrote|left) (?:my |a |the )?(?:goodbye|suicide) (?:letters?|notes?|messages?)\b|"
            r"\b(?:written|writing|wrote|left) (?:letters?|notes?) (?:to|for) (?:my|the) (?:kids|children|family|"
            r"mum|son|daughter|partner)\b(?=.*\b(?:last|goodbye|tonight|end it|sorry)\b)"
        ),
        check_habitual=False,
        check_past=False,  # "my last night" is not the past "last night"
    ),
    Rule(
        "suicidal",
        rx(
            r"\b(?:i|im|i m|i am)(?: \w+){0,2} (?:suicidal|wish i was dead|wish i were dead|better off dead|"
            r"done with life|done with living|ready to die)\b"
        ),
        check_habitual=False,
    ),
    Rule(
        "suicidal",
        rx(
            r"\b(?:i do not want to|i don t want to|dont want to) (?:live|be alive|be here|go on|carry on|"
            r"exist|wake up)(?: \w+){0,2}\s*(?:$|,|anymore|any more|\b(?:and|so|because)\b)"
        ),
        check_negation=False,
        check_habitual=False,
    ),
    Rule(
        "suicidal",
        rx(
            r"\b(?:no reason to live|nothing to live for|better off without me|end it all|kill myself|"
            r"take my own life|"
            r"end my own life|end my life|top myself|suicide note|want to die)\b"
            r"(?! (?:with him|of (?:boredom|embarrassment|shame)))"
        ),
        check_negation=True,
        check_habitual=False,
    ),
    Rule(
        "suicidal",
        rx(
            r"\b(?:(?:tonight|today) is the (?:night|day) i (?:end it|end my life|kill myself|do it|go)|"
            r"had enough of (?:life|living|being alive)|what is the point (?:in|of) (?:living|life|going on|"
            r"being "
            r"alive|me being here|carrying on)|no point (?:in )?(?:living|going on|being alive|carrying on)|"
            r"done with (?:life|living)|want it all to end|want everything to end|"
            r"want to go to sleep and not wake up)\b"
        ),
        check_habitual=False,
    ),
    Rule(
        "suicidal",
        rx(
            r"\b(?:can not go on (?:anymore|any more|living)|can not do this anymore and|can not carry on "
            r"(?:anymore|any more|living))\b"
        ),
        check_negation=False,
        check_habitual=False,
    ),
    Rule(
        "suicidal",
        rx(
            r"\b(?:got|have|i have|i ve) (?:the |my |some )?(?:pills|tablets|rope|razor|blades?) (?:ready|here|"
            r"lined up|next to me)\b|\bi have (?:a|the) plan to (?:end|kill|take)\b"
        ),
        check_habitual=False,
    ),
    Rule(
        "suicidal",
        rx(
            r"\b(?:i have|i ve|i just|i have just) (?:taken|took|swallowed|had) (?:\w+ ){0,3}"
            r"(?:pills|tablets|an overdose|paracetamol|sleeping pills|the lot)\b"
        ),
        check_habitual=False,
    ),
    # --- explicit calls for help in English ---
    Rule(
        "call_for_help",
        rx(
            r"(?<!should i )(?<!do i )(?<!can i )(?<!shall i )(?<!when to )(?<!whether to )(?<!when do i )"
            r"(?<!they )(?<!still )"  # "do they still send someone": a question about the police
            # "she knows to ring 999 if he turns up": what someone has been told to do
            r"(?<!knows to )(?<!know to )(?<!told to )(?<!how to )(?<!advised to )(?<!remember to )"
            r"(?<!told me to )(?<!told us to )(?<!told her to )(?<!said to )"
            r"\b(?:please |pls |someone |somebody |can you |could you |just )?(?:call|ring|phone|get|send) "
            r"(?:the )?(?:police|999|cops|an ambulance|ambulance|someone|help|officers)\b"
            r"(?=\s*(?:$|,|now|please|quick|quickly|for me|to my|here|asap|urgently|immediately|i|he|she|they))"
        ),
        check_habitual=False,
    ),
    Rule(
        "call_for_help",
        rx(
            r"\b(?:i need|we need|need) (?:the police|police|an ambulance|help|someone|999)"
            r" (?:now|right now|urgently|immediately|asap|quickly|quick|here now|here)\b"
        ),
        check_habitual=False,
    ),
    Rule(
        "call_for_help",
        rx(
            r"(?<!can )(?<!could )(?<!will )(?<!would )\b(?:sos|mayday|save me|someone help me|somebody help me|"
            r"help help)\b"
        ),
        check_habitual=False,
    ),
)
