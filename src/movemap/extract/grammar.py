"""The movement grammar: what one clause says about a move.

A clause is read as slots around a verb of motion, not matched against whole sentences:

- **verb classes**: motion (``moved``, ``deployed``, ``were airlifted``, ``landed``,
  ``crossed``, ``withdrew``, ``pulled back``, ``redeployed``...), each with the means of
  travel it implies (``sailed``: sea, ``airlifted``: air, ``marched``: foot);
- **place slots** by the words right before a place: origin (``from``, ``out of``, ``left``,
  ``pulled back from``, ``withdrew from``), destination (``to``, ``into``, ``towards``,
  ``reached``, ``landed at``, ``crossed into``, ``across the river to``), with room for
  ``the``, ``bases in``, ``the port of`` between; a list (``from A, B and C``) shares its
  slot; ``from A to B`` after a stretch of places (``every port``, ``the whole coast``) or
  ``stretching`` is a span, no slot at all; a place fronted at the clause's opening before a
  verb of arrival (``At Narvik, 2,000 troops were put ashore``) is the destination;
  towns given as examples of an area's ports or bases (``from Baltic ports such as Riga and
  Tallinn``, ``..., Riga and Tallinn among them``) take the slot from the area;
- **chains**: destinations joined by ``then``, ``before``, ``and on to``, ``finally`` are
  stages (A to B, B to C); joined by ``and`` or commas alone they are parallel; a town the
  force ``passed through`` on its way to a destination the clause names is a via, not a stage;
  a town that ``fell to`` a force is where it arrived;
- **movers**: a ruler who marches, advances, invades or leads (or moves at the head of his
  men) stands for his force; one who flies, sails or flees moves alone unless troops go with
  him;
- **strength** only of the moving force: a number with a word for troops (``1,500 special
  forces``, ``a group of 2,600``, ``3,000-strong``), not prisoners, evacuees or aircraft
  (their words are not troop words), not a count of the captured, the killed or a whole
  coalition (``in total``, ``coalition``, ``altogether`` next to it);
- **status** from tense and hedges: a future or conditional (``will``, ``would``, ``is
  expected to``, ``plans to``) is expected; ``claimed``, ``alleged``, ``purportedly`` is
  claimed; ``reportedly``, ``is said to`` is reported; anything else stated as fact is
  confirmed, unless the report attributes it to someone reporting on others (an
  intelligence service, correspondents, witnesses: :func:`reporting`), which makes it
  reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from movemap.extract.alternation import grouped
from movemap.extract.discourse import FORCE_NOUN
from movemap.extract.lookahead import CASE_ODD, quick
from movemap.extract.mentions import fold
from movemap.extract.when import MONTH_NUMBERS
from movemap.model import Mode, Status

__all__ = ["HALTED", "HALT_STEMS", "SAID", "TIME_NOUN", "Clause", "Reading", "clauses", "denies",
           "listed", "read_clause", "reporting", "status_of", "strength_in"]

TIME_NOUN = (r"(?:days?|weeks?|months?|years?|mornings?|evenings?|nights?|spring|summer|"
             r"autumn|winter)\b")
"""Words of time a "following" qualifies (on the following day, in the following weeks): no
move that follows."""

# "relieved X": come to X; not a man relieved of his command, a unit relieved by another, nor
# pressure relieved on a town
_RELIEVED = (r"reliev(?:ed|es|ing)(?!\s+(?:of|by|from|that|to|at|in|"
             r"(?:the\s+|some\s+|much\s+)?pressure)\b)")

_MOTION = re.compile(
    r"\b(sen(?:d|t|ds)|sending|deploy\w*|redeploy\w*|mov(?:e|ed|es|ing)|transport\w*|"
    r"ship(?:s|ped|ping)|arriv\w*|cross|enter|reach(?!\s+of\b)|land|sail|depart(?:s|ed|ing|ures?)?|left|leav\w*|head(?:ed|ing|s)|transferr?\w*|"
    r"march\w*|flew|fl(?:y|own|ying|ies)|"
    r"str(?:uck|ike|ikes|iking)(?=\s+(?:out|off|across|towards?|north|south|east|west|"
    r"inland|into|deep))|jump(?:ed|ing|s)|airlift\w*|air-?lift\w*|airdrop\w*|land(?:ed|ing|s)|"
    r"advanc\w*(?!\s+(?:group|party|guard|force|elements?|units?|teams?))|withdr[ae]w\w*|relocat\w*|dispatch\w*|cross(?:ed|es|ing)|enter(?:ed|ing|s)|"
    r"invad\w*|push(?:es|ed|ing)?|reach(?:ed|ing|es)|travel(?:s|l?ed|l?ing)?|embark\w*|disembark\w*|ferr(?:y|ied|ying)|"
    r"pour(?:s|ed|ing)?(?!\s+rain)|rush(?:es|ed|ing)?(?!\s+hours?)|retreat\w*|return\w*|brought|bring\w*|carried|carry(?:ing)?(?!\s+capacity)|convoy\w*|"
    r"dispers\w*|sail\w*|steam(?:ed|ing)|shift\w*|rail(?:ed|ing)|drove|driven|drives?|"
    # a passage taken (took a schooner back to Realejo, take the train to X)
    r"t(?:ook|ake|akes|aking)\s+(?:a|an|the|their|its|his)\s+(?:[\w-]+\s+)?(?:ship|boat|"
    r"schooner|steamer|brig|train|plane|flight|ferry|transport|bus|lorries|trucks)|"
    # an evacuation: destroyers took off 20,000 men from the beaches
    r"t(?:ook|ake|akes|aking)\s+off(?=\s+(?:[\w,-]+\s+){0,5}?(?:from|at)\b)|"
    r"proceed(?:s|ed|ing)?|went|gone|go(?:ing|es)?|came|comes?|coming|"
    r"(?:ma(?:de|king|kes?)|fought|fighting|forc(?:ed|ing)|work(?:ed|ing)|pick(?:ed|ing)|"
    r"battl(?:ed|ing)|thread(?:ed|ing))\s+(?:its|their|his|our|the)\s+(?:\w+\s+)?way|"
    r"(?:en|em|de)(?:train|truck|plane|bus|buss)\w*|induct(?:s|ed|ing)?|"
    # led his army out of X, leads some 4,800 men into Y: a commander moving his force
    # (only a force is led so: a procession, a delegation or investigators are not)
    r"le(?:d|ads?|ading)(?=\s+(?:(?:most|part|all|half|much|the\s+bulk|the\s+rest|"
    r"the\s+remainder)\s+of\s+)?(?:his|her|their|its|the|an?|some|about|[\d,]+)\s+"
    r"(?:[\w,-]+\s+){0,3}?(?:troops|soldiers|forces?|men|army|armies|host|columns?|"
    r"divisions?|brigades?|corps|regiments?|battalions?|cavalry|infantry|horse(?:men)?|"
    r"warriors|legions?|guards?|marines|fleet|squadrons?|compan(?:y|ies)|units?|"
    r"detachments?|contingents?|levies|followers|rebels|fighters|partisans|volunteers|"
    r"knights|archers|dragoons|hussars|cossacks|infantrymen|riflemen)\b"
    r"(?:\s+[\w,-]+){0,4}?\s+(?:out|into|across|to|towards?|from|through|north|south|east|"
    r"west|back|up|down|over|against|on)\b)|"
    r"order(?:ed|s)?(?=\s+(?:\w+\s+)?(?:to|into|from|north|south|east|west|forward|back|out|home)\b)|"
    r"pull(?:ed|ing|s)?(?:\s+[\w-]+){0,3}?\s+(?:back|out)\b|"
    r"quit(?:s|ting)?|fell\s+back|fall(?:ing|s|en)?\s+back|f(?:ell|alls|allen)(?=\s+to\b)|rotat\w*|"
    # drawn back from the north to the capital, drew off to the hills: a withdrawal
    r"dr(?:ew|awn|aw|aws|awing)\s+(?:back|off)\b|"
    # more verbs of a force's move (a list checked against one template sentence each; not
    # diverted, trickled, veered or swung, said of funds, water and prices as often)
    r"gallop\w*|despatch(?:ed|ing)|convey(?:s|ed|ing)?|decamp\w*|retir(?:ed|ing|es)|"
    r"sortie[ds]?|sall(?:ied|ies|ying)(?=\s+(?:out|forth|from))|wheel(?:ed|ing)|"
    r"counter-?march\w*|recall(?:ed|ing)|hasten(?:ed|ing|s)?|doubl(?:ed|ing)\s+back|"
    r"shuttl(?:ed|ing|es)|exfiltrat\w*|leapfrog\w*|ski(?:ed|ing)|sledg(?:ed|ing)|"
    r"escort(?:ed|ing)|"
    # a town besieged: the besiegers came to it (laid siege to Acre, opened the siege of it)
    r"besieg(?:ed|ing|es?)|(?:laid|lay|lays|laying)\s+siege|"
    r"(?:opened|began|begun|opening|beginning)\s+the\s+siege|sat\s+down\s+before|"
    # troops that reinforced a town went there (not reinforced concrete)
    r"reinforc(?:e|ed|es|ing)(?!\s+(?:concrete|steel|glass|plastic|the\s+(?:message|view|"
    r"idea|point|impression|perception)))|"
    # were taken off by destroyers, will be taken by road to X: carried, not captured
    r"taken(?=\s+(?:off|by\s+(?:road|air|sea|rail|train|lorry|lorries|trucks?|bus|ships?|"
    r"boats?)|to|across|over|back|home)\b)|infiltrat\w*|roll(?:ed|ing)|race[ds]?|"
    r"raced|hurri(?:ed|es)|hurry(?:ing)?|evacuat\w*|regroup\w*|fled|flee(?:s|ing)?|escap\w*|ship\s+out|"
    r"spread|trek\w*|trudg\w*|set(?:s|ting)?\s+out|set(?:s|ting)?\s+off|weigh(?:ed|s|ing)?\s+anchor|"
    r"put(?:s|ting)?\s+(?:out\s+)?to\s+sea|continu(?:e|ed|es|ing)|press(?:ed|ing)\s+on|broke\s+out|"
    r"break(?:ing)?\s+out|marched|dropped|parachut\w*|inserted|lifted|bused|bussed|trucked|"
    r"wad(?:e|ed|es|ing)|ashore|(?:put|set|got)\s+on\s+shore|storm(?:ed|ing)|swe(?:pt|eps|eping)|thrust|surg(?:ed|es|ing)|"
    r"stream(?:ed|s|ing)|descend(?:s|ed|ing)?|debark\w*|board(?:ed|ing)|transit(?:s|ed|ing)?|"
    r"slip(?:ped|ping|s)|crept|creep(?:s|ing)?|penetrat\w*|movements?|invasion|incursion|"
    r"pull-?outs?|rebas(?:ed|ing)|reposition\w*|sped|speed(?:ing|s)|dash(?:ed|ing|es)|"
    r"ford(?:ed|ing)|swam|swim(?:s|ming)?|rumbl\w*|trundl\w*|lumber(?:ed|ing)|"
    r"motor(?:ed|ing)|hik(?:ed|ing)|paddl\w*|filter(?:ed|ing)|tramp(?:ed|ing)|converg\w*|"
    # on foot, on horseback, by boat or bicycle
    r"walk(?:ed|ing|s)?|r(?:o|i)de|rides|riding|ridden|rowed|rowing|cycled|cycling|"
    # a force that takes a town has gone there (They seized Muzaffarabad the same night)
    r"seiz(?:ed|ing)|captur(?:ed|ing)|occup(?:ied|ying)|retook|recaptur(?:ed|ing)|overr[au]n|"
    # ... and one that relieves a town has come to it (relieved Ladysmith)
    + _RELIEVED + r"|"
    r"(?:re)?took(?=\s+the\s+(?:town|city|port|village|fortress|fort|citadel|capital|"
    r"airport|airfield|air\s+base|bridge|island|harbou?r|heights|ridge|pass|stronghold)\b|"
    r"(?!\s+(?:place|part|over|off|up|care|time|shape|effect|power|control|command|charge|"
    r"office|note|aim|refuge|shelter|cover|hold|turns|steps|measures|a|an|the|some|about|"
    r"over|only|just|\d+|one|two|three|four|five|six|several|many)\b))|"
    # (not a time: "on the following day", "the following week")
    r"(?:follow(?:s|ed)?|(?<!\bthe\s)following(?!\s+" + TIME_NOUN + r"))"
    r"(?!\s+(?:the|a|an|this|that)\s+(?:talks|meeting|call|visit|decision|announcement|"
    r"attack|agreement)))\b",
    re.I)
_VERB_MODE = [
    (Mode.SEA, re.compile(r"\b(sail\w*|steam(?:ed|ing)|ship(?:ped|ping|s)?|ferr\w*|"
                          r"embark\w*|vessels?|landing (?:ships?|craft)|by sea|naval|convoy of "
                          r"ships|transports?\b|amphibious|troopships?|liners?|fleet|"
                          r"weigh(?:ed|s|ing)?\s+anchor|put(?:s|ting)?\s+(?:out\s+)?to\s+sea)\b",
                          re.I)),
    (Mode.RAIL, re.compile(r"\b(trains?|rail\w*|railroad|echelons? of wagons|wagons)\b",
                           re.I)),
    (Mode.AIR, re.compile(r"\b(flights?|flew|flown|fly|airlift\w*|air-lift\w*|aircraft|planes?|"
                          r"by air|airborne|airdrop\w*|paradrop\w*|parachut\w*|helicopters?|"
                          r"dropped)\b", re.I)),
    (Mode.ROAD, re.compile(r"\b(trucks?|lorr\w+|convoys?|by road|vehicles|motori[sz]ed|"
                           r"armou?red columns?|columns?|bused|bussed|trucked|drove)\b", re.I)),
    (Mode.FOOT, re.compile(r"\b(on foot|march\w*|walk(?:ed|ing|s)?|trek\w*|trudg\w*)\b", re.I)),
]
_FILL_WORD = (r"(?:(?:border|frontier)\s+with|the|its|their|his|her|a|an|home|bases?|ports?|areas?|"
              r"mainland|metropolitan|"
              r"near|of|in|at|on|around|round|"
              r"outside|front|region|city|town|village|island|port|harbou?r|capital|airfields?|"
              r"airports?|positions?|lines?|vicinity|direction|area|coast|sector|province|"
              r"frontier|border|east|west|north|south|eastern|western|northern|southern|"
              r"[a-z]+\s+(?:areas|ports|bases|positions))(?![\w-])")
# a word that qualifies the place itself (from occupied Ukraine, into neighbouring Poland, to
# rebel-held Idlib), right before it
_QUALIFIER = (r"(?:\s+(?-i:(?!(?:and|or|but|who|which|that|after|before|while|when|said|was|were|"
              r"had|has|being|having|during|bring|sing|thing|nothing|something|everything|"
              r"morning|evening|ring|king|spring|wing|ceiling|building)\b)"
              r"[a-z]+(?:ed|ing)|[a-z]+-(?:held|controlled|occupied|torn)|nearby))?")
# Between a cue and its place: the words above, and at most three others before the last of
# them (to the unfinished airfield at X, to the Russian naval facility at X): a noun phrase
# naming where, not a clause (to fight in support of X has words after the first fill word).
# The runs of fill words are possessive (``*+``, ``++``): a word the run could take is never
# handed back, so the match is linear in the words before a place (a fill word can be read
# in two ways, ``areas`` alone or after another word, which made plain ``*`` exponential).
# ("about" leads the run only: "held the line about X", not "held talks about X")
_FILL = (rf"(?:\s+(?:{_FILL_WORD}|about(?![\w-])))*+"
         r"(?:(?:\s+(?!(?:and|or|but|who|which|that|after|before|"
         r"while|when|said|says|time|times|first|last|support|help|order|days?|weeks?|"
         # to let the presidents of X (a verb, or people, not a place the move goes to)
         r"let|make|persuade|presidents?|leaders?|heads?|governments?|"
         r"months?|years?|hours?|to|into|from|for|towards?|via|through|across|onto|on|by|"
         # (in the direction of: a destination's cue of its own)
         rf"with|direction)\b)(?-i:[a-z]+(?:-[a-z]+)?|[A-Z][a-z]+(?:an|sh|se|ic|ch|i))){{1,3}}"
         rf"(?:\s+{_FILL_WORD})++)?{_QUALIFIER}\s*$")
_ORIGIN_CUE = re.compile(
    # crossed (the river) (lower down,) at X: where the crossing was ("the crossing at X",
    # a noun, is a point on the way)
    # (passed the Sutlej at X: the older word for it); the means of the crossing may come
    # between (by a bridge of boats, on pontoons, by the ford)
    r"\b((?:(?:cross(?:ed|ing|es)?|pass(?:ed|ing|es)?)\s+the\s+(?:[a-z]+\s+)?(?:border|"
    r"frontier|line|river|canal|(?-i:[A-Z][\w-]+)(?:\s+river)?)|cross(?:ed|es))"
    r"(?:\s+(?:by|on|over)\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?(?:bridges?|fords?|ferry|ferries|"
    r"pontoons?|rafts?|boats?)(?:\s+of\s+boats)?)?"
    r"(?:,?\s+(?:lower|higher|further|farther)"
    r"\s+(?:down|up|north|south|east|west|upstream|downstream))?,?\s+(?:near|at)|from|out\s+of|left|leaving|leaves?|departed|"
    r"departing|departs?|quit|quits|quitting|abandon(?:ed|ing|s)?|"
    r"evacuated|evacuates|fled|flees|withdr[ae]wn?\s+from|pulled\s+(?:back|out)\s+(?:from|of)|away\s+from|"
    # a force dislodged from a place (the guerrillas driven off Vitsi crossed into Albania)
    r"(?:driven|pushed|forced|thrown|beaten)\s+(?:back\s+)?(?:off|out\s+of|from)|"
    r"(?:expelled|dislodged|ejected|routed)\s+from|"
    r"vacat(?:ed|ing)|exit(?:ed|ing)|"
    r"(?:en|em)(?:train|truck|plane|bus|buss)(?:ed|ing|s)?\s+(?:at|in|from)|"
    r"(?:embark|reembark|re-embark)(?:ed|ing|s)?\s+(?:at|in|from)|"
    # boarded trains at Lyon, boarded the transports in Brest
    r"board(?:ed|ing|s)?\s+(?:the\s+|their\s+)?(?:ships?|trains?|transports?|aircraft|"
    r"planes?|boats?|lorries|trucks|buses|vessels|troopships?)\s+(?:at|in)|"
    # a fleet's departure: weighed anchor at Lisbon, put to sea from Brest
    r"weigh(?:ed|s|ing)?\s+anchor\s+(?:at|off|in|from)|put(?:s|ting)?\s+(?:out\s+)?to\s+sea\s+"
    r"(?:at|from))"
    + _FILL, re.I)
# when (and how), said between a verb of arrival and its place: landed before dawn yesterday
# near X, arrived early on Sunday in Y, went ashore at first light at Z
_WHEN_SAID = (r"(?:(?:(?:before|after|at)\s+(?:dawn|daybreak|dusk|nightfall|midnight|noon|"
              r"first\s+light)|early|late|yesterday|today|tonight|overnight|safely|"
              r"(?:last|this)\s+(?:night|morning|evening|week)|on\s+(?-i:[A-Z][a-z]+day)|"
              r"at\s+night|in\s+the\s+(?:morning|night|evening|afternoon)|"
              # and how: landed without opposition on the beach at X, unopposed, in force
              r"without\s+(?:opposition|resistance|loss|losses|incident|a\s+shot)|"
              r"unopposed|in\s+force|in\s+good\s+order|by\s+night|"
              # ... or under fire: was landed under heavy fire in Aboukir Bay
              r"under\s+(?:heavy\s+|enemy\s+)?fire|under\s+cover\s+of\s+(?:darkness|night)|"
              # and when, by a day's date: on the 24th, on 24 May, on May 24, 1855
              r"on\s+(?:the\s+)?(?:(?:morning|evening|night|afternoon)\s+of\s+(?:the\s+)?)?"
              r"\d{1,2}(?:st|nd|rd|th|d)?(?:\s+(?:of\s+)?(?-i:[A-Z][a-z]+))?(?:,?\s+\d{4})?,?|"
              r"on\s+(?-i:[A-Z][a-z]+)\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{4})?,?)\s+){0,3}")
_DEST_CUE = re.compile(
    r"\b(to|into|towards?|in\s+the\s+direction\s+of|for|reached|reaching|"
    # right before the place, after a via ("marched by Kasur upon Lahore")
    r"upon(?=\s*$)|"
    r"reach(?:es)?(?!\s+of\b)|arrived\s+" + _WHEN_SAID + r"(?:in|at|on|off)|"
    r"arriving\s+" + _WHEN_SAID + r"(?:in|at|on|off)|arrives?\s+" + _WHEN_SAID
    + r"(?:in|at|on|off)|enters|"
    # an arrival written as a noun, as chronologies do ("14 April: arrival at Cam Ranh Bay")
    r"arrivals?\s+(?:in|at|off)|"
    # a ship's arrival to come: "were expected off the south coast of Haiti", "is due off X"
    r"(?:expected|due)\s+(?:to\s+(?:be|arrive)\s+)?off|"
    # before a town a force besieges or faces: came up before Tsingtao, arrived before
    # Sevastopol, appeared before Vienna
    r"(?:arriv(?:ed|ing|es?)|c[oa]mes?(?:\s+up)?|coming(?:\s+up)?|appear(?:ed|ing|s)?|"
    r"sat\s+down)\s+before|"
    # a town besieged: the besiegers have come to it (laid siege to Acre, besieged Lahore,
    # opened the siege of Sevastopol)
    r"besieg(?:ed|ing|es?)|(?:laid|lay|lays|laying)\s+siege\s+to|"
    r"(?:opened|began|begun|opening|beginning)\s+the\s+siege\s+of|"
    r"landed\s+" + _WHEN_SAID + r"(?:[a-z]+\s+)?(?:in|at|on|near|below|above|beneath)|"
    r"landing\s+(?:at|in|on|near)|lands?\s+" + _WHEN_SAID + r"(?:at|in|on)|(?:ashore|on\s+shore)\s+"
    + _WHEN_SAID + r"(?:at|in|on|near)|"
    r"pass(?:ed|ing)\s+through|onto|on\s+to|entered|entering|enter|crossed\s+into|"
    r"across\s+(?:the\s+\w+\s+)?(?:river\s+)?to|as\s+far\s+as|up\s+to|"
    r"destination\s+(?:was|is|being|:)|de(?:train|truck|plane|bus|buss)(?:ed|ing|s)?\s+"
    r"(?:at|in)|"
    r"(?:dropped|parachuted|inserted|disembarked|disembarking|deployed|redeployed)\s+"
    r"(?:in|at|near|on|around)|(?:jumped|dropped|parachuted|landed)\s+(?:onto|into|over)|occupied|captured|seized|"
    r"occupying|capturing|seizing|"
    r"took(?!\s+(?:place|part|off)\b)|taken|taking|retook|retaken|recaptur(?:ed|ing)|"
    r"liberat(?:ed|ing)|overr[au]n|stormed|storming|secured|securing|"
    # a place taken, as news says it (took control of Daraa, gained control over it, took
    # over the town, seizes Kupiansk)
    r"(?:took|takes?|taken|taking|gain(?:ed|s|ing)?|seiz(?:ed|es|ing)|assum(?:ed|es|ing)|"
    r"wrest(?:ed|s|ing)?|establish(?:ed|es|ing)?)\s+(?:full\s+|effective\s+|complete\s+)?"
    r"control\s+(?:of|over)|"
    r"t(?:ook|akes?|aken|aking)\s+over(?!\s+(?:command|responsibility|duties|the\s+"
    r"(?:command|running|duties)))|seizes|captures|occupies|"
    # sent or moving to take a place (proceed up the river to occupy Bhamo): where it went;
    # not an aim set off by a comma (gathered at Fort Leavenworth, ..., to occupy New Mexico)
    r"(?<!,\s)to\s+(?:occupy|seize|capture|secure|retake|recapture|liberate|garrison|"
    r"take(?!\s+(?:part|place|off|up|over|on|in)\b))|"
    + _RELIEVED + r"|"
    r"(?:received|receiving|accepted|accepting|took|taking)\s+the\s+surrender\s+of|"
    r"(?:advanc\w*|march\w*|mov(?:ed|ing|es?)|driv(?:e|es|ing)|drove|f[ae]ll(?:ing|s|en)?\s+back|"
    r"converg\w*|clos(?:ed|ing)\s+in|bore\s+down|retir\w*|push(?:ed|ing)\s+on|"
    r"str(?:uck|ike|iking)|push(?:ed|ing)?)\s+(?:(?:up)?on(?:to)?|against)|"
    r"(?:aimed|directed)\s+(?:at|on|against)|"
    r"(?:link(?:ed|ing)?\s+up|join(?:ed|ing)?\s+up)\s+with\s+(?:[a-z]+\s+){1,5}?(?:near|at|in)|"
    # joined the division of Santander at Tame: where the force went to join another
    # (or going to: marched from Port Arthur to join the Field-Marshal before Mukden, to join
    # Oyama's forces near Mukden)
    # (not an aim set off by a comma: put ashore at Jamestown, to join Lafayette near X)
    r"(?:join(?:ed|ing)|(?<=[^,]\sto\s)join)\s+(?:forces\s+with\s+)?"
    r"(?:the|an?|his|their|its|[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:near|at|outside|before(?=\s+[A-Z]|\s*$))|"
    # sent to reinforce X (or its garrison), to relieve the garrison of X: where the force went
    r"reinforc(?:e|ed|es|ing)\s+(?:the\s+(?:garrison|defenders|troops|forces)\s+(?:of|at|in)\s+)?|"
    r"reliev(?:e|ed|es|ing)\s+the\s+(?:garrison|defenders|siege)\s+(?:of|at|in)|"
    # where a force that marched met its enemy: "marched from Metz and defeated the enemy at
    # Sedan" (the enemy named in up to three words after its article: the Republican Guard)
    # (the -ing forms only after "After", an opening: "attacking the enemy near X" on the
    # way is no end)
    r"(?:(?<=[Aa]fter )(?:defeat|destroy|attack|engag|rout|besieg|reliev|overwhelm|smash|"
    r"crush)ing|defeated|destroyed|attacked|engaged|routed|fought|besieged|relieved|"
    r"overwhelmed|smashed|crushed|broke|burned|burnt|stormed)\s+(?:the\s+|an?\s+|his\s+|"
    r"their\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:near|at|outside|before)|"
    # a fleet that came out and met its enemy off a coast (met Rooke off Málaga), a force that
    # met or encountered its enemy at a place (met the French at Waterloo, encountered heavy
    # resistance at X); not a person of state or the press met there (met the minister at X)
    r"(?:met|encountered)\s+(?!(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?"
    r"(?:[\w'-]+\s+)?(?:minister|ministers|president|mayor|governor|ambassador|envoy|"
    r"officials?|reporters|journalists|press|delegation|delegates|leaders?|chancellor|"
    r"premier|king|queen|pope|family|wife|husband|relatives|friends|crowds?|students|"
    r"residents|refugees|civilians|representatives|counterparts?|diplomats)\b)"
    r"(?:the\s+|an?\s+|his\s+|their\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:near|at|outside|before|off))"
    + _FILL, re.I)
_POSITION_CUE = re.compile(
    r"\b((?:concentrat\w+|assembl\w+|gather\w*|based|stationed|training|garrisoned|"
    r"positioned|massed|waiting|camped|dug\s+in|quartered|holding|held|remained|stayed|"
    # a fleet's place: lies at anchor off Buyukdere
    r"at\s+anchor|anchored|lay|lies|lying)\s+"
    r"(?:in|at|near|around|on|off|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)|garrisons?\s+(?:of|in|at)|"
    # a halt on the march: halted, rested, wintered, bivouacked at A (not "its left rested on
    # Wavre", a battle line's flank)
    r"(?:halted|halting|rested|resting|wintered|wintering|bivouack?ed|encamped|entrenched|"
    r"regrouped|refitted|refitting|billeted|cantoned)\s+(?:in|at|near|around|outside|"
    r"off)|"
    r"(?:troops|units|forces|soldiers|men|brigade|division|regiment|battalion|column|"
    r"detachment|contingent|squadron|fleet|flotilla|guerrillas|rebels|insurgents|militants|"
    r"partisans|fighters|defenders|garrison)\s+(?:in|at|on)|"
    r"(?:was|were)\s+(?:still\s+|already\s+)?(?:in|at|on)|"
    r"(?:days?|weeks?|months?|nights?|stay|halt|rest|pause)\s+(?:in|at)|"
    # an apposition of where a force is now: "The 1st Division, now at Aldershot, will embark"
    r"(?<=,\s)now\s+(?:in|at)|"
    # a force that holds a place is there (their troops held Port Said and moved on to X);
    # so is one that attacked it, named right after the verb (attacked Rivas and fell back
    # on San Juan del Sur; not "attacked ships in the Red Sea")
    r"held|holding|(?:attacked|assaulted)(?=\s*$))"
    + _FILL, re.I)
# position cues that say where a force is only of a town (units in Kielce), not of an area
# (the commander of forces in Ukraine; the brigade was in Estonia: somewhere in it)
_TOWN_POSITION = re.compile(r"^(?:garrisons?|troops|units|forces|soldiers|men|was|were|in)\b",
                            re.I)
# a verb of arrival, then when, before the place (arrived last night in, landed this week at)
_ARRIVED_AT = re.compile(r"\b((?:arriv\w*|landed|landing|reached|came|come|entered|returned)"
                         r"\s+(?:(?:late|early)\s+)?(?:last|this)\s+(?:night|week|month|"
                         r"morning|evening)\s+(?:in|at|on))\s*$", re.I)
# the words between a destination and the sea or river it lies on (Tuapse on the Black Sea)
_ON_THE = re.compile(r"\s+on\s+the\s+", re.I)
# a verb of motion before "upon" and its place, with its way between (marched by Kussoor
# upon, came down upon)
_MOVED_UPON = re.compile(r"\b(?:march\w*|advanc\w*|mov(?:ed|ing|es?)|c[ao]me\s+down|"
                         r"descend\w*|fell|falling|push\w*|drove|driv\w*|bore\s+down|"
                         r"pressed|swept|turned)\b[^.;]{0,60}?\bupon\s*$", re.I)
# the article and up to two words before a phrase found by its kind ("the oil port of
# Warri", "the small harbour of X"): they go with it
_KIND_ARTICLE = re.compile(r"\s(?:the|a)(?:\s+[a-z][\w-]*){0,2}\s*$")
# a place set after another by the road it lies on (", on the road to", ", a town on the
# railway between"): it says where the place before is
_ON_THE_ROAD = re.compile(r",\s+(?:(?:a|the)\s+(?:[a-z-]+\s+){0,2}?)?(?:on|astride)\s+"
                          r"the\s+(?:main\s+)?(?:road|railway|highway|line|route)\s+"
                          r"(?:to|from|between|linking)\s+(?:[A-Z][\w'’-]*\s+(?:and\s+)?)?$")
_VIA_CUE = re.compile(r"\b(via|through|by\s+way\s+of|past|across|by(?=\s*$))" + _FILL, re.I)
_LIST_GAP = re.compile(r"^\s*(,|and|or|&|,\s*and|as\s+well\s+as|/)?\s*(?:the\s+)?$", re.I)
_CHAIN_GAP = quick(re.compile(r"\b(then|before|after\s+which|onward|onwards|on\s+to|finally|later|"
                              r"continu\w+|next|and\s+from\s+there|from\s+there|thence|whence)\b",
                              re.I))
# the nouns of a force, as the folded clause writes them (the brigade, their columns): the
# discourse's, and the larger formations and bodies it does not name alone
_FORCE_NOUN_F = (r"(?:" + FORCE_NOUN + r"|units?|men|divisions?|corps|army|armies|group|"
                 r"garrisons?|fleets?|flotillas?|rebels|cavalry|vanguard|guard|legion|"
                 r"commando)")
_CLAUSE_BREAK = grouped(re.compile(r";|,?\s(?:[Ww]hile|[Ww]hereas|[Mm]eanwhile)\s|"
                                   r",\s+as\s+(?=(?:[A-Z]\w+\s+)?(?:[a-z]+\s+)?(?:troops|forces|soldiers|"
                                   r"fighters|units|men|the)\b)|"
                                   r",\s+(?:and|but)\s+(?=[^,;.]{0,50}\b(?:said|says|announced|"
                                   r"stated|added)\b)|"
                                   r",\s(?=(?:[Tt]he\s+)?\d+(?:st|nd|rd|th)\s)|"
                                   # an absolute clause with a subject of its own, left
                                   # out: what it tells is not the sentence's force's move
                                   # (, the transports not having yet come round from Vigo)
                                   r",\s+the\s+(?!(?:[\w-]+\s+){0,2}?(?:troops|soldiers|men|"
                                   r"forces?|brigade|division|battalion|regiment|army|column|"
                                   r"corps|units?|company|garrison)\b)(?:[\w-]+\s+){1,3}?"
                                   r"(?:having|being)\s[^,;.]*|"
                                   r",\s+(?:and|but)\s+(?!on\s+to\b)(?=(?:by|on|in|after|before|during|within|the|"
                                   r"its|their|[A-Z][\w-]*['’]s)\s)|"
                                   # another force as the next clause's subject (, and
                                   # American units are falling back)
                                   r",\s+(?:and|but)\s+(?=(?:[A-Z][\w-]*\s+){1,2}(?:[a-z-]+\s+)?"
                                   r"(?:troops|forces|units|soldiers|columns|marines|paratroopers|"
                                   r"divisions|brigades|regiments|battalions)\b)|"
                                   # a force counted or indefinite whose move names where
                                   # it came from or points back (, and a company was flown
                                   # there from Subic Bay); not a time (, and a day later)
                                   r",\s+(?:and|but)\s+(?=(?:a|an|another|one|two|three|four|"
                                   r"five|six|\d[\d,]*)\s+(?:[\w-]+\s+){0,3}?"
                                   + _FORCE_NOUN_F + r"\b[^,;.]{0,60}?\b(?:there|from)\b)"))
# a month's name, whole or cut as dates cut it (Aug, Sept: the names the date reader knows),
# not a word that begins like one (marines)
_MONTH_NAME = "(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\b"
_STRENGTH = re.compile(
    r"\b(?:(?:about|around|some|approximately|an\s+estimated|at\s+least|more\s+than|over|"
    r"nearly|almost|roughly|up\s+to|a\s+further|another)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?!\s+" + _MONTH_NAME + r")"  # 28 February (not 1,200 marines)
    r"(?:\s+(?P<thousand>thousand))?(?:\s+(?:[A-Za-z\-]+\s+){0,3}?)(?P<noun>troops|soldiers|"
    r"personnel(?!\s+carriers)|men|infantry(?:men)?|servicemen|marines|paratroopers|sailors|fighters|"
    r"commandos|special\s+forces|riflemen|guardsmen|rangers|legionnaires|reservists|"
    r"conscripts|mercenaries|volunteers|cavalry|cavalrymen|gunners|sappers|engineers)\b"
    r"|\b(?:group|force|contingent|detachment|battalion|brigade|division|unit|column|echelon)"
    r"\s+of\s+(?:about\s+|some\s+|around\s+)?(?P<g>\d{1,3}(?:,\d{3})+|\d+)\b"
    r"(?!\s+(?:prisoners|civilians|refugees|aircraft|tanks|vehicles|planes|guns))"
    r"|\b(?P<s>\d{1,3}(?:,\d{3})+|\d+)(?:-|\s+)strong\b", re.I)
# places joined by "and" across a time set off by commas are stages, not a list (took Ghazni
# and, at the end of June, Kabul; took Changsha, entered on 11 July, and Yochow); a plain "A in
# March and B in April" is left to the cues (the same force may not have gone from A to B)
# a time: a day of a month, a month (capitalised: not "may" or "march"), a year, or a
# narrative step
_TIME_WORD = (r"(?:\b\d{1,2}\s+(?i:" + _MONTH_NAME + r")|\b(?-i:January|February|March|April|"
              r"May|June|July|August|September|October|November|December)\b|"
              r"\b(?:1[0-9]|20)\d\d\b(?!\s+(?i:km|kilometres|miles|men|troops|soldiers))|"
              r"\b(?i:later|afterwards|(?:same|next|following)\s+(?:day|week|month|morning))\b)")
# ... and the capture or entry a relative clause must tell to make its place a stage
_TAKEN = r"(?=[^;.]{0,60}?\b(?i:entered|taken|took|occupied|captured|reached|seized|fell|stormed))"
_TIMED_GAP = re.compile(r"^(?:\s*," + _TAKEN + r"[^;.]{0,70}?" + _TIME_WORD
                        + r"[^;.]{0,30},\s+(?i:and)\s+"
                        r"|\s*,?\s*(?i:and)\s*,\s*[^,;.]{0,30}?" + _TIME_WORD
                        + r"[^,;.]{0,20},\s*)(?:(?i:the)\s+)?$")
# a month's name right before a number makes it a day (August 15), in folded text
_MONTH_BEFORE = re.compile(r"\b" + _MONTH_NAME + r"\.?\s+$")
_NOT_MOVING = re.compile(
    r"\b(captur\w*|took|taken|killed|wounded|lost|losses|casualt\w*|prisoners?|surrender\w*|"
    r"in\s+total|totall?ing|altogether|overall|combined|coalition|in\s+all|all\s+told|"
    r"whole|entire|of\s+whom|died|dead|missing)\b", re.I)
_EXPECTED = re.compile(
    r"\b(will|would|shall|expected|expects|expecting|due\s+to|set\s+to|scheduled|poised|"
    r"plans?\s+to|planned|planning|intends?\s+to|intend\w*|likely\s+to|about\s+to|"
    r"hopes?\s+to|hoping\s+to|"
    r"going\s+to|could|(?-i:may|might)|preparing\s+to|prepares\s+to|ready\s+to|is\s+to|are\s+to|"
    r"anticipat\w*|forecast|soon(?!\s+(?:after|afterwards|thereafter))|next\s+month|"
    r"next\s+week)\b", re.I)
_CLAIMED = re.compile(r"\b(claim\w*|alleg\w*|purported\w*|unconfirmed|unverified|"
                      r"propaganda|said\s+to\s+have)\b", re.I)
_HEARSAY = re.compile(r"\b(reportedly|(?:is|are|was|were)\s+(?:said|reported|believed|thought)|"
                      r"said\s+to\s+be|apparently|allegedly\s+not|"
                      r"(?:photographed|filmed|spotted|sighted|observed)\s+(?:\w+\s+){0,6}?"
                      r"(?:sailing|moving|leaving|arriving|crossing|heading|driving|flying)|"
                      r"(?:(?:the|an?)\s+)?(?:agency|intelligence\s+service|service|correspondents?|"
                      r"witness(?:es)?|observers?|monitors?|spotters?)\s+(?:said|says|"
                      r"reported|reports|believes?))\b", re.I)
_REPORTER = quick(re.compile(
    r"\b(intelligence|spy|spies|agency|NIS|HUR|GUR|CIA|correspondents?|witness\w*|radio|"
    r"media|press|newspapers?|reporters?|observers?|monitors?|diplomats?|sources?|"
    r"estimates?|analysts?|satellite|according\s+to)\b", re.I))
_CONFIRMED = re.compile(r"\b(confirmed|verified|officially\s+announced)\b", re.I)
_NONFORCE_PATTERN = re.compile(
    r"\b(refugees|civilians|evacuees|prisoners|pows|containers|munitions|shells|missiles|"
    r"bombers|jets|drones|aircraft(?!\s+carriers?\b)|planes|warplanes|helicopters|sorties|supplies|ammunition|cargo|grain|weapons|wounded|children|"
    r"equipment|materiel|matériel|"
    # freight weighed (a freighter with 2,900 tonnes of picric acid)
    r"tonnes\s+of|tons\s+of|"
    # help carried, not a force (aid convoys, humanitarian flights, food shipments)
    r"(?:aid|humanitarian|food|medical|relief\s+supply)\s+(?:convoys?|shipments?|flights?|"
    r"deliveries|supplies|trucks|lorries|airlifts?)|"
    r"carriages|passengers|commuters|tourists|pilgrims|migrants|patients|hostages|detainees|"
    r"people|persons|nationals|citizens|staff|"
    r"families|residents|inhabitants|goods|oil|fuel|president|minister|premier|king|emperor|"
    r"empress|queen|tsar|czar|shah|sultan|court|cabinet|government|speaker|senators?|"
    r"congressman|congresswoman|lawmakers|legislators|chancellor|maharaja|pope|emir|"
    r"offices|delegation|delegates|envoy|diplomats|ambassador|"
    # a ruler or a leader gone into exile or asylum (left Monrovia for exile in Calabar)
    r"exile|asylum|"
    # things argued, not carried (the matter was taken to Lyon), and people on a walk or a run
    r"matters?|issues?|question|dispute|complaint|proposal|lawsuit|runners|walkers|"
    # word sent, not men (a despatch sent by steamer to Fort Monroe)
    r"despatch(?:es)?|messages?|letters?|telegrams?|mail|"
    # weather and disasters that move and reach places (the hurricane reached Houston)
    r"hurricanes?|storms?|winds|floods?|floodwaters?|wildfires?|smoke|lava|tornado(?:es)?|"
    r"cyclones?|typhoons?|tsunamis?|rain|travell?ers|commuter\s+traffic|traffic)\b"
    # ... not where it names what a place is for (the oil port of Abadan, the refugee camp
    # at X, a drone base): a place, not what moves
    r"(?!\s+(?:ports?|terminals?|towns?|fields?|refiner(?:y|ies)|depots?|bases?|factor(?:y|ies)|"
    r"plants?|harbou?rs?|camps?|airfields?|sites?|hubs?|facilit(?:y|ies)|complex|dumps?|works|"
    r"storage|stores)\b)", re.I)
_NONFORCE = quick(_NONFORCE_PATTERN)


# a noun before "to" that makes it no destination (threats to Nevers, aid to the capital)
_NOT_TOWARDS = quick(re.compile(r"\b(?:threats?|risks?|dangers?|aid|assistance|support|help|harm|"
                                r"damage|loyalty|answer|reply|response|attention|access|allegiance|"
                                r"ultimatum|appeal|letter|message|note|warning|commitment|"
                                r"contribution|sales?|exports?|deliver(?:y|ies)|"
                                # who says: "according to Kyiv"
                                r"according|owing|thanks|prior)\s+$|"
                                # where something lies: "the zones lay close to Keelung"
                                r"\b(?:lay|lie|lies|lying|situated|located)\s+(?:close|near|"
                                r"next|adjacent)\s+$|"
                                # where a place named just before lies: "from Pope Air Force
                                # Base next to Fort Bragg" (not "moved next to Arras", "to a
                                # camp next to Kyiv")
                                r"(?-i:[A-Z][\w'’.-]*)\s+(?:next|adjacent)\s+$", re.I))
# a word for people under arms: a clause that names one among cargo or aircraft (has flown
# aircraft and 200 air force personnel to X) moves a force
_FORCE = re.compile(r"\b(troops|soldiers|forces?|units|men|marines|divisions?|brigades?|corps|"
                    r"army|armies|regiments?|battalions?|infantry|paratroopers|group|contingent|"
                    r"they|personnel(?!\s+carriers)|servicemen|commandos|reservists|conscripts|"
                    r"riflemen|guardsmen|legionnaires|columns?|detachments?|garrisons?|"
                    r"squadrons?|fleets?|flotillas?|companies|militias?|rebels|insurgents|"
                    r"guerrillas|militants|cavalry|sailors|airmen|mercenaries)\b", re.I)


_DIGIT = re.compile(r"\d")
# a formation's own name (the 1st Division, XXX Corps) before a place
_UNIT_WORD_BEFORE = re.compile(r"\b(?:Division|Brigade|Regiment|Battalion|Corps|Army|Fleet|"
                               r"Squadron|Commando|Company|Group|Legion|Marines)\b")
_FORCE_END = re.compile(r"\b(?:troops|soldiers|forces?|units?|men|marines|division|brigade|"
                        r"officers|paratroops|guerrillas|rebels|insurgents|fighters|"
                        r"Paratroopers|Paratroops|Officers|Guerrillas|Rebels|Troops|Soldiers|"
                        r"Marines|"
                        r"corps|army|regiment|battalion|infantry|paratroopers|group|contingent|"
                        r"commandos?|rangers|echelon|column|squadron|company|fleet|guard|Division|"
                        r"Brigade|Corps|Army|Regiment|Battalion|Commando|Group|Fleet|"
                        # (and their plurals: the armies, which evacuated Mukden, ...)
                        # (not companies, groups or fleets: the shipping companies, which
                        # moved their fleets from Odesa)
                        r"armies|divisions|brigades|regiments|battalions|columns|squadrons|"
                        r"contingents|echelons|"
                        # a regiment's own name (the 1st Battalion, Queen's Own Highlanders,
                        # who had been flown in from Singapore; see _OBJECT_BEFORE)
                        r"(?P<regiment>Highlanders|Rifles|Guards|Fusiliers|Grenadiers|Dragoons|"
                        r"Hussars|Lancers|Rangers|Scouts|Gurkhas|Borderers|Jackets|"
                        r"Light\s+Infantry|Legion|Zouaves|Chasseurs|Bersaglieri|Alpini|Cossacks|"
                        r"Marines))"
                        # the squadron of Admiral Lazareff, which came from Sebastopol
                        r"(?:\s+of\s+(?:General|Admiral|Marshal|Field\s+Marshal|Colonel|Major|"
                        r"Captain|Commodore|Lieutenant|Brigadier|Commander)\s+"
                        r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*|"
                        # officers from garrisons in Maracay, who drove into Caracas: the
                        # force named with where it came from
                        # (only before "who": "troops from Kyiv, which ..." is of the town)
                        r"(?P<origin>\s+from\s+(?:(?:the\s+)?(?:garrisons?|bases?|barracks|"
                        r"camps?)\s+(?:in|at|of)\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?"
                        r"(?:,\s+[^,;]{1,45})?))?$")
# a verb in the past before a noun in the same clause: the noun is its object
_OBJECT_BEFORE = re.compile(r"\b[a-z]{3,}ed\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,5}$")
# a relative clause about a noun other than a pronoun's antecedent (the army, which took Seoul,)
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\s+(?!(?:they|it|we)\b)[^,;]*", re.I)
# a motion word before a noun it qualifies (landing ships, transport aircraft, Ships such as)
_MODIFIER = re.compile(r"\s+(?:ships?|craft|vessels?|aircraft|planes?|helicopters?|"
                       r"zones?|grounds?|party|parties|strips?|routes?|points?|such\s+as)\b",
                       re.I)
# a past or third-person form is a verb whatever noun follows it (has flown helicopters and
# troops to X, sent aircraft), unlike the forms that also qualify a noun (landing ships)
_FINITE = re.compile(r"(?:ed|own|ew|ent|ies|ought)$")
# the month, not the verb: "March" written with its capital before a day (March 3)
_MONTH = re.compile(r"March(?=\s+\d|\s*[:\-–—]\s)")  # March 3; a timeline's "March: ..."


def _month(body: str, start: int) -> bool:
    """Whether the motion word at ``body[start:]`` is the month March: capitalised after the
    clause's first word (on 13 March, in March) or before a day (March 3: troops left)."""
    return _MONTH.match(body, start) is not None or (
        body.startswith("March", start) and bool(body[:start].strip()))
# nouns that make a clause a movement without a verb of motion (the route ran from A to B)
_ROUTE = re.compile(r"\b(route|journey|flight|voyage|crossing|passage|sealift|trip|destination|"
                    r"transfer|redeployment|withdrawal|evacuation|on\s+the\s+(?:road|way|"
                    r"march)\s+to|on\s+(?:the|their|its|his|her)\s+way\s+(?:to|from|towards?)|(?:received|receiving|accepted|accepting)\s+the\s+"
                    r"surrender|took\s+the\s+(?:[a-z]+\s+)?(?:road|route|highway|track|trail)"
                    r"\s+(?:to|towards?|for|from))\b", re.I)
# a distance says where a place is, not where a move began (to Tarnow, 80 km from Kielce)
_DISTANCE = re.compile(r"\b\d[\d,.]*\s*(?:km|kilomet(?:re|er)s?|miles?|mi)\s+"
                       r"(?:\([^()]{0,20}\)\s+)?"
                       r"(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\w*\s+)?"
                       r"(?:of|from)\s+(?:the\s+)?$", re.I)
# where news came from is not where a force set out (Letters from the Morea state that...;
# reports from Kharkiv say; word reached us from Lisbon)
_NEWS_FROM = re.compile(r"\b(?:letters?|news|reports?|dispatch(?:es)?|despatch(?:es)?|advices|"
                        r"telegrams?|cables?|messages?|accounts?|word|intelligence|rumou?rs?|"
                        r"correspondents?|sources?|signals?|bulletins?|communiqu[eé]s?|"
                        r"statements?|announcements?|broadcasts?|broadcast)"
                        r"(?:\s+(?:received|reaching\s+\w+|just\s+in|arriving|"
                        # a bulletin broadcast from Berlin, a report cabled from Cairo
                        r"(?:[a-z]+\s+)?(?:cabled|radioed|telegraphed|wired|released|sent|"
                        r"filed|issued|broadcast|relayed|datelined)))?\s+from\s+(?:the\s+)?$|"
                        # who speaks from a place says nothing of a move: "Speaking by
                        # telephone from Grande Comore, the chief of staff said"
                        r"\b(?:speaking|spoke|speaks|telephoning|telephoned|phoning|phoned|"
                        r"calling|writing|wrote|reporting|interviewed|told\s+[A-Z][\w.]*|"
                        r"interview)\s+(?:to\s+(?:the\s+)?[A-Z][\w.]*\s+)?(?:(?:by|on|over)\s+"
                        r"(?:the\s+)?(?:tele)?phone\s+|by\s+radio\s+|by\s+satellite\s+phone\s+)?"
                        r"from\s+(?:the\s+)?$",
                        re.I)
# a way named by where it leads, as what a force threatens, cuts or holds (threatening the
# line to Tie-ling, cut the road to Kabul): not where the force went (took the road to X is)
_WAY_TO = re.compile(
    r"(?-i:\b(?:threaten(?:s|ed|ing)?|cut(?:s|ting)?|sever(?:s|ed|ing)?|block(?:s|ed|ing)?|"
    r"guard(?:ed|ing)|held|hold(?:s|ing)?|shell(?:s|ed|ing)|bomb(?:s|ed|ing)|mined|mining|"
    r"interdict(?:s|ed|ing)?|reopen(?:s|ed|ing)?|control(?:s|led|ling)?|secur(?:e|es|ed|ing)|"
    r"protect(?:s|ed|ing)?|defend(?:s|ed|ing)?|patrol(?:s|led|ling)?|repair(?:s|ed|ing)?|"
    r"straddl(?:e|es|ed|ing)|dominat(?:e|es|ed|ing)|overlook(?:s|ed|ing)?))\s+"
    r"(?:the\s+|a\s+|its\s+|their\s+|his\s+)?"
    r"(?:(?:main|vital|only|key|coastal|supply|northern|southern|eastern|western|rail|"
    r"mountain|desert|old|new|direct|single|last|highway|paved|military)\s+){0,2}"
    r"(?:line|road|railway|railroad|highway|route|track|approaches|communications|pass)s?"
    r"\s+to\s+(?:the\s+)?$", re.I)
# "from A to B" after a quantified stretch of places or a verb of extent is a span, not a
# move: landed at every port from A to B, along the whole coast from A to B, a front
# stretching from A to B (but "all the way from A to B" and "along the road from A to B" move)
_SPAN = re.compile(
    r"\b(?:(?:every|each|all|the\s+whole|the\s+entire|the\s+length\s+of)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:ports?|harbou?rs?|towns?|cities|villages|bases|airfields|"
    r"islands?|coast(?:line)?|shores?|front|frontier|border|line)|"
    r"stretch(?:ed|es|ing)?|extend(?:ed|s|ing)?)\s+from\s+(?:the\s+)?$", re.I)
# a place fronted at the clause's opening (At Narvik, ...; In Bari the troops ...) before a verb
# of arrival: where the force arrived, as "landed at Narvik" says it
_FRONTED = re.compile(r"\W*(?:At|In)\s+(?:the\s+(?:port|harbou?r|town|city)\s+of\s+)?$")
_FELL_TO = re.compile(r"f(?:ell|alls|allen)$", re.I)
# a town's own force named with its name before the noun (the Lyon garrison, the Toulon fleet)
_HOME_OF = re.compile(r"\s+(?:garrison|fleet|squadron|flotilla)\b", re.I)
# verbs of motion said of people and things as often as of a force (he quit Lyon, water drawn
# off, a retired man, protesters escorted, the crowd wheeled, stocks recalled their losses): a
# move only in a clause that names a force
_FORCE_ONLY = re.compile(r"(?:quit|dr(?:ew|awn|aw|aws|awing)\s|escort|retir|recall|wheel|"
                         r"hasten|gallop|shuttl|ski|sledg)", re.I)
# what may follow the town a force came up before: the phrase ends there, or goes on with a
# date, a place or a further step (before Tsingtao after a march, before Sevastopol on the 25th)
_BEFORE_GOES_ON = re.compile(r"\s*(?:$|[,.;:)—–-]|(?:on|in|at|by|with|from|after|and|where|"
                             r"which|to|late|early|towards)\b)")
# Sokoto was occupied on 15 March by a column; Kano, which had been taken by a force: a town
# taken in the passive, by a force the clause names, is where that force arrived
_TAKEN_BY = re.compile(
    r"(?i:\s*(?:,\s*)?(?:which\s+|that\s+)?(?:was|were|had\s+been|has\s+been|have\s+been|"
    r"is\s+being|was\s+being)\s+(?:\w+ly\s+)?(?:occupied|taken|captured|seized|entered|"
    r"stormed|retaken|recaptured|liberated|overrun|secured|invested|reinforced|relieved)\b"
    r"[^;.]{0,50}?\bby\s+)"
    # the agent: determiners, numbers, names and one more word before the force's noun (by
    # a column, by the 3rd Division, by British and French troops; not "by panic as troops")
    r"(?:(?:the|an?|some|about|over|nearly|and|his|her|their|its|[\d,]+(?:st|nd|rd|th)?|"
    r"[A-Z][\w'’.-]*)\s+){0,4}(?:[a-z][\w-]*\s+)?(?i:" + _FORCE_NOUN_F + r")\b")
_ARRIVAL_VERB = re.compile(r"(?:land|ashore|on\s+shore|arriv|disembark|debark)", re.I)
# verbs of a force carried or sent somewhere (brought over the mountains from Port Moresby)
_TRANSPORTED = re.compile(r"(?:brought|flown|sent|rushed|shipped|ferried|airlifted|carried|"
                          r"moved|transferred|redeployed)", re.I)
# a move to take a place ("to occupy Bhamo"), and words that make it an aim, not a move made
_TO_TAKE = re.compile(r"to\s+(?:occupy|seize|capture|secure|retake|recapture|liberate|"
                      r"garrison|take)\b", re.I)
_AIM = re.compile(r"\b(?:attempt|bid|aim(?:s|ed|ing)?|order(?:s|ed)?|tried|try(?:ing)?|"
                  r"intend\w*|plan(?:s|ned|ning)?|hop(?:e|ed|es|ing)|sought|seek\w*|meant|"
                  r"failed|objective|goal)\b")
# after a place taken or reached, ending its clause: it was on the way to the move's
# destination ("took Izium on their way to Sloviansk" reached Izium, Sloviansk was aimed at)
_ON_THE_WAY = re.compile(r"\s*,?\s*(?:on\s+(?:the|its|their|his)\s+way|en\s+route|"
                         r"along\s+the\s+way|in\s+passing)\s*(?:[.;,)]|$)", re.I)
# words that tell what someone said: a clause with one ("In Washington, the Pentagon said
# troops were sent from Fort Bragg") tells where it was said, not where they went
SAID = re.compile(r"\b(?:said|says|say|announced|told|reported|claimed|stated|confirmed)\b")
# a force joined by another (was reinforced by, relieved by)
_JOINED = re.compile(r"\b(?:(?:was|were|been|being)\s+)?(?:reinforced|relieved|strengthened|"
                     r"joined)\s+(?:[^,;]{0,40}?\s)?by\b")
# an area that qualifies a noun of places, then examples of them (from Baltic ports such as
# Riga and Tallinn; Black Sea ports, Odessa and Varna among them): the examples are the ends
_EXAMPLES = re.compile(r"(?:\s+(?:and|or)\s+[\w-]+(?:\s+Sea)?)?"
                       r"\s+(?:ports?|harbou?rs?|bases|air\s*bases|airfields|towns|cities|"
                       r"garrisons|camps)(?:\s*,\s*|\s+(?:such\s+as|including|like)\s+)"
                       r"(?:the\s+)?$", re.I)
_EXAMPLE_GAP = re.compile(r"\s*(?:,\s*and|,|and)(?:\s+[A-Z][\w-]*\s*(?:,\s*and|,|and))*\s*$")
_AREA_GAP = re.compile(r"\s*(?:,|and|or)\s*$")
# a parenthesis after a name: another spelling of it (Vladivostok (Владивосток))
# a country's own move: Cuba's airlift to Angola, Russia's withdrawal from Kherson is not one
_OWN_MOVE = re.compile(r"\s+(?:[a-z]+\s+)?(airlift|sealift|deployment|redeployment|intervention|"
                       r"invasion|expedition)\s+(?:to|into|of)\b")
# a town's own garrison is there (Kielce's garrison fell back on Tarnow)
_GARRISON = re.compile(r"\s+(?:\w+\s+)?garrisons?\b", re.I)
_GLOSS = re.compile(r"\s*\([^()]{0,60}\)")


def _unglossed(text: str) -> str:
    """``text`` without its glosses (``_GLOSS``); itself when it has no bracket (most)."""
    return _GLOSS.sub("", text) if "(" in text else text


# a slot's cue before a colon that introduces its list (from three points: A, B and C)
_COLON = re.compile(r"\b(from|to|into|towards?)\b(?:(?!\b(?:from|to|into|towards?)\b)"
                    r"[^:;.]){0,70}:\s*(?:the\s+)?(?:[a-z]+\s+)*"
                    r"(?:of\s+)?$", re.I)
# a place that says where an unnamed one is (from Hunter Army Airfield in Savannah; from Pope
# Air Force Base, beside Fort Bragg): it takes the slot of the unnamed one
_LOCATOR = re.compile(r"\b(from|to|into|onto|at|landed\s+at|reached)\s+(?:the\s+)?"
                      r"(?:[A-Z][\w'’.-]*\s+){0,4}?(?:[A-Z][\w'’.-]*)(?:\s+(?:airfield|airport|"
                      r"air\s+base|base|bridge|pass|camp|beach|harbou?r|port|field|airstrip|"
                      r"strip|(?:drop|landing)\s+zone))?\s*,?\s*"
                      r"(?:in|at|near|beside|outside|by|(?:north|south|east|west)(?:-?(?:east|"
                      r"west))?\s+of)\s+$")
_ADVANCE = re.compile(r"(?i:advanc|mov|drove|driv|march|push|press|proceed|went|continu|"
                      r"head|rolled|raced|trek)")
_STAGE_CUE = re.compile(r"(?:reached|reaching|entered|entering|pass(?:ed|ing)\s+through|"
                        r"arrived|arriving|"
                        # a town taken after another by the same force (took A and
                        # received the surrender of B)
                        r"(?:received|receiving|accepted|accepting|took|taking)\s+the\s+"
                        r"surrender\s+of$|"
                        # a move onward from where the last cue put the force (took A and
                        # advanced on B; reached A, then fell back to B)
                        r"(?:advanc|march|mov|push|press|proceed|head|drove|continu|withdr|"
                        r"retreat|f[ae]ll(?:ing|s|en)?\s+back|pull(?:ed|ing)?\s+back)[\w ]*"
                        r"(?:on|to|into|towards?)$)", re.I)
# the same force's onward move after a destination (took A and advanced to B; reached A and
# then moved some 30 miles along the coast to B): the verb right after "and", its cue later
_ONWARD = re.compile(r"^\s*,?\s*(?:(?:on|in|at|during|by|early|late|later|airfield|airport|port|"
                     r"harbou?r|beach|without|with|after|despite|under|unopposed)\b[^,;]{0,40}?"
                     r"(?:\s+|(?=,)))?,?\s*and\s+(?:then\s+)?"
                     r"(?:"
                     # what carried the force on (and transports carried them to Chios)
                     r"(?:transports|ships|boats|lorries|trucks|trains|aircraft|planes|"
                     r"helicopters)\s+(?:have\s+been\s+|had\s+)?(?:carr\w*|took|ferr\w*|"
                     r"lift\w*|bore)\s+(?:them|it|the\s+(?:" + _FORCE_NOUN_F + r"|survivors))\b|"
                     r"(?:had\s+|has\s+|"
                     r"was\s+|were\s+|is\s+(?:now\s+)?|are\s+(?:now\s+)?)?"
                     r"(?:advanc|mov|drove|driv|march|push|press|proceed|steam|"
                     r"went|continu|head|roll|rac|withdr|retreat|fell\s+back|pull|struck|"
                     r"turn|swung|wheel|travel|sail|fl[eoy]w?|drove|ferr|ship|return|"
                     r"redeploy|transferr?|rode|ran|"
                     # carried on by others (landed at A and carried up the railway to B)
                     r"carr|brought|convey|entrain|airlift|rush|hurri)\w*\b)[^,;]{0,60}$", re.I)
# advanced from A on B: "on" after the origin marks where the advance goes
_ON = re.compile(r"^\s+(?:up)?on(?:to)?\s+$")
_ADVANCE_ON = re.compile(r"\b(?:advanc|march|push|mov|drove|driv|press|clos|converg)\w*\s+from\s+"
                         r"(?:the\s+)?$", re.I)
# into Hungary at Zahony; from the Soviet Union at Zahony, on the border near Chop (a town
# the gazetteer lacks, located by one it knows)
_AT = re.compile(r"^\s*,?\s*(?:at|near)\s+(?:the\s+)?(?:(?-i:[A-Z][\w'’.-]*)\s+){0,2}?"
                 r"(?:(?-i:[A-Z][\w'’.-]*)\s*,?\s*(?:on\s+the\s+(?:border|frontier|coast)\s+)?"
                 r"(?:in|at|near|beside)\s+(?:the\s+)?)?$", re.I)
_SEND = re.compile(r"(?i:sen[dt]|sending|dispatch\w*|deploy\w*|ship(?:s|ped|ping)|"
                   r"transferr?\w*|airlift\w*|fl(?:ew|own|ies|y|ying)|ferr(?:ied|ies|y|ying))$")


def _folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-blind pattern for lower-case text, without the flag: Python's engine tries
    each alternative several times slower under ``re.I``. Only for patterns without a
    case-sensitive part."""
    assert "(?-i" not in pattern.pattern and "A-Z" not in pattern.pattern.replace(
        "A-Za-z", ""), pattern.pattern
    return grouped(re.compile(pattern.pattern, pattern.flags & ~re.I))


class _Cue:
    """A slot's cue pattern, searched as ``pattern.search`` would but faster: a lower-case
    look-ahead over the first words its alternatives can start with finds where a match may
    start, and the pattern (case-blind, and slow to try at every word) is tried there only,
    leftmost first, so the match is the one ``search`` finds. ``starts`` must hold the first
    letters of every alternative of the pattern (checked by the tests). A text with a letter
    that ``re.I`` matches to an ASCII one (``CASE_ODD``) is searched plainly."""

    __slots__ = ("_starts", "pattern")

    def __init__(self, pattern: re.Pattern[str], starts: str) -> None:
        self.pattern = grouped(pattern)
        self._starts = grouped(re.compile(rf"\b(?=(?:{starts}))"))

    def search(self, text: str, lower: str | None = None) -> re.Match[str] | None:
        """``pattern.search(text)``; ``lower``: ``text.lower()`` when the caller has it
        already (and ``text`` has no letter of ``CASE_ODD``), else None."""
        if lower is None:
            if not text.isascii() and CASE_ODD.search(text) is not None:
                return self.pattern.search(text)
            lower = text.lower()
        for at in self._starts.finditer(lower):
            m = self.pattern.match(text, at.start())
            if m is not None:
                return m
        return None


# a subject's head noun before "of" (a detachment of artillery; descendants of the soldiers,
# who are no force), a quantity looking past it (thousands of troops, the bulk of the army),
# and a subject that opens with a unit's name (The 18th Royal Irish, the 26th Cameronians ...)
_HEAD_OF = re.compile(r"\s*(?:the\s+|an?\s+)?([a-z]+)\s+of\b")
_QUANTITY = re.compile(r"thousands|hundreds|bulk|most|part|rest|remainder|remnants?|some|many")
_UNIT_OPENS = re.compile(r"\W*(?:[Tt]he\s+)?\d+(?:st|nd|rd|th)\b")
# the other words for armed men coming together (Wagner fighters, volunteers), and a body of
# them named by a capitalised plural (the Highlanders, the Gurkhas, the Cameronians)
_GATHER_FORCE = re.compile(r"\b(?:fighters|volunteers|militia(?:men)?|guerrillas|rebels|"
                           r"insurgents|partisans|gunmen|mercenaries|reservists|conscripts|"
                           r"levies|recruits|highlanders|cossacks|legionnaires)\b")
_NAMED_BODY = re.compile(r"\W*[Tt]he\s+[A-Z][a-z]+s\b")
# the position cues of a force coming together, and the verb that says so
_GATHER_STEMS = "assembl|concentrat|gather|muster"
_GATHERED = re.compile(r"(?:" + _GATHER_STEMS + r"|massed)", re.I)
_GATHERING_F = re.compile(r"\b((?:" + _GATHER_STEMS + r")\w*|massed)\b")
HALT_STEMS = ("halt", "rest", "winter", "bivouac", "encamp", "entrench", "regroup", "refit",
              "billet", "canton")
"""The stems of a halt on the march, in a position's cue (halted at, wintered at, a halt at)."""
HALTED = re.compile("(?:" + "|".join(HALT_STEMS) + ")", re.I)
"""A position's cue that says the force halted there (``report`` keeps it to the force the
clause names or refers to)."""
_POSITION_AT = _Cue(_POSITION_CUE, r"concentrat|assembl|gather|based|stationed|training|now|"
                    r"garrison|positioned|massed|waiting|camped|dug|quartered|holding|held|"
                    r"remained|stayed|troops|units|forces|soldiers|men|brigade|division|"
                    r"regiment|battalion|column|detachment|contingent|squadron|fleet|flotilla|"
                    r"guerrillas|rebels|insurgents|militants|partisans|fighters|defenders|"
                    r"was|were|days?\b|"
                    r"weeks?\b|months?\b|nights?\b|stay|pause|at|anchored|lay|"
                    r"lies|lying|attacked|assaulted|" + "|".join(HALT_STEMS))
_ORIGIN_AT = _Cue(_ORIGIN_CUE, r"cross|pass|from|out|left|leav|depart|quit|abandon|evacuat|fle[de]|"
                  r"withdr|pulled|away|vacat|exit|e[nm](?:train|truck|plane|bus)|embark|"
                  r"reembark|re-embark|weigh|put|board|driven|pushed|forced|thrown|beaten|"
                  r"expelled|dislodged|ejected|routed")
_DEST_AT = _Cue(_DEST_CUE, r"to|into|toward|in|for|reach|arriv|c[oa]m|appear|enter|land|ashore|"
                r"expected|due|"
                r"pass|onto|on|"
                r"cross|across|as|up|destination|de(?:train|truck|plane|bus)|dropped|"
                r"parachuted|inserted|disembark|deployed|redeployed|jumped|occup|"
                r"captur|gain|assum|wrest|establish|seiz|took|tak|retook|retak|recaptur|liberat|overr|storm|secur|advanc|march|driv|drove|"
                r"receiv|accept|"
                r"mov|f[ae]ll|converg|clos|bore|retir|push|str|link|join|aimed|directed|"
                r"defeat|destroy|attack|engag|rout|fought|besieg|reliev|reinforc|laid|lay|"
                r"met|encounter|"
                r"open|began|begun|beginning|sat|"
                r"overwhelm|smash|crush|broke|burn")
_VIA_AT = _Cue(_VIA_CUE, r"via|through|by|past|across")
_LOCATOR_AT = _Cue(_LOCATOR, r"from|to|into|onto|at|landed|reached")


# a leading condition or time clause, up to its comma (If X has not left by noon today,)
_CONDITION = re.compile(r"^\W*(?:\w+\.\s+)?(?:[Ii]f|[Uu]nless|[Oo]nce|[Ww]hen|[Aa]fter|[Bb]efore)"
                        r"\s[^,;]{3,120},")
# a route named without a verb: a short label (Stage two, 12 May:), A, "to", B, then the
# clause's end or its way (by way of Sisteron)
_HEADING_LABEL = re.compile(
    r"\W*(?:(?:(?i:stage|day|leg|phase|step|part|march|route|week|night)\s+[\w'’]+|"
    r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)\s+"
    r"(?i:stage|day|leg|phase|step|part|march)|\d{1,2}\s+(?i:" + _MONTH_NAME + r")"
    r"(?:\s+\d{4})?|(?i:" + _MONTH_NAME + r")\s+\d{1,2}(?:,?\s+\d{4})?)\s*[,:.–—-]\s*)?"
    r"(?:[Ff]rom\s+)?")
_HEADING_TO = re.compile(r"\s+(to|[–—-]|->)\s+")
_HEADING_WAY = re.compile(r"\s*,\s+(?:by\s+way\s+of|via|through)\b")
_HEADING_END = re.compile(r"\s*(?:[.;:!]|,\s+(?:by\s+way\s+of|via|through)\b|\(|$)")
# a modal on a verb of knowing (it will be remembered that, readers will recall, as may be
# seen) speaks of the reader, not of the move the sentence tells
_RECALLED = re.compile(r"\b(?:will|would|shall|may|might|should|must|can)\s+(?:well\s+)?"
                       r"(?:be\s+)?(?:remember(?:ed)?|recall(?:ed)?|know[ns]?|not(?:e[ds]?|"
                       r"iced?)|seen?|understood)\b",
                       re.I)
# "By late September they were at the gates of Toledo": a force somewhere by a time is a
# force that got there (matched on the folded clause; group 1 the cue, ending at the place)
_BY_THEN = re.compile(
    r"^\W*by\s+(?:(?:early|mid|late|the\s+(?:end|middle|beginning|evening|morning|"
    r"night|afternoon)\s+of)[\s-]+)?(?:the\s+)?(?:" + _MONTH_NAME + r"|\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\d{4}\b|nightfall|noon|midday|midnight|dawn|dusk|evening|morning|then|that\s+time|"
    r"(?:following|next)\s+\w+)[^,;]{0,30}?,?\s+"
    r"(?:the\s+(?:[\w-]+\s+){0,3}?" + _FORCE_NOUN_F + r"|they|it|he|(?:its|their|his)\s+"
    r"(?:[\w-]+\s+){0,2}?" + _FORCE_NOUN_F + r")\s+((?:had\s+been|was|were|stood|lay)\s+"
    r"(?:already\s+|now\s+|well\s+)?"
    r"(?:at\s+the\s+gates\s+of|on\s+the\s+outskirts\s+of|within\s+sight\s+of|"
    r"just\s+short\s+of|at|in|outside|before|near|around)\s+(?:the\s+)?)(?=\S)")
# "The troops landed at Seville were formed into columns and sent north to Merida": a
# participle after the force's noun, its own verb after the place, is where the force was,
# not where this clause moves it (the place's text before, then after)
_REDUCED_BEFORE = re.compile(
    r"\b(?:troops|soldiers|men|forces|units|marines|paratroop\w*|legionaries|reinforcements|"
    r"brigades?|divisions?|battalions?|regiments?|columns?|companies|contingents?|"
    r"detachments?|garrisons?)\s+(?:(?:first|already|just|recently)\s+)?((?:landed|flown|"
    r"brought|shipped|ferried|airlifted|carried|sent|put\s+ashore|gathered|assembled)\s+"
    r"(?:up\s+)?(?:in|at|to|into|on|near)\s+(?:the\s+)?)$", re.I)
_REDUCED_AFTER = re.compile(
    r"\s+(?:then\s+|(?!(?:where|which|who|when|and)\b)[a-z]+ly\s+)?(?:were|was|had|have|has|"
    r"moved|marched|advanced|went|pushed|drove|formed|joined|set\s+out|left)\b")
# a purpose after the move's verb: what the move was meant to lead to, not where it went
_PURPOSE = re.compile(r"\b(?:in\s+order\s+to|so\s+as\s+to|intending\s+to|in\s+the\s+hope\s+of|"
                      r"hoping\s+to|attempting\s+to|trying\s+to|seeking\s+to|"
                      # in a bid to, in an attempt to, in a vain effort to reach X
                      r"in\s+(?:an?\s+)?(?:(?:failed|vain|unsuccessful|last|final|desperate|"
                      r"further|new)\s+)?(?:bid|attempt|effort)\s+to|"
                      r"with\s+the\s+(?:aim|intention|object)\s+of|"
                      r"(?:its|their|his|the)\s+(?:aim|goal|objective|object|intention|purpose)"
                      r"\s+(?:was\s+|being\s+)?to)\s")


# a destination's cue that is only a preposition of whither (not "occupied", an adjective as
# often as a verb: from occupied Ukraine)
_WHITHER = re.compile(r"(?:in\s+the\s+direction\s+of|towards?|into|onto|on\s+to|as\s+far\s+as)",
                      re.I)


def _aim_of(low: str, verb: re.Match[str]) -> re.Match[str] | None:
    """The purpose right before the verb of motion in ``low``, when the verb is the aim's
    (in an attempt to reach Vladivostok, trying to reach the coast) or a move hoped for,
    refused or failed (``_UNDONE``): where the move was meant to go, not where it went; or
    None."""
    before = _PURPOSE.search(low, max(0, verb.start() - 60), verb.start())
    if before is None or before.end() != verb.start():
        before = _UNDONE.search(low, max(0, verb.start() - 40), verb.start())
    return before if before is not None and before.end() == verb.start() else None


# a move hoped for, refused or failed, in the past: "had hoped to march on Acre", "refused to
# lay siege to it", "failed to reach the coast" (not a plan, a hope or an order of today:
# "plans to move to X", "hopes to move to X" are expected moves, read as such)
_UNDONE = re.compile(r"\b(?:hoped|wished|refused|declined|failed|tried|attempted|"
                     r"unable)\s+to\s")


# where a clause goes on after a purpose: a comma, or "and"/"then" before a verb in the past
# (and landed at Gona; not "and take Port Moresby", still the purpose)
_RESUMED = re.compile(r"[,;]|\b(?:and|then|but)\s+(?:then\s+)?(?:[a-z]+ed|went|came|took|drove|"
                      r"flew|rode|fell|left|ran|made|struck|got|set)\b")
_MAY = re.compile(r"\b(may|might)\b")  # the expected hedges that are not the month (May)
_MOTION_F = _folded(_MOTION)
_ROUTE_F = _folded(_ROUTE)
_FORCE_F = _folded(_FORCE)
_NONFORCE_F = _folded(_NONFORCE_PATTERN)  # for ASCII text only (its pattern has an é)
_STRENGTH_F = _folded(_STRENGTH)
_NOT_MOVING_F = _folded(_NOT_MOVING)
_VERB_MODE_F = [(mode, _folded(pattern)) for mode, pattern in _VERB_MODE]
_STATUS_F = [(Status.EXPECTED, _folded(re.compile(_EXPECTED.pattern.replace(
    "(?-i:may|might)|", ""), re.I))), (Status.CLAIMED, _folded(_CLAIMED)),
    (Status.REPORTED, _folded(_HEARSAY)), (Status.CONFIRMED, _folded(_CONFIRMED))]


def _words_of(pattern: re.Pattern[str]) -> str:
    """The alternatives of a pattern written ``\\b(...)\\b``."""
    assert pattern.pattern.startswith("\\b(") and pattern.pattern.endswith(")\\b"), pattern
    return pattern.pattern[3:-3]


# the statuses after EXPECTED as one list of words (it matches where one of them does): a
# clause that has none of them (nearly all) is read with one search, not three (their
# folded patterns are these, without re.I)
_LATER_STATUS_F = grouped(re.compile(
    r"\b(?:" + "|".join(map(_words_of, (_CLAIMED, _HEARSAY, _CONFIRMED))) + r")\b",
    _STATUS_F[1][1].flags))


# A ruler or commander who marches, advances, invades or leads stands for his army (the
# emperor marched on Vienna; the king led his men across the river; the sultan advanced at
# the head of his guard): these verbs move a force, not a traveller. A ruler who flies,
# travels, sails, leaves, returns or flees moves alone unless troops go with him (the
# president flew to X stays out; the president flew to X with 200 marines is a force's move,
# as the force word says).
# (a president or premier travels: the word stays a non-force)
_RULER = frozenset({"king", "emperor", "empress", "queen", "tsar", "czar", "shah", "sultan"})
# a ceremony, a visit or talks: the ruler goes as a person, however the verb reads (the king
# marched in the parade, the queen swept into Edinburgh for the opening of parliament)
_CEREMONY = re.compile(r"\b(?:procession|parade|funeral|ceremony|ceremonies|coronation|"
                       r"opening|visit|tour|talks|summit|delegation|wedding|pilgrimage|"
                       r"celebrations?|jubilee|holiday|palace)\b")
_COMMAND_VERB = re.compile(r"(?:march|advanc|invad|le(?:d|ad)|push|storm|retreat|withdr|"
                           r"f[ae]ll\s+back|pour|thrust|swe(?:pt|ep))", re.I)
_AT_THE_HEAD = re.compile(r"\b(?:at\s+the\s+head\s+of|with\s+(?:his|her|their)\s+(?:\w+\s+)?"
                          r"(?:guards?|host|horsemen|cavalry|warriors|levies))\b")


# people of state, who are no mover of a clause when named in a time clause after its verb
# ("The officers' flight left Nairobi after President Ruto handed them the flag" moves the
# officers; "The plane took the president to Doha" moves the president)
_OF_STATE = frozenset({"president", "minister", "premier", "king", "emperor", "empress", "queen",
                       "tsar", "czar", "shah", "sultan", "court", "cabinet", "government",
                       "offices", "delegation", "delegates", "envoy", "diplomats", "ambassador",
                       "speaker", "senator", "senators", "congressman", "congresswoman",
                       "lawmakers", "legislators", "chancellor", "maharaja", "pope", "emir"})
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|as|since|until|once|following)\b",
                          re.I)
# people under arms named before the verb: the movers whom a person of state named in a time
# clause or an attribution does not make civilians ("Evacuation flights left Kabul after the
# president fled" stays civilian)
_UNDER_ARMS = re.compile(r"\b(?:officers|police|policemen|peacekeepers|gendarmes|troops|"
                         r"soldiers|forces|marines|paratroopers|fighters|units|battalion|"
                         r"brigade|division|regiment|contingent|infantry|columns?|armou?red|"
                         r"tanks)\b", re.I)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
# who tells of the move, opening the clause: "According to refugees reaching Srinagar, they
# entered Baramulla": how the news came (the refugees' arrival) is no stage of the move
_ACCORDING_LEAD = re.compile(r"\W*according\s+to\s+(?:[^,;:()\s]+\s+){0,5}[^,;:()\s]+,", re.I)
# a force from a place, now in another (personnel from Townsville are now on the ground in
# Honiara); group 1: the words that place it, up to the place's name
_HERE_FROM = re.compile(
    r"\b(?:troops|forces|soldiers|personnel|units|marines|paratroopers|police|officers|"
    r"contingents?|battalions?|brigades?|compan(?:y|ies)|detachments?|reinforcements)\s+from\s+"
    r"[^,;]{1,60}?\s+((?:are|is|were|was)\s+(?:now\s+|already\s+)?(?:on\s+the\s+ground\s+|"
    r"deployed\s+|stationed\s+)?(?:in|at))\s+(?:the\s+)?(?=\S)")
# "to" after a noun that is no motion: a claim, a right, a threat, an envoy to a place
_NOT_WHITHER = re.compile(r"\b(?:claims?|(?:(?<=\bthe\s)|(?<=\ba\s)|(?<=\bits\s)|(?<=\bno\s)|"
                          r"(?<=\btheir\s))right|rights|title|threats?|sovereignty|access|loyalty|"
                          r"allegiance|damage|aid|ambassadors?|envoys?|apology|letter|"
                          r"ultimatum|appeal)\s+to\s+(?:the\s+)?$", re.I)
# who tells of the move, closing the clause: "..., according to refugees reaching Srinagar",
# "..., refugees arriving in Srinagar said"
_TOLD_TAIL = re.compile(r",\s*(?:according\s+to\s+[^,;:()]{1,80}|(?:[\w'’-]+\s+){1,6}"
                        r"(?<!\bis\s)(?<!\bwas\s)(?<!\bare\s)(?<!\bwere\s)(?<!\bbe\s)"
                        r"(?<!\bbeen\s)(?:said|says|say|told\s+\w+|reported|added)"
                        r"(?:\s+(?:on\s+)?\w+day|\s+today|\s+tonight|\s+later)?)\W*$", re.I)
# a person of state who only says it: "..., the president said", "according to the minister"
_ATTRIBUTED = re.compile(r"\W*(?:\w+\W+){0,3}?(?:said|says|announced|stated|told|confirmed|"
                         r"reported)\b", re.I)


# what a move goes through, not what moves: marched in rain, amid refugees, through the floods
_AMID = re.compile(r"\b(?:in|through|under|despite|amid|amidst|during)\s+(?:(?:the|a|"
                   r"an|heavy|driving|torrential|pouring|freezing|deep|thick|strong|high|"
                   r"fleeing|streams\s+of|crowds\s+of)\s+){0,2}$", re.I)


def _civilian(words: str, verb: re.Match[str], folded: bool) -> bool:
    """Whether a clause (``words``: folded to lower case when ``folded``, else as written)
    moves people or things, not a force: it names such a mover (refugees, munitions,
    aircraft...), a person of state counting unless the clause names people under arms and
    the person only says it (", the president said") or stands in a time clause (after the
    motion verb ``verb``, or opening the sentence)."""
    pattern = _NONFORCE_F if folded else _NONFORCE
    # a time clause the sentence opens with, up to its comma ("After the president spoke,")
    opening = _SUBORDINATE.match(words.lstrip()) is not None and "," in words
    lead_end = words.find(",") if opening else -1
    return any(not _aside(words, m, verb, lead_end) and not _AMID.search(
        words, max(0, m.start() - 40), m.start()) for m in pattern.finditer(words))


# a time clause after the verb, up to its comma ("fled El Fasher since the Rapid Support
# Forces overran the base, ...")
_TIME_CLAUSE = re.compile(r"\b(?:after|before|when|while|since|until|once)\s+[^,;]*$")


def _force_moving(low: str, verb: re.Match[str]) -> bool:
    """Whether the clause ``low`` names a force that may be its mover: a force word not in a
    time clause after its verb (civilians who fled since the militia overran the base move;
    the militia does not), or one whose time clause tells its own move."""
    return any(m.start() < verb.end() or _TIME_CLAUSE.search(low, verb.end(), m.start()) is None
               # (unless the time clause tells the force's own move: civilians streamed out of
               # Kherson after Russian forces withdrew to the east bank)
               or _moves_within(low, m.end(), _clause_end(low, m.end()))
               for m in _FORCE_F.finditer(low))


def _moves_within(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` (a time clause after its force word) tells where the force
    went: a verb of its going, then where to (withdrew to the east bank near Oleshky; not
    "after the troops withdrew," alone)."""
    own = _GOING.search(low, start, end)
    return own is not None and _WHITHER_WORD.search(low, own.end(), end) is not None


_WHITHER_WORD = re.compile(r"\b(?:to|towards?|into|across|behind|beyond|near)\b")


# a verb of a force going somewhere (not of taking a place: overran, seized)
_GOING = re.compile(r"\b(?:withdr[ae]w\w*|retreat\w*|pull(?:ed|ing|s)?\s+(?:out|back)|"
                    r"mov(?:ed|es|ing)|march\w*|advanc\w*|left|fell\s+back|crossed|"
                    r"redeploy\w*|deploy\w*)\b")


def _clause_end(low: str, at: int) -> int:
    """Where the clause ``low`` goes on to from ``at``: its next comma or semicolon, or its
    end."""
    ends = [i for i in (low.find(",", at), low.find(";", at)) if i >= 0]
    return min(ends, default=len(low))


def _aside(words: str, m: re.Match[str], verb: re.Match[str], lead_end: int) -> bool:
    """Whether the civilian word ``m`` of a clause names no mover: a person of state beside
    people under arms, who only speaks or is named in a time clause (``lead_end``: where a
    time clause the sentence opens with ends, -1 if none)."""
    if m.group(1).lower() not in _OF_STATE:
        return False
    if (_UNDER_ARMS.search(words, lead_end + 1, m.start()) is None
            and _UNDER_ARMS.search(words, m.end()) is None):
        return False  # no one under arms: the person of state is who moves
    if _ATTRIBUTED.match(words, m.end()) is not None:
        return True  # ", the president said"
    if m.start() < verb.end():
        return m.start() <= lead_end  # "After the president spoke,"; not "The president flew"
    return (_SUBORDINATE.search(words, verb.end(), m.start()) is not None
            or _ACCORDING.search(words, max(0, m.start() - 30), m.start()) is not None)


# a way that is the subject of a verb of motion (the road leaves the railhead at Lashio and
# crosses the mountains to Kunming; the pipeline runs from A to B): where a way goes, not a
# move
_ROUTE_SUBJECT = re.compile(
    r"^\W*(?:(?:the|this|that|its|their|a|an|new|old)\s+)*(?:[\w-]+\s+){0,2}?"
    r"(?:road|roads|railway|railroad|rail\s+line|highway|motorway|expressway|track|trail|"
    r"route|pipeline|canal|causeway|bridge|tunnel)\s+$")
# words of motion that are nouns before a verb as often ("the road convoy left Kabul")
_MOTION_NOUNS = frozenset({"convoy", "convoys"})


def _way_goes(low: str, verb: re.Match[str]) -> bool:
    """Whether the subject of the motion verb ``verb`` in the clause ``low`` (folded) is a
    way (``_ROUTE_SUBJECT``): where the way goes, not a move. Not the troops of a front
    line ("the whole line moved forward"), nor a road convoy, whose noun is no verb."""
    return (verb.group(1).strip().lower() not in _MOTION_NOUNS
            and _ROUTE_SUBJECT.search(low, 0, verb.start()) is not None)


_SUBJECT_GAP = re.compile(r"(?:\s+(?!(?:and|or|but|who|which|that)\b)[a-z]+){0,3}"
                          r"(?:\s+(?:himself|herself|then|now|also|again|soon|quickly))?\s+")


def _commands(low: str, verb: re.Match[str]) -> bool:
    """Whether a clause whose only words for people who are not a force name a ruler (see
    :data:`_RULER`) moves the ruler's force: a verb of command (marched, advanced, invaded,
    led) or "at the head of" his men. ``low`` is the clause folded to lower case; ``verb``
    the motion verb found in it."""
    rulers = list(_NONFORCE_F.finditer(low))
    if any(m.group(1) not in _RULER for m in rulers):
        return False  # the emperor's court, prisoners, civilians: people moved, not a force
    if _CEREMONY.search(low) is not None:
        return False
    if _AT_THE_HEAD.search(low) is not None:
        return True
    # the ruler is the verb's subject: his title, then at most his name (the king marched,
    # King Olaf himself led); not another's (re-enactors retraced King Olaf's march)
    return _COMMAND_VERB.match(verb.group(1)) is not None and any(
        _SUBJECT_GAP.fullmatch(low, m.end(), verb.start()) for m in rulers)


_PASSED_THROUGH = re.compile(r"pass(?:ed|ing|es)?\s+through$", re.I)


def _through_on_the_way(roles: list[str], cues: list[str], chained: list[bool]) -> None:
    """A town the force passed through on its way to a destination the same clause names
    (passed through A and reached B; marched from X, passing through A, to B) is a ``via``
    of the move to B, not a stage where the move stopped: B takes A's place in the chain.
    A clause whose move ends at A (passed through A, which it occupied) keeps A as its
    destination."""
    for i, cue in enumerate(cues):
        if roles[i] != "destination" or _PASSED_THROUGH.match(cue) is None:
            continue
        later = next((j for j in range(i + 1, len(roles)) if roles[j] == "destination"), None)
        if later is not None:
            roles[i] = "via"
            chained[later], chained[i] = chained[i], False


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence: ``text[start:end]``."""

    start: int
    end: int


# a participle that opens a sentence with where its subject got to (Having taken Kandahar,
# After crossing the Rhine at Wesel): a clause of its own, whose subject the next one names
OPENING = re.compile(r"\s*(?:[Hh]aving\s+(?:\w+\s+)?(?:taken|captured|seized|occupied|reached|"
                     r"entered|crossed|secured|retaken|liberated|landed\s+(?:at|in)|defeated|"
                     r"routed|beaten)|"
                     r"[Aa]fter\s+(?:taking|capturing|seizing|occupying|reaching|entering|"
                     r"crossing|securing|landing\s+(?:at|in)|defeating|routing|beating))\b")


def denies(denial: re.Pattern[str], scope_end: re.Pattern[str], span: str) -> bool:
    """Whether the last ``denial`` in ``span`` (the words before a place) still reaches its
    end: no ``scope_end`` (a comma, a conjunction) stands after it."""
    found = [*denial.finditer(span)]
    return bool(found) and not scope_end.search(span, found[-1].end())


def clauses(text: str, start: int, end: int) -> list[Clause]:
    """The clauses of the sentence ``text[start:end]`` (split at ``;``, ``while``..., and
    after an opening participle: :data:`OPENING`)."""
    body = text[start:end]
    if ";" not in body and "," not in body and "hile" not in body and "hereas" not in body:
        return [Clause(start, end)]  # every break holds one of these (while, whereas, meanwhile)
    out, at = [], start
    if OPENING.match(body) and (comma := body.find(",")) > 0:
        out.append(Clause(start, start + comma))
        at = start + comma + 1
    for m in _breaks(text, at, end):
        if text[at: m.start()].strip():
            out.append(Clause(at, m.start()))
        at = m.end()
    if text[at:end].strip():
        out.append(Clause(at, end))
    return out or [Clause(start, end)]


# where before a word of its own the break that ends with it may start (its space, its comma)
_BREAK_WORDS = (("hile", (2, 3, 6, 7)), ("hereas", (2, 3)))  # (mean)while, whereas


def _breaks(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_CLAUSE_BREAK.finditer(text, start, end)``, the pattern tried only where a break can
    start (a semicolon, a comma, or the space or comma before "while", "whereas" or
    "meanwhile": each alternative starts so), not at every character."""
    starts = set()
    for mark in (";", ","):
        at = text.find(mark, start, end)
        while at >= 0:
            starts.add(at)
            at = text.find(mark, at + 1, end)
    for word, back in _BREAK_WORDS:
        at = text.find(word, start, end)
        while at >= 0:
            starts.update(at - b for b in back if at - b >= start)
            at = text.find(word, at + 1, end)
    last = start
    for at in sorted(starts):
        if at >= last and (m := _CLAUSE_BREAK.match(text, at, end)) is not None:
            last = m.end()
            yield m


@dataclass(frozen=True, slots=True)
class Reading:
    """What a clause says: slot of each place, chain links, and the move's attributes."""

    verb: str | None
    roles: tuple[str, ...]  # per place: origin, destination, position, via or ""
    cues: tuple[str, ...]  # per place: the words that gave the role
    chained: tuple[bool, ...]  # per place: a stage after the previous destination
    mode: Mode
    strength: int | None
    status: Status
    hedge: str | None
    nonforce: bool


# What a strength needs besides a digit (most clauses with one have a date, not a strength):
# a word for soldiers after a space, a unit's word and "of", or "-strong" (see _STRENGTH)
_STRENGTH_WORDS = grouped(re.compile(
    r"\s(?:troops|soldiers|personnel|men|infantry|servicemen|marines|paratroopers|sailors|"
    r"fighters|commandos|special|riflemen|guardsmen|rangers|legionnaires|reservists|"
    r"conscripts|mercenaries|volunteers|cavalry|gunners|sappers|engineers)|"
    r"\b(?:group|force|contingent|detachment|battalion|brigade|division|unit|column|echelon)"
    r"\s+of\s|[-\s]strong\b"))


# a number of four digits after a month or "in" is a year, whatever noun follows it (On 9 April
# 1940 troops landed; in 1944 soldiers of the division; but a force of 1500 men)
_YEAR_BEFORE = re.compile(r"(?:\b" + _MONTH_NAME + r"\.?,?|\b(?:in|since|until|till|during|"
                          r"spring|summer|autumn|fall|winter))\s+$")


_UNITS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"))}
_TENS = {w: 10 * i for i, w in enumerate(("twenty", "thirty", "forty", "fifty", "sixty",
                                           "seventy", "eighty", "ninety"), start=2)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_SPELLED = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                      r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                      r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                      r"million|and)(?:[\s-]+|\b))+", re.I)
_SCALE_WORD = re.compile(r"\b(?:hundred|thousand|million)\b", re.I)


def _spelled_value(words: str) -> int | None:
    """The number a run of English number words says (``thirteen thousand``, ``two hundred
    and fifty``, ``a thousand``), or None when it has no scale word, counts nothing before
    its first scale word (``hundred`` of "several hundred") or does not parse."""
    total = current = 0
    seen_scale = False
    for word in re.split(r"[\s-]+", words.lower().strip()):
        if word in ("", "and"):
            continue
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES and not current and not total:
            return None  # no count before it: "several hundred strong" says no number
        elif word == "hundred":
            current *= 100
            seen_scale = True
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
            seen_scale = True
        else:
            return None
    value = total + current
    return value if seen_scale and value > 1 else None


def _digits_for_words(text: str) -> str:
    """``text`` with each run of number words that holds a scale word written in digits
    (``about thirteen thousand British troops`` -> ``about 13,000 British troops``)."""
    def digits(m: re.Match[str]) -> str:
        run = m.group(0)
        value = _spelled_value(run)
        if value is None:
            return run
        # with its thousands marked, as a count is written (no year: "May 2000 troops")
        return f"{value:,}" + (" " if run[-1:].isspace() else "")
    return _SPELLED.sub(digits, text)


def strength_in(text: str, start: int, end: int) -> int | None:
    """The strength of the moving force in ``text[start:end]``, if it gives one (in digits,
    or in words with a scale: ``thirteen thousand``)."""
    if _SCALE_WORD.search(text, start, end) is not None:
        # "two thousand troops", beside digits of a date or not: the words as digits first
        spelled = _digits_for_words(text[start:end])
        if spelled != text[start:end]:
            text, start, end = spelled, 0, len(spelled)
    if _DIGIT.search(text, start, end) is None:
        return None
    low = fold(text[start:end])
    if _STRENGTH_WORDS.search(low) is None:
        return None
    for m in _STRENGTH_F.finditer(low):
        around = low[max(0, m.start() - 40): m.end() + 25]
        if _NOT_MOVING_F.search(around):
            continue
        which = "n" if m.group("n") else "g" if m.group("g") else "s"
        number, at = m.group(which), m.start(which)
        if number.isdigit() and int(number) <= 31 and _MONTH_BEFORE.search(
                low, max(0, at - 12), at):
            continue  # a day: on August 15 and further troops landed
        value = int(number.replace(",", ""))
        if m.group("thousand"):
            value *= 1000
        if 1 < value < 10_000_000 and not (1900 <= value <= 2099 and number.isdigit()
                                           and not m.group("noun")) and (
                not (1000 <= value <= 2099 and number.isdigit()
                     and _YEAR_BEFORE.search(low, max(0, at - 16), at))):
            return value
    return None



def _status(body: str, low: str | None = None, verb_end: int | None = None
            ) -> tuple[Status, str | None]:
    """The status of a clause's move and the hedge that gave it. A future or conditional
    counts only before the verb's end (``will be moved``, ``is expected to sail``), not in
    what the clause adds after the move (``had been flown ..., and could support``)."""
    low = fold(body) if low is None else low
    if "ll" in low or "ould" in low or "ay" in low or "ight" in low or "ust" in low:
        for recalled in _RECALLED.finditer(low):
            # it will be remembered that the army marched: the modal is the reader's
            i, j = recalled.span()
            body, low = body[:i] + " " * (j - i) + body[j:], low[:i] + " " * (j - i) + low[j:]
    until = len(body) if verb_end is None else verb_end
    maybe = _MAY.search(body, 0, until) if "may" in body or "might" in body else None
    m = _STATUS_F[0][1].search(low, 0, until)
    if maybe is not None and (m is None or maybe.start() < m.start()):
        return Status.EXPECTED, maybe.group(1)
    if m:
        return Status.EXPECTED, body[m.start(1): m.end(1)]
    if _LATER_STATUS_F.search(low) is None:
        return Status.CONFIRMED, None
    for status, pattern in _STATUS_F[1:]:
        if m := pattern.search(low):
            return status, body[m.start(1): m.end(1)]
    return Status.CONFIRMED, None


def listed(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the places at ``spans`` (in order) stand as one list in ``text``: ``A, B and
    C``, with nothing but commas and "and" between them."""
    return all(_LIST_GAP.match(text[end:start]) is not None
               for (_, end), (start, _) in pairwise(spans))


def reporting(sentence: str) -> bool:
    """Whether an attribution in ``sentence`` is to someone reporting on others (an
    intelligence service, correspondents, witnesses, the press), not the moving side."""
    return _REPORTER.search(sentence) is not None


def status_of(body: str) -> Status:
    """The status a clause gives its moves, from tense and hedges."""
    return _status(body)[0]


def read_clause(text: str, clause: Clause, places: list[tuple[int, int]],
                areas: list[bool] | None = None) -> Reading:
    """Read the clause ``text[clause.start:clause.end]`` whose places are at ``places``.

    ``areas`` says which places are countries or regions (``into Hungary at Zahony``: the
    town after an area is the destination). Roles: ``origin``, ``destination``,
    ``position`` (``based in``: where the mover was), ``via`` or none.
    """
    areas = areas or [False] * len(places)
    a, b = clause.start, clause.end
    body = text[a:b]
    low = fold(body)  # lower case, one character for one: offsets from a
    told = _ACCORDING_LEAD.match(low)
    told_end = a + told.end() if told is not None else a
    tail = _TOLD_TAIL.search(low, told_end - a)
    told_from = a + tail.start() if tail is not None else b
    verb = _MOTION_F.search(low, told_end - a, told_from - a)
    while verb is not None and ((_MODIFIER.match(low, verb.end(), verb.end() + 12)
                                 and not _FINITE.search(verb.group(1)))
                                or _month(body, verb.start())):
        verb = _MOTION_F.search(low, verb.end(), told_from - a)
    if verb is not None and _FORCE_ONLY.match(verb.group(1)) and not _FORCE_F.search(low):
        verb = None  # he quit Lyon, the crowd wheeled: said of a force, a move only with one
    if verb is None:
        verb = _ROUTE_F.search(low)
    arrived = _BY_THEN.match(low) if verb is None and low.lstrip("\"'(").startswith(
        "by ") else None
    if arrived is not None:
        verb = arrived
    heading = None
    if verb is None and len(places) >= 2 and not (areas[0] and areas[1]) and (
            _HEADING_TO.fullmatch(text, places[0][1], places[1][0])) and (
            _HEADING_LABEL.fullmatch(text, a, places[0][0])) and (
            _HEADING_END.match(text, places[1][1], b)):
        # "Stage two, Grasse to Digne." "12 May: Southampton to Freetown": a route named
        # without a verb, the way stages and timelines head their entries
        heading = verb = _HEADING_TO.fullmatch(low, places[0][1] - a, places[1][0] - a)
        if len(places) > 2 and not _HEADING_WAY.match(text, places[1][1], b):
            heading = verb = None  # a third place in the clause that is not on the way
    present = _HERE_FROM.search(low) if verb is None and len(places) >= 2 else None
    if present is not None:
        # "personnel from Townsville are now on the ground in Honiara": a force from A now in
        # B has come from A to B, though no verb says it moved
        verb = present
    # one force advancing "to A and B" passes A on its way to B; a force dispersed, sent or
    # flown "to A, B and C" goes to each
    advancing = verb is not None and _ADVANCE.match(verb.group(1)) is not None
    roles: list[str] = []
    cues: list[str] = []
    chained: list[bool] = []
    for i, (start, _) in enumerate(places):
        before = _unglossed(text[max(a, start - 90): start])[-60:]
        if text[start].islower() and (kind := _KIND_ARTICLE.search(before)) is not None:
            # "to the oil port of Warri": the article and the port's words are the phrase's
            before = before[:kind.start()] + " "
        role, cue = "", ""
        if present is not None and start == a + present.end():
            roles.append("destination")
            cues.append(" ".join(present.group(1).split()))
            chained.append(False)
            continue
        if start < told_end or start >= told_from or _NOT_WHITHER.search(before):
            # in the words of who tells it; a claim or a threat to a place, not a move there
            roles.append("")
            cues.append("")
            chained.append(False)
            continue
        if "destination" in roles and _ON_THE_ROAD.search(before) is not None:
            # "toward Ore, on the road to Lagos and Ibadan": where the destination before
            # lies, not where the move goes ("left Lyon, on the road to Paris" goes there)
            roles.append("")
            cues.append("")
            chained.append(False)
            continue
        if text[places[i][1]: places[i][1] + 2] in ("'s", "’s"):
            # Seoul's agency, Russia's army: who, not where; but Cuba's airlift to Angola
            # starts in Cuba
            moving = _OWN_MOVE.match(text, places[i][1] + 2, min(b, places[i][1] + 40))
            held = _GARRISON.match(text, places[i][1] + 2, min(b, places[i][1] + 40))
            roles.append("origin" if moving else "position" if held else "")
            cues.append("'s " + moving.group(1) if moving else "'s garrison" if held else "")
            chained.append(False)
            continue
        if (_DIGIT.search(before) and _DISTANCE.search(before)) or _NEWS_FROM.search(before):
            roles.append("")
            cues.append("")
            chained.append(False)
            continue
        lower = before.lower() if before.isascii() or CASE_ODD.search(before) is None else None
        if arrived is not None and start == a + arrived.end():
            role, cue = "destination", "by then " + " ".join(arrived.group(1).split())
        if heading is not None:
            role, cue = (("origin", "heading") if i == 0 else ("destination", "heading to")
                         if i == 1 else ("via", "by way of"))
        for name, cue_at in () if arrived is not None or heading is not None else (
                ("position", _POSITION_AT), ("origin", _ORIGIN_AT), ("destination", _DEST_AT),
                ("via", _VIA_AT)):
            m = cue_at.search(before, lower)
            if m and name == "origin" and (
                    later := _DEST_AT.search(before, lower)) is not None and (
                    later.start(1) >= m.end(1)) and _WHITHER.fullmatch(later.group(1)) and (
                    not _NOT_TOWARDS.search(before, 0, later.start(1))):
                # from Kertch in the direction of X: a destination's cue after the origin's,
                # right before the place, is this place's (the origin's is the town's before)
                role, cue = "destination", " ".join(later.group(1).split())
                break
            if m and not (name == "destination" and _NOT_TOWARDS.search(before, 0, m.start(1))):
                role, cue = name, " ".join(m.group(1).split())
                if name == "position" and areas[i] and _TOWN_POSITION.match(cue):
                    role, cue = "", ""
                break
        if role == "position" and cue.lower().startswith("now") and _FORCE.search(
                text, max(a, start - 80), start) is None and _UNIT_WORD_BEFORE.search(
                text, max(a, start - 80), start) is None:
            # ", now at X" places a force ("The 1st Division, now at Aldershot"), not a
            # person ("The commander, now in Kyiv, said")
            role, cue = "", ""
        if role == "position" and (arrived_at := _ARRIVED_AT.search(before)) is not None:
            # "arrived last night in Odesa": when it came, not a stay ("spent last week in")
            role, cue = "destination", " ".join(arrived_at.group(1).split())
        if i and areas[i] and roles[i - 1] == "destination" and _ON_THE.fullmatch(
                text, places[i - 1][1], start):
            # "towards Tuapse on the Black Sea": where the destination lies
            role, cue = "", ""
        if (cue == "upon" and not (i and roles[i - 1] == "via") and (
                _MOVED_UPON.search(before) is None)) or (
                cue == "by" and areas[i]) or (
                role == "origin" and cue[:4].lower() == "pass" and not (i and areas[i - 1])):
            # "upon" ends a move only after its way or a verb of motion ("marched by Kasur
            # upon Lahore", "came down upon Balaklava"; not "pressure upon Kyiv"); "by" a
            # country is who acted ("airlifted by France"), not a way; "passed the X at" is
            # a crossing only of a river or border found as a place ("passed the Sutlej
            # at"; not "passed the Christmas at")
            role, cue = "", ""
        if role == "destination" and (m := _REDUCED_BEFORE.search(before)) is not None and (
                _REDUCED_AFTER.match(text, places[i][1], b)):
            role, cue = "position", " ".join(m.group(1).split()) + " ..."
        if not role and (m := _LOCATOR_AT.search(before, lower)) is not None and not (
                i and places[i - 1][0] >= start - len(before) + m.start()):
            for name, cue_at in (("position", _POSITION_AT), ("origin", _ORIGIN_AT),
                                 ("destination", _DEST_AT)):
                if cue_at.search(before[: m.start() + len(m.group(1))] + " "):
                    role, cue = name, f"{' '.join(m.group(1).split())} ... in"
                    break
        if not role and ":" in before and (m := _COLON.search(text[max(a, start - 160):
                                                                     start])) is not None:
            word = m.group(1).lower()
            role, cue = ("origin" if word == "from" else "destination"), f"{word} ...:"
        link = _unglossed(text[places[i - 1][1]: start]) if i else ""
        own = bool(role)
        if not role and i and roles[i - 1] and _LIST_GAP.match(link):
            role, cue = roles[i - 1], cues[i - 1]
        if not role and i and roles[i - 1] in ("origin", "destination") and areas[i - 1] and (
                _AT.match(link)):
            role, cue = roles[i - 1], f"{cues[i - 1]} ... at"  # into Hungary at Zahony
            roles[i - 1] = ""  # the town says where in the area: the area is no end
        if not role and i and roles[i - 1] == "origin" and _ON.match(link) and (
                _ADVANCE_ON.search(text, a, places[i - 1][0])):
            role, cue = "destination", "from ... on"  # advance from Senegal on Dakar
        if not role and i and roles[i - 1] == "destination" and _CHAIN_GAP.search(link) and (
                len(link) < 40):
            role, cue = "destination", "then"  # "A, then B": a stage
        if not role and i and roles[i - 1] == "destination" and _TIMED_GAP.match(link):
            role, cue = "destination", "and later"
        # a destination with a cue of its own after another is a stage (reached A, then
        # moved on to B; passed through A and entered B); a list under one cue is parallel
        # the stage before may be a few places back, past places passed on the way (then
        # across the Atlantic to Bissau)
        last = next((j for j in range(i - 1, -1, -1) if roles[j] == "destination"), None)
        if last is not None and last != i - 1 and all(r in ("via", "") for r in roles[last + 1:]):
            link = _unglossed(text[places[last][1]: start])
        else:
            last = i - 1 if i else None
        chained.append(bool(last is not None and role == "destination"
                            and roles[last] == "destination"
                            and (_CHAIN_GAP.search(link) or _TIMED_GAP.match(link) is not None
                                 or (own and _STAGE_CUE.match(cue))
                                 or (own and _ONWARD.match(link) is not None)
                                 or (not own and advancing))))
        roles.append(role)
        cues.append(cue)
    for i, (start, end) in enumerate(places):
        if not roles[i] and text[start:end] in ("here", "hither"):
            # a brigade arrived here today: the town the report is written from (a "here"
            # is a place only after a verb of arrival: extract.report._described)
            roles[i], cues[i] = "destination", "here"
        elif roles[i] == "destination" and cues[i].endswith(" before") and (
                _BEFORE_GOES_ON.match(text, end, b) is None):
            # arrived before Orleans fell, came up before Westminster magistrates: "before"
            # opens a clause or names a court, not the town a force faces
            roles[i], cues[i] = "", ""
    if verb is not None and _FELL_TO.match(verb.group(1)):
        # Hama falls to the rebels, Bobruisk fell to the Front: the town before the verb is
        # where the force that took it arrived
        for i, (_, end) in enumerate(places):
            if not roles[i] and end <= a + verb.start() and not text[end: a + verb.start()].strip():
                roles[i], cues[i] = "destination", "fell to"
    for i, (_, end) in enumerate(places):
        if not roles[i] and (taken := _TAKEN_BY.match(text, end, b)) is not None and not any(
                end < start < taken.end() for start, _ in places):
            # Sokoto was occupied on 15 March by a column: the town is where the force went
            roles[i], cues[i] = "destination", "was taken by"
    if "origin" not in roles and "destination" in roles:
        for i, (_, end) in enumerate(places):
            if not roles[i] and not areas[i] and _HOME_OF.match(text, end, b):
                # the Lyon garrison marched to Dijon: a town's garrison or fleet starts there
                roles[i], cues[i] = "origin", "garrison of"
                break
    if verb is not None and (_ARRIVAL_VERB.match(verb.group(1)) or (
            _TRANSPORTED.match(verb.group(1)) and "origin" in roles
            and low.lstrip().startswith("at ") and not SAID.search(low))) and places and (
            "destination" not in roles) and roles[0] in ("", "position") and (
            places[0][1] <= a + verb.start()) and _FRONTED.match(text, a, places[0][0]):
        # At Narvik 2,000 troops were put ashore: the fronted place is where they landed;
        # at Isurava, men brought over the mountains from Port Moresby: where they were
        # brought
        roles[0], cues[0] = "destination", "at ... " + verb.group(1)
    reinforcing = 0  # where the moving force's words start, past the force it joins
    if verb is not None and "origin" in roles and "destination" not in roles and (
            joined := _JOINED.search(low)) is not None:
        # the garrison at Kohima was reinforced by a battalion brought up from Dimapur: the
        # force that comes goes where the one it joins is
        for i, (start, _) in enumerate(places):
            if roles[i] in ("position", "") and not areas[i] and start < a + joined.start() and (
                    roles[i] or _FRONTED.match(text, a, start)):
                roles[i], cues[i] = "destination", joined.group(0)
                reinforcing = joined.end()  # "the garrison, 1,500 men": not the newcomers
                break
    for i in range(len(places) - 1):
        if roles[i] not in ("origin", "destination") or areas[i + 1]:
            continue
        if not _EXAMPLES.match(text, places[i][1], places[i + 1][0]):
            continue
        # Black Sea and Baltic ports, Sevastopol and Baltiysk among them: the towns named are
        # where the move starts or ends, not the seas that qualify their ports
        last = i + 1
        while last + 1 < len(places) and not areas[last + 1] and _EXAMPLE_GAP.match(
                text, places[last][1], places[last + 1][0]):
            last += 1
        for j in range(i + 1, last + 1):
            roles[j], cues[j], chained[j] = roles[i], f"{cues[i]} ... such as", False
        first = i
        while first > 0 and roles[first - 1] == roles[i] and (
                _AREA_GAP.match(text, places[first - 1][1], places[first][0])):
            first -= 1
        for j in range(first, i + 1):
            roles[j], cues[j], chained[j] = "", "", False
    for i, (_, end) in enumerate(places):
        if roles[i] == "destination" and roles.count("destination") > 1 and _ON_THE_WAY.match(
                text, end, b):
            # reached Kherson, capturing Snihurivka on the way: a stage passed, not a second
            # destination
            roles[i], cues[i] = "via", "on the way"
    for i, (start, _) in enumerate(places):
        if roles[i] == "destination" and _TO_TAKE.match(cues[i]) and (
                "destination" in roles[:i] or _AIM.search(low, 0, start - a)):
            # flown from Pskov to Hostomel to capture Kyiv; in a failed attempt to seize Kyiv,
            # ordered to capture Izium: an aim, where the move went is the other place or
            # unsaid
            roles[i], cues[i] = "", ""
    for m in _RELATIVE.finditer(text, a, b):
        if (owner := _FORCE_END.search(text, max(a, m.start() - 80), m.start())) and not (
                owner.group("regiment") and _OBJECT_BEFORE.search(text, a, owner.start())) and (
                owner.group("origin") is None
                or text[m.start(): m.end()].lstrip(", ").lower().startswith("who ")):
            # the brigade, which left Southampton: the mover's own move; not a regiment
            # named after a verb ("relieved the Assam Rifles, who had marched from X")
            continue
        # which took Seoul on 28 June: what the relative clause's subject did, not the mover
        for i, (start, _) in enumerate(places):
            if m.start() < start < m.end() and roles[i] in ("origin", "destination"):
                roles[i], cues[i], chained[i] = "", "", False
    aim = None if verb is None else _PURPOSE.search(low, verb.end()) or _aim_of(low, verb)
    if verb is not None and aim is not None:
        # sailed from Rabaul, its aim to cross the range and take Port Moresby: what the
        # move was for is no stage of it, up to where the clause goes on with a finite verb
        # (in order to reinforce the garrison, and landed at Gona)
        resumed = _RESUMED.search(low, aim.end())
        reach = a + (resumed.start() if resumed is not None else len(low))
        for i, (start, _) in enumerate(places):
            if a + aim.end() <= start < reach and roles[i] == "destination":
                roles[i], cues[i], chained[i] = "", "", False
    for i, (start, _) in enumerate(places):
        if roles[i] == "destination" and _WAY_TO.search(text, max(a, start - 70), start):
            roles[i], cues[i], chained[i] = "", "", False  # threatening the line to Tie-ling
    for i, (start, _) in enumerate(places):
        if roles[i] == "origin" and _SPAN.search(text, max(a, start - 70), start):
            # every port from A to B: both ends of the span are where, not whence and whither
            roles[i], cues[i] = "", ""
            if i + 1 < len(places) and roles[i + 1] == "destination" and cues[i + 1] == "to":
                roles[i + 1], cues[i + 1], chained[i + 1] = "", "", False
    _through_on_the_way(roles, cues, chained)
    if verb is None and "origin" in roles and "destination" not in roles and len(
            gathered := [i for i, (r, c) in enumerate(zip(roles, cues, strict=True))
                         if r == "position" and _GATHERED.match(c)]) == 1 and (
            met := _GATHERING_F.search(low)) is not None and (
            (head := _HEAD_OF.match(low)) is None or _FORCE_F.match(head.group(1))
            or _QUANTITY.fullmatch(head.group(1))) and (
            _FORCE_F.search(low, 0, met.start()) or _UNIT_OPENS.match(body)
            or _GATHER_FORCE.search(low, 0, met.start()) or _NAMED_BODY.match(body)):
        # assembled at Singapore from Calcutta, Madras and Ceylon; troops from Calcutta
        # gathered at B: where a force comes together is where the ones from elsewhere went
        roles[gathered[0]], verb = "destination", met
    if verb is not None and _SEND.match(verb.group(1)) and "origin" not in roles:
        for i, (start, _) in enumerate(places):
            if start < a + verb.start() and not roles[i] and text[places[i][1]:
                                                                 places[i][1] + 2] not in (
                    "'s", "’s"):
                roles[i], cues[i] = "origin", "sender"  # Pyongyang sent troops to ...
    mode = Mode.UNKNOWN
    for candidate, pattern in _VERB_MODE_F if verb is not None else ():
        if pattern.search(low):
            mode = candidate
            break
    until = None if verb is None else verb.end()
    if verb is not None and (condition := _CONDITION.match(body)) is not None and (
            later := _MOTION_F.search(low, condition.end())) is not None:
        # "If X has not left by noon, forces are expected to advance from A on B": the move's
        # own verb is the one after the condition
        until = later.end()
    status, hedge = _status(body, low, until)
    nonforce = verb is not None and (
        _civilian(low if body.isascii() else body, verb, body.isascii())
        or _way_goes(low, verb)) and not _force_moving(low, verb) and not _commands(low, verb)
    return Reading(verb.group(1).strip() if verb else None, tuple(roles), tuple(cues),
                   tuple(chained), mode, strength_in(text, a + reinforcing, b), status, hedge,
                   nonforce)
