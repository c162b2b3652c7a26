"""A country or region that opens a line, followed by a colon, and holds another place the
line names is a rubric (JORDAN: BRITISH TROOPS FLOWN TO AMMAN), the heading of what follows,
not an end of the moves it tells; a town or an area holding nothing the line names may be
where the move starts."""

from __future__ import annotations

from datetime import date

from movemap.extract import extract
from tests.extract.legs import ends


def test_a_headlines_rubric_is_no_origin() -> None:
    text = ("Published: 1958-07-18\n\nJORDAN: BRITISH TROOPS FLOWN TO AMMAN\n\nThe first "
            "battalion of the brigade was flown from Cyprus to Amman this morning.")
    assert ends(extract(text, date(1958, 7, 18))) == [(["Cyprus"], "Amman")]


def test_a_live_blogs_rubric_is_no_end() -> None:
    text = ("Published: 2022-11-11\n\nLive: the Kherson front\n\nKherson: Ukrainian troops "
            "moved from Mykolaiv to Snihurivka overnight.")
    assert ends(extract(text, date(2022, 11, 11))) == [(["Mykolaiv"], "Snihurivka")]


def test_a_place_before_a_colon_inside_a_line_is_still_read() -> None:
    text = ("Published: 1958-07-18\n\nThe airlift\n\nThe order reached Nicosia: the battalion "
            "was flown from Nicosia to Amman that night.")
    assert (["Nicosia"], "Amman") in ends(extract(text, date(1958, 7, 18)))


def test_a_line_opening_with_the_origin_keeps_its_leg() -> None:
    for line in ("Nicosia: 2,000 British paratroopers flown out to Amman.",
                 "CYPRUS: BRITISH TROOPS FLOWN TO AMMAN"):
        text = f"Published: 1958-07-20\n\nAirlift\n\n{line}"
        assert [d.lower() for _, d in ends(extract(text, date(1958, 7, 20)))] == ["amman"], line
