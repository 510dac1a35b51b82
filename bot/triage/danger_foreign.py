"""Danger in other languages: compact word lists and one rule of thumb (GUIDE.md §2).

Many callers write in their first language. For a message that is mostly not English, we look
for a handful of word classes per language: a now-word, following, at the door / outside / in
the house, a weapon, kill, help, hiding, a child, and past-time words. The rule of thumb:

- a help word on its own is a call for help;
- a now-word plus following / a place / kill / a child is an emergency of that kind;
- a weapon, hiding or trying to get in (present tense, the usual form) is an emergency unless a
  past word is there;
- any past word ("yesterday", "last week", "was") and there is no now-word: not now.

Lists are deliberately small and literal (folded: lower case, accents dropped), so a reviewer who
speaks the language can check them. Latin-script transliterations cover Urdu/Hindi/Punjabi and
Bengali as people type them. Linear: one pass to fold and split, one regex per word class.
"""

from __future__ import annotations

import re

from bot.triage.text import fold

# Per language: word class -> phrases (natural spelling; folded when compiled).
LEXICONS: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        "now": ("teraz", "właśnie", "w tej chwili", "dziś wieczorem", "dzisiaj", "natychmiast"),
        "follow": ("śledzi", "śledzą", "idzie za mną", "jedzie za mną", "chodzi za mną"),
        "place": (
            "pod moim domem",
            "pod moimi drzwiami",
            "przed moim domem",
            "w moim ogrodzie",
            "w ogrodzie",
            "pod drzwiami",
            "pod domem",
            "przed domem",
            "przed drzwiami",
            "na zewnątrz",
            "w domu",
            "pod oknem",
            "jest tutaj",
            "jest tu",
            "drzwiami",
            "pod blokiem",
        ),
        "entry": ("próbuje wejść", "próbuje się włamać", "włamuje się", "wyważa drzwi", "dobija się"),
        "weapon": ("nóż", "nożem", "pistolet", "broń", "siekierę", "siekiera", "maczetę", "kij"),
        "kill": ("zabije", "zabić", "zabiję", "zabijesz"),
        "help": ("pomocy", "pomóż", "pomóżcie", "ratunku"),
        "hiding": ("chowam się", "ukrywam się", "schowałam się", "schowałem się"),
        "child": ("dziecko", "dzieci", "syna", "córkę", "syn", "córka"),
        "past": ("wczoraj", "temu", "w zeszłym", "zeszłym", "był", "była", "byli", "przedwczoraj"),
    },
    "ro": {
        "now": ("acum", "chiar acum", "în seara asta", "imediat", "astăzi"),
        "follow": ("urmărește", "mă urmărește", "vine după mine", "se ține după mine"),
        "place": (
            "la ușă",
            "la usa",
            "afară",
            "în casă",
            "la fereastră",
            "în fața casei",
            "e aici",
            "este aici",
        ),
        "entry": ("încearcă să intre", "incearca sa intre", "sparge ușa", "forțează ușa"),
        "weapon": ("cuțit", "cuțitul", "pistol", "topor", "armă"),
        "kill": ("omoară", "omor", "ucide", "omorî"),
        "help": ("ajutor", "ajutați", "ajută mă", "ajutati ma"),
        "hiding": ("mă ascund", "ascunsă", "ne ascundem"),
        "child": ("copilul", "copiii", "copil", "fiul", "fiica"),
        "past": ("ieri", "trecută", "trecut", "a fost", "au fost", "era"),
    },
    "es": {
        "now": ("ahora", "ahora mismo", "en este momento", "esta noche", "hoy"),
        "follow": ("siguiendo", "me sigue", "persigue", "persiguiendo"),
        "place": (
            "afuera",
            "fuera de",
            "en la puerta",
            "en mi casa",
            "delante de",
            "frente a mi",
            "en la ventana",
            "aquí",
            "abajo",
        ),
        "entry": ("intenta entrar", "está intentando entrar", "forzando la puerta", "rompiendo la puerta"),
        "weapon": ("cuchillo", "navaja", "pistola", "arma", "machete", "bate"),
        "kill": ("matar", "matarme", "me mata", "va a matar"),
        "help": ("ayuda", "ayúdame", "ayúdenme", "auxilio", "socorro"),
        "hiding": ("escondida", "escondido", "me escondo", "escondidos"),
        "child": ("hijo", "hija", "niños", "niño", "niña", "hijos", "bebé"),
        "past": ("ayer", "hace", "pasada", "pasado", "siguió", "estuvo", "fue", "estaba"),
    },
    "pt": {
        "now": ("agora", "agora mesmo", "neste momento", "esta noite", "hoje"),
        "follow": ("seguindo", "me segue", "perseguindo", "persegue"),
        "place": ("na porta", "na minha porta", "lá fora", "fora de casa", "em casa", "na janela", "aqui"),
        "entry": ("tentando entrar", "tenta entrar", "arrombando", "forçando a porta"),
        "weapon": ("faca", "arma", "pistola", "revólver", "machado"),
        "kill": ("matar", "me matar", "vai me matar"),
        "help": ("socorro", "ajuda", "me ajuda", "ajudem", "me ajudem"),
        "hiding": ("escondida", "escondido", "me escondendo"),
        "child": ("filho", "filha", "crianças", "criança", "bebê"),
        "past": ("ontem", "passado", "passada", "seguiu", "estava", "foi", "atrás"),
    },
    "fr": {
        "now": ("maintenant", "en ce moment", "tout de suite", "ce soir", "actuellement"),
        "follow": ("me suit", "suit", "me poursuit", "poursuit"),
        "place": (
            "à ma porte",
            "dans mon jardin",
            "dans le jardin",
            "dans la maison",
            "dans mon appartement",
            "devant mon immeuble",
            "frappe à ma porte",
            "frappe à la porte",
            "devant chez moi",
            "devant la porte",
            "devant ma porte",
            "à la porte",
            "dehors",
            "chez moi",
            "à la fenêtre",
            "ici",
            "en bas",
        ),
        "entry": (
            "essaie d'entrer",
            "essaye d'entrer",
            "force la porte",
            "défonce la porte",
            "tente d'entrer",
        ),
        "weapon": ("couteau", "arme", "pistolet", "fusil", "hache", "machette"),
        "kill": ("tuer", "me tuer", "va me tuer"),
        "help": ("au secours", "aidez moi", "aide moi", "à l'aide", "secours"),
        "hiding": ("je me cache", "cachée", "caché", "on se cache"),
        "child": ("enfant", "enfants", "fils", "fille", "bébé"),
        "past": ("hier", "dernier", "dernière", "il y a", "était", "a été", "m'a suivi", "avait"),
    },
    "it": {
        "now": ("adesso", "ora", "in questo momento", "stasera", "proprio ora", "subito"),
        "follow": ("seguendo", "mi segue", "insegue", "inseguendo"),
        "place": ("fuori", "alla porta", "sotto casa", "davanti a casa", "in casa", "alla finestra", "qui"),
        "entry": ("cerca di entrare", "sta cercando di entrare", "forza la porta", "sfonda la porta"),
        "weapon": ("coltello", "pistola", "arma", "ascia", "mazza"),
        "kill": ("uccidere", "ammazzare", "uccidermi", "ammazzarmi"),
        "help": ("aiuto", "aiutatemi", "aiutami"),
        "hiding": ("nascosta", "nascosto", "mi nascondo"),
        "child": ("figlio", "figlia", "bambini", "bambino", "bambina"),
        "past": ("ieri", "scorsa", "scorso", "fa", "era", "è stato", "stava"),
    },
    "de": {
        "now": ("jetzt", "gerade", "sofort", "heute abend", "im moment", "gerade eben"),
        "follow": ("verfolgt", "folgt mir", "verfolgen", "läuft mir nach"),
        "place": (
            "vor der tür",
            "vor meiner tür",
            "vor dem haus",
            "draußen",
            "im haus",
            "am fenster",
            "vor meiner wohnung",
            "unten",
        ),
        "entry": ("versucht reinzukommen", "versucht einzubrechen", "bricht ein", "tritt die tür ein"),
        "weapon": ("messer", "waffe", "pistole", "axt"),
        "kill": ("umbringen", "töten", "bringt mich um"),
        "help": ("hilfe", "helft mir", "hilf mir"),
        "hiding": ("verstecke mich", "versteckt", "verstecken uns"),
        "child": ("kind", "kinder", "sohn", "tochter"),
        "past": ("gestern", "letzte", "letzten", "letztes", "war", "stand", "vorige", "vorigen"),
    },
    "ar": {
        "now": ("الآن", "الان", "حالا", "هلأ", "هلق", "الليلة"),
        "follow": ("يلاحقني", "يتبعني", "يطاردني", "يلحقني", "يمشي ورائي"),
        "place": (
            "أمام بيتي",
            "امام بيتي",
            "عند بابي",
            "على الباب",
            "في الحديقة",
            "عند الباب",
            "خارج البيت",
            "خارج المنزل",
            "في الخارج",
            "أمام البيت",
            "امام المنزل",
            "في البيت",
            "هنا",
            "برا",
            "بره",
            "الباب",
        ),
        "entry": ("يحاول الدخول", "يكسر الباب", "يحاول يدخل"),
        "weapon": ("سكين", "سلاح", "مسدس", "ساطور"),
        "kill": ("يقتلني", "سيقتلني", "يقتل"),
        "help": ("النجدة", "ساعدوني", "ساعدني", "انقذوني", "الحقوني"),
        "hiding": ("مختبئة", "مختبئ", "أختبئ", "مستخبية"),
        "child": ("طفلي", "ابني", "بنتي", "أطفالي", "الأطفال", "ولادي"),
        "past": ("أمس", "امبارح", "الماضي", "الماضية", "كان", "كانت", "منذ"),
    },
    "ur": {  # Urdu, Hindi and Punjabi as typed in Latin script
        "now": ("abhi", "abi", "hune", "huni", "isi waqt", "aaj raat", "abhi abhi"),
        "follow": ("peecha", "pichha", "picha", "peeche", "pichhe", "follow kar raha", "pichha kar"),
        "place": (
            "bahar",
            "baahar",
            "darwaze",
            "darwaza",
            "ghar ke bahar",
            "ghar mein",
            "khidki",
            "yahan",
            "ithe",
            "bahar khada",
        ),
        "entry": ("andar aane ki koshish", "darwaza tod raha", "ghusne ki koshish"),
        "weapon": ("chaku", "chaaku", "chhuri", "churi", "bandook", "pistol", "talwar"),
        "kill": ("maar dega", "mar dega", "maar denge", "jaan se maar", "maar daalega", "qatal"),
        "help": ("bachao", "bachaao", "madad", "madad karo", "bachalo", "bachaoo"),
        "hiding": ("chhupi", "chupi hui", "chhup", "chhupa", "lukeya"),
        "child": ("bacha", "bache", "bachche", "beta", "beti", "munda", "kuri"),
        "past": ("kal", "tha", "thi", "pichle", "pehle", "hafte pehle"),
    },
    "bn": {  # Bengali as typed in Latin script
        "now": ("ekhon", "ekhuni", "ajke raate", "ekhoni"),
        "follow": ("pichu", "pichone", "follow korche", "pichu nicche"),
        "place": (
            "darjar shamne",
            "barir shamne",
            "shamne",
            "darjay dhakka",
            "darjar samne",
            "darjay",
            "barir samne",
            "bairey",
            "baire",
            "ghore",
            "janala",
        ),
        "entry": ("dhukte chaiche", "dorja bhangche", "dhokar chesta"),
        "weapon": ("chhuri", "churi", "bonduk"),
        "kill": ("mere felbe", "mere phelbe", "khun"),
        "help": ("bachao", "bachan", "sahajjo", "sahajya"),
        "hiding": ("lukiye", "lukie"),
        "child": ("bachcha", "chele", "meye", "baccha"),
        "past": ("gotokal", "gotokaal", "chilo", "chhilo", "ager"),
    },
    "cy": {
        "now": ("nawr", "rŵan", "rwan", "ar hyn o bryd", "heno"),
        "follow": ("dilyn", "nilyn", "fy nilyn"),
        "place": ("tu allan", "wrth y drws", "yn y tŷ", "wrth y ffenest", "yma"),
        "entry": ("trio dod i mewn", "ceisio dod i mewn", "torri i mewn"),
        "weapon": ("cyllell", "gyllell", "gwn", "arf"),
        "kill": ("lladd", "ladd"),
        "help": ("helpwch", "cymorth", "help fi", "helpwch fi", "achub"),
        "hiding": ("cuddio",),
        "child": ("plentyn", "plant", "mab", "merch"),
        "past": ("ddoe", "diwethaf", "roedd", "oedd", "yn ôl"),
    },
    "lt": {
        "now": ("dabar", "šiuo metu", "šiąnakt", "tuoj"),
        "follow": ("seka", "persekioja", "sekioja"),
        "place": ("prie durų", "prie mano durų", "lauke", "namuose", "prie lango", "čia"),
        "entry": ("bando įeiti", "laužiasi", "bando įsilaužti"),
        "weapon": ("peilį", "peilis", "ginklą", "ginklas"),
        "kill": ("nužudys", "užmuš", "nužudyti"),
        "help": ("padėkit", "padėkite", "gelbėkit", "pagalbos", "padėk"),
        "hiding": ("slepiuosi", "pasislėpiau"),
        "child": ("vaikas", "vaiką", "vaikai", "sūnų", "dukrą"),
        "past": ("vakar", "praeitą", "pernai", "buvo", "sekė"),
    },
    "so": {
        "now": ("hadda", "haatan", "xilligan", "caawa"),
        "follow": ("daba socda", "i daba socda", "raacaya", "eryanaya"),
        "place": ("albaabka", "irridda", "banaanka", "guriga", "daaqadda", "halkan"),
        "entry": ("isku dayaya inuu soo galo", "albaabka jebinaya"),
        "weapon": ("mindi", "middi", "qori", "toorey"),
        "kill": ("dili", "i dili", "dilayaa"),
        "help": ("i caawi", "caawimaad", "gargaar", "i caawiya", "naga caawiya"),
        "hiding": ("dhuumanayaa", "qarsoon", "dhuuntay"),
        "child": ("ilmaha", "ilmahayga", "wiilka", "gabadha", "caruurta"),
        "past": ("shalay", "toddobaadkii hore", "joogay", "hore"),
    },
    "nl": {
        "now": ("nu", "op dit moment", "vanavond", "nu meteen"),
        "follow": ("volgt me", "volgt mij", "achtervolgt"),
        "place": ("voor mijn deur", "voor de deur", "voor mijn huis", "buiten", "in mijn tuin", "hier"),
        "entry": ("probeert binnen te komen", "breekt in", "trapt de deur"),
        "weapon": ("mes", "pistool", "wapen", "bijl"),
        "kill": ("vermoorden", "doodmaken", "vermoordt"),
        "help": ("hulp", "help mij", "red mij"),  # not "help": it is English too
        "hiding": ("ik verstop me", "verstopt"),
        "child": ("kind", "kinderen", "zoon", "dochter", "baby"),
        "past": ("gisteren", "vorige week", "geleden", "was", "waren"),
    },
    "tr": {
        "now": ("şimdi", "şu an", "şu anda", "hemen", "bu gece", "şuan"),
        "follow": ("takip", "takip ediyor", "peşimde", "peşimden"),
        "place": (
            "kapımda",
            "evimin önünde",
            "bahçemde",
            "bahçede",
            "kapımın önünde",
            "kapının önünde",
            "kapıda",
            "dışarıda",
            "evin önünde",
            "evde",
            "burada",
            "pencerede",
        ),
        "entry": ("içeri girmeye çalışıyor", "kapıyı kırıyor", "zorla girmeye"),
        "weapon": ("bıçak", "bıçağı", "bıçakla", "silah", "silahı", "tabanca"),
        "kill": ("öldürecek", "öldürmek", "öldürürüm"),
        "help": ("yardım", "yardım edin", "imdat"),
        "hiding": ("saklanıyorum", "saklanıyoruz"),
        "child": ("çocuk", "çocuğum", "çocuklar", "oğlum", "kızım"),
        "past": ("dün", "geçen", "önündeydi", "vardı", "idi"),
    },
}

# Common English words: a message made mostly of these is English and left to the English rules.
_ENGLISH = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "it",
        "its",
        "a",
        "an",
        "the",
        "this",
        "that",
        "and",
        "or",
        "but",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "up",
        "down",
        "out",
        "off",
        "over",
        "into",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "yes",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "must",
        "just",
        "now",
        "here",
        "there",
        "what",
        "when",
        "where",
        "who",
        "why",
        "how",
        "all",
        "some",
        "any",
        "please",
        "help",
        "call",
        "police",
        "someone",
        "somebody",
        "outside",
        "door",
        "window",
        "house",
        "home",
        "car",
        "follow",
        "following",
        "followed",
        "knife",
        "gun",
        "kill",
        "hurt",
        "scared",
        "again",
        "still",
        "right",
        "today",
        "tonight",
        "yesterday",
        "back",
        "come",
        "coming",
        "going",
        "go",
        "get",
        "got",
        "see",
        "saw",
        "know",
        "think",
        "want",
        "need",
        "tell",
        "said",
        "says",
        "ex",
        "man",
        "woman",
        "guy",
        "people",
        "one",
        "two",
        "okay",
        "hi",
        "hello",
        "thanks",
        "thank",
        "sorry",
        "very",
        "really",
        "too",
        "also",
        "then",
        "than",
        "if",
        "as",
        "about",
        "after",
        "before",
        "because",
        "like",
        "well",
        "way",
        "time",
        "day",
        "night",
        "week",
        "month",
        "year",
        "work",
        "school",
        "kids",
        "son",
        "daughter",
        "phone",
        "message",
        "text",
        "again",
        "being",
        "keep",
        "keeps",
        "won't",
        "don't",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")
_NON_LATIN = re.compile(r"[\u0600-\u06ff\u0400-\u04ff\u0900-\u097f\u0980-\u09ff\u0a00-\u0a7f]")
_CLASSES = ("now", "follow", "place", "entry", "weapon", "kill", "help", "hiding", "child", "past")


def _compile(word_class: str) -> re.Pattern[str]:
    phrases = {" ".join(_WORD.findall(fold(p))) for lex in LEXICONS.values() for p in lex.get(word_class, ())}
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True) if p)
    return re.compile(r"(?:^| )(?:" + alternation + r")(?= |$)")


_PATTERNS = {word_class: _compile(word_class) for word_class in _CLASSES}


def mostly_foreign(text: str) -> bool:
    """Whether a message is mostly not English (non-Latin script, or few common English words)."""
    words = _WORD.findall(fold(text[:2000]))
    if not words:
        return False
    if len(_NON_LATIN.findall(text[:2000])) * 2 > sum(len(w) for w in words):
        return True
    english = sum(1 for w in words if w in _ENGLISH)
    return english * 2 <= len(words)


def foreign_classes(text: str) -> frozenset[str]:
    """The word classes (now, follow, place, ...) present in a message, matched on folded words."""
    joined = " ".join(_WORD.findall(fold(text)))
    return frozenset(word_class for word_class, pattern in _PATTERNS.items() if pattern.search(joined))


def is_past_foreign(text: str) -> bool:
    """A past-time word with no now-word (used to keep "yesterday he was outside" calm)."""
    found = foreign_classes(text)
    return "past" in found and "now" not in found


def foreign_danger(text: str) -> list[tuple[str, str]]:
    """Danger in a mostly non-English message: (kind, frame) pairs by the rule of thumb above."""
    if not mostly_foreign(text):
        return []
    found = foreign_classes(text)
    now = "now" in found
    frame = "now" if now or "past" not in found else "past"
    signals: list[tuple[str, str]] = []
    if "help" in found:
        signals.append(("call_for_help", frame))
    if "weapon" in found:
        signals.append(("weapon", frame))
    if "hiding" in found:
        signals.append(("hiding", frame))
    if "entry" in found:
        signals.append(("entry_attempt", frame))
    timed = "now" if now else "past" if "past" in found else "habitual"
    if "follow" in found:
        signals.append(("followed_now", timed))
    if "place" in found:
        signals.append(("suspect_present", timed))
    if "kill" in found:
        signals.append(("threat_imminent", timed))
    if "child" in found and found & {"follow", "place", "kill", "weapon"}:
        signals.append(("child_in_danger", timed))
    return signals
