"""What a person's own words say about the case: `extract_facts(text) -> NarrativeFacts`.

Only what the text says, on clear cues; anything not said stays None/empty/False so the
conversation can ask for it. Works on a whole narrative and on short answers ("my ex",
"last tuesday", "outside work", "screenshots of his texts", "no one saw"). Spans are quoted
from the user's own text so a call handler sees their words, not ours.

`find_when`, `find_where` and `find_frequency` are public for the shell code that knows which
question was just asked (so "about 3 months ago" can go to "when it started").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from bot.triage.danger import detect
from bot.triage.markers import RiskMarkers, find_markers
from bot.triage.text import segments

BEHAVIOURS = (
    "following",
    "contacting",
    "publishing",
    "monitoring",
    "loitering",
    "property_interference",
    "watching",
    "gifts",
    "third_parties",
    "tracking",
    "hacking",
    "turning_up",
)
EVIDENCE_KINDS = (
    "messages",
    "screenshots",
    "call_logs",
    "voicemails",
    "gifts",
    "letters",
    "cctv",
    "photos",
    "social_media",
    "diary",
)
RELATIONSHIPS = (
    "ex-partner",
    "partner",
    "family",
    "colleague",
    "neighbour",
    "acquaintance",
    "online-only",
    "stranger",
    "unknown",
)


@dataclass(frozen=True)
class NarrativeFacts:
    """The facts one message states. None / empty / False means "not said"."""

    reporter: str | None = None  # "self" or "someone-else"
    reporter_who: str | None = None  # "friend", "daughter", "client" ...
    behaviours: frozenset[str] = frozenset()
    suspect_relationship: str | None = None
    latest_when: str | None = None
    where: str | None = None
    started_when: str | None = None
    frequency: str | None = None
    frequency_per_week: float | None = None
    evidence: frozenset[str] = frozenset()
    witnesses: str | None = None
    no_witnesses: bool = False
    markers: RiskMarkers = field(default_factory=RiskMarkers)
    nation: str | None = None  # "england", "wales", "scotland", "northern-ireland"
    abroad: bool = False
    male_victim: bool = False
    lgbt: bool = False


class _Text:
    """A message normalised once, with a way to quote the user's own words for a match."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.segments = segments(original)
        self.normalised = " . ".join(s.text for s in self.segments)

    def search(self, pattern: re.Pattern[str]) -> str | None:
        """The user's words for the first match of `pattern` in any sentence, or None."""
        return next(iter(self.search_all(pattern)), None)

    def search_all(self, pattern: re.Pattern[str]) -> list[str]:
        """The user's words for every match of `pattern`, in order."""
        found = []
        for segment in self.segments:
            for match in pattern.finditer(segment.text):
                if match.end() > match.start():
                    start, end = segment.original_span(match.start(), match.end())
                    found.append(" ".join(self.original[start:end].split()).strip(" ,.;:!?"))
        return found

    def has(self, pattern: re.Pattern[str]) -> bool:
        return bool(pattern.search(self.normalised))


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# ---- who is reporting ----------------------------------------------------------------------------

_OTHER_PEOPLE = (
    r"(?:friend|best friend|mate|daughter|son|mum|mother|dad|father|sister|brother|colleague|client|"
    r"partner|wife|husband|girlfriend|boyfriend|neighbour|flatmate|housemate|niece|nephew|aunt|uncle|"
    r"cousin|grandmother|grandma|nan|granddaughter|grandson|student|pupil|patient|service user|"
    r"employee|member of staff|staff member|staff|resident|tenant|customer|child|kid|teenager|stepdaughter|"
    r"stepson)"
)
_SOMEONE_ELSE = _rx(
    # "writing about one of our Year 10 students", "reporting on behalf of one of my staff"
    rf"\b(?:for|on behalf of|about|worried about|reporting for|calling for|asking for|helping) "
    rf"(?:my|a|our|one of (?:my|our)) (?:(?:young|year|\d+|\w+ year old) ){{0,3}}(?P<who1>{_OTHER_PEOPLE})s?\b|\b(?:my|our|a) (?P<who2>{_OTHER_PEOPLE}) (?:is|has been|keeps|is being|"
    r"was being|gets|has) (?:\w+ )?(?:being )?(?:stalked|followed|harassed|threatened|messaged|targeted|"
    r"scared|frightened|terrified)\b|\bit is (?:not me|my (?P<who3>" + _OTHER_PEOPLE + r"))\b|"
    r"\bnot (?:for )?me\b|\bnot happening to me\b|\bhappening to (?:my|a) (?P<who4>" + _OTHER_PEOPLE + r")\b|"
    r"\bi am (?:a|her|his|their) (?P<who5>support worker|social worker|teacher|manager|key worker|nurse|"
    r"gp|doctor|advocate|idva|isva|parent|mum|dad|carer)\b"
)
_SELF = _rx(
    r"\b(?:i am|i m|i have been|i feel|i think i am) (?:being )?(?:stalked|followed|harassed|scared|"
    r"frightened|terrified)\b|\b(?:me|my ex|my)\b|\bit is (?:me|for me|happening to me)\b|\bmyself\b"
)

# ---- the suspect ---------------------------------------------------------------------------------

_RELATIONSHIP_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ex-partner",
        _rx(
            r"\b(?:ex|ex partner|ex husband|ex wife|ex boyfriend|ex girlfriend|ex fiance|ex fiancee|former "
            r"partner|former husband|former wife|former boyfriend|former girlfriend|old boyfriend|"
            r"old girlfriend|baby dad|babys dad|baby daddy|baby father|the kids dad|my kids dad|my childrens dad|"
            r"childrens father|kids father|my sons dad|my daughters dad|my sons father|my daughters father|"
            r"we used to (?:go out|date|be together|live together)|we (?:were|was) together|we broke up|"
            r"we split|we separated|since i left him|since i left her|after i left him|used to date)\b"
        ),
    ),
    (
        "partner",
        _rx(
            r"\b(?:my (?:current )?(?:husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|bf|gf))\b"
            # A partner named in passing is usually support ("my partner meets me at the station"):
            # count them only as a short answer or when the words say they are the one doing it.
            r"(?=\s*$| (?:keeps|won t|will not|checks|tracks|monitors|hits|threatens|follows|controls|reads|"
            r"is the one|is doing|(?:is|has been) (?:stalking|following|controlling|tracking|monitoring|checking|"
            r"threatening|abusive|violent|hurting|hitting|harassing|watching)))"
        ),
    ),
    (
        "family",
        _rx(
            r"\b(?:my|our) (?:own )?(?:dad|father|mum|mother|stepdad|step dad|stepfather|stepmum|"
            r"step mum|stepmother|brother|sister|half brother|half sister|stepbrother|stepsister|uncle|aunt|"
            r"auntie|cousin|grandad|grandfather|grandma|nan|grandmother|brother in law|sister in law|"
            r"father in law|mother in law|son in law|daughter in law|in laws|family|relative|son|daughter)\b"
            r"(?= (?:is|keeps|has|won|will|was|sends|follows|turns|texts|messages|calls|threatens|watches|"
            r"stalking|harassing|following|contacting)\b|\s*$)|\b(?:a family member|family member|"
            r"a relative|someone in my family)\b"
        ),
    ),
    (
        "colleague",
        _rx(
            r"\b(?:colleague|coworker|co worker|workmate|work mate|boss|manager|supervisor|someone (?:at|from) "
            r"work|(?:a|the|this|some) (?:guy|man|woman|girl|bloke|lad|person) (?:at|from) (?:my )?work|"
            r"works with me|work with him|work with her|at my work who|from my work|my old boss|"
            r"someone i work with)\b"
        ),
    ),
    (
        "neighbour",
        _rx(
            r"\b(?:neighbour|neighbor|neighbours|lives next door|next door neighbour|lives (?:downstairs|"
            r"upstairs|opposite|across the road|across the street|on my street|in my building|in the flat "
            r"(?:above|below))|the (?:guy|man|woman|bloke) (?:next door|downstairs|upstairs|across the road|"
            r"opposite)|from next door)\b"
        ),
    ),
    (
        "online-only",
        _rx(
            r"\b(?:never met (?:him|her|them|in person)|only (?:ever )?(?:know|knew|known|met|talked to|"
            r"spoken to) "
            r"(?:him|her|them) online|(?:known|know|knew) (?:him|her|them) only online|met (?:him|her|"
            r"them )?(?:on|through) "
            r"(?:a |an )?(?:gaming app|game|online game|discord|roblox|fortnite|xbox|playstation|forum|reddit|"
            r"chat room)|met (?:him|her|them) online and never|online only|only online|someone online|"
            r"a (?:guy|man|woman|girl|person) (?:online|on (?:instagram|insta|twitter|facebook|tiktok|"
            r"snapchat|reddit|discord|twitch|a forum|a game))|someone on (?:instagram|insta|twitter|facebook|"
            r"tiktok|snapchat|reddit|discord|twitch)|an? (?:anonymous )?account on|fake accounts?|"
            r"a follower|one of my followers|a fan|"
            # "someone I matched with on Grindr but never met"
            r"(?:matched|chatted|talked|spoke) (?:with |to )?on (?:grindr|tinder|hinge|bumble|a dating app|an app|"
            r"the app|a dating site)(?: but)? never met|(?:but )?never met (?:up|in real life|irl))\b"
        ),
    ),
    (
        "stranger",
        _rx(
            r"\b(?:stranger|a (?:man|guy|woman|bloke) i do not know|someone i do not know|do not know (?:him|"
            r"her|them)|never seen (?:him|her|them) before|random (?:man|guy|woman|bloke|person)|"
            r"a man i have never|a guy i have never|total stranger|complete stranger|no idea who (?:he|"
            r"she) is)\b"
        ),
    ),
    (
        "acquaintance",
        _rx(
            r"\b(?:acquaintance|friend of a friend|(?:an old|a|a former|my former|my old|"
            r"my ex) friend(?: of mine)?(?= (?:is|keeps|has|who|will|won|started|sends|follows|turns))|"
            r"(?:only )?know (?:him|her|them) (?:to say hello to|to nod to|by sight)|"
            r"someone i (?:know|knew|met)|a guy i (?:know|knew|met)|a man i (?:know|knew|met)|a woman i (?:know|"
            r"knew|met)|met (?:him|her|them) (?:once|at|through|on a night out|in a bar|at a party|on an app|"
            r"on tinder|on hinge|on bumble)|went on (?:a|one|two|a few) dates?|(?:tinder|hinge|bumble|"
            r"dating app) (?:date|match|guy)|from (?:the )?(?:gym|church|school|college|uni|university|"
            r"the pub|my class|my course)|classmate|customer|client of mine|my landlord|landlord|tutor|"
            r"teacher|coach|my ex friend|a mate of)\b"
        ),
    ),
    (
        "unknown",
        _rx(
            r"\b(?:do not know|dont know|no idea|not sure|unsure|can not tell|cannot tell|not know) (?:who|who "
            r"it is|who is doing|who they are|who he is)\b|\b(?:anonymous|unknown number|no caller id|withheld "
            r"number|private number)\b|^(?:unknown|not sure|no idea|dunno|i do not know)\W*$"
        ),
    ),
)

# ---- what they did -------------------------------------------------------------------------------

_BEHAVIOUR_RULES: dict[str, re.Pattern[str]] = {
    "following": _rx(
        r"\b(?:follow|follows|followed|following)\b(?! (?:me|my \w+) (?:on|online)\b)(?!(?: \w+){0,3} "
        r"(?:on (?:instagram|insta|twitter|facebook|tiktok|snapchat|social)|online))|\b(?:tailing|tailed|"
        r"behind me|being followed)\b"
    ),
    "contacting": _rx(
        r"\b(?:messag\w*|texts?|texted|texting|calls?|called|calling|rings? me|rang me|ringing me|phones? me|"
        r"phoned|emails?|emailed|emailing|voicemails?|dms?|whatsapps?|contact\w*|silent calls|missed calls|"
        r"writes to me|wrote to me|letters?|notes|new numbers|different numbers|withheld number|"
        r"unknown numbers?|keeps ringing)\b"
    ),
    "publishing": _rx(
        r"\b(?:post(?:ed|s|ing)? (?:about me|photos of me|pictures of me|my (?:address|number|photos|"
        r"pictures)|lies|rumours|things about me)|pretend\w* to be me|impersonat\w*|fake (?:profile|"
        r"account)s?"
        r" (?:of me|in my name|pretending)|account in my name|profile in my name|shar(?:ed|ing|es) my "
        r"(?:photos|pictures|images|nudes|address|number)|spread\w* (?:rumours|lies)|revenge porn|"
        r"intimate images|posted online|put (?:it|them|photos|pictures) online|online about me)\b"
    ),
    "monitoring": _rx(
        r"\b(?:monitor\w*|reads my (?:messages|emails|texts)|read my (?:messages|emails|texts)|checks my "
        r"phone|checking my phone|spyware|stalkerware|knows what i (?:post|say|do|said)|knows who i talk to|"
        r"watch(?:es|ing) my (?:stories|posts|profile|online activity)|views my (?:stories|profile)|"
        r"looking at my (?:stories|profile|posts)|listening to my calls)\b"
    ),
    "loitering": _rx(
        r"\b(?:loiter\w*|hang(?:s|ing)? (?:around|about|round)|wait(?:s|ed|ing)? (?:outside|near|by|at|"
        r"round|around|across|for me)|sits? (?:outside|in (?:his|her|a) car)|sat (?:outside|in (?:his|her|a) "
        r"car)|sitting (?:outside|in (?:his|her|a) car)|parks? (?:outside|near|opposite)|parked (?:outside|"
        r"near|opposite|across)|stand(?:s|ing)? (?:outside|across|opposite)|stood (?:outside|across|"
        r"opposite)|drives? (?:past|by|round)|driving (?:past|by|round)|drove (?:past|by)|walks? past|"
        r"walking past|outside my (?:house|home|flat|work|office|door|window|school))\b"
    ),
    "property_interference": _rx(
        r"\b(?:damag\w*|smash\w*|slash\w*|vandal\w*|keyed|scratched my car|tamper\w*|interfer\w*|"
        r"went through my (?:bins|post|things|bag|car)|goes through my (?:bins|post)|took my (?:post|"
        r"things|stuff|keys|bike)|stole my|moved my (?:things|stuff|car|bins)|let my tyres down|"
        r"tyres (?:slashed|let down)|broke my|broken my|left (?:things|stuff|notes|a note|dead|rubbish) "
        r"(?:on|at|in) my (?:car|door|doorstep|garden|windscreen)|graffiti|sprayed|egged|my (?:car|house|"
        r"door) (?:was|has been|got) (?:damaged|scratched|keyed|vandalised))\b"
    ),
    "watching": _rx(
        r"\b(?:watch(?:es|ed|ing)? (?:me|my house|the house|my flat|my window|us)|staring|stares|stared|"
        r"spying|spies|spied|peering|looking (?:in|through) my windows?|photograph\w* me|(?:taking|"
        r"takes|took) (?:photos|pics|videos|"
        r"pictures) of me|filming me|films me|filmed me|watching from)\b"
    ),
    "gifts": _rx(
        r"\b(?:gifts?|presents?|flowers|chocolates|parcels?|packages?|sends? me (?:things|stuff)|sent me "
        r"(?:things|stuff)|left (?:things|presents|gifts|flowers|a present|a gift|a card|cards) |cards)\b"
    ),
    "third_parties": _rx(
        r"\b(?:(?:gets|got|getting|sends|sent|uses|used|using) (?:his|her|their) (?:friends|mates|family|"
        r"sister|brother|mum|mother|new partner|cousin|people) to|(?:his|her) (?:friends|mates|family|sister|"
        r"brother|mum|mother) (?:also|too|keep|keeps|have|has|are|is) (?:\w+ )?(?:following|watching|"
        r"messaging|contacting|harassing|asking)|through (?:my|our|mutual) friends|asking (?:my|our) "
        r"(?:friends|family|colleagues|neighbours) (?:about|where)|contact(?:ed|ing|s) my (?:friends|family|"
        r"mum|boss|work|employer|colleagues)|messag(?:ed|es|ing) my (?:friends|family|mum|boss|colleagues)|"
        r"other people to|mutual friends)\b"
    ),
    "tracking": _rx(
        r"\b(?:airtags?|air tags?|tracker|trackers|tracking (?:device|my|me)|tracked (?:my|me)|gps|"
        r"shared location|share my location|location sharing|find my (?:iphone|phone|friends)|life360|"
        r"snap ?maps?|always knows where i am|knows where i am|knows where i go|knew where i was|"
        r"tile tracker)\b"
    ),
    "hacking": _rx(
        r"\b(?:hack\w*|(?:got|gets|getting|logged|logging|logs) into my (?:\w+ )?(?:account|accounts|email|"
        r"icloud|facebook|instagram|phone|laptop|snapchat|bank)|changed my passwords?|knows my passwords?|"
        r"accessed my (?:account|accounts|email|icloud|phone)|access to my (?:account|accounts|email|"
        r"icloud|phone))\b"
    ),
    "turning_up": _rx(
        r"\b(?:turn(?:s|ed|ing)? up|show(?:s|ed|ing)? up|shown up|appear(?:s|ed|ing)? (?:at|outside|"
        r"wherever)|rocks? up|rocked up|came to my (?:house|home|flat|work|door|school|office)|comes to my "
        r"(?:house|home|flat|work|door|school|office)|coming to my (?:house|home|flat|work|door)|"
        r"at my (?:door|house|work|flat) (?:uninvited|again|unannounced)|keeps coming round|came round)\b"
    ),
}

# ---- when, where, how often ----------------------------------------------------------------------

_DAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|"
    r"sat|sun)"
)
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
    r"apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
_NUMBER = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|few|"
    r"several|couple of)"
)
_WHEN = _rx(
    rf"\b(?:(?:about|around|roughly|maybe|nearly|almost|over|just over|more than|less than) )?"
    rf"(?:(?:{_NUMBER}) (?:minutes?|mins?|hours?|days?|weeks?|months?|years?|yrs?) ago|"
    rf"(?:last|this|on|next) (?:{_DAYS}|week|weekend|night|month|year|morning|evening|afternoon|summer|"
    r"winter|spring|autumn|christmas|easter)(?: (?:night|morning|evening|afternoon))?|"
    rf"{_DAYS}(?: (?:night|morning|evening|afternoon))?|yesterday(?: (?:morning|afternoon|evening))?|"
    r"today|tonight|this morning|this afternoon|this evening|earlier(?: today| this week)?|just now|"
    rf"(?:on )?(?:the )?\d{{1,2}}(?:st|nd|rd|th)?(?: of)? {_MONTHS}(?: \d{{4}})?|"
    rf"{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?|"
    rf"(?:in|since|last|early|late|mid) {_MONTHS}(?: \d{{4}})?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|"
    r"(?:in|since) (?:19|20)\d\d|the other (?:day|night)|over the weekend|at the weekend)\b"
)
_STARTED_CUE = _rx(
    r"\b(?:started|start|began|begun|beginning|since|first (?:time|started|happened)|has been going on|"
    r"been going on|been happening|for (?:about |around |over |nearly |almost )?(?:\d+|a|an|one|two|"
    r"three|four|"
    r"five|six|a few|several|couple of|a couple of) (?:days|weeks|months|years))\b"
)
_STARTED = _rx(
    rf"\b(?:(?:since|in|from|around|about) (?:{_MONTHS}|last (?:year|month|summer|winter|spring|autumn|"
    rf"christmas|easter)|(?:19|20)\d\d|we (?:split|broke up|separated)|i (?:left|moved|met)|the (?:break up|"
    r"breakup|split|summer|start of the year))(?: up)?"
    rf"(?: in (?:{_MONTHS}|(?:19|20)\d\d))?(?: \d{{4}})?|for (?:about |around |over |nearly |almost |the "
    rf"(?:last|past) )?(?:{_NUMBER}) (?:days|weeks|months|years)|(?:about |around |roughly |over )?"
    rf"(?:{_NUMBER}) (?:days|weeks|months|years) ago|when we (?:split|broke up|separated)|after (?:we|i) "
    r"(?:split|broke up|separated|left him|left her|ended it))\b"
)
_PLACE_WORDS = (
    r"(?:house|home|flat|work|workplace|office|school|college|uni|university|gym|door|front door|window|"
    r"street|road|car|car park|station|bus stop|shop|shops|supermarket|tesco|asda|sainsburys|park|pub|"
    r"church|mosque|nursery|garden|drive|driveway|town|city centre|town centre|high street|mums|parents|"
    r"accommodation|halls|train|bus|tube|building|flats|job|club|bar|restaurant|cafe|hospital|surgery|"
    r"kids school|childrens school|doorstep|gate|estate|village|area|neighbourhood)"
)
_WHERE = _rx(
    rf"\b(?:(?:at|outside|near|in|on|by|around|round|in front of|opposite|across from|across the road from|"
    rf"over the road from|next to|outside of|to) (?:my |the |our |his |her |their |your )?"
    rf"(?:[a-z]+ )?{_PLACE_WORDS}|online|on (?:instagram|insta|facebook|twitter|tiktok|snapchat|whatsapp|"
    r"social media|the phone)|^(?:outside|at|near) (?:[a-z]+ ){0,2}[a-z]+$)\b"
)
_FREQUENCY = _rx(
    r"\b(?:(?:every|each) (?:single )?(?:day|night|week|morning|evening|weekend|few days|few hours|hour|"
    r"other day|couple of days|time i)|(?:\d+|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"several|a few|a couple of|many|loads of|lots of|hundreds of|dozens of|about \d+|over \d+|up to \d+)"
    r"(?: or (?:\d+|two|three|four|five|six))? (?:times|calls|messages|texts|emails|voicemails)? ?(?:a|"
    r"an|per|"
    r"each|every) (?:day|week|month|hour|night|fortnight|weekend)|daily|weekly|nightly|hourly|all the time|"
    r"constantly|non stop|nonstop|most days|most nights|most weekends|every so often|now and then|"
    r"on and off|(?:\d+|two|three|four|five|ten|twenty|fifty|a hundred|hundreds of|dozens of) "
    r"(?:times|calls|messages|texts)(?: (?:today|yesterday|this week|so far|last night))?|once|twice|"
    r"(?:a few|several|many|loads of|lots of|a couple of) times)\b"
)
_WORD_NUMBERS = {
    "once": 1,
    "twice": 2,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "an": 1,
    "a few": 3,
    "a couple of": 2,
    "several": 4,
    "many": 10,
    "loads of": 10,
    "lots of": 10,
    "hundreds of": 100,
    "dozens of": 24,
}
_PER = {"hour": 24 * 7, "day": 7, "night": 7, "week": 1, "weekend": 1, "fortnight": 0.5, "month": 7 / 30}

# ---- evidence and witnesses ----------------------------------------------------------------------

_EVIDENCE_RULES: dict[str, re.Pattern[str]] = {
    "messages": _rx(
        r"\b(?:messages|texts|text messages|dms|whatsapps|emails|his texts|her texts|the texts|"
        r"chat history|messages he sent|message history)\b"
    ),
    "screenshots": _rx(r"\b(?:screenshots?|screen shots?|screengrabs?|screen grabs?|screenshotted)\b"),
    "call_logs": _rx(
        r"\b(?:call logs?|call history|calls list|missed calls|phone logs?|call records?|"
        r"record of (?:the )?calls|list of calls)\b"
    ),
    "voicemails": _rx(r"\b(?:voicemails?|voice mails?|voice messages?|voice notes?|answerphone messages?)\b"),
    "gifts": _rx(r"\b(?:gifts?|presents?|flowers|the things he (?:left|sent)|parcels?)\b"),
    "letters": _rx(r"\b(?:letters?|cards?|notes?|post ?its?)\b(?! (?:of dates|of times|of what))"),
    "cctv": _rx(
        r"\b(?:cctv|doorbell (?:camera|cam|footage|video|recordings?)|ring (?:camera|cam|doorbell|"
        r"footage|video)|camera footage|dash ?cam|dashcam|security (?:camera|footage)|footage)\b"
    ),
    "photos": _rx(
        r"\b(?:photos?|pictures?|pics|videos?|recordings?|recorded (?:him|her|it|them)|"
        r"took a picture|filmed (?:him|her|it))\b"
    ),
    "social_media": _rx(
        r"\b(?:(?:his|her|their|the) (?:posts|comments|profile|account|accounts)|"
        "social media|"
        r"facebook posts|instagram posts|tweets|tiktoks)\b"
    ),
    "diary": _rx(
        r"\b(?:diary|log|logbook|journal|written (?:down|record|note)|wrote (?:it all|everything|"
        r"them) down|notes of (?:dates|times|what)|kept a record|record of (?:dates|times|incidents|"
        r"what)|spreadsheet|timeline)\b"
    ),
}
_EVIDENCE_CUE = _rx(
    r"\b(?:kept|keep|saved|save|have|got|still have|took|taken|recorded|copies|copy|backed up|screenshot\w*|"
    r"log|diary|footage|evidence|proof|stored|printed|written|wrote|photographed)\b"
)
_SENT_BY_SUSPECT = _rx(r"\b(?:he|she|they) (?:\w+ )?(?:sends|sent|leaves|left|posts|posted|keeps sending)\b")
_NO_WITNESS = _rx(
    r"\b(?:no one|nobody|noone|no witnesses|not anyone|none)\b(?: \w+){0,2} (?:saw|see|seen|heard|"
    r"witnessed|was there|were there|was around|around)\b|^(?:no one|nobody|no|none|no witnesses|"
    r"not really|just me|only me|i was alone|i was on my own)\W*$|\bno witnesses\b|\b(?:i was|we were) "
    r"(?:alone|on my own)\b"
)
_WITNESS = _rx(
    r"\b(?:my|a|the|our|his|her) (?:\w+ )?(?:friend|friends|neighbour|neighbours|colleague|colleagues|mum|"
    r"mother|dad|father|partner|sister|brother|flatmate|housemate|boss|manager|security guard|"
    r"bouncer|staff|receptionist|husband|wife|boyfriend|girlfriend|kids|children|son|daughter|teacher|"
    r"driver|shopkeeper|people|passer ?by|passers ?by) (?:saw|seen|heard|witnessed|was there|were there|"
    r"was with me|were with me|has seen|have seen|saw it|noticed|filmed)\b|\bwitness(?:es|ed)\b"
    r"|\b(?:people|everyone|someone|somebody|a (?:man|woman|lady|guy)) (?:saw|heard|witnessed|noticed)\b"
)

# ---- nation, abroad, victim hints ----------------------------------------------------------------

_NATIONS: dict[str, re.Pattern[str]] = {
    "northern-ireland": _rx(
        r"\b(?:northern ireland|belfast|derry|londonderry|lisburn|newry|armagh|omagh|enniskillen|"
        r"ballymena|coleraine|craigavon|portadown|newtownabbey|bangor co down|county down|co down|"
        r"county antrim|co antrim|county tyrone|co tyrone|fermanagh|carrickfergus|larne|strabane|"
        r"dungannon|banbridge|limavady|holywood)\b"
    ),
    "scotland": _rx(
        r"\b(?:scotland|scottish|glasgow|edinburgh|aberdeen|dundee|inverness|stirling|fife|paisley|"
        r"highlands|east kilbride|livingston|kilmarnock|falkirk|ayr|perth scotland|dumfries|"
        r"motherwell|greenock|cumbernauld|kirkcaldy|dunfermline|coatbridge|airdrie|lanarkshire|"
        r"aberdeenshire|orkney|shetland|western isles|argyll|moray|scottish borders|lothian|renfrewshire)\b"
    ),
    "wales": _rx(
        r"\b(?:wales|welsh|cymru|cardiff|swansea|newport wales|wrexham|aberystwyth|bridgend|merthyr|"
        r"llanelli|caerphilly|pontypridd|rhyl|barry island|neath|port talbot|carmarthen|conwy|anglesey|"
        r"gwynedd|powys|pembrokeshire|ceredigion|denbighshire|flintshire|monmouthshire|rhondda|"
        r"llandudno|bangor gwynedd|cwmbran|ebbw vale|haverfordwest|abergavenny|brecon|colwyn bay)\b"
    ),
    "england": _rx(
        r"\b(?:england|london|manchester|birmingham|leeds|liverpool|bristol|sheffield|newcastle|"
        r"nottingham|leicester|brighton|southampton|portsmouth|plymouth|(?<!new )york|hull|coventry|bradford|"
        r"oxford|cambridge|norwich|exeter|kent|essex|surrey|sussex|yorkshire|lancashire|devon|cornwall|"
        r"cumbria|derby|stoke on trent|wolverhampton|milton keynes|luton|sunderland|middlesbrough|"
        r"bournemouth|swindon|peterborough|ipswich|northampton|blackpool|preston|bolton|wigan|croydon|"
        r"gloucester|cheltenham|salisbury|winchester|canterbury|maidstone|chelmsford|colchester|"
        r"southend|watford|slough|guildford|crawley|worthing|hastings|eastbourne|lincoln|doncaster|"
        r"rotherham|barnsley|wakefield|huddersfield|halifax|blackburn|burnley|stockport|oldham|rochdale|"
        r"salford|warrington|chester|carlisle|durham|gateshead|darlington|hertfordshire|berkshire|"
        r"hampshire|dorset|somerset|wiltshire|norfolk|suffolk|cheshire|merseyside|northumberland|"
        r"leicestershire|nottinghamshire|derbyshire|staffordshire|shropshire|worcestershire|"
        r"warwickshire|oxfordshire|buckinghamshire|bedfordshire|cambridgeshire|lincolnshire|"
        r"gloucestershire|herefordshire|isle of wight|telford|walsall|dudley|sandwell|solihull|"
        r"hackney|islington|camden|brixton|lewisham|tottenham|ealing|harrow|barnet|enfield|romford)\b"
    ),
}
_COUNTRIES = (
    r"(?:spain|france|portugal|italy|greece|germany|turkey|usa|the us|the states|america|canada|australia|"
    r"new zealand|ireland|the republic|dubai|the uae|poland|romania|netherlands|holland|belgium|thailand|"
    r"india|pakistan|bangladesh|nigeria|ghana|kenya|south africa|cyprus|malta|croatia|tenerife|ibiza|"
    r"majorca|mallorca|lanzarote|benidorm|paris|amsterdam|new york|europe|asia|africa|the caribbean|"
    r"jamaica|mexico|egypt|morocco|tunisia|bulgaria|hungary|czech republic|prague|berlin|madrid|barcelona|"
    r"lisbon|rome)"
)
_ABROAD = _rx(
    rf"\b(?:(?:i am|i m|we are|currently|i have been|i live|i am living|i am staying|living|staying|"
    rf"on holiday|on a trip|working|studying) (?:currently |now |at the moment )?(?:in|out in|over in) "
    rf"(?!northern ireland){_COUNTRIES}|abroad|overseas|out of the country|outside the uk|not in the uk|"
    r"outside of the uk|on holiday (?:in|abroad))\b"
)
_MALE_VICTIM = _rx(
    r"\b(?:i am|i m|im) (?:a )?(?:\d+ year old )?(?:man|male|guy|bloke|lad|dad|father|husband|gay man|"
    r"straight man)\b|\bas a (?:man|guy|bloke|male|dad|father)\b|\bmale victim\b|\bmen s advice\b|"
    r"\bmens advice\b|\bmy (?:ex )?(?:wife|girlfriend) and i am a man\b"
)
_LGBT = _rx(
    r"\b(?:gay|lesbian|bisexual|trans|transgender|non binary|nonbinary|enby|queer|lgbt|lgbtq|lgbtqia|"
    r"lgbtq\+|same sex|homophobic|transphobic|biphobic|out me|outing me|threatened to out|my boyfriend and "
    r"i am a man|my girlfriend and i am a woman|my ex boyfriend and i am a man|my ex girlfriend and i am a "
    r"woman|deadname|dead name|deadnaming|pronouns)\b"
)


# ---- extraction ----------------------------------------------------------------------------------


def _reporter(text: _Text) -> tuple[str | None, str | None]:
    for segment in text.segments:
        match = _SOMEONE_ELSE.search(segment.text)
        if match:
            who = next((g for g in match.groups() if g), None)
            return "someone-else", who
    if text.has(_SELF):
        return "self", None
    return None, None


_WITNESS_VERB = _rx(
    r"(?: [a-z]+)? (?:saw|seen|heard|witnessed|was there|was with me|noticed|has seen|filmed|is a witness)\b"
)


_NOT_BEFORE = re.compile(
    r"\b(?:not|isn t|is not|never was|was never)\s+(?:my\s+|a\s+|the\s+|our\s+|her\s+|his\s+)?$"
)


def _relationship(text: _Text, reporter_who: str | None) -> str | None:
    for relationship, pattern in _RELATIONSHIP_RULES:
        for match in pattern.finditer(text.normalised):
            # "my colleague saw him" names a witness, not the suspect.
            if _WITNESS_VERB.match(text.normalised, match.end()):
                continue
            # "my daughter is being followed" names the person harmed, not the suspect.
            if reporter_who and reporter_who in match.group() and "ex" not in match.group().split():
                continue
            # "he's not my neighbour, he's my landlord's son": what he is not.
            if _NOT_BEFORE.search(text.normalised, 0, match.start()):
                continue
            return relationship
    return None


def find_when(text: str) -> str | None:
    """The first time expression in the user's words ("last tuesday", "about 3 months ago")."""
    return _Text(text).search(_WHEN) or _Text(text).search(_STARTED)


# A town named with its capital letter: "I'm in Brighton", "we live in Milton Keynes", "Ashford in Kent".
_TOWN = re.compile(
    r"\b(?i:i'?m|i am|im|i live|we live|we'?re|we are|she'?s|she is|she lives|he lives|they live|"
    r"it happened|happened|it'?s|it is|it was|all) in (?P<town>[A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+)?)"
    r"|^\s*(?P<alone>[A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+)? in [A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+)?)\s*[.!]?\s*$"
)
_NOT_A_TOWN = frozenset(
    {"I", "I'm", "The", "My", "A", "An", "His", "Her", "Their", "Our", "Your", "May", "June", "March"}
)


def _town(text: str) -> str | None:
    match = _TOWN.search(text)
    if not match:
        return None
    town = match["town"] or match["alone"]
    return None if town.split()[0] in _NOT_A_TOWN else town


def find_where(text: str) -> str | None:
    """The first place expression in the user's words ("outside work", "at my house", "in Brighton")."""
    return _Text(text).search(_WHERE) or _town(text)


def find_frequency(text: str) -> str | None:
    """How often, in the user's words ("every day", "3 times a week")."""
    return _Text(text).search(_FREQUENCY)


def times_per_week(frequency: str | None) -> float | None:
    """A rough count per week from a frequency phrase; None when it cannot be told."""
    if not frequency:
        return None
    words = " ".join(segment.text for segment in segments(frequency))
    if re.search(r"\b(?:all the time|constantly|non ?stop|hourly|every hour|every few hours)\b", words):
        return 50.0
    daily = r"\b(?:every (?:single )?(?:day|night|morning|evening)|daily|nightly|most (?:days|nights))\b"
    if re.search(daily, words):
        return 7.0
    if re.search(r"\bevery (?:other day|couple of days|few days)\b", words):
        return 3.0
    if re.search(r"\b(?:weekly|every week|every weekend|most weekends)\b", words):
        return 1.0
    match = re.search(
        r"\b(\d+|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|several|many|"
        r"loads of|lots of|hundreds of|dozens of)(?: or (?:\d+|\w+))? (?:times |calls |messages |texts |"
        r"emails )?"
        r"(?:a|an|per|each|every) (hour|day|night|week|weekend|fortnight|month)\b",
        words,
    )
    if match:
        count_word, per = match.groups()
        count = float(count_word) if count_word.isdigit() else float(_WORD_NUMBERS.get(count_word, 1))
        return round(count * _PER[per], 2)
    return None


def _evidence(text: _Text) -> frozenset[str]:
    found: set[str] = set()
    short = len(text.normalised.split()) <= 12
    for segment in text.segments:
        sentence = segment.text
        if not (_EVIDENCE_CUE.search(sentence) or short):
            continue
        if _SENT_BY_SUSPECT.search(sentence) and not _EVIDENCE_CUE.search(sentence):
            continue
        for kind, pattern in _EVIDENCE_RULES.items():
            if pattern.search(sentence):
                found.add(kind)
    return frozenset(found)


def _nation(text: _Text) -> str | None:
    earliest: tuple[int, str] | None = None
    for nation, pattern in _NATIONS.items():
        match = pattern.search(text.normalised)
        if match and (earliest is None or match.start() < earliest[0]):
            earliest = (match.start(), nation)
    return earliest[1] if earliest else None


@lru_cache(maxsize=512)  # pure and frozen: the report form reads one answer several ways
def extract_facts(text: str) -> NarrativeFacts:
    """The facts one message states (see `NarrativeFacts`)."""
    parsed = _Text(text)
    reporter, who = _reporter(parsed)
    behaviours = frozenset(name for name, pattern in _BEHAVIOUR_RULES.items() if parsed.has(pattern))
    markers = find_markers(parsed.normalised)
    danger = detect(text)
    kinds = {signal.kind for signal in danger.past_or_negated if signal.frame != "negated"}
    kinds |= {signal.kind for signal in danger.signals}
    if "threat_imminent" in kinds or "weapon" in kinds:
        markers = markers.merged(RiskMarkers(threats_made="threat_imminent" in kinds))
    if "assault" in kinds:
        markers = markers.merged(RiskMarkers(violence=True))
    if "suicidal" in kinds:
        markers = markers.merged(RiskMarkers(suicidal_thoughts=True))
    if "breach_in_progress" in kinds:
        markers = markers.merged(RiskMarkers(order_breached=True, order_in_place=True))

    started = parsed.search(_STARTED) if parsed.has(_STARTED_CUE) else None
    # The latest incident is the first time expression that is not part of "when it started".
    latest = next(
        (span for span in parsed.search_all(_WHEN) if not (started and span.lower() in started.lower())), None
    )
    frequency = parsed.search(_FREQUENCY)
    no_witnesses = parsed.has(_NO_WITNESS)
    return NarrativeFacts(
        reporter=reporter,
        reporter_who=who,
        behaviours=behaviours,
        suspect_relationship=_relationship(parsed, who),
        latest_when=latest,
        where=parsed.search(_WHERE) or _town(text),
        started_when=started,
        frequency=frequency,
        frequency_per_week=times_per_week(frequency),
        evidence=_evidence(parsed),
        witnesses=None if no_witnesses else parsed.search(_WITNESS),
        no_witnesses=no_witnesses,
        markers=markers,
        nation=_nation(parsed),
        abroad=parsed.has(_ABROAD),
        male_victim=parsed.has(_MALE_VICTIM),
        lgbt=parsed.has(_LGBT),
    )
