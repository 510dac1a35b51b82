"""Threats to kill or harm: imminent (emergency) when they come with a time, a plan or a weapon.

"he said he'll kill me tonight" is an emergency; "two weeks ago he said he'd kill me" and
"he'll kill me if I go to the police" are high risk but not 999-now (GUIDE.md §2). Annoyance
("I could kill him") and idioms ("this is killing me") are not threats at all.
"""

from __future__ import annotations

import re

from bot.triage import lexicon as lx
from bot.triage.danger_rules import rx
from bot.triage.framing import (
    DOUBT,
    HABIT_RX,
    HABITUAL,
    HYPO,
    HYPOTHETICAL,
    LEADING_JOIN,
    NEG,
    NEGATED,
    NOW,
    PAST,
    PAST_RX,
    now_marked,
)
from bot.triage.text import Segment

_THREAT = rx(
    r"\b(?:kill|murder|stab|shoot|strangle|hurt|harm|batter|burn|torch|attack|beat up|beat|slit|rape|"
    r"kidnap|throw acid at|acid|run over|bury|blow up|come for|come after|get|take|do in|finish off|"
    r"petrol bomb|cut|end) " + lx.THREAT_OBJECTS + r"\b(?! (?:to court|back|out|home|up|in the end))"
    # "my boss has had to take me off nights", "take her for a drink": not taking someone away
    r"(?!(?:(?<=take me)|(?<=take her)|(?<=take him)|(?<=take you)|(?<=take us)) "
    r"(?:off|for|on|round|through|shopping|to (?:the|a|see|dinner|lunch))\b)"
    r"|\b(?:do (?:me|you) in|finish (?:me|you) off|sort (?:me|you) out|teach (?:me|you) a lesson|"
    r"finish what (?:he|she|they|i) started|finish the job|"
    r"make (?:me|you) suffer|show (?:me|you) what happens|you are (?:dead|a dead (?:man|woman)|going to die|"
    r"gonna die"
    r"|finished)|(?:i|you) (?:will |are going to |am going to |gonna )?find out what happens when|"
    r"you will (?:die|be dead|regret it|pay|find out what happens|see what happens|"
    r"get what is coming)|"
    r"(?:today|tonight)(?: is)? the (?:day|night) (?:i|you) (?:pay|die|get it|get what)\b|"
    r"(?:today|tonight) is the (?:day|night)\b"
    r"(?! (?:i|we|that i|to|for|of|when i|my))|it (?:all )?ends (?:today|tonight|now)|"
    r"(?:tonight|today|now) you (?:die|are dead|will die)|you (?:die|are dead) (?:tonight|today)|(?:last|"
    r"final) "
    r"(?:day|night) of your life|will not (?:see|live to see) (?:tomorrow|the morning|another day|christmas)|"
    r"dead (?:tonight|today|by (?:tonight|tomorrow|the weekend))|burn (?:the|my|your|our) (?:house|flat|"
    r"place|car) down|(?:your|the|my|our) (?:house|flat|home|place|car) (?:burns|will burn|goes up)|"
    r"make (?:me|you) pay|(?:watch|watching) your back|coming for (?:me|you|us)(?! about\b)|"
    r"coming after (?:me|you|us)(?! about\b)|going to get (?:me|you)|gonna get (?:me|you)|"
    r"(?:is|are) about to "
    r"(?:kill|hurt|stab|shoot|attack|beat)|get what you deserve|you will be sorry|(?:i|you) will regret|"
    r"smash (?:the|my|your|our) (?:car|house|flat|windows|door|place)|"
    r"(?:will|is going to|gonna|going to) be waiting (?:for (?:me|you|her)|outside)|set fire to (?:the|"
    r"my|your|"
    r"our|her) (?:car|house|flat|door|place|home)|set (?:the|my|your|our) (?:car|house|flat|place) on fire|"
    r"(?:will not|never) see (?:him|her|them|the kids|your (?:\w+ )?(?:kids|children|son|daughter|baby)|my "
    r"(?:\w+ )?(?:kids|children|son|daughter|baby)) again)"
)
_THREAT_TIME = rx(
    r"\b(?:today|tonight|now|right now|this (?:morning|afternoon|evening|weekend|week)|later|tomorrow|"
    r"in (?:an?|\d+|a few|ten|five|twenty|two|half an|a couple of) (?:hour|hours|minutes|mins|days)|soon|"
    r"on (?:his|her|their|my) way|coming (?:round|over|here|now|for|to|after)|is coming|outside|"
    r"at the door|when (?:i|you) (?:leave|get home|finish|go out|come out|get out)|after work|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at \d+|next week|this week|"
    r"tomorrow night|by the end of|(?:today|tonight) is the|it ends|about to|dead tonight|"
    r"dead today|when i (?:see|find) (?:you|her)|the next time (?:i|he) (?:see|sees)|"
    r"when (?:he|she|they) gets? (?:home|back|here|in)|any (?:min|minute|second|moment)|"
    r"when (?:he|she|they) wakes? up|when (?:he|she|they) sobers? up)\b"
)
_THREAT_PLAN = rx(
    r"\b(?:(?:come|coming) (?:and|round|over|here|to (?:my|the|your))|knows where|know where|"
    r"found out where|has a plan|planned|planning|plans to|bought|"
    r"waiting for me|wait for me|be waiting|find (?:me|you)|track (?:me|you) down|hunt (?:me|you) down|"
    r"has my (?:new )?address|got my (?:new )?address|knows my (?:new )?address|has a key|got a key|"
    r"petrol|rope|gun|knife|weapon)\b"
)
_THREAT_URGENT = rx(r"\b(?:help|please help|help me|scared|terrified)\b")
_CONDITIONAL_AFTER = rx(r"^(?:\s+\w+){0,4}?\s+(?:if|unless|should|the day|one day|eventually)\b")
# "if you don't come out in five minutes he'll..." is an ultimatum, not a hypothetical.
_ULTIMATUM = rx(
    r"\bin (?:a few|\d+|one|two|five|ten|twenty|thirty) (?:minutes|mins|seconds|secs)\b|\bright now\b"
)
# Veiled threats that are imminent when a weapon is mentioned with them.
_MENACE = rx(
    r"\b(?:see you (?:tonight|soon|later|tomorrow|in a bit)|i know where you (?:live|are|sleep|work)|"
    r"watch your back|i am watching you|i am coming for you|you are next)\b"
)
_NOT_A_PERSON = rx(r"\b(?:it|this|that|which|work|stress)\s+(?:\w+\s+){0,2}$")
_WEAPON_WORD = rx(r"\b" + lx.WEAPON + r"\b")
# Threats worded with a "not" ("you will not see tomorrow") are not negated threats.
_NEGATIVE_THREAT = rx(r"\b(?:will not|never) (?:see|live to see) \w+")
_REPORTED = rx(
    r"\b(?:says|said|saying|told me|texted|messaged|keeps saying|is saying|"
    r"wrote)\s+(?:that\s+)?i\b"
)
# "she keeps saying she'll come round ... but she never does, it's just talk"
ONLY_TALK = rx(
    r"\b(?:keeps saying|keep saying|always says|never does|never has|never did|just talk|all talk|"
    r"never actually|says (?:that|it) all the time|(?:has|have|is|s) been saying (?:it|that) for|"
    r"nothing happened|nothing came of it)\b"
)
_DOUBTFUL_SUBJECT = rx(r"\b(?:i)\s+(?:\w+\s+){0,2}$")
# "my housemate is coming to get me", "the police will come for me": a lift or help, not a threat.
_FETCHED_BY = rx(
    r"(?:" + lx.SAFE_PEOPLE + r"|(?<!\bex )\b(?:my|our) (?:housemate|flatmate|dad|father|brother|husband|"
    r"wife|partner|boyfriend|girlfriend|son|daughter|uncle|auntie|aunt|nan|gran|grandad|cousin|boss|manager))"
    r"(?: \w+){0,5} $"
)
_FETCH = rx(r"^(?:get|come for|take|come after) (?:me|us)$")
# "found a note through my letterbox, it says tonight your house burns": his words, written down.
_WRITTEN = rx(r"\b(?:it|which|that) (?:says|said|reads|read)\b")


def threats(segment: Segment) -> list[tuple[int, int, str]]:
    """Threat mentions in a sentence: (start, end, frame). Imminent when timed, planned or armed."""
    found: list[tuple[int, int, str]] = []
    text = segment.text
    menace = _MENACE.search(text)
    if menace and _WEAPON_WORD.search(text) and not PAST_RX.search(text):
        found.append((menace.start(), menace.end(), NOW))
    for match in _THREAT.finditer(text):
        start, end = match.span()
        span = match.group()
        clause_start, clause_end = segment.clause_at(start)
        before = text[min(clause_start, start) : start]
        after = text[end:]
        lead = LEADING_JOIN.sub("", before)
        # "i could kill him" / "it would kill me" are annoyance, not a threat made to the person.
        doubtful = DOUBT.search(before) or _NOT_A_PERSON.search(before)
        if doubtful and not (re.search(r"\b(?:he|she|they|ex)\b", before) or _WRITTEN.search(before)):
            continue
        if _FETCH.search(span) and _FETCHED_BY.search(before):
            continue
        # "i could kill him" is doubtful; "he says i will not see tomorrow" reports his threat.
        if (
            _DOUBTFUL_SUBJECT.search(before)
            and not re.search(r"\b(?:you|your)\b", span)
            and not _REPORTED.search(before)
        ):
            continue
        if (NEG.search(before[-25:]) or NEG.search(span)) and not _NEGATIVE_THREAT.search(span):
            found.append((start, end, NEGATED))
            continue
        if HYPO.search(lead) and not _ULTIMATUM.search(text):
            found.append((start, end, HYPOTHETICAL))
            continue
        clause = text[min(clause_start, start) : max(clause_end, end)]
        is_past = bool(PAST_RX.search(text)) and not now_marked(text, with_again=False)
        conditional = bool(_CONDITIONAL_AFTER.search(after)) and not _ULTIMATUM.search(text)
        timed = bool(_THREAT_TIME.search(text) or _THREAT_PLAN.search(text) or _WEAPON_WORD.search(text))
        urgent = bool(
            re.search(r"\b(?:is|are) (?:going to|gonna)\b", clause + " " + span)
            and _THREAT_URGENT.search(text)
        )
        routine = bool(HABIT_RX.search(clause) or ONLY_TALK.search(text)) and not now_marked(
            text, with_again=False
        )
        if (timed or urgent) and not is_past and not conditional and not routine:
            found.append((start, end, NOW))
        else:
            found.append((start, end, PAST if is_past else HABITUAL))
    return found
