"""Does a matched phrase describe *now*? Negation, tense, routine and "if", judged per clause.

"he's not outside", "yesterday he was outside", "he's outside every night" and "what if he's
outside?" all contain "he's outside"; only the present, real one is an emergency.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
HABIT_RX = rx(lx.HABITUAL_WORDS)
_NOWW = rx(lx.NOW_WORDS)
_NOW_OR_AGAIN = rx(lx.NOW_WORDS + r"|\b(?:again|tonight|today|this evening)\b")
_LONG_NOW = rx(r"\b(?:weeks|months|years|ages|while|days|time|long|ever since) now\b")
HYPO = rx(lx.HYPOTHETICAL)
_SHORT_SPELL = rx(
    r"\b(?:" + lx.SINCE_NOW + r"|all (?:night|day|evening|morning|afternoon)|for (?:the (?:last|past) )?"
    r"(?:like |about |around |roughly |maybe |over |"
    r"nearly "
    r"|almost )?(?:an?|half an|\d+|one|two|three|four|five|ten|twenty|thirty|forty|a few|a couple of|"
    r"several) (?:hours?|minutes?|mins?|seconds?|streets?|miles?|stops?)|for ages|for miles|for a while)\b"
)


def only_nowadays(clause: str) -> bool:
    """Whether the clause's only now-word is "is now" before a routine ("she's now round most days")."""
    return bool(_NOWADAYS.search(clause)) and not now_marked(_NOWADAYS.sub(" ", clause), with_again=False)


_NOWADAYS = rx(r"\b(?:is|are|am) now\b")
_GONE = rx(
    r"\b(?:has gone|is gone|has left|went away|drove off|ran off|has driven off|walked off|"
    # "he went about half an hour ago", "he's not here now"
    r"(?:he|she|they) (?:left|went)\b"
    r"(?! (?:to|into|in|on|round|over|up|for|back|and|through|past|by|off with)\b)|"
    r"(?:he|she|they) (?:is|are) not (?:here|there|outside) (?:now|any more|anymore))\b"
)
# "we haven't spoken in years and now he's turned up again": back in my life, not at my door.
BACK_IN_MY_LIFE = rx(
    r"\b(?:in|for) (?:years|months|ages|a long time|a decade)\b.* (?:turned|shown|showed) up again$"
    r"|\b(?:back in|come back into|turned up again in) my life\b"
)
# "my friend's gone to talk to the landlord", "the police have left": someone else going.
_SOMEONE_ELSE_GOES = rx(
    r"(?:" + lx.SAFE_PEOPLE + r"|\b(?:my|our) (?:partner|husband|wife|boyfriend|girlfriend|flatmate|dad|"
    r"brother|son|daughter|neighbour|colleague|boss|manager|carer)|\b(?:everyone|everybody|the others|others|"
    r"the rest|colleagues|staff|people)(?: else)?(?: (?:on|in|at|from) (?:my|the|our) \w+)?)"
    r"(?: (?:who|that)(?: \w+){1,5}?)?"  # "my friend who was with me has gone home"
    r"(?: (?:is|has|have|are|s))?$"
)


def someone_left(text: str, gone: re.Pattern[str] = _GONE) -> bool:
    """Whether `text` says he (or whoever it is about) has gone, not a friend or the police."""
    return any(not _SOMEONE_ELSE_GOES.search(text[: match.start()].rstrip()) for match in gone.finditer(text))


DOUBT = rx(lx.DOUBT)
MINIMISING = rx(lx.MINIMISING)


# Now-words that do not date the danger: "he's not here now", "but not tonight", "I'm at home now".
_NOT_THE_DANGERS_NOW = rx(
    r"\b(?:but )?not (?:(?:here|hear|there|around|about|outside|in|home|on|following me|"
    r"in (?:any |immediate )?danger|at risk) )?"
    r"(?P<when>right now|now|tonight|today|again|at the moment|this time)\b"
    r"|\bi am (?:at home|home|safe|in|inside|indoors|okay|ok|fine|alright|at work|at school|at uni|"
    r"at college|at (?:my|a|the) \w+(?: \w+)?) "
    r"(?P<mine>now)\b"
    r"|\bi (?:keep|have to|always|check|lock|leave|sleep|stay|never go)(?: \w+){0,5} "
    r"(?:shut |closed |locked )?(?P<habit>now)\b"  # "I keep the curtains shut now": what I do these days
    # "he's stopped now", "she's at home with me now": the now of the danger's end, or of someone safe
    r"|\b(?:he|she|they) (?:is|are|has|have) (?:stopped|gone|left|moved away|at home with (?:me|us)|"
    r"home with (?:me|us)|at home|home|safe) (?P<over>now)\b"
    r"(?! (?:outside|at|in|by|near|opposite|behind|across|next|on|round)\b)"
)


def without_other_nows(text: str) -> str:
    """The text with those now-words blanked out (same length, so offsets still hold)."""

    def blank(match: re.Match[str]) -> str:
        group = next(name for name in ("when", "mine", "habit", "over") if match.group(name))
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
    if segment.ends_with_question and HYPO.search(text[:start]):
        return HYPOTHETICAL  # "what happens if I ring 999 but I can't talk?"
    if rule.mode == "past":
        where = text if rule.promote_in_sentence else clause
        # "10 minutes ago" is recent, not past: only other past words veto a promotion.
        routine = HABIT_RX.search(clause) and not RECENT.search(clause)
        gone = (
            rule.kind == "suspect_present" and (someone_left(text) or BACK_IN_MY_LIFE.search(text))
        ) or routine
        if (
            rule.promote is not None
            and rule.promote.search(MERE_JUST.sub(" ", where))  # ", just sat on the wall" dates nothing
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
    # ("five minutes ago" is recent, not past: "he's just hit me five minutes ago")
    recent_removed = RECENT.sub(" ", clause)
    if rule.check_past and PAST_RX.search(recent_removed) and not now_marked(clause, with_again=False):
        return PAST
    # "he's been outside her work" lists history; "he's been outside for an hour" is now.
    if (
        re.search(r"\b(?:has|have) been\b(?!.*\b(?:is|are)\b)", span)
        and not _SHORT_SPELL.search(clause)
        and not now_marked(clause, with_again=True)
    ):
        return HABITUAL
    # "the manager has banned him now and he has been waiting outside instead, some days"
    if re.search(r"\b(?:has|have) been\b", span) and HABIT_RX.search(text) and not _SHORT_SPELL.search(text):
        return HABITUAL
    if re.search(r"\b(?:started|starting|began|begun) (?:to )?$", before) and not now_marked(
        clause, with_again=False
    ):
        return HABITUAL  # "he's started following me when I go out"
    if rule.check_habitual and HABIT_RX.search(clause) and only_nowadays(clause):
        return HABITUAL  # "she's now round my house most days": now as in nowadays
    if rule.check_habitual and HABIT_RX.search(clause) and not now_marked(clause, with_again=True):
        return HABITUAL
    if (
        rule.keeps_is_habitual
        and re.search(rf"\b{KEEPS}\b", span)
        and not now_marked(clause, with_again=True)
    ):
        return HABITUAL
    if re.search(rf"\b{KEEPS}\b", span) and HABIT_RX.search(text) and not now_marked(text, with_again=True):
        return HABITUAL
    return NOW


# ---- the story around a sentence --------------------------------------------------------------------

STORY_PAST = rx(
    lx.PAST_WORDS + r"|\b(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:earlier|this morning|this afternoon|at the weekend)\b"
)
_SIMPLE_PAST = rx(
    r"\b(?:was|were|walked|stood|sat|followed|came|turned up|showed up|parked|waited|drove|ran|got|went|"
    r"pulled up|knocked|banged|tried|kicked|smashed|hit|punched|grabbed|stared|watched|left|appeared|arrived|"
    r"rang|called|texted|messaged|said|threatened|blocked|broke|climbed|chased|shouted|screamed|put|pushed|"
    r"dragged|held|threw|slapped|strangled|choked|grabbed|punched|kicked|bit|pinned|locked)\b"
)
_PRESENT_AUX = rx(r"\b(?:is|are|am|has|have|will|can|keeps|keep|still)\b")
_RETRO_INLINE = rx(
    r"\b(?:this|that|it) (?:was|happened|all happened) (?:\w+ ){0,3}?"
    r"(?:ago|(?<!my )(?<!your )(?<!her )last \w+|in (?:19|20)\d\d|on \w+day|yesterday|when we were|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:night|morning|afternoon|evening))\b"
)
_RETRO = rx(
    r"^(?:(?:that|this|it|which|all that|all this|both) (?:was|were|happened|all happened)"
    r"|happened|both happened|the last (?:message|text|call|one|time|email|voicemail) was)\b"
)
_GONE_LATER = rx(
    r"\b(?:has gone|is gone|has left|(?:then )?(?:he|she|they) (?:left|went|drove off|walked off)|went away|"
    r"i lost (?:him|her|them)|"
    r"drove off|ran off|walked off|has driven off)\b(?! (?:past|by|round|up and|back and))"
    r"(?!(?: \w+){0,5} (?:back|again))"
)
# "and just stared", "didn't do anything, just walked behind me": "just" meaning "only".
MERE_JUST = rx(r"(?:\b(?:and|but|anything|nothing)|,)(?: ,)? just\b(?! now)")
_RECENT_HOURS_AGO = rx(r"\b(?:an|half an|\d+|one|two|a couple of|a few) (?:hours?|hrs?) ago\b")
_VERY_RECENT = rx(
    r"\b(?:(?:half an|an|one|a) hour ago|(?:\d+|ten|twenty|thirty|forty|fifteen) (?:mins?|minutes) ago)\b"
)
_HAS_BEEN = rx(r"\b(?:has|have) been\b")
_FIRST_PERSON = rx(r"\b(?:i|me|we|us)\b")
# The next sentence takes the danger back: "He's watching me. Not literally, I mean online.", "... posted
# a photo of my front door. It's an old photo"
_NOT_LITERALLY = rx(
    r"^(?:well |i mean )?(?:not literally|not in person|not physically|i mean online|online i mean|"
    r"it is an old (?:photo|picture|pic|video|one))"
    # "he's outside. joke. he isn't."
    r"|^(?:joke|jk|kidding|only joking|just joking|just kidding|lol jk)\b"
    # "He's watching me. Well, his insta story is."
    r"|^(?:well|i mean|ok|okay)(?: ,)? (?:his|her|their) (?:\w+ )?(?:insta|instagram|facebook|fb|tiktok|"
    r"snapchat|snap|twitter|x|online|social media)? ?(?:story|stories|account|accounts|profile|page|posts?|"
    r"views?|likes?)\b"
)
# ... and a claim he made is denied at once: "he's texting that he's outside my house. He's not, ..."
_CLAIM_DENIED = rx(
    r"^(?:he|she|they) (?:is|are) not(?:\s*[,.]|\s*$| really\b| actually\b| there\b| here\b| outside\b| "
    r"nearby\b| around\b)"
)
_CLAIMING = rx(r"\b(?:saying|says|said|texting|texted|messaging|messaged|claims|claiming|telling me)\b")
_LIST_OF_BEHAVIOURS = rx(r"[^,]+(?: , [^,]+){2,}")
_SOMEONE_DOING = rx(r"\b(?:he|she|they|someone|somebody|i|we|is|are|am)\b")
# A history told over weeks or months: "in the last six months", "over the past few weeks".
_OVER_A_PERIOD = rx(
    r"\b(?:in|over|during|for) the (?:last|past) (?:(?:few|couple of|\w+) )?(?:days|weeks|months|years)\b"
)
# The next sentence opens with them going: "She went off when I went inside", "Then he drove off."
_LEFT_NEXT = rx(
    r"^(?:and |but |then |after that |eventually |in the end )?(?:he|she|they) (?:left|went off|went away|"
    r"drove off|walked off|ran off|went home|(?:has|have|is) gone(?=$| (?:now|home|away|off|out)\b))\b"
)
# The next sentence says where he is: online. "hes following me again. on insta. new account."
_ONLINE_NEXT = rx(
    r"^(?:on|via|through) (?:insta|instagram|facebook|fb|tiktok|snapchat|snap|twitter|x|whatsapp|twitch|"
    r"youtube|discord|social media|socials|online)\b|\b(?:in|on) (?:the|my) (?:chat|live ?stream|stream|"
    r"comments|dms|inbox|feed|group chat)\b"
)
_LEAVING_KINDS = frozenset({"suspect_present", "followed_now", "entry_attempt", "weapon"})


def story_frame(sentences: Sequence[str], index: int, start: int, end: int, kind: str) -> str | None:
    """PAST (or HABITUAL) when the sentences around a present-looking signal show it is not now.

    - the next sentence dates it: "he said he's on his way. That was Saturday";
    - later in its sentence he has gone: "he just walked in and stood at the bar ... then he left";
    - the message tells a dated story and this sentence goes on in the simple past with no present
      verb near the words: "He followed me home on Tuesday. Didn't do anything, just walked behind me."
    - a routine said on its own right after: "A man on my street watches me. Every day." (HABITUAL);
    - a bare list of behaviours: "messages, following me, turning up at my work" (HABITUAL);
    - the sentence itself is dated and has no present verb near the words: "my ex following me
      round Asda this morning" (unless it was hours ago: "took the kids an hour ago").
    His having gone, or a dating sentence, wins; otherwise a now-word in the sentence keeps it
    now, and so does a recency word ("just", "a minute ago").
    """
    sentence = without_other_nows(sentences[index])
    if kind in _LEAVING_KINDS and _OVER_A_PERIOD.search(sentence) and not now_marked(sentence, False):
        return HABITUAL  # "in the last six months he's found my address, he's sat in his car at the end ..."
    if kind in ("assault", "suicidal") and _VERY_RECENT.search(sentence):
        return None  # "he strangled me about half an hour ago and left": it has just happened
    if kind in _LEAVING_KINDS and someone_left(sentence[end:], _GONE_LATER):
        return PAST
    following = sentences[index + 1] if index + 1 < len(sentences) else ""
    if kind in _LEAVING_KINDS and _ONLINE_NEXT.search(following) and not now_marked(sentence, False):
        return HABITUAL  # "hes following me again. on insta.", "He's here again. ... he's in the chat"
    if kind in _LEAVING_KINDS and _LEFT_NEXT.search(following):
        return PAST  # "... she was outside my flat, just sat on the wall. She went off when I went inside"
    # "... he's behind me. That was Monday night." / "... with a knife. That was 2018."
    dated_next = STORY_PAST.search(following) or re.search(r"\b(?:19|20)\d\d\b", following)
    if (_RETRO.search(following) and dated_next) or _RETRO_INLINE.search(sentence[end:]):
        return PAST  # storytelling present: "... he's behind me. That was Monday night."
    if _NOT_LITERALLY.search(following) or (
        _CLAIM_DENIED.search(following) and _CLAIMING.search(sentence[:start])
    ):
        return HABITUAL  # "He's watching me. Not literally, I mean online." (even with a now-word)
    if now_marked(sentence, with_again=False):
        return None
    if HABIT_RX.search(following) and len(following.split()) <= 5:
        return HABITUAL  # "A man on my street watches me. Every day."
    if (
        kind in _LEAVING_KINDS
        and _HAS_BEEN.search(following)
        and HABIT_RX.search(following)
        and not now_marked(following, with_again=True)
        and not _FIRST_PERSON.search(sentence[:end])
        and not RECENT.search(sentence)
    ):
        return (
            HABITUAL  # "My friend is being followed by a man. He's been on her bus most nights for a month."
        )
    if _LIST_OF_BEHAVIOURS.fullmatch(sentence) and not _SOMEONE_DOING.search(sentence):
        return HABITUAL
    if RECENT.search(MERE_JUST.sub(" ", sentence)):
        return None
    dated_here = STORY_PAST.search(sentence) and not _RECENT_HOURS_AGO.search(sentence)
    if dated_here and not _PRESENT_AUX.search(sentence[max(0, start - 15) : end]):
        return PAST  # "my ex following me round Asda this morning"
    dated = any(STORY_PAST.search(earlier) for earlier in sentences[: index + 1])
    near = sentence[max(0, start - 40) : end]
    if dated and _SIMPLE_PAST.search(sentence[:end][-80:]) and not _PRESENT_AUX.search(near):
        return PAST
    return None
