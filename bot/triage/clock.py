"""An arrival he has announced, read against the time it is now (and a journey against its length).

"He texted see you at 6. It's 5.40" and "he said he'd be here by nine, it's twenty to" name no
danger word: the danger is in the arithmetic. `arrival_due` finds an arrival the message says is
coming at a clock time (`_ARRIVAL`), the time the writer says it is now (`_NOW_IS`), and calls it
due when the arrival is at most an hour away or a few minutes past. Times are read on a 12-hour
clock unless both say am or pm; "ten to" with no hour counts down to the announced hour.

Not due: an arrival on another day ("at 10 tomorrow"), one announced by someone who is there to
help (`lexicon.SAFE_PEOPLE`: the police, a friend, a taxi), a habit ("every night"), a writer
who is elsewhere ("I'm at my mum's"), or a time long gone ("it's 9.45 and he never came").

`day_due` does the same for a day of the week: "he's coming to sort it out on Saturday. It's
Saturday morning" is today.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.triage import lexicon as lx
from bot.triage.framing import HABIT_RX

_HOUR_WORDS = {
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
    "eleven": 11,
    "twelve": 12,
    "midnight": 12,
    "midday": 12,
    "noon": 12,
}
_MINUTE_WORDS = {
    "five": 5,
    "ten": 10,
    "quarter": 15,
    "a quarter": 15,
    "twenty": 20,
    "twenty five": 25,
    "half": 30,
}
_HOUR = r"(?:1[0-2]|0?[1-9]|" + "|".join(_HOUR_WORDS) + r")"
_MINUTES = r"(?:a quarter|quarter|twenty five|twenty|ten|five|half|\d{1,2}(?: mins?| minutes)?)"
# 6, 6pm, 6.30, 6:30, 18:30, "six o'clock", "half eight", "half past eight", "twenty to nine", "ten to"
_TIME = (
    r"(?:(?P<mins>" + _MINUTES + r") (?P<rel>to|past)(?: (?P<rel_hour>" + _HOUR + r"))?"
    r"|half (?P<half_hour>" + _HOUR + r")"
    r"|(?P<clock>(?:[01]?\d|2[0-3])[:.][0-5]\d|" + _HOUR + r")"
    r"(?:\s?(?P<meridiem>am|pm|a\.m\.|p\.m\.|o'?clock))?)"
    # not an amount: "it's 5 minutes away", "at 2 weeks"
    r"(?![\w:]|\.\d| (?:mins?|minutes|hours?|hrs?|days?|weeks?|months?|years?|miles?|times|yards|metres|"
    r"people|of)\b)"
)
# His words about coming: "see you at 6", "I'll be there by 9", "he's coming round at half eight",
# "coming to sort it out on Saturday".
_COMING = (
    r"\b(?:see (?:you|u|ya)|be (?:here|there|round|over|outside|back|at (?:yours|your|mine|the|my|her))|"
    r"(?:come|coming|be coming|pop|popping|call|calling) (?:round|over|here|back|for (?:you|u|me|her|us)|"
    r"to (?:yours|your|my|her|the house|the flat|sort (?:it|you|u|this|me) out))|"
    r"come|coming|turn(?:ing)? up|"
    r"(?:is|he'?s|she'?s|they'?re|i'?m) on (?:his|her|their|my) way|(?:be )?waiting (?:for (?:you|u|me|her))?"
    r"|meet (?:you|u|me))"
)
_ARRIVAL = re.compile(
    _COMING + r"(?: (?!(?:tomorrow|next|on)\b)[\w']+){0,3}? (?:at|by|around|about|for|before|after) "
    r"(?:about |around )?(?P<time>" + _TIME.replace("?P<", "?P<a_") + r")"
)
_NOW_IS = re.compile(
    r"\b(?:it'?s|its|it is|now|the time is|time is|its now|it'?s now|it is now)"
    r" (?:now |already |nearly |almost |just gone |gone |just after |just )?"
    r"(?P<time>" + _TIME + r")"
)
_ANOTHER_DAY = re.compile(
    r"^(?:\s*(?:am|pm|o'?clock))?[\s,]*(?:tomorrow|on (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|next (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"on the \d+)"
)
# The writer is not where he is coming: "I'm at my mum's", "I'm not home" (but "he knows I'm at my
# sister's" is where he is coming).
_AWAY = re.compile(
    r"(?<!knows )(?<!knows that )\b(?:i'?m|i am|im) "
    r"(?:(?:at|staying at|staying with|round|over at) (?:my|me|a) (?:mum|mom|mam|dad|nan|gran|sister|brother|"
    r"friend|mate|parents|auntie|aunt|cousin|partner|boyfriend|girlfriend)(?:'?s)?|"
    r"not (?:at )?home|away)\b"
)
_HELPER = re.compile(lx.SAFE_PEOPLE + r"|\b(?:advocate|idva|counsellor|social worker|solicitor|cab)\b")
_AHEAD = 60  # due from an hour before the arrival
_LATE = 10  # until ten minutes after it
_HALF_DAY = 12 * 60


class _Time(NamedTuple):
    minutes: int | None  # minutes past midnight on a 12-hour clock, or None for "ten to" (no hour)
    from_hour: int | None  # "ten to" / "quarter past" with no hour: minutes from whatever hour is meant
    pm: bool | None  # said am or pm


def _hour(word: str) -> int:
    return _HOUR_WORDS[word] if word in _HOUR_WORDS else int(word)


def _read(match: re.Match[str], prefix: str = "") -> _Time:
    """The time a match of `_TIME` names; `prefix` tells the arrival's groups from the clock's."""

    def group(name: str) -> str | None:
        return match.group(prefix + name)

    if group("half_hour"):
        return _Time((_hour(group("half_hour")) % 12) * 60 + 30, None, None)
    if group("mins"):
        words = group("mins")
        minutes = _MINUTE_WORDS.get(words) or int(words.split()[0])
        if not group("rel_hour"):
            return _Time(None, -minutes if group("rel") == "to" else minutes, None)
        hour = _hour(group("rel_hour")) % 12
        offset = -minutes if group("rel") == "to" else minutes
        return _Time((hour * 60 + offset) % _HALF_DAY, None, None)
    clock, meridiem = group("clock"), (group("meridiem") or "").replace(".", "")
    if ":" in clock or "." in clock:
        hour, minute = (int(part) for part in re.split(r"[:.]", clock))
    else:
        hour, minute = _hour(clock), 0
    pm = True if meridiem == "pm" or hour > 12 else False if meridiem == "am" else None
    return _Time((hour % 12) * 60 + minute, None, pm)


def _minutes_to_arrival(arrival: _Time, now: _Time) -> int | None:
    """How many minutes from now until the arrival (negative once it has passed)."""
    if arrival.minutes is None:
        return None
    if now.minutes is None:  # "it's ten to": the hour meant is the one that puts it nearest the arrival
        hour = arrival.minutes // 60 * 60
        return min((arrival.minutes - (h + now.from_hour) for h in (hour, hour + 60)), key=abs)
    gap = arrival.minutes - now.minutes
    if arrival.pm is not None and now.pm is not None:  # "6am" against "5.40pm"
        return gap + (arrival.pm - now.pm) * _HALF_DAY
    return (gap + _HALF_DAY // 2) % _HALF_DAY - _HALF_DAY // 2  # the nearer reading on a 12-hour clock


def arrival_due(text: str) -> str | None:
    """The announced arrival (as evidence) when the message says it is due within the hour."""
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    if _AWAY.search(lowered):
        return None
    for arrival in _ARRIVAL.finditer(lowered):
        if _ANOTHER_DAY.search(lowered[arrival.end() : arrival.end() + 30]):
            continue
        sentence_start = max(lowered.rfind(mark, 0, arrival.start()) for mark in ".!?") + 1
        said = lowered[sentence_start : arrival.end() + 30]
        if _HELPER.search(said[: arrival.end() - sentence_start]) or HABIT_RX.search(said):
            continue  # announced by the police or a friend; "he used to come round at 8 every night"
        announced = _read(arrival, "a_")
        for now in _NOW_IS.finditer(lowered):
            if now.start() < arrival.end() and now.end() > arrival.start():
                continue  # the same words
            minutes = _minutes_to_arrival(announced, _read(now))
            if minutes is not None and -_LATE <= minutes <= _AHEAD:
                return arrival.group()
    return None


# "2 hrs ago he said he was setting off from glasgow. its a 2 hr drive": he is due about now.
_AMOUNT = r"(?:\d+(?:\.5)?|an|a|one|two|three|four|five|half an)"
_SET_OFF = re.compile(
    r"\b(?P<ago>" + _AMOUNT + r") (?:hrs?|hours?) ago\b(?: [\w']+){0,6}? (?:setting off|set off|leaving|left|"
    r"on (?:his|her|their|my) way|heading (?:here|over|down|up|back))\b"
)
_JOURNEY = re.compile(
    r"\b(?:it'?s|its|it is) (?:a |an |about |only |just )?(?P<takes>" + _AMOUNT + r")[ -]?(?:hrs?|hours?) "
    r"(?:drive|journey|away|on the train)\b"
)


def _hours(amount: str) -> float:
    return {"a": 1.0, "an": 1.0, "half an": 0.5}.get(amount) or _HOUR_WORDS.get(amount) or float(amount)


def journey_due(text: str) -> str | None:
    """His setting off, as evidence, when the journey he set off on ends about now (within half an hour)."""
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    set_off, journey = _SET_OFF.search(lowered), _JOURNEY.search(lowered)
    if not (set_off and journey) or _AWAY.search(lowered):
        return None
    still_to_go = _hours(journey["takes"]) - _hours(set_off["ago"])
    return set_off.group() if -1 <= still_to_go <= 0.5 else None


# "he's coming to sort it out on Saturday ... It's Saturday morning": the day he named is today.
_WEEKDAY = r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
_DAY_ARRIVAL = re.compile(
    _COMING + r"\b'?(?: [\w']+){0,6}? (?:on |this )?" + _WEEKDAY.replace("?P<day>", "?P<a_day>") + r"\b"
)
_TODAY_IS = re.compile(
    r"\b(?:(?:it'?s|its|it is|today'?s|today is|todays) (?:now )?|today,? )"
    + _WEEKDAY
    + r"(?! (?:next|coming)\b)(?: (?:morning|afternoon|evening|night|today|now)){0,2}"
    r"(?:[.,!?]|\s*$| and\b| so\b| i\b)"
)


def day_due(text: str) -> str | None:
    """The announced arrival (as evidence) when the day of the week it names is the day it is now."""
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    if _AWAY.search(lowered):
        return None
    today = _TODAY_IS.search(lowered)
    if not today:
        return None
    for arrival in _DAY_ARRIVAL.finditer(lowered):
        sentence_start = max(lowered.rfind(mark, 0, arrival.start()) for mark in ".!?") + 1
        said = lowered[sentence_start : arrival.end() + 20]
        if arrival["a_day"] != today["day"]:
            continue
        announcer = " ".join(lowered[sentence_start : arrival.start()].split()[-3:])  # "the police are"
        if _HELPER.search(announcer) or HABIT_RX.search(said):
            continue  # the police are coming round on Saturday; "he comes round every Saturday"
        if re.search(r"\b(?:every|most|last|next)\s+" + arrival["a_day"], said):
            continue
        return arrival.group()
    return None
