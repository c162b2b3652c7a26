"""Movement legs from reports in Russian, French, Spanish, Portuguese, Italian, German, Dutch,
Swedish or Korean: a small grammar each.

Not a translation: per language, a lexicon of verbs of motion, the words that give a place
its role in a move, month names, markers of the future and of hearsay, and the words for
troops that make a number a strength. Roles are read as the English grammar reads them
(:mod:`~movemap.extract.grammar`), from the words around each place:

- in the European languages, the preposition before the place: origin ``из``, ``от``,
  ``с``, ``de``, ``depuis``, ``desde``, ``da``, ``von``, ``aus``, ``van``, ``från``;
  destination ``в``, ``на``, ``к``, ``до``, ``à``, ``vers``, ``jusqu'à``, ``a``, ``hacia``,
  ``hasta``, ``para``, ``em direção a``, ``verso``, ``nach``, ``auf``, ``naar``, ``till``; via
  ``через``, ``par``, ``por``, ``pelo``, ``attraverso``, ``über``, ``over``, ``över``. A
  Russian ``в`` or ``на`` before a locative ending (``в Москве``) says where, not whither,
  and so does a place fronted by its preposition and set off by a comma (``No Rio, o
  ministério informou``, ``En Madrid,``);
- in Korean, the particle after it: origin ``에서``, ``부터``; destination ``(으)로``, ``에``,
  ``까지``; via ``을 거쳐``. A list (``청진, 함흥, 무수단 인근에서``) takes the particle of
  its last name, as a list in the other languages takes the preposition of its first;
- destinations read after a first group in the same sentence are stages from its last
  place (arrived at A, then dispersed to B and C); a clause with a destination and no
  origin starts where the last move ended, or where the force was last said to be;
- a clause that says the same route is taken again (``тем же маршрутом``, ``le même
  itinéraire``, ``la misma ruta``, ``같은 경로``) repeats the report's first move;
- the date is the clause's own (``с 8 по 13 октября``, ``du 8 au 13 octobre``, ``del 8 al 13
  de octubre``, ``4 de maio``, ``3 giugno``, ``5. März``, ``10월 8일부터 13일``), else the last
  one given before; a day without its year takes the last year the report wrote (a history
  of 1807 published in 2007), else the publication's; status from a future or a hedge; the
  strength from a number with a word for troops.

The language is told by script (Cyrillic: Russian, Hangul: Korean) or, in Latin script, by
which language's function words are the most frequent (French, Spanish, Portuguese,
Italian, German, Dutch or Swedish).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from movemap.dates import FuzzyDate, parse_date
from movemap.extract.draft import Evidence, FoundLeg, FoundPlace
from movemap.extract.grammar import denies
from movemap.gazetteer import Kind
from movemap.model import Mode, Status

__all__ = ["LANGUAGES", "foreign_legs", "language_of"]

_RU_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
              "октябр", "ноябр", "декабр")
_FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")
_ES_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre")


@dataclass(frozen=True)
class _Lexicon:
    """What the grammar knows of one language."""

    name: str
    motion: re.Pattern[str]
    before: tuple[tuple[str, re.Pattern[str]], ...]  # role by the words before a place
    after: tuple[tuple[str, re.Pattern[str]], ...]  # role by the words after it (Korean)
    joiner: re.Pattern[str]  # the gap between two names of one list
    expected: re.Pattern[str]
    hearsay: re.Pattern[str]
    source: re.Pattern[str]
    strength: re.Pattern[str]
    day: re.Pattern[str]  # groups: d0 (first day of a span), d, m, y; Korean: d, m, d2, m2, y
    month: re.Pattern[str]  # a month alone: m, y
    same_route: re.Pattern[str]
    sea: re.Pattern[str]
    air: re.Pattern[str]
    months: tuple[str, ...] = ()


def _months(names: tuple[str, ...], suffix: str = r"\w*") -> str:
    return "(?P<m>" + "|".join(names) + ")" + suffix


_RU_FILL = (r"(?:(?:города|город|порта|порт|района|район|аэродрома|аэродром|базы|базу|"
            r"посёлка|поселка|села|территории|территорию|перевала|перевал|моста|мост|"
            r"реку|реки|границу|области|область)\s+)?")
_FR_FILL = (r"(?:(?:la|le|les)\s+|l['’])?(?:(?:ville|port|base|région|aéroport|camp)\s+"
            r"(?:de\s+|d['’])?)?")
_ES_FILL = (r"(?:(?:la|el|los|las)\s+)?(?:(?:ciudad|puerto|base|región|aeropuerto|"
            r"localidad|zona)\s+(?:de\s+(?:la\s+|el\s+)?)?)?")
_KO_NEAR = r"(?:\s*(?:항구|항|시|인근|부근|일대|지역|근처|기지|앞바다|해안))*"
_PT_MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
              "setembro", "outubro", "novembro", "dezembro")
_IT_MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
              "settembre", "ottobre", "novembre", "dicembre")
_DE_MONTHS = ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
              "september", "oktober", "november", "dezember")
_NL_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")
_SV_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
              "september", "oktober", "november", "december")
_NL_FILL = (r"(?:(?:de|het|een)\s+)?(?:(?:stad|haven|vliegveld|vliegvelden|basis|provincie|"
            r"regio|dorp)\s+(?:van\s+|in\s+)?)?")
_SV_FILL = (r"(?:(?:staden|hamnen|flygfältet|basen|byn|provinsen|lägret\s+vid)\s+)?")
_PT_FILL = (r"(?:(?:o|a|os|as)\s+)?(?:(?:cidade|porto|base|região|aeroporto|vila|zona|"
            r"fortaleza)\s+(?:de\s+|do\s+|da\s+)?)?")
_IT_FILL = (r"(?:(?:il|lo|la|i|gli|le)\s+|l['’])?(?:(?:città|porto|base|regione|aeroporto|"
            r"fortezza|zona)\s+(?:di\s+|del\s+|della\s+)?)?")
_DE_FILL = (r"(?:(?:der|die|das|dem|den|des)\s+)?(?:(?:Stadt|Festung|Hafen|Hafenstadt|"
            r"Region|Provinz|Flughafen|Stützpunkt)\s+)?")

LANGUAGES: dict[str, _Lexicon] = {
    "ru": _Lexicon(
        "Russian",
        re.compile(r"\b(?:вош|вход|вывод|выв[её]д|вывел|выш|выход|ушл|уход|уш[её]л|пересек|"
                   r"переправ|двиг|двин|движ|наступ|отступ|отош|отход|перебро|передислоц|"
                   r"направ|отправ|прибы|высад|десант|перел[её]т|прил[её]т|вылет|отплы|приплы|"
                   r"достав|перев[её]з|перевоз|ввод|вв[её]д|ввел|вступ|продви|марш|эвакуир|"
                   r"возвращ|вернул|покину|прорв|захват|заня|освобод|шли|ид[уеё]т|ш[её]л|"
                   r"следова|перемест|перемещ|разверну|размещ|переведен|переведён|отвед|отвод)"
                   r"\w*", re.I),
        (("origin", re.compile(r"(?:^|[\s(])(?:из|изо|от|со?|из-под)\s+" + _RU_FILL + "$",
                               re.I)),
         ("origin", re.compile(r"(?:гарнизон\w*|покинул\w*|оставил\w*)\s+$", re.I)),
         ("destination", re.compile(r"(?:^|[\s(])(?:в|во|на|к|ко|до)\s+" + _RU_FILL + "$",
                                    re.I)),
         ("via", re.compile(r"(?:^|[\s(])(?:через|мимо)\s+" + _RU_FILL + "$", re.I)),
         ("position", re.compile(r"(?:^|[\s(])(?:под|около|у|возле|близ)\s+$", re.I))),
        (),
        re.compile(r"^\s*(?:,|и|или|,\s*а\s+также)\s*$"),
        re.compile(r"\b(?:будут|будет|планиру\w*|ожида\w*|должн\w*|намерен\w*|"
                   r"предполага\w*|собира\w*)", re.I),
        re.compile(r"(?:по\s+данным|по\s+словам|по\s+информации|по\s+сведениям|якобы|"
                   r"сообщ\w*)", re.I),
        re.compile(r"(?:по\s+данным|по\s+словам|по\s+информации|по\s+сведениям)\s+"
                   r"(?P<s>\w[\w-]*(?:\s+\w[\w-]*)?)", re.I),
        re.compile(r"(?P<n>\d{1,3}(?:[\s,]\d{3})+|\d+)\s*(?P<k>тысяч\w*|тыс\.)?\s+"
                   r"(?:\w+\s+)?(?:военнослужащ\w*|солдат\w*|бойц\w*|десантник\w*|человек|"
                   r"морпех\w*|военных)", re.I),
        re.compile(r"(?:\bс\s+(?P<d0>\d{1,2})\s+(?:по|до)\s+)?(?P<d>\d{1,2})\s+"
                   r"(?P<m>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
                   r"октября|ноября|декабря)(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\bв\s+(?P<m>январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|"
                   r"октябре|ноябре|декабре)(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\bтем\s+же\s+(?:маршрутом|путём|путем)|\bпо\s+тому\s+же\s+маршруту",
                   re.I),
        re.compile(r"(?:морем|корабл|судн|высад|десант\w*\s+корабл|отплы|приплы|флот)",
                   re.I),
        re.compile(r"(?:самол[её]т|вертол[её]т|авиац|перел[её]т|прил[её]т|вылет|парашют|"
                   r"воздушн)", re.I),
        _RU_MONTHS),
    "fr": _Lexicon(
        "French",
        re.compile(r"\b(?:quitt|part[iae]|partent|arriv|entr[éeè]|entrent|march|avanc|débarqu|"
                   r"embarqu|parachut|largu|transport|achemin|envoy|déploy|redéploy|retir|"
                   r"repli|recul|travers|franchi|rejoi|gagn|atteign|atteint|dirig|transfér|"
                   r"évacu|décoll|atterr|rentr|revenu|retourn|progress|pénétr|occup|"
                   r"s['’]empar|fait\s+mouvement|dépêch|projet|convoy|héliport|aérotransport|"
                   r"remont|descend|se\s+sont\s+port|se\s+port)\w*", re.I),
        # ("à destination de", "en direction de": whither, though "de" says whence)
        (("origin", re.compile(r"(?<!destination\s)(?<!direction\s)"
                               r"(?:\b(?:de|du|des|depuis|quitt\w*|évacu\w*|partis?\s+de)\s+|"
                               r"\bd['’])" + _FR_FILL + "$", re.I)),
         ("destination", re.compile(r"(?:\b(?:à|au|aux|vers|jusqu['’]à|jusqu['’]au|sur|en|dans|"
                                    r"pour|rejoi\w+|gagn\w+|atteint\w*|atteignent|occup\w*)\s+|"
                                    r"\b(?:destination|direction)\s+(?:de\s+|du\s+|des\s+|"
                                    r"d['’]))" + _FR_FILL + "$", re.I)),
         ("via", re.compile(r"\b(?:par|via|à\s+travers)\s+" + _FR_FILL + "$", re.I))),
        (),
        re.compile(r"^\s*(?:,|et|ou|,\s*et)\s*(?:(?:de|d['’]|à|vers)\s*)?$"),
        re.compile(r"\b(?:vont|va|devrai\w*|doi[tv]\w*|prévu\w*|sera|seront|devrait|"
                   r"attendu\w*|\w{3,}(?:eront|iront|era|ira))\b", re.I),
        re.compile(r"\b(?:selon|d['’]après|aurai(?:en)?t|rapport\w*)", re.I),
        re.compile(r"\b(?:selon|d['’]après)\s+(?:le\s+|la\s+|les\s+|l['’])?"
                   r"(?P<s>\w[\w'’-]*(?:\s+(?:de\s+|du\s+)?[A-ZÉ][\w'’-]*){0,3})"),
        re.compile(r"(?P<n>\d{1,3}(?:[\s.\u202f]\d{3})+|\d+)\s*(?P<k>mille)?\s+"
                   r"(?:\w+\s+)?(?:hommes|soldats|parachutistes|légionnaires|militaires|"
                   r"combattants)", re.I),
        re.compile(r"(?:\bdu\s+(?P<d0>\d{1,2})(?:er)?\s+au\s+)?(?P<d>\d{1,2})(?:er)?\s+"
                   + _months(_FR_MONTHS, r"\b") + r"(?:\s+(?P<y>\d{4}))?", re.I),
        # en juillet; (à la) fin (de) juillet, (vers) la mi-août, au début d'août
        re.compile(r"\b(?:en\s+|(?:(?:à|vers)\s+la\s+)?(?:fin|mi)(?:-|\s+d['’]|\s+de\s+|\s+)|"
                   r"(?:au\s+)?(?:début|milieu)(?:\s+d['’]|\s+de\s+|\s+))"
                   + _months(_FR_MONTHS, r"\b") + r"(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:le\s+même\s+(?:itinéraire|chemin|trajet)|la\s+même\s+route)", re.I),
        re.compile(r"(?:navire|bateau|débarqu|embarqu|par\s+mer|flotte|convoi\s+naval)", re.I),
        re.compile(r"(?:parachut|largu|avion|héliport|aérotransport|par\s+air|pont\s+aérien)",
                   re.I),
        _FR_MONTHS),
    "es": _Lexicon(
        "Spanish",
        re.compile(r"\b(?:sal[ieó]|part[ieó]|lleg|entr[aó]|entraron|march|avanz|desembarc|"
                   r"embarc|lanz|transport|envi|despleg|desplieg|replieg|replegar|retir|cruz|"
                   r"atraves|dirig|traslad|evacu|alcanz|ocup|tom[aó]|tomaron|zarp|aterriz|"
                   r"despeg|volv|regres|penetr|desplaz|movi|mov[ií]|invad|irrump|ingres|arrib)"
                   r"\w*", re.I),
        (("origin", re.compile(r"\b(?:de|del|desde|procedentes?\s+de)\s+" + _ES_FILL + "$",
                               re.I)),
         ("destination", re.compile(r"\b(?:a|al|hacia|hasta|en|sobre|para|rumbo\s+a)\s+"
                                    + _ES_FILL + "$", re.I)),
         ("via", re.compile(r"\b(?:por|vía|a\s+través\s+de)\s+" + _ES_FILL + "$", re.I))),
        (),
        re.compile(r"^\s*(?:,|y|e|o|,\s*y)\s*(?:(?:de|desde|a|hacia)\s*)?$"),
        re.compile(r"\b(?:va\s+a|van\s+a|será|serán|prevé|previst\w*|deberá\w*|planea\w*|"
                   r"se\s+espera|\w{3,}(?:rán|rá))\b", re.I),
        re.compile(r"\b(?:según|habría\w*|informó|informaron|de\s+acuerdo\s+con)\b", re.I),
        re.compile(r"\bsegún\s+(?:el\s+|la\s+|los\s+)?"
                   r"(?P<s>\w[\w-]*(?:\s+(?:de\s+)?[A-ZÁÉ][\w-]*){0,3})"),
        re.compile(r"(?P<n>\d{1,3}(?:[.\s]\d{3})+|\d+)\s*(?P<k>mil)?\s+(?:\w+\s+)?"
                   r"(?:hombres|soldados|efectivos|paracaidistas|combatientes|militares)",
                   re.I),
        re.compile(r"(?:\bdel\s+(?P<d0>\d{1,2})\s+al\s+)?(?P<d>\d{1,2})\s+de\s+"
                   + _months(_ES_MONTHS, r"\b") + r"(?:\s+de\s+(?P<y>\d{4}))?", re.I),
        # en julio; a finales de julio, a mediados de agosto, a principios de marzo
        re.compile(r"\b(?:en\s+|(?:a\s+)?(?:finales|fines|mediados|principios|comienzos)\s+de\s+)"
                   + _months(_ES_MONTHS, r"\b") + r"(?:\s+de\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:la\s+misma\s+(?:ruta|vía)|el\s+mismo\s+(?:camino|trayecto))", re.I),
        re.compile(r"(?:barco|buque|desembarc|embarc|zarp|por\s+mar|flota|lancha)", re.I),
        re.compile(r"(?:paracaid|avión|aviones|aerotransport|por\s+aire|puente\s+aéreo)", re.I),
        _ES_MONTHS),
    "pt": _Lexicon(
        "Portuguese",
        re.compile(r"\b(?:entr(?:ou|aram|am|ar|ando|ado|ada|ados|adas)|sa[ií](?:u|ram|r|ndo)|"
                   r"part(?:iu|iram|ir|em|e(?=\s+(?:de|para|rumo)\b)|ido|idos)|cheg|march|avanç|"
                   r"desembarc|embarc|transport|envi|desloc|retir|recu|atravess|cruz|"
                   r"dirigi(?:u|ram|r|do)|segui(?:u|ram|r|ndo|do)|evacu|alcanç|ocup|tom(?:ou|aram|ar|ado)|"
                   r"deix|invad|ingress|regress|volt|zarp|aterr|mov|transfer|rum|ir[aã]o\b|"
                   r"irá\b)\w*", re.I),
        (("origin", re.compile(r"(?:\b(?:de|do|da|dos|das|desde|a\s+partir\s+d[eoa]|"
                               r"vind[oa]s?\s+d[eoa]|proveniente\w*\s+d[eoa])\s+|"
                               r"\b(?:deixaram|deixou|deixa|deixam|abandonaram|abandonou)\s+)"
                               + _PT_FILL + "$", re.I)),
         ("destination", re.compile(r"\b(?:a|ao|à|aos|às|para|em|no|na|até|sobre|"
                                    r"rumo\s+a[o]?|rumo\s+à|em\s+direção\s+a[o]?|"
                                    r"em\s+direção\s+à|em\s+direcção\s+a[o]?)\s+"
                                    + _PT_FILL + "$", re.I)),
         ("via", re.compile(r"\b(?:por|pelo|pela|via|através\s+d[eoa])\s+" + _PT_FILL + "$",
                            re.I))),
        (),
        re.compile(r"^\s*(?:,|e|ou|,\s*e)\s*(?:(?:de|do|da|a|para)\s*)?$"),
        re.compile(r"\b(?:vai|vão|irá|irão|será|serão|deverá|deverão|poderá|poderão|previst\w*|"
                   r"planej\w*|espera-se|\w{3,}(?:rá|rão))\b", re.I),
        re.compile(r"(?<![OoAa]\s)(?<![OoAa]s\s)\bsegundo\b|\b(?:teria|teriam|informou|"
                   r"informaram|de\s+acordo\s+com|comenta-se)\b", re.I),
        re.compile(r"(?<![OoAa]\s)(?<![OoAa]s\s)\bsegundo\s+(?:o\s+|a\s+|os\s+|as\s+)?"
                   r"(?P<s>\w[\w-]*(?:\s+(?:de\s+|do\s+|da\s+)?[\w-]+){0,2})", re.I),
        re.compile(r"(?P<n>\d{1,3}(?:[.\s]\d{3})+|\d+)\s*(?P<k>mil)?\s+(?:\w+\s+)?"
                   r"(?:homens|soldados|militares|efe[c]?tivos|paraquedistas|pára-quedistas|"
                   r"combatentes|granadeiros|fuzileiros)", re.I),
        re.compile(r"(?:\bde\s+(?P<d0>\d{1,2})\s+a\s+)?(?P<d>\d{1,2})º?\s+de\s+"
                   + _months(_PT_MONTHS, r"\b") + r"(?:\s+de\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:em|no\s+início\s+de|em\s+meados\s+de|em\s+fins\s+de|no\s+fim\s+de)"
                   r"\s+" + _months(_PT_MONTHS, r"\b") + r"(?:\s+de\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:a\s+mesma\s+(?:rota|via|estrada)|o\s+mesmo\s+(?:caminho|trajeto|"
                   r"percurso))", re.I),
        re.compile(r"(?:navio|barco|desembarc|embarc|por\s+mar|frota|esquadra|zarp)", re.I),
        re.compile(r"(?:paraqued|pára-qued|avião|aviões|aerotransport|por\s+ar\b|"
                   r"ponte\s+aérea|helicóptero)", re.I),
        _PT_MONTHS),
    "it": _Lexicon(
        "Italian",
        re.compile(r"\b(?:entr(?:ò|arono|ato|ata|ati|ate|are|ano)|uscit|usc[ìi]rono|usc[ìi]\b|"
                   r"partit|part(?:ì|irono|ire|ono)\b|arriv|giun[st]|march|avanz|sbarc|imbarc|"
                   r"trasport|inviat|schierat|ritir|ripieg|attravers|varc|diress|"
                   r"dirett[oaie]\s+(?:a|verso|per)\b|evacu|raggiun|occup|lasciat|lasciò|invas|"
                   r"invad|rientr|ritorn|tornat|salpat|salpò|atterr|decoll|moss[aeio]|spost|"
                   r"trasfer|ripart|avanzat|condott[oaie]\s+(?:a|verso|in)\b)\w*", re.I),
        (("origin", re.compile(r"(?:\b(?:da|dal|dallo|dalla|dai|dagli|dalle|lasciat\w*|"
                               r"lasciò|lasciarono)\s+|\bd['’])" + _IT_FILL + "$", re.I)),
         ("destination", re.compile(r"(?:\b(?:a|ad|al|allo|alla|ai|agli|alle|in|nel|nello|"
                                    r"nella|verso|fino\s+a|per|su|sul|sulla|sotto|occup\w+|"
                                    r"raggiun\w+|entrat\w+\s+in|giunt\w+\s+a)\s+|\ball['’])"
                                    + _IT_FILL + "$", re.I)),
         ("via", re.compile(r"\b(?:attraverso|via|lungo|passando\s+per)\s+" + _IT_FILL + "$",
                            re.I))),
        (),
        re.compile(r"^\s*(?:,|e|ed|o|,\s*e)\s*(?:(?:da|a|verso)\s*)?$"),
        re.compile(r"\b(?:sarà|saranno|dovrà|dovranno|potrà|potranno|previst\w*|"
                   r"si\s+attende|\w{3,}(?:rà|ranno))\b", re.I),
        re.compile(r"(?<![Ii]l\s)(?<![Ll]a\s)(?<![Ii]\s)\bsecondo\b|\b(?:avrebbe|avrebbero|"
                   r"si\s+apprende|riferisc\w*)\b", re.I),
        re.compile(r"(?<![Ii]l\s)(?<![Ll]a\s)(?<![Ii]\s)\bsecondo\s+(?:il\s+|la\s+|i\s+|le\s+|"
                   r"l['’])?(?P<s>\w[\w-]*(?:\s+(?:di\s+|del\s+|della\s+)?[\w-]+){0,2})", re.I),
        re.compile(r"(?P<n>\d{1,3}(?:[.\s]\d{3})+|\d+)\s*(?P<k>mila)?\s+(?:\w+\s+)?"
                   r"(?:uomini|soldati|militari|bersaglieri|paracadutisti|combattenti|alpini)",
                   re.I),
        re.compile(r"(?:\bdal\s+(?P<d0>\d{1,2})\s+al\s+)?(?P<d>\d{1,2})\s+"
                   + _months(_IT_MONTHS, r"\b") + r"(?:\s+(?P<y>\d{4}))?", re.I),
        # in luglio; alla fine di luglio, a metà agosto, all'inizio di marzo
        re.compile(r"(?:\b(?:in|a|di|nel\s+mese\s+di|a\s+metà|(?:alla|verso\s+la)\s+fine\s+di|"
                   r"agli\s+inizi\s+di)\s+|\ball['’]inizio\s+di\s+)" + _months(_IT_MONTHS, r"\b")
                   + r"(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:lo\s+stesso\s+(?:percorso|itinerario|tragitto)|la\s+stessa\s+"
                   r"(?:strada|via|rotta))", re.I),
        re.compile(r"(?:\bnav[ei]\b|sbarc|imbarc|per\s+mare|flotta|salpat|salpò)", re.I),
        re.compile(r"(?:paracadut|\baere[oi]\b|elicotter|ponte\s+aereo|aviotrasport)", re.I),
        _IT_MONTHS),
    "de": _Lexicon(
        "German",
        re.compile(r"\b(?:ab|an|aus|ein|vor|zurück|weiter|heran|hinein|durch|nach|ver|über|"
                   r"ge)?(?:marsch|rück(?:t|te|ten|en)\b|gerückt|zog(?:en)?\b|zieh(?:t|en)\b|"
                   r"verleg|entsandt|entsend|geschickt|schick(?:t|te|ten)\b|fuhr(?:en)?\b|"
                   r"flog(?:en)?\b|geflogen|landet|gelandet|übergesetzt|überquer|überschritt|"
                   r"abgezogen|abzug|verlass|verließ|eingedrungen|vorgestoß|vorstoß|besetz|"
                   r"eingenommen|nahm(?:en)?\b|erreicht(?:e|en)?\b|transportiert|verschifft|"
                   r"evakuiert|kehrt(?:e|en)?\b|angekommen|ankam|gelangt|aufgebrochen|"
                   r"aufbrech|aufbrach|(?:brach(?:en)?|bricht|brechen)\s+auf|stieß|"
                   r"drang(?:en)?\b|rollt(?:e|en)?\b)\w*", re.I),
        (("origin", re.compile(r"\b(?:von|vom|aus|ab)\s+" + _DE_FILL + "$", re.I)),
         ("destination", re.compile(r"\b(?:nach|in|ins|auf|gegen|bis|bis\s+nach|zum|zur|an|"
                                    r"erreichte\w*|erreicht)\s+" + _DE_FILL + "$", re.I)),
         ("via", re.compile(r"\b(?:über|durch|via|entlang)\s+" + _DE_FILL + "$", re.I)),
         ("position", re.compile(r"\b(?:bei|vor)\s+" + _DE_FILL + "$", re.I))),
        (),
        re.compile(r"^\s*(?:,|und|oder|,\s*und)\s*(?:(?:von|nach|aus)\s*)?$"),
        re.compile(r"\b(?:wird|werden|soll|sollen|erwartet|geplant|plant|voraussichtlich|"
                   r"dürfte\w*)\b", re.I),
        re.compile(r"\b(?:laut|zufolge|angeblich|verlautet|berichte\w*)\b", re.I),
        re.compile(r"\blaut\s+(?:dem\s+|der\s+|den\s+)?"
                   r"(?P<s>\w[\w-]*(?:\s+[\w-]+){0,2})"),
        re.compile(r"(?P<n>\d{1,3}(?:[.\s]\d{3})+|\d+)\s*(?P<k>tausend)?\s+(?:\w+\s+)?"
                   r"(?:Mann|Soldaten|Männer|Truppen|Fallschirmjäger|Kämpfer)\b", re.I),
        re.compile(r"(?:\bvom\s+(?P<d0>\d{1,2})\.\s+bis\s+(?:zum\s+)?)?(?P<d>\d{1,2})\.\s*"
                   + _months(_DE_MONTHS, r"\b") + r"(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:im|Anfang|Mitte|Ende)\s+" + _months(_DE_MONTHS, r"\b")
                   + r"(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:auf\s+demselben\s+Weg|dieselbe\s+Route|denselben\s+Weg)", re.I),
        re.compile(r"(?:Schiff\w*|auf\s+See|zur\s+See|Flotte|eingeschifft|verschifft)", re.I),
        re.compile(r"(?:Flugzeug|geflogen|\bflog|Fallschirm|Hubschrauber|Luftbrücke|"
                   r"Lufttransport)", re.I),
        _DE_MONTHS),
    "nl": _Lexicon(
        "Dutch",
        re.compile(r"\b(?:op|terug|binnen|door|weg|aan)?(?:trok(?:ken)?\b|trekt\b|"
                   r"getrokken|marcheer|rukte|rukt\b|opgerukt|landde|geland\b|gelande\b|"
                   r"sprong(?:en)?\b|vertrok|vertrekt|bereikt|stak(?:en)?\b|overgestoken|"
                   r"verplaatst|verlegd|gestuurd|stuurde|vloog|vlogen|gevlogen|opgestegen|"
                   r"teruggetrokken|evacu|verscheen|verschenen|binnengevallen|viel(?:en)?\s+"
                   r"binnen|ging(?:en)?\b|kwam(?:en)?\b|arriveer|aangekomen)\w*", re.I),
        (("origin", re.compile(r"\b(?:van|vanuit|uit|vanaf)\s+" + _NL_FILL + "$", re.I)),
         ("destination", re.compile(r"\b(?:naar|in|op|tot|richting|tot\s+aan|bereikte\w*|"
                                    r"bereikt)\s+" + _NL_FILL + "$", re.I)),
         ("via", re.compile(r"\b(?:over|door|via|langs)\s+" + _NL_FILL + "$", re.I)),
         ("position", re.compile(r"\b(?:bij|nabij|boven)\s+" + _NL_FILL + "$", re.I))),
        (),
        re.compile(r"^\s*(?:,|en|of|,\s*en)\s*(?:(?:van|naar|uit)\s*)?$"),
        re.compile(r"\b(?:zal|zullen|wordt\s+verwacht|worden\s+verwacht|gepland|verwacht|"
                   r"gaat|gaan)\b", re.I),
        re.compile(r"\b(?:volgens|naar\s+verluidt|zou|zouden|meld\w*)\b", re.I),
        re.compile(r"\bvolgens\s+(?:de\s+|het\s+)?(?P<s>\w[\w-]*(?:\s+[\w-]+){0,2})"),
        re.compile(r"(?P<n>\d{1,3}(?:[.\s]\d{3})+|\d+)\s*(?P<k>duizend)?\s+(?:\w+\s+)?"
                   r"(?:man|soldaten|militairen|troepen|parachutisten|mariniers)\b", re.I),
        re.compile(r"(?:\bvan\s+(?P<d0>\d{1,2})\s+tot\s+)?(?P<d>\d{1,2})\s+"
                   + _months(_NL_MONTHS, r"\b") + r"(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:in|begin|medio|eind)\s+" + _months(_NL_MONTHS, r"\b")
                   + r"(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:dezelfde\s+(?:route|weg)|hetzelfde\s+traject)", re.I),
        re.compile(r"(?:schip|schepen|over\s+zee|vloot|ingescheept|aan\s+land|torpedoboot)",
                   re.I),
        re.compile(r"(?:vliegtuig|vliegveld|vloog|gevlogen|parachut|luchtlanding|helikopter|"
                   r"luchtbrug)", re.I),
        _NL_MONTHS),
    "sv": _Lexicon(
        "Swedish",
        re.compile(r"\b(?:marscher|tågade|drog\b|dragit|ryckte|landsteg|landstig|skeppade|"
                   r"skeppades|fördes\b|förd\b|flög|flugit|flyttade|förflyttade|avseglade|"
                   r"seglade|gick\b|anlände|nådde|nått\b|bröt\s+upp|återvände|evakuer|"
                   r"skicka(?:s|de|des|t)?\b|sände|sänd[as]?\b|överfördes)\w*", re.I),
        (("origin", re.compile(r"\b(?:från|ur)\s+" + _SV_FILL + "$", re.I)),
         ("destination", re.compile(r"\b(?:till|mot|i|på|in\s+i|nådde|fram\s+till)\s+"
                                    + _SV_FILL + "$", re.I)),
         ("via", re.compile(r"\b(?:över|genom|via|längs)\s+" + _SV_FILL + "$", re.I)),
         ("position", re.compile(r"\b(?:vid|kring|utanför)\s+" + _SV_FILL + "$", re.I))),
        (),
        re.compile(r"^\s*(?:,|och|eller|,\s*och)\s*(?:(?:från|till)\s*)?$"),
        re.compile(r"\b(?:ska|skall|kommer\s+att|väntas|planerar|planeras)\b", re.I),
        re.compile(r"\b(?:enligt|uppges|sägs|rapporter\w*)\b", re.I),
        re.compile(r"\benligt\s+(?P<s>\w[\w-]*(?:\s+[\w-]+){0,2})"),
        re.compile(r"(?P<n>\d{1,3}(?:[.\s]\d{3})+|\d+)\s*(?P<k>tusen)?\s+(?:\w+\s+)?"
                   r"(?:man|soldater|trupper)\b", re.I),
        re.compile(r"(?:\b(?P<d0>\d{1,2})\s*[-–]\s*)?(?P<d>\d{1,2})\s+"
                   + _months(_SV_MONTHS, r"\b") + r"(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:i|i\s+början\s+av|i\s+mitten\s+av|i\s+slutet\s+av)\s+"
                   + _months(_SV_MONTHS, r"\b") + r"(?:\s+(?P<y>\d{4}))?", re.I),
        re.compile(r"\b(?:samma\s+(?:väg|rutt))", re.I),
        re.compile(r"(?:skepp|fartyg|skeppad|sjövägen|flottan|landsteg|seglade)", re.I),
        re.compile(r"(?:flyg|flög|fallskärm|helikopter|luftbro)", re.I),
        _SV_MONTHS),
    "ko": _Lexicon(
        "Korean",
        re.compile(r"(?:이동|건너|도착|흩어|배치|파병|파견|철수|상륙|진격|진군|출발|떠나|떠났|"
                   r"향하|향했|향해|들어가|들어갔|들어왔|진입|투입|수송|전개|공수|후퇴|퇴각|입항|"
                   r"출항|돌아|옮겨|항해|남하|북상|도하|넘어)"),
        (),
        (("origin", re.compile(r"^" + _KO_NEAR + r"\s*(?:에서부터|에서|으로부터|로부터|부터)")),
         ("via", re.compile(r"^" + _KO_NEAR + r"\s*(?:을|를)\s*(?:거쳐|경유)")),
         ("destination", re.compile(r"^" + _KO_NEAR + r"(?:의\s*\S*?(?:기지|지역|항|공항|"
                                    r"부대|일대|진지))?\s*(?:으로|로|까지|에)(?!서)"))),
        re.compile(r"^\s*(?:,|와|과|및)?\s*$"),
        re.compile(r"(?:할\s*것|예정|계획|전망|것으로\s*보|할\s*방침)"),
        re.compile(r"(?:에\s*따르면|것으로\s*알려|전해졌)"),
        re.compile(r"(?P<s>[\uac00-\ud7a3]+)에\s*따르면"),
        re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?P<k>만)?\s*명"),
        re.compile(r"(?:(?P<y>\d{4})년\s*)?(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일"
                   r"(?:\s*(?:부터|~|-)\s*(?:(?P<m2>\d{1,2})월\s*)?(?P<d2>\d{1,2})일)?"),
        re.compile(r"(?:(?P<y>\d{4})년\s*)?(?P<m>\d{1,2})월(?!\s*\d)"),
        re.compile(r"같은\s*(?:경로|길|항로)"),
        re.compile(r"(?:상륙함|함정|선박|해상|상륙|입항|출항|항해|함대)"),
        re.compile(r"(?:공수|항공|수송기|낙하산|전세기)")),
}

_FRENCH = frozenset(("le", "la", "les", "des", "du", "et", "est", "dans", "une", "au", "aux", "sur",
                     "par", "pour", "qui", "que", "ont", "été", "sont", "il", "ils", "leur"))
_SPANISH = frozenset(("el", "la", "los", "las", "del", "y", "en", "una", "por", "para", "que",
                      "con", "al", "fue", "fueron", "se", "su", "sus", "desde", "hacia", "de"))
_PORTUGUESE = frozenset(("o", "os", "as", "do", "da", "dos", "das", "em", "no", "na", "nos",
                         "nas", "um", "uma", "não", "ao", "pelo", "pela", "foi", "foram", "são",
                         "seu", "sua", "com", "para"))
_ITALIAN = frozenset(("il", "lo", "gli", "della", "dello", "degli", "delle", "nel", "nella",
                      "è", "di", "un", "per", "che", "sono", "dal", "dalla", "alla", "ai",
                      "ed", "ha", "hanno", "stato", "stata", "e", "da"))
_GERMAN = frozenset(("der", "die", "das", "und", "den", "dem", "des", "ist", "mit", "von",
                     "im", "auf", "nicht", "ein", "eine", "zu", "nach", "sich", "wird", "wurde",
                     "sind", "aus", "bei"))
_DUTCH = frozenset(("de", "het", "een", "van", "en", "op", "te", "dat", "die", "met", "voor",
                    "zijn", "werd", "naar", "bij", "niet", "om", "ook", "als", "door", "werden",
                    "hij", "zij", "ze"))
_SWEDISH = frozenset(("och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till",
                      "den", "har", "inte", "om", "ett", "var", "från", "hade", "sig", "han"))
# words Danish or Norwegian write and Swedish does not (og, ikke, af, fra, ...)
_DANISH_NORWEGIAN = frozenset(("og", "ikke", "af", "fra", "blev", "ble", "efter", "etter",
                               "mod", "være", "være", "hvor", "hvis", "nogle", "noen", "også"))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_NOT_RUSSIAN = re.compile(r"[іїєґўђјљњћџІЇЄҐЎЂЈЉЊЋЏ]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def language_of(text: str) -> str | None:
    """The language a report not in English is written in, if the grammar here reads it."""
    sample = text[:20_000]
    cyrillic, hangul = len(_CYRILLIC.findall(sample)), len(_HANGUL.findall(sample))
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    if cyrillic > len(words) and cyrillic >= hangul:
        # not Ukrainian, Belarusian or Serbian, whose letters Russian does not use
        return None if len(_NOT_RUSSIAN.findall(sample)) > cyrillic / 200 else "ru"
    if hangul > len(words):
        return "ko"
    if sum(w in _DANISH_NORWEGIAN for w in words) > len(words) / 40:
        return None  # Danish or Norwegian: close to Swedish, not read as it
    counts = {code: sum(w in words_of for w in words) for code, words_of in (
        ("fr", _FRENCH), ("es", _SPANISH), ("pt", _PORTUGUESE), ("it", _ITALIAN),
        ("de", _GERMAN), ("nl", _DUTCH), ("sv", _SWEDISH))}
    best = max(counts, key=lambda code: counts[code])
    return None if counts[best] < len(words) / 12 else best


def _year(month: int, day: int, given: str | None, published: date,
          told: int | None = None) -> int:
    """The year of a day: the one written, else the last one the report wrote (a history
    dated 2007 telling of November 1807), else the publication's (a day after it is last
    year's)."""
    if given:
        return int(given)
    if told is not None and told != published.year:
        return told
    year = published.year
    return year - 1 if (month, day) > (published.month, published.day) else year


def _month_number(lexicon: _Lexicon, word: str) -> int:
    if not lexicon.months:
        return int(word)
    low = word.lower()
    return next(i + 1 for i, stem in sorted(enumerate(lexicon.months), key=lambda x: -len(x[1]))
                if low.startswith(stem))


# a date after "since" (desde os acontecimentos de 15 de março): what the move comes after,
# not when it is
# (only words that say "since": "from" (dal, från) starts a span or a move; desde and depuis
# say "from" too, and are "since" only with no name between, so that "desde Madrid el 3 de
# julio" keeps the move's own date)
_SINCE_BEFORE = re.compile(r"(?i:\b(?:seit|sinds|sedan)\b)[^,;.]{0,40}$|"
                           r"(?i:\b(?:desde|depuis)\b)[^,;.A-ZÀ-ÖØ-Þ]{0,40}$")


def _own_date(pattern: re.Pattern[str], body: str) -> re.Match[str] | None:
    """The first match of a date ``pattern`` in ``body`` that no "since" stands before."""
    return next((m for m in pattern.finditer(body) if not _SINCE_BEFORE.search(
        body, max(0, m.start() - 50), m.start())), None)


def _dates(lexicon: _Lexicon, body: str, published: date, told: int | None = None
           ) -> tuple[FuzzyDate, FuzzyDate | None] | None:
    """The first date a clause gives: a day or a span of days, else a month; ``told``: the
    last year the report wrote before."""
    if (m := _own_date(lexicon.day, body)) is not None:
        g = m.groupdict()
        month = _month_number(lexicon, g["m"])
        if "d2" in g:  # Korean: the first day, then the last
            first_day, last_day = int(g["d"]), int(g["d2"]) if g["d2"] else None
            last_month = int(g["m2"]) if g.get("m2") else month
            first_month = month
        else:
            first_day = int(g["d0"]) if g["d0"] else int(g["d"])
            last_day = int(g["d"]) if g["d0"] else None
            first_month = last_month = month
        year = _year(first_month, first_day, g["y"], published, told)
        try:
            start = parse_date(date(year, first_month, first_day))
            end = None if last_day is None else parse_date(date(year, last_month, last_day))
        except ValueError:
            return None
        return start, end
    if (m := _own_date(lexicon.month, body)) is not None:
        month = _month_number(lexicon, m.group("m"))
        if not 1 <= month <= 12:
            return None
        return parse_date(f"{_year(month, 1, m.group('y'), published, told)}-{month:02d}"), None
    return None


def _strength(lexicon: _Lexicon, body: str) -> int | None:
    m = lexicon.strength.search(body)
    if m is None:
        return None
    value = int(re.sub(r"\D", "", m.group("n")))
    if m.group("k"):
        value *= 10_000 if m.group("k") == "만" else 1000
    return value if 1 < value < 10_000_000 else None


def _roles(lexicon: _Lexicon, text: str, a: int, here: list[FoundPlace]) -> list[str]:
    """The role of each place of the clause starting at ``a``."""
    roles: list[str] = []
    for i, place in enumerate(here):
        role = ""
        if lexicon.after:
            after = text[place.end: place.end + 24]
            role = next((name for name, p in lexicon.after if p.match(after)), "")
        else:
            before = text[max(a, place.start - 40): place.start]
            role = next((name for name, p in lexicon.before if p.search(before)), "")
            if role == "destination" and lexicon is LANGUAGES["ru"] and _IN_ON.search(
                    before) and _locative(text, place):
                role = "position"  # в Москве: where, not whither
        if role and not lexicon.after and _LOCATED_IN.search(before):
            role = ""  # "para Carmona, no distrito do Uíge": where the place before lies
        if role and _ARTICLE_OPENS.fullmatch(text, a, place.start):
            role = ""  # "A Argentina enviou ...": the article of the clause's subject
        if role == "origin" and not lexicon.after and _ARMY_OF.search(before):
            role = ""  # "l'armée des Pyrénées", "el Ejército de los Andes": a force's name
        if role == "origin" and lexicon is LANGUAGES["nl"] and _NL_OF.search(before):
            role = ""  # "de bruggen van Moerdijk": the bridges of the town, not from it
        if role == "destination" and not lexicon.after and _denied(lexicon, before):
            role = ""  # "San Martín no marchó sobre Lima": a move the clause denies
        if role == "destination" and not lexicon.after and _FRONTED.fullmatch(
                text, a, place.start) and (
                _COMMA_AFTER.match(text, _word_end(text, place.end))):
            role = "position"  # "No Rio, o ministério informou": where, not whither
        if not role and i and roles[i - 1] and not lexicon.after and lexicon.joiner.match(
                text[_word_end(text, here[i - 1].end): place.start]):
            role = roles[i - 1]  # из Моздока и Кизляра: one preposition for the list
        roles.append(role)
    if lexicon.after:  # a Korean list takes the particle of its last name
        for i in range(len(here) - 2, -1, -1):
            if not roles[i] and roles[i + 1] and lexicon.joiner.match(
                    text[here[i].end: here[i + 1].start]):
                roles[i] = roles[i + 1]
    return roles


# a negation of the verb before a destination, by language ("no" is Portuguese's "in the"), and
# what ends its reach (a comma, a conjunction)
_DENIALS = {
    "Spanish": re.compile(r"(?i:\b(?:no|nunca|jam[aá]s)\b(?!\s+s[oó]lo\b))"),
    "French": re.compile(r"(?i:(?:\bne\s+|\bn['’])\w+\s+(?:\w+\s+)?(?:pas|point|jamais)\b)"),
    "Portuguese": re.compile(r"(?i:\b(?:não|nunca|jamais)(?!\w)(?!\s+s[oó]\b))"),
    "Italian": re.compile(r"(?i:\b(?:non|mai)\b(?!\s+solo\b))"),
    "German": re.compile(r"(?i:\b(?:nicht|nie|niemals)\b(?!\s+nur\b))"),
    "Dutch": re.compile(r"(?i:\b(?:niet|nooit)\b(?!\s+alleen\b))"),
    "Swedish": re.compile(r"(?i:\b(?:inte|aldrig)\b(?!\s+bara\b))"),
    "Russian": re.compile(r"(?i:(?<!\w)(?:не|никогда)(?!\w)(?!\s+только))"),
}
_DENIAL_END = re.compile(r"[,;:]|(?i:\b(?:y|e|et|und|en|och|mais|pero|ma|aber|maar|men|sino|"
                         r"sondern|mas|anche|utan)\b)|(?<!\w)(?:и|но|а)(?!\w)")


def _denied(lexicon: _Lexicon, before: str) -> bool:
    """Whether a negation in ``before`` (the words before a place) reaches the place."""
    denial = _DENIALS.get(lexicon.name)
    return denial is not None and denies(denial, _DENIAL_END, before)


# who moves in a clause that names no force: a sovereign, a court or a government (in the
# languages read here), and the words for troops that make it a force's move after all
_NOT_A_FORCE = re.compile(
    r"(?i:\b(?:família\s+real|familia\s+real|famiglia\s+reale|rainha|reina|regina|reine|"
    r"koningin|königin|drottning|kungen|koning|könig|roi|rey|rei|re|governo|gobierno|"
    r"gouvernement|regierung|regering|regeringen|kabinet|presidente|président|präsident|"
    r"president)\b|королев|король|президент|правительств)")
# word sent, not men: a courier or a despatch as the clause's subject (un courrier
# extraordinaire, parti du quartier général), not one that goes with the troops
_COURIER = re.compile(r"(?i:\b(?:un|une|le|la|l['’]|el|il|der|die|ein|eine|een|de|het|o|a)\s*"
                      r"(?:\w+\s+)?(?:courrier|dépêche|correo|despacho|corriere|dispaccio|"
                      r"kurier|depesche|koerier)\b)")
_TROOPS = re.compile(
    r"(?i:tropas|troupes|truppe|troepen|trupper|soldat|soldad|militar|ex[eé]rcito|ejército|"
    r"forças|forze|fuerzas|forces|streitkr|strijdkr|paracadut|paraquedist|paracaid|"
    r"parachut|fallschirm|alpini|marin|panzer|pantser|legion|bersaglier|fuzileir|"
    r"armée|esercito|armee|leger|armén|bataill|batall|battaglion|regiment|reggiment|division|"
    r"divisão|divisione|divisie|brigad|kolonn|colonn|columna|coluna|войск|"
    r"военн|батальон|полк|дивизи|бригад|колонн|군|병력|부대)")
# an army's or a corps' name made with a place (l'armée des Pyrénées, l'Armée d'Italie, el
# Ejército de los Andes, der Armee von Böhmen): the "of" before the place is no origin
_ARMY_OF = re.compile(
    r"(?i:\b(?:arm[ée]e|ej[ée]rcito|ex[ée]rcito|esercito|armee|leger|arm[ée]n|corps|cuerpo|"
    r"corpo|korps)\s+(?:de\s+los|de\s+las|de\s+la|del|des|du|de|d['’]|di|dell['’]|della|"
    r"dos|das|do|da|von|van)\s*)$")
# Dutch "van" after a noun of a place or of an action on one: "of", not "from" (de bruggen
# van Moerdijk, de haven van Rotterdam, de slag om/van X)
_NL_OF = re.compile(r"\b(?:brug|bruggen|haven|havens|stad|vliegveld|vliegvelden|omgeving|buurt|"
                    r"kust|provincie|gemeente|regio|slag|inname|verdediging|beleg|bezetting|"
                    r"val|bevrijding|centrum|binnenstad|garnizoen)\s+van\s+\S*\s*$", re.I)
# a clause opening with an article before a place: its subject, not a preposition's object
_ARTICLE_OPENS = re.compile(r"\W*(?:A|As|O|Os|La|Las|Le|Les|El|Il|Lo|Gli|I|De|Het|Die|Der|Das)\s+")
# a place fronted by its preposition alone and set off by a comma (En Madrid, Im Norden)
_FRONTED = re.compile(r"\W*(?i:em|no|na|nos|nas|en|in|im|nel|nella|à|au|aux|a|op|i|på|"
                      r"в|во|на)\s+(?:(?i:la|el|los|las|le|les|the|o|a|de|het)\s+)?")
_COMMA_AFTER = re.compile(r"\s*,")
# the languages that write their nouns and months in lower case: there a capitalised word
# right before a year-like number, inside a sentence, names the thing it numbers (avions de
# chasse Mirage 2000), not a year
_LOWER_NOUNS = frozenset({"fr", "es", "pt", "it"})
_MODEL_BEFORE = re.compile(r"[\w,;]\s+[A-Z][\w-]*\s+$")
_YEAR = re.compile(r"(?<![\d.,\s]\d)(?<![\d.,])\b(1\d{3}|20\d\d)(?:년|\b)(?![.,]\d)")
_IN_ON = re.compile(r"(?:^|\s)(?:в|во|на)\s+$", re.I)


def _word_end(text: str, end: int) -> int:
    """The end of the word a name ends in (its case ending: Моздок|а)."""
    while end < len(text) and text[end].isalpha():
        end += 1
    return end


def _locative(text: str, place: FoundPlace) -> bool:
    """Whether the Russian word of ``place`` ends as a locative (Москве, Казани)."""
    word = text[place.start: _word_end(text, place.end)]
    return word != place.mention and word.endswith(("е", "и"))


@dataclass
class _State:
    last_end: FoundPlace | None = None
    last_at: int = -10
    first_leg: tuple[tuple[FoundPlace, ...], FoundPlace, Mode] | None = None
    day: tuple[FuzzyDate, FuzzyDate | None] | None = None
    source: str | None = None
    strength: int | None = None
    year: int | None = None  # the last year the report wrote


@dataclass(frozen=True)
class _Move:
    """What a clause says of its moves, beside their ends."""

    verb: str
    status: Status
    mode: Mode
    day: tuple[FuzzyDate, FuzzyDate | None]
    dated_here: bool
    evidence: Evidence
    # the narrative's day before the clause, when its verb tells an arrival dated here
    # ("entró en Oviedo a comienzos de julio"): a move carried on from the last place set
    # out then, and the clause's date is when it got there
    set_out: FuzzyDate | None = None


class _Legs:
    """The legs read so far, each once."""

    def __init__(self, lexicon: _Lexicon, state: _State) -> None:
        self.lexicon, self.state = lexicon, state
        self.legs: list[FoundLeg] = []
        self.seen: set[tuple[tuple[str, ...], str]] = set()

    def add(self, move: _Move, origins: tuple[FoundPlace, ...], to: FoundPlace, rule: str,
            cue: str) -> None:
        origins = tuple(o for o in origins if o.place.id != to.place.id)
        key = (tuple(o.place.id for o in origins), to.place.id + move.status.value)
        if not origins or key in self.seen:
            return
        self.seen.add(key)
        cues = (f"grammar: {self.lexicon.name}", f"verb: {move.verb}",
                "from: " + ", ".join(o.mention for o in origins), f"to ({cue}): {to.mention}",
                "date: in the sentence" if move.dated_here else "date: carried")
        strength = self.state.strength if move.status is not Status.EXPECTED else None
        self.legs.append(FoundLeg(
            "unit", origins, to, move.day[0], move.day[1], move.mode, strength, move.status,
            self.state.source, move.evidence, 0.5, rule, cues))


def foreign_legs(text: str, language: str, published: date, places: list[FoundPlace],
                 spans: list[tuple[int, int]]) -> list[FoundLeg]:
    """The legs a report in ``language`` (a key of :data:`LANGUAGES`) describes.

    ``spans`` are the report's sentences and ``places`` the places found in it, in order.
    """
    lexicon = LANGUAGES[language]
    state = _State()
    out = _Legs(lexicon, state)
    if language == "de":
        spans = _ordinals_joined(text, spans)
    cut = [(a, b) for s, e in spans for a, b in _split(text, s, e)]
    at = 0
    for number, (a, b) in enumerate(cut):
        while at < len(places) and places[at].start < a:
            at += 1
        here: list[FoundPlace] = []
        while at < len(places) and places[at].start < b:
            if not (here and text[here[-1].end: places[at].start].strip() == "("):
                here.append(places[at])
            at += 1
        body = text[a:b]
        own = _dates(lexicon, body, published, state.year)
        narrative_day = state.day
        if (own is not None and state.year is not None and state.day is not None
                and own[0].first_day.year == state.year < published.year
                and own[0].first_day.month <= 2 and state.day[0].first_day.month >= 11
                and not _YEAR.search(body)):
            # 20 December 2023, then 5 January: the narrative has gone on into the next year
            # (a narrative that goes back, from November to August, stays in its year)
            own = _dates(lexicon, body, published, state.year + 1)
        if own is not None:
            state.day = own
        years = [int(m.group(1)) for m in _YEAR.finditer(body)
                 if not lexicon.strength.match(body, m.start())
                 and not (language in _LOWER_NOUNS and _MODEL_BEFORE.search(
                     body, max(0, m.start() - 30), m.start()))]
        if years and 1000 <= years[-1] <= published.year:
            state.year = years[-1]  # a year written, dated or not (Em 1807, ...)
        if (said := lexicon.source.search(body)) is not None:
            state.source = said.group("s")
        strength = _strength(lexicon, body)
        if strength is not None:
            state.strength = strength
        verb = lexicon.motion.search(body)
        if verb is not None and (_NOT_A_FORCE.search(body) or _COURIER.search(body)) and (
                not _TROOPS.search(body)):
            verb = None  # the queen left The Hague for London, a courier left: not a force
        roles = _roles(lexicon, text, a, here)
        if verb is None:
            for place, role in zip(here, roles, strict=True):
                if role in ("destination", "position") and place.place.kind is not Kind.COUNTRY:
                    state.last_end, state.last_at = place, number
            continue
        expected = bool(lexicon.expected.search(body))
        status = (Status.EXPECTED if expected else Status.REPORTED if
                  lexicon.hearsay.search(body) or state.source else Status.CONFIRMED)
        later = parse_date(f"after {published.isoformat()}")
        move = _Move(verb.group(0), status,
                     Mode.SEA if lexicon.sea.search(body) else
                     Mode.AIR if lexicon.air.search(body) else Mode.UNKNOWN,
                     own or (later, None) if expected else own or state.day or (
                         parse_date(f"by {published.isoformat()}"), None),
                     own is not None, Evidence(body.strip(), a, b),
                     narrative_day[0] if own is not None and narrative_day is not None and (
                         not expected) and _ARRIVAL.match(verb.group(0)) and (
                         0 < (own[0].first_day - narrative_day[0].first_day).days
                         <= _MARCH_DAYS) else None)
        if not here:
            if lexicon.same_route.search(body) and state.first_leg is not None:
                origins, to, first_mode = state.first_leg
                out.add(replace(move, mode=first_mode), origins, to, "same-route",
                        "the same route")
            continue
        _clause(out, move, text, here, roles, number, a, body)
    return out.legs


def _clause(out: _Legs, move: _Move, text: str, here: list[FoundPlace], roles: list[str],
            number: int, a: int, body: str) -> None:
    """The legs of one clause with a verb of motion and places."""
    state, lexicon = out.state, out.lexicon
    origins = [p for p, r in zip(here, roles, strict=True) if r == "origin"]
    groups: list[list[FoundPlace]] = []
    for i, (place, role) in enumerate(zip(here, roles, strict=True)):
        if role != "destination" or (place.place.kind is Kind.REGION):
            continue
        if groups and i and here[i - 1] is groups[-1][-1] and lexicon.joiner.match(
                text[_word_end(text, here[i - 1].end): place.start]):
            groups[-1].append(place)
        else:
            groups.append([place])
    if not groups:
        if origins:
            state.last_end, state.last_at = origins[-1], number
        return
    start: tuple[FoundPlace, ...] = tuple(origins)
    rule = "from-to"
    if not start:
        positions = [p for p, r in zip(here, roles, strict=True) if r == "position"]
        starts = {p.start for p in here}
        if positions:
            start, rule = (positions[-1],), "position-origin"
        elif state.last_end is not None and number - state.last_at <= 3 and all(
                a + m.start(1) in starts for m in _UNREAD_ORIGIN.finditer(body)):
            # where the last move ended, unless the clause says where from by a name not
            # found (из Хайратона)
            start, rule = (state.last_end,), "carried-origin"
            if move.set_out is not None:
                move = replace(move, day=(move.set_out, move.day[0]))
    expected = move.status is Status.EXPECTED
    # "com destino a Luanda ... para Angola": the country the last stage lies in is not a
    # stage after it, nor where the next clause sets out from
    groups = [group for g, group in enumerate(groups) if not g or not all(
        p.place.kind is Kind.COUNTRY and groups[g - 1][-1].place.country == p.place.country
        for p in group)]
    for g, group in enumerate(groups):
        for place in group:
            out.add(move, start, place, rule if not g else "chain", "stage" if g else "to")
        if start and state.first_leg is None and not expected:
            state.first_leg = (start, group[0], move.mode)
        start, rule = (group[-1],), "chain"
    if not expected:
        state.last_end, state.last_at = groups[-1][-1], number


# a place's district or province after it, set off by a comma: where it lies, neither a start
# nor a destination ("Carmona, no distrito do Uíge", "Tulle, dans le département de la
# Corrèze", "Jaca, en la provincia de Huesca")
_LOCATED_IN = re.compile(
    r",\s*(?:(?:no|na|nos|nas|em|en|el|la|dans|le|au|in|nel|nella|im|der)\s+){0,3}"
    r"(?:distrito|província|provincia|concelho|região|región|regione|département|departamento|"
    r"municipio|município|comarca|distretto|bezirk|kreis|provinz|district|province|region)"
    r"\s+(?:d[eoa]s?|de\s+la|de\s+l['’]|del|du|des|di|della|dello|von|der)\s+(?:\w+\s+)?$",
    re.I)


_MARCH_DAYS = 60  # an arrival dated this long after the narrative's day set out on it


# verbs that tell an arrival, by language (entró, llegó, arrivé, chegou, giunse, erreichte,
# прибыл, вошли)
_ARRIVAL = re.compile(r"(?i)(?:entr[óoaáeéèô]|lleg|arriv|cheg|giun|erreich|eintra|ankam|"
                      r"einmarsch|прибы|вош|достиг)")


# a semicolon, or a contrast that opens a clause about another force (а гарнизоны ...)
# an origin named by a capitalised word (a place not found, when no place starts there)
_UNREAD_ORIGIN = re.compile(r"(?:^|\s)(?:из|от|de|desde|depuis)\s+"
                            r"(?:la\s+|el\s+|le\s+)?([А-ЯЁA-ZÁÉ]\w+)")
_CLAUSE = re.compile(r";\s+|,\s+(?:а|тогда\s+как|tandis\s+que|alors\s+que|mientras\s+que|"
                     r"mientras|enquanto|mentre|während)\s+")


_ORDINAL_END = re.compile(r"\b\d{1,2}\.\s*$")


def _ordinals_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """German sentences split after an ordinal's dot joined again (Am 5. | März 1935 ...)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _ORDINAL_END.search(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _split(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The clauses of a sentence: split at semicolons and contrasts."""
    out, at = [], a
    for m in _CLAUSE.finditer(text, a, b):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, b))
    return [(x, y) for x, y in out if text[x:y].strip()]
