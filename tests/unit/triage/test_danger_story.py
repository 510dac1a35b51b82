"""The sentences around a signal: a later sentence or clause can show that it is over (or still on)."""

import pytest

from bot.triage.danger import detect


@pytest.mark.parametrize(
    "text",
    [
        # the next sentence dates it
        "he said he's on his way. that was saturday and he never came",
        "he texted that he's outside. this was last week, he's not been back",
        # later in its sentence he has gone
        "he just walked in and stood at the bar staring at me and then he left and he has gone",
        "he was banging on the door for ages but he drove off",
        # a dated story told in the simple past
        "He followed me home from work on Tuesday. Didn't do anything, just walked behind me the whole way.",
        "Yesterday at 08:12 he was at the end of my path. He walked behind me to my door, which is 230 metres.",
        # a list of what he does
        "there's months of it. messages, following me, turning up at my work",
        # his words, dated by the writer
        'His car was outside my work on Monday and he texted "today\'s the day". Nothing happened.',
    ],
)
def test_the_story_shows_it_is_over(text):
    findings = detect(text)
    assert not findings.is_emergency, findings.signals


@pytest.mark.parametrize(
    "text",
    [
        "he followed me home on tuesday. now he's outside again",
        "he was here last week. he's back at the door",
        "he left for a bit but he's back now banging on the window",
        "he's just walked in and sat at the next table",
        'hes text me "leaving now. 20 mins." ive moved and he found me',
        "then the buzzer went and it's him on the intercom",
        "at the top of the multi storey. not coming down",
    ],
)
def test_the_story_keeps_it_now(text):
    assert detect(text).is_emergency


def test_a_height_in_the_past_is_not_now():
    assert not detect("last year i stood on the bridge and was going to jump").is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "back gate was shut when I got in. it's open now and the kitchen light's on. I live alone",
        "the back door is open and there are muddy footprints on the kitchen floor and my husband is at work",
    ],
)
def test_signs_of_someone_inside_the_home_of_a_person_alone(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "i live alone and the light is on in the hall, i think i left it on this morning",
        "last week the back door was open when i got home, i live alone",
    ],
)
def test_explained_or_past_signs_are_not(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "he choked me",
        "kids gone w him",
        "took a load of tablets",
        "blood everywhere he stabbed me",
        "he's took the baby",
    ],
)
def test_a_few_words_with_no_time_tell_what_just_happened(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "he choked me in 2021",
        "he took the kids for the weekend as agreed",
        "he was outside earlier",
        "hes been here",
        "car outside every night",
        "cant talk now at work will text later",
        "SOS = same old stuff, more texts from him",
        "should i call 999 if he comes to the house",
    ],
)
def test_their_short_look_alikes_are_not(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "hi yes i'd like to order a large pizza please to fourteen elm road yes as soon as you can no i can't really chat",
        "Reply only yes or no. Can police come to 5 Mill Lane without ringing me",
        "if you dont hear from me by half 9 call 999 for me. hes picking me up from the station",
        "It's happening again right now. The knocking, the torch through the letterbox.",
        "she's following the taxi in her car i can see her out the back window",
        "the man who's been following me for weeks is stood right behind me really close",
        "he's got the dog and he's sent me a video saying he'll hurt her unless i come out now",
        "bf says hes going to kill me when he gets home from the pub which is any min",
        "tonight he's locked the front door, taken the key and says I'm not leaving",
    ],
)
def test_the_calls_that_catch_people_out(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "i rang 999 earlier, he was trying to get in the back door, the police came and they've arrested him",
        "so im walking home right, and hes behind me AGAIN. that was monday night. wanted to log it",
        "the man who was following me in his van has been identified and the police have given him a warning",
        "she's now round my house most days leaving casseroles on the step",
        "there's a guy at my climbing gym who I chatted to a couple of times",
        "hes outside my house in the pics he keeps sending me, but theyre old pics from last yr",
        "he always says he'll kill me when he gets home",
        "my husband's ex won't leave us alone, she drives past the house",
    ],
)
def test_and_their_look_alikes(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "school rang, her dad turned up and took her out of class, he has no contact",
        "he pushed me down the stairs and walked out. my arm is bent wrong",
        "plz someone",
        "in wardrobe",
        "he's stood in front of my car so i cant pull out",
        "He's just messaged me a photo of my daughter at her nursery taken through the fence",
        "he's coming i can hear the bike",
    ],
)
def test_shapes_first_missed_by_the_third_held_out_set(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "he said tonight hes coming with the knife he showed me last week",
        "help me please he knows where i am",
        "My former partner, who is on bail with a condition not to come within 100 metres of my address, is at "
        "this moment sitting on the wall outside my house.",
        "sorry can only type short. he is home and angry. not safe. dont reply",
        "he's just sort of standing at the bus stop opposite looking at my house",
        "he got off the bus at my stop and is following me",
        "I'm going to the bridge tonight, I've made my mind up",
    ],
)
def test_shapes_first_missed_by_the_fourth_held_out_set(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "What happens if I ring 999 but I can't talk?",
        "once, in the summer of 2022, he put his hands around my throat",
        "My ex put his hands round my neck once, about three years ago.",
        "He's just found me on Facebook and sent a friend request.",
        "Mulțumesc mult pentru ajutor!",
    ],
)
def test_look_alikes_from_the_fourth_held_out_set(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "the guy who's been messaging my instagram has just sat down opposite me and said my name",
        "My ex carer is at my door and has a key I didn't know he still had, he's turning it.",
        "just been strangled. he left. hes coming back i know it",
        "in the car hes driving me somewhere he wont say where",
        "My grandson is here shouting through the letterbox and says he is going to set fire to it.",
        "im gonna do it tonight i cant take him anymore. ive written the letters",
        "he hit me n took the baby. drove off like 2 min ago",
        "he took the kids from school an hour ago and wont say where they are",
    ],
)
def test_shapes_first_missed_by_the_fifth_held_out_set(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "A man on my street watches me. Every day. He writes down when I go out.",
        "Long day of the usual - my ex following me round Asda 'by coincidence' this morning.",
        "she keeps saying she'll come round and sort me out but she never does it's just talk",
        "he says he'll come round and smash the windows but he never has he lives in hull now",
        "theres a guy at work who keeps turning up wherever i am",
        "Meu ex me ameaçou há duas semanas, disse que ia me matar.",
    ],
)
def test_look_alikes_from_the_fifth_held_out_set(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize("text", ["yes he choked me", "yes, he strangled me once", "he did once, he hit me"])
def test_an_answer_about_the_past_in_a_few_words_is_not_promoted(text):
    # the answer to "has he ever been violent?" mid-report must not interrupt it with 999
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "A woman I work with won't leave me alone, she's been messaging me, leaving notes in my locker and "
        "waiting by my car after shifts.",
        "The children are upset and I'm on edge all the time.",
        "I've kept a log in her care notes. The shopkeeper has seen him following her.",
        "She won't leave the house alone now and she's not eating properly.",
        "takes pics over the fence, camera on shed, left a note thru my door sayin he sees evrythin",
        "He stands opposite the house, he has followed me to the post office, and now the letters",
        "Someone he met online has been messaging him and has now sent him a photo of our house.",
        "There's a guy at work, Martin, who won't take no for an answer.",
    ],
)
def test_answers_in_the_middle_of_a_report_are_not_emergencies(text):
    # turns from the scripted conversations (tests/eval/conversations*.jsonl)
    assert not detect(text).is_emergency


def test_tablets_saved_up_for_tonight_is_an_emergency():
    text = "honestly I've been thinking about ending it, I've got tablets saved up and I think tonight's the night"
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "his bail says he cant come on my street. hes walking up and down it right now looking at my house",
        "my exs car has gone past my house 3 times in the last 10 mins. still circling",
        "man just pulled a knife on me and said he knows where i live",
        "I took an overdose about an hour ago. I can't cope with his messages anymore.",
        "ugh hes at the door AGAIN. 4th time tonight. hes drunk",
    ],
)
def test_shapes_first_missed_by_the_sixth_held_out_set(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "He's just texted 'I'm outside'. I'm not home though, I'm at work in Birmingham and the flat's empty.",
        "got another text from an unknown number saying 'nice dress today'. third one this week",
        "One of my clients says her ex follows her on the bus. She's here at our service at the moment and safe.",
        "he was following me in his car on the way home tonight but i lost him and im home now, my dad's here",
        "Found an AirTag under my bumper yesterday. The car's at the garage now and I'm at work.",
        "He's been released now and I've heard he's back in the area.",
        "somebody keeps scratching my car. third time. left a note saying you know why",
    ],
)
def test_look_alikes_from_the_sixth_held_out_set(text):
    assert not detect(text).is_emergency


# From heldout22 and conversations_heldout7 (read after their one scoring).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "And I've just found a note through my letterbox, it says tonight your house burns. I'm frightened",
            "threat_imminent",
        ),
        (
            "He did put me up against the wall tonight and squeezed my neck until I saw spots, but he's "
            "calmed down now and is watching the football",
            "assault",
        ),
        (
            "he said tonights the night i find out what happens when i make him look stupid. he knows im home alone",
            "threat_imminent",
        ),
        ("he squeezed my neck tonight", "assault"),
    ],
)
def test_dangers_first_missed_on_the_twenty_second_set(text, kind):
    assert kind in detect(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "yeah we're both safe, she's sitting beside me",
        "The police have been and spoken to him. My son has come over and is staying with me tonight so I'm safe",
        "No photos, I was too scared to get my phone out. The woman at the gym desk saw him though",
        "theres a guy at her gym, they've chatted a few times. now hes there every time she goes",
        "Hi, this might sound odd but there's a man who I think is following me",
        "someone at the door hold on..... ok it was my neighbour with a parcel. right where was i",
        "sorry someones at the door... ok it was just the amazon guy lol. anyway my ex has been messaging my mum",
        "my address has been posted on facebook AGAIN. hes inside till 2026 so it must be his mates doing it",
        "My mate keeps getting followed by a guy in a grey van when she goes running. Can I report this for her?",
        "two years ago he squeezed my neck",
        "last year he said i'd find out what happens when i cross him",
    ],
)
def test_calm_messages_first_read_as_emergencies_on_the_twenty_second_set(text):
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    "text",
    [
        "we're both safe but he is outside",
        "someone at the door. ok it was the same guy from before",
        "hes outside. ok its my ex",
        "he was arrested last month. hes outside again",
        "there's a man who I think is following me right now",
        "there's a guy at my work staring at me right now",
    ],
)
def test_what_calms_those_does_not_calm_danger(text):
    assert detect(text).is_emergency


# From heldout21 (read after its one scoring).
@pytest.mark.parametrize(
    "text",
    [
        "This happened on Friday but I'll tell it how I remember it: I'm on the tube, he's opposite me, he's behind me",
        "Can't talk long, I'm on my lunch break. Quick version: my ex keeps sending £1 payments to my bank account",
        "there's a lad there who she says keeps following her back to halls um she rang me last night",
        "um it's my ex-partner he's been sending messages to my new partner um he's not here now obviously",
        "There's a woman in my WhatsApp group for dog walkers who has started turning up on my walks",
        "One of our staff is being stalked by a former partner. She's in the office today and fine.",
        "theres someone at the door... its the police, theyve come for my statement about him. brb",
        "someones at my door... false alarm its next door with a parcel. sorry im so jumpy",
        "Got one tonight and checked the doorbell cam, nobody there, and his Snap map has him in Manchester (I'm in Leeds).",
        "i'm waiting for my husband to get home um since all the messages started he's five minutes away",
        "my landlords coming for me about the rent lol. a guy from my old job keeps showing up at the gym",
        "basically hiding from the internet at this point lol. he comments on everything i post",
    ],
)
def test_calm_messages_first_read_as_emergencies_on_the_twenty_first_set(text):
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    "text",
    [
        "he posted on fb that tonights the night i pay. im in the pub now",
        "ele tá me seguindo desde a estação, tô andando rápido mas ele tá logo atrás de mim",
        "this is not a false alarm, he is outside",
        "his snap map has him in leeds and i am in leeds",
        "he said he's coming for me tonight",
        "im hiding from the man outside",
        "someone is banging on the door. it's my ex-husband",
    ],
)
def test_dangers_that_look_like_those_stay_emergencies(text):
    assert detect(text).is_emergency


# Shapes the rules had left to the learned model on heldout21 and heldout22 (read after scoring).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("my ex his land rover's just pulled into the yard", "suspect_present"),
        ("He's just knocked on my student house door at 11pm and my housemates are out.", "entry_attempt"),
        ("he's found me he's banging on the side of the van and there's no one else here", "entry_attempt"),
        ("its him. says hes watching me through the kitchen window right now, describes what im wearing", "suspect_present"),
        ("got a voice note off him saying hes watching me from the bus stop", "suspect_present"),
        ("he's been outside for twenty minutes just standing there", "suspect_present"),
    ],
)
def test_presence_and_entry_the_rules_now_see_themselves(text, kind):
    assert kind in detect(text).kinds


@pytest.mark.parametrize(
    "text",
    ["he keeps saying hes watching me", "he has been there for an hour every day", "last week he had been there an hour"],
)
def test_their_habitual_and_past_forms_are_not_emergencies(text):
    assert not detect(text).is_emergency


# From heldout23 and conversations_heldout8 (read after their one scoring).
@pytest.mark.parametrize(
    "text",
    [
        "ok i told my mum. shes sitting with me now and we rang samaritans. im safe, i wont do anything",
        "Right, this feels daft as a bloke but there's a woman at work who's making my life a misery",
        "There's a man who gets on my bus in Coventry. Since about October he sits next to me even when it's empty",
        "She's got texts saved. I've seen his car parked outside her flat myself",
    ],
)
def test_calm_answers_first_read_as_emergencies_in_conversations_heldout8(text):
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    "text",
    [
        "im safe but hes sitting next to me",
        "hes sitting with me and i cant talk",
        "there's a man at work staring at me right now",
        "i just saw his car parked outside my house",
        "there's a man who gets on my bus and he's sitting next to me right now",
    ],
)
def test_the_same_shapes_in_danger_stay_emergencies(text):
    assert detect(text).is_emergency


# From heldout23 (read after its one scoring).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("can you just stay with me on here. walking to my car and theres footsteps that stop when mine stop", "followed_now"),
        ("I'm typing this in the toilets at my new job because he came into reception about ten minutes ago", "hiding"),
        ("he came into reception about ten minutes ago asking for me by name", "suspect_present"),
        ("im typing this from under the counter", "hiding"),
    ],
)
def test_dangers_first_missed_on_the_twenty_third_set(text, kind):
    assert kind in detect(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "theres a car parked across the road but its my brothers mate keeping an eye out for me",
        "There's a man at my door right now but it's my dad, he's come to stay because my ex keeps driving past",
        "ugh hes outside my house AGAIN on google street view lol, its from 2019",
        "how do i get a stalking protection order? (she's at the door again - the cat, not a person lol)",
        "think im being followed on my runs. not today but 3 times last week, same cyclist. should i report it",
        "meri behen ka ex usko roz message karta hai, kal uske office ke bahar khara tha. abhi woh mere ghar pe safe hai.",
        "I'm writing this from my desk on my lunch break",
    ],
)
def test_calm_messages_first_read_as_emergencies_on_the_twenty_third_set(text):
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    "text",
    ["theres a man at my door but its my ex", "not today but hes outside right now", "he has just come to my house"],
)
def test_explanations_that_are_not_explanations_leave_the_danger(text):
    assert detect(text).is_emergency


# From heldout24 (read after its one scoring on the final state).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i've taken about thirty paracetamol maybe twenty minutes ago i just wanted to tell someone", "suicidal"),
        ("get off me ... who are you on the phone to ... nobody ... nobody i promise ... give me that", "assault"),
        ("he's been counting down on whatsapp. 3 days. 2 days. 1 day. today it just says 'now'", "threat_imminent"),
        ("using my friends phone in the pub loo. hes out at our table. dont text my number", "cannot_speak"),
        ("this is my last message to anyone. thank u for trying", "suicidal"),
        ("he followed me out the club and now hes at the taxi rank watching me. mates have gone home", "suspect_present"),
    ],
)
def test_dangers_first_missed_on_the_twenty_fourth_set(text, kind):
    assert kind in detect(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "Now he's turned up at my yoga class twice and commented on my haircut before anyone else",
        "my mates think its hilarious i have a 'stalker' but hes turned up at 3 of our gigs now",
        "Sorry if I go quiet, my dad's just arrived to change the lock. So the man upstairs keeps taking my post",
        "My brother-in-law is like a shadow at every family do, won't let me out of his sight",
        "theres a man in my kitchen rn lol its the boiler guy. unrelated. my question is about my ex",
        "someones at the door, prob my sister she said shed pop round. anyway the messages started in january",
        "basically every friday night she drives past my house five or six times it's my ex-wife she's got a new car",
        "two years ago i took an overdose",
        "this is my last message about this, i'll call the helpline tomorrow",
        "i shouted get off me and ran, that was last year",
        "i'm counting down the days till the court date",
    ],
)
def test_calm_messages_first_read_as_emergencies_on_the_twenty_fourth_set(text):
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    "text",
    [
        "hes turned up twice tonight and hes outside now",
        "he's just arrived to sort me out",
        "he won't let me out of the house",
        "someones at the door its my ex",
    ],
)
def test_danger_near_those_words_stays_an_emergency(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "Un coleg mă urmărește pe Instagram de două luni. Nu sunt în pericol acum, vreau să raportez.",
        "hes hiding in plain sight, works on my floor and stares at me every lunch",
        "mera ex roz message karta hai, pichle hafte ghar ke bahar aya tha. abhi woh Pakistan gaya hua hai",
        "a woman keeps booking my cab and now my boss has had to take me off nights",
        "sorry I'm whispering cos my baby's asleep, I want to report fake accounts messaging me",
        "He's not there now, my grandson is here. It's been going on since June.",
        "at the school gates so cant call. my ex keeps messaging me through the kids tablet",
    ],
)
def test_calm_messages_first_read_as_emergencies_on_the_twenty_fifth_set(text):
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    "text",
    [
        "he's following my daughter home from school right now",
        "I'm whispering because he's asleep next to me, I can't talk",
        "he's hiding in the garden",
        "he said he would take me tonight",
        "mera ex abhi ghar ke bahar khada hai, main akeli hoon",
        "on the bus and he's sat next to me, can't say anything out loud",
    ],
)
def test_danger_near_the_twenty_fifth_sets_calm_words_stays_an_emergency(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        ("police came and he'd gone. my housemate is coming to get me so i'm safe now", False),
        ("my mum's on her way to get me", False),
        ("my ex husband is coming to get me tonight", True),
        ("he is coming to get me tonight", True),
    ],
)
def test_someone_safe_coming_to_get_me_is_a_lift_not_a_threat(text, emergency):
    assert detect(text).is_emergency is emergency


@pytest.mark.parametrize(
    "text",
    [
        "Бывший следит за мной через приложение. Сейчас я в безопасности, хочу подать заявление.",
        "I'm basically hiding from the world, I don't go out or go online any more",
        "he's no here the now, he's offshore, but a want it logged afore he's back",
        "请问求助热线几点开门？有人跟踪我",
        "Kaimynas seka mano Instagram. Jis dabar Lietuvoje. Noriu pranešti.",
        "I think I'm being followed, he turns up at my classes. Not right now, I'm home.",
        "He rang from prison saying he'll be round tonight, but he's in HMP Durham until 2027",
        "He's here on my Instagram again under a new name",
        "he works as a taxi driver and he's in his taxi all day",
    ],
)
def test_calm_messages_first_read_as_emergencies_on_the_twenty_sixth_set(text):
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    "text",
    [
        "he's in the back of my cab now and won't get out",
        "hes in my taxi and wont get out, says he knows where i live",
        "my husband before he is outside my house now",
        "he's here, outside on the street",
        "Бывший сейчас стоит под дверью",
    ],
)
def test_danger_near_the_twenty_sixth_sets_calm_words_stays_an_emergency(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "there's a restraining order. I keep seeing his car on my road at weekends but can't prove it's him driving",
        "so it's like, he's at the door, he's shouting, that's what Friday night was like, I just want it written down",
        "Not an emergency. He's at work, I can see his van at the depot from my window.",
        "Tuesday: he's at the door, he's screaming. Then the neighbours come out and he drives off.",
        "my phone's off most of the time to stop his calls. 40 calls yesterday. using my sisters phone",
        "he messages me every night. he's in a care home in another county",
        "我的前男友上个月来过我家楼下。现在他在伦敦，我在曼彻斯特。我想报案。",
    ],
)
def test_calm_messages_first_read_as_emergencies_on_the_twenty_eighth_set(text):
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    "text",
    [
        # a bracketed aside is read apart from its sentence
        "My neighbour (the one I've reported before) is currently stood in my kitchen.",
        "my stalker (have crime ref) has got on the same bus as me, he's 3 seats behind",
        "he is outside (right now) help",
        "using my friends phone in the loo. he's been checking my phone all night. dont text my number",
        "I'm sure it's him at the door",
    ],
)
def test_danger_near_the_twenty_eighth_sets_calm_words_stays_an_emergency(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        # conversations_heldout12, after its one scoring: answers that said the danger was over or
        # told a history were read as new emergencies
        "police are here now they caught him in the garden theyve taken him away in the van I'm safe now "
        "my daughter is on her way over",
        "police came, they've taken him out to the car to talk to him. im safe now",
        "we fell out last year and ever since he's been following me home and leaving things on my doorstep",
        "its not just tonight, he checks my phone, he's put an app on it so he knows where i am",
        "he has been parked outside my work most mornings when I arrive, just sitting in his van watching me",
        "I'm safe, at my flat, my partner's here. I'd prefer not to be phoned",
        "I'm writing about my daughter who is 17. She's asked me to do this and she's sat next to me",
        "I'm safe to talk, I'm in the staff office. She's in her room.",
        "Sorry, the carer has just arrived to do my tea, I shall have to stop.",
    ],
)
def test_conversation_answers_first_read_as_emergencies_on_the_twelfth_conversation_set(text):
    findings = detect(text)
    assert not findings.is_emergency, [(s.kind, s.evidence) for s in findings.signals]


@pytest.mark.parametrize(
    "text",
    [
        "he's been following me ever since I left the station",
        "he follows me every day and he's outside right now, just sitting in his car watching me",
        "my ex has taken my son from school",
        "he's outside, my partner is here",
        "he's in her room",
        "my ex carer is at my door and has a key",
    ],
)
def test_danger_near_the_twelfth_conversation_sets_calm_words_stays_an_emergency(text):
    assert detect(text).is_emergency
