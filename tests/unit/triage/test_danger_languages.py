"""Emergencies in the languages people text us in, in their own scripts (GUIDE §2, §6).

Each language has a present-danger message that must be an emergency and a past or calm one
that must not: the word lists are judged on both sides.
"""

import pytest

from bot.triage.danger import detect
from bot.triage.danger_foreign import foreign_danger, mostly_foreign

# language -> (emergency now, past or calm)
PAIRS: dict[str, tuple[str, str]] = {
    "hindi": ("वो अभी मेरे घर के बाहर खड़ा है", "वो पिछले हफ्ते मेरे घर के बाहर खड़ा था"),
    "hindi, weapon": ("उसके हाथ में चाकू है", "पिछले साल उसने चाकू दिखाया था"),
    "punjabi": ("ਉਹ ਹੁਣ ਦਰਵਾਜ਼ੇ ਤੇ ਖੜ੍ਹਾ ਹੈ", "ਉਹ ਕੱਲ੍ਹ ਦਰਵਾਜ਼ੇ ਤੇ ਖੜ੍ਹਾ ਸੀ"),
    "urdu": ("وہ ابھی دروازے پر ہے", "وہ کل دروازے پر تھا"),
    "bengali": ("সে এখন দরজার সামনে দাঁড়িয়ে আছে", "সে গতকাল দরজার সামনে ছিল"),
    "gujarati": ("એ અત્યારે ઘરની બહાર ઊભો છે", "એ ગઈકાલે ઘરની બહાર હતો"),
    "tamil": ("அவன் இப்போது வாசலில் நிற்கிறான்", "அவன் நேற்று வாசலில் நின்றான்"),
    "farsi": ("او الان دم در است", "او دیروز دم در بود"),
    "russian": ("он сейчас стоит у моей двери", "он вчера стоял у моей двери"),
    "ukrainian": ("він зараз стоїть біля дверей", "він вчора стояв біля дверей"),
    "bulgarian": ("той е пред вратата сега", "той беше пред вратата вчера"),
    "greek": ("είναι έξω από την πόρτα τώρα", "ήταν έξω από την πόρτα χθες"),
    "chinese": ("他现在在我家门口", "他上周在我家门口"),
    "vietnamese": ("anh ta đang đứng trước cửa nhà tôi", "hôm qua anh ta đã đứng trước cửa nhà tôi"),
    "albanian": ("ai është tani te dera ime", "ai ishte dje te dera ime"),
    "latvian": ("viņš tagad ir pie durvīm", "viņš vakar bija pie durvīm"),
    "czech": ("je teď před dveřmi", "byl včera před dveřmi"),
    "hungarian": ("most az ajtó előtt áll", "tegnap az ajtó előtt állt"),
    "japanese": ("元彼が今、私のアパートのドアの前にいます", "元彼が昨日、ドアの前にいました"),
    "korean": ("지금 전 남자친구가 우리 집 문 앞에 있어요", "어제 전 남자친구가 우리 집 문 앞에 있었어요"),
    "tagalog": ("nandito siya ngayon sa labas ng bahay ko", "kahapon nasa labas siya ng bahay ko"),
    "nepali": ("मेरो पूर्व श्रीमान अहिले मेरो घरको ढोकामा छ", "मेरो पूर्व श्रीमान हिजो मेरो घरको ढोकामा थियो"),
    "irish": ("Tá sé taobh amuigh den teach anois", "Bhí sé taobh amuigh den teach inné"),
    "czech, at the flat": (
        "Bývalý přítel teď stojí před mým bytem",
        "Bývalý přítel včera stál před mým bytem",
    ),
    "hungarian, my former husband": (
        "a volt férjem most a ház előtt van",
        "a volt férjem tegnap a ház előtt volt",
    ),
    "amharic": ("የቀድሞ ባሌ አሁን በሩ ላይ ነው። እባካችሁ።", "የቀድሞ ባሌ ትናንት በሩ ላይ ነበር።"),
    "scottish gaelic": ("Tha e taobh a-muigh an taighe an-dràsta", "Bha e taobh a-muigh an taighe an-dè"),
    "farsi, typed in latin letters": ("alan dame dare, dar ro mizane", "dirooz dame dar bood"),
    "tamil, typed in latin letters": ("avan ippo veettu vaasalla nikkuraan", "avan nethu vaasalla nikkuraan"),
}


@pytest.mark.parametrize("language", sorted(PAIRS))
def test_present_danger_is_an_emergency(language):
    assert detect(PAIRS[language][0]).is_emergency, language


@pytest.mark.parametrize("language", sorted(PAIRS))
def test_the_same_danger_in_the_past_is_not(language):
    findings = detect(PAIRS[language][1])
    assert not findings.is_emergency, (language, findings.signals)
    assert findings.past_or_negated, "the past danger is still kept for the risk assessment"


@pytest.mark.parametrize(
    "text",
    [
        "मुझे बचाओ",
        "ਬਚਾਓ",
        "بچاؤ",
        "বাঁচাও",
        "помогите",
        "救命",
        "cứu tôi với",
        "βοήθεια",
        "کمکم کنید",
        "እርዱኝ",
    ],
)
def test_a_short_cry_for_help_is_an_emergency(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "Dobrý den, potřebuji pomoc, bývalý manžel mi pořád píše a nevím co mám dělat s tím vším",
        "Здравствуйте, мне нужна помощь, бывший муж постоянно пишет мне сообщения, что мне делать дальше",
        "Bună ziua, am nevoie de ajutor, fostul meu îmi trimite mesaje toată ziua și nu știu ce să fac",
    ],
)
def test_asking_for_help_with_a_calm_problem_is_not(text):
    assert not detect(text).is_emergency


def test_vowel_signs_stay_inside_their_word():
    # "बचाओ" (save me) must be read as one word, not cut at its vowel sign.
    assert ("call_for_help", "now") in foreign_danger("बचाओ")


def test_chinese_is_read_without_spaces():
    assert ("weapon", "now") in foreign_danger("他手里有刀")


def test_english_with_a_foreign_word_is_left_to_the_english_rules():
    assert not mostly_foreign("my ex keeps saying tani to me, it's a word from his language")


@pytest.mark.parametrize(
    "text",
    [
        "on jest pod drzwiami, ma zakaz zbliżania się",  # present tense, no now-word: now, as in English
        "woh car mein mera peecha kar raha hai",
        "o meu ex está a seguir-me de carro desde o trabalho",
        "Він щойно мене душив, я з дитиною в спальні",
        "ele acabou de me apertar o pescoço",
        "Më mori djalin nga shkolla para 10 minutash",
        "সে এইমাত্র আমার ছেলেকে স্কুল থেকে নিয়ে গেছে",
        "Gabadhayda ayuu hadda qaatay oo baabuur kula tagay",
        "main aur nahi jee sakti, aaj raat saari pills le loongi",
    ],
)
def test_more_emergencies_in_other_languages(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "nu e aici acum, dar vine every weekend și stă în mașină în fața casei",  # English routine words
        "no está aquí ahora, but he texts me every night",
        "Maalin kasta ayuu i soo wacaa, laakiin weligiis guriga ma iman.",  # Somali negates after
        "هددني طليقي قبل أسبوعين بأنه سيقتلني، لكنه الآن في السجن",  # in prison
        "¿qué tengo que hacer si alguien me sigue por la calle?",  # a question with "if"
        "acum două săptămâni a zis că mă omoară",  # "acum două săptămâni": two weeks ago
        "tô em casa tranquila, ele não apareceu",  # "I am at home": the writer's place
    ],
)
def test_calm_messages_in_other_languages(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text, emergency",
    [
        ("طليقي واقف قدام باب البيت هلق ومعه سكينة", True),  # Levantine: at the door now with a knife
        ("ele está cá fora agora a tentar abrir a porta", True),  # European Portuguese
        ("mi segue fino alla macchina ogni sera. Stasera per fortuna non c'era", False),  # not tonight
        ("Geçen ay evimin önünde bekliyordu. Şimdi taşındım, güvendeyim", False),  # moved, safe
        ("ficava à porta de casa todas as noites no ano passado. Agora voltou para o Brasil", False),
    ],
)
def test_language_shapes_from_the_third_held_out_set(text, emergency):
    assert detect(text).is_emergency is emergency


@pytest.mark.parametrize(
    "text, emergency",
    [
        ("bhai mera ex abhi gate pe khada hai with a rod, bol raha hai andar aa jayega", True),
        ("neste momento está sentado no carro em frente ao meu trabalho", True),
        ("همه قرص ها رو جمع کردم و امشب تمومش می کنم", True),
        ("Fostul meu a luat-o pe fetița noastră de la grădiniță acum zece minute", True),
        ("Eski kocam şu an okulun önünde, oğlumu zorla arabasına bindirmeye çalışıyor", True),
        ("Mi expareja acaba de entrar en mi piso, ha roto la cerradura. Estoy encerrada en el baño", True),
        ("hace dos semanas me amenazó con matarme pero no lo he visto, ahora vive en madrid", False),
        ("Komşum her gün pencereden beni izliyor. Şu an evde değilim, annemdeyim, güvendeyim.", False),
        ("Nëse jam jashtë vendit me pushime, a funksionon numri 999?", False),
    ],
)
def test_language_shapes_from_the_fourth_held_out_set(text, emergency):
    assert detect(text).is_emergency is emergency


@pytest.mark.parametrize(
    "text, emergency",
    [
        ("ናይ ቀደም ሰብኣየይ ሕጂ ኣብ ኣፍ ደገ ገዛይ ኣሎ፣ ክቐትለኪ እየ ይብል ኣሎ።", True),  # Tigrinya: at the door, "I'll kill you"
        ("Jis dabar stovi prie mano namų ir daužo langus. Labai bijau, esu viena namie.", True),  # Lithuanian
        (
            "Mêrê min ê berê niha li ber derî ye, dibêje ez ê te bikujim. Ez bi zarokan re me.",
            True,
        ),  # Kurmanji
        (
            "Mêrê min ê berê duh li ber derî bû. Niha ez li mala xwişka xwe me.",
            False,
        ),  # yesterday; now at my sister's
        # a now-word that says where the writer is safe does not date the danger
        (
            "Hola, mi ex pareja me llama todos los días y ayer estuvo esperando fuera de mi trabajo. Ahora estoy en casa con mi hermana, estoy bien.",
            False,
        ),
        (
            "mera cousin mujhe roz message karta hai aur college ke bahar intezar karta hai. abhi main ghar pe hoon safe hoon.",
            False,
        ),
        ("Un coleg de muncă mă urmărește de două luni. Acum sunt bine, dar vreau să fac o plângere.", False),
        (
            "Laba diena, buvęs vaikinas nuolat rašo žinutes ir laukia prie mano darbo. Dabar esu saugi namie.",
            False,
        ),
        ("el está fuera de mi casa ahora, estoy en casa con los niños", True),
        # "in danger? not now" and "he's in Pakistan, I'm safe here in London"
        ("Mae dyn o'r gwaith yn aros tu allan i'r swyddfa bob dydd. Dydw i ddim mewn perygl nawr.", False),
        ("جاري يراقبني كل يوم من نافذته ويترك لي رسائل على الباب. لست في خطر الآن", False),
        ("وہ پاکستان میں ہے۔ میں یہاں لندن میں محفوظ ہوں لیکن بہت پریشان ہوں۔", False),
        ("मेरे जेठ ने अभी मेरी बेटी को स्कूल से उठा लिया है, उन्हें इसकी इजाज़त नहीं है।", True),  # a child taken now
        ("Mój były partner stoi teraz pod moim blokiem i dzwoni domofonem bez przerwy.", True),
        ("Мій колишній зараз стоїть під під'їздом і погрожує, що зайде. Я сама з дитиною.", True),
        ("زوجي السابق يقف أمام باب شقتي الآن ويحاول فتح القفل. أنا وحدي مع أطفالي.", True),
        # "now" taken back by a negation after it: not here now
        ("আমার প্রাক্তন স্বামী গত মাসে তিনবার আমার বাড়ির সামনে এসেছিল। এখন সে নেই।", False),
        ("mera cousin college ke bahar bhi khara hota hai. abhi nahi hai lekin roz aata hai.", False),
        ("Eski nişanlım üç aydır beni takip ediyor. Şu an yanımda değil, annemin evindeyim.", False),
        ("Od trzech miesięcy sąsiad obserwuje mnie przez okno. Teraz go nie ma, wyjechał na weekend.", False),
        ("我的前男友最近三个月一直给我发消息，还去我公司楼下等我。今天没有看到他，我在朋友家。", False),
        (
            "Mano kaimynas mane seka ir fotografuoja jau du mėnesius. Dabar esu saugi, bet noriu pranešti policijai.",
            False,
        ),
        ("আমার অফিসের একজন সহকর্মী কয়েক মাস ধরে আমাকে অনুসরণ করছে। এখন আমি বাড়িতে নিরাপদ আছি।", False),
        (
            "Mae rhywun yn anfon negeseuon ata i bob dydd ers mis Medi. Dwi'n ddiogel nawr ond dwi eisiau riportio.",
            False,
        ),
        ("کیا آپ اردو میں مدد کر سکتے ہیں؟ میں جاننا چاہتی ہوں کہ کسی کا پیچھا کرنا جرم ہے یا نہیں۔", False),
        ("abhi gate pe khada hai, main ghar pe hoon akeli", True),
    ],
)
def test_language_shapes_from_the_ninth_held_out_set(text, emergency):
    assert detect(text).is_emergency is emergency


# From the thirteenth held-out set (read after its one scoring): a now-word taken back by a
# negation just before it, "for months", "I'm at a friend's / at home and safe now", a question.
@pytest.mark.parametrize(
    "text",
    [
        "Helo. Mae dyn o'r pentref wedi bod yn fy nilyn i ac yn gadael negeseuon ar fy nghar ers misoedd. Dydy o ddim yma rŵan. Sut ydw i'n riportio hyn?",
        "Dzień dobry, piszę po polsku, bo mój angielski nie jest dobry. Od pół roku mój były partner wysyła mi codziennie wiadomości, dzwoni z różnych numerów i czeka pod moją pracą. W zeszłym tygodniu zostawił list pod drzwiami mojego mieszkania, chociaż nie wiem, skąd ma adres. Nie grozi mi wprost, ale boję się wracać sama do domu i zmieniłam godziny pracy. Teraz jestem u koleżanki i jestem bezpieczna. Chcę to zgłosić na policję, ale nie wiem jak i czy muszę mówić po angielsku. Mam wszystkie wiadomości zapisane w telefonie i zdjęcie listu. Nie chcę, żeby stracił pracę, chcę tylko, żeby przestał. Czy policja powie mu, że to ja zgłosiłam?",
        "Czy mogę pisać po polsku? Czy jest pomoc w języku polskim?",
        "زوجي السابق يرسل لي رسائل كل يوم منذ شهرين ويأتي إلى مكان عملي أحياناً. أنا الآن في البيت وبأمان. كيف أبلغ الشرطة؟",
    ],
)
def test_calm_reports_from_the_thirteenth_held_out_set(text):
    assert not detect(text).is_emergency


def test_a_month_of_following_when_now_safe_in_chinese_is_not_an_emergency():
    assert not detect(
        "有个男同事一直在微信上骚扰我，还跟踪我下班回家，已经一个月了。我现在安全，但想报告这件事。"
    ).is_emergency


def test_an_english_name_that_is_a_farsi_word_is_read_as_english():
    assert not detect("my colleague Alan followed me home last week").is_emergency
    assert not detect("Alan is my ex and he keeps texting me").is_emergency


@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        # a routine in one sentence does not date a danger in another
        (
            "yaar I can't anymore. woh roz follow karta hai, police kuch nahi karti. maine blade le liya hai, "
            "aaj khatam karna hai",
            True,
        ),
        # the danger's own sentence is a routine or the past: still not now
        ("woh roz follow karta hai. pichle saal usne blade dikhaya tha.", False),
    ],
)
def test_a_danger_is_dated_by_its_own_sentence(text: str, emergency: bool) -> None:
    assert detect(text).is_emergency is emergency
