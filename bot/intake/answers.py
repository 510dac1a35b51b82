"""What an answer means: yes/no/skip, and which other questions a story already answers."""

from __future__ import annotations

import re

from bot.intake.questions import SKIPPED
from bot.triage.facts import NarrativeFacts, extract_facts

_YES = re.compile(
    r"^\s*(yes|yeah|yea|yep|yup|ya|y|ok|okay|sure|aye|correct|it is|i am|i'?m ok|i'?m safe|safe|"
    r"please do|go ahead|save it|definitely|of course)\b"
)
_NO = re.compile(r"^\s*(no|nope|nah|n|not|never|don'?t|do not|i'?m not|it'?s not|it isn'?t|none)\b")
_SKIP = re.compile(
    r"\b(rather not|prefer not|skip|pass|don'?t know|dont know|not sure|no idea|dunno|unsure|"
    r"(i'?d|i would) rather (talk|speak|wait|ask|check|think))\b"  # "I'd rather talk to her first"
)


def yes_no(intent: str | None, text: str) -> str | None:
    """ "yes", "no", "skipped", or None when the answer is neither (keep the words instead)."""
    if intent == "skip":
        return SKIPPED
    lowered = text.strip().lower()
    if _SKIP.search(lowered):
        return SKIPPED
    if intent == "affirm" or _YES.match(lowered):
        return "yes"
    if intent == "deny" or _NO.match(lowered):
        return "no"
    return None


# "just save it" mid-report: no more questions, straight to consent.
_SAVE_WORDS = r"save (it|this|that|my report|the report|what (i|ive|i ve))|just save|please save"
SAVE_NOW = re.compile(rf"\b({_SAVE_WORDS})\b")
# "yes please save it", "you can save it": the person wants the report kept, whatever was asked.
_SAVE_REQUEST = re.compile(
    rf"\b({_SAVE_WORDS}|you can save|keep (it|this|my report) on (file|record)|"
    # "Right. Yes, do keep a record please", "yes you can keep it", "i want it all on record"
    r"(yes|yeah|yep|ok|okay|aye|sure|fine)\W+((please|do|you can|u can|just)\W+)*(keep|log|record) "
    r"(it|this|that|a record|the record|my report|the report|what i)|"
    r"(you|u) can (keep|log|record) (it|this|that|a record|the record|my report|the report|everything|"
    r"all this|all of this|all of it)|"
    # "Yes, I'd like you to keep this and to pass it to the police"
    r"(i'?d like|i would like|i want|please) (you|u) to (keep|save|record|log) (it|this|that|everything|"
    r"my report|the report|the record|all this|all of this|all of it)|"
    r"please (keep|log|record) (it|this|that|a record|the record|my report|the report)|"
    r"(i want|i'?d like|i would like) (it|this|everything|it all) (all )?"
    r"(on record|written down|recorded|logged|saved|kept)|"
    # "He'd like the record kept and shared with the police" (a support worker for the person)
    r"(like|want|wants|happy for) (the|my|his|her|their) (record|report) (to be )?(kept|saved)|"
    # "Happy for you to keep it and give it to the police"
    r"happy for (you|u) to (keep|save|record|log) (it|this|that)|"
    r"happy for (it|this) to be (kept|saved|recorded))\b"
)
_REFUSED = re.compile(
    r"\b(don'?t|do not|dont|not|never|no)\b(\s+\w+){0,3}\s+"
    r"(save|saved|keep|kept|share|shared|send|pass|give|written|record|recorded|logged)\b"
)
# "can you save it?" asks for it; "should I save it?", "what happens if you save it?" ask about it.
_REQUEST_QUESTION = re.compile(r"^\s*(please|(can|could|would|will) you)\b")
_SHARE_REQUEST = re.compile(
    r"\b(share (it|this|that|my report|the report) with (the )?police|(the )?police can (have|see|read) it|"
    r"(pass|send|give) (it|this|that) (on )?to (the )?police|"
    r"(keep|save) (it|this|that)( all)? and (to )?(pass|send|give) it (on )?to (the )?police|"
    r"(yes|and) (to )?(share|sharing) with (the )?police|"
    r"(like|want|wants|happy for) (it|this|the record|the report|my report|his report|her report) (to be )?"
    r"(kept and )?shared with (the )?police|(it|this) can go to (the )?police)\b"
)


def _clauses(text: str) -> list[str]:
    """Sentences, and their "but" halves, with their own end mark kept ("save it?" is a question)."""
    sentences = re.findall(r"[^.!?\n]+[.!?]*", text.lower())
    return [c.strip() for sentence in sentences for c in re.split(r"\bbut\b", sentence) if c.strip()]


def _agrees(text: str, request: re.Pattern[str]) -> bool:
    for clause in _clauses(text):
        if not request.search(clause) or _REFUSED.search(clause):
            continue
        if clause.endswith("?") and not _REQUEST_QUESTION.search(clause):
            continue  # a question about it
        return True
    return False


def asks_to_save(text: str) -> bool:
    """Whether the person plainly asks for their report to be saved: consent to keep it.

    "yes please save it", "just save what I've said, I need to go" agree; "don't save this",
    "should I save it?" and "what happens if you save it?" do not.
    """
    return not is_forced_intent(text) and _agrees(text, _SAVE_REQUEST)


# "don't save it", "I don't want anything written down", "delete it": no record, or no more of it.
_NOT_KEPT = re.compile(
    r"\b(don'?t|do not|dont) (save|keep|store|record|write)\b|\bdelete (it|this|that|my report|the report)\b|"
    r"\b(don'?t|do not|dont) want (it|this|that|anything|the record|my report|the report) "
    r"(saved|kept|stored|recorded|written down|on record)\b|"
    r"\bnothing (kept|saved|written down|recorded)\b"
)


# "delete what I told you", "I don't want you to keep any of this": asking for the record to go.
_DELETE_REQUEST = re.compile(
    r"\b(delete|deleted|erase|erased|remove|removed|wipe|wiped|forget|bin|get rid of|withdraw|scrap)\b|"
    r"\b(don'?t|do not|dont) want (you to keep|it kept|it saved|any of (it|this) kept)\b"
)


def asks_to_delete(text: str) -> bool:
    """Whether the words ask for what was said to be deleted (the classifier alone may not)."""
    return not is_forced_intent(text) and bool(_DELETE_REQUEST.search(text.lower()))


def refuses_saving(text: str) -> bool:
    """Whether the person says their words must not be kept ("no. dont save anything")."""
    return not is_forced_intent(text) and bool(_NOT_KEPT.search(text.lower()))


_SAFE_TO_TALK = re.compile(
    r"\b(safe|fine|ok|okay|alright|good) to (talk|chat|type|speak|message)\b|"
    r"\b(i'?m|i am|im|fine|ok|okay|safe),? (on my own|alone|by myself)\b|"
    r"\bno ?(one|body)('?s| is) (here|around|with me)\b|"
    r"\b(it'?s|its|it is) (ok|okay|fine|safe) (for now|now|to talk)\b|\bi can talk\b"
)


def says_safe_to_talk(text: str) -> bool:
    """Whether the person says it is safe to talk now ("yes im fine, on my own", "fine to talk")."""
    lowered = text.lower()
    return bool(_SAFE_TO_TALK.search(lowered)) and not re.search(r"\b(not|isn'?t|can'?t|cannot)\b", lowered)


_SAFE_NOW = re.compile(
    r"\b(i'?m|i am|im|we'?re|we are) (both |all )?(now |right now |quite |totally |perfectly )?"
    r"(safe|ok|okay|fine|alright|somewhere safe|not in danger)\b|"
    r"\b(he|she|they)('?s| is| has| have|'ve)? (gone home|gone|left|been arrested|driven off|drove off|"
    r"walked off|legged it|ran off|run off|cleared off|went away)\b"
    r"(?! (to|for|back|round|into|out|off to|over|and)\b)|"  # not "he's gone to get a knife"
    r"\b(police|polis|officers)('?s| are| is| have|'ve)? (been|here|with me|arrived|came|turned up|got here|"
    r"lifted him|arrested him|took him|have him|got him)\b|\ball clear\b|"
    # "my son has come over and is staying with me tonight", "my dad's here to take me home"
    r"\bmy (dad|mum|mam|mother|father|son|daughter|sister|brother|friend|mate|flatmate|partner|husband|wife|"
    r"boyfriend|girlfriend|neighbour|family|parents)('?s| is| are| has)? (here|with me|come over|arrived|"
    r"staying with me)\b|\b(?!(he|she|they|him|it)\b)\w+('s| is) staying with me\b|"
    r"\b(safe|fine) to (talk|chat)\b"  # "I'm at my desk at work, fine to chat"
)
# Said by someone read as an emergency by mistake, in a short reply: "he isn't here now", "it's not
# happening now", "this was months ago". (In a longer message these open a report instead.)
_NOT_HAPPENING = re.compile(
    r"\b(he|she|they)('?s| is| are)? (not|isn'?t|aren'?t|no) (here|around|outside|nearby|near me|there)\b|"
    r"\bnot (happening|going on) (now|right now|at the moment)\b|\bnothing('?s| is) happening\b|"
    r"\b(it'?s|its|it is|this is) not (an )?emergency\b|\b(it|this) isn'?t an emergency\b|"
    r"\bnot in any danger\b|"
    r"\b(didn'?t|don'?t|did not|do not) mean (now|right now|it'?s happening)\b|"
    # ("it was last Wednesday not Tuesday" corrects a date: dating words alone are not a way out)
    r"\b(this|that|it) (was|happened) (months|weeks|years|ages) ago\b|"
    r"\b(he'?s|she'?s|he is|she is|they'?re|they are) in (prison|jail)\b"
)
_NOT_HAPPENING_MAX_WORDS = 15


def safety_statements(text: str) -> int:
    """How many times the person says the danger is over ("I'm safe now", "he's gone", "police came").

    Zero when any of it is negated ("I'm not safe").
    """
    lowered = text.lower()
    if re.search(r"\bnot (safe|ok|okay|fine|gone)\b", lowered):
        return 0
    # ("it's not an emergency but he keeps texting me" opens a report)
    short = len(lowered.split()) <= _NOT_HAPPENING_MAX_WORDS and not re.search(r"\bbut\b", lowered)
    return len(_SAFE_NOW.findall(lowered)) + (len(_NOT_HAPPENING.findall(lowered)) if short else 0)


def says_safe_now(text: str) -> bool:
    """Whether the person says in so many words that the danger is over ("I'm safe now", "he's gone")."""
    return safety_statements(text) > 0


# "sorry I've got to go, my bus is here. I'll maybe do this another time": leaving, not answering.
_LEAVING = re.compile(
    r"\b(got to|gotta|have to|need to|must|better) (go|run|dash|leave|stop)\b"
    r"(?! (to|and|back|out|into|through|past|with|on|in|up|down|there|over|round|the|my|his|her|him|"
    r"them|home|work|school|for|from|because|as)\b)|"
    r"\b(do|finish|carry on with|continue) (this|it) (another|some other|a different) time\b|"
    r"\b(speak|talk|chat) (later|another time|soon)\b|\bcome back (to this )?later\b"
)
_LEAVING_MAX_WORDS = 25


def says_leaving(text: str) -> bool:
    """Whether a short message says the person has to go now ("gotta go, bus is here")."""
    lowered = text.lower().replace("\u2019", "'")
    return len(lowered.split()) <= _LEAVING_MAX_WORDS and bool(_LEAVING.search(lowered))


def asks_to_share_with_police(text: str) -> bool:
    """Whether the person plainly agrees to the police having the report ("the police can have it")."""
    return not is_forced_intent(text) and _agrees(text, _SHARE_REQUEST)


# The channels replace a typed leading "/" with this mark (bot/channels/inbound.py).
FORCED_INTENT_MARK = "\uff0f"


def is_forced_intent(text: str) -> bool:
    """A typed `/intent` (or the channels' mark for one): never an answer, never consent."""
    return text.lstrip().startswith(("/", FORCED_INTENT_MARK))


def answers_in(facts: NarrativeFacts) -> dict[str, str]:
    """The report questions that a piece of the person's text already answers.

    Only clear cues count (see bot/triage/facts.py); the caller keeps whatever was
    already answered and marks these values as inferred.
    """
    found: dict[str, str] = {}
    if facts.behaviours:
        found["behaviours"] = ", ".join(sorted(b.replace("_", " ") for b in facts.behaviours))
    if facts.suspect_relationship and facts.suspect_relationship != "unknown":
        found["suspect_relationship"] = facts.suspect_relationship
    if facts.latest_when:
        found["latest_when"] = facts.latest_when
    if facts.where:
        found["location"] = facts.where
    pattern = "; ".join(part for part in (facts.started_when, facts.frequency) if part)
    if pattern:
        found["pattern"] = pattern
    if facts.evidence:
        found["evidence"] = ", ".join(sorted(e.replace("_", " ") for e in facts.evidence))
    if facts.witnesses:
        found["witnesses"] = facts.witnesses
    markers = facts.markers
    if markers.threats_made:
        found["threats"] = "yes"
    if markers.violence or markers.strangulation:
        found["violence"] = "yes"
    if markers.escalation:
        found["escalation"] = "yes"
    if markers.very_frightened:
        found["fear"] = "very frightened"
    if markers.order_in_place or markers.order_breached:
        found["history"] = "an order is in place" + (" and has been broken" if markers.order_breached else "")
    return found


def risk_markers(facts: NarrativeFacts) -> set[str]:
    """The high-risk signals a piece of text mentions, by name (for the risk assessment)."""
    return set(facts.markers.names())


# Read in answer to "Do you know who this person is?": naming someone is the answer, so a
# plain mention counts here (in a story, "my brother" is as likely to be a helper).
_RELATIONSHIP_ANSWERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ex-partner",
        re.compile(
            r"\bex\b|\bex[- ]?(partner|husband|wife|boyfriend|girlfriend|bf|gf)\b|"
            r"\bformer (partner|husband|wife|boyfriend|girlfriend)\b|\bwe (split|broke up)"
        ),
    ),
    ("partner", re.compile(r"\b(my )?(husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?)\b")),
    (
        "family",
        re.compile(
            r"\b(brother|sister|dad|father|mum|mom|mother|stepdad|stepmum|uncle|aunt|auntie|"
            r"cousin|grandad|grandfather|nan|grandma|nephew|niece|son|daughter|in[- ]laws?|"
            r"family|relative)\b"
        ),
    ),
    (
        "neighbour",
        re.compile(r"\bneighbou?rs?\b|\bnext door\b|\blives (across|opposite|upstairs|downstairs)"),
    ),
    (
        "colleague",
        re.compile(
            r"\b(colleague|co-?worker|workmate|boss|manager|supervisor)\b|\bfrom (my )?work\b|"
            r"\bat (my )?work\b|\bwork with\b"
        ),
    ),
    (
        "online-only",
        re.compile(
            r"\bonline\b|\binternet\b|\bnever met\b|\b(instagram|facebook|tiktok|snapchat|"
            r"discord|twitter|x|reddit|dating app|tinder|hinge|bumble|gaming|roblox)\b"
        ),
    ),
    (
        "stranger",
        re.compile(
            r"\bstranger\b|\bno idea who\b|\bdon'?t know (who|him|her|them)\b|"
            r"\bnever (seen|met) (him|her|them)\b|\bsome (guy|man|woman|bloke)\b"
        ),
    ),
    (
        "acquaintance",
        re.compile(
            r"\b(acquaintance|friend of|used to be friends|know (him|her|them) from|"
            r"from (church|the gym|gym|school|college|uni|university|the pub|the club))\b|"
            r"\b(customer|client|patient|student|pupil|parent at)\b"
        ),
    ),
)


def relationship_answer(text: str) -> str | None:
    """Who the person is, from an answer to that question; None if the words don't say."""
    found = extract_facts(text).suspect_relationship
    if found and found != "unknown":
        return found
    lowered = text.lower().replace("\u2019", "'")
    for relationship, pattern in _RELATIONSHIP_ANSWERS:
        if pattern.search(lowered):
            return relationship
    return None
