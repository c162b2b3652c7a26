"""Place mentions in text: every known name found at once, then guarded against false hits.

Latin names go through one Aho-Corasick automaton holding the names of the places a report
is likely to name: every region, country and site, and towns of 5,000 or more (every Latin
spelling GeoNames has). Names in other scripts (``Владивосток``, ``청진``) are looked up word
by word in the gazetteer's exact index, in any report; a Korean word keeps its particle
(``청진에서``, from Chongjin) and a Russian one its case ending (``Курска``), so both are tried
without them.

A match counts when it stands on word boundaries, starts with a capital (in a cased script)
and passes the guards, each a general rule with a name (:data:`GUARDS`):

``function-word``
    every word of it is an English function word or a number (``It is``, ``At 3``, ``Ten``);
``ordinary-word``
    it is an ordinary English word (lower case in the ``web2`` word list: ``Part``, ``Bad``,
    ``Bug``) that is another name of a place or the name of one smaller than a million
    people, and no place cue (``in``, ``to``,
    ``from``, ``near``, ``across the``...) stands right before it;
``named-thing``
    it names a ship, an operation, a beach, a unit or a person: ``Operation``, ``aboard``,
    ``the liner``, ``HMS``, ``General`` before it (or before the list it ends), ``Beach``,
    ``beaches``, ``sector``, ``Division``, ``divisions``, ``Fleet``, ``Front`` after it (or
    after the list it starts: the Hammurabi and Medina divisions);
``adjective``
    an article stands right before it (``an Argentine garrison``, ``a Moscow source``): a
    place name is not counted with ``a``; in German any article (``dem König``: German
    writes its nouns with a capital), unless the word is an area's name (``die Schweiz``);
``demonym``
    it reads as a people's adjective (``-ine``, ``-ese``, ``-ish``, ``-ian``) before a
    lower-case noun that is not a kind of place (``Argentine air attacks``);
``part-of-name``
    it is a piece of a longer capitalised name (``Sainte`` in ``Sainte-Mere-Eglise``,
    ``Kyrylo`` in ``Kyrylo Budanov``, the possessor in a site's name such as ``X's Drift``),
    or the last word of such a name met earlier in the report (``General Ariel Sharon`` ...
    ``Sharon's men``);
``acronym``
    it is written in capitals, four letters or fewer, and is not a country or region (``NIS``
    is an agency, not Niš).

Three more kinds of name are found outside the matcher: names written with an apostrophe
(``N'Djamena``, ``Ch'ŏngjin``: the index keys leave it out), names with the words of their
kind (``Engels air base``, ``Mitla Pass``, ``port of Vostochny``: kept only when the gazetteer
knows that feature by its name), and towns of any size the text calls villages or towns
(``the villages of Lastochkyne and Sieverne``) or names right after a word that says a move
starts, passes or ends there (``left Srebrenica``, ``from Zenica``, ``reached Vitez``,
``to Bagram``). A capitalised name in such a slot (or the object of ``took``, ``captured``)
that the index does not know exactly but the resolver reads whole (another romanisation,
``Yangtsun``; a feature known by its kind, ``Baledogle``) is a ``loose`` mention: it passes
the same guards, yields to any name found otherwise, and ``extract.report`` keeps it only
near the places the report names exactly.

Everything here is linear in the text's length: each check reads a window of fixed size.
"""

from __future__ import annotations

import functools
import pickle
import re
import sys
import unicodedata
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from movemap.extract.alternation import grouped
from movemap.extract.lookahead import matches_from, quick
from movemap.gazetteer import Gazetteer, Kind, Method, Place, Resolution
from movemap.gazetteer.ambiguity import ambiguous
from movemap.gazetteer.normalize import name_key

__all__ = ["GUARDS", "Mention", "find_mentions", "fold", "rejected"]

MIN_POPULATION = 5_000
ORDINARY_MAX_POPULATION = 1_000_000
_FORMAT = 4
# English function words: never a place on their own, nor all the words of one.
COMMON = frozenset("""
a about after against all also an and any are around as at be because been before being
between both but by can could day days did do does during each early even few first five for
four from further had has have he her here his how i if in into is it its just last late
least less like many march may more most much must new next no not now of off on once one
only or other our out over own people per same say says second several she should since so
some still such than that the their them then there these they third this those three
through to too two under until up very was we were what when where which while who will with
within would year years you six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred thousand
mary victoria
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday
tuesday wednesday thursday friday saturday sunday
""".split())  # noqa: SIM905 (a word list reads better so)
GUARDS = ("function-word", "ordinary-word", "named-thing", "adjective", "demonym",
          "part-of-name", "acronym")
_FORCE_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:troops|forces|soldiers|fighters|"
                          r"units|militias?|militiamen|mercenaries|paratroopers|armies|"
                          r"divisions|marines|commandos|infantry|tanks|warships|columns|convoys|"
                          r"gunmen|rebels|insurgents|guerrillas|militants|servicemen)\b")
_WATER_BEFORE = re.compile(r"\b(?:Straits?|Gulf|Bay|Sea|Cape|Isthmus|Lake|Mount|Mouth)\s+of\s+"
                           r"(?:the\s+)?$")
_NUMBER_BEFORE = re.compile(r"(?<![\d,.])\b\d{1,3}\s+$")
_QUARTER = re.compile(r"(?:Western|Eastern|Northern|Southern)$")
_DEMONYM = re.compile(r"(?:ine|ese|ish|ian)$")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:region|province|oblast|area|district|port|harbou?r|airport|airfield|bay|river|"
    r"sector|front|city|town|valley|coast|peninsula|border|bridgehead|pocket)\b)[a-z]")
# a kind of place and "of" after a people's word: the place is named after "of"
_KIND_OF_AFTER = re.compile(r"\s+(?:port|harbou?r|city|town|capital|coast|island|province|"
                            r"region|fortress|village)\s+of\b")
_ARTICLE = re.compile(r"\b(?:an?|An?)\s+$")
# a German article (and an adjective) before a capitalised word: a noun, not a town (a town
# takes none; a country or a river may: die Schweiz, die Oder)
_DE_ARTICLE = re.compile(r"\b(?:[Dd](?:er|ie|as|em|en|es)|[Ee]ine?[mnrs]?|[Ss]eine?[mnrs]?|"
                         r"[Ii]hre?[mnrs]?|[Zz]u[mr]|[Ii]m|[Aa]m|[Vv]om|[Bb]eim|[Ii]ns)\s+"
                         # (an adjective between: der alten Stadt; not a preposition, which
                         # opens a place's slot: das in Kundus)
                         r"(?:(?!(?:in|nach|aus|von|bei|bis|über|vor|an|auf|gegen|mit|zu)\s)"
                         r"[a-zäöüß]+\s+)?$")
_NOT_WORD = re.compile(r"[^\w]|_")
_PLACE_CUE = grouped(quick(re.compile(
    r"\b(?:in|at|to|from|near|into|towards?|toward|onto|across|via|through|outside|around|"
    r"cross|crossed|crosses|crossing|forded|bridged|up|down|on|off|"
    r"reach|reaches|reaching|reached|entered|left|of|beyond|past|behind|along|over|captured|"
    r"took|seized|(?:bound|sailed|headed|heading|departed|leaving|left|out)\s+for|"
    r"destination\s+(?:was|is)|"
    r"liberated|occupied|abandoned|evacuated|held|besieged|besieging|"
    r"(?:came|comes|come|appeared|arrived|sat\s+down)\s+before)\s+"
    r"(?:the\s+(?:river\s+)?)?$", re.I)))
# the words for a ship or a kind of ship, one or many
_SHIP_NOUNS = (r"(?:ships?|liners?|carriers?|frigates?|destroyers?|cruisers?|vessels?|ferry|"
               r"ferries|transports?|battleships?|submarines?|tankers?|trawlers?|merchantmen|"
               r"steamers?|troopships?|landing\s+ships?)")
_THING_BEFORE = grouped(re.compile(
    r"(?:\b(?:Operations?|Exercise|Op\.|aboard|on\s+board|onboard|HMS|HMAS|HMCS|HMNZS|USS|"
    # (a people's word may qualify the ship: "the American cruiser Brooklyn")
    r"USNS|SS|MV|RMS|ROKS|INS|(?:[Tt]he|['’]s)\s+(?:[a-z]+\s+|[A-Z][a-z]+(?:an|ish|ese|ic|"
    r"i|ch)\s+)?" + _SHIP_NOUNS + "|"
    # a ship named in apposition: "his battleships, the Arkansas, New Hampshire and ..."
    + _SHIP_NOUNS + r",\s+the|"
    r"General|Gen\.|Marshal|Admiral|Adm\.|Colonel|Col\.|Major|Maj\.|Captain|Capt\.|"
    r"Lieutenant|Lt\.|Sergeant|Sgt\.|President|Minister|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
    r"Commander|Cdr\.|Brigadier|Field\s+Marshal|King|Queen|Prince|Lord|Lady|Sir|Saint|St\.|"
    # a title of nobility names a person: the Duke of Albemarle went down to Chatham
    r"(?:Grand\s+|Arch)?(?:Duke|Duchess)|Earl|Marquess|Marquis|Count|Countess|Viscount|"
    r"Baron|"
    # ranks as French, Spanish, Portuguese and Italian write them, in lower case (le général
    # Lake, el coronel Dorrego, il generale Cadorna)
    r"g[ée]n[ée]ral|generale|mar[ée]chal|amiral|almirante|ammiraglio|capitaine|capit[áa]n|"
    r"commandant|comandante|coronel|colonnello|colonel|mariscal|lieutenant|teniente)\s+"
    r"(?:the\s+|of\s+)?)$"))
# the words a match of _THING_BEFORE ends with, before its spaces (a suffix will do): a
# window that ends otherwise (most) is not searched, the pattern being tried at each character
_THING_ENDS = ("Operation", "Operations", "Exercise", "Op.", "board", "HMS", "HMAS", "HMCS",
               "HMNZS", "USS", "USNS", "SS", "MV", "RMS", "ROKS", "INS", "ship", "ships", "liner",
               "liners", "carrier", "carriers", "frigate", "frigates", "destroyer", "destroyers",
               "cruiser", "cruisers", "vessel", "vessels", "ferry", "ferries", "transport",
               "transports", "submarine", "submarines", "tanker", "tankers", "trawler", "trawlers",
               "merchantmen", "steamer", "steamers", "General", "Gen.", "Marshal", "Admiral",
               "Adm.", "Colonel", "Col.", "Major", "Maj.", "Captain", "Capt.", "Lieutenant", "Lt.",
               "Sergeant", "Sgt.", "President", "Minister", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.",
               "Dr", "Dr.", "Commander", "Cdr.", "Brigadier", "King", "Queen", "Prince", "Lord",
               "Lady", "Sir", "Saint", "St.", "the", "of", "Duke", "Duchess", "Earl", "Marquess",
               "Marquis", "Count", "Countess", "Viscount", "Baron", "général", "general",
               "generale", "maréchal", "marechal", "amiral", "almirante", "ammiraglio",
               "capitaine", "capitán", "capitan", "commandant", "comandante", "coronel",
               "colonnello", "colonel", "mariscal", "lieutenant", "teniente")


# a title of nobility in the languages read here, with its "of" (le duc d'Angoulême, el duque
# de Alba, il duca di Genova, der Herzog von Braunschweig): the place names a person
_TITLE_OF = re.compile(
    r"(?i:\b(?:duc|duchesse|comte|comtesse|marquis|marquise|vicomte|prince|princesse|duque|"
    r"duquesa|conde|condesa|marqu[ée]s|pr[íi]ncipe|duca|duchessa|conte|contessa|marchese|"
    r"principe|herzog|herzogin|graf|gr[äa]fin|f[üu]rst|prinz|markgraf)\s+(?:de\s+la\s+|de\s+|"
    r"du\s+|des\s+|d['’]\s*|del\s+|della\s+|di\s+|von\s+|van\s+))$")


# the last words _TITLE_OF can end with (the window is tried only when it ends with one)
_TITLE_LINKS = frozenset({"de", "du", "des", "del", "della", "di", "von", "van", "la"})


def _thing_before(window: str) -> bool:
    """Whether ``_THING_BEFORE`` matches ``window`` (which ends right before a name), tried
    only when the window ends with one of its words and a space; or ``_TITLE_OF``, when it
    ends with an "of" a title takes."""
    body = window.rstrip()
    if (len(body) < len(window) and body.endswith(_THING_ENDS)
            and _THING_BEFORE.search(window) is not None):
        return True
    words = body.rsplit(None, 1)
    return (window.endswith(("d'", "d’")) or (bool(words) and words[-1].lower() in _TITLE_LINKS)
            ) and _TITLE_OF.search(window) is not None
# a person's title right before a name (Lord Chelmsford, Admiral Seymour): later in the report,
# the name alone is that person too
_TITLE = re.compile(r"\b(?:General|Gen\.|Marshal|Admiral|Adm\.|Colonel|Col\.|Major|Maj\.|"
                    r"Captain|Capt\.|Lieutenant|Lt\.|Commander|Brigadier|President|Minister|"
                    r"King|Queen|Prince|Lord|Lady|Sir)\s+$")
_THING_AFTER = re.compile(
    r"\s+(?:[Bb]each(?:es|head)?|[Ss]ectors?|transports?\b|aircraft\b|planes?\b|jets?\b|"
    r"helicopters?\b|bombers?\b|tanks?\b|carriers?\b|[Ll]andings?\s+beach|[Cc]lass\b|"
    # a weapon named like a town (Bradley vehicles, Hawk missiles, Paladin howitzers)
    r"(?:fighting\s+)?vehicles\b|howitzers?\b|launchers?\b|missiles?\b|rockets?\b|[Ff]orce\s+"
    r"(?:beach|landing)|[Bb]eachheads?|[Dd]ivisions\b|Division\b|Corps\b|Brigades?\b|"
    r"Regiments?\b|Fleet\b|Front\b|Battalions?\b)\b")
# a possessive before a capitalised word of the land (Rorke's Drift, a ranch, a crossing): the
# name of a site, of which the possessor is no place
_SITE_AFTER = re.compile(r"['’]s\s+(?:Drift|Ranch|Crossing|Farm|Ford|Ferry|Hill|Kraal|Landing|"
                         r"Mill|Station|Store|Creek|Bluff|Gap|Gully|Point|Wells?|Springs?|Post|"
                         r"Knob|Nek|Kop|Pass|Camp|Corner|Bridge)\b")
_LIST_NEXT = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)([A-Z][\w'-]*)")
_PARTICLE_AFTER = re.compile(r"\s+(?:el|al|ad|as|ash|ed|es|en|ibn|bin|ben)[\s-][A-Z]")
_CAPWORD_END = re.compile(r"([A-Z][\w'-]*)$")
# the capitalised words of one name ending a text (New Hampshire, South Carolina)
_CAPWORDS_END = re.compile(r"(?<![\w'-])((?:[A-Z][\w'-]*\s)?(?:[A-Z][\w'-]*\s)?[A-Z][\w'-]*)$")
# a particle between two capitalised words of one name (Bir el Gubi, Ras al Khaimah)
_PARTICLE_BEFORE = re.compile(r"[A-Z][\w'’]*[\s-](?:el|al|ad|as|ash|ed|es|en|ibn|bin|ben)$")
# the same in a report in another language, where "en", "es", "as" and "ed" are its own words
# (Moerdijk en Dordrecht: and; en France: in; as tropas: the; Roma ed Ostia: and)
# ... but after the head words of Arabic names they are particles in any language (Ras en
# Naqoura, Tell es Sultan, Bir el Gubi in a French report)
_ARABIC_HEAD = (r"(?:Ras|Tell|Tel|Bir|Wadi|Jebel|Jabal|Djebel|Sidi|Umm|Ain|Ayn|Khan|Deir|Dayr|"
                r"Qasr|Jisr|Bab|Abu|Khirbet|Kafr|Kfar|Beni|Bani|Nahr|Tall|Marsa|Mersa|Sheikh)")
_PARTICLE_AFTER_ABROAD = re.compile(r"\s+(?:el|al|ad|ash|ibn|bin|ben)[\s-][A-Z]")
_PARTICLE_BEFORE_ABROAD = re.compile(r"(?:[A-Z][\w'’]*[\s-](?:el|al|ad|ash|ibn|bin|ben)|"
                                     + _ARABIC_HEAD + r"[\s-](?:en|es|ed|as|et|er|ez|an|at))$")
_ARABIC_HEAD_WORD = re.compile(_ARABIC_HEAD)
_COMPASS = re.compile(r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|"
                      r"Upper|Lower|Greater)(?:-?(?:east|west)(?:ern)?)?$")
_NONLATIN = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)?|[\uac00-\ud7a3]+")
_HANGUL_PARTICLES = tuple(sorted((
    "에서", "으로", "로", "에", "의", "은", "는", "이", "가", "을", "를", "까지", "부터", "와",
    "과", "도", "만", "에게", "으로부터", "로부터", "항", "시"), key=len, reverse=True))
_CYRILLIC_ENDINGS = ("ого", "ему", "ом", "ем", "ой", "ей", "ою", "а", "у", "е", "ы", "и", "я",
                     "ю")
# a case ending that replaces the ending of the name's own form (к Грозному: Грозный; на Кушку:
# Кушка; в Ингушетию: Ингушетия; Чечни: Чечня), tried after the endings that only drop
_CYRILLIC_SWAPS = (("ому", "ый"), ("ого", "ый"), ("ом", "ый"), ("ым", "ый"), ("ому", "ий"),
                   ("ого", "ий"), ("ой", "ая"), ("ую", "ая"), ("ию", "ия"), ("ии", "ия"),
                   ("у", "а"), ("е", "а"), ("ы", "а"), ("и", "а"), ("ой", "а"), ("ю", "я"),
                   ("и", "я"), ("е", "я"), ("и", "ь"))


# function words of the other Latin-script languages read (French, Spanish)
_OTHER_COMMON = {
    "fr": frozenset(("le", "la", "les", "des", "du", "de", "et", "est", "dans", "une", "un", "au",
                     "aux", "sur", "par", "pour", "qui", "que", "ont", "été", "sont", "il", "ils",
                     "leur", "en", "à", "ce", "cette", "ces", "son", "sa", "ses")),
    "es": frozenset(("el", "la", "los", "las", "del", "de", "y", "en", "una", "un", "por", "para",
                     "que", "con", "al", "fue", "fueron", "se", "su", "sus", "desde", "hacia", "lo",
                     "este", "esta", "estos")),
    "pt": frozenset(("o", "a", "os", "as", "do", "da", "dos", "das", "de", "e", "em", "no", "na",
                     "um", "uma", "por", "para", "que", "com", "ao", "à", "pelo", "pela", "foi",
                     "foram", "se", "seu", "sua", "este", "esta", "não", "segundo", "janeiro",
                     "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
                     "setembro", "outubro", "novembro", "dezembro")),
    "it": frozenset(("il", "lo", "la", "i", "gli", "le", "di", "del", "della", "e", "ed", "in",
                     "nel", "nella", "un", "una", "per", "che", "con", "al", "alla", "da", "dal",
                     "dalla", "su", "sul", "è", "sono", "questo", "questa", "secondo", "gennaio",
                     "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                     "settembre", "ottobre", "novembre", "dicembre")),
    "de": frozenset(("der", "die", "das", "den", "dem", "des", "und", "in", "im", "ein", "eine",
                     "von", "vom", "zu", "zum", "zur", "mit", "auf", "aus", "bei", "nach", "an",
                     "am", "man", "seine", "ihre", "sie", "er", "es", "wir", "nicht", "laut",
                     "januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
                     "september", "oktober", "november", "dezember")),
    "nl": frozenset(("de", "het", "een", "van", "en", "in", "op", "te", "dat", "die", "met",
                     "voor", "naar", "bij", "uit", "door", "zij", "ze", "hij", "niet", "ook",
                     "volgens", "januari", "februari", "maart", "april", "mei", "juni", "juli",
                     "augustus", "september", "oktober", "november", "december")),
    "sv": frozenset(("och", "i", "att", "det", "som", "en", "ett", "på", "av", "för", "med",
                     "till", "den", "de", "från", "han", "hon", "vid", "sedan", "där", "enligt",
                     "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                     "september", "oktober", "november", "december")),
}


# ... and the rest of their closed classes a sentence may open with (question words,
# conjunctions, pronouns, adverbs of time and place, auxiliaries): "Wie es im Hauptquartier
# heisst" is no Wiesbaden
_MORE_COMMON = {
    "fr": ("où", "quand", "comme", "mais", "ou", "donc", "car", "ni", "puis", "alors", "ainsi",
           "selon", "depuis", "après", "avant", "pendant", "contre", "vers", "chez", "sans",
           "sous", "entre", "nous", "vous", "elle", "elles", "on", "tous", "toutes", "tout",
           "ici", "là", "hier", "demain", "aujourd'hui", "déjà", "encore", "aussi", "très"),
    "es": ("donde", "cuando", "como", "pero", "o", "sino", "pues", "entonces", "así", "según",
           "después", "antes", "durante", "contra", "entre", "sin", "sobre", "bajo", "nosotros",
           "ellos", "ellas", "él", "ella", "todos", "todo", "aquí", "allí", "ayer", "mañana",
           "hoy", "ya", "también", "muy", "mientras", "aunque", "hasta"),
    "pt": ("onde", "quando", "como", "mas", "ou", "pois", "então", "assim", "depois", "antes",
           "durante", "contra", "entre", "sem", "sobre", "nós", "eles", "elas", "ele", "ela",
           "todos", "tudo", "aqui", "ali", "ontem", "amanhã", "hoje", "já", "também", "muito",
           "enquanto", "embora", "até", "desde"),
    "it": ("dove", "quando", "come", "ma", "o", "oppure", "poi", "allora", "così", "dopo",
           "prima", "durante", "contro", "tra", "fra", "senza", "sotto", "noi", "voi", "loro",
           "lui", "lei", "tutti", "tutto", "qui", "qua", "lì", "là", "ieri", "domani", "oggi",
           "già", "anche", "molto", "mentre", "benché", "fino"),
    "de": ("wie", "wo", "wann", "was", "wer", "warum", "als", "auch", "aber", "oder", "doch",
           "noch", "schon", "so", "über", "unter", "vor", "gegen", "seit", "bis", "durch",
           "für", "ohne", "um", "hier", "dort", "heute", "morgen", "gestern", "nun", "dann",
           "da", "dies", "diese", "dieser", "dieses", "jene", "sein", "ist", "sind", "war",
           "waren", "hat", "haben", "hatte", "wird", "werden", "wurde", "soll", "sollen",
           "nachdem", "während", "weil", "dass", "ob", "alle", "viele", "einige", "ihr",
           "ihm", "ihn", "uns", "euch", "wenn", "falls", "denn", "sondern", "jedoch"),
    "nl": ("hoe", "waar", "wanneer", "wat", "wie", "als", "maar", "of", "dan", "toen", "nu",
           "hier", "daar", "vandaag", "morgen", "gisteren", "al", "nog", "ook", "zeer", "tegen",
           "sinds", "tot", "zonder", "onder", "over", "wij", "jullie", "zijn", "was", "waren",
           "heeft", "hebben", "wordt", "worden", "werd", "terwijl", "omdat"),
    "sv": ("hur", "var", "när", "vad", "vem", "som", "men", "eller", "då", "nu", "här",
           "där", "idag", "redan", "också", "mot", "sedan", "till", "utan", "under", "över",
           "vi", "ni", "de", "dem", "är", "har", "hade", "blir", "blev", "medan", "eftersom"),
}
# each language's function words: its articles and prepositions, and the words above
_FUNCTION_WORDS = {lang: words | frozenset(_MORE_COMMON.get(lang, ()))
                   for lang, words in _OTHER_COMMON.items()}


_FOLD_TABLE: dict[int, str] = {c: chr(c).lower() for c in range(65, 91)}


def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    base = base.lower()
    return base if len(base) == 1 else ch.lower() if len(ch.lower()) == 1 else ch


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one: offsets stay those of ``text``."""
    if text.isascii():
        return text.lower()
    for ch in set(text):  # the table grows by the characters met, then translate runs in C
        if ord(ch) not in _FOLD_TABLE and not ch.isascii():
            _FOLD_TABLE[ord(ch)] = _fold_char(ch)
    return text.translate(_FOLD_TABLE)


def _word_character(ch: str) -> str:
    """What ``_words_only`` makes of one character: folded, or a space if not of a word."""
    folded = fold(ch)
    return " " if _NOT_WORD.match(folded) else folded


# (every ASCII character in it from the start: an ASCII text needs no look at its characters)
_WORD_TABLE: dict[int, str] = {c: _word_character(chr(c)) for c in range(128)}


def _words_only(text: str) -> str:
    """``fold(text)`` with every character that is not part of a word (``_NOT_WORD``) a
    space, one character for one; in one ``translate`` (the table grows by the characters
    met), not a regular expression's replacement per character."""
    if not text.isascii():
        for ch in set(text):
            if ord(ch) not in _WORD_TABLE:
                _WORD_TABLE[ord(ch)] = _word_character(ch)
    return text.translate(_WORD_TABLE)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text, with its offsets and the sentence it is in."""

    text: str
    start: int
    end: int
    sentence: int
    loose: bool = False
    """Found only by its position (a slot of a move) and the resolver's whole look-up
    (another romanisation, a feature's kind): kept only when it lies among the report's
    other places (see ``extract.report``)."""


def _wanted_key(key: str) -> bool:
    """Whether the matcher may hold ``key``: three letters or more, not a function word."""
    return len(key) >= 3 and key not in COMMON


def _wanted_place(place: Place) -> bool:
    """Whether the matcher holds the names of ``place``: any kind but a town, and towns of
    :data:`MIN_POPULATION` or more."""
    return place.kind is not Kind.CITY or (place.population or 0) >= MIN_POPULATION


# The first words of names that texts shorten, and how (Saint Petersburg, St. Petersburg).
_SHORTENED = {"saint": "st", "sankt": "st", "st": "st", "sainte": "ste", "ste": "ste",
              "mount": "mt", "mt": "mt", "fort": "ft", "ft": "ft"}


def _written_forms(key: str) -> tuple[str, ...]:
    """``key`` and the forms a text's abbreviation gives it in ``_words_only``'s terms: a
    first word that is shortened stands before one space, or two where a full stop ended it
    (``st  petersburg`` for "St. Petersburg", ``ft  bliss`` for "Ft. Bliss")."""
    first, _, rest = key.partition(" ")
    short = _SHORTENED.get(first)
    if short is None or not rest:
        return (key,)
    return (key, f"{short} {rest}", f"{short}  {rest}")


def _words_matcher(keys: Iterable[str]) -> Any:
    """An Aho-Corasick automaton of ``keys`` as whole words (each is added as " key "), with
    the forms the usual abbreviations of their first word give them (``_written_forms``)."""
    import ahocorasick

    matcher = ahocorasick.Automaton()
    for key in keys:
        for form in _written_forms(key):
            matcher.add_word(f" {form} ", len(form) + 2)
    matcher.make_automaton()
    return matcher


def _vocabulary(gazetteer: Gazetteer) -> list[str]:
    index = gazetteer._index  # the extractor is part of movemap; the index is its to read
    keys = []
    for key in index._vocab:
        if not _wanted_key(key):
            continue
        number = index.best_exact(key)
        if number is not None and _wanted_place(index.place(number)):
            keys.append(key)
    return keys


def _ordinary(gazetteer: Gazetteer, keys: list[str]) -> frozenset[str]:
    """The keys that are ordinary English words: another name of a place, or the name of
    one under a million people."""
    from english_words import get_english_words_set

    lower = {w for w in get_english_words_set(["web2"], alpha=True) if w.islower()}
    index = gazetteer._index
    out = set()
    for key in keys:
        if key in lower:
            number = index.best_exact(key)
            place = index.place(number) if number is not None else None
            if place is None or place.kind is Kind.COUNTRY:
                continue
            if name_key(place.name) != key or (place.population or 0) < ORDINARY_MAX_POPULATION:
                out.add(key)  # "Part" is only another name of Perth; "Berlin" is Berlin
    return frozenset(out)


@cache
def automaton(gazetteer: Gazetteer, cache_dir: Path | None = None) -> tuple[Any, frozenset[str]]:
    """The name matcher for this gazetteer and its ordinary words, kept in the cache once built."""
    from movemap import cache as cache_folder

    def build(folder: Path) -> None:
        keys = _vocabulary(gazetteer)
        matcher = _words_matcher(keys)
        with (folder / "automaton.pickle").open("wb") as f:
            pickle.dump((matcher, _ordinary(gazetteer, keys)), f)

    def read(folder: Path) -> tuple[Any, frozenset[str]]:
        # written by this code into a checked cache entry, never taken from elsewhere
        with (folder / "automaton.pickle").open("rb") as f:
            loaded: tuple[Any, frozenset[str]] = pickle.load(f)
            return loaded

    key = cache_folder.digest(f"format {_FORMAT}", gazetteer._index.manifest["fingerprint"],
                              sys.modules[__name__])
    built: tuple[Any, frozenset[str]] = cache_folder.load(
        "mentions", key, build, read, what="name matcher of extract", root=cache_dir)
    return built


def _inside_longer_name(text: str, start: int, end: int, town: bool = False,
                        language: str = "en") -> bool:
    """Whether a match is a piece of a longer name (reads a few characters either side).
    ``town``: the match names a town, which a compass word before it only places within
    (West Beirut); an area after one is another area (West Timor is not Timor)."""
    after, particle = ((_PARTICLE_AFTER, _PARTICLE_BEFORE) if language == "en"
                       or _ARABIC_HEAD_WORD.fullmatch(text, start, end)
                       else (_PARTICLE_AFTER_ABROAD, _PARTICLE_BEFORE_ABROAD))
    if after.match(text, end, min(len(text), end + 12)):
        return True  # Ras el Medauar, Bir al Gubi
    if end < len(text) - 1 and text[end] == "-" and text[end + 1].isalpha():
        return True
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    if end < len(text) - 1 and text[end] == " " and text[end + 1].isupper():
        return True
    if start > 1 and text[start - 1] == " " and text[start - 2].isalpha():
        window = text[max(0, start - 40): start - 1]
        if particle.search(window):
            return True  # Bir el Gubi, Tell es Sultan: not the town Gubi
        word = _CAPWORD_END.search(window)
        if word is not None and not (town and _COMPASS.match(word.group(1))):
            # West Beirut, Northern Kherson: the place's own part, not another name
            before = window[: word.start()].rstrip(" ")
            if before and before[-1] not in ".!?\n:\"“(" and word.group(1).lower() not in COMMON:
                return True
    return False


# the small words a headline in title case may leave in lower case
_TITLE_SMALL = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of",
                          "on", "or", "the", "to", "with", "vs", "via"})
_HEADLINE_CHARS = 160  # a longer line is no headline


def _title_case_line(text: str, start: int) -> bool:
    """Whether ``text[start]`` stands in a short line of its own written in title case
    (``Japanese Occupy Kirin``), where a capital word before a name does not make it a
    person's surname for the rest of the report: every word but the small ones has one, and
    the line has no full stop inside it."""
    first = text.rfind("\n", max(0, start - _HEADLINE_CHARS), start)
    if first < 0 and start > _HEADLINE_CHARS:
        return False
    last = text.find("\n", start, start + _HEADLINE_CHARS)
    if last < 0 and len(text) - start > _HEADLINE_CHARS:
        return False
    line = text[first + 1: last if last >= 0 else len(text)].strip()
    if not line or ". " in line:
        return False
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in _TITLE_SMALL]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _compass_before(text: str, start: int) -> bool:
    """Whether a compass word stands right before ``text[start:]`` (West Beirut)."""
    word = _CAPWORD_END.search(text, max(0, start - 16), max(0, start - 1))
    return word is not None and _COMPASS.match(word.group(1)) is not None


def _after_a_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends a capitalised name (``Ariel Sharon``) mid-sentence."""
    if end < len(text) - 1 and text[end] == " " and text[end + 1].isupper():
        return False
    window = text[max(0, start - 40): start]
    word = _CAPWORD_END.search(window.rstrip(" "))
    if word is None or window.rstrip(" ") == window:
        return False
    if word.group(1).endswith(("'s", "’s")):
        return False  # Verevkin's Orenburg column: the town his column is named for
    if word.group(1).lower() in _FEATURE_NOUNS:
        return False  # RAAF Base Darwin, Naval Station Rota, Camp Bastion: a place's feature
    before = window[: word.start()].rstrip(" ")
    return (bool(before) and before[-1] not in ".!?\n:\"“(" and word.group(1).lower() not in COMMON
            and not _title_case_line(text, start))


# the nouns of a feature's name before the place it is named for (RAAF Base Darwin, Naval Air
# Station Sigonella, Camp Lemonnier, Fort Bliss): the name after them is no person's
_FEATURE_NOUNS = frozenset({"base", "station", "camp", "fort", "field", "airfield", "airport",
                            "port", "harbour", "harbor", "bridge", "pass", "cape", "mount",
                            "lake", "bay", "island", "point", "garrison", "barracks"})


def _list_start(text: str, start: int) -> int:
    """The start of the list of capitalised names ``text[start:]`` ends (``A, B and C``)."""
    while True:
        window = text[max(0, start - 60): start]
        link = _link_start(window)
        if link is None:
            return start
        word = _CAPWORDS_END.search(window[:link])
        if word is None:
            return start
        start = start - len(window) + word.start()


def _link_start(window: str) -> int | None:
    """Where the link of a list that ends ``window`` starts (a comma, "and" or "or": where
    ``(?:,\\s*|\\s+and\\s+|\\s+or\\s+|,\\s*and\\s+)$`` would match first), or None; read back
    from the end, not tried at every character as the engine tries a pattern ending in ``$``."""
    body = window.rstrip()  # (the whitespace of \s)
    if body.endswith(","):
        return len(body) - 1
    if len(body) == len(window):
        return None  # "and" and "or" need a space after them
    for word in ("and", "or"):
        if body.endswith(word):
            before = body[: -len(word)].rstrip()
            if word == "and" and before.endswith(","):
                return len(before) - 1  # ", and"
            return len(before) if len(before) < len(body) - len(word) else None
    return None


def _list_end(text: str, end: int) -> int:
    """The end of the list of capitalised names ``text[:end]`` starts."""
    for _ in range(12):
        m = _LIST_NEXT.match(text, end, min(len(text), end + 60))
        if m is None:
            break
        end = m.end()
    return end


# a saint's name, and what is named for a saint after its possessive (a day, a church, a
# hospital, a school): St. George's Day is no St. George
_SAINT = re.compile(r"(?:St|Ste|Saint|Sainte|Sankt)\b")
_SAINTS_THING = re.compile(r"['’]s?\s+(?:Day|Eve|Night|Feast|Mass|Hospital|Infirmary|Church|"
                           r"Cathedral|Chapel|Basilica|Abbey|Priory|Convent|Monastery|College|"
                           r"School|University)\b")


# a ship named after "The" and before what is done to ships (The Bismarck was sunk)
_SHIP_FATE = re.compile(r"\s+(?:was|were|had\s+been|has\s+been)\s+(?:sunk|scuttled|torpedoed|"
                        r"commissioned|decommissioned|launched|refitted|beached|rammed)\b")


def _named_thing(text: str, start: int, end: int) -> bool:
    # the name itself, then the list it ends or starts, when it is in one (each read once)
    if _thing_before(text[max(0, start - 40): start]):
        return True
    if _SAINT.match(text, start, end) and _SAINTS_THING.match(text, end, min(len(text),
                                                                               end + 24)):
        return True  # St. George's Day, St. Mary's Hospital: named for the saint, no place
    if text[max(0, start - 4): start] in ("The ", "the ") and _SHIP_FATE.match(
            text, end, min(len(text), end + 40)):
        return True
    first = _list_start(text, start)
    if first != start and _thing_before(text[max(0, first - 40): first]):
        return True
    if _THING_AFTER.match(text, end, min(len(text), end + 30)):
        return True
    last = _list_end(text, end)
    return last != end and _THING_AFTER.match(text, last, min(len(text), last + 30)) is not None


def _per_gazetteer(question: Callable[[Gazetteer, str], bool]) -> Callable[[Gazetteer, str], bool]:
    """``question`` answered once per gazetteer and word. The answers live with the
    gazetteer (weakly keyed): a cache keyed by it would keep every gazetteer it was asked
    about alive, and answer for one whose data changed with another's answers."""
    answers: weakref.WeakKeyDictionary[Gazetteer, dict[str, bool]] = weakref.WeakKeyDictionary()

    @functools.wraps(question)
    def asked(gazetteer: Gazetteer, word: str) -> bool:
        known = answers.setdefault(gazetteer, {})
        answer = known.get(word)
        if answer is None:
            if len(known) >= _ANSWERS:
                known.clear()
            answer = known[word] = question(gazetteer, word)
        return answer

    return asked


_ANSWERS = 4096  # words remembered per gazetteer and question


@_per_gazetteer
def _is_area(gazetteer: Gazetteer, word: str) -> bool:
    place = gazetteer.resolve(word)
    return place.found and place.place.kind is not Kind.CITY


@_per_gazetteer
def _area_by_name(gazetteer: Gazetteer, word: str) -> bool:
    """Whether ``word`` is an area's own name, not the people's adjective (``Spanish``,
    which the gazetteer reads as Spain)."""
    place = gazetteer.resolve(word)
    return place.found and place.place.kind is not Kind.CITY and (
        place.best.method is not Method.DEMONYM)


@_per_gazetteer
def _by_demonym(gazetteer: Gazetteer, word: str) -> bool:
    """Whether the gazetteer reads ``word`` only as a people's word (``French``, ``Dutch``;
    not ``Albi``, a town too)."""
    place = gazetteer.resolve(word)
    return place.found and place.best.method is Method.DEMONYM and not any(
        c.method is Method.NAME for c in place.candidates)


_POSSESSOR = re.compile(r"\b([A-Z][\w-]*)['’]s[^\S\n]+$")


def _in_an_area(text: str, start: int, gazetteer: Gazetteer) -> bool:
    """Whether the name at ``start`` follows the possessive of an area (Russia's Kursk
    region, Ukraine's Kharkiv): a place in it, not the second word of a person's name."""
    m = _POSSESSOR.search(text, max(0, start - 40), start)
    return m is not None and _is_area(gazetteer, m.group(1))


def rejected(text: str, start: int, end: int, gazetteer: Gazetteer,
             ordinary: frozenset[str] = frozenset(), language: str = "en") -> str | None:
    """The name of the guard that rejects the match ``text[start:end]``, or None.

    ``language``: the report's, when not English: the English guards on articles and
    ordinary words do not apply (``a Granada`` is to Granada in Spanish), and French or
    Spanish function words are no places either (``Los``, ``Les``)."""
    word = text[start:end]
    key = word.lower()
    common = _FUNCTION_WORDS.get(language, frozenset())
    if all(w in COMMON or w in common or w.isdigit() for w in key.split()):
        return "function-word"
    if _named_thing(text, start, end):
        return "named-thing"
    if language == "en" and _ARTICLE.search(text, max(0, start - 4), start):
        return "adjective"
    if language == "de" and " " not in word and _DE_ARTICLE.search(
            text, max(0, start - 30), start) and not _area_by_name(gazetteer, word):
        return "adjective"  # dem König, der Stadt: German writes its nouns with a capital
    if _QUARTER.match(word) and _NOUN_AFTER.match(text, end, min(len(text), end + 40)):
        return "demonym"  # Western officials, Northern forces
    if " " not in word and _FORCE_AFTER.match(text, end, min(len(text), end + 40)):
        return "demonym"  # Kazakh forces, Wagner fighters, Arab and Kuwaiti troops
    # (what the two patterns' ends need, first: "of" or "the", a digit, before the spaces)
    before = text[max(0, start - 16): start].rstrip()
    if before.endswith(("of", "the")) and _WATER_BEFORE.search(text, max(0, start - 16), start):
        return "named-thing"  # the Strait of Malacca, the Cape of Good Hope
    if before[-1:].isdecimal() and _NUMBER_BEFORE.search(text, max(0, start - 5), start):
        return "named-thing"  # 3 Para, 45 Commando: a unit
    if word.split(" ", 1)[0] in _OPENING_ARTICLES and " " in word and not all(
            w[:1].isupper() or w in _LINK_WORDS for w in word.split()[1:]):
        # "The mission", "The bridge", "Les habitants": a common noun at a sentence start
        return "function-word"
    if " " not in word and _KIND_OF_AFTER.match(text, end, min(len(text), end + 24)) and (
            _DEMONYM.search(key) or _by_demonym(gazetteer, word)):
        return "demonym"  # the French port of Dieppe, the Japanese island of Okinawa
    if _NOUN_AFTER.match(text, end, min(len(text), end + 40)) and (
            (_DEMONYM.search(key) and not _area_by_name(gazetteer, word))
            or (" " not in word and _by_demonym(gazetteer, word))):
        # the Spanish garrison, eight French officers; but Ukraine, Palestine are areas
        return "demonym"
    if _SITE_AFTER.match(text, end, min(len(text), end + 12)):
        return "part-of-name"
    if _inside_longer_name(text, start, end, town=_compass_before(text, start) and not (
            _is_area(gazetteer, word)), language=language) and not _in_an_area(
            text, start, gazetteer):
        return "part-of-name"
    if word.isupper() and len(word) <= 4 and word.isalpha() and not _is_area(gazetteer, word):
        return "acronym"
    if language == "en" and fold(key) in ordinary and not _PLACE_CUE.search(
            text[max(0, start - 30): start]):
        return "ordinary-word"
    return None


def _nonlatin(text: str, gazetteer: Gazetteer, restored: dict[tuple[int, int], str]
              ) -> list[tuple[int, int]]:
    """Spans of names in Cyrillic or Hangul the gazetteer knows (stem without its ending);
    ``restored`` receives the name of a span whose ending replaced the name's own."""
    index = gazetteer._index
    out = []
    for m in _NONLATIN.finditer(text):
        word = m.group(0)
        hangul = "\uac00" <= word[0] <= "\ud7a3"
        if not hangul and (not word[0].isupper() or len(word) < 3):
            continue  # По (according to) is no place
        candidates = [(word, len(word))]
        endings = _HANGUL_PARTICLES if hangul else _CYRILLIC_ENDINGS
        candidates += [(word[: -len(e)], len(word) - len(e)) for e in endings if
                       word.endswith(e) and len(word) - len(e) >= (2 if hangul else 4)]
        if not hangul:
            candidates += [(word[: -len(e)] + own, len(word) - len(e)) for e, own in
                           _CYRILLIC_SWAPS if word.endswith(e) and len(word) - len(e) >= 3]
        for stem, size in candidates:
            number = index.best_exact(name_key(stem))
            if number is None:
                continue
            place = index.place(number)
            if place.kind is Kind.CITY and (place.population or 0) < MIN_POPULATION:
                continue
            out.append((m.start(), m.start() + size))
            if size != len(stem):
                restored[out[-1]] = stem
            break
    return out


_APOSTROPHE_WORD = re.compile(r"\b[^\W\d_]+(?:['’ʼ][^\W\d_]+)+\b")
# a name with the words of its kind (Engels air base, Mitla Pass, port of Vostochny): the
# gazetteer resolves the phrase to a feature of that kind; the extractor keeps it only then
_KIND_NAME = re.compile(
    r"\b(?:[A-Z][\w'’-]+\s+){1,3}(?:(?:Army\s+|Air\s+Force\s+|International\s+|Naval\s+)?"
    r"(?:Air\s+Base|Airbase|Airfield|Air\s+Field|Airport|Aerodrome|Air\s+Station|Base)|"
    r"(?:Pass|Bridge|Naval\s+Base|Island|Isle)|(?:air\s+base|airbase|airfield|airport))\b"
    r"|\b(?:[Pp]ort|[Hh]arbou?r)\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
# a piece of each kind word _KIND_NAME ends with, or its port or harbour "of": a text without
# any (most) has no such phrase, and is not searched for one (every alternative begins with a
# letter: the engine skips to them)
_KIND_WORD = re.compile(r"Base|base|field|Field|irport|Aerodrome|Station|Pass|Bridge|Isl|"
                        r"Port\s+of\s|port\s+of\s|Harbou?r\s+of\s|harbou?r\s+of\s")
# the slots of a move: the names after "the villages of" (or "the airfield of"), after a word
# that says a move starts, passes or ends there (from, into, towards, reached), or after one that
# takes a place as its object (took, captured); there a town is a place however small, and a
# name the index does not know exactly is looked up whole by the resolver
_SLOT = grouped(re.compile(
    # (a preposition opens a sentence too: "From Kitona one column turned to the coast")
    r"\b(?:[Ff]rom|[Ii]nto|[Tt]owards?|to|(?<=\bleft\s)[A-Z][\w'’-]+\s+for|(?:sailed|set\s+out|"
    r"set\s+sail|embarked|departed|started|headed|bound|making|made|left)\s+for|"
    r"[Oo]ut\s+of|left|leaves|leaving|entered|enters|"
    r"entering|reached|reaches|reaching|[Oo]utside|[Vv]ia|[Tt]hrough|[Aa]t|[Nn]ear|[Aa]round|"
    r"[Aa]cross|[Bb]eyond|past|"
    r"took|taken|taking|captured|capturing|seized|seizing|occupied|occupying|liberated|"
    r"liberating|retook|retaken|recaptured|stormed|storming|"
    r"(?:(?:villages?|towns?|settlements?|hamlets?|"
    r"airfield|air\s+base|airport|port|harbou?r|mission|station)\s+of))\s+"
    r"(?:the\s+(?:(?:small\s+)?(?:town|city|village|settlement|area|vicinity|outskirts|port|"
    r"harbou?r|airfield|air\s+base|airport)\s+of\s+))?"))
# the small words inside a place's name (Ma'arrat al-Numan, Playa de la Cebadilla, Frankfurt
# am Main): Arabic, Romance, Germanic and Dutch articles and links, not English words ("an"
# and "on" would take "Gaza an Israeli" for a name)
_PARTICLES = ("al", "el", "ash", "ad", "ed", "de", "del", "della", "di", "da", "do", "dos",
              "das", "du", "des", "la", "le", "les", "von", "van", "der", "den", "ibn", "bin",
              "ben", "sur", "am")
_NAME_PARTICLE = "(?:" + "|".join(_PARTICLES) + ")"
# articles a sentence may open with, in the languages read here, and the small words a
# place's name holds in lower case (La Chaux-de-Fonds, Newcastle upon Tyne, Frankfurt an der
# Oder): "Les habitants" opens a sentence on a common noun, "Les Anglais" may be a town
_OPENING_ARTICLES = frozenset({"The", "Les", "Le", "La", "Los", "Las", "El", "Il", "Lo", "Gli",
                               "Os", "As", "Die", "Der", "Das", "Het", "De"})
_LINK_WORDS = frozenset(_PARTICLES) | {
    "an", "y", "e", "i", "en", "of", "upon", "on", "sous", "the", "im", "ob", "bei", "nad", "pod",
    "na", "et", "lès", "aux", "au"}
# a capitalised name within a line: a word, and up to two more, each after a space and any
# particles
_CAPITALISED = re.compile(r"[A-Z][\w'’-]+(?:[^\S\n]+(?:" + _NAME_PARTICLE
                          + r"(?:[^\S\n]+|-))*[A-Z][\w'’-]+){0,2}")
# a word that makes the name after it a place (a slot), looked for just before it
_SLOT_BEFORE = re.compile(r"\b(?:[Ff]rom|to|into|towards?|at|in|near|off|reached|entered|left|"
                          r"for)\s+(?:the\s+)?$")
_SMALL_LINK = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")


# a kind phrase is kept when the gazetteer knows that feature by name: a feature "nearby" or
# "of that kind" at a namesake is too often another one (Pope Air Force Base in Latvia; see
# _known_feature for a feature of that kind named for it)
_SURE = (Method.NAME, Method.ALTERNATE, Method.CODE)


_ISLAND_WORDS = frozenset({"Island", "Isle"})


@_per_gazetteer
def _known_feature(gazetteer: Gazetteer, phrase: str) -> bool:
    """Whether the gazetteer knows the feature ``phrase`` names by that name; or, for an
    island (``Masirah Island``), a place that is no town by the name it is named for (an
    airfield or a territory named for the island, where the gazetteer has no island)."""
    found = gazetteer.resolve(phrase)
    if not found.found or found.place.kind is Kind.CITY:
        return False
    return found.best.method in _SURE or (
        # a feature of that kind named for the phrase's name (Tablada airfield: Tablada
        # Airport), when no rival reads as well (not Hunter Army Airfield, as well read as
        # Hunter Airport in Tennessee, nor Pope Air Force Base beside Pope Valley Airport)
        found.best.method is Method.KIND and found.best.confident
        and not ambiguous(found.candidates)) or (
        found.best.method is Method.FALLBACK and phrase.rsplit(None, 1)[-1] in _ISLAND_WORDS)



def _letter(ch: str) -> bool:
    """Whether ``ch`` is in ``[^\\W\\d_]`` (a word character, not a decimal digit)."""
    return ch.isalnum() and not ch.isdecimal()


def _before_apostrophes(text: str) -> list[int]:
    """Where each run of letters that ends at an apostrophe starts, ascending: a match of
    :data:`_APOSTROPHE_WORD` starts where the run before its first apostrophe does (at a
    word's edge, so the whole run). Each run is read back at most to the apostrophe before
    (linear time)."""
    marks = sorted(at for mark in "'’ʼ" for at in _positions(text, mark))
    starts: list[int] = []
    floor, carry = 0, None
    for mark in marks:
        at = mark
        while at > floor and _letter(text[at - 1]):
            at -= 1
        if at == floor and carry is not None:
            at = carry  # the run goes on through the mark before, itself a letter (ʼ)
        if at < mark:
            starts.append(at)
        carry = at if _letter(text[mark]) else None
        floor = mark + 1
    return starts


def _positions(text: str, mark: str) -> Iterator[int]:
    at = text.find(mark)
    while at >= 0:
        yield at
        at = text.find(mark, at + 1)


def _apostrophe_names(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Spans of names written with an apostrophe (N'Djamena, Ch'ŏngjin) the index or an
    overlay knows: the matcher reads an apostrophe as a space, the index keys leave it out.
    A possessive is a name only with the capitalised words after it (Rorke's Drift, King's
    Lynn, St John's Wood): the longest such run of one or two words that is a known name."""
    out = []
    for m in matches_from(_APOSTROPHE_WORD, text, _before_apostrophes(text)):
        if not m.group(0)[0].isupper():
            continue
        if m.group(0)[-2:] in ("'s", "’s"):
            tail = _POSSESSED.match(text, m.end())
            if tail is None:
                continue  # Cuba's: a possessive, which the matcher reads
            ends = [tail.end()] if tail.group(2) is None else [tail.end(), tail.end(1)]
            for end in ends:
                if _known_name(gazetteer, name_key(text[m.start():end])):
                    out.append((m.start(), end))
                    break
        elif _known_name(gazetteer, name_key(m.group(0))):
            out.append((m.start(), m.end()))
    return out


# the capitalised words after a possessive that may end its name (Rorke's Drift, St John's
# Wood): one or two, on the same line
_POSSESSED = re.compile(r"[^\S\n]+([A-Z][\w-]*)(?:[^\S\n]+([A-Z][\w-]*))?")


def _known_name(gazetteer: Gazetteer, key: str) -> bool:
    """Whether ``key`` is exactly a name of a place the index holds for the matcher (a town
    of :data:`MIN_POPULATION` or more, or any other kind) or of a place of a user's overlay."""
    if key in gazetteer._overlays.names:
        return True
    number = gazetteer._index.best_exact(key)
    return number is not None and _wanted_place(gazetteer._index.place(number))


_OVERLAY_MATCHERS: weakref.WeakKeyDictionary[Gazetteer, Any] = weakref.WeakKeyDictionary()


def _overlay_matcher(gazetteer: Gazetteer) -> Any:
    """An automaton of the names a user's overlays (``--gazetteer FILE``) give places, or
    None without overlays. The cached matcher (:func:`automaton`) holds the reference
    index's names only, so this one is built for each gazetteer (overlays are small). Names
    with an apostrophe are found by :func:`_apostrophe_names`."""
    if gazetteer in _OVERLAY_MATCHERS:
        return _OVERLAY_MATCHERS[gazetteer]
    keys = [k for k in gazetteer._overlays.names if _wanted_key(k)]
    matcher = _words_matcher(keys) if keys else None
    _OVERLAY_MATCHERS[gazetteer] = matcher
    return matcher


# a feature that bears the name of where it is (Rafha Domestic Airport, RAF Brize Norton): the
# town, when the gazetteer knows it only by that feature
_FEATURES = frozenset({Kind.AIRPORT, Kind.AIRBASE, Kind.PORT, Kind.NAVAL_BASE})


_AIRFIELDS = frozenset({Kind.AIRBASE, Kind.AIRPORT})
_GARRISON_WORDS = frozenset({"fort", "camp"})


def _named_there(place: Place, key: str) -> bool:
    """Whether the index's best entry for ``key`` is a town, or a feature whose own name
    holds the whole words of ``key`` (not one known by ``key`` only as another name), or a
    garrison's airfield known by the garrison's name (Sherman Army Air Field for ``Fort
    Leavenworth``: the field is on the post)."""
    if place.kind is Kind.CITY:
        return True
    return place.kind in _FEATURES and (f" {key} " in f" {name_key(place.name)} " or (
        place.kind in _AIRFIELDS and key.split(" ", 1)[0] in _GARRISON_WORDS))


# the words of a move's slots in the other languages read: where from, where to, where in
# (not "de", "von", "van", "da": the particles of people's names too, de Liniers, von Moltke;
# nor German "vor": vor Ort, on the spot)
_FOREIGN_SLOT = {
    "de": re.compile(r"\b(?:[Aa]us|nach|bis|über|[Ii]n|[Bb]ei)\s+"),
    "fr": re.compile(r"\b(?:[Dd]epuis|vers|jusqu'à|[Àà]|[Ee]n|par)\s+"),
    "es": re.compile(r"\b(?:[Dd]esde|hacia|hasta|[Aa]|[Ee]n)\s+"),
    "pt": re.compile(r"\b(?:para|até|[Ee]m|a)\s+"),
    "it": re.compile(r"\b(?:verso|fino\s+a|[Aa]|[Ii]n)\s+"),
    "nl": re.compile(r"\b(?:[Uu]it|naar|[Bb]ij|[Ii]n)\s+"),
}


def _slot_spans(text: str, language: str = "en") -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of each capitalised name in a slot of a move (:data:`_SLOT`, and in
    a report in another language :data:`_FOREIGN_SLOT`'s): the first after the slot word
    and up to five more linked to it by commas, "and" or "or" (``the villages of A, B and
    C``)."""
    slots = [_SLOT.finditer(text)]
    if (foreign := _FOREIGN_SLOT.get(language)) is not None:
        slots.append(foreign.finditer(text))
    for m in (m for found in slots for m in found):
        at = m.end()
        for _ in range(6):
            name = _CAPITALISED.match(text, at)
            if name is None:
                break
            yield name.start(), name.end(), name_key(name.group(0))
            link = _SMALL_LINK.match(text, name.end())
            if link is None:
                break
            at = link.end()


def _slot_places(text: str, gazetteer: Gazetteer, language: str = "en"
                 ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The capitalised names in the slots of a move (:func:`_slot_spans`), read once, in two
    lists of spans.

    First, the towns a text calls villages or towns (``the villages of Lastochkyne and
    Sieverne``), names as where a move starts, passes or ends (``left Srebrenica``) or as
    what it takes (``took Bardia``, ``the airfield of X``): slots of :data:`_SLOT`, where the
    matcher leaves out small towns. Second, the names there that the index does not know
    exactly; the caller keeps those that the resolver reads (``Baramulla``: Bāramūla,
    ``Baledogle``: its airfield) where nothing else was found."""
    index = gazetteer._index
    small, unknown = [], []
    for start, end, key in _slot_spans(text, language):
        number = index.best_exact(key)
        if number is not None:
            if _named_there(index.place(number), key):
                small.append((start, end))
        elif key and not text[start:end].isupper() and not all(w in COMMON for w in key.split()):
            # a word in capitals there is an organisation's acronym (UNHCR), not a place
            unknown.append((start, end))
    # (the English slots and a foreign language's are read one after the other: in text order
    # again, each once)
    return sorted(set(small)), sorted(set(unknown))


@_per_gazetteer
def _resolves(gazetteer: Gazetteer, name: str) -> bool:
    """Whether an unknown name in a slot is a place: a town or feature the resolver reads,
    or an area read by one of its own names written otherwise (Trans-Jordan, Jordan's
    former name in one word), not by its sound or a typo."""
    found = gazetteer.resolve(name)
    return found.found and (not found.place.areal or named_area(found))


def named_area(found: Resolution) -> bool:
    """Whether ``found`` is an area read by one of its own names written otherwise (a former
    or another name: Trans-Jordan, Jordan's former name in one word; Kiangsi), not by its
    sound or a typo."""
    return found.found and found.place.areal and found.best.method in _AREA_NAMED


_AREA_NAMED = (Method.FORMER, Method.ALTERNATE)


def find_mentions(text: str, sentences: list[tuple[int, int]], gazetteer: Gazetteer,
                  why_not: dict[tuple[int, int], str] | None = None,
                  language: str = "en") -> list[Mention]:
    """Place names in ``text``, longest first where they overlap, in text order.

    ``why_not``, when given, receives the guard that rejected each rejected match.
    """
    matcher, ordinary = automaton(gazetteer)
    # Words only: every other character becomes a space (one for one, so offsets hold), and
    # the keys are " name ": the automaton reports no match inside a word (Mazar-i-Sharif is
    # keyed "mazar i sharif").
    folded = " " + _words_only(text) + " "
    found: list[tuple[int, int]] = []
    mine = _overlay_matcher(gazetteer)
    for names in (matcher, mine) if mine is not None else (matcher,):
        for last, length in names.iter(folded):
            start, end = last - length + 1, last - 1  # in the text: the padding's space is gone
            if text[start].isupper():
                found.append((start, end))
    restored: dict[tuple[int, int], str] = {}
    if not text.isascii():
        found += _nonlatin(text, gazetteer, restored)
    phrases: set[tuple[int, int]] = set()
    if "'" in text or "’" in text or "ʼ" in text:
        found += _apostrophe_names(text, gazetteer)
    for m in _KIND_NAME.finditer(text) if _KIND_WORD.search(text) else ():
        # the longest known phrase: a capitalised word before the name may be a sentence's
        # first word ("From Masirah Island the force flew...")
        start = m.start()
        while not _known_feature(gazetteer, text[start:m.end()]):
            space = text.find(" ", start, m.end())
            if space < 0 or not text[space + 1: m.end()].count(" ") or text[space + 1].islower():
                break
            start = space + 1
        else:
            phrases.add((start, m.end()))
    found += phrases
    small, unknown = _slot_places(text, gazetteer, language)
    found += small
    # by start, the longest first (two stable sorts in C: by end, falling, then by start)
    found.sort(key=itemgetter(1), reverse=True)
    found.sort(key=itemgetter(0))
    starts = [a for a, _ in sentences]
    surnames: set[str] = set()
    things: set[str] = set()  # one-word names of ships and the like found before
    out: list[Mention] = []
    last_end = -1
    for start, end in found:
        if start < last_end:
            continue  # inside a longer name already taken
        reason = rejected(text, start, end, gazetteer, ordinary, language)
        if reason is None and text[start:end] in surnames:
            reason = "part-of-name"
        elif reason is None and text[start:end] in things and _SLOT_BEFORE.search(
                text, max(0, start - 16), start) is None:
            reason = "named-thing"  # the battleship Oryol: later, Oryol is the ship, unless
            # a slot makes it a place ("the frigate HMCS Halifax sailed from Halifax")
        if reason == "part-of-name" and " " not in text[start:end] and _after_a_name(text, start,
                                                                                  end):
            surnames.add(text[start:end])  # General Ariel Sharon: later, Sharon is him
        if reason == "named-thing" and " " not in text[start:end] and _TITLE.search(
                text, max(0, start - 16), start):
            surnames.add(text[start:end])  # Lord Chelmsford: later, Chelmsford's men are his
        elif reason == "named-thing" and " " not in text[start:end]:
            things.add(text[start:end])
        if reason is not None:
            if why_not is not None:
                why_not[(start, end)] = reason
            if reason == "named-thing":
                last_end = end  # nor is a word of it (the battleship New Hampshire)
            continue
        sentence = max(0, bisect_right(starts, start) - 1)
        out.append(Mention(restored.get((start, end), text[start:end]), start, end, sentence))
        last_end = end
    if unknown:
        out = _with_slot_names(text, out, starts, unknown, gazetteer, ordinary, why_not,
                               language)
    return out


def _with_slot_names(text: str, out: list[Mention], starts: list[int],
                     names: list[tuple[int, int]], gazetteer: Gazetteer,
                     ordinary: frozenset[str], why_not: dict[tuple[int, int], str] | None,
                     language: str = "en") -> list[Mention]:
    """``out`` with the slot names ``names`` (the second list of :func:`_slot_places`) that
    overlap no mention of it and pass the guards, as ``loose`` mentions, in text order."""
    taken = [(m.start, m.end) for m in out]
    firsts = [a for a, _ in taken]
    extra: list[Mention] = []
    for start, end in names:
        at = bisect_right(firsts, start)
        if (at and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end) or (
                extra and extra[-1].end > start):
            continue
        reason = rejected(text, start, end, gazetteer, ordinary, language)
        if reason is not None:
            if why_not is not None:
                why_not[(start, end)] = reason
            continue
        if not _resolves(gazetteer, text[start:end]):  # the costly look-up comes last
            continue
        sentence = max(0, bisect_right(starts, start) - 1)
        extra.append(Mention(text[start:end], start, end, sentence, loose=True))
    if not extra:
        return out
    return sorted([*out, *extra], key=lambda m: m.start)
