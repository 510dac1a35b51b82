"""Calm reports, questions and idioms must not be emergencies (false alarms cost trust)."""

import pytest

from bot.triage.danger import detect

PAST = [
    "two weeks ago he said he'd kill me",
    "he used to wait outside my work last year",
    "yesterday he was outside",
    "he was outside my house last night",
    "last week he followed me home from the station",
    "he followed me home last week",
    "a few months ago he broke into my car",
    "he hit me when we were together",
    "he strangled me once years ago",
    "he was banging on my door last night",
    "in 2022 he threatened me with a knife",
    "when we split up he said he would kill me",
    "he turned up at my work on monday",
    "he put his hands round my neck last year",
    "he used to sit outside in his car",
    "back then he was always outside my flat",
    "he threatened to kill me last summer",
    "he punched me two years ago",
]
NEGATED = [
    "he's not outside",
    "he isn't following me anymore",
    "he is not here",
    "no one is following me",
    "nobody is outside",
    "he has never hit me",
    "he's not at my door, he's just messaging",
    "he never threatened me",
    "i'm not suicidal, just fed up",
    "he's outside my house most nights, but not tonight",
]
HABITUAL = [
    "he waits outside my house every day",
    "he's outside my work every day at 5",
    "he keeps turning up at my work",
    "he's always outside my house",
    "he drives past my house several times a day",
    "he has been following me for months",
    "he keeps following me home from work",
    "he sits outside in his car most nights",
    "he stands across the road from my flat at weekends",
    "whenever i go out he is there",
    "he follows me everywhere",
]
IDIOMS = [
    "this is killing me",
    "I could kill him for this",
    "I could honestly kill him",
    "dying to know what happens next",
    "my phone is dead",
    "my battery is dead",
    "I'm dead tired",
    "I'm dying for a cup of tea",
    "the stress is killing me",
    "my back is killing me",
    "it would kill me to move house again",
    "he's following me on instagram",
    "he keeps watching my stories",
    "he is trying to get in touch with me through my sister",
    "i need help with my neighbour",
    "i need help",
    "can you help me?",
    "help me report my ex",
    "i can't talk to the police about this",
    "i don't want to talk about it",
    "he threatened to kill himself if i left",
]
QUESTIONS = [
    "what should I do if he turns up?",
    "what counts as stalking?",
    "what does pressing 55 do?",
    "does the silent solution tell the police where I am?",
    "can I call 999 from abroad?",
    "should I call 999 if he comes to the house?",
    "what happens if he is outside when I get home?",
    "is it stalking if he waits outside my work?",
    "when is the stalking helpline open?",
    "how do I get a stalking protection order?",
    "if he follows me again what should i do",
    "can the police do anything if he breaks the restraining order?",
    "what's a non-molestation order?",
    "how long do you keep my data?",
    "can i report anonymously",
    "what's the 55 thing when you ring 999",
    "is there someone I can talk to about being followed",
    "um is there someone I can talk to about um being followed like a helpline",
]
CALM_REPORTS = [
    "Un compañero de trabajo me sigue escribiendo por Instagram aunque le pedí que parara",
    "my ex's family have been following me around town and taking photos of me. Happened Saturday and yesterday.",
    "My friend's ex followed her home last Tuesday. She's too scared to call the police herself.",
    "her former partner has been sitting outside her flat several evenings a week",
    "hes sat outside most nights in his car for an hour or so then drives off",
    "i dont think hes actually nearby, hes in scotland for work this month",
    "he keeps messaging my mum on facebook saying im unfit to look after the kids and that hes watching",
    "Now he's found my new address and sends cards.",
    "I keep thinking she's outside, she's not, but she was every day last month and I can't relax",
    "a boy in her year won't leave her alone. He waited for her after school twice last week.",
    "hi i just wanted to ask what happens if you ring nine nine nine and you can't talk do they still send someone",
    "yes hello i'm trying to get through to the council about my bins they didn't collect them again",
    "he was following me last week in his car i saw him three times on the way to work he's stopped now",
    "a man from her work keeps following her to the bus stop and he's asked her to his house, she's at home with me now",
    "he hit me this morning",
    "he stopped outside my house last week",
    "He's outside my life now, I cut him off completely in the summer, but he keeps emailing my work",
    "he's outside my life, blocked everywhere, but his mum keeps messaging me for him",
    "Okay this is going to sound dramatic but I'll die if he posts those photos.",
    "last sat hes outside the pub where im out w my mates, just stood there. left when the bouncer spoke to him",
    "He's watching me. Not literally, I mean online. Every single thing I post, he's the first view.",
    "Ele me segue no Instagram com contas falsas e comenta tudo que eu posto. Isso é perseguição aqui no Reino Unido?",
    "我前男友上个月一直在我公司楼下等我。现在我换了工作，他好像还不知道。",
    "She's not in any danger right now, she's sitting next to me in our office.",
    "once he kicked the door so hard the frame split",
    "he broke my window in feb. hes been quiet since",
    "last nite he smashed my car window. police came",
    "it's him who keeps calling",
    "there's a guy at my gym who I chatted to once and now he messages me every day",
    "I'm not in danger right now, but my ex has been following me on and off for months",
    "my ex keeps messaging me",
    "My ex won't leave me alone, he texts me constantly",
    "a guy from work is being weird, he keeps commenting on what I wear",
    "am I overreacting? he sends me flowers every week",
    "someone keeps making fake accounts to message me",
    "he knows where i live",
    "he has my new address somehow",
    "I am being stalked by my ex partner and want to report it",
    "he keeps sending me letters",
    "my neighbour watches me from his window when I leave for work",
    "he's been posting about me online",
    "he put an airtag on my car",
    "my ex hacked my instagram",
    "I have a restraining order against him and he keeps texting",
    "he breached his restraining order last month by messaging me",
    "I'm scared he might hurt me one day",
    "I think he could kill me if he got the chance",
    "he said he'd kill me if I ever went to the police",
    "it's probably nothing but a man from the gym keeps messaging",
    "I moved house because of him",
    "my ex has a gun licence",
    "he's got guns at home",
    "he used to hit me",
    "he rings me from withheld numbers at night",
    "my friend's ex is stalking her and I don't know how to help",
    "hi",
    "thanks, that helped",
    "I'm at work, it's safe to talk",
    "yes I'm safe",
    "he's in prison now",
    "he lives near my house",
    "he works at my office",
]
# Found while probing for false alarms (none taken from the evaluation sets).
PROBED = [
    "My ex used to follow me in his car, but since the police warned him it's just messages",
    "he turned up at my door on Christmas day and I didn't answer",
    "the police are outside now taking a statement",
    "my mum is here with me now",
    "I'm hiding my location from him on my phone",
    "I've been hiding my feelings for months",
    "he sent me a picture of my house last month",
    "he was outside my window at 3am last night, he's gone now",
    "he came round earlier but he's gone now",
    "my kids are with their dad this weekend",
    "he took the kids for the weekend as agreed",
    "he's taking the kids this weekend, it's his turn",
    "he's got the kids this weekend as usual",
    "what if he's waiting outside when I finish work?",
    "my neighbour is always in his garden staring at my house",
    "can someone help me please",
    "i want to end it with him but im scared",
    "he said i'll regret leaving him",
    "he's back in my life after 3 years",
    "he's out there somewhere, i don't know where",
    "I've had enough of him contacting me",
    "what's the point in reporting it",
    "it's him who keeps calling",
    "he used to let himself in with a spare key",
    "he asked me to let him in but I said no",
    "my landlord is trying to get in to do repairs",
    "he's coming round later to pick up the kids",
    "he's coming out of prison next month",
    "someone keeps ringing my doorbell and running away, it happens most nights",
    "there's a car that parks outside my house most nights",
    "he once tried to break in",
    "I'm worried he'll break in",
    "he's in my dms constantly",
    "he's at the same gym as me",
    "my ex works at my kids school",
    "he will kill me one day, I know it",
    "he texts saying he'll kill me if I don't reply",
    "he says he'll ruin my life",
]
ALL = PAST + NEGATED + HABITUAL + IDIOMS + QUESTIONS + CALM_REPORTS + PROBED


@pytest.mark.parametrize("text", ALL)
def test_calm_message_is_not_an_emergency(text: str) -> None:
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("two weeks ago he said he'd kill me", "threat_imminent"),
        ("he threatened to kill me last summer", "threat_imminent"),
        ("he punched me two years ago", "assault"),
        ("yesterday he was outside", "suspect_present"),
        ("he followed me home last week", "followed_now"),
        ("he's not outside", "suspect_present"),
        ("he is outside my work every day at 5", "suspect_present"),
    ],
)
def test_past_or_negated_mention_is_kept_for_risk(text: str, kind: str) -> None:
    findings = detect(text)
    assert kind in {s.kind for s in findings.past_or_negated}


def test_negated_mention_is_marked_negated() -> None:
    findings = detect("he isn't following me anymore")
    assert {s.frame for s in findings.past_or_negated} == {"negated"}


def test_past_threat_is_marked_past() -> None:
    findings = detect("two weeks ago he said he'd kill me")
    assert [s.frame for s in findings.past_or_negated if s.kind == "threat_imminent"] == ["past"]
