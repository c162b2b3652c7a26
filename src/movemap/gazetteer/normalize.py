"""Name normalisation: the keys under which places are indexed and looked up.

Four kinds of key, from strict to loose:

``name_key``
    Case, diacritics and punctuation folded: ``Ch'ŏngjin``, ``Chŏngjin``, ``CHONGJIN`` and
    ``Chongjin`` are all ``chongjin``. Other scripts keep their letters (``Чхонджин`` becomes
    ``чхонджин``, ``청진`` stays ``청진``).
``split_generic`` / ``region_bases``
    A name with its generic administrative words removed (oblast, krai, region, область,
    지방, ...), and with Russian and Ukrainian adjectival endings folded, so that
    ``Kurskaya oblast``, ``Kursk region`` and ``Курская область`` meet at ``kursk``.
``skeleton``
    A consonant skeleton of a Latin name that erases the differences between romanisation
    systems: vowels dropped, voiced and unvoiced consonants merged, digraphs folded. Korean
    Revised Romanisation and McCune-Reischauer (``Cheongjin``/``Chongjin``,
    ``Hamheung``/``Hamhung``) and Russian and Ukrainian forms (``Kharkov``/``Kharkiv``,
    ``Lugansk``/``Luhansk``) share one skeleton. It is a rule, not a list of cities.
``deletes``
    Every one-character deletion of a key, for typo tolerance (symmetric delete search).

``key_hash`` turns any key into the stable 64-bit number the on-disk index is sorted by.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = [
    "COMPASS_WORDS",
    "DEMONYM_ENDINGS",
    "QUALIFIER_WORDS",
    "airfield_base",
    "deletes",
    "demonym_bases",
    "direction_phrase",
    "feature_key",
    "garrison_base",
    "key_hash",
    "kind_phrase",
    "name_key",
    "region_bases",
    "seat_keys",
    "settlement_base",
    "skeleton",
    "split_generic",
    "without_article",
]

# Apostrophes and modifier letters vanish (Primor'ye -> primorye); other punctuation splits.
_DROP = "'’‘`´ʹʻʼʽ\"“”«»"
_FOLD = {
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
    "ŀ": "l", "ħ": "h", "ŧ": "t", "ĸ": "k",
}
_ASCII_TABLE = str.maketrans(
    {**{c: None for c in _DROP}, **{c: " " for c in "-_.,;:!?()[]{}/\\|&+*#@~=<>^$%"}}
)
_OTHER_TABLE = str.maketrans({**{c: None for c in _DROP}, **_FOLD})
_NONWORD = re.compile(r"[^\w\s]+")
# Combining marks that decomposition splits off letters: Latin, Greek and Cyrillic diacritics,
# Hebrew and Arabic vowel points.
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf-\u05c7\u0610-\u061a\u064b-\u065f"
    "\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)


def name_key(name: str) -> str:
    """Fold case, diacritics and punctuation; keep letters of every script.

    Examples
    --------
    >>> name_key("Ch'ŏngjin")
    'chongjin'
    >>> name_key("  Hamgyŏng-bukto ")
    'hamgyong bukto'
    >>> name_key("Чхонджин")
    'чхонджин'
    """
    if name.isascii():
        if name.isalnum():
            return name.lower()
        return " ".join(name.translate(_ASCII_TABLE).lower().split())
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", name)).casefold()
    folded = _NONWORD.sub(" ", folded.translate(_OTHER_TABLE)).replace("_", " ")
    folded = " ".join(folded.split())
    # Recompose so that Hangul jamo become syllables again.
    return folded if folded.isascii() else unicodedata.normalize("NFC", folded)


def _keys(words: str) -> frozenset[str]:
    return frozenset(name_key(w) for w in words.split())


# Generic words for first-level regions, in the languages of the places we cover most.
_GENERIC = _keys(
    "oblast oblasti obl region province provincia krai kray republic respublika okrug "
    "autonomous avtonomnyy avtonomnaya avtonomnyi ao aok district territory governorate "
    "prefecture state county voivodeship "
    "область обл край республика округ автономный автономная регион "
    "республіка автономна "
    "주 도 지방 공화국 변경주 자치구 자치공화국 지역 "
    "州 省 地方 共和国 自治区 边疆区"
)
_LEADING_FILLERS = _keys("of the")
# Hangul and CJK region names attach their generic word: 쿠르스크주, 함경북도, 滨海边疆区.
_ATTACHED_SUFFIXES = tuple(sorted(
    _keys("변경주 자치공화국 자치구 공화국 지방 주 도 边疆区 自治区 共和国 州 省"),
    key=len, reverse=True,
))
_ADJECTIVE_ENDINGS = (
    ("skaya", "sk"), ("skiy", "sk"), ("skii", "sk"), ("skij", "sk"), ("skyi", "sk"),
    ("skyy", "sk"), ("sky", "sk"), ("ski", "sk"), ("ska", "sk"), ("skoy", "sk"),
    ("ская", "ск"), ("скии", "ск"), ("ськии", "ськ"), ("ська", "ськ"),
)


def split_generic(key: str) -> tuple[str, bool]:
    """Remove generic administrative words from the ends of a key.

    Returns the base and whether any generic word was found. Only leading and trailing words
    count, so a town such as ``Rio do Sul`` keeps its ``do``.

    >>> split_generic("kursk oblast")
    ('kursk', True)
    >>> split_generic("republic of buryatia")
    ('buryatia', True)
    >>> split_generic("kursk")
    ('kursk', False)
    """
    words = key.split()
    found = False
    while len(words) > 1 and words[-1] in _GENERIC:
        words.pop()
        found = True
    while len(words) > 1 and (words[0] in _GENERIC or (found and words[0] in _LEADING_FILLERS)):
        found = found or words[0] in _GENERIC
        words.pop(0)
    if words and not words[-1].isascii():
        last = words[-1]
        for suffix in _ATTACHED_SUFFIXES:
            if last.endswith(suffix) and len(last) > len(suffix) + 1:
                words[-1] = last[: -len(suffix)]
                found = True
                break
    return " ".join(words), found


def _deadjective(base: str) -> str:
    head, _, last = base.rpartition(" ")
    for ending, replacement in _ADJECTIVE_ENDINGS:
        if last.endswith(ending) and len(last) > len(ending) + 1:
            last = last[: -len(ending)] + replacement
            break
    return f"{head} {last}" if head else last


def region_bases(key: str) -> frozenset[str]:
    """The base forms under which a region name is indexed and looked up.

    >>> sorted(region_bases("kurskaya oblast"))
    ['kursk', 'kurskaya']
    """
    base, _ = split_generic(key)
    return frozenset(b for b in (base, _deadjective(base)) if b)


# Words that say "city" or "county": 청진시, 清津市, "Chongjin-si", "Kursk city".
_SETTLEMENT_WORDS = _keys("city si shi town gorod город місто 시 市 군 郡")
_SETTLEMENT_SUFFIXES = tuple(name_key(s) for s in ["시", "市", "군", "郡"])


def settlement_base(key: str) -> str | None:
    """The key without a word or suffix meaning city, or None if it has none.

    >>> settlement_base("청진시")
    '청진'
    >>> settlement_base("chongjin si")
    'chongjin'
    >>> settlement_base("kursk") is None
    True
    """
    head, _, last = key.rpartition(" ")
    if head and last in _SETTLEMENT_WORDS:
        return head
    if not key.isascii():
        for suffix in _SETTLEMENT_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                return key[: -len(suffix)]
    return None


# the words that join a town's name to what tells it from namesakes (Talavera de la Reina,
# Frankfurt an der Oder, Boulogne-sur-Mer, Newcastle upon Tyne)
_TOWN_PARTICLES = re.compile(
    r"^(?P<head>\S{4,}) (?:de la|de las|de los|del|de|do|da|dos|das|di|della|delle|dei|am|"
    r"an der|an den|im|in der|ob der|sur|sous|en|les|upon|on) \S")
# first words that are no name alone (San Sebastian de los Reyes is no "San")
_NO_HEAD = frozenset((
    "santa", "santo", "sant", "sao", "saint", "sainte", "sankt", "villa", "ville", "puerto",
    "porto", "port", "ciudad", "cidade", "fort", "fuerte", "mont", "monte", "mount", "castel",
    "castello", "castillo", "nueva", "nuevo", "nova", "novo", "vila", "grand", "gran", "alto",
    "alta", "bajo", "baja", "playa", "torre", "cabo", "barra", "valle", "cerro", "boca",
    "lomas", "cruz", "bahia", "campos", "paso", "bourg", "feira", "duque", "juiz", "lauro",
    "hidalgo", "oliveira", "presidente", "general", "coronel", "capitan", "doctor", "padre",
    "marques", "conde", "lago", "laguna", "isla", "ilha", "rio", "arroyo"))


def town_head(key: str) -> str | None:
    """The first word of a town's key that its name qualifies after a particle, as people
    say it for short, or None.

    >>> town_head("talavera de la reina"), town_head("boulogne sur mer")
    ('talavera', 'boulogne')
    >>> town_head("san sebastian de los reyes") is None, town_head("kursk") is None
    (True, True)
    """
    m = _TOWN_PARTICLES.match(key)
    if m is None or m["head"] in _NO_HEAD or not m["head"].isalpha():
        return None
    return m["head"]


_DIGRAPHS = (
    ("shch", "s"), ("sch", "s"), ("tch", "c"), ("dzh", "c"), ("ch", "c"), ("sh", "s"),
    ("zh", "c"), ("kh", "k"), ("ts", "c"), ("tz", "c"), ("dz", "c"), ("ph", "f"),
    ("th", "t"), ("ck", "k"), ("gh", "k"),
)
_CONSONANT_CLASS = str.maketrans(
    {
        "g": "k", "h": "k", "q": "k", "c": "c", "j": "c", "z": "s", "b": "p", "d": "t",
        "v": "f", "w": "f", "x": "k",
    }
)
_VOWELS = frozenset("aeiouy")


def skeleton(key: str) -> str | None:
    """The romanisation-blind consonant skeleton of a Latin key, or None for other scripts.

    >>> skeleton("cheongjin") == skeleton("chongjin")
    True
    >>> skeleton("kharkov") == skeleton("kharkiv")
    True
    >>> skeleton("hamheung") == skeleton("hamhung")
    True
    """
    if not key.isascii():
        return None
    s = key.replace(" ", "")
    if not s:
        return None
    for digraph, replacement in _DIGRAPHS:
        s = s.replace(digraph, replacement)
    s = s.translate(_CONSONANT_CLASS)
    out = ["a" if s[0] in _VOWELS else s[0]]
    for ch in s[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


def deletes(key: str) -> list[str]:
    """All strings made by deleting one character of ``key``.

    >>> deletes("kurs")
    ['urs', 'krs', 'kus', 'kur']
    """
    return [key[:i] + key[i + 1 :] for i in range(len(key))]


def key_hash(key: str) -> int:
    """A stable unsigned 64-bit hash of a key (BLAKE2b), the same in every process."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


# Words that say what kind of place a name is: "Engels air base", "port of Vostochny",
# "Kursky raion". Each belongs to a class of kinds (see ``gazetteer.KIND_CLASSES``).
_KIND_SUFFIXES: dict[str, tuple[str, ...]] = {
    "air": (
        "air base", "airbase", "air force base", "afb", "airfield", "air field", "airport",
        "international airport", "intl airport", "aerodrome", "airstrip", "air station",
        "naval air station", "army airfield", "air force station", "military airfield",
        "landing ground", "advanced landing ground", "military air base",
        # the United States' abbreviations: Air Reserve Base, Air National Guard Base, Army
        # Air Field ("March ARB", "Selfridge ANGB", "Wheeler AAF")
        "arb", "angb", "aaf", "air reserve base", "air national guard base",
        "аэропорт", "аэродром", "авиабаза", "аеропорт", "аеродром", "авіабаза",
        # Turkish, as names are written there ("İncirlik Hava Üssü", "Esenboğa Havalimanı")
        "hava ussu", "havalimani", "havaalani",
    ),
    "port": (
        "port", "seaport", "sea port", "harbour", "harbor", "naval base", "naval station",
        "navy base", "commercial port", "sea commercial port", "oil terminal",
        "dockyard", "naval dockyard", "navy yard", "naval yard", "docks", "shipyard",
        "порт", "морской порт", "военно морская база", "limani", "deniz ussu",
    ),
    # A bridge is often named by what it carries ("the Arnhem road bridge", "the Nijmegen
    # railway bridge") or how it is built: those words are part of the kind, not of X.
    "bridge": ("bridge", "road bridge", "rail bridge", "railway bridge",
               "railroad bridge", "highway bridge", "motorway bridge", "pontoon bridge",
               "floating bridge", "suspension bridge", "footbridge", "foot bridge",
               "pedestrian bridge", "viaduct", "railway viaduct", "мост", "міст", "koprusu"),
    "pass": ("pass", "mountain pass", "перевал"),
    "crossing": ("border crossing", "crossing", "checkpoint", "border checkpoint",
                 "crossing point", "кпп"),
    "beach": ("beach", "beachhead", "landing beach"),
    "island": ("island", "isle", "остров", "острів"),
    "district": ("county", "raion", "rayon", "district", "municipal district",
                 "municipality", "район", "муниципальный район"),
    # Power plants and dams (``sources.power_plant_entries``): a class of their own, so that
    # "X refinery" or "X base" is not the power station of a town X.
    "power": (
        "nuclear power plant", "nuclear power station", "power plant", "power station",
        "thermal power plant", "hydroelectric power plant", "npp", "tpp", "hpp", "dam",
        "nuclear plant", "nuclear station", "atomic power station", "thermal power station",
        "hydroelectric power station", "hydroelectric plant", "hydroelectric station",
        "hydroelectric dam", "hydropower plant", "hes", "chp", "аэс", "тэц", "гэс",
        "дамба", "плотина", "гребля",
    ),
    # Facilities and natural features no package lists: at X, or X itself with a warning.
    "site": (
        "training ground", "training area", "training range", "firing range", "test site",
        "testing ground", "proving ground", "launch site", "cosmodrome", "spaceport",
        # "polygon" is how translations from Russian and Ukrainian write полигон/полігон
        "polygon", "range", "firing ground", "exercise area", "training camp",
        "military camp", "army camp", "camp", "refugee camp", "airborne camp",
        "reservoir", "plant", "factory", "works", "steelworks", "steel plant", "refinery",
        "oil refinery", "oil depot", "fuel depot", "ammunition depot", "arms depot", "depot",
        "arsenal", "barracks", "garrison", "military base", "army base", "base",
        "bay", "peninsula", "salient", "bridgehead", "heights", "hill", "hills", "ridge",
        "gap", "valley", "gorge", "forest", "woods", "wood", "strait", "river", "lake",
        "полигон", "полігон", "завод", "нпз", "водохранилище", "полуостров",
    ),
}
_KIND_PREFIXES: dict[str, tuple[str, ...]] = {
    # the air forces' own style: "RAF Lakenheath", "RAAF Base Darwin" (not "Naval Air
    # Station X": many such names are of closed stations, far from a town X)
    "air": ("аэропорт", "аэродром", "авиабаза", "аеропорт", "аеродром", "авіабаза",
            "raf", "raaf", "raaf base", "rcaf", "rnas",
            # other air forces' stations by their initials: Sri Lanka's (OurAirports' "SLAF
            # Palaly"), Pakistan's, India's, New Zealand's, Malaysia's, Saudi Arabia's,
            # Jordan's, Thailand's, South Africa's
            "slaf", "paf", "paf base", "iaf", "iaf station", "rnzaf", "rnzaf base", "rmaf",
            "rsaf", "rjaf", "rtaf", "saaf", "saaf base",
            # as French, German, Spanish, Italian, Portuguese and Polish write them
            "aeroport de", "base aerienne de", "flughafen", "fliegerhorst", "aeropuerto de",
            "aeropuerto", "base aerea de", "aeroporto di", "aeroporto de", "aeroporto",
            "lotnisko"),
    "port": ("port of", "harbour of", "harbor of", "порт", "port de", "hafen",
             "puerto de", "porto di", "porto de", "base navale de", "base naval de"),
    "island": ("isle of", "island of", "остров", "острів", "ile de", "isla de", "isola di"),
    "bridge": ("bridge at", "мост", "pont de", "puente de", "ponte di", "ponte de"),
}
# Korean, Chinese and Japanese write the kind word joined to the name (부산항, 순안비행장,
# 丹东港, 鸭绿江大桥): read off the end of the name's last word, the name at least two
# characters long.
_JOINED_SUFFIXES: tuple[tuple[str, str], ...] = tuple(sorted(
    [(w, "air") for w in ("공항", "국제공항", "비행장", "국제비행장", "공군기지", "机场",
                          "国际机场", "空港", "国際空港", "空军基地")]
    + [(w, "port") for w in ("항", "항구", "군항", "해군기지", "港", "海军基地")]
    + [(w, "bridge") for w in ("대교", "철교", "大桥", "大橋", "铁桥")],
    key=lambda item: -len(item[0])))
_JOINED_MIN = 2
_SUFFIX_TABLE = sorted(
    ((name_key(w), cls) for cls, words in _KIND_SUFFIXES.items() for w in words),
    key=lambda item: -len(item[0]),
)
_PREFIX_TABLE = sorted(
    ((name_key(w), cls) for cls, words in _KIND_PREFIXES.items() for w in words),
    key=lambda item: -len(item[0]),
)
# The tables by the last (suffixes) or first (prefixes) word, longest phrase first: a name
# is checked only against the phrases that end (begin) with its own last (first) word.
_SUFFIXES_BY_WORD: dict[str, list[tuple[str, str]]] = {}
for _words, _cls in _SUFFIX_TABLE:
    _SUFFIXES_BY_WORD.setdefault(_words.rsplit(" ", 1)[-1], []).append((_words, _cls))
_PREFIXES_BY_WORD: dict[str, list[tuple[str, str]]] = {}
for _words, _cls in _PREFIX_TABLE:
    _PREFIXES_BY_WORD.setdefault(_words.split(" ", 1)[0], []).append((_words, _cls))
_FEATURE_MARK = "\x01"


QUALIFIER_WORDS = frozenset({"international", "intl", "regional", "municipal", "national",
                             "domestic", "civil", "military", "county", "city"})
"""Words that qualify a feature without naming it (``Town International``)."""


_FIELD_WORD = " field"


def airfield_base(key: str) -> str | None:
    """X of a name written "X Field", the style of the United States' military airfields
    named for airmen (Wheeler Field, now Wheeler Army Air Field; Maxwell Field, now Maxwell
    AFB), or None.

    >>> airfield_base("maxwell field"), airfield_base("springfield"), airfield_base("field")
    ('maxwell', None, None)
    >>> airfield_base("north field") is None  # a compass word names no airman
    True
    """
    if not key.endswith(_FIELD_WORD):
        return None
    base = key[: -len(_FIELD_WORD)].strip()
    return base if base and base not in COMPASS_WORDS else None  # not "North Field"


def kind_phrase(key: str) -> tuple[str, str] | None:
    """The kind class and the base of a name that says its kind, or None.

    >>> kind_phrase("engels air base")
    ('air', 'engels')
    >>> kind_phrase("port of vostochny")
    ('port', 'vostochny')
    >>> kind_phrase("bridge at henichesk")
    ('bridge', 'henichesk')
    >>> kind_phrase("sudzhansky raion")
    ('district', 'sudzhansky')
    >>> kind_phrase("aeroport de bordeaux"), kind_phrase("incirlik hava ussu")
    (('air', 'bordeaux'), ('air', 'incirlik'))
    >>> kind_phrase("부산항"), kind_phrase("순안국제비행장"), kind_phrase("항") is None
    (('port', '부산'), ('air', '순안'), True)
    >>> kind_phrase("kursk") is None
    True
    """
    for words, cls in _SUFFIXES_BY_WORD.get(key.rsplit(" ", 1)[-1], ()):
        if key.endswith(" " + words):
            base = key[: -len(words) - 1].strip()
            if base:
                return cls, base
    for words, cls in _PREFIXES_BY_WORD.get(key.split(" ", 1)[0], ()):
        if key.startswith(words + " "):
            base = key[len(words) + 1 :].strip()
            if base:
                return cls, base
    if key and ord(key[-1]) >= _JOINED_SCRIPTS:
        for word, cls in _JOINED_SUFFIXES:
            base = key[: -len(word)].strip()
            if key.endswith(word) and len(base) >= _JOINED_MIN:
                return cls, base
    return None


_JOINED_SCRIPTS = 0x2E80  # CJK radicals onwards: Han, kana, Hangul


# Articles a feature's name may begin with that reports leave out: "Al Asad Air Base" is
# "Asad air base", "La Spezia naval base" "Spezia naval base".
_ARTICLES = frozenset({"the", "la", "le", "les", "l", "el", "al", "il", "lo", "los", "las"})


def without_article(base: str) -> str | None:
    """The base of a feature's name without a leading article, or None if it has none.

    >>> without_article("la spezia"), without_article("al asad"), without_article("kursk")
    ('spezia', 'asad', None)
    >>> without_article("la") is None
    True
    """
    head, _, rest = base.partition(" ")
    return rest if rest and head in _ARTICLES else None


def feature_key(cls: str, base: str) -> str:
    """The index key of a place of kind class ``cls`` named for ``base``.

    Districts meet at the folded adjective (``Kursky raion`` and ``Kursk district``).

    >>> feature_key("district", "kursky") == feature_key("district", "kursk")
    True
    """
    if cls == "district":
        base = _deadjective(base)
    return f"{_FEATURE_MARK}{cls} {base}"


# Russian and Ukrainian district names are adjectives of their seat town: Kursky (Kursk),
# Sudzhansky (Sudzha), Oboyansky (Oboyan), Shebekinsky (Shebekino), Khomutovsky (Khomutovka),
# Valuysky (Valuyki), Bakhmutskyi (Bakhmut), Kramatorskyi (Kramatorsk). The adjective is the
# stem plus -sky; the town is the stem with one of a few endings, or with a linking -n dropped.
_SEAT_ADJECTIVES = ("skaya", "skiy", "skii", "skij", "skyi", "skyy", "skoy", "skoe", "sky",
                    "ski", "ska", "ский", "ская", "ськии", "ськии", "ський", "ська")
_SEAT_ENDINGS = ("sk", "", "a", "o", "ka", "ki", "y", "i", "e")
_SEAT_ENDINGS_CYRILLIC = ("ск", "", "а", "о", "ка", "ки", "ы", "и", "е", "ськ")


def seat_keys(base: str) -> list[str]:
    """Keys of the towns a district named ``base`` may be the district of, likeliest first.

    >>> seat_keys("sudzhansky")[:3]
    ['sudzhansk', 'sudzhan', 'sudzhana']
    >>> "sudzha" in seat_keys("sudzhansky") and "kursk" in seat_keys("kursky")
    True
    >>> seat_keys("izium")
    ['izium']
    """
    head, _, last = base.rpartition(" ")
    out = [base]
    for ending in _SEAT_ADJECTIVES:
        if last.endswith(ending) and len(last) > len(ending) + 2:
            stem = last[: -len(ending)]
            endings = _SEAT_ENDINGS if stem.isascii() else _SEAT_ENDINGS_CYRILLIC
            forms = [stem + e for e in endings]
            if stem[-1] in "nн":  # Sudzha -> Sudzhansky: the -n- only links
                forms += [stem[:-1] + e for e in endings[1:4]]
            out = [f"{head} {f}" if head else f for f in forms]
            break
    return list(dict.fromkeys(k for k in out if k))


_DIRECTIONS = {
    "north": "north", "northern": "north", "south": "south", "southern": "south",
    "east": "east", "eastern": "east", "west": "west", "western": "west",
    "central": "central", "centre": "central", "center": "central",
    "northeast": "northeast", "northeastern": "northeast", "northwest": "northwest",
    "northwestern": "northwest", "southeast": "southeast", "southeastern": "southeast",
    "southwest": "southwest", "southwestern": "southwest",
    "north east": "northeast", "north eastern": "northeast", "north west": "northwest",
    "north western": "northwest", "south east": "southeast", "south eastern": "southeast",
    "south west": "southwest", "south western": "southwest",
}
_DIRECTION_PHRASE = re.compile(
    r"^(?:the )?(?P<d>(?:north|south)(?: ?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|"
    r"central|centre|center)(?: (?:part|parts|region|regions) of| of)?(?: the)? (?P<rest>.+)$"
)


COMPASS_WORDS = frozenset(_DIRECTIONS)
"""Words that name a direction (``north``, ``southern``, ``centre``...)."""


# Words before a name that make it a garrison or camp (``Camp Taji``, ``Fort Kabul``, ``FOB
# Salerno``). Not kind words of the index: ``Fort Worth`` and ``Camp Springs`` are towns, and
# the names of their airports keep the word.
_GARRISON_PREFIXES = ("forward operating base", "operating base", "fire base", "firebase",
                      "fob", "camp", "fort", "cantonment")


def garrison_base(key: str) -> str | None:
    """The name after a garrison word (``camp taji`` -> ``taji``), or None.

    >>> garrison_base("camp taji"), garrison_base("fob salerno"), garrison_base("kursk")
    ('taji', 'salerno', None)
    """
    for word in _GARRISON_PREFIXES:
        if key.startswith(word + " ") and len(key) > len(word) + 1:
            return key[len(word) + 1:].strip() or None
    return None


def direction_phrase(key: str) -> tuple[str, str] | None:
    """The direction and the area of a name such as ``eastern Ukraine``, or None.

    The direction is one of ``north``, ``south``, ``east``, ``west``, the four between them
    and ``central``; "the north of X", "northern parts of X" and "north-eastern X" say it too.

    >>> direction_phrase("eastern ukraine")
    ('east', 'ukraine')
    >>> direction_phrase("the north east of england")
    ('northeast', 'england')
    >>> direction_phrase("kursk") is None
    True
    """
    match = _DIRECTION_PHRASE.match(key)
    if match is None:
        return None
    direction = _DIRECTIONS.get(match["d"])
    return (direction, match["rest"]) if direction else None


# How English makes the word for a people from the name of their land, as (ending of the
# word, endings of the land to try): Kashmiri (Kashmir), Tibetan (Tibet), Crimean (Crimea),
# Texan (Texas), Catalan (Catalonia), Chechen (Chechnya), Kurdish (Kurdistan), English
# (England), Scottish (Scotland), Turkish (Turkey), Sudanese (Sudan), Bosnian (Bosnia),
# Sicilian (Sicily), Somali (Somalia). (Uzbek for Uzbekistan is made
# the other way, when the index is built: see ``sources.add_area_demonyms``.)
_DEMONYM_RULES = (
    ("ian", ("ia", "a", "y", "")), ("ean", ("ea", "")), ("an", ("", "a", "as", "onia")),
    ("en", ("nya", "nia")), ("ish", ("istan", "and", "land", "ey", "")),
    ("tish", ("tland",)), ("ese", ("", "a")), ("i", ("", "a", "istan")),
)
DEMONYM_ENDINGS = tuple(sorted({ending for ending, _ in _DEMONYM_RULES}))
"""The endings of a word ``demonym_bases`` reads (and of its plural, with an s)."""


def demonym_bases(key: str) -> list[str]:
    """Keys of the lands a one-word name for a people may come from, likeliest first.

    Only a lookup among areas can tell which (if any) is real.

    >>> demonym_bases("kashmiri")[:1], "tibet" in demonym_bases("tibetan")
    (['kashmir'], True)
    >>> "kurdistan" in demonym_bases("kurdish") and "crimea" in demonym_bases("crimeans")
    True
    >>> demonym_bases("kursk forces")
    []
    """
    if " " in key or not key.isascii() or not key.isalpha() or len(key) < 4:
        return []
    # plurals of the words that take one: Crimeans, Kashmiris (not Messines, a town)
    words = [key, key[:-1]] if key.endswith(("ans", "is")) else [key]
    out: list[str] = []
    for word in words:
        for ending, lands in _DEMONYM_RULES:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: len(word) - len(ending)]
                out += [stem + land for land in lands if land or len(stem) >= 4]
    return [k for k in dict.fromkeys(out) if k != key]
