"""Facts from a person's own words: only what the text says, on clear cues."""

import pytest

from bot.triage.facts import extract_facts, find_frequency, find_when, find_where, times_per_week

RELATIONSHIPS = [
    ("my ex", "ex-partner"),
    ("my ex boyfriend keeps texting", "ex-partner"),
    ("it's my ex-husband", "ex-partner"),
    ("my former partner", "ex-partner"),
    ("my kids' dad won't leave me alone", "ex-partner"),
    ("we broke up in May and since then he's been following me", "ex-partner"),
    ("my husband", "partner"),
    ("my boyfriend keeps checking my phone", "partner"),
    ("my brother keeps turning up", "family"),
    ("my dad", "family"),
    ("a family member", "family"),
    ("a guy from work", "colleague"),
    ("my colleague", "colleague"),
    ("my boss keeps messaging me", "colleague"),
    ("someone I work with", "colleague"),
    ("my neighbour", "neighbour"),
    ("the man next door", "neighbour"),
    ("he lives downstairs", "neighbour"),
    ("someone on instagram", "online-only"),
    ("I've never met him, only online", "online-only"),
    ("someone I matched with on Grindr but never met has found my real name", "online-only"),
    ("He's not my neighbour, he's my landlord's son. I only know him to say hello to", "acquaintance"),
    ("I only know him to say hello to", "acquaintance"),
    ("fake accounts keep messaging me", "online-only"),
    ("a guy I met on tinder", "acquaintance"),
    ("a friend of a friend", "acquaintance"),
    ("we went on two dates", "acquaintance"),
    ("a man from the gym", "acquaintance"),
    ("a stranger", "stranger"),
    ("a man I don't know", "stranger"),
    ("I've never seen him before", "stranger"),
    ("I don't know who it is", "unknown"),
    ("no idea", "unknown"),
    ("unknown", "unknown"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIONSHIPS)
def test_suspect_relationship_is_read_from_clear_cues(text: str, expected: str) -> None:
    assert extract_facts(text).suspect_relationship == expected


@pytest.mark.parametrize("text", ["hello", "he keeps messaging me", "yesterday", "I'm scared"])
def test_no_relationship_when_none_is_said(text: str) -> None:
    assert extract_facts(text).suspect_relationship is None


def test_the_person_reported_for_is_not_taken_as_the_suspect() -> None:
    facts = extract_facts("my daughter is being followed by someone")
    assert facts.reporter == "someone-else"
    assert facts.reporter_who == "daughter"
    assert facts.suspect_relationship != "family"


REPORTERS = [
    ("I'm reporting for my friend", "someone-else", "friend"),
    ("it's not me, it's happening to my sister", "someone-else", None),
    ("my mum is being harassed by her neighbour", "someone-else", "mum"),
    ("I'm a support worker reporting on behalf of a client", "someone-else", None),
    ("my ex keeps following me", "self", None),
    ("I am being stalked", "self", None),
    # conversations_heldout12: a teacher and a manager, for one of theirs
    ("I'm a Head of Year and I'm writing about one of our Year 10 students", "someone-else", "student"),
    ("I'm the assistant manager and I'm reporting on behalf of one of my staff, Priya", "someone-else", "staff"),
    ("the staff at my work are lovely but a customer keeps following me", "self", None),
]


@pytest.mark.parametrize(("text", "reporter", "who"), REPORTERS)
def test_reporter_is_self_or_someone_else(text: str, reporter: str, who: str | None) -> None:
    facts = extract_facts(text)
    assert facts.reporter == reporter
    if who:
        assert facts.reporter_who == who


BEHAVIOURS = [
    ("he follows me home", "following"),
    ("he keeps texting me", "contacting"),
    ("50 missed calls a day from withheld numbers", "contacting"),
    ("he posted my address on facebook", "publishing"),
    ("he made a fake profile pretending to be me", "publishing"),
    ("he reads my messages", "monitoring"),
    ("I think there's spyware on my phone", "monitoring"),
    ("he hangs around outside my flat", "loitering"),
    ("he waits outside my work", "loitering"),
    ("he slashed my tyres", "property_interference"),
    ("he went through my bins", "property_interference"),
    ("he watches me from his window", "watching"),
    ("he takes photos of me", "watching"),
    ("he sends me flowers", "gifts"),
    ("he gets his mates to follow me", "third_parties"),
    ("he messaged my boss", "third_parties"),
    ("I found an airtag in my bag", "tracking"),
    ("he always knows where I am", "tracking"),
    ("he hacked my email", "hacking"),
    ("he changed my passwords", "hacking"),
    ("he turns up at my work", "turning_up"),
    ("he keeps showing up at my house", "turning_up"),
]


@pytest.mark.parametrize(("text", "behaviour"), BEHAVIOURS)
def test_behaviour_is_recognised(text: str, behaviour: str) -> None:
    assert behaviour in extract_facts(text).behaviours


def test_following_online_is_not_following() -> None:
    assert "following" not in extract_facts("he keeps following me on instagram").behaviours


EVIDENCE = [
    ("screenshots of his texts", {"screenshots", "messages"}),
    ("I've kept all the voicemails", {"voicemails"}),
    ("I have the call log", {"call_logs"}),
    ("doorbell footage", {"cctv"}),
    ("I kept the letters and the presents", {"letters", "gifts"}),
    ("I took photos of him outside", {"photos"}),
    ("I keep a diary of everything", {"diary"}),
    ("I saved his posts", {"social_media"}),
]


@pytest.mark.parametrize(("text", "expected"), EVIDENCE)
def test_evidence_kept_is_recognised(text: str, expected: set[str]) -> None:
    assert expected <= extract_facts(text).evidence


def test_messages_he_sends_are_behaviour_not_evidence() -> None:
    facts = extract_facts("he sends me messages at night and leaves notes on my car every week")
    assert "messages" not in facts.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no one saw", True),
        ("nobody was there", True),
        ("no", True),
        ("I was on my own", True),
        ("my neighbour saw him", False),
    ],
)
def test_no_witnesses_is_recorded(text: str, expected: bool) -> None:
    assert extract_facts(text).no_witnesses is expected


def test_witness_span_is_quoted() -> None:
    assert extract_facts("my neighbour saw him at the door").witnesses == "my neighbour saw"


WHEN = [
    ("last tuesday", "last tuesday"),
    ("yesterday evening", "yesterday evening"),
    ("about 3 months ago", "about 3 months ago"),
    ("on the 3rd of March", "on the 3rd of March"),
    ("it happened at the weekend", "at the weekend"),
]


@pytest.mark.parametrize(("text", "expected"), WHEN)
def test_when_is_quoted_from_the_text(text: str, expected: str) -> None:
    assert find_when(text) == expected


def test_started_when_uses_start_cues() -> None:
    facts = extract_facts("it started about 6 months ago and the last time was yesterday")
    assert facts.started_when == "about 6 months ago"
    assert facts.latest_when == "yesterday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("outside work", "outside work"),
        ("at my house", "at my house"),
        ("he was at the station", "at the station"),
        ("on instagram", "on instagram"),
        ("I'm in Brighton", "Brighton"),
        ("Ashford in Kent", "Ashford in Kent"),
        ("we live in Milton Keynes", "Milton Keynes"),
        ("It started in May", None),
        ("I'm in a mess", None),
    ],
)
def test_where_is_quoted_from_the_text(text: str, expected: str) -> None:
    assert find_where(text) == expected


FREQUENCY = [
    ("every day", 7.0),
    ("3 times a week", 3.0),
    ("twice a day", 14.0),
    ("once a month", 0.23),
    ("all the time", 50.0),
    ("most nights", 7.0),
    ("every other day", 3.0),
    ("weekly", 1.0),
]


@pytest.mark.parametrize(("text", "per_week"), FREQUENCY)
def test_frequency_is_converted_to_times_per_week(text: str, per_week: float) -> None:
    assert times_per_week(find_frequency(text)) == pytest.approx(per_week, abs=0.01)


def test_unclear_frequency_gives_no_count() -> None:
    assert times_per_week("now and then") is None
    assert times_per_week(None) is None


MARKERS = [
    ("he threatened to kill me", "threats_made"),
    ("two weeks ago he said he'd kill me", "threats_made"),
    ("he hit me", "violence"),
    ("he put his hands round my neck", "strangulation"),
    ("he choked me once", "strangulation"),
    ("he smashed my car window", "property_damage"),
    ("it's getting worse", "escalation"),
    ("he's texting more and more", "escalation"),
    ("he messaged my mum", "others_targeted"),
    ("we split up two months ago", "recent_separation"),
    ("he's always drunk", "substance_misuse"),
    ("I'm terrified", "very_frightened"),
    ("I can't sleep", "very_frightened"),
    ("the kids are scared", "children_affected"),
    ("I have a non-molestation order", "order_in_place"),
    ("he breached his bail", "order_breached"),
    ("he has a shotgun", "weapons_access"),
    ("I feel suicidal", "suicidal_thoughts"),
]


@pytest.mark.parametrize(("text", "marker"), MARKERS)
def test_risk_marker_is_recognised(text: str, marker: str) -> None:
    assert marker in extract_facts(text).markers.names()


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("he has never hit me", "violence"),
        ("no threats so far", "threats_made"),
        ("I'm not scared", "very_frightened"),
    ],
)
def test_negated_marker_is_not_set(text: str, marker: str) -> None:
    assert marker not in extract_facts(text).markers.names()


NATIONS = [
    ("I live in Cardiff", "wales"),
    ("near Swansea", "wales"),
    ("in Glasgow", "scotland"),
    ("Edinburgh", "scotland"),
    ("Belfast", "northern-ireland"),
    ("I'm in Derry", "northern-ireland"),
    ("in Manchester", "england"),
    ("London", "england"),
    ("somewhere quiet", None),
]


@pytest.mark.parametrize(("text", "nation"), NATIONS)
def test_nation_comes_from_place_names(text: str, nation: str | None) -> None:
    assert extract_facts(text).nation == nation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm on holiday in Spain", True),
        ("I live abroad now", True),
        ("I'm currently in France", True),
        ("I'm in Northern Ireland", False),
        ("I went to Spain last year", False),
    ],
)
def test_abroad_is_recognised(text: str, expected: bool) -> None:
    assert extract_facts(text).abroad is expected


@pytest.mark.parametrize(
    ("text", "male", "lgbt"),
    [
        ("I'm a man and my ex-wife won't leave me alone", True, False),
        ("as a bloke I feel stupid reporting this", True, False),
        ("my ex girlfriend threatened to out me", False, True),
        ("I'm a gay man", True, True),
        ("my ex keeps calling", False, False),
    ],
)
def test_male_victim_and_lgbt_hints(text: str, male: bool, lgbt: bool) -> None:
    facts = extract_facts(text)
    assert (facts.male_victim, facts.lgbt) == (male, lgbt)


def test_narrative_gathers_many_facts_at_once() -> None:
    facts = extract_facts(
        "My ex boyfriend has been following me since we split up in March. He turns up at my work in "
        "Leeds every day and sends me flowers. He threatened to kill me two weeks ago and I'm terrified. "
        "I've kept all his messages and screenshots. My colleague saw him outside."
    )
    assert facts.suspect_relationship == "ex-partner"
    assert {"following", "turning_up", "gifts"} <= facts.behaviours
    assert facts.frequency_per_week == 7.0
    assert {"messages", "screenshots"} <= facts.evidence
    assert {"threats_made", "very_frightened"} <= set(facts.markers.names())
    assert facts.nation == "england"
    assert facts.witnesses == "My colleague saw"
    assert facts.started_when is not None and "since we split up" in facts.started_when


@pytest.mark.parametrize(
    "text",
    [
        "my partner meets me at the station now",
        "My husband was home and heard it all",
        "My colleague Sam saw him in the car park",
        "I'm a witness, so is her sister",
    ],
)
def test_people_named_as_support_or_witnesses_are_not_the_suspect(text: str) -> None:
    assert extract_facts(text).suspect_relationship is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my boyfriend keeps reading my messages", "partner"),
        ("we've only ever known him online", "online-only"),
        ("someone she met on a gaming app", "online-only"),
    ],
)
def test_relationship_from_what_they_do_or_how_they_met(text: str, expected: str) -> None:
    assert extract_facts(text).suspect_relationship == expected
