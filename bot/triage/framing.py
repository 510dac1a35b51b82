"""Does a matched phrase describe *now*? Negation, tense, routine and "if", judged per clause.

"he's not outside", "yesterday he was outside", "he's outside every night" and "what if he's
outside?" all contain "he's outside"; only the present, real one is an emergency.
"""

from __future__ import annotations

import re

from bot.triage import lexicon as lx
from bot.triage.danger_rules import KEEPS, RECENT, RECENT_WIDE, Rule, rx
from bot.triage.text import Segment

# How a mention relates to the present.
NOW, PAST, NEGATED, HYPOTHETICAL, HABITUAL = "now", "past", "negated", "hypothetical", "habitual"

_QUESTION_START = rx(
    r"^(?:is|are|does|do|did|can|could|should|would|will|what|how|where|why|who|has|have|am|shall)\b"
)
_EXPLICIT_VERB = rx(r"\b(?:is|are|am|has|have|keeps|keep)\b")
LEADING_JOIN = rx(r"^[\s,]*(?:(?:and|but|so|then|because|also|plus|though|although|however)\b)?\s*")
NEG = rx(lx.NEGATION)
_NEG_BEFORE = rx(
    r"\b(?:not|never|no one|nobody|no)\s+$|\b(?:do not|dont|did not) (?:think|believe|reckon)\s+$"
)
_NEG_AFTER = rx(lx.NEGATION_AFTER)
PAST_RX = rx(lx.PAST_WORDS)
_PAST_AUX = rx(lx.PAST_AUX)
_HABIT = rx(lx.HABITUAL_WORDS)
_NOWW = rx(lx.NOW_WORDS)
_NOW_OR_AGAIN = rx(lx.NOW_WORDS + r"|\b(?:again|tonight|today|this evening)\b")
_LONG_NOW = rx(r"\b(?:weeks|months|years|ages|while|days|time|long|ever since) now\b")
HYPO = rx(lx.HYPOTHETICAL)
_SHORT_SPELL = rx(
    r"\b(?:since|all (?:night|day|evening|morning|afternoon)|for (?:the (?:last|past) )?(?:about |over |"
    r"nearly "
    r"|almost )?(?:an?|half an|\d+|one|two|three|four|five|ten|twenty|thirty|forty|a few|a couple of|"
    r"several) (?:hours?|minutes?|mins?|seconds?|streets?|miles?|stops?)|for ages|for miles|for a while)\b"
)
_GONE = rx(r"\b(?:has gone|is gone|has left|went away|drove off|ran off|has driven off|walked off)\b")
DOUBT = rx(lx.DOUBT)
MINIMISING = rx(lx.MINIMISING)


# Now-words that do not date the danger: "he's not here now", "but not tonight", "I'm at home now".
_NOT_THE_DANGERS_NOW = rx(
    r"\b(?:but )?not (?:(?:here|hear|there|around|about|outside|in|home|on|following me) )?"
    r"(?P<when>right now|now|tonight|today|again|at the moment|this time)\b"
    r"|\bi am (?:at home|home|safe|in|inside|indoors|okay|ok|fine|alright|at (?:my|a|the) \w+(?: \w+)?) "
    r"(?P<mine>now)\b"
)


def without_other_nows(text: str) -> str:
    """The text with those now-words blanked out (same length, so offsets still hold)."""

    def blank(match: re.Match[str]) -> str:
        group = "when" if match.group("when") else "mine"
        start, end = match.start(group) - match.start(), match.end(group) - match.start()
        words = match.group()
        return words[:start] + " " * (end - start) + words[end:]

    return _NOT_THE_DANGERS_NOW.sub(blank, text)


def now_marked(clause: str, with_again: bool) -> bool:
    """Whether the clause says "now" (or, with `with_again`, "again"/"tonight"), ignoring "for months now"."""
    clause = _LONG_NOW.sub(" ", clause)
    return bool((_NOW_OR_AGAIN if with_again else _NOWW).search(clause))


def frame_of(segment: Segment, start: int, end: int, rule: Rule) -> str:
    """How the matched words relate to the present (NOW, PAST, NEGATED, ...)."""
    text = without_other_nows(segment.text)
    clause_start, clause_end = segment.clause_at(start)
    clause_start = min(clause_start, start)
    clause_end = max(clause_end, end)
    before = text[clause_start:start]
    span = text[start:end]
    after = text[end:clause_end]
    clause = text[clause_start:clause_end]
    lead = LEADING_JOIN.sub("", before)

    if rule.check_negation and (NEG.search(span) or _NEG_BEFORE.search(before) or _NEG_AFTER.search(after)):
        return NEGATED
    if HYPO.search(lead):
        return HYPOTHETICAL
    if segment.ends_with_question and _QUESTION_START.search(lead) and not _EXPLICIT_VERB.search(span):
        return HYPOTHETICAL
    if rule.mode == "past":
        where = text if rule.promote_in_sentence else clause
        # "10 minutes ago" is recent, not past: only other past words veto a promotion.
        routine = _HABIT.search(clause) and not RECENT.search(clause)
        gone = (rule.kind == "suspect_present" and _GONE.search(text)) or routine
        if (
            rule.promote is not None
            and rule.promote.search(where)
            and not gone
            and not PAST_RX.search(RECENT_WIDE.sub(" ", clause))
        ):
            return NOW
        return PAST
    if (
        rule.check_past
        and not _EXPLICIT_VERB.search(span)
        and _PAST_AUX.search(before)
        and not RECENT.search(before)
    ):
        return PAST
    if rule.check_past and PAST_RX.search(clause) and not now_marked(clause, with_again=False):
        return PAST
    # "he's been outside her work" lists history; "he's been outside for an hour" is now.
    if (
        re.search(r"\b(?:has|have) been\b(?!.*\b(?:is|are)\b)", span)
        and not _SHORT_SPELL.search(clause)
        and not now_marked(clause, with_again=True)
    ):
        return HABITUAL
    # "the manager has banned him now and he has been waiting outside instead, some days"
    if re.search(r"\b(?:has|have) been\b", span) and _HABIT.search(text) and not _SHORT_SPELL.search(text):
        return HABITUAL
    if rule.check_habitual and _HABIT.search(clause) and not now_marked(clause, with_again=True):
        return HABITUAL
    if (
        rule.keeps_is_habitual
        and re.search(rf"\b{KEEPS}\b", span)
        and not now_marked(clause, with_again=True)
    ):
        return HABITUAL
    if re.search(rf"\b{KEEPS}\b", span) and _HABIT.search(text) and not now_marked(text, with_again=True):
        return HABITUAL
    return NOW
