"""Risk markers: the high-risk facts of GUIDE.md §2, as booleans, and how to spot them in words.

`RiskMarkers` is shared by `facts.extract_facts` (what one message says) and `risk.CaseFacts`
(what the whole conversation has gathered). Slots can store them as a list of names
(`markers.names()` / `RiskMarkers.from_names(...)`). The wording is our own; no DASH/S-DASH text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

MARKER_NAMES = (
    "threats_made",
    "violence",
    "strangulation",
    "property_damage",
    "escalation",
    "others_targeted",
    "recent_separation",
    "substance_misuse",
    "very_frightened",
    "children_affected",
    "order_in_place",
    "order_breached",
    "weapons_access",
    "suicidal_thoughts",
)


@dataclass(frozen=True)
class RiskMarkers:
    """Which high-risk facts are known to be true (False means "not said", not "no")."""

    threats_made: bool = False
    violence: bool = False
    strangulation: bool = False
    property_damage: bool = False
    escalation: bool = False
    others_targeted: bool = False
    recent_separation: bool = False
    substance_misuse: bool = False
    very_frightened: bool = False
    children_affected: bool = False
    order_in_place: bool = False
    order_breached: bool = False
    weapons_access: bool = False
    suicidal_thoughts: bool = False

    def names(self) -> tuple[str, ...]:
        """The names of the markers that are set, in a fixed order."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name))

    @classmethod
    def from_names(cls, names: Iterable[str]) -> RiskMarkers:
        """Build from marker names (unknown names are an error: a typo must not hide risk)."""
        wanted = set(names)
        unknown = wanted - set(MARKER_NAMES)
        if unknown:
            raise ValueError(f"unknown risk markers: {sorted(unknown)}")
        return cls(**{name: True for name in wanted})

    def merged(self, other: RiskMarkers) -> RiskMarkers:
        """Markers true in either (facts only accumulate during a conversation)."""
        return replace(self, **{name: True for name in other.names()})


_CHILD = r"(?:kids|children|child|son|daughter|baby|babies|little one|boy|girl|toddler|stepson|stepdaughter)"

_PATTERNS: dict[str, re.Pattern[str]] = {
    "threats_made": re.compile(
        r"\b(?:threat|threats|threaten|threatens|threatened|threatening)\b(?! (?:to kill himself|suicide|"
        r"to kill herself|to hurt himself|to harm himself))|"
        r"\b(?:said|says|told me|texted|wrote|messaged|screamed|shouted)(?: \w+){0,3} "
        r"(?:would|will|is going to|going to|gonna|wants to|want to) (?:kill|hurt|harm|stab|shoot|get|"
        r"burn|murder|beat|attack|rape|ruin)\b|\byou are (?:dead|going to die|gonna die)\b|"
        r"\b(?:kill|murder|stab|hurt) (?:me|you)\b(?! (?:to|inside))"
    ),
    "violence": re.compile(
        r"\b(?:hit|hits|hitting|punched|punch|punches|kicked|kicking|slapped|slaps|beat me|beat her|"
        r"beaten|beating me|attacked|assaulted|assault|pushed me|shoved me|violent|violence|physically "
        r"abusive|physical abuse|bruises|bruised|black eye|stabbed|headbutted|threw (?:me|things at me)|"
        r"dragged me|pinned me|raped|sexually assaulted)\b"
    ),
    "strangulation": re.compile(
        r"\b(?:strangle|strangled|strangling|strangulation|choke|choked|choking me|choking her|throttled|"
        r"throttle|hands? (?:round|around|on) my (?:neck|throat)|by the throat|by my throat|"
        r"squeezed my (?:neck|throat)|smothered|suffocated)\b"
    ),
    "property_damage": re.compile(
        r"\b(?:damaged|damaging|damage to|smashed|smashing|slashed|slashing|vandalised|vandalized|"
        r"vandalism|keyed my|scratched my car|broke my (?:window|windows|door|car|phone|windscreen|"
        r"mirror|fence|gate)|broken my (?:window|windows|door|car|phone)|set fire|kicked (?:my|the) "
        r"door in|graffiti|sprayed|egged|poured (?:paint|bleach)|tyres? (?:slashed|let down|punctured)|"
        r"let my tyres down|cut (?:my|the) (?:brake|brakes|cables))\b"
    ),
    "escalation": re.compile(
        r"\b(?:getting worse|got worse|gets worse|escalat\w*|worse and worse|more and more|"
        r"more (?:often|frequent|frequently|aggressive|threatening|scary|intense|violent|angry|desperate)|"
        r"stepped up|ramped up|worse lately|worse recently|worse now|increasing|increased|"
        r"every day now|started (?:turning up|threatening|following)|now (?:he|she) (?:is|has) started)\b"
    ),
    "others_targeted": re.compile(
        r"\b(?:contact(?:ed|ing|s)?|messag(?:ed|ing|es)|text(?:ed|ing|s)?|call(?:ed|ing|s)?|ring(?:ing|s)?|"
        r"rang|threaten(?:ed|ing|s)?|follow(?:ed|ing|s)?|turn(?:ed|ing|s)? up at|harass(?:ed|ing|es)?|"
        r"emailed|emailing|went to|goes to|visited|approached) (?:my (?:\w+ )?(?:mum|mother|dad|father|"
        r"parents|family|friends|friend|sister|brother|boss|manager|colleagues|new partner|"
        r"partner|boyfriend|girlfriend|husband|wife|neighbours|kids|children|son|daughter)|everyone i know|"
        r"people i know)\b|\b(?:contact\w*|messag\w*|call\w*|email\w*|rang|rings|ringing|wrote to|writes to|"
        r"complained to) my (?:work|employer|school|landlord|office)\b|\b(?:got|getting|gets|sent|sends|"
        r"uses|using) "
        r"(?:his|her|their) (?:friends|mates|family|sister|brother|mum|mother|new partner|cousin|people)"
        r" to\b|\b(?:his|her) (?:friends|mates|family|sister|brother|mum|mother) (?:also|too|are|is|keep|"
        r"keeps|have|has)\b(?: \w+){0,3} (?:following|watching|messaging|contacting|harassing|threatening)|"
        r"\b(?:my (?:\w+ )?(?:mum|family|friends|sister|brother|kids|partner|boyfriend|girlfriend|"
        r"colleagues)) (?:is|are|has been|have been) (?:also |being )?(?:targeted|contacted|messaged|"
        r"threatened|harassed|followed)\b"
    ),
    "recent_separation": re.compile(
        r"\b(?:broke up|split up|split|separated|left him|left her|ended it|ended things|divorced|divorce|"
        r"break up|breakup|separation|moved out|kicked him out|finished with him|finished with her)\b"
        r"(?: \w+){0,4} (?:recently|last (?:week|month|few (?:weeks|months))|(?:\d+|a|one|two|three|four|"
        r"five|six|a few|a couple of|couple of|several) (?:days|weeks|months) ago|this year|in "
        r"(?:january|february|march|april|may|june|july|august|september|october|november|december))\b|"
        r"\b(?:just|recently) (?:broke up|split up|split|separated|left him|left her|ended it|divorced|"
        r"moved out)\b|\b(?:recent|recently) (?:separation|split|break ?up|divorce)\b|"
        r"\bsince (?:i|we) (?:left|split|broke up|separated|ended it)\b(?: \w+){0,3}"
        r" (?:weeks|months|days|recently)"
    ),
    "substance_misuse": re.compile(
        r"\b(?:drunk|drinks a lot|drinking|drinker|alcohol|alcoholic|drugs|cocaine|crack cocaine|heroin|"
        r"off his face|off her face|wasted|steaming|pissed|high on|on drugs|takes drugs|using drugs|"
        r"smoking weed|ketamine|mdma)\b"
    ),
    "very_frightened": re.compile(
        r"\b(?:terrified|petrified|very (?:scared|frightened|afraid|worried)|so (?:scared|frightened|"
        r"afraid)|really (?:scared|frightened|afraid)|extremely (?:scared|frightened)|scared for my life|"
        r"fear for my life|fear for my safety|in fear|living in fear|scared to death|frightened to death|"
        r"too (?:scared|frightened|afraid) to|can not sleep|cannot sleep|not sleeping|afraid to leave|"
        r"scared to (?:leave|go out|go home)|panic attacks|constantly scared|always scared|"
        r"think (?:he|she) (?:is going to|will|might|could) kill me|scared he will kill me|scared (?:he|she)"
        r" (?:will|might|is going to) (?:kill|hurt)|very frightened|frightened for my life|shaking)\b"
    ),
    "children_affected": re.compile(
        rf"\b(?:my|our|the) (?:\w+ )?{_CHILD}\b(?: \w+){{0,6}} (?:scared|frightened|affected|upset|crying|"
        r"saw|seen|witnessed|heard|followed|targeted|threatened|approached|school|nursery|watched|asking|"
        r"nightmares|anxious|terrified|involved|used)\b|\bin front of (?:the|my|our) (?:\w+ )?"
        rf"{_CHILD}\b|\b(?:threatened|threatens|approached|followed|contacted|messaged|took|take) "
        rf"(?:my|our|the) (?:\w+ )?{_CHILD}\b|\bthrough (?:my|our|the) {_CHILD}\b"
    ),
    "order_in_place": re.compile(
        r"\b(?:restraining order|non molestation|nmo|spo|stalking protection order|injunction|"
        r"protection order|bail conditions|on bail|court order|harassment warning|police information "
        r"notice|occupation order|not allowed (?:to contact|near|to come)|conditions not to|"
        r"order against)\b"
    ),
    "order_breached": re.compile(
        r"\b(?:breach|breached|breaching|breaches|broke (?:his|her|the|their) (?:order|bail|injunction|"
        r"conditions)|broken (?:his|her|the|their) (?:order|bail|injunction|conditions)|breaking (?:his|"
        r"her|the|their) (?:order|bail|injunction|conditions)|despite (?:the|his|her) (?:order|injunction|"
        r"bail)|ignor(?:es|ed|ing) (?:the|his|her) (?:order|injunction|bail)|in breach)\b|"
        r"\bnot allowed (?:to contact me|near me|to come near)\b(?: \w+){0,3} (?:but|and|yet) "
        r"(?:he|she|they|still)\b"
    ),
    "weapons_access": re.compile(
        r"\b(?:has|have|owns|own|got|keeps|access to|collects|carries|carry) (?:a |an |some |several "
        r"|lots of |loads of )?(?:\w+ )?(?:gun|guns|shotgun|shotguns|rifle|rifles|firearm|firearms|"
        r"crossbow|knives|knife|machete|weapons|weapon|taser)\b|\b(?:gun|shotgun|firearms?) licen[cs]e\b"
    ),
    "suicidal_thoughts": re.compile(
        r"\b(?:i|i am|i have|i feel|i ve)(?: \w+){0,3} (?:suicidal|kill myself|killing myself|end it all|"
        r"end my life|take my own life|self harm|self harming|harm myself|want to die|wish i was dead|"
        r"wish i were dead|do not want to live|don t want to live|better off dead|thoughts of suicide|"
        r"suicidal thoughts)\b"
    ),
}
_NEGATED = re.compile(r"\b(?:not|never|no|nothing|without)\s+(?:\w+\s+){0,2}$")


def find_markers(normalised: str) -> RiskMarkers:
    """Risk markers stated in already-normalised text (see `text.normalise`)."""
    found: dict[str, bool] = {}
    for name, pattern in _PATTERNS.items():
        for match in pattern.finditer(normalised):
            if _NEGATED.search(normalised[max(0, match.start() - 30) : match.start()]):
                continue
            found[name] = True
            break
    return RiskMarkers(**found)
