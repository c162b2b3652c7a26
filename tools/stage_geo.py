"""Copy the Natural Earth layers the gazetteer needs from ``../shared/geo`` into ``geo/``.

Run from the repository root: ``python tools/stage_geo.py [SHARED_GEO_DIR]``.
The output is deterministic; ``geo/README.md`` documents what this script changes.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np

ADMIN1_COLUMNS = [
    "iso_3166_2", "adm1_code", "iso_a2", "admin", "name", "name_en", "name_local", "name_alt",
    "name_ru", "name_uk", "name_ko", "name_zh", "name_ja", "type", "type_en",
    "latitude", "longitude",
]
COUNTRY_COLUMNS = [
    "iso_a2_eh", "iso_a3_eh", "adm0_a3", "name", "name_long", "formal_en", "admin", "name_en",
    "name_ru", "name_uk", "name_ko", "name_zh", "name_ja", "type", "label_x", "label_y",
]

# NE's attribute table gives Sakha (RU-SA) the local and alternate names of Chukotka
# (RU-CHU), so "Chukotka" would resolve to Yakutia. Replace them with Sakha's own.
ADMIN1_FIXES: dict[str, dict[str, str]] = {
    "RU-SA": {
        "name_local": "Республика Саха (Якутия)",
        "name_alt": "Yakutia|Yakutiya|Respublika Sakha|Sakha Republic",
    },
}


# Regions people name that are unions of admin-1 units. The Far Eastern Federal District has had
# these eleven subjects since Buryatia and Zabaykalsky Krai joined it in November 2018; its
# administrative centre, Vladivostok, stands for it as its point.
MACRO_REGIONS = [
    {
        "id": "region:russian-far-east",
        "name": "Russian Far East",
        "name_alt": "Far Eastern Federal District|Russia's Far East|"
                    "Far Eastern District|Дальний Восток|Дальневосточный федеральный округ|"
                    "ДФО|Далекий Схід|Далекосхідний федеральний округ|러시아 극동|극동 연방관구",
        "iso_a2": "RU",
        "members": ["RU-AMU", "RU-BU", "RU-YEV", "RU-KAM", "RU-KHA", "RU-MAG", "RU-PRI",
                    "RU-SA", "RU-SAK", "RU-ZAB", "RU-CHU"],
        "latitude": 43.1056,
        "longitude": 131.8735,
    },
]


# Continents and named groups people write about, as unions of Natural Earth countries
# (``adm0_a3``), admin-1 regions (``iso_3166_2``, with a dash) or countries' NE ``continent`` /
# ``subregion`` (``continent:Africa``); seas as a box minus land (an approximation: Natural
# Earth's marine areas are not staged). Each: id, name, other names, kind, members.
SUBREGION_NAMES = {
    "Western Africa": "West Africa", "Eastern Africa": "East Africa",
    "Northern Africa": "North Africa", "Middle Africa": "Central Africa",
    "South-Eastern Asia": "Southeast Asia|South East Asia|South-East Asia",
    "Southern Asia": "South Asia|Indian subcontinent|the subcontinent",
    "Eastern Asia": "East Asia", "Western Asia": "West Asia",
}
GROUPS = [
    ("middle-east", "Middle East", "Mideast|Near East|Ближний Восток", "SAU ARE QAT BHR KWT "
     "OMN YEM IRQ IRN SYR LBN JOR ISR PSX TUR EGY CYP"),
    ("balkans", "Balkans", "Balkan Peninsula|Western Balkans|Балканы",
     "ALB BIH BGR HRV KOS MNE MKD SRB SVN GRC ROU"),
    ("caucasus", "Caucasus", "Caucasus region|Kavkaz|Кавказ|Transcaucasia|South Caucasus|"
     "North Caucasus", "GEO ARM AZE RU-DA RU-CE RU-IN RU-KB RU-KC RU-SE RU-AD RU-KDA RU-STA"),
    ("baltic-states", "Baltic states", "Baltics|Baltic countries|Прибалтика", "EST LVA LTU"),
    ("scandinavia", "Scandinavia", "Scandinavian countries", "NOR SWE DNK"),
    ("nordic-countries", "Nordic countries", "Nordics", "NOR SWE DNK FIN ISL"),
    ("levant", "Levant", "the Levant", "SYR LBN ISR PSX JOR"),
    ("maghreb", "Maghreb", "the Maghreb", "MAR DZA TUN LBY MRT SAH"),
    ("sahel", "Sahel", "the Sahel", "MRT MLI BFA NER TCD SDN"),
    ("horn-of-africa", "Horn of Africa", "", "ETH ERI DJI SOM SOL"),
    ("gulf-states", "Gulf states", "Gulf States|Gulf monarchies|GCC", "SAU ARE QAT BHR KWT OMN"),
    ("indochina", "Indochina", "Indochinese Peninsula", "VNM LAO KHM THA MMR"),
    ("korean-peninsula", "Korean Peninsula", "Korea|Корейский полуостров|한반도", "PRK KOR"),
    # Malaya of the colonial era and the Emergency: Malaysia's states on the peninsula
    ("peninsular-malaysia", "Peninsular Malaysia", "Malaya|West Malaysia|British Malaya|"
     "Semenanjung Malaysia", "MY-01 MY-02 MY-03 MY-04 MY-05 MY-06 MY-07 MY-08 MY-09 MY-10 "
     "MY-11 MY-14 MY-16"),
    ("british-isles", "British Isles", "", "GBR IRL IMN"),
    ("iberia", "Iberian Peninsula", "Iberia", "ESP PRT"),
    ("latin-america", "Latin America", "", "continent:South America subregion:Central America "
     "CUB DOM HTI PRI"),
    ("donbas", "Donbas", "Donbass|Donets Basin|Донбасс|Донбас", "UA-14 UA-09"),
    # Regions that span borders: the area they are usually taken to cover, so that the bare
    # name is that area (or, beside places of one country, that country's part), never a town.
    ("kashmir", "Kashmir", "Kashmir region|Кашмир", "IN-JK PK-JK PK-GB"),
    ("punjab", "Punjab", "Punjab region|Пенджаб", "IN-PB PK-PB"),
    ("kurdistan", "Kurdistan", "Kurdish region|Курдистан", "IQ-AR IQ-SU IQ-DA IR-16 IR-17 "
     "TR-30 TR-73 TR-65 TR-47 TR-21 TR-72 TR-56 TR-13 TR-49 TR-12 TR-62 TR-04 SY-HA"),
    ("balochistan", "Balochistan", "Baluchistan|Белуджистан", "PK-BA IR-13 AF-NIM"),
    ("thrace", "Thrace", "Thraki|Trakya|Тракия|Θράκη|Thracia", "GR-A TR-22 TR-39 TR-59 BG-26 "
     "BG-09 BG-16 BG-24 BG-28 BG-02 BG-20"),
    ("galicia-central-europe", "Galicia", "Halychyna|Galicja|Галичина|Галиция",
     "PL-MA PL-PK UA-46 UA-26 UA-61"),
    ("bengal", "Bengal", "Bengal region", "IN-WB BGD"),
    ("tyrol", "Tyrol", "Tirol", "AT-7 IT-TN IT-BZ"),
    ("siberia", "Siberia", "Сибирь|Сибір", "ru:Siberian ru:Far_Eastern RU-TYU RU-KHM RU-YAN"),
    ("european-union", "European Union", "EU|the EU|Евросоюз|Європейський Союз",
     "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL "
     "PRT ROU SVK SVN ESP SWE"),
    ("sub-saharan-africa", "Sub-Saharan Africa", "Subsaharan Africa|Black Africa",
     "continent:Africa !subregion:Northern_Africa SDN"),
    ("americas", "Americas", "the Americas", "continent:North_America "
     "continent:South_America"),
    ("eurasia", "Eurasia", "", "continent:Europe continent:Asia"),
    ("mena", "Middle East and North Africa", "MENA|Middle East & North Africa",
     "SAU ARE QAT BHR KWT OMN YEM IRQ IRN SYR LBN JOR ISR PSX TUR EGY CYP LBY TUN DZA MAR"),
    ("arabian-peninsula", "Arabian Peninsula", "Arabia", "SAU YEM OMN ARE QAT BHR KWT"),
    ("mesopotamia", "Mesopotamia", "", "IRQ SY-HA SY-DY SY-RA"),
    ("anatolia", "Anatolia", "Asia Minor", "TUR"),
    ("sinai", "Sinai Peninsula", "Sinai|the Sinai", "EG-SIN EG-JS"),
    ("sahara", "Sahara", "the Sahara|Sahara Desert", "SAH MRT MLI NER TCD DZA LBY EGY SDN"),
    ("patagonia", "Patagonia", "", "AR-Q AR-R AR-U AR-Z AR-V CL-AI CL-MA"),
    ("benelux", "Benelux", "Low Countries", "BEL NLD LUX"),
    ("kivu", "Kivu", "the Kivus", "CD-NK CD-SK"),
    ("new-england", "New England", "", "US-ME US-NH US-VT US-MA US-RI US-CT"),
    ("pacific-northwest", "Pacific Northwest", "", "US-WA US-OR US-ID"),
    ("midlands", "Midlands", "the Midlands|English Midlands", "gb:West_Midlands "
     "gb:East_Midlands"),
    ("east-anglia", "East Anglia", "", "GB-NFK GB-SFK GB-CAM"),
    ("west-country", "West Country", "the West Country", "gb:South_West"),
    ("canadian-prairies", "Canadian Prairies", "the Prairies|Prairie provinces",
     "CA-AB CA-SK CA-MB"),
    ("atlantic-canada", "Atlantic Canada", "the Maritimes|Maritimes|Maritime provinces",
     "CA-NB CA-NS CA-PE CA-NL"),
    # Land areas no admin unit outlines: a box, like the seas.
    # "The Far East" of English news is East and Southeast Asia with Russia's Far East (the
    # Russian Far East keeps its own names); the Indo-Pacific and Asia-Pacific as their lands.
    ("far-east", "Far East", "the Far East", "subregion:Eastern_Asia "
     "subregion:South-Eastern_Asia ru:Far_Eastern"),
    ("indo-pacific", "Indo-Pacific", "Indo Pacific|the Indo-Pacific", "subregion:Southern_Asia "
     "subregion:South-Eastern_Asia subregion:Eastern_Asia continent:Oceania"),
    ("asia-pacific", "Asia-Pacific", "Asia Pacific|APAC|the Asia-Pacific",
     "subregion:South-Eastern_Asia subregion:Eastern_Asia continent:Oceania"),
    ("korean-dmz", "Korean Demilitarized Zone", "DMZ|the DMZ|Demilitarized Zone|비무장지대",
     "box:126.1,37.7,128.4,38.65"),
]
# NE's admin-1 ``region`` column groups units into what some countries call their first level
# (Spain's autonomous communities, Italy's regions, France's regions, Iraq's Kurdistan Region)
# or into named parts (Russia's federal districts, Belgium's Flanders and Wallonia, Japan's
# Kanto or Kyushu, Sudan's Darfur). Each listed value becomes an area of its units, named in
# English (English Wikipedia article titles) with NE's own spelling kept as another name.
# Values that are bare directions ("Central", "Eastern") are left to the direction rule.
REGION_GROUPS = {  # country: {NE value: (English name, other names, kind)}
    "ES": {
        "Andalucía": ("Andalusia", "Andalucia", "region"),
        "Aragón": ("Aragon", "", "region"),
        "Castilla-La Mancha": ("Castilla-La Mancha", "Castile-La Mancha", "region"),
        "Castilla y León": ("Castile and León", "Castilla y Leon|Castile and Leon", "region"),
        "País Vasco": ("Basque Country", "Euskadi|Pais Vasco", "region"),
        "Canary Is.": ("Canary Islands", "Canaries|Islas Canarias", "region"),
        "Cataluña": ("Catalonia", "Catalunya|Cataluna", "region"),
        "Galicia": ("Galicia", "Galiza", "region"),
        "Extremadura": ("Extremadura", "", "region"),
        "Valenciana": ("Valencian Community", "Comunidad Valenciana|Valencia region",
                       "region"),
    },
    "IT": {
        "Sicily": ("Sicily", "Sicilia", "region"),
        "Piemonte": ("Piedmont", "Piemonte", "region"),
        "Emilia-Romagna": ("Emilia-Romagna", "", "region"),
        "Friuli-Venezia Giulia": ("Friuli-Venezia Giulia", "Friuli", "region"),
        "Marche": ("Marche", "the Marches", "region"),
        "Lombardia": ("Lombardy", "Lombardia", "region"),
        "Toscana": ("Tuscany", "Toscana", "region"),
        "Umbria": ("Umbria", "", "region"),
        "Veneto": ("Veneto", "", "region"),
        "Campania": ("Campania", "", "region"),
        "Lazio": ("Lazio", "Latium", "region"),
        "Sardegna": ("Sardinia", "Sardegna", "region"),
        "Trentino-Alto Adige": ("Trentino-Alto Adige", "Trentino-South Tyrol|South Tyrol",
                                "region"),
        "Liguria": ("Liguria", "", "region"),
        "Abruzzo": ("Abruzzo", "", "region"),
        "Molise": ("Molise", "", "region"),
        "Apulia": ("Apulia", "Puglia", "region"),
        "Basilicata": ("Basilicata", "", "region"),
        "Calabria": ("Calabria", "", "region"),
    },
    "FR": {
        "Occitanie": ("Occitania", "Occitanie", "region"),
        "Provence-Alpes-Côte-d'Azur": ("Provence-Alpes-Côte d'Azur", "PACA|Provence",
                                       "region"),
        "Auvergne-Rhône-Alpes": ("Auvergne-Rhône-Alpes", "", "region"),
        "Bretagne": ("Brittany", "Bretagne", "region"),
        "Pays de la Loire": ("Pays de la Loire", "", "region"),
        "Grand Est": ("Grand Est", "", "region"),
        "Nouvelle-Aquitaine": ("Nouvelle-Aquitaine", "", "region"),
        "Normandie": ("Normandy", "Normandie", "region"),
        "Hauts-de-France": ("Hauts-de-France", "", "region"),
        "Bourgogne-Franche-Comté": ("Bourgogne-Franche-Comté", "Burgundy-Franche-Comté",
                                    "region"),
        "Centre-Val de Loire": ("Centre-Val de Loire", "", "region"),
        "Île-de-France": ("Île-de-France", "Paris region", "region"),
        "Corse": ("Corsica", "Corse", "region"),
    },
    "BE": {"Flemish": ("Flanders", "Flemish Region|Vlaanderen", "region"),
           "Walloon": ("Wallonia", "Walloon Region|Wallonie", "region")},
    "BA": {"Repuplika Srpska": ("Republika Srpska", "Republic of Srpska|Република Српска",
                                "region"),
           "Federacija Bosna i Hercegovina": ("Federation of Bosnia and Herzegovina",
                                              "Bosniak-Croat Federation", "region")},
    "IQ": {"Kurdistan": ("Kurdistan Region", "Iraqi Kurdistan|KRG|Kurdistan Region of Iraq",
                         "region")},
    "SD": {"Darfur": ("Darfur", "Дарфур", "region"), "Kordofan": ("Kordofan", "", "region")},
    "SS": {"Equatoria": ("Equatoria", "", "region"),
           "Bahr al Ghazal": ("Bahr el Ghazal", "Bahr al Ghazal", "region"),
           "Upper Nile": ("Greater Upper Nile", "", "region")},
    "RU": {"Siberian": ("Siberian Federal District", "", "macro-region"),
           "Urals": ("Ural Federal District", "Urals|the Urals|Урал", "macro-region"),
           "Volga": ("Volga Federal District", "Volga region|Поволжье", "macro-region"),
           "Northwestern": ("Northwestern Federal District", "", "macro-region"),
           "Central": ("Central Federal District", "", "macro-region")},
    "US": {"Midwest": ("Midwest", "Midwestern United States|American Midwest",
                       "macro-region")},
    "JP": {"Kyushu": ("Kyushu", "Kyūshū", "region"), "Kanto": ("Kanto", "Kantō", "region"),
           "Tohoku": ("Tohoku", "Tōhoku", "region"), "Kinki": ("Kansai", "Kinki", "region"),
           "Chubu": ("Chubu", "Chūbu", "region"), "Chugoku": ("Chugoku", "Chūgoku", "region"),
           "Shikoku": ("Shikoku", "", "region")},
    "NZ": {"North Island": ("North Island", "Te Ika-a-Māui", "region"),
           "South Island": ("South Island", "Te Waipounamu", "region")},
    "HK": {"The New Territories": ("New Territories", "", "region"),
           "Kowloon": ("Kowloon", "", "region")},
    "AZ": {"Yukhari Garabakh Economic Region": ("Karabakh", "Nagorno-Karabakh|Artsakh|"
                                                "Нагорный Карабах", "region")},
    "CN": {"Northeast China": ("Northeast China", "Manchuria", "macro-region")},
    "GB": {"North West": ("North West England", "the North West|Northwest England", "region"),
           "North East": ("North East England", "the North East|Northeast England", "region"),
           "East Midlands": ("East Midlands", "", "region"),
           "South East": ("South East England", "the South East|Southeast England", "region"),
           "South West": ("South West England", "the South West|Southwest England", "region"),
           "Yorkshire and the Humber": ("Yorkshire and the Humber", "Yorkshire", "region"),
           "East": ("East of England", "", "region"),
           "Highlands and Islands": ("Highlands and Islands", "the Highlands|Highlands|"
                                     "Scottish Highlands", "region")},
    "IN": {"Northeast": ("Northeast India", "North East India|North-East India",
                         "macro-region")},
    "CA": {"Western Canada": ("Western Canada", "", "macro-region"),
           "Northern Canada": ("Northern Canada", "", "macro-region"),
           "Eastern Canada": ("Eastern Canada", "", "macro-region")},
}
GB_PARTS = {  # parts of the United Kingdom by NE's NUTS ``region`` of GB admin-1 units
    "Scotland": {"Highlands and Islands", "North Eastern", "South Western", "Eastern"},
    "Wales": {"East Wales", "West Wales and the Valleys"},
    "Northern Ireland": {"Northern Ireland"},
}
# Sea areas and oceans as boxes minus land (Natural Earth's marine areas are not staged): a
# box holds the open water news means by the name, not its exact limits (IHO's "Limits of
# Oceans and Seas" draw those); a name may take several boxes (oceans across 180 degrees).
SEAS = [  # name, other names, box (west, south, east, north)
    ("Black Sea", "Чёрное море|Чорне море", (27.2, 40.8, 41.9, 46.7)),
    ("Sea of Azov", "Azov Sea|Азовское море|Азовське море", (34.7, 45.2, 39.4, 47.3)),
    ("Baltic Sea", "the Baltic|Балтийское море", (9.5, 53.5, 30.5, 66.0)),
    ("Eastern Mediterranean", "East Mediterranean|Levantine Sea", (26.0, 30.5, 36.5, 37.5)),
    ("Mediterranean Sea", "Mediterranean|the Med", (-6.0, 30.0, 36.5, 46.0)),
    ("Red Sea", "", (32.0, 12.5, 43.6, 30.0)),
    ("Persian Gulf", "Arabian Gulf|The Gulf", (47.5, 23.5, 57.0, 30.5)),
    ("Sea of Japan", "East Sea|Японское море|동해", (127.0, 33.5, 142.0, 52.0)),
    ("Yellow Sea", "West Sea|서해|黄海", (117.5, 33.0, 127.0, 41.0)),
    ("South China Sea", "", (99.0, 0.0, 121.0, 23.0)),
    ("Taiwan Strait", "Formosa Strait", (117.5, 22.5, 121.0, 26.0)),
    ("Gulf of Aden", "", (43.0, 10.5, 51.5, 15.0)),
    ("Strait of Hormuz", "Hormuz", (55.5, 25.5, 57.5, 27.2)),
    ("English Channel", "the Channel|La Manche", (-5.7, 48.5, 1.8, 51.2)),
    ("North Sea", "", (-4.0, 51.0, 9.0, 61.0)),
    ("Caspian Sea", "Каспийское море", (46.5, 36.5, 55.0, 47.5)),
    ("Arabian Sea", "", (51.0, 5.0, 76.0, 24.0)),
    ("Bay of Bengal", "", (79.0, 6.0, 94.0, 22.5)),
    ("Gulf of Oman", "Sea of Oman", (56.5, 22.5, 61.5, 26.0)),
    ("Bab-el-Mandeb", "Bab el-Mandeb|Bab al-Mandab", (42.8, 12.2, 43.8, 13.2)),
    ("Gulf of Mexico", "", (-97.8, 18.2, -80.5, 30.5)),
    ("Caribbean Sea", "the Caribbean Sea", (-87.0, 9.0, -60.0, 21.5)),
    ("Gulf of Guinea", "", (-5.0, -3.0, 10.0, 6.0)),
    ("Aegean Sea", "the Aegean|Aegean", (22.5, 35.2, 28.3, 41.0)),
    ("Adriatic Sea", "the Adriatic|Adriatic", (12.2, 39.8, 19.9, 45.8)),
    ("Ionian Sea", "", (15.5, 36.0, 21.5, 40.5)),
    ("Barents Sea", "Баренцево море", (16.0, 68.5, 60.0, 80.0)),
    ("White Sea", "Белое море", (32.0, 63.8, 44.5, 68.5)),
    ("Sea of Okhotsk", "Охотское море", (135.0, 44.0, 162.0, 62.0)),
    ("Gulf of Finland", "Финский залив", (22.5, 59.2, 30.3, 60.8)),
    ("Kerch Strait", "Керченский пролив|Керченська протока", (36.3, 44.95, 36.8, 45.5)),
    ("East China Sea", "", (119.5, 24.5, 130.5, 33.0)),
    ("Philippine Sea", "", (123.0, 5.0, 145.0, 34.0)),
    ("Strait of Malacca", "Malacca Strait", (95.0, 1.0, 103.5, 6.5)),
    ("Mozambique Channel", "", (34.5, -25.5, 44.5, -11.0)),
    ("Bering Sea", "", (162.0, 51.5, 180.0, 66.0), (-180.0, 51.5, -157.0, 66.0)),
    ("Arctic Ocean", "the Arctic|Arctic|Северный Ледовитый океан", (-180.0, 72.0, 180.0, 90.0)),
    ("Southern Ocean", "Antarctic Ocean", (-180.0, -72.0, 180.0, -60.0)),
    ("Indian Ocean", "Индийский океан", (45.0, -55.0, 110.0, 10.0)),
    ("Atlantic Ocean", "the Atlantic|Atlantic|Атлантический океан",
     (-75.0, -55.0, 15.0, 0.0), (-75.0, 0.0, -10.0, 60.0)),
    ("North Atlantic", "North Atlantic Ocean", (-75.0, 0.0, -10.0, 60.0)),
    ("South Atlantic", "South Atlantic Ocean", (-65.0, -55.0, 15.0, 0.0)),
    ("Pacific Ocean", "the Pacific|Pacific|Тихий океан",
     (130.0, -55.0, 180.0, 55.0), (-180.0, -55.0, -80.0, 55.0)),
    ("North Pacific", "North Pacific Ocean", (130.0, 0.0, 180.0, 55.0),
     (-180.0, 0.0, -110.0, 55.0)),
    ("South Pacific", "South Pacific Ocean", (150.0, -55.0, 180.0, 0.0),
     (-180.0, -55.0, -80.0, 0.0)),
]


def macro_regions(countries: list[dict], admin1: list[dict]) -> list[dict]:
    """Continents, subregions, named groups, parts of the UK and seas, as features."""
    import shapely
    from shapely.geometry import box, mapping, shape

    by_a3 = {f["properties"]["adm0_a3"]: f for f in countries}
    by_a1 = {f["properties"]["iso_3166_2"]: f for f in admin1}

    def members(spec: str, labels: list[tuple[float, float, float]] | None = None) -> list[object]:
        """The outlines a spec names; each member's label point is appended to ``labels``."""
        out = []
        labels = [] if labels is None else labels
        # ``!field:value`` leaves out the countries of a continent's subregion.
        left_out = {tuple(t[1:].split(":")) for t in spec.split() if t.startswith("!")}
        for token in spec.replace("continent:South America", "continent:South_America")\
                .replace("subregion:Central America", "subregion:Central_America").split():
            if token.startswith("!"):
                continue
            if token.startswith("box:"):
                out.append(box(*(float(v) for v in token[4:].split(","))))
                labels.append((math.nan, math.nan, 0.0))  # a box has no label: none for the group
                continue
            if token[:3] in ("ru:", "gb:"):  # NE admin-1 ``region`` of a country
                value, country = token[3:].replace("_", " "), token[:2].upper()
                feats = [f for f in admin1 if f["properties"]["iso_a2"] == country
                         and f["properties"]["region"] == value]
            elif ":" in token:
                field, value = token.split(":")
                feats = [f for f in countries
                         if f["properties"][field] == value.replace("_", " ")
                         and not any(f["properties"][k] == v.replace("_", " ")
                                     for k, v in left_out)]
            elif "-" in token:
                feats = [by_a1[token]]
            else:
                feats = [by_a3[token]]
            out += [shape(f["geometry"]) for f in feats]
            labels += [_label_of(f) for f in feats]
        return out

    def feature(id_: str, name: str, alt: str, kind: str, geoms: list[object],
                country: str | None = None,
                labels: list[tuple[float, float, float]] | None = None) -> dict:
        union = shapely.simplify(shapely.union_all(geoms), 0.02, preserve_topology=True)
        union = shapely.set_precision(union, 1e-3)
        props = {"id": id_, "name": name, "name_alt": alt, "iso_a2": country, "kind": kind}
        point = group_label(union, labels or [])
        if point is not None:
            props["latitude"], props["longitude"] = point
        return {"type": "Feature", "properties": props, "geometry": mapping(union)}

    out = []
    for continent in sorted({f["properties"]["continent"] for f in countries}):
        if continent.startswith("Seven seas"):
            continue
        feats = [f for f in countries if f["properties"]["continent"] == continent]
        out.append(feature(f"continent:{continent.lower().replace(' ', '-')}", continent, "",
                           "continent", [shape(f["geometry"]) for f in feats],
                           labels=[_label_of(f) for f in feats]))
    for sub in sorted({f["properties"]["subregion"] for f in countries}):
        if sub.startswith("Seven seas") or sub in {"Antarctica", "South America"}:
            continue
        feats = [f for f in countries if f["properties"]["subregion"] == sub]
        out.append(feature(f"region:{sub.lower().replace(' ', '-')}", sub,
                           SUBREGION_NAMES.get(sub, ""), "macro-region",
                           [shape(f["geometry"]) for f in feats],
                           labels=[_label_of(f) for f in feats]))
    for id_, name, alt, spec in GROUPS:
        # A group of one country's admin-1 units (Donbas, New England) is in that country.
        tokens = spec.split()
        within = {t[:2] for t in tokens if "-" in t} | {t[:2].upper() for t in tokens
                                                       if t[:3] in ("ru:", "gb:")}
        whole = [t for t in tokens if "-" not in t and t[:3] not in ("ru:", "gb:")]
        country = next(iter(within)) if len(within) == 1 and not whole else None
        labels: list[tuple[float, float, float]] = []
        geoms = members(spec, labels)
        out.append(feature(f"region:{id_}", name, alt, "macro-region", geoms, country, labels))
    gb = [f for f in admin1 if f["properties"]["iso_a2"] == "GB"]
    taken = set().union(*GB_PARTS.values())
    parts = {**{k: [f for f in gb if f["properties"]["region"] in v]
                for k, v in GB_PARTS.items()},
             "England": [f for f in gb if f["properties"]["region"] not in taken]}
    for name, feats in sorted(parts.items()):
        out.append(feature(f"region:{name.lower().replace(' ', '-')}", name, "", "region",
                           [shape(f["geometry"]) for f in feats], "GB"))
    for country, groups in REGION_GROUPS.items():
        for value, (name, alt, kind) in groups.items():
            units = [shape(f["geometry"]) for f in admin1 if f["properties"]["iso_a2"] == country
                     and f["properties"]["region"] == value]
            assert units, (country, value)
            names = "|".join(n for n in (alt, value if value != name else "") if n)
            slug = name.lower().replace(" ", "-").replace("'", "")
            out.append(feature(f"region:{country.lower()}-{slug}", name, names, kind, units,
                               country))
    land = shapely.union_all([shape(f["geometry"]) for f in countries])
    for name, alt, *boxes in SEAS:
        water = shapely.difference(shapely.union_all([box(*b) for b in boxes]), land)
        out.append(feature(f"sea:{name.lower().replace(' ', '-')}", name, alt, "macro-region",
                           [water]))
    return out


def _label_of(feat: dict) -> tuple[float, float, float]:
    """A country's or admin-1 unit's own label point and its weight in a group, as (lat, lon,
    weight); NaN where it has none. The weight is the square root of its area: its linear size,
    so that neither a score of islands nor one giant decides alone where a group is drawn."""
    from shapely.geometry import shape

    props = feat["properties"]
    lon = props.get("label_x", props.get("longitude"))
    lat = props.get("label_y", props.get("latitude"))
    if lon is None or lat is None:
        return (math.nan, math.nan, 0.0)
    area = shape(feat["geometry"]).area * math.cos(math.radians(float(lat)))
    return (float(lat), float(lon), math.sqrt(max(area, 0.0)))


def group_label(area: object,
                labels: list[tuple[float, float, float]]) -> tuple[float, float] | None:
    """Where a group of countries or units is drawn: the weighted spherical mean of its
    members' label points, or, where that mean falls outside the group (at sea, say), the
    label of the member nearest it for its weight (its distance over its weight least).
    ``None`` when a member has no label (a box), which leaves the choice to the loader (a
    point inside the outline).

    A point anywhere inside the union will not do: Europe's union holds all of Russia, so
    its representative point was in Siberia. The members' own labels stand for where each
    of them is, so their mean sits where the group is.
    """
    import shapely

    if not labels or any(math.isnan(lat) for lat, _, _ in labels):
        return None
    table = np.array(labels, dtype=float)
    lat, lon = np.radians(table[:, 0]), np.radians(table[:, 1])
    xyz = np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))
    weights = table[:, 2] if table[:, 2].sum() > 0 else np.ones(len(table))
    mean = (xyz * weights[:, None]).sum(axis=0)
    if np.linalg.norm(mean) < 1e-9:
        return None
    mean /= np.linalg.norm(mean)
    point = (float(np.degrees(np.arcsin(mean[2]))),
             float(np.degrees(np.arctan2(mean[1], mean[0]))))
    if not shapely.covers(area, shapely.Point(point[1], point[0])):
        # the member nearest the mean for its size: Italy for Southern Europe, not the Vatican
        angle = np.arccos(np.clip(xyz @ mean, -1.0, 1.0))
        point = tuple(table[int(np.argmin(angle / np.maximum(weights, 1e-12))), :2])
    return (round(point[0], 4), round(point[1], 4))


def _features(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return json.load(f)["features"]


def _write(path: Path, name: str, features: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f'{{"type":"FeatureCollection","name":{json.dumps(name)},"features":[\n')
        for i, feat in enumerate(features):
            sep = ",\n" if i < len(features) - 1 else "\n"
            f.write(json.dumps(feat, ensure_ascii=False, separators=(",", ":")) + sep)
        f.write("]}\n")
    tmp.replace(path)


def stage(shared: Path, out: Path) -> None:
    admin1 = []
    for feat in _features(shared / "ne_10m_admin1_states_provinces.geojson"):
        props = {k: feat["properties"].get(k) for k in ADMIN1_COLUMNS}
        props.update(ADMIN1_FIXES.get(props["iso_3166_2"] or "", {}))
        admin1.append({"type": "Feature", "properties": props, "geometry": feat["geometry"]})
    _write(out / "admin1.geojson", "admin1", admin1)

    import shapely
    from shapely.geometry import mapping, shape

    by_code = {f["properties"]["iso_3166_2"]: shape(f["geometry"]) for f in admin1}
    macro = []
    for region in MACRO_REGIONS:
        union = shapely.set_precision(
            shapely.union_all([by_code[c] for c in region["members"]]), 1e-4
        )
        props = {k: v for k, v in region.items()}
        props["members"] = "|".join(region["members"])
        macro.append({"type": "Feature", "properties": props, "geometry": mapping(union)})
    full_admin1 = _features(shared / "ne_10m_admin1_states_provinces.geojson")
    macro += macro_regions(_features(shared / "ne_50m_admin0_countries.geojson"), full_admin1)
    _write(out / "macro_regions.geojson", "macro_regions", macro)

    countries = []
    for feat in _features(shared / "ne_50m_admin0_countries.geojson"):
        props = {k: feat["properties"].get(k) for k in COUNTRY_COLUMNS}
        countries.append({"type": "Feature", "properties": props, "geometry": feat["geometry"]})
    _write(out / "countries.geojson", "countries", countries)

    # Land at 1:10m for keeping sea routes off land: the union of the 10m countries.
    land = shapely.set_precision(shapely.union_all(
        [shape(f["geometry"]) for f in _features(shared / "ne_10m_admin0_countries.geojson")]
    ), 1e-4)
    _write(out / "land_10m.geojson", "land_10m", [
        {"type": "Feature", "properties": {"source": "ne_10m_admin0_countries, unioned"},
         "geometry": mapping(land)}])

    # Physical layers of the offline basemap, as staged.
    for name, source, columns in (
        ("rivers", "ne_50m_rivers_lake_centerlines", ("name", "featurecla", "scalerank")),
        ("lakes", "ne_50m_lakes", ("name", "featurecla", "scalerank")),
    ):
        kept = [{"type": "Feature", "properties": {k: f["properties"].get(k) for k in columns},
                 "geometry": f["geometry"]} for f in _features(shared / f"{source}.geojson")]
        _write(out / f"{name}.geojson", name, kept)

    # Networks for routing, as staged (main lines; see shared/geo/README.md).
    for name, source, columns in (
        ("railroads", "ne_10m_railroads_main", ("scalerank_max", "length_km")),
        ("roads", "ne_10m_roads_main", ("featurecla", "road_type", "scalerank", "length_km")),
    ):
        lines = [{"type": "Feature", "properties": {k: f["properties"].get(k) for k in columns},
                  "geometry": f["geometry"]} for f in _features(shared / f"{source}.geojson")]
        _write(out / f"{name}.geojson", name, lines)
    # The basemap's faint railways: main lines (scalerank 6 or less), joined and simplified.
    rail = [shape(f["geometry"]) for f in _features(shared / "ne_10m_railroads_main.geojson")
            if (f["properties"].get("scalerank_max") or 7) <= 6]
    merged = shapely.line_merge(shapely.union_all(rail))
    simple = shapely.set_precision(shapely.simplify(merged, 0.01), 1e-3)
    _write(out / "basemap_railways.geojson", "basemap_railways", [
        {"type": "Feature", "properties": {}, "geometry": mapping(g)}
        for g in getattr(simple, "geoms", [simple])])
    print(f"wrote {len(admin1)} regions, {len(countries)} countries, land and networks to {out}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "geo"
    stage(shared, root / "geo")
