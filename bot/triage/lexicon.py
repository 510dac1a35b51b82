"""Word lists the danger detector is built from (normalised English, see `text.py`).

Kept apart from the rules so a reviewer can read "who counts as the suspect" or "what is a
weapon" without reading regular expressions. Every entry is a plain alternation fragment.
"""

from __future__ import annotations


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A non-capturing regex alternation, longest first so "ex partner" beats "ex"."""
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


# People who may be the suspect (relationship nouns, pronouns, "someone").
SUSPECT_NOUNS = (
    "ex",
    "ex husband",
    "ex wife",
    "ex partner",
    "ex boyfriend",
    "ex girlfriend",
    "ex fiance",
    "husband",
    "wife",
    "partner",
    "boyfriend",
    "girlfriend",
    "stalker",
    "dad",
    "father",
    "stepdad",
    "step dad",
    "stepfather",
    "brother",
    "uncle",
    "cousin",
    "neighbour",
    "neighbor",
    "colleague",
    "boss",
    "manager",
    "brother in law",
    "son",
    "fiance",
    "baby dad",
    "babys dad",
    "baby father",
    "kids dad",
)
SUSPECT_VEHICLES = (
    "car",
    "van",
    "truck",
    "motorbike",
    "bike",
    "lorry",
    "taxi",
    "4x4",
    "jeep",
    "motorcycle",
    "land rover",
    "range rover",
    "pickup",
)
SUBJECT = (
    r"(?:he|she|they|someone|somebody|some one|one of them|one of (?:his|her|their) (?:mates|friends|lads|"
    r"brothers|family)|some man|a man|a woman|a guy|some guy|this guy|that guy|"
    r"the guy|the man|the woman|a person|a stranger|the stranger|a stalker|the stalker|people|two men|"
    r"a group of (?:men|lads|people)|(?:my|his|her|the|our|that|this|their) (?:\w+ )?"
    + alternation(SUSPECT_NOUNS)
    + r"|(?:his|her|their|the same|that|this|a strange|an unknown|a strange|my exs?|ex|the|an?) "
    + r"(?:\w+ )?"  # a colour or make: "his black car", "a white van"
    + alternation(SUSPECT_VEHICLES)
    + r"|ex)"
    # "the man from work", "a man who has been ...": a short description after the subject.
    + r"(?: (?:from|at) (?:my |the |his |her )?(?:work|gym|school|uni|college|church|pub|shop|office|"
    + r"next door|down the road|across the road|over the road|upstairs|downstairs|the flats|my building)"
    + r"| (?:who|that)(?= (?:is|are|has|have)\b))?"
)

# A person (not a vehicle) as the subject, for sentences with no verb ("someone outside my window").
PERSON = (
    r"(?:he|she|they|someone|somebody|some man|a man|a woman|a guy|some guy|this guy|that guy|the guy|"
    r"the man|the woman|a stranger|the stranger|the stalker|(?:my|his|her|the|our|that|this|their) "
    + alternation(SUSPECT_NOUNS)
    + r"|ex)"
)

# Adverbs and postures that may sit between the subject and where they are.
FILLER = (
    r"(?:(?:still|now|just|right now|right|again|literally|actually|currently|not|no longer|never|"
    r"already|back|even|also|stood|sat|parked|standing|sitting|waiting|hanging around|hanging about|"
    r"lurking|loitering|pacing|walking|here|there|somewhere|out|over|right there|literally|probably|"
    r"definitely|apparently|been|outside|at this moment|at the moment|as we speak|sort of|kind of|"
    r"up)\s+){0,4}"
)
BE = r"(?:is|are|am|has been|have been|keeps being|was just)"

PLACES = (
    "door",
    "doorstep",
    "gate",
    "window",
    "windows",
    "house",
    "home",
    "flat",
    "place",
    "garden",
    "drive",
    "driveway",
    "street",
    "road",
    "close",
    "building",
    "block",
    "work",
    "workplace",
    "office",
    "shop",
    "school",
    "car",
    "bedroom",
    "bed",
    "kitchen",
    "room",
    "hallway",
    "hall",
    "stairs",
    "landing",
    "porch",
    "letterbox",
    "letter box",
    "bus stop",
    "taxi rank",
    "bus station",
    "station",
    "gym",
    "college",
    "uni",
    "university",
    "nursery",
    "car park",
    "carpark",
    "job",
    "front door",
    "back door",
    "side door",
    "front window",
    "back garden",
    "front garden",
    "doorbell",
    "property",
    "estate",
    "fence",
    "yard",
    "balcony",
    "cul de sac",
    "kids school",
    "childrens school",
    "sons school",
    "daughters school",
    "mums house",
    "mums",
    "parents house",
    "friends house",
    "house door",
    "flat door",
    "bedroom window",
    "kitchen window",
    "front gate",
    "back gate",
    "shed",
    "garage",
    "apartment",
    "lounge",
    "living room",
    "accommodation",
    "halls",
    "dorm",
    "path",
    "front path",
    "steps",
    "front steps",
    "reception",
    "lobby",
    "foyer",
    "desk",
    "classroom",
    "ward",
    "surgery",
    "salon",
)
PLACE = r"(?:my|our|the|his|her|their|your) (?:(?!same\b)[a-z]+ )?" + alternation(PLACES)
NEAR = (
    r"(?:outside of|outside|out the front of|in front of|at|by|near|next to|on|across the road from|"
    r"across from|over the road from|opposite|round|around|in|inside|at the end of|up and down|"
    r"on the corner of|near to|close to|down|up|behind|under|through)"
)
# Where someone is when the sentence names no building ("he is outside", "he is downstairs").
BARE_WHERE = (
    # ("he's outside my life now" is gone from it)
    r"(?:outside(?! (?:of )?(?:my|our|his|her|their) (?:life|lives|world|circle|league|head)\b)|here|inside|"
    r"downstairs|upstairs|in the next room|in the other room|in the room|"
    r"next door|nearby|near by|close by|round the corner|around the corner|down the road|down the street|"
    r"across the road|across the street|over the road|out the front|out front|out the back|"
    r"in the garden|in the back garden|in the front garden|in the hall|in the hallway|in the kitchen|"
    r"in the living room|in the lounge|at the door|at the window|at the front door|at the back door|"
    r"in the house|in the flat|in the building|on the stairs|on the landing|in the car park|"
    r"in the street|on the street|at the gate|in the stairwell|in the corridor|in reception|at reception|"
    r"in the lobby|in the foyer|at the front desk|in the waiting room|in the office|in the shop|in the pub|"
    r"at the back|at the front|round the back|round the front|at the side|out back|"
    r"in the same (?:pub|bar|shop|cafe|restaurant|carriage|train|bus|room)|on (?:the|my) "
    r"(?:bus|train|tram|platform)|in (?:the|my) (?:car park|carpark|stairwell)|in there|in here|still inside)"
)

WEAPONS = (
    "knife",
    "knives",
    "gun",
    "guns",
    "blade",
    "machete",
    "bat",
    "baseball bat",
    "hammer",
    "axe",
    "crowbar",
    "weapon",
    "firearm",
    "shotgun",
    "rifle",
    "pistol",
    "acid",
    "screwdriver",
    "sword",
    "metal bar",
    "iron bar",
    "pole",
    "kitchen knife",
    "taser",
    "crossbow",
    "shank",
    "shanks",
    "zombie knife",
    "petrol",
    "lighter and petrol",
)
WEAPON = alternation(WEAPONS)

CHILDREN = (
    "son",
    "daughter",
    "kids",
    "kid",
    "children",
    "child",
    "baby",
    "boy",
    "girl",
    "little one",
    "toddler",
    "twins",
    "little boy",
    "little girl",
    "babies",
    "grandson",
    "granddaughter",
    "stepson",
    "stepdaughter",
)
CHILD = r"(?:my|our|the|her|his|their|your) " + alternation(CHILDREN)

THREAT_OBJECTS = (
    r"(?:me|you|us|her|them|everyone|the (?:kids|children|baby|family|lot of us)|my (?:\w+ )?"
    + alternation(
        (
            *CHILDREN,
            "family",
            "mum",
            "mother",
            "boyfriend",
            "girlfriend",
            "partner",
            "husband",
            "wife",
            "friend",
            "friends",
            "new partner",
            "new boyfriend",
            "new girlfriend",
            "dad",
            "sister",
            "brother",
        )
    )
    + r"|your (?:\w+ )?(?:kids|children|family|boyfriend|girlfriend|partner|mum))"
)
# Words that say "this is happening now" and outweigh habitual or past cues in the same clause.
NOW_WORDS = (
    r"\b(?:now|right now|at the moment|currently|as we speak|as i type|as i write|this minute|"
    r"this second|still|just now|at this moment|this very moment|any (?:min|minute|second|moment)(?: now)?|"
    # "he's 2 min away": where he is this minute
    r"(?:\d+|a|one|two|three|four|five|ten|few|couple of) (?:mins?|minutes?) away)\b"
)
# Words that make an otherwise present sentence a routine pattern rather than this minute.
HABITUAL_WORDS = (
    r"\b(?:always|often|usually|sometimes|constantly|regularly|every (?:single )?(?:day|night|week|"
    r"morning|evening|afternoon|weekend|time|month|year|hour|few(?! (?:mins|minutes|seconds))|other|couple|"
    r"\d+(?! (?:mins?|minutes|seconds|secs)\b)|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|so often)|all the time|most (?:days|nights|"
    r"weekends|mornings|evenings)|loads|lots|a lot|several times|many times|a couple of times|a few times|"
    r"(?:once|twice|\w+ times) a (?:day|week|fortnight|month)|"
    r"daily|weekly|nightly|"
    r"for (?:weeks|months|years|ages|a long time|the past (?:few )?(?:weeks|months|years))|"
    r"for (?:about |over |nearly |almost |more than )?(?:a|one|two|three|six|\d+) (?:years?|months?|weeks?)|"
    r"some (?:days|nights|mornings|evenings|weekends)|at lunch|at lunchtime|at break|"
    r"on (?:two|three|four|five|several|a few|\d+) (?:evenings|nights|days|mornings|afternoons|occasions)|"
    r"(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:one|time|text|message|note|call)"
    r"(?! (?:tonight|today|this evening|this morning|in (?:an|the last)))|"
    r"every (?:car|noise|knock|sound|van|shadow|footstep)|over the (?:last|past) (?:few |couple of )?"
    r"(?:days|weeks|months|years)|"
    r"whenever|each time|every time|on weekends|at weekends|times a|most of the time|everywhere|"
    r"at night|late at night|in the evenings|in the mornings|at weekends|on and off|twice|three times|"
    # "we fell out last year ... and ever since he's been following me home" (but "ever since I left the
    # station" is a spell going on now)
    r"ever since(?! i (?:left|got|came|walked|went|set off|got off|came out|stepped))|"
    r"(?:times|days|nights|evenings|mornings|afternoons) a (?:week|month)|after (?:my|her|his|their) shifts|"
    r"(?:two|three|four|five|six|several|\d+) (?:nights|evenings|days|mornings|times) "
    r"(?:this|last) (?:week|month)|"
    r"four times|\d+ times|a few times|on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|"
    r"weekdays))\b"
)
PAST_WORDS = (
    # ("the same one as last week" describes him; it does not date what he is doing)
    r"\b(?:ago|yesterday|(?<!\bas )(?<!\bone from )last (?:night|week|month|year|time|summer|winter|spring|"
    r"autumn|christmas|weekend|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|few|couple|term|january|february|march|april|may|"
    r"june|july|august|september|october|november|december)|used to|use to|"
    r"in (?:19|20)\d\d|(?:of|since|from|until) (?:19|20)\d\d|back then|when we were|previously|"
    r"(?:and |but )once (?:walked|followed|came|went|turned|got|stood|sat|waited|drove|tried|grabbed)|"
    r"in (?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|"
    r"on the \d+(?:st|nd|rd|th)? of (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)|"
    r"the other (?:day|night|week)|a while back|"
    r"that (?:day|night|evening|morning|afternoon|time|weekend)|on that occasion|at some point|"
    r"then (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"back in (?:(?:19|20)\d\d|the day|the days|those days|school|uni|college|the summer|the spring|the "
    r"autumn|the winter|the summer|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)|years back|months back|at the time|earlier this (?:year|month|week)|in the past|"
    r"before christmas|"
    r"when i was|once before|before we split|when we split|when we broke up|after we split|"
    r"after we broke up|over the summer|in the (?:summer|winter|spring|autumn|holidays)|at (?:christmas|"
    r"easter)|in (?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)|this time last|years ago|months ago|weeks ago|more than once|a few times|(?:he|she|"
    # (not "he's done this before": a history, not a date)
    r"they) once)\b|(?<!this )(?<!that )(?<!it )\bbefore$"
)
# "since" that starts a spell going on now ("since I left the station"), not a life event or a
# date that starts a history ("since I moved out", "since we split up", "since March").
SINCE_NOW = (
    r"(?:(?<!ever )since(?! (?:i|we|she|he|they) (?:moved|split|broke up|separated|divorced|ended it|"
    r"finished with|left (?:him|her|them|the relationship))"
    r"| (?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"christmas|easter|the summer|the spring|the autumn|the winter|last|(?:19|20)\d\d|then|school|uni|"
    r"college|we were|the break ?up|the divorce|the court)\b)"
    # "ever since I left the station" is a spell going on now; "and ever since he's been ..." a history
    r"|ever since(?= i (?:left|got|came|walked|went|set off|got off|came out|stepped)\b))"
)
# Words that come right before a verb and make it past or habitual ("he was banging").
PAST_AUX = r"\b(?:was|were|had|had been|used to|did|would|kept|wasnt)\s+(?:\w+\s+){0,2}$"
HYPOTHETICAL = (
    r"(?:\b(?<!know )(?<!sure )(?<!see )(?<!check )(?<!wonder )(?<!tell )(?<!ask )(?<!unsure )(?<!sorry )"
    r"(?<!idk )(?:if|in case|incase|suppose|supposing|unless|imagine|hypothetically|what if)\b|"
    r"^(?:when|whenever|every time|each time|once)\b|\b(?:what|how) (?:happens|would|should|do|can|will|does)"
    r"(?: \w+){0,4} (?:if|when|once)\b|\bin the event\b|\bcounts? as\b|"
    r"\bis it (?:stalking|harassment|normal|illegal|a crime)\b|"
    r"\b(?:imagin|pictur|dream|visualis|fantasis)(?:e|es|ed|ing)\b|\bnightmares?\b|\bdreamt\b|"
    r"\b(?:one day|some day|someday)\b|\b(?:when|whenever|while)\s*$|"
    # "a want it logged afore he's back": not yet (but "my husband before he is outside" is an ex)
    r"(?<!husband )(?<!wife )(?<!boyfriend )(?<!girlfriend )(?<!partner )(?<!man )"
    r"\b(?:before|afore|till|until|by the time)\s*$|"
    # "it's like he's standing in my kitchen": a likeness; "clients have mentioned being followed": a topic
    r"\b(?:it is|it s|its|it feels|feels) like\s*$|\bas if\s*$|\bas though\s*$|"
    r"\b(?:mentioned|mentioning|described|describing|experienced|reported|talked about|spoke about) $|"
    # "I'm worried I'm being followed home": a fear, not a sighting.
    r"\b(?:worried|scared|afraid|paranoid|convinced) (?:that )?$|"
    # "I keep thinking she's outside": a fear, not a sighting.
    r"\b(?:keep|kept|keeps) thinking (?:that )?$|"
    # "too scared to call the police herself": what someone will not do.
    r"\btoo (?:scared|frightened|afraid|embarrassed|worried|ashamed) to\s*$|"
    # "what's the 55 thing when you ring 999", "someone to talk to about being followed": a topic.
    r"\b(?:when|if|once|whenever) you (?:(?:ring|call|dial|phone|text)\b|\s*$)|"
    r"\b(?:about|regarding) (?:um |erm |uh )?$|"
    r"\b(?:worried|scared|afraid|terrified|frightened|worry|fear) (?:that )?(?:he|she|they) "
    r"(?:will|might|could|would)\b)"
)
# "he could kill me" is fear, not a threat he made; "i could kill him" is annoyance.
DOUBT = r"\b(?:could|might|may|maybe|perhaps)\s+(?:\w+\s+){0,2}$"
NEGATION = (
    r"\b(?:not|never|no longer|nobody|no one|none|nothing|neither|nor|hardly)\b"
    r"(?! (?:stop|stopping|leave|leaving|go away|let me|let us|give up|back off|take no|shut up|answer|"
    r"allowed|supposed|meant))"
)
NEGATION_AFTER = (
    r"^\s*(?:anymore|any more|no more|at all|any longer)\b"
    # "she's outside, she's not, but she was every day last month": taken back at once
    r"|^\W*(?:he|she|they) (?:is|are) not(?:\s*[,.)]|\s*$| really\b| actually\b| there\b| here\b)"
)
MINIMISING = (
    r"\b(?:not an emergency|not a emergency|not urgent|no emergency|probably nothing|nothing serious|"
    r"not in danger|not that serious|not serious|nothing major|no rush|not a big deal|overreacting)\b"
)


# ---- the compositional "situation" layer (see `danger_situations.py`) ------------------------------

# Head nouns of a noun phrase that can be the person of concern ("a tall man", "the customer",
# "this bloke from flat 4", "one of the parents"). Added to the relationship nouns above.
PERSON_HEADS = (
    *SUSPECT_NOUNS,
    "man",
    "men",
    "guy",
    "guys",
    "bloke",
    "blokes",
    "lad",
    "lads",
    "woman",
    "women",
    "person",
    "people",
    "stranger",
    "strangers",
    "customer",
    "client",
    "patient",
    "parent",
    "visitor",
    "figure",
    "shadow",
    "silhouette",
    "fella",
    "fellow",
    "carer",
    "grandson",
    "granddaughter",
    "nephew",
    "stepdad",
    "stepfather",
    "lodger",
    "gentleman",
    "chap",
    "geezer",
    "youth",
    "youths",
    "group",
    "gang",
    "stalker",
    "someone",
    "somebody",
    "driver",
    "perpetrator",
    "suspect",
    "abuser",
    "attacker",
    "dad",
    "father",
)
VEHICLE_HEADS = (
    "land rover",
    "range rover",
    "pickup",
    "car",
    "cars",
    "van",
    "truck",
    "motorbike",
    "lorry",
    "4x4",
    "jeep",
    "motorcycle",
    "vehicle",
    "transit",
    "scooter",
    "moped",
)
DETERMINERS = (
    r"(?:a|an|the|this|that|these|those|some|same|the same|one|one of the|my|our|his|her|their|your|two|"
    r"three|a couple of)"
)
# Who is there: a pronoun, or a determiner, up to two describing words and a person or vehicle.
WHO = (
    r"(?:he|she|they|someone|somebody|some one|ex|one of them|one of (?:his|her|their) mates|"
    # "my car is at my mum's" is the writer's own car; "my ex's car" is not
    + r"(?!(?:my|our) (?:\w+ )?(?:"
    + "|".join(VEHICLE_HEADS)
    + r")\b)"
    + DETERMINERS
    + r" (?:\w+ ){0,2}?"
    + alternation((*PERSON_HEADS, *VEHICLE_HEADS))
    + r")"
)
# What may sit between the person and the verb: "who attacked me last year", "from flat 4",
# "i met online". Judged apart: a past relative clause does not make the presence past.
# A description of the person ends where a new clause starts ("... photos of her when she is in").
_NEW_CLAUSE = r"(?:when|whenever|while|if|because|but|so|until|after|before|and)\b"
WHO_TAIL = (
    r"(?: (?:who|that|whom|i|we|from|at|with|in|off|next|called|named|the one)(?: (?!"
    + _NEW_CLAUSE
    + r")\w+){0,12}?"
    r"| , (?:who|that|whom|the one)(?: (?!"
    + _NEW_CLAUSE
    + r")\w+){0,18}? ,)?"  # "her ex, who is on bail not to, is in"
)
# People whose presence is not danger (checked inside the matched subject only).
SAFE_PEOPLE = (
    r"\b(?:police|polices|officer|officers|cops|copper|postman|postie|courier|delivery|friend|friends|"
    r"support worker|worker|taxi|uber|ambulance|paramedics?|nurse|doctor|security|neighbours dog|dog|cat|"
    r"fox|kids|children|mum|mother|sister|landlord|plumber|engineer|locksmith|ex partners? mum)\b"
)
# Prepositions of place, longest first, including "at the bottom of" and "across the road from".
PREPS = (
    "outside of",
    "front of",
    "outside",
    "in front of",
    "at the front of",
    "at the back of",
    "in the back of",
    "at the bottom of",
    "at the top of",
    "at the end of",
    "at the side of",
    "round the back of",
    "on the corner of",
    "at",
    "by",
    "near",
    "next to",
    "on",
    "in",
    "inside",
    "opposite",
    "across from",
    "across the road from",
    "over the road from",
    "across the street from",
    "behind",
    "under",
    "round",
    "around",
    "beside",
    "up",
    "down",
    "near to",
    "close to",
    "just outside",
    "right outside",
    "outside the front of",
)
# Where the person of concern is: the home, the street, work, school, transport.
PLACE_NOUNS = (
    *PLACES,
    "bus",
    "train",
    "tram",
    "tube",
    "bins",
    "bin store",
    "stairwell",
    "corridor",
    "streetlight",
    "lamp post",
    "lamppost",
    "playground",
    "waiting room",
    "waiting area",
    "fuse box",
    "meter",
    "bus",
    "train",
    "tram",
    "tube",
    "platform",
    "cul de sac",
    "lane",
    "avenue",
    "crescent",
    "estate",
    "carriage",
    "lift",
    "ward",
    "floor",
    "school gate",
    "school gates",
    "gates",
    "entrance",
    "pub",
    "bar",
    "cafe",
    "restaurant",
    "supermarket",
    "asda",
    "tesco",
    "sainsburys",
    "aldi",
    "lidl",
    "morrisons",
    "yard",
    "platform",
    "bus",
    "train",
    "tram",
    "wall",
    "hedge",
    "bushes",
    "tree",
    "corner",
    "lift",
    "staff room",
    "premises",
    "site",
    "counter",
    "till",
    "queue",
    "loft",
    "attic",
    "pavement",
    "alley",
    "alleyway",
    "lane",
    "avenue",
    "park",
    "field",
    "bridge",
    "underpass",
    "garages",
    "communal door",
    "entry phone",
    "stairs",
    "bottom of the stairs",
    "high street",
    "surgery",
    "clinic",
    "library",
    "church",
    "mosque",
    "temple",
    "club",
    "changing rooms",
    "toilets",
    "ward",
    "canteen",
    "cab",  # "he's in the back of my cab now, won't get out"
    "taxi",
)
PLACE_NOUN = alternation(PLACE_NOUNS)
# Where the person of concern is, as one phrase ("at my door", "by the bins", "outside").
# Places that are not near the person: "back in the area", "the car's at the garage".
# "he's outside my life now" is gone from it.
NOT_NEAR = (
    r"(?:in the (?:area|country|uk|town|city)|at the (?:garage|mechanics?|dealers?|body shop|depot)|"
    # "he's in a care home in another county"
    r"in (?:a|the) (?:care home|nursing home|hospital|hospice)|in another (?:county|city|town|country)|"
    r"outside (?:of )?(?:my|our|his|her|their) (?:life|lives|world|circle|league|head))\b"
)
LOCATION = (
    # "he's inside his house" is at home; "he's outside her house" is not
    r"(?!(?:in|inside|at) (?:his|their) (?:own )?(?:house|flat|home|place|room|bedroom|job|work|office|"
    r"workplace)\b)"
    # "She's in her room" (a resident in a care home): her own room
    r"(?!(?<=\bshe is )(?:in|inside|at) her (?:own )?(?:house|flat|home|place|room|bedroom)\b)"
    # "he's in a taxi on his way to court", "in his cab all day": a cab is near only when it is mine
    r"(?!(?:in|inside|in the back of) (?:a|an|his|her|their|the) (?:\w+ )?(?:taxi|cab)\b)"
    r"(?!" + NOT_NEAR + r")"
    r"(?:" + alternation(PREPS) + r" " + DETERMINERS + r" (?:\w+ ){0,2}?" + PLACE_NOUN + r"\b"
    r"(?! (?:as me|as us|as i|as my))"  # "at the same gym as me" is membership, not presence
    r"|" + BARE_WHERE + r"\b)"
)
# Things at the door that a person trying to get in works at.
DOOR_THINGS = (
    "door",
    "doors",
    "front door",
    "back door",
    "side door",
    "window",
    "windows",
    "handle",
    "handles",
    "door handle",
    "lock",
    "locks",
    "gate",
    "letterbox",
    "letter box",
    "glass",
    "patio door",
    "doorbell",
    "bell",
    "buzzer",
    "intercom",
    "car door",
    "back gate",
    "front gate",
    "latch",
    "chain",
)
DOOR_THING = alternation(DOOR_THINGS)
# Words that leave no doubt a moment is now, beyond NOW_WORDS ("again", "tonight").
NOW_OR_AGAIN = NOW_WORDS[:-3] + r"|again|tonight|as we speak)\b"
