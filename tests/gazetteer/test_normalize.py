from __future__ import annotations

import pytest

from movemap.gazetteer.normalize import (
    deletes,
    key_hash,
    kind_phrase,
    name_key,
    region_bases,
    settlement_base,
    skeleton,
    split_generic,
)


@pytest.mark.parametrize("name", ["Ch'ŏngjin", "Chŏngjin", "Chongjin", "CHONGJIN", "Ch’ŏngjin",
                                  " chongjin "])
def test_spellings_of_chongjin_share_one_key(name: str) -> None:
    assert name_key(name) == "chongjin"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Чхонджин", "чхонджин"),
        ("청진시", "청진시"),
        ("Hamgyŏng-bukto", "hamgyong bukto"),
        ("Primor'ye", "primorye"),
        ("Łódź", "lodz"),
        ("Sakha (Yakutia)", "sakha yakutia"),
        ("Ёлкино", "елкино"),
        ("Sovkhoz No. 2", "sovkhoz no 2"),
    ],
)
def test_name_key_keeps_letters_of_every_script(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Cheongjin", "Chongjin"),  # Revised Romanization vs McCune-Reischauer
        ("Hamheung", "Hamhung"),
        ("Heungnam", "Hŭngnam"),
        ("Ganggye", "Kanggye"),
        ("Busan", "Pusan"),
        ("Kharkov", "Kharkiv"),  # Russian vs Ukrainian forms
        ("Lugansk", "Luhansk"),
        ("Chernigov", "Chernihiv"),
        ("Zaporozhye", "Zaporizhzhia"),
    ],
)
def test_romanisations_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(name_key(a)) == skeleton(name_key(b))


@pytest.mark.parametrize(("a", "b"), [("Kursk", "Kazan"), ("Chongjin", "Hamhung")])
def test_different_names_have_different_skeletons(a: str, b: str) -> None:
    assert skeleton(name_key(a)) != skeleton(name_key(b))


def test_skeleton_is_only_for_latin_keys() -> None:
    assert skeleton("курск") is None


@pytest.mark.parametrize(
    ("key", "base", "generic"),
    [
        ("kursk oblast", "kursk", True),
        ("kursk region", "kursk", True),
        ("republic of buryatia", "buryatia", True),
        ("khabarovsk krai", "khabarovsk", True),
        ("курская область", "курская", True),
        ("하바롭스크 지방", "하바롭스크", True),
        ("쿠르스크주", "쿠르스크", True),
        ("kursk", "kursk", False),
        ("rio do sul", "rio do sul", False),
        ("oblast", "oblast", False),
    ],
)
def test_split_generic(key: str, base: str, generic: bool) -> None:
    assert split_generic(key) == (base, generic)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("kurskaya oblast", {"kurskaya", "kursk"}),
        ("primorskiy kray", {"primorskiy", "primorsk"}),
        ("курская область", {"курская", "курск"}),
        ("amur", {"amur"}),
    ],
)
def test_region_bases_fold_adjectives(key: str, expected: set[str]) -> None:
    assert region_bases(key) == expected


def test_settlement_base() -> None:
    assert settlement_base("청진시") == "청진"
    assert settlement_base("kursk city") == "kursk"
    assert settlement_base("kursk") is None
    assert settlement_base("시") is None


def test_deletes_are_every_single_deletion() -> None:
    assert deletes("abc") == ["bc", "ac", "ab"]


def test_key_hash_is_stable_across_processes() -> None:
    # A fixed value: the on-disk index depends on it never changing between processes.
    assert key_hash("kursk") == 0x787C8C889586E55B


@pytest.mark.parametrize(("key", "expected"), [
    # the longest kind word wins over a shorter one it ends with
    ("engels naval air station", ("air", "engels")),
    ("pope air force base", ("air", "pope")),
    ("kherson sea commercial port", ("port", "kherson")),
    # a kind word that leaves no base gives way to a shorter one that does
    ("air base", ("site", "air")),
    # words after a doubled space still count; the base is trimmed
    ("engels  air base", ("air", "engels")),
    # a prefix only when no suffix names a kind; the longest prefix first
    ("port of vostochny", ("port", "vostochny")),
    ("isle of wight", ("island", "wight")),
    ("остров русский", ("island", "русский")),
    # the kind word alone, or inside a word, is no kind phrase
    ("airport", None),
    ("baseline", None),
    ("kursk", None),
    ("", None),
])
def test_kind_phrase_reads_the_longest_kind_word(key: str,
                                                 expected: tuple[str, str] | None) -> None:
    assert kind_phrase(key) == expected
