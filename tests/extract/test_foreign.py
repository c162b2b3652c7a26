"""Legs read from reports in Russian, French, Spanish, Portuguese, Italian, German, Dutch,
Swedish and Korean (issue 17).

Sentences of our own, with places in no report of the evaluation corpus: each test stands
for a shape of the language (a preposition or particle for each role, a list, a chain, a
span of days, a future), not for a corpus sentence.
"""

from __future__ import annotations

from datetime import date

import pytest

from movemap.extract import Draft, extract
from movemap.extract.foreign import language_of
from movemap.model import Mode, Status


def legs(draft: Draft) -> list[tuple[str, str, str, str | None]]:
    """Each leg as (origins, destination, start, end) by the words of the text."""
    return [(", ".join(o.mention for o in leg.origins), leg.destination.mention,
             str(leg.start), None if leg.end is None else str(leg.end)) for leg in draft.legs]


@pytest.mark.parametrize(("text", "language"), [
    ("Батальон перебросили из Брянска в Калугу.", "ru"),
    ("병력이 광주에서 대전으로 이동했다.", "ko"),
    ("Le bataillon a quitté Lyon pour Avignon avec les blindés de la division.", "fr"),
    ("El batallón salió de Sevilla hacia Córdoba con los carros de la división.", "es"),
    ("Війська прибули до Харкова з Полтави, і їх розмістили на базі.", None),
    ("The battalion moved from Lyon to Avignon.", None),
    ("O batalhão partiu de Coimbra para o Porto com os carros da divisão.", "pt"),
    ("Il battaglione è partito da Verona per Trento con i carri della divisione.", "it"),
    ("Das Bataillon ist mit den Panzern der Division von Kassel nach Fulda marschiert.", "de"),
    ("Het bataljon is met de tanks van de divisie van Utrecht naar Arnhem gemarcheerd.", "nl"),
    ("Bataljonen marscherade med divisionens stridsvagnar från Uppsala till Gävle och det "
     "var kallt.", "sv"),
])
def test_the_language_of_a_report(text: str, language: str | None) -> None:
    assert language_of(text) == language


def test_russian_prepositions_cases_and_a_chain() -> None:
    draft = extract("13 октября батальон перебросили из Брянска в Калугу. Затем он "
                    "направился к Туле. В Рязани полк будет размещён с 20 по 22 октября.",
                    date(2015, 11, 1))
    assert draft.unreadable is None
    assert legs(draft) == [("Брянск", "Калуга", "2015-10-13", None),
                           ("Калуга", "Тула", "2015-10-13", None)]
    # "в Рязани" is locative: where the regiment will be, not where it goes
    assert "Рязань" not in {leg.destination.mention for leg in draft.legs}


def test_a_russian_name_in_another_case_is_found_by_its_own_form() -> None:
    draft = extract("Колонны двигались к Туле из Брянска и Калуги.", date(1995, 1, 1))
    assert legs(draft) == [("Брянск, Калуга", "Тула", "by 1995-01-01", None)]


def test_french_origin_destination_span_and_drop() -> None:
    draft = extract("Le 3 mai 1951, le bataillon a quitté Lyon pour Avignon. Les "
                    "parachutistes, partis de Toulouse, ont été largués sur Tarbes du 4 au 6 juin.",
                    date(1951, 7, 1))
    assert legs(draft) == [("Lyon", "Avignon", "1951-05-03", None),
                           ("Toulouse", "Tarbes", "1951-06-04", "1951-06-06")]
    assert draft.legs[1].mode is Mode.AIR


@pytest.mark.parametrize("text", [
    "Le 20 décembre, un détachement de 120 militaires a décollé de Lyon à destination de "
    "Marseille, avec les blindés de la division et les camions du régiment.",
    "Le 20 décembre, un détachement de 120 militaires a quitté Lyon en direction de Marseille, "
    "avec les blindés de la division et les camions du régiment.",
])
def test_french_destination_de_is_whither(text: str) -> None:
    # "à destination de", "en direction de": the "de" says whither, not whence
    draft = extract(text, date(2025, 1, 30))
    assert legs(draft) == [("Lyon", "Marseille", "2024-12-20", None)]


def test_a_number_after_a_name_is_no_year_in_french() -> None:
    # "Mirage 2000" names an aircraft: the days after it are not of the year 2000
    draft = extract("Le 10 décembre 2024, départ des avions de chasse Mirage 2000. Le 26 "
                    "décembre, les militaires ont rejoint Marseille depuis Lyon par la route.",
                    date(2025, 1, 30))
    assert legs(draft) == [("Lyon", "Marseille", "2024-12-26", None)]


def test_spanish_list_of_destinations_and_a_future_move() -> None:
    draft = extract("El 12 de marzo, dos batallones salieron de Sevilla hacia Córdoba y Jaén. "
                    "Según el ministerio, 800 soldados llegarán a Granada desde Málaga.",
                    date(1960, 3, 20))
    found = legs(draft)
    assert found[:2] == [("Sevilla", "Córdoba", "1960-03-12", None),
                         ("Sevilla", "Jaén", "1960-03-12", None)]
    assert [(o, d) for o, d, _, _ in found[2:]] == [("Málaga", "Granada")]
    assert draft.legs[2].status is Status.EXPECTED


def test_korean_particles_list_chain_and_same_route() -> None:
    draft = extract("국방부에 따르면 병력 1,200명이 5월 3일부터 5일까지 광주, 목포 인근에서 "
                    "대전으로 이동했다. 이들은 대전에 도착한 뒤 청주와 천안의 기지로 "
                    "흩어졌다. 2진도 곧 같은 경로로 이동할 예정이다.", date(2020, 6, 1))
    found = legs(draft)
    assert found[0] == ("광주, 목포", "대전", "2020-05-03", "2020-05-05")
    assert [(o, d) for o, d, _, _ in found[1:3]] == [("대전", "청주"), ("대전", "천안")]
    assert draft.legs[0].strength == 1200 and draft.legs[0].status is Status.REPORTED
    assert (found[3][0], found[3][1]) == ("광주, 목포", "대전")
    assert draft.legs[3].status is Status.EXPECTED


@pytest.mark.parametrize(("text", "published"), [
    ("Em 4 de maio de 1912, dois batalhões do exército partiram de Coimbra em direção ao Porto "
     "com os seus canhões. No Porto, o comandante informou que 900 soldados irão para Braga "
     "nos próximos dias.", date(1912, 6, 1)),
    ("Il 4 maggio 1912 il reggimento di fanteria è partito da Coimbra e ha raggiunto Porto con "
     "i suoi cannoni. Secondo il comando, 900 soldati saranno trasportati da Porto a Braga "
     "entro la settimana.", date(1912, 6, 1)),
    ("Am 4. Mai 1912 marschierte das Regiment mit seinen Geschützen von Coimbra nach Porto. "
     "Laut dem Ministerium sollen 900 Soldaten in der nächsten Woche aus Porto nach Braga "
     "verlegt werden.", date(1912, 6, 1)),
    ("Op 4 mei 1912 marcheerde het regiment met zijn kanonnen van Coimbra naar Porto. Volgens "
     "het ministerie zullen 900 soldaten in de komende week van Porto naar Braga worden "
     "verplaatst.", date(1912, 6, 1)),
    ("Den 4 maj 1912 marscherade regementet med sina kanoner från Coimbra till Porto. Enligt "
     "ministeriet ska 900 soldater under den kommande veckan skickas från Porto till Braga.",
     date(1912, 6, 1)),
])
def test_five_more_languages_prepositions_dates_and_a_future(
        text: str, published: date) -> None:
    # a day of the month written in each language's way (a German ordinal's dot does not
    # end the sentence), an origin and a destination by their prepositions, then a move
    # that will be made from where the first one ended
    draft = extract(text, published)
    found = legs(draft)
    assert found[0] == ("Coimbra", "Porto", "1912-05-04", None)
    assert [(o, d) for o, d, _, _ in found[1:]] == [("Porto", "Braga")]
    assert [leg.status for leg in draft.legs] == [Status.CONFIRMED, Status.EXPECTED]


def test_a_year_written_before_dates_the_days_after_it() -> None:
    # a history published in 2007 about November 1807: "mid-November" is in 1807
    draft = extract("Em 2007 recorda-se que a 30 de novembro de 1807 as tropas entraram em "
                    "Lisboa. Em meados de novembro o exército tinha seguido de Coimbra para "
                    "Leiria, e depois para Santarém com os seus canhões.", date(2007, 11, 30))
    starts = {d: s for _, d, s, _ in legs(draft)}
    assert starts["Leiria"].startswith("1807-11")


@pytest.mark.parametrize("text", [
    "Op 13 mei 1940 vertrok koningin Wilhelmina vanuit Hoek van Holland met een Britse "
    "torpedobootjager naar Londen; het kabinet volgde in de avond van dezelfde dag.",
    "Am 9. November 1918 reiste der König von Berlin nach Spa und dann weiter in die "
    "Niederlande, wo er den Rest seines Lebens verbrachte.",
])
def test_a_sovereign_or_a_government_leaving_is_no_force_moving(text: str) -> None:
    assert extract(text, date(1950, 1, 1)).legs == ()


def test_a_column_under_its_king_is_a_force() -> None:
    draft = extract("Le 16 décembre 1740, la colonne conduite par le roi lui-même a quitté Lyon "
                    "pour Dijon, tandis que le reste de l'armée restait sur la Saône avec les "
                    "canons et les bagages.", date(1740, 12, 20))
    assert [(o, d) for o, d, _, _ in legs(draft)][:1] == [("Lyon", "Dijon")]


def test_a_german_noun_after_its_article_is_no_place() -> None:
    # German writes its nouns with a capital: "dem König" is the king, not Bad König; a
    # country takes an article too and stays a place
    draft = extract("Am 16. Dezember 1740 zog die Kolonne unter dem König von Breslau nach "
                    "Glogau und folgte dann der Oder, während die Vorhut in die Schweiz "
                    "geschickt wurde, wie man berichtet.", date(1740, 12, 20))
    found = {p.mention for p in draft.places}
    assert "König" not in found and {"Breslau", "Glogau", "Schweiz"} <= found


@pytest.mark.parametrize("text", [
    # words that begin like a verb of motion and are none: entre (between), parte (part),
    # Österreich, betrokken (involved), fördraget (the treaty)
    "Em 4 de maio de 1912, o regimento ficou em Coimbra, entre as montanhas e o rio, sem "
    "notícias da Guarda nem do comando, e ali esperou ordens durante semanas.",
    "Il 4 maggio 1912 il reggimento restò a Trento. Da parte sua, il comando della divisione "
    "a Bolzano non diede alcun ordine per tutta la settimana seguente.",
    "Am 4. Mai 1912 stand das Regiment in Salzburg. Über die Lage in Österreich und in Linz "
    "berichtete Generalfeldmarschall Weber erst später dem Ministerium.",
    "Op 4 mei 1912 bleef het regiment in Arnhem. De betrokken officieren in Utrecht meldden "
    "dat de toestand rustig was en dat er niets te melden viel.",
    "Den 4 maj 1912 låg regementet kvar i Gävle. Enligt fördraget med grannlandet fick inga "
    "trupper finnas i Sundsvall under den kommande veckan.",
])
def test_a_word_that_only_begins_like_a_verb_of_motion_moves_nothing(text: str) -> None:
    assert extract(text, date(1912, 6, 1)).legs == ()


@pytest.mark.parametrize("text", [
    "O segundo batalhão do regimento partiu de Coimbra para o Porto em 4 de maio de 1912, com "
    "os seus canhões e os seus carros de munições.",
    "Il secondo battaglione del reggimento è partito da Coimbra per Porto il 4 maggio 1912 "
    "con i suoi cannoni e con i suoi carri di munizioni.",
])
def test_the_ordinal_second_is_no_hearsay(text: str) -> None:
    legs = extract(text, date(1912, 6, 1)).legs
    assert [(leg.status, leg.source) for leg in legs] == [(Status.CONFIRMED, None)]


@pytest.mark.parametrize(("text", "language"), [
    # terse Spanish with few function words stays Spanish; Danish is not read as Swedish
    ("Tropas de Marruecos entraron en Ceuta. Agentes de Guardia Civil en Melilla. Refuerzos "
     "de Madrid en camino a Ceuta de inmediato.", "es"),
    ("Tropperne marcherede fra København til Roskilde, og de blev der ikke længe efter at de "
     "var kommet frem fra hovedstaden.", None),
])
def test_close_languages_are_told_apart(text: str, language: str | None) -> None:
    assert language_of(text) == language


def test_a_month_name_inside_a_word_is_no_month() -> None:
    # "a maggioranza" (mostly) is no May: the month given is June
    draft = extract("Il reggimento, composto a maggioranza da alpini e da bersaglieri, è partito "
                    "da Trento per Bolzano il 3 giugno 1915 e arrivò in serata senza perdite, "
                    "secondo il comando della divisione.", date(1915, 7, 1))
    assert [str(leg.start) for leg in draft.legs] == ["1915-06-03"]


def test_a_korean_list_of_stages_keeps_its_first_stage() -> None:
    draft = extract("국방부에 따르면 부대는 대전에서 출발해 서울로, 이어 부산으로 이동했다고 "
                    "밝혔다. 병력은 모두 1,200명이다.", date(2020, 6, 1))
    assert [(o, d) for o, d, _, _ in legs(draft)] == [("대전", "서울"), ("서울", "부산")]


def test_a_january_after_a_december_is_in_the_next_year() -> None:
    draft = extract("Em 20 de dezembro de 2023, 1200 soldados partiram de Coimbra para o Porto "
                    "com os seus carros. Em 5 de janeiro, o batalhão seguiu do Porto para Braga "
                    "com os seus canhões.", date(2024, 1, 10))
    assert [s for _, _, s, _ in legs(draft)] == ["2023-12-20", "2024-01-05"]


def test_a_french_army_named_for_a_place_does_not_start_there() -> None:
    # l'armée des Pyrénées is a force's name: the move starts at the town it left
    draft = extract("Le 7 avril 1823, l'armée des Pyrénées, forte de quelque 20 000 hommes, est "
                    "partie de Grenoble et elle est entrée à Lyon le 12 avril.",
                    date(1823, 9, 1))
    assert [o for o, _, _, _ in legs(draft)] == ["Grenoble"]


def test_a_french_title_of_nobility_names_a_person_not_a_place() -> None:
    draft = extract("Le duc d'Orléans a quitté Lyon à la fin de juillet avec ses troupes et "
                    "s'est établi à Grenoble vers la mi-août.", date(1823, 9, 1))
    assert [(o, d) for o, d, _, _ in legs(draft)] == [("Lyon", "Grenoble")]
    assert "Orléans" not in {p.mention for p in draft.places}


def test_a_courier_leaving_a_headquarters_is_no_force_moving() -> None:
    # the courier's start is not where the troops of the next sentence came from
    draft = extract("Un courrier extraordinaire, parti du quartier général de Lyon, a apporté "
                    "hier la nouvelle. Les troupes sont entrées à Grenoble le 31 août.",
                    date(1823, 9, 1))
    assert all("Lyon" not in o for o, _, _, _ in legs(draft))


@pytest.mark.parametrize(("text", "start"), [
    ("Le duc d'Orléans a quitté Lyon à la fin de juillet avec ses troupes et s'est établi à "
     "Grenoble.",
     "1823-07"),
    ("Le duc d'Orléans a quitté Lyon vers la mi-août avec ses troupes et s'est établi à "
     "Grenoble.",
     "1823-08"),
    ("Las tropas de la guardia salieron de Madrid a finales de julio hacia Sevilla, y la "
     "columna entró en la ciudad con sus cañones.",
     "1823-07"),
    ("Las tropas de la guardia salieron de Madrid a mediados de agosto hacia Sevilla, y la "
     "columna entró en la ciudad con sus cañones.",
     "1823-08"),
    ("Le truppe della guardia partirono da Roma a metà luglio per Napoli, e la colonna "
     "arrivò nella città con i suoi cannoni.", "1823-07"),
    ("Le truppe della guardia partirono da Roma all'inizio di agosto per Napoli, e la colonna "
     "arrivò nella città con i suoi cannoni.", "1823-08"),
])
def test_a_part_of_a_month_dates_the_clause(text: str, start: str) -> None:
    # the end, the middle or the start of a month, as the Romance languages write it
    (leg,) = extract(text, date(1823, 12, 1)).legs
    assert str(leg.start) == start


def test_an_arrival_dated_in_its_clause_set_out_at_the_narrative_s_day() -> None:
    # a move carried on from the last place: the clause's date is when it got there
    text = ("El 26 de junio la división salió de Amurrio y marchó hacia el oeste por las "
            "montañas. La división entró sin combate en Oviedo a comienzos de julio.")
    (leg,) = extract(text, date(1837, 1, 1)).legs
    assert (leg.origins[0].mention, leg.destination.mention) == ("Amurrio", "Oviedo")
    assert (str(leg.start), str(leg.end)) == ("1836-06-26", "1836-07")


def test_a_district_after_a_place_is_where_it_lies_not_a_start() -> None:
    # "do Uíge" after "no distrito": the district Carmona lies in, not where the move began
    text = ("Largou esta tarde do porto de Lisboa o paquete, que leva a bordo o primeiro "
            "contingente de tropas. A viagem deverá durar cerca de dez dias. Em Luanda, as "
            "unidades agora embarcadas serão depois transportadas para Carmona, no distrito do "
            "Uíge, onde bandos armados atacaram fazendas e povoações.")
    found = legs(extract(text, date(1961, 4, 22)))
    assert ("Luanda", "Carmona") in [(o, d) for o, d, _, _ in found]
    leg = next(leg for leg in extract(text, date(1961, 4, 22)).legs
               if leg.destination.mention == "Carmona")
    assert leg.status is Status.EXPECTED  # serão transportadas: they will be


def test_a_since_date_and_the_country_of_the_last_stage_make_no_move_of_their_own() -> None:
    text = ("Largou esta tarde do porto de Lisboa, com destino a Luanda, o paquete «Niassa», que "
            "leva a bordo o primeiro grande contingente de tropas expedicionárias enviado para "
            "Angola desde os acontecimentos de 15 de março no norte da província.")
    found = legs(extract(text, date(1961, 4, 22)))
    assert [(o, d) for o, d, _, _ in found] == [("Lisboa", "Luanda")]
    assert "03-15" not in found[0][2]  # the date of the events it comes after


@pytest.mark.parametrize(("text", "start"), [
    # "from" (dal, desde, depuis, från) before a place: the clause's own date stands
    ("Le truppe della guardia partirono dal porto di Napoli il 3 marzo e arrivarono a Palermo "
     "con i loro cannoni. La città accolse le truppe con grande gioia.", "1823-03-03"),
    ("Las tropas de la guardia marcharon desde Madrid el 3 de julio hacia Sevilla con sus "
     "cañones. La ciudad recibió a las tropas con gran alegría.", "1823-07-03"),
])
def test_a_from_word_before_a_place_keeps_the_clause_s_date(text: str, start: str) -> None:
    (leg,) = extract(text, date(1823, 12, 1)).legs
    assert str(leg.start) == start


def test_a_district_after_a_two_word_preposition_is_where_the_place_lies() -> None:
    text = ("Les troupes de la garde arrivèrent à Tulle, dans le département de la Corrèze, le 3 "
            "juillet, puis partirent pour Limoges. La ville accueillit les soldats avec une "
            "grande joie.")
    assert all("Corrèze" not in o for o, _, _, _ in legs(extract(text, date(1823, 12, 1))))


def test_an_arrival_months_after_the_narrative_s_day_did_not_set_out_then() -> None:
    text = ("El 3 de enero la división llegó a Amurrio y allí permaneció durante muchos meses. "
            "La división entró sin combate en Oviedo el 5 de julio. La ciudad recibió a las "
            "tropas con gran alegría.")
    (leg,) = extract(text, date(1837, 1, 1)).legs
    assert str(leg.start) == "1836-07-05"


@pytest.mark.parametrize("text", [
    # "here" in a German and a French wire is the town of its dateline
    ("Kassel, 24. November, abends. Die Division ist seit heute Mittag in der Stadt. Wie es im "
     "Hauptquartier heisst, sollen morgen Truppen von hier nach Fulda aufbrechen, falls der "
     "Feind nicht vorher abzieht."),
    ("Lyon, le 24 novembre. La division est entrée dans la ville à midi. Selon l'état-major, "
     "les troupes partiront demain d'ici pour Avignon avec les blindés de la division."),
])
def test_here_in_another_language_is_the_dateline_s_town(text: str) -> None:
    draft = extract(text, date(1940, 11, 26))
    found = [(", ".join(o.place.name for o in leg.origins), leg.destination.place.name)
             for leg in draft.legs]
    assert found and found[0][0] in ("Kassel", "Lyon")
    assert found[0][1] in ("Fulda", "Avignon")
    assert draft.legs[0].status is Status.EXPECTED
