"""Answer the assistant's questions the way a person would, whatever order it asks them in."""

from __future__ import annotations

from tests.integration.stack_fixture import Conversation

# A phrase of each question (domain/report.yml) → the key of the answer to give.
QUESTIONS = (
    ("safe for you to talk", "safe"),
    ("in your own words", "narrative"),
    ("contact you, or keep track", "behaviours"),
    ("contact them, or keep track", "behaviours"),
    ("know who this person is", "relationship"),
    ("last happen", "latest"),
    ("where did that happen", "location"),
    ("when did this start", "pattern"),
    ("know their name", "details"),
    ("have you kept anything", "evidence"),
    ("have they kept anything", "evidence"),
    ("anyone else seen", "witnesses"),
    ("day-to-day life", "impact"),
    ("how frightened", "fear"),
    ("threatened to hurt or kill", "threats"),
    ("been violent", "violence"),
    ("getting worse", "escalation"),
    ("reported to the police before", "history"),
    ("safe way and time to contact", "contact"),
    ("shared with the police", "share"),
    ("shall i save this report", "consent"),
)

DEFAULT_ANSWERS = {
    "safe": "yes",
    "narrative": "my ex boyfriend keeps following me home from work and messaging me every night",
    "behaviours": "he messages me and follows me",
    "relationship": "he's my ex",
    "latest": "last tuesday evening",
    "location": "outside my flat",
    "pattern": "since june, most days",
    "details": "skip",
    "evidence": "screenshots of his messages",
    "witnesses": "my flatmate saw him",
    "impact": "I changed my route to work and I can't sleep",
    "fear": "very frightened",
    "threats": "no",
    "violence": "no",
    "escalation": "yes it's getting worse",
    "history": "no",
    "contact": "text me after 6pm",
    "share": "yes",
    "consent": "yes save it",
}


def question_in(reply: str) -> str | None:
    lowered = reply.lower()
    hits = [(lowered.rfind(phrase), key) for phrase, key in QUESTIONS if phrase in lowered]
    return max(hits)[1] if hits else None


def complete_report(
    conversation: Conversation,
    opening: str = "hi",
    answers: dict[str, str] | None = None,
    max_turns: int = 30,
) -> list[tuple[str, str]]:
    """Talk until the assistant stops asking questions; returns (said, replied) pairs."""
    script = {**DEFAULT_ANSWERS, **(answers or {})}
    said, transcript = opening, []
    for _ in range(max_turns):
        reply = conversation.say(said)
        transcript.append((said, reply))
        key = question_in(reply)
        if key is None:
            return transcript
        said = script[key]
    raise AssertionError(f"the report never ended: {transcript[-3:]}")


def talk_until(conversation: Conversation, wanted: str, opening: str = "hi", max_turns: int = 30) -> str:
    """Answer with the default answers until the assistant asks the `wanted` question; its reply."""
    said = opening
    for _ in range(max_turns):
        reply = conversation.say(said)
        key = question_in(reply)
        if key == wanted:
            return reply
        if key is None:
            raise AssertionError(f"the report ended before asking {wanted!r}: {reply[-300:]}")
        said = DEFAULT_ANSWERS[key]
    raise AssertionError(f"{wanted!r} was never asked")
