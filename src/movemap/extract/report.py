"""From a report's text to a draft of movements: places, dates, strengths, legs, evidence.

The report is read in one pass, sentence by sentence and clause by clause:

1. places (:mod:`~movemap.extract.mentions`) and dates (:mod:`~movemap.extract.when`) are
   found in the whole text at once, then handed to the sentence they are in (bisection:
   linear in the report's length);
2. each clause is read by the movement grammar (:mod:`~movemap.extract.grammar`): a verb
   of motion, the slot of each place (origin, destination, stage of a chain), the means of
   travel, the strength of the moving force and the status from tense and hedges;
3. the discourse state (:mod:`~movemap.extract.discourse`) supplies what the clause leaves
   out: the unit (``they``, ``the troops``), its origin (where it last went), the date (the
   narrative's) and the attribution (the paragraph's or the headline's).

Every leg keeps its sentence, the rule that proposed it and the cues it rests on.
``extract`` is a pure function of (text, publication date, gazetteer): no I/O, no clock
beyond ``published`` defaulting to today, and a result that pickles.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from shapely.geometry import Point

from movemap.countries import capital_name
from movemap.dates import FuzzyDate, parse_date
from movemap.extract.alternation import grouped
from movemap.extract.discourse import (
    ANAPHOR,
    BARE_FORCE,
    CARGO,
    NEW_FORCE,
    PEOPLE_WORD,
    State,
    companion_units,
    named_unit,
    unit_slug,
)
from movemap.extract.draft import Draft, Evidence, FoundLeg, FoundPlace
from movemap.extract.entries import chronological
from movemap.extract.foreign import LANGUAGES, foreign_legs, language_of
from movemap.extract.grammar import (
    HALTED,
    OPENING,
    SAID,
    TIME_NOUN,
    Clause,
    Reading,
    clauses,
    denies,
    listed,
    read_clause,
    reporting,
    status_of,
    strength_in,
)
from movemap.extract.language import unreadable
from movemap.extract.lookahead import matches_from, quick
from movemap.extract.mentions import automaton, find_mentions, fold, named_area
from movemap.extract.when import (
    MONTH_NUMBERS,
    DateMention,
    find_dates,
    month_before,
    year_before,
)
from movemap.gazetteer import (
    Gazetteer,
    Kind,
    Method,
    Place,
    Query,
    Resolution,
    default_gazetteer,
)
from movemap.gazetteer.normalize import name_key
from movemap.gazetteer.ranking import CURATED_SOURCE
from movemap.model import Mode, Status
from movemap.sphere import haversine_km

__all__ = ["Draft", "Evidence", "FoundLeg", "FoundPlace", "extract", "sentences"]

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“(0-9\u0400-\u04ff\uac00-\ud7a3])|"
                       r"\n\s*\n|\n(?=\s*[A-Z][^\n]{0,120}\n)|"
                       # a line that starts an item of a list (a timeline's "- 12 May: ...")
                       r"\n(?=[^\S\n]*(?:[-*•–—]|\d{1,2}[.)])[^\S\n])")
_NAMES_TOGETHER = 60  # at most this many distinct names are ranked together
_SAME_KM = 10.0  # a town and a feature named after it closer than this: one place (Mogadishu and
# its airport)
# A leg may run to or from an area: a country (Kuwait to Iraq), a region (from Yunnan and
# Guangxi provinces, into Crimea), a sea or a macro-region (across to the Red Sea, into the
# Donbas). Its end is the area's point, and the draft flags it as an area (``area`` in the
# JSON), so a map can draw the area. A demonym or an attributive use (Russian forces, the
# Latvian border) is no mention: the gazetteer reads it as a demonym, not a place.
# "the Kursk region", "the Tambov and Penza regions": the region, not its capital
_REGION_AFTER = re.compile(r"(?:(?:,\s*|\s+and\s+|,\s+and\s+)(?-i:[A-Z][\w'’-]*)){0,4}\s+"
                           r"(?:regions?|oblasts?|provinces?|governorates?|krais?)\b", re.I)
# the other part of a force split in two (one column took the road to A; another struck
# across the desert to B): it set out where the first part did, never from where it went
_SPLIT_WORDS = r"another|the\s+other(?:\s+(?:column|half|group))?"
_SPLIT = re.compile(rf"(?i:{_SPLIT_WORDS})$")
# the rest of a force, or such an other part: where the last move began
_REST = re.compile(rf"(?i:others|the\s+rest|the\s+remainder|many|some|{_SPLIT_WORDS})$")
# a part of a force named by "many" or "some": it splits off a move still under way (took off
# men from A; many were landed at B), not one already over (Many were then sent on to C)
_MANY_OR_SOME = re.compile(r"(?i:many|some)$")
_OBJECT = re.compile(r"\b(?:them|the\s+(?:troops|soldiers|men|force|contingent))\b", re.I)
# the last two forces named, together (both columns, the two divisions)
_BOTH = re.compile(r"(?i:both|the\s+two)\b")
# a reference back that names a force (the troops, the brigade), not "most" or "they"
_FORCE_WORD = re.compile(r"\b(?:troops|soldiers|forces?|units?|men|contingents?|division|"
                         r"brigades?|corps|regiments?|battalions?|army|armies|columns?|marines|"
                         r"paratroopers|infantry|task\s+force|"
                         # (in the other languages read)
                         r"truppen|soldaten|bataillone|troupes|soldats|bataillons|tropas|"
                         r"soldados|batallones|batalhões|truppe|soldati|battaglioni|troepen|"
                         r"trupper|soldater)\b", re.I)
# a force named as the one a mover joins, reinforces or relieves, right before its name
_JOINS_BEFORE = re.compile(r"\b(?:to\s+join|join(?:ed|ing)|to\s+reinforce|reinforc(?:ed|ing)|"
                           r"to\s+relieve|reliev(?:ed|ing))\s+(?:the\s+|an?\s+)?"
                           r"(?:[\w'’-]+\s+){0,2}$", re.I)
# a clause opening on a force spoken of before, renamed in an apposition ("The force, the
# Sixth Corps under General Lucas, sailed")
_APPOSED = re.compile(r"\W*the\s+(?:force|troops|army|expedition|contingent|column|fleet|"
                      r"convoy|corps|division|brigade|regiment|battalion|group)\s*,\s+the\s+",
                      re.I)
# a move that follows another: same ends unless it names its own
_FOLLOW = re.compile(r"^follow", re.I)


def _only_events_follow(text: str, a: int, b: int) -> bool:
    """Whether every "follow" of the clause ``text[a:b]`` is an event's or a time's (the
    action that follows) or has news for its object (followed the campaign), so that none
    says a force followed ("In the fighting that followed, a third battalion followed them":
    the battalion's is a move)."""
    events = [m.span() for m in _EVENT_FOLLOWS.finditer(text, a, b)]
    follows = list(_FOLLOW_VERB.finditer(text, a, b))
    return bool(follows) and all(any(x <= f.start() < y for x, y in events)
                                 or _FOLLOWED_EVENT.match(text, f.end(), b) is not None
                                 for f in follows)


_FOLLOW_VERB = re.compile(r"\bfollow(?:s|ed)?\b", re.I)
# what is followed when it is news, not a force (followed the campaign from Tokyo)
_FOLLOWED_EVENT = re.compile(r"\s+(?:the|its|their|his|her)\s+(?:\w+\s+)?(?:campaign|war|"
                             r"news|events?|fighting|story|talks|negotiations|developments|"
                             r"coverage|debate|trial|race|match|game|elections?)\b", re.I)
# an event or a time that follows, not a force (killed in the action that follows, in the days
# that followed)
_EVENT_FOLLOWS = re.compile(
    r"\b(?:action|battle|fight(?:ing)?|engagement|clash(?:es)?|combat|skirmish(?:es)?|"
    r"bombardment|storm|chaos|confusion|panic|night|days?|weeks?|months?|years?|hours?|period|"
    r"exchange|talks|negotiations|siege|war|truce|ceasefire|lull|silence|rout|"
    r"massacre|fire|firefight|melee|mêlée)\s+(?:that|which)\s+(?:\w+\s+)?follow(?:s|ed)\b", re.I)


_ARRIVING = re.compile(r"(?i:enter|arriv|came|come|landed|crossed|flown|flew|brought|shipped|"
                       r"sent|rushed|airlifted|ferried|moved)")
# the verb has no object: it says only where from (had already entered from Shenzhen)
# (contingents came from A and B: they joined the move just read); a verb of carrying with
# "in" says the same (45 Commando has been flown in from Aden: to where the story is)
_NO_OBJECT = re.compile(r"\b(?:entered|arrived|came(?:\s+in)?|landed|crossed\s+over|"
                        r"(?:flown|flew|brought|shipped|sent|rushed|airlifted|ferried|moved)"
                        r"\s+in)\s+(?:[a-z]+\s+)?from\b|"
                        # brought from Bahrain in a landing ship and put ashore (no place
                        # after it: where the last move went)
                        r"\bfrom\b[^;]{0,80}\band\s+(?:was\s+|were\s+)?(?:put\s+ashore|"
                        r"landed|disembarked|unloaded)\b(?![^,;.]{0,25}?\b(?:at|in|on|near)\s+"
                        r"(?:the\s+)?(?-i:[A-Z]))", re.I)
# a relative clause about the destination that dates the arrival (which fell on 3 July,
# where they arrived on 5 May); not one that tells a departure (the expedition, which left
# Guantanamo Bay on the 21st, reached Guanica on the 25th: it set out on the 21st)
# a relative clause's own departure, its pronoun the subject (which left, who had sailed)
_LEFT_BY_PRONOUN = (r"(?:had\s+|has\s+)?(?:left|leaves|depart(?:ed|s)|set\s+out|sailed|"
                    r"embarked|quit)\b")
_ARRIVED_WHEN = re.compile(r",\s*(?:which|where|when)\b(?!\s+" + _LEFT_BY_PRONOUN + r")"
                           r"[^,;()]{0,40}$", re.I)
# ... that relative clause (not "which the enemy had left"), and a verb of arrival before a
# later date of the sentence: the day it got there
_LEFT_WHEN = re.compile(r",\s*(?:which|who)\s+" + _LEFT_BY_PRONOUN + r"[^,;()]{0,40}$", re.I)
_ARRIVAL_BEFORE = re.compile(r"\b(?:reached|arrived|entered|got\s+to|landed)\b[^;()]{0,40}$",
                             re.I)
# the clause says where from, by a name not found as a place
_UNREAD_ORIGIN = re.compile(r"\b(?:[Ff]rom|out\s+of)\s+(?:the\s+)?[A-Z][\w'’-]+")
# a cue that puts the force at a place, not only on its way to one (took A, reached A)
_REACHED = re.compile(r"(?i:reach|enter|arriv|took|taken|taking|takes|gain|wrest|establish|"
                      r"assum|captur|seiz|occup|"
                      r"retak|retook|"
                      r"recaptur|liberat|secur|storm|overr|land|crossed\s+into|ashore|"
                      r"disembark|de(?:train|truck|plane|bus))")
_FOLLOW_WORD = re.compile(r"\bfollow(?:s|ed)?\b|(?<!\bthe\s)\bfollowing\b(?!\s+" + TIME_NOUN
                          + r")", re.I)
# an origin named by pointing back at the last move's destinations
_THOSE = re.compile(r"\bfrom\s+(?:those|these|the\s+same|their|the)\s+(?:\w+\s+)?"
                    r"(?:bases|positions|camps|ports|areas|towns|garrisons|airfields|places|"
                    r"cities|locations|sites)\b", re.I)
# a commander referred back to as the subject of a verb of command (he marched on to B, she
# withdrew her garrison into C) stands for his force, as "they" does; "he flew", "he was back
# in" move a person, not a force
_COMMANDER = re.compile(r"\b(?:[Hh]e|[Ss]he)\b(?=\s+(?:(?!and\b|or\b)[a-z]+\s+){0,2}?"
                        r"(?:march|advanc|invad|le(?:d|ads)\b|push|storm|retreat|withdr|"
                        r"f[ae]ll\s+back))")
# how many days a move took, said right after its origin (marched from A in four days)
_TOOK_DAYS = re.compile(r"[^,;.]{0,20}?\bin\s+(\d{1,2}|one|two|three|four|five|six|seven|"
                        r"eight|nine|ten)\s+days?\b", re.I)
_DAYS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10}
# an origin named by pointing back at the last move's destination (from there, thence, from
# that place)
_THERE = re.compile(r"\b(?:from\s+there|thence|from\s+(?:that|this)\s+(?:place|point|town|"
                    r"city|port|base|harbou?r|island))\b", re.I)
# "there" as the object of a verb (arrived there, was flown there, join it there), not a
# place's attribute (the forces there) nor "there was"; and how far back its place may be
_THERE_TO = re.compile(
    r"\b(?:arriv(?:e|ed|es|ing)|landed|mov(?:e|ed|ing)|sen[dt]|sending|flown|flew|fly|"
    r"went|go|going|gone|came|come|coming|march(?:ed|ing)?|sail(?:ed|ing)?|shipped|"
    r"transferred|(?:re)?deploy(?:ed|ing)?|brought|bring|rush(?:ed|ing)?|airlift(?:ed|ing)?|"
    r"join(?:ed|ing)?|ferried|carried|embark(?:ed|ing)?|return(?:ed|ing)?|"
    r"retreat(?:ed|ing)?|withdr(?:ew|awn)|hurried|transported|driven|drove|rode|headed)"
    r"\s+(?:(?:it|him|them|her|us)\s+)?there\b"
    r"(?!\s+(?:was|were|is|are|had|has|have|will|would)\b)", re.I)
_THERE_SENTENCES = 1
_ATTACKED = re.compile(r"attack|assault", re.I)
# the dates that name one day, and the words that set off a side phrase before one
_POINT_DAYS = frozenset({"dmy", "mdy", "iso", "the_nth"})
_SIDE_PHRASE = re.compile(r",\s*(?:which|whose|where|when|that|an?|the|held|since|after|"
                          r"before|once|its|their)\b|\b(?:since|until|till)\b", re.I)
# a departure told without a place (put to sea, set sail, weighed anchor, broke camp)
_SET_OUT = re.compile(r"\b(?:put\s+(?:out\s+)?to\s+sea|set\s+(?:sail|out)|weighed\s+anchor|"
                      r"broke\s+camp|got\s+under\s+way)\b", re.I)
# the cues of a position that ends a move under way (a fleet that left A anchored off B; an
# army that left A halted at B): not "based", "stationed" or "held", which say where a force
# is, not where it stopped, nor "was at B" (its colonel was at B; it was at B that ...)
_HALT_CUE = re.compile(r"(?:anchored|at\s+anchor|lay|lying|halted|halting|rested|camped|"
                       r"encamped|bivouack?ed|wintered|(?P<was>was|were))\b", re.I)
# a clause that opens on a completed state by a day (By 26 May the line west of Chania had
# broken), not a deadline, a plan or a wish (wanted it finished by 1 July, to be ready by 15
# June, aimed to take Baghdad by 15 March): "By" and the clause's first date, a day
_BY_OPENS = re.compile(r"\W*[Bb]y\s+(?:the\s+)?")


def _by_state(text: str, a: int, dates: list[DateMention]) -> bool:
    """Whether the clause at ``a`` opens "By <day>" (its first date, a day it ends by)."""
    return bool(dates) and dates[0].role == "end" and dates[0].kind in _POINT_DAYS and (
        _BY_OPENS.fullmatch(text, a, dates[0].start) is not None)


# words of another time than the narrative's (before the war the brigade was at Aldershot)
_OTHER_TIME = re.compile(r"\b(?:(?:before|after|during)\s+the\s+(?:war|campaign|revolution)|"
                         r"in\s+peace(?:time)?|pre-?war|post-?war|as\s+well|again|formerly|"
                         r"earlier|previously|once|in\s+(?:the\s+)?(?:past|\d{4}s?))\b", re.I)
# the dates that step on from the narrative's time (five days later, the next day)
_STEP_KINDS = frozenset({"later", "after_n", "following", "same"})
# the words that say the force itself "was at" B (it, the squadron), not a part or a person
# of it (its colonel, their escort), nor a cleft (it was at B that ...), nor "they", which
# may be another side named since (the British searched for it; by 20 July they were at B)
_ITSELF = re.compile(r"(?:it|the\s+\w+)$", re.I)
_CLEFT = re.compile(r"\bit\s+(?:was|were)\s+(?:at|in|off)\s+[^,;]*?\b(?:that|where|when)\b",
                    re.I)
# a negation of the move to a place (English, French, Spanish), and how far before the place
# it may stand; a comma or a conjunction after it ends what it denies
_DENIAL = re.compile(r"(?:\b(?:not|never)|n['’]t)\b(?!-)(?!\s+(?:only|until|till|merely|just|"
                     r"a|an|one|far|long|least|yet)\b)|\bfailed\s+to\b|"
                     r"\bwithout\s+(?:reaching|entering|getting\s+to)\b", re.I)
_SCOPE_END = re.compile(r"[,;:]|\b(?:and|but|as|when|until|till|before|after|while|in|since|"
                        r"once|because)\b", re.I)
_DENIAL_REACH = 60
# the cue of a place where a force crossed a border on its way, and the cue of where it was
# bound (crossed the border at Bavet, bound for Ho Chi Minh City)
_CROSSED_AT = re.compile(r"cross\w*\s+the\s+(?:\w+\s+)?(?:border|frontier)", re.I)
_BOUND_FOR = re.compile(r"(?:for|towards?|to)$", re.I)
# a crossing's cue: "crossed at X", "crossed the frontier at X"
_CROSSED_AT_TOWN = re.compile(r"cross\w*\s+(?:the\s+(?:\w+\s+)?(?:border|frontier)\s+)?at$",
                              re.I)
# a place that owns the next words or says something (Russia's ministry, in Moscow said)
_OWNER_OR_SAYER = re.compile(r"['’]s\b|(?:\s+[\w-]+){0,3}?\s+(?:said|says|announced|"
                             r"reported|stated|claimed)\b")
_IN_GLOSS = re.compile(r"(?:\s+(?:air\s+base|airport|airfield|port|base|town|city))?"
                       r"(?:,\s*|\s+in\s+(?:the\s+)?)")
# "the" right before a name (lower case: "The Hague" is a town) makes it a river, a sea or a
# ship, unless a kind of settlement follows (the Kharkiv region) or a phrase is about a town
_RIVER_LIKE = re.compile(r"(?<![Cc]ity of )(?<![Tt]own of )(?<![Pp]ort of )\bthe\s+$")
_KIND_AFTER = re.compile(r"\s+(?:region|oblast|province|area|district|city|town|port|airport|"
                         r"airfield|air\s+base|front|sector|pocket|garrison|bridgehead)\b", re.I)
_PARAGRAPH = re.compile(r"\n\s*\n")
_HAD = re.compile(r"\bhad\b", re.I)
# a mention that is a people's word (Argentine, British), not a country's name
_PEOPLE_MENTION = re.compile(r"(?:" + PEOPLE_WORD + r"|[A-Z][a-z]+(?:ine|ch))s?")
# an origin's cue that says the force boarded there (embark at, entrained at, boarded at)
_EMBARK = re.compile(r"(?i:(?:re-?)?e[nm](?:bark|train|plane|bus|truck)|board)")
_TO_EMBARK = "to embark at"  # the cue of the stage to the port a force embarks at
# A wire dateline opening a paragraph: the place (in capitals) the story was filed from, maybe
# its country, the day and the agency (KYIV, Nov 11 (Reuters) -; KHARKIV, Ukraine, May 3 -; an
# old paper's CORFU, October 14. --; WASHINGTON -, with no day). The place is where the
# reporter was, not an end of the moves the story tells.
_DATELINE = re.compile(
    r"(?:\A|\n)[^\S\n]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.]{2,}(?:[ -][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.]+){0,3}"
    r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\.?)?"
    # the agency in brackets, then a dash or a full stop (VLADIVOSTOK, Aug. 18 (Associated
    # Press). The first ...), or a dash alone
    r"(?:\s+\([^()\n]{1,60}\)(?:\.?\s*[-\u2013\u2014]+\s*|\.\s+)|\s*[-\u2013\u2014]+\s*|"
    # or, after its day, a full stop alone (an old paper's KOVNO, Oct. 10. The ...)
    r"(?<=\d\.)\s+(?=[A-Z]))")
_HEADER = re.compile(r"^\s*Published:.*$", re.I | re.M)
# what may stand before a date a clause opens with, and after it before the subject
_LEAD = re.compile(r"\W*(?:(?:[Oo]n|[Ii]n|[Bb]y|[Ee]arly|[Ll]ate)\s+)?")
_AFTER_DATE = re.compile(r"\s*[:,.\u2013\u2014-]?\s*")
# a clause about the place before it (..., where the brigade landed), what may stand between
# them (a spelling in brackets, a kind word); one that reports what someone said there
# (grammar.SAID) is not about the place
WHERE = re.compile(r",\s+where\s[^,;]*")  # (up to its comma)
_JUST_BEFORE = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:\s+(?:city|town|port|region|area|base|"
                          r"airfield|airport|island|valley|province|district|oblast))?")


# a sentence that opens with where its moves start (From Kitona, one column ...)
_FRONTED_FROM = re.compile(r"\W*From\s+(?:the\s+)?")
_NEWLINE = re.compile(r"\n")
_ABBREVIATIONS = ("U.S.", "U.K.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "No.", "St.", "Ste.",
                  "Mt.", "Ft.", "e.g.", "i.e.", "vs.", "approx.", "Adm.", "Sgt.", "Brig.",
                  "Cdr.", "Mr.", "Dr.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
                  "Dec.")
# people who report on others, named by what they are (a source so named reports on others)
_REPORTERS = r"sources|witnesses|residents|observers|monitors|analysts|diplomats"
# a letter's "ult.", "inst.", "prox." (the month before, this one, the next) as whole words:
# no sentence ends there ("the 3rd inst. Lord Wellington moved"), as one does after "assault."
_OLD_MONTH_WORD = re.compile(r"(?<![A-Za-z])(?:ult|inst|prox)\.\s*$")
_REPORTING_NOUN = re.compile(rf"\b(?:{_REPORTERS})\b")
_SOURCE = [
    re.compile(r"^\W*(?P<s>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*),\s+[^,]{3,80},\s+(?:said|says|"
               r"reported|stated|announced|estimated|claimed|told)\b"),
    re.compile(r"\((?P<s>[A-Z]{2,8})\)\s+(?:said|says|reported|reports|stated|announced|"
               r"estimated|claimed|believes)\b"),
    re.compile(r"\b(?i:according to) (?:the |a )?(?P<s>[A-Z][\w'’\-]*"
               r"(?:\s+(?:of\s+)?[A-Z][\w'’\-]*)*)"),
    re.compile(r"\b(?:the )?(?P<s>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*|[A-Z]{2,})\s+"
               r"(?:said|says|reported|reports|stated|announced|estimated|claimed|believes)\b"),
    re.compile(r"\b(?:said|reported|stated|announced)\s+(?:the\s+)?"
               r"(?P<s>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)"),
    # people who report on others, named by what they are (intelligence sources said,
    # according to local residents, Western diplomats reported)
    re.compile(r"(?P<acc>\b(?i:according to)\s+(?:the\s+)?)?"
               r"(?P<s>\b(?:(?:[Ii]ntelligence|[Mm]ilitary|[Ss]ecurity|[Ww]estern|"
               r"[Dd]iplomatic|[Ll]ocal|[Uu]nnamed|[Aa]nonymous|[Ii]ndependent|"
               r"[A-Z][\w'’\-]*)\s+){0,2}(?P<who>" + _REPORTERS + r"))\b"
               r"(?(acc)|(?=\s+(?:said|say|says|reported|report|believe|believes|estimated|told)\b))"),
]
# words before a name that are not part of it: an article, a time (On Friday Iraq said)
_OPENING = re.compile(r"^(?:(?:The|A|An|On|In|At|By|Then|Later|Meanwhile|Earlier|Monday|"
                      r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                      r"March|April|May|June|July|August|September|October|November|"
                      r"December)\s+)+(?=[A-Z])")
_NOT_SOURCE = frozenset(("it", "he", "she", "they", "this", "we", "i", "there", "officials"))


# where a sentence's end may start: after a full stop, a question or exclamation mark, at a
# line's end (every alternative of _SENTENCE starts so)
_ENDS = re.compile(r"[.!?]|\n")


# a person's initial (General John P. Lucas): a capital alone before its period, after a
# capitalised name that is no designation (Company B., Hill A., World War I. end a
# sentence), before a surname: a capitalised word that opens no sentence, then a comma or
# a word in lower case ("Lucas, sailed", "Lucas commanded")
_INITIAL = re.compile(r"(?<![\w.])(?!(?:Company|Battery|Troop|Hill|Plan|Area|Route|Zone|"
                      r"Sector|Group|Force|Beach|Line|Objective|Point|Phase|Team|Section|"
                      r"Annex|Appendix|Exercise|Operation|War|Camp|Terminal|Square|Grid|"
                      r"Gate|Pier|Block|Wing|Ward|Level|Stage|Class|Type|Model|Flight|"
                      r"Platform|Vitamin)\b)[A-Z][\w.]*\s+[A-Z]\.$")
_SURNAME = re.compile(r"(?!(?:The|A|An|It|He|She|They|We|I|On|In|At|By|This|That|These|"
                      r"Those|His|Her|Their|Its|But|And|Then|After|When|As|From|To|For|"
                      r"There|Here|Some|Most|All|No)\b)[A-Z][\w'’-]+(?:,|\s+[a-z])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence (a headline line or a paragraph ends one too)."""
    spans, start = [], 0
    ends = [m.end() if m.group() != "\n" else m.start() for m in _ENDS.finditer(text)]
    for m in matches_from(_SENTENCE, text, ends):  # (not tried at every character)
        if text[max(0, m.start() - 6): m.start()].endswith(_ABBREVIATIONS) or (
                _OLD_MONTH_WORD.search(text, max(0, m.start() - 6), m.start()) is not None) or (
                "\n" not in m.group() and _INITIAL.search(text, max(0, m.start() - 40),
                                                        m.start()) is not None
                and _SURNAME.match(text, m.end()) is not None):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


# the words one of the patterns of _SOURCE needs (most sentences have none: no search then)
_SOURCE_VERBS = ("said", "say", "report", "stated", "announced", "estimated", "claimed",
                 "told", "believe")
_SOURCE_VERB = grouped(re.compile("|".join(map(re.escape, _SOURCE_VERBS))))  # one in C


def _source(sentence: str) -> str | None:
    if _SOURCE_VERB.search(sentence) is None and (
            "according to" not in sentence.lower()):
        return None
    for pattern in _SOURCE:
        m = pattern.search(sentence)
        if m:
            name = _OPENING.sub("", m.group("s").strip())
            if name and name.lower() not in _NOT_SOURCE:
                return name
    return None


def _places(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer,
            language: str = "en") -> tuple[list[FoundPlace], list[int]]:
    """Every place found, and the sentence (of ``spans``) each is in."""
    refused: dict[tuple[int, int], str] = {}
    mentions = find_mentions(text, spans, gazetteer, why_not=refused, language=language)
    names = list(dict.fromkeys(m.text for m in mentions if not m.loose))
    # a country named only as part of a name (the New Zealand transports, the Australian
    # Imperial Force) is no place of the report, yet says where its towns are: it joins the
    # names ranked together (Wellington beside Albany and "New Zealand" is the capital)
    named_countries = [n for n in dict.fromkeys(
        text[a:b] for (a, b), why in refused.items() if why in _AS_PART)
        if n not in names and _is_country(gazetteer, n)]
    if named_countries:
        # ... and so do the peoples the report names (thirty-eight Australian and ten New
        # Zealand transports: Albany is then not the Auckland suburb)
        for word in list(dict.fromkeys(_PEOPLE_WORD.findall(text)))[:_PEOPLES_LOOKED_AT]:
            people = _country_of_people(gazetteer, word)
            if people is not None and people.name not in names + named_countries:
                named_countries.append(people.name)
    if named_countries and len(names) + len(named_countries) <= _NAMES_TOGETHER:
        names += named_countries
    else:
        named_countries = []
    # Names are ranked together (each by closeness to the others), which costs the square of
    # their number: a long text (a collection of articles) is ranked in windows of names in
    # the order the text first uses them, so its time stays linear in its length.
    resolved: dict[str, Resolution] = {}
    for at in range(0, len(names), _NAMES_TOGETHER):
        window = names[at: at + _NAMES_TOGETHER]
        resolved.update(zip(window, gazetteer.resolve_all([Query(n) for n in window]),
                            strict=True))
    if any(m.loose for m in mentions):
        # a loose name is read against the exact places named near it: the names within
        # _NAMES_TOGETHER of it in the order the text first uses them (linear time)
        order = list(dict.fromkeys(m.text for m in mentions))
        # the countries the report names, by names it gives them exactly (worked out once)
        countries = {r.place.country for r in resolved.values() if _names_country(r)}
        for at, name in enumerate(order):
            if name in resolved:
                continue
            window = order[max(0, at - _NAMES_TOGETHER): at + _NAMES_TOGETHER + 1]
            anchors = [r.place for r in (resolved.get(n) for n in window) if r is not None and
                       r.found and not r.place.areal and r.best.method in _SURE]
            resolved[name] = read = _among(gazetteer, name, anchors, countries, language == "en")
            if _names_country(read):
                countries.add(read.place.country)
    for n in named_countries:
        resolved.pop(n, None)  # context only: its mentions were refused as places
    ordinary = automaton(gazetteer)[1]
    counted = Counter(r.place.country for r in resolved.values() if r.found)
    countries = set(counted)
    out: list[FoundPlace] = []
    where: list[int] = []
    towns: dict[tuple[str, str], Place | None] = {}
    by_sentence: dict[int, list[Place]] = {}  # the places found in each sentence (not countries)
    for m in mentions:
        if (found := resolved.get(m.text)) is not None and found.found and (
                found.place.kind is not Kind.COUNTRY):
            by_sentence.setdefault(m.sentence, []).append(found.place)

    def beside(town: Place, name: str) -> bool:
        """Whether a sentence naming ``name`` names two other places of ``town``'s country
        near it, the town among them (marched from the Sierra Maestra to Florida and then to
        Santa Clara; not "flights from Camagüey to Florida", one Cuban town beside it)."""
        return any(sum(p.country == town.country and p.name != town.name
                       and _km(p, town) <= _NAMESAKE_BESIDE_KM
                       for p in by_sentence.get(n.sentence, ())) >= 2
                   for n in mentions if n.text == name)

    for i, m in enumerate(mentions):
        r = resolved[m.text]
        if not r.found:
            continue
        place = r.place
        if not place.areal and i + 1 < len(mentions) and (
                _IN_REGION_GAP.fullmatch(text, m.end, mentions[i + 1].start)) and (
                (held := _held_by_next(r, resolved.get(mentions[i + 1].text))) is not None):
            place = held  # Suzhou in Gansu: the Suzhou of that province, not Jiangsu's
        region_after = _REGION_AFTER.match(text, m.end, min(len(text), m.end + 80))
        kind_after = region_after is not None or _KIND_AFTER.match(
            text, m.end, min(len(text), m.end + 20)) is not None
        if region_after and place.kind is not Kind.REGION:
            place = next((c.place for c in r.candidates[:8] if c.place.kind is Kind.REGION),
                         place)
        if place.kind is Kind.REGION and not kind_after:
            # Sevastopol, a region and a city of one name: without "region" after it, the city
            if ("city", m.text) not in towns:
                # a city far away only in a country the report's other places are in (the
                # coast of Kent beside Calais and Dunkirk is not a city in Washington State)
                # ... and not one abroad when the region's country holds more of the other
                # places than the town's (Florida among Texas, Virginia and five Cuban places
                # is the state, not the Cuban town of 60,000; Santander beside Corunna is the
                # Spanish port, though the name of a ship, San Martín, lands in Colombia),
                # unless a sentence naming it names two places of its country near it
                # (marched from the Sierra Maestra to Florida and on to Santa Clara: the Cuban
                # town, though the report names Miami and Tampa too)
                big = next((c.place for c in r.candidates[:6] if c.place.kind is Kind.CITY
                            and c.method in _BEARS_NAME
                            and (c.place.population or 0) >= 50_000
                            and ((c.place.country in countries
                                  and (c.place.country == place.country
                                       or counted[c.place.country] >= counted[place.country]
                                       - (r.place.country == place.country)
                                       or beside(c.place, m.text)))
                                 or _own_town(place, c.place))), None)
                # the region's own town of its name (Santarém, a district and its seat) before
                # a bigger namesake abroad, unless that one is ten times its size
                own = next((c.place for c in r.candidates[:6] if c.place.kind is Kind.CITY
                            and c.method in _BEARS_NAME
                            and c.place.country == place.country
                            and _own_town(place, c.place)), None)
                if own is not None and ((big is None and r.best.method is Method.NAME) or (
                        big is not None and big.country != place.country
                        and 10 * (own.population or 0) >= (big.population or 0))):
                    # (and, when no town of 50,000 bears the name, for a region of that very
                    # name, Banjul; not for one that bears it as another name, Kuban)
                    big = own
                towns[("city", m.text)] = big
            place = towns[("city", m.text)] or place
        if (place.kind is Kind.CITY or (not place.areal and fold(m.text) in ordinary and not (
                # (a site movemap's own list names by the word: "from the Curragh", the
                # camp, though a curragh is also a boat)
                place.source == CURATED_SOURCE and r.best.method in _OWN_NAMES))) and (
                text[max(0, m.start - 24): m.start].rstrip().endswith("the")  # (cheap first)
                and _RIVER_LIKE.search(text, max(0, m.start - 24), m.start)) and not kind_after:
            continue  # the Dnipro, the Atlantic: a town is not named with "the"; nor is a
            # feature named by an ordinary word (into the State: not a State Airport)
        # (a reading the resolver holds in doubt, or finds ambiguous, is shown as one: St.
        # Petersburg beside Georgia; Madrid beside a Colombia the text names, as likely the
        # Spanish capital)
        confidence = 0.9 if r.best.method in (Method.NAME, Method.ALTERNATE, Method.REGION) and (
            place.id != r.place.id or (r.best.doubt is None and not r.ambiguous)) else 0.6
        out.append(FoundPlace(m.text, m.start, m.end, place, confidence))
        where.append(m.sentence)
    strays = _unplaced_strays(out, resolved, text, language)
    lonely = _lonely(out, text) | strays
    if lonely:
        kept = [(p, w) for p, w in zip(out, where, strict=True) if p.place.id not in lonely]
        out, where = [p for p, _ in kept], [w for _, w in kept]
    if ("the " in text or " here" in text or " hither" in text or "hence" in text
            or "this " in text or language != "en"):
        sentence_starts = [a for a, _ in spans]
        extras = _described(text, out, gazetteer, language)
        if extras:
            merged = sorted([*zip(out, where, strict=True), *(
                (p, max(0, bisect_right(sentence_starts, p.start) - 1)) for p in extras)],
                key=lambda item: item[0].start)
            out, where = [p for p, _ in merged], [w for _, w in merged]
    return out, where


# a word that may name a people (Australian, Japanese, British, Iraqi), and how many distinct
# ones a report is searched for
_PEOPLE_WORD = re.compile(r"\b" + PEOPLE_WORD + r"\b")
_PEOPLES_LOOKED_AT = 12
# how a place found by one of its own names was found (not by a kind word or a sound)
_OWN_NAMES = frozenset({Method.NAME, Method.ALTERNATE})
# how a town that bears a region's name was found (Sevastopol, Banjul): by its name or a
# former one, not by its sound nor as one of its many other names (Hengyang, a city of Hunan,
# among whose other names GeoNames lists "Henan")
_BEARS_NAME = frozenset({Method.NAME, Method.FORMER})
# the guards' reasons that refuse a name as part of a longer one (see mentions.rejected)
_AS_PART = frozenset({"part-of-name", "named-thing"})


# between a town and the region or country it is said to be in (Suzhou in Gansu, Vienne,
# Isère)
_IN_REGION_GAP = re.compile(r",\s*|\s+in\s+(?:the\s+)?(?:province\s+of\s+)?")


def _held_by_next(r: Resolution, area: Resolution | None) -> Place | None:
    """The reading of ``r`` (a town or feature by its own names) that the area named right
    after it holds, when its answer lies outside that area; else None."""
    if area is None or not area.found or area.place.kind not in (Kind.REGION, Kind.COUNTRY):
        return None
    region = area.place

    def inside(place: Place) -> bool:
        if region.kind is Kind.COUNTRY:
            return place.country == region.country
        if place.country != region.country:
            return False
        if region.polygon is not None:
            return bool(region.polygon.covers(Point(place.lon, place.lat)))
        return name_key(place.admin1 or "") == name_key(region.name)

    if inside(r.place):
        return None
    return next((c.place for c in r.candidates[1:8] if not c.place.areal
                 and c.method in (Method.NAME, Method.ALTERNATE, Method.FORMER)
                 and inside(c.place)), None)


def _is_country(gazetteer: Gazetteer, name: str) -> bool:
    """Whether ``name`` is a country's own name (New Zealand), as the gazetteer reads it alone."""
    r = gazetteer.resolve(name, top=1)
    return r.found and r.place.kind is Kind.COUNTRY and r.best.method is Method.NAME


# how far a region's own town of its name may lie from the region's point
_OWN_TOWN_KM = 150.0
# how near a town of its country, named in the same sentence, vouches for a town abroad that
# bears a region's name
_NAMESAKE_BESIDE_KM = 300.0


def _own_town(region: Place, town: Place) -> bool:
    """Whether ``town`` may be ``region``'s own town of its name: within ``_OWN_TOWN_KM`` of
    its point, and inside its outline when it has one or on its shore (Zeeland, the Dutch
    province, is not the village of that name in North Brabant, 40 km beyond its border)."""
    # (an outline is coarse on a coast: Banjul on its island; distance 0 inside it)
    return _km(town, region) <= _OWN_TOWN_KM and (
        region.polygon is None
        or bool(region.polygon.distance(Point(town.lon, town.lat)) <= _SHORE_DEGREES))


# How a name read exactly (its own name, another of its names, a region's name); a loose
# reading of a name found by its slot alone counts only within LOOSE_KM of such a place
_SURE = (Method.NAME, Method.ALTERNATE, Method.REGION)
LOOSE_KM = 100.0
EXACT_LOOSE_KM = 300.0  # the same, for a name the place bears exactly (Kiulien-cheng)


def _names_country(read: Resolution) -> bool:
    """Whether a name read is a country, by a name the country bears exactly."""
    return read.found and read.place.kind is Kind.COUNTRY and read.best.method in _SURE


def _respelt(found: Resolution, name: str) -> bool:
    """Whether the resolver read ``name`` as another spelling of the place's name, letter by
    letter close to it (Masar-i-Scharif: Mazar-i-Sharif), not only by its sound (Modi:
    Makurdi)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(name_key(name), found.best.matched or "") >= RESPELT_RATIO


RESPELT_RATIO = 80
LOOSE_CITY_LETTERS = 7


def _among(gazetteer: Gazetteer, name: str, anchors: list[Place],
           countries: Collection[str | None] = (), english: bool = True) -> Resolution:
    """The resolver's reading of a name found only by its slot (another romanisation,
    ``Yangtsun``; a feature of a kind, ``Baledogle``), when it is a point within
    :data:`LOOSE_KM` of a place the report names exactly (:data:`EXACT_LOOSE_KM` for a name
    the place bears exactly), or a city of :data:`LOOSE_CITY_POPULATION` or more in one of
    the ``countries`` the report names (``Masar-i-Scharif`` in a German report on
    Afghanistan: Mazar-i-Sharif); else an empty resolution (a
    guess far from the report's other places is more often another place: ``Gogjali`` is
    not Khojaly). A feature read by its kind must bear the name in its own, and one named
    after the name alone (:func:`_named_after`) counts at any distance, and so does an area
    read by one of its own names written otherwise (Trans-Jordan: Transjordan)."""
    found = gazetteer.resolve(name)
    if found.found and found.place.kind is Kind.CITY and found.place.country in countries and (
            (found.place.population or 0) >= LOOSE_CITY_POPULATION) and (
            found.best.method in _SURE or (
                found.best.method is Method.PHONETIC and _respelt(found, name))) and (
            not english or len(name_key(name).replace(" ", "")) >= LOOSE_CITY_LETTERS):
        # (in English a short name is more often a statesman's than an old spelling:
        # Karzai sounds like Karachi, Putin like Putian; Jellalabad, Peshawer and
        # Rawalpindee are the old spellings of their cities)
        return found
    if named_area(found):
        return found  # a country by one of its own names written otherwise (Trans-Jordan)
    if found.found and found.best.method is Method.FALLBACK and _BAY.search(name):
        return found  # Cam Ranh Bay, no bay known: the town on it the bay is named for
    # a name the place bears exactly is surer than a spelling close to one of its names
    reach = EXACT_LOOSE_KM if found.found and found.best.method in _SURE else LOOSE_KM
    if found.found and not found.place.areal and (
            found.best.method is not Method.KIND or _named_for(found.place, name)) and (
            any(_km(found.place, a) <= reach for a in anchors) or (
            english and found.best.method is Method.KIND and _named_after(found.place, name))):
        # (not a feature far off in a report in another language, whose slots take its
        # capitalised nouns too: "in Kraft", in force, is not Kraft Airport in North Dakota)
        return found
    return Resolution(name)


# a bay named for a town (Cam Ranh Bay, Manila Bay, Aboukir Bay): where the gazetteer knows no
# bay, the town the resolver falls back to lies on it, a fair end for a fleet's move
_BAY = re.compile(r"\s(?:Bay|Roads)$")
# the words a feature's name adds to the place it is named after (Kiska Army Airfield,
# Pearl Harbor naval base, Thule Air Base)
_FEATURE_WORDS = re.compile(r"(?:\s+(?:army|air|force|naval|navy|marine|corps|international|"
                            r"regional|municipal|military|royal))*\s+(?:airfield|airport|"
                            r"airstrip|air\s+base|base|station|field|port|harbou?r)$")


# the words a base's name puts before the place it is named after (RAAF Base Darwin, RAF
# Lakenheath, Naval Air Station Sigonella, CFB Trenton, Joint Base Lewis-McChord)
_BASE_PREFIX = re.compile(r"^(?:(?:raaf|rnzaf|raf|rnas|rcaf|usaf|nas|cfb|naval\s+air\s+station|"
                          r"naval\s+station|naval\s+base|air\s+base|air\s+station|"
                          r"joint\s+base)\s+(?:base\s+)?)")


def _named_after(place: Place, name: str) -> bool:
    """Whether a feature's name is ``name`` and words of its kind only (Kiska Army Airfield
    for ``Kiska``, the Port of Hampton Roads for ``Hampton Roads``; Darwin International
    Airport for ``RAAF Base Darwin``, the air force's base that shares it): the feature is
    the place the report names, however far from its other places (an island base across an
    ocean, a fleet's home port), as sure as an exact name."""
    own, key = name_key(place.name), _BASE_PREFIX.sub("", name_key(name))
    return _FEATURE_WORDS.sub("", own) == key or own == f"port of {key}"


def _named_for(place: Place, name: str) -> bool:
    """Whether a feature's own name holds the whole words of ``name`` (Baledogle Airfield
    for ``Baledogle``, Darwin International Airport for ``RAAF Base Darwin``; not Toha Ri
    North Airport for ``Koto-ri``)."""
    return f" {_BASE_PREFIX.sub('', name_key(name))} " in f" {name_key(place.name)} "


LOOSE_CITY_POPULATION = 100_000
"""A city this large, read from a name found only by its slot, in a country the report
names, is the place meant, however far from the report's other places (``_among``)."""
LONELY_KM = 3000.0
LONELY_POPULATION = 10_000


def _lonely(places: list[FoundPlace], text: str) -> set[str]:
    """The towns of under :data:`LONELY_POPULATION` people that lie more than
    :data:`LONELY_KM` from every other point the report names, when some of those lie
    together: a namesake of a place the gazetteer lacks (a village of the same name on
    another continent) more often than the place meant, since reports name the far places
    of their moves by their cities and bases. A report whose points all lie apart (``from
    A to B``, a continent between) keeps them all. A long text is read in windows of
    ``_NAMES_TOGETHER`` points either side, in the order it names them (linear time).

    A town named where a move sets out (``from X``, ``left X``) is kept: the
    home garrison of an expeditionary move lies far from where the move goes, and reports
    name it, small as it may be (a depot town, a garrison village)."""
    points = list({p.place.id: p.place for p in places if not p.place.areal}.values())
    if len(points) < 3 or not any(p.kind is Kind.CITY and (p.population or 0) < LONELY_POPULATION
                                  for p in points):
        return set()  # (no small town that could be lonely: no distances to work out)
    near = len(points) * [False]  # whether a point has another within LONELY_KM nearby
    for i, place in enumerate(points):
        for j in range(i + 1, min(len(points), i + _NAMES_TOGETHER + 1)):
            if _km(place, points[j]) <= LONELY_KM:
                near[i] = near[j] = True
    mentions: dict[str, list[FoundPlace]] = {}
    for p in places:
        mentions.setdefault(p.place.id, []).append(p)
    out = set()
    for i, place in enumerate(points):
        window = range(max(0, i - _NAMES_TOGETHER), min(len(points), i + _NAMES_TOGETHER + 1))
        if not near[i] and place.kind is Kind.CITY and (
                place.population or 0) < LONELY_POPULATION and any(near[j] for j in window) and (
                not any(_sets_out(text, p) for p in mentions[place.id])):
            out.add(place.id)  # (where a move sets out is asked last: of the few lonely ones)
    return out


# A word that puts a place in the slot of a place: a preposition or verb of place or motion
# right before it (English, French, Spanish, Portuguese, Italian, German, Dutch, Swedish),
# or "of" after a noun of place or of an action on one (the invasion of X, the way of X).
_PLACE_SLOT = re.compile(
    r"(?:\b(?:at|from|to|in|into|on|onto|off|near|via|for|toward|towards|through|till|"
    r"reached|reaching|entered|entering|left|leaving|beyond|past|round|around|outside|"
    # a verb whose object is a place (departed Galveston, stormed Frankfurt, took Landsberg)
    r"(?:depart|quitt|evacuat|abandon|occup|captur|seiz|storm|besieg|invad|liberat|"
    r"garrison|reinforc|surround|encircl|approach|cross|attack|defend|shell|bomb|rais)"
    r"(?:ed|ing|ied|ies|es|s|e)?|took|taking|retook|held|holding|visited|"
    r"out\s+of|between|including|as\s+far\s+as|"
    r"à|vers|en|par|dans|depuis|desde|hacia|hasta|em|para|no|na|pelo|pela|verso|per|nel|"
    r"nella|a|nach|von|aus|ab|bei|bis|über|naar|uit|vanuit|bij|mot|från|i|"
    # the same verbs' past forms in the other languages read (a quitté Carcassonne)
    r"quitté|évacué|occupé|abandonné|traversé|atteint|rejoint|gagné|pris|repris|investi|"
    r"dejó|abandonó|ocupó|tomó|alcanzó|evacuó|cruzó|deixou|abandonou|ocupou|tomou|"
    r"alcançou|lasciato|occupato|preso|raggiunto|lasciò|occupò|verlassen|verließ|"
    r"erreicht|besetzt|eingenommen|verlaten|bereikt|bezet|lämnade|nådde|intog|"
    r"(?:way|invasion|capture|siege|fall|area|beach|coast|island|heights|port|harbour|"
    r"harbor|town|city|village|outskirts|environs|garrison|fortress|region|province|"
    r"district|road|battle)\s+of)"
    # a Romance "of" after a lowercase word (partie de Rochefort, tropas de Lisboa), not a
    # name's particle (Primo de Rivera, Quartel do Carmo)
    r"|(?-i:\b[a-zà-ÿ]{3,}\s+(?:de|do|da|del|di|du|des|d'))"
    r")\s+(?:the\s+|la\s+|le\s+|el\s+|o\s+|a\s+)?$", re.IGNORECASE)
# how far back from a name its slot word is looked for
_SLOT_BACK = 40
# a place as the subject of a verb of sending (Grafenwöhr dispatched a battalion ...)
_SENDS_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+|will\s+|is\s+|are\s+)?"
                          r"(?:sends?|sent|sending|(?:dispatch|despatch)(?:ed|es|ing)?|"
                          r"deploy(?:ed|s|ing)?|ship(?:ped|s|ping)?|airlift(?:ed|s|ing)?)\b",
                          re.I)
# a dateline written in mixed case, with its country (Grafenwöhr, Germany —)
_DATELINE_NAMED = re.compile(r"(?:\A|\n)[^\S\n]*[A-ZÀ-Þ][^\s,.;:]{2,}(?:[ -][A-ZÀ-Þ][^\s,.;:]+)"
                             r"{0,2},\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2}\s*[—–-]")


# between two places of a list, and the Romance particles of a person's name (de Grasse)
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or|&|et|y|e|und|och|en))\s*")
_PARTICLES = frozenset({"de", "do", "da", "del", "di", "du", "des", "d'"})


def _unplaced_strays(places: list[FoundPlace], resolved: dict[str, Resolution], text: str,
                     language: str) -> set[str]:
    """The places that the resolver puts far from the report's other places (its doubt: "far
    from the other places", "far from every other place of the text") and that the report
    never names in the slot of a place (``_PLACE_SLOT``): a person, a ship or a word that
    shares a town's name abroad (General John P. Lucas, the Yoshino, Godfrey of Bouillon, de
    Grasse), not a place. A far place a move starts from or goes to is named after ``from``,
    ``to``, ``at``... (sailed from Greenock, now at Aldershot), sends a force (Grafenwöhr
    sent a battalion), heads a dateline (TOULON, August 17. --; Grafenwöhr, Germany --), or
    follows one so named in a list (landed at Mariel and Casilda), and is kept. In an
    English report the Romance ``de`` is a name's particle (de Grasse), never a slot."""
    doubted = {r.place.id for r in resolved.values()
               if r.found and r.best.doubt is not None and r.best.doubt.startswith("far from")}
    if not doubted:
        return set()
    slotted: set[str] = set()
    before: FoundPlace | None = None  # the place named before, if in a slot
    datelines = [d.span() for pattern in (_DATELINE, _DATELINE_ABROAD, _DATELINE_NAMED)
                 for d in pattern.finditer(text)]  # (a wire's TOULON, August 17.)
    for p in places:
        m = _PLACE_SLOT.search(text, max(0, p.start - _SLOT_BACK), p.start)
        in_slot = any(a <= p.start < b for a, b in datelines) or _SENDS_AFTER.match(
            text, p.end) is not None or (m is not None and not (
            language == "en" and m.group(0).split()[-1].lower() in _PARTICLES)) or (
            # the next of a list of places in a slot (landed at Mariel and Casilda)
            before is not None and _LIST_GAP.fullmatch(text, before.end, p.start) is not None)
        if in_slot:
            slotted.add(p.place.id)
        before = p if in_slot else None
    return doubted - slotted


_SETS_OUT_BEFORE = re.compile(
    r"\b(?:from|left|leaving|departed|departing|quit|sailed\s+from|flew\s+out\s+of)\s+"
    r"(?:the\s+(?:garrison\s+(?:town|village)\s+of\s+|town\s+of\s+|village\s+of\s+))?$",
    re.IGNORECASE)


def _rubric(text: str, place: FoundPlace, places: Sequence[FoundPlace]) -> bool:
    """Whether ``place`` is a rubric: a country or region that opens its line, followed by a
    colon, and holds another place the line names (``JORDAN: BRITISH TROOPS FLOWN TO
    AMMAN``): the heading of what follows, like a dateline, not an end of the moves it tells.
    A town, or an area that holds nothing the line names, may be where the move starts
    (``Nicosia: 2,000 paratroopers flown out to Amman``; ``CYPRUS: TROOPS FLOWN TO AMMAN``)."""
    if not text.startswith(":", place.end) or not place.place.areal:
        return False
    line = text.rfind("\n", 0, place.start) + 1
    if text[line: place.start].strip():
        return False
    end = text.find("\n", place.end)
    end = len(text) if end < 0 else end
    return any(place.end < p.start < end and p.place.country == place.place.country
               and not p.place.areal for p in places)


def _sets_out(text: str, place: FoundPlace) -> bool:
    """Whether ``place`` is named where a move sets out: after ``from``/``left``/``departed``
    (``the town of`` between allowed)."""
    return _SETS_OUT_BEFORE.search(text, max(0, place.start - 48), place.start) is not None


def _without_glosses(text: str, places: list[FoundPlace]) -> list[FoundPlace]:
    """The places of a clause less those that only spell the one before again, in
    parentheses (``Vladivostok (Владивосток)``)."""
    out: list[FoundPlace] = []
    for place in places:
        if out and text[out[-1].end: place.start].strip() == "(" and (
                text[place.end: place.end + 1] == ")"):
            continue
        out.append(place)
    return out


# (its word boundary checked after "the": a pattern that opens with a word is found by a fast
# search for the word, one that opens with \b is tried at every character)
_DESCRIBED = re.compile(r"the(?<=\bthe)\s+(?:(?P<capital>capital)|(?P<town>city|town)|"
                        # (the airport at Comoro: the place after it says which)
                        r"(?P<air>airport|airfield|air\s+base)(?!\s+(?:at|in|near|outside)\s+"
                        r"(?!(?i:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
                        + r")\b)[A-Z]))\b(?!\s+of\b|['’]s|\s+[A-Z]|"
                        r"\s+here\b)")
# "arrived here": the town the report is written from (its dateline); "landed at the
# damaged airport here": at its airport or port
_HERE = re.compile(r"\b(?:arriv(?:ed|es|ing)|came|comes?|coming|flown|flying|land(?:ed|ing)|"
                   r"brought|bringing|mov(?:ed|ing)|sent|deploy(?:ed|ing)|return(?:ed|ing)|"
                   r"reach(?:ed|ing)|march(?:ed|ing)|head(?:ed|ing)|sail(?:ed|ing)|"
                   r"steam(?:ed|ing)|hurr(?:ied|ying)|rush(?:ed|ing))\s+"
                   r"(?:(?:ashore|in|back|up|down)\s+|"
                   r"(?:at|in|on|into)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:airport|airfield|"
                   r"air\s+base|port|harbou?r|docks?)\s+)?"
                   r"(?P<here>here|hither)\b(?!\s+and\b)")
# the writer's place named otherwise: "from hence" (from here), and "this town" or "this city"
# after a word of motion or direction (entered this town, will push on towards this city):
# in a letter or a wire, the town it is written from, not the last town named
_HENCE = re.compile(r"\bfrom\s+(?P<here>hence|here)\b", re.I)
_THIS_TOWN = re.compile(r"\b(?:enter(?:ed|s|ing)?|reach(?:ed|es|ing)?|into|to|towards?|upon|on)"
                        r"\s+(?P<here>this\s+(?:city|town|place|capital))\b", re.I)
# the head of a letter, which says where it was written (Extract of a Letter from Preston,
# dated Nov. 15; Letter from a Gentleman at Derby to his Friend in London): see _writer_at
_LETTER_HEAD = re.compile(r"(?:\A|\n)[^\S\n]*(?:[^\n]{0,40}\b)?(?:letter|extract|despatch|dispatch)"
                          r"\b[^\n]{0,40}?\b(?:from|at)\s+[^\n]{1,160}", re.I)
_HEAD_CHARS = 600  # how far into a report its letter head may stand
# a dateline as the other languages write it: its town, then the day and the month (Luzern,
# 24. November, abends.; Lisboa, 25 de abril —; Paris, le 3 mai)
_DATELINE_ABROAD = re.compile(
    r"(?:\A|\n)[^\S\n]*[A-ZÀ-Þ][^\s,.;:]{2,}(?:[ -][A-ZÀ-Þ][^\s,.;:]+){0,2},\s+"
    r"(?:(?:den|le|el|il|o)\s+)?\d{1,2}\.?\s+(?:de\s+)?[A-Za-zÀ-ÿ]{3,}")
# "here" in the other languages read, after "from" or "to" (von hier nach Schwyz, partiront
# d'ici pour Lyon): the dateline's town too
# (not a time from now: "d'ici décembre", "de aquí a diciembre", "da qui alla fine")
_HERE_ABROAD = re.compile(
    r"\b(?:(?:von|nach|van|naar)\s+(?P<h1>hier)|d['’](?P<h2>ici)|(?:desde|de)\s+(?P<h3>aquí)|"
    r"(?:desde|de)\s+(?P<h4>aqui)|da\s+(?P<h5>qui|qua)|(?:från|till)\s+(?P<h6>här))\b"
    r"(?!\s+(?:à|a|al|alla|la|le|el|o|fin|finales?|fine|\d|demain|mañana|domani|amanhã|"
    r"morgen|quelques|unos|unas|pochi|alcuni|[a-zà-ÿ]+(?:di|dì|day|tag|dag))\b)"
    r"(?!\s+(?:" + "|".join((*(m for lang in ("fr", "es", "pt", "it")
                               for m in LANGUAGES[lang].months),
                             "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                             "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes",
                             "sábado", "domingo")) + r")\b)", re.I)
_BEFORE_CHARS = 300  # how far before its sentence the force a "here" moves may be named
# ... and the words for it there, beside _FORCE_WORD's: the irregulars and old arms of letters
# and old wires (a party of armed men, not of schoolchildren nor a chancellor's)
_HERE_FORCE = re.compile(r"\b(?:rebels|insurgents|guerrillas|militias?|garrisons?|cavalry|"
                         r"dragoons|detachments?|squadrons?|part(?:y|ies)\s+of\s+"
                         r"(?:(?:the|their|his|our|its)\s+)?(?:horse|foot|dragoons|men|soldiers|"
                         r"troops|rebels|cavalry|infantry|marines))\b", re.I)
# a sentence opening with a pronoun (its force or its scene named in the sentence before)
_PRONOUN_OPENS = re.compile(r"[\W\d]*(?:They|These|Those)\b")
# where the sentence before stops speaking of its subject: a force named after it (the city
# is far from the front, where Russian troops are shelling Kharkiv) is not what "They" means
_SUBORDINATE = re.compile(r",\s*(?:where|which|who|whom|whose|when|while|whereas)\b[^,]*", re.I)
_FRONTED_WORDS = 3  # a clause after at most this many words comes before the subject
# a commander named as the one who moves (General Budyonny will push on towards this city; the
# General will ...): his force moves with him; not a title of office (Secretary-General
# Guterres, the Governor General, Director General Grossi) nor a firm's name (General Motors)
_COMMANDER_TITLE = re.compile(
    # (a rank joined to another by a hyphen is one: Lieutenant-General, Major-General)
    r"(?:(?<![-\w])|(?<=Lieutenant-)|(?<=Major-)|(?<=Brigadier-))"
    r"(?<!Secretary\s)(?<!Director\s)(?<!Governor\s)(?<!Attorney\s)(?<!Inspector\s)"
    r"(?<!Surgeon\s)(?<!Consul\s)(?<!Solicitor\s)(?<!Postmaster\s)(?<!Prosecutor\s)"
    r"(?<!Fire\s)(?<!Provost\s)"
    r"(?:General|Marshal|Admiral|Colonel|Brigadier)\s+(?!Motors|Electric|Assembly|Staff|"
    r"Hospital|Secretary|Manager|Dynamics|Mills|Post)"
    # (a name, with its particle: General de Gaulle, General von Kluck, Marshal Żymierski)
    r"(?:(?:de|von|van|du|della|di|da|le|la)\s+)?[^\W\d_a-z]|"
    # (or the one the story named: It is feared that the General will push on ...)
    r"\bthe\s+(?:General|Marshal|Admiral|Colonel)\s+(?=[a-z])")
# a quotation opened by a single quotation mark, not an apostrophe (possess'd, the troops')
_SINGLE_QUOTE = re.compile(r"(?:^|[\s(])['‘](?=[A-Z])")
_SINGLE_UNQUOTE = re.compile(r"[\w.,!?]['’](?=[\s,.;:)]|$)")
_FROM_BEFORE = quick(re.compile(r"\bfrom\s+(?:(?!(?:to|into|towards|and)\b)[\w'’-]+\s+){0,4}$",
                                re.I))
_AIR = (Kind.AIRPORT, Kind.AIRBASE)


def _described(text: str, found: list[FoundPlace], gazetteer: Gazetteer,
               language: str = "en") -> list[FoundPlace]:
    """Places named by a description (``the capital``, ``the city``, ``the airport``): the
    capital of the country of the last place named before, when the report has named it
    already; the last town named before in
    this paragraph or the one before that is not where a move came from; the last airport
    named before in the same paragraph."""
    out: list[FoundPlace] = []
    starts = [p.start for p in found]
    named_before: set[str] = set()
    at = 0
    # the places the report is written from, read once, when a "here" needs them
    datelines: list[tuple[int, int, str]] | None = None
    described = list(_DESCRIBED.finditer(text))
    if " here" in text or " hither" in text:
        described = sorted([*described, *_HERE.finditer(text)], key=lambda m: m.start())
    if "hence" in text or "from here" in text or "this " in text:
        # (only a report written from somewhere: a dateline or a letter's head)
        described = sorted([*described, *_HENCE.finditer(text), *_THIS_TOWN.finditer(text)],
                           key=lambda m: m.start())
    if language != "en":
        described = sorted([*described, *_HERE_ABROAD.finditer(text)], key=lambda m: m.start())
    for m in described:
        last = bisect_right(starts, m.start())
        for p in found[at:last]:
            named_before.add(p.place.id)
        at = max(at, last)
        here_word = "here" in m.groupdict() or "h1" in m.groupdict()
        if not last and not here_word:
            continue  # (a "here" is the dateline's town, though no place is named before it)
        # the places named before it, nearest first, within a bounded look back: linear time
        before = (found[i] for i in range(last - 1, max(-1, last - 40), -1))
        paragraph = text.rfind("\n\n", max(0, m.start() - 5000), m.start())
        place: Place | None = None
        if m.groupdict().get("capital"):
            country = next((p.place.country for p in before if p.place.country), None)
            name = capital_name(country)
            if name:
                r = _resolve_capital(gazetteer, name, country or "")
                place = r.place if r.found and r.place.kind is Kind.CITY else None
            if place is not None and place.id not in named_before:
                place = None  # the capital refers back to a town the report has named
        elif here_word:
            # the place of the dateline the story was filed under, when its sentence names a
            # force (students or a shopkeeper who came here are no move)
            if datelines is None:
                datelines = _writers_places(text, language)
            line = datelines[bisect_right(datelines, (m.start(), m.start())) - 1] if (
                datelines and datelines[0][0] < m.start()) else None
            if line is not None and (m.groupdict().get("here") or "")[:1].lower() == "t" and (
                    line[2] == "wire") and _named_otherwise(found, line, m.start()):
                # "this town" under a modern wire's dateline, after another place the story
                # names, is as often that town (Bucha, under KYIV --); a letter's and an old
                # paper's are the writer's
                line = None
            sentence = text[max(text.rfind(".", 0, m.start()), m.start() - 200, 0): m.start()]
            place = None
            # (a "here" in quotation marks is the speaker's, wherever the story was filed)
            quoted = sentence.count('"') % 2 == 1 or sentence.count("“") > sentence.count("”") or (
                (opened := _SINGLE_QUOTE.search(sentence)) is not None
                and _SINGLE_UNQUOTE.search(sentence, opened.end()) is None)
            if line is not None and not quoted and (
                    _FORCE_WORD.search(sentence) or _HERE_FORCE.search(sentence)
                    or _COMMANDER_TITLE.search(sentence)
                    or _named_before(text, sentence, m.start())):
                # (its town, not the country after it: PONCE, Porto Rico, July 28.)
                place = next((p.place for p in found if line[0] <= p.start < line[1]
                              and not p.place.areal), None)
                if place is None and line[2] != "letter":
                    # the dateline's place, left out of the report's places
                    name = re.split(r"[,(\-\u2013\u2014]", text[line[0]: line[1]].strip())[0]
                    r = gazetteer.resolve(name.strip().title())
                    place = r.place if r.found and r.place.kind is Kind.CITY else None
                if place is None:  # a dateline that names only an area (CRIMEA, ...)
                    place = next((p.place for p in found if line[0] <= p.start < line[1]),
                                 None)
        elif m.group("town"):
            # the last town named before, in this paragraph or the one before, that is not
            # where a move came from (flown in from Kaunas ... moved into the city: Prague)
            earlier = text.rfind("\n\n", max(0, paragraph - 5000), max(0, paragraph))
            place = next((p.place for p in before if p.start > earlier and p.place.kind is
                          Kind.CITY and not _FROM_BEFORE.search(text, max(0, p.start - 40),
                                                                p.start)), None)
        else:
            place = next((p.place for p in before if p.start > paragraph and
                          p.place.kind in _AIR), None)
        if place is not None:
            word: int | str = 0
            if "here" in m.groupdict():
                word = "here"  # "here", not its verb
            elif "h1" in m.groupdict():
                word = next(g for g in ("h1", "h2", "h3", "h4", "h5", "h6") if m.group(g))
            out.append(FoundPlace(m.group(word), m.start(word), m.end(word), place, 0.5))
    return out


def _writers_places(text: str, language: str) -> list[tuple[int, int, str]]:
    """Where the report says it is written from, in order: each dateline (``wire``, or
    ``old`` for an old paper's with no dash: KOVNO, Oct. 10. The ...) and a letter's head
    (``letter``: from where ``_writer_at`` says the writer's place stands), as (start, end,
    kind)."""
    found = [(d.start(), d.end(), "wire" if re.search(r"[-\u2013\u2014]", d.group(0)) else "old")
             for d in (*_DATELINE.finditer(text),
                       *(_DATELINE_ABROAD.finditer(text) if language != "en" else ()))]
    found += [(_writer_at(text, d.start(), d.end()), d.end(), "letter")
              for d in _LETTER_HEAD.finditer(text, 0, _HEAD_CHARS)]
    return sorted(found)


# in a letter's head, the words that say whose place follows: "from" the writer's, "to" the
# addressee's (and an "at" after it: to a Gentleman at Newcastle); an "at" of time is neither
_HEAD_MARK = re.compile(r"\b(?:(?P<from>from)|(?P<to>to)|(?P<at>at)(?!\s+(?:night|noon|"
                        r"midnight|morning|evening|ten|eleven|twelve|one|two|three|four|five|six|"
                        r"seven|eight|nine|\d)))\b", re.I)


def _writer_at(text: str, start: int, end: int) -> int:
    """Where the writer's place stands in a letter's head (``text[start:end]``): after its
    first "from", or, with none, after its first "at" that no "to" governs (Letter from an
    Officer at Carlisle to a Gentleman at Newcastle: Carlisle; Letter to a Gentleman in
    Edinburgh, from an Officer at Preston: Preston; dated Dec. 5, at Night: no place)."""
    governor = ""
    first_at = None
    for m in _HEAD_MARK.finditer(text, start, end):
        if m.group("from"):
            return m.end()
        if m.group("to"):
            governor = "to"
        elif m.group("at") and governor != "to" and first_at is None:
            first_at = m.end()
    return first_at if first_at is not None else end


def _named_otherwise(found: Sequence[FoundPlace], line: tuple[int, int, str], at: int) -> bool:
    """Whether the report names, before ``at``, a place other than its dateline's (``line``),
    the headline's among them (BUCHA over KYIV --): "this town" may be that one."""
    own = {p.place.id for p in found if line[0] <= p.start < line[1]}
    return any(p.start < at and not line[0] <= p.start < line[1] and p.place.id not in own
               for p in found)


def _named_before(text: str, sentence: str, at: int) -> bool:
    """Whether a sentence that opens with a pronoun for a force (They came in hither) follows
    one whose subject names a force: a force word in the sentence before, ahead of any
    subordinate clause (not "the front, where Russian troops are shelling Kharkiv")."""
    if _PRONOUN_OPENS.match(sentence) is None:
        return False
    opens = at - len(sentence)
    start = max(text.rfind(".", max(0, opens - _BEFORE_CHARS), opens), opens - _BEFORE_CHARS,
                0)
    # (less its clauses set off by a comma: On Sunday, when the shelling eased, Ukrainian
    # troops pulled out; not the front, where Russian troops are shelling Kharkiv, nor the
    # front, where, officials said, Russian troops ...: a clause after the subject runs to
    # the sentence's end, one before it to its comma)
    previous = text[start: opens]
    clause = _SUBORDINATE.search(previous)
    if clause is not None:
        lead = [w for w in previous[: clause.start()].split() if any(c.isalpha() for c in w)]
        previous = (previous[: clause.start()] + previous[clause.end():]
                    if len(lead) <= _FRONTED_WORDS else previous[: clause.start()])
    return bool(_FORCE_WORD.search(previous) or _HERE_FORCE.search(previous))


@lru_cache(maxsize=512)
def _resolve_capital(gazetteer: Gazetteer, name: str, country: str) -> Resolution:
    return gazetteer.resolve(name, country=country)


def _one_name(a: str, b: str) -> bool:
    """Whether two mentions share a word, as a town and the feature named after it do
    (Mogadishu, Mogadishu airport); a field with a name of its own (Fornebu, Oslo) does not,
    and a move between the two is a move."""
    words = set(fold(a).split())
    return bool(words & set(fold(b).split()))


def _km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


# how near an area's outline a point on its shore counts as in it, in degrees (about 10 km:
# Kalamita Bay on Crimea's coast, Quilmes on the shore of the Río de la Plata)
_SHORE_DEGREES = 0.1


def _inside_another(place: FoundPlace, others: list[FoundPlace]) -> bool:
    """Whether ``place`` is an area and one of ``others`` a town in it or on its shore (a
    country: by its code; a region or a sea: by its outline, a sea's shore or a region's
    coastal feature within ``_SHORE_DEGREES``)."""
    if not place.place.areal:
        return False
    if place.place.kind is Kind.COUNTRY:
        return any(not o.place.areal and o.place.country == place.place.country
                   for o in others)
    polygon = place.place.polygon
    if polygon is None:
        return False
    water = place.place.id.startswith(_WATER_IDS)  # a sea, a gulf, an estuary, a lake
    return any(not o.place.areal and (
        polygon.covers(point := Point(o.place.lon, o.place.lat))
        # a shore's point by a sea, or a coast's feature (a bay, a beach, a port) of the land's
        # own country by its outline, not a town or port across a border (Kufstein beside
        # Bavaria, Koper beside Friuli)
        or ((water or (o.place.kind in _COAST_KINDS
                       and o.place.country in (None, place.place.country)))
            and polygon.distance(point) <= _SHORE_DEGREES)) for o in others)


_COAST_KINDS = frozenset({Kind.BEACH, Kind.PORT, Kind.NAVAL_BASE})
# the ids of the gazetteer's waters (Natural Earth's seas and lakes, movemap's seas)
_WATER_IDS = ("sea:", "ne-sea:", "ne-lake:")


# a participle after a place that tells what befell it, up to a date (", seized from the rebels
# last month", ", captured on 3 May"): the date is the place's, not the move's
_PLACE_HISTORY = re.compile(
    r",\s+(?:which\s+had\s+been\s+|which\s+was\s+|itself\s+)?(?:seized|captured|taken|"
    r"occupied|retaken|recaptured|liberated|lost|abandoned|founded|built|bombed|shelled|"
    r"attacked|besieged|evacuated)\b[^,;.()]{0,60}?\s+(?:(?:on|in|at|since)\s+)?", re.I)


# a force's subject placed somewhere by its next words (the German army in the north, the
# British forces on the Adriatic, the Finnish troops at Kuhmo): another body of its side
_PLACED_ELSEWHERE = re.compile(r"\s+(?:in|on|at|near|along|around|outside)\s+(?:the\s+)?\w",
                               re.I)


# where a country is the area a force is in or goes into, not a town's stand-in
_IN_A_COUNTRY = re.compile(r"\b(?:in|into|inside|within|across|throughout)\s+(?:the\s+)?$",
                           re.I)


# a chronology's or a live blog's label before its entry, a capitalised word or three and a
# colon ("Coming days:", "Later:", "Update:"): the clause's subject comes after it
_LEAD_LABEL = re.compile(r"\W*[A-Z][a-z]+(?:\s+[a-z]+){0,2}:\s+")
# the words of a label of time (Coming days:, Later that week:)
_TIME_LABEL = re.compile(r"\b(?:days?|weeks?|months?|years?|later|earlier|next|coming|then|"
                         r"morning|evening|night|afternoon|today|tomorrow|yesterday|tonight|"
                         r"dawn|noon|midnight)\b", re.I)


# a cross-border move's cue (crossed into, entered, into) and the people's adjective that
# opens a force described by its side (Senegalese troops)
_INTO = re.compile(r"(?:crossed\s+into|entered|entering|enters?|into)(?:\s+\.\.\.\s+at)?$", re.I)
_SIDE_WORD = re.compile(r"^(?:[Tt]he\s+)?(" + PEOPLE_WORD + r")\s")


# a sending verb, and a clause opened by a country's government, army or officials by its
# people's adjective (the Portuguese government said it had flown ...)
_SENDING = re.compile(r"(?i:sen[dt]|sending|dispatch\w*|deploy\w*|airlift\w*|"
                      r"fl(?:ew|own|ies|y|ying)|ship(?:s|ped|ping))$")
_SENDER = re.compile(r"^\W*(?:[Tt]he\s+)?([A-Z][a-z]+(?:an|ish|ese|ic|i))\s+(?:[a-z-]+\s+)?"
                     r"(?:government|army|military|navy|air\s+force|ministry|president|"
                     r"leadership|authorities|officials)\b")


@lru_cache(maxsize=1024)
def _country_of_people(gazetteer: Gazetteer, word: str) -> Place | None:
    """The country ``word`` names the people of (``Senegalese``: Senegal), or None."""
    found = gazetteer.resolve(word)
    if found.found and found.best.method is Method.DEMONYM and (
            found.place.kind is Kind.COUNTRY):
        return found.place
    return None


def _subject_anaphor(body: str, pointer: re.Match[str] | None) -> re.Match[str] | None:
    """The word near the start of a clause that refers back to a force (they, the troops,
    he led), if any; not the object of "join it there" (``pointer``, the clause's
    ``_THERE_TO``), which is the force joined."""
    found = ANAPHOR.search(body, 0, 60) or _COMMANDER.search(body, 0, 60)
    if found is not None and pointer is not None and (
            pointer.start() <= found.start() < pointer.end()):
        return None
    return found


def _role_of(place: FoundPlace, here: list[FoundPlace], roles: tuple[str, ...]) -> str:
    """What the clause's reading gave ``place`` (one of ``here``): its role, or, given the
    reading's cues, its cue."""
    return roles[here.index(place)]


def _just_there(state: State, place: FoundPlace | None, entry: bool = False) -> bool:
    """Whether ``place`` is where the report's scene was set, in this paragraph, at most two
    sentences before; or in the paragraph before when this clause opens an entry of a
    chronology (``entry``, see ``_Reader._opens_entry``: "11 April: Tanzanian troops enter
    Kampala." then "Coming days: Tanzanian forces are expected to push east toward
    Jinja"), whose entries go on from each other as a paragraph's sentences do."""
    return place is not None and state.scene is place and (
        0 <= state.paragraph - state.scene_at[0] <= (1 if entry else 0)) and (
        state.sentence - state.scene_at[1] <= 2)


def _where_then(destination: FoundPlace, positions: list[FoundPlace]) -> FoundPlace:
    """Where a force is after a move: a position named after its destination (sailed for
    England and was stationed at Tidworth), else the destination."""
    after = [p for p in positions if p.start > destination.start]
    return after[-1] if after else destination


def _last_list(here: list[FoundPlace], roles: tuple[str, ...], cues: tuple[str, ...],
               role: str) -> list[FoundPlace]:
    """The places of the last list in ``role``: the last such place and those right before
    it under the same cue (``at A and B``)."""
    last = max(i for i, r in enumerate(roles) if r == role)
    first = last
    while first > 0 and roles[first - 1] == role and cues[first - 1] == cues[last]:
        first -= 1
    return here[first: last + 1]


# an arrival whose origin is unknown waits this many sentences for a move of the same force
# named again (not only "they") that says where it came from
_RENAMED_WITHIN = 8
_VOYAGE_DAYS = 7  # a departure at most this long before an arrival can be its start


def _other_time(dates: list[DateMention], day: FuzzyDate | None) -> bool:
    """Whether a clause's own date puts its move apart from the arrival on ``day``: more
    than two days after it, or more than a week before it (the flotilla sailed from Brindisi
    on Tuesday and landed on Saturday: one move; the division had crossed from Kuwait on 20
    March: not the move that reached Baghdad on 7 April)."""
    start = _own_dates(dates)[0]
    if start is None or day is None:
        return False
    return (start.first_day - day.last_day).days > 2 or (
        day.first_day - start.last_day).days > _VOYAGE_DAYS


def _carried_from_left(left: FuzzyDate, arrived: FuzzyDate) -> bool:
    """Whether a departure on ``left`` can be the start of a move dated ``arrived``: before
    it, by at most two months."""
    return 0 <= (arrived.first_day - left.last_day).days <= 62


# the dates a clause's own day outranks: a season, a part of a year, and a span back from
# publication ("Eighty years ago tonight, in the summer dark of 18 August 1942")
_BROAD = frozenset({"season", "part_year", "ago"})


def _own_dates(dates: list[DateMention]) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    """A clause's own start and end (a span gives both)."""
    # a day the clause gives before a season or a part of a year it also names (the brigade,
    # formed in late 1998, moved on 3 May): that is a side phrase's time
    dates = [d for d in dates if d.kind not in _BROAD] or dates
    starts = [d for d in dates if d.role != "end"]
    ends = [d for d in dates if d.role == "end"]
    start = starts[0].date if starts else None
    end = ends[0].date if ends else None
    if start is not None and start.precision.value == "interval" and end is None:
        assert start.earliest and start.latest
        return parse_date(start.earliest), parse_date(start.latest)
    return start, end


def _past_dates(dates: list[DateMention], published: date
                ) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    """``_own_dates`` of a move that has happened: one that a year inferred put after the
    report's day is a year earlier (2 May in a December report is the May before), or a
    month earlier for a day written alone (the 5th, in a report of 1 June, is 5 May)."""
    start, end = _own_dates(dates)
    if (start is not None and start.first_day > published and dates
            and not dates[0].year_given):
        back = month_before if dates[0].kind == "the_nth" else year_before
        start, end = back(start), end and back(end)
    return start, end


class _Reader:
    """One pass over a report's sentences, keeping the discourse state."""

    def __init__(self, text: str, spans: list[tuple[int, int]], published: date,
                 places: list[FoundPlace], where: list[int], dates: list[DateMention],
                 gazetteer: Gazetteer | None = None) -> None:
        self.text, self.published = text, published
        self.gazetteer = gazetteer
        self.spans = spans
        self.places, self.where, self.dates = places, where, dates
        self.place_starts = [p.start for p in places]
        self.date_starts = [d.start for d in dates]
        breaks = [m.start() for m in _PARAGRAPH.finditer(text)]
        self.paragraph = [bisect_right(breaks, a) for a, _ in self.spans]
        # whether the first sentence is a headline: a line alone, not ended as a sentence is
        # (a lead paragraph of one sentence ends with its full stop)
        self.headline = len(spans) > 1 and self.paragraph[0] != self.paragraph[1] and (
            not text[spans[0][0]:spans[0][1]].rstrip().endswith((".", "!", "?")))
        self.state = State()
        self.legs: list[FoundLeg] = []
        self.seen: set[tuple[str, tuple[str, ...], str, str]] = set()
        self.filed_dates: set[int] = set()
        # where an opening participle put the sentence's subject (Having taken A, the army
        # marched on B): the sentence's number and the place, for the clause that names it
        self.opening: tuple[int, FoundPlace] | None = None
        # the place a sentence opens with "From A," (its number, the place)
        self.fronted_from: tuple[int, FoundPlace] | None = None
        # per unit, the legs a headline's arrival ended a departure with, and the place it
        # left: dropped when the body tells where that departure ended (see _clause)
        self.told_ahead: dict[str, tuple[list[FoundLeg], FoundPlace]] = {}

    def _dates_in(self, a: int, b: int) -> list[DateMention]:
        lo = bisect_right(self.date_starts, a - 1)
        hi = bisect_right(self.date_starts, b - 1)
        return self.dates[lo:hi]

    def read(self) -> list[FoundLeg]:
        by_sentence: dict[int, list[FoundPlace]] = {}
        lines = [0, *(m.start() for m in _NEWLINE.finditer(self.text))]  # (where one starts)
        filed = [m.span() for m in matches_from(_DATELINE, self.text, lines)]
        for place, number in zip(self.places, self.where, strict=True):
            if not any(a <= place.start < b for a, b in filed) and not _rubric(
                    self.text, place, self.places):
                by_sentence.setdefault(number, []).append(place)
        # a dateline's day is when the story was filed: the narrative's time from there on,
        # not the date of a move in its sentence
        self.filed_dates = {d.start for d in self.dates if any(a <= d.start < b for a, b in filed)}
        for number, (a, b) in enumerate(self.spans):
            self.state.new_paragraph(self.paragraph[number])
            self.state.sentence = number
            for d in self._dates_in(a, b):
                if d.start in self.filed_dates:
                    self.state.set_date(d.date, number)
            said = _source(self.text[a:b])
            if said:
                self.state.source, self.state.source_reports = said, reporting(
                    self.text[a:b]) or _REPORTING_NOUN.search(said) is not None
                if number == 0:
                    self.state.headline_source = said
                    self.state.headline_reports = self.state.source_reports
            for clause in clauses(self.text, a, b):
                places = by_sentence.get(number, ())
                # "..., where the brigade landed from A," is a clause of its own about the
                # place before it: read after the clause it sits in, without its places
                inside = [p for p in places if clause.start <= p.start < clause.end]
                wheres = self._wheres(clause, inside)
                here = _without_glosses(self.text, [p for p in inside if not any(
                    s <= p.start < e for s, e, _ in wheres)])
                # a where-clause that ends the clause, naming a place of its own, ends what
                # the clause itself says (its "from Sumy" is no origin the clause leaves
                # unread); one without (where it is due by 1 November) still dates it
                end = wheres[-1][0] - 1 if wheres and wheres[-1][1] == clause.end and any(
                    wheres[-1][0] <= p.start for p in inside) else clause.end
                self._clause(number, a, clause.start, end, here, said is not None)
                for s, e, antecedent in wheres:
                    self._clause(number, a, s, e, _without_glosses(
                        self.text, [p for p in inside if s <= p.start < e]), said is not None,
                        antecedent)
        return self.legs

    def _clause(self, number: int, sentence_start: int, a: int, b: int,
                here: list[FoundPlace], said_here: bool,
                antecedent: FoundPlace | None = None) -> None:
        """Read the clause ``text[a:b]`` with its places ``here``; ``antecedent``: for a
        clause ``..., where ...``, the place it is about."""
        state, text = self.state, self.text
        body = text[a:b]
        pointer = _THERE_TO.search(body)  # "there" after a verb of motion, if any
        named = named_unit(body)
        if named is not None and _JOINS_BEFORE.search(body, 0, named.start()):
            named = None  # moved from Lyon to join the 5th Division: the force it joins
        if named is not None and (apposed := _APPOSED.match(body)) is not None and (
                named.start("u") >= apposed.end()
                and named.end("u") <= body.find(",", apposed.end())):
            # "The force, the United States Sixth Corps under ..., sailed": the unit named
            # between the commas is the force spoken of, not a new one
            named = None
        before = state.unit
        unit_cue = "unit: carried"
        anaphor = described = None
        # where the clause's subject starts, after a date or a label it opens with
        described_at, dated = self._lead(a, b)
        state.companions = ()
        if named:
            companions = companion_units(body, named)
            for companion in companions:
                state.name_unit(companion)
            state.name_unit(unit_slug(named.group("u")))
            state.companions = tuple(companions)
            unit_cue = "unit: named"
        elif (described := NEW_FORCE.match(text[described_at:b])) is not None:
            state.name_unit(unit_slug(described.group("u")))
            unit_cue = "unit: a new subject"
        elif (anaphor := _subject_anaphor(body, pointer)) is not None:
            unit_cue = "unit: carried (" + " ".join(anaphor.group(0).split()) + ")"
            state.refer(" ".join(anaphor.group(0).split()))
        if named or described:
            state.unit_expected = status_of(body) is Status.EXPECTED
            if not state.unit_expected:
                state.past_unit = state.unit
        elif anaphor is not None and state.unit_expected and state.past_unit and (
                status_of(body) is not Status.EXPECTED):
            # "the soldiers were dispersed" after "a second echelon is expected to follow":
            # what has happened is about the last force that moved, not the one still to come
            state.unit, state.unit_expected = state.past_unit, False
        opened = None  # where "Having taken A, ..." put this clause's subject
        if self.opening is not None and self.opening[0] == number and not OPENING.match(body):
            # the subject of "Having taken A, ..." is this clause's: it was at A
            opened = self.opening[1]
            state.moved(state.unit, opened)
            self.opening = None
        if state.unit == CARGO and not (named or described) and (
                state.paragraph != state.cargo_at or (
                    anaphor is not None and _FORCE_WORD.search(anaphor.group(0)))
                or BARE_FORCE.match(text[described_at:b])):
            state.unit = state.cargo_of  # "the troops" after the civilians: the force again
        unit = state.unit
        dates = [d for d in self._dates_in(a, b) or self._dates_in(sentence_start, a)[-1:]
                 if d.start not in self.filed_dates]
        # to Minsk, which fell on 3 July: when it got there, not when it set out
        dates = [replace(d, role="end") if not d.role and _ARRIVED_WHEN.search(
            text, max(a, d.start - 50), d.start) else d for d in dates]
        if len(dates) > 1 and _LEFT_WHEN.search(text, max(a, dates[0].start - 60),
                                                 dates[0].start):
            # the brigade, which left Lyon on 3 May, reached Dijon on 5 May: 3 to 5 May
            dates = [dates[0], *(replace(d, role="end") if not d.role and _ARRIVAL_BEFORE.search(
                text, max(a, d.start - 60), d.start) else d for d in dates[1:])]
        # from Pekanbaru, seized from the rebels last month: when the place a move came from
        # fell, not when the force moved (to Vilnius, taken on 13 July: when it got there)
        dates = [d for d in dates if not any(
            p.end <= d.start and _PLACE_HISTORY.fullmatch(text, p.end, d.start)
            and _FROM_BEFORE.search(text, max(0, p.start - 40), p.start) for p in here)]
        if len(dates) > 1 and dates[0].kind == "after_n" and (
                named_day := dates[1]).kind in _POINT_DAYS and not named_day.role and (
                named_day.date.precision.value == "day") and not _SIDE_PHRASE.search(
                text, next((p.end for p in here if dates[0].end <= p.start < named_day.start),
                           named_day.start), named_day.start):
            # after a week of fighting, the fleet anchored off Calais on 6 August: the day
            # named, not the week counted (but not a day of a side phrase after the place:
            # reached B, a town held since 1 July; entered C, whose airport had fallen on 4
            # April; the comma after the opening phrase is none)
            dates = dates[1:]
        if not here and unit != CARGO and unit in state.position and (
                _SET_OUT.search(body)) and status_of(body) is not Status.EXPECTED:
            # "It put to sea again on 21 July": it left where it was, for where the report
            # tells next (the fleet anchored off B)
            state.departure[unit] = (state.position[unit], state.paragraph, number)
            state.departure_day[unit] = _past_dates(dates, self.published)[0]
        if not here and not _FOLLOW_WORD.search(body):
            # no place, no leg (unless it follows the last one): only what the state keeps
            if found := strength_in(text, a, b):  # (no digit: None at once)
                state.strength[unit] = found
                self._sized(unit, found, number)
            if dates:
                self._narrative(dates, status_of(body) is Status.EXPECTED, number,
                                by_too=_by_state(text, a, dates))
            return
        if unit == CARGO:
            # "most were flown to X" after aircraft carried 120,000 people out of Y: the people
            # again, not a force
            self._narrative(dates, status_of(body) is Status.EXPECTED, number)
            return
        reading = read_clause(text, Clause(a, b), [(p.start, p.end) for p in here],
                              [p.place.areal for p in here])
        if reading.strength is not None:
            state.strength[unit] = reading.strength
        if a == sentence_start and here and _FRONTED_FROM.fullmatch(text, a, here[0].start):
            # "From A, one column took B, while the main body advanced to C": A is where
            # each move of the sentence starts
            self.fronted_from = (number, here[0])
        expected = reading.status is Status.EXPECTED
        if OPENING.match(body) and (reached := [
                p for p, r in zip(here, reading.roles, strict=True)
                if r in ("destination", "position", "via", "origin") and not p.place.areal]):
            # "Having taken A," "After crossing the Rhine at B,": where the subject the next
            # clause names got to (the last place the participle takes)
            self.opening = (number, reached[-1])
        if reading.verb is not None and reading.nonforce and not (named or described):
            # the clause moves people or things, not a force: what it says next by "most",
            # "they" or "others" is about them, until a force is named or referred to
            state.cargo_of, state.cargo_at = unit, state.paragraph
            state.unit = unit = CARGO
        if not (named or described or anaphor is not None) and any(
                r == "position" and HALTED.match(c)
                for r, c in zip(reading.roles, reading.cues, strict=True)):
            # the German rearguard halted at B: a force the clause neither names nor refers
            # to halted there, not the one the report follows
            reading = replace(reading, roles=tuple(
                "" if r == "position" and HALTED.match(c) else r
                for r, c in zip(reading.roles, reading.cues, strict=True)))
        if reading.verb is None and not expected and (named or anaphor is not None) and (
                halt := self._halt_after_departure(
                    unit, here, reading, itself=(bool(named) or (
                        anaphor is not None and _ITSELF.match(
                            " ".join(anaphor.group(0).split())) is not None
                        and not _CLEFT.search(body))) and self._dated_since_left(
                            unit, dates, body)
                )) is not None:
            # it left A on 21 July; it anchored off B on 6 August: the halt ends the move (the
            # same force's, named or referred to: not "by then the enemy was in B")
            roles = tuple("destination" if i == halt else "" if r == "position" else r
                          for i, r in enumerate(reading.roles))
            reading = replace(reading, verb=reading.cues[halt], roles=roles)
        if reading.verb is None or reading.nonforce:
            for place, role, cue in zip(here, reading.roles, reading.cues, strict=True):
                if role in ("destination", "position") and not _ATTACKED.match(cue):
                    # stationed in, based at, gathered at; not "attacked Odesa", which
                    # drones or another side may have done
                    state.moved(unit, place)
            self._narrative(dates, expected, number, by_too=reading.verb is None
                            and _by_state(text, a, dates))
            return
        origins = [p for p, r in zip(here, reading.roles, strict=True)
                   if r == "origin"]
        stages = [(p, chained, cue) for p, r, chained, cue in zip(
            here, reading.roles, reading.chained, reading.cues, strict=True)
            if r == "destination"]
        positions = [p for p, r in zip(here, reading.roles, strict=True)
                     if r == "position"]
        vias = [(p, c) for p, r, c in zip(here, reading.roles, reading.cues, strict=True)
                if r == "via"]
        # into Mali ... towards Gao: the town says where in the country the move ended (or
        # from Japan: Yokohama and Sasebo, where it began)
        stages = [s for s in stages if not _inside_another(s[0], [o[0] for o in stages])]
        # "did not march on Lima", "never reached Khiva", "no marchó sobre Lima": a stage
        # the clause denies is none
        stages = [s for s in stages if not self._denied(s[0], here, a)]
        origins = [p for p in origins if not _inside_another(p, origins)]
        if not stages and (areas := [o for o in origins if o.place.areal]) and (crossed := [
                o for o in origins if not o.place.areal and _CROSSED_AT_TOWN.match(
                    _role_of(o, here, reading.cues))
                and all(o.place.country != a.place.country for a in areas)]):
            # "troops from Bavaria crossed at Kufstein": the crossing outside the area the
            # force came from is where it entered, the end of its move
            stages = [(p, False, _role_of(p, here, reading.cues)) for p in crossed]
            origins = areas
        if not origins and stages and self.fronted_from is not None and (
                self.fronted_from[0] == number):
            origins = [self.fronted_from[1]]
        if origins and not stages and (after := [p for p in positions
                                                  if p.start > origins[-1].start]):
            # it left A on 3 May and was in B a week later: where it was next is where it went
            stages = [(after[-1], False, "was in ... after")]
        placed = False  # the origins are where the force was (a position), not a start
        if not origins and positions and (not stages or positions[0].start < stages[0][0].start):
            # units based in Kabul drove north to Hairatan; to pause at A and B before pushing
            # on to C: the last list of positions (one cue) before the destination is where
            # the move starts (sailed for A and was stationed at B: B is where it then was)
            roles = tuple(r if p.start < (stages[0][0].start if stages else b) else "" for p, r
                          in zip(here, reading.roles, strict=True))
            origins = _last_list(here, roles, reading.cues, "position")
            placed = bool(origins)
        elif origins and stages and (later := [p for p in positions if origins[-1].start <
                                               p.start < stages[0][0].start]):
            # from Denmark and Norway, would gather at Capodichino and then be flown to Abu
            # Suweir: the move drawn starts where the force gathered
            origins = later[-1:]
        elif len(origins) == 1 and stages and (earlier := [
                p for p in positions if p.start < origins[0].start]) and _EMBARK.match(
                _role_of(origins[0], here, reading.cues)) and not (
                earlier[-1].place.areal or origins[0].place.areal) and (
                _km(earlier[-1].place, origins[0].place) > _SAME_KM):
            # "the 1st Division, now at Aldershot, will embark at Southampton and be landed
            # at Haifa": it goes to the port first, then on from it
            stages = [(origins[0], False, _TO_EMBARK),
                      *((p, True, cue) for p, _, cue in stages[:1]), *stages[1:]]
            origins = earlier[-1:]
        if not origins and state.destinations and _THOSE.search(body):
            origins = list(state.destinations)  # moved from those bases to ...
        there = _THERE.search(body) if not origins and stages else None
        if there is not None and a + there.end() <= stages[0][0].start:
            # the force, gathered at A, marched from that place to B: the place named before
            # "there" in the clause; landed at A (or will be flown to A). From there they
            # went on to B: where the last move went, though it has not happened yet
            named_before = [p for p, r in zip(here, reading.roles, strict=True)
                            if p.start < a + there.start()]
            if named_before and _role_of(named_before[-1], here, reading.roles) in (
                    "position", ""):
                origins = named_before[-1:]
            elif not named_before and state.last_leg is not None and state.recent(
                    state.last_leg[2:]):
                origins = [state.last_leg[1]]
        if antecedent is None and pointer is not None and (
                thither := self._there(a + pointer.start(), number, here, reading.roles)):
            # "he arrived there", "a company was flown there from Subic Bay", "left
            # Wellington to join it there": "there" after a verb stands for the place named
            # last before it (one that ends a move from the clause's own origin)
            if not stages:
                stages = [(thither, False, "there")]
                origins = [o for o in origins if o is not thither]
            elif not origins and thither.place.id != stages[0][0].place.id:
                origins = [thither]  # embarked there and stood down into the Caspian
        if antecedent is not None and not (origins and stages):
            # "to Würzburg, where Bernadotte arrived from Hanover"; "reached Tchesme, where
            # transports took it across the strait to Chios": the place the clause is about
            # is the end of its move that the clause does not name
            if origins:
                stages = [(antecedent, False, "where")]
            elif stages and antecedent.place.id != stages[0][0].place.id:
                origins = [antecedent]
        if not origins and "origin" in reading.roles:
            # the clause names where from, but only as an area (flown from Belarus to
            # Hostomel): no point to start from, and no carried one either
            self._narrative(dates, expected, number)
            return
        rule = "from-to"
        told_ahead = False  # a headline's arrival ends the move, for now (see below)
        if not stages and _FOLLOW.match(reading.verb) and state.last_leg is not None and (
                state.recent(state.last_leg[2:])) and not _only_events_follow(text, a, b):
            # a second echelon is expected to follow (from the same coast): the last move's ends,
            # or its destination from a start of its own (two battalions will follow from A)
            origins, rule = origins or list(state.last_leg[0]), "follows"
            stages = [(state.last_leg[1], False, "follow")]
        if not stages:
            if origins and not placed and unit in state.arrival and not expected and state.recent(
                    state.arrival[unit][1:], _RENAMED_WITHIN if named or described else 3) and (
                    not _other_time(dates, state.arrival_day.get(unit))):
                # it had come from A: the arrival read before, whose origin was unknown (one
                # a headline gave, when the departure is not told as before it, "had sailed
                # from A", only until the body tells an arrival of its own: self.told_ahead)
                told_ahead = (state.arrival[unit][2] == 0 and self.headline
                              and _HAD.search(body) is None)
                arrived = state.arrival.pop(unit)[0]
                stages = [(p, False, "arrival before") for p in arrived]
                rule = "arrival-origin"
                state.left_only[unit] = (state.paragraph, number)
            elif origins and _ARRIVING.match(reading.verb) and state.last_leg is not None and (
                    state.recent(state.last_leg[2:])) and _NO_OBJECT.search(body):
                # an advance party had entered from Shenzhen: where the last move went
                stages = [(state.last_leg[1], False, "where the last move went")]
                rule = "arrival-origin"
            else:
                self._narrative(dates, expected, number)
                if origins and not expected:
                    state.moved(unit, origins[-1])  # it left A: it was at A
                    state.departure[unit] = (origins[-1], state.paragraph, number)
                    state.left_only[unit] = (state.paragraph, number)
                    if len({_role_of(o, here, reading.cues) for o in origins}) == 1 and (
                            listed(text, [(o.start, o.end) for o in origins])):
                        # a list under one cue (from A and B): every place it left from
                        state.departed[unit] = tuple(origins)
                    else:
                        state.departed.pop(unit, None)
                    state.departure_day[unit] = _past_dates(dates, self.published)[0]
                return
        said = anaphor.group(0).strip() if anaphor is not None else ""
        rest = _REST.match(said) is not None
        if rest and _MANY_OR_SOME.match(said):
            rest = unit in state.left_only and state.recent(state.left_only[unit])
        if not origins and rest and unit in state.last_origins:
            origins, rule = list(state.last_origins[unit]), "split-origin"
        if not origins and anaphor is not None and _BOTH.match(anaphor.group(0)) and (
                len(where := [state.position[u] for u in state.named[-2:]
                              if u in state.position]) == 2):
            # both columns then converged on X: each from where it was
            origins, rule = where, "both-origin"
        left_day: FuzzyDate | None = None  # when the move began, if a departure said so
        firsts: list[FoundPlace] = []  # a list of first stages the move starts from
        split = anaphor is not None and _SPLIT.match(anaphor.group(0).strip()) is not None
        if not origins:
            carried, rule = state.origin_of(unit)
            if carried is not None and not expected:
                # "British troops land at San Carlos. The brigade sailed from Portsmouth ...
                # It reached Ascension Island"
                self._told_in_the_body(unit, carried)
            if split:
                carried = None  # the first part's start is unknown: so is the other's
            if carried is not None and unit in state.departure and (
                    state.departure[unit][0].place.id == carried.place.id):
                left_day = state.departure_day.get(unit)  # it left A on 3 May; it reached B
            if _UNREAD_ORIGIN.search(body):
                carried = None  # from Qlatbaz, a place not found: not where it last was
            if carried is not None and carried.place.kind is Kind.COUNTRY and all(
                    p.place.country == carried.place.country for p, _, _ in stages):
                carried = None  # in Grenada, to Point Salines: where in the country, unknown
            if carried is not None and rule == "carried-origin" and carried.place.areal and (
                    _PEOPLE_MENTION.fullmatch(carried.mention) or (
                        carried.place.kind is not Kind.COUNTRY and any(
                            not p.place.areal and p.place.country == carried.place.country
                            for p, _, _ in stages))):
                # last said to be in a region (the Transvaal, the Chumbi valley) or named by
                # its people's word (the Argentine garrison), now moving to a town of that
                # country: where in the area it set out from, the text does not say (a move
                # into another country, from Kuwait to Nasiriyah, keeps its start)
                carried = None
            if carried is not None and _inside_another(carried, [p for p, _, _ in stages]):
                carried = None  # landed in Normandy, then took Caen: where in it, unknown
            if rule == "carried-origin" and not named and anaphor is None and (
                    carried is not opened) and (
                    described is None or unit != before or not _just_there(
                        state, carried, self._opens_entry(a, described_at, dated))
                    or _PLACED_ELSEWHERE.match(text, described_at + described.end(), b)):
                # "Russian troops entered Gori": a force the clause does not refer back to
                # (no name, no "they"): where the last force went is not where it came from;
                # the same side named again right after its move (Kenyan troops entered A.
                # Kenyan forces pushed on to B) is the same force, unless the clause places
                # it elsewhere (the German army in the north: another of the side's forces)
                carried = None
            if carried is None and not expected and unit in state.departure and (
                    state.recent(state.departure[unit][1:])) and not _UNREAD_ORIGIN.search(body):
                # it left A and has not been said to arrive anywhere since: it came from A
                carried, rule = state.departure.pop(unit)[0], "departure-arrival"
                left_day = state.departure_day.get(unit)
                self._told_in_the_body(unit, carried)
                if carried.place.kind is Kind.COUNTRY and all(
                        p.place.country == carried.place.country for p, _, _ in stages):
                    carried = None  # it left Kazakhstan ... to Almaty: not from the country
            onward = next((i for i, s in enumerate(stages) if s[1]), 0)
            if carried is None and onward and _REACHED.match(stages[0][2]) and all(
                    s[2] == stages[0][2] for s in stages[1:onward]):
                # took A and advanced on B: where the force was first is where the next
                # stage starts, though where it came from is unknown; landed at A and C and
                # moved to B: the list under the first cue is where it starts
                carried, rule = stages[0][0], "chain"
                firsts = [s[0] for s in stages[:onward]]
                stages = stages[onward:]
            if carried is None and described is not None and _INTO.match(stages[0][2]) and (
                    (side := self._side(described, described_at)) is not None) and all(
                    (p.place.areal or cue.endswith(" at")) and (
                        p.place.country != side.place.country) for p, _, cue in stages):
                # Senegalese troops crossed into The Gambia: from their own country
                carried, rule = side, "side-origin"
            if carried is None and _SENDING.match(reading.verb) and (
                    (side := self._sender(body, a)) is not None) and all(
                    p.place.country != side.place.country for p, _, _ in stages):
                # the Portuguese government said it had flown 200 soldiers to X: from Portugal
                carried, rule = side, "side-origin"
            if carried is None:
                self._narrative(dates, expected, number)
                if not expected:
                    state.moved(unit, _where_then(stages[-1][0], positions))
                    state.arrival[unit] = (tuple(p for p, _, _ in stages), state.paragraph,
                                           number)
                    day = _own_dates(dates)[0]
                    if day is not None:
                        state.arrival_day[unit] = day
                    else:
                        state.arrival_day.pop(unit, None)
                    state.last_leg = ((), stages[-1][0], state.paragraph, number)
                return
            origins = firsts if firsts and firsts[0] is carried else [carried]
            if len(origins) == 1 and (every := state.departed.get(unit)) and (
                    every[-1] is carried):
                origins = list(every)  # it left A and B; many landed at C: from both
        elif unit in state.departure and not expected and rule == "from-to" and (
                named or anaphor is not None):  # the same force, referred to again
            left, paragraph, sentence = state.departure.pop(unit)
            if state.recent((paragraph, sentence)) and all(o.place.id != left.place.id
                                                           for o in origins) and (
                    not _inside_another(left, origins[:1])):
                # (it left Papua New Guinea; its next move starts at Port Moresby: where in
                # the country it left from, unknown)
                if len(origins) == 1 and _CROSSED_AT.match(
                        _role_of(origins[0], here, reading.cues)) and all(
                        _BOUND_FOR.match(cue) for _, _, cue in stages):
                    # it left Phnom Penh; it crossed the border at Bavet, bound for Ho Chi
                    # Minh City: the crossing is on its way, the move is from where it left
                    origins = [left]
                else:
                    self._gap_leg(unit, left, origins[0], number, sentence_start, b)
        if not dates and any(cue.startswith("heading") for cue in reading.cues) and (
                number + 1 < len(self.spans)) and (
                self.paragraph[number + 1] == self.paragraph[number]) and stages and (
                stages[-1][0].mention in text[slice(*self.spans[number + 1])]):
            # "Stage one, Golfe-Juan to Grasse. The column left the coast in the night of 1
            # March ... and reached Grasse": a heading's move is dated by the sentence that
            # tells it (naming its destination), by a plain past day of it (not "since",
            # "by", nor one after publication)
            told = [d for d in self._dates_in(*self.spans[number + 1])
                    if not d.role and d.date.first_day <= self.published]
            dates = told[:1]
        if rule == "split-origin" and not dates and unit in state.last_dates:
            (start, end), date_cue = state.last_dates[unit], "date: as the rest of the force"
        else:
            start, end, date_cue = self._when(dates, expected, number)
            if date_cue == "date: in the sentence" and end is None and dates and origins and (
                    start.precision.value == "day") and (
                    took := _TOOK_DAYS.match(text, origins[0].end, b)) is not None and (
                    stages[0][0].start < dates[0].start < origins[0].start):
                # entered B on the 28th ... which had marched from A in four days: the day
                # is when it arrived, the move began four days before
                days = _DAYS.get(took.group(1).lower()) or int(took.group(1))
                start, end = parse_date((start.first_day - timedelta(days=days)).isoformat()), start
                date_cue = "date: arrived then, after the days it took"
        if left_day is not None and not expected and _carried_from_left(left_day, start):
            # left Bloemfontein on 3 May ... occupied Kroonstad on 12 May: one move, 3-12 May
            start, end, date_cue = left_day, end or start, "date: set out when it left"
        strength = reading.strength
        if strength is None and not named and (anaphor is not None or _OBJECT.search(body)):
            strength = state.strength.get(unit)  # carried them to Vladivostok
        source = state.source
        status = reading.status
        if status is Status.CONFIRMED and reading.hedge is None and source and (
                state.source_reports):
            status = Status.REPORTED  # attributed to someone reporting on others
        source_cue = ("source: here" if said_here else "source: headline" if
                      source and source == state.headline_source else
                      "source: paragraph" if source else "source: none")
        evidence = Evidence(text[sentence_start:b].strip(), sentence_start, b)
        current = tuple(origins)
        previous = None
        # from A to B and from C to D: each destination takes the origins named since the
        # destination before it (pairs), when an origin stands after a destination
        paired = rule == "from-to" and any(o.start > stages[0][0].start for o in origins) and (
            any(o.start < stages[0][0].start for o in origins))
        first_leg = len(self.legs)
        for place, chained, cue in stages:
            leg_rule = rule
            if paired:
                since = tuple(o for o in origins if o.start < place.start and (
                    previous is None or o.start > previous.start))
                if since:
                    current = since
            if chained and previous is not None:
                current, leg_rule = (previous,), "chain"
            if any(o.place.id == place.place.id or (
                    (o.place.kind is Kind.CITY) != (place.place.kind is Kind.CITY)
                    and _km(o.place, place.place) < _SAME_KM
                    and (o.place.areal or place.place.areal
                         or _one_name(o.mention, place.mention))) for o in current):
                continue
            key = (unit, tuple(o.place.id for o in current), place.place.id, str(start))
            if key in self.seen:
                continue
            self.seen.add(key)
            # (the way to a port it embarks at is not the sea voyage from it)
            mode = Mode.UNKNOWN if cue == _TO_EMBARK else reading.mode
            on_the_way = [f"via ({c}): {p.mention}" for p, c in vias
                          if max([o.start for o in current] + [a]) < p.start < place.start]
            cues = tuple(c for c in (
                f"verb: {reading.verb}",
                "from: " + ", ".join(o.mention for o in current), *on_the_way,
                f"to ({cue}): {place.mention}", date_cue, unit_cue, source_cue,
                f"status: {reading.hedge}" if reading.hedge else "",
                f"means: {mode.value}" if mode is not Mode.UNKNOWN else "",
            ) if c)
            confidence = 0.5 + 0.1 * sum(x is not None for x in (
                strength, source, None if mode is Mode.UNKNOWN else mode,
                None if start.precision.value in ("before", "after") else start))
            if end is not None and end.surely_before(start):
                end = None  # the dates read contradict each other: keep when it set out only
            if not state.first_origins:
                state.first_origins = current
            state.last_origins[unit] = current
            state.last_dates[unit] = (start, end)
            state.arrival.pop(unit, None)
            state.departure.pop(unit, None)
            if mode is Mode.SEA:
                # ships sail for Djibouti, the port, not the middle of the country
                current = tuple(self._port_of(o) for o in current)
                place = self._port_of(place)
            state.last_leg = (current, place, state.paragraph, number)
            self.legs.append(FoundLeg(
                unit, current, place, start, end, mode, strength, status,
                source, evidence, min(confidence, 0.95) - (0.1 if leg_rule != "from-to" else 0),
                leg_rule, cues))
            previous = place
        if len(stages) > 1:
            state.destinations = tuple(p for p, _, _ in stages)
        if told_ahead and origins:
            # the headline's arrival, until the body tells one of its own: the force is still
            # where it left from, and its departure waits for the body's arrival
            self.told_ahead[unit] = (self.legs[first_leg:], origins[-1])
            state.moved(unit, origins[-1])
            state.departure[unit] = (origins[-1], state.paragraph, number)
            state.departure_day[unit] = _past_dates(dates, self.published)[0]
            return
        if not expected:
            last = _where_then(stages[-1][0], positions)
            state.moved(unit, self._port_of(last) if reading.mode is Mode.SEA else last)

    def _dated_since_left(self, unit: str, dates: list[DateMention], body: str) -> bool:
        """Whether the clause tells the time after ``unit`` last left: a date after it (on 9
        June, five days later), or none and no word of another time, so that "it was at B"
        tells where the move got to, not where the force was at another time (in 1839,
        before the war, in peacetime)."""
        if not dates:
            return _OTHER_TIME.search(body) is None
        left = self.state.departure_day.get(unit)
        return any(d.kind in _STEP_KINDS or left is None
                   or d.date.first_day >= left.first_day for d in dates)

    def _halt_after_departure(self, unit: str, here: list[FoundPlace],
                              reading: Reading, itself: bool = False) -> int | None:
        """The index of the place where ``unit``, which the report last said had left
        somewhere (recently, and arrived nowhere since), is now said to halt or lie (anchored
        off B, halted at B; ``itself``: the clause's subject is the force itself, which may
        also just be at B), if the clause has one such town; else None."""
        state = self.state
        if unit not in state.departure or not state.recent(state.departure[unit][1:]):
            return None
        left = state.departure[unit][0]
        halts = [i for i, (place, role, cue) in enumerate(
            zip(here, reading.roles, reading.cues, strict=True))
            if role == "position" and (halt := _HALT_CUE.match(cue)) is not None
            and (itself or halt.group("was") is None) and not place.place.areal
            and place.place.id != left.place.id]
        return halts[0] if len(halts) == 1 else None

    def _told_in_the_body(self, unit: str, left: FoundPlace) -> None:
        """The body tells where ``unit`` went from ``left``: the legs a headline's arrival
        ended that departure with are dropped (see ``told_ahead``)."""
        ahead = self.told_ahead.get(unit)
        if ahead is not None and ahead[1] is left:
            del self.told_ahead[unit]
            dropped = {id(leg) for leg in ahead[0]}
            self.legs = [leg for leg in self.legs if id(leg) not in dropped]

    def _port_of(self, found: FoundPlace) -> FoundPlace:
        """A sea leg's end named by a country whose capital on the coast bears its very name
        (Djibouti, Kuwait, Panama): that town, the country's port; any other end as it is (a
        village of Cuba called Cuba is not where ships for Cuba go, nor is Mexico City a
        port)."""
        if found.place.kind is not Kind.COUNTRY or self.gazetteer is None:
            return found
        key = name_key(found.mention)
        capital = name_key(capital_name(found.place.country))
        if capital not in (key, key + " city"):
            return found
        for candidate in self.gazetteer.resolve(found.mention, country=found.place.country,
                                                top=5).candidates:
            town = candidate.place
            if town.kind is Kind.CITY and (name_key(town.name) == key or name_key(
                    town.name) == key + " city"):
                from movemap.routing.sea import COAST_KM, coast_km

                # an inland capital (Mexico City) is no port: the sea leg ends on the coast
                inland = coast_km((town.lon, town.lat)) > COAST_KM
                return found if inland else replace(found, place=town)
        return found

    def _sized(self, unit: str, strength: int, number: int) -> None:
        """A strength given without a place, after the moves it sizes (``Western estimates
        put the force that crossed at about 200,000 men``): the unit's last legs, read in
        this sentence or the one before in the same paragraph, take it when they have none.
        A leg of another unit in between ends the search."""
        same_paragraph = number > 0 and self.paragraph[number - 1] == self.paragraph[number]
        since = self.spans[number - 1 if same_paragraph else number][0]
        for i in range(len(self.legs) - 1, -1, -1):
            leg = self.legs[i]
            if leg.unit != unit or leg.evidence.start < since:
                return
            if leg.strength is None:
                self.legs[i] = replace(leg, strength=strength,
                                       cues=(*leg.cues, f"strength: {strength}, said after"))

    def _denied(self, place: FoundPlace, here: list[FoundPlace], a: int) -> bool:
        """Whether a negation governs the words before ``place`` in its clause (from the
        clause's start or the place before it), with no comma or conjunction after it."""
        before = [p.end for p in here if p.end <= place.start]
        start = max(before[-1] if before else a, place.start - _DENIAL_REACH)
        return denies(_DENIAL, _SCOPE_END, self.text[start: place.start])

    def _there(self, at: int, number: int, here: list[FoundPlace], roles: tuple[str, ...]
               ) -> FoundPlace | None:
        """The place "there" at ``at`` stands for: the clause's last place before it where
        the force was (were at Fashoda, and he arrived there), or, when the clause names
        none but where the move starts, the place named last before the clause."""
        before = [p for p in here if p.start < at]
        if before and _role_of(before[-1], here, roles) in ("position", "destination") and (
                not _OWNER_OR_SAYER.match(self.text, before[-1].end)):
            return before[-1]
        return self._named_before(here[0].start if here else at, number)

    def _named_before(self, a: int, number: int) -> FoundPlace | None:
        """The place named last before ``a``, in the paragraph of sentence ``number`` and
        at most ``_THERE_SENTENCES`` sentences before it (None if there is none)."""
        at = bisect_right(self.place_starts, a - 1)
        while at > 0:
            at -= 1
            place, sentence = self.places[at], self.where[at]
            if number - sentence > _THERE_SENTENCES or (
                    self.paragraph[sentence] != self.paragraph[number]):
                return None
            if place.end <= a:
                if at and (outer := self.places[at - 1]).end <= place.start and (
                        _IN_GLOSS.fullmatch(self.text, outer.end, place.start)) and (
                        _inside_another(place, [outer])):
                    return outer  # U-Tapao air base in Thailand: the base
                return place
        return None

    def _wheres(self, clause: Clause, inside: list[FoundPlace]
                ) -> list[tuple[int, int, FoundPlace]]:
        """The clauses ``..., where ...`` in ``clause`` about a place named right before them
        (``to Würzburg, where``, ``Voronezh (Воронеж), where``), each as its start, its end
        (its next comma, or the clause's) and that place; not one that reports what someone
        said (``Kyiv, where the president said more troops would be sent``)."""
        out = []
        for m in WHERE.finditer(self.text, clause.start, clause.end):
            before = [p for p in inside if p.end <= m.start()]
            if not before or not _JUST_BEFORE.fullmatch(self.text, before[-1].end, m.start()):
                continue
            if SAID.search(self.text, m.start(), m.end()):
                continue
            out.append((m.start() + 1, m.end(), before[-1]))
        return out

    def _lead(self, a: int, b: int) -> tuple[int, bool]:
        """Where the clause ``text[a:b]`` goes on after a date it opens with (``30 October
        1978: Ugandan troops ...``, ``On 3 May the Kenyan battalion ...``) or a label and a
        colon (``Coming days: ...``, ``Update: ...``), or ``a``; and whether it was a
        date."""
        dates = self._dates_in(a, b)
        if dates and _LEAD.fullmatch(self.text, a, dates[0].start):
            tail = _AFTER_DATE.match(self.text, dates[0].end, b)  # (matches, maybe empty)
            return (tail.end() if tail is not None else dates[0].end), True
        if (label := _LEAD_LABEL.match(self.text, a, b)) is not None:
            return label.end(), False
        return a, False

    def _opens_entry(self, a: int, subject: int, dated: bool) -> bool:
        """Whether a clause opening at ``a``, its subject at ``subject`` (``_lead``), opens
        an entry of a chronology: a date (``dated``) or a label of time (``Coming days``)
        and a colon or a dash before the subject; not a label of place or kind
        (``Kherson:``, ``Update:``), after which another force of the side may be meant."""
        lead = self.text[a:subject].rstrip()
        return lead.endswith((":", "-", "\u2013", "\u2014")) and (
            dated or _TIME_LABEL.search(lead) is not None)

    def _side(self, described: re.Match[str], a: int) -> FoundPlace | None:
        """The country whose people's adjective opens the subject ``described`` (``Senegalese
        troops``: Senegal), if the gazetteer reads it as one."""
        side = _SIDE_WORD.match(described.group("u"))
        if side is None or self.gazetteer is None:
            return None
        word = side.group(1)
        place = _country_of_people(self.gazetteer, word)
        if place is None:
            return None
        start = a + described.start("u") + side.start(1)
        return FoundPlace(word, start, start + len(word), place, 0.5)

    def _sender(self, body: str, a: int) -> FoundPlace | None:
        """The country whose government, army or officials open the clause ``body`` (``the
        Portuguese government said it had sent``), if the gazetteer reads their adjective."""
        m = _SENDER.match(body)
        if m is None or self.gazetteer is None:
            return None
        place = _country_of_people(self.gazetteer, m.group(1))
        if place is None:
            return None
        return FoundPlace(m.group(1), a + m.start(1), a + m.end(1), place, 0.5)

    def _gap_leg(self, unit: str, left: FoundPlace, to: FoundPlace, number: int,
                 sentence_start: int, b: int) -> None:
        """The unit left ``left`` and its next move starts at ``to``: it went there (not to
        an area the place it left lies in or beside, Maikop in the Kuban, Gillingham on the
        Thames: a move that starts there says where the force was; an area across the sea,
        Normandy after Southampton, is where it went)."""
        key = (unit, (left.place.id,), to.place.id, "gap")
        if key in self.seen or left.place.id == to.place.id or (
                to.place.areal and _beside_area(left.place, to.place)):
            return
        self.seen.add(key)
        day = self.state.date
        start = day if day is not None else parse_date(f"by {self.published.isoformat()}")
        evidence = Evidence(self.text[sentence_start:b].strip(), sentence_start, b)
        self.legs.append(FoundLeg(
            unit, (left,), to, start, None, Mode.UNKNOWN, None, Status.CONFIRMED,
            self.state.source, evidence, 0.4, "departure-gap",
            (f"from (left before): {left.mention}", f"to (next start): {to.mention}",
             "date: the narrative's")))

    def _narrative(self, dates: list[DateMention], expected: bool, number: int,
                   by_too: bool = False) -> None:
        """A clause's past dates move the narrative's time; ``by_too``, a clause that tells
        no move: its "by" dates too (by 26 May the line had broken: the retreat ordered next
        is of 26 May, not of the day told before)."""
        if expected:
            return
        past = [d for d in dates if (by_too or d.role != "end") and d.kind not in (
            "relative", "since_last", "quarter", "after", "earlier")]
        if past:
            day = past[-1].date
            if past[-1].role == "end" and day.latest is not None and (
                    past[-1].kind in ("dmy", "mdy", "the_nth")):
                day = parse_date(day.latest.isoformat())  # by 26 May: the time is 26 May
            self.state.set_date(day, number)

    def _future_before(self, number: int) -> FuzzyDate | None:
        """The last date after publication given in the two sentences before sentence
        ``number`` of its paragraph, if any."""
        first = max(0, number - 2)
        while first < number and self.paragraph[first] != self.paragraph[number]:
            first += 1
        if first == number:
            return None
        a, b = self.spans[first][0], self.spans[number][0]
        ahead = [d for d in self.dates if a <= d.start < b and d.role != "end"
                 and d.date.first_day > self.published]
        return ahead[-1].date if ahead else None

    def _when(self, dates: list[DateMention], expected: bool, number: int
              ) -> tuple[FuzzyDate, FuzzyDate | None, str]:
        state, published = self.state, self.published
        start, end = _own_dates(dates) if expected else _past_dates(dates, published)
        if start is not None or end is not None:
            narrative, fresh = state.date, not state.date_used
            self._narrative(dates, expected, number)
            state.date_used = True
            if start is None and end is not None and not expected and fresh and (
                    narrative is not None and narrative.first_day <= end.first_day):
                # it set out at the narrative's time and got there by the date given
                return narrative, end, "date: set out as the narrative, arrived as here"
            if start is None:
                start = parse_date(f"after {published.isoformat()}") if expected else (
                    parse_date(f"by {(end.latest if end and end.latest else published)}"))
            return start, end, "date: in the sentence"
        if number == 0 and not expected and state.date is None:
            # a headline's move is the one the report goes on to date: its first past date
            lead = next((d for d in self.dates if d.role != "end" and d.kind not in (
                "relative", "since_last", "quarter") and d.date.first_day <= published), None)
            if lead is not None:
                return lead.date, None, "date: the report's first"
        if expected and (ahead := self._future_before(number)) is not None:
            # "next month" in the sentence before: the moves it announces are then
            return ahead, None, "date: the future date just before"
        if expected or state.date is None:
            start = parse_date(f"after {published.isoformat()}") if expected else (
                parse_date(f"by {published.isoformat()}"))
            return start, None, "date: from publication"
        day = state.date
        if not state.date_used:
            state.date_used = True
            cue = f"date: carried from sentence {state.date_at + 1}"
            if day.precision.value == "interval" and day.earliest and day.latest:
                return parse_date(day.earliest), parse_date(day.latest), cue
            return day, None, cue
        return (parse_date(f"since {day.last_day.isoformat()}"), None,
                f"date: after sentence {state.date_at + 1}")


def extract(text: str, published: date | None = None, gazetteer: Gazetteer | None = None,
            name: str = "draft") -> Draft:
    """A draft of the movements a report describes (see the module docstring)."""
    gazetteer = gazetteer or default_gazetteer()
    published = published or date.today()
    # the header's date is the publication date, not a date of the report: blank it out,
    # keeping every offset
    text = _HEADER.sub(lambda m: " " * len(m.group(0)), text, count=1)
    if (turned := chronological(text)) is not None:
        # a live blog written newest first: read oldest first, the offsets of the text as
        # written (entries.chronological)
        return _written_back(extract(turned[0], published, gazetteer, name), text, turned[1])
    spans = sentences(text)  # split once: the places and the readers share them
    problem = unreadable(text)
    language = "en" if problem is None else language_of(text)
    places, where = _places(text, spans, gazetteer, language or "other")
    legs: list[FoundLeg] = []
    if problem is None:
        legs = _Reader(text, spans, published, places, where,
                       find_dates(text, published), gazetteer).read()
    elif language is not None:
        # a report in Russian, French, Spanish, Portuguese, Italian, German, Dutch, Swedish
        # or Korean: its own small grammar reads it
        legs = foreign_legs(text, language, published, places, spans)
        problem = None
    legs, towns = _capitals_within(legs, gazetteer, text)
    unique: dict[int, FoundPlace] = {}
    for p in places:
        unique.setdefault(p.start, towns.get(p.start, p))
    return Draft(name, text, published, tuple(unique.values()), tuple(legs),
                 unreadable=problem)


def _capitals_within(legs: list[FoundLeg], gazetteer: Gazetteer, text: str
                     ) -> tuple[list[FoundLeg], dict[int, FoundPlace]]:
    """The legs with a country as one end and a place in it as the other read as its capital,
    when the capital bears the country's name (Puebla to Mexico, Jahra to Kuwait: Mexico
    City, Kuwait City; nothing moves from a town into the country it is in), and those
    ends by their offsets, for the report's places to agree. A country the text places a
    force in or sends it into (``based in Mexico``, ``deeper into Mexico``) is the country."""
    towns: dict[int, FoundPlace] = {}

    def capital(end: FoundPlace) -> FoundPlace:
        if end.start not in towns:
            code = end.place.country or ""
            name = capital_name(code)
            words = set(fold(end.mention).split())
            town: FoundPlace | None = None
            if name and words and words <= set(fold(name).split()):
                r = _resolve_capital(gazetteer, name, code)
                if r.found and r.place.kind is Kind.CITY and r.place.country == code:
                    town = replace(end, place=r.place, confidence=min(end.confidence, 0.6))
            towns[end.start] = town or end
        return towns[end.start]

    def inside(area: FoundPlace, other: FoundPlace) -> bool:
        return (area.place.kind is Kind.COUNTRY and not other.place.areal
                and other.place.country == area.place.country
                and not _IN_A_COUNTRY.search(text, max(0, area.start - 24), area.start))

    out: list[FoundLeg] = []
    for leg in legs:
        destination = leg.destination
        if any(inside(destination, o) for o in leg.origins):
            destination = capital(destination)
        origins = tuple(capital(o) if inside(o, leg.destination) else o for o in leg.origins)
        if destination is not leg.destination or origins != leg.origins:
            leg = replace(leg, origins=origins, destination=destination)
        out.append(leg)
    return out, {start: p for start, p in towns.items() if p.place.kind is Kind.CITY}


def _beside_area(place: Place, area: Place) -> bool:
    """Whether ``place`` lies in ``area``'s outline or within ``_BESIDE_KM`` of it (or of its
    point, for an area without an outline)."""
    if area.polygon is None:
        return _km(place, area) <= _BESIDE_KM
    # (degrees as km, roughly: enough to tell beside from across a sea)
    return bool(area.polygon.distance(Point(place.lon, place.lat)) * 111.0 <= _BESIDE_KM)


_BESIDE_KM = 50.0


def _written_back(draft: Draft, text: str, back: Callable[[int], int]) -> Draft:
    """``draft`` of a text whose entries were put in another order, with the offsets (and
    the text) of the report as written; its places in the order they are written."""
    def place(p: FoundPlace) -> FoundPlace:
        start = back(p.start)
        return replace(p, start=start, end=start + (p.end - p.start))

    def leg(found: FoundLeg) -> FoundLeg:
        start = back(found.evidence.start)
        evidence = replace(found.evidence, start=start,
                           end=start + (found.evidence.end - found.evidence.start))
        return replace(found, origins=tuple(place(o) for o in found.origins),
                       destination=place(found.destination), evidence=evidence)

    places = tuple(sorted((place(p) for p in draft.places), key=lambda p: p.start))
    return replace(draft, text=text, places=places, legs=tuple(leg(f) for f in draft.legs))
