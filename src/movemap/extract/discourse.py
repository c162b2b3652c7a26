"""What a report has established so far, carried from sentence to sentence.

The state a reader keeps while reading a report, and the rule for each item:

``unit``
    the last unit named (``the 11th Corps``, ``an advance group``); a sentence that names
    none, or says ``they``, ``the troops``, ``the group``, ``the soldiers``, is about it. A
    newly named unit replaces it, and so does a force that a clause's subject describes
    without naming or pointing back (``a battalion of Polish troops``, ``Lithuanian
    soldiers``, ``another convoy``). A unit named only in a future or planned move (``a
    second echelon is expected to follow``) is not what a later ``they`` or ``the soldiers``
    in the past tense means: that is the last unit named in a move that happened. The
    headline counts as the first sentence.
``position``
    per unit, where it was last said to be or to have gone (the destination of its last
    leg, ``stationed in``, ``training in``, the place it ``left``): the origin of its next
    move when the move names none and the clause refers back to the unit (by its name,
    ``they``, ``the division``, ``their columns``); a clause that only says ``Russian troops
    entered Gori`` may be about another force, so it starts nowhere known. A part of the
    force named for the first time (``an advance group``, ``the first echelon``) starts
    where the scene is: the last place any unit was said to be, if that was said in the
    same paragraph, at most two sentences before (another new unit, ``Rokossovsky's
    troops``, starts nowhere known); a later wave (``a second echelon``, ``another group``)
    starts where the report's first move did.
``date``
    the narrative's current date: the last date given for a past event (headline included).
    The first move after it without a date of its own takes it as is (the sentence before
    gave the time of the event this one describes); later moves start after its end (the
    narrative moves forward). Expected moves never take a narrative date: they count from
    publication.
``source``
    who says so: set by an attribution (``the NIS said``, ``according to Budanov``), kept to
    the end of the paragraph, then back to the headline's attribution (or none).
``strength``
    the number of the last unit, when a later sentence refers to that unit by a pronoun
    or a generic noun (``the troops``) and gives none of its own.
``arrival``
    per unit, an arrival read without a known origin (``entered Kherson``, ``landed at
    Point Salines``): a move of the same unit that names only where it came from, in the
    same paragraph or the next and at most three sentences later (``they had been flown
    from Hunter``, ``units advanced from Mykolaiv``), is that arrival's origin, unless its
    own date is more than two days after the arrival's or more than a week before it
    (another move; a voyage of a few days is this one). Used once.
``departure``
    per unit, a departure read without a destination (``crossed the border from Kuwait``):
    when the unit's next move, in the same paragraph or the next and at most three
    sentences later, starts from another named place, the unit went there from the
    departure.
``last_leg``
    the ends of the last move read: a force that ``follows`` without naming its own ends,
    in the same paragraph or the next and at most three sentences later, takes them. A
    force that ``entered from X`` or ``arrived from X`` without saying where went where
    the last move read went.
``destinations``
    the places of the last move with several destinations: ``from those bases``, ``from
    these positions`` names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from movemap.dates import FuzzyDate
from movemap.extract.alternation import grouped
from movemap.extract.draft import FoundPlace
from movemap.extract.lookahead import CASE_ODD, quick

__all__ = [
    "ANAPHOR",
    "BARE_FORCE",
    "CARGO",
    "FORCE_NOUN",
    "NEW_FORCE",
    "PEOPLE_WORD",
    "UNIT",
    "State",
    "companion_units",
    "named_unit",
    "unit_slug",
]

# a people's adjective of one word (Chadian, Japanese; _SIDE_ADJ takes two, North Korean)
PEOPLE_WORD = r"[A-Z][a-z]+(?:an|ish|ese|ic|i)"

ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth")
"""The ordinals a report spells out in a unit's name (the Second Battalion), in order."""
_ORDINAL_WORD = "(?:" + "|".join(w.title() for w in ORDINAL_WORDS) + ")"

CARGO = " cargo"
"""The current "unit" after a clause that moves people or things, not a force (no unit's
slug has a space)."""

# (the look-ahead for the characters a match can start with, digits of any script and the long s
# that the case-blind group's "s" matches among them, lets the engine skip to them)
UNIT = re.compile(
    r"(?=[\dA-Zaflmst\u017f])"
    r"\b(?P<u>(?:[Tt]he\s+)?\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w\-]*\s+){0,3}(?:Corps|Division|"
    r"Brigade|Regiment|Army|Battalion|Fleet|Group|Squadron|Wing|Legion|Detachment|"
    r"Company|Battery|Marines|Rangers|Commando)|"
    # the British style, a number without its ordinal: 45 Commando, 16 Air Assault Brigade
    r"\d+\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)(?:[A-Z][\w\-]*\s+){0,3}(?:Commando|Brigade|Regiment|Squadron|"
    r"Division|Battalion|Para|Wing|Flotilla)|"
    # (a people's word before it names another side's part: "Russian leading elements")
    r"(?:" + PEOPLE_WORD + r"\s+)?"
    r"(?i:(?:first|second|third|fourth|last|main) (?:echelon|group|wave|contingent|batch)s?|"
    r"advance (?:group|party|guard|force)|"
    r"(?:(?:first|leading|lead|main) (?:element|detachment)s?|advance (?:element|detachment|"
    r"team)s?)"
    # (not "leading elements of the 1st Marine Division": that division is named after them)
    r"(?!\s+of\s+(?:the\s+)?(?:[A-Z]|\d+(?:st|nd|rd|th)\b)))|"
    r"(?:[IVX]+|[A-Z][a-z]+)\s+(?:[A-Z][\w\-]*\s+)?(?:Corps|Army|Division|Brigade)"
    r"(?!\s+(?:Airfield|Air|Base|Field|Hospital|Airport|Depot|Post))|"
    # an ordinal spelt out before a smaller formation: the Second Battalion, the First
    # Squadron (a bare capitalised word before these is too often something else)
    + _ORDINAL_WORD + r"\s+(?:[A-Z][\w\-]*\s+){0,2}(?:Battalion|Regiment|Squadron|Company|"
    r"Battery|Legion|Flotilla|Fleet)|"
    r"Task Force \w+|Army Group \w+|Combat Command \w+|"
    r"[A-Z][\w-]+['’]s\s+(?:troops|men|forces|army|soldiers|division|corps|brigade|"
    r"paratroopers|tanks|column))\b")
# What a match of UNIT needs besides an ordinal (most clauses have none of them, and are then
# not searched): a word of its case-blind groups (in lower case), or of its named formations
_UNIT_WORDS = ("echelon", "group", "wave", "contingent", "batch", "advance ", "element",
               "detachment")
_UNIT_NAMES = ("Corps", "Army", "Division", "Brigade", "Task Force", "Combat Command", "'s",
               "’s", "Battalion", "Regiment", "Squadron", "Company", "Battery", "Legion",
               "Flotilla", "Fleet")
# an ordinal (12th) or one of the names (as written), and one of the words: each looked for in
# one search
_UNIT_NAME = grouped(re.compile("|".join([r"\d(?:st|nd|rd|th)", r"\d\s+[A-Z]",
                                           *map(re.escape, _UNIT_NAMES)])))
_UNIT_WORD = grouped(re.compile("|".join(map(re.escape, _UNIT_WORDS))))


_ALSO = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")


def companion_units(clause: str, first: re.Match[str]) -> list[str]:
    """The ids of the units a clause names in a list right after ``first`` (a match of
    :data:`UNIT`): ``the 1st Battalion and the 2nd Battalion`` -> ``['2nd-battalion']``."""
    out, at = [], first.end()
    for match in UNIT.finditer(clause, at):
        if _ALSO.fullmatch(clause, at, match.start()) is None:
            break
        out.append(unit_slug(match.group("u")))
        at = match.end()
    return out


def named_unit(clause: str) -> re.Match[str] | None:
    """``UNIT.search(clause)``, after a cheap test that the clause has what any match needs
    (:data:`_UNIT_WORDS`, :data:`_UNIT_NAMES` or an ordinal). A clause with a letter that
    case-blind matching pairs with an ASCII one (``CASE_ODD``) is searched plainly."""
    if ((clause.isascii() or CASE_ODD.search(clause) is None)
            and _UNIT_NAME.search(clause) is None
            and _UNIT_WORD.search(clause.lower()) is None):
        return None
    return UNIT.search(clause)


# a bare "another" / "the other" (the other part of a force split in two) is followed by a
# comma or by its verb ("another struck across", "another was sent"); "another brigade",
# "another 2,000 troops" are other forces, not a reference back
_BARE = (r"(?=\s*,|\s+(?:was|were|had|has)\s|\s+[a-z]+\s+(?:to|towards?|across|into|"
         r"onto|on|along|through|from|out|off|in|for|by|via|back|inland|the|north\w*|south\w*|"
         r"east\w*|west\w*)\b)")
_BARE_VERB = _BARE.replace(r"\s*,|", "", 1)  # the same, its verb right after it
ANAPHOR = grouped(quick(re.compile(
    r"\b(?:most|others|the\s+rest|the\s+remainder|they|them|the\s+(?:survivors|remnants?)(?!\s+of\b)|"
    r"(?:both|the\s+two)\s+(?:columns|forces|divisions|brigades|corps|"
    r"armies|groups|regiments|battalions)|"
    r"another" + _BARE + r"|(?:many|some)(?=\s+(?:were|are|was|is|had|have)\s)|"
    # a unit named by its ordinal alone before its verb: "the Second struck off", "the 82nd
    # had dropped" (not a day: "on the 4th, the brigade", "early on the 3rd they")
    r"(?<!\bon\s)(?<!\bby\s)(?<!\bof\s)(?<!\buntil\s)(?<!\bfrom\s)(?<!\bsince\s)"
    r"the\s+(?-i:\d+(?:st|nd|rd|th)|" + _ORDINAL_WORD + r")" + _BARE_VERB + r"|"
    r"the\s+other(?:\s+(?:column|half|group)|"
    + _BARE + r")|"
    r"the\s+(?:troops|group|soldiers|force|forces|unit|units|"
    r"men|contingent|division|brigade|corps|regiment|battalion|army|columns?|convoys?|"
    r"marines|paratroopers|infantry|ships|vessels|transports|flotilla|squadrons?|detachment|"
    r"expedition|"
    r"fleet|task\s+force|troopships?|liners?)|these\s+\w+|its\s+\w+|their\s+(?:columns?|units?|"
    r"troops|men|forces|soldiers|convoys?|tanks|armou?r)|it)\b", re.I)))


# a clause whose subject is a force described, not named, and not referred back to (a
# battalion of Polish troops, Lithuanian soldiers, another convoy): a new mover, so what the
# report said of the last unit (its position, its strength) is not its own
FORCE_NOUN = (r"(?:troops|soldiers|forces|marines|paratroopers|infantry(?:men)?|commandos|"
               r"fighters|servicemen|reservists|sailors|companies|company|battalions?|"
               r"brigades?|regiments?|platoons?|contingents?|detachments?|columns?|convoys?|"
               r"units|force|squadrons?|flotilla|fleet|battle\s*groups?|task\s+(?:force|group)s?|"
               r"army|armies)")
# a count before a side's force (about 3,000 North Korean soldiers) describes it too: the
# count is the strength, the side and the noun the force
_COUNT = (r"(?:(?:[Aa]bout|[Ss]ome|[Aa]round|[Nn]early|[Aa]lmost|[Oo]ver|[Mm]ore\s+than|"
          r"[Uu]p\s+to|[Aa]t\s+least|[Aa]n\s+estimated)\s+)?\d[\d,.]*(?:\s+(?:thousand|hundred))?\s+")
_SIDE_ADJ = r"(?:(?:North|South|East|West|Central|New)\s+)?" + PEOPLE_WORD
# the arms and kinds of troops a report names a force by, beside FORCE_NOUN's
_ARM_NOUN = (r"(?:cavalry|artillery|militia(?:men)?|cossacks|dragoons|hussars|"
             r"lancers|horsemen|gunners|sappers|riflemen|levies)")
# a side a force is named by, other than a people's adjective (PEOPLE_WORD): its colour,
# its cause, its standing
_SIDE_WORD = (r"(?:Red|White|Green|Black|Government|Rebel|Federal|Federalist|Republican|"
              r"Nationalist|Royalist|Loyalist|Allied|Enemy|Coalition|Insurgent|Separatist|"
              r"Opposition|Regime|Junta|Confederate|Union|Imperial|Communist|Partisan|"
              r"Guerrilla|Militia|Islamist|Jihadist|Liberal|Conservative|Constitutionalist|"
              r"Revolutionary|Rival|Pro-[A-Z][\w-]+|Anti-[A-Z][\w-]+)")
# the same nouns, and FORCE_NOUN's, opening a clause by themselves ("Cavalry crossed...")
_CAPITALISED_ARM = r"(?:Troops|Soldiers|Forces|Marines|Paratroopers|Infantry|Commandos|" \
    r"Fighters|Reservists|Cavalry|Artillery|Militia(?:men)?|Cossacks|Dragoons|" \
    r"Hussars|Lancers|Horsemen|Gunners|Sappers|Riflemen)"
NEW_FORCE = re.compile(
    r"^\W*(?:(?:[Ss]eparately|[Mm]eanwhile|[Ee]lsewhere|[Aa]lso|[Ii]n\s+[\w-]+)\s*,?\s+)?"
    # who reports it, first: "The Jordanian Government said tonight that a Syrian force..."
    r"(?:[A-Z][\w.'-]*(?:\s+[\w.'-]+){0,4}?\s+(?:said|says|reported|reports|announced|"
    r"stated|claimed|confirmed)(?:\s+(?:today|tonight|yesterday|earlier|on\s+\w+))?"
    r"\s+(?:that\s+)?)?"
    r"(?:" + _COUNT + r"(?=" + _SIDE_ADJ + r"\s))?"
    r"(?P<u>(?:(?:[Aa]n?|[Aa]nother|[Ss]ome|[Ss]everal|[Oo]ther)\s+(?:[\w-]+\s+){0,3}?"
    + FORCE_NOUN + r"(?:\s+of\s+(?:[A-Z][\w-]+\s+)?" + FORCE_NOUN + r")?|"
    # (a side's force may be spoken of with "the": the Tanzanian army, the Tanzanian forces)
    + r"(?:[Tt]he\s+)?" + _SIDE_ADJ + r"\s+(?:[a-z-]+\s+){0,2}?" + FORCE_NOUN + r"|"
    # (and a formation's own name between, ending on an armed body's word: Ugandan People's
    # Defence Force units, Polish Border Guard units; not Egyptian Red Crescent convoys)
    + _SIDE_ADJ + r"\s+(?:[A-Z][\w'’-]*\s+){0,3}?(?:Forces?|Army|Guards?|Corps|Command|"
    r"Navy|Marines|Legion)\s+" + FORCE_NOUN + r"|"
    # a clause that opens on its force, named by its side without an article: "Red cavalry
    # riding south from Perekop reached...", "Government troops entered...", "Rebel
    # fighters moving north" (not "The troops", "When troops", "Exhausted troops": those
    # refer back, as a bare "Troops arrived" does, see BARE_FORCE)
    + _SIDE_WORD + r"\s+(?:[a-z-]+\s+)?(?:" + FORCE_NOUN + r"|" + _ARM_NOUN + r")))\b")
# a clause that opens on a bare force noun ("Troops arrived in Bari", "Cavalry crossed"):
# the force spoken of, not people or things a clause before moved
BARE_FORCE = re.compile(r"^\W*" + _CAPITALISED_ARM + r"\b")
# the echelon a reference back names (the division, the brigade)
_ORDINAL = re.compile(r"^the\s+(\d+(?:st|nd|rd|th)|" + _ORDINAL_WORD + r")$", re.I)


def _ordinal_forms(ordinal: str) -> tuple[str, str]:
    """The two ways a unit's id may begin with ``ordinal``: ``second`` and ``2nd``."""
    word = ordinal.lower()
    if word in ORDINAL_WORDS:
        number = ORDINAL_WORDS.index(word) + 1
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number, "th")
        return word, f"{number}{suffix}"
    digits = int(re.sub(r"\D", "", word))
    return (ORDINAL_WORDS[digits - 1] if 0 < digits <= len(ORDINAL_WORDS) else word), word


_ECHELON = re.compile(r"^the\s+(division|brigade|regiment|corps|battalion|army)$", re.I)
# "the paratroopers", "the marines": the last unit named for that arm (3 Para, 40 Commando)
_ARMS = {"paratroopers": ("para",), "marines": ("marine", "commando"),
         "commandos": ("commando",), "cavalry": ("cavalry", "horse", "hussar", "dragoon",
                                                  "lancer", "cossack")}
_ARM = re.compile(r"^the\s+(paratroopers|marines|commandos|cavalry)$", re.I)
_PART = re.compile(r"(?:advance|forward|lead|leading|first|main|rear)-", re.I)
_WAVE = re.compile(r"(?:second|third|fourth|next|another|further|new|later)-", re.I)


_SIDE = re.compile(r"^(" + _SIDE_ADJ + r")\s+(?:[a-z-]+\s+){0,2}?" + FORCE_NOUN + r"$")
# a force named by its commander's name (Colonel Lomakin's Mangyshlak column, Lomakin's men)
_COMMANDERS = re.compile(r"^(?:(?:General|Colonel|Major|Captain|Admiral|Marshal|Lieutenant|"
                         r"Brigadier|Commander|Commodore|Field\s+Marshal)\s+)*"
                         r"([A-Z][\w-]+)['’]s\s+(?:[\w-]+\s+){0,3}?(?:men|troops|soldiers|"
                         r"column|force|forces|army|detachment|command|corps|flotilla|"
                         r"squadron|cavalry|infantry)$")


def unit_slug(text: str) -> str:
    """The id of a unit from its words: ``the 11th Corps`` -> ``11th-corps``. A force named
    only by its side is one force whatever the noun: ``Ukrainian troops``, ``Ukrainian
    units`` -> ``ukrainian-forces``; so is one named by its commander: ``Colonel Lomakin's
    Mangyshlak column``, ``Lomakin's men`` -> ``lomakin-s-forces``."""
    text = re.sub(r"^(?:the|an?)\s+", "", text.strip(), flags=re.I)
    if (side := _SIDE.match(text)) is not None:
        text = side.group(1) + " forces"
    elif (commander := _COMMANDERS.match(text)) is not None:
        text = commander.group(1) + "'s forces"  # one force, whatever its noun
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unit"


@dataclass
class State:
    """The discourse state (see the module docstring for each item's rule)."""

    unit: str = "unit"
    unit_expected: bool = False  # the current unit was named in a future or planned move
    named: list[str] = field(default_factory=list)  # the units named, the latest last
    cargo_of: str = "unit"  # the force current before a clause moved people or things
    cargo_at: int = -1  # the paragraph of that clause
    past_unit: str | None = None  # the last unit named in a move that has happened
    position: dict[str, FoundPlace] = field(default_factory=dict)
    # the units the current clause names beside its first (the First and the Second
    # Battalion reached A): where the clause puts the one, it puts them all
    companions: tuple[str, ...] = ()
    last_origins: dict[str, tuple[FoundPlace, ...]] = field(default_factory=dict)
    last_dates: dict[str, tuple[FuzzyDate, FuzzyDate | None]] = field(default_factory=dict)
    scene: FoundPlace | None = None
    scene_at: tuple[int, int] = (-1, -1)  # (paragraph, sentence) where the scene was set
    sentence: int = 0
    first_origins: tuple[FoundPlace, ...] = ()
    strength: dict[str, int] = field(default_factory=dict)
    date: FuzzyDate | None = None
    date_used: bool = False
    date_at: int = -1
    source: str | None = None
    source_reports: bool = False  # the source reports on others (makes a move "reported")
    headline_source: str | None = None
    headline_reports: bool = False
    paragraph: int = 0
    arrival: dict[str, tuple[tuple[FoundPlace, ...], int, int]] = field(default_factory=dict)
    arrival_day: dict[str, FuzzyDate] = field(default_factory=dict)
    departure: dict[str, tuple[FoundPlace, int, int]] = field(default_factory=dict)
    # every place a departure named (took off men from A and B): the last is ``departure``'s
    departed: dict[str, tuple[FoundPlace, ...]] = field(default_factory=dict)
    # where (paragraph, sentence) a clause last said only where a force left from, its
    # destination unsaid or told before: a move still under way that a part may split off
    left_only: dict[str, tuple[int, int]] = field(default_factory=dict)
    departure_day: dict[str, FuzzyDate | None] = field(default_factory=dict)
    destinations: tuple[FoundPlace, ...] = ()
    last_leg: tuple[tuple[FoundPlace, ...], FoundPlace, int, int] | None = None

    def recent(self, at: tuple[int, int], sentences: int = 3) -> bool:
        """Whether a fact read at (paragraph, sentence) still holds for the current sentence: at
        most three sentences before, in this paragraph or the one before (or, when the force
        is named again, ``sentences`` before in any paragraph)."""
        if sentences > 3:
            return 0 <= self.sentence - at[1] <= sentences
        return 0 <= self.paragraph - at[0] <= 1 and 0 <= self.sentence - at[1] <= 3

    def new_paragraph(self, number: int) -> None:
        """Reset what a paragraph scopes (the attribution)."""
        if number != self.paragraph:
            self.paragraph = number
            self.source, self.source_reports = self.headline_source, self.headline_reports

    def name_unit(self, unit: str) -> None:
        """A unit named: it becomes the current one."""
        self.unit = unit
        if unit in self.named:
            self.named.remove(unit)
        self.named.append(unit)

    def refer(self, anaphor: str) -> None:
        """``the division`` after ``its 116th Regiment``: the last unit named with that
        noun, when the current one is not one (the division, not the regiment)."""
        if (arm := _ARM.search(anaphor)) is not None:
            # the paratroopers after 3 Para and 5th Infantry Brigade: the unit of that arm
            stems = _ARMS[arm.group(1).lower()]
            if not any(part.startswith(s) for part in self.unit.split("-") for s in stems):
                for unit in reversed(self.named):
                    if any(part.startswith(s) for part in unit.split("-") for s in stems):
                        self.unit = unit
                        return
            return
        if (ordinal := _ORDINAL.match(anaphor)) is not None:
            # "the Second" after "the Second Battalion" (or "the 2nd Battalion"): that unit
            forms = _ordinal_forms(ordinal.group(1))
            for unit in reversed(self.named):
                if unit.split("-", 1)[0] in forms:
                    self.unit = unit
                    return
            self.unit = f"unit-{ordinal.group(1).lower()}"  # (not "first-": a part)
            return
        noun = _ECHELON.search(anaphor)
        if noun is None or self.unit.endswith("-" + noun.group(1).lower()):
            return
        for unit in reversed(self.named):
            if unit.endswith("-" + noun.group(1).lower()):
                self.unit = unit
                return

    def set_date(self, day: FuzzyDate, sentence: int) -> None:
        """A past date given: it becomes the narrative's time, not yet used by a move."""
        self.date, self.date_used, self.date_at = day, False, sentence

    def moved(self, unit: str, destination: FoundPlace) -> None:
        """A unit moved (or was said to be somewhere): its position is there."""
        self.position[unit] = destination
        if unit == self.unit:
            for companion in self.companions:
                self.position[companion] = destination
        self.scene, self.scene_at = destination, (self.paragraph, self.sentence)

    def origin_of(self, unit: str) -> tuple[FoundPlace | None, str]:
        """Where ``unit`` starts a move that names no origin, and which rule says so."""
        if unit in self.position:
            return self.position[unit], "carried-origin"
        if _WAVE.match(unit) and self.first_origins:
            return self.first_origins[-1], "wave-origin"
        paragraph, sentence = self.scene_at
        if _PART.match(unit) and paragraph == self.paragraph and self.sentence - sentence <= 2:
            return self.scene, "scene-origin"
        return None, "scene-origin"
